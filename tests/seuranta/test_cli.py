"""The ``seuranta`` command as a newcomer uses it, on a fresh embedded database."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from data.db import make_engine, make_sessionmaker, transaction
from data.models import Measure, State, StatusReport
from seuranta.cli import main


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "seuranta.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    for name in ("SEURANTA_LANGUAGE", "SEURANTA_TIMEZONE"):
        monkeypatch.delenv(name, raising=False)
    return path


def test_ask_works_straight_after_install(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "who owns 2.7?"]) == 0
    out = capsys.readouterr().out
    understood, title = out.splitlines()[:2]
    assert (understood, title) == ("measure 2.7 · owners", "Owners of measure 2.7")
    assert "Lead: Ministry of the Interior (SM); Department for Rescue Services (PEO)" in out
    assert database.exists()


MEASURE_LINE = re.compile(r"\s+\d+\.\d+[a-z]?\s")


def test_ask_finds_a_measure_by_an_inflected_compound_without_loading_the_analyser(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "mitkä toimenpiteet koskevat kyberturvallisuutta?"
    assert main(["ask", question]) == 0  # the first use imports the programme
    assert first_listed(capsys.readouterr().out) == "2.7"  # kyberturvallisuusohjeistusta
    # Asked again as its own process, as people do: the stored vocabulary is enough.
    script = (
        "import sys; from seuranta.cli import main; "
        f"main(['ask', {question!r}]); print('pyvoikko' in sys.modules)"
    )
    again = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert first_listed("\n".join(again[:-1])) == "2.7"
    assert again[-1] == "False"


def first_listed(output: str) -> str:
    """The first measure number an answer lists (after its understood line and title)."""
    return next(line.split()[0] for line in output.splitlines() if MEASURE_LINE.match(line))


def test_ask_answers_a_missing_measure_with_exit_zero(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "kuka vastaa 9.9:stä?"]) == 0
    assert "Toimenpidettä 9.9 ei ole ohjelmassa." in capsys.readouterr().out


def test_ask_as_of_a_date_travels_in_time(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ask", "--as-of", "2018-06-01", "--lang", "en", "overdue"]) == 0
    out = capsys.readouterr().out
    assert "Overdue as of 2018-06-01" in out
    assert "2018-12-31" not in out  # not yet due in June


def test_a_bad_date_is_a_one_line_usage_error(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["ask", "--as-of", "31.12.2018", "overdue"])
    assert exit_.value.code == 2
    assert "is not a date like 2018-12-17" in capsys.readouterr().err


def test_import_prints_a_summary(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Imported 'Sisäisen turvallisuuden strategian toimenpideohjelma'")
    assert "39 measures (39 new, 0 updated, 0 removed)" in out


def test_importing_something_else_is_refused_in_one_line_and_changes_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import"]) == 0
    before = database.read_bytes()
    capsys.readouterr()
    letter = tmp_path / "kirje.txt"
    letter.write_text("Hyvä vastaanottaja,\n\nkiitos viestistä.\n", encoding="utf-8")
    assert main(["import", str(letter)]) == 1  # refused; 2 is for usage and settings
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"seuranta: error: {letter}: no numbered measures found")
    assert main(["export"]) == 0
    assert json.loads(capsys.readouterr().out)["programme"]["revision"] == 1
    assert database.read_bytes() == before


def test_a_bad_setting_fails_at_start_in_one_line(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SEURANTA_TIMEZONE", "Mars/Olympus_Mons")
    assert main(["ask", "help"]) == 2
    assert capsys.readouterr().err == (
        "seuranta: error: SEURANTA_TIMEZONE='Mars/Olympus_Mons' is not a time zone\n"
    )


def test_export_json_has_every_measure_with_owners_and_due_dates(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    measures = {m["id"]: m for m in document["measures"]}
    assert len(measures) == 39
    assert set(document["measures"][0]) >= {
        "id",
        "theme",
        "title",
        "parts",
        "lead",
        "others",
        "actions",
        "milestones",
        "status",
    }
    m27 = measures["2.7"]
    assert (m27["theme"], m27["lead"]) == (2, ["SM", "PEO"])
    assert m27["others"][-1] == "Turvallisuuskomitea"
    assert m27["status"] is None
    assert {
        "text": "2. Kansallinen riskiarvio valmistuu 2018 loppuun mennessä.",
        "kind": "year",
        "start": None,
        "due": "2018-12-31",
    }.items() <= m27["milestones"][1].items()
    assert measures["4.3"]["parts"][1]["label"] == "b"
    assert measures["6.4"]["others"] == ["SM/PO"]
    continuous = [ms for ms in measures["2.1"]["milestones"] if ms["kind"] == "continuous"]
    assert continuous == [
        {
            "text": "Jatkuvaa toimintaa.",
            "kind": "continuous",
            "start": None,
            "due": None,
            "origin": "source",
        }
    ]


def test_export_csv_has_a_row_per_measure(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import csv
    import io

    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert [row["Nro"] for row in rows][:3] == ["1.1", "1.2", "2.1"]
    assert len(rows) == 39
    assert rows[0]["Vastuutaho"].startswith("SM")


def test_db_upgrade_is_idempotent(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "upgrade"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Database schema upgraded to revision")
    assert out[1].startswith("Database schema already at revision")


def test_ask_prints_an_old_note_without_terminal_escapes_or_bidi_overrides(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import"]) == 0
    engine = make_engine(f"sqlite:///{database}")
    with transaction(make_sessionmaker(engine)) as session:
        measure = session.scalars(select(Measure).where(Measure.number == "2.7")).one()
        # As a note could be stored before the input policy.
        session.add(
            StatusReport(
                measure_id=measure.id,
                state=State.AT_RISK,
                note="\x1b[2J\x1b]0;pwned\x07valmis\u202etxt.exe",
                reporter="U1",
                source="thread",
                created_at=datetime(2018, 12, 17, tzinfo=UTC),
            )
        )
    capsys.readouterr()

    assert main(["ask", "--lang", "en", "status of 2.7"]) == 0

    out = capsys.readouterr().out
    assert "[2J]0;pwnedvalmistxt.exe" in out
    assert not {"\x1b", "\x07", "\u202e"} & set(out)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "command",
    [["ask", "who owns 2.7?"], ["import"], ["export"], ["db", "upgrade"], ["remind"]],
    ids=" ".join,
)
def test_a_database_out_of_reach_is_one_line_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    port = _closed_port()
    monkeypatch.setenv("DATABASE_URL", f"postgresql://seuranta:s3cret@127.0.0.1:{port}/seuranta")

    assert main(command) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(
        f"seuranta: error: cannot reach the database at "
        f"postgresql+psycopg://seuranta:***@127.0.0.1:{port}/seuranta: "
    )
    assert "s3cret" not in err


def test_a_database_file_that_cannot_be_opened_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'gone' / 'seuranta.sqlite3'}")

    assert main(["ask", "who owns 2.7?"]) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("seuranta: error: cannot reach the database at sqlite:///")
    assert err.endswith("unable to open database file\n")


def test_a_database_url_of_an_unknown_kind_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "oracle+nosuchdriver://scott:tiger@db/orcl")

    assert main(["ask", "who owns 2.7?"]) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("seuranta: error: DATABASE_URL cannot be used: ")


def test_remind_with_slack_out_of_reach_is_one_line(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    port = _closed_port()
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", f"http://127.0.0.1:{port}/api/")

    assert main(["remind", "--as-of", "2018-12-17"]) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith(f"seuranta: error: cannot reach Slack at http://127.0.0.1:{port}/api/: ")
    assert "Connection refused" in err
