"""``failures`` (admins): what could not be delivered, to whom, and how to fix it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.failures import hint, list_failures
from bot.commands.parse import ListFailures
from data.models import Reminder, ReminderStatus
from tests.support.documents import shown
from tests.support.people import ADMIN, OTHER_CONTACT, SM_CONTACT, Context
from tests.support.programme import NOW


def failed(session: Session, key: str, channel: str, error: str, round_id: int | None) -> None:
    session.add(
        Reminder(
            key=key,
            kind="round_ask" if round_id else "digest",
            recipient=channel,
            channel=channel,
            round_id=round_id,
            send_at=NOW - timedelta(hours=1),
            status=ReminderStatus.FAILED,
            error=error,
            attempts=1,
            detail={},
            created_at=NOW - timedelta(days=1),
        )
    )


def test_admins_only(context: Context) -> None:
    assert shown(list_failures(ListFailures(), context(SM_CONTACT)))[0].startswith(
        "Only Seuranta's administrators"
    )


def test_nothing_failed(context: Context) -> None:
    assert shown(list_failures(ListFailures(), context(ADMIN))) == ["No delivery failures."]


def test_a_failure_to_a_person_and_to_a_channel_say_whom_and_how_to_fix(
    context: Context, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        failed(session, "a", "C0COORD", "not_in_channel", None)
        failed(session, "b", OTHER_CONTACT, "user_not_found", None)

    lines = shown(list_failures(ListFailures(), context(ADMIN)))

    assert lines[0] == "Messages Slack refused (2)"
    assert sorted(lines[1:]) == [
        "• 2018-12-17 11:00 → #C0COORD: weekly digest — not_in_channel: invite the bot to the "
        "channel or fix SEURANTA_COORDINATOR_CHANNEL",
        f"• 2018-12-17 11:00 → {OTHER_CONTACT}: weekly digest — user_not_found: the contact has "
        "left: change the organisation's contact with /seuranta contact",
    ]


TEAMS_PERSON = "teams:0b5f3a7e-8c21-4d6f-9a3b-2e1c7d4f6a80"
TEAMS_CHANNEL = "teams:19:8c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a@thread.tacv2"


@pytest.mark.parametrize(
    ("code", "channel", "fix"),
    [
        pytest.param("teams_forbidden", TEAMS_PERSON, "teams_removed_person", id="app-removed"),
        pytest.param("teams_forbidden", TEAMS_CHANNEL, "teams_removed_channel", id="from-team"),
        pytest.param("teams_not_found", TEAMS_PERSON, "teams_gone_person", id="chat-gone"),
        pytest.param("teams_not_found", TEAMS_CHANNEL, "teams_gone_channel", id="channel-gone"),
        pytest.param("teams_unauthorized", TEAMS_PERSON, "teams_token", id="token-refused"),
        pytest.param("teams_bad_request", TEAMS_CHANNEL, "teams_message", id="message-refused"),
        pytest.param("gave up after 8 attempts: HTTP 503", TEAMS_PERSON, "teams_gave_up"),
        pytest.param("teams_http_409", TEAMS_PERSON, "teams_other", id="other"),
    ],
)
def test_each_teams_code_gets_the_hint_that_fixes_it(code: str, channel: str, fix: str) -> None:
    assert hint(code, channel) == fix


def test_a_teams_failure_says_what_to_do_in_teams_terms(
    context: Context, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        failed(session, "a", TEAMS_CHANNEL, "teams_forbidden", None)

    lines = shown(list_failures(ListFailures(), context(ADMIN)))

    assert lines[1] == (
        f"• 2018-12-17 11:00 → #{TEAMS_CHANNEL}: weekly digest — teams_forbidden: the app was "
        "removed from the team: add Seuranta to the team again or fix SEURANTA_COORDINATOR_CHANNEL"
    )
