"""The "Add a note" modal's submission: a state and a note, stored like a button click.

The note is checked before the modal closes (:func:`check_status`, the acknowledgement): one
over the length limit stays in the open modal with the reason under the field
(``response_action: errors``), so nothing typed is lost. Storing and updating the reminder
follow (:func:`store_status`, lazy).

The modal is ours, so its fields are too; a submission without them (a signed request someone
made by hand) is acknowledged and logged, never an exception.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.document import Target
from bot.language import preferred_language
from bot.slack.people import known_locale
from bot.slack.services import Services
from bot.slack.status_actions import target_of_value
from bot.slack.status_report import store
from data.models import State
from seuranta import logs
from seuranta.i18n import message
from seuranta.text import TooLong, bounded

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Submission:
    target: Target
    state: State | None
    note: str
    channel: str | None
    ts: str | None


def check_status(ack: Ack, body: dict[str, Any], view: dict[str, Any], services: Services) -> None:
    user = body["user"]["id"]
    submission = _read(view)
    if submission is None:
        ack()
        logger.warning("status modal submission without its fields", extra=logs.fields(user=user))
        return
    try:
        # A modal's input comes as typed: no Slack escaping or markup to decode.
        bounded(submission.note)
    except TooLong as error:
        lang = preferred_language(
            "", known_locale(services, user), None, services.settings.language
        )
        text = message("status.too_long", lang, length=error.length, limit=error.limit)
        ack(response_action="errors", errors={"note": text})
        return
    ack()  # closes the modal at once; storing follows


def store_status(
    body: dict[str, Any], view: dict[str, Any], client: WebClient, services: Services
) -> None:
    submission = _read(view)
    if submission is None:
        return  # acknowledged and logged by check_status
    try:
        note = bounded(submission.note)
    except TooLong:
        return  # the modal is still open, showing why
    store(
        services,
        client,
        target=submission.target,
        user=body["user"]["id"],
        state=submission.state,
        note=note,
        source="modal",
        channel=submission.channel,
        ts=submission.ts,
    )


def _read(view: dict[str, Any]) -> _Submission | None:
    try:
        values = view["state"]["values"]
        metadata = json.loads(view.get("private_metadata") or "{}")
        selected = values["state"]["state"].get("selected_option") or {}
        note = ((values.get("note") or {}).get("note") or {}).get("value") or ""
        channel, ts = metadata.get("channel"), metadata.get("ts")
        return _Submission(
            target=target_of_value(metadata["value"]),
            state=State(selected["value"]) if selected else None,
            note=str(note),
            channel=channel if isinstance(channel, str) else None,
            ts=ts if isinstance(ts, str) else None,
        )
    except (KeyError, TypeError, ValueError, AttributeError):  # not the modal we opened
        return None
