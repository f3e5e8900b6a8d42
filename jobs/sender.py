"""Sending what is due: claim rows, post them, record where they went — and never lose one.

Each row goes claimed → sending → sent, every step a compare-and-set on the row
(:mod:`data.outbox`). The one step that cannot be made atomic with a chat platform is the post
itself: if the process dies, or the response is lost, after the platform accepted a post and
before ``sent`` is committed, the row's lease expires and it is posted again. That is the single
duplicate window (README, "The delivery guarantee"); every other failure either retries a post
the platform did not take (429) or leaves the row for a later tick.

A row goes out through the port of its destination's platform (:mod:`seuranta.identity`), as
its notice (:mod:`jobs.notices`) in the reader's language. Retry rules, the same on every
platform (:mod:`jobs.port`): rate limited → the same row again after ``Retry-After`` (the
channel is held, the thread is not); transient → a few quick retries with backoff, then back to
the table with ``not_before``; permanent (``channel_not_found``, a platform that is not
configured …) → ``failed`` with the code, shown to admins, never retried; more than
``max_attempts`` transient failures → ``failed`` as well; not reachable yet → back to the table
until the person can be reached (or the row goes stale and is folded).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.document import Document
from data import directory, outbox
from data.db import transaction
from data.models import Reminder
from jobs.notices import Gone, kinds, reading
from jobs.pacer import ChannelPacer
from jobs.policy import ReminderPolicy, zone_or
from jobs.port import (
    MessagePort,
    NotReachableYet,
    PermanentError,
    Posted,
    RateLimited,
    TransientError,
)
from seuranta.identity import Platform, platform_of

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class SendOptions:
    concurrency: int = 8
    batch: int = 200
    # Longer than a batch can take at one message per second, so a live worker keeps its rows.
    lease: timedelta = timedelta(minutes=10)
    # Per post: longer than the client timeout (30 s) plus the quick retries.
    send_lease: timedelta = timedelta(minutes=2)
    max_attempts: int = 8
    quick_retries: int = 2
    retry_backoff: float = 2.0  # seconds before the first quick retry; doubled each time
    max_hold: float = 120.0  # a longer Retry-After goes back to the table instead of waiting
    # How long a row for someone not reachable yet waits before it is tried again.
    unreachable_wait: timedelta = timedelta(minutes=5)


@dataclass
class SendReport:
    sent: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    skipped: dict[int, str] = field(default_factory=dict)
    deferred: dict[int, str] = field(default_factory=dict)
    lost: list[int] = field(default_factory=list)  # the lease went to another worker
    rate_limited: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, bucket: str, reminder_id: int, why: str = "") -> None:
        with self._lock:
            target = getattr(self, bucket)
            if isinstance(target, list):
                target.append(reminder_id)
            else:
                target[reminder_id] = why


@dataclass
class _Job:
    reminder_id: int
    channel: str
    port: MessagePort
    document: Document
    lang: str
    attempts: int  # recorded attempts before this batch
    transient: int = 0
    rate_waits: int = 0
    posted_at: float | None = None  # monotonic time the last request went out


@dataclass(frozen=True, slots=True)
class _Outcome:
    hold: float = 0.0
    again: bool = False


class Sender:
    def __init__(
        self,
        factory: sessionmaker[Session],
        ports: Mapping[Platform, MessagePort],
        *,
        worker: str,
        clock: Clock,
        policy: ReminderPolicy,
        default_lang: str,
        options: SendOptions | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.factory = factory
        self.ports = ports
        self.worker = worker
        self.clock = clock
        self.policy = policy
        self.default_lang = default_lang
        self.options = options or SendOptions()
        self.stop = stop or threading.Event()

    def run(self) -> SendReport:
        """Claim and send batches until nothing is due or a stop is requested."""
        report = SendReport()
        while not self.stop.is_set():
            with transaction(self.factory) as session:
                ids = outbox.claim(
                    session, self.worker, self.clock(), self.options.lease, self.options.batch
                )
            if not ids:
                break
            self._send_batch(ids, report)
        return report

    def _send_batch(self, ids: list[int], report: SendReport) -> None:
        pacer: ChannelPacer[_Job] = ChannelPacer(self.stop)
        for job in self._prepare(ids, report):
            pacer.add(job.channel, job, job.port.channel_interval)
        with ThreadPoolExecutor(self.options.concurrency, thread_name_prefix="send") as pool:
            futures = [
                pool.submit(self._drain, pacer, report) for _ in range(self.options.concurrency)
            ]
        for future in futures:
            future.result()  # a bug in a send thread fails the tick loudly, not silently
        # Only after a stop: rows claimed but never started go straight back, unsent.
        for job in pacer.remaining():
            with transaction(self.factory) as session:
                outbox.release(session, job.reminder_id, self.worker, None)
            report.add("deferred", job.reminder_id, "stopping")

    def _prepare(self, ids: list[int], report: SendReport) -> list[_Job]:
        """Build each claimed row's notice, or settle the row at once (paused, quiet hours,
        not worth sending, gone, or for a platform that is not configured)."""
        now = self.clock()
        today = now.astimezone(self.policy.tz).date()
        jobs = []
        with transaction(self.factory) as session:
            paused = directory.paused_users(session, today)
            rows = list(
                session.scalars(select(Reminder).where(Reminder.id.in_(ids)).order_by(Reminder.id))
            )
            reading.preload(session, rows)
            for row in rows:
                zone = zone_or(row.tz, self.policy.tz)
                if row.recipient in paused:
                    why = f"paused until {paused[row.recipient].isoformat()}"
                    outbox.mark_skipped(session, row.id, self.worker, why)
                    report.add("skipped", row.id, why)
                    continue
                later = self.policy.outside_quiet(now, zone)
                if later != now:
                    outbox.release(session, row.id, self.worker, later, "quiet hours")
                    report.add("deferred", row.id, f"quiet hours until {later.isoformat()}")
                    continue
                reason = kinds.skip_reason(session, row, now)
                if reason is not None:
                    outbox.mark_skipped(session, row.id, self.worker, reason)
                    report.add("skipped", row.id, reason)
                    continue
                platform = platform_of(row.channel)
                port = self.ports.get(platform)
                if port is None:
                    code = f"{platform}_not_configured"
                    outbox.mark_failed(session, row.id, self.worker, code)
                    report.add("failed", row.id, code)
                    continue
                try:
                    notice = kinds.notice(session, row, today)
                except Gone as gone:
                    outbox.mark_skipped(session, row.id, self.worker, str(gone))
                    report.add("skipped", row.id, str(gone))
                    continue
                lang = kinds.language_of(session, row, self.default_lang)
                jobs.append(_Job(row.id, row.channel, port, notice.document(), lang, row.attempts))
        return jobs

    def _drain(self, pacer: ChannelPacer[_Job], report: SendReport) -> None:
        while (taken := pacer.take()) is not None:
            channel, job = taken
            outcome = _Outcome()
            try:
                outcome = self._attempt(job, report)
            finally:  # even on a bug, free the channel so the other threads can finish
                pacer.done(channel, outcome.hold, job if outcome.again else None, job.posted_at)

    def _attempt(self, job: _Job, report: SendReport) -> _Outcome:
        now = self.clock()
        with transaction(self.factory) as session:
            mine = outbox.start_sending(
                session, job.reminder_id, self.worker, now, self.options.send_lease
            )
        if not mine:
            report.add("lost", job.reminder_id)
            return _Outcome()
        attempt = job.attempts + job.transient + job.rate_waits + 1
        job.posted_at = time.monotonic()
        try:
            posted = job.port.post(job.channel, job.document, job.lang)
        except RateLimited as limited:
            # The platform did not take the post: repeating it cannot duplicate anything.
            job.rate_waits += 1
            report.rate_limited += 1
            if limited.retry_after > self.options.max_hold:
                self._settle_release(job, now + timedelta(seconds=limited.retry_after), "429")
                report.add("deferred", job.reminder_id, "rate limited")
                return _Outcome(hold=limited.retry_after)
            return _Outcome(hold=limited.retry_after, again=True)
        except TransientError as error:
            job.transient += 1
            reason = str(error)
            if attempt >= self.options.max_attempts:
                gave_up = f"gave up after {attempt} attempts: {reason}"
                self._settle(lambda s: outbox.mark_failed(s, job.reminder_id, self.worker, gave_up))
                report.add("failed", job.reminder_id, reason)
                return _Outcome()
            if job.transient <= self.options.quick_retries:
                return _Outcome(
                    hold=self.options.retry_backoff * 2 ** (job.transient - 1), again=True
                )
            backoff = timedelta(minutes=2 ** min(attempt, 8))
            self._settle_release(job, now + backoff, reason)
            report.add("deferred", job.reminder_id, f"transient: {reason}")
            return _Outcome()
        except PermanentError as error:
            code = error.code
            self._settle(lambda s: outbox.mark_failed(s, job.reminder_id, self.worker, code))
            report.add("failed", job.reminder_id, code)
            return _Outcome()
        except NotReachableYet as error:
            later = now + self.options.unreachable_wait
            self._settle(
                lambda s: outbox.release(
                    s, job.reminder_id, self.worker, later, "not reachable yet", attempted=False
                )
            )
            report.add("deferred", job.reminder_id, f"not reachable yet: {error}")
            return _Outcome()
        self._post_thread(job, posted)
        recorded = self._settle(
            lambda s: outbox.mark_sent(
                s, job.reminder_id, self.worker, posted.channel, posted.ts, self.clock()
            ),
        )
        if recorded:
            report.add("sent", job.reminder_id)
        else:  # our send lease ran out mid-post; another worker may post it again
            log.warning("reminder %s posted after its lease was lost", job.reminder_id)
            report.add("lost", job.reminder_id)
        return _Outcome()

    def _post_thread(self, job: _Job, posted: Posted) -> None:
        """The digest's details; best effort, since the parent message is already out."""
        for reply in job.document.thread:
            for _ in range(3):
                try:
                    job.port.post(job.channel, reply, job.lang, thread_of=posted)
                    break
                except RateLimited as limited:
                    self.stop.wait(min(limited.retry_after, self.options.max_hold))
                except (TransientError, PermanentError, NotReachableYet) as error:
                    log.warning(
                        "thread reply under %s %s not posted: %s", posted.channel, posted.ts, error
                    )
                    break

    def _settle(self, change: Callable[[Session], bool]) -> bool:
        with transaction(self.factory) as session:
            return change(session)

    def _settle_release(self, job: _Job, not_before: datetime, why: str) -> None:
        self._settle(lambda s: outbox.release(s, job.reminder_id, self.worker, not_before, why))
