"""``round start|report|close`` and ``rounds``: admins start and close, anyone looks."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.rounds import close_round, list_rounds, round_report, start_round
from bot.commands.handlers.status import report_status
from bot.commands.parse import CloseRound, ListRounds, ReportStatus, RoundReport, StartRound
from data.models import Reminder, State
from tests.support.documents import shown
from tests.support.people import ADMIN, OTHER_CONTACT, SM_CONTACT, STRANGER, Context


def test_an_admin_starts_a_round_asking_each_contact_once(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = start_round(StartRound(date(2019, 1, 15), "2.7"), context(ADMIN))

    assert shown(reply) == [
        "Reporting round #1 started: 1 measure, asking 2 people. Due 2019-01-15; those yet to "
        "answer are nudged every 3 days."
    ]
    with factory() as session:
        asked = session.scalars(select(Reminder.recipient).where(Reminder.kind == "round_ask"))
        assert sorted(asked) == sorted([SM_CONTACT, OTHER_CONTACT])


def test_lead_organisations_without_a_contact_are_named(context: Context) -> None:
    reply = start_round(StartRound(date(2019, 1, 15), "6.2,2.9"), context(ADMIN))

    assert shown(reply)[-1] == (
        "Without a contact person (nobody is asked): OM, (no lead organisation named)."
    )


def test_the_report_counts_answers_by_state_and_names_who_is_missing(context: Context) -> None:
    start_round(StartRound(date(2019, 1, 15), "2.7,4.3"), context(ADMIN))
    report_status(ReportStatus("2.7", State.AT_RISK, ""), context(OTHER_CONTACT))

    reply = round_report(RoundReport(), context(STRANGER, lang="fi"))

    assert shown(reply, "fi") == [
        "Raportointikierros #1 (2.7,4.3, määräpäivä 15.1.2019, avoin): 1/2 toimenpidettä "
        "vastattu (50 %).",
        "Vastaukset: Riski viivästyä 1",
        "Vastaus puuttuu",
        "• OKM: 4.3 — ei yhteyshenkilöä",
    ]


def test_only_admins_close_and_anyone_lists(context: Context) -> None:
    start_round(StartRound(date(2019, 1, 15)), context(ADMIN))

    refused = close_round(CloseRound(), context(SM_CONTACT))
    closed = close_round(CloseRound(1), context(ADMIN))
    again = close_round(CloseRound(1), context(ADMIN))

    assert shown(refused)[0].startswith("Only Seuranta's administrators can do this.")
    assert shown(closed) == ["Reporting round #1 closed: no more nudges are sent."]
    assert shown(again) == ["Reporting round #1 is already closed."]
    assert shown(list_rounds(ListRounds(), context(STRANGER))) == [
        "• #1 *, due 2019-01-15: 0/39 answered (closed)"
    ]


def test_without_rounds_each_says_how_to_start_one(context: Context) -> None:
    none = "There are no reporting rounds. Start one: /seuranta round start --due 2027-01-15"

    assert shown(list_rounds(ListRounds(), context(STRANGER))) == [none]
    assert shown(round_report(RoundReport(), context(STRANGER))) == [none]
    assert shown(round_report(RoundReport(7), context(STRANGER))) == [
        "There is no reporting round #7."
    ]
    assert shown(start_round(StartRound(date(2018, 1, 15)), context(ADMIN))) == [
        "The round cannot be started: the due date 2018-01-15 is in the past."
    ]
