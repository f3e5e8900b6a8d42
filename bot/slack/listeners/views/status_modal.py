"""The "Add a note" modal's submission: a state and a note, stored like a button click."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.slack.services import Services
from bot.slack.status_report import Target, store
from data.models import State


def submit_status(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    ack()  # closes the modal at once; storing happens after
    values = view["state"]["values"]
    metadata = json.loads(view.get("private_metadata") or "{}")
    selected = values["state"]["state"].get("selected_option") or {}
    store(
        services,
        client,
        target=Target.from_value(metadata["value"]),
        user=body["user"]["id"],
        state=State(selected["value"]) if selected else None,
        note=values.get("note", {}).get("note", {}).get("value") or "",
        source="modal",
        channel=metadata.get("channel"),
        ts=metadata.get("ts"),
    )
