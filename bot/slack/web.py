"""The HTTP face of the bot, as one WSGI app: Slack's requests, a health check, room for more.

``POST /slack/events``  every Slack request (events, commands, interactivity), through Bolt
``GET /healthz``        200 when the database answers and is migrated, else 503
anything else           ``fallback``: the public status page (reports.web)

Bolt's own WSGI adapter answers a body it cannot parse with a 500 and a traceback in the log;
here such a request, or one without the fields its kind always has, gets a 400 (or the 401 its
signature earns) before Bolt sees it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import Engine

from bot.slack import payloads
from data.db import SCHEMA_HEAD, current_revision

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

logger = logging.getLogger(__name__)

SLACK_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's payloads are a few kB; a megabyte is generous and stops a memory-filling upload.
MAX_BODY = 1_000_000


class SeurantaWsgi:
    def __init__(
        self,
        app: App,
        engine: Engine,
        signing_secret: str,
        fallback: WSGIApplication | None = None,
    ) -> None:
        self.app = app
        self.engine = engine
        self.verifier = SignatureVerifier(signing_secret)
        self.fallback = fallback or not_found

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == SLACK_PATH:
            if method != "POST":
                return _reply(start_response, BoltResponse(status=405, body={"error": "use POST"}))
            return _reply(start_response, self.slack(environ))
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            return _reply(start_response, self.health())
        return self.fallback(environ, start_response)

    def slack(self, environ: WSGIEnvironment) -> BoltResponse:
        timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
        if not timestamp.isdigit():  # the SDK's verifier would raise on it: a 500, not a 401
            return _unsigned()
        body = _read_body(environ)
        if body is None:
            return BoltResponse(status=400, body={"error": "malformed request"})
        problem = payloads.problem(body, str(environ.get("CONTENT_TYPE") or ""))
        if problem:
            if not self.verifier.is_valid(body, timestamp, signature):
                return _unsigned()
            logger.warning("malformed request: %s", problem)
            return BoltResponse(status=400, body={"error": "malformed request"})
        wsgi = WsgiHttpRequest(environ)
        request = BoltRequest(body=body, query=wsgi.query_string, headers=wsgi.get_headers())
        return self.app.dispatch(request)

    def health(self) -> BoltResponse:
        # Reading the schema revision is the SELECT that proves both "reachable" and "migrated".
        revision = current_revision(self.engine)
        if revision == SCHEMA_HEAD:
            return BoltResponse(status=200, body={"status": "ok", "schema": revision})
        problem = "unreachable" if revision is None else f"schema {revision}, need {SCHEMA_HEAD}"
        return BoltResponse(status=503, body={"status": "unavailable", "database": problem})


def _unsigned() -> BoltResponse:
    """What Bolt answers any request whose signature does not check out."""
    return BoltResponse(status=401, body={"error": "invalid request"})


def _read_body(environ: WSGIEnvironment) -> str | None:
    """The body as text, or None if it is too large, mislabelled or not UTF-8."""
    length = str(environ.get("CONTENT_LENGTH") or "0")
    if not length.isdigit() or int(length) > MAX_BODY:
        return None
    try:
        return bytes(environ["wsgi.input"].read(int(length))).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _reply(start_response: StartResponse, response: BoltResponse) -> Iterable[bytes]:
    wsgi = WsgiHttpResponse(response.status, response.headers, response.body)
    start_response(wsgi.status, wsgi.get_headers())
    return wsgi.get_body()


def not_found(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
    body = json.dumps({"error": "not found"}).encode()
    headers = [("content-type", "application/json"), ("content-length", str(len(body)))]
    start_response("404 Not Found", headers)
    return [body]
