"""The pacer: each channel at most one post per interval, channels in parallel, 429s held.

These check the pacer's promises (never early, in order, nothing lost), which a slower machine
can only make easier; how close to the allowed rate it gets is measured in bench/.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import defaultdict

from jobs.pacer import MARGIN, ChannelPacer

INTERVAL = 0.05


def drain(pacer: ChannelPacer[str], threads: int = 4) -> dict[str, list[tuple[float, str]]]:
    """Take everything with a few threads that 'post' instantly: the hand-outs per channel."""
    taken: dict[str, list[tuple[float, str]]] = defaultdict(list)
    lock = threading.Lock()

    def work() -> None:
        while (item := pacer.take()) is not None:
            channel, message = item
            started = time.monotonic()
            with lock:
                taken[channel].append((started, message))
            pacer.done(channel, posted_at=started)

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return taken


def test_each_channel_gets_its_messages_in_order_and_never_faster_than_the_interval() -> None:
    pacer: ChannelPacer[str] = ChannelPacer(threading.Event())
    for n in range(4):
        for channel in ("D1", "D2", "D3"):
            pacer.add(channel, f"{channel}-{n}", INTERVAL)
    taken = drain(pacer)
    assert {c: [m for _, m in items] for c, items in taken.items()} == {
        c: [f"{c}-{n}" for n in range(4)] for c in ("D1", "D2", "D3")
    }
    for items in taken.values():
        gaps = [b - a for (a, _), (b, _) in itertools.pairwise(items)]
        assert min(gaps) >= INTERVAL + MARGIN


def test_a_rate_limited_message_goes_again_first_after_its_hold() -> None:
    pacer: ChannelPacer[str] = ChannelPacer(threading.Event())
    pacer.add("D1", "first", 0.0)
    pacer.add("D1", "second", 0.0)
    channel, message = pacer.take() or ("", "")
    held_at = time.monotonic()
    pacer.done(channel, hold=INTERVAL, again=message)  # a 429 with Retry-After
    channel, again = pacer.take() or ("", "")
    assert again == "first"
    assert time.monotonic() - held_at >= INTERVAL
    pacer.done(channel)
    assert pacer.take() == ("D1", "second")


def test_a_stop_hands_back_what_was_never_taken() -> None:
    stop = threading.Event()
    pacer: ChannelPacer[str] = ChannelPacer(stop)
    for n in range(3):
        pacer.add("D1", f"m{n}", INTERVAL)
    assert pacer.take() == ("D1", "m0")
    stop.set()
    assert pacer.take() is None
    assert pacer.remaining() == ["m1", "m2"]
