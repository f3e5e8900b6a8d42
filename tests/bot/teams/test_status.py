"""What a clicked card says afterwards: the outcome beside what it is about, or on its own."""

from __future__ import annotations

from bot.commands.record import StatusOutcome
from bot.document import Item, Lines, Note, StatusButtons, Target, phrase
from bot.teams.status import answered
from tests.support.notice_documents import notice

LINE = phrase("status.saved", number="2.7", state="Valmis")


def test_the_line_goes_under_the_buttons_of_the_measure_it_is_about() -> None:
    deadline = notice("deadline")

    after = answered(StatusOutcome(True, LINE, deadline), Target(7, 70, 700))

    assert after.blocks == (*deadline.blocks, Note(LINE))


def test_the_line_replaces_what_was_recorded_for_its_item_and_only_for_it() -> None:
    round_ask = notice("round_ask", many=3)

    after = answered(StatusOutcome(True, LINE, round_ask), Target(31, None, 999))

    before = [block.recorded for block in round_ask.blocks if isinstance(block, Item)]
    now = [block.recorded for block in after.blocks if isinstance(block, Item)]
    assert now == [before[0], LINE, before[2]]


def test_a_message_without_the_target_gets_the_line_at_its_end() -> None:
    round_ask = notice("round_ask", many=2)

    after = answered(StatusOutcome(True, LINE, round_ask), Target(99))

    assert after.blocks[-1] == Note(LINE)
    assert not any(isinstance(block, StatusButtons) for block in after.blocks)


def test_without_the_message_or_when_refused_the_card_says_only_the_line() -> None:
    refused = phrase("status.refused", number="2.7")

    assert answered(StatusOutcome(True, LINE), Target(7)).blocks == (Lines((LINE,)),)
    assert answered(StatusOutcome(False, refused, notice("deadline")), Target(7)).blocks == (
        Lines((refused,)),
    )
