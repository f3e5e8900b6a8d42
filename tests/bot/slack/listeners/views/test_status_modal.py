"""The "Add a note" modal's submission, as Slack sends it; a malformed one is never a 500."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

import pytest

from bot.slack.modal import MODAL_CALLBACK
from tests.support.fakeslack import FakeSlack
from tests.support.slack_requests import SignedSlack, payload

GOOD_VALUES = {
    "state": {"state": {"type": "static_select", "selected_option": {"value": "delayed"}}},
    "note": {"note": {"type": "plain_text_input", "value": "Lausuntokierros venyy"}},
}
GOOD_METADATA = json.dumps({"value": json.dumps({"m": 1}), "channel": None, "ts": None})


def submission(**view: Any) -> dict[str, Any]:
    submit = payload("view_submission")
    submit["view"].update(
        callback_id=MODAL_CALLBACK, private_metadata=GOOD_METADATA, state={"values": GOOD_VALUES}
    )
    submit["view"].update(view)
    return submit


@pytest.mark.parametrize(
    "submit",
    [
        pytest.param(submission(state=None), id="no_state"),
        pytest.param(submission(state={"values": []}), id="values_not_object"),
        pytest.param(submission(callback_id=None), id="no_callback_id"),
        pytest.param({**submission(), "view": "modal"}, id="view_not_object"),
        pytest.param({**submission(), "user": None}, id="no_user"),
    ],
)
def test_a_submission_without_a_view_or_user_gets_400(
    slack: SignedSlack, submit: dict[str, Any]
) -> None:
    reply = slack.action(submit)

    assert reply.status == 400
    assert reply.json() == {"error": "malformed request"}


@pytest.mark.parametrize(
    "submit",
    [
        pytest.param(submission(state={"values": {}}), id="no_state_block"),
        pytest.param(submission(state={"values": {"state": {"state": 7}}}), id="state_not_object"),
        pytest.param(
            submission(
                state={"values": {"state": {"state": {"selected_option": {"value": "bogus"}}}}}
            ),
            id="unknown_state",
        ),
        pytest.param(submission(private_metadata="{not json"), id="metadata_not_json"),
        pytest.param(submission(private_metadata="[]"), id="metadata_not_object"),
        pytest.param(submission(private_metadata='{"value": "{oops"}'), id="value_not_json"),
        pytest.param(submission(private_metadata='{"value": "{}"}'), id="value_without_measure"),
        pytest.param(
            submission(private_metadata=json.dumps({"value": '{"m": "1; DROP"}'})),
            id="measure_not_a_number",
        ),
        pytest.param(
            submission(private_metadata=json.dumps({"value": json.dumps({"m": 99999})})),
            id="no_such_measure",
        ),
    ],
)
def test_a_submission_of_some_other_modal_closes_it_and_stores_nothing(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    submit: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    before = len(fake_slack.calls())

    reply = slack.action(submit)

    assert (reply.status, reply.text) == (200, "")
    time.sleep(0.3)  # storing runs after the acknowledgement
    assert fake_slack.calls()[before:] == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
