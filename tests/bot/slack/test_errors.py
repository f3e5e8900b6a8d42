"""The error handler apologises only for requests known to come from Slack.

Over HTTP, only what bot.slack.web verified reaches Bolt (tests/bot/slack/test_web.py). Socket
Mode requests arrive over the app's authenticated WebSocket, and our SocketModeHandler hands
them to ``App.dispatch`` through :func:`bot.slack.socket_mode.dispatch`, as these tests do.
"""

from __future__ import annotations

import json
import logging
import re
import time
from pathlib import Path
from typing import Any

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.socket_mode import dispatch
from data.db import make_engine, make_sessionmaker
from seuranta import logs
from seuranta.settings import Settings
from tests.support.fakeslack import BOT_USER_ID, FakeSlack
from tests.support.slack_requests import SECRET, payload, signature


@pytest.fixture
def broken(tmp_path: Path, fake_slack: FakeSlack) -> App:
    """The bot with its SQLite file in a directory that does not exist: every request fails."""
    factory = make_sessionmaker(make_engine(f"sqlite:///{tmp_path / 'gone' / 'db.sqlite3'}"))
    settings = Settings(
        slack_bot_token="xoxb-test", slack_signing_secret=SECRET, slack_api_url=fake_slack.url
    )
    client = WebClient(token="xoxb-test", base_url=fake_slack.url)
    return build_app(settings, AnswerEngine(factory), factory, client=client)


def _mention() -> dict[str, Any]:
    body = payload("app_mention")
    body["event"]["text"] = f"<@{BOT_USER_ID}> who owns 2.7?"
    return body


def test_a_socket_mode_request_that_fails_gets_an_apology_in_its_thread(
    broken: App, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.slack.socket_mode")

    dispatch(broken, _mention())

    (apology,) = fake_slack.wait_for("chat.postMessage")
    assert (apology.params["channel"], apology.params["thread_ts"]) == (
        "C123ABC456",
        "1515449522.000016",
    )
    reference = re.search(
        r"\((?:Viite|Reference|Referens) ([0-9a-f]{12})\)", apology.params["text"]
    )
    assert reference is not None
    (line,) = [
        logs.KeyValueFormatter().format(r) for r in caplog.records if r.getMessage() == "request"
    ]
    assert " mode=socket status=500 " in line
    assert f" request_id={reference[1]} kind=event:app_mention user=U061F7AUR " in line


def test_a_signed_request_that_did_not_come_through_the_http_face_gets_no_apology(
    broken: App, fake_slack: FakeSlack
) -> None:
    body = json.dumps(_mention())
    timestamp = str(int(time.time()))
    headers = {
        "content-type": "application/json",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature(SECRET, timestamp, body),
        "x-request-id": "<!here> moved: <https://evil.example|log in again>",
    }
    before = len(fake_slack.calls())

    response = broken.dispatch(BoltRequest(body=body, headers=headers))

    assert response.status == 401
    time.sleep(0.3)
    assert fake_slack.calls()[before:] == []
