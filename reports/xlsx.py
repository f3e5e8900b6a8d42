"""The follow-up table as an Excel workbook, the form the programme office already works in.

openpyxl writes a text starting with ``=`` as a formula; every text here is cleaned and quoted
first (:func:`reports.table.safe_cells`) and then stored as text explicitly, so no cell can be
a formula whatever someone typed into a note.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reports.palette import OVERDUE, SWATCHES
from reports.table import COLUMNS, FollowUpRow, headers, safe_cells
from seuranta.i18n import message

# Characters, roughly what the ministry's own table gives each column on an A4 landscape page.
WIDTHS: dict[str, int] = {
    "number": 6,
    "measure": 40,
    "implementation": 60,
    "owners": 28,
    "schedule": 40,
    "state": 18,
    "note": 40,
    "reporter": 18,
    "reported": 12,
    "overdue": 12,
}


def table_xlsx(
    rows: Sequence[FollowUpRow], lang: str, caption: str, shown: Sequence[str] = COLUMNS
) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = message("report.sheet", lang)
    for values in [headers(lang, shown), *(row.cells(shown) for row in rows)]:
        sheet.append(safe_cells(values))

    top = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows():
        for cell in cells:
            cell.alignment = top
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(shown, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[column]
    state_column = shown.index("state") + 1
    schedule_column = shown.index("schedule") + 1
    for row_index, row in enumerate(rows, start=2):
        swatch = SWATCHES[row.state]
        state = sheet.cell(row=row_index, column=state_column)
        state.fill = PatternFill(fill_type="solid", start_color=_argb(swatch.fill))
        state.font = Font(color=_argb(swatch.ink), bold=True)
        if row.overdue:
            sheet.cell(row=row_index, column=schedule_column).font = Font(color=_argb(OVERDUE))

    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    book.properties.title = caption
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _argb(colour: str) -> str:
    """``#rrggbb`` as the opaque ARGB hex Excel writes."""
    return "FF" + colour[1:].upper()
