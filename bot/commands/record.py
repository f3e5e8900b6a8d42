"""Recording a status report, from any surface of any platform: a command, a button, a menu,
the note modal, a reply in a reminder's thread, a click on a Teams card.

The rule is the same everywhere: only the measure's contacts (of any of its responsible
organisations) and the admins may report, and the organisation they report for is recorded
with it (:mod:`data.status`). What a platform does around it — a refusal only the person
sees, a link to the message, the reminder updated in place — is its adapter's.

:func:`status_recorder` is that rule for an adapter that shows the clicked message again
itself (Teams answers a card click with the card): a :data:`RecordStatus` taking a
:class:`StatusRequest` and giving the :class:`StatusOutcome` to show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.document import Document, Label, Person, Phrase, Target, Value, phrase
from data import status
from data.db import transaction
from data.models import Measure, OutboxKind, Reminder, State
from jobs.notices import Gone, kinds
from seuranta.identity import Platform
from seuranta.settings import Settings

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
    reporter_name: str = "",
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
            reporter_name=reporter_name,
            organisation=organisation,
            source=source,
            channel=channel,
            message_ts=message_ts,
            permalink=permalink(),
            now=now,
        )
        return Recorded(measure.number, chosen)


@dataclass(frozen=True, slots=True)
class StatusRequest:
    person: str  # who clicked, as a person key: "teams:<AAD object id>"
    name: str  # their name as the platform gave it ("" if it did not)
    target: Target
    state: State | None  # None: a note only; the measure keeps its latest state
    note: str  # cleaned and within NOTE_LIMIT by the edge; "" for none
    platform: Platform
    conversation: str | None  # the chat or channel the clicked message is in
    message: str | None  # the clicked message's id there
    link: str | None = None  # a link to that message, where the platform has one


@dataclass(frozen=True, slots=True)
class StatusOutcome:
    # False: refused, nothing stored (not a contact of the measure's organisations nor an
    # admin, or a measure that does not exist).
    recorded: bool
    # What was recorded and by whom ("status.recorded"), or why not ("status.refused").
    line: Phrase
    # The clicked message as it reads now, rebuilt from its outbox row; None without one.
    document: Document | None = None


RecordStatus = Callable[[StatusRequest], StatusOutcome]


def status_recorder(
    factory: sessionmaker[Session], settings: Settings, clock: Callable[[], datetime]
) -> RecordStatus:
    """:func:`record_status` for a click: the outcome says what to show instead of the card."""

    def record(request: StatusRequest) -> StatusOutcome:
        now = clock()
        outcome = record_status(
            factory,
            target=request.target,
            person=request.person,
            state=request.state,
            note=request.note,
            source="card",
            admins=settings.admins,
            now=now,
            channel=request.conversation,
            message_ts=request.message,
            permalink=lambda: request.link,
            reporter_name=request.name,
        )
        if outcome is None:  # ids no card of ours carries: refuse without naming a measure
            return StatusOutcome(False, phrase("teams.click.unreadable"))
        if isinstance(outcome, Refused):
            return StatusOutcome(False, phrase("status.refused", number=outcome.number))
        local = now.astimezone(settings.zone)
        row, document = _clicked(factory, request.target.outbox_id, local.date())
        values: dict[str, Value] = {
            "state": Label("state", outcome.state.value),
            "who": Person(request.person, request.name),
            "when": phrase("command.when", day=local.date(), time=f"{local:%H:%M}"),
        }
        if row is not None and row.kind == OutboxKind.BUNDLE:  # it lists several: say which
            line = phrase("status.recorded_for", number=outcome.number, **values)
        else:
            line = phrase("status.recorded", **values)
        return StatusOutcome(True, line, document)

    return record


def _clicked(
    factory: sessionmaker[Session], outbox_id: int | None, today: date
) -> tuple[Reminder | None, Document | None]:
    """The clicked message's outbox row and its notice as the records now read."""
    if outbox_id is None:
        return None, None
    with factory() as session:
        row = session.get(Reminder, outbox_id)
        if row is None:
            return None, None
        try:
            return row, kinds.notice(session, row, today).document()
        except Gone:  # its milestone was removed since: the record alone is shown
            return row, None
