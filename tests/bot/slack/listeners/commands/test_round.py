"""``/seuranta round …``: admins start and close rounds; anyone can see how one is going."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.directory import add_contact, resolve_one
from data.models import Reminder, ReportingRound
from tests.support.programme import NOW
from tests.support.slack_requests import ADMIN, SignedSlack


def test_an_admin_starts_a_round_and_the_asks_wait_in_the_outbox(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), "USM", ADMIN, NOW)
        add_contact(session, resolve_one(session, "PEO"), "UPEO", ADMIN, NOW)

    reply = slack.command("round start --due 2019-01-15 --measures 2.*", user_id=ADMIN).json()

    assert reply["response_type"] == "ephemeral"
    assert reply["text"].startswith(
        "Reporting round #1 started: 14 measures, asking 2 people. Due 2019-01-15;"
    )
    # 2.9 is led by OM alone; every other 2.x measure has SM or PEO among its leads.
    assert reply["text"].endswith("Without a contact person (nobody is asked): OM.")
    with factory() as session:
        asks = session.scalars(select(Reminder).order_by(Reminder.recipient)).all()
        assert [(r.kind, r.recipient, r.send_at) for r in asks] == [
            ("round_ask", "UPEO", NOW),
            ("round_ask", "USM", NOW),
        ]  # no coordinator channel is set, so nobody else is written to


def test_only_admins_start_or_close_rounds(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    refused = slack.command("round start --due 2019-01-15", user_id="UOUTSIDER").json()
    assert "admin" in refused["text"].casefold()
    slack.command("round start --due 2019-01-15", user_id=ADMIN)
    refused = slack.command("round close", user_id="UOUTSIDER").json()
    assert "admin" in refused["text"].casefold()
    with factory() as session:
        (found,) = session.scalars(select(ReportingRound)).all()
        assert found.closed_at is None


def test_a_round_that_cannot_start_says_why(slack: SignedSlack) -> None:
    past = slack.command("round start --due 2018-01-15", user_id=ADMIN).json()
    assert past["text"] == "The round cannot be started: the due date 2018-01-15 is in the past."
    nothing = slack.command("round start --due 2019-01-15 --measures 9.*", user_id=ADMIN).json()
    assert nothing["text"] == "The round cannot be started: no measure matches '9.*'."
    wrong = slack.command("round start --due soon", user_id=ADMIN).json()
    assert wrong["text"].startswith("Usage: `/seuranta round start --due 2027-01-15")


def test_anyone_sees_the_report_and_the_list_and_an_admin_closes(slack: SignedSlack) -> None:
    assert slack.command("round report").json()["text"].startswith("There are no reporting rounds")
    slack.command("round start --due 2019-01-15 --measures 4.3", user_id=ADMIN)

    shown = slack.command("round report", user_id="UANYONE").json()["text"]
    assert shown.splitlines() == [
        "*Reporting round #1* (4.3, due 2019-01-15, open): 0/1 measures answered (0%).",
        "*Not answered*",
        "• OKM: 4.3 — no contact",
    ]
    assert slack.command("round close", user_id=ADMIN).json()["text"] == (
        "Reporting round #1 closed: no more nudges are sent."
    )
    assert slack.command("round close 1", user_id=ADMIN).json()["text"] == (
        "Reporting round #1 is already closed."
    )
    assert slack.command("rounds").json()["text"] == (
        "• #1 4.3, due 2019-01-15: 0/1 answered (closed)"
    )
    assert slack.command("round report #7").json()["text"] == "There is no reporting round #7."


@pytest.mark.parametrize(
    "text",
    [
        "round report #²",
        "round report #99999999999999999999",
        "round close ٣",
    ],
)
def test_a_round_number_that_is_not_one_gets_the_usage_not_an_error(
    slack: SignedSlack, text: str
) -> None:
    reply = slack.command(text, user_id=ADMIN)

    assert reply.status == 200
    assert reply.json()["text"].startswith("Usage: `/seuranta round start --due 2027-01-15")
