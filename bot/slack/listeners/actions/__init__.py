"""Buttons and menus: sharing an answer, a reminder's status buttons, a round's menus.

Each click is acknowledged at once (Slack shows an error if it is not within 3 s) and handled by
a lazy listener (:mod:`bot.slack.lazy`).
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import acknowledge, later
from bot.slack.listeners.actions.share import share_answer
from bot.slack.listeners.actions.status_buttons import note_button, status_button
from bot.slack.listeners.actions.status_menu import status_pick
from bot.slack.share import SHARE_ACTION
from bot.slack.status_actions import NOTE_ACTION, PICK_ACTION, STATUS_ACTIONS


def register(app: App) -> None:
    app.action(SHARE_ACTION)(ack=acknowledge, lazy=[later(share_answer)])
    for action_id in STATUS_ACTIONS:
        app.action(action_id)(ack=acknowledge, lazy=[later(status_button)])
    app.action(NOTE_ACTION)(ack=acknowledge, lazy=[later(note_button)])
    app.action(PICK_ACTION)(ack=acknowledge, lazy=[later(status_pick)])
