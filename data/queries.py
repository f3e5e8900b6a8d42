"""The questions other packages ask of the records. Nothing outside ``data/`` writes SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Row, Select, bindparam, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from data.models import (
    Measure,
    Milestone,
    Organisation,
    Programme,
    Responsibility,
    Role,
    State,
    StatusReport,
)


@dataclass(frozen=True, slots=True)
class MeasureText:
    """What the search index needs of one measure."""

    number: str
    title: str
    parts: tuple[str, ...]
    actions: tuple[str, ...]
    schedules: tuple[str, ...]


def current_programme(session: Session, slug: str | None = None) -> Programme | None:
    """The programme asked for, or the most recently imported one."""
    query = select(Programme)
    if slug:
        query = query.where(Programme.slug == slug)
    return session.scalars(query.order_by(Programme.imported_at.desc(), Programme.id)).first()


def current_programme_version(session: Session, slug: str | None = None) -> tuple[int, int] | None:
    """(id, revision) of what ``current_programme`` returns, without loading the row."""
    query = select(Programme.id, Programme.revision)
    if slug:
        query = query.where(Programme.slug == slug)
    row = session.execute(
        query.order_by(Programme.imported_at.desc(), Programme.id).limit(1)
    ).first()
    return (row[0], row[1]) if row else None


# Asked before every answer, so built once: constructing the statement (and its cache key)
# cost more than running it, 0.2 ms a question (bench/README.md, the Teams section).
_NEWEST_STATUS = select(func.coalesce(func.max(StatusReport.id), 0)).scalar_subquery()
_VERSION = (
    select(Programme.id, Programme.revision, _NEWEST_STATUS)
    .order_by(Programme.imported_at.desc(), Programme.id)
    .limit(1)
)
_VERSION_OF_SLUG = _VERSION.where(Programme.slug == bindparam("slug"))


def answers_version(session: Session, slug: str | None = None) -> tuple[int, int, int] | None:
    """What every answer depends on, in one query: the programme's id and revision (bumped by
    imports and chat deadline changes) and the newest status report's id (reports are only ever
    added, so any new status changes it)."""
    # A Core statement on the session's connection: the ORM's result handling is not needed.
    connection = session.connection()
    if slug:
        row = connection.execute(_VERSION_OF_SLUG, {"slug": slug}).first()
    else:
        row = connection.execute(_VERSION).first()
    return (row[0], row[1], row[2]) if row else None


def measure_with_details(session: Session, programme_id: int, number: str) -> Measure | None:
    return session.scalar(
        _live_measure(programme_id, number).options(
            selectinload(Measure.parts),
            selectinload(Measure.actions),
            selectinload(Measure.responsibilities).joinedload(Responsibility.organisation),
            selectinload(Measure.milestones),
        )
    )


def measure_with_owners(session: Session, programme_id: int, number: str) -> Measure | None:
    # One joined query: this is the question asked most, and each round trip shows.
    return (
        session.scalars(
            _live_measure(programme_id, number).options(
                joinedload(Measure.responsibilities).joinedload(Responsibility.organisation)
            )
        )
        .unique()
        .first()
    )


def _live_measure(programme_id: int, number: str) -> Select[tuple[Measure]]:
    return select(Measure).where(
        Measure.programme_id == programme_id,
        Measure.number == number,
        Measure.removed_at.is_(None),
    )


def status_history(session: Session, measure_id: int, limit: int = 5) -> list[StatusReport]:
    """Newest first, in the order reports were recorded (as ``latest_reports`` counts them)."""
    return list(
        session.scalars(
            select(StatusReport)
            .where(StatusReport.measure_id == measure_id)
            .options(joinedload(StatusReport.organisation))
            .order_by(StatusReport.id.desc())
            .limit(limit)
        )
    )


def latest_reports(session: Session, measure_ids: Sequence[int]) -> dict[int, StatusReport]:
    """Each measure's newest report, in one query (a correction is simply a newer report)."""
    if not measure_ids:
        return {}
    newest = (
        select(func.max(StatusReport.id))
        .where(StatusReport.measure_id.in_(measure_ids))
        .group_by(StatusReport.measure_id)
    )
    reports = session.scalars(
        select(StatusReport)
        .where(StatusReport.id.in_(newest))
        .options(joinedload(StatusReport.organisation))
    )
    return {report.measure_id: report for report in reports}


