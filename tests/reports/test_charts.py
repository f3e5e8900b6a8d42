"""Charts are valid PNG and SVG files with one mark per number they show."""

from __future__ import annotations

import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from data.models import Role, State
from reports.charts import RoundResponse, response_chart, status_chart, timeline_chart
from reports.snapshot import Deadline, MeasureRecord, Owner, Snapshot, Status
from reports.summary import summarise

TODAY = date(2018, 12, 17)
SVG = "{http://www.w3.org/2000/svg}"


def measure(number: str, state: State | None, *dues: date) -> MeasureRecord:
    theme = int(number.split(".")[0])
    return MeasureRecord(
        number=number,
        theme=theme,
        title=f"Measure {number}",
        parts=(),
        owners=(Owner("SM", Role.LEAD, "SM", "sisäministeriö", "inrikesministeriet", "MoI"),),
        actions=(),
        deadlines=tuple(Deadline(f"step {i}", "month", None, due) for i, due in enumerate(dues)),
        status=None
        if state is None
        else Status(state, "", "U1", "", datetime(2018, 12, 1, tzinfo=UTC)),
    )


SNAPSHOT = Snapshot(
    slug="test",
    title="Test programme",
    revision=1,
    measures=(
        measure("1.1", State.DONE, date(2018, 1, 31)),
        measure("1.2", None, date(2018, 6, 30), date(2019, 6, 30)),
        measure("2.1", State.DELAYED, date(2018, 3, 31)),
        measure("2.2", State.DELAYED),
        measure("3.1", State.ON_TRACK, date(2020, 12, 31)),
    ),
)


def svg_ids(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    return [element.get("id", "") for element in root.iter()]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_status_chart_stacks_one_segment_per_state_and_theme() -> None:
    ids = svg_ids(status_chart(summarise(SNAPSHOT, TODAY), "en", "svg"))
    bars = sorted(i for i in ids if i.startswith("bar-"))
    # Empty segments are not drawn: theme 1 has done + unreported, theme 2 two delayed.
    assert bars == ["bar-1-done", "bar-1-unreported", "bar-2-delayed", "bar-3-on_track"]


def test_status_chart_as_png() -> None:
    assert png_size(status_chart(summarise(SNAPSHOT, TODAY), "fi", "png")) == (900, 450)


def test_timeline_has_a_row_per_theme_and_overdue_marks() -> None:
    data = timeline_chart(SNAPSHOT, TODAY, "fi", "svg")
    ids = svg_ids(data)
    assert sorted(i for i in ids if i.startswith("theme-") and "overdue" not in i) == [
        "theme-1",
        "theme-2",
        "theme-3",
    ]
    assert {i for i in ids if i.endswith("-overdue")} == {
        "theme-1-overdue",
        "theme-2-overdue",
        "theme-3-overdue",
    }
    assert b"Tilanne 17.12.2018" in data  # the today line's legend, text kept as text


def test_response_rate_has_a_bar_per_round_labelled_with_the_counts() -> None:
    rounds = [RoundResponse("2018/1", 12, 20), RoundResponse("2018/2", 19, 20)]
    data = response_chart(rounds, "en", "svg")
    assert [i for i in svg_ids(data) if i.startswith("round-")] == ["round-0", "round-1"]
    assert b"12/20" in data
    assert b"19/20" in data
    assert png_size(response_chart(rounds, "en", "png"))[0] > 0


def test_round_with_nobody_asked_is_zero_not_an_error() -> None:
    assert RoundResponse("empty", 0, 0).percent == 0.0


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="png or svg"):
        status_chart(summarise(SNAPSHOT, TODAY), "en", "pdf")


def test_equal_data_draws_equal_bytes() -> None:
    summary = summarise(SNAPSHOT, TODAY)
    assert status_chart(summary, "en", "svg") == status_chart(summary, "en", "svg")


def test_answering_a_question_never_imports_matplotlib(tmp_path: Path) -> None:
    script = (
        "import sys; from seuranta.cli import main; "
        "main(['ask', 'who owns 2.7?']); "
        "sys.exit('matplotlib' in sys.modules)"
    )
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'ask.sqlite3'}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
