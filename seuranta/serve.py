"""``seuranta serve``: one web process for every configured chat platform, under gunicorn.

- **Slack** over HTTP on ``POST /slack/events`` (``SLACK_BOT_TOKEN`` and ``SLACK_SIGNING_SECRET``),
  or over Socket Mode with ``SLACK_APP_TOKEN``;
- **Microsoft Teams** on ``POST /api/messages`` (``TEAMS_APP_ID`` and ``TEAMS_APP_PASSWORD``, or
  ``SEURANTA_TEAMS_EMULATOR=1``);

beside ``/healthz`` and the public status page, on the same ``$PORT``. Either platform alone is
enough; neither stops the start with one line. Slack in Socket Mode alone needs no HTTP server
at all; with Teams beside it, the WebSocket runs in the gunicorn master and the workers serve
HTTP.

The apps are built once in the gunicorn master (``preload_app``): a bad token or database stops
the start with one error instead of every worker failing in turn, and the workers share the
warmed search index. Each worker then drops the database connections it inherited, which must
never be shared between processes; the Teams SDK's event loop is made in each worker on its
first request (:mod:`bot.teams.bridge`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
from slack_bolt import App
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.record import status_recorder
from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.client import NETWORK_ERRORS, unreachable
from bot.slack.socket_mode import SocketModeHandler
from bot.slack.web import SeurantaWsgi
from bot.teams.app import MESSAGING_PATH, TeamsBot, teams_wsgi
from reports.web import make_app as make_status_page
from seuranta import logs
from seuranta.errors import ConfigError
from seuranta.settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

logger = logging.getLogger(__name__)


class GunicornServer(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints
    """gunicorn run from Python, configured here rather than by a config file or argv."""

    def __init__(
        self,
        application: WSGIApplication,
        settings: Settings,
        *,
        post_fork: Callable[[], None] | None = None,
    ) -> None:
        self.application = application
        self.options: dict[str, Any] = {
            "bind": f"0.0.0.0:{settings.port}",
            "workers": settings.web_concurrency,
            # Threads, because a listener spends its time waiting on the database and Slack.
            "worker_class": "gthread",
            "threads": settings.web_threads,
            "preload_app": True,
            # Heroku gives a dyno 30 s between SIGTERM and SIGKILL.
            "graceful_timeout": 25,
            "timeout": 30,
            "errorlog": "-",
            # gunicorn's own lines in our format, through the root logger (seuranta.logs).
            "logconfig_dict": logs.config(settings.log_format),
            "post_fork": lambda _server, _worker: post_fork() if post_fork else None,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> WSGIApplication:
        return self.application


def slack_configured(settings: Settings) -> bool:
    return any((settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token))


def require_platforms(settings: Settings) -> None:
    """At least one platform, and each one that is named complete: one line if not."""
    if not slack_configured(settings) and not settings.teams_configured:
        raise ConfigError(
            "nothing to serve: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for Slack, or "
            "TEAMS_APP_ID and TEAMS_APP_PASSWORD for Microsoft Teams (see 'Install in your "
            "Slack workspace' and 'Install in Microsoft Teams' in the README)"
        )
    if slack_configured(settings):
        settings.require_slack()
    if settings.teams_configured:
        settings.require_teams()


def serve(settings: Settings, factory: sessionmaker[Session]) -> int:
    require_platforms(settings)
    engine = AnswerEngine(factory, default_lang=settings.language, zone=settings.zone)
    slack = _slack(settings, factory, engine) if slack_configured(settings) else None
    teams = _teams(settings, factory, engine) if settings.teams_configured else None
    # Build the search index now, not on the first question (which has 3 s to be answered).
    engine.warm()
    socket_mode = slack is not None and settings.socket_mode
    if socket_mode and teams is None:
        assert slack is not None
        with _refusals_as_config_errors(settings):
            _socket_mode(slack, settings).start()  # type: ignore[no-untyped-call]
        return 0
    database: Engine = factory.kw["bind"]
    wsgi = SeurantaWsgi(
        None if socket_mode else slack,
        database,
        settings.slack_signing_secret or "",
        fallback=make_status_page(factory, settings),
        default_lang=settings.language,
        routes={MESSAGING_PATH: teams} if teams is not None else None,
    )
    if socket_mode:
        assert slack is not None
        # Here, in the gunicorn master, before it forks: the workers only serve HTTP, and the
        # WebSocket's threads stay in this process (a fork copies no thread).
        with _refusals_as_config_errors(settings):
            _socket_mode(slack, settings).connect()  # type: ignore[no-untyped-call]
    GunicornServer(wsgi, settings, post_fork=lambda: database.dispose(close=False)).run()
    return 0


def _slack(settings: Settings, factory: sessionmaker[Session], engine: AnswerEngine) -> App:
    try:
        return build_app(settings, engine, factory)
    except BoltError as error:  # auth.test refused the token
        raise ConfigError(f"Slack did not accept SLACK_BOT_TOKEN: {error}") from error
    except NETWORK_ERRORS as error:  # auth.test did not get through
        raise unreachable(settings.slack_api_url, error) from error


def _teams(settings: Settings, factory: sessionmaker[Session], engine: AnswerEngine) -> TeamsBot:
    return teams_wsgi(
        settings,
        engine,
        factory=factory,
        record_status=status_recorder(factory, settings, _utc_now),
    )


def _socket_mode(app: App, settings: Settings) -> SocketModeHandler:
    logger.info("connecting to Slack in Socket Mode")
    return SocketModeHandler(app, settings.slack_app_token)


@contextmanager
def _refusals_as_config_errors(settings: Settings) -> Iterator[None]:
    """Opening the WebSocket asks Slack for its address first (apps.connections.open)."""
    try:
        yield
    except SlackApiError as error:
        refusal = error.response.get("error")
        raise ConfigError(f"Slack did not accept SLACK_APP_TOKEN: {refusal}") from error
    except NETWORK_ERRORS as error:
        raise unreachable(settings.slack_api_url, error) from error


def _utc_now() -> datetime:
    return datetime.now(UTC)
