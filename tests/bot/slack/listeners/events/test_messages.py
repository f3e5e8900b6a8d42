"""Mentions get exactly one reply in a thread; direct messages get one reply; bots get none."""

from __future__ import annotations

import time

from tests.support.fakeslack import BOT_ID, BOT_USER_ID, FakeSlack
from tests.support.slack_requests import SignedSlack, payload

# Listeners run after Slack's request is acknowledged; a reply that should not come is given
# this long to show up anyway.
SETTLE = 0.5


def _mention(text: str, event_id: str = "Ev123ABC456") -> dict[str, object]:
    body = payload("app_mention")
    body["event"]["text"] = f"<@{BOT_USER_ID}> {text}"
    body["event_id"] = event_id
    return body


def test_a_mention_gets_exactly_one_reply_in_a_thread_under_it(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    body = _mention("who owns 2.7?")

    assert slack.event(body).status == 200

    (reply,) = fake_slack.wait_for("chat.postMessage")
    assert reply.params["channel"] == "C123ABC456"
    assert reply.params["thread_ts"] == "1515449522.000016"
    assert "SM" in reply.params["text"]
    assert "PEO" in reply.params["text"]
    time.sleep(SETTLE)
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_a_mention_inside_a_thread_is_answered_in_that_thread(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    body = _mention("who owns 2.7?")
    body["event"]["thread_ts"] = "1515449000.000001"  # type: ignore[index]

    slack.event(body)

    (reply,) = fake_slack.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == "1515449000.000001"


def test_slacks_retry_of_an_event_gets_no_second_reply(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    body = _mention("who owns 2.7?")
    slack.event(body)
    fake_slack.wait_for("chat.postMessage")

    retry = slack.event(
        body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
    )

    assert retry.status == 200
    time.sleep(SETTLE)
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_a_different_event_with_the_same_text_is_answered_again(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    slack.event(_mention("who owns 2.7?", event_id="Ev1"))
    slack.event(_mention("who owns 2.7?", event_id="Ev2"))

    assert len(fake_slack.wait_for("chat.postMessage", 2)) == 2


def test_a_direct_message_is_answered_in_the_conversation(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    body = payload("message_im")
    body["event"]["text"] = "kuka vastaa 2.7:stä?"

    assert slack.event(body).status == 200

    (reply,) = fake_slack.wait_for("chat.postMessage")
    assert reply.params["channel"] == "D024BE91L"
    assert "thread_ts" not in reply.params
    heading, understood = reply.params["blocks"][:2]
    assert heading["text"]["text"] == "Toimenpiteen 2.7 vastuutahot"
    assert understood["elements"][0]["text"] == "toimenpide 2.7 · vastuutahot"


def test_a_direct_message_in_a_thread_is_answered_in_that_thread(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    body = payload("message_im_thread_reply")
    body["event"]["text"] = "who owns 2.7?"

    slack.event(body)

    (reply,) = fake_slack.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == body["event"]["thread_ts"]


def test_messages_from_bots_and_from_itself_get_no_reply(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    other_bot = payload("message_im")
    other_bot["event"].update(subtype="bot_message", bot_id="B999", text="who owns 2.7?")
    other_bot["event_id"] = "EvBot"
    own = payload("message_im")
    own["event"].update(bot_id=BOT_ID, text="who owns 2.7?")
    own["event_id"] = "EvOwn"
    own_user = payload("message_im")
    own_user["event"].update(user=BOT_USER_ID, text="who owns 2.7?")
    own_user["event_id"] = "EvOwnUser"
    bot_mention = _mention("who owns 2.7?", event_id="EvBotMention")
    bot_mention["event"]["bot_id"] = "B999"  # type: ignore[index]
    broadcast = payload("message_thread_broadcast")

    for body in (other_bot, own, own_user, bot_mention, broadcast):
        assert slack.event(body).status == 200

    time.sleep(SETTLE)
    assert fake_slack.calls("chat.postMessage") == []


def test_a_mention_that_echoes_markup_cannot_ping_the_channel(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    slack.event(_mention("poliisi &lt;!channel&gt; @here &lt;script&gt;"))

    (reply,) = fake_slack.wait_for("chat.postMessage")
    shown = str(reply.params["blocks"]) + reply.params["text"]
    assert "<!channel>" not in shown
    assert "<script>" not in shown
    assert "&lt;script&gt;" in shown


def test_when_slack_refuses_the_reply_the_error_is_logged_not_retried_forever(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("chat.postMessage", error="channel_not_found")

    assert slack.event(_mention("who owns 2.7?")).status == 200

    # The reply and the apology both fail; neither is retried in a loop.
    calls = fake_slack.wait_for("chat.postMessage", 2)
    time.sleep(SETTLE)
    assert len(fake_slack.calls("chat.postMessage")) == len(calls) == 2


def test_a_hostile_direct_message_is_answered_too_long_and_the_next_one_normally(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    hostile = payload("message_im")
    hostile["event"]["text"] = "&lt;@" * 190_000  # 950 kB: "<@<@<@…" once unescaped
    hostile["event_id"] = "EvHostile"
    ordinary = payload("message_im")
    ordinary["event"]["text"] = "who owns 2.7?"

    assert slack.event(hostile).status == 200
    (too_long,) = fake_slack.wait_for("chat.postMessage")
    assert "at most 1000 characters" in too_long.params["text"]
    assert slack.event(ordinary).status == 200
    assert "PEO" in fake_slack.wait_for("chat.postMessage", 2)[1].params["text"]


def test_a_follow_up_in_a_thread_is_answered_in_its_context_and_in_no_other_thread(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    first = _mention("who owns 2.7?", event_id="EvFirst")
    first["event"]["thread_ts"] = "1515449000.000001"  # type: ignore[index]
    slack.event(first)
    fake_slack.wait_for("chat.postMessage")

    same_thread = _mention("and 2.8?", event_id="EvSame")
    same_thread["event"]["thread_ts"] = "1515449000.000001"  # type: ignore[index]
    slack.event(same_thread)
    replies = fake_slack.wait_for("chat.postMessage", count=2)
    in_context = replies[1].params["text"]
    assert "2.8" in in_context
    assert "VNK" in in_context  # 2.8's owners: the owners question, asked of 2.8

    other_thread = _mention("and 2.8?", event_id="EvOther")
    other_thread["event"]["thread_ts"] = "1515449999.000009"  # type: ignore[index]
    slack.event(other_thread)
    replies = fake_slack.wait_for("chat.postMessage", count=3)
    alone = replies[2].params["text"]
    assert alone.splitlines()[1].startswith("Measure 2.8")  # the card, not a follow-up
