"""Recording a status from a card: what the Teams edge asks of the core, and how the answer reads.

The recording itself is platform-free and not Teams' to decide (who may report on a measure,
which organisation it is recorded for, what the message now says): it is a
:data:`RecordStatus` callable that the composition root injects, the same one the commands use
for ``status 2.7 at-risk``. Its request and outcome are defined here, by what a card click
knows and what its answer shows; they belong beside that function, where they should move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.document import Block, Document, Item, Lines, Note, Phrase, StatusButtons, Target
from data.models import State
from seuranta.identity import Platform


@dataclass(frozen=True, slots=True)
class StatusRequest:
    person: str  # who clicked, as a person key: "teams:<AAD object id>"
    name: str  # their name as the platform gave it ("" if it did not)
    target: Target
    state: State | None  # None: a note only; the measure keeps its latest state
    note: str  # cleaned and within NOTE_LIMIT by the edge; "" for none
    platform: Platform
    conversation: str | None  # the chat or channel the clicked message is in
    message: str | None  # the clicked message's id there
    link: str | None = None  # a link to that message, where the platform has one


@dataclass(frozen=True, slots=True)
class StatusOutcome:
    # False: refused, nothing stored (not a contact of the measure's organisations nor an
    # admin, or a measure that does not exist).
    recorded: bool
    # What was recorded and by whom ("status.recorded"), or why not ("status.refused").
    line: Phrase
    # The clicked message as it reads now, rebuilt from its outbox row; None without one.
    document: Document | None = None


RecordStatus = Callable[[StatusRequest], StatusOutcome]


def answered(outcome: StatusOutcome, target: Target) -> Document:
    """The clicked message after the click: the outcome's line beside the item it is about, or
    under the buttons; the message alone if there is none. A refusal replaces the message for
    the one who clicked (others still see theirs) and says only why."""
    document = outcome.document
    if document is None or not outcome.recorded:
        return Document(summary=outcome.line, blocks=(Lines((outcome.line,)),))
    blocks: list[Block] = []
    placed = False
    for block in document.blocks:
        about = isinstance(block, Item | StatusButtons) and _same(block.target, target)
        if about and not placed and isinstance(block, Item):
            blocks.append(replace(block, recorded=outcome.line))
        elif about and not placed:
            blocks += [block, Note(outcome.line)]
        else:
            blocks.append(block)
        placed = placed or about
    if not placed:
        blocks.append(Note(outcome.line))
    return replace(document, blocks=tuple(blocks))


def _same(one: Target, other: Target) -> bool:
    return (one.measure_id, one.milestone_id) == (other.measure_id, other.milestone_id)
