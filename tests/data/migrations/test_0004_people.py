"""Migration 0004 on both databases: a database from before people on any platform upgrades with
every person, contact, pause, reminder, status report and round intact, and downgrades back.

The rows are written with plain SQL in 0003's own columns, the way that version stored them,
so the test does not depend on today's models for the "before".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from data import directory, outbox, reminders, rounds, status
from data.db import MIGRATIONS, current_revision, make_sessionmaker, transaction, upgrade
from data.models import Organisation, Person, State, StatusReport, UtcDateTime
from seuranta.identity import Platform

T0 = datetime(2018, 12, 3, 9, 0, tzinfo=UTC)
TEAMS_PERSON = "teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"
TEAMS_CHANNEL = "teams:19:3a8f2c7d1e6b4a5f9c0d8e7b6a5f4c3d@thread.tacv2"
# Every table whose rows name people; compared row for row across the migration.
TABLES = ("person", "contact", "reminder_pause", "reminder", "status_report", "reporting_round")
RENAMED = {"slack_user_id": "person_key"}
_TYPES: Mapping[str, sa.types.TypeEngine[Any]] = {
    **{c: UtcDateTime() for c in ("imported_at", "created_at", "updated_at", "set_at")},
    **{c: UtcDateTime() for c in ("send_at", "sent_at", "started_at", "closed_at")},
    **{c: sa.Date() for c in ("due", "until")},
    **{c: sa.JSON() for c in ("aliases", "detail")},
}

ROWS_0003: dict[str, list[dict[str, Any]]] = {
    "programme": [
        {
            "id": 1,
            "slug": "sisaisen-turvallisuuden-strategia",
            "title": "Toimenpideohjelma",
            "description": "",
            "source_name": "toimenpideohjelma.txt",
            "source_sha256": "0" * 64,
            "revision": 1,
            "imported_at": T0,
        }
    ],
    "organisation": [
        {
            "id": oid,
            "key": key,
            "kind": "agency",
            "parent_key": None,
            "name_fi": name,
            "name_sv": "",
            "name_en": "",
            "aliases": [],
            "uncertain": False,
            "note": None,
        }
        for oid, key, name in ((1, "SUPO", "Suojelupoliisi"), (2, "SM", "Sisäministeriö"))
    ],
    "measure": [
        {
            "id": 1,
            "programme_id": 1,
            "number": "2.7",
            "theme": 2,
            "sort_key": 2007,
            "title": "Hybridiuhat",
            "source_line": 40,
            "removed_at": None,
        }
    ],
    "responsibility": [
        {
            "id": 1,
            "measure_id": 1,
            "organisation_id": 1,
            "role": "lead",
            "position": 0,
            "spelling": "SUPO",
        }
    ],
    "milestone": [
        {
            "id": 1,
            "measure_id": 1,
            "text": "12/2018",
            "kind": "date",
            "start": None,
            "due": date(2018, 12, 31),
            "position": 0,
            "origin": "source",
            "occurrence": 0,
            "source_line": 41,
            "created_by": None,
            "created_at": T0,
            "removed_at": None,
        }
    ],
    "person": [
        {
            "id": 1,
            "slack_user_id": "U012AB3CD",
            "organisation_id": 1,
            "locale": "fi-FI",
            "tz": "Europe/Helsinki",
            "display_name": "Anna Virtanen",
            "updated_at": T0,
        },
        {
            "id": 2,
            "slack_user_id": "W045EF6GH",
            "organisation_id": None,
            "locale": "",
            "tz": None,
            "display_name": "Bertil",
            "updated_at": T0,
        },
    ],
    "contact": [
        {"id": 1, "organisation_id": 1, "slack_user_id": "U012AB3CD"},
        {"id": 2, "organisation_id": 2, "slack_user_id": "U012AB3CD"},
        {"id": 3, "organisation_id": 1, "slack_user_id": "W045EF6GH"},
    ],
    "reminder_pause": [
        {"slack_user_id": "W045EF6GH", "until": date(2019, 1, 7), "set_at": T0},
    ],
    "reminder": [
        {"id": 1, "key": "deadline:1:2018-12-31:14:U012AB3CD", "offset_days": 14},
        {
            "id": 2,
            "key": "deadline:1:2018-12-31:3:U012AB3CD",
            "offset_days": 3,
            "status": "sent",
            "attempts": 1,
            "posted_channel": "D0123ABCD",
            "ts": "1544780000.000100",
            "sent_at": T0 + timedelta(days=25),
        },
        # A folded row points at another row of its own table, which SQLite's copy of the
        # table must survive (data.db.upgrade turns foreign keys off while copying).
        {"id": 3, "key": "missed:U012AB3CD:2018-12-30", "kind": "missed", "milestone_id": None},
        {
            "id": 4,
            "key": "deadline:1:2018-12-31:0:U012AB3CD",
            "offset_days": 0,
            "status": "folded",
            "folded_into": 3,
        },
    ],
    "status_report": [
        {
            "id": 1,
            "measure_id": 1,
            "milestone_id": 1,
            "state": "at_risk",
            "note": "Viivästyy tammikuulle",
            "reporter": "U012AB3CD",
            "reporter_name": "Anna Virtanen",
            "organisation_id": 1,
            "source": "button",
            "channel": "D0123ABCD",
            "message_ts": "1544780000.000100",
            "permalink": "https://example.slack.com/archives/D0123ABCD/p1544780000000100",
            "created_at": T0 + timedelta(days=25),
        }
    ],
    "reporting_round": [
        {
            "id": 1,
            "due": date(2019, 1, 31),
            "pattern": "2.*",
            "started_by": "UADMIN",
            "started_at": T0,
            "closed_at": None,
        }
    ],
    "round_measure": [{"round_id": 1, "measure_id": 1}],
}


def _complete(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """Fill in what every row of a table shares (contacts' and reminders' bookkeeping)."""
    if table == "contact":
        return {"added_by": "file:contacts.yaml", "created_at": T0} | row
    if table == "reminder":
        return {
            "kind": "deadline",
            "milestone_id": 1,
            "due": date(2018, 12, 31),
            "offset_days": None,
            "recipient": "U012AB3CD",
            "measure_id": 1,
            "organisation_id": 1,
            "round_id": None,
            "channel": "U012AB3CD",
            "tz": "Europe/Helsinki",
            "send_at": T0 + timedelta(days=14),
            "status": "planned",
            "not_before": None,
            "attempts": 0,
            "claimed_by": None,
            "claimed_until": None,
            "posted_channel": None,
            "ts": None,
            "sent_at": None,
            "error": None,
            "folded_into": None,
            "detail": {},
            "created_at": T0,
        } | row
    return row


def _alembic(engine: Engine, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)


@pytest.fixture
def at_0003(engine: Engine) -> Engine:
    """A database built by Alembic up to 0003, holding 0003's rows."""
    _alembic(engine, "downgrade", "base")
    upgrade(engine, "0003")
    with engine.begin() as connection:
        for table, rows in ROWS_0003.items():
            full = [_complete(table, row) for row in rows]
            columns = [sa.column(name, _TYPES.get(name)) for name in full[0]]
            connection.execute(sa.insert(sa.table(table, *columns)), full)
            if engine.dialect.name == "postgresql" and "id" in full[0]:
                # The ids were given here; in a real database they came from the sequence.
                connection.execute(
                    sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :n)"),
                    {"n": max(row["id"] for row in full)},
                )
    return engine


