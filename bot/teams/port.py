"""Teams behind the sender's message port: a document posted as a card, the connector's answers
as delivery meanings.

:class:`TeamsPort` has the shape of :class:`jobs.port.MessagePort`. It posts proactively, from
the sender's threads, on the bridge's one event loop (:meth:`bot.teams.app.TeamsBot.run`):

- to a person, ``teams:<AAD object id>``, in their personal chat with the bot, whose reference
  was stored when they installed the app or wrote to it; none stored yet: :class:`NotReachableYet`
  (a bot cannot start a chat with someone who has not installed it);
- to a channel, ``teams:19:…@thread.tacv2``, as a new post, at the service URL stored when the
  bot was added to its team; a reply (``thread_of``) goes into that post's thread, the
  conversation id with ``;messageid=`` and the post's id. Personal and group chats have no
  threads: a reply there is the next message.

What the Bot Connector answers means, for delivery (the sender's rules, :mod:`jobs.sender`):

- 429: :class:`RateLimited` after ``Retry-After`` seconds; nothing was posted, so repeating it
  cannot duplicate anything;
- 5xx, 408, 412 (Microsoft asks bots to retry 412, 502 and 504 as they do 429), a network error,
  a timeout: :class:`TransientError`; the message *may* have been posted;
- 403 (the bot was removed from the team or chat, or blocked), 404 (no such conversation: the
  user left, the chat was deleted), 400 and 401: :class:`PermanentError` with a code of ours that
  ``failures`` explains (:data:`PERMANENT_CODES`); retrying cannot fix them.

Every post is made once. The SDK's HTTP client (``microsoft_teams.common.Client``, over
``httpx.AsyncClient``) has no retry of its own and httpx's transport retries nothing by default
(its ``retries`` option only repeats failed *connects*, before a byte is sent, and we leave it
at 0); the SDK's retry helper serves only its streaming replies, which this bot does not use.
So every repeat is the sender's, after it has recorded the attempt.
"""

from __future__ import annotations

import logging
from typing import Protocol

import httpx
from microsoft_teams.apps.utils.thread import to_threaded_conversation_id
from sqlalchemy.orm import Session, sessionmaker

from bot.document import Document
from bot.teams.app import TeamsBot
from bot.teams.documents import document_message
from data import directory
from jobs.port import NotReachableYet, PermanentError, Posted, RateLimited, TransientError
from seuranta.errors import ConfigError, UnavailableError
from seuranta.identity import Platform
from seuranta.settings import Settings

logger = logging.getLogger(__name__)

# Microsoft's limits per bot and conversation ("thread"): 7 posts a second, 8 in 2 s, 60 in
# 30 s and 1,800 an hour ("Optimize your bot with rate limiting", Teams platform docs). One post
# every 2 s keeps a conversation under all four, however long the queue for it.
CHANNEL_INTERVAL = 2.0
# One post's whole round trip (a token from Entra, when due, and the post); longer than the
# connector client's own timeout, so that one normally speaks first.
SEND_TIMEOUT = 30.0
# The connector does not always say how long to wait; the shortest of its windows is 1-2 s.
DEFAULT_RETRY_AFTER = 5.0
PERMANENT_CODES = {
    400: "teams_bad_request",
    401: "teams_unauthorized",
    403: "teams_forbidden",
    404: "teams_not_found",
}
_RETRIED = frozenset({408, 412})
# Conversations with threads: a team's channels (the old ones end in @thread.skype).
_CHANNEL_SUFFIXES = ("@thread.tacv2", "@thread.skype")


class Reference(Protocol):
    """Where a destination is: the Bot Connector to ask (regional) and the conversation there."""

    @property
    def service_url(self) -> str: ...

    @property
    def conversation_id(self) -> str: ...


class ConversationReferences(Protocol):
    """The stored references (written on install, on every personal message, and when the bot
    is added to a team); ``data.directory.conversation`` reads one."""

    def lookup(self, destination: str) -> Reference | None:
        """A person's personal chat with the bot, or a channel and its service URL; None if
        nothing is stored for ``destination`` (``teams:<aad>`` or ``teams:19:…@thread…``)."""
        ...


