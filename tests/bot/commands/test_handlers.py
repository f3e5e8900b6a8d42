"""Every command has exactly one handler, found by its type."""

from __future__ import annotations

from typing import get_args

from bot.commands.handlers import HANDLERS, handle
from bot.commands.parse import Command, ListRounds, Usage
from tests.support.documents import shown
from tests.support.people import STRANGER, Context


def test_every_command_type_has_a_handler_and_nothing_else_does() -> None:
    assert set(HANDLERS) == set(get_args(Command))


def test_a_command_goes_to_its_handler(context: Context) -> None:
    ctx = context(STRANGER, lang="sv")

    assert shown(handle(Usage("command.iam.usage"), ctx), "sv") == [  # type: ignore[arg-type]
        "Berätta vem du representerar: /seuranta iam SUPO"
    ]
    assert shown(handle(ListRounds(), ctx), "sv")[0].startswith(  # type: ignore[arg-type]
        "Det finns inga rapporteringsomgångar."
    )
