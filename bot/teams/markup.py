"""Phrases on an Adaptive Card: the markup that :func:`bot.render.phrase.render` needs (pure).

A card shows text as ``TextRun``s in a ``RichTextBlock``, which Teams never reads as markdown:
``**[log in](https://evil.example)**`` in a status note is shown exactly so, and there is nothing
to escape (and no escaping for Teams to get wrong). Emphasis is a run's own property instead, so
:class:`TeamsMarkup` marks the catalogue's ``*bold*``, ``_italic_`` and `` `code` `` with
characters of Unicode's private use area, which :func:`runs` turns into runs. A value can never
carry such a mark: :meth:`TeamsMarkup.text` removes them, with what :func:`seuranta.text.visible`
removes, so a note cannot make itself bold or end the bold around it.

People are named, not @mentioned: a Teams mention needs markdown text and entities on the card,
and a reminder's text should not notify whoever it happens to name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.document import Channel, Person
from bot.render.phrase import BOLD_SPAN, CODE_SPAN, ITALIC_SPAN
from seuranta.text import visible

BOLD, END_BOLD = "\ue000", "\ue001"
ITALIC, END_ITALIC = "\ue002", "\ue003"
CODE, END_CODE = "\ue004", "\ue005"
_MARKS = re.compile("[\ue000-\ue005]")


class TeamsMarkup:
    # Teams has no slash commands: a subcommand is typed as it is ("status 2.7 at-risk").
    command = ""

    def text(self, value: str) -> str:
        return _MARKS.sub("", visible(value))

    def mention(self, person: Person) -> str:
        return self.text(person.name or person.key)

    def channel(self, channel: Channel) -> str:
        return self.text("#" + channel.key)

    def template(self, raw: str) -> str:
        """Emphasis as marks (``render`` has already dropped ``{cmd} `` for Teams)."""
        pieces: list[str] = []
        end = 0
        for span in CODE_SPAN.finditer(raw):  # no emphasis inside code: `status 2.* STATE`
            pieces += [_emphasis(raw[end : span.start()]), CODE, span[1], END_CODE]
            end = span.end()
        pieces.append(_emphasis(raw[end:]))
        return "".join(pieces)


def _emphasis(text: str) -> str:
    text = BOLD_SPAN.sub(f"{BOLD}\\1{END_BOLD}", text)
    return ITALIC_SPAN.sub(f"{ITALIC}\\1{END_ITALIC}", text)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False


def runs(marked: str) -> list[Run]:
    """A rendered phrase's text as runs of one style each, empty ones left out."""
    found: list[Run] = []
    bold = italic = code = False
    for piece in re.split("([\ue000-\ue005])", marked):
        if piece in (BOLD, END_BOLD):
            bold = piece == BOLD
        elif piece in (ITALIC, END_ITALIC):
            italic = piece == ITALIC
        elif piece in (CODE, END_CODE):
            code = piece == CODE
        elif piece:
            found.append(Run(piece, bold, italic, code))
    return found


def plain(marked: str) -> str:
    """The text without its marks: a notification's summary, a card's fallback text."""
    return _MARKS.sub("", marked)
