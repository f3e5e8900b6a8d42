"""``seuranta worker``: APScheduler 3.x driving short ticks; our tables hold the schedule.

APScheduler only decides *when to look*: one interval job, in memory (nothing pickled, no job
store shared between processes — its FAQ says that cannot work), ``max_instances=1`` so ticks
never overlap, ``coalesce=True`` so a stalled process runs one catch-up tick rather than many.
What is due is decided from the database every tick, so a restart loses nothing and two workers
duplicate nothing (the unique keys in :mod:`data.reminders` and the claims in :mod:`data.outbox`
see to that).

SIGTERM (Heroku gives 30 s): stop claiming, let in-flight posts finish and record their ``ts``,
hand unstarted claims back, exit.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from types import FrameType

from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.orm import Session, sessionmaker

from jobs.port import MessagePort
from jobs.tick import run_tick
from seuranta.identity import Platform
from seuranta.settings import Settings

log = logging.getLogger(__name__)


def worker_id() -> str:
    """Unique per process: a lease names its holder, and a restarted process is a new holder."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


def tick_job(
    factory: sessionmaker[Session],
    settings: Settings,
    ports: Mapping[Platform, MessagePort],
    worker: str,
    stop: threading.Event,
) -> None:
    if stop.is_set():
        return
    report = run_tick(
        factory, settings, ports, clock=lambda: datetime.now(UTC), worker=worker, stop=stop
    )
    for line in report.lines():
        log.info(line)


def build_scheduler(
    factory: sessionmaker[Session],
    settings: Settings,
    ports: Mapping[Platform, MessagePort],
    stop: threading.Event,
) -> BlockingScheduler:
    scheduler = BlockingScheduler(timezone=UTC)
    scheduler.add_job(
        tick_job,
        "interval",
        seconds=settings.worker_tick_seconds,
        args=(factory, settings, ports, worker_id(), stop),
        id="tick",
        max_instances=1,
        coalesce=True,
        misfire_grace_time=settings.worker_tick_seconds,
        next_run_time=datetime.now(UTC),  # catch up at once after a restart
    )
    return scheduler


def run_worker(
    factory: sessionmaker[Session],
    settings: Settings,
    ports: Mapping[Platform, MessagePort],
) -> int:
    """Runs until SIGTERM; ``ports`` (one per configured platform) come from the caller, the
    composition root (:mod:`seuranta.compose`)."""
    stop = threading.Event()
    scheduler = build_scheduler(factory, settings, ports, stop)

    def on_term(signum: int, _frame: FrameType | None) -> None:
        log.info("signal %s: no new claims; finishing posts in flight", signum)
        stop.set()  # the sender checks it before every claim and every post
        if scheduler.running:
            # wait=True: the running tick returns its unstarted claims and finishes its posts.
            scheduler.shutdown(wait=True)

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    scheduler.start()  # blocks until shutdown
    return 0
