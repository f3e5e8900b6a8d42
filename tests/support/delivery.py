"""Sending as the reminder tests look at it: ports, a settable clock, posts whichever platform made
them, and a :class:`Delivery` that makes the platform behind a port fail on purpose.

They send through the real Slack port and a fake Slack Web API, and through a port with no
platform behind it (:class:`RecordedDelivery`), so the delivery guarantee is shown to be the
sender's, whatever the platform.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.document import Heading, Item, Lines, Note, StatusButtons, Target
from bot.render.phrase import PlainMarkup, render
from bot.slack.status_actions import PICK_ACTION, target_of_pick, target_of_value
from data import queries, reminders, rounds
from data.db import transaction
from data.models import Measure, Milestone, Organisation, Responsibility, Role
from jobs import rounds as round_jobs
from jobs.port import MessagePort, PermanentError, RateLimited, TransientError
from jobs.sender import SendOptions
from jobs.tick import TickReport, run_tick
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support.fakeslack import Call, FakeSlack
from tests.support.programme import NOW
from tests.support.recording_port import Recorded, RecordingPort

# Quick retries without waiting; the ports used here do not pace channels either (the pacing
# itself is tested in test_pacer.py).
FAST = SendOptions(concurrency=4, quick_retries=1, retry_backoff=0.01)


def contact_of(key: str) -> str:
    """A made-up Slack user id per organisation, readable in assertions."""
    return "U" + "".join(c for c in key.upper() if c.isalnum())[:8].ljust(4, "X")


# The milestones the delivery tests send reminders for, and the due date of a test round.
NEW_YEAR_EVE = date(2018, 12, 31)
ROUND_DUE = date(2019, 1, 15)


def ports(port: MessagePort) -> dict[Platform, MessagePort]:
    return {port.platform: port}


class Clock:
    """A settable clock: tests move time explicitly, never by sleeping."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def tick(
    factory: sessionmaker[Session], settings: Settings, port: MessagePort, at: datetime
) -> TickReport:
    """One worker tick at ``at``, sending without waiting between posts."""
    return run_tick(factory, settings, ports(port), clock=Clock(at), worker="w1", options=FAST)


@dataclass(frozen=True, slots=True)
class Post:
    """One post as a test looks at it, whichever port made it."""

    channel: str
    text: str  # the notification text first, then everything else it shows
    outbox_ids: tuple[int, ...]  # the outbox rows its status buttons report from
    milestones: tuple[int | None, ...]  # what it offers a status on, by buttons or menus
    in_thread: bool


class Delivery(Protocol):
    """A port, what went through it, and ways to make the platform behind it fail."""

    port: MessagePort

    def posts(self) -> list[Post]:
        """What the platform took, oldest first."""
        ...

    def attempts(self) -> int:
        """Every post the port was asked for, refused ones included."""
        ...

    def rate_limit(self, times: int) -> None:
        """The next ``times`` posts are refused with "retry after 1 s"."""
        ...

    def break_down(self) -> None:
        """Every post fails as a 5xx would, until :meth:`clear`."""
        ...

    def refuse(self, code: str) -> None:
        """Every post is refused for good with ``code``, until :meth:`clear`."""
        ...

    def clear(self) -> None: ...


class SlackDelivery:
    def __init__(self, fake: FakeSlack, port: MessagePort) -> None:
        self.fake, self.port = fake, port

    def posts(self) -> list[Post]:
        return [slack_post(c) for c in self.fake.calls("chat.postMessage") if not c.refused]

    def attempts(self) -> int:
        return len(self.fake.calls("chat.postMessage"))

    def rate_limit(self, times: int) -> None:
        self.fake.fail("chat.postMessage", status=429, retry_after=1, times=times)

    def break_down(self) -> None:
        self.fake.fail("chat.postMessage", status=500)

    def refuse(self, code: str) -> None:
        self.fake.fail("chat.postMessage", error=code)

    def clear(self) -> None:
        self.fake.clear()


