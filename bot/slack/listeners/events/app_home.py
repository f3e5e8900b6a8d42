"""The App Home tab, published afresh each time the person opens it."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from bot.language import preferred_language
from bot.slack.home import load_home, render_home
from bot.slack.people import slack_locale
from bot.slack.services import Services


def publish_home(event: dict[str, Any], client: WebClient, services: Services) -> None:
    if event.get("tab") != "home":  # the event fires for the Messages tab as well
        return
    user_id = event["user"]
    locale = slack_locale(services, client, user_id)
    lang = preferred_language("", locale, None, services.settings.language)
    client.views_publish(user_id=user_id, view=render_home(load_home(services, user_id, lang)))
