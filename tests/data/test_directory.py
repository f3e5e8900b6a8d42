"""The people directory on both databases: contacts, their bulk import, handled events."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from data import directory
from data.contacts_file import read_contacts_file
from data.db import transaction
from data.importer import ImportSummary
from seuranta.errors import InputError
from tests.conftest import NOW


def _contacts(factory: sessionmaker[Session]) -> list[tuple[str, str]]:
    with factory() as session:
        return [(c.organisation.key, c.slack_user_id) for c in directory.contacts(session)]


def test_an_event_id_is_recorded_once(factory: sessionmaker[Session]) -> None:
    with transaction(factory) as session:
        first = directory.record_event(session, "Ev1", NOW)
        again = directory.record_event(session, "Ev1", NOW)
        directory.forget_events(session, NOW + timedelta(seconds=1))
        after_forgetting = directory.record_event(session, "Ev1", NOW)

    assert (first, again, after_forgetting) == (True, False, True)


def test_contacts_import_adds_every_listed_person(
    imported: ImportSummary, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text("SUPO: [U012AB3CD, U045EF6GH]\nsisäministeriö:\n  - U078IJ9KL\n")

    first = directory.import_contacts(factory, read_contacts_file(path), added_by="t", now=NOW)
    again = directory.import_contacts(factory, read_contacts_file(path), added_by="t", now=NOW)

    assert (first.added, first.already_there) == (3, 0)
    assert (again.added, again.already_there) == (0, 3)
    assert _contacts(factory) == [("SM", "U078IJ9KL"), ("SUPO", "U012AB3CD"), ("SUPO", "U045EF6GH")]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            "SUPO: [U012AB3CD]\nNOSUCH: [U045EF6GH]\n", "'NOSUCH' is not", id="unknown_org"
        ),
        pytest.param("SUPO: [U012AB3CD, anna]\n", "'anna' is not a Slack user id", id="bad_id"),
    ],
)
def test_a_bad_contacts_file_changes_nothing(
    imported: ImportSummary, factory: sessionmaker[Session], tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text(text)

    with pytest.raises(InputError, match=problem):
        directory.import_contacts(factory, read_contacts_file(path), added_by="t", now=NOW)

    assert _contacts(factory) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param("SUPO: [U1\n", "not valid YAML at line", id="yaml"),
        pytest.param("- SUPO\n", "expected a mapping", id="list"),
        pytest.param("SUPO: {a: 1}\n", "SUPO: expected a list", id="nested"),
    ],
)
def test_a_misshapen_contacts_file_is_one_clear_error(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text(text)

    with pytest.raises(InputError, match=problem):
        read_contacts_file(path)


def test_names_and_ids_copied_with_invisible_characters_still_match(
    imported: ImportSummary, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "contacts.yaml"
    # A zero width space, a byte order mark, a right-to-left override, decomposed "ä" and "ö".
    path.write_text(
        '"SU\\u200bPO": ["U012AB3CD\\ufeff"]\n'
        '"\\u202esisa\\u0308ministerio\\u0308 ": [" U078IJ9KL\\u200b"]\n',
        encoding="utf-8",
    )

    imported_contacts = directory.import_contacts(
        factory, read_contacts_file(path), added_by="t", now=NOW
    )

    assert imported_contacts.added == 2
    assert _contacts(factory) == [("SM", "U078IJ9KL"), ("SUPO", "U012AB3CD")]
