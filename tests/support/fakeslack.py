"""A small local stand-in for Slack's Web API, recording every call.

Point ``WebClient(base_url=fake.url)`` (or ``SLACK_API_URL``) at it. It answers like Slack for
the methods the bot uses, takes ``response_url`` posts at :meth:`FakeSlack.webhook_url`, and can
be told to fail a method with a 429 (and ``Retry-After``), a 500, or an API error such as
``channel_not_found``. ``calls("chat.postMessage")`` lists what was sent, oldest first.
File uploads follow Slack's external flow as ``files_upload_v2`` drives it: an upload URL from
``files.getUploadURLExternal``, the raw bytes POSTed there, then ``files.completeUploadExternal``.
:attr:`FakeSlack.uploads` keeps each file's name, declared length and bytes by file id;
``fail("upload", status=500)`` makes the raw POST fail.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from tests.support.wsgi_server import POLL

BOT_USER_ID = "U0LAN0Z89"  # the bot mentioned in the Slack docs' app_mention example
BOT_ID = "B0LAN0Z89"
TEAM_ID = "T123ABC456"
WEBHOOK = "webhook"
UPLOAD = "upload"


@dataclass(frozen=True, slots=True)
class Call:
    method: str  # "chat.postMessage", or "webhook" for a response_url post
    params: dict[str, Any]
    headers: dict[str, str]
    path: str
    refused: bool = False  # answered with an error the test asked for (fail())


@dataclass(slots=True)
class Upload:
    """One file of the external upload flow: named and sized first, its bytes POSTed after."""

    filename: str
    length: int  # what files.getUploadURLExternal was told
    content: bytes | None = None  # None until the bytes arrive at the upload URL


@dataclass(slots=True)
class Failure:
    status: int = 200
    error: str | None = None
    retry_after: int | None = None
    times: int | None = None  # None: every call until cleared


@dataclass
class FakeSlack:
    locales: dict[str, str] = field(default_factory=dict)  # user id -> users.info locale
    uploads: dict[str, Upload] = field(default_factory=dict)  # file id -> the file
    # What apps.connections.open hands a Socket Mode app (tests/support/fake_socket_mode.py).
    socket_mode_url: str | None = None
    _calls: list[Call] = field(default_factory=list)
    _failures: dict[str, Failure] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _ts: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def __post_init__(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake._handle(self)

            def do_POST(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        # A short poll: stopping the fake at each test's end takes milliseconds, not 0.5 s.
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(POLL,), daemon=True
        )
        self._thread.start()

    @property
    def origin(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        """The Web API base URL, like https://slack.com/api/."""
        return f"{self.origin}/api/"

    def webhook_url(self, name: str = "hook") -> str:
        return f"{self.origin}/{WEBHOOK}/{name}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- what tests ask -------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def webhooks(self) -> list[Call]:
        return self.calls(WEBHOOK)

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """The calls of a method once there are at least ``count`` (listeners run after ack)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.calls(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} {method} call(s), got {len(self.calls(method))}")

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        error: str | None = None,
        retry_after: int | None = None,
        times: int | None = None,
    ) -> None:
        """Make ``method`` fail: ``status=429, retry_after=1``, ``status=500``, ``error=...``."""
        with self._lock:
            self._failures[method] = Failure(status, error, retry_after, times)

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()
            self._failures.clear()
            self.uploads.clear()

    # -- the server side ------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        url = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        if url.path.startswith(f"/{UPLOAD}/"):
            self._store_upload(request, url.path.rsplit("/", 1)[-1], request.rfile.read(length))
            return
        raw = request.rfile.read(length).decode() if length else ""
        params: dict[str, Any] = dict(parse_qsl(url.query))
        if raw:
            is_json = "json" in (request.headers.get("Content-Type") or "")
            params.update(json.loads(raw) if is_json else dict(parse_qsl(raw)))
        if url.path.startswith(f"/{WEBHOOK}/"):
            method = WEBHOOK
        else:
            method = url.path.removeprefix("/api/").strip("/")
        headers = {k.lower(): v for k, v in request.headers.items()}
        with self._lock:
            failure = self._take_failure(method)
            call = Call(method, params, headers, url.path, refused=failure is not None)
            self._calls.append(call)
        status, headers, body = self._answer(call, failure)
        payload = body.encode()
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def _store_upload(self, request: BaseHTTPRequestHandler, file_id: str, data: bytes) -> None:
        """The upload URL answers in plain text, as files.slack.com does, not in JSON."""
        with self._lock:
            failure = self._take_failure(UPLOAD)
            upload = self.uploads.get(file_id)
            if failure is None and upload is not None and upload.content is None:
                upload.content = data
        if failure is not None:
            status, body = failure.status, b"upload failed"
        elif upload is None:
            status, body = 404, b"no such upload URL"
        else:
            status, body = 200, b"OK - " + str(len(data)).encode()
        request.send_response(status)
        request.send_header("Content-Type", "text/plain")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    def _take_failure(self, method: str) -> Failure | None:
        failure = self._failures.get(method)
        if failure is not None and failure.times is not None:
            failure.times -= 1
            if failure.times <= 0:
                del self._failures[method]
        return failure

    def _answer(self, call: Call, failure: Failure | None) -> tuple[int, dict[str, str], str]:
        json_type = {"Content-Type": "application/json; charset=utf-8"}
        if failure is not None:
            headers = dict(json_type)
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            error = failure.error or ("ratelimited" if failure.status == 429 else "fatal_error")
            return failure.status, headers, json.dumps({"ok": False, "error": error})
        if call.method == WEBHOOK:
            return 200, {"Content-Type": "text/plain"}, "ok"
        return 200, json_type, json.dumps(self._result(call))

    def _result(self, call: Call) -> dict[str, Any]:
        p = call.params
        if call.method == "auth.test":
            return {
                "ok": True,
                "url": "https://example.slack.com/",
                "team": "Example",
                "user": "seuranta",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": BOT_ID,
                "is_enterprise_install": False,
            }
        if call.method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            message = {"type": "message", "text": p.get("text", ""), "ts": ts, "bot_id": BOT_ID}
            return {"ok": True, "channel": p.get("channel"), "ts": ts, "message": message}
        if call.method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if call.method == "files.getUploadURLExternal":
            if not p.get("filename") or not str(p.get("length", "")).isdigit():
                return {"ok": False, "error": "invalid_arguments"}
            file_id = f"F{next(self._ts):08d}"
            with self._lock:
                self.uploads[file_id] = Upload(str(p["filename"]), int(p["length"]))
            return {
                "ok": True,
                "file_id": file_id,
                "upload_url": f"{self.origin}/{UPLOAD}/{file_id}",
            }
        if call.method == "files.completeUploadExternal":
            return self._complete_upload(p)
        if call.method == "conversations.open":
            return {"ok": True, "channel": {"id": f"D{p.get('users', '')}"}}
        if call.method == "apps.connections.open":
            if self.socket_mode_url is None:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.socket_mode_url}
        if call.method == "views.publish":
            return {"ok": True, "view": {"id": "V0FAKE", "type": "home"}}
        if call.method == "users.info":
            user = str(p.get("user", ""))
            profile = {
                "id": user,
                "name": user.lower(),
                "real_name": f"Person {user}",
                "tz": "Europe/Helsinki",
                "locale": self.locales.get(user, "en-US"),
            }
            return {"ok": True, "user": profile}
        return {"ok": True}

    def _complete_upload(self, p: dict[str, Any]) -> dict[str, Any]:
        """Like Slack: every file named must have had its bytes POSTed to its upload URL."""
        described: list[dict[str, Any]] = []
        for f in json.loads(p.get("files", "[]")):
            with self._lock:
                upload = self.uploads.get(str(f.get("id")))
            if upload is None or upload.content is None:
                return {"ok": False, "error": "file_not_found"}
            described.append({"id": f["id"], "title": f.get("title"), "name": upload.filename})
        if not described:
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True, "files": described}


@contextmanager
def running_fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    try:
        yield fake
    finally:
        fake.close()
