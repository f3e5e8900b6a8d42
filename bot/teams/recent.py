"""What this process stored lately, so that a message repeating it costs no database trip.

Teams sends the same conversation reference and the same name with every message a person
writes. Storing an unchanged value writes nothing, but even finding that out is a transaction
on a thread off the event loop, for every question. :class:`Recent` remembers, for a while,
what was stored under which key; a value seen again within :data:`TTL` is not looked at again.

Another process may forget a reference in the meantime (an uninstall it served). An install is
therefore always stored (the listeners say so), and a remembered value expires, so nothing
stays unstored for longer than :data:`TTL` after the person writes again.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable

TTL = 600.0  # seconds
SIZE = 10_000  # keys: the people and channels one process serves in ten minutes, with room


class Recent:
    def __init__(
        self, ttl: float = TTL, size: int = SIZE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._ttl = ttl
        self._size = size
        self._clock = clock
        self._stored: OrderedDict[Hashable, tuple[Hashable, float]] = OrderedDict()
        self._lock = threading.Lock()

    def known(self, key: Hashable, value: Hashable) -> bool:
        """True if this very value was stored under ``key`` within the TTL."""
        with self._lock:
            found = self._stored.get(key)
            return found is not None and found[0] == value and self._clock() < found[1]

    def stored(self, key: Hashable, value: Hashable) -> None:
        with self._lock:
            self._stored[key] = (value, self._clock() + self._ttl)
            self._stored.move_to_end(key)
            while len(self._stored) > self._size:
                self._stored.popitem(last=False)

    def forget(self, keys: Iterable[Hashable]) -> None:
        with self._lock:
            for key in keys:
                self._stored.pop(key, None)
