"""The composition root of the worker: one message port per configured chat platform.

``seuranta remind`` and ``seuranta worker`` send through these; ``jobs`` only knows the
:class:`jobs.port.MessagePort` protocol. Each port is checked here, at start, so a bad token
stops the command with one line instead of failing every reminder. A platform that is not
configured has no port, and its rows fail with ``<platform>_not_configured``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine
from bot.slack.client import check_token, web_client
from bot.slack.port import SlackPort
from bot.teams.app import TokenProvider, teams_wsgi
from bot.teams.port import StoredReferences, TeamsPort, check_credentials
from jobs.port import MessagePort
from seuranta.errors import ConfigError
from seuranta.identity import Platform
from seuranta.settings import Settings


def message_ports(
    settings: Settings,
    factory: sessionmaker[Session],
    *,
    teams_token_provider: TokenProvider | None = None,
) -> dict[Platform, MessagePort]:
    """``teams_token_provider`` stands in for Entra (tests); production leaves it None."""
    ports: dict[Platform, MessagePort] = {}
    if settings.slack_bot_token:
        client = web_client(settings, retries=False)
        check_token(client)
        ports[Platform.SLACK] = SlackPort(client)
    if settings.teams_configured:
        # The SDK's App both receives and sends; the worker only sends, so its listeners (and
        # the engine they would answer with) are never called here.
        engine = Engine(factory, default_lang=settings.language)
        bot = teams_wsgi(settings, engine, token_provider=teams_token_provider)
        try:
            check_credentials(bot, settings)
        except BaseException:
            bot.close()
            raise
        ports[Platform.TEAMS] = TeamsPort(bot, StoredReferences(factory))
    if not ports:
        raise ConfigError(
            "SLACK_BOT_TOKEN, or TEAMS_APP_ID and TEAMS_APP_PASSWORD (or "
            "SEURANTA_TEAMS_EMULATOR=1), must be set to send reminders"
        )
    return ports
