"""The HTTP face: signatures, Slack's handshakes, malformed requests, the health check."""

from __future__ import annotations

import io
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.web import SeurantaWsgi
from data.db import make_engine, make_sessionmaker
from seuranta import logs
from seuranta.settings import Settings
from tests.support.fakeslack import FakeSlack
from tests.support.slack_requests import SECRET, SignedSlack, payload
from tests.support.wsgi_server import serving


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
        pytest.param(
            '{"type": "event_callback", "event": {"type": "x"}, "event_id": "E", "enterprise": 5}',
            "application/json",
            id="enterprise_a_number",
        ),
        pytest.param('{"type": "block_actions", "user": 7}', "application/json", id="user_number"),
        pytest.param(
            '{"type": "event_callback", "authorizations": 3}', "application/json", id="auths_3"
        ),
        pytest.param('"just a string"', "application/json", id="json_string"),
        pytest.param("payload=[1]", "application/x-www-form-urlencoded", id="payload_array"),
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
    with serving(SeurantaWsgi(app, engine, SECRET)) as url:
        yield SignedSlack(url)


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


# -- the attack of issue 9: nothing unverified gets past the door ---------------------------

FORGED_REQUEST_ID = "<!here> moved: <https://evil.example|log in again>"


@pytest.mark.parametrize(
    "timestamp",
    [
        pytest.param("9" * 5000, id="5000_digits"),
        pytest.param("²", id="superscript_two"),
        pytest.param("1" * 13, id="13_digits"),
        pytest.param(" 1700000000", id="leading_space"),
        pytest.param("now", id="word"),
        pytest.param("", id="empty"),
        pytest.param(None, id="fresh"),
    ],
)
def test_a_forged_mention_gets_401_and_no_web_api_call_whatever_its_timestamp(
    slack: SignedSlack, fake_slack: FakeSlack, timestamp: str | None
) -> None:
    before = len(fake_slack.calls())
    headers = {"X-Request-Id": FORGED_REQUEST_ID}
    if timestamp is not None:
        headers["X-Slack-Request-Timestamp"] = timestamp

    reply = slack.event(payload("app_mention"), secret="not-the-secret", headers=headers)

    assert reply.status == 401
    assert reply.json() == {"error": "invalid request"}
    time.sleep(0.3)  # a listener would run after the acknowledgement
    assert fake_slack.calls()[before:] == []


def test_a_signature_that_is_not_hex_gets_401(slack: SignedSlack, fake_slack: FakeSlack) -> None:
    before = len(fake_slack.calls())
    not_hex = "v0=" + "é" * 64

    reply = slack.event(payload("app_mention"), headers={"X-Slack-Signature": not_hex})

    assert reply.status == 401
    time.sleep(0.3)
    assert fake_slack.calls()[before:] == []


def test_a_timestamp_more_than_five_minutes_ahead_gets_401(slack: SignedSlack) -> None:
    six_minutes_ahead = int(time.time()) + 6 * 60

    assert slack.event(payload("app_mention"), timestamp=six_minutes_ahead).status == 401


def test_a_content_length_in_other_digits_gets_a_4xx_not_500(slack: SignedSlack) -> None:
    import http.client
    from urllib.parse import urlsplit

    url = urlsplit(slack.url)
    connection = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
    connection.putrequest("POST", "/slack/events")
    connection.putheader("Content-Type", "application/json")
    connection.putheader("Content-Length", "²")
    connection.putheader("X-Slack-Request-Timestamp", str(int(time.time())))
    connection.putheader("X-Slack-Signature", "v0=" + "0" * 64)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()

    assert 400 <= status < 500


def test_an_error_reference_is_generated_not_taken_from_the_request(
    without_database: SignedSlack,
) -> None:
    fields = payload("slash_command") | {"command": "/seuranta", "text": "who owns 2.7?"}

    reply = without_database.form(fields, headers={"X-Request-Id": FORGED_REQUEST_ID})

    text = reply.json()["text"]
    assert "evil" not in text
    assert "<!here>" not in text
    assert re.search(r"\((?:Viite|Reference|Referens) [0-9a-f]{12}\)", text)


