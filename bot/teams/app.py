"""Builds the Teams side: the SDK's ``App`` with every option explicit, its listeners, the bridge.

:func:`teams_wsgi` is the one call a server needs: it returns a :class:`TeamsBot`, a WSGI
application for ``POST /api/messages`` that also sends proactively from synchronous code.

Two modes, chosen by the settings (checked at start by ``Settings.require_teams``):

- **signed** (``TEAMS_APP_ID`` and ``TEAMS_APP_PASSWORD``): every request must carry a Bot
  Framework token that the SDK validates (signature against the key set named by the cloud's
  OpenID metadata, issuer, audience = our app id, expiry, and its ``serviceurl`` claim against the
  activity's ``serviceUrl``); without one the answer is 401 and nothing runs. Replies carry a token
  from Entra (client credentials, MSAL) for our app.
- **emulator** (``SEURANTA_TEAMS_EMULATOR=1``, no app id): requests are not authenticated and
  replies go without a token to the activity's ``serviceUrl``, as with the Bot Framework Emulator.
  For a developer's machine only, and said loudly at start; only loopback service URLs are
  answered, so an emulator-mode bot reachable from elsewhere cannot be made to post anywhere.

The SDK falls back to ``CLIENT_ID``, ``CLIENT_SECRET``, ``TENANT_ID``,
``MANAGED_IDENTITY_CLIENT_ID``, ``CLOUD``, ``SERVICE_URL``, ``OAUTH_URL`` and
``DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS`` from the environment for any option left empty
(``CLIENT_ID`` alone would even switch it to managed identity). Here no option is left empty,
and the credentials come from :class:`_ExplicitApp`, which never looks at the environment.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine, Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar, Unpack
from urllib.parse import urlsplit

from microsoft_teams.api.auth.cloud_environment import CloudEnvironment, from_name, with_overrides
from microsoft_teams.api.auth.credentials import (
    ClientCredentials,
    Credentials,
    TokenCredentials,
)
from microsoft_teams.api.clients.api_client_settings import ApiClientSettings
from microsoft_teams.api.models import ActivityBase
from microsoft_teams.apps import ActivityContext, App, AppOptions
from microsoft_teams.common import ClientOptions

from bot.commands.record import RecordStatus
from bot.rate_limit import RateLimiter
from bot.teams.bridge import WsgiBridge
from bot.teams.conversations import tenant_of
from bot.teams.listeners import register_listeners
from bot.teams.services import Services
from seuranta.settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment
    from sqlalchemy.orm import Session, sessionmaker

    from bot.engine import Engine

logger = logging.getLogger(__name__)

T = TypeVar("T")
MESSAGING_PATH = "/api/messages"
# The SDK's default for proactive sends without a stored serviceUrl; ours always pass one.
DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams"
# The emulator has no app registration; the SDK still needs an id to send under.
EMULATOR_APP_ID = "00000000-0000-0000-0000-000000000000"
# Seconds for one call to the Bot Connector (the SDK's default is no limit at all).
CONNECTOR_TIMEOUT = 10.0
LOOPBACK = ("127.0.0.1", "localhost", "::1")

Middleware = Callable[[ActivityContext[ActivityBase]], Coroutine[Any, Any, None]]
# Returns a token for (scope or scopes, tenant id), or None for no Authorization header.
TokenProvider = Callable[[str | list[str], str | None], str | None]


class TeamsBot:
    """The WSGI app for ``POST /api/messages`` and the way to send from synchronous code."""

    def __init__(self, app: App, bridge: WsgiBridge) -> None:
        self.app = app
        self.bridge = bridge

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        return self.bridge(environ, start_response)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Await ``coro`` (say ``bot.app.send(...)``) on the SDK's loop, from any thread."""
        return self.bridge.run(coro, timeout)

    def close(self) -> None:
        self.bridge.close()


