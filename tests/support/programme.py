"""The bundled programme as the tests meet it: the moment they stand at, and arranging reports."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from data import status
from data.models import Measure, Milestone, State, StatusReport

# The source programme speaks as of spring 2018; its end-of-year reminders fall due in December.
NOW = datetime(2018, 12, 17, 10, 0, tzinfo=UTC)


def report_status(
    session: Session, measure_id: int, state: State, reporter: str, at: datetime, note: str = ""
) -> None:
    """A status report as any surface stores it (data.status.record), for arranging tests."""
    status.record(
        session,
        measure_id=measure_id,
        milestone_id=None,
        state=state,
        note=note,
        reporter=reporter,
        reporter_name="",
        organisation=None,
        source="command",
        channel=None,
        message_ts=None,
        permalink=None,
        now=at,
    )


def add_milestone(factory: sessionmaker[Session], number: str, due: date, text: str) -> None:
    with factory() as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.number == number)).one()
        session.add(
            Milestone(
                measure_id=measure.id,
                text=text,
                kind="date",
                due=due,
                position=99,
                origin="chat",
                created_at=NOW,
            )
        )


def reports(factory: sessionmaker[Session]) -> list[StatusReport]:
    with factory() as session:
        return list(
            session.scalars(
                select(StatusReport)
                .options(joinedload(StatusReport.organisation))
                .order_by(StatusReport.id)
            )
        )


def wait_for_reports(factory: sessionmaker[Session], count: int) -> list[StatusReport]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        found = reports(factory)
        if len(found) >= count:
            return found
        time.sleep(0.02)
    raise AssertionError(f"expected {count} status report(s), got {len(reports(factory))}")
