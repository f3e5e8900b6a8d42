"""The Slack port: a document in, one chat.postMessage out, Slack's answer as a delivery meaning."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.document import Document, Note, phrase
from bot.slack.client import web_client
from bot.slack.port import SlackPort
from jobs.port import PermanentError, Posted
from seuranta.settings import Settings
from tests.support.fakeslack import FakeSlack, running_fake
from tests.support.notices import every_notice

DIGEST = every_notice()["digest"].document()


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with running_fake() as slack:
        yield slack


@pytest.fixture
def port(fake: FakeSlack) -> SlackPort:
    settings = Settings(slack_bot_token="xoxb-test", slack_api_url=fake.url)
    return SlackPort(web_client(settings, retries=False, timeout=5))


def test_a_document_is_posted_once_with_its_summary_as_the_text(
    fake: FakeSlack, port: SlackPort
) -> None:
    posted = port.post("C0COORD", DIGEST, "sv")
    (call,) = fake.calls("chat.postMessage")
    assert call.params["channel"] == "C0COORD"
    assert call.params["text"] == "📊 Veckoöversikt 17.12.2018"
    assert call.params["blocks"]
    assert call.params.get("thread_ts") is None
    assert posted.channel == "C0COORD"
    assert posted.ts


def test_a_reply_goes_in_the_thread_of_the_message_it_follows(
    fake: FakeSlack, port: SlackPort
) -> None:
    port.post("C0COORD", DIGEST.thread[0], "fi", thread_of=Posted("C0COORD", "1700.000001"))
    (call,) = fake.calls("chat.postMessage")
    assert (call.params["channel"], call.params["thread_ts"]) == ("C0COORD", "1700.000001")


def test_a_message_slack_would_refuse_fails_for_good_before_anything_is_sent(
    fake: FakeSlack, port: SlackPort
) -> None:
    note = Note(phrase("digest.details"))
    too_long = Document(phrase("digest.details"), (note,) * 51)  # 51 blocks, none of a list
    with pytest.raises(PermanentError) as refused:
        port.post("C0COORD", too_long, "fi")
    assert refused.value.code == "invalid_blocks"
    assert fake.calls("chat.postMessage") == []


def test_a_client_that_would_repeat_posts_by_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="must not repeat posts"):
        SlackPort(web_client(Settings(slack_bot_token="xoxb-test")))
