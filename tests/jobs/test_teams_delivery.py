"""The delivery guarantee in Microsoft Teams: ticks through the worker's real Teams port (made by
``seuranta.compose.message_ports``) to a fake Bot Connector.

SM's one contact is Maija, a Teams user (``teams:<her Entra object id>``); the other leading
organisations have none, so the coordinators, whose channel is a Teams channel, are asked to
name one. A person is reachable once their personal chat's reference is stored (an install), a
channel once the bot was added to its team. The cards that reach the connector pass
Microsoft's Adaptive Cards validator.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.context import CommandContext
from bot.commands.handlers.failures import list_failures
from bot.commands.parse import ListFailures
from bot.engine import Engine as AnswerEngine
from bot.teams.port import TeamsPort
from data.directory import ConversationRef, add_contact, remember_conversation, resolve_one
from data.importer import ImportSummary
from data.models import OutboxKind, Reminder, ReminderStatus
from jobs.port import MessagePort
from jobs.tick import TickReport, run_tick
from seuranta.compose import message_ports
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support.delivery import FAST, Clock
from tests.support.documents import shown
from tests.support.programme import NOW
from tests.support.teams_activities import APP_ID, CHANNEL_ID, MAIJA, TENANT_ID
from tests.support.teams_connector import Call, FakeConnector, card_lines, walk
from tests.support.teams_tokens import OUTBOUND_TOKEN
from tests.support.validators import OfficialValidators, official_validators

# The SDK builds a deprecated client of its own for every App; nothing of ours.
pytestmark = pytest.mark.filterwarnings("ignore:The bot client is deprecated:DeprecationWarning")

MAIJA_KEY = f"teams:{MAIJA.aad_object_id}"
COORDINATORS = f"teams:{CHANNEL_ID}"
ADMIN = "UADMIN001"
BOT_ID = f"28:{APP_ID}"


def entra(scope: str | list[str], tenant_id: str | None) -> str:
    """Stands in for Entra, which the tests cannot reach."""
    return OUTBOUND_TOKEN


@pytest.fixture(scope="module")
def validators() -> Iterator[OfficialValidators]:
    checker = official_validators()
    yield checker
    checker.close()


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


@pytest.fixture
def settings() -> Settings:
    return Settings(
        teams_app_id=APP_ID,
        teams_app_password="a-client-secret",
        coordinator_channel=COORDINATORS,
        digest_weekday=None,
        admins=frozenset({ADMIN}),
        language="en",  # the coordinators' language
    )


@pytest.fixture
def port(settings: Settings, factory: sessionmaker[Session]) -> Iterator[TeamsPort]:
    made = message_ports(settings, factory, teams_token_provider=entra)[Platform.TEAMS]
    assert isinstance(made, TeamsPort)
    made.channel_interval = 0.0  # Microsoft's pacing is tested in tests/bot/teams/test_port.py
    yield made
    made.bot.close()


@pytest.fixture
def maija(factory: sessionmaker[Session], imported: ImportSummary) -> str:
    """SM's only contact, in Teams; the bot is in the coordinators' team already."""
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), MAIJA_KEY, ADMIN, NOW)
    return MAIJA_KEY


def bot_added_to_the_team(factory: sessionmaker[Session], connector: FakeConnector) -> None:
    channel = ConversationRef.channel(
        conversation_id=CHANNEL_ID, service_url=connector.url, bot_id=BOT_ID, tenant_id=TENANT_ID
    )
    with factory() as session, session.begin():
        remember_conversation(session, channel, NOW - timedelta(days=30))


def installs(factory: sessionmaker[Session], connector: FakeConnector) -> None:
    """Maija installs the app: her personal chat's reference is stored."""
    personal = ConversationRef.personal(
        aad_object_id=MAIJA.aad_object_id,
        user_id=MAIJA.id,
        conversation_id=MAIJA.personal_chat,
        service_url=connector.url,
        bot_id=BOT_ID,
        tenant_id=TENANT_ID,
    )
    with factory() as session, session.begin():
        remember_conversation(session, personal, NOW)


def tick(
    factory: sessionmaker[Session], settings: Settings, port: MessagePort, at: datetime
) -> TickReport:
    ports = {Platform.TEAMS: port}
    return run_tick(factory, settings, ports, clock=Clock(at), worker="w1", options=FAST)