def latest_states(session: Session, measure_ids: Sequence[int]) -> dict[int, State]:
    """Each measure's latest reported state, in one query."""
    if not measure_ids:
        return {}
    newest = (
        select(StatusReport.measure_id, func.max(StatusReport.id).label("report_id"))
        .where(StatusReport.measure_id.in_(measure_ids))
        .group_by(StatusReport.measure_id)
        .subquery()
    )
    rows = session.execute(
        select(StatusReport.measure_id, StatusReport.state).join(
            newest, StatusReport.id == newest.c.report_id
        )
    )
    return {measure_id: State(state) for measure_id, state in rows}


def organisations(session: Session) -> list[Organisation]:
    return list(session.scalars(select(Organisation).order_by(Organisation.key)))


def measures_of_organisations(
    session: Session, programme_id: int, organisation_keys: Sequence[str]
) -> list[Row[tuple[str, str, Role, str]]]:
    """(number, title, role, spelling) for every measure the organisations (or their units) own."""
    keys = list(organisation_keys)
    units = select(Organisation.key).where(Organisation.parent_key.in_(keys))
    return list(
        session.execute(
            select(Measure.number, Measure.title, Responsibility.role, Responsibility.spelling)
            .join(Responsibility, Responsibility.measure_id == Measure.id)
            .join(Organisation, Organisation.id == Responsibility.organisation_id)
            .where(
                Measure.programme_id == programme_id,
                Measure.removed_at.is_(None),
                Organisation.key.in_(keys) | Organisation.key.in_(units),
            )
            .order_by(Measure.sort_key, Responsibility.position)
        )
    )


@dataclass(frozen=True, slots=True)
class DueMilestone:
    """A dated milestone with what a deadline list shows of its measure (no ORM objects)."""

    milestone_id: int
    text: str
    kind: str
    start: date | None
    due: date
    origin: str
    measure_id: int
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """What a combined question filters a measure by, for every measure of a programme."""

    measure_id: int
    number: str
    title: str
    theme: int
    owners: tuple[tuple[str, Role, str], ...]  # (organisation key, role, spelling), in order
    continuous: bool
    dues: tuple[date, ...]  # its live milestones' due dates, sorted: counted without SQL


def measure_catalogue(session: Session, programme_id: int) -> list[CatalogueEntry]:
    """Every live measure with its owners, due dates and whether it has continuous work, in
    three column queries (a 10,000-measure programme is read in well under a second)."""
    measures = session.execute(
        select(Measure.id, Measure.number, Measure.title, Measure.theme)
        .where(Measure.programme_id == programme_id, Measure.removed_at.is_(None))
        .order_by(Measure.sort_key)
    ).all()
    owners: dict[int, list[tuple[str, Role, str]]] = {}
    for measure_id, key, role, spelling in session.execute(
        select(
            Responsibility.measure_id,
            Organisation.key,
            Responsibility.role,
            Responsibility.spelling,
        )
        .join(Organisation, Organisation.id == Responsibility.organisation_id)
        .join(Measure, Measure.id == Responsibility.measure_id)
        .where(Measure.programme_id == programme_id)
        .order_by(Responsibility.measure_id, Responsibility.position)
    ):
        owners.setdefault(measure_id, []).append((key, Role(role), spelling))
    dues: dict[int, list[date]] = {}
    continuous: set[int] = set()
    for measure_id, due, kind in session.execute(
        select(Milestone.measure_id, Milestone.due, Milestone.kind)
        .join(Measure, Measure.id == Milestone.measure_id)
        .where(Measure.programme_id == programme_id, Milestone.removed_at.is_(None))
    ):
        if due is not None:
            dues.setdefault(measure_id, []).append(due)
        if kind == "continuous":
            continuous.add(measure_id)
    return [
        CatalogueEntry(
            measure_id, number, title, theme, tuple(owners.get(measure_id, ())),
            measure_id in continuous, tuple(sorted(dues.get(measure_id, ()))),
        )
        for measure_id, number, title, theme in measures
    ]  # fmt: skip


