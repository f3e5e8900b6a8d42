"""Slack behind :class:`jobs.port.MessagePort`: Block Kit out, Slack's error codes in as what
they mean for delivery.

Its client must have no automatic retry handlers (:func:`bot.slack.client.web_client` with
``retries=False``): the sender does the retrying, and counts every attempt.
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackObjectFormationError

from bot.document import Document
from bot.slack.client import NETWORK_ERRORS
from bot.slack.render.document import render_document
from jobs.port import PermanentError, Posted, RateLimited, TransientError
from seuranta.identity import Platform

# Error codes Slack documents as "try again"; every other code is the caller's to fix.
TRANSIENT_CODES = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)


class SlackPort:
    platform = Platform.SLACK

    def __init__(self, client: WebClient, channel_interval: float = 1.0) -> None:
        if client.retry_handlers:
            raise ValueError("the outbox's Slack client must not repeat posts by itself")
        self.client = client
        # chat.postMessage: about one message per second per channel.
        self.channel_interval = channel_interval

    def post(
        self,
        destination: str,
        document: Document,
        lang: str,
        thread_of: Posted | None = None,
    ) -> Posted:
        try:
            message = render_document(document, lang)
        except SlackObjectFormationError as error:
            # Slack would refuse it the same way; what admins are told to fix for it.
            raise PermanentError("invalid_blocks") from error
        try:
            response = self.client.chat_postMessage(
                # A person's user id opens the DM; a reply goes where its parent went.
                channel=thread_of.channel if thread_of else destination,
                thread_ts=thread_of.ts if thread_of else None,
                text=message.text,
                blocks=message.blocks or None,
                unfurl_links=False,
            )
        except SlackApiError as error:
            raise _meaning(error) from error
        except NETWORK_ERRORS as error:
            raise TransientError(f"network: {error}") from error
        return Posted(str(response["channel"]), str(response["ts"]))


def _meaning(error: SlackApiError) -> Exception:
    response = error.response
    code = str(response.get("error") or "") if isinstance(response.data, dict) else ""
    if response.status_code == 429 or code == "ratelimited":
        return RateLimited(_retry_after(response.headers))
    if response.status_code >= 500 or code in TRANSIENT_CODES:
        return TransientError(code or f"HTTP {response.status_code}")
    return PermanentError(code or f"HTTP {response.status_code}")


def _retry_after(headers: dict[str, object]) -> float:
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(str(raw)), 0.0)
            except ValueError:
                break
    return 1.0  # Slack always sends the header; one second is its smallest window anyway
