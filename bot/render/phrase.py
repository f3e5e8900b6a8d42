"""A :class:`~bot.document.Phrase` in one language and one platform's markup (pure).

The catalogue writes emphasis the neutral way (``*bold*``, ``_italic_``, `` `code` ``) and
``{cmd}`` for how a subcommand is typed. A platform's :class:`Markup` turns that into its own
markup, escapes every text value for it, and mentions people its own way. Values are escaped,
the catalogue's own text is not: a note reading ``*urgent*`` or ``<!channel>`` stays literal.
"""

from __future__ import annotations

import re
from typing import Protocol

from bot.document import Channel, Label, Person, Phrase, Value
from seuranta.i18n import format_date, kind_label, state_label, template
from seuranta.i18n.catalogue import plural_choice


class Markup(Protocol):
    command: str  # how a subcommand is typed: "/seuranta" in Slack, nothing in Teams

    def text(self, value: str) -> str:
        """A value from a record or a person, made literal in this markup."""
        ...

    def mention(self, person: Person) -> str: ...

    def channel(self, channel: Channel) -> str: ...

    def template(self, raw: str) -> str:
        """A catalogue text (``*bold*`` …) in this markup; its ``{placeholders}`` untouched."""
        ...


def render(phrase: Phrase, lang: str, markup: Markup) -> str:
    values = {name: _value(value, lang, markup) for name, value in phrase.values.items()}
    values.setdefault("cmd", markup.command)
    raw = plural_choice(template(phrase.key, lang), phrase.values)
    if not markup.command:  # typed without a prefix (Teams): `status 2.7`, not ` status 2.7`
        raw = raw.replace("{cmd} ", "")
    return markup.template(raw).format(**values)


def _value(value: Value, lang: str, markup: Markup) -> str:
    if isinstance(value, Phrase):
        return render(value, lang, markup)
    if isinstance(value, Person):
        return markup.mention(value)
    if isinstance(value, Channel):
        return markup.channel(value)
    if isinstance(value, Label):
        label = state_label if value.table == "state" else kind_label
        return markup.text(label(value.name, lang))
    if isinstance(value, str):
        return markup.text(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):
        return ", ".join(_value(item, lang, markup) for item in value)
    return format_date(value, lang)


# The catalogue's neutral markup, for platforms that turn it into their own.
BOLD_SPAN = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
ITALIC_SPAN = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
CODE_SPAN = re.compile(r"`([^`\n]+)`")


class PlainMarkup:
    """Plain text: the command line, logs, a notification's fallback where markup shows raw."""

    command = "/seuranta"

    def text(self, value: str) -> str:
        return value

    def mention(self, person: Person) -> str:
        return person.name or person.key

    def channel(self, channel: Channel) -> str:
        return "#" + channel.key

    def template(self, raw: str) -> str:
        return CODE_SPAN.sub(r"\1", ITALIC_SPAN.sub(r"\1", BOLD_SPAN.sub(r"\1", raw)))
