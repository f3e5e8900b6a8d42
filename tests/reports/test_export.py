"""The follow-up table of the real programme, in the ministry's layout, as xlsx, csv and html."""

from __future__ import annotations

import csv
import io
from datetime import date
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from data.queries import current_programme
from reports.export import follow_up_export
from reports.palette import SWATCHES
from reports.table import COLUMNS

AS_OF = date(2018, 12, 17)
ZONE = ZoneInfo("Europe/Helsinki")
STATE = COLUMNS.index("state")
SCHEDULE = COLUMNS.index("schedule")
OVERDUE = COLUMNS.index("overdue")


def export(
    factory: sessionmaker[Session], fmt: str, lang: str = "fi", *, hide_notes: bool = False
) -> bytes:
    with factory() as session:
        programme = current_programme(session)
        assert programme is not None
        return follow_up_export(
            session, programme, fmt, lang=lang, today=AS_OF, zone=ZONE, hide_notes=hide_notes
        )


@pytest.fixture
def sheet_rows(reported: sessionmaker[Session]) -> list[tuple[object, ...]]:
    book = load_workbook(io.BytesIO(export(reported, "xlsx")))
    return list(book.active.iter_rows(values_only=True))  # type: ignore[union-attr]


def by_number(rows: list[tuple[object, ...]]) -> dict[object, tuple[object, ...]]:
    return {row[0]: row for row in rows[1:]}


def test_xlsx_has_every_measure_in_the_ministrys_columns(
    sheet_rows: list[tuple[object, ...]],
) -> None:
    assert sheet_rows[0][:5] == ("Nro", "Toimenpide", "Toimeenpano", "Vastuutaho", "Aikataulut")
    assert sheet_rows[0][5:] == (
        "Tila",
        "Tilannetieto",
        "Raportoija",
        "Raportoitu",
        "Myöhässä olevia määräaikoja",
    )
    numbers = [row[0] for row in sheet_rows[1:]]
    assert len(numbers) == 39
    assert numbers[:3] == ["1.1", "1.2", "2.1"]
    assert numbers[-1] == "8.3"
    assert "2.10" in numbers
    assert numbers.index("2.9") < numbers.index("2.10")


def test_owners_read_lead_then_the_sources_other_owners_marker(
    sheet_rows: list[tuple[object, ...]],
) -> None:
    rows = by_number(sheet_rows)
    assert rows["2.2"][3] == "SM, PO, RVL; Muut vastuutahot: OM, Tulli, PLM, STM"
    assert rows["1.2"][3] == "SM, HKO; Muut vastuutahot: sisäisen turvallisuuden viranomaiset"
    assert rows["2.1"][3] == "SM, HKO, osastot"  # no other owners, no marker
    assert rows["6.2"][3] == (
        "Muut vastuutahot: sisäisen turvallisuuden strategian ohjausryhmä, "
        "keskeiset viranomaiset ja muut toimijat"
    )


def test_parts_stay_on_their_own_lines(sheet_rows: list[tuple[object, ...]]) -> None:
    measure = str(by_number(sheet_rows)["4.3"][1])
    assert [line[:3] for line in measure.splitlines()] == ["a) ", "b) ", "c) "]


def test_latest_status_with_note_reporter_and_date(sheet_rows: list[tuple[object, ...]]) -> None:
    rows = by_number(sheet_rows)
    assert rows["2.7"][STATE:OVERDUE] == (
        "Valmis",
        "Kansallinen riskiarvio valmis.",
        "Maija Meikäläinen",
        "15.12.2018",
    )
    assert rows["1.1"][STATE] == "Viivästynyt"
    assert rows["8.1"][STATE + 2] == "U081"  # no display name: the Slack id
    assert rows["2.1"][STATE:OVERDUE] == ("Ei raportoitu", None, None, None)


def test_overdue_milestones_are_marked_as_of_the_day(
    sheet_rows: list[tuple[object, ...]],
) -> None:
    rows = by_number(sheet_rows)
    # 1.1: 12/2017 and 5/2018 passed; the two end-of-2018 milestones are not yet due.
    assert rows["1.1"][OVERDUE] == 2
    assert "asetettu 12/2017. [31.12.2017 MYÖHÄSSÄ]" in str(rows["1.1"][SCHEDULE])
    assert "[31.12.2018]" in str(rows["1.1"][SCHEDULE])
    # 2.7 is reported done, so its passed 3/2018 milestone is not overdue.
    assert rows["2.7"][OVERDUE] == 0
    assert "MYÖHÄSSÄ" not in str(rows["2.7"][SCHEDULE])
    assert sum(int(str(row[OVERDUE])) for row in sheet_rows[1:]) == 28


def test_xlsx_layout_frozen_header_wrapped_text_widths_and_state_colours(
    reported: sessionmaker[Session],
) -> None:
    sheet = load_workbook(io.BytesIO(export(reported, "xlsx"))).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"
    assert sheet["B2"].alignment.wrap_text
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["C"].width == 60
    done = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "2.7")[STATE]
    assert done.value == "Valmis"  # the word, not only the colour
    assert done.fill.start_color.rgb == "FF" + SWATCHES["done"].fill[1:].upper()


def test_csv_carries_the_same_rows_as_the_xlsx(
    reported: sessionmaker[Session], sheet_rows: list[tuple[object, ...]]
) -> None:
    text = export(reported, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 40
    as_text = [tuple("" if cell is None else str(cell) for cell in row) for row in sheet_rows]
    assert [tuple(row) for row in rows] == as_text


class _Cells(HTMLParser):
    """Collects the attributes a reader of the table relies on."""

    def __init__(self) -> None:
        super().__init__()
        self.html_lang = ""
        self.caption = False
        self.scopes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_lang = values.get("lang") or ""
        elif tag == "caption":
            self.caption = True
        elif tag == "th":
            self.scopes.append(values.get("scope") or "")


def test_html_is_a_standalone_accessible_table(reported: sessionmaker[Session]) -> None:
    html = export(reported, "html", lang="sv").decode("utf-8")
    cells = _Cells()
    cells.feed(html)
    assert cells.html_lang == "sv"
    assert cells.caption
    assert cells.scopes.count("col") == len(COLUMNS)
    assert cells.scopes.count("row") == 39
    assert "<link" not in html  # the stylesheet is inlined: one file to mail around
    assert "Läget för åtgärderna 17.12.2018" in html
    # State as a word inside its coloured badge; overdue as a word, not only red.
    assert '<span class="state state-done">Klar</span>' in html
    assert "FÖRSENAD" in html
