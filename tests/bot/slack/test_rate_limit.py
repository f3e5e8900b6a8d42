"""Per-person rate limit (here 3 a minute): one polite "slow down", then silence."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.slack.app import build_app
from bot.slack.web import SeurantaWsgi
from data.importer import ImportSummary
from seuranta.settings import Settings
from tests.support.fakeslack import BOT_USER_ID, FakeSlack
from tests.support.programme import NOW
from tests.support.slack_requests import SECRET, SignedSlack, payload
from tests.support.wsgi_server import serving

SLOW_DOWN = "Questions are coming faster than I can answer (at most 3 a minute)."
SETTLE = 0.5  # listeners run after the acknowledgement; what should not come gets this long


@pytest.fixture
def slack_settings(slack_settings: Settings) -> Settings:
    return dataclasses.replace(slack_settings, rate_limit=3)


def _dm(text: str, n: int, user: str = "W012A3CDE") -> dict[str, object]:
    body = payload("message_im")
    body["event"].update(text=text, user=user, ts=f"1700000000.{n:06d}")
    body["event_id"] = f"EvDM{user}{n}"
    return body


def test_the_fourth_command_in_a_minute_is_asked_to_slow_down_once_then_ignored(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    answers = [slack.command("who owns 2.7?") for _ in range(3)]
    assert all("PEO" in a.json()["text"] for a in answers)
    before = len(fake_slack.calls())

    told = slack.command("who owns 2.7?")
    ignored = [slack.command("who owns 2.7?") for _ in range(3)]

    assert told.status == 200
    assert told.json() == {"response_type": "ephemeral", "text": told.json()["text"]}
    assert told.json()["text"].startswith(SLOW_DOWN)
    assert [(r.status, r.text) for r in ignored] == [(200, "")] * 3
    assert fake_slack.calls()[before:] == []


def test_every_subcommand_counts(slack: SignedSlack) -> None:
    for text in ("rounds", "deadline 2.7", "contacts"):
        assert not slack.command(text).json()["text"].startswith(SLOW_DOWN)

    assert slack.command("failures").json()["text"].startswith(SLOW_DOWN)


def test_someone_else_is_not_slowed_down(slack: SignedSlack) -> None:
    for _ in range(4):
        slack.command("who owns 2.7?", user_id="W111")

    assert "PEO" in slack.command("who owns 2.7?", user_id="W222").json()["text"]


def test_direct_messages_past_the_limit_get_one_slow_down_in_the_conversation(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    for n in range(7):
        assert slack.event(_dm("who owns 2.7?", n)).status == 200

    posts = fake_slack.wait_for("chat.postMessage", 4)
    time.sleep(SETTLE)
    posts = fake_slack.calls("chat.postMessage")
    assert len(posts) == 4
    assert sum("PEO" in p.params["text"] for p in posts) == 3
    (told,) = [p for p in posts if p.params["text"].startswith(SLOW_DOWN)]
    assert told.params["channel"] == "D024BE91L"


def test_a_mention_past_the_limit_is_told_in_its_thread(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    for n in range(4):
        body = payload("app_mention")
        body["event"].update(text=f"<@{BOT_USER_ID}> who owns 2.7?", ts=f"1700000000.{n:06d}")
        body["event_id"] = f"EvMention{n}"
        assert slack.event(body).status == 200

    fake_slack.wait_for("chat.postMessage", 4)
    (told,) = [
        p for p in fake_slack.calls("chat.postMessage") if p.params["text"].startswith(SLOW_DOWN)
    ]
    assert (told.params["channel"], told.params["thread_ts"]) == ("C123ABC456", "1700000000.000003")


def test_the_slow_down_is_in_the_persons_language(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.locales["W111"] = "fi-FI"
    for _ in range(3):
        slack.command("2.7", user_id="W111")

    told = slack.command("2.7", user_id="W111").json()["text"]

    assert told.startswith("Kysymyksiä tulee nopeammin kuin ehdin vastata (enintään 3 minuutissa).")


def test_a_retried_event_does_not_count_again(slack: SignedSlack, fake_slack: FakeSlack) -> None:
    first = _dm("who owns 2.7?", 0)
    for retry in range(1, 5):
        slack.event(first, headers={"X-Slack-Retry-Num": str(retry)})
    slack.event(first)

    assert "PEO" in fake_slack.wait_for("chat.postMessage")[0].params["text"]
    for n in (1, 2):
        slack.event(_dm("who owns 2.7?", n))
    time.sleep(SETTLE)
    assert not any(
        p.params["text"].startswith(SLOW_DOWN) for p in fake_slack.calls("chat.postMessage")
    )


def test_button_clicks_and_the_home_tab_do_not_count(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    for _ in range(5):
        home = payload("app_home_opened")
        home["event_id"] = f"EvHome{time.monotonic_ns()}"
        slack.event(home)

    assert "PEO" in slack.command("who owns 2.7?", user_id=home["event"]["user"]).json()["text"]


@pytest.fixture
def unlimited(
    imported: ImportSummary,
    engine: Engine,
    factory: sessionmaker[Session],
    slack_settings: Settings,
) -> Iterator[SignedSlack]:
    """The bot with SEURANTA_RATE_LIMIT=0."""
    settings = dataclasses.replace(slack_settings, rate_limit=0)
    app = build_app(settings, AnswerEngine(factory, zone=settings.zone), factory, clock=lambda: NOW)
    with serving(SeurantaWsgi(app, engine, SECRET)) as url:
        yield SignedSlack(url)


def test_a_limit_of_zero_turns_it_off(unlimited: SignedSlack) -> None:
    replies = [unlimited.command("who owns 2.7?") for _ in range(25)]

    assert all("PEO" in reply.json()["text"] for reply in replies)
