"""``/seuranta failures``: admins see what Slack refused for good, and how to fix each."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.failures import hint
from data.directory import resolve_one
from data.models import Measure, Reminder, ReminderStatus
from tests.support.fakeslack import FakeSlack
from tests.support.programme import NOW
from tests.support.slack_requests import ADMIN, SignedSlack

_keys = count(1)


def failed(session: Session, error: str, *, hours_ago: int = 3, **values: Any) -> Reminder:
    """A reminder the sender gave up on, as it leaves one in the outbox."""
    row = Reminder(
        key=f"test:{next(_keys)}",
        send_at=NOW - timedelta(hours=hours_ago),
        status=ReminderStatus.FAILED,
        error=error,
        attempts=1,
        detail={},
        created_at=NOW - timedelta(days=1),
        **values,
    )
    session.add(row)
    session.flush()
    return row


def deadline_failure(session: Session, error: str, user: str, **values: Any) -> Reminder:
    measure = session.scalars(select(Measure).where(Measure.number == "2.7")).one()
    milestone = next(m for m in measure.milestones if m.due == date(2018, 12, 31))
    return failed(
        session,
        error,
        kind="deadline",
        milestone_id=milestone.id,
        due=milestone.due,
        offset_days=14,
        measure_id=measure.id,
        recipient=user,
        channel=user,
        **values,
    )


@pytest.mark.parametrize(
    ("code", "channel", "fix"),
    [
        pytest.param("channel_not_found", "C0COORD", "channel", id="channel-gone"),
        pytest.param("not_in_channel", "C0COORD", "channel", id="bot-not-invited"),
        pytest.param("channel_not_found", "U0GONE", "person", id="dm-to-someone-gone"),
        pytest.param("user_not_found", "U0GONE", "person", id="user-gone"),
        pytest.param("account_inactive", "U0GONE", "person", id="account-closed"),
        pytest.param("invalid_auth", "U1", "token", id="token"),
        pytest.param("msg_too_long", "U1", "message", id="message"),
        pytest.param("gave up after 8 attempts: HTTP 503", "U1", "gave_up", id="gave-up"),
        pytest.param("something_new", "U1", "other", id="unknown-code"),
    ],
)
def test_each_code_gets_the_hint_that_fixes_it(code: str, channel: str, fix: str) -> None:
    assert hint(code, channel) == fix


def test_only_admins_may_see_the_failures(slack: SignedSlack) -> None:
    reply = slack.command("failures", user_id="UOUTSIDER").json()

    assert reply["response_type"] == "ephemeral"
    assert reply["text"].startswith("Only Seuranta's administrators can")


def test_no_failures_is_said_plainly(slack: SignedSlack) -> None:
    assert slack.command("failures", user_id=ADMIN).json()["text"] == "No delivery failures."


def test_each_failure_says_when_to_whom_what_and_how_to_fix_it(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        deadline_failure(session, "user_not_found", "U0GONE", hours_ago=3)
        failed(
            session,
            "channel_not_found",
            hours_ago=2,
            kind="no_contact",
            recipient="org:SM",
            organisation_id=resolve_one(session, "SM").id,
            channel="C0COORD",
        )
        failed(
            session,
            "gave up after 8 attempts: HTTP 503",
            hours_ago=1,
            kind="digest",
            recipient="C0COORD",
            channel="C0COORD",
        )

    reply = slack.command("failures", user_id=ADMIN).json()

    assert reply["response_type"] == "ephemeral"
    assert reply["text"].splitlines() == [  # newest first; times in Helsinki
        "*Messages Slack refused* (3)",
        "• 2018-12-17 11:00 → <#C0COORD>: weekly digest — `gave up after 8 attempts: HTTP 503`: "
        "Slack failed again and again; see status.slack.com",
        "• 2018-12-17 10:00 → <#C0COORD>: request to name a contact (SM) — `channel_not_found`: "
        "invite the bot to the channel or fix SEURANTA_COORDINATOR_CHANNEL",
        "• 2018-12-17 09:00 → <@U0GONE>: deadline reminder 2.7 (2018-12-31) — `user_not_found`: "
        "the contact has left: change the organisation's contact with `/seuranta contact`",
    ]


def test_a_long_list_is_cut_at_twenty_and_says_how_many_more(
    slack: SignedSlack, factory: sessionmaker[Session], fake_slack: FakeSlack
) -> None:
    fake_slack.locales[ADMIN] = "fi-FI"
    with factory() as session, session.begin():
        for hours in range(23):
            deadline_failure(session, "account_inactive", f"U0GONE{hours:02}", hours_ago=hours)

    lines = slack.command("failures", user_id=ADMIN).json()["text"].splitlines()

    assert lines[0] == "*Viestit, joita Slack ei toimittanut* (23)"
    assert len(lines) == 1 + 20 + 1
    assert lines[1] == (
        "• 17.12.2018 12:00 → <@U0GONE00>: määräaikamuistutus 2.7 (31.12.2018) — "
        "`account_inactive`: yhteyshenkilö on lähtenyt: vaihda organisaation yhteyshenkilö "
        "komennolla `/seuranta contact`"
    )
    assert lines[-1] == "… ja 3 muuta"
