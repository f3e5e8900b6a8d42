"""The follow-up table in the ministry's own layout, as rows every output format reuses.

Columns are the source's (Nro, Toimenpide, Toimeenpano, Vastuutaho, Aikataulut) followed by
the latest status (state, note, reporter, date) and the number of overdue milestones; with
``SEURANTA_HIDE_STATUS_NOTES`` the note and the reporter are left out (:func:`columns`).
:func:`follow_up_rows` is pure; the xlsx, csv and html writers only lay its rows out.

Spreadsheet cells hold what people typed, so the xlsx and csv writers pass every text through
:func:`seuranta.text.spreadsheet_cell`: no control character, no formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from reports.snapshot import MeasureRecord, Snapshot
from reports.summary import is_overdue, status_key
from seuranta.i18n import format_date, message, state_label
from seuranta.text import spreadsheet_cell

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
# What a public table leaves out when status notes are hidden: the note and who wrote it.
PRIVATE_COLUMNS = ("note", "reporter")


def columns(hide_notes: bool) -> tuple[str, ...]:
    return tuple(c for c in COLUMNS if not (hide_notes and c in PRIVATE_COLUMNS))


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

    def cells(self, shown: Sequence[str] = COLUMNS) -> tuple[str | int, ...]:
        """The row's values in the order of ``shown`` (COLUMNS names), the state as its word."""
        return tuple(self.state_label if c == "state" else getattr(self, c) for c in shown)


def headers(lang: str, shown: Sequence[str] = COLUMNS) -> tuple[str, ...]:
    return tuple(message(f"report.col.{column}", lang) for column in shown)


def safe_cells(values: Sequence[str | int]) -> list[str | int]:
    """Values as a spreadsheet may hold them: texts through the input policy, numbers as such."""
    return [spreadsheet_cell(v) if isinstance(v, str) else v for v in values]


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


def table_csv(rows: Sequence[FollowUpRow], lang: str, shown: Sequence[str] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(safe_cells(headers(lang, shown)))
    writer.writerows(safe_cells(row.cells(shown)) for row in rows)
    return out.getvalue()
