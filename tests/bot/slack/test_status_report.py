"""Which measure a reply in the thread of a message listing several is about."""

from __future__ import annotations

import pytest

from bot.document import Target
from bot.slack.status_report import reply_target

TWO = [("2.7", Target(27, None, 1)), ("4.3", Target(43, None, 1))]


@pytest.mark.parametrize(
    ("text", "target", "note"),
    [
        ("2.7 etenee aikataulussa", TWO[0][1], "etenee aikataulussa"),
        ("4.3: valmis", TWO[1][1], "valmis"),
        ("  2.7", TWO[0][1], ""),
        ("no number here", None, "no number here"),
        ("9.9 not theirs", None, "9.9 not theirs"),
        ("2.70 is not 2.7", None, "2.70 is not 2.7"),
    ],
)
def test_the_reply_names_its_measure_by_the_leading_number(
    text: str, target: Target | None, note: str
) -> None:
    assert reply_target(TWO, text) == (target, note)


def test_with_a_single_measure_any_reply_is_about_it() -> None:
    assert reply_target(TWO[:1], "Luonnos valmis") == (TWO[0][1], "Luonnos valmis")
