"""The composition root of the worker: one message port per configured chat platform.

``seuranta remind`` and ``seuranta worker`` send through these; ``jobs`` only knows the
:class:`jobs.port.MessagePort` protocol. Each port is checked here, at start, so a bad token
stops the command with one line instead of failing every reminder. A platform that is not
configured has no port, and its rows fail with ``<platform>_not_configured``.
"""

from __future__ import annotations

from bot.slack.client import check_token, web_client
from bot.slack.port import SlackPort
from jobs.port import MessagePort
from seuranta.errors import ConfigError
from seuranta.identity import Platform
from seuranta.settings import Settings


def message_ports(settings: Settings) -> dict[Platform, MessagePort]:
    ports: dict[Platform, MessagePort] = {}
    if settings.slack_bot_token:
        client = web_client(settings, retries=False)
        check_token(client)
        ports[Platform.SLACK] = SlackPort(client)
    if not ports:
        raise ConfigError("SLACK_BOT_TOKEN must be set to send reminders")
    return ports
