"""The ``/seuranta`` slash command: questions and subcommands.

A report has a listener of its own, matched first: it alone has work after the acknowledgement
(the files), and a lazy listener on the general one would copy every command's request for it.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import later
from bot.slack.listeners.commands.report import asks_for_report, send_report
from bot.slack.listeners.commands.seuranta import COMMAND, seuranta_command


def register(app: App) -> None:
    app.command(COMMAND, matchers=[asks_for_report])(
        ack=seuranta_command, lazy=[later(send_report)]
    )
    app.command(COMMAND)(seuranta_command)
