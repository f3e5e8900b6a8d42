"""The worker's ports: one per configured platform, each checked at start."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.slack.port import SlackPort
from bot.teams.port import StoredReferences, TeamsPort
from seuranta.compose import message_ports
from seuranta.errors import ConfigError
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support.fakeslack import running_fake
from tests.support.teams_activities import APP_ID
from tests.support.teams_tokens import OUTBOUND_TOKEN

# The SDK builds a deprecated client of its own for every App; nothing of ours.
pytestmark = pytest.mark.filterwarnings("ignore:The bot client is deprecated:DeprecationWarning")

SIGNED = Settings(teams_app_id=APP_ID, teams_app_password="a-client-secret")


@pytest.fixture
def closing() -> Iterator[list[TeamsPort]]:
    """Teams ports made by a test; their SDK loops are stopped afterwards."""
    made: list[TeamsPort] = []
    yield made
    for port in made:
        port.bot.close()


def test_slack_is_sent_to_with_its_token_checked_and_no_automatic_repeats(
    factory: sessionmaker[Session],
) -> None:
    with running_fake() as fake:
        settings = Settings(slack_bot_token="xoxb-test", slack_api_url=fake.url)
        ports = message_ports(settings, factory)
        assert [call.method for call in fake.calls()] == ["auth.test"]
    port = ports[Platform.SLACK]
    assert isinstance(port, SlackPort)
    assert port.client.retry_handlers == []  # a repeat the sender did not count could duplicate
    assert port.channel_interval == 1.0
    assert set(ports) == {Platform.SLACK}


def test_teams_is_sent_to_through_the_stored_references_with_one_token_asked_at_start(
    factory: sessionmaker[Session], closing: list[TeamsPort]
) -> None:
    asked: list[tuple[str | list[str], str | None]] = []

    def entra(scope: str | list[str], tenant_id: str | None) -> str:
        asked.append((scope, tenant_id))
        return OUTBOUND_TOKEN

    ports = message_ports(SIGNED, factory, teams_token_provider=entra)
    port = ports[Platform.TEAMS]
    assert isinstance(port, TeamsPort)
    closing.append(port)
    assert isinstance(port.references, StoredReferences)
    assert asked == [("https://api.botframework.com/.default", "botframework.com")]
    assert set(ports) == {Platform.TEAMS}


def test_a_token_entra_refuses_stops_the_start_in_one_line(
    factory: sessionmaker[Session],
) -> None:
    def refusing(scope: str | list[str], tenant_id: str | None) -> str:
        # What the SDK raises when MSAL answers an error (a wrong or expired secret).
        raise ValueError("invalid_client")

    with pytest.raises(ConfigError, match=r"did not give TEAMS_APP_ID a token.*invalid_client"):
        message_ports(SIGNED, factory, teams_token_provider=refusing)


def test_the_emulator_needs_no_token_and_both_platforms_can_send_at_once(
    factory: sessionmaker[Session], closing: list[TeamsPort]
) -> None:
    with running_fake() as fake:
        settings = Settings(
            slack_bot_token="xoxb-test", slack_api_url=fake.url, teams_emulator=True
        )
        ports = message_ports(settings, factory)
    assert set(ports) == {Platform.SLACK, Platform.TEAMS}
    port = ports[Platform.TEAMS]
    assert isinstance(port, TeamsPort)
    closing.append(port)


def test_with_no_platform_configured_nothing_can_be_sent(factory: sessionmaker[Session]) -> None:
    with pytest.raises(ConfigError, match=r"SLACK_BOT_TOKEN, or TEAMS_APP_ID .* must be set"):
        message_ports(Settings(), factory)
