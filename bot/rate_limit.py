"""How often one person may ask: a sliding window per person, in memory (pure, thread-safe).

A person may make ``limit`` requests in any ``window`` seconds; past that each request is
refused, and only the first refusal in a window is to be told ("slow down"), so that the
refusals cannot themselves be used to make the bot post. Counts live in the process: under
gunicorn each worker keeps its own, so the limit bounds a flood rather than being a quota.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass, field
from enum import Enum

# Every so many checks, people idle for a whole window are forgotten.
SWEEP_EVERY = 1024


class Verdict(Enum):
    ALLOW = "allow"
    REFUSE_AND_TELL = "refuse_and_tell"
    REFUSE = "refuse"


@dataclass(slots=True)
class _Person:
    allowed: deque[float] = field(default_factory=deque)
    told: float | None = None


class RateLimiter:
    def __init__(self, limit: int, window: float = 60.0) -> None:
        if limit < 1:
            raise ValueError("a rate limit allows at least one request per window")
        self.limit = limit
        self.window = window
        self._people: dict[str, _Person] = {}
        self._checks = 0
        self._lock = threading.Lock()

    def check(self, key: str, now: float) -> Verdict:
        with self._lock:
            self._checks += 1
            if self._checks % SWEEP_EVERY == 0:
                self._sweep(now)
            person = self._people.setdefault(key, _Person())
            while person.allowed and person.allowed[0] <= now - self.window:
                person.allowed.popleft()
            if len(person.allowed) < self.limit:
                person.allowed.append(now)
                return Verdict.ALLOW
            if person.told is not None and now - person.told < self.window:
                return Verdict.REFUSE
            person.told = now
            return Verdict.REFUSE_AND_TELL

    def __len__(self) -> int:
        """How many people are remembered."""
        with self._lock:
            return len(self._people)

    def _sweep(self, now: float) -> None:
        def idle(person: _Person) -> bool:
            last = max(person.allowed[-1] if person.allowed else 0.0, person.told or 0.0)
            return last <= now - self.window

        for key in [k for k, person in self._people.items() if idle(person)]:
            del self._people[key]
