"""What the sender needs of a chat platform, and the ways a post can fail.

The sender depends on this Protocol, not on a platform: each platform's adapter implements it
(``bot.slack.port.SlackPort``, a Teams port), the composition root hands the sender one port per
platform, and tests stand in a recording fake. The retry rules are written once, in terms of
what an error *means* for delivery:

- :class:`RateLimited`: the platform did not take the post; repeating it cannot duplicate.
- :class:`TransientError`: the post *may* have arrived (a 5xx, a timeout, a dropped
  connection); retried a few times, then left for a later tick, then given up on.
- :class:`PermanentError`: refused for a reason retrying cannot fix; kept with its ``code``
  and shown to admins.
- :class:`NotReachableYet`: the person cannot be messaged *yet* (a Teams user who has not
  installed the app, so there is no conversation to post in); the row waits and goes out once
  they can be reached while it is still fresh, else it is folded like any stale reminder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.document import Document
from seuranta.identity import Platform


@dataclass(frozen=True, slots=True)
class Posted:
    """Where a message went and its id there, in the platform's own terms: Slack's channel (a
    DM's ``D…`` id when a person was asked for) and ``ts``; in Teams the conversation id and
    the activity id. Stored on the outbox row, it finds the message again (a click, a reply)."""

    channel: str
    ts: str


class RateLimited(Exception):
    """The platform did not process the post; safe to repeat after ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited; retry after {retry_after:g} s")
        self.retry_after = retry_after


class TransientError(Exception):
    """5xx, timeout or a dropped connection: the post *may* have arrived; worth retrying later."""


class PermanentError(Exception):
    """Refused for a reason retrying cannot fix: ``channel_not_found``, ``teams_not_configured``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class NotReachableYet(Exception):
    """The recipient cannot be messaged yet: a Teams user who has not installed the app, or a
    channel whose team the bot has not been added to. Nothing was sent; the row waits."""


class MessagePort(Protocol):
    platform: Platform
    # Seconds between two posts in one conversation (Slack: about one message a second).
    channel_interval: float

    def post(
        self,
        destination: str,
        document: Document,
        lang: str,
        thread_of: Posted | None = None,
    ) -> Posted:
        """Render ``document`` for this platform in ``lang`` and post it to ``destination`` (a
        stored person or channel key, :mod:`seuranta.identity`); with ``thread_of``, as a reply
        in that message's thread. Raises the errors above, nothing else for a failed post."""
        ...
