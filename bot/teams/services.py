"""What every Teams listener needs, bound to it when the listeners are registered."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.answers import Answer
from bot.intents import detect_language
from bot.teams.status import RecordStatus
from seuranta.settings import LANGUAGES, Settings

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
        return detect_language(question) or language_of_locale(locale) or self.settings.language


def language_of_locale(locale: str | None) -> str | None:
    """Teams' ``fi-FI``, ``sv-SE``, ``en-US`` … to one of the bot's languages."""
    lang = (locale or "").split("-")[0].lower()
    return lang if lang in LANGUAGES else None
