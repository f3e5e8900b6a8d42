"""``/seuranta failures`` (admins): the messages Slack refused for good, and how to fix each.

The sender never retries a permanent failure (``data.reminders.failures``), so this list is
where an admin learns that a contact left or the bot is missing from a channel. Each line says
when the message was due (local time), to whom, what it was and Slack's error code with a hint.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.slack.mrkdwn import escape
from bot.slack.services import Services
from data import reminders
from data.models import Measure, Reminder, ReminderStatus
from seuranta.i18n import format_date, message

SHOWN = 20

# Slack's error codes grouped by what fixes them; anything else gets a pointer to the docs.
_CHANNEL_CODES = frozenset({"channel_not_found", "not_in_channel", "is_archived"})
_PERSON_CODES = frozenset({"user_not_found", "account_inactive", "user_disabled"})
_TOKEN_CODES = frozenset(
    {"invalid_auth", "not_authed", "token_revoked", "token_expired", "missing_scope"}
)
_MESSAGE_CODES = frozenset(
    {"msg_too_long", "no_text", "invalid_blocks", "invalid_blocks_format", "invalid_arguments"}
)
_GAVE_UP = "gave up after"  # the sender's own note after too many transient failures
# The kinds with a label (a kind added later shows its own name); bundles and "you missed these"
# messages list other rows, folded into them.
_KINDS = frozenset(
    {
        "deadline",
        "bundle",
        "missed",
        "no_contact",
        "round_ask",
        "nudge",
        "round_no_contact",
        "round_missing",
        "digest",
    }
)
_FOLDING = frozenset({"bundle", "missed"})


def failures_reply(services: Services, user_id: str, lang: str) -> str:
    if not services.is_admin(user_id):
        return message("command.admins_only", lang)
    with services.factory() as session:
        total = reminders.counts(session).get(ReminderStatus.FAILED.value, 0)
        if not total:
            return message("command.failures.none", lang)
        lines = [message("command.failures.title", lang, count=total)]
        for row in reminders.failures(session, SHOWN):
            lines.append(_line(services, row, _numbers(session, row), lang))
    if total > SHOWN:
        lines.append(message("more", lang, count=total - SHOWN))
    return "\n".join(lines)


def _line(services: Services, row: Reminder, numbers: list[str], lang: str) -> str:
    local = row.send_at.astimezone(services.settings.zone)
    when = f"{format_date(local.date(), lang)} {local:%H:%M}"
    code = row.error or "?"
    fix = message(f"command.failures.hint.{hint(code, row.channel)}", lang)
    return f"• {when} → {_whom(row.channel)}: {_what(row, numbers, lang)} — `{escape(code)}`: {fix}"


def hint(code: str, channel: str) -> str:
    """Which fix to suggest for an error code (the ``slack.failures.hint.*`` key's last part)."""
    if code.startswith(_GAVE_UP):
        return "gave_up"
    if code in _PERSON_CODES or (code == "channel_not_found" and _is_person(channel)):
        return "person"  # a DM to someone no longer there comes back as a missing channel
    if code in _CHANNEL_CODES:
        return "channel"
    if code in _TOKEN_CODES:
        return "token"
    if code in _MESSAGE_CODES:
        return "message"
    return "other"


def _whom(channel: str) -> str:
    return f"<@{channel}>" if _is_person(channel) else f"<#{channel}>"


def _is_person(channel: str) -> bool:
    return channel[:1] in ("U", "W")


def _what(row: Reminder, numbers: list[str], lang: str) -> str:
    label = message(f"outbox.kind.{row.kind}", lang) if row.kind in _KINDS else row.kind
    if numbers:
        label += " " + ", ".join(numbers)
    if row.kind == "deadline" and row.due is not None:
        label += f" ({format_date(row.due, lang)})"
    elif row.kind == "no_contact":
        label += f" ({escape(row.recipient.removeprefix('org:'))})"
    elif row.round_id is not None:
        label += f" #{row.round_id}"
    return label


def _numbers(session: Session, row: Reminder) -> list[str]:
    """The measures a message was about: its own, or those of the rows folded into it."""
    rows = reminders.folded_under(session, row.id) if row.kind in _FOLDING else [row]
    numbers = []
    for measure_id in dict.fromkeys(r.measure_id for r in rows if r.measure_id is not None):
        measure = session.get(Measure, measure_id)
        if measure is not None:
            numbers.append(measure.number)
    return numbers
