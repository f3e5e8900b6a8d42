"""Deadlines from chat (``/seuranta deadline``): list, add, move and remove a measure's milestones.

The imported schedule lies in the past, so coordinators add the programme's new deadlines in
chat (``origin`` "chat"). Only the measure's contacts and the admins may change them, by the
same rule as status reports (:func:`data.status.may_report`). A milestone is never deleted:
status reports point at milestones, so removing one sets ``removed_at``.

Changing the row is all the reminders need: each planner tick cancels the planned reminders of a
milestone that moved or was removed and plans new ones from ``Milestone.due``. Every change bumps
the programme's revision, because the search indexes (the chat's and the status page's) are built
once per revision and include the milestones' texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from data import queries, status
from data.models import Measure, Milestone, Programme
from data.schedule import MilestoneKind
from seuranta.text import bounded

CHAT = "chat"
# An imported milestone moved or removed in chat: a re-import keeps the chat's date and removal.
EDITED = "edited"


class Outcome(StrEnum):
    DONE = "done"
    NO_MEASURE = "no_measure"
    NO_MILESTONE = "no_milestone"
    REFUSED = "refused"  # neither an admin nor a contact of the measure's organisations
    PAST = "past"  # the new due date has already passed


@dataclass(frozen=True, slots=True)
class Deadline:
    """One live dated milestone, as the chat shows it (plain values: usable after the session)."""

    id: int
    number: str  # the measure's
    due: date
    text: str
    origin: str
    created_by: str | None


@dataclass(frozen=True, slots=True)
class Change:
    """What an add, move or remove did; ``deadline`` is the milestone after the change."""

    outcome: Outcome
    number: str | None = None
    deadline: Deadline | None = None
    previous_due: date | None = None


def live_measure(session: Session, number: str) -> Measure | None:
    """The measure of that number in the current programme, unless it was removed."""
    version = queries.current_programme_version(session)
    if version is None:
        return None
    return session.scalar(
        select(Measure).where(
            Measure.programme_id == version[0],
            Measure.number == number,
            Measure.removed_at.is_(None),
        )
    )


def listing(session: Session, measure: Measure) -> list[Deadline]:
    """The measure's live dated milestones, imported and chat-added, soonest first."""
    rows = session.scalars(
        select(Milestone)
        .where(
            Milestone.measure_id == measure.id,
            Milestone.removed_at.is_(None),
            Milestone.due.is_not(None),
        )
        .order_by(Milestone.due, Milestone.position, Milestone.id)
    )
    return [_deadline(row, measure.number) for row in rows]


def may_change(session: Session, measure_id: int, person_key: str, admins: frozenset[str]) -> bool:
    """The measure's own contacts and the admins: those who may report its status."""
    return status.may_report(session, measure_id, person_key, admins)[0]


def add(
    session: Session,
    *,
    number: str,
    due: date,
    text: str,
    user: str,
    admins: frozenset[str],
    today: date,
    now: datetime,
) -> Change:
    """A new dated milestone on the measure, added by ``user`` (``today`` is the local day)."""
    measure = live_measure(session, number)
    if measure is None:
        return Change(Outcome.NO_MEASURE)
    if not may_change(session, measure.id, user, admins):
        return Change(Outcome.REFUSED, measure.number)
    if due < today:
        return Change(Outcome.PAST, measure.number)
    last = session.scalar(
        select(func.max(Milestone.position)).where(Milestone.measure_id == measure.id)
    )
    milestone = Milestone(
        measure_id=measure.id,
        text=bounded(text),  # the edge has told the person already if it is too long
        kind=MilestoneKind.DATE,
        start=None,
        due=due,
        position=0 if last is None else last + 1,
        origin=CHAT,
        occurrence=0,
        created_by=user,
        created_at=now,
    )
    session.add(milestone)
    session.flush()
    _bump_revision(session, measure.programme_id)
    return Change(Outcome.DONE, measure.number, _deadline(milestone, measure.number))


def move(
    session: Session,
    *,
    milestone_id: int,
    due: date,
    user: str,
    admins: frozenset[str],
    today: date,
) -> Change:
    """A new due date for a live dated milestone, imported ones too.

    The date is now a single day the person chose, so the milestone becomes a dated one
    (an imported "spring 2019" moved to 30.4.2019 is no longer a season).
    """
    found = _live_milestone(session, milestone_id)
    if found is None:
        return Change(Outcome.NO_MILESTONE)
    milestone, measure = found
    if not may_change(session, measure.id, user, admins):
        return Change(Outcome.REFUSED, measure.number)
    if due < today:
        return Change(Outcome.PAST, measure.number)
    previous = milestone.due
    milestone.due, milestone.start, milestone.kind = due, None, MilestoneKind.DATE
    milestone.origin = _edited(milestone.origin)
    session.flush()
    _bump_revision(session, measure.programme_id)
    return Change(Outcome.DONE, measure.number, _deadline(milestone, measure.number), previous)


def remove(
    session: Session, *, milestone_id: int, user: str, admins: frozenset[str], now: datetime
) -> Change:
    """Mark a live dated milestone removed (never deleted: status reports may point at it)."""
    found = _live_milestone(session, milestone_id)
    if found is None:
        return Change(Outcome.NO_MILESTONE)
    milestone, measure = found
    if not may_change(session, measure.id, user, admins):
        return Change(Outcome.REFUSED, measure.number)
    milestone.removed_at = now
    milestone.origin = _edited(milestone.origin)
    session.flush()
    _bump_revision(session, measure.programme_id)
    return Change(Outcome.DONE, measure.number, _deadline(milestone, measure.number), milestone.due)


def _live_milestone(session: Session, milestone_id: int) -> tuple[Milestone, Measure] | None:
    """A dated milestone and its measure, if neither was removed (the ids the listing shows)."""
    version = queries.current_programme_version(session)
    if version is None:
        return None
    row = session.execute(
        select(Milestone, Measure)
        .join(Measure, Measure.id == Milestone.measure_id)
        .where(
            Milestone.id == milestone_id,
            Milestone.removed_at.is_(None),
            Milestone.due.is_not(None),
            Measure.removed_at.is_(None),
            Measure.programme_id == version[0],
        )
    ).first()
    return (row[0], row[1]) if row else None


def _edited(origin: str) -> str:
    return EDITED if origin == "source" else origin


def _bump_revision(session: Session, programme_id: int) -> None:
    # In SQL rather than in Python: two changes at once must both count.
    session.execute(
        update(Programme)
        .where(Programme.id == programme_id)
        .values(revision=Programme.revision + 1)
        .execution_options(synchronize_session=False)
    )


def _deadline(milestone: Milestone, number: str) -> Deadline:
    assert milestone.due is not None  # only dated milestones are listed, added or changed
    return Deadline(
        id=milestone.id,
        number=number,
        due=milestone.due,
        text=milestone.text,
        origin=milestone.origin,
        created_by=milestone.created_by,
    )
