"""What a command handler may know of the person and the world: all of it platform-free."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, sessionmaker

from seuranta.identity import Platform
from seuranta.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine


@dataclass(frozen=True, slots=True)
class CommandContext:
    person: str  # the key of whoever typed the command (seuranta.identity)
    lang: str  # the reply's language (bot.language.preferred_language)
    now: datetime
    factory: sessionmaker[Session]
    settings: Settings  # admins, time zone, rounds' and reports' policy
    engine: Engine  # questions
    platform: Platform  # where the command was typed

    @property
    def is_admin(self) -> bool:
        return self.person in self.settings.admins

    @property
    def today(self) -> date:
        return self.now.astimezone(self.settings.zone).date()
