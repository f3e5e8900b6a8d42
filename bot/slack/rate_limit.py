"""Global middleware: at most ``SEURANTA_RATE_LIMIT`` questions and commands a person a minute.

What counts is what makes the bot work and post: slash commands, mentions and direct messages.
A refused slash command is answered with an ephemeral "slow down" (only the person sees it); a
refused mention or direct message is acknowledged and the "slow down" posted where it was asked.
Only the first refusal in a window says anything (:mod:`bot.rate_limit`), so a flood gets at
most one reply a minute; the rest are acknowledged in silence.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.language import preferred_language
from bot.rate_limit import RateLimiter, Verdict
from bot.slack.people import slack_locale
from bot.slack.services import Services
from seuranta import logs
from seuranta.i18n import message

logger = logging.getLogger(__name__)

Next = Callable[[], BoltResponse]


def limit_rate(
    limiter: RateLimiter, clock: Callable[[], float] = time.monotonic
) -> Callable[..., BoltResponse]:
    def limit_rate(
        body: dict[str, Any], context: BoltContext, client: WebClient, next_: Next
    ) -> BoltResponse:
        person = asker(body)
        if person is None:
            return next_()
        verdict = limiter.check(person, clock())
        if verdict is Verdict.ALLOW:
            return next_()
        logger.info(
            "rate limited",
            extra=logs.fields(
                user=person,
                told=verdict is Verdict.REFUSE_AND_TELL,
                request_id=context.get("request_id"),
            ),
        )
        if verdict is Verdict.REFUSE:
            return BoltResponse(status=200, body="")
        services: Services = context["services"]
        asked = body.get("text") if "command" in body else body["event"].get("text")
        locale = slack_locale(services, client, person)
        lang = preferred_language(str(asked or ""), locale, None, services.settings.language)
        text = message("command.slow_down", lang, limit=limiter.limit)
        if "command" in body:
            return BoltResponse(status=200, body={"response_type": "ephemeral", "text": text})
        _tell(client, body["event"], text)
        return BoltResponse(status=200, body="")

    return limit_rate


def asker(body: dict[str, Any]) -> str | None:
    """Who is asking, for a request that counts; None for every other request."""
    if "command" in body:
        user = body.get("user_id")
        return user if isinstance(user, str) else None
    event = body.get("event") if body.get("type") == "event_callback" else None
    if not isinstance(event, dict) or event.get("subtype") or event.get("bot_id"):
        return None
    counted = event.get("type") == "app_mention" or (
        event.get("type") == "message" and event.get("channel_type") == "im"
    )
    user = event.get("user")
    return user if counted and isinstance(user, str) else None


def _tell(client: WebClient, event: dict[str, Any], text: str) -> None:
    """In the mention's thread, or in the direct message (its thread, if it was in one).

    Posted before the event is acknowledged: one Web API call, at most once a minute a person.
    """
    channel = event.get("channel")
    if not isinstance(channel, str):
        return
    thread = event.get("thread_ts") or (event.get("ts") if event["type"] == "app_mention" else None)
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread, text=text)
    except SlackApiError as failure:
        logger.warning("could not ask %s to slow down: %s", event.get("user"), failure)
