"""One tick: the right reminders, once; a platform's failures handled by what they mean.

Every test here runs through a port with no platform behind it and through the Slack port
with the fake Web API (``delivery``), so the rules are the sender's, on any platform.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.document import Lines
from bot.render.phrase import PlainMarkup, render
from data.models import (
    Milestone,
    OutboxKind,
    Reminder,
    ReminderStatus,
)
from data.outbox import failures
from jobs.tick import TickReport, dry_run, run_tick
from seuranta.settings import Settings
from tests.support.delivery import FAST, NEW_YEAR_EVE, Clock, Delivery, expected_recipients, ports
from tests.support.programme import NOW
from tests.support.recording_port import RecordingPort


def tick(
    factory: sessionmaker[Session], settings: Settings, delivery: Delivery, clock: Clock
) -> TickReport:
    return run_tick(factory, settings, ports(delivery.port), clock=clock, worker="w1", options=FAST)


def test_dry_run_lists_the_14_day_reminders_of_new_year_eve(
    factory: sessionmaker[Session], settings: Settings, contacts: dict[str, str]
) -> None:
    report = dry_run(factory, settings, NOW)
    expected = expected_recipients(factory, contacts)
    assert len(report.would_send) == len(expected) > 20
    assert all("14-day reminder" in line and "due 31.12.2018" in line for line in report.would_send)
    assert all("2018-12-17 09:00 EET" in line for line in report.would_send)
    with factory() as session:  # a dry run leaves nothing behind
        assert session.scalar(select(func.count()).select_from(Reminder)) == 0


def test_a_real_run_sends_exactly_those_once_and_a_second_run_nothing(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    clock = Clock(NOW)
    first = tick(factory, settings, delivery, clock)
    posts = delivery.posts()
    expected = expected_recipients(factory, contacts)
    assert len(posts) == len(first.sent.sent) == len(expected)  # type: ignore[union-attr]
    assert {p.channel for p in posts} == {user for _, user in expected}
    assert all(p.outbox_ids for p in posts)  # the status buttons ride along

    second = tick(factory, settings, delivery, clock)
    assert second.plan.added == 0
    assert len(delivery.posts()) == len(posts)

    with factory() as session:
        sent = session.scalars(select(Reminder).where(Reminder.status == ReminderStatus.SENT)).all()
        assert len(sent) == len(expected)
        assert all(r.ts and r.posted_channel for r in sent)


def test_429_is_retried_after_retry_after_and_posts_once(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    delivery.rate_limit(times=2)
    report = tick(factory, settings, delivery, Clock(NOW))
    assert report.sent is not None
    assert report.sent.rate_limited == 2
    assert not report.sent.failed
    posts = delivery.posts()
    assert sorted(i for p in posts for i in p.outbox_ids) == sorted(report.sent.sent)
    assert delivery.attempts() == len(posts) + 2  # two refused, every other exactly once


def test_500_is_retried_with_backoff_then_left_for_a_later_tick(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    delivery.break_down()
    clock = Clock(NOW)
    report = tick(factory, settings, delivery, clock)
    assert report.sent is not None
    assert not report.sent.sent
    assert report.sent.deferred  # back in the table with not_before, not failed
    delivery.clear()
    clock.now = NOW + timedelta(minutes=30)
    later = tick(factory, settings, delivery, clock)
    assert later.sent is not None
    assert len(later.sent.sent) == len(report.sent.deferred)


def test_channel_not_found_is_recorded_and_never_retried(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    delivery.refuse("channel_not_found")
    clock = Clock(NOW)
    report = tick(factory, settings, delivery, clock)
    assert report.sent is not None
    assert set(report.sent.failed.values()) == {"channel_not_found"}
    assert delivery.attempts() == len(report.sent.failed)
    delivery.clear()
    clock.now = NOW + timedelta(hours=1)
    tick(factory, settings, delivery, clock)
    assert delivery.attempts() == 0
    with factory() as session:
        assert {r.error for r in failures(session)} == {"channel_not_found"}


def test_a_paused_person_is_skipped(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    from data.directory import pause

    with factory() as session, session.begin():
        pause(session, contacts["SM"], date(2019, 1, 7), NOW)
    report = tick(factory, settings, delivery, Clock(NOW))
    assert report.sent is not None
    assert report.sent.skipped
    assert contacts["SM"] not in {p.channel for p in delivery.posts()}


@pytest.mark.parametrize("removed", [True, False], ids=["removed", "moved"])
def test_a_removed_or_moved_milestone_cancels_its_planned_reminders(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
    removed: bool,
) -> None:
    early = Clock(NOW - timedelta(hours=4))  # 06:00 local: planned (lookahead), not yet due
    tick(factory, settings, delivery, early)
    assert delivery.posts() == []
    with factory() as session, session.begin():
        milestone = session.scalars(select(Milestone).where(Milestone.due == NEW_YEAR_EVE)).first()
        assert milestone is not None
        if removed:
            milestone.removed_at = NOW
        else:
            milestone.due = date(2019, 3, 29)
        changed = milestone.id
    tick(factory, settings, delivery, Clock(NOW))
    with factory() as session:
        statuses = set(
            session.scalars(select(Reminder.status).where(Reminder.milestone_id == changed))
        )
    assert statuses == {ReminderStatus.CANCELLED}


# Short enough for today's reminder.channel column (32 characters); a Teams person's key is
# longer, and the schema migration for Teams people widens the columns.
TEAMS_CHANNEL = "teams:19:coord@thread.tacv2"


def test_a_destination_on_a_platform_with_no_port_fails_for_good_with_a_clear_code(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    # The coordinators are in Teams, and only Slack is configured: Monday's digest cannot go.
    in_teams = dataclasses.replace(settings, coordinator_channel=TEAMS_CHANNEL, digest_weekday=0)
    report = tick(factory, in_teams, delivery, Clock(NOW))
    assert report.sent is not None
    assert set(report.sent.failed.values()) == {"teams_not_configured"}
    assert report.sent.sent  # the reminders to Slack's people went
    assert TEAMS_CHANNEL not in {p.channel for p in delivery.posts()}
    assert delivery.attempts() == len(report.sent.sent)
    with factory() as session:
        refused = {(r.kind, r.channel, r.error) for r in failures(session)}
    assert refused == {(OutboxKind.DIGEST, TEAMS_CHANNEL, "teams_not_configured")}


def test_someone_not_reachable_yet_gets_the_reminder_once_they_can_be_reached(
    factory: sessionmaker[Session], settings: Settings, contacts: dict[str, str]
) -> None:
    port = RecordingPort()
    port.unreachable(contacts["SM"])
    first = run_tick(factory, settings, ports(port), clock=Clock(NOW), worker="w1", options=FAST)
    assert first.sent is not None
    waiting = sorted(i for i, why in first.sent.deferred.items() if why.startswith("not reach"))
    assert waiting
    assert contacts["SM"] not in {p.destination for p in port.posts()}
    with factory() as session:  # waiting is no failed attempt: it never counts towards giving up
        rows = session.scalars(select(Reminder).where(Reminder.id.in_(waiting))).all()
    assert {(r.status, r.attempts, r.error) for r in rows} == {
        (ReminderStatus.PLANNED, 0, "not reachable yet")
    }

    port.unreachable()  # e.g. they installed the app in Teams
    later = Clock(NOW + timedelta(minutes=10))
    second = run_tick(factory, settings, ports(port), clock=later, worker="w1", options=FAST)
    assert second.sent is not None
    assert sorted(second.sent.sent) == waiting


def test_someone_not_reachable_while_the_reminders_are_fresh_gets_them_as_missed(
    factory: sessionmaker[Session], settings: Settings, contacts: dict[str, str]
) -> None:
    port = RecordingPort()
    port.unreachable(contacts["SM"])
    run_tick(factory, settings, ports(port), clock=Clock(NOW), worker="w1", options=FAST)
    next_day = NOW + timedelta(days=1)
    report = run_tick(
        factory, settings, ports(port), clock=Clock(next_day), worker="w1", options=FAST
    )
    assert len(report.folded_into) == 1  # SM's stale reminders, in one "missed" row
    with factory() as session:
        (missed,) = session.scalars(select(Reminder).where(Reminder.kind == OutboxKind.MISSED))
        folded = session.scalars(select(Reminder).where(Reminder.folded_into == missed.id)).all()
    assert {r.recipient for r in folded} == {contacts["SM"]}
    assert missed.status == ReminderStatus.PLANNED  # still waiting for SM

    port.unreachable()
    later = Clock(next_day + timedelta(minutes=10))
    run_tick(factory, settings, ports(port), clock=later, worker="w1", options=FAST)
    (to_sm,) = [p for p in port.posts() if p.destination == contacts["SM"]]
    listed = to_sm.document.blocks[1]
    assert isinstance(listed, Lines)
    assert len(listed.lines) == len(folded)
    assert all(
        "(määräaika 31.12.2018)" in render(line, "fi", PlainMarkup()) for line in listed.lines
    )
