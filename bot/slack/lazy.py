"""Work that follows Slack's acknowledgement: Bolt's lazy listeners, with their errors handled.

The app runs with ``process_before_response=True`` (:mod:`bot.slack.app`): a listener's own
function runs before the HTTP response is written, so a slash command is answered inside its
acknowledgement, in the request's thread. What may take longer, or would hold Slack's retry
clock — the Web API calls answering an event, a click or a modal, the report's upload — is a
lazy listener: Bolt starts it on its thread pool, with a copy of the request, as soon as the
acknowledgement is made.

Bolt runs a lazy listener by itself: whatever it raises is logged as one line without its
traceback, and the person is told nothing. :func:`later` hands it to the app's error handler
instead (:func:`bot.slack.errors.handle_error`), as Bolt does for any other listener.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable

from slack_bolt import Ack, BoltRequest
from slack_bolt.kwargs_injection import build_required_kwargs

from bot.slack.errors import handle_error

logger = logging.getLogger(__name__)


def acknowledge(ack: Ack) -> None:
    """The acknowledgement of a request whose work is all in its lazy listeners."""
    ack()


def later(listener: Callable[..., None]) -> Callable[[BoltRequest], None]:
    """``listener`` as a lazy listener: Bolt's arguments by name, as for any listener."""
    wanted = inspect.getfullargspec(listener).args

    def run(request: BoltRequest) -> None:
        arguments = build_required_kwargs(
            logger=logger,
            required_arg_names=wanted,
            request=request,
            response=None,
            this_func=listener,
            next_keys_required=False,
        )
        try:
            listener(**arguments)
        except Exception as error:  # to the one error handler, which logs the traceback
            handle_error(
                error,
                request.body,
                request.context,
                request,
                None,
                request.context.client,
                request.context.respond,
            )

    # Bolt tells lazy listeners apart by name.
    run.__name__ = run.__qualname__ = listener.__name__
    return run
