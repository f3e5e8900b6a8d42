"""The weekly digest's content: what is coming, what is late, what changed, who owes a round.

Counted by the same :func:`reports.summary.summarise` as the status page and the exports, so the
digest's "overdue" can never disagree with theirs. Pure given its inputs; :func:`load_digest`
reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data import rounds
from data.models import Measure, Programme, Reminder, ReminderStatus, State, StatusReport
from data.rounds import RoundProgress
from reports.snapshot import Snapshot, load_snapshot
from reports.summary import OverdueItem, status_key, summarise

UPCOMING_DAYS = 14
WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class UpcomingItem:
    number: str
    text: str
    due: date
    state: str


@dataclass(frozen=True, slots=True)
class Change:
    number: str
    state: State
    note: str
    reporter: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Digest:
    today: date
    upcoming: tuple[UpcomingItem, ...]
    overdue: tuple[OverdueItem, ...]
    changes: tuple[Change, ...]
    rounds: tuple[RoundProgress, ...]
    failures: int  # messages Slack refused for good during the week


def upcoming(snapshot: Snapshot, today: date) -> tuple[UpcomingItem, ...]:
    """Milestones due from today to two weeks ahead (inclusive), of measures not reported done."""
    last = today + timedelta(days=UPCOMING_DAYS)
    found = [
        UpcomingItem(m.number, d.text, d.due, status_key(m.state))
        for m in snapshot.measures
        if m.state != State.DONE
        for d in m.deadlines
        if d.due is not None and today <= d.due <= last
    ]
    return tuple(sorted(found, key=lambda item: item.due))  # stable: programme order within a day


def build(
    snapshot: Snapshot,
    today: date,
    changes: tuple[Change, ...],
    open_rounds: tuple[RoundProgress, ...],
    failures: int,
) -> Digest:
    return Digest(
        today,
        upcoming(snapshot, today),
        summarise(snapshot, today).overdue,
        changes,
        open_rounds,
        failures,
    )


def load_digest(session: Session, programme: Programme, since: datetime, today: date) -> Digest:
    """The digest for ``today``; "this week" is everything recorded since ``since``."""
    changes = tuple(
        Change(number, State(state), note, reporter, at)
        for number, state, note, reporter, at in session.execute(
            select(
                Measure.number,
                StatusReport.state,
                StatusReport.note,
                StatusReport.reporter,
                StatusReport.created_at,
            )
            .join(Measure, Measure.id == StatusReport.measure_id)
            .where(StatusReport.created_at >= since)
            .order_by(StatusReport.created_at, StatusReport.id)
        )
    )
    failures = session.scalar(
        select(func.count())
        .select_from(Reminder)
        .where(Reminder.status == ReminderStatus.FAILED, Reminder.send_at >= since)
    )
    open_rounds = tuple(rounds.progress(session, r) for r in rounds.open_rounds(session))
    return build(load_snapshot(session, programme), today, changes, open_rounds, failures or 0)
