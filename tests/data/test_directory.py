"""The people directory on both databases: people on any platform, contacts, their bulk import,
pauses, Teams conversation references, handled events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data import directory
from data.contacts_file import read_contacts_file
from data.db import transaction
from data.importer import ImportSummary
from data.models import ConversationKind, ConversationReference
from seuranta.errors import InputError
from seuranta.identity import PersonId
from tests.support.programme import NOW

AAD = "5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"
TEAMS_WRITTEN = "teams:5F0C1A6E-3F8E-4C53-9A53-1A2B3C4D5E6F"  # as copied from Entra, in capitals


def _contacts(factory: sessionmaker[Session]) -> list[tuple[str, str]]:
    with factory() as session:
        return [(c.organisation.key, c.person_key) for c in directory.contacts(session)]


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


def test_contacts_import_takes_teams_people_beside_slack_ones_as_one_key_each(
    imported: ImportSummary, factory: sessionmaker[Session], tmp_path: Path
) -> None:
    path = tmp_path / "contacts.yaml"
    path.write_text(f"SUPO: [U012AB3CD, {TEAMS_WRITTEN}]\nSM: [' teams:{AAD}']\n")

    first = directory.import_contacts(factory, read_contacts_file(path), added_by="t", now=NOW)

    assert (first.added, first.already_there) == (3, 0)
    assert _contacts(factory) == [
        ("SM", f"teams:{AAD}"),
        ("SUPO", "U012AB3CD"),
        ("SUPO", f"teams:{AAD}"),
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            "SUPO: [U012AB3CD]\nNOSUCH: [U045EF6GH]\n", "'NOSUCH' is not", id="unknown_org"
        ),
        pytest.param(
            "SUPO: [U012AB3CD, anna]\n", "SUPO: 'anna' is neither a Slack user id", id="bad_id"
        ),
        pytest.param(
            f"SUPO: [{TEAMS_WRITTEN}, teams:anna]\n",
            "SUPO: 'teams:anna' is neither a Slack user id .* nor a Teams user like teams:",
            id="teams_without_object_id",
        ),
        pytest.param(
            "SUPO: [U012AB3CD]\nSM: [C0123ABCD]\n", "SM: 'C0123ABCD' is neither", id="channel"
        ),
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


def test_a_person_is_found_by_their_key_on_either_platform(
    imported: ImportSummary, factory: sessionmaker[Session]
) -> None:
    teams = PersonId.teams(AAD).key
    with transaction(factory) as session:
        supo = directory.resolve_one(session, "SUPO")
        directory.add_contact(session, supo, teams, "UADMIN", NOW)
        directory.represent(session, "U012AB3CD", directory.resolve_one(session, "SM"), NOW)

    def organisation_of(key: str) -> str | None:
        with factory() as session:
            found = directory.my_organisation(session, key)
            return found.key if found else None

    assert organisation_of(teams) == "SUPO"
    assert organisation_of("U012AB3CD") == "SM"
    assert organisation_of(AAD) is None  # the bare object id is not the person's key


def test_a_profile_keeps_what_was_told_and_none_leaves_what_is_known(
    factory: sessionmaker[Session],
) -> None:
    teams, later = PersonId.teams(AAD).key, NOW + timedelta(hours=1)
    with transaction(factory) as session:
        directory.remember_profile(
            session, "U012AB3CD", locale="fi-FI", tz="Europe/Helsinki", display_name="Anna", now=NOW
        )
        directory.remember_profile(
            session, teams, locale="sv-SE", tz=None, display_name="Bertil", now=NOW
        )
    with transaction(factory) as session:
        # Teams tells the locale and name with every message, and never a time zone.
        directory.remember_profile(
            session, teams, locale="sv-SE", tz=None, display_name="Bertil", now=later
        )
        directory.remember_profile(
            session, "U012AB3CD", locale="en-GB", tz=None, display_name=None, now=later
        )

    with factory() as session:
        slack_person, teams_person = (directory.person(session, k) for k in ("U012AB3CD", teams))
        assert slack_person is not None
        assert teams_person is not None
        assert (slack_person.locale, slack_person.tz, slack_person.display_name) == (
            "en-GB",
            "Europe/Helsinki",
            "Anna",
        )
        assert slack_person.updated_at == later
        assert (teams_person.locale, teams_person.tz, teams_person.updated_at) == (
            "sv-SE",
            None,
            NOW,
        )
        assert directory.display_names(session, [teams, "U012AB3CD", "UNOBODY"]) == {
            teams: "Bertil",
            "U012AB3CD": "Anna",
        }


def test_a_pause_is_a_persons_and_a_later_one_replaces_it(factory: sessionmaker[Session]) -> None:
    teams = PersonId.teams(AAD).key
    with transaction(factory) as session:
        directory.pause(session, teams, date(2019, 1, 7), NOW)
        directory.pause(session, "U012AB3CD", date(2019, 1, 7), NOW)
    with transaction(factory) as session:
        directory.pause(session, "U012AB3CD", date(2018, 12, 20), NOW)

    with factory() as session:
        assert directory.paused_users(session, date(2018, 12, 17)) == {
            teams: date(2019, 1, 7),
            "U012AB3CD": date(2018, 12, 20),
        }
        assert directory.paused_users(session, date(2018, 12, 20)) == {teams: date(2019, 1, 7)}


SERVICE = "https://smba.trafficmanager.net/emea/"
CHANNEL = "19:3a8f2c7d1e6b4a5f9c0d8e7b6a5f4c3d@thread.tacv2"


def _personal(**changes: str) -> directory.ConversationRef:
    values = {
        "aad_object_id": AAD.upper(),
        "user_id": "29:1AbCdEfGh",
        "conversation_id": "a:1XyZpersonal",
        "service_url": SERVICE,
        "bot_id": "28:bot-app-id",
        "tenant_id": "tenant-guid",
    } | changes
    return directory.ConversationRef.personal(**values)


def test_a_personal_conversation_is_found_by_the_persons_key(
    factory: sessionmaker[Session],
) -> None:
    with transaction(factory) as session:
        first = directory.remember_conversation(session, _personal(), NOW)

    with factory() as session:
        found = directory.conversation(session, PersonId.teams(AAD).key)
        assert directory.conversation(session, "teams:00000000-0000-0000-0000-000000000000") is None
    assert first is True
    assert found == directory.ConversationRef(
        destination=f"teams:{AAD}",
        kind=ConversationKind.PERSONAL,
        service_url=SERVICE,
        conversation_id="a:1XyZpersonal",
        bot_id="28:bot-app-id",
        tenant_id="tenant-guid",
        user_id="29:1AbCdEfGh",
        aad_object_id=AAD,
    )


def test_a_channel_is_found_by_its_destination_without_the_thread(
    factory: sessionmaker[Session],
) -> None:
    reference = directory.ConversationRef.channel(
        conversation_id=f"{CHANNEL};messageid=1700000000000",
        service_url=SERVICE,
        bot_id="28:bot-app-id",
        tenant_id="tenant-guid",
    )
    with transaction(factory) as session:
        directory.remember_conversation(session, reference, NOW)

    with factory() as session:
        found = directory.conversation(session, f"teams:{CHANNEL}")
    assert found is not None
    assert (found.kind, found.conversation_id, found.user_id) == (
        ConversationKind.CHANNEL,
        CHANNEL,
        None,
    )


def _stored(factory: sessionmaker[Session]) -> list[tuple[str, str, datetime]]:
    with factory() as session:
        rows = session.execute(
            select(
                ConversationReference.destination,
                ConversationReference.service_url,
                ConversationReference.updated_at,
            )
        )
        return [tuple(row) for row in rows]


def test_the_same_reference_again_writes_nothing_and_a_new_service_url_replaces_the_old(
    factory: sessionmaker[Session],
) -> None:
    moved, later = "https://smba.trafficmanager.net/amer/", NOW + timedelta(hours=2)
    with transaction(factory) as session:
        directory.remember_conversation(session, _personal(), NOW)
    with transaction(factory) as session:
        again = directory.remember_conversation(session, _personal(), NOW + timedelta(hours=1))
    unchanged = _stored(factory)
    with transaction(factory) as session:
        refreshed = directory.remember_conversation(session, _personal(service_url=moved), later)
        seen_at_once = directory.conversation(session, f"teams:{AAD}")

    assert (again, refreshed) == (False, False)
    assert unchanged == [(f"teams:{AAD}", SERVICE, NOW)]
    assert _stored(factory) == [(f"teams:{AAD}", moved, later)]
    assert seen_at_once == _personal(service_url=moved)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: _personal(aad_object_id="not-a-guid"), id="personal_without_guid"),
        pytest.param(
            lambda: directory.ConversationRef.channel(
                conversation_id="a:1XyZpersonal",
                service_url=SERVICE,
                bot_id="28:bot",
                tenant_id=None,
            ),
            id="channel_that_is_a_personal_chat",
        ),
    ],
)
def test_a_reference_that_names_no_person_or_channel_is_refused(
    make: Callable[[], directory.ConversationRef],
) -> None:
    with pytest.raises(InputError, match="neither"):
        make()


def test_forgetting_removes_only_the_named_destinations(factory: sessionmaker[Session]) -> None:
    channel = directory.ConversationRef.channel(
        conversation_id=CHANNEL, service_url=SERVICE, bot_id="28:bot-app-id", tenant_id=None
    )
    with transaction(factory) as session:
        directory.remember_conversation(session, _personal(), NOW)
        directory.remember_conversation(session, channel, NOW)

    with transaction(factory) as session:
        gone = directory.forget_conversations(session, [f"teams:{AAD}", "teams:19:x@thread.v2"])

    assert gone == 1
    assert [row[0] for row in _stored(factory)] == [f"teams:{CHANNEL}"]
