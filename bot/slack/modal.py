"""The "Add a note" modal: its callback id and its view, opened from a reminder's button or a
round's menu and submitted to :mod:`bot.slack.listeners.views.status_modal`.

The modal carries what the note is about in its ``private_metadata``: the status target's value
(as the buttons carry it) and the message it came from, so the reminder can be updated after.
"""

from __future__ import annotations

import json
from typing import Any

from bot.document import REPORTABLE_STATES
from seuranta.i18n import message, state_label
from seuranta.text import NOTE_LIMIT

MODAL_CALLBACK = "seuranta_status_modal"


def status_modal(
    number: str, lang: str, value: str, channel: str | None, ts: str | None
) -> dict[str, Any]:
    options = [
        {
            "text": {"type": "plain_text", "text": state_label(state.value, lang)},
            "value": state.value,
        }
        for state in REPORTABLE_STATES
    ]
    metadata = {"value": value, "channel": channel, "ts": ts}
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
