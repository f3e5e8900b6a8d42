"""The follow-up table in the ministry's own layout, as rows every output format reuses.

Columns are the source's (Nro, Toimenpide, Toimeenpano, Vastuutaho, Aikataulut) followed by
the latest status (state, note, reporter, date) and the number of overdue milestones.
:func:`follow_up_rows` is pure; the xlsx, csv and html writers only lay its rows out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.i18n import format_date, message, state_label
from reports.snapshot import MeasureRecord, Snapshot
from reports.summary import is_overdue, status_key

COLUMNS: tuple[str, ...] = (
    "number",
    "measure",
    "implementation",
    "owners",
    "schedule",
    "state",
    "note",
    "reporter",
    "reported",
    "overdue",
)


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    number: str
    measure: str
    implementation: str
    owners: str
    schedule: str
    state: str  # a summary.STATUS_KEYS entry, for colours; `state_label` is the word
    state_label: str
    note: str
    reporter: str
    reported: str
    overdue: int

    def cells(self) -> tuple[str | int, ...]:
        """The row in COLUMNS order, the state as its word."""
        return (
            self.number,
            self.measure,
            self.implementation,
            self.owners,
            self.schedule,
            self.state_label,
            self.note,
            self.reporter,
            self.reported,
            self.overdue,
        )


def headers(lang: str) -> tuple[str, ...]:
    return tuple(message(f"report.col.{column}", lang) for column in COLUMNS)


def follow_up_rows(snapshot: Snapshot, today: date, lang: str, zone: ZoneInfo) -> list[FollowUpRow]:
    """One row per measure; `today` is the day (in `zone`) milestones are overdue against."""
    return [_row(m, today, lang, zone) for m in snapshot.measures]


def _row(m: MeasureRecord, today: date, lang: str, zone: ZoneInfo) -> FollowUpRow:
    schedule, overdue = _schedule(m, today, lang)
    status = m.status
    return FollowUpRow(
        number=m.number,
        # The source writes a measure with parts as "a) … b) …" on one line; keep each on its own.
        measure="\n".join(f"{label}) {text}" for label, text in m.parts) if m.parts else m.title,
        implementation="\n".join(m.actions),
        owners=owners_cell(m, lang),
        schedule=schedule,
        state=status_key(m.state),
        state_label=state_label(status_key(m.state), lang),
        note=status.note if status else "",
        reporter=status.who if status else "",
        reported=format_date(status.at.astimezone(zone).date(), lang) if status else "",
        overdue=overdue,
    )


def owners_cell(m: MeasureRecord, lang: str) -> str:
    """ "SM, PO; Muut vastuutahot: OM, Tulli", the source's spellings and its own marker."""
    lead = ", ".join(o.spelling for o in m.lead)
    others = ", ".join(o.spelling for o in m.others)
    if not others:
        return lead
    marked = f"{message('owners.others', lang)}: {others}"
    return f"{lead}; {marked}" if lead else marked


def _schedule(m: MeasureRecord, today: date, lang: str) -> tuple[str, int]:
    """One line per schedule text with its dates; overdue dates marked. Returns (cell, overdue)."""
    dates: dict[str, list[str]] = {}
    overdue = 0
    for deadline in m.deadlines:
        bits = dates.setdefault(deadline.text, [])
        if deadline.due is None:
            continue
        bit = format_date(deadline.due, lang)
        if is_overdue(deadline, m.state, today):
            overdue += 1
            bit += f" {message('report.overdue', lang)}"
        bits.append(bit)
    lines = [f"{text} [{'; '.join(bits)}]" if bits else text for text, bits in dates.items()]
    return "\n".join(lines), overdue


def table_csv(rows: Sequence[FollowUpRow], lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers(lang))
    writer.writerows(row.cells() for row in rows)
    return out.getvalue()