def _snapshot(engine: Engine, renamed: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Every row of the people tables as the database returns it, columns renamed as asked."""
    names = renamed or {}
    with engine.connect() as connection:
        return {
            table: [
                {names.get(column, column): value for column, value in row._mapping.items()}
                for row in connection.execute(sa.text(f"SELECT * FROM {table} ORDER BY 1"))
            ]
            for table in TABLES
        }


def test_every_row_of_0003_is_kept_and_each_person_stays_the_same_person(at_0003: Engine) -> None:
    before = _snapshot(at_0003, RENAMED)

    upgrade(at_0003)

    after = _snapshot(at_0003)
    platforms = [report.pop("platform") for report in after["status_report"]]
    assert after == before
    assert platforms == ["slack"]
    _reads_back_through_the_models(make_sessionmaker(at_0003))


def _reads_back_through_the_models(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        anna = directory.person(session, "U012AB3CD")
        assert anna is not None
        assert anna.organisation is not None
        assert (anna.organisation.key, anna.locale, anna.tz) == ("SUPO", "fi-FI", "Europe/Helsinki")
        assert [(c.organisation.key, c.person_key) for c in directory.contacts(session)] == [
            ("SM", "U012AB3CD"),
            ("SUPO", "U012AB3CD"),
            ("SUPO", "W045EF6GH"),
        ]
        assert directory.paused_users(session, date(2018, 12, 17)) == {
            "W045EF6GH": date(2019, 1, 7)
        }
        assert [
            (t.user, t.tz)
            for t in reminders.deadline_targets(session, T0.date(), T0.date() + timedelta(days=60))
        ] == [
            ("U012AB3CD", "Europe/Helsinki"),
            ("W045EF6GH", None),
        ]
        assert [r.id for r in outbox.folded_under(session, 3)] == [4]
        sent = outbox.by_message(session, "D0123ABCD", "1544780000.000100")
        assert sent is not None
        assert sent.id == 2
        report = session.scalars(select(StatusReport)).one()
        assert (report.reporter, report.platform, report.permalink) == (
            "U012AB3CD",
            Platform.SLACK,
            "https://example.slack.com/archives/D0123ABCD/p1544780000000100",
        )
        allowed, organisation = status.may_report(session, 1, "W045EF6GH", frozenset())
        assert allowed
        assert organisation is not None
        assert organisation.key == "SUPO"
        found = rounds.find(session, 1)
        assert found is not None
        assert rounds.progress(session, found).items[0].contacts == ("U012AB3CD", "W045EF6GH")


def test_after_the_upgrade_a_person_is_still_unique_and_teams_people_fit(at_0003: Engine) -> None:
    upgrade(at_0003)
    factory = make_sessionmaker(at_0003)

    with transaction(factory) as session:
        supo = session.scalars(select(Organisation).where(Organisation.key == "SUPO")).one()
        again = directory.add_contact(session, supo, "U012AB3CD", "UADMIN", T0)
        teams = directory.add_contact(session, supo, TEAMS_PERSON, "UADMIN", T0)
        directory.pause(session, TEAMS_PERSON, date(2019, 1, 7), T0)
        directory.remember_profile(
            session, TEAMS_PERSON, locale="fi-FI", tz=None, display_name="Maija", now=T0
        )
    with pytest.raises(IntegrityError), transaction(factory) as session:
        session.add(Person(person_key="U012AB3CD", display_name="", updated_at=T0))

    assert (again, teams) == (False, True)
    indexes = {i["name"]: i["column_names"] for i in inspect(at_0003).get_indexes("contact")}
    assert indexes["ix_contact_person_key"] == ["person_key"]


def test_a_downgrade_gives_0003_its_columns_back_with_every_row(at_0003: Engine) -> None:
    upgrade(at_0003)
    factory = make_sessionmaker(at_0003)
    with transaction(factory) as session:
        supo = session.scalars(select(Organisation).where(Organisation.key == "SUPO")).one()
        directory.add_contact(session, supo, TEAMS_PERSON, "UADMIN", T0)
        status.record(
            session,
            measure_id=1,
            milestone_id=None,
            state=State.DONE,
            note="",
            reporter=TEAMS_PERSON,
            reporter_name="Maija",
            organisation=supo,
            source="card",
            channel=TEAMS_CHANNEL,
            message_ts="1700000000000",
            permalink=None,
            now=T0,
        )
    at_head = _snapshot(at_0003, {v: k for k, v in RENAMED.items()})
    for report in at_head["status_report"]:
        del report["platform"]

    _alembic(at_0003, "downgrade", "0003")

    assert current_revision(at_0003) == "0003"
    assert _snapshot(at_0003) == at_head
    assert "conversation_reference" not in inspect(at_0003).get_table_names()

    upgrade(at_0003)  # and up again: the Teams report knows its platform from its reporter

    with factory() as session:
        reports = session.execute(select(StatusReport.reporter, StatusReport.platform)).all()
    assert sorted(reports) == [("U012AB3CD", "slack"), (TEAMS_PERSON, "teams")]
