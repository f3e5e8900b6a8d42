"""Phrases in Slack's mrkdwn, and a command's reply as the text of an ephemeral message.

The catalogue's neutral markup (``*bold*``, ``_italic_``, `` `code` ``) is mrkdwn already. Values
are escaped (:func:`bot.slack.mrkdwn.escape`), so a note reading ``<!channel>`` is shown, never
obeyed; a Slack person is mentioned by id, so Slack shows their current name.
"""

from __future__ import annotations

from bot.document import Channel, Document, Heading, Lines, Note, Person
from bot.render.phrase import render
from bot.slack.mrkdwn import escape
from seuranta.identity import Platform, platform_of

COMMAND = "/seuranta"  # the slash command, as manifest.yml declares it


class SlackMarkup:
    command = COMMAND

    def text(self, value: str) -> str:
        return escape(value)

    def mention(self, person: Person) -> str:
        if platform_of(person.key) is Platform.SLACK:
            return f"<@{escape(person.key)}>"
        return escape("@" + (person.name or person.key))  # someone Slack does not know

    def channel(self, channel: Channel) -> str:
        if platform_of(channel.key) is Platform.SLACK:
            return f"<#{escape(channel.key)}>"
        return escape("#" + channel.key)

    def template(self, raw: str) -> str:
        return raw


MARKUP = SlackMarkup()


def as_mrkdwn(document: Document, lang: str) -> str:
    """A command's reply as one mrkdwn text: each block's lines, a heading in bold."""
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(f"*{render(block.text, lang, MARKUP)}*")
        elif isinstance(block, Lines):
            bullet = "• " if block.bulleted else ""
            lines += [bullet + render(line, lang, MARKUP) for line in block.lines]
        elif isinstance(block, Note):
            lines.append(render(block.text, lang, MARKUP))
        else:  # an Item or status buttons: a notice's, rendered as Block Kit
            raise TypeError(f"a command's reply has no {type(block).__name__}")
    return "\n".join(lines)
