"""``failures`` (admins): what could not be delivered, to whom, and how to fix it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.failures import list_failures
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
