"""The outbox's state machine: claims, compare-and-set steps, and the record of what was sent.

A row goes planned → claimed → sending → sent, or to a side exit (failed, skipped, folded,
cancelled). Every state change is one conditional UPDATE whose WHERE clause repeats the state it
expects (compare-and-set), so two workers can never both move the same row. On PostgreSQL the
claim's candidate select also takes ``FOR UPDATE SKIP LOCKED``, so concurrent senders pick
disjoint rows without waiting; SQLite has no row locks (SQLAlchemy drops the clause there) and
relies on its single writer making the UPDATE itself atomic. What gets planned, and when, is
:mod:`data.reminders`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, and_, exists, func, or_, select, update
from sqlalchemy.orm import Session

from data.models import OutboxKind, Reminder, ReminderStatus

PLANNED, CLAIMED, SENDING = ReminderStatus.PLANNED, ReminderStatus.CLAIMED, ReminderStatus.SENDING


def due_rows(session: Session, now: datetime, limit: int | None = None) -> list[Reminder]:
    """Planned rows due now, oldest first (what a dry run lists)."""
    query = (
        select(Reminder)
        .where(Reminder.status == PLANNED, Reminder.send_at <= now, _not_deferred(now))
        .order_by(Reminder.send_at, Reminder.id)
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def stale_rows(
    session: Session, now: datetime, fresh_for: timedelta, kinds: Collection[OutboxKind]
) -> list[Reminder]:
    """Planned rows of these kinds that waited so long (downtime) that sending them now would
    mislead."""
    return list(
        session.scalars(
            select(Reminder)
            .where(
                Reminder.status == PLANNED,
                Reminder.send_at < now - fresh_for,
                Reminder.kind.in_(list(kinds)),
            )
            .order_by(Reminder.recipient, Reminder.send_at, Reminder.id)
        )
    )


def fold(session: Session, ids: Sequence[int], into: int) -> int:
    """Mark stale rows folded into a "you missed these" row; only those still planned move."""
    statement = (
        update(Reminder)
        .where(Reminder.id.in_(list(ids)), Reminder.status == PLANNED)
        .values(status=ReminderStatus.FOLDED, folded_into=into)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(session.execute(statement))


def folded_under(session: Session, reminder_id: int) -> list[Reminder]:
    return list(
        session.scalars(
            select(Reminder)
            .where(Reminder.folded_into == reminder_id)
            .order_by(Reminder.send_at, Reminder.id)
        )
    )


def claim(session: Session, worker: str, now: datetime, lease: timedelta, limit: int) -> list[int]:
    """Lease up to ``limit`` due rows to ``worker``; returns their ids (possibly none).

    Expired leases are claimable again: that is how a crashed worker's rows are not lost.
    """
    claimable = or_(
        and_(Reminder.status == PLANNED, Reminder.send_at <= now, _not_deferred(now)),
        and_(Reminder.status.in_((CLAIMED, SENDING)), Reminder.claimed_until < now),
    )
    candidates = (
        select(Reminder.id)
        .where(claimable)
        .order_by(Reminder.send_at, Reminder.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # PostgreSQL only; a no-op on SQLite
        .scalar_subquery()
    )
    statement = (
        update(Reminder)
        .where(Reminder.id.in_(candidates), claimable)  # the WHERE is re-checked: CAS
        .values(status=CLAIMED, claimed_by=worker, claimed_until=now + lease)
        .returning(Reminder.id)
        .execution_options(synchronize_session=False)
    )
    return sorted(session.scalars(statement))


def start_sending(
    session: Session, reminder_id: int, worker: str, now: datetime, lease: timedelta
) -> bool:
    """Compare-and-set to SENDING just before posting; False if the lease was lost."""
    statement = (
        update(Reminder)
        .where(
            Reminder.id == reminder_id,
            Reminder.claimed_by == worker,
            Reminder.status.in_((CLAIMED, SENDING)),
        )
        .values(status=SENDING, claimed_until=now + lease, attempts=Reminder.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(session.execute(statement)) == 1


def mark_sent(
    session: Session, reminder_id: int, worker: str, channel: str, ts: str, now: datetime
) -> bool:
    return _finish(
        session,
        reminder_id,
        worker,
        status=ReminderStatus.SENT,
        posted_channel=channel,
        ts=ts,
        sent_at=now,
        error=None,
    )


def mark_failed(session: Session, reminder_id: int, worker: str, error: str) -> bool:
    return _finish(session, reminder_id, worker, status=ReminderStatus.FAILED, error=error[:200])


def mark_skipped(session: Session, reminder_id: int, worker: str, why: str) -> bool:
    return _finish(session, reminder_id, worker, status=ReminderStatus.SKIPPED, error=why[:200])


def release(
    session: Session,
    reminder_id: int,
    worker: str,
    not_before: datetime | None,
    error: str | None = None,
    *,
    attempted: bool = True,
) -> bool:
    """Give a claimed row back (shutdown, rate limit, quiet hours, transient error).

    ``attempted=False``: the post that :func:`start_sending` counted never left (nobody to
    post to yet), so it does not count towards giving up.
    """
    values: dict[str, Any] = {"status": PLANNED, "not_before": not_before, "error": error}
    if not attempted:
        values["attempts"] = Reminder.attempts - 1
    return _finish(session, reminder_id, worker, **values)


def _finish(session: Session, reminder_id: int, worker: str, **values: Any) -> bool:
    statement = (
        update(Reminder)
        .where(
            Reminder.id == reminder_id,
            Reminder.claimed_by == worker,
            Reminder.status.in_((CLAIMED, SENDING)),
        )
        .values(claimed_by=None, claimed_until=None, **values)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(session.execute(statement)) == 1


def by_message(session: Session, channel: str, ts: str) -> Reminder | None:
    """The outbox row a posted message is (for clicks on its buttons and replies in its thread)."""
    return session.scalar(
        select(Reminder).where(Reminder.posted_channel == channel, Reminder.ts == ts)
    )


def failures(session: Session, limit: int = 50) -> list[Reminder]:
    """Messages a platform refused for good, newest first: what admins are shown to fix."""
    return list(
        session.scalars(
            select(Reminder)
            .where(Reminder.status == ReminderStatus.FAILED)
            .order_by(Reminder.send_at.desc(), Reminder.id.desc())
            .limit(limit)
        )
    )


def later_nudge_due(session: Session, row: Reminder, now: datetime) -> bool:
    """After downtime two nudges of one round can be due at once: only the later one is sent."""
    return bool(
        session.scalar(
            select(
                exists().where(
                    Reminder.kind == OutboxKind.NUDGE,
                    Reminder.round_id == row.round_id,
                    Reminder.recipient == row.recipient,
                    Reminder.send_at > row.send_at,
                    Reminder.send_at <= now,
                    Reminder.status.not_in((ReminderStatus.CANCELLED, ReminderStatus.SKIPPED)),
                )
            )
        )
    )


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Reminder.status, func.count()).group_by(Reminder.status))
    return {str(status): count for status, count in rows}


def _not_deferred(now: datetime) -> Any:
    return or_(Reminder.not_before.is_(None), Reminder.not_before <= now)


def _rowcount(result: Any) -> int:
    # UPDATE/INSERT give a CursorResult; Session.execute is typed for the general case.
    return cast(CursorResult[Any], result).rowcount
