"""Crashes, leases, downtime and two workers at once: no reminder lost, at most one repeated.

Every test runs through a port with no platform behind it and through the Slack port with the
fake Web API (``delivery``): the guarantee is the sender's, the same on every platform.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.document import Document
from data import outbox
from data.models import Reminder, ReminderStatus
from jobs.planner import plan_tick
from jobs.policy import ReminderPolicy
from jobs.port import MessagePort, Posted
from jobs.sender import SendOptions
from jobs.tick import run_tick
from seuranta.settings import Settings
from tests.support.delivery import FAST, Clock, Delivery, ports
from tests.support.programme import NOW, add_milestone


class Crash(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the sender catches it."""


class CrashAfterPost:
    """Posts the first message, then 'dies' before the sender can record its ts."""

    def __init__(self, inner: MessagePort) -> None:
        self.inner = inner
        self.platform = inner.platform
        self.channel_interval = inner.channel_interval
        self.crashed = False

    def post(
        self, destination: str, document: Document, lang: str, thread_of: Posted | None = None
    ) -> Posted:
        posted = self.inner.post(destination, document, lang, thread_of)
        if not self.crashed:
            self.crashed = True
            raise Crash
        return posted


def reminder_ids(delivery: Delivery) -> list[int]:
    """The reminder each post was for (its status buttons' outbox row), one entry per post."""
    return [i for post in delivery.posts() for i in post.outbox_ids]


def statuses(factory: sessionmaker[Session]) -> Counter[str]:
    with factory() as session:
        return Counter(str(s) for s in session.scalars(select(Reminder.status)))


def test_a_crash_between_claim_and_send_loses_nothing(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    policy = ReminderPolicy.from_settings(settings)
    plan_tick(factory, policy, NOW, settings.coordinator_channel)
    with factory() as session, session.begin():
        claimed = outbox.claim(session, "dead-worker", NOW, timedelta(minutes=10), 1000)
    assert claimed
    # While the dead worker's lease runs, nobody else sends its rows...
    run_tick(
        factory,
        settings,
        ports(delivery.port),
        clock=Clock(NOW + timedelta(minutes=5)),
        worker="w2",
        options=FAST,
    )
    assert delivery.posts() == []
    # ...and once it expires they are sent, each exactly once.
    run_tick(
        factory,
        settings,
        ports(delivery.port),
        clock=Clock(NOW + timedelta(minutes=11)),
        worker="w2",
        options=FAST,
    )
    ids = reminder_ids(delivery)
    assert len(ids) == len(set(ids)) == len(claimed)
    assert statuses(factory)[ReminderStatus.SENT] == len(claimed)


def test_a_crash_between_send_and_record_repeats_that_one_post_only(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    crashing = CrashAfterPost(delivery.port)
    with pytest.raises(Crash):
        run_tick(factory, settings, ports(crashing), clock=Clock(NOW), worker="w1", options=FAST)
    assert statuses(factory)[ReminderStatus.SENDING] == 1  # posted, ts never recorded
    # After the send lease (2 min) another worker takes it over and posts it again.
    run_tick(
        factory,
        settings,
        ports(delivery.port),
        clock=Clock(NOW + timedelta(minutes=3)),
        worker="w2",
        options=FAST,
    )
    counts = Counter(reminder_ids(delivery))
    assert sorted(counts.values(), reverse=True)[:2] == [2, 1]  # one duplicate, the documented one
    assert sum(1 for c in counts.values() if c > 1) == 1
    assert set(statuses(factory)) == {ReminderStatus.SENT}


def test_stop_hands_unstarted_claims_back(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    stop = threading.Event()

    class StopAfterFirst:
        platform = delivery.port.platform
        channel_interval = 0.0

        def post(
            self, destination: str, document: Document, lang: str, thread_of: Posted | None = None
        ) -> Posted:
            posted = delivery.port.post(destination, document, lang, thread_of)
            stop.set()  # SIGTERM arrives while this post is in flight
            return posted

    options = SendOptions(concurrency=1)
    report = run_tick(
        factory,
        settings,
        ports(StopAfterFirst()),
        clock=Clock(NOW),
        worker="w1",
        options=options,
        stop=stop,
    )
    assert report.sent is not None
    assert len(report.sent.sent) == 1  # the in-flight post finished and was recorded
    assert report.sent.deferred
    assert statuses(factory)[ReminderStatus.CLAIMED] == 0
    assert statuses(factory)[ReminderStatus.PLANNED] == len(report.sent.deferred)


def test_after_a_three_day_outage_stale_reminders_fold_and_fresh_ones_go_once(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    # Friday 14 December 2018 carries the 14-day reminder of a milestone due 28 December.
    add_milestone(factory, "2.7", date(2018, 12, 28), "Väliraportti valmis")
    friday_early = datetime(2018, 12, 14, 6, 0, tzinfo=UTC)  # 08:00 in Helsinki
    run_tick(
        factory,
        settings,
        ports(delivery.port),
        clock=Clock(friday_early),
        worker="w1",
        options=FAST,
    )
    assert delivery.posts() == []  # planned for 09:00, then the worker died

    monday = datetime(2018, 12, 17, 10, 0, tzinfo=UTC)  # 12:00 in Helsinki, three days later
    run_tick(
        factory, settings, ports(delivery.port), clock=Clock(monday), worker="w2", options=FAST
    )
    posts = delivery.posts()
    missed = [p for p in posts if "Väliraportti valmis" in p.text]
    # 2.7 is led by PEO and SM: each contact gets one "you missed these" message.
    assert {p.channel for p in missed} == {contacts["PEO"], contacts["SM"]}
    assert len(missed) == 2
    fresh = reminder_ids(delivery)
    assert len(fresh) == len(set(fresh)) > 20  # Monday's own reminders, each once
    run_tick(
        factory,
        settings,
        ports(delivery.port),
        clock=Clock(monday + timedelta(minutes=1)),
        worker="w3",
        options=FAST,
    )
    assert len(delivery.posts()) == len(posts)


def test_two_planners_and_two_senders_at_once_send_no_duplicate(
    factory: sessionmaker[Session],
    settings: Settings,
    delivery: Delivery,
    contacts: dict[str, str],
) -> None:
    policy = ReminderPolicy.from_settings(settings)
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def planner() -> None:
        start.wait()
        for _ in range(5):
            plan_tick(factory, policy, NOW, settings.coordinator_channel)

    def sender(name: str) -> None:
        start.wait()
        for _ in range(5):
            run_tick(
                factory, settings, ports(delivery.port), clock=Clock(NOW), worker=name, options=FAST
            )

    def guarded(target: object, *args: str) -> threading.Thread:
        def run() -> None:
            try:
                target(*args)  # type: ignore[operator]
            except BaseException as error:  # collected and re-raised in the test thread
                errors.append(error)

        return threading.Thread(target=run)

    threads = [guarded(planner), guarded(planner), guarded(sender, "w1"), guarded(sender, "w2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    ids = reminder_ids(delivery)
    assert len(ids) == len(set(ids)) > 20
    with factory() as session:
        keys = list(session.scalars(select(Reminder.key)))
    assert len(keys) == len(set(keys))
    assert statuses(factory)[ReminderStatus.SENT] == len(ids)  # every lead has a contact