def teams_wsgi(
    settings: Settings,
    engine: Engine,
    *,
    clock: Callable[[], datetime] | None = None,
    token_provider: TokenProvider | None = None,
    factory: sessionmaker[Session] | None = None,
    record_status: RecordStatus | None = None,
) -> TeamsBot:
    """The Teams bot over ``engine``, as configured by ``settings``.

    ``token_provider`` replaces Entra as the source of outbound tokens (tests and benchmarks,
    which have no Entra to ask); production leaves it None. ``factory`` gives the listeners the
    records: typed subcommands, and the conversation references of installs and messages;
    without it every message is a question. ``record_status`` records what people click on
    cards (:func:`bot.commands.record.status_recorder`); without it clicks are not handled.
    Nothing here starts a thread or opens a connection: that happens on the first request in
    each (forked) worker process.
    """
    settings.require_teams()
    limiter = RateLimiter(settings.rate_limit) if settings.rate_limit else None
    services = Services(engine, settings, clock or _utc_now, factory, record_status, limiter)
    bridge = WsgiBridge()
    app = _ExplicitApp(
        _credentials(settings, token_provider),
        cloud=cloud_for(settings),
        service_url=DEFAULT_SERVICE_URL,
        http_server_adapter=bridge,
        messaging_endpoint=MESSAGING_PATH,
        dangerously_allow_unauthenticated_requests=settings.teams_emulator,
        api_client_settings=ApiClientSettings(oauth_url=cloud_for(settings).token_service_url),
        client=ClientOptions(timeout=CONNECTOR_TIMEOUT),
        state=False,
        fetch_user_token=False,
        telemetry={"agent365": False},
    )
    bridge.on_loop_start = app.initialize  # registers the route; once in each process
    if settings.teams_emulator:
        logger.warning(
            "SEURANTA_TEAMS_EMULATOR=1: requests to %s are NOT authenticated and replies carry "
            "no token. For local development with the Bot Framework Emulator only; never on an "
            "address others can reach.",
            MESSAGING_PATH,
        )
        app.use(_loopback_only)
    if settings.teams_tenant_id is not None:
        app.use(_tenant_only(settings.teams_tenant_id))
    register_listeners(app, services)
    return TeamsBot(app, bridge)


def cloud_for(settings: Settings) -> CloudEnvironment:
    """The Microsoft cloud's endpoints, with token validation pointed elsewhere if asked."""
    return with_overrides(
        from_name(settings.teams_cloud), openid_metadata_url=settings.teams_openid_metadata_url
    )


class _ExplicitApp(App):
    """The SDK's ``App`` with credentials from our settings, never from the environment."""

    def __init__(self, credentials: Credentials, **options: Unpack[AppOptions]) -> None:
        self._explicit_credentials = credentials
        super().__init__(**options)

    def _init_credentials(self) -> Credentials | None:
        return self._explicit_credentials


def _credentials(settings: Settings, token_provider: TokenProvider | None) -> Credentials:
    if settings.teams_emulator:
        return TokenCredentials(client_id=EMULATOR_APP_ID, token=_no_token)
    assert settings.teams_app_id is not None  # require_teams
    if token_provider is not None:
        return TokenCredentials(
            client_id=settings.teams_app_id,
            tenant_id=settings.teams_tenant_id,
            token=token_provider,
        )
    assert settings.teams_app_password is not None  # require_teams
    return ClientCredentials(
        client_id=settings.teams_app_id,
        client_secret=settings.teams_app_password,
        tenant_id=settings.teams_tenant_id,
    )


def _no_token(scope: str | list[str], tenant_id: str | None) -> None:
    return None


async def _loopback_only(ctx: ActivityContext[ActivityBase]) -> None:
    """Emulator mode: answer only a Bot Framework Emulator on this machine."""
    host = urlsplit(ctx.activity.service_url or "").hostname
    if host not in LOOPBACK:
        logger.warning("emulator mode: ignored an activity for serviceUrl host %r", host)
        return
    await ctx.next()


def _tenant_only(tenant: str) -> Middleware:
    """A single-tenant bot: activities from any other tenant are dropped, unanswered."""

    async def check(ctx: ActivityContext[ActivityBase]) -> None:
        told = tenant_of(ctx.activity)
        if told is None or told.lower() != tenant:
            logger.warning("ignored an activity from tenant %r (TEAMS_TENANT_ID is set)", told)
            return
        await ctx.next()

    return check


def _utc_now() -> datetime:
    return datetime.now(UTC)
