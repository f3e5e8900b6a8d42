"""Importing a programme: faithful, idempotent, history-preserving and all-or-nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from data.glossary import load_glossary
from data.importer import BUNDLED_SOURCE, ImportSummary, import_file
from data.models import (
    Measure,
    Milestone,
    Organisation,
    Programme,
    Responsibility,
    Role,
    State,
    StatusReport,
)
from data.queries import current_programme
from seuranta.errors import ImportRefused, SourceError
from tests.support.programme import NOW


def _snapshot(factory: sessionmaker[Session]) -> dict[str, object]:
    """Everything an import may touch, in a comparable form."""
    with factory() as session:
        return {
            "programmes": session.execute(
                select(Programme.slug, Programme.revision, Programme.source_sha256)
            ).all(),
            "measures": session.execute(
                select(Measure.id, Measure.number, Measure.title, Measure.removed_at).order_by(
                    Measure.id
                )
            ).all(),
            "owners": session.execute(
                select(
                    Responsibility.measure_id, Responsibility.spelling, Responsibility.role
                ).order_by(Responsibility.id)
            ).all(),
            "milestones": session.execute(
                select(Milestone.id, Milestone.text, Milestone.due, Milestone.removed_at).order_by(
                    Milestone.id
                )
            ).all(),
            "organisations": session.scalar(select(func.count()).select_from(Organisation)),
            "reports": session.scalar(select(func.count()).select_from(StatusReport)),
        }


def _report(factory: sessionmaker[Session], number: str, state: State) -> None:
    with factory() as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.number == number)).one()
        milestone = measure.milestones[0]
        session.add(
            StatusReport(
                measure_id=measure.id,
                milestone_id=milestone.id,
                state=state,
                note="riskiarvio etenee",
                reporter="U123",
                reporter_name="Maija Meikäläinen",
                source="cli",
                created_at=NOW,
            )
        )


def test_the_real_programme_imports_with_every_owner_resolved(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    assert (imported.measures, imported.created, imported.updated) == (39, 39, 0)
    assert imported.organisations_added == []
    assert [str(w) for w in imported.warnings] == []
    with factory() as session:
        owners = session.execute(
            select(Responsibility.spelling, Organisation.key, Responsibility.role)
            .join(Organisation)
            .join(Measure)
            .where(Measure.number == "3.1")
            .order_by(Responsibility.position)
        ).all()
    assert owners[0] == ("OM", "OM", Role.LEAD)
    # The source writes the National Police Board both ways; both are one organisation.
    assert ("Poliisihallitus", "POHA", Role.OTHER) in owners


def test_every_schedule_text_becomes_at_least_one_milestone(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session:
        milestones = session.scalars(
            select(Milestone)
            .join(Measure)
            .where(Measure.number == "5.1")
            .order_by(Milestone.position)
        ).all()
    assert [(m.kind, m.start, m.due) for m in milestones] == [
        ("season", replace_date(2018, 3, 1), replace_date(2018, 5, 31)),
        ("month", None, replace_date(2018, 12, 31)),
        ("from", replace_date(2019, 1, 1), None),
    ]
    assert milestones[0].text == milestones[1].text  # two dates in one text, the text repeated


def replace_date(year: int, month: int, day: int) -> object:
    from datetime import date

    return date(year, month, day)


def test_the_same_document_again_changes_nothing_not_even_the_revision(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    _report(factory, "2.7", State.AT_RISK)
    before = _snapshot(factory)
    again = import_file(factory, BUNDLED_SOURCE, now=NOW + timedelta(days=1))
    assert again.changes is not None
    assert again.changes.nothing
    assert not again.written
    assert again.changes.lines() == [
        f"Nothing changed: {BUNDLED_SOURCE} is the programme "
        "'Sisäisen turvallisuuden strategian toimenpideohjelma' as imported at "
        "2018-12-17 10:00 UTC (revision 1)."
    ]
    assert _snapshot(factory) == before


def test_a_changed_source_updates_in_place_and_marks_what_vanished(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    _report(factory, "8.3", State.ON_TRACK)
    lines = BUNDLED_SOURCE.read_text(encoding="utf-8").splitlines()
    changed = [line for line in lines if not line.startswith("8.3.")]
    changed = [line.replace("Syksy 2018.", "Syksy 2019.") for line in changed]
    source = tmp_path / "toimenpideohjelma.txt"
    source.write_text("\n".join(changed), encoding="utf-8")

    summary = import_file(factory, source, now=NOW + timedelta(days=1), accept_removals=True)

    assert (summary.measures, summary.removed) == (38, 1)
    assert summary.written
    assert _snapshot(factory)["programmes"][0][1] == 2  # the revision, for the answer caches
    with factory() as session:
        removed = session.scalars(select(Measure).where(Measure.number == "8.3")).one()
        assert removed.removed_at is not None
        assert session.scalar(select(func.count()).select_from(StatusReport)) == 1
        dues = session.scalars(
            select(Milestone.due)
            .join(Measure)
            .where(Measure.number == "7.2", Milestone.removed_at.is_(None))
        ).all()
    assert [d.isoformat() for d in dues if d] == ["2019-11-30"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b" \n\n\t\n", "is empty", id="blank"),
        pytest.param(
            b"Muistio\n\nKokous alkoi klo 10.\n", "no numbered measures found", id="prose"
        ),
        pytest.param(b"%PDF-1.4\n\xff\xfe\x00\x81", "is a PDF document", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "zip archive .* Word", id="docx"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word or Excel", id="doc"),
        pytest.param(b"{\\rtf1\\ansi 1.1. Tehd\\'e4\\'e4n.", "RTF document", id="rtf"),
        pytest.param("1.1. Tehdään. SM 2018.".encode("utf-16"), "UTF-16 text", id="utf-16"),
        pytest.param(
            "Ohjelma\n\n1.1. Tehdään asia. SM 12/2018.\n".encode("cp1252"),
            r"not UTF-8 text \(line 3, byte 0xE4; Windows-1252",
            id="windows-1252",
        ),
        pytest.param(b"\x7fELF\x02\x01\x01\x00\x00", "binary file", id="binary"),
        pytest.param(b"<!DOCTYPE html>\n<html><body>1.1. A SM", "HTML page", id="html"),
    ],
)
def test_a_file_that_is_not_a_programme_is_refused_in_one_line_and_changes_nothing(
    factory: sessionmaker[Session],
    imported: ImportSummary,
    tmp_path: Path,
    content: bytes,
    problem: str,
) -> None:
    before = _snapshot(factory)
    wrong = tmp_path / "ohjelma.txt"
    wrong.write_bytes(content)
    with pytest.raises(SourceError, match=problem) as refused:
        import_file(factory, wrong, now=NOW)
    assert str(refused.value).startswith(str(wrong))
    assert "\n" not in str(refused.value)
    assert _snapshot(factory) == before


def test_a_file_that_cannot_be_read_is_refused_and_changes_nothing(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    before = _snapshot(factory)
    with pytest.raises(SourceError, match=r"cannot read .*missing\.txt: No such file"):
        import_file(factory, tmp_path / "missing.txt", now=NOW)
    with pytest.raises(SourceError, match="Is a directory"):
        import_file(factory, tmp_path, now=NOW)
    assert _snapshot(factory) == before


def test_a_failure_halfway_through_rolls_the_whole_import_back(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    before = _snapshot(factory)
    glossary = load_glossary()
    # An organisation row the database refuses (no Finnish name) fails after measures were written.
    broken = dict(glossary, SUPO=replace(glossary["SUPO"], fi=None))  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        import_file(factory, BUNDLED_SOURCE, now=NOW + timedelta(days=1), glossary=broken)
    assert _snapshot(factory) == before


def _copy(tmp_path: Path, name: str, keep: Callable[[list[str]], list[str]]) -> Path:
    """The bundled document with some of its lines kept, as a person might have saved it."""
    path = tmp_path / name
    lines = BUNDLED_SOURCE.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(keep(lines)) + "\n", encoding="utf-8")
    return path


def test_a_document_cut_short_is_refused_with_the_measures_it_would_remove(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    before = _snapshot(factory)
    cut = _copy(tmp_path, "cut.txt", lambda lines: lines[:120])
    with pytest.raises(ImportRefused) as refused:
        import_file(factory, cut, now=NOW + timedelta(days=1))
    message = str(refused.value).splitlines()
    assert message[0] == (
        f"import refused: {cut} would remove 23 of the 39 measures of "
        "'Sisäisen turvallisuuden strategian toimenpideohjelma', and the next reminder tick "
        "would cancel their reminders:"
    )
    assert message[1].strip().startswith("3.1, 3.2, 3.3, 3.4, 3.5, 4.1,")
    assert "8.3" in message[2]
    assert f"    seuranta import {cut} --accept-removals" in message
    assert message[-1] == "Nothing was changed."
    assert _snapshot(factory) == before

    accepted = import_file(factory, cut, now=NOW + timedelta(days=1), accept_removals=True)
    assert accepted.written
    assert accepted.changes is not None
    assert [m.number for m in accepted.changes.removed][:3] == ["3.1", "3.2", "3.3"]
    with factory() as session:
        live = session.scalars(select(Measure.number).where(Measure.removed_at.is_(None))).all()
    assert len(live) == 16


def test_a_document_without_its_title_line_is_refused_as_another_programme(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    before = _snapshot(factory)
    title = "Sisäisen turvallisuuden strategian toimenpideohjelma"
    untitled = _copy(tmp_path, "ohjelma.txt", lambda lines: [x for x in lines if x != title])
    with pytest.raises(ImportRefused) as refused:
        import_file(factory, untitled, now=NOW + timedelta(days=1))
    message = str(refused.value).splitlines()
    assert message[:3] == [
        f"import refused: {untitled} would become a different programme than the current one.",
        f"  title in {untitled}: none (no title line before the table; it would be named "
        "'ohjelma.txt')",
        f"  current programme: '{title}'",
    ]
    assert f"    seuranta import {untitled} --new-programme" in message
    assert _snapshot(factory) == before

    renamed = _copy(
        tmp_path, "2019.txt", lambda lines: [x.replace(title, "Uusi ohjelma") for x in lines]
    )
    with pytest.raises(ImportRefused, match=r"title in .*2019\.txt: 'Uusi ohjelma'"):
        import_file(factory, renamed, now=NOW + timedelta(days=1))
    assert _snapshot(factory) == before

    replaced = import_file(factory, renamed, now=NOW + timedelta(days=1), new_programme=True)
    assert replaced.written
    with factory() as session:
        current = current_programme(session)
        assert current is not None
        assert current.title == "Uusi ohjelma"
        # The old programme keeps its measures; it is just no longer the current one.
        assert session.scalar(select(func.count()).select_from(Measure)) == 78


def test_a_dry_run_returns_what_would_change_and_writes_nothing(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    _report(factory, "7.2", State.ON_TRACK)
    before = _snapshot(factory)
    later = _copy(
        tmp_path,
        "2019.txt",
        lambda lines: [
            x.replace("Syksy 2018.", "Syksy 2019.") for x in lines if not x.startswith("8.3.")
        ],
    )
    summary = import_file(factory, later, now=NOW + timedelta(days=1), dry_run=True)
    assert not summary.written
    assert summary.changes is not None
    assert summary.changes.lines() == [
        "Programme 'Sisäisen turvallisuuden strategian toimenpideohjelma', revision 1 → 2, "
        "38 measures:",
        "  1 of 39 measures removed:",
        "    8.3 Palveluväylä kerää yhteen sisäisen turvallisuuden strategiaan liittyv…",
        "  1 measure changed:",
        "    7.2 Määritellään indikaattorit, jotka tuottavat tarkoituksenmukaista tiet…",
        "      milestone removed: 'Syksy 2018.' (due 30.11.2018)",
        "      milestone added: 'Syksy 2019.' (due 30.11.2019)",
    ]
    assert summary.changes.needs() == ["--accept-removals"]
    assert _snapshot(factory) == before


def test_the_first_import_into_an_empty_database_needs_no_flag_even_without_a_title(
    factory: sessionmaker[Session], tmp_path: Path
) -> None:
    title = "Sisäisen turvallisuuden strategian toimenpideohjelma"
    untitled = _copy(tmp_path, "ohjelma.txt", lambda lines: [x for x in lines if x != title])
    summary = import_file(factory, untitled, now=NOW)
    assert summary.written
    assert (summary.programme, summary.measures) == ("ohjelma.txt", 39)
    assert summary.changes is not None
    assert summary.changes.lines()[:2] == [
        "New programme 'ohjelma.txt' (ohjelma-txt), 39 measures:",
        f"  {untitled} has no title line before the table; the programme is named after the file",
    ]
