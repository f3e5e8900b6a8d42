"""A fake Bot Connector: the ``serviceUrl`` side of Teams, recording everything a bot sends.

Point an activity's ``serviceUrl`` (or the app's ``service_url``) at :attr:`FakeConnector.url`.
It answers the Bot Connector v3 REST calls a Teams bot makes:

=====================================================  ==========================================
``POST /v3/conversations``                             opens a chat: 201 ``{"id": "a:dm-<member>"}``
``POST /v3/conversations/{id}/activities``             sends: 201 ``{"id": "<numeric id>"}``
``POST /v3/conversations/{id}/activities/{activity}``  replies to an activity: 201 ``{"id": …}``
``PUT  /v3/conversations/{id}/activities/{activity}``  updates in place: 200 ``{"id": activity}``
``GET  /v3/conversations/{id}/members/{member}``        a member of the chat or team, as
                                                       :meth:`FakeConnector.add_member` named it
``GET  /v1/.well-known/openidconfiguration``, ``keys``  the OpenID metadata and key set that a
                                                       signed test points token validation at
=====================================================  ==========================================

Every write is recorded as a :class:`Call` (method, path with the conversation id unquoted, the
``Authorization`` header and the JSON body). :meth:`FakeConnector.fail_next` makes the next
writes fail the way the real service does: 429 with ``Retry-After``, 403 (the bot was removed),
404 (no such conversation), 5xx; :meth:`FakeConnector.drop_next` takes the next write and
closes the connection without a word, and :meth:`FakeConnector.stall_next` answers it only
after a while. It speaks HTTP/1.1 keep-alive like the real service, so a client's connection
pool behaves as in production.
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import unquote, urlsplit

OPENID_PATH = "/v1/.well-known/openidconfiguration"
KEYS_PATH = "/v1/.well-known/keys"
# What the real service names each failure in its error body.
ERROR_CODES = {
    400: "BadArgument",
    403: "BotNotInConversationRoster",
    404: "ConversationNotFound",
    412: "PreconditionFailed",
    429: "TooManyRequests",
    500: "InternalServerError",
    502: "BadGateway",
    503: "ServiceUnavailable",
}
# Teams message ids are millisecond timestamps; a thread is addressed as ";messageid=<id>".
FIRST_ACTIVITY_ID = 1_767_225_600_000


@dataclass(frozen=True, slots=True)
class Call:
    method: str
    path: str
    authorization: str | None
    body: Any

    @property
    def conversation_id(self) -> str | None:
        """``19:…@thread.tacv2;messageid=…`` for ``/v3/conversations/{id}/activities…``."""
        parts = self.path.split("/")
        return parts[3] if len(parts) > 4 and parts[4] == "activities" else None

    @property
    def text(self) -> str | None:
        return self.body.get("text") if isinstance(self.body, dict) else None

    @property
    def cards(self) -> list[dict[str, Any]]:
        """The Adaptive Cards attached to this activity (their ``content``)."""
        if not isinstance(self.body, dict):
            return []
        return [
            attachment["content"]
            for attachment in self.body.get("attachments") or []
            if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive"
        ]


def card_lines(card: dict[str, Any]) -> list[str]:
    """Every line of text on a card (its TextRuns joined per block), in order."""
    lines: list[str] = []
    for element in card.get("body") or card.get("items") or []:
        if element["type"] == "RichTextBlock":
            lines.append("".join(run["text"] for run in element["inlines"]))
        elif element["type"] == "Container":
            lines += card_lines(element)
    return lines


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every element, inline and action of a card."""
    if isinstance(node, dict):
        if "type" in node:
            yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


@dataclass(frozen=True, slots=True)
class Failure:
    status: int  # DROP: no answer at all, the connection closed
    retry_after: int | None = None
    delay: float = 0.0  # seconds before answering


DROP = 0


