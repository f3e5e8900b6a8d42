"""The one place unexpected errors go: log with the request id, tell the person, answer Slack.

Listeners do not catch broad exceptions; Bolt hands whatever escapes them (or the middleware)
here. The traceback goes to the log, never into an HTTP response. Only a request known to come
from Slack (signed, or over Socket Mode's authenticated WebSocket) gets an apology: the body of
any other names a channel an attacker chose. The reference shown is our own request id, never a
header a client sent.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.services import Services
from bot.slack.signature import VERIFIED
from seuranta import logs
from seuranta.i18n import message

logger = logging.getLogger(__name__)


def handle_error(
    error: Exception,
    body: dict[str, Any],
    context: BoltContext,
    request: BoltRequest,
    response: BoltResponse | None,
    client: WebClient,
    respond: Respond | None,
) -> BoltResponse | None:
    ref = context.get("request_id") or logs.request_id()
    logger.error("request failed", exc_info=error, extra=logs.fields(request_id=ref))
    if not (request.mode == "socket_mode" or context.get(VERIFIED) is True):
        return BoltResponse(status=401, body={"error": "invalid request"}) if response else None
    services: Services | None = context.get("services")
    apology = message("slack.error", services.settings.language if services else "en", ref=ref)
    # Bolt copies a returned response into the current one, and insists there is one: a
    # response of None means Slack has been answered already.
    if body.get("type") == "event_callback":
        _tell_in_conversation(client, body.get("event"), apology)
        # Without this Slack would redeliver the event and the person could get two apologies.
        no_retry: dict[str, str | Sequence[str]] = {"x-slack-no-retry": "1"}
        return BoltResponse(status=500, body="", headers=no_retry) if response else None
    if response is not None:  # not acknowledged yet: the apology is the acknowledgement
        return BoltResponse(status=200, body={"response_type": "ephemeral", "text": apology})
    if respond is not None and respond.response_url:
        respond(text=apology, response_type="ephemeral", replace_original=False)
    return None


def _tell_in_conversation(client: WebClient, event: Any, text: str) -> None:
    """Say sorry where the question was asked: a mention's thread, or the direct message."""
    if not isinstance(event, dict) or event.get("type") not in ("app_mention", "message"):
        return
    if not event.get("channel"):
        return
    try:
        client.chat_postMessage(
            channel=event["channel"], thread_ts=event.get("thread_ts") or event.get("ts"), text=text
        )
    except SlackApiError as failure:
        logger.warning("could not tell the user about the error: %s", failure)
