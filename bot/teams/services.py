"""What every Teams listener needs, bound to it when the listeners are registered."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from bot.answers import Answer
from bot.commands.context import CommandContext
from bot.commands.handlers import handle
from bot.commands.parse import Command
from bot.commands.record import RecordStatus
from bot.commands.results import Result
from bot.language import preferred_language
from bot.rate_limit import RateLimiter
from bot.teams.recent import Recent
from data import directory
from data.db import transaction
from seuranta.identity import Platform
from seuranta.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine


@dataclass(frozen=True, slots=True)
class Services:
    engine: Engine
    settings: Settings
    clock: Callable[[], datetime]
    # The records behind subcommands and conversation references; None: questions only (a
    # process that only sends, such as the worker).
    factory: sessionmaker[Session] | None = None
    # Records a status clicked on a card; None: card clicks are not handled.
    record_status: RecordStatus | None = None
    # SEURANTA_RATE_LIMIT: questions and commands one person may send a minute; None: no limit.
    limiter: RateLimiter | None = None
    recent: Recent = field(default_factory=Recent)

    async def ask(self, question: str, lang: str, conversation: str | None = None) -> Answer:
        """The engine's answer; the engine and its database are synchronous, so off the loop.
        In a ``conversation`` (a chat or a channel thread) a follow-up continues the last answer."""
        return await asyncio.to_thread(
            self.engine.ask, question, now=self.clock(), lang=lang, conversation=conversation
        )

    @property
    def records(self) -> sessionmaker[Session]:
        if self.factory is None:  # the listeners that need it are registered only with it
            raise RuntimeError("this Teams bot has no records: it answers questions only")
        return self.factory

    async def command(self, command: Command, person: str, lang: str) -> Result:
        """A subcommand's result, under the same rules as Slack's ``/seuranta``."""
        context = CommandContext(
            person=person,
            lang=lang,
            now=self.clock(),
            factory=self.records,
            settings=self.settings,
            engine=self.engine,
            platform=Platform.TEAMS,
        )
        return await asyncio.to_thread(handle, command, context)

    async def remember(
        self,
        references: Sequence[directory.ConversationRef],
        people: Mapping[str, tuple[str | None, str | None]] | None = None,
        *,
        always: bool = False,
    ) -> None:
        """Keep how to reach these people and channels later (reminders, rounds, the digest),
        and what Teams says of people, by key: (name, locale), None leaving what is known. What
        this process stored lately is skipped (:mod:`bot.teams.recent`) unless ``always``."""
        told: dict[Hashable, Hashable] = {
            **{("reference", r.destination): r for r in references},
            **{("person", key): value for key, value in (people or {}).items()},
        }
        new = {k: v for k, v in told.items() if always or not self.recent.known(k, v)}
        if not new:
            return
        now = self.clock()

        def store() -> None:
            with transaction(self.records) as session:
                for reference in references:
                    if ("reference", reference.destination) in new:
                        directory.remember_conversation(session, reference, now)
                for key, (name, locale) in (people or {}).items():
                    if ("person", key) in new:
                        directory.remember_profile(
                            session, key, locale=locale, tz=None, display_name=name, now=now
                        )

        await asyncio.to_thread(store)
        for key, value in new.items():
            self.recent.stored(key, value)

    async def display_names(self, keys: Sequence[str]) -> dict[str, str]:
        def read() -> dict[str, str]:
            with self.records() as session:
                return directory.display_names(session, keys)

        return await asyncio.to_thread(read)

    async def forget(self, destinations: Sequence[str]) -> None:
        def drop() -> None:
            with transaction(self.records) as session:
                directory.forget_conversations(session, destinations)

        await asyncio.to_thread(drop)
        self.recent.forget(("reference", destination) for destination in destinations)

    def language_for(self, question: str, locale: str | None) -> str:
        """The question's own language, else the Teams client's locale, else the default."""
        return preferred_language(question, None, locale, self.settings.language)
