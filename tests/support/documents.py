"""What a platform-free reply says: its lines as a reader sees them, for platform-free tests."""

from __future__ import annotations

from bot.document import Document, Heading, Lines, Note
from bot.render.phrase import Markup, PlainMarkup, render


def shown(document: Document, lang: str = "en", markup: Markup | None = None) -> list[str]:
    """Each line of a command's reply in ``lang``, in plain text unless a markup is given."""
    markup = markup or PlainMarkup()
    lines: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading | Note):
            lines.append(render(block.text, lang, markup))
        elif isinstance(block, Lines):
            lines += [
                ("• " if block.bulleted else "") + render(p, lang, markup) for p in block.lines
            ]
        else:
            raise AssertionError(f"a command's reply with a {type(block).__name__}")
    return lines
