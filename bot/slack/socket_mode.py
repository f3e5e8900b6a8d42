"""Socket Mode: Slack's requests over the app's own WebSocket, each logged like an HTTP one.

Over HTTP the web face (:mod:`bot.slack.web`) names each request and writes its log line once
Bolt has answered. Socket Mode has no such face, and Bolt's global middleware cannot stand in
for it: a middleware's ``next()`` only marks it passed (it returns None), and the listeners run
after every middleware has returned, so no middleware sees the answer or how long it took. So
:class:`SocketModeHandler` does it around :meth:`slack_bolt.App.dispatch`: the request id goes
into the request's context (the error handler's apology quotes it), and the line is written
with the status and duration once the listeners are done.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.socket_mode import SocketModeHandler as BoltSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import build_headers, send_response
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.slack import payloads
from seuranta import logs

logger = logging.getLogger(__name__)


def dispatch(app: App, body: dict[str, Any], headers: Any = None) -> BoltResponse:
    """One Socket Mode request through Bolt, with its request id and its log line."""
    started = time.perf_counter()
    request_id = logs.request_id()
    status = 500  # an exception escaping dispatch
    try:
        request = BoltRequest(
            mode="socket_mode", body=body, headers=headers, context={"request_id": request_id}
        )
        response = app.dispatch(request)
        status = response.status
        return response
    finally:
        logger.info(
            "request",
            extra=logs.fields(
                mode="socket",
                status=status,
                ms=round((time.perf_counter() - started) * 1000, 1),
                request_id=request_id,
                **payloads.describe(body),
            ),
        )


class SocketModeHandler(BoltSocketModeHandler):
    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        started = time.time()
        response = dispatch(self.app, req.payload, build_headers(req))
        send_response(client, req, response, started)
