"""A question, and ``help``: the answer engine's answers, for the adapter to render."""

from __future__ import annotations

from bot.answers import Answer
from bot.commands.context import CommandContext
from bot.commands.parse import Ask, Help


def ask(command: Ask, ctx: CommandContext) -> Answer:
    return ctx.engine.ask(command.question, now=ctx.now, lang=ctx.lang)


def help_(command: Help, ctx: CommandContext) -> Answer:
    """The engine's help: example questions and the subcommands, or, before any programme has
    been imported, that there is nothing to ask about yet."""
    return ctx.engine.ask(command.word, now=ctx.now, lang=ctx.lang)
