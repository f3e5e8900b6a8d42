"""A command's reply as one ephemeral mrkdwn text."""

from __future__ import annotations

import pytest

from bot.document import Document, Heading, Item, Lines, Note, Target, phrase
from bot.slack.render.reply import as_mrkdwn


def test_a_reply_is_its_lines_a_heading_in_bold_a_list_bulleted() -> None:
    title = phrase("command.contacts.title")
    reply = Document(
        title,
        (
            Heading(title),
            Lines((phrase("command.contacts.none"), phrase("command.contacts.none")), True),
            Note(phrase("command.failures.none")),
        ),
    )

    assert as_mrkdwn(reply, "en").splitlines() == [
        "*Contacts*",
        "• No contacts have been named yet.",
        "• No contacts have been named yet.",
        "No delivery failures.",
    ]


def test_a_reply_with_status_actions_is_not_a_command_reply() -> None:
    notice = Document(phrase("command.contacts.none"), (Item((), Target(1)),))

    with pytest.raises(TypeError, match="Item"):
        as_mrkdwn(notice, "en")
