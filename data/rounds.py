"""Reporting rounds: the steering group asks every measure's lead organisation for its status.

A measure counts as answered in a round once any status report on it is recorded at or after
the round started: a button, the modal, a thread reply and ``/seuranta status`` all count, so
people answer however they like and nothing has to be linked by hand. Who still owes an answer
is always computed from the status reports, never stored, so it cannot drift from them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from fnmatch import fnmatchcase

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from data.models import (
    Contact,
    Measure,
    Organisation,
    ReportingRound,
    Responsibility,
    Role,
    RoundMeasure,
    State,
    StatusReport,
)
from seuranta.errors import InputError

# Stands for the organisation of a measure whose source row names no lead (6.2 and 8.2).
NO_LEAD = "?"
# "2.*", "2.7", "1.*,3.1": measure numbers with shell-style wildcards, comma separated.
_PATTERN = re.compile(r"^[0-9.*?]+(,[0-9.*?]+)*$")


@dataclass(frozen=True, slots=True)
class Answer:
    state: State
    reporter: str
    at: datetime


@dataclass(frozen=True, slots=True)
class RoundItem:
    """One measure in a round: who leads it, who can answer, and the answer so far."""

    measure_id: int
    number: str
    title: str
    leads: tuple[str, ...]  # organisation keys
    contacts: tuple[str, ...]  # person keys of the leads' contacts
    answer: Answer | None


@dataclass(frozen=True, slots=True)
class RoundProgress:
    id: int
    due: date
    pattern: str
    started_by: str
    started_at: datetime
    closed_at: datetime | None
    items: tuple[RoundItem, ...]

    @property
    def answered(self) -> tuple[RoundItem, ...]:
        return tuple(i for i in self.items if i.answer is not None)

    @property
    def missing(self) -> tuple[RoundItem, ...]:
        return tuple(i for i in self.items if i.answer is None)

    @property
    def percent(self) -> int:
        return round(100 * len(self.answered) / len(self.items)) if self.items else 0

    def people(self) -> dict[str, list[RoundItem]]:
        """Each contact and the measures they are asked about, in programme order."""
        asked: dict[str, list[RoundItem]] = defaultdict(list)
        for item in self.items:
            for user in item.contacts:
                asked[user].append(item)
        return dict(asked)

    def owing(self) -> dict[str, list[RoundItem]]:
        """Contacts with at least one measure still unanswered, and those measures."""
        return {
            user: unanswered
            for user, items in self.people().items()
            if (unanswered := [i for i in items if i.answer is None])
        }

    def without_contact(self) -> dict[str, list[str]]:
        """Lead organisations nobody can answer for: key → the measure numbers they lead."""
        orphaned: dict[str, list[str]] = defaultdict(list)
        for item in self.items:
            if not item.contacts:
                for key in item.leads or (NO_LEAD,):
                    orphaned[key].append(item.number)
        return dict(orphaned)

    def missing_by_organisation(self) -> dict[str, list[str]]:
        owed: dict[str, list[str]] = defaultdict(list)
        for item in self.missing:
            for key in item.leads or (NO_LEAD,):
                owed[key].append(item.number)
        return dict(owed)


def parse_pattern(text: str) -> tuple[str, ...]:
    cleaned = text.replace(" ", "")
    if not _PATTERN.match(cleaned):
        raise InputError(f"not a measure pattern: {text!r} (examples: 2.*, 2.7, 1.*,3.1)")
    return tuple(cleaned.split(","))


def matching_measures(session: Session, programme_id: int, pattern: str) -> list[Measure]:
    globs = parse_pattern(pattern)
    measures = session.scalars(
        select(Measure)
        .where(Measure.programme_id == programme_id, Measure.removed_at.is_(None))
        .order_by(Measure.sort_key)
    )
    return [m for m in measures if any(fnmatchcase(m.number, g) for g in globs)]


def start(
    session: Session,
    *,
    programme_id: int,
    due: date,
    pattern: str,
    started_by: str,
    now: datetime,
    today: date,
) -> ReportingRound:
    """A new round over the measures matching ``pattern``; InputError says what is wrong."""
    if due < today:
        raise InputError(f"the due date {due.isoformat()} is in the past")
    measures = matching_measures(session, programme_id, pattern)
    if not measures:
        raise InputError(f"no measure matches {pattern!r}")
    started = ReportingRound(due=due, pattern=pattern, started_by=started_by, started_at=now)
    session.add(started)
    session.flush()
    session.add_all(RoundMeasure(round_id=started.id, measure_id=m.id) for m in measures)
    session.flush()
    return started


def close(session: Session, round_id: int, now: datetime) -> bool:
    found = session.get(ReportingRound, round_id)
    if found is None or found.closed_at is not None:
        return False
    found.closed_at = now
    return True


def find(session: Session, round_id: int | None = None) -> ReportingRound | None:
    """The round with that number, or without one the newest (open ones first)."""
    if round_id is not None:
        return session.get(ReportingRound, round_id)
    return session.scalar(
        select(ReportingRound)
        .order_by(ReportingRound.closed_at.is_not(None), ReportingRound.id.desc())
        .limit(1)
    )


def open_rounds(session: Session) -> list[ReportingRound]:
    return list(
        session.scalars(
            select(ReportingRound)
            .where(ReportingRound.closed_at.is_(None))
            .order_by(ReportingRound.id)
        )
    )


def all_rounds(session: Session) -> list[ReportingRound]:
    return list(session.scalars(select(ReportingRound).order_by(ReportingRound.id)))


def progress(session: Session, found: ReportingRound) -> RoundProgress:
    """The round's measures with their leads, contacts and answers: four queries."""
    measures = session.execute(
        select(Measure.id, Measure.number, Measure.title)
        .join(RoundMeasure, RoundMeasure.measure_id == Measure.id)
        .where(RoundMeasure.round_id == found.id)
        .order_by(Measure.sort_key)
    ).all()
    ids = [m.id for m in measures]
    leads: dict[int, dict[str, int]] = defaultdict(dict)
    for measure_id, key, organisation_id in session.execute(
        select(Responsibility.measure_id, Organisation.key, Organisation.id)
        .join(Organisation, Organisation.id == Responsibility.organisation_id)
        .where(Responsibility.measure_id.in_(ids), Responsibility.role == Role.LEAD)
        .order_by(Responsibility.position)
    ):
        leads[measure_id][key] = organisation_id
    contacts: dict[int, list[str]] = defaultdict(list)
    organisation_ids = {oid for by_key in leads.values() for oid in by_key.values()}
    for organisation_id, user in session.execute(
        select(Contact.organisation_id, Contact.person_key)
        .where(Contact.organisation_id.in_(organisation_ids))
        .order_by(Contact.person_key)
    ):
        contacts[organisation_id].append(user)
    answers = _answers_since(session, ids, found.started_at)
    items = []
    for measure_id, number, title in measures:
        users = [u for oid in leads[measure_id].values() for u in contacts[oid]]
        items.append(
            RoundItem(
                measure_id,
                number,
                title,
                tuple(leads[measure_id]),
                tuple(dict.fromkeys(users)),
                answers.get(measure_id),
            )
        )
    return RoundProgress(
        found.id,
        found.due,
        found.pattern,
        found.started_by,
        found.started_at,
        found.closed_at,
        tuple(items),
    )


def _answers_since(session: Session, measure_ids: list[int], since: datetime) -> dict[int, Answer]:
    """The latest report on each measure recorded since the round started."""
    newest = (
        select(StatusReport.measure_id, func.max(StatusReport.id).label("id"))
        .where(StatusReport.measure_id.in_(measure_ids), StatusReport.created_at >= since)
        .group_by(StatusReport.measure_id)
        .subquery()
    )
    rows = session.execute(
        select(
            StatusReport.measure_id,
            StatusReport.state,
            StatusReport.reporter,
            StatusReport.created_at,
        ).join(
            newest,
            and_(newest.c.measure_id == StatusReport.measure_id, newest.c.id == StatusReport.id),
        )
    )
    return {m: Answer(State(state), reporter, at) for m, state, reporter, at in rows}
