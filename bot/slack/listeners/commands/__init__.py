"""The ``/seuranta`` slash command: questions and the people directory."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.commands.seuranta import COMMAND, seuranta_command


def register(app: App) -> None:
    app.command(COMMAND)(seuranta_command)
