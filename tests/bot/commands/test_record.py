"""Recording a status: the one rule every surface of every platform goes through."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.record import (
    Recorded,
    Refused,
    StatusOutcome,
    StatusRequest,
    record_status,
    status_recorder,
)
from bot.document import Label, Person, StatusButtons, Target, phrase
from data.models import Measure, OutboxKind, Reminder, State, StatusReport
from jobs.tick import run_tick
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support.people import ADMIN, SM_CONTACT, STRANGER, Context
from tests.support.programme import NOW
from tests.support.recording_port import RecordingPort

ADMINS = frozenset({ADMIN})


def measure_id(factory: sessionmaker[Session], number: str) -> int:
    with factory() as session:
        return session.scalars(select(Measure.id).where(Measure.number == number)).one()


def record(factory: sessionmaker[Session], person: str, **values: object) -> object:
    asked: list[str] = []

    def permalink() -> str:
        asked.append(person)
        return "https://example.slack.com/archives/C1/p1"

    arguments: dict[str, object] = {
        "target": Target(measure_id(factory, "2.7")),
        "state": State.AT_RISK,
        "note": "",
        "source": "button",
    } | values
    outcome = record_status(
        factory,
        person=person,
        admins=ADMINS,
        now=NOW,
        channel="D1",
        message_ts="1.2",
        permalink=permalink,
        **arguments,  # type: ignore[arg-type]
    )
    return outcome, asked


def test_a_contact_is_recorded_with_the_link_to_the_message(
    context: Context, factory: sessionmaker[Session]
) -> None:
    context(SM_CONTACT)  # names the contacts

    outcome, asked = record(factory, SM_CONTACT)

    assert outcome == Recorded("2.7", State.AT_RISK)
    assert asked == [SM_CONTACT]
    with factory() as session:
        (stored,) = session.scalars(select(StatusReport)).all()
        assert (stored.channel, stored.message_ts, stored.permalink) == (
            "D1",
            "1.2",
            "https://example.slack.com/archives/C1/p1",
        )


def test_a_refusal_stores_nothing_and_never_asks_for_a_link(
    context: Context, factory: sessionmaker[Session]
) -> None:
    context(STRANGER)

    outcome, asked = record(factory, STRANGER)

    assert outcome == Refused("2.7")
    assert asked == []
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []


def test_a_note_without_a_state_keeps_the_latest_or_else_not_started(
    context: Context, factory: sessionmaker[Session]
) -> None:
    context(SM_CONTACT)

    first, _ = record(factory, SM_CONTACT, state=None, note="aloitettu")
    record(factory, SM_CONTACT, state=State.DELAYED)
    later, _ = record(factory, SM_CONTACT, state=None, note="yhä myöhässä")

    assert first == Recorded("2.7", State.NOT_STARTED)
    assert later == Recorded("2.7", State.DELAYED)


def test_a_measure_that_does_not_exist_is_nothing_to_record(
    context: Context, factory: sessionmaker[Session]
) -> None:
    context(ADMIN)

    outcome, asked = record(factory, ADMIN, target=Target(999_999))

    assert (outcome, asked) == (None, [])


def _sent_to(factory: sessionmaker[Session], settings: Settings, person: str) -> list[Reminder]:
    """What one worker tick at NOW sent ``person`` (through a port with no platform behind)."""
    run_tick(factory, settings, {Platform.SLACK: RecordingPort()}, clock=lambda: NOW, worker="w1")
    with factory() as session:
        return list(session.scalars(select(Reminder).where(Reminder.recipient == person)))


def _request(person: str, target: Target, state: State | None = State.DONE) -> StatusRequest:
    return StatusRequest(
        person=person,
        name="Sanna Sisäministeriö",
        target=target,
        state=state,
        note="Valmis",
        platform=Platform.TEAMS,
        conversation="a:1chat",
        message="1767225600000",
    )


def test_a_click_on_a_sent_message_is_recorded_and_answered_with_the_message_as_it_now_reads(
    context: Context, factory: sessionmaker[Session], settings: Settings
) -> None:
    context(SM_CONTACT)
    rows = _sent_to(factory, settings, SM_CONTACT)
    row = next(r for r in rows if r.kind == OutboxKind.DEADLINE)
    target = Target(row.measure_id, row.milestone_id, row.id)

    outcome = status_recorder(factory, settings, lambda: NOW)(_request(SM_CONTACT, target))

    assert outcome.recorded
    assert outcome.line == phrase(
        "status.recorded",
        state=Label("state", "done"),
        who=Person(SM_CONTACT, "Sanna Sisäministeriö"),
        when=phrase("command.when", day=NOW.date(), time="12:00"),  # Helsinki
    )
    assert outcome.document is not None
    assert any(isinstance(block, StatusButtons) for block in outcome.document.blocks)
    with factory() as session:
        (stored,) = session.scalars(select(StatusReport)).all()
        assert (stored.source, stored.reporter_name, stored.channel, stored.message_ts) == (
            "card",
            "Sanna Sisäministeriö",
            "a:1chat",
            "1767225600000",
        )


def test_a_strangers_click_stores_nothing_and_says_why(
    context: Context, factory: sessionmaker[Session], settings: Settings
) -> None:
    target = Target(measure_id(factory, "2.7"))

    outcome = status_recorder(factory, settings, lambda: NOW)(_request(STRANGER, target))

    assert outcome == StatusOutcome(False, phrase("status.refused", number="2.7"))
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []


def test_a_click_for_a_measure_that_does_not_exist_stores_nothing(
    context: Context, factory: sessionmaker[Session], settings: Settings
) -> None:
    outcome = status_recorder(factory, settings, lambda: NOW)(_request(ADMIN, Target(999_999)))

    assert outcome == StatusOutcome(False, phrase("teams.click.unreadable"))
