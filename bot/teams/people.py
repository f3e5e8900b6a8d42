"""People in a reply named, not shown as keys: ``teams:5f0c…`` reads as "Sven Svensson" (pure).

Slack renders a person key as a mention that its client turns into a name; a Teams card names
people in plain text (:mod:`bot.teams.markup`), so a :class:`~bot.document.Person` without a
name gets the one the message's own @mention gave, or the one the directory keeps (Teams tells
each person's name with every message they send).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from types import MappingProxyType

from bot.document import Block, Document, Heading, Item, Lines, Note, Person, Phrase, Value


def people(document: Document) -> set[str]:
    """The keys of every person the document names without a name."""
    found: set[str] = set()
    for phrase in _phrases(document):
        _collect(phrase, found)
    return found


def named(document: Document, names: Mapping[str, str]) -> Document:
    if not names:
        return document
    return dataclasses.replace(
        document,
        summary=_phrase(document.summary, names),
        blocks=tuple(_block(block, names) for block in document.blocks),
        thread=tuple(named(reply, names) for reply in document.thread),
    )


def _phrases(document: Document) -> list[Phrase]:
    found = [document.summary]
    for block in document.blocks:
        if isinstance(block, Heading | Note):
            found.append(block.text)
        elif isinstance(block, Lines):
            found += block.lines
        elif isinstance(block, Item):
            found += [*block.lines, *([block.recorded] if block.recorded else [])]
    for reply in document.thread:
        found += _phrases(reply)
    return found


def _collect(value: Value, found: set[str]) -> None:
    if isinstance(value, Phrase):
        for inner in value.values.values():
            _collect(inner, found)
    elif isinstance(value, Person) and not value.name:
        found.add(value.key)
    elif isinstance(value, tuple):
        for inner in value:
            _collect(inner, found)


def _block(block: Block, names: Mapping[str, str]) -> Block:
    if isinstance(block, Heading | Note):
        return dataclasses.replace(block, text=_phrase(block.text, names))
    if isinstance(block, Lines):
        return dataclasses.replace(block, lines=tuple(_phrase(p, names) for p in block.lines))
    if isinstance(block, Item):
        recorded = _phrase(block.recorded, names) if block.recorded else None
        lines = tuple(_phrase(p, names) for p in block.lines)
        return dataclasses.replace(block, lines=lines, recorded=recorded)
    return block


def _phrase(phrase: Phrase, names: Mapping[str, str]) -> Phrase:
    values = {key: _value(value, names) for key, value in phrase.values.items()}
    return dataclasses.replace(phrase, values=MappingProxyType(values))


def _value(value: Value, names: Mapping[str, str]) -> Value:
    if isinstance(value, Phrase):
        return _phrase(value, names)
    if isinstance(value, Person) and not value.name and value.key in names:
        return Person(value.key, names[value.key])
    if isinstance(value, tuple):
        return tuple(_value(inner, names) for inner in value)
    return value
