"""A command's reply (:class:`~bot.document.Document`) as the text of an ephemeral message.

Slack shows a slash command's reply to the asker only, as mrkdwn: each block's lines, a heading
in bold, a list with bullets. Notices, with their buttons and menus, are Block Kit instead
(:mod:`bot.slack.render.document`).
"""

from __future__ import annotations

from bot.document import Document, Heading, Lines, Note
from bot.render.phrase import render
from bot.slack.render.markup import MRKDWN


def as_mrkdwn(document: Document, lang: str) -> str:
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append(f"*{render(block.text, lang, MRKDWN)}*")
        elif isinstance(block, Lines):
            bullet = "• " if block.bulleted else ""
            lines += [bullet + render(line, lang, MRKDWN) for line in block.lines]
        elif isinstance(block, Note):
            lines.append(render(block.text, lang, MRKDWN))
        else:  # an item or status buttons: a notice's, rendered as Block Kit
            raise TypeError(f"a command's reply has no {type(block).__name__}")
    return "\n".join(lines)
