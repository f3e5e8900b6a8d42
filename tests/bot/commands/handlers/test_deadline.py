"""``deadline …``: anyone lists a measure's deadlines; its contacts and the admins change them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.deadline import (
    add_deadline,
    list_deadlines,
    move_deadline,
    remove_deadline,
)
from bot.commands.parse import AddDeadline, ListDeadlines, MoveDeadline, RemoveDeadline
from data.models import Milestone
from seuranta.identity import Platform
from tests.support.documents import shown
from tests.support.people import ADMIN, OTHER_CONTACT, SM_CONTACT, STRANGER, Context


def chat_milestones(factory: sessionmaker[Session]) -> list[Milestone]:
    with factory() as session:
        return list(session.scalars(select(Milestone).where(Milestone.origin == "chat")))


def test_a_contact_adds_one_and_the_list_shows_who_added_it(
    context: Context, factory: sessionmaker[Session]
) -> None:
    added = add_deadline(
        AddDeadline("2.7", date(2019, 3, 31), "Riskiarvio päivitetty"), context(SM_CONTACT)
    )

    (milestone,) = chat_milestones(factory)
    assert shown(added) == [
        f"Deadline #{milestone.id} added to measure 2.7: 2019-03-31 – Riskiarvio päivitetty. "
        "The lead organisation's contacts will be reminded of it."
    ]
    listed = shown(list_deadlines(ListDeadlines("2.7"), context(STRANGER)))
    assert listed[0] == "Deadlines of measure 2.7"
    assert f"• #{milestone.id} 2019-03-31 – Riskiarvio päivitetty (added by USMCONTACT)" in listed
    assert listed[-1].startswith("Move one: /seuranta deadline move #id DATE")


def test_in_teams_the_commands_are_shown_without_the_slash(context: Context) -> None:
    class Teams:
        command = ""

        def text(self, value: str) -> str:
            return value

        def mention(self, person: object) -> str:
            return "@someone"

        def channel(self, channel: object) -> str:
            return "#somewhere"

        def template(self, raw: str) -> str:
            return raw

    listed = list_deadlines(ListDeadlines("2.7"), context(STRANGER, platform=Platform.TEAMS))

    assert shown(listed, markup=Teams())[-1].startswith(
        "Move one: `deadline move #id DATE` · remove one: `deadline remove #id`"
    )


def test_a_stranger_may_not_change_them(context: Context, factory: sessionmaker[Session]) -> None:
    reply = add_deadline(AddDeadline("2.7", date(2019, 3, 31), "Uusi"), context(STRANGER))

    assert shown(reply)[0].startswith("You cannot change the deadlines of measure 2.7:")
    assert chat_milestones(factory) == []


def test_moving_and_removing_say_what_changed(
    context: Context, factory: sessionmaker[Session]
) -> None:
    add_deadline(AddDeadline("2.7", date(2019, 3, 31), "Arvio"), context(ADMIN))
    (milestone,) = chat_milestones(factory)

    moved = move_deadline(MoveDeadline(milestone.id, date(2019, 4, 30)), context(SM_CONTACT))
    removed = remove_deadline(RemoveDeadline(milestone.id), context(OTHER_CONTACT))

    assert shown(moved) == [
        f"Deadline #{milestone.id} of measure 2.7 moved from 2019-03-31 to 2019-04-30: Arvio. "
        "Reminders follow the new date."
    ]
    assert shown(removed) == [
        f"Deadline #{milestone.id} of measure 2.7 (2019-04-30 – Arvio) removed; no more "
        "reminders of it."
    ]


def test_the_past_an_unknown_id_an_unknown_measure_and_an_over_long_text_are_refused(
    context: Context, factory: sessionmaker[Session]
) -> None:
    admin = context(ADMIN, lang="fi")

    past = add_deadline(AddDeadline("2.7", date(2018, 12, 1), "Myöhässä"), admin)
    unknown = remove_deadline(RemoveDeadline(999_999), admin)
    no_measure = add_deadline(AddDeadline("9.9", date(2019, 3, 31), "Uusi"), admin)
    too_long = add_deadline(AddDeadline("2.7", date(2019, 3, 31), "x" * 2001), admin)

    assert shown(past, "fi") == ["1.12.2018 on jo mennyt; anna tämä päivä tai myöhempi."]
    assert shown(unknown, "fi")[0].startswith("Määräaikaa #999999 ei löydy")
    assert shown(no_measure, "fi") == ["Toimenpidettä 9.9 ei ole ohjelmassa."]
    assert shown(too_long, "fi")[0].startswith("Määräajan teksti on 2001 merkkiä pitkä")
    assert chat_milestones(factory) == []


def test_a_measure_without_dated_deadlines_says_how_to_add_one(context: Context) -> None:
    reply = list_deadlines(ListDeadlines("9.9"), context(STRANGER))

    assert shown(reply) == ["There is no measure 9.9 in the programme."]
