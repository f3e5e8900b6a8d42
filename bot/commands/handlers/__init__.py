"""One handler per command, found by the command's type.

A handler takes the command and a :class:`~bot.commands.context.CommandContext` and returns a
platform-free :data:`~bot.commands.results.Result`. Adding a command: its type in
:mod:`bot.commands.parse`, its handler in a module here, one line in :data:`HANDLERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.commands import parse
from bot.commands.context import CommandContext
from bot.commands.handlers import (
    ask,
    deadline,
    directory,
    failures,
    pause,
    report,
    rounds,
    status,
    usage,
)
from bot.commands.results import Result

Handler = Callable[[Any, CommandContext], Result]

HANDLERS: dict[type[parse.Command], Handler] = {
    parse.Ask: ask.ask,
    parse.Help: ask.help_,
    parse.Iam: directory.iam,
    parse.AddContact: directory.add_contact,
    parse.RemoveContact: directory.remove_contact,
    parse.ListContacts: directory.list_contacts,
    parse.Report: report.report,
    parse.ReportStatus: status.report_status,
    parse.Pause: pause.pause,
    parse.StartRound: rounds.start_round,
    parse.RoundReport: rounds.round_report,
    parse.CloseRound: rounds.close_round,
    parse.ListRounds: rounds.list_rounds,
    parse.ListDeadlines: deadline.list_deadlines,
    parse.AddDeadline: deadline.add_deadline,
    parse.MoveDeadline: deadline.move_deadline,
    parse.RemoveDeadline: deadline.remove_deadline,
    parse.ListFailures: failures.list_failures,
    parse.Usage: usage.usage,
}


def handle(command: parse.Command, ctx: CommandContext) -> Result:
    return HANDLERS[type(command)](command, ctx)
