"""The weekly digest: once a week to the coordinator channel, the numbers the page shows."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data import queries
from data.db import transaction
from data.models import Measure, OutboxKind, Reminder, State
from jobs import digest
from jobs.policy import ReminderPolicy
from jobs.port import MessagePort
from jobs.tick import dry_run
from reports.summary import programme_summary
from seuranta.settings import Settings
from tests.support.delivery import slack_post, tick
from tests.support.fakeslack import Call, FakeSlack
from tests.support.programme import NOW, report_status

POLICY = ReminderPolicy()


def test_the_digest_day_is_the_configured_weekday_or_the_next_working_day() -> None:
    assert digest.digest_day(POLICY, 0, date(2018, 12, 19)) == date(2018, 12, 17)  # Monday
    assert digest.digest_day(POLICY, 0, date(2019, 4, 24)) == date(2019, 4, 23)  # Easter Monday
    assert digest.digest_day(POLICY, 4, date(2018, 12, 17)) == date(2018, 12, 21)  # Friday


def test_one_row_per_week_and_only_the_newest_after_downtime() -> None:
    monday = datetime(2018, 12, 17, 6, 30, tzinfo=UTC)  # 08:30 in Helsinki
    (row,) = digest.plan(POLICY, monday, monday - timedelta(hours=1), monday, "C0COORD")
    assert (row.key, row.send_at, row.channel) == ("digest:2018-W51", monday, "C0COORD")
    two_weeks_down = digest.plan(
        POLICY,
        monday + timedelta(days=14),
        monday - timedelta(hours=1),
        monday + timedelta(14),
        "C",
    )
    # Down since 17.12: the 27.12 digest (after Christmas) was missed; only 31.12's is planned.
    assert [r.key for r in two_weeks_down] == ["digest:2019-W01"]
    assert digest.plan(POLICY, monday, monday - timedelta(hours=1), monday, None) == []
    assert (
        digest.plan(POLICY, monday, monday + timedelta(hours=1), monday + timedelta(1), "C") == []
    )


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The other reminder tests leave the digest off; here it is on, on Mondays."""
    return dataclasses.replace(settings, digest_weekday=0)


def digests(fake: FakeSlack) -> list[Call]:
    return [
        c
        for c in fake.calls("chat.postMessage")
        if c.params["channel"] == "C0COORD" and "Viikkokatsaus" in c.params["text"]
    ]


def test_the_digest_posts_once_with_its_details_in_the_thread(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    with transaction(factory) as session:
        measure = session.scalars(select(Measure).where(Measure.number == "2.7")).one()
        two_days_ago = NOW - timedelta(days=2)
        note = "Riskiarvio viivästyy"
        report_status(session, measure.id, State.AT_RISK, contacts["SM"], two_days_ago, note)
    tick(factory, settings, port, NOW)  # Monday 17.12.2018, 12:00 in Helsinki

    (posted,) = digests(fake)
    with factory() as session:
        programme = queries.current_programme(session)
        assert programme is not None
        summary = programme_summary(session, programme, date(2018, 12, 17))
    assert posted.params["text"] == "📊 Viikkokatsaus 17.12.2018"  # what a notification shows
    text = slack_post(posted).text
    assert f"ohitetut määräajat, toimenpide ei valmis: {len(summary.overdue)}" in text  # the page's
    assert "tilannepäivitykset viikon aikana: 1" in text
    thread = [c for c in fake.calls("chat.postMessage") if c.params.get("thread_ts")]
    assert thread
    assert all(c.params["channel"] == "C0COORD" for c in thread)
    details = "\n".join(slack_post(c).text for c in thread)
    assert "31.12.2018" in details  # due within two weeks
    assert f"*2.7* Riski viivästyä, <@{contacts['SM']}> 15.12.2018: Riskiarvio viivästyy" in details

    tick(factory, settings, port, NOW + timedelta(hours=3))
    assert len(digests(fake)) == 1  # once per week
    tick(factory, settings, port, datetime(2018, 12, 24, 7, 0, tzinfo=UTC))
    assert len(digests(fake)) == 1  # Christmas Eve is a holiday: the digest waits a day
    tick(factory, settings, port, datetime(2018, 12, 27, 7, 0, tzinfo=UTC))
    second = digests(fake)[1:]
    assert [c.params["text"].splitlines()[0] for c in second] == ["📊 Viikkokatsaus 27.12.2018"]


def test_no_coordinator_channel_no_digest(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    tick(factory, dataclasses.replace(settings, coordinator_channel=None), port, NOW)
    with factory() as session:
        digests = select(Reminder).where(Reminder.kind == OutboxKind.DIGEST)
        assert session.scalars(digests).all() == []


def test_the_digest_time_is_configurable(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    later = dataclasses.replace(settings, digest_time=time(15, 0))
    tick(factory, later, port, NOW)  # 12:00 in Helsinki: planned, not yet due
    assert digests(fake) == []
    tick(factory, later, port, datetime(2018, 12, 17, 13, 0, tzinfo=UTC))
    assert len(digests(fake)) == 1


def test_the_dry_run_shows_the_digest(
    factory: sessionmaker[Session], settings: Settings, contacts: dict[str, str]
) -> None:
    first, *_ = dry_run(factory, settings, NOW).would_send  # 08:30 comes before the 09:00 ones
    assert first == (
        "send 2018-12-17 08:30 EET → C0COORD (coordinators): weekly digest — digest day"
    )
