"""Hands out sends so that each channel gets at most one post per interval, many in parallel.

Slack allows ``chat.postMessage`` about one message per second per channel; each platform's port
says its own interval, and a channel gets the interval of the port it is posted through.
Sleeping in a worker thread to respect that would idle the pool; instead the pacer keeps a heap
of channels by the instant each may post again, and a free thread always takes the channel that
is ready first. A 429 holds its channel for ``Retry-After`` without holding a thread.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
MARGIN = 0.05  # seconds added to each channel's interval


class ChannelPacer(Generic[T]):
    def __init__(
        self,
        stop: threading.Event,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stop = stop
        self._now = monotonic
        self._queues: dict[str, deque[T]] = {}
        self._intervals: dict[str, float] = {}  # seconds between two posts, per channel
        self._heap: list[tuple[float, int, str]] = []
        self._order = itertools.count()  # ties broken by insertion, never by channel name
        self._busy: set[str] = set()
        self._started: dict[str, float] = {}
        self._cond = threading.Condition()

    def add(self, channel: str, item: T, interval: float) -> None:
        with self._cond:
            self._intervals[channel] = interval
            queue = self._queues.setdefault(channel, deque())
            queue.append(item)
            if len(queue) == 1 and channel not in self._busy:
                heapq.heappush(self._heap, (self._now(), next(self._order), channel))
            self._cond.notify()

    def take(self) -> tuple[str, T] | None:
        """The next item whose channel may post now; None when all is done or stopping."""
        with self._cond:
            while True:
                if self.stop.is_set():
                    return None
                if not self._heap:
                    if not self._busy:
                        return None
                    self._cond.wait(0.5)
                    continue
                ready_at, _, channel = self._heap[0]
                delay = ready_at - self._now()
                if delay > 0:
                    # Bounded waits: a stop request is noticed within half a second.
                    self._cond.wait(min(delay, 0.5))
                    continue
                heapq.heappop(self._heap)
                self._busy.add(channel)
                self._started[channel] = self._now()
                return channel, self._queues[channel].popleft()

    def done(
        self,
        channel: str,
        hold: float = 0.0,
        again: T | None = None,
        posted_at: float | None = None,
    ) -> None:
        """The channel's post finished; ``again`` goes back to the front after ``hold`` s.

        ``posted_at`` (monotonic) is when the request went out, if it did.
        """
        with self._cond:
            if posted_at is not None:
                self._started[channel] = posted_at
            self._busy.discard(channel)
            queue = self._queues[channel]
            if again is not None:
                queue.appendleft(again)
            if queue:
                # The interval runs from when the post *started*, so the time spent posting
                # and recording is not added to every slot; a 429 or backoff holds from now.
                # MARGIN covers the previous request reaching Slack later than it started.
                interval = self._intervals[channel]
                ready = self._started[channel] + interval + MARGIN if interval else 0.0
                ready = max(ready, self._now() + hold)
                heapq.heappush(self._heap, (ready, next(self._order), channel))
            self._cond.notify_all()

    def remaining(self) -> list[T]:
        """Items never handed out (after a stop): the caller releases their claims."""
        with self._cond:
            left = [item for queue in self._queues.values() for item in queue]
            for queue in self._queues.values():
                queue.clear()
            self._heap.clear()
            return left
