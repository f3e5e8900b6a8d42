"""What the bot says, as data any chat platform can render: phrases, blocks and actions.

Notices (a reminder, a round's request, the digest) and command replies are built once, here,
as a :class:`Document`; the Slack adapter renders it as Block Kit and the Teams adapter as an
Adaptive Card. Nothing here knows a platform:

- a :class:`Phrase` is one sentence of the catalogue (:mod:`seuranta.i18n`) with its values,
  kept typed until a platform renders it, so each platform escapes user text its own way and
  mentions people its own way (:mod:`bot.render.phrase`);
- a block says what a part of the message *is* (a heading, lines, small print, one of several
  measures with its own status menu, a measure's status buttons), not how it looks;
- a :class:`Target` names what a status action is about: a measure, perhaps one of its
  milestones, and the outbox row of the message that offered it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from data.models import State

# What the status buttons and menus offer, in this order; "not started" is for commands only.
REPORTABLE_STATES = (State.ON_TRACK, State.AT_RISK, State.DELAYED, State.DONE)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone to mention: a person key (:mod:`seuranta.identity`) and a name, if known."""

    key: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A catalogue sentence and its values: ``str`` is text to escape, ``int`` a count,
    ``date`` a day shown in the reader's language, :class:`Person` a mention, a nested
    :class:`Phrase` a sentence of its own (a state's label, a recorded status), and a tuple
    of values a list ("@Anna, @Pekka"), each rendered as its own type."""

    key: str
    values: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))


def phrase(key: str, **values: Value) -> Phrase:
    return Phrase(key, MappingProxyType(values))


@dataclass(frozen=True, slots=True)
class Label:
    """A label of the catalogue's tables rather than a sentence: a state or a milestone kind."""

    table: str  # "state" or "kind"
    name: str


@dataclass(frozen=True, slots=True)
class Channel:
    """A value naming a conversation to point to, such as where a message could not be
    delivered: a destination key (:mod:`seuranta.identity`) that is not a person."""

    key: str


Value = str | int | date | Person | Channel | Phrase | Label | tuple["Value", ...]


@dataclass(frozen=True, slots=True)
class Target:
    """What a status action is about; ids ride in the action so a click needs no lookup."""

    measure_id: int
    milestone_id: int | None = None
    outbox_id: int | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    text: Phrase


@dataclass(frozen=True, slots=True)
class Lines:
    """Lines of text; ``bulleted`` lines are shown as a list."""

    lines: tuple[Phrase, ...]
    bulleted: bool = False


@dataclass(frozen=True, slots=True)
class Note:
    """Small print: how to answer, what was recorded, how many more there are."""

    text: Phrase


@dataclass(frozen=True, slots=True)
class Item:
    """One of several measures or milestones in a message, with its own status menu."""

    lines: tuple[Phrase, ...]
    target: Target
    recorded: Phrase | None = None


@dataclass(frozen=True, slots=True)
class StatusButtons:
    """A single measure's status buttons and "Add a note"."""

    target: Target


Block = Heading | Lines | Note | Item | StatusButtons


@dataclass(frozen=True, slots=True)
class Document:
    """One message: its ``summary`` is the notification and screen-reader text; ``thread``
    holds messages that follow in its thread (the digest's lists)."""

    summary: Phrase
    blocks: tuple[Block, ...]
    thread: tuple[Document, ...] = ()
