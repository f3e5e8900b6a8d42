"""Charts as PNG or SVG bytes: status by theme, deadlines on a timeline, a round's response rate.

matplotlib is imported only when a chart is drawn (never on the `seuranta ask` path) and
always through the Agg canvas, with no pyplot state, so the web process can draw in threads.
Every drawn element that carries a number has an SVG id (``bar-<theme>-<state>``,
``theme-<n>``, ``round-<i>``), which is how the tests count them.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from reports.palette import LINK, OVERDUE, PAGE_TEXT, SWATCHES
from reports.snapshot import Snapshot
from reports.summary import STATUS_KEYS, ProgrammeSummary, is_overdue
from seuranta.i18n import format_date, message, state_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

CHART_KINDS = ("status", "timeline", "response")
CHART_FORMATS = ("png", "svg")
# matplotlib's font and text caches are shared and not thread-safe.
_LOCK = threading.Lock()
# Keys typed Any: matplotlib's stubs list every rc key as a Literal.
_STYLE: dict[Any, Any] = {
    "font.size": 10,
    "svg.fonttype": "none",  # text stays text: smaller, sharper, searchable
    "svg.hashsalt": "seuranta",  # stable element ids, so equal charts are equal bytes
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": PAGE_TEXT,
    "text.color": PAGE_TEXT,
    "axes.labelcolor": PAGE_TEXT,
    "xtick.color": PAGE_TEXT,
    "ytick.color": PAGE_TEXT,
}
_METADATA: dict[str, dict[str, Any]] = {"svg": {"Date": None}, "png": {}}


@dataclass(frozen=True, slots=True)
class RoundResponse:
    """One reporting round: how many owners were asked and how many answered."""

    label: str
    responded: int
    asked: int

    @property
    def percent(self) -> float:
        return 100 * self.responded / self.asked if self.asked else 0.0


def status_chart(summary: ProgrammeSummary, lang: str, fmt: str) -> bytes:
    """Stacked bars: one per theme, one segment per state, each segment labelled with its count."""

    def draw(figure: Figure) -> None:
        axes = figure.subplots()
        labels = [message("measure.theme", lang, theme=t.theme) for t in summary.themes]
        from matplotlib.ticker import MaxNLocator

        bottoms = [0] * len(labels)
        for key in STATUS_KEYS:
            values = [t.count(key) for t in summary.themes]
            if not any(values):
                continue
            swatch = SWATCHES[key]
            bars = axes.bar(
                labels,
                values,
                bottom=bottoms,
                color=swatch.fill,
                edgecolor=swatch.ink,
                hatch=swatch.hatch,
                linewidth=0.8,
                label=state_label(key, lang),
            )
            for bar, counts, value in zip(bars, summary.themes, values, strict=True):
                bar.set_gid(f"bar-{counts.theme}-{key}" if value else None)
            axes.bar_label(bars, [str(v) if v else "" for v in values], label_type="center")
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        axes.set_title(message("chart.status_title", lang))
        axes.set_ylabel(message("chart.measures", lang))
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)

    return _render(draw, fmt, (9.0, 4.5))


def timeline_chart(snapshot: Snapshot, today: date, lang: str, fmt: str) -> bytes:
    """One row per theme: ranges as lines, due dates as dots (overdue as crosses), today's line."""

    def draw(figure: Figure) -> None:
        from matplotlib import dates

        # Untyped in matplotlib's stubs; dates as matplotlib's day numbers for hlines/axvline.
        date2num: Callable[[date], float] = dates.date2num

        axes = figure.subplots()
        axes.xaxis_date()
        themes = snapshot.themes
        for row, theme in enumerate(themes):
            due: list[float] = []
            late: list[float] = []
            for m in snapshot.measures:
                if m.theme != theme:
                    continue
                for d in m.deadlines:
                    if d.due is None:
                        continue
                    if d.start is not None and d.start < d.due:
                        start, end = date2num(d.start), date2num(d.due)
                        axes.hlines(row, start, end, colors=LINK, linewidth=2, alpha=0.35)
                    (late if is_overdue(d, m.state, today) else due).append(date2num(d.due))
            # Labelled once, so the legend has one entry per marker kind.
            first = row == 0
            dots = axes.scatter(
                due,
                [row] * len(due),
                marker="o",
                color=LINK,
                zorder=3,
                label=message("chart.due", lang) if first else None,
            )
            dots.set_gid(f"theme-{theme}")
            crosses = axes.scatter(
                late,
                [row] * len(late),
                marker="X",
                color=OVERDUE,
                zorder=3,
                label=message("report.overdue", lang).lower() if first else None,
            )
            crosses.set_gid(f"theme-{theme}-overdue")
        axes.axvline(
            date2num(today),
            color=PAGE_TEXT,
            linestyle="--",
            label=message("page.as_of", lang, today=format_date(today, lang)),
        )
        axes.set_yticks(
            range(len(themes)), [message("measure.theme", lang, theme=t) for t in themes]
        )
        axes.invert_yaxis()
        axes.set_title(message("chart.timeline_title", lang))
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)

    return _render(draw, fmt, (9.0, 4.5))


def response_chart(rounds: Sequence[RoundResponse], lang: str, fmt: str) -> bytes:
    """One bar per round: the share who answered, labelled "responded/asked"."""

    def draw(figure: Figure) -> None:
        axes = figure.subplots()
        bars = axes.bar(
            [r.label for r in rounds],
            [r.percent for r in rounds],
            color=SWATCHES["on_track"].fill,
            edgecolor=SWATCHES["on_track"].ink,
        )
        for index, bar in enumerate(bars):
            bar.set_gid(f"round-{index}")
        axes.bar_label(bars, [f"{r.responded}/{r.asked}" for r in rounds])
        axes.set_ylim(0, 105)
        axes.set_title(message("chart.response_title", lang))
        axes.set_ylabel(message("chart.response_axis", lang))

    return _render(draw, fmt, (max(4.0, 1.2 * len(rounds) + 2), 4.0))


def _render(draw: Callable[[Figure], None], fmt: str, size: tuple[float, float]) -> bytes:
    if fmt not in CHART_FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}: use png or svg")
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    out = io.BytesIO()
    with _LOCK, matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=size, dpi=100, layout="constrained")
        FigureCanvasAgg(figure)
        draw(figure)
        figure.savefig(out, format=fmt, metadata=_METADATA[fmt])
    return out.getvalue()
