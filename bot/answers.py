"""What the engine answers, as plain data that any chat platform can render.

No ORM objects and no Slack here: an answer is complete in itself, so a renderer (plain text,
Slack Block Kit, a Teams card) needs nothing but the answer and its language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class HelpReason(StrEnum):
    ASKED = "asked"
    UNCLEAR = "unclear"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NO_PROGRAMME = "no_programme"


class DueScope(StrEnum):
    PERIOD = "period"
    UPCOMING = "upcoming"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class OrgRef:
    key: str
    name: str
    spelling: str = ""
    uncertain: bool = False

    @property
    def label(self) -> str:
        """``Suojelupoliisi (SUPO)``; the source's own spelling where it adds a qualifier."""
        shown = self.spelling or self.key
        return self.name if self.name == shown else f"{self.name} ({shown})"


@dataclass(frozen=True, slots=True)
class MeasureBrief:
    number: str
    title: str


@dataclass(frozen=True, slots=True)
class MilestoneView:
    id: int
    text: str
    kind: str
    start: date | None
    due: date | None
    overdue: bool
    origin: str = "source"


@dataclass(frozen=True, slots=True)
class StatusView:
    state: str
    note: str
    reporter: str
    reporter_name: str
    organisation: str | None
    source: str
    at: datetime
    permalink: str | None = None


@dataclass(frozen=True, slots=True)
class MeasureOwners:
    """What "who owns 2.7?" needs of a measure, and no more (it is the most asked question)."""

    number: str
    title: str
    lead: tuple[OrgRef, ...]
    others: tuple[OrgRef, ...]


@dataclass(frozen=True, slots=True)
class MeasureView:
    number: str
    title: str
    theme: int
    parts: tuple[tuple[str, str], ...]
    lead: tuple[OrgRef, ...]
    others: tuple[OrgRef, ...]
    actions: tuple[str, ...]
    milestones: tuple[MilestoneView, ...]
    latest_status: StatusView | None

    @property
    def brief(self) -> MeasureBrief:
        return MeasureBrief(self.number, self.title)


@dataclass(frozen=True, slots=True)
class OwnersAnswer:
    lang: str
    measure: MeasureOwners | MeasureView


@dataclass(frozen=True, slots=True)
class MeasureAnswer:
    lang: str
    measure: MeasureView
    part: str | None = None


@dataclass(frozen=True, slots=True)
class OrganisationAnswer:
    lang: str
    organisation: OrgRef
    lead: tuple[MeasureBrief, ...]
    shared: tuple[MeasureBrief, ...]


@dataclass(frozen=True, slots=True)
class AmbiguousOrganisation:
    lang: str
    text: str
    candidates: tuple[OrgRef, ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    measure: MeasureBrief
    matched: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    lang: str
    query: str
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class DueItem:
    measure: MeasureBrief
    milestone: MilestoneView
    state: str | None


@dataclass(frozen=True, slots=True)
class DeadlinesAnswer:
    lang: str
    scope: DueScope
    start: date | None
    end: date | None
    today: date
    items: tuple[DueItem, ...]
    # How many there are in all; ``items`` holds at most the engine's list limit of them.
    total: int = 0

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.items))


@dataclass(frozen=True, slots=True)
class StatusAnswer:
    lang: str
    measure: MeasureBrief
    history: tuple[StatusView, ...]

    @property
    def latest(self) -> StatusView | None:
        return self.history[0] if self.history else None


@dataclass(frozen=True, slots=True)
class NoSuchMeasure:
    lang: str
    requested: str
    nearest: tuple[MeasureBrief, ...]


@dataclass(frozen=True, slots=True)
class HelpAnswer:
    lang: str
    reason: HelpReason


Answer = (
    OwnersAnswer
    | MeasureAnswer
    | OrganisationAnswer
    | AmbiguousOrganisation
    | SearchAnswer
    | DeadlinesAnswer
    | StatusAnswer
    | NoSuchMeasure
    | HelpAnswer
)
