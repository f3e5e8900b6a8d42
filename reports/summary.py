"""The numbers: measures by state and theme, and the overdue milestones.

The one place they are counted. The page, the charts, the exports and the digests all ask
:func:`summarise` (or :func:`programme_summary`), so no two of them can disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from data.models import Programme, State
from reports.snapshot import Deadline, Snapshot, load_snapshot

UNREPORTED = "unreported"
# Display order, from finished to not heard of: the stacked bars and the legends use it.
STATUS_KEYS: tuple[str, ...] = (
    State.DONE,
    State.ON_TRACK,
    State.AT_RISK,
    State.DELAYED,
    State.NOT_STARTED,
    UNREPORTED,
)


def status_key(state: State | None) -> str:
    """A measure's state as a summary bucket; no report yet is a bucket of its own."""
    return str(state) if state is not None else UNREPORTED


def is_overdue(deadline: Deadline, state: State | None, today: date) -> bool:
    """Due before today and the measure not reported done (the same rule as `seuranta ask`)."""
    return deadline.due is not None and deadline.due < today and state != State.DONE


@dataclass(frozen=True, slots=True)
class OverdueItem:
    number: str
    title: str
    text: str
    due: date
    state: str


@dataclass(frozen=True, slots=True)
class ThemeCounts:
    theme: int
    # One count per STATUS_KEYS entry, in that order.
    counts: tuple[int, ...]

    def count(self, key: str) -> int:
        return self.counts[STATUS_KEYS.index(key)]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True, slots=True)
class ProgrammeSummary:
    today: date
    themes: tuple[ThemeCounts, ...]
    overdue: tuple[OverdueItem, ...]

    def total(self, key: str | None = None) -> int:
        if key is None:
            return sum(t.total for t in self.themes)
        return sum(t.count(key) for t in self.themes)

    @property
    def overdue_measures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(item.number for item in self.overdue))


def summarise(snapshot: Snapshot, today: date) -> ProgrammeSummary:
    themes = []
    for theme in snapshot.themes:
        keys = [status_key(m.state) for m in snapshot.measures if m.theme == theme]
        themes.append(ThemeCounts(theme, tuple(keys.count(k) for k in STATUS_KEYS)))
    overdue: list[tuple[date, int, OverdueItem]] = []
    for position, m in enumerate(snapshot.measures):
        for d in m.deadlines:
            if d.due is not None and is_overdue(d, m.state, today):
                item = OverdueItem(m.number, m.title, d.text, d.due, status_key(m.state))
                overdue.append((d.due, position, item))
    # Ordered like the engine's overdue answer: soonest first, then programme order (a stable
    # sort keeps each measure's milestones in schedule order).
    overdue.sort(key=lambda entry: (entry[0], entry[1]))
    return ProgrammeSummary(today, tuple(themes), tuple(item for _, _, item in overdue))


def programme_summary(session: Session, programme: Programme, today: date) -> ProgrammeSummary:
    """The numbers for `today` (a date in the programme's zone), for digests and round reports."""
    return summarise(load_snapshot(session, programme), today)
