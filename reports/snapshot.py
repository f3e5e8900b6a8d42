"""The programme as the reports read it: typed, immutable, loaded once per request.

Built from :func:`data.export.programme_document`, the public JSON shape, so a report shows
exactly what an export promises. Frozen dataclasses of tuples are hashable, which lets the
chart cache key on the very data a chart is drawn from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from data.export import measure_document, programme_document
from data.models import Measure, Programme, Role, State


@dataclass(frozen=True, slots=True)
class Owner:
    spelling: str
    role: Role
    organisation: str
    name_fi: str
    name_sv: str
    name_en: str

    def name(self, lang: str) -> str:
        chosen = {"fi": self.name_fi, "sv": self.name_sv, "en": self.name_en}.get(lang)
        return chosen or self.name_fi or self.organisation


@dataclass(frozen=True, slots=True)
class Deadline:
    """One milestone of a measure's schedule (a schedule text may hold several dates)."""

    text: str
    kind: str
    start: date | None
    due: date | None


@dataclass(frozen=True, slots=True)
class Status:
    state: State
    note: str
    reporter: str
    reporter_name: str
    at: datetime

    @property
    def who(self) -> str:
        return self.reporter_name or self.reporter


@dataclass(frozen=True, slots=True)
class MeasureRecord:
    number: str
    theme: int
    title: str
    parts: tuple[tuple[str, str], ...]
    owners: tuple[Owner, ...]
    actions: tuple[str, ...]
    deadlines: tuple[Deadline, ...]
    status: Status | None

    @property
    def lead(self) -> tuple[Owner, ...]:
        return tuple(o for o in self.owners if o.role == Role.LEAD)

    @property
    def others(self) -> tuple[Owner, ...]:
        return tuple(o for o in self.owners if o.role == Role.OTHER)

    @property
    def state(self) -> State | None:
        return self.status.state if self.status else None


@dataclass(frozen=True, slots=True)
class Snapshot:
    slug: str
    title: str
    revision: int
    measures: tuple[MeasureRecord, ...]

    @property
    def themes(self) -> tuple[int, ...]:
        return tuple(sorted({m.theme for m in self.measures}))

    def measure(self, number: str) -> MeasureRecord | None:
        return next((m for m in self.measures if m.number == number), None)


def load_snapshot(session: Session, programme: Programme) -> Snapshot:
    return snapshot_from_document(programme_document(session, programme))


def load_measure(session: Session, measure: Measure) -> MeasureRecord:
    return measure_from_document(measure_document(session, measure))


def snapshot_from_document(document: dict[str, Any]) -> Snapshot:
    head = document["programme"]
    return Snapshot(
        slug=head["slug"],
        title=head["title"],
        revision=head["revision"],
        measures=tuple(measure_from_document(m) for m in document["measures"]),
    )


def measure_from_document(m: dict[str, Any]) -> MeasureRecord:
    status = m["status"]
    return MeasureRecord(
        number=m["id"],
        theme=m["theme"],
        title=m["title"],
        parts=tuple((p["label"], p["text"]) for p in m["parts"]),
        owners=tuple(
            Owner(
                spelling=o["spelling"],
                role=Role(o["role"]),
                organisation=o["organisation"],
                name_fi=o["name_fi"],
                name_sv=o["name_sv"],
                name_en=o["name_en"],
            )
            for o in m["owners"]
        ),
        actions=tuple(m["actions"]),
        deadlines=tuple(
            Deadline(
                text=d["text"],
                kind=d["kind"],
                start=_date(d["start"]),
                due=_date(d["due"]),
            )
            for d in m["milestones"]
        ),
        status=None
        if status is None
        else Status(
            state=State(status["state"]),
            note=status["note"],
            reporter=status["reporter"],
            reporter_name=status["reporter_name"],
            at=datetime.fromisoformat(status["at"]),
        ),
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
