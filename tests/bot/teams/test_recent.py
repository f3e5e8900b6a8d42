"""What was stored lately is known for a while, by its very value, and forgotten on request."""

from __future__ import annotations

from bot.teams.recent import Recent


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_value_is_known_until_it_expires_or_changes() -> None:
    clock = Clock()
    recent = Recent(ttl=600, clock=clock)
    recent.stored("teams:a", ("https://smba/emea/", "a:1"))

    assert recent.known("teams:a", ("https://smba/emea/", "a:1"))
    assert not recent.known("teams:a", ("https://smba/amer/", "a:1"))
    assert not recent.known("teams:b", ("https://smba/emea/", "a:1"))
    clock.now = 600
    assert not recent.known("teams:a", ("https://smba/emea/", "a:1"))


def test_forgotten_keys_and_the_oldest_beyond_the_size_are_not_known() -> None:
    recent = Recent(size=2, clock=Clock())
    for key in ("a", "b", "c"):
        recent.stored(key, 1)
    recent.forget(["c"])

    assert [recent.known(key, 1) for key in ("a", "b", "c")] == [False, True, False]
