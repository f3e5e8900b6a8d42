"""Modal submissions (``app.view``). The bot opens no modals yet; this is where they register."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.actions.status_buttons import MODAL_CALLBACK
from bot.slack.listeners.views.status_modal import submit_status


def register(app: App) -> None:
    app.view(MODAL_CALLBACK)(submit_status)
