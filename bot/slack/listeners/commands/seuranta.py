"""``/seuranta …``: a question or a subcommand, answered within the acknowledgement.

Slack shows a slash command's HTTP response to the asker only, so the reply is the
acknowledgement itself: one round trip, no ``response_url``. The app runs Bolt with
``process_before_response=True`` (:mod:`bot.slack.app`), so this function runs in the request's
own thread and its ``ack()`` is the response: no hand-off to another thread and back. Answering
takes milliseconds, well inside Slack's three seconds; only the report's files come after
(:mod:`bot.slack.listeners.commands.report`).

- a question: the answer as Block Kit, with a button to share it in the channel;
- a subcommand: its reply (:mod:`bot.commands`) as mrkdwn.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.answers import HelpAnswer
from bot.commands.context import CommandContext
from bot.commands.handlers import handle
from bot.commands.parse import Ask, parse_command, question_text
from bot.commands.results import ReportFiles
from bot.document import Document
from bot.language import preferred_language
from bot.slack.people import slack_locale
from bot.slack.render.markup import MRKDWN
from bot.slack.render.reply import as_mrkdwn
from bot.slack.services import Services
from bot.slack.share import share_button
from bot.slack.user_text import SlackNames, words
from seuranta.i18n import message
from seuranta.identity import Platform

COMMAND = MRKDWN.command  # "/seuranta", as manifest.yml declares it


def seuranta_command(
    ack: Ack, command: dict[str, Any], client: WebClient, services: Services
) -> None:
    user_id = command["user_id"]
    locale = slack_locale(services, client, user_id)  # users.info, once per person
    text, labels = words(command["text"])
    parsed = parse_command(text, SlackNames(services, client, labels))
    lang = preferred_language(question_text(parsed), locale, None, services.settings.language)
    context = CommandContext(
        person=user_id,
        lang=lang,
        now=services.now(),
        factory=services.factory,
        settings=services.settings,
        engine=services.engine,
        platform=Platform.SLACK,
    )
    result = handle(parsed, context)
    if isinstance(result, Document):
        ack(text=as_mrkdwn(result, lang), response_type="ephemeral")
    elif isinstance(result, ReportFiles):
        # The files follow from the lazy listener (send_report), which tells the outcome.
        ack(text=message("command.report.preparing", result.lang), response_type="ephemeral")
    else:
        reply = services.render(result)
        blocks = reply.blocks
        if isinstance(parsed, Ask) and not isinstance(result, HelpAnswer):
            blocks = [*blocks, share_button(parsed.question, result.lang)]
        ack(text=reply.text, blocks=blocks, response_type="ephemeral")
