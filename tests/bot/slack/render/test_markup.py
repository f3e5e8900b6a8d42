"""Phrases in mrkdwn: people and channels by Slack's own markup, values escaped."""

from __future__ import annotations

from bot.document import Channel, Person, phrase
from bot.render.phrase import render
from bot.slack.render.markup import MRKDWN

TEAMS_PERSON = "teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"


def test_slack_people_and_channels_are_mentioned_and_others_are_named() -> None:
    assert MRKDWN.mention(Person("U012AB3CD", "Anna")) == "<@U012AB3CD>"
    assert MRKDWN.mention(Person(TEAMS_PERSON, "Pekka <Teams>")) == "Pekka &lt;Teams&gt;"
    assert MRKDWN.channel(Channel("C0COORD")) == "<#C0COORD>"
    assert MRKDWN.channel(Channel("teams:19:abc@thread.tacv2")) == "#teams:19:abc@thread.tacv2"


def test_values_are_escaped_and_the_command_is_the_slash_command() -> None:
    usage = render(phrase("command.iam.usage"), "fi", MRKDWN)
    org = render(phrase("command.org.unknown", text="<!channel> & *x*"), "en", MRKDWN)

    assert usage == "Kerro, ketä edustat: `/seuranta iam SUPO`"
    assert org.startswith("“&lt;!channel&gt; &amp; *x*” is not an organisation")