def rows(factory: sessionmaker[Session], person: str) -> list[Reminder]:
    with factory() as session:
        query = select(Reminder).where(Reminder.channel == person, Reminder.folded_into.is_(None))
        return list(session.scalars(query))


def not_installed_notices(connector: FakeConnector) -> list[Call]:
    return [
        call
        for call in connector.sent_to(CHANNEL_ID)
        if any("has not installed Seuranta" in line for c in call.cards for line in card_lines(c))
    ]


def actions(call: Call) -> list[dict[str, object]]:
    return [node for card in call.cards for node in walk(card) if node["type"] == "Action.Execute"]


def test_a_contact_who_installed_the_app_gets_a_card_and_the_coordinators_channel_its_posts(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
) -> None:
    bot_added_to_the_team(factory, connector)
    installs(factory, connector)

    report = tick(factory, settings, port, NOW)

    assert report.sent is not None
    assert report.sent.failed == {}
    [reminder] = connector.sent_to(MAIJA.personal_chat)
    assert reminder.method == "POST"
    assert reminder.authorization == f"Bearer {OUTBOUND_TOKEN}"
    assert actions(reminder)  # a status is one click away
    coordinators = connector.sent_to(CHANNEL_ID)
    assert coordinators  # organisations with deadlines and no contact: name one
    assert all("no contact person" in " ".join(card_lines(c.cards[0])) for c in coordinators)
    assert not_installed_notices(connector) == []
    with factory() as session:
        sent = session.scalars(select(Reminder).where(Reminder.status == ReminderStatus.SENT))
        assert {row.posted_channel for row in sent} == {MAIJA.personal_chat, CHANNEL_ID}

    again = tick(factory, settings, port, NOW + timedelta(minutes=1))

    assert again.sent is not None
    assert again.sent.sent == []
    assert len(connector.activities()) == 1 + len(coordinators)


def test_a_contact_without_the_app_waits_and_the_coordinators_are_told_once(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
) -> None:
    bot_added_to_the_team(factory, connector)

    tick(factory, settings, port, NOW)
    tick(factory, settings, port, NOW + timedelta(minutes=10))

    assert connector.sent_to(MAIJA.personal_chat) == []
    [notice] = not_installed_notices(connector)
    text = " ".join(card_lines(notice.cards[0]))
    assert MAIJA_KEY in text
    assert "contact of SM" in text
    waiting = rows(factory, MAIJA_KEY)
    assert waiting
    assert {row.status for row in waiting} == {ReminderStatus.PLANNED}
    assert {row.attempts for row in waiting} == {0}  # waiting is no failed attempt

    installs(factory, connector)
    tick(factory, settings, port, NOW + timedelta(minutes=20))

    assert len(connector.sent_to(MAIJA.personal_chat)) == 1
    assert {row.status for row in rows(factory, MAIJA_KEY)} == {ReminderStatus.SENT}
    assert len(not_installed_notices(connector)) == 1


def test_installing_before_the_notice_is_due_means_no_notice(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
) -> None:
    bot_added_to_the_team(factory, connector)
    sunday = NOW - timedelta(hours=22)  # Monday's reminders are planned a day ahead
    tick(factory, settings, port, sunday)
    installs(factory, connector)

    report = tick(factory, settings, port, NOW)

    assert report.sent is not None
    assert "installed since" in report.sent.skipped.values()
    assert not_installed_notices(connector) == []
    assert len(connector.sent_to(MAIJA.personal_chat)) == 1


def test_the_digest_is_a_post_in_the_teams_channel_with_its_lists_in_the_post_s_thread(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
) -> None:
    bot_added_to_the_team(factory, connector)
    installs(factory, connector)
    monday_digest = dataclasses.replace(settings, digest_weekday=0)

    tick(factory, monday_digest, port, NOW)

    with factory() as session:
        digest = session.scalars(select(Reminder).where(Reminder.kind == OutboxKind.DIGEST)).one()
    assert digest.status == ReminderStatus.SENT
    assert digest.posted_channel == CHANNEL_ID
    thread = connector.sent_to(f"{CHANNEL_ID};messageid={digest.ts}")
    assert thread  # the lists, as replies under the digest's post


