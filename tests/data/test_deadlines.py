"""Deadlines from chat on both databases: who may add, move and remove them, and what is kept."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data import deadlines, queries
from data.db import transaction
from data.deadlines import Change, Deadline, Outcome
from data.directory import add_contact, resolve_one
from data.importer import BUNDLED_SOURCE, ImportSummary, import_file
from data.models import Milestone, Programme
from data.schedule import MilestoneKind
from tests.support.programme import NOW

TODAY = date(2018, 12, 17)  # NOW in Helsinki
ADMIN = "UADMIN"
ADMINS = frozenset({ADMIN})
CONTACT = "USMCONTACT"  # a contact of SM, which leads measure 2.7
# 2.7's imported schedule: a programme to 2020, two texts due at the end of 2018, one in 3/2018.
IMPORTED_2_7 = [date(2018, 3, 31), date(2018, 12, 31), date(2018, 12, 31), date(2020, 12, 31)]


def add(
    session: Session,
    *,
    number: str = "2.7",
    due: date = date(2019, 3, 31),
    text: str = "Kansallinen riskiarvio päivitetty",
    user: str = ADMIN,
) -> Change:
    return deadlines.add(
        session,
        number=number,
        due=due,
        text=text,
        user=user,
        admins=ADMINS,
        today=TODAY,
        now=NOW,
    )


def listing(session: Session, number: str = "2.7") -> list[Deadline]:
    measure = deadlines.live_measure(session, number)
    assert measure is not None
    return deadlines.listing(session, measure)


def revision(session: Session) -> int:
    version = queries.current_programme_version(session)
    assert version is not None
    return version[1]


def imported_id(session: Session, due: date = date(2020, 12, 31)) -> int:
    """The id of 2.7's imported milestone due that day."""
    (found,) = [d.id for d in listing(session) if d.due == due and d.origin == "source"]
    return found


