""" "Share in channel" under a question's private answer: the button and what it carries.

The question rides in the button, so sharing re-asks it: no answer is stored anywhere.
"""

from __future__ import annotations

import json

from bot.slack.mrkdwn import Block
from seuranta.i18n import message
from seuranta.settings import LANGUAGES

SHARE_ACTION = "share_answer"


def share_button(question: str, lang: str) -> Block:
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


def shared_question(value: str, default_lang: str) -> tuple[str, str]:
    """The question and its language back from a share button's value."""
    shared = json.loads(value)
    lang = shared["l"] if shared.get("l") in LANGUAGES else default_lang
    return str(shared["q"]), lang
