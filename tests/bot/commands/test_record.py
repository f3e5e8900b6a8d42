"""Recording a status: the one rule every surface of every platform goes through."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.record import Recorded, Refused, record_status
from bot.document import Target
from data.models import Measure, State, StatusReport
from tests.support.people import ADMIN, SM_CONTACT, STRANGER, Context
from tests.support.programme import NOW

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
