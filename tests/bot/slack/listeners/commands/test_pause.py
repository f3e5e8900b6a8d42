"""``/seuranta pause until DATE``: a person's reminders wait until that day."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from data.directory import paused_users
from tests.support.slack_requests import SignedSlack


def test_pausing_is_stored_and_the_sender_sees_it(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    reply = slack.command("pause until 2019-01-07", user_id="UCONTACT1").json()

    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == "You will get no reminders before 2019-01-07."
    with factory() as session:
        assert paused_users(session, date(2018, 12, 17)) == {"UCONTACT1": date(2019, 1, 7)}
        assert paused_users(session, date(2019, 1, 7)) == {}


def test_a_day_in_the_past_is_refused(slack: SignedSlack, factory: sessionmaker[Session]) -> None:
    reply = slack.command("pause until 2018-12-01", user_id="UCONTACT1").json()

    assert reply["text"] == "2018-12-01 has already passed; give a day in the future."
    with factory() as session:
        assert paused_users(session, date(2018, 11, 1)) == {}
