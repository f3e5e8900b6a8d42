"""The HTTP face of the bot, as one WSGI app: Slack's requests, a health check, room for more.

``POST /slack/events``  every Slack request (events, commands, interactivity), through Bolt;
                        only when Slack is served over HTTP (``app`` given)
``GET /healthz``        200 when the database answers and is migrated, else 503
``routes``              other platforms' endpoints (Teams' ``/api/messages``), exact paths
anything else           ``fallback``: the public status page (reports.web)

A Slack request is verified before anything else looks at it (:mod:`bot.slack.signature`):
an unsigned, stale or oddly shaped one gets a 401 without its body being parsed or logged, and
never reaches Bolt, its middleware or the error handler. A verified body Bolt could not handle
(:mod:`bot.slack.payloads`) gets a 400 instead of Bolt's 500. Every request, of any path, leaves
one log line with its id, status and duration.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from sqlalchemy import Engine

from bot.intents import MAX_INSPECTED, MAX_QUESTION_LENGTH
from bot.slack import payloads
from bot.slack.signature import VERIFIED, is_from_slack
from data.db import SCHEMA_HEAD, current_revision
from seuranta import logs
from seuranta.i18n import message

if TYPE_CHECKING:
    from _typeshed import OptExcInfo
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's payloads are a few kB; a megabyte is generous and stops a memory-filling upload.
MAX_BODY = 1_000_000
# A slash command whose form body is longer holds more text than any command or question may
# (MAX_INSPECTED characters, each at most 12 bytes percent-encoded): it is answered "too long"
# without decoding a megabyte of %XX escapes first. Slack sends ``command`` before ``text``.
MAX_COMMAND_BODY = 12 * MAX_INSPECTED + 4_096
_COMMAND_FIELD = re.compile(rb"(?:^|&)command=%2F")
_LENGTH = re.compile(r"[0-9]{1,9}")
# The only headers Bolt is shown: the ones Slack's requests carry and Bolt reads. Others (such
# as Bolt's internal x-slack-bolt-lazy-only) are not a client's to set.
_SLACK_HEADERS = (
    "x-slack-request-timestamp",
    "x-slack-signature",
    "x-slack-retry-num",
    "x-slack-retry-reason",
)

Facts = dict[str, str]


class SeurantaWsgi:
    def __init__(
        self,
        app: App | None,
        engine: Engine,
        signing_secret: str,
        fallback: WSGIApplication | None = None,
        *,
        default_lang: str = "fi",
        routes: Mapping[str, WSGIApplication] | None = None,
    ) -> None:
        self.app = app
        self.default_lang = default_lang
        self.engine = engine
        self.secret = signing_secret
        self.fallback = fallback or not_found
        self.routes = dict(routes or {})

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        request_id = logs.request_id(str(environ.get("HTTP_X_REQUEST_ID") or ""))
        seen: dict[str, Any] = {"status": "500"}  # what an exception escaping here becomes

        def recording(
            status: str, headers: list[tuple[str, str]], exc_info: OptExcInfo | None = None
        ) -> Callable[[bytes], object]:
            seen["status"] = status.split(" ", 1)[0]
            return start_response(status, headers, exc_info)

        try:
            return self._route(environ, recording, request_id, seen)
        finally:
            logger.info(
                "request",
                extra=logs.fields(
                    method=environ.get("REQUEST_METHOD", ""),
                    path=_wsgi_text(environ.get("PATH_INFO", "")),
                    status=seen["status"],
                    ms=round((time.perf_counter() - started) * 1000, 1),
                    request_id=request_id,
                    **seen.get("facts", {}),
                ),
            )

    def _route(
        self,
        environ: WSGIEnvironment,
        start_response: StartResponse,
        request_id: str,
        seen: dict[str, Any],
    ) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path in self.routes:
            return self.routes[path](environ, start_response)
        if path == SLACK_PATH and self.app is not None:
            if method != "POST":
                return _reply(start_response, BoltResponse(status=405, body={"error": "use POST"}))
            response, seen["facts"] = self.slack(environ, request_id)
            return _reply(start_response, response)
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _reply(start_response, self.health())
        return self.fallback(environ, start_response)

    def slack(self, environ: WSGIEnvironment, request_id: str) -> tuple[BoltResponse, Facts]:
        assert self.app is not None  # _route serves Slack only with an app
        length = str(environ.get("CONTENT_LENGTH") or "0")
        if not _LENGTH.fullmatch(length):
            return _malformed(), {}
        if int(length) > MAX_BODY:
            return BoltResponse(status=413, body={"error": "request too large"}), {}
        raw = bytes(environ["wsgi.input"].read(int(length)))
        timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
        if not is_from_slack(raw, timestamp, signature, self.secret, time.time()):
            return BoltResponse(status=401, body={"error": "invalid request"}), {}
        if len(raw) > MAX_COMMAND_BODY and _COMMAND_FIELD.search(raw, 0, 4_096):
            too_long = message("help.too_long", self.default_lang, limit=MAX_QUESTION_LENGTH)
            section = {"type": "section", "text": {"type": "mrkdwn", "text": too_long}}
            reply = {"response_type": "ephemeral", "text": too_long, "blocks": [section]}
            return BoltResponse(status=200, body=reply), {"kind": "command", "problem": "too long"}
        try:
            body = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _malformed("body is not UTF-8", request_id), {}
        headers: dict[str, str | Sequence[str]] = {
            "content-type": str(environ.get("CONTENT_TYPE") or "")
        }
        for name in _SLACK_HEADERS:
            value = environ.get("HTTP_" + name.upper().replace("-", "_"))
            if value:
                headers[name] = str(value)
        try:  # parses the body, once; Bolt then reads ids from it assuming Slack's shapes
            request = BoltRequest(
                body=body, headers=headers, context={"request_id": request_id, VERIFIED: True}
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return _malformed("body is not a Slack payload", request_id), {}
        facts = payloads.describe(request.body)
        problem = payloads.problem(request.body)
        if problem:
            return _malformed(problem, request_id), facts
        return self.app.dispatch(request), facts

    def health(self) -> BoltResponse:
        # Reading the schema revision is the SELECT that proves both "reachable" and "migrated".
        revision = current_revision(self.engine)
        if revision == SCHEMA_HEAD:
            return BoltResponse(status=200, body={"status": "ok", "schema": revision})
        problem = "unreachable" if revision is None else f"schema {revision}, need {SCHEMA_HEAD}"
        return BoltResponse(status=503, body={"status": "unavailable", "database": problem})


def _wsgi_text(value: str) -> str:
    """WSGI hands over URL bytes as latin-1 (PEP 3333); browsers and Slack send UTF-8."""
    return value.encode("latin-1", "replace").decode("utf-8", "replace")


def _malformed(problem: str | None = None, request_id: str | None = None) -> BoltResponse:
    if problem:
        logger.warning(
            "malformed request", extra=logs.fields(problem=problem, request_id=request_id)
        )
    return BoltResponse(status=400, body={"error": "malformed request"})


def _reply(start_response: StartResponse, response: BoltResponse) -> Iterable[bytes]:
    wsgi = WsgiHttpResponse(response.status, response.headers, response.body)
    start_response(wsgi.status, wsgi.get_headers())
    return wsgi.get_body()


def not_found(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
    body = json.dumps({"error": "not found"}).encode()
    headers = [("content-type", "application/json"), ("content-length", str(len(body)))]
    start_response("404 Not Found", headers)
    return [body]
