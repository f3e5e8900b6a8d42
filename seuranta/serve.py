"""``seuranta serve``: the bot under gunicorn (HTTP mode), or over Socket Mode with SLACK_APP_TOKEN.

HTTP mode builds the app once in the gunicorn master (``preload_app``): a bad token or database
stops the start with one error instead of every worker failing in turn, and the workers share
the warmed search index. Each worker then drops the database connections it inherited, which
must never be shared between processes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from gunicorn.app.base import BaseApplication  # type: ignore[import-untyped]
from slack_bolt import App
from slack_bolt.error import BoltError
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.client import NETWORK_ERRORS, unreachable
from bot.slack.web import SeurantaWsgi
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


def serve(settings: Settings, factory: sessionmaker[Session]) -> int:
    settings.require_slack()
    app = _app(settings, factory)
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        logger.info("connecting to Slack in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()  # type: ignore[no-untyped-call]
        return 0
    database: Engine = factory.kw["bind"]
    page = make_status_page(factory, settings)
    wsgi = SeurantaWsgi(
        app,
        database,
        settings.slack_signing_secret or "",
        fallback=page,
        default_lang=settings.language,
    )
    GunicornServer(wsgi, settings, post_fork=lambda: database.dispose(close=False)).run()
    return 0


def _app(settings: Settings, factory: sessionmaker[Session]) -> App:
    engine = AnswerEngine(factory, default_lang=settings.language, zone=settings.zone)
    try:
        app = build_app(settings, engine, factory)
    except BoltError as error:  # auth.test refused the token
        raise ConfigError(f"Slack did not accept SLACK_BOT_TOKEN: {error}") from error
    except NETWORK_ERRORS as error:  # auth.test did not get through
        raise unreachable(settings.slack_api_url, error) from error
    # Build the search index now, not on the first question (which has 3 s to be answered).
    engine.warm()
    return app
