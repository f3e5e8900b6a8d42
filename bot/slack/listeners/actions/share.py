""" "Share in channel": post the asker's private answer for everyone, then remove the private one.

Both go through the interaction's ``response_url``, which may post where the command was used
even when the bot is not a member of that channel (a private channel, a group DM).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Respond

from bot.slack.mrkdwn import context, escape
from bot.slack.services import Services
from bot.slack.share import shared_question
from seuranta.i18n import message


def share_answer(
    action: dict[str, Any], body: dict[str, Any], respond: Respond, services: Services
) -> None:
    question, lang = shared_question(action["value"], services.settings.language)
    reply = services.render(services.ask(question, lang))
    user = f"<@{body['user']['id']}>"
    asked = message("slack.shared_by", lang, user=user, question=escape(question))
    respond(
        text=reply.text,
        blocks=[context(asked), *reply.blocks],
        response_type="in_channel",
        replace_original=False,
    )
    respond(delete_original=True)
