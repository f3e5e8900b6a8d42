"""Modal submissions (``app.view``): the "Add a note" modal that reminders and round menus open."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import later
from bot.slack.listeners.views.status_modal import check_status, store_status
from bot.slack.modal import MODAL_CALLBACK


def register(app: App) -> None:
    app.view(MODAL_CALLBACK)(ack=check_status, lazy=[later(store_status)])
