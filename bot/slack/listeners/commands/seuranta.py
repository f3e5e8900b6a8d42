"""``/seuranta <question>``: the answer, visible only to the asker, with a button to share it.

The answer is the acknowledgement itself (Slack shows a slash command's HTTP response to the
asker only), so it arrives in one round trip and needs no ``response_url``. Answering takes
milliseconds, well inside Slack's three seconds.
"""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.answers import HelpAnswer
from bot.slack.deadline import deadline_reply
from bot.slack.failures import failures_reply
from bot.slack.language import language_for
from bot.slack.listeners.commands.directory import directory_reply
from bot.slack.mrkdwn import Block
from bot.slack.pause import pause_reply
from bot.slack.report import post_report
from bot.slack.rounds import round_reply
from bot.slack.services import Services
from bot.slack.status_report import status_reply
from bot.slack.subcommands import (
    AddDeadline,
    Ask,
    ListDeadlines,
    ListFailures,
    MoveDeadline,
    Pause,
    RemoveDeadline,
    Report,
    ReportStatus,
    RoundCommand,
    StartRound,
    parse_subcommand,
)
from seuranta.i18n import message

COMMAND = "/seuranta"
SHARE_ACTION = "share_answer"


def seuranta_command(
    ack: Ack, respond: Respond, command: dict[str, Any], client: WebClient, services: Services
) -> None:
    user_id = command["user_id"]
    subcommand = parse_subcommand(command["text"])
    if isinstance(subcommand, Report):
        lang = subcommand.lang or language_for(services, client, user_id)
        # Drawing and uploading take about a second: acknowledge first, report the outcome after.
        ack(text=message("command.report.preparing", lang), response_type="ephemeral")
        outcome = post_report(services, client, command["channel_id"], user_id, lang)
        respond(text=outcome, response_type="ephemeral", replace_original=False)
        return
    if isinstance(subcommand, Pause):
        lang = language_for(services, client, user_id)
        ack(text=pause_reply(services, user_id, subcommand, lang), response_type="ephemeral")
        return
    if isinstance(subcommand, ListDeadlines | AddDeadline | MoveDeadline | RemoveDeadline):
        lang = language_for(services, client, user_id)
        text = deadline_reply(services, client, user_id, subcommand, lang)
        ack(text=text, response_type="ephemeral")
        return
    if isinstance(subcommand, ListFailures):
        lang = language_for(services, client, user_id)
        ack(text=failures_reply(services, user_id, lang), response_type="ephemeral")
        return
    if isinstance(subcommand, StartRound | RoundCommand):
        lang = language_for(services, client, user_id)
        ack(text=round_reply(services, user_id, subcommand, lang), response_type="ephemeral")
        return
    if isinstance(subcommand, ReportStatus):
        lang = language_for(services, client, user_id)
        ack(
            text=status_reply(services, client, user_id, subcommand, lang),
            response_type="ephemeral",
        )
        return
    if not isinstance(subcommand, Ask):
        lang = language_for(services, client, user_id)
        ack(text=directory_reply(subcommand, user_id, lang, services), response_type="ephemeral")
        return
    lang = language_for(services, client, user_id, subcommand.question)
    answer = services.ask(subcommand.question, lang)
    reply = services.render(answer)
    blocks = reply.blocks
    if not isinstance(answer, HelpAnswer):
        blocks = [*blocks, share_button(subcommand.question, answer.lang)]
    ack(text=reply.text, blocks=blocks, response_type="ephemeral")


def share_button(question: str, lang: str) -> Block:
    """The question rides in the button, so sharing re-asks it: no answer is stored anywhere."""
    value = json.dumps({"q": question, "l": lang}, ensure_ascii=False)
    return {
        "type": "actions",
        "block_id": "share",
        "elements": [
            {
                "type": "button",
                "action_id": SHARE_ACTION,
                "text": {"type": "plain_text", "text": message("slack.share", lang)},
                "value": value,
            }
        ],
    }
