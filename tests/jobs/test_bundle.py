"""Bundling: a person's reminders due at the same time arrive as one message, each milestone
with its own status menu, and still none is lost or sent twice (through a port with no platform
behind it, and through the Slack port)."""

from __future__ import annotations

import dataclasses
import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.models import Milestone, OutboxKind, Reminder
from jobs.planner import plan_tick
from jobs.policy import ReminderPolicy
from jobs.tick import run_tick
from seuranta.settings import Settings
from tests.support.delivery import FAST, Clock, Delivery, expected_recipients, ports, tick
from tests.support.programme import NOW, add_milestone


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return dataclasses.replace(settings, reminder_bundle=True)


def posted_milestones(delivery: Delivery) -> Counter[tuple[int, str]]:
    """(milestone id, recipient) for every milestone in every post, bundled or single."""
    seen: Counter[tuple[int, str]] = Counter()
    for post in delivery.posts():
        for milestone_id in post.milestones:
            assert milestone_id is not None
            seen[(milestone_id, post.channel)] += 1
    return seen


def test_one_message_per_person_covering_exactly_the_due_reminders_once(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    tick(factory, settings, delivery.port, NOW)
    expected = expected_recipients(factory, contacts)
    posts = delivery.posts()
    assert sorted(p.channel for p in posts) == sorted({u for _, u in expected})
    covered = posted_milestones(delivery)
    assert set(covered) == expected
    assert set(covered.values()) == {1}
    sm = next(p for p in posts if p.channel == contacts["SM"])
    assert sm.text.startswith(f"{sum(1 for _, u in expected if u == contacts['SM'])} ")

    tick(factory, settings, delivery.port, NOW + timedelta(minutes=5))
    assert len(delivery.posts()) == len(posts)
    with factory() as session:
        rows = session.scalars(select(Reminder)).all()
    kinds = Counter((r.kind, str(r.status)) for r in rows)
    deadline, bundle = OutboxKind.DEADLINE, OutboxKind.BUNDLE
    assert kinds[(deadline, "folded")] + kinds[(deadline, "sent")] == len(expected)
    assert kinds[(bundle, "sent")] + kinds[(deadline, "sent")] == len(posts)


def test_a_milestone_moved_after_planning_leaves_the_bundle(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    early = NOW - timedelta(hours=2)  # 10:00 in Helsinki: planned, not yet sent
    plan_tick(factory, ReminderPolicy.from_settings(settings), early, settings.coordinator_channel)
    with factory() as session, session.begin():
        bundle = session.scalars(
            select(Reminder).where(
                Reminder.kind == OutboxKind.BUNDLE, Reminder.recipient == contacts["SM"]
            )
        ).one()
        member = session.scalars(select(Reminder).where(Reminder.folded_into == bundle.id)).first()
        assert member is not None
        moved = session.get(Milestone, member.milestone_id)
        assert moved is not None
        moved.due = date(2019, 3, 29)
    tick(factory, settings, delivery.port, NOW)
    covered = posted_milestones(delivery)
    assert (moved.id, contacts["SM"]) not in covered
    assert any(user == contacts["SM"] for _, user in covered)


def test_a_stale_bundle_is_listed_in_the_missed_message(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    add_milestone(factory, "2.7", date(2018, 12, 28), "Väliraportti valmis")
    add_milestone(factory, "2.7", date(2018, 12, 28), "Lausunnot pyydetty")
    tick(
        factory, settings, delivery.port, datetime(2018, 12, 14, 6, 0, tzinfo=UTC)
    )  # then down 3 days
    tick(factory, settings, delivery.port, NOW)
    missed = [p for p in delivery.posts() if "Väliraportti valmis" in p.text]
    assert {p.channel for p in missed} == {contacts["PEO"], contacts["SM"]}
    assert all("Lausunnot pyydetty" in p.text for p in missed)


@pytest.mark.usefixtures("contacts")
def test_two_planners_and_two_senders_bundle_and_send_each_reminder_once(
    factory: sessionmaker[Session], settings: Settings, delivery: Delivery
) -> None:
    policy = ReminderPolicy.from_settings(settings)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work(action: object) -> threading.Thread:
        def run() -> None:
            start.wait()
            try:
                for _ in range(5):
                    action()  # type: ignore[operator]
            except BaseException as error:  # re-raised in the test thread below
                errors.append(error)

        return threading.Thread(target=run)

    threads = [
        work(lambda: plan_tick(factory, policy, NOW, settings.coordinator_channel)),
        work(lambda: plan_tick(factory, policy, NOW, settings.coordinator_channel)),
        work(
            lambda: run_tick(
                factory, settings, ports(delivery.port), clock=Clock(NOW), worker="a", options=FAST
            )
        ),
        work(
            lambda: run_tick(
                factory, settings, ports(delivery.port), clock=Clock(NOW), worker="b", options=FAST
            )
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    covered = posted_milestones(delivery)
    assert covered
    assert set(covered.values()) == {1}  # no milestone reached anyone twice
    recipients = [p.channel for p in delivery.posts()]
    assert len(recipients) == len(set(recipients))  # and nobody got two messages