def test_429_waits_for_retry_after_and_the_post_goes_out_once(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
) -> None:
    installs(factory, connector)
    alone = dataclasses.replace(settings, coordinator_channel=None)
    connector.fail_next(429, retry_after=1)

    started = time.monotonic()
    report = tick(factory, alone, port, NOW)

    assert time.monotonic() - started >= 1.0
    assert report.sent is not None
    assert report.sent.rate_limited == 1
    assert len(report.sent.sent) == 1
    posts = connector.sent_to(MAIJA.personal_chat)
    assert len(posts) == 2  # refused, then taken: Teams processed it once
    assert posts[0].body == posts[1].body


@pytest.mark.parametrize("failure", ["503", "drop", "timeout"])
def test_a_transient_failure_is_retried_and_the_row_sent(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
    failure: str,
) -> None:
    installs(factory, connector)
    alone = dataclasses.replace(settings, coordinator_channel=None)
    if failure == "503":
        connector.fail_next(503)
    elif failure == "drop":
        connector.drop_next()
    else:
        port.timeout = 0.3
        connector.stall_next(1.0)

    report = tick(factory, alone, port, NOW)

    assert report.sent is not None
    assert len(report.sent.sent) == 1
    assert report.sent.failed == {}
    [row] = rows(factory, MAIJA_KEY)
    assert row.status == ReminderStatus.SENT
    # The first post may have arrived (a dropped answer, a timeout): the guarantee's one window.
    assert len(connector.sent_to(MAIJA.personal_chat)) == 2


@pytest.mark.parametrize(
    ("status", "code", "fix"),
    [
        (403, "teams_forbidden", "the person removed or blocked the Seuranta app in Teams"),
        (404, "teams_not_found", "the person's chat with the bot no longer exists"),
    ],
)
def test_a_refusal_fails_the_row_once_and_failures_says_what_to_do(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
    status: int,
    code: str,
    fix: str,
) -> None:
    installs(factory, connector)
    alone = dataclasses.replace(settings, coordinator_channel=None)
    connector.fail_next(status)

    report = tick(factory, alone, port, NOW)
    tick(factory, alone, port, NOW + timedelta(hours=1))

    assert report.sent is not None
    assert list(report.sent.failed.values()) == [code]
    assert len(connector.sent_to(MAIJA.personal_chat)) == 1  # never retried
    context = CommandContext(
        person=ADMIN,
        lang="en",
        now=NOW,
        factory=factory,
        settings=settings,
        engine=AnswerEngine(factory),
        platform=Platform.TEAMS,
    )
    lines = shown(list_failures(ListFailures(), context))
    assert len(lines) == 2
    assert f"{code}: {fix}" in lines[1]
    assert f"→ {MAIJA_KEY}: combined reminder" in lines[1]


def test_a_coordinators_channel_the_bot_was_not_added_to_waits_too(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
) -> None:
    installs(factory, connector)

    report = tick(factory, settings, port, NOW)

    assert report.sent is not None
    assert connector.sent_to(CHANNEL_ID) == []
    assert report.sent.failed == {}
    with factory() as session:
        waiting = session.scalars(select(Reminder).where(Reminder.channel == COORDINATORS))
        assert {row.status for row in waiting} == {ReminderStatus.PLANNED}


def test_every_card_the_worker_sends_passes_microsoft_s_validator(
    factory: sessionmaker[Session],
    settings: Settings,
    port: TeamsPort,
    connector: FakeConnector,
    maija: str,
    validators: OfficialValidators,
) -> None:
    bot_added_to_the_team(factory, connector)
    with_digest = dataclasses.replace(settings, digest_weekday=0)
    # No contacts, a contact without the app, the digest and its thread; then her reminders.
    tick(factory, with_digest, port, NOW)
    installs(factory, connector)
    tick(factory, with_digest, port, NOW + timedelta(minutes=20))

    cards = [card for call in connector.activities() for card in call.cards]
    assert len(cards) == len(connector.activities())  # every post is a card
    assert len(not_installed_notices(connector)) == 1
    assert len(connector.sent_to(MAIJA.personal_chat)) == 1
    for card in cards:
        assert validators.card(card) == [], card_lines(card)
