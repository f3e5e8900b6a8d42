"""Importing a programme: faithful, idempotent, history-preserving and all-or-nothing."""

from __future__ import annotations

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
from seuranta.errors import SourceError
from tests.conftest import NOW


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


def test_reimport_is_idempotent_and_keeps_status_history(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    _report(factory, "2.7", State.AT_RISK)
    before = _snapshot(factory)
    again = import_file(factory, BUNDLED_SOURCE, now=NOW + timedelta(days=1))
    after = _snapshot(factory)
    assert (again.created, again.updated, again.removed) == (0, 39, 0)
    assert after["measures"] == before["measures"]
    assert after["milestones"] == before["milestones"]
    assert after["owners"] == before["owners"]
    assert after["reports"] == before["reports"] == 1
    assert after["programmes"][0][1] == before["programmes"][0][1] + 1  # revision bumped


def test_a_changed_source_updates_in_place_and_marks_what_vanished(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    _report(factory, "8.3", State.ON_TRACK)
    lines = BUNDLED_SOURCE.read_text(encoding="utf-8").splitlines()
    changed = [line for line in lines if not line.startswith("8.3.")]
    changed = [line.replace("Syksy 2018.", "Syksy 2019.") for line in changed]
    source = tmp_path / "toimenpideohjelma.txt"
    source.write_text("\n".join(changed), encoding="utf-8")

    summary = import_file(factory, source, now=NOW + timedelta(days=1))

    assert (summary.measures, summary.removed) == (38, 1)
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


def test_a_file_that_is_not_a_programme_leaves_the_database_as_it_was(
    factory: sessionmaker[Session], imported: ImportSummary, tmp_path: Path
) -> None:
    before = _snapshot(factory)
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Muistio\n\nKokous alkoi klo 10.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no numbered measures found"):
        import_file(factory, minutes, now=NOW)
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\n\xff\xfe\x00\x81")
    with pytest.raises(SourceError, match="not UTF-8 text"):
        import_file(factory, binary, now=NOW)
    with pytest.raises(SourceError, match="cannot read"):
        import_file(factory, tmp_path / "missing.txt", now=NOW)
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
