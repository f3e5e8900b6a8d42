"""Builds the Bolt app: client, middleware, listeners, error handler. Nothing else.

Sync Bolt with ``process_before_response=True``: a listener's acknowledgement is made in the
request's own thread and is the HTTP response. The slash command answers within it
(milliseconds); events, clicks and modal submissions are acknowledged at once and their work
runs as lazy listeners on the listener pool (:mod:`bot.slack.lazy`), so a slow Web API call
never makes Slack retry. (With ``False``, Bolt would run every listener on the pool and poll
for its ``ack()`` every 10 ms: a slash command's answer would wait for that poll.)
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import TYPE_CHECKING

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.slack import middleware
from bot.slack.client import web_client
from bot.slack.errors import handle_error
from bot.slack.listeners import register_listeners
from bot.slack.services import Services, utc_now
from seuranta.settings import Settings

if TYPE_CHECKING:
    from bot.engine import Engine

# Threads per process for lazy listeners (Web API calls, mostly waiting on the network).
LISTENER_THREADS = 8


def build_app(
    settings: Settings,
    engine: Engine,
    factory: sessionmaker[Session],
    *,
    client: WebClient | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> App:
    settings.require_slack()
    logging.getLogger("slack_bolt.App").addFilter(_without_token_warning)
    app = App(
        name="seuranta",
        client=client or web_client(settings),
        # Empty in Socket Mode, where Bolt skips verification; never read from os.environ.
        signing_secret=settings.slack_signing_secret or "",
        process_before_response=True,
        listener_executor=ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="listener"),
    )
    middleware.register(app, Services(engine, factory, settings, clock))
    register_listeners(app)
    app.error(handle_error)
    return app


def _without_token_warning(record: logging.LogRecord) -> bool:
    """Bolt reads SLACK_BOT_TOKEN itself, then warns at every start that the client we give it
    wins. It does, on purpose: the client has the same token and honours SLACK_API_URL."""
    return "`token` will be unused" not in record.getMessage()