class FakeConnector:
    def __init__(self, *, jwks: dict[str, Any] | None = None, issuer: str | None = None) -> None:
        self.jwks = jwks
        self.issuer = issuer or "https://api.botframework.com"
        self._calls: list[Call] = []
        self._members: dict[str, dict[str, str]] = {}
        self._failures: deque[Failure] = deque()
        self._lock = threading.Lock()
        self._ids = itertools.count(FIRST_ACTIVITY_ID)
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="fake-connector", daemon=True
        )
        self._thread.start()

    @property
    def openid_metadata_url(self) -> str:
        return self.url + OPENID_PATH

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def activities(self) -> list[Call]:
        """Messages sent, replies and updates, oldest first."""
        return [call for call in self.calls if call.conversation_id is not None]

    def sent_to(self, conversation_id: str) -> list[Call]:
        return [call for call in self.activities() if call.conversation_id == conversation_id]

    def add_member(self, account: dict[str, str]) -> None:
        """A person the roster knows (``id``, ``name``, ``aadObjectId``), in every conversation."""
        with self._lock:
            self._members[account["id"]] = dict(account)

    def fail_next(self, status: int, *, retry_after: int | None = None, times: int = 1) -> None:
        """Answer the next ``times`` writes with ``status`` (and ``Retry-After`` if given)."""
        with self._lock:
            self._failures.extend([Failure(status, retry_after)] * times)

    def drop_next(self) -> None:
        """Take the next write (it is recorded), then close the connection unanswered."""
        with self._lock:
            self._failures.append(Failure(DROP))

    def stall_next(self, seconds: float) -> None:
        """Answer the next write as usual, but only after ``seconds``."""
        with self._lock:
            self._failures.append(Failure(200, delay=seconds))

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
            self._failures.clear()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeConnector:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _write(self, method: str, path: str, authorization: str | None, body: Any) -> _Answer:
        with self._lock:
            self._calls.append(Call(method, path, authorization, body))
            failure = self._failures.popleft() if self._failures else None
            next_id = str(next(self._ids))
        if failure is not None and failure.delay:
            time.sleep(failure.delay)
            failure = None
        if failure is not None and failure.status == DROP:
            return _Answer(DROP, None)
        if failure is not None:
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            code = ERROR_CODES.get(failure.status, "Error")
            error = {"error": {"code": code, "message": f"fake connector: {failure.status}"}}
            return _Answer(failure.status, error, headers)
        parts = path.strip("/").split("/")
        if method == "POST" and parts == ["v3", "conversations"]:
            members = body.get("members") if isinstance(body, dict) else None
            member = members[0].get("id", "x") if members else "x"
            return _Answer(201, {"id": f"a:dm-{member}", "serviceUrl": self.url})
        if len(parts) >= 4 and parts[:2] == ["v3", "conversations"] and parts[3] == "activities":
            if method == "PUT" and len(parts) == 5:
                return _Answer(200, {"id": parts[4]})
            if method == "POST" and len(parts) in (4, 5):
                return _Answer(201, {"id": next_id})
        return _Answer(404, {"error": {"code": "NotFound", "message": f"no route {path}"}})

    def _read(self, path: str) -> _Answer:
        if path == OPENID_PATH:
            metadata = {
                "issuer": self.issuer,
                "authorization_endpoint": self.url + "/v1/authorize",
                "jwks_uri": self.url + KEYS_PATH,
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            }
            return _Answer(200, metadata)
        if path == KEYS_PATH and self.jwks is not None:
            return _Answer(200, self.jwks)
        parts = path.strip("/").split("/")
        if len(parts) == 5 and parts[:2] == ["v3", "conversations"] and parts[3] == "members":
            with self._lock:
                member = self._members.get(parts[4])
            if member is not None:
                return _Answer(200, member)
            error = {"error": {"code": "MemberNotFoundInConversation", "message": parts[4]}}
            return _Answer(404, error)
        return _Answer(404, {"error": {"code": "NotFound", "message": f"no route {path}"}})


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    body: Any
    headers: dict[str, str] | None = None


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client closing a keep-alive connection is not news


def _handler(fake: FakeConnector) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in two writes; with Nagle's algorithm and the client's delayed
        # ACK, every answer on a kept-alive connection would wait 40 ms for nothing.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._send(fake._read(urlsplit(self.path).path))

        def do_POST(self) -> None:
            self._write()

        def do_PUT(self) -> None:
            self._write()

        def _write(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else None
            path = unquote(urlsplit(self.path).path)
            self._send(fake._write(self.command, path, self.headers.get("Authorization"), body))

        def _send(self, answer: _Answer) -> None:
            if answer.status == DROP:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            data = json.dumps(answer.body).encode()
            self.send_response(answer.status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (answer.headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler
