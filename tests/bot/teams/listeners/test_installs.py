"""Whom the bot can reach later: an install, the bot added to a team, or any personal message
stores how; an uninstall or the bot's removal forgets it; another tenant is not listened to."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.teams.app import teams_wsgi
from data import directory
from data.directory import ConversationRef
from data.models import ConversationKind
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.programme import NOW
from tests.support.teams_activities import APP_ID, MAIJA, TEAM_ID, TENANT_ID
from tests.support.teams_client import TeamsClient, outbound_token
from tests.support.teams_connector import FakeConnector
from tests.support.teams_tokens import TokenIssuer
from tests.support.wsgi_server import serving

MAIJA_KEY = f"teams:{MAIJA.aad_object_id}"


def stored(factory: sessionmaker[Session], destination: str) -> ConversationRef | None:
    with factory() as session:
        return directory.conversation(session, destination)


def test_a_personal_install_stores_how_to_reach_the_person(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    install = activities.installation_update("add", service_url=teams.connector.url)

    assert teams.post(install).status == 200

    assert stored(factory, MAIJA_KEY) == ConversationRef(
        destination=MAIJA_KEY,
        kind=ConversationKind.PERSONAL,
        service_url=teams.connector.url,
        conversation_id=MAIJA.personal_chat,
        bot_id=f"28:{APP_ID}",
        tenant_id=TENANT_ID,
        user_id=MAIJA.id,
        aad_object_id=MAIJA.aad_object_id,
    )
    assert teams.connector.activities() == []  # an install is not answered


def test_the_bot_joining_a_personal_chat_stores_the_same(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    teams.post(activities.bot_added_personally(service_url=teams.connector.url))

    found = stored(factory, MAIJA_KEY)
    assert found is not None
    assert found.conversation_id == MAIJA.personal_chat


def test_the_bot_added_to_a_team_stores_its_general_channel(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    teams.post(activities.bot_added_to_team(service_url=teams.connector.url))

    found = stored(factory, f"teams:{TEAM_ID}")
    assert found is not None
    assert (found.kind, found.conversation_id, found.user_id) == (
        ConversationKind.CHANNEL,
        TEAM_ID,
        None,
    )


def test_every_personal_message_keeps_the_reference_fresh(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    teams.post(activities.installation_update("add", service_url=teams.connector.url))
    moved = teams.connector.url + "/emea/"  # Teams moved the person's region

    teams.post(activities.personal_message("who owns 2.7?", service_url=moved))

    found = stored(factory, MAIJA_KEY)
    assert found is not None
    assert found.service_url == moved


def test_a_channel_mention_stores_that_channel(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    teams.post(activities.channel_mention("who owns 2.7?", service_url=teams.connector.url))

    found = stored(factory, f"teams:{activities.CHANNEL_ID}")
    assert found is not None
    assert found.conversation_id == activities.CHANNEL_ID  # the channel, not the thread


def test_an_uninstall_forgets_the_person(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    url = teams.connector.url
    teams.post(activities.installation_update("add", service_url=url))

    assert teams.post(activities.installation_update("remove", service_url=url)).status == 200

    assert stored(factory, MAIJA_KEY) is None


def test_the_bot_removed_from_a_team_forgets_its_channels(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    url = teams.connector.url
    teams.post(activities.bot_added_to_team(service_url=url))

    assert teams.post(activities.bot_removed_from_team(service_url=url)).status == 200

    assert stored(factory, f"teams:{TEAM_ID}") is None
    assert teams.connector.activities() == []


@contextmanager
def single_tenant(
    tenant: str,
    answers: AnswerEngine,
    factory: sessionmaker[Session],
    signed: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
) -> Iterator[TeamsClient]:
    settings = dataclasses.replace(signed, teams_tenant_id=tenant)
    bot = teams_wsgi(
        settings, answers, clock=lambda: NOW, token_provider=outbound_token, factory=factory
    )
    try:
        with serving(bot) as url:
            yield TeamsClient(url, connector, issuer)
    finally:
        bot.close()


@pytest.mark.parametrize(
    ("tenant", "heard"), [(TENANT_ID, True), ("0c0c0c0c-0000-4000-8000-000000000000", False)]
)
def test_a_single_tenant_bot_listens_to_its_own_tenant_only(
    answers: AnswerEngine,
    factory: sessionmaker[Session],
    signed_settings: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
    tenant: str,
    heard: bool,
) -> None:
    url = connector.url
    with single_tenant(tenant, answers, factory, signed_settings, connector, issuer) as bot:
        assert bot.post(activities.installation_update("add", service_url=url)).status == 200
        assert bot.post(activities.personal_message("2.7", service_url=url)).status == 200

    assert (stored(factory, MAIJA_KEY) is not None) is heard
    assert len(connector.activities()) == (1 if heard else 0)
