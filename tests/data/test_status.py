"""Status reports on both databases: who may report, and on which platform a report was made."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data import directory, status
from data.db import transaction
from data.importer import ImportSummary
from data.models import Measure, State, StatusReport
from seuranta.identity import Platform
from tests.support.programme import NOW, report_status

TEAMS_PERSON = "teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"


def _measure_id(session: Session, number: str) -> int:
    return session.scalars(select(Measure.id).where(Measure.number == number)).one()


@pytest.mark.parametrize(
    ("reporter", "platform"),
    [("U012AB3CD", Platform.SLACK), (TEAMS_PERSON, Platform.TEAMS)],
)
def test_a_report_says_the_platform_its_reporter_is_on(
    imported: ImportSummary, factory: sessionmaker[Session], reporter: str, platform: Platform
) -> None:
    with transaction(factory) as session:
        report_status(session, _measure_id(session, "2.7"), State.AT_RISK, reporter, NOW)

    with factory() as session:
        stored = session.scalars(select(StatusReport)).one()
    assert (stored.reporter, stored.platform) == (reporter, platform)


def test_a_teams_contact_may_report_on_their_organisations_measure_and_a_stranger_may_not(
    imported: ImportSummary, factory: sessionmaker[Session]
) -> None:
    with transaction(factory) as session:
        measure_id = _measure_id(session, "2.7")
        lead = session.get_one(Measure, measure_id).responsibilities[0].organisation
        directory.add_contact(session, lead, TEAMS_PERSON, "UADMIN", NOW)

        contact = status.may_report(session, measure_id, TEAMS_PERSON, frozenset())
        stranger = status.may_report(
            session, measure_id, "teams:00000000-0000-0000-0000-000000000000", frozenset()
        )
        admin = status.may_report(session, measure_id, "UADMIN", frozenset({"UADMIN"}))

    assert contact == (True, lead)
    assert stranger == (False, None)
    assert admin == (True, None)
