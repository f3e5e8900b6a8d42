"""The programme out of the database, as JSON (a public interface) and as CSV.

The JSON shape is promised to users; add keys freely but never rename or drop one:
``{"programme": {...}, "measures": [{"id", "theme", "title", "parts", "lead", "others",
"actions", "milestones", "status"}]}``. ``lead`` and ``others`` are the owner entries as the
source spells them, in source order.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from data.models import Measure, Programme, Responsibility, Role, StatusReport
from data.queries import status_history


def programme_document(session: Session, programme: Programme) -> dict[str, Any]:
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
    )
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
        "measures": [_measure(session, m) for m in measures],
    }


def _measure(session: Session, measure: Measure) -> dict[str, Any]:
    history = status_history(session, measure.id, limit=1)
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
        "status": _status(history[0]) if history else None,
    }


def _status(report: StatusReport) -> dict[str, Any]:
    return {
        "state": str(report.state),
        "note": report.note,
        "reporter": report.reporter,
        "reporter_name": report.reporter_name,
        "organisation": report.organisation.key if report.organisation else None,
        "source": report.source,
        "at": report.created_at.isoformat(),
    }


CSV_COLUMNS = ("id", "theme", "title", "lead", "others", "actions", "milestones", "due", "status")


def programme_csv(document: dict[str, Any]) -> str:
    """One row per measure; list cells joined so a spreadsheet shows them in one cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in document["measures"]:
        status = m["status"]
        writer.writerow(
            [
                m["id"],
                m["theme"],
                m["title"],
                "; ".join(m["lead"]),
                "; ".join(m["others"]),
                "\n".join(m["actions"]),
                "\n".join(dict.fromkeys(ms["text"] for ms in m["milestones"])),
                "; ".join(ms["due"] for ms in m["milestones"] if ms["due"]),
                f"{status['state']}: {status['note']}".rstrip(": ") if status else "",
            ]
        )
    return out.getvalue()
