"""Questions asked by mentioning the bot in a channel, or in a direct message to it."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.language import preferred_language
from bot.slack.mrkdwn import unescape
from bot.slack.people import slack_locale
from bot.slack.services import Services


def answer_mention(
    event: dict[str, Any], context: BoltContext, client: WebClient, services: Services
) -> None:
    """Reply in a thread under the question, so a channel is not filled with answers."""
    if event.get("bot_id") or event.get("subtype"):
        return  # another bot mentioning us: answering could start a loop between bots
    question = _without_mention(event.get("text") or "", context.bot_user_id)
    _reply(event, question, event.get("thread_ts") or event["ts"], client, services)


def answer_direct_message(event: dict[str, Any], client: WebClient, services: Services) -> None:
    # Subtypes are edits, deletions, joins, bot posts, broadcasts …: none is a new question.
    if event.get("channel_type") != "im" or event.get("subtype") or event.get("bot_id"):
        return
    question = unescape(event.get("text") or "")
    _reply(event, question, event.get("thread_ts"), client, services)


def _reply(
    event: dict[str, Any],
    question: str,
    thread_ts: str | None,
    client: WebClient,
    services: Services,
) -> None:
    locale = slack_locale(services, client, event["user"])
    lang = preferred_language(question, locale, None, services.settings.language)
    # A follow-up ("and 2.8?") continues this thread, or this DM, and nothing else.
    place = f"{event['channel']}:{thread_ts}" if thread_ts else event["channel"]
    reply = services.render(services.ask(question, lang, conversation=f"slack:{place}"))
    client.chat_postMessage(
        channel=event["channel"], thread_ts=thread_ts, text=reply.text, blocks=reply.blocks
    )


def _without_mention(text: str, bot_user_id: str | None) -> str:
    if bot_user_id:
        # [^<>]: a stray "<" ends the attempt, so hostile text costs linear time.
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^<>]*)?>", " ", text)
    return unescape(text).strip()
