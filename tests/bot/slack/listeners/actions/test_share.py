"""The "Share in channel" button posts the same answer for everyone and removes the private one."""

from __future__ import annotations

import json

from tests.support.fakeslack import FakeSlack
from tests.support.slack_requests import SignedSlack, payload


def _click_share(slack: SignedSlack, fake_slack: FakeSlack, question: str) -> int:
    answer = slack.command(question).json()
    button = answer["blocks"][-1]["elements"][0]
    click = payload("block_actions_ephemeral")
    click["response_url"] = fake_slack.webhook_url("share")
    click["actions"][0].update(action_id=button["action_id"], value=button["value"])
    return slack.action(click).status


def test_share_posts_the_answer_in_the_channel_then_deletes_the_private_one(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    assert _click_share(slack, fake_slack, "who owns 2.7?") == 200

    shared, deleted = fake_slack.wait_for("webhook", 2)
    assert shared.params["response_type"] == "in_channel"
    assert shared.params["replace_original"] is False
    shown = json.dumps(shared.params["blocks"], ensure_ascii=False)
    assert "<@W111> asked: who owns 2.7?" in shown
    assert "Owners of measure 2.7" in shown
    assert "share_answer" not in shown  # no button on the shared copy
    assert deleted.params["delete_original"] is True


def test_a_shared_question_is_escaped_in_the_channel(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    # Slack sends a real @here as <!here>, which the question reads as the words "@here"; a
    # typed "<!channel>" arrives escaped and stays those characters.
    _click_share(slack, fake_slack, "poliisi <!here> &lt;!channel&gt;")

    shared = fake_slack.wait_for("webhook", 2)[0]
    shown = json.dumps(shared.params["blocks"], ensure_ascii=False) + shared.params["text"]
    assert "<!here>" not in shown
    assert "<!channel>" not in shown
    assert "poliisi @here &lt;!channel&gt;" in shown
