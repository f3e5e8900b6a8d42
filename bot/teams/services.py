"""What every Teams listener needs, bound to it when the listeners are registered."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.answers import Answer
from bot.language import preferred_language
from bot.teams.status import RecordStatus
from seuranta.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine


@dataclass(frozen=True, slots=True)
class Services:
    engine: Engine
    settings: Settings
    clock: Callable[[], datetime]
    # Records a status clicked on a card; None: card clicks are not handled.
    record_status: RecordStatus | None = None

    async def ask(self, question: str, lang: str) -> Answer:
        """The engine's answer; the engine and its database are synchronous, so off the loop."""
        return await asyncio.to_thread(self.engine.ask, question, now=self.clock(), lang=lang)

    def language_for(self, question: str, locale: str | None) -> str:
        """The question's own language, else the Teams client's locale, else the default."""
        return preferred_language(question, None, locale, self.settings.language)
