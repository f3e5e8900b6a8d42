"""Slack's mrkdwn text and the Block Kit elements built from it, kept inside Slack's limits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from seuranta.text import visible

Block = dict[str, Any]

MAX_BLOCKS = 50  # per message; a Home tab may have 100
MAX_SECTION = 3000
MAX_HEADER = 150
MAX_FIELD = 2000


def escape(text: str) -> str:
    """Make text literal in mrkdwn: ``<!channel>`` or ``<@U1>`` can no longer ping anyone.

    Slack asks for exactly these three; ``@here`` typed as plain words never pings from an app.
    Invisible and bidi control characters go too (text stored before the input policy may hold
    them), so a right-to-left override cannot reorder what follows it in the message.
    """
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack sends user text with ``&``, ``<``, ``>`` escaped; the engine wants the words."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def header(text: str) -> Block:
    return {"type": "header", "text": {"type": "plain_text", "text": shorten(text, MAX_HEADER)}}


def section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": shorten(text, MAX_SECTION)}}


def fields(*pairs: tuple[str, str]) -> Block:
    """A two-column section: (bold label, mrkdwn value) pairs."""
    return {
        "type": "section",
        "fields": [
            {"type": "mrkdwn", "text": shorten(f"*{label}*\n{value}", MAX_FIELD)}
            for label, value in pairs
        ],
    }


def context(text: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": shorten(text, MAX_SECTION)}]}


def divider() -> Block:
    return {"type": "divider"}


def line_sections(lines: Iterable[str]) -> list[Block]:
    """Lines packed into as few sections as fit 3,000 characters each."""
    blocks: list[Block] = []
    chunk: list[str] = []
    size = 0
    for line in lines:
        line = shorten(line, MAX_SECTION)
        if chunk and size + 1 + len(line) > MAX_SECTION:
            blocks.append(section("\n".join(chunk)))
            chunk, size = [], 0
        chunk.append(line)
        size += len(line) + 1
    if chunk:
        blocks.append(section("\n".join(chunk)))
    return blocks
