"""``seuranta import`` cannot destroy: a document cut short or without its title is refused with
exit 1 and every table exactly as it was; ``--dry-run`` shows what would change; the flags let
each through deliberately. On SQLite and PostgreSQL, with reminders planned and a status report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from data.db import make_sessionmaker
from data.importer import BUNDLED_SOURCE
from data.models import Base, Measure, Reminder, ReminderStatus, State
from data.queries import current_programme
from seuranta.cli import main
from tests.support.database import cli_url
from tests.support.fakeslack import running_fake
from tests.support.programme import NOW, report_status

TITLE = "Sisäisen turvallisuuden strategian toimenpideohjelma"
LINES = BUNDLED_SOURCE.read_text(encoding="utf-8").splitlines()
CUT = LINES[:120]  # saved half-way: in the rows of 2.14, before theme 3


@pytest.fixture
def following(
    engine: Engine,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> sessionmaker[Session]:
    """The real programme followed up: a contact per lead, reminders planned, a status report."""
    monkeypatch.setenv("DATABASE_URL", cli_url(engine))
    for name in ("SEURANTA_LANGUAGE", "SEURANTA_TIMEZONE", "SEURANTA_COORDINATOR_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SEURANTA_REMINDER_BUNDLE", "off")  # a row per milestone, to count
    assert main(["import"]) == 0
    contacts = tmp_path / "contacts.yaml"
    contacts.write_text("SM: [U0SM]\nPO: [U0PO]\nOM: [U0OM]\nSUPO: [U0SUPO]\n", encoding="utf-8")
    assert main(["contacts", "import", str(contacts)]) == 0
    with running_fake() as fake:
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
        monkeypatch.setenv("SLACK_API_URL", fake.url)
        # At noon on the 16th the 14-day reminders of 31.12.2018 are planned for the 17th.
        assert main(["remind", "--as-of", "2018-12-16"]) == 0
    factory = make_sessionmaker(engine)
    with factory() as session, session.begin():
        m27 = session.scalars(select(Measure.id).where(Measure.number == "2.7")).one()
        report_status(session, m27, State.AT_RISK, "U0SM", NOW, note="riskiarvio viivästyy")
    assert planned(factory) > 10
    capsys.readouterr()
    return factory


def planned(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(Reminder)
                .where(Reminder.status == ReminderStatus.PLANNED)
            )
            or 0
        )


def every_row(factory: sessionmaker[Session]) -> dict[str, list[Any]]:
    """Every row of every table (programme, measure, milestone, responsibility, reminder,
    status_report and the rest), in primary-key order."""
    with factory() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def document(tmp_path: Path, name: str, lines: list[str]) -> str:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_document_cut_short_is_refused_and_every_table_stays_as_it_was(
    following: sessionmaker[Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = every_row(following)
    cut = document(tmp_path, "cut.txt", CUT)

    assert main(["import", cut]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == (
        f"seuranta: error: import refused: {cut} would remove 23 of the 39 measures of "
        f"'{TITLE}', and the next reminder tick would cancel their reminders:"
    )
    assert lines[1].startswith("  3.1, 3.2, 3.3, 3.4, 3.5, 4.1, 4.2, 4.3, 4.4, 5.1,")
    assert f"    seuranta import {cut} --accept-removals" in lines
    assert lines[-1] == "Nothing was changed."
    assert len(lines) <= 10
    assert every_row(following) == before


def test_a_document_without_its_title_line_is_refused_and_every_table_stays_as_it_was(
    following: sessionmaker[Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = every_row(following)
    untitled = document(tmp_path, "ohjelma.txt", [line for line in LINES if line != TITLE])

    assert main(["import", untitled]) == 1

    assert capsys.readouterr().err.splitlines()[:3] == [
        f"seuranta: error: import refused: {untitled} would become a different programme than "
        "the current one.",
        f"  title in {untitled}: none (no title line before the table; it would be named "
        "'ohjelma.txt')",
        f"  current programme: '{TITLE}'",
    ]
    assert every_row(following) == before
    assert main(["ask", "who owns 2.7?"]) == 0
    assert "Lead: Ministry of the Interior (SM)" in capsys.readouterr().out


def test_a_dry_run_prints_every_change_and_changes_nothing(
    following: sessionmaker[Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = every_row(following)
    cut = document(tmp_path, "cut.txt", CUT)

    assert main(["import", cut, "--dry-run"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[:4] == [
        f"Dry run: nothing was changed. Importing {cut} would give:",
        f"Programme '{TITLE}', revision 1 → 2, 16 measures:",
        "  23 of 39 measures removed:",
        "    3.1 Laaditaan syrjäytymiseen liittyvän rikollisuuden vähentämisen toimint…",
    ]
    assert "    8.3 Palveluväylä kerää yhteen sisäisen turvallisuuden strategiaan liittyv…" in out
    # The cut falls inside 2.14: its last rows, with their owners, are gone too.
    assert (
        "      owners: lead -OM; others -POHA -KRP -SUPO -Tulli -keskeiset muut sidosryhmät" in out
    )
    assert out[-1] == "Without --accept-removals this import is refused."
    assert every_row(following) == before


def test_accept_removals_lets_a_cut_document_through_and_the_next_tick_cancels_reminders(
    following: sessionmaker[Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cut = document(tmp_path, "cut.txt", CUT)
    planned_before = planned(following)

    assert main(["import", cut, "--accept-removals"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"Imported '{TITLE}'")
    assert "  23 of 39 measures removed:" in out

    with running_fake() as fake, pytest.MonkeyPatch.context() as env:
        env.setenv("SLACK_API_URL", fake.url)
        assert main(["remind", "--as-of", "2018-12-16"]) == 0
    assert 0 < planned(following) < planned_before
    with following() as session:
        live = session.scalar(
            select(func.count()).select_from(Measure).where(Measure.removed_at.is_(None))
        )
    assert live == 16


def test_new_programme_lets_a_title_less_document_through_as_the_current_programme(
    following: sessionmaker[Session], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    untitled = document(tmp_path, "ohjelma.txt", [line for line in LINES if line != TITLE])

    assert main(["import", untitled, "--new-programme"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[1] == (
        f"New programme 'ohjelma.txt' (ohjelma-txt), 39 measures, replacing '{TITLE}' as the "
        "current one:"
    )
    with following() as session:
        current = current_programme(session)
        assert current is not None
        assert current.title == "ohjelma.txt"


def test_the_same_document_twice_says_nothing_changed_and_writes_nothing(
    following: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    before = every_row(following)

    assert main(["import"]) == 0

    out = capsys.readouterr().out
    assert out.startswith(f"Nothing changed: {BUNDLED_SOURCE} is the programme '{TITLE}'")
    assert out.count("\n") == 1
    assert every_row(following) == before


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b"\x00\x01\x02\x03 1.1. SM", "is a binary file", id="binary"),
        pytest.param(
            f"{TITLE}\n\n1.1. Tehdään. SM 2018.\n".encode("cp1252"),
            "is not UTF-8 text (line 1, byte 0xE4",
            id="windows-1252",
        ),
        pytest.param(b"Hei,\n\nkiitos viestista.\n", "no numbered measures found", id="letter"),
    ],
)
def test_a_wrong_file_is_refused_in_one_line_and_changes_nothing(
    following: sessionmaker[Session],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    problem: str,
) -> None:
    before = every_row(following)
    wrong = tmp_path / "ohjelma.txt"
    wrong.write_bytes(content)

    assert main(["import", str(wrong)]) == 1

    err = capsys.readouterr().err
    assert err.startswith(f"seuranta: error: {wrong}")
    assert problem in err
    assert err.count("\n") == 1
    assert every_row(following) == before
