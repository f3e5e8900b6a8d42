"""One ``Services`` per process: Bolt's copies of a request for its lazy listeners share it."""

from __future__ import annotations

import copy

from slack_bolt import BoltContext, BoltRequest
from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine
from bot.slack.services import Services
from seuranta.settings import Settings


def test_a_lazy_listeners_copy_of_the_request_holds_the_same_services() -> None:
    factory: sessionmaker[Session] = sessionmaker()  # never connected: nothing is asked here
    services = Services(Engine(factory), factory, Settings())
    request = BoltRequest(
        body={"type": "block_actions"}, context={"services": services}, mode="socket_mode"
    )

    # What Bolt's ThreadListenerRunner does before it starts a lazy listener.
    copied = copy.deepcopy(request.to_copyable())

    assert copied.context["services"] is services
    assert copy.copy(services) is services
    assert isinstance(copied.context, BoltContext)
