"""The bot's real WSGI app in a real HTTP server, a fake Slack Web API, and signed requests.

``bot`` runs :class:`bot.slack.web.SeurantaWsgi` (the same object gunicorn serves) in a threaded
``wsgiref`` server on a free port, over the ``imported`` programme on SQLite and PostgreSQL, with
the clock fixed at ``NOW``. ``slack`` sends it requests shaped and signed exactly as Slack does.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.web import SeurantaWsgi
from data.importer import ImportSummary
from seuranta.settings import Settings
from tests.conftest import NOW
from tests.fakeslack import FakeSlack
from tests.support.wsgi_server import POLL

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # a made-up signing secret
ADMIN = "UADMIN001"
PAYLOADS = Path(__file__).with_name("payloads")


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of one of Slack's example payloads."""
    return copy.deepcopy(json.loads((PAYLOADS / f"{name}.json").read_text()))


def signature(secret: str, timestamp: str, body: str) -> str:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return "v0=" + digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


@dataclass(frozen=True, slots=True)
class SignedSlack:
    """Sends requests to the bot the way Slack does (see payloads/README.md)."""

    url: str
    secret: str = SECRET

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> Reply:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature(secret or self.secret, ts, body),
            **(headers or {}),
        }
        request = urllib.request.Request(
            self.url + path, data=body.encode(), headers=all_headers, method="POST"
        )
        return _send(request)

    def get(self, path: str) -> Reply:
        return _send(urllib.request.Request(self.url + path))

    def event(self, event_payload: dict[str, Any], **options: Any) -> Reply:
        return self.post(json.dumps(event_payload), "application/json", **options)

    def command(self, text: str, *, user_id: str = "W111", response_url: str = "") -> Reply:
        fields = payload("slash_command")
        fields.update(command="/seuranta", text=text, user_id=user_id)
        if response_url:
            fields["response_url"] = response_url
        return self.form(fields)

    def form(self, fields: dict[str, str], **options: Any) -> Reply:
        body = urllib.parse.urlencode(fields)
        return self.post(body, "application/x-www-form-urlencoded", **options)

    def action(self, action_payload: dict[str, Any], **options: Any) -> Reply:
        body = "payload=" + urllib.parse.quote(json.dumps(action_payload))
        return self.post(body, "application/x-www-form-urlencoded", **options)


def _send(request: urllib.request.Request) -> Reply:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, dict(response.headers), response.read().decode())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read().decode())


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


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


def serve_in_thread(wsgi: Any) -> tuple[str, WSGIServer]:
    server = make_server(
        "127.0.0.1", 0, wsgi, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    threading.Thread(target=server.serve_forever, args=(POLL,), daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server


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
    url, server = serve_in_thread(SeurantaWsgi(app, engine, SECRET))
    yield SignedSlack(url)
    server.shutdown()
    server.server_close()
