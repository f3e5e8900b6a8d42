"""What a status control on a card carries, and reading it back from a click, strictly (pure).

Every status control is an ``Action.Execute`` with the verb :data:`STATUS_VERB`. Its ``data``
names the target by id, so a click is understood without a lookup, and the card's inputs that
belong to it: Teams sends the values of *every* input on the card with the click, merged into
``data`` under the inputs' ids, so ``data`` says which of them to read.

=========  ==========================================================================
``m``      the measure's id
``ms``     the milestone's id, or absent
``o``      the outbox row of the message the card is, or absent
``s``      the state of a status button (``on_track`` …), or absent
``pick``   the id of the item's status menu (``state-3``), whose value is the state
``note``   the id of the note's text input (``note-3``), whose value is the note
=========  ==========================================================================

A click is signed by the Bot Connector, but what a button carries is only as trustworthy as the
Teams client that sent it: :func:`read_click` accepts exactly what our own cards send and raises
:class:`UnreadableClick` for anything else. Whether the person may report is the recorder's call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.document import REPORTABLE_STATES, Target
from data.models import State

STATUS_VERB = "status"
_STATES = {state.value: state for state in REPORTABLE_STATES}
_PICK = re.compile(r"state-\d{1,4}", re.ASCII)
_NOTE = re.compile(r"note-\d{1,4}", re.ASCII)
_MAX_ID = 2**63 - 1  # what the database's ids fit in


def pick_input(index: int) -> str:
    return f"state-{index}"


def note_input(index: int) -> str:
    return f"note-{index}"


def status_data(
    target: Target, *, note: str, state: State | None = None, pick: str | None = None
) -> dict[str, Any]:
    """The ``data`` of one status control: a state's button, a note's button, an item's save."""
    data: dict[str, Any] = {"m": target.measure_id, "note": note}
    if target.milestone_id is not None:
        data["ms"] = target.milestone_id
    if target.outbox_id is not None:
        data["o"] = target.outbox_id
    if state is not None:
        data["s"] = state.value
    if pick is not None:
        data["pick"] = pick
    return data


class UnreadableClick(ValueError):
    """A click our cards cannot have sent: a wrong verb, a missing or mistyped field."""


@dataclass(frozen=True, slots=True)
class Click:
    target: Target
    state: State | None  # None: a note only; the measure keeps its latest state
    note: str  # as typed; the edge cleans and bounds it


def read_click(verb: str | None, data: dict[str, Any]) -> Click:
    """The click, or :class:`UnreadableClick` saying what was wrong (for the log)."""
    if verb != STATUS_VERB:
        raise UnreadableClick(f"verb {verb!r}")
    measure = _id(data, "m")
    if measure is None:
        raise UnreadableClick("no measure")
    target = Target(measure, _id(data, "ms"), _id(data, "o"))
    button = data.get("s")
    pick = data.get("pick")
    state: State | None
    if button is not None and pick is not None:
        raise UnreadableClick("both a button's state and a menu")
    if button is not None:
        state = _state(button, "s")
    elif pick is not None:
        picked = data.get(_input_id(pick, _PICK, "pick"))
        state = None if picked in (None, "") else _state(picked, "the menu's value")
    else:
        state = None
    note = data.get(_input_id(data.get("note"), _NOTE, "note"), "")
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise UnreadableClick("the note is not text")
    return Click(target, state, note)


def _id(data: dict[str, Any], key: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    # bool is an int to Python, and JSON's true is no id
    if type(value) is not int or not 0 < value <= _MAX_ID:
        raise UnreadableClick(f"{key}={value!r} is not an id")
    return value


def _state(value: object, what: str) -> State:
    if not isinstance(value, str) or value not in _STATES:
        raise UnreadableClick(f"{what}={value!r} is not a reportable state")
    return _STATES[value]


def _input_id(value: object, pattern: re.Pattern[str], key: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise UnreadableClick(f"{key}={value!r} names no input of ours")
    return value
