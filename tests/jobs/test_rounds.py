"""A reporting round from start to report: one message per person, nudges, the missing list."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.rounds import progress_report
from bot.slack.render.reply import as_mrkdwn
from bot.slack.status_actions import PICK_ACTION
from data import rounds
from data.db import transaction
from data.directory import add_contact, resolve_one
from data.importer import ImportSummary
from data.models import OutboxKind, Reminder, ReminderStatus, State
from data.rounds import RoundProgress
from jobs import rounds as round_jobs
from jobs.policy import ReminderPolicy
from jobs.port import MessagePort
from jobs.tick import dry_run
from seuranta.settings import Settings
from tests.support.delivery import ROUND_DUE as DUE
from tests.support.delivery import slack_post, start_round, tick
from tests.support.fakeslack import Call, FakeSlack
from tests.support.programme import NOW, report_status

POLICY = ReminderPolicy()


def test_nudges_fall_every_few_days_on_working_days_until_the_due_day() -> None:
    started = date(2018, 12, 17)  # a Monday
    assert round_jobs.nudge_dates(POLICY, started, DUE, 3) == [
        date(2018, 12, 20),
        date(2018, 12, 21),  # Sunday 23rd moves back to Friday; Boxing Day too, not twice
        date(2018, 12, 28),  # Saturday 29th
        date(2018, 12, 31),  # New Year's Day is a holiday
        date(2019, 1, 4),
        date(2019, 1, 7),
        date(2019, 1, 10),
        date(2019, 1, 11),  # Sunday 13th
    ]
    assert round_jobs.nudge_dates(POLICY, started, DUE, 0) == []
    assert round_jobs.nudge_dates(POLICY, started, started, 3) == []


def test_the_missing_list_comes_the_first_working_day_after_the_due_day() -> None:
    assert round_jobs.missing_date(POLICY, DUE) == date(2019, 1, 16)
    assert round_jobs.missing_date(POLICY, date(2019, 1, 4)) == date(2019, 1, 7)  # a Friday


def progress_of(factory: sessionmaker[Session], round_id: int) -> RoundProgress:
    with factory() as session:
        found = rounds.find(session, round_id)
        assert found is not None
        return rounds.progress(session, found)


def answer_all_of(factory: sessionmaker[Session], round_id: int, user: str, at: datetime) -> None:
    with transaction(factory) as session:
        for item in progress_of(factory, round_id).people()[user]:
            report_status(session, item.measure_id, State.ON_TRACK, user, at)


def round_posts(fake: FakeSlack, after: int = 0) -> list[Call]:
    """Messages with round menus (deadline reminders in the same tick are left out)."""
    return [
        call
        for call in fake.calls("chat.postMessage")[after:]
        if PICK_ACTION in json.dumps(call.params.get("blocks") or [])
    ]


def helsinki_nine(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 7, 0, tzinfo=UTC)  # 09:00 EET


def test_a_round_from_start_to_report(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    round_id = start_round(factory, settings)
    asked = progress_of(factory, round_id).people()

    # The first tick asks every contact once, listing all their measures in one message.
    tick(factory, settings, port, NOW)
    first = round_posts(fake)
    assert sorted(p.params["channel"] for p in first) == sorted(asked)
    sm = contacts["SM"]
    (to_sm,) = [p for p in first if p.params["channel"] == sm]
    menus = [b for b in to_sm.params["blocks"] if b.get("accessory")]
    assert len(menus) == len(asked[sm]) > 20
    assert "2.7" in to_sm.params["text"]
    # Measures 6.2 and 8.2 name no lead: the coordinators hear that nobody is asked about them.
    (orphans,) = [p for p in fake.calls("chat.postMessage") if "6.2, 8.2" in slack_post(p).text]
    assert orphans.params["channel"] == "C0COORD"

    # SM answers everything; the measures it leads with PO count for PO as well.
    answer_all_of(factory, round_id, sm, NOW + timedelta(hours=2))
    owing = progress_of(factory, round_id).owing()
    assert sm not in owing
    assert contacts["PO"] not in owing
    assert contacts["OKM"] in owing  # 4.3 is OKM's alone

    # The first nudge day: only those still owing, once each.
    sent = len(fake.calls("chat.postMessage"))
    tick(factory, settings, port, helsinki_nine(date(2018, 12, 20)))
    nudges = round_posts(fake, sent)
    assert sorted(p.params["channel"] for p in nudges) == sorted(owing)
    okm = next(p for p in nudges if p.params["channel"] == contacts["OKM"])
    assert "4.3" in okm.params["text"]

    # A three-week outage: the worker comes back the day after the due day. Of the nudges it
    # missed each person gets only the latest, and the coordinators get who is missing.
    sent = len(fake.calls("chat.postMessage"))
    back = helsinki_nine(date(2019, 1, 16))
    result = tick(factory, settings, port, back)
    nudges = round_posts(fake, sent)
    assert sorted(p.params["channel"] for p in nudges) == sorted(owing)
    assert any("later nudge" in why for why in result.sent.skipped.values())  # type: ignore[union-attr]
    (missing,) = [
        p for p in fake.calls("chat.postMessage")[sent:] if p.params["channel"] == "C0COORD"
    ]
    progress = progress_of(factory, round_id)
    text = slack_post(missing).text
    assert f"{len(progress.answered)}/39" in missing.params["text"]  # in the notification too
    assert "OKM: 4.3" in text
    assert f"<@{contacts['OKM']}>" in text
    assert "2.7" not in text

    # Nothing is sent twice.
    sent = len(fake.calls("chat.postMessage"))
    tick(factory, settings, port, back + timedelta(minutes=1))
    assert len(fake.calls("chat.postMessage")) == sent

    summary = as_mrkdwn(progress_report(progress), "en")
    assert f"{len(progress.answered)}/39 measures answered" in summary
    assert "On track" in summary
    assert "OKM: 4.3" in summary


def test_a_closed_round_nudges_nobody(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    round_id = start_round(factory, settings, "2.*")
    tick(factory, settings, port, NOW)
    with transaction(factory) as session:
        assert rounds.close(session, round_id, NOW + timedelta(hours=1))
    sent = len(fake.calls("chat.postMessage"))
    tick(factory, settings, port, helsinki_nine(date(2018, 12, 20)))
    assert round_posts(fake, sent) == []


def test_a_contact_named_after_the_start_is_asked_on_the_next_tick(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    imported: ImportSummary,
) -> None:
    """OKM had no contact when the round started; one is named before the worker's tick."""
    round_id = start_round(factory, settings, "4.3")
    with transaction(factory) as session:
        add_contact(session, resolve_one(session, "OKM"), "UOKM", "UADMIN", NOW)
    tick(factory, settings, port, NOW)
    with factory() as session:  # the request to name a contact is moot by now
        (request,) = session.scalars(
            select(Reminder).where(Reminder.kind == OutboxKind.ROUND_NO_CONTACT)
        )
    assert (request.status, request.error) == (
        ReminderStatus.SKIPPED,
        "every lead organisation has a contact",
    )
    (ask,) = round_posts(fake)
    assert ask.params["channel"] == "UOKM"
    assert "4.3" in ask.params["text"]
    assert [i.number for i in progress_of(factory, round_id).owing()["UOKM"]] == ["4.3"]

    tick(factory, settings, port, NOW + timedelta(minutes=1))
    assert len(round_posts(fake)) == 1  # asked once


