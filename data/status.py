"""Status reports from chat: who may report on a measure, and storing what they said.

Reports are only ever added; a correction is a newer row, so the history stays readable.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from data.models import Contact, Organisation, Responsibility, Role, State, StatusReport
from seuranta.text import bounded


def reporting_organisation(
    session: Session, measure_id: int, person_key: str
) -> Organisation | None:
    """The responsible organisation (lead first) the person is a named contact of, if any."""
    return session.scalar(
        select(Organisation)
        .join(Responsibility, Responsibility.organisation_id == Organisation.id)
        .join(Contact, Contact.organisation_id == Organisation.id)
        .where(Responsibility.measure_id == measure_id, Contact.person_key == person_key)
        .order_by(case((Responsibility.role == Role.LEAD, 0), else_=1), Responsibility.position)
        .limit(1)
    )


def may_report(
    session: Session, measure_id: int, person_key: str, admins: frozenset[str]
) -> tuple[bool, Organisation | None]:
    """Only the measure's contacts and the admins; the organisation is recorded with it."""
    organisation = reporting_organisation(session, measure_id, person_key)
    return (organisation is not None or person_key in admins), organisation


def latest_state(session: Session, measure_id: int) -> State | None:
    state = session.scalar(
        select(StatusReport.state)
        .where(StatusReport.measure_id == measure_id)
        .order_by(StatusReport.id.desc())  # recording order, as data.queries counts "latest"
        .limit(1)
    )
    return State(state) if state else None


def record(
    session: Session,
    *,
    measure_id: int,
    milestone_id: int | None,
    state: State,
    note: str,
    reporter: str,
    reporter_name: str,
    organisation: Organisation | None,
    source: str,
    channel: str | None,
    message_ts: str | None,
    permalink: str | None,
    now: datetime,
) -> StatusReport:
    """Store one report; the reporter's person key says which platform it was made on.

    The platform says how ``channel`` and ``message_ts`` read: a Slack channel and message ts,
    or a Teams conversation and activity id.
    """
    report = StatusReport(
        measure_id=measure_id,
        milestone_id=milestone_id,
        state=state,
        note=bounded(note),  # the edge has told the person already if it is too long
        reporter=reporter,
        reporter_name=reporter_name,
        organisation_id=organisation.id if organisation else None,
        source=source,
        channel=channel,
        message_ts=message_ts,
        permalink=permalink,
        created_at=now,
    )
    session.add(report)
    session.flush()
    return report
