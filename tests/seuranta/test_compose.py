"""The worker's ports: one per configured platform, each checked at start."""

from __future__ import annotations

import pytest

from bot.slack.port import SlackPort
from seuranta.compose import message_ports
from seuranta.errors import ConfigError
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support.fakeslack import running_fake


def test_slack_is_sent_to_with_its_token_checked_and_no_automatic_repeats() -> None:
    with running_fake() as fake:
        ports = message_ports(Settings(slack_bot_token="xoxb-test", slack_api_url=fake.url))
        assert [call.method for call in fake.calls()] == ["auth.test"]
    port = ports[Platform.SLACK]
    assert isinstance(port, SlackPort)
    assert port.client.retry_handlers == []  # a repeat the sender did not count could duplicate
    assert port.channel_interval == 1.0
    assert set(ports) == {Platform.SLACK}


def test_with_no_platform_configured_nothing_can_be_sent() -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN must be set to send reminders"):
        message_ports(Settings())
