"""Global middleware: what every request goes through after Bolt's own checks.

Over HTTP a request has been verified before Bolt sees it (bot.slack.web). Bolt runs its
built-ins first (ssl_check, its own signature check, authorization, ignoring the bot's own
events, url_verification), then these, in this order: services, Slack's
retried events, the per-person rate limit (bot.slack.rate_limit).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse

from bot.rate_limit import RateLimiter
from bot.slack.rate_limit import limit_rate
from bot.slack.services import Services
from data import directory
from data.db import transaction

logger = logging.getLogger(__name__)

# Slack retries an event three times within about five minutes; a day is a generous margin.
HANDLED_EVENTS_KEPT = timedelta(days=1)
PRUNE_EVERY = 1000

Next = Callable[[], BoltResponse]


def register(app: App, services: Services) -> None:
    app.use(_attach(services))
    app.use(_skip_retried_events(services))
    if services.settings.rate_limit:  # after the retries: Slack's redelivery is not asking again
        app.use(limit_rate(RateLimiter(services.settings.rate_limit)))


def _attach(services: Services) -> Callable[..., BoltResponse]:
    def attach(context: BoltContext, next: Next) -> BoltResponse:
        # The request id is in the context already: the HTTP face (bot.slack.web) or the
        # Socket Mode handler (bot.slack.socket_mode) named the request and logs it.
        context["services"] = services
        return next()

    return attach


def _skip_retried_events(services: Services) -> Callable[..., BoltResponse]:
    """Answer each event once: Slack's retries carry the same event_id as the first delivery.

    The id is claimed before any listener runs (insert-or-ignore, so two deliveries racing on
    two workers cannot both win). A claimed event whose handling then fails is not retried:
    for a chat bot a missing answer beats the same answer twice.
    """
    recorded = itertools.count(1)

    # Bolt passes the continuation as ``next_`` too; that name leaves the builtin next() usable.
    def skip_retried_events(
        body: dict[str, Any], request: BoltRequest, next_: Next
    ) -> BoltResponse:
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if not event_id:
            return next_()
        now = services.now()
        with transaction(services.factory) as session:
            first = directory.record_event(session, event_id, now)
            if first and next(recorded) % PRUNE_EVERY == 0:
                directory.forget_events(session, now - HANDLED_EVENTS_KEPT)
        if not first:
            retry = request.headers.get("x-slack-retry-num", ["?"])[0]
            logger.info("event %s already handled; ignoring delivery (retry %s)", event_id, retry)
            return BoltResponse(status=200, body="")
        return next_()

    return skip_retried_events
