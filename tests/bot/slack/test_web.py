"""The HTTP face: signatures, Slack's handshakes, malformed requests, the health check."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.web import SeurantaWsgi
from data.db import make_engine, make_sessionmaker
from seuranta.settings import Settings
from tests.bot.slack.conftest import SECRET, SignedSlack, payload, serve_in_thread
from tests.fakeslack import FakeSlack


def test_a_bad_signature_gets_401(slack: SignedSlack, fake_slack: FakeSlack) -> None:
    reply = slack.event(payload("app_mention"), secret="not-the-secret")

    assert reply.status == 401
    assert reply.json() == {"error": "invalid request"}
    time.sleep(0.3)
    assert fake_slack.calls("chat.postMessage") == []


def test_a_stale_timestamp_gets_401(slack: SignedSlack) -> None:
    six_minutes_ago = int(time.time()) - 6 * 60

    assert slack.command("who owns 2.7?").status == 200
    fields = payload("slash_command") | {"command": "/seuranta", "text": "who owns 2.7?"}
    assert slack.form(fields, timestamp=six_minutes_ago).status == 401


def test_a_missing_or_garbled_signature_gets_401(slack: SignedSlack) -> None:
    body = json.dumps(payload("app_mention"))
    no_headers = slack.post(body, "application/json", headers={"X-Slack-Signature": ""})
    garbled = slack.post(body, "application/json", headers={"X-Slack-Request-Timestamp": "soon"})

    assert no_headers.status == 401
    assert garbled.status == 401


def test_url_verification_echoes_the_challenge(slack: SignedSlack) -> None:
    reply = slack.event(payload("url_verification"))

    assert reply.status == 200
    assert reply.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_ssl_check_gets_an_empty_200(slack: SignedSlack) -> None:
    reply = slack.form(payload("ssl_check"))

    assert (reply.status, reply.text) == (200, "")


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param('{"type": "event_callback", "event": ', "application/json", id="broken_json"),
        pytest.param("[1, 2, 3]", "application/json", id="json_array"),
        pytest.param("payload=%7Bnot+json", "application/x-www-form-urlencoded", id="bad_payload"),
        pytest.param(
            '{"type": "event_callback", "event_id": "Ev1"}', "application/json", id="no_event"
        ),
        pytest.param(
            '{"type": "event_callback", "event": "x", "event_id": "Ev1"}',
            "application/json",
            id="event_not_object",
        ),
        pytest.param(
            "command=%2Fseuranta&text=hi", "application/x-www-form-urlencoded", id="command_no_user"
        ),
        pytest.param(
            'payload={"type":"block_actions","user":{"id":"U1"},"actions":[]}',
            "application/x-www-form-urlencoded",
            id="action_without_actions",
        ),
    ],
)
def test_a_signed_but_malformed_request_gets_400_not_500(
    slack: SignedSlack, body: str, content_type: str
) -> None:
    reply = slack.post(body, content_type)

    assert reply.status == 400
    assert reply.json() == {"error": "malformed request"}


def test_a_request_without_a_payload_gets_a_4xx(slack: SignedSlack) -> None:
    reply = slack.form({"token": "x", "team_id": "T1"})

    assert 400 <= reply.status < 500
    assert "Traceback" not in reply.text


def test_a_malformed_unsigned_request_gets_401(slack: SignedSlack) -> None:
    assert slack.post("[1,", "application/json", secret="wrong").status == 401


def test_other_paths_and_methods_are_refused(slack: SignedSlack) -> None:
    assert slack.get("/").status == 404
    assert slack.get("/slack/events").status == 405
    assert slack.post("{}", "application/json", path="/elsewhere").status == 404


def test_healthz_is_200_when_the_database_is_current(slack: SignedSlack) -> None:
    reply = slack.get("/healthz")

    assert reply.status == 200
    assert reply.json()["status"] == "ok"


@pytest.fixture
def without_database(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[SignedSlack]:
    """The bot with its SQLite file in a directory that does not exist."""
    engine = make_engine(f"sqlite:///{tmp_path / 'gone' / 'db.sqlite3'}")
    factory = make_sessionmaker(engine)
    settings = Settings(
        slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake_slack.url
    )
    client = WebClient(token="xoxb-test", base_url=fake_slack.url)
    app = build_app(settings, AnswerEngine(factory), factory, client=client)
    url, server = serve_in_thread(SeurantaWsgi(app, engine, SECRET))
    yield SignedSlack(url)
    server.shutdown()
    server.server_close()


def test_healthz_is_503_when_the_database_is_gone(without_database: SignedSlack) -> None:
    reply = without_database.get("/healthz")

    assert reply.status == 503
    assert reply.json() == {"status": "unavailable", "database": "unreachable"}


def test_an_unexpected_error_gets_an_apology_and_a_log_line_not_a_traceback(
    without_database: SignedSlack, caplog: pytest.LogCaptureFixture
) -> None:
    reply = without_database.command("who owns 2.7?")

    assert reply.status == 200
    assert reply.json()["response_type"] == "ephemeral"
    assert "Reference" in reply.json()["text"] or "Viite" in reply.json()["text"]
    assert "Traceback" not in reply.text
    assert any("failed" in r.message and r.exc_info for r in caplog.records)
