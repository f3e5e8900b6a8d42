"""``/seuranta deadline …``: list, add, move and remove a measure's deadlines (replies in mrkdwn).

Who may change what is decided in :mod:`data.deadlines`; this module turns its outcome into one
line in the person's language. The reminders follow by themselves on the worker's next tick.
"""

from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.mrkdwn import escape, shorten
from bot.slack.services import Services
from bot.slack.subcommands import AddDeadline, ListDeadlines, MoveDeadline, RemoveDeadline
from bot.slack.user_text import from_slack
from data import deadlines
from data.db import transaction
from data.deadlines import Change, Deadline, Outcome
from seuranta.i18n import format_date, message
from seuranta.text import TooLong

# Some imported schedule texts run to several sentences; the id and the date are what matter here.
TEXT_LIMIT = 200

DeadlineCommand = ListDeadlines | AddDeadline | MoveDeadline | RemoveDeadline


def deadline_reply(
    services: Services, client: WebClient, user_id: str, command: DeadlineCommand, lang: str
) -> str:
    if isinstance(command, ListDeadlines):
        return _listing(services, command, lang)
    text = ""
    if isinstance(command, AddDeadline):
        try:
            text = from_slack(services, client, command.text)
        except TooLong as error:
            return message(
                "command.deadline.too_long", lang, length=error.length, limit=error.limit
            )
    now = services.now()
    today = now.astimezone(services.settings.zone).date()
    admins = services.settings.admins
    with transaction(services.factory) as session:
        if isinstance(command, AddDeadline):
            change = deadlines.add(
                session,
                number=command.number,
                due=command.due,
                text=text,
                user=user_id,
                admins=admins,
                today=today,
                now=now,
            )
        elif isinstance(command, MoveDeadline):
            change = deadlines.move(
                session,
                milestone_id=command.milestone_id,
                due=command.due,
                user=user_id,
                admins=admins,
                today=today,
            )
        else:
            change = deadlines.remove(
                session, milestone_id=command.milestone_id, user=user_id, admins=admins, now=now
            )
    return _outcome(change, command, lang)


def _outcome(
    change: Change, command: AddDeadline | MoveDeadline | RemoveDeadline, lang: str
) -> str:
    if change.outcome is Outcome.NO_MEASURE:
        assert isinstance(command, AddDeadline)  # the others name a milestone, not a measure
        return escape(message("nosuch.title", lang, requested=command.number))
    if change.outcome is Outcome.NO_MILESTONE:
        assert not isinstance(command, AddDeadline)
        return message("command.deadline.unknown", lang, id=command.milestone_id)
    if change.outcome is Outcome.REFUSED:
        return message("command.deadline.refused", lang, number=change.number)
    if change.outcome is Outcome.PAST:
        assert isinstance(command, AddDeadline | MoveDeadline)  # removing has no date
        return message("command.deadline.past", lang, due=format_date(command.due, lang))
    deadline = change.deadline
    assert deadline is not None  # every DONE change names its milestone
    values = {
        "id": deadline.id,
        "number": deadline.number,
        "due": format_date(deadline.due, lang),
        "text": _text(deadline),
    }
    if isinstance(command, AddDeadline):
        return message("command.deadline.added", lang, **values)
    if isinstance(command, MoveDeadline):
        assert change.previous_due is not None  # only dated milestones can be moved
        previous = format_date(change.previous_due, lang)
        return message("command.deadline.moved", lang, previous=previous, **values)
    return message("command.deadline.removed", lang, **values)


def _listing(services: Services, command: ListDeadlines, lang: str) -> str:
    with services.factory() as session:
        measure = deadlines.live_measure(session, command.number)
        if measure is None:
            return escape(message("nosuch.title", lang, requested=command.number))
        listed = deadlines.listing(session, measure)
    if not listed:
        return message("command.deadline.none", lang, number=command.number)
    lines = [message("command.deadline.title", lang, number=command.number)]
    lines += [_line(deadline, lang) for deadline in listed]
    lines.append(message("command.deadline.how", lang))
    return "\n".join(lines)


def _line(deadline: Deadline, lang: str) -> str:
    line = f"• `#{deadline.id}` {format_date(deadline.due, lang)} – {_text(deadline)}"
    if deadline.origin == deadlines.CHAT and deadline.created_by:
        line += f" ({message('command.deadline.added_by', lang, who=f'<@{deadline.created_by}>')})"
    return line


def _text(deadline: Deadline) -> str:
    return escape(shorten(deadline.text, TEXT_LIMIT))
