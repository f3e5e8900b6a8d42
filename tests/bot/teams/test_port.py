"""The Teams message port against a fake Bot Connector: a notice reaches a person's chat or a
channel (its thread's replies in the thread), once, and every answer of the connector becomes
what it means for delivery."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy.orm import sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.teams.app import TeamsBot, teams_wsgi
from bot.teams.port import CHANNEL_INTERVAL, DEFAULT_RETRY_AFTER, TeamsPort
from jobs.port import NotReachableYet, PermanentError, Posted, RateLimited, TransientError
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.notice_documents import notice
from tests.support.programme import NOW
from tests.support.teams_activities import CHANNEL_ID, MAIJA
from tests.support.teams_client import outbound_token
from tests.support.teams_connector import FakeConnector, card_lines
from tests.support.teams_tokens import OUTBOUND_TOKEN

PERSON = f"teams:{MAIJA.aad_object_id}"
CHANNEL = f"teams:{CHANNEL_ID}"
STRANGER = "teams:9d2c4e6f-1a3b-4c5d-8e7f-0a9b8c7d6e5f"
# Teams' own limit on a message, with the activity around the card.
TEAMS_MESSAGE_LIMIT = 28_000


@dataclass(frozen=True, slots=True)
class Conversation:
    service_url: str
    conversation_id: str


@dataclass
class StoredReferences:
    """What the directory has stored from installs and messages, by destination."""

    stored: dict[str, Conversation]

    def lookup(self, destination: str) -> Conversation | None:
        return self.stored.get(destination)


@pytest.fixture
def bot() -> Iterator[TeamsBot]:
    settings = Settings(teams_app_id=activities.APP_ID, teams_app_password="secret")
    unused = AnswerEngine(sessionmaker())
    built = teams_wsgi(settings, unused, clock=lambda: NOW, token_provider=outbound_token)
    yield built
    built.close()


@pytest.fixture
def references(connector: FakeConnector) -> StoredReferences:
    return StoredReferences(
        {
            PERSON: Conversation(connector.url, MAIJA.personal_chat),
            CHANNEL: Conversation(connector.url, CHANNEL_ID),
        }
    )


@pytest.fixture
def port(bot: TeamsBot, references: StoredReferences) -> TeamsPort:
    return TeamsPort(bot, references)


def test_a_person_gets_the_card_in_their_personal_chat(
    port: TeamsPort, connector: FakeConnector
) -> None:
    posted = port.post(PERSON, notice("deadline"), "sv")

    (call,) = connector.calls
    assert (call.method, call.conversation_id) == ("POST", MAIJA.personal_chat)
    assert call.authorization == f"Bearer {OUTBOUND_TOKEN}"
    assert call.body["summary"] == "3 dagar kvar till tidsfristen"
    (card,) = call.cards
    assert card_lines(card)[0] == "3 dagar kvar till tidsfristen"
    assert posted == Posted(MAIJA.personal_chat, posted.ts)
    assert posted.ts.isdigit()


def test_the_longest_notice_fits_in_one_teams_message(
    port: TeamsPort, connector: FakeConnector
) -> None:
    port.post(PERSON, notice("round_ask", many=400), "fi")

    (call,) = connector.calls
    assert len(json.dumps(call.body, ensure_ascii=False).encode()) < TEAMS_MESSAGE_LIMIT


def test_someone_who_has_not_installed_the_app_is_not_reachable_yet_and_nothing_is_sent(
    port: TeamsPort, connector: FakeConnector
) -> None:
    with pytest.raises(NotReachableYet):
        port.post(STRANGER, notice("deadline"), "fi")

    assert connector.calls == []


def test_a_channel_the_bot_was_not_added_to_is_not_reachable_yet(
    port: TeamsPort, connector: FakeConnector
) -> None:
    with pytest.raises(NotReachableYet):
        port.post("teams:19:other@thread.tacv2", notice("digest"), "fi")

    assert connector.calls == []


def test_a_channel_gets_a_new_post_and_its_thread_the_replies(
    port: TeamsPort, connector: FakeConnector
) -> None:
    digest = notice("digest")

    root = port.post(CHANNEL, digest, "en")
    replies = [port.post(CHANNEL, reply, "en", thread_of=root) for reply in digest.thread]

    thread = f"{CHANNEL_ID};messageid={root.ts}"
    assert [call.conversation_id for call in connector.calls] == [CHANNEL_ID, thread, thread]
    assert [card_lines(call.cards[0])[0] for call in connector.calls[1:]] == [
        "Due in the next two weeks",
        "Status updates this week",
    ]
    assert root.channel == CHANNEL_ID
    assert {reply.channel for reply in replies} == {thread}


def test_a_reply_in_a_personal_chat_is_the_next_message_there(
    port: TeamsPort, connector: FakeConnector
) -> None:
    root = port.post(PERSON, notice("digest"), "fi")
    port.post(PERSON, notice("digest").thread[0], "fi", thread_of=root)

    assert [call.conversation_id for call in connector.calls] == [MAIJA.personal_chat] * 2


@pytest.mark.parametrize(("header", "wait"), [(7, 7.0), (None, DEFAULT_RETRY_AFTER)])
def test_429_is_rate_limited_for_as_long_as_teams_asks(
    port: TeamsPort, connector: FakeConnector, header: int | None, wait: float
) -> None:
    connector.fail_next(429, retry_after=header)

    with pytest.raises(RateLimited) as limited:
        port.post(PERSON, notice("deadline"), "fi")

    assert limited.value.retry_after == wait
    assert len(connector.calls) == 1


@pytest.mark.parametrize("status", [500, 502, 503, 504, 412, 408])
def test_a_server_error_or_one_microsoft_asks_to_retry_is_transient_and_made_once(
    port: TeamsPort, connector: FakeConnector, status: int
) -> None:
    connector.fail_next(status)

    with pytest.raises(TransientError, match=str(status)):
        port.post(PERSON, notice("deadline"), "fi")

    assert len(connector.calls) == 1  # neither the SDK nor httpx repeated it


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (403, "teams_forbidden"),
        (404, "teams_not_found"),
        (400, "teams_bad_request"),
        (401, "teams_unauthorized"),
        (409, "teams_http_409"),
    ],
    ids=["bot removed or blocked", "conversation gone", "refused", "our token refused", "other"],
)
def test_a_refusal_retrying_cannot_fix_is_permanent_with_a_code_failures_can_explain(
    port: TeamsPort, connector: FakeConnector, status: int, code: str
) -> None:
    connector.fail_next(status)

    with pytest.raises(PermanentError) as refused:
        port.post(CHANNEL, notice("digest"), "fi")

    assert refused.value.code == code
    assert len(connector.calls) == 1


def test_a_connection_dropped_before_the_answer_is_transient_and_not_repeated(
    port: TeamsPort, connector: FakeConnector
) -> None:
    connector.drop_next()

    with pytest.raises(TransientError, match="network"):
        port.post(PERSON, notice("deadline"), "fi")

    assert len(connector.calls) == 1  # it may have been posted: only the sender may repeat it


def test_a_connector_out_of_reach_is_transient(bot: TeamsBot) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{unused.getsockname()[1]}"
    port = TeamsPort(bot, StoredReferences({PERSON: Conversation(closed, MAIJA.personal_chat)}))

    with pytest.raises(TransientError, match="network"):
        port.post(PERSON, notice("deadline"), "fi")


def test_a_connector_that_does_not_answer_in_time_is_transient_and_the_next_post_goes_out(
    bot: TeamsBot, references: StoredReferences, connector: FakeConnector
) -> None:
    port = TeamsPort(bot, references, timeout=0.3)
    connector.stall_next(2.0)

    with pytest.raises(TransientError, match=r"within 0\.3 s"):
        port.post(PERSON, notice("deadline"), "fi")
    posted = port.post(PERSON, notice("deadline"), "fi")

    assert posted.ts.isdigit()


def test_many_posts_go_out_on_the_one_loop_of_the_process(
    port: TeamsPort, connector: FakeConnector
) -> None:
    posted = [port.post(PERSON, notice("deadline"), "fi") for _ in range(5)]

    assert len({p.ts for p in posted}) == 5
    assert len(connector.calls) == 5


def test_the_port_is_for_teams_and_paces_each_conversation_within_microsoft_s_limits(
    port: TeamsPort,
) -> None:
    assert port.platform is Platform.TEAMS
    # 1,800 posts an hour per conversation is the tightest of Microsoft's windows
    assert 3600 / CHANNEL_INTERVAL <= 1800
    assert port.channel_interval == CHANNEL_INTERVAL
