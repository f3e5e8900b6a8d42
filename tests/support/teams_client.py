"""Activities posted to the Teams bot as the Bot Connector posts them, and a stand-in for Entra."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.support import teams_activities
from tests.support.teams_connector import FakeConnector
from tests.support.teams_tokens import OUTBOUND_TOKEN, TokenIssuer
from tests.support.wsgi_server import Reply, request

APP_ID = teams_activities.APP_ID
APP_PASSWORD = "a-client-secret-that-is-never-sent"


@dataclass(frozen=True, slots=True)
class TeamsClient:
    """Posts activities to the bot as the Bot Connector does, signed unless told otherwise."""

    url: str
    connector: FakeConnector
    issuer: TokenIssuer | None

    def post(
        self, activity: dict[str, Any], *, token: str | None = None, sign: bool = True
    ) -> Reply:
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if token is None and sign and self.issuer is not None:
            token = self.issuer.token(activity["serviceUrl"])
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.raw(json.dumps(activity).encode(), headers)

    def raw(self, body: bytes, headers: dict[str, str], *, method: str = "POST") -> Reply:
        return request(self.url + "/api/messages", method=method, data=body, headers=headers)


def outbound_token(scope: str | list[str], tenant_id: str | None) -> str:
    """Stands in for Entra, which the tests cannot reach."""
    return OUTBOUND_TOKEN
