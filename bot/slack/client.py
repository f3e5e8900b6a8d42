"""The one place a Slack Web API client is made, and how a bad token or an unreachable Slack
stops a process at start.

Every client gets ``SLACK_BOT_TOKEN`` and ``SLACK_API_URL`` (so a proxy, or a test's fake, can
stand in). The bot's own client keeps slack_sdk's default retry handler, which repeats a call
once after a dropped connection. The outbox's does not: for ``chat.postMessage``, which has no
idempotency key, that repeat can post twice without anyone knowing; the sender retries instead,
after recording the attempt, so every repeat is counted (README, "The delivery guarantee").
"""

from __future__ import annotations

import http.client
import socket
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from seuranta.errors import ConfigError, UnavailableError
from seuranta.settings import Settings

NETWORK_ERRORS = (
    URLError,
    TimeoutError,
    ConnectionError,
    socket.timeout,
    http.client.HTTPException,
)


def web_client(settings: Settings, *, retries: bool = True, timeout: int = 30) -> WebClient:
    """A client for the bot (``retries``: slack_sdk's default handlers) or, without them, for
    the outbox."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        retry_handlers=None if retries else [],  # None: slack_sdk's defaults
    )


def check_token(client: WebClient) -> None:
    """At start: a token Slack refuses, or a Slack out of reach, stops the process in one line."""
    try:
        client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error") if isinstance(error.response.data, dict) else None
        reason = code or f"HTTP {error.response.status_code}"
        raise ConfigError(f"Slack did not accept SLACK_BOT_TOKEN: {reason}") from error
    except NETWORK_ERRORS as error:
        raise unreachable(client.base_url, error) from error


def unreachable(api_url: str, error: BaseException) -> UnavailableError:
    reason = getattr(error, "reason", None) or error  # URLError wraps the socket's error
    return UnavailableError(f"cannot reach Slack at {api_url}: {reason}")
