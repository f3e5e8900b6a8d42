"""The project's exceptions: few, each with a message a person can act on."""

from __future__ import annotations


class SeurantaError(Exception):
    """Base class: anything the CLI may print as a one-line error.

    ``exit_status`` is what the command exits with: 2 for a usage or configuration error.
    """

    exit_status = 2


class ConfigError(SeurantaError, ValueError):
    """A setting is missing or malformed; raised at start, never at the first request."""


class SourceError(SeurantaError, ValueError):
    """A programme document cannot be read as a programme; the import is refused."""

    exit_status = 1


class ImportRefused(SeurantaError):
    """An import would remove measures or replace the programme; nothing was changed.

    The message says why and which flag lets it through deliberately.
    """

    exit_status = 1


class InputError(SeurantaError, ValueError):
    """A file or argument a person gave cannot be used; the message says what to fix."""


class UnavailableError(SeurantaError, ConnectionError):
    """A service the command needs (the database, Slack) cannot be reached; raised at start."""
