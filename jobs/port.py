"""The one thing the sender needs of a chat platform, and the three ways a post can fail.

The sender depends on this Protocol, not on Slack, so tests can stand in a recording fake and
the retry rules are written once, in terms of what an error *means* for delivery.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Message:
    # The notification and screen-reader text; always set, even with blocks. Slack reads it as
    # mrkdwn, so user text in it is escaped exactly as in the blocks.
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    # Posted in the new message's thread right after it (the digest's details).
    thread: tuple[Message, ...] = ()


@dataclass(frozen=True, slots=True)
class Posted:
    channel: str  # the conversation Slack posted in (a DM's D… id when we asked for a user)
    ts: str


class RateLimited(Exception):
    """HTTP 429: Slack did not process the post; safe to repeat after ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited; retry after {retry_after:g} s")
        self.retry_after = retry_after


class TransientError(Exception):
    """5xx, timeout or a dropped connection: Slack *may* have posted; worth retrying later."""


class PermanentError(Exception):
    """Slack refused the post for a reason retrying cannot fix (``channel_not_found`` …)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class NotReachableYet(Exception):
    """The recipient cannot be messaged yet: a Teams user who has not installed the app, or a
    channel whose team the bot has not been added to. Nothing was sent; the row waits."""


class MessagePort(Protocol):
    def post(self, channel: str, message: Message, thread_ts: str | None = None) -> Posted: ...

    def update(self, channel: str, ts: str, message: Message) -> None: ...
