"""One tick against the fake Slack: the right reminders, once; Slack's failures handled."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from data.models import Measure, Milestone, Reminder, ReminderStatus, Responsibility, Role
from jobs.port import MessagePort
from jobs.tick import dry_run, run_tick
from seuranta.settings import Settings
from tests.conftest import NOW
from tests.fakeslack import FakeSlack
from tests.jobs.conftest import FAST, Clock

NEW_YEAR_EVE = date(2018, 12, 31)


def expected_recipients(
    factory: sessionmaker[Session], contacts: dict[str, str]
) -> set[tuple[int, str]]:
    """(milestone id, contact) for every milestone due 31.12.2018 and each lead's contact."""
    with factory() as session:
        rows = session.execute(
            select(Milestone.id, Responsibility.organisation_id)
            .join(Measure, Measure.id == Milestone.measure_id)
            .join(Responsibility, Responsibility.measure_id == Measure.id)
            .where(Milestone.due == NEW_YEAR_EVE, Responsibility.role == Role.LEAD)
        ).all()
        from data.models import Organisation

        keys = {o.id: o.key for o in session.scalars(select(Organisation))}
    return {(milestone_id, contacts[keys[org_id]]) for milestone_id, org_id in rows}


def tick(factory: sessionmaker[Session], settings: Settings, port: MessagePort, clock: Clock):  # type: ignore[no-untyped-def]
    return run_tick(factory, settings, port, clock=clock, worker="w1", options=FAST)


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
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    clock = Clock(NOW)
    first = tick(factory, settings, port, clock)
    posts = fake.calls("chat.postMessage")
    expected = expected_recipients(factory, contacts)
    assert len(posts) == len(first.sent.sent) == len(expected)  # type: ignore[union-attr]
    assert {p.params["channel"] for p in posts} == {user for _, user in expected}
    assert all(p.params["blocks"] for p in posts)  # the status buttons ride along

    second = tick(factory, settings, port, clock)
    assert second.plan.added == 0
    assert len(fake.calls("chat.postMessage")) == len(posts)

    with factory() as session:
        sent = session.scalars(select(Reminder).where(Reminder.status == ReminderStatus.SENT)).all()
        assert len(sent) == len(expected)
        assert all(r.ts and r.posted_channel for r in sent)


def test_429_is_retried_after_retry_after_and_posts_once(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    fake.fail("chat.postMessage", status=429, retry_after=1, times=2)
    report = tick(factory, settings, port, Clock(NOW))
    assert report.sent is not None
    assert report.sent.rate_limited == 2
    assert not report.sent.failed
    ok = [c for c in fake.calls("chat.postMessage")]
    assert len(ok) == len(report.sent.sent) + 2  # two refused, every other exactly once


def test_500_is_retried_with_backoff_then_left_for_a_later_tick(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    fake.fail("chat.postMessage", status=500)
    clock = Clock(NOW)
    report = tick(factory, settings, port, clock)
    assert report.sent is not None
    assert not report.sent.sent
    assert report.sent.deferred  # back in the table with not_before, not failed
    fake.clear()
    clock.now = NOW + timedelta(minutes=30)
    later = tick(factory, settings, port, clock)
    assert later.sent is not None
    assert len(later.sent.sent) == len(report.sent.deferred)


def test_channel_not_found_is_recorded_and_never_retried(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    fake.fail("chat.postMessage", error="channel_not_found")
    clock = Clock(NOW)
    report = tick(factory, settings, port, clock)
    assert report.sent is not None
    assert set(report.sent.failed.values()) == {"channel_not_found"}
    calls = len(fake.calls("chat.postMessage"))
    assert calls == len(report.sent.failed)
    fake.clear()
    clock.now = NOW + timedelta(hours=1)
    tick(factory, settings, port, clock)
    assert fake.calls("chat.postMessage") == []
    from data.reminders import failures

    with factory() as session:
        assert {r.error for r in failures(session)} == {"channel_not_found"}


def test_a_paused_person_is_skipped(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    from data.directory import pause

    with factory() as session, session.begin():
        pause(session, contacts["SM"], date(2019, 1, 7), NOW)
    report = tick(factory, settings, port, Clock(NOW))
    assert report.sent is not None
    assert report.sent.skipped
    assert contacts["SM"] not in {c.params["channel"] for c in fake.calls("chat.postMessage")}


@pytest.mark.parametrize("removed", [True, False], ids=["removed", "moved"])
def test_a_removed_or_moved_milestone_cancels_its_planned_reminders(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
    removed: bool,
) -> None:
    early = Clock(NOW - timedelta(hours=4))  # 06:00 local: planned (lookahead), not yet due
    tick(factory, settings, port, early)
    assert fake.calls("chat.postMessage") == []
    with factory() as session, session.begin():
        milestone = session.scalars(select(Milestone).where(Milestone.due == NEW_YEAR_EVE)).first()
        assert milestone is not None
        if removed:
            milestone.removed_at = NOW
        else:
            milestone.due = date(2019, 3, 29)
        changed = milestone.id
    tick(factory, settings, port, Clock(NOW))
    with factory() as session:
        statuses = set(
            session.scalars(select(Reminder.status).where(Reminder.milestone_id == changed))
        )
    assert statuses == {ReminderStatus.CANCELLED}
