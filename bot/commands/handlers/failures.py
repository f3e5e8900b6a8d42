"""``failures`` (admins): the messages the chat platform refused for good, and how to fix each.

The sender never retries a permanent failure (``data.outbox.failures``), so this list is
where an admin learns that a contact left or the bot is missing from a channel. Each line says
when the message was due (local time), to whom, what it was and the error code with a hint.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands.context import CommandContext
from bot.commands.parse import ListFailures
from bot.commands.results import say
from bot.document import Channel, Document, Lines, Person, Phrase, Value, phrase
from data import outbox
from data.models import Measure, OutboxKind, Reminder, ReminderStatus
from jobs.notices.kinds import KINDS
from seuranta.identity import TEAMS_PREFIX

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
# The Teams port's codes (bot.teams.port.PERMANENT_CODES) by what fixes them.
_TEAMS_GONE = {"teams_forbidden": "removed", "teams_not_found": "gone"}
_TEAMS_OTHER = {"teams_unauthorized": "token", "teams_bad_request": "message"}


def list_failures(command: ListFailures, ctx: CommandContext) -> Document:
    if not ctx.is_admin:
        return say(phrase("command.admins_only"))
    with ctx.factory() as session:
        total = outbox.counts(session).get(ReminderStatus.FAILED.value, 0)
        if not total:
            return say(phrase("command.failures.none"))
        rows = outbox.failures(session, SHOWN)
        lines = tuple(_line(ctx, row, _numbers(session, row)) for row in rows)
    title = phrase("command.failures.title", count=total)
    blocks = [Lines((title,)), Lines(lines, bulleted=True)]
    if total > SHOWN:
        blocks.append(Lines((phrase("more", count=total - SHOWN),)))
    return Document(title, tuple(blocks))


def _line(ctx: CommandContext, row: Reminder, numbers: list[str]) -> Phrase:
    local = row.send_at.astimezone(ctx.settings.zone)
    code = row.error or "?"
    return phrase(
        "command.failures.line",
        when=phrase("command.when", day=local.date(), time=f"{local:%H:%M}"),
        whom=_whom(row.channel),
        what=_what(row, numbers),
        code=code,
        fix=phrase(f"command.failures.hint.{hint(code, row.channel)}"),
    )


def hint(code: str, channel: str) -> str:
    """Which fix to suggest for an error code (the ``command.failures.hint.*`` key's last part)."""
    if channel.startswith(TEAMS_PREFIX):
        return "teams_" + _teams_hint(code, channel)
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


def _teams_hint(code: str, channel: str) -> str:
    """403: the app was removed (by the person, or from the team); 404: the chat or channel is
    gone. Each fixed differently for a person and for a channel."""
    if code in _TEAMS_GONE:
        return f"{_TEAMS_GONE[code]}_{'person' if _is_person(channel) else 'channel'}"
    if code.startswith(_GAVE_UP):
        return "gave_up"
    return _TEAMS_OTHER.get(code, "other")


def _whom(channel: str) -> Person | Channel:
    return Person(channel) if _is_person(channel) else Channel(channel)


def _is_person(channel: str) -> bool:
    """A Slack user id, or a Teams person (``teams:`` and an object id; channels have ``19:``)."""
    if channel.startswith(TEAMS_PREFIX):
        return not channel.removeprefix(TEAMS_PREFIX).startswith("19:")
    return channel[:1] in ("U", "W")


def _what(row: Reminder, numbers: list[str]) -> Value:
    """Its kind, its measures and what else tells it apart: "deadline reminder 2.7 (date)"."""
    details: list[Value] = [", ".join(numbers)] if numbers else []
    if row.kind == OutboxKind.DEADLINE and row.due is not None:
        details.append(phrase("command.failures.due", due=row.due))
    elif row.kind == OutboxKind.NO_CONTACT:
        organisation = row.recipient.removeprefix("org:")
        details.append(phrase("command.failures.organisation", org=organisation))
    elif row.round_id is not None:
        details.append(phrase("command.failures.round", id=row.round_id))
    # A kind this version does not know (a newer worker's) shows its own name.
    what: Value = phrase(KINDS[row.kind].label_key) if row.kind in KINDS else row.kind
    for detail in details:
        what = phrase("command.failures.more", what=what, more=detail)
    return what


def _numbers(session: Session, row: Reminder) -> list[str]:
    """The measures a message was about: its own, or those of the rows folded into it."""
    folding = row.kind in KINDS and KINDS[row.kind].lists_folded
    rows = outbox.folded_under(session, row.id) if folding else [row]
    numbers = []
    for measure_id in dict.fromkeys(r.measure_id for r in rows if r.measure_id is not None):
        measure = session.get(Measure, measure_id)
        if measure is not None:
            numbers.append(measure.number)
    return numbers