def milestones_due(
    session: Session,
    programme_id: int,
    *,
    start: date | None = None,
    end: date | None = None,
    exclude_done: bool = False,
    limit: int | None = None,
    measure_ids: Sequence[int] | None = None,
) -> list[DueMilestone]:
    """Dated milestones due within [start, end], soonest first.

    Plain columns rather than ORM objects: a period can hold thousands of milestones.
    ``exclude_done`` leaves out measures whose latest report says done (the overdue list).
    """
    query = (
        select(
            Milestone.id,
            Milestone.text,
            Milestone.kind,
            Milestone.start,
            Milestone.due,
            Milestone.origin,
            Measure.id,
            Measure.number,
            Measure.title,
        )
        .join(Measure, Measure.id == Milestone.measure_id)
        .where(*_due_conditions(programme_id, start, end, exclude_done, measure_ids))
        .order_by(Milestone.due, Measure.sort_key, Milestone.position)
    )
    if limit is not None:
        query = query.limit(limit)
    return [DueMilestone(*row) for row in session.execute(query)]


def count_due(
    session: Session,
    programme_id: int,
    *,
    start: date | None = None,
    end: date | None = None,
    exclude_done: bool = False,
) -> int:
    query = (
        select(func.count())
        .select_from(Milestone)
        .join(Measure, Measure.id == Milestone.measure_id)
        .where(*_due_conditions(programme_id, start, end, exclude_done))
    )
    return session.scalar(query) or 0


def _due_conditions(
    programme_id: int,
    start: date | None,
    end: date | None,
    exclude_done: bool,
    measure_ids: Sequence[int] | None = None,
) -> list[ColumnElement[bool]]:
    conditions = [
        Measure.programme_id == programme_id,
        Measure.removed_at.is_(None),
        Milestone.removed_at.is_(None),
        Milestone.due.is_not(None),
    ]
    if start is not None:
        conditions.append(Milestone.due >= start)
    if end is not None:
        conditions.append(Milestone.due <= end)
    if exclude_done:
        conditions.append(Measure.id.not_in(_measures_reported_done()))
    if measure_ids is not None:  # the measures a combined question's filters left
        conditions.append(Milestone.measure_id.in_(list(measure_ids)))
    return conditions


def measures_reported_done(session: Session) -> set[int]:
    """Measures whose latest report says done."""
    return set(session.scalars(_measures_reported_done()))


def _measures_reported_done() -> Select[tuple[int]]:
    newest = select(func.max(StatusReport.id)).group_by(StatusReport.measure_id)
    return select(StatusReport.measure_id).where(
        StatusReport.id.in_(newest), StatusReport.state == State.DONE
    )


def measure_texts(session: Session, programme_id: int) -> list[MeasureText]:
    measures = session.scalars(
        select(Measure)
        .where(Measure.programme_id == programme_id, Measure.removed_at.is_(None))
        .options(
            selectinload(Measure.parts),
            selectinload(Measure.actions),
            selectinload(Measure.milestones),
        )
        .order_by(Measure.sort_key)
    )
    return [
        MeasureText(
            number=m.number,
            title=m.title,
            parts=tuple(p.text for p in m.parts),
            actions=tuple(a.text for a in m.actions),
            schedules=tuple(dict.fromkeys(ms.text for ms in m.milestones if ms.removed_at is None)),
        )
        for m in measures
    ]


def measure_outlook(
    session: Session, programme_id: int, numbers: Sequence[str], today: date
) -> dict[str, tuple[Milestone | None, State | None]]:
    """Per measure number: its next milestone due on or after ``today``, and its latest state."""
    rows = session.execute(
        select(Measure.number, Measure.id).where(
            Measure.programme_id == programme_id,
            Measure.number.in_(list(numbers)),
            Measure.removed_at.is_(None),
        )
    )
    # Not dict(rows): a Result has .keys(), so dict() would take it for a mapping.
    measures = {number: measure_id for number, measure_id in rows}
    upcoming = session.scalars(
        select(Milestone)
        .where(
            Milestone.measure_id.in_(list(measures.values())),
            Milestone.removed_at.is_(None),
            Milestone.due >= today,
        )
        .order_by(Milestone.due, Milestone.position)
    )
    first: dict[int, Milestone] = {}
    for milestone in upcoming:
        first.setdefault(milestone.measure_id, milestone)
    states = latest_states(session, list(measures.values()))
    return {
        number: (first.get(measure_id), states.get(measure_id))
        for number, measure_id in measures.items()
    }
