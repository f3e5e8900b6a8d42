"""Status menus in messages listing several measures or milestones (a round's request, a
person's bundled reminders): picking a state stores it; "Add a note…" opens the modal.

Each item is a section whose block id names the reminder, the measure and the milestone, so
one menu action serves every item of every such message.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from bot.language import preferred_language
from bot.slack.modal import status_modal
from bot.slack.people import known_locale
from bot.slack.services import Services
from bot.slack.status_actions import NOTE_OPTION, button_value, picked_state, target_of_pick
from bot.slack.status_report import store
from data.models import Measure


def status_pick(
    action: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    target = target_of_pick(action["block_id"])
    picked = (action.get("selected_option") or {}).get("value")
    user = body["user"]["id"]
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id")
    ts = container.get("message_ts")
    if picked == NOTE_OPTION:
        lang = preferred_language(
            "", known_locale(services, user), None, services.settings.language
        )
        with services.factory() as session:
            measure = session.get(Measure, target.measure_id)
            number = measure.number if measure else "?"
        view = status_modal(number, lang, button_value(target), channel, ts)
        client.views_open(trigger_id=body["trigger_id"], view=view)
        return
    state = picked_state(picked)
    if state is None:
        return  # not one of our options: nothing to store
    store(
        services,
        client,
        target=target,
        user=user,
        state=state,
        note="",
        source="menu",
        channel=channel,
        ts=ts,
    )
