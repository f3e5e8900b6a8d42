"""``/seuranta <question>``: a private Block Kit answer with a share button."""

from __future__ import annotations

import json
from typing import Any

from tests.support.fakeslack import FakeSlack
from tests.support.slack_requests import SignedSlack


def _all_text(reply: dict[str, Any]) -> str:
    """What Slack displays: the blocks (not the share button's hidden value) and the text."""
    shown = [b for b in reply["blocks"] if b["type"] != "actions"]
    return json.dumps(shown, ensure_ascii=False) + reply["text"]


def test_who_owns_2_7_answers_with_its_owners_privately(slack: SignedSlack) -> None:
    reply = slack.command("who owns 2.7?")

    assert reply.status == 200
    body = reply.json()
    assert body["response_type"] == "ephemeral"
    assert body["blocks"][0] == {
        "type": "header",
        "text": {"type": "plain_text", "text": "Owners of measure 2.7"},
    }
    text = _all_text(body)
    assert "(SM)" in text
    assert "(PEO)" in text
    assert "SM" in body["text"]
    assert "PEO" in body["text"]


def test_the_answer_has_a_share_button_carrying_the_question(slack: SignedSlack) -> None:
    body = slack.command("who owns 2.7?").json()

    button = body["blocks"][-1]["elements"][0]
    assert button["action_id"] == "share_answer"
    assert json.loads(button["value"]) == {"q": "who owns 2.7?", "l": "en"}


def test_help_lists_example_questions(slack: SignedSlack) -> None:
    body = slack.command("help").json()

    text = _all_text(body)
    assert "`/seuranta who owns 2.7?`" in text
    assert "/seuranta iam SUPO" in text
    for command in ("status 2.7 at-risk", "deadline 2.7", "rounds", "pause until"):
        assert f"/seuranta {command}" in text
    assert "share_answer" not in text  # nothing worth sharing


def test_without_words_to_tell_the_language_the_users_slack_locale_decides(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.locales["W111"] = "sv-SE"

    body = slack.command("").json()

    assert "`/seuranta vem ansvarar för 2.7?`" in _all_text(body)
    assert [c.params["user"] for c in fake_slack.calls("users.info")] == ["W111"]


def test_the_locale_is_asked_of_slack_once_per_person(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    slack.command("")
    slack.command("2.7")

    assert len(fake_slack.calls("users.info")) == 1


def test_a_finnish_question_is_answered_in_finnish(slack: SignedSlack) -> None:
    body = slack.command("kuka vastaa 2.7:stä?").json()

    assert body["blocks"][0]["text"]["text"] == "Toimenpiteen 2.7 vastuutahot"


def test_user_text_echoed_back_cannot_ping_or_inject_markup(slack: SignedSlack) -> None:
    body = slack.command("poliisi <!channel> @here <script>").json()

    text = _all_text(body)
    assert "<!channel>" not in text
    assert "<script>" not in text
    assert "&lt;script&gt;" in text


def test_a_hostile_megabyte_question_is_too_long_at_once_and_the_next_is_answered(
    slack: SignedSlack,
) -> None:
    # A typed "<" arrives as "&lt;"; the bot unescapes it, so this is "<@<@<@…" to the engine.
    hostile = slack.command("&lt;@" * 85_000)  # 935 kB as Slack's form encoding

    assert hostile.status == 200
    # Too long to read even whose it is: the answer is in the workspace's default language.
    assert "enintään 1000 merkkiä" in _all_text(hostile.json())
    assert "PEO" in _all_text(slack.command("who owns 2.7?").json())


def test_a_megabyte_of_words_is_too_long_at_once(slack: SignedSlack) -> None:
    reply = slack.command("kuka vastaa " * 60_000)

    assert "enintään 1000 merkkiä" in _all_text(reply.json())
