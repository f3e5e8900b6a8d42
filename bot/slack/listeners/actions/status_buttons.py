"""The reminder's buttons: On track / At risk / Delayed / Done store a status; "Add a note" opens
the status modal. Acknowledged first: Slack shows an error if a click is not acked in 3 s.
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.document import REPORTABLE_STATES
from bot.slack.services import Services
from bot.slack.status_actions import state_of, target_of_value
from bot.slack.status_report import store
from data.models import Measure
from jobs.notices.reading import language_for_user
from seuranta.i18n import message, state_label
from seuranta.text import NOTE_LIMIT

MODAL_CALLBACK = "seuranta_status_modal"


def status_button(
    ack: Ack, action: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    ack()
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
    ack: Ack, action: dict[str, Any], body: dict[str, Any], client: WebClient, services: Services
) -> None:
    ack()
    target = target_of_value(action["value"])
    user = body["user"]["id"]
    lang = language_for_user(services.factory, user, services.settings.language)
    with services.factory() as session:
        measure = session.get(Measure, target.measure_id)
        assert measure is not None
        number = measure.number
    container = body.get("container") or {}
    metadata = {
        "value": action["value"],
        "channel": container.get("channel_id"),
        "ts": container.get("message_ts"),
    }
    client.views_open(trigger_id=body["trigger_id"], view=status_modal(number, lang, metadata))


def status_modal(number: str, lang: str, metadata: dict[str, Any]) -> dict[str, Any]:
    options = [
        {
            "text": {"type": "plain_text", "text": state_label(state.value, lang)},
            "value": state.value,
        }
        for state in REPORTABLE_STATES
    ]
    return {
        "type": "modal",
        "callback_id": MODAL_CALLBACK,
        "private_metadata": json.dumps(metadata),
        "title": {
            "type": "plain_text",
            "text": message("status.modal_title", lang, number=number)[:24],
        },
        "submit": {"type": "plain_text", "text": message("status.modal_save", lang)},
        "blocks": [
            {
                "type": "input",
                "block_id": "state",
                "label": {"type": "plain_text", "text": message("status.modal_state", lang)},
                "element": {"type": "static_select", "action_id": "state", "options": options},
            },
            {
                "type": "input",
                "block_id": "note",
                "optional": True,
                "label": {"type": "plain_text", "text": message("status.modal_note", lang)},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "note",
                    "multiline": True,
                    # Slack's client stops typing here; the submission is checked all the same.
                    "max_length": NOTE_LIMIT,
                },
            },
        ],
    }
