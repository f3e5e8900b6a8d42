"""``deadline …``: list, add, move and remove a measure's deadlines.

Who may change what is decided in :mod:`data.deadlines`; this module turns its outcome into one
line in the person's language. The reminders follow by themselves on the worker's next tick.
"""

from __future__ import annotations

from datetime import date

from bot.commands.context import CommandContext
from bot.commands.parse import AddDeadline, ListDeadlines, MoveDeadline, RemoveDeadline
from bot.commands.results import say
from bot.document import Document, Lines, Person, Phrase, Value, phrase
from data import deadlines
from data.db import transaction
from data.deadlines import Change, Deadline, Outcome
from seuranta.text import TooLong, bounded

# Some imported schedule texts run to several sentences; the id and the date are what matter here.
TEXT_LIMIT = 200


def list_deadlines(command: ListDeadlines, ctx: CommandContext) -> Document:
    with ctx.factory() as session:
        measure = deadlines.live_measure(session, command.number)
        if measure is None:
            return say(phrase("nosuch.title", requested=command.number))
        listed = deadlines.listing(session, measure)
    if not listed:
        return say(phrase("command.deadline.none", number=command.number))
    title = phrase("command.deadline.title", number=command.number)
    return Document(
        title,
        (
            Lines((title,)),
            Lines(tuple(_line(deadline) for deadline in listed), bulleted=True),
            Lines((phrase("command.deadline.how"),)),
        ),
    )


def add_deadline(command: AddDeadline, ctx: CommandContext) -> Document:
    try:
        text = bounded(command.text)
    except TooLong as error:
        return say(phrase("command.deadline.too_long", length=error.length, limit=error.limit))
    with transaction(ctx.factory) as session:
        change = deadlines.add(
            session,
            number=command.number,
            due=command.due,
            text=text,
            user=ctx.person,
            admins=ctx.settings.admins,
            today=ctx.today,
            now=ctx.now,
        )
    if change.outcome is Outcome.NO_MEASURE:
        return say(phrase("nosuch.title", requested=command.number))
    return say(_outcome(change, command.due) or _done(change, "command.deadline.added"))


def move_deadline(command: MoveDeadline, ctx: CommandContext) -> Document:
    with transaction(ctx.factory) as session:
        change = deadlines.move(
            session,
            milestone_id=command.milestone_id,
            due=command.due,
            user=ctx.person,
            admins=ctx.settings.admins,
            today=ctx.today,
        )
    refusal = _outcome(change, command.due, command.milestone_id)
    if refusal is not None:
        return say(refusal)
    assert change.previous_due is not None  # only dated milestones can be moved
    return say(_done(change, "command.deadline.moved", previous=change.previous_due))


def remove_deadline(command: RemoveDeadline, ctx: CommandContext) -> Document:
    with transaction(ctx.factory) as session:
        change = deadlines.remove(
            session,
            milestone_id=command.milestone_id,
            user=ctx.person,
            admins=ctx.settings.admins,
            now=ctx.now,
        )
    refusal = _outcome(change, None, command.milestone_id)
    return say(refusal or _done(change, "command.deadline.removed"))


def _outcome(change: Change, due: date | None, milestone_id: int = 0) -> Phrase | None:
    """Why nothing changed, or None when it did."""
    if change.outcome is Outcome.NO_MILESTONE:
        return phrase("command.deadline.unknown", id=milestone_id)
    if change.outcome is Outcome.REFUSED:
        assert change.number is not None  # refused on a measure that exists
        return phrase("command.deadline.refused", number=change.number)
    if change.outcome is Outcome.PAST:
        assert due is not None  # removing has no date to be in the past
        return phrase("command.deadline.past", due=due)
    return None


def _done(change: Change, key: str, previous: date | None = None) -> Phrase:
    deadline = change.deadline
    assert deadline is not None  # every DONE change names its milestone
    values: dict[str, Value] = {
        "id": deadline.id,
        "number": deadline.number,
        "due": deadline.due,
        "text": _text(deadline),
    }
    if previous is not None:
        values["previous"] = previous
    return phrase(key, **values)


def _line(deadline: Deadline) -> Phrase:
    if deadline.origin == deadlines.CHAT and deadline.created_by:
        by = phrase("command.deadline.added_by", who=Person(deadline.created_by))
        return phrase(
            "command.deadline.line_by",
            id=deadline.id,
            due=deadline.due,
            text=_text(deadline),
            by=by,
        )
    return phrase("command.deadline.line", id=deadline.id, due=deadline.due, text=_text(deadline))


def _text(deadline: Deadline) -> str:
    text = deadline.text
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1].rstrip() + "…"
