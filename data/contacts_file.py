"""Reads the YAML file that sets up organisation contacts in bulk.

The file maps an organisation (key, name or alias) to a list of people, each a Slack user id
or ``teams:`` and a Microsoft Entra (Azure AD) object id::

    SUPO: [U012AB3CD, U045EF6GH]
    Poliisihallitus:
      - U078IJ9KL
      - teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f

Only the shape is checked here; :func:`data.directory.import_contacts` checks the names and ids
against the database and keeps nothing unless everything is right. Names and ids pass the input
policy first (:func:`seuranta.text.clean`): one copied from a web page or a chat often carries a
zero width space or decomposed letters, which would make "SUPO" or "sisäministeriö" unknown.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from seuranta.errors import InputError
from seuranta.text import clean


def read_contacts_file(path: Path) -> dict[str, tuple[str, ...]]:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from error
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise InputError(f"{path}: not valid YAML{line}") from error
    if not isinstance(document, dict) or not document:
        raise InputError(f"{path}: expected a mapping 'ORGANISATION: [people]'")
    entries: dict[str, tuple[str, ...]] = {}
    for name, users in document.items():
        if isinstance(users, str):
            users = [users]
        if not isinstance(users, list) or not all(isinstance(u, str) for u in users):
            raise InputError(
                f"{path}: {name}: expected a list of people (Slack user ids or teams:<object id>)"
            )
        entries[clean(str(name))] = tuple(clean(u) for u in users)
    return entries
