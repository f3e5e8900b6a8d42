"""What every listener needs, handed to it by Bolt as the ``services`` argument.

A global middleware puts one :class:`Services` into each request's context, and Bolt injects
context values by parameter name, so listeners stay plain functions that never import the app.

Bolt gives each lazy listener a deep copy of the request's context
(``BoltContext.to_copyable``, then ``copy.deepcopy`` of the whole request). ``Services`` is one
immutable object shared by every request of the process: copied, it would clone the answer
engine with its cache and the database engine with its connection pool on every click and
event. So a copy of it is itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from bot.answers import Answer
from bot.slack.blocks import SlackMessage, render_answer
from seuranta.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Services:
    engine: Engine
    factory: sessionmaker[Session]
    settings: Settings
    clock: Callable[[], datetime] = utc_now

    def __copy__(self) -> Services:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Services:
        return self

    def now(self) -> datetime:
        return self.clock()

    def ask(self, question: str, lang: str | None, conversation: str | None = None) -> Answer:
        return self.engine.ask(question, now=self.now(), lang=lang, conversation=conversation)

    def render(self, answer: Answer) -> SlackMessage:
        return render_answer(answer, self.settings.zone)

    def is_admin(self, slack_user_id: str) -> bool:
        return slack_user_id in self.settings.admins
