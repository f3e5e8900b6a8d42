"""A click is read back exactly as our cards write it, and nothing else is read at all."""

from __future__ import annotations

from typing import Any

import pytest

from bot.document import Target
from bot.teams.actions import STATUS_VERB, Click, UnreadableClick, read_click, status_data
from data.models import State

TARGET = Target(7, 70, 700)


def test_a_state_button_reads_back_its_target_state_and_the_note_typed_beside_it() -> None:
    data = {**status_data(TARGET, note="note-3", state=State.AT_RISK), "note-3": "Late"}

    assert read_click(STATUS_VERB, data) == Click(TARGET, State.AT_RISK, "Late")


def test_an_item_s_save_reads_its_own_menu_and_note_and_not_its_neighbours() -> None:
    data = {
        **status_data(Target(8), note="note-4", pick="state-4"),
        "state-4": "done",
        "note-4": "",
        "state-5": "delayed",
        "note-5": "someone else's note",
    }

    assert read_click(STATUS_VERB, data) == Click(Target(8), State.DONE, "")


def test_a_menu_left_empty_or_a_note_button_is_a_note_only() -> None:
    picked = {**status_data(TARGET, note="note-1", pick="state-1"), "note-1": "Hello"}
    button = {**status_data(TARGET, note="note-1"), "note-1": "Hello"}

    assert read_click(STATUS_VERB, {**picked, "state-1": ""}).state is None
    assert read_click(STATUS_VERB, picked).state is None  # Teams leaves out an empty input
    assert read_click(STATUS_VERB, button) == Click(TARGET, None, "Hello")


GOOD = status_data(TARGET, note="note-1", state=State.DONE)


@pytest.mark.parametrize(
    ("verb", "data"),
    [
        ("other", GOOD),
        (None, GOOD),
        (STATUS_VERB, {k: v for k, v in GOOD.items() if k != "m"}),
        (STATUS_VERB, {**GOOD, "m": "7"}),
        (STATUS_VERB, {**GOOD, "m": True}),
        (STATUS_VERB, {**GOOD, "m": 0}),
        (STATUS_VERB, {**GOOD, "m": -7}),
        (STATUS_VERB, {**GOOD, "m": 2**70}),
        (STATUS_VERB, {**GOOD, "ms": 7.0}),
        (STATUS_VERB, {**GOOD, "o": [700]}),
        (STATUS_VERB, {**GOOD, "s": "not_started"}),
        (STATUS_VERB, {**GOOD, "s": "finished"}),
        (STATUS_VERB, {**GOOD, "pick": "state-1", "state-1": "done"}),
        (STATUS_VERB, {**status_data(TARGET, note="note-1", pick="m"), "m": 7}),
        (STATUS_VERB, {**status_data(TARGET, note="note-1", pick="state-1"), "state-1": "x"}),
        (STATUS_VERB, {**status_data(TARGET, note="note-1", pick="state-1"), "state-1": 3}),
        (STATUS_VERB, {k: v for k, v in GOOD.items() if k != "note"}),
        (STATUS_VERB, {**GOOD, "note": "s"}),
        (STATUS_VERB, {**GOOD, "note": {"id": "note-1"}}),
        (STATUS_VERB, {**GOOD, "note-1": ["a", "list"]}),
    ],
    ids=[
        "another verb",
        "no verb",
        "no measure",
        "a measure id as text",
        "a measure id that is a boolean",
        "a measure id of zero",
        "a negative measure id",
        "a measure id no database holds",
        "a milestone id with a fraction",
        "an outbox id in a list",
        "a state one cannot report",
        "no such state",
        "both a button state and a menu",
        "a menu that is no input of ours",
        "a menu value that is no state",
        "a menu value that is no text",
        "no note input named",
        "a note input that is another field",
        "a note input that is no name",
        "a note that is no text",
    ],
)
def test_anything_our_cards_do_not_send_is_unreadable(
    verb: str | None, data: dict[str, Any]
) -> None:
    with pytest.raises(UnreadableClick):
        read_click(verb, data)
