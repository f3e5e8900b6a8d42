"""The one way this project makes a Slack Web API client."""

from __future__ import annotations

from slack_sdk import WebClient

from seuranta.settings import Settings


def web_client(settings: Settings, timeout: int = 30) -> WebClient:
    """``SLACK_API_URL`` lets a proxy (or a test) stand in for Slack.

    No automatic retries: slack_sdk's default handler re-sends after a dropped connection,
    which for ``chat.postMessage`` (no idempotency key) can post twice without our knowing.
    A listener's failure goes to the error handler; the sender retries reminders itself,
    counting each attempt.
    """
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        retry_handlers=[],
    )
