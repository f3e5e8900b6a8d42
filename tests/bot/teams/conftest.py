"""The Teams bot's real WSGI app on a real port, a fake Bot Connector, and Bot Framework tokens.

``teams`` serves :func:`bot.teams.app.teams_wsgi` in signed mode (a real ``TEAMS_APP_ID``; token
validation against the fake connector's key set through ``TEAMS_OPENID_METADATA_URL``) over the
``imported`` programme on SQLite and PostgreSQL, with the clock at ``NOW``, its records (typed
subcommands, conversation references) and the real status recorder; ``AINO`` is its admin.
``emulator`` is the same in emulator mode. Activities are built by
:mod:`tests.support.teams_activities` with the fake connector as their ``serviceUrl``, so every
reply the bot sends lands in ``connector``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.record import status_recorder
from bot.engine import Engine as AnswerEngine
from bot.teams.app import TeamsBot, teams_wsgi
from data.importer import ImportSummary
from seuranta.settings import Settings
from tests.support.programme import NOW
from tests.support.teams_activities import AINO
from tests.support.teams_client import APP_ID, APP_PASSWORD, TeamsClient, outbound_token
from tests.support.teams_connector import FakeConnector
from tests.support.teams_tokens import TokenIssuer
from tests.support.validators import OfficialValidators, official_validators
from tests.support.wsgi_server import serving


@pytest.fixture(autouse=True)
def _quiet_sdk_internals() -> None:
    """The SDK builds a deprecated client of its own for every activity; nothing of ours."""
    warnings.filterwarnings("ignore", "The bot client is deprecated", DeprecationWarning)


@pytest.fixture(scope="session")
def issuer() -> TokenIssuer:
    return TokenIssuer(APP_ID)


@pytest.fixture
def connector(issuer: TokenIssuer) -> Iterator[FakeConnector]:
    with FakeConnector(jwks=issuer.jwks) as fake:
        yield fake


@pytest.fixture
def signed_settings(connector: FakeConnector) -> Settings:
    return Settings(
        language="fi",
        admins=frozenset({f"teams:{AINO.aad_object_id}"}),
        rate_limit=0,  # tests send many questions a minute; the limit has a test of its own
        teams_app_id=APP_ID,
        teams_app_password=APP_PASSWORD,
        teams_openid_metadata_url=connector.openid_metadata_url,
    )


@pytest.fixture
def answers(factory: sessionmaker[Session], imported: ImportSummary) -> AnswerEngine:
    return AnswerEngine(factory, default_lang="fi")


@pytest.fixture
def teams(
    answers: AnswerEngine,
    factory: sessionmaker[Session],
    signed_settings: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
) -> Iterator[TeamsClient]:
    """The bot in signed mode over the real programme, serving HTTP on a free port."""
    bot = teams_wsgi(
        signed_settings,
        answers,
        clock=lambda: NOW,
        token_provider=outbound_token,
        factory=factory,
        record_status=status_recorder(factory, signed_settings, lambda: NOW),
    )
    with _served(bot) as url:
        yield TeamsClient(url, connector, issuer)


@pytest.fixture
def emulator(
    answers: AnswerEngine, factory: sessionmaker[Session], connector: FakeConnector
) -> Iterator[TeamsClient]:
    """The bot in emulator mode: no tokens either way."""
    settings = Settings(teams_emulator=True, rate_limit=0)
    bot = teams_wsgi(settings, answers, clock=lambda: NOW, factory=factory)
    with _served(bot) as url:
        yield TeamsClient(url, connector, None)


@contextmanager
def _served(bot: TeamsBot) -> Iterator[str]:
    try:
        with serving(bot) as url:
            yield url
    finally:
        bot.close()


@pytest.fixture(scope="session")
def validators() -> Iterator[OfficialValidators]:
    """Microsoft's Adaptive Cards library and Teams manifest schemas, in one Node process."""
    checker = official_validators()
    yield checker
    checker.close()
