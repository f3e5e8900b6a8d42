"""Phrases in mrkdwn, and a command's reply as one ephemeral text."""

from __future__ import annotations

import pytest

from bot.document import Channel, Document, Heading, Item, Lines, Note, Person, Target, phrase
from bot.render.phrase import render
from bot.slack.markup import MARKUP, as_mrkdwn

TEAMS_PERSON = "teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"


def test_slack_people_and_channels_are_mentioned_and_others_are_named() -> None:
    assert MARKUP.mention(Person("U012AB3CD", "Anna")) == "<@U012AB3CD>"
    assert MARKUP.mention(Person(TEAMS_PERSON, "Pekka <Teams>")) == "@Pekka &lt;Teams&gt;"
    assert MARKUP.mention(Person(TEAMS_PERSON)) == f"@{TEAMS_PERSON}"
    assert MARKUP.channel(Channel("C0COORD")) == "<#C0COORD>"
    assert MARKUP.channel(Channel("teams:19:abc@thread.tacv2")) == "#teams:19:abc@thread.tacv2"


def test_values_are_escaped_and_the_command_is_the_slash_command() -> None:
    usage = render(phrase("command.iam.usage"), "fi", MARKUP)
    org = render(phrase("command.org.unknown", text="<!channel> & *x*"), "en", MARKUP)

    assert usage == "Kerro, ketä edustat: `/seuranta iam SUPO`"
    assert org.startswith("“&lt;!channel&gt; &amp; *x*” is not an organisation")


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
