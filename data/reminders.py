"""Planning the outbox: who is reminded of what, planned rows and their conflict-ignoring insert.

Planning may run in any number of ticks and workers at once: a row is unique on its key (and a
deadline reminder on its occurrence), and :func:`insert_planned` adds only what is not there
yet. What happens to a row after that is :mod:`data.outbox`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, and_, exists, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from data.models import (
    Contact,
    Measure,
    Milestone,
    Organisation,
    OutboxKind,
    Person,
    Reminder,
    ReminderStatus,
    Responsibility,
    Role,
    SchedulerState,
)

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


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """One outbox row as planning makes it; :func:`insert_planned` writes many at once."""

    kind: OutboxKind
    key: str  # unique: planning the same message again inserts nothing
    recipient: str
    channel: str  # where to post: a person key (a direct message) or a channel
    send_at: datetime
    created_at: datetime
    milestone_id: int | None = None
    due: date | None = None
    offset_days: int | None = None
    measure_id: int | None = None
    organisation_id: int | None = None
    round_id: int | None = None
    tz: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    status: ReminderStatus = ReminderStatus.PLANNED
    folded_into: int | None = None


_COLUMNS = tuple(f.name for f in fields(PlannedRow))


def zones(session: Session, users: Sequence[str]) -> dict[str, str | None]:
    """Each person's Slack time zone, where known (asked of Slack when they first talk to us)."""
    rows = session.execute(
        select(Person.person_key, Person.tz).where(Person.person_key.in_(list(users)))
    )
    return {user: tz for user, tz in rows}


def insert_planned(session: Session, rows: Sequence[PlannedRow]) -> int:
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
    # (rowcount is -1 here on psycopg). Every row names the same columns, as that needs.
    values = [{name: getattr(row, name) for name in _COLUMNS} | {"attempts": 0} for row in rows]
    return len(session.connection().execute(statement, values).all())


def planned_ids(session: Session, keys: Sequence[str]) -> dict[str, int]:
    """The ids of the rows with these keys that are still planned (an indexed lookup)."""
    found: dict[str, int] = {}
    for start in range(0, len(keys), _LOOKUP_CHUNK):
        rows = session.execute(
            select(Reminder.key, Reminder.id).where(
                Reminder.key.in_(keys[start : start + _LOOKUP_CHUNK]),
                Reminder.status == ReminderStatus.PLANNED,
            )
        )
        found.update((key, id_) for key, id_ in rows)
    return found


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
        .where(Reminder.status == ReminderStatus.PLANNED, Reminder.milestone_id.is_not(None), moved)
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


def _rowcount(result: Any) -> int:
    # UPDATE gives a CursorResult; Session.execute is typed for the general case.
    return cast(CursorResult[Any], result).rowcount
