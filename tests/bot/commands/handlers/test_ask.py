"""A question and ``help`` are answered by the engine, in the context's language."""

from __future__ import annotations

from bot.answers import HelpAnswer, HelpReason, OwnersAnswer
from bot.commands.handlers.ask import ask, help_
from bot.commands.parse import Ask, Help
from tests.support.people import STRANGER, Context


def test_a_question_gets_the_engines_answer(context: Context) -> None:
    answer = ask(Ask("who owns 2.7?"), context(STRANGER, lang="en"))

    assert isinstance(answer, OwnersAnswer)
    assert answer.lang == "en"
    assert answer.measure.number == "2.7"


def test_help_is_the_engines_help(context: Context) -> None:
    assert help_(Help("apua"), context(STRANGER, lang="fi")) == HelpAnswer("fi", HelpReason.ASKED)