def test_nobody_is_asked_who_has_nothing_left_to_answer(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    imported: ImportSummary,
) -> None:
    round_id = start_round(factory, settings, "4.3")
    with transaction(factory) as session:
        add_contact(session, resolve_one(session, "OKM"), "UOKM", "UADMIN", NOW)
    answer_all_of(factory, round_id, "UOKM", NOW + timedelta(seconds=1))
    result = tick(factory, settings, port, NOW + timedelta(minutes=1))
    assert round_posts(fake) == []
    assert "every measure has been answered" in result.sent.skipped.values()  # type: ignore[union-attr]


def test_after_the_due_day_a_new_contact_is_not_asked_any_more(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    imported: ImportSummary,
) -> None:
    start_round(factory, settings, "4.3")
    with transaction(factory) as session:
        add_contact(session, resolve_one(session, "OKM"), "UOKM", "UADMIN", NOW)
    tick(factory, settings, port, helsinki_nine(DUE + timedelta(days=1)))
    assert round_posts(fake) == []


def test_the_dry_run_lists_round_messages(
    factory: sessionmaker[Session], settings: Settings, contacts: dict[str, str]
) -> None:
    start_round(factory, settings, "4.3")
    lines = dry_run(factory, settings, NOW).would_send
    assert any("reporting round request #1" in line for line in lines)
    with factory() as session:  # the ask rows were the command's; the dry run added none
        kinds = session.scalars(select(Reminder.kind)).all()
    assert kinds == [OutboxKind.ROUND_ASK]


@pytest.mark.parametrize("every", [1, 3, 7])
def test_no_nudge_is_planned_for_a_day_twice_from_two_ticks(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    contacts: dict[str, str],
    every: int,
) -> None:
    start_round(factory, settings, "4.3")
    settings = dataclasses.replace(settings, round_nudge_days=every)
    at = helsinki_nine(date(2018, 12, 20))
    tick(factory, settings, port, at)
    tick(factory, settings, port, at)
    with factory() as session:
        nudges = session.scalars(select(Reminder).where(Reminder.kind == OutboxKind.NUDGE)).all()
    assert len({r.key for r in nudges}) == len(nudges)
    assert all(r.status != ReminderStatus.PLANNED or r.send_at > at for r in nudges)
