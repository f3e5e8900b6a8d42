"""The status buttons' and menus' wire format: action ids, values and block ids, both ways.

The renderer (:mod:`bot.slack.render.document`) writes them and the listeners read them back,
so both import them from here. The ids of a :class:`~bot.document.Target` ride in the action
(a button's ``value``, a menu section's ``block_id``), so a click is understood without
looking anything up first; an outbox id of 0 means "not from an outbox message".

- a single measure's buttons: ``seuranta_status_<state>`` and :data:`NOTE_ACTION`, all with
  the value ``{"m": measure, "ms": milestone or null, "r": outbox row or null}``, in an actions
  block ``status:<outbox row>``;
- one of several items: a section ``pick:<outbox row>:<measure>:<milestone or 0>`` whose menu
  (:data:`PICK_ACTION`) offers the states and :data:`NOTE_OPTION`.
"""

from __future__ import annotations

import json

from bot.document import REPORTABLE_STATES, Target
from data.models import State

STATUS_ACTION_PREFIX = "seuranta_status_"
NOTE_ACTION = "seuranta_status_note"
PICK_ACTION = "seuranta_status_pick"
NOTE_OPTION = "note"  # the menu's last option opens the note modal


def status_action(state: State) -> str:
    return f"{STATUS_ACTION_PREFIX}{state.value}"


STATUS_ACTIONS = tuple(status_action(state) for state in REPORTABLE_STATES)


def state_of(action_id: str) -> State:
    """The state a status button stands for; ValueError for any other action id."""
    state = State(action_id.removeprefix(STATUS_ACTION_PREFIX))
    if state not in REPORTABLE_STATES:
        raise ValueError(f"not a status button: {action_id!r}")
    return state


def picked_state(value: str | None) -> State | None:
    """The state picked in a menu; None for the note option or anything not ours."""
    if value not in {state.value for state in REPORTABLE_STATES}:
        return None
    return State(value)


def button_value(target: Target) -> str:
    return json.dumps(
        {"m": target.measure_id, "ms": target.milestone_id, "r": target.outbox_id},
        separators=(",", ":"),
    )


def target_of_value(value: str) -> Target:
    """Raises ValueError (or KeyError, TypeError) on anything but our own buttons' value."""
    data = json.loads(value)
    ids = data["m"], data.get("ms"), data.get("r")
    if not isinstance(ids[0], int) or not all(i is None or isinstance(i, int) for i in ids):
        raise ValueError(f"not a status target: {value!r}")
    return Target(*ids)


def buttons_block_id(target: Target) -> str:
    return f"status:{target.outbox_id or 0}"


def pick_block_id(target: Target) -> str:
    return f"pick:{target.outbox_id or 0}:{target.measure_id}:{target.milestone_id or 0}"


def target_of_pick(block_id: str) -> Target:
    """The target of a menu section's block id; ValueError on anything else."""
    tag, outbox_id, measure_id, milestone_id = block_id.split(":")
    if tag != "pick":
        raise ValueError(f"not a status menu: {block_id!r}")
    return Target(int(measure_id), int(milestone_id) or None, int(outbox_id) or None)
