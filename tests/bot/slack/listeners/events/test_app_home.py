"""Opening the App Home publishes the person's organisation's measures and how to ask."""

from __future__ import annotations

import json
import time

from sqlalchemy.orm import Session, sessionmaker

from data.directory import add_contact, resolve_one
from data.models import Reminder, ReminderStatus
from tests.support.fakeslack import FakeSlack
from tests.support.programme import NOW
from tests.support.slack_requests import ADMIN, SignedSlack, payload


def _open_home(slack: SignedSlack, user: str, event_id: str = "EvHome1") -> None:
    body = payload("app_home_opened")
    body["event"]["user"] = user
    body["event_id"] = event_id
    assert slack.event(body).status == 200


def test_opening_home_publishes_one_view_for_that_person(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    _open_home(slack, "U123ABC456")

    (publish,) = fake_slack.wait_for("views.publish")
    assert publish.params["user_id"] == "U123ABC456"
    view = publish.params["view"]
    assert view["type"] == "home"
    shown = json.dumps(view, ensure_ascii=False)
    assert "/seuranta iam SUPO" in shown  # a stranger is told how to pick an organisation
    assert "who owns 2.7?" in shown  # and how to ask


def test_home_shows_the_organisations_measures_with_next_milestones(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    assert "PEO" in slack.command("iam PEO", user_id="U123ABC456").text

    _open_home(slack, "U123ABC456")

    view = fake_slack.wait_for("views.publish")[0].params["view"]
    shown = json.dumps(view, ensure_ascii=False)
    assert "(PEO)" in shown
    assert "*2.7*" in shown  # PEO leads 2.7
    assert "Next:" in shown
    assert len(view["blocks"]) <= 100


def test_the_messages_tab_publishes_nothing(slack: SignedSlack, fake_slack: FakeSlack) -> None:
    body = payload("app_home_opened")
    body["event"]["tab"] = "messages"

    assert slack.event(body).status == 200

    time.sleep(0.5)
    assert fake_slack.calls("views.publish") == []


def test_home_reminds_a_contact_of_an_open_round_and_shows_admins_failures(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "OKM"), "UOKM", ADMIN, NOW)
        session.add(
            Reminder(
                kind="deadline",
                key="refused",
                recipient="UGONE",
                channel="UGONE",
                send_at=NOW,
                status=ReminderStatus.FAILED,
                error="account_inactive",
                attempts=1,
                detail={},
                created_at=NOW,
            )
        )
    slack.command("round start --due 2019-01-15 --measures 4.*", user_id=ADMIN)

    _open_home(slack, "UOKM", "EvHome2")
    _open_home(slack, ADMIN, "EvHome3")

    views = {c.params["user_id"]: c.params["view"] for c in fake_slack.wait_for("views.publish", 2)}
    contact = json.dumps(views["UOKM"], ensure_ascii=False)
    assert "Reporting round #1* (due 2019-01-15): still waiting for your status of 4.3." in contact
    assert "could not be delivered" not in contact
    admin = json.dumps(views[ADMIN], ensure_ascii=False)
    assert "Messages that could not be delivered: 1." in admin
    assert "Reporting round" not in admin  # the admin is no contact: owes nothing
