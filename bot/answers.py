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
class Reading:
    """What the engine understood of a question, shown first so a wrong reading is visible:
    "OM · due in 2019 · 3 milestones"."""

    organisations: tuple[str, ...] = ()
    shared: bool = False
    lead_only: bool = False
    no_lead: bool = False
    measures: tuple[str, ...] = ()
    themes: tuple[int, ...] = ()
    scope: DueScope | None = None
    start: date | None = None
    end: date | None = None
    state: str | None = None
    continuous: bool = False
    topic: str = ""
    asked: str = ""  # "owners", "next_due", "count" … when that is not plain from the answer
    corrections: tuple[tuple[str, str], ...] = ()
    follow_up: bool = False  # read in the context of the previous answer
    count: int | None = None
    unit: str = ""  # "measures" or "milestones"


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
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class MeasureAnswer:
    lang: str
    measure: MeasureView
    part: str | None = None
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class OrganisationAnswer:
    lang: str
    organisation: OrgRef
    lead: tuple[MeasureBrief, ...]
    shared: tuple[MeasureBrief, ...]
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class AmbiguousOrganisation:
    lang: str
    text: str
    candidates: tuple[OrgRef, ...]
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    measure: MeasureBrief
    matched: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SearchAnswer:
    lang: str
    query: str
    hits: tuple[SearchHit, ...]
    reading: Reading | None = None


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
    reading: Reading | None = None
    offset: int = 0  # items before these were shown in an earlier answer ("more")

    @property
    def more(self) -> int:
        return max(0, self.total - self.offset - len(self.items))


@dataclass(frozen=True, slots=True)
class StatusAnswer:
    lang: str
    measure: MeasureBrief
    history: tuple[StatusView, ...]

    @property
    def latest(self) -> StatusView | None:
        return self.history[0] if self.history else None

    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class NoSuchMeasure:
    lang: str
    requested: str
    nearest: tuple[MeasureBrief, ...]
    reading: Reading | None = None


@dataclass(frozen=True, slots=True)
class MeasureRow:
    measure: MeasureBrief
    lead: tuple[OrgRef, ...]
    others: tuple[OrgRef, ...]


@dataclass(frozen=True, slots=True)
class MeasuresAnswer:
    """The measures a combined question's filters leave, with their owners."""

    lang: str
    reading: Reading
    rows: tuple[MeasureRow, ...]
    total: int
    offset: int = 0  # rows before these were shown in an earlier answer ("more")
    count_only: bool = False

    @property
    def more(self) -> int:
        return max(0, self.total - self.offset - len(self.rows))


@dataclass(frozen=True, slots=True)
class HelpAnswer:
    lang: str
    reason: HelpReason
    # When part of a question was recognised: the catalogue key of the nearest whole question
    # ("suggest.owners": "kuka vastaa toimenpiteestä 2.7?"), shown instead of the full help.
    suggestion: str = ""
    reading: Reading | None = None


Answer = (
    OwnersAnswer
    | MeasureAnswer
    | OrganisationAnswer
    | AmbiguousOrganisation
    | SearchAnswer
    | DeadlinesAnswer
    | MeasuresAnswer
    | StatusAnswer
    | NoSuchMeasure
    | HelpAnswer
)
