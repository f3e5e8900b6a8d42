"""Buttons and menus: sharing an answer, a reminder's status buttons, a round's menus."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.actions.share import share_answer
from bot.slack.listeners.actions.status_buttons import note_button, status_button
from bot.slack.listeners.actions.status_menu import status_pick
from bot.slack.listeners.commands.seuranta import SHARE_ACTION
from jobs.messages import BUTTON_STATES, NOTE_ACTION, PICK_ACTION, STATUS_ACTION_PREFIX


def register(app: App) -> None:
    app.action(SHARE_ACTION)(share_answer)
    for state in BUTTON_STATES:
        app.action(f"{STATUS_ACTION_PREFIX}{state.value}")(status_button)
    app.action(NOTE_ACTION)(note_button)
    app.action(PICK_ACTION)(status_pick)
