"""The reminder outbox: planning inserts, atomic claims, and the record of what was sent.

Every state change is one conditional UPDATE whose WHERE clause repeats the state it expects
(compare-and-set), so two workers can never both move the same row. On PostgreSQL the claim's
candidate select also takes ``FOR UPDATE SKIP LOCKED``, so concurrent senders pick disjoint
rows without waiting; SQLite has no row locks (SQLAlchemy drops the clause there) and relies on
its single writer making the UPDATE itself atomic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import (
    CursorResult,
    and_,
    exists,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from data.models import (
    Contact,
    Measure,
    Milestone,
    Organisation,
    Person,
    Reminder,
    ReminderStatus,
    Responsibility,
    Role,
    SchedulerState,
)

PLANNED, CLAIMED, SENDING = ReminderStatus.PLANNED, ReminderStatus.CLAIMED, ReminderStatus.SENDING
_LOOKUP_CHUNK = 1000  # keys per IN (…): well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True, slots=True)
class DeadlineTarget:
    """A dated milestone and one lead organisation's contact (``user`` None: it has none)."""

    milestone_id: int
    due: date
    measure_id: int
    organisation_id: int
    organisation_key: str
    user: str | None
    tz: str | None


def deadline_targets(session: Session, first_due: date, last_due: date) -> list[DeadlineTarget]:
    """Who is reminded of the milestones due in [first_due, last_due]: one index range query."""
    rows = session.execute(
        select(
            Milestone.id,
            Milestone.due,
            Milestone.measure_id,
            Responsibility.organisation_id,
            Organisation.key,
            Contact.person_key,
            Person.tz,
        )
        .join(Measure, Measure.id == Milestone.measure_id)
        .join(
            Responsibility,
            and_(Responsibility.measure_id == Measure.id, Responsibility.role == Role.LEAD),
        )
        .join(Organisation, Organisation.id == Responsibility.organisation_id)
        .outerjoin(Contact, Contact.organisation_id == Responsibility.organisation_id)
        .outerjoin(Person, Person.person_key == Contact.person_key)
        .where(
            Milestone.due >= first_due,
            Milestone.due <= last_due,
            Milestone.removed_at.is_(None),
            Measure.removed_at.is_(None),
        )
        .order_by(Milestone.due, Milestone.id, Contact.person_key)
    )
    targets = []
    seen: set[tuple[int, int, str | None]] = set()
    for milestone_id, due, measure_id, organisation_id, organisation_key, user, tz in rows:
        # A measure can name one organisation twice (two spellings): one reminder is enough.
        if (milestone_id, organisation_id, user) in seen:
            continue
        seen.add((milestone_id, organisation_id, user))
        targets.append(
            DeadlineTarget(
                milestone_id, due, measure_id, organisation_id, organisation_key, user, tz
            )
        )
    return targets


def planned_row(now: datetime, **values: Any) -> dict[str, Any]:
    """A full row for a multi-row INSERT (every row must name the same columns)."""
    row: dict[str, Any] = {
        "milestone_id": None,
        "due": None,
        "offset_days": None,
        "measure_id": None,
        "organisation_id": None,
        "round_id": None,
        "tz": None,
        "status": ReminderStatus.PLANNED,
        "attempts": 0,
        "detail": {},
        "folded_into": None,
        "created_at": now,
    }
    row.update(values)
    return row


def zones(session: Session, users: Sequence[str]) -> dict[str, str | None]:
    """Each person's Slack time zone, where known (asked of Slack when they first talk to us)."""
    rows = session.execute(
        select(Person.person_key, Person.tz).where(Person.person_key.in_(list(users)))
    )
    return {user: tz for user, tz in rows}


