"""A subcommand written wrongly: how to write it."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.parse import Usage
from bot.commands.results import say
from bot.document import Document, phrase


def usage(command: Usage, ctx: CommandContext) -> Document:
    return say(phrase(command.message))
