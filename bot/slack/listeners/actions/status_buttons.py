"""The reminder's buttons: On track / At risk / Delayed / Done store a status; "Add a note" opens
the status modal."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from bot.language import preferred_language
from bot.slack.modal import status_modal
from bot.slack.people import known_locale
from bot.slack.services import Services
from bot.slack.status_actions import state_of, target_of_value
from bot.slack.status_report import store
from data.models import Measure


def status_button(
    action: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    state = state_of(action["action_id"])
    container = body.get("container") or {}
    store(
        services,
        client,
        target=target_of_value(action["value"]),
        user=body["user"]["id"],
        state=state,
        note="",
        source="button",
        channel=container.get("channel_id") or (body.get("channel") or {}).get("id"),
        ts=container.get("message_ts"),
    )


def note_button(
    action: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    target = target_of_value(action["value"])
    user = body["user"]["id"]
    lang = preferred_language("", known_locale(services, user), None, services.settings.language)
    with services.factory() as session:
        measure = session.get(Measure, target.measure_id)
        assert measure is not None
        number = measure.number
    container = body.get("container") or {}
    view = status_modal(
        number, lang, action["value"], container.get("channel_id"), container.get("message_ts")
    )
    client.views_open(trigger_id=body["trigger_id"], view=view)