def insert_planned(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """INSERT … ON CONFLICT DO NOTHING: re-planning, or two planners at once, add nothing."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        insert: Any = postgresql.insert
    elif name == "sqlite":
        insert = sqlite.insert
    else:
        raise NotImplementedError(f"no insert-or-ignore for the {name} dialect")
    if not rows:
        return 0
    statement = insert(Reminder.__table__).on_conflict_do_nothing().returning(Reminder.id)
    # Core executemany: SQLAlchemy batches it into multi-row INSERTs ("insertmanyvalues")
    # without compiling a statement per chunk; RETURNING counts what was really inserted
    # (rowcount is -1 here on psycopg).
    return len(session.connection().execute(statement, list(rows)).all())


def bundle(session: Session, rows: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
    """Fold a person's new deadline rows due at one instant into one "bundle" row.

    Done before the rows are inserted, so it costs one INSERT of the bundles and one indexed
    lookup of their ids, however many people there are. The member rows are still inserted
    (folded), so their unique keys keep stopping them being planned again; the bundle lists
    them when it is sent. A bundle that already went out (only possible for rows added after
    their time was first planned) leaves the new rows to go on their own.
    """
    groups: dict[tuple[str, datetime], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["kind"] == "deadline":
            groups[(row["recipient"], row["send_at"])].append(row)
    keys = {
        (recipient, at): f"bundle:{recipient}:{at.isoformat()}"
        for (recipient, at), members in groups.items()
        if len(members) > 1
    }
    insert_planned(
        session,
        [
            planned_row(
                now,
                kind="bundle",
                key=key,
                recipient=recipient,
                channel=groups[(recipient, at)][0]["channel"],
                tz=groups[(recipient, at)][0]["tz"],
                send_at=at,
            )
            for (recipient, at), key in keys.items()
        ],
    )
    planned: dict[str, int] = {}
    key_list = list(keys.values())
    for start in range(0, len(key_list), _LOOKUP_CHUNK):
        found = session.execute(
            select(Reminder.key, Reminder.id).where(
                Reminder.key.in_(key_list[start : start + _LOOKUP_CHUNK]),
                Reminder.status == PLANNED,
            )
        )
        planned.update((key, id_) for key, id_ in found)
    for group, key in keys.items():
        if key in planned:
            for row in groups[group]:
                row.update(status=ReminderStatus.FOLDED, folded_into=planned[key])
    return rows


def cancel_outdated(session: Session) -> int:
    """Planned deadline reminders whose milestone moved or was removed are cancelled."""
    moved = exists(
        select(Milestone.id).where(
            Milestone.id == Reminder.milestone_id,
            or_(
                Milestone.removed_at.is_not(None),
                Milestone.due.is_(None),
                Milestone.due != Reminder.due,
            ),
        )
    )
    statement = (
        update(Reminder)
        .where(Reminder.status == PLANNED, Reminder.milestone_id.is_not(None), moved)
        .values(status=ReminderStatus.CANCELLED)
        .execution_options(synchronize_session=False)
    )
    return _rowcount(session.execute(statement))


def watermark(session: Session, name: str) -> datetime | None:
    return session.scalar(select(SchedulerState.at).where(SchedulerState.name == name))


def advance_watermark(session: Session, name: str, at: datetime) -> None:
    """Move forward only: a tick that travels back in time (``--as-of``) must not rewind it."""
    state = session.get(SchedulerState, name)
    if state is None:
        session.add(SchedulerState(name=name, at=at))
    elif state.at < at:
        state.at = at


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


def stale_rows(session: Session, now: datetime, fresh_for: timedelta) -> list[Reminder]:
    """Planned rows that waited so long (downtime) that sending them now would mislead."""
    return list(
        session.scalars(
            select(Reminder)
            .where(
                Reminder.status == PLANNED,
                Reminder.send_at < now - fresh_for,
                Reminder.kind.in_(("deadline", "bundle", "no_contact")),
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
) -> bool:
    """Give a claimed row back (shutdown, rate limit, quiet hours, transient error)."""
    return _finish(session, reminder_id, worker, status=PLANNED, not_before=not_before, error=error)


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
    """The reminder a Slack message is (for clicks on its buttons and replies in its thread)."""
    return session.scalar(
        select(Reminder).where(Reminder.posted_channel == channel, Reminder.ts == ts)
    )


def failures(session: Session, limit: int = 50) -> list[Reminder]:
    """Reminders Slack refused for good, newest first: what admins are shown to fix."""
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
                    Reminder.kind == "nudge",
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
