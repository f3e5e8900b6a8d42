"""Lazy listeners: the event is acknowledged before their work, and their errors are handled."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from slack_bolt import App, BoltRequest
from slack_sdk import WebClient

from bot.slack.errors import handle_error
from bot.slack.lazy import acknowledge, later
from tests.support.fakeslack import FakeSlack
from tests.support.slack_requests import payload


@pytest.fixture
def app(fake_slack: FakeSlack) -> App:
    bolt = App(
        client=WebClient(token="xoxb-test", base_url=fake_slack.url),
        signing_secret="not-used-in-socket-mode",
        process_before_response=True,
        token_verification_enabled=False,
    )
    bolt.error(handle_error)
    return bolt


def _mention(app: App) -> int:
    # Socket Mode requests come over the app's own WebSocket, so errors get an apology.
    return app.dispatch(BoltRequest(body=payload("app_mention"), mode="socket_mode")).status


def test_an_event_is_acknowledged_before_its_lazy_listener_is_done(app: App) -> None:
    release, done = threading.Event(), threading.Event()
    seen: list[str] = []

    def answer(event: dict[str, Any]) -> None:
        release.wait(5)
        seen.append(event["text"])
        done.set()

    app.event("app_mention")(ack=acknowledge, lazy=[later(answer)])

    assert _mention(app) == 200
    assert not done.is_set()
    release.set()
    assert done.wait(5)
    assert seen == [payload("app_mention")["event"]["text"]]


def test_a_failing_lazy_listener_reaches_the_error_handler_with_its_traceback(
    app: App, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="bot.slack.errors")

    def answer(event: dict[str, Any]) -> None:
        raise RuntimeError("the database went away")

    app.event("app_mention")(ack=acknowledge, lazy=[later(answer)])

    assert _mention(app) == 200
    (apology,) = fake_slack.wait_for("chat.postMessage")
    assert apology.params["thread_ts"] == payload("app_mention")["event"]["ts"]
    (failed,) = [r for r in caplog.records if r.name == "bot.slack.errors"]
    assert failed.exc_info is not None
    assert str(failed.exc_info[1]) == "the database went away"


def test_a_lazy_listener_keeps_its_name_for_bolt() -> None:
    def publish_home() -> None: ...

    assert later(publish_home).__name__ == "publish_home"
