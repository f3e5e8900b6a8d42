"""The bot's real WSGI app in a real HTTP server, a fake Slack Web API, and signed requests.

``bot`` runs :class:`bot.slack.web.SeurantaWsgi` (the same object gunicorn serves) in a threaded
``wsgiref`` server on a free port, over the ``imported`` programme on SQLite and PostgreSQL, with
the clock fixed at ``NOW``. ``slack`` sends it requests shaped and signed exactly as Slack does.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.web import SeurantaWsgi
from data.importer import ImportSummary
from seuranta.settings import Settings
from tests.support.fakeslack import FakeSlack
from tests.support.programme import NOW
from tests.support.slack_requests import ADMIN, SECRET, SignedSlack
from tests.support.wsgi_server import serving


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.close()


@pytest.fixture
def slack_settings(fake_slack: FakeSlack) -> Settings:
    return Settings(
        language="fi",
        slack_bot_token="xoxb-test",
        slack_signing_secret=SECRET,
        slack_api_url=fake_slack.url,
        admins=frozenset({ADMIN}),
        reminder_bundle=False,  # a reminder per milestone; bundles have their own tests
    )


@pytest.fixture
def slack(
    imported: ImportSummary,
    engine: Engine,
    factory: sessionmaker[Session],
    slack_settings: Settings,
) -> Iterator[SignedSlack]:
    """The bot over the real programme, serving HTTP on a free port."""
    answers = AnswerEngine(factory, default_lang="fi", zone=slack_settings.zone)
    app = build_app(slack_settings, answers, factory, clock=lambda: NOW)
    with serving(SeurantaWsgi(app, engine, SECRET)) as url:
        yield SignedSlack(url)
