"""``/seuranta status 2.7 at-risk "note"``: a status report from anywhere, by those allowed."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.render.text import render_text
from data.directory import add_contact, remember_profile, resolve_one
from data.models import StatusReport
from tests.support.programme import NOW
from tests.support.slack_requests import SignedSlack

CONTACT = "USMCONTACT"  # a contact of SM, which leads measure 2.7


def test_a_contact_reports_and_ask_shows_it(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), CONTACT, "UADMIN001", NOW)

    reply = slack.command('status 2.7 at-risk "riskiarvio viivästyy"', user_id=CONTACT).json()

    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == "Status of measure 2.7 recorded: At risk."  # the fake's en-US locale
    with factory() as session:
        (report,) = session.scalars(select(StatusReport)).all()
        assert (report.state, report.note, report.reporter, report.source) == (
            "at_risk",
            "riskiarvio viivästyy",
            CONTACT,
            "command",
        )
    shown = render_text(AnswerEngine(factory).ask("status of 2.7", now=NOW))
    assert "At risk – riskiarvio viivästyy" in shown


def test_someone_else_is_refused_politely_and_nothing_is_stored(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    reply = slack.command("status 2.7 done", user_id="UOUTSIDER").json()

    assert reply["text"].startswith("You cannot report the status of measure 2.7:")
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []


def test_a_missing_measure_is_named(slack: SignedSlack) -> None:
    reply = slack.command("status 9.9 done", user_id=CONTACT).json()

    assert reply["text"] == "There is no measure 9.9 in the programme."


def make_contact(factory: sessionmaker[Session]) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), CONTACT, "UADMIN001", NOW)
        remember_profile(
            session, "U0ANNA", locale="fi-FI", tz=None, display_name="Anna Virtanen", now=NOW
        )


def test_the_note_is_stored_as_the_plain_text_the_person_saw(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    make_contact(factory)
    sent = 'status 2.7 at-risk "lausunto &lt;myöhässä&gt; &amp; <@U0ANNA> tietää\u202e\x00"'

    reply = slack.command(sent, user_id=CONTACT).json()

    assert reply["text"] == "Status of measure 2.7 recorded: At risk."
    with factory() as session:
        (report,) = session.scalars(select(StatusReport)).all()
        assert report.note == "lausunto <myöhässä> & @Anna Virtanen tietää"


def test_an_over_long_note_is_refused_and_nothing_is_stored(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    make_contact(factory)

    reply = slack.command(f"status 2.7 at-risk {'x' * 2001}", user_id=CONTACT).json()

    assert reply["text"] == (
        "The note is 2001 characters long; at most 2000 fit. Please shorten it and send it "
        "again – nothing was saved."
    )
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []
