"""Recording a status report, from any surface of any platform: a command, a button, a menu,
the note modal, a reply in a reminder's thread.

The rule is the same everywhere: only the measure's contacts (of any of its responsible
organisations) and the admins may report, and the organisation they report for is recorded
with it (:mod:`data.status`). What a platform does around it — a refusal only the person
sees, a link to the message, the reminder updated in place — is its adapter's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.document import Target
from data import status
from data.db import transaction
from data.models import Measure, State

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Recorded:
    number: str  # the measure's
    state: State  # as recorded: a note without a state keeps the latest


@dataclass(frozen=True, slots=True)
class Refused:
    """The person is neither a contact of the measure nor an admin: nothing was stored."""

    number: str


def record_status(
    factory: sessionmaker[Session],
    *,
    target: Target,
    person: str,
    state: State | None,
    note: str,
    source: str,
    admins: frozenset[str],
    now: datetime,
    channel: str | None = None,
    message_ts: str | None = None,
    permalink: Callable[[], str | None] = lambda: None,
) -> Recorded | Refused | None:
    """Store the report if ``person`` may make it. ``note`` is plain text within the input
    policy (the adapter has told the person if it was not). ``permalink`` is asked only for a
    report that is stored. None: the measure does not exist (the ids came from a request made
    up by hand, since the bot's own actions carry only ids it wrote)."""
    with transaction(factory) as session:
        measure = session.get(Measure, target.measure_id)
        if measure is None:
            logger.warning("status for a measure that does not exist: %s", target.measure_id)
            return None
        allowed, organisation = status.may_report(session, measure.id, person, admins)
        if not allowed:
            return Refused(measure.number)
        chosen = state or status.latest_state(session, measure.id) or State.NOT_STARTED
        status.record(
            session,
            measure_id=measure.id,
            milestone_id=target.milestone_id,
            state=chosen,
            note=note,
            reporter=person,
            reporter_name="",
            organisation=organisation,
            source=source,
            channel=channel,
            message_ts=message_ts,
            permalink=permalink(),
            now=now,
        )
        return Recorded(measure.number, chosen)