def test_the_listing_shows_the_imported_dated_milestones_soonest_first(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session:
        listed = listing(session)
    assert [d.due for d in listed] == IMPORTED_2_7
    assert {(d.number, d.origin, d.created_by) for d in listed} == {("2.7", "source", None)}


def test_an_admin_adds_a_deadline_that_is_kept_as_a_chat_milestone(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        before = revision(session)
        change = add(session)
    assert change.outcome is Outcome.DONE
    assert change.deadline is not None
    with factory() as session:
        row = session.get(Milestone, change.deadline.id)
        assert row is not None
        assert (row.origin, row.created_by, row.created_at, row.kind, row.start, row.due) == (
            "chat",
            ADMIN,
            NOW,
            MilestoneKind.DATE,
            None,
            date(2019, 3, 31),
        )
        assert row.text == "Kansallinen riskiarvio päivitetty"
        assert [d.due for d in listing(session)] == [
            *IMPORTED_2_7[:3],
            date(2019, 3, 31),
            IMPORTED_2_7[3],
        ]
        # The search indexes are built per revision and include milestone texts.
        assert revision(session) == before + 1


def test_a_contact_of_the_measure_may_add_and_anyone_else_is_refused(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        add_contact(session, resolve_one(session, "SM"), CONTACT, ADMIN, NOW)
        add_contact(session, resolve_one(session, "SUPO"), "USUPO", ADMIN, NOW)
    with transaction(factory) as session:
        by_contact = add(session, user=CONTACT)
        by_other_contact = add(session, user="USUPO")  # SUPO is not responsible for 2.7
        by_outsider = add(session, user="UOUTSIDER")
    assert by_contact.outcome is Outcome.DONE
    assert by_contact.deadline is not None
    assert by_contact.deadline.created_by == CONTACT
    assert (by_other_contact, by_outsider) == (Change(Outcome.REFUSED, "2.7"),) * 2
    with factory() as session:
        chat = [d for d in listing(session) if d.origin == "chat"]
    assert [d.created_by for d in chat] == [CONTACT]


@pytest.mark.parametrize(
    ("due", "outcome"),
    [
        pytest.param(TODAY - timedelta(days=1), Outcome.PAST, id="yesterday"),
        pytest.param(TODAY, Outcome.DONE, id="today"),
    ],
)
def test_a_deadline_cannot_be_added_in_the_past(
    factory: sessionmaker[Session], imported: ImportSummary, due: date, outcome: Outcome
) -> None:
    with transaction(factory) as session:
        assert add(session, due=due).outcome is outcome


def test_an_unknown_measure_is_named_as_such(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        assert add(session, number="9.9") == Change(Outcome.NO_MEASURE)
        assert deadlines.live_measure(session, "9.9") is None


def test_moving_an_imported_milestone_makes_it_a_dated_one(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        milestone_id = imported_id(session)
        before = revision(session)
        change = deadlines.move(
            session,
            milestone_id=milestone_id,
            due=date(2021, 4, 30),
            user=ADMIN,
            admins=ADMINS,
            today=TODAY,
        )
    assert change.outcome is Outcome.DONE
    assert change.previous_due == date(2020, 12, 31)
    with factory() as session:
        row = session.get(Milestone, milestone_id)
        assert row is not None
        assert (row.due, row.kind, row.start, row.origin) == (
            date(2021, 4, 30),
            MilestoneKind.DATE,
            None,
            "edited",
        )
        assert revision(session) == before + 1


def test_a_re_import_keeps_what_chat_moved_or_removed(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        moved_id = imported_id(session)
        removed_id = imported_id(session, date(2018, 3, 31))
        deadlines.move(
            session,
            milestone_id=moved_id,
            due=date(2021, 4, 30),
            user=ADMIN,
            admins=ADMINS,
            today=TODAY,
        )
        deadlines.remove(session, milestone_id=removed_id, user=ADMIN, admins=ADMINS, now=NOW)
    summary = import_file(factory, BUNDLED_SOURCE, now=NOW + timedelta(days=1))
    with factory() as session:
        moved = session.get(Milestone, moved_id)
        removed = session.get(Milestone, removed_id)
        assert moved is not None
        assert removed is not None
        assert (moved.due, moved.removed_at) == (date(2021, 4, 30), None)
        assert removed.removed_at == NOW
        # Matched, not duplicated: 2.7 lists its three other dated milestones and the moved one.
        assert sorted(d.due for d in listing(session)) == [
            date(2018, 12, 31),
            date(2018, 12, 31),
            date(2021, 4, 30),
        ]
    assert summary.measures == 39


def test_moving_is_refused_to_outsiders_and_into_the_past(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        milestone_id = imported_id(session)

        def move(user: str, due: date) -> Outcome:
            return deadlines.move(
                session, milestone_id=milestone_id, due=due, user=user, admins=ADMINS, today=TODAY
            ).outcome

        assert move("UOUTSIDER", date(2021, 4, 30)) is Outcome.REFUSED
        assert move(ADMIN, date(2018, 12, 1)) is Outcome.PAST
        assert move(ADMIN, date(2021, 4, 30)) is Outcome.DONE
    with factory() as session:
        row = session.get(Milestone, milestone_id)
        assert row is not None
        assert row.due == date(2021, 4, 30)


def test_removing_keeps_the_row_and_hides_it(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        added = add(session).deadline
        assert added is not None
        removed = deadlines.remove(
            session, milestone_id=added.id, user=ADMIN, admins=ADMINS, now=NOW
        )
    assert removed.outcome is Outcome.DONE
    with factory() as session:
        row = session.get(Milestone, added.id)
        assert row is not None  # status reports may point at it: never deleted
        assert row.removed_at == NOW
        assert [d.due for d in listing(session)] == IMPORTED_2_7
        programme = session.scalars(select(Programme)).one()
        assert programme.revision == 3  # the import, the add, the removal


def test_a_removed_or_unknown_milestone_cannot_be_changed(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        milestone_id = imported_id(session)
        deadlines.remove(session, milestone_id=milestone_id, user=ADMIN, admins=ADMINS, now=NOW)
        undated = session.scalars(select(Milestone.id).where(Milestone.due.is_(None))).first()
        assert undated is not None
        for target in (milestone_id, undated, 999_999):
            again = deadlines.remove(
                session, milestone_id=target, user=ADMIN, admins=ADMINS, now=NOW
            )
            moved = deadlines.move(
                session,
                milestone_id=target,
                due=date(2021, 1, 1),
                user=ADMIN,
                admins=ADMINS,
                today=TODAY,
            )
            assert again == moved == Change(Outcome.NO_MILESTONE)


def test_a_refused_remove_leaves_the_milestone_alone(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with transaction(factory) as session:
        milestone_id = imported_id(session)
        refused = deadlines.remove(
            session, milestone_id=milestone_id, user="UOUTSIDER", admins=ADMINS, now=NOW
        )
    assert refused == Change(Outcome.REFUSED, "2.7")
    with factory() as session:
        row = session.get(Milestone, milestone_id)
        assert row is not None
        assert row.removed_at is None
