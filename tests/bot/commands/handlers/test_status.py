"""``status 2.7 at-risk "note"``: stored for the measure's contacts and the admins, on any
platform; anyone else is told why not, and nothing is stored."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, sessionmaker

from bot.commands.handlers.status import report_status
from bot.commands.parse import ReportStatus
from data.models import State, StatusReport
from tests.support.documents import shown
from tests.support.people import ADMIN, OTHER_CONTACT, SM_CONTACT, STRANGER, Context
from tests.support.programme import NOW


def reports(factory: sessionmaker[Session]) -> list[StatusReport]:
    with factory() as session:
        query = select(StatusReport).options(joinedload(StatusReport.organisation))
        return list(session.scalars(query.order_by(StatusReport.id)))


def test_a_contact_reports_and_the_organisation_is_recorded_with_it(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = report_status(
        ReportStatus("2.7", State.AT_RISK, "riskiarvio viivästyy"), context(SM_CONTACT)
    )

    assert shown(reply) == ["Status of measure 2.7 recorded: At risk."]
    (stored,) = reports(factory)
    assert (stored.state, stored.note, stored.reporter, stored.source) == (
        State.AT_RISK,
        "riskiarvio viivästyy",
        SM_CONTACT,
        "command",
    )
    assert stored.organisation is not None
    assert stored.organisation.key == "SM"
    assert stored.created_at == NOW


def test_every_contact_of_the_organisation_may_report_in_their_language(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = report_status(ReportStatus("2.7", State.DONE, ""), context(OTHER_CONTACT, lang="fi"))

    assert shown(reply, "fi") == ["Toimenpiteen 2.7 tilanne kirjattu: Valmis."]
    assert [r.reporter for r in reports(factory)] == [OTHER_CONTACT]


def test_an_admin_may_report_without_an_organisation(
    context: Context, factory: sessionmaker[Session]
) -> None:
    report_status(ReportStatus("4.3", State.ON_TRACK, ""), context(ADMIN))

    (stored,) = reports(factory)
    assert (stored.reporter, stored.organisation_id) == (ADMIN, None)


def test_anyone_else_is_refused_and_nothing_is_stored(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = report_status(ReportStatus("2.7", State.DONE, ""), context(STRANGER))

    assert shown(reply)[0].startswith("You cannot report the status of measure 2.7:")
    assert reports(factory) == []


def test_a_contact_of_another_measure_is_refused(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = report_status(ReportStatus("4.3", State.DONE, ""), context(SM_CONTACT))

    assert shown(reply)[0].startswith("You cannot report the status of measure 4.3:")
    assert reports(factory) == []


def test_a_measure_that_does_not_exist_is_named(context: Context) -> None:
    reply = report_status(ReportStatus("9.9", State.DONE, ""), context(ADMIN))

    assert shown(reply) == ["There is no measure 9.9 in the programme."]


def test_an_over_long_note_is_refused_whole(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = report_status(ReportStatus("2.7", State.DONE, "x" * 2001), context(SM_CONTACT))

    assert shown(reply) == [
        "The note is 2001 characters long; at most 2000 fit. Please shorten it and send it "
        "again – nothing was saved."
    ]
    assert reports(factory) == []


def test_the_note_is_kept_under_the_input_policy(
    context: Context, factory: sessionmaker[Session]
) -> None:
    report_status(ReportStatus("2.7", State.DONE, " valmis\u202e\x00 "), context(SM_CONTACT))

    assert [r.note for r in reports(factory)] == ["valmis"]
