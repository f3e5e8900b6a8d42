"""A :class:`~bot.document.Document` as a Teams message: one Adaptive Card (schema 1.5).

Each block becomes what Teams shows best:

- :class:`~bot.document.Heading`: a bold, medium-sized line;
- :class:`~bot.document.Lines`: one block per line (``•`` before each when bulleted);
- :class:`~bot.document.Note`: small, subtle print;
- :class:`~bot.document.Item` (one of several measures): its lines in a container of its own,
  what was recorded for it, then a status menu (a compact ``Input.ChoiceSet``), a note field
  and one "Save" button (``Action.Execute``) that sends both. A menu and a button per item keep
  a message listing twenty measures readable, where five buttons each would not be;
- :class:`~bot.document.StatusButtons` (a single measure): a note field, then one button per
  state and "Add a note", each an ``Action.Execute``. The note field belongs to the buttons:
  a person may type a note and press "At risk", and both are recorded.

What a control carries is :mod:`bot.teams.actions`; a click is answered by
:mod:`bot.teams.listeners.card_actions`. All text is ``TextRun``s (:mod:`bot.teams.markup`), never
markdown. A card is kept within :data:`MAX_CARD_BYTES`, far enough under Teams' limit on a
message (about 28 kB with the activity around it): lines and items that do not fit are left out
and counted, "… and 12 more", as Slack's renderer does at its 50 blocks. Headings, notes and a
measure's buttons are never left out. A document's ``thread`` is not part of its card: the
sender posts each of those as a reply of its own (:class:`bot.teams.port.TeamsPort`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from microsoft_teams.api.activities import MessageActivityInput
from microsoft_teams.cards import (
    ActionSet,
    AdaptiveCard,
    CardElement,
    Choice,
    ChoiceSetInput,
    Container,
    ExecuteAction,
    RichTextBlock,
    TextInput,
    TextRun,
)

from bot.document import (
    REPORTABLE_STATES,
    Block,
    Document,
    Heading,
    Item,
    Lines,
    Note,
    Phrase,
    StatusButtons,
    phrase,
)
from bot.render.phrase import render
from bot.teams.actions import STATUS_VERB, note_input, pick_input, status_data
from bot.teams.markup import Run, TeamsMarkup, plain, runs
from data.models import State
from seuranta.i18n import message, state_label
from seuranta.text import NOTE_LIMIT

# The card's JSON in UTF-8; the activity around it and Teams' own additions fit in the rest.
MAX_CARD_BYTES = 24_000
# What the "… and N more" line may take (it is added after the budget is spent).
_MORE_RESERVE = 600
MARKUP = TeamsMarkup()
_STYLE: dict[State, Literal["positive", "destructive"]] = {
    State.ON_TRACK: "positive",
    State.DELAYED: "destructive",
}


def document_message(document: Document, lang: str) -> MessageActivityInput:
    """The message to send: the card, and the summary Teams shows in notifications."""
    card = document_card(document, lang)
    # "summary" is the Bot Framework's own field, which the SDK's input model does not declare.
    activity = MessageActivityInput.model_validate({"summary": card.fallback_text})
    return activity.add_card(card)


def document_card(document: Document, lang: str) -> AdaptiveCard:
    summary = plain(render(document.summary, lang, MARKUP))
    units = [
        unit for index, block in enumerate(document.blocks) for unit in _units(block, index, lang)
    ]
    # No card-level "lang": see bot/teams/cards.py.
    return AdaptiveCard(body=_within_limit(units, lang), fallback_text=summary)


@dataclass(frozen=True, slots=True)
class _Unit:
    """Elements that are shown or left out together; ``kind`` says how they are counted."""

    elements: Sequence[CardElement]
    kind: Literal["fixed", "line", "item"]

    @property
    def size(self) -> int:
        return sum(_size(element) for element in self.elements)


def _units(block: Block, index: int, lang: str) -> list[_Unit]:
    if isinstance(block, Heading):
        return [_Unit(_text(block.text, lang, size="Medium", bold=True), "fixed")]
    if isinstance(block, Note):
        return [_Unit(_text(block.text, lang, size="Small", subtle=True), "fixed")]
    if isinstance(block, Lines):
        return [_Unit(_text(line, lang, bullet=block.bulleted), "line") for line in block.lines]
    if isinstance(block, Item):
        return [_Unit([_item(block, index, lang)], "item")]
    return [_Unit(_buttons(block, index, lang), "fixed")]


def _item(item: Item, index: int, lang: str) -> Container:
    pick, note = pick_input(index), note_input(index)
    body = [element for line in item.lines for element in _text(line, lang)]
    if item.recorded is not None:
        body += _text(item.recorded, lang, size="Small", subtle=True)
    choices = [Choice(title=state_label(s.value, lang), value=s.value) for s in REPORTABLE_STATES]
    body += [
        ChoiceSetInput(id=pick, choices=choices, placeholder=message("round.pick", lang)),
        _note_field(note, lang, multiline=False),
        ActionSet(
            actions=[
                ExecuteAction(
                    title=message("teams.status.save", lang),
                    verb=STATUS_VERB,
                    data=status_data(item.target, note=note, pick=pick),
                )
            ]
        ),
    ]
    return Container(items=body, separator=True, spacing="Medium")


def _buttons(block: StatusButtons, index: int, lang: str) -> list[CardElement]:
    note = note_input(index)
    states = [
        ExecuteAction(
            title=state_label(state.value, lang),
            verb=STATUS_VERB,
            data=status_data(block.target, note=note, state=state),
            style=_STYLE.get(state),
        )
        for state in REPORTABLE_STATES
    ]
    add_note = ExecuteAction(
        title=message("status.note_button", lang),
        verb=STATUS_VERB,
        data=status_data(block.target, note=note),
    )
    return [_note_field(note, lang, multiline=True), ActionSet(actions=[*states, add_note])]


def _note_field(input_id: str, lang: str, *, multiline: bool) -> TextInput:
    return TextInput(
        id=input_id,
        placeholder=message("teams.note.placeholder", lang),
        max_length=NOTE_LIMIT,
        is_multiline=multiline or None,
    )


def _text(
    text: Phrase,
    lang: str,
    *,
    size: Literal["Small", "Medium"] | None = None,
    bold: bool = False,
    subtle: bool = False,
    bullet: bool = False,
) -> list[CardElement]:
    """A phrase as one RichTextBlock per line (a TextRun does not break lines everywhere)."""
    lines = _lines(runs(render(text, lang, MARKUP)))
    if bullet and lines and not lines[0][0].text.lstrip().startswith("•"):
        lines[0].insert(0, Run("• "))
    blocks: list[CardElement] = []
    for number, line in enumerate(lines):
        inlines: list[CardElement] = [
            _run(run, size=size, bold=bold, subtle=subtle) for run in line
        ]
        blocks.append(RichTextBlock(inlines=inlines, spacing="None" if number else None))
    return blocks


def _lines(styled: list[Run]) -> list[list[Run]]:
    """Runs split at line breaks; blank lines dropped (an empty block is no use on a card)."""
    lines: list[list[Run]] = [[]]
    for run in styled:
        first, *rest = run.text.split("\n")
        for number, text in enumerate([first, *rest]):
            if number:
                lines.append([])
            if text:
                lines[-1].append(Run(text, run.bold, run.italic, run.code))
    return [line for line in lines if line]


def _run(run: Run, *, size: Literal["Small", "Medium"] | None, bold: bool, subtle: bool) -> TextRun:
    return TextRun(
        text=run.text,
        size=size,
        weight="Bolder" if bold or run.bold else None,
        italic=run.italic or None,
        font_type="Monospace" if run.code else None,
        is_subtle=subtle or None,
    )


def _within_limit(units: list[_Unit], lang: str) -> list[CardElement]:
    """The units in order; once the card is full, lines and items are counted, not shown."""
    budget = MAX_CARD_BYTES - _size(AdaptiveCard(body=[])) - _MORE_RESERVE
    budget -= sum(unit.size for unit in units if unit.kind == "fixed")
    body: list[CardElement] = []
    hidden = {"line": 0, "item": 0}
    more_at: int | None = None
    for unit in units:
        if unit.kind != "fixed":
            if more_at is None and unit.size <= budget:
                budget -= unit.size
            else:
                more_at = len(body) if more_at is None else more_at
                hidden[unit.kind] += 1
                continue
        body += unit.elements
    if more_at is not None:
        more = (
            phrase("round.more", count=hidden["item"])
            if hidden["item"]
            else phrase("more", count=hidden["line"])
        )
        body[more_at:more_at] = _text(more, lang, size="Small", subtle=True)
    return body


def _size(element: CardElement) -> int:
    data = element.model_dump(mode="json", by_alias=True, exclude_none=True)
    return len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())