def test_a_platform_request_id_that_is_strictly_valid_is_kept(
    without_database: SignedSlack,
) -> None:
    heroku = "f9ed4675-f5d4-4b8a-9f0c-2a0b3c4d5e6f"
    fields = payload("slash_command") | {"command": "/seuranta", "text": "who owns 2.7?"}

    reply = without_database.form(fields, headers={"X-Request-Id": heroku})

    assert heroku in reply.json()["text"]


# -- logs: one line per request, nothing unverified, nothing forged --------------------------


@pytest.fixture
def log_lines() -> Iterator[Callable[[], list[str]]]:
    """Logging as ``seuranta serve`` sets it up, into a buffer; returns the lines so far."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logs.configure("kv")
    buffer = io.StringIO()
    (handler,) = root.handlers
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)
    yield lambda: buffer.getvalue().splitlines()
    root.handlers[:] = saved[0]
    root.setLevel(saved[1])
    for name in (*logs.QUIET, "gunicorn.error", "gunicorn.access"):
        logging.getLogger(name).setLevel(logging.NOTSET)


def _request_lines(lines: list[str]) -> list[str]:
    return [line for line in lines if " msg=request " in line]


def test_every_request_leaves_one_line_with_its_id_status_kind_and_who(
    slack: SignedSlack, log_lines: Callable[[], list[str]]
) -> None:
    heroku = "f9ed4675-f5d4-4b8a-9f0c-2a0b3c4d5e6f"
    fields = payload("slash_command") | {"command": "/seuranta", "text": "who owns 2.7?"}

    assert slack.form(fields, headers={"X-Request-Id": heroku}).status == 200
    assert slack.get("/healthz").status == 200

    command, health = _request_lines(log_lines())
    assert command.startswith("time=")
    assert " level=info logger=bot.slack.web msg=request method=POST path=/slack/events " in command
    assert " status=200 " in command
    assert f" request_id={heroku} kind=command user={fields['user_id']} " in command
    assert command.endswith(f" team={fields['team_id']}")
    assert re.search(r" ms=\d+\.\d ", command)
    assert " path=/healthz status=200 " in health
    assert not re.search(r"request_id=[^ ]*-", health)  # no header: a fresh id


def test_an_unverified_request_is_logged_without_its_body(
    slack: SignedSlack, log_lines: Callable[[], list[str]]
) -> None:
    body = json.dumps(payload("app_mention") | {"marker": "BODY-MARKER " * 50_000})
    headers = {"X-Request-Id": FORGED_REQUEST_ID}

    assert slack.post(body, "application/json", secret="wrong", headers=headers).status == 401

    lines = log_lines()
    assert not any("BODY-MARKER" in line for line in lines)
    assert not any("evil" in line for line in lines)
    (line,) = _request_lines(lines)
    assert " status=401 " in line
    assert " kind=" not in line  # nothing is read from a body that is not Slack's


def test_a_newline_from_outside_cannot_forge_a_log_line(
    slack: SignedSlack, log_lines: Callable[[], list[str]]
) -> None:
    forged = "/x%0D%0Atime=2026-01-01%20level=error%20msg=forged%E2%80%A8level=error"

    assert slack.get(forged).status == 404

    lines = log_lines()
    assert all(line.startswith("time=") for line in lines)
    (line,) = _request_lines(lines)
    assert ' path="/x\\r\\ntime=2026-01-01 level=error msg=forged\\u2028level=error" ' in line


def test_a_failed_request_is_one_line_traceback_and_all(
    without_database: SignedSlack, log_lines: Callable[[], list[str]]
) -> None:
    assert without_database.command("who owns 2.7?").status == 200

    lines = log_lines()
    (failure,) = [line for line in lines if 'msg="request failed"' in line]
    assert all(line.startswith("time=") for line in lines)
    assert ' exc="Traceback (most recent call last):\\n' in failure
