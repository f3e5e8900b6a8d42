"""The project's exceptions: few, each with a message a person can act on."""

from __future__ import annotations


class SeurantaError(Exception):
    """Base class: anything the CLI may print as a one-line error."""


class ConfigError(SeurantaError, ValueError):
    """A setting is missing or malformed; raised at start, never at the first request."""


class SourceError(SeurantaError, ValueError):
    """A programme document cannot be read as a programme."""


class InputError(SeurantaError, ValueError):
    """A file or argument a person gave cannot be used; the message says what to fix."""


class UnavailableError(SeurantaError, ConnectionError):
    """A service the command needs (the database, Slack) cannot be reached; raised at start."""
