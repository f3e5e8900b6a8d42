"""How a card reads after a click on its status control (pure).

The recording itself is platform-free and not Teams' to decide (who may report on a measure,
which organisation it is recorded for, what the message now says): it is a
:data:`~bot.commands.record.RecordStatus` that the composition root injects
(:func:`~bot.commands.record.status_recorder`), under the same rule as ``status 2.7 at-risk``.
"""

from __future__ import annotations

from dataclasses import replace

from bot.commands.record import StatusOutcome
from bot.document import Block, Document, Item, Lines, Note, StatusButtons, Target


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
