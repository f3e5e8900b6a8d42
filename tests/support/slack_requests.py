"""Requests to the bot shaped and signed exactly as Slack sends them.

:class:`SignedSlack` posts events, slash commands and interactions to a served
:class:`bot.slack.web.SeurantaWsgi`; ``payload`` gives a fresh copy of one of Slack's example
payloads (``tests/bot/slack/payloads``, see the README there).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # a made-up signing secret
ADMIN = "UADMIN001"
PAYLOADS = Path(__file__).parents[1] / "bot" / "slack" / "payloads"


def payload(name: str) -> dict[str, Any]:
    """A fresh copy of one of Slack's example payloads."""
    return copy.deepcopy(json.loads((PAYLOADS / f"{name}.json").read_text()))


def signature(secret: str, timestamp: str, body: str) -> str:
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return "v0=" + digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


@dataclass(frozen=True, slots=True)
class SignedSlack:
    """Sends requests to the bot the way Slack does (see payloads/README.md)."""

    url: str
    secret: str = SECRET

    def post(
        self,
        body: str,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
    ) -> Reply:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        all_headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature(secret or self.secret, ts, body),
            **(headers or {}),
        }
        request = urllib.request.Request(
            self.url + path, data=body.encode(), headers=all_headers, method="POST"
        )
        return _send(request)

    def get(self, path: str) -> Reply:
        return _send(urllib.request.Request(self.url + path))

    def event(self, event_payload: dict[str, Any], **options: Any) -> Reply:
        return self.post(json.dumps(event_payload), "application/json", **options)

    def command(self, text: str, *, user_id: str = "W111", response_url: str = "") -> Reply:
        fields = payload("slash_command")
        fields.update(command="/seuranta", text=text, user_id=user_id)
        if response_url:
            fields["response_url"] = response_url
        return self.form(fields)

    def form(self, fields: dict[str, str], **options: Any) -> Reply:
        body = urllib.parse.urlencode(fields)
        return self.post(body, "application/x-www-form-urlencoded", **options)

    def action(self, action_payload: dict[str, Any], **options: Any) -> Reply:
        body = "payload=" + urllib.parse.quote(json.dumps(action_payload))
        return self.post(body, "application/x-www-form-urlencoded", **options)


def _send(request: urllib.request.Request) -> Reply:
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return Reply(response.status, dict(response.headers), response.read().decode())
    except urllib.error.HTTPError as error:
        return Reply(error.code, dict(error.headers), error.read().decode())
