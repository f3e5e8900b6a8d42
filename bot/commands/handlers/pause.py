"""``pause until DATE``: no reminders for this person before that day."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.parse import Pause
from bot.commands.results import say
from bot.document import Document, phrase
from data import directory
from data.db import transaction


def pause(command: Pause, ctx: CommandContext) -> Document:
    if command.until <= ctx.today:
        return say(phrase("command.pause.past", until=command.until))
    with transaction(ctx.factory) as session:
        directory.pause(session, ctx.person, command.until, ctx.now)
    return say(phrase("command.pause.done", until=command.until))
