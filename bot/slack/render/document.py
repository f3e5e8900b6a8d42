"""A :class:`~bot.document.Document` as a Block Kit message (pure).

Built with ``slack_sdk.models.blocks``, whose ``to_dict()`` checks every block against Slack's
limits (3,000 characters a section, 255 a block id, 25 buttons …) before anything is sent; what
our own layout must see to is the 50 blocks a message may have:

- headings and lines are packed into as few sections as fit (a heading in bold, a bulleted
  line after "• "); a single line over a section's size is shortened;
- a note is a context block, an item a section with a status menu, a measure's status buttons
  an actions block (their ids: :mod:`bot.slack.status_actions`);
- when there are more than 50 blocks, the last items and list sections are left out and one
  line says how many ("…and 12 more").

The ``text`` beside the blocks is the document's summary: what a notification shows, escaped
like the blocks, without emphasis stars.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.errors import SlackObjectFormationError
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    Option,
    SectionBlock,
    StaticSelectElement,
)

from bot.document import (
    REPORTABLE_STATES,
    Document,
    Heading,
    Item,
    Lines,
    Note,
    Phrase,
    StatusButtons,
    Target,
    phrase,
)
from bot.render.phrase import render
from bot.slack.blocks import SlackMessage
from bot.slack.mrkdwn import MAX_BLOCKS, MAX_SECTION, shorten
from bot.slack.render.markup import MRKDWN, NOTIFICATION
from bot.slack.status_actions import (
    NOTE_ACTION,
    NOTE_OPTION,
    PICK_ACTION,
    button_value,
    buttons_block_id,
    pick_block_id,
    status_action,
)
from data.models import State
from seuranta.i18n import message, state_label

_STYLE = {State.ON_TRACK: "primary", State.DELAYED: "danger"}


@dataclass(frozen=True, slots=True)
class _Unit:
    """One Block Kit block, and what leaving it out would leave unsaid."""

    block: Block
    items: int = 0  # items it shows (a status menu section)
    lines: int = 0  # list lines it shows; a unit with neither is never left out


def render_document(document: Document, lang: str) -> SlackMessage:
    """The message's ``text`` and blocks (as dicts, each checked by slack_sdk's model)."""
    units = _within_limit(_units(document, lang), lang)
    text = render(document.summary, lang, NOTIFICATION)
    return SlackMessage(text, [unit.block.to_dict() for unit in units])


def _units(document: Document, lang: str) -> list[_Unit]:
    units: list[_Unit] = []
    lines: list[tuple[str, bool]] = []  # (mrkdwn, is a list line) waiting to be packed

    def text(line: Phrase) -> str:
        return render(line, lang, MRKDWN)

    for block in document.blocks:
        if isinstance(block, Heading):
            lines.append((f"*{text(block.text)}*", False))
            continue
        if isinstance(block, Lines):
            bullet = "• " if block.bulleted else ""
            lines += [(bullet + text(line), block.bulleted) for line in block.lines]
            continue
        units += _sections(lines)
        lines = []
        if isinstance(block, Note):
            units.append(_Unit(_context(text(block.text))))
        elif isinstance(block, Item):
            shown = [text(line) for line in block.lines]
            if block.recorded is not None:
                shown.append(text(block.recorded))
            units.append(_Unit(_item("\n".join(shown), block.target, lang), items=1))
        else:
            units.append(_Unit(_buttons(block, lang)))
    return units + _sections(lines)


def _sections(lines: list[tuple[str, bool]]) -> list[_Unit]:
    """Lines packed into as few sections as fit; a section of list lines only may be left out."""
    units: list[_Unit] = []
    chunk: list[tuple[str, bool]] = []
    size = 0
    for line, listed in lines:
        line = shorten(line, MAX_SECTION)
        if chunk and size + 1 + len(line) > MAX_SECTION:
            units.append(_section(chunk))
            chunk, size = [], 0
        chunk.append((line, listed))
        size += len(line) + 1
    if chunk:
        units.append(_section(chunk))
    return units


def _section(chunk: list[tuple[str, bool]]) -> _Unit:
    block = SectionBlock(text=MarkdownTextObject(text="\n".join(line for line, _ in chunk)))
    listed = all(is_list for _, is_list in chunk)
    return _Unit(block, lines=len(chunk) if listed else 0)


def _within_limit(units: list[_Unit], lang: str) -> list[_Unit]:
    """At most 50 blocks: the last items and list sections give way to "…and N more"."""
    kept = list(units)
    items = lines = 0
    at = len(kept)
    while len(kept) + bool(items) + bool(lines) > MAX_BLOCKS:
        droppable = [i for i, unit in enumerate(kept) if unit.items or unit.lines]
        if not droppable:
            raise SlackObjectFormationError(f"{len(kept)} blocks, none of them a list's")
        at = droppable[-1]
        left_out = kept.pop(at)
        items += left_out.items
        lines += left_out.lines
    more = []
    if items:
        more.append(_Unit(_context(render(phrase("round.more", count=items), lang, MRKDWN))))
    if lines:
        more.append(_Unit(_context(render(phrase("more", count=lines), lang, MRKDWN))))
    return kept[:at] + more + kept[at:]


def _context(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=shorten(text, MAX_SECTION))])


def _item(text: str, target: Target, lang: str) -> SectionBlock:
    options = [
        Option(value=state.value, text=state_label(state, lang)) for state in REPORTABLE_STATES
    ]
    options.append(Option(value=NOTE_OPTION, text=message("round.note_option", lang)))
    return SectionBlock(
        block_id=pick_block_id(target),
        text=MarkdownTextObject(text=shorten(text, MAX_SECTION)),
        accessory=StaticSelectElement(
            action_id=PICK_ACTION,
            placeholder=message("round.pick", lang),
            options=options,
        ),
    )


def _buttons(block: StatusButtons, lang: str) -> ActionsBlock:
    value = button_value(block.target)
    elements = [
        ButtonElement(
            text=state_label(state, lang),
            action_id=status_action(state),
            value=value,
            style=_STYLE.get(state),
        )
        for state in REPORTABLE_STATES
    ]
    elements.append(
        ButtonElement(text=message("status.note_button", lang), action_id=NOTE_ACTION, value=value)
    )
    return ActionsBlock(block_id=buttons_block_id(block.target), elements=elements)
