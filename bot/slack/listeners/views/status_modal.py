"""The "Add a note" modal's submission: a state and a note, stored like a button click.

The note is checked before the modal closes: one over the length limit stays in the open modal
with the reason under the field (``response_action: errors``), so nothing typed is lost.
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.i18n import message
from bot.slack.services import Services
from bot.slack.status_report import Target, store
from data.models import State
from jobs import messages
from seuranta.text import TooLong, bounded


def submit_status(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    values = view["state"]["values"]
    user = body["user"]["id"]
    # A modal's input comes as typed: no Slack escaping or markup to decode.
    typed = values.get("note", {}).get("note", {}).get("value") or ""
    try:
        note = bounded(typed)
    except TooLong as error:
        lang = messages.language_for_user(services.factory, user, services.settings.language)
        text = message("status.too_long", lang, length=error.length, limit=error.limit)
        ack(response_action="errors", errors={"note": text})
        return
    ack()  # closes the modal at once; storing happens after
    metadata = json.loads(view.get("private_metadata") or "{}")
    selected = values["state"]["state"].get("selected_option") or {}
    store(
        services,
        client,
        target=Target.from_value(metadata["value"]),
        user=user,
        state=State(selected["value"]) if selected else None,
        note=note,
        source="modal",
        channel=metadata.get("channel"),
        ts=metadata.get("ts"),
    )
