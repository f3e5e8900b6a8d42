"""The WSGI bridge: a malformed request is a 4xx before the SDK sees it, and synchronous code
sends through the one event loop of its process, also in a process forked after the build."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator

import httpx
import pytest
from microsoft_teams.api.activities import MessageActivityInput
from microsoft_teams.api.clients.conversation import CreateConversationParams
from sqlalchemy.orm import sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.teams.app import TeamsBot, teams_wsgi
from bot.teams.bridge import MAX_BODY
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.programme import NOW
from tests.support.teams_activities import MAIJA
from tests.support.teams_client import TeamsClient, outbound_token
from tests.support.teams_connector import FakeConnector
from tests.support.teams_tokens import OUTBOUND_TOKEN

JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (b"{not json", 400),
        (b"\xff\xfe\x00garbage", 400),
        (b"[1, 2, 3]", 400),
        (b'"an activity"', 400),
        (b"[" * 100_000 + b"]" * 100_000, 400),
        (json.dumps({"type": "message", "text": "no conversation, no ids"}).encode(), 400),
        (json.dumps({"type": "not-an-activity-type", "id": "1"}).encode(), 400),
        (b"{}", 400),
    ],
    ids=[
        "malformed",
        "not utf-8",
        "a list",
        "a string",
        "nested too deep",
        "a message missing its fields",
        "an unknown type",
        "empty",
    ],
)
def test_a_body_that_is_not_an_activity_gets_400_and_nothing_happens(
    emulator: TeamsClient, body: bytes, status: int
) -> None:
    assert emulator.raw(body, JSON).status == status
    assert emulator.connector.calls == []


class _Unreadable:
    def read(self, size: int = -1) -> bytes:
        raise AssertionError("the body was read")


@pytest.mark.parametrize(
    ("length", "status"),
    [
        (str(MAX_BODY + 1), "413 Request Entity Too Large"),
        (None, "411 Length Required"),
        ("-1", "400 Bad Request"),
        ("²", "400 Bad Request"),
    ],
    ids=["over the limit", "no length", "negative", "a digit that is not ASCII"],
)
def test_a_body_of_the_wrong_length_is_refused_without_being_read(
    bot: TeamsBot, length: str | None, status: str
) -> None:
    statuses: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/api/messages", "wsgi.input": _Unreadable()}
    if length is not None:
        environ["CONTENT_LENGTH"] = length

    bot(environ, lambda status, headers: statuses.append(status))  # type: ignore[arg-type]

    assert statuses == [status]


def test_a_malformed_body_is_refused_in_signed_mode_too(teams: TeamsClient) -> None:
    assert teams.raw(b"{not json", {**JSON, "Authorization": "Bearer x"}).status == 400
    assert teams.connector.calls == []


def test_only_post_is_accepted(emulator: TeamsClient) -> None:
    reply = emulator.raw(b"", {}, method="GET")

    assert reply.status == 405
    assert reply.headers["Allow"] == "POST"


def _bot() -> TeamsBot:
    """A bot that is only sent through, so its engine never opens a database."""
    settings = Settings(teams_app_id=activities.APP_ID, teams_app_password="secret")
    unused = AnswerEngine(sessionmaker())
    return teams_wsgi(settings, unused, clock=lambda: NOW, token_provider=outbound_token)


@pytest.fixture
def bot() -> Iterator[TeamsBot]:
    built = _bot()
    yield built
    built.close()


def test_synchronous_code_sends_through_the_same_loop_many_times(
    bot: TeamsBot, connector: FakeConnector
) -> None:
    sent = [
        bot.run(bot.app.send(MAIJA.personal_chat, f"reminder {n}", service_url=connector.url))
        for n in range(3)
    ]

    assert len({s.id for s in sent}) == 3
    texts = [call.text for call in connector.sent_to(MAIJA.personal_chat)]
    assert texts == ["reminder 0", "reminder 1", "reminder 2"]
    assert {call.authorization for call in connector.calls} == {f"Bearer {OUTBOUND_TOKEN}"}


def test_sends_from_many_threads_at_once_all_arrive(
    bot: TeamsBot, connector: FakeConnector
) -> None:
    def send(n: int) -> None:
        bot.run(bot.app.send(f"a:chat-{n}", "hello", service_url=connector.url))

    threads = [threading.Thread(target=send, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(call.conversation_id or "" for call in connector.calls) == sorted(
        f"a:chat-{n}" for n in range(12)
    )


def test_a_connector_error_reaches_the_sender_with_its_retry_after(
    bot: TeamsBot, connector: FakeConnector
) -> None:
    connector.fail_next(429, retry_after=7)

    with pytest.raises(httpx.HTTPStatusError) as raised:
        bot.run(bot.app.send(MAIJA.personal_chat, "hello", service_url=connector.url))

    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"


def test_building_starts_no_thread_so_a_forked_worker_gets_a_loop_of_its_own(
    connector: FakeConnector,
) -> None:
    """gunicorn's preload_app builds the app in the master and forks the workers."""
    threads_before = set(threading.enumerate())
    bot = _bot()
    assert set(threading.enumerate()) - threads_before == set()

    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the worker
        status = 1
        try:
            sent = bot.run(bot.app.send("a:from-child", "hi", service_url=connector.url))
            os.write(write, json.dumps({"id": sent.id}).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    _, status = os.waitpid(child, 0)
    answer = os.read(read, 1000)
    os.close(read)

    assert os.waitstatus_to_exitcode(status) == 0
    assert json.loads(answer)["id"]
    bot.run(bot.app.send("a:from-parent", "hi", service_url=connector.url))
    bot.close()
    assert [c.conversation_id for c in connector.calls] == ["a:from-child", "a:from-parent"]


def test_run_on_the_loop_itself_is_refused_rather_than_deadlocking(bot: TeamsBot) -> None:
    async def nested() -> None:
        async def nothing() -> None:
            return None

        bot.run(nothing())

    with pytest.raises(RuntimeError, match="await instead"):
        bot.run(nested())


@pytest.mark.parametrize("status", [403, 404, 502])
def test_a_refusal_from_the_connector_reaches_the_sender_with_its_status(
    bot: TeamsBot, connector: FakeConnector, status: int
) -> None:
    connector.fail_next(status)

    with pytest.raises(httpx.HTTPStatusError) as raised:
        bot.run(bot.app.send(MAIJA.personal_chat, "hello", service_url=connector.url))

    assert raised.value.response.status_code == status
    assert connector.calls[0].body["text"] == "hello"


def test_a_proactive_message_opens_the_chat_sends_and_updates_in_place(
    bot: TeamsBot, connector: FakeConnector
) -> None:
    """The path reminders will take: open a 1:1 chat from a stored reference, post, edit."""
    # isGroup and bot are not declared on the params model: given by their wire names.
    params = CreateConversationParams.model_validate(
        {
            "members": [{"id": MAIJA.id}],
            "tenantId": activities.TENANT_ID,
            "isGroup": False,
            "bot": {"id": f"28:{activities.APP_ID}"},
        }
    )
    api = bot.app.api.clone(service_url=connector.url)
    chat = bot.run(api.conversations.create(params))
    sent = bot.run(bot.app.send(chat.id, "2.7 is due on Friday", service_url=connector.url))
    update = MessageActivityInput(id=sent.id, text="2.7: on track, recorded")
    bot.run(bot.app.send(chat.id, update, service_url=connector.url))

    opened, posted, edited = connector.calls
    assert (opened.method, opened.path) == ("POST", "/v3/conversations")
    assert opened.body["isGroup"] is False
    assert opened.body["members"] == [{"id": MAIJA.id}]
    assert (posted.method, posted.conversation_id) == ("POST", f"a:dm-{MAIJA.id}")
    assert (edited.method, edited.path.rsplit("/", 1)[-1]) == ("PUT", sent.id)
    assert edited.text == "2.7: on track, recorded"
