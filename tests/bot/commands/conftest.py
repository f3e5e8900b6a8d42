"""A command's context over the real programme (SQLite and PostgreSQL), the clock at NOW."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.context import CommandContext
from bot.engine import Engine
from data.directory import add_contact, resolve_one
from data.importer import ImportSummary
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support.people import ADMIN, OTHER_CONTACT, SM_CONTACT, Context
from tests.support.programme import NOW


@pytest.fixture
def settings() -> Settings:
    return Settings(language="fi", admins=frozenset({ADMIN}))


@pytest.fixture
def context(imported: ImportSummary, factory: sessionmaker[Session], settings: Settings) -> Context:
    """``context(person, lang=…, platform=…)``: SM has two contacts."""
    with factory() as session, session.begin():
        sm = resolve_one(session, "SM")
        add_contact(session, sm, SM_CONTACT, ADMIN, NOW)
        add_contact(session, sm, OTHER_CONTACT, ADMIN, NOW)
    engine = Engine(factory, default_lang=settings.language, zone=settings.zone)

    def make(
        person: str, *, lang: str = "en", platform: Platform = Platform.SLACK
    ) -> CommandContext:
        return CommandContext(
            person=person,
            lang=lang,
            now=NOW,
            factory=factory,
            settings=settings,
            engine=engine,
            platform=platform,
        )

    return make
