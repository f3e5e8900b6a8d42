"""The real programme with a few status reports, as the reports' tests read it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.importer import ImportSummary
from data.models import Measure, State, StatusReport
from tests.support.programme import NOW

# (measure, state, note, reporter name, days before NOW); later rows are newer.
REPORTS = (
    ("2.7", State.AT_RISK, "Riskiarvio myöhässä.", "Maija Meikäläinen", 30),
    ("2.7", State.DONE, "Kansallinen riskiarvio valmis.", "Maija Meikäläinen", 2),
    ("1.1", State.DELAYED, "Verkosto ei ole vielä kokoontunut.", "Matti Virtanen", 5),
    ("3.4", State.ON_TRACK, "Ohjelma hyväksytty.", "Liisa Korhonen", 1),
    ("8.1", State.AT_RISK, "Hankinta viivästyy.", "", 3),
)


@pytest.fixture
def reported(factory: sessionmaker[Session], imported: ImportSummary) -> sessionmaker[Session]:
    """The imported programme with REPORTS filed; returns the session factory."""
    with transaction(factory) as session:
        ids = {number: id_ for number, id_ in session.execute(select(Measure.number, Measure.id))}
        for number, state, note, name, days in REPORTS:
            session.add(
                StatusReport(
                    measure_id=ids[number],
                    state=state,
                    note=note,
                    reporter="U0" + number.replace(".", ""),
                    reporter_name=name,
                    source="cli",
                    created_at=NOW - timedelta(days=days),
                )
            )
    return factory


# Notes as they could be stored before the input policy: formulas (OWASP's CSV-injection
# examples), control characters openpyxl refuses, a right-to-left override. (Not NUL, which
# PostgreSQL refuses to store at all.)