class StoredReferences:
    """:class:`ConversationReferences` from the database, read afresh for every post, so a
    reference stored by the web process (an install) is used by the worker's next attempt."""

    def __init__(self, factory: sessionmaker[Session]) -> None:
        self.factory = factory

    def lookup(self, destination: str) -> Reference | None:
        with self.factory() as session:
            return directory.conversation(session, destination)


class TeamsPort:
    platform = Platform.TEAMS
    channel_interval = CHANNEL_INTERVAL

    def __init__(
        self, bot: TeamsBot, references: ConversationReferences, *, timeout: float = SEND_TIMEOUT
    ) -> None:
        self.bot = bot
        self.references = references
        self.timeout = timeout

    def post(
        self, destination: str, document: Document, lang: str, thread_of: Posted | None = None
    ) -> Posted:
        where = self.references.lookup(destination)
        if where is None:
            raise NotReachableYet(f"no Teams conversation stored for {destination}")
        conversation = where.conversation_id if thread_of is None else _reply_to(thread_of)
        send = self.bot.app.send(
            conversation, document_message(document, lang), service_url=where.service_url
        )
        try:
            sent = self.bot.run(send, self.timeout)
        except httpx.HTTPStatusError as error:
            raise meaning(error.response) from error
        except httpx.TransportError as error:  # refused, reset, DNS, the client's timeouts
            raise TransientError(f"network: {type(error).__name__}: {error}") from error
        except TimeoutError as error:  # the bridge gave up waiting (and cancelled the send)
            raise TransientError(f"no answer from Teams within {self.timeout:g} s") from error
        return Posted(conversation, sent.id)


def check_credentials(bot: TeamsBot, settings: Settings) -> None:
    """At start: a token from Entra once, so a wrong secret or an Entra out of reach stops the
    worker in one line instead of failing every reminder. The emulator has no credentials."""
    if settings.teams_emulator:
        return
    token = bot.app.token_provider.get_app_token(tenant_id=settings.teams_tenant_id)
    try:
        bot.run(token, SEND_TIMEOUT)
    except ValueError as error:  # MSAL's answer, e.g. invalid_client for a wrong secret
        raise ConfigError(
            f"Microsoft Entra did not give TEAMS_APP_ID a token with TEAMS_APP_PASSWORD: {error}"
        ) from error
    except (OSError, TimeoutError) as error:  # requests' errors, under MSAL, are OSErrors
        raise UnavailableError(
            f"cannot reach Microsoft Entra for a Teams token: {error}"
        ) from error


def meaning(response: httpx.Response) -> Exception:
    """What a refusal from the Bot Connector means for delivery."""
    status = response.status_code
    if status == 429:
        return RateLimited(_retry_after(response.headers.get("Retry-After")))
    if status >= 500 or status in _RETRIED:
        return TransientError(f"HTTP {status} {_connector_code(response)}".rstrip())
    code = PERMANENT_CODES.get(status, f"teams_http_{status}")
    logger.warning(
        "Teams refused a post to %s: HTTP %s %s",
        response.request.url,
        status,
        _connector_code(response),
    )
    return PermanentError(code)


def _reply_to(root: Posted) -> str:
    """A reply's conversation: the channel post's thread, else the same chat."""
    conversation, post = root.channel, root.ts
    if conversation.endswith(_CHANNEL_SUFFIXES) and post.isdigit() and post != "0":
        return to_threaded_conversation_id(conversation, post)
    return conversation


def _retry_after(value: str | None) -> float:
    # Seconds, as the connector sends it; an HTTP date (also allowed) is not worth a clock here.
    try:
        seconds = float(value) if value is not None else DEFAULT_RETRY_AFTER
    except ValueError:
        return DEFAULT_RETRY_AFTER
    return seconds if 0 <= seconds < float("inf") else DEFAULT_RETRY_AFTER


def _connector_code(response: httpx.Response) -> str:
    """The connector's own name for the error (``BotNotInConversationRoster`` …), if it gave one."""
    try:
        body = response.json()
    except ValueError:
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else ""
