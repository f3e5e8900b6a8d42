"""The programme out of the database as a document: the public JSON export and the reports' source.

The JSON shape is promised to users; add keys freely but never rename or drop one:
``{"programme": {...}, "measures": [{"id", "theme", "title", "parts", "lead", "others",
"actions", "milestones", "status"}]}``. ``lead`` and ``others`` are the owner entries as the
source spells them, in source order. With ``hide_notes`` (SEURANTA_HIDE_STATUS_NOTES) a status
keeps its keys but not its note nor who reported it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from data.models import Measure, Programme, Responsibility, Role, StatusReport
from data.queries import latest_reports


def programme_document(
    session: Session, programme: Programme, *, hide_notes: bool = False
) -> dict[str, Any]:
    measures = session.scalars(
        select(Measure)
        .where(Measure.programme_id == programme.id, Measure.removed_at.is_(None))
        .options(
            selectinload(Measure.parts),
            selectinload(Measure.actions),
            selectinload(Measure.responsibilities).joinedload(Responsibility.organisation),
            selectinload(Measure.milestones),
        )
        .order_by(Measure.sort_key)
    ).all()
    latest = latest_reports(session, [m.id for m in measures])
    return {
        "programme": {
            "slug": programme.slug,
            "title": programme.title,
            "description": programme.description,
            "source": programme.source_name,
            "source_sha256": programme.source_sha256,
            "revision": programme.revision,
            "imported_at": programme.imported_at.isoformat() if programme.imported_at else None,
        },
        "measures": [_measure(m, latest.get(m.id), hide_notes) for m in measures],
    }


def measure_document(session: Session, measure: Measure) -> dict[str, Any]:
    """One measure in the shape of ``programme_document``'s ``measures`` entries."""
    return _measure(measure, latest_reports(session, [measure.id]).get(measure.id), False)


def _measure(measure: Measure, status: StatusReport | None, hide_notes: bool) -> dict[str, Any]:
    return {
        "id": measure.number,
        "theme": measure.theme,
        "title": measure.title,
        "parts": [{"label": p.label, "text": p.text} for p in measure.parts],
        "lead": [r.spelling for r in measure.responsibilities if r.role == Role.LEAD],
        "others": [r.spelling for r in measure.responsibilities if r.role == Role.OTHER],
        "owners": [
            {
                "spelling": r.spelling,
                "role": str(r.role),
                "organisation": r.organisation.key,
                "name_fi": r.organisation.name_fi,
                "name_sv": r.organisation.name_sv,
                "name_en": r.organisation.name_en,
            }
            for r in measure.responsibilities
        ],
        "actions": [a.text for a in measure.actions],
        "milestones": [
            {
                "text": ms.text,
                "kind": str(ms.kind),
                "start": ms.start.isoformat() if ms.start else None,
                "due": ms.due.isoformat() if ms.due else None,
                "origin": ms.origin,
            }
            for ms in measure.milestones
            if ms.removed_at is None
        ],
        "status": _status(status, hide_notes) if status else None,
    }


def _status(report: StatusReport, hide_notes: bool) -> dict[str, Any]:
    return {
        "state": str(report.state),
        "note": "" if hide_notes else report.note,
        "reporter": "" if hide_notes else report.reporter,
        "reporter_name": "" if hide_notes else report.reporter_name,
        "organisation": report.organisation.key if report.organisation else None,
        "source": report.source,
        "at": report.created_at.isoformat(),
    }
