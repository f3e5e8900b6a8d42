"""Where a measure's milestones sit on its page's timeline: pure geometry, drawn by a template.

The drawing is decoration (``aria-hidden``); the list beside it carries the same facts as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from reports.snapshot import Deadline

WIDTH = 720
LEFT = 16
RIGHT = 104  # room for the last date label
ROW = 24
TOP = 28


@dataclass(frozen=True, slots=True)
class Mark:
    index: int  # 1-based, the same number the list shows
    x: float
    start_x: float | None
    y: float
    label: str
    overdue: bool


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    axis_y: float
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]
    today_x: float


def timeline(dated: list[tuple[Deadline, bool, str]], today: date) -> Timeline | None:
    """Lay out (deadline, overdue, date label) triples with a due date; None if there are none."""
    if not dated:
        return None
    days = [d.due for d, _, _ in dated if d.due] + [d.start for d, _, _ in dated if d.start]
    first = min([*days, today]) - timedelta(days=31)
    last = max([*days, today]) + timedelta(days=31)
    span = (last - first).days

    def x(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, 1)

    marks = tuple(
        Mark(
            index=i,
            x=x(d.due),
            start_x=x(d.start) if d.start and d.start < d.due else None,
            y=TOP + ROW * i,
            label=label,
            overdue=overdue,
        )
        for i, (d, overdue, label) in enumerate(dated, start=1)
        if d.due is not None
    )
    axis_y = TOP + ROW * (len(marks) + 1)
    ticks = tuple(
        Tick(x(date(year, 1, 1)), str(year)) for year in range(first.year + 1, last.year + 1)
    )
    return Timeline(WIDTH, int(axis_y + 24), axis_y, ticks, marks, x(today))