def slack_post(call: Call) -> Post:
    blocks: list[dict[str, Any]] = call.params.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    texts = [call.params["text"]]
    buttons: list[Target] = []
    offered: list[Target] = []
    for block in blocks:
        if block["type"] == "section":
            texts.append(block["text"]["text"])
            if block.get("accessory", {}).get("action_id") == PICK_ACTION:
                offered.append(target_of_pick(block["block_id"]))
        elif block["type"] == "context":
            texts += [element["text"] for element in block["elements"]]
        elif block["type"] == "actions":
            buttons.append(target_of_value(block["elements"][0]["value"]))
    return Post(
        channel=call.params["channel"],
        text="\n".join(texts),
        outbox_ids=tuple(t.outbox_id for t in buttons if t.outbox_id is not None),
        milestones=tuple(t.milestone_id for t in [*buttons, *offered]),
        in_thread=bool(call.params.get("thread_ts")),
    )


class RecordedDelivery:
    def __init__(self, port: RecordingPort) -> None:
        self.port = port
        self.recording = port

    def posts(self) -> list[Post]:
        return [_recorded_post(post) for post in self.recording.posts()]

    def attempts(self) -> int:
        return self.recording.attempts

    def rate_limit(self, times: int) -> None:
        self.recording.fail(RateLimited(1.0), times=times)

    def break_down(self) -> None:
        self.recording.fail(TransientError("HTTP 500"))

    def refuse(self, code: str) -> None:
        self.recording.fail(PermanentError(code))

    def clear(self) -> None:
        self.recording.clear()


def _recorded_post(post: Recorded) -> Post:
    plain = PlainMarkup()
    texts = [render(post.document.summary, post.lang, plain)]
    buttons: list[Target] = []
    offered: list[Target] = []
    for block in post.document.blocks:
        if isinstance(block, Heading | Note):
            texts.append(render(block.text, post.lang, plain))
        elif isinstance(block, Lines):
            texts += [render(line, post.lang, plain) for line in block.lines]
        elif isinstance(block, Item):
            texts += [render(line, post.lang, plain) for line in block.lines]
            if block.recorded is not None:
                texts.append(render(block.recorded, post.lang, plain))
            offered.append(block.target)
        elif isinstance(block, StatusButtons):
            buttons.append(block.target)
    return Post(
        channel=post.destination,
        text="\n".join(texts),
        outbox_ids=tuple(t.outbox_id for t in buttons if t.outbox_id is not None),
        milestones=tuple(t.milestone_id for t in [*buttons, *offered]),
        in_thread=post.thread_of is not None,
    )


def expected_recipients(
    factory: sessionmaker[Session], contacts: dict[str, str]
) -> set[tuple[int, str]]:
    """(milestone id, contact) for every milestone due 31.12.2018 and each lead's contact."""
    with factory() as session:
        rows = session.execute(
            select(Milestone.id, Responsibility.organisation_id)
            .join(Measure, Measure.id == Milestone.measure_id)
            .join(Responsibility, Responsibility.measure_id == Measure.id)
            .where(Milestone.due == NEW_YEAR_EVE, Responsibility.role == Role.LEAD)
        ).all()
        keys = {o.id: o.key for o in session.scalars(select(Organisation))}
    return {(milestone_id, contacts[keys[org_id]]) for milestone_id, org_id in rows}


def start_round(factory: sessionmaker[Session], settings: Settings, pattern: str = "*") -> int:
    """What ``/seuranta round start`` does: the round and its first messages, in one go."""
    with transaction(factory) as session:
        version = queries.current_programme_version(session)
        assert version is not None
        found = rounds.start(
            session,
            programme_id=version[0],
            due=ROUND_DUE,
            pattern=pattern,
            started_by="UADMIN",
            now=NOW,
            today=NOW.date(),
        )
        progress = rounds.progress(session, found)
        asks = round_jobs.ask_rows(session, progress, NOW, settings.coordinator_channel)
        reminders.insert_planned(session, asks)
        return found.id
