"""Teams listeners, one module per kind of activity; each has a ``register(app, services)``."""

from __future__ import annotations

from microsoft_teams.apps import App

from bot.teams.listeners import card_actions, installs, messages
from bot.teams.services import Services


def register_listeners(app: App, services: Services) -> None:
    messages.register(app, services)
    card_actions.register(app, services)
    installs.register(app, services)
