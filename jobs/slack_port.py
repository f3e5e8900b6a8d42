"""The Slack Web API behind :class:`jobs.port.MessagePort`: error codes to delivery meanings.

The client gets *no* automatic retry handlers: slack_sdk's default one re-sends after a dropped
connection, which for ``chat.postMessage`` (no idempotency key) can post twice without our
knowing. The sender retries instead, after recording an attempt, so every repeat is counted.
"""

from __future__ import annotations

import http.client
import socket
from urllib.error import URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from jobs.port import Message, PermanentError, Posted, RateLimited, TransientError
from seuranta.errors import ConfigError, UnavailableError
from seuranta.settings import Settings

# Error codes Slack documents as "try again"; every other code is the caller's to fix.
TRANSIENT_CODES = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
NETWORK_ERRORS = (
    URLError,
    TimeoutError,
    ConnectionError,
    socket.timeout,
    http.client.HTTPException,
)


def web_client(settings: Settings, timeout: int = 30) -> WebClient:
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        retry_handlers=[],
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


class SlackPort:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post(self, channel: str, message: Message, thread_ts: str | None = None) -> Posted:
        try:
            response = self.client.chat_postMessage(
                channel=channel,
                text=message.text,
                blocks=message.blocks or None,
                thread_ts=thread_ts,
                unfurl_links=False,
            )
        except SlackApiError as error:
            raise _meaning(error) from error
        except NETWORK_ERRORS as error:
            raise TransientError(f"network: {error}") from error
        return Posted(str(response["channel"]), str(response["ts"]))

    def update(self, channel: str, ts: str, message: Message) -> None:
        try:
            self.client.chat_update(
                channel=channel, ts=ts, text=message.text, blocks=message.blocks or None
            )
        except SlackApiError as error:
            raise _meaning(error) from error
        except NETWORK_ERRORS as error:
            raise TransientError(f"network: {error}") from error


def _meaning(error: SlackApiError) -> Exception:
    response = error.response
    code = str(response.get("error") or "") if isinstance(response.data, dict) else ""
    if response.status_code == 429 or code == "ratelimited":
        return RateLimited(_retry_after(response.headers))
    if response.status_code >= 500 or code in TRANSIENT_CODES:
        return TransientError(code or f"HTTP {response.status_code}")
    return PermanentError(code or f"HTTP {response.status_code}")


def _retry_after(headers: dict[str, object]) -> float:
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(str(raw)), 0.0)
            except ValueError:
                break
    return 1.0  # Slack always sends the header; one second is its smallest window anyway
