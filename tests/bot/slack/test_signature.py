"""Slack's request signature: the HMAC of ``v0:timestamp:body``, fresh within five minutes."""

from __future__ import annotations

import pytest

from bot.slack.signature import is_from_slack
from tests.support.slack_requests import SECRET, signature

NOW = 1_700_000_000
BODY = b'{"type": "event_callback"}'


def signed(timestamp: int | str = NOW, body: bytes = BODY) -> str:
    return signature(SECRET, str(timestamp), body.decode())


def test_a_request_signed_with_the_secret_now_is_from_slack() -> None:
    assert is_from_slack(BODY, str(NOW), signed(), SECRET, NOW)


@pytest.mark.parametrize("age", [-300, 300])
def test_five_minutes_either_way_is_still_fresh(age: int) -> None:
    assert is_from_slack(BODY, str(NOW + age), signed(NOW + age), SECRET, NOW)


@pytest.mark.parametrize(
    ("timestamp", "signature_", "secret", "body"),
    [
        pytest.param(str(NOW - 301), signed(NOW - 301), SECRET, BODY, id="stale"),
        pytest.param(str(NOW + 301), signed(NOW + 301), SECRET, BODY, id="from_the_future"),
        pytest.param(str(NOW), signed(), "other-secret", BODY, id="other_secret"),
        pytest.param(str(NOW), signed(), "", BODY, id="no_secret"),
        pytest.param(str(NOW), signed(), SECRET, BODY + b" ", id="body_changed"),
        pytest.param(str(NOW), signed().upper(), SECRET, BODY, id="signature_upper_case"),
        pytest.param(str(NOW), signed()[3:], SECRET, BODY, id="no_version"),
        pytest.param(str(NOW), "v0=" + "é" * 64, SECRET, BODY, id="signature_not_ascii"),
        pytest.param("9" * 5000, signed("9" * 5000), SECRET, BODY, id="5000_digits"),
        pytest.param("²", signed("²"), SECRET, BODY, id="superscript"),
        pytest.param(f"{NOW}.0", signed(f"{NOW}.0"), SECRET, BODY, id="decimal"),
        pytest.param(f" {NOW}", signed(f" {NOW}"), SECRET, BODY, id="space"),
        pytest.param("", signed(""), SECRET, BODY, id="empty"),
    ],
)
def test_anything_else_is_not(timestamp: str, signature_: str, secret: str, body: bytes) -> None:
    assert not is_from_slack(body, timestamp, signature_, secret, NOW)
