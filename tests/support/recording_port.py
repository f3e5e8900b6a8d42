"""A :class:`jobs.port.MessagePort` with no platform behind it: it records what it was asked
to post, and can be told to fail the way a platform fails.

It stands in for one platform (Slack by default), so the sender's delivery rules are tested
without any chat platform's library; ``tests/jobs`` runs the same tests through the real Slack
port and the fake Web API as well.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from bot.document import Document
from jobs.port import NotReachableYet, Posted
from seuranta.identity import Platform


@dataclass(frozen=True, slots=True)
class Recorded:
    destination: str
    document: Document
    lang: str
    thread_of: Posted | None
    posted: Posted


@dataclass
class RecordingPort:
    platform: Platform = Platform.SLACK
    channel_interval: float = 0.0
    _posts: list[Recorded] = field(default_factory=list)
    attempts: int = 0  # every call of post(), refused ones included
    _failure: Exception | None = None
    _times: int | None = None  # None: every post until cleared
    _unreachable: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def post(
        self,
        destination: str,
        document: Document,
        lang: str,
        thread_of: Posted | None = None,
    ) -> Posted:
        with self._lock:
            self.attempts += 1
            failure = self._failure
            if failure is not None:
                if self._times is not None:
                    self._times -= 1
                    if self._times <= 0:
                        self._failure = None
                raise failure
            if destination in self._unreachable:
                raise NotReachableYet(f"{destination} has no conversation yet")
            channel = thread_of.channel if thread_of else destination
            posted = Posted(channel, str(next(self._ids)))
            self._posts.append(Recorded(destination, document, lang, thread_of, posted))
            return posted

    def posts(self) -> list[Recorded]:
        with self._lock:
            return list(self._posts)

    def fail(self, error: Exception, times: int | None = None) -> None:
        """Every post raises ``error`` (the next ``times`` posts only, if given)."""
        with self._lock:
            self._failure, self._times = error, times

    def unreachable(self, *destinations: str) -> None:
        """Only these destinations cannot be messaged yet (none: everyone can be again)."""
        with self._lock:
            self._unreachable = set(destinations)

    def clear(self) -> None:
        with self._lock:
            self._posts.clear()
            self.attempts = 0
            self._failure, self._times = None, None
            self._unreachable = set()
