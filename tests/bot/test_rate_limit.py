"""The per-person sliding window: who may ask, and when a refusal is to be told."""

from __future__ import annotations

import pytest

from bot.rate_limit import SWEEP_EVERY, RateLimiter, Verdict

ALLOW, TELL, REFUSE = Verdict.ALLOW, Verdict.REFUSE_AND_TELL, Verdict.REFUSE


def test_the_limit_is_allowed_then_one_refusal_is_told_and_the_rest_are_silent() -> None:
    limiter = RateLimiter(3, window=60)

    verdicts = [limiter.check("U1", t) for t in (0, 1, 2, 3, 4, 5, 59)]

    assert verdicts == [ALLOW, ALLOW, ALLOW, TELL, REFUSE, REFUSE, REFUSE]


def test_the_window_slides_a_request_at_a_time() -> None:
    limiter = RateLimiter(2, window=60)
    assert [limiter.check("U1", t) for t in (0, 30, 45)] == [ALLOW, ALLOW, TELL]

    assert limiter.check("U1", 60) is ALLOW  # the request at 0 has left the window
    assert limiter.check("U1", 61) is REFUSE  # 30 and 60 are in it; told at 45 already
    assert limiter.check("U1", 90) is ALLOW  # 30 has left
    assert limiter.check("U1", 105) is TELL  # a new window since the last "slow down"


def test_people_are_counted_apart() -> None:
    limiter = RateLimiter(1, window=60)

    assert [limiter.check(user, 0) for user in ("U1", "U2", "U1", "U2")] == [
        ALLOW,
        ALLOW,
        TELL,
        TELL,
    ]


def test_people_idle_for_a_window_are_forgotten() -> None:
    limiter = RateLimiter(5, window=60)
    for i in range(SWEEP_EVERY - 1):
        limiter.check(f"U{i}", 0)
    assert len(limiter) == SWEEP_EVERY - 1

    limiter.check("Ulate", 61)  # the sweeping check

    assert len(limiter) == 1


def test_a_limit_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        RateLimiter(0)
