"""``/seuranta deadline …``: coordinators add, move and remove deadlines; reminders follow."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.directory import add_contact, resolve_one
from data.models import Measure, Milestone, Reminder, ReminderStatus
from jobs.planner import plan_tick
from jobs.policy import ReminderPolicy
from seuranta.settings import Settings
from tests.support.fakeslack import FakeSlack
from tests.support.programme import NOW
from tests.support.slack_requests import ADMIN, SignedSlack

CONTACT = "USMCONTACT"  # a contact of SM, which leads measure 2.7
NEW_YEAR_EVE = date(2018, 12, 31)


def make_contact(factory: sessionmaker[Session]) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), CONTACT, ADMIN, NOW)


def chat_milestones(factory: sessionmaker[Session]) -> list[Milestone]:
    with factory() as session:
        return list(session.scalars(select(Milestone).where(Milestone.origin == "chat")))


def milestone_of_2_7(factory: sessionmaker[Session], due: date) -> int:
    with factory() as session:
        found = session.scalars(
            select(Milestone.id)
            .join(Measure, Measure.id == Milestone.measure_id)
            .where(Measure.number == "2.7", Milestone.due == due)
            .order_by(Milestone.id)
        ).first()
    assert found is not None
    return found


def shown(reply: dict[str, Any]) -> str:
    """Everything an answer shows, its blocks included."""
    return json.dumps(reply, ensure_ascii=False)


def test_an_admin_adds_a_deadline_and_asking_what_is_due_lists_it(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    reply = slack.command(
        'deadline 2.7 2019-03-31 "Kansallinen riskiarvio päivitetty"', user_id=ADMIN
    ).json()

    (added,) = chat_milestones(factory)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"] == (
        f"Deadline `#{added.id}` added to measure 2.7: 2019-03-31 – Kansallinen riskiarvio "
        "päivitetty. The lead organisation's contacts will be reminded of it."
    )
    assert (added.due, added.created_by, added.text) == (
        date(2019, 3, 31),
        ADMIN,
        "Kansallinen riskiarvio päivitetty",
    )
    due = slack.command("what is due in 3/2019?", user_id=ADMIN).json()
    assert "Kansallinen riskiarvio päivitetty" in shown(due)


def test_the_new_text_is_found_by_search_at_once(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    before = slack.command("search kvanttisalaus", user_id=ADMIN).json()  # builds the index
    assert "2.7" not in shown(before)

    slack.command("deadline 2.7 30.6.2019 Kvanttisalaus käyttöön", user_id=ADMIN)

    after = slack.command("search kvanttisalaus", user_id=ADMIN).json()
    assert "2.7" in shown(after)


def test_the_reply_is_in_the_persons_language(
    slack: SignedSlack, factory: sessionmaker[Session], fake_slack: FakeSlack
) -> None:
    fake_slack.locales[ADMIN] = "fi-FI"

    reply = slack.command("deadline 2.7 31.3.2019 Riskiarvio <päivitetty>", user_id=ADMIN).json()

    (added,) = chat_milestones(factory)
    assert reply["text"].startswith(
        f"Määräaika `#{added.id}` lisätty toimenpiteelle 2.7: 31.3.2019 – "
        "Riskiarvio &lt;päivitetty&gt;."  # what people typed is shown, never interpreted
    )
    assert added.text == "Riskiarvio <päivitetty>"


def test_anyone_lists_the_deadlines_with_ids_and_who_added_them(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    make_contact(factory)
    slack.command("deadline 2.7 2019-03-31 Riskiarvio päivitetty", user_id=CONTACT)
    (added,) = chat_milestones(factory)

    reply = slack.command("deadlines 2.7", user_id="UOUTSIDER").json()

    lines = reply["text"].splitlines()
    assert lines[0] == "*Deadlines of measure 2.7*"
    assert f"• `#{added.id}` 2019-03-31 – Riskiarvio päivitetty (added by <@{CONTACT}>)" in lines
    assert [line.split()[2] for line in lines[1:-1]] == [
        "2018-03-31",
        "2018-12-31",
        "2018-12-31",
        "2019-03-31",
        "2020-12-31",
    ]
    assert lines[-1].startswith("Move one: `/seuranta deadline move #id DATE`")


def test_an_outsider_is_refused_politely_and_nothing_changes(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    milestone_id = milestone_of_2_7(factory, NEW_YEAR_EVE)

    replies = [
        slack.command(text, user_id="UOUTSIDER").json()["text"]
        for text in (
            "deadline 2.7 2019-03-31 Riskiarvio",
            f"deadline move #{milestone_id} 2019-03-31",
            f"deadline remove #{milestone_id}",
        )
    ]

    assert set(replies) == {
        "You cannot change the deadlines of measure 2.7: only the contacts of its responsible "
        "organisations and the admins can."
    }
    assert chat_milestones(factory) == []
    with factory() as session:
        milestone = session.get(Milestone, milestone_id)
        assert milestone is not None
        assert (milestone.due, milestone.removed_at) == (NEW_YEAR_EVE, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "deadline 2.7 1.12.2018 Myöhässä",
            "2018-12-01 has already passed; give today or a later day.",
            id="past-date",
        ),
        pytest.param(
            "deadline 9.9 2019-03-31 Uusi",
            "There is no measure 9.9 in the programme.",
            id="unknown-measure",
        ),
        pytest.param(
            "deadline 9.9", "There is no measure 9.9 in the programme.", id="unknown-listing"
        ),
        pytest.param(
            "deadline move #999999 2019-03-31",
            "There is no deadline #999999, or it was removed already. See the ids with e.g. "
            "`/seuranta deadline 2.7`.",
            id="unknown-id",
        ),
        pytest.param(
            "deadline 2.7 2019-03-31",
            "Usage: `/seuranta deadline 2.7` (list), `/seuranta deadline 2.7 2027-03-31 text` "
            "(add), `/seuranta deadline move #123 2027-04-30` (move), "
            "`/seuranta deadline remove #123` (remove)",
            id="no-text",
        ),
    ],
)
def test_what_cannot_be_done_gets_one_polite_line(
    slack: SignedSlack, factory: sessionmaker[Session], text: str, expected: str
) -> None:
    assert slack.command(text, user_id=ADMIN).json()["text"] == expected
    assert chat_milestones(factory) == []


@pytest.mark.parametrize("change", ["move", "remove"])
def test_a_moved_or_removed_deadline_is_replanned_on_the_next_tick(
    slack: SignedSlack,
    factory: sessionmaker[Session],
    slack_settings: Settings,
    change: str,
) -> None:
    make_contact(factory)
    policy = ReminderPolicy.from_settings(slack_settings)
    milestone_id = milestone_of_2_7(factory, NEW_YEAR_EVE)
    plan_tick(factory, policy, NOW, "C0COORD")  # the 14-day reminder, sent 17.12 at 09:00
    with factory() as session:
        planned = session.scalars(
            select(Reminder.id).where(
                Reminder.milestone_id == milestone_id, Reminder.recipient == CONTACT
            )
        ).all()
    assert len(planned) == 1

    command = {
        "move": f"deadline move #{milestone_id} 2019-03-29",
        "remove": f"deadline remove #{milestone_id}",
    }[change]
    reply = slack.command(command, user_id=CONTACT).json()  # the measure's own contact may
    assert reply["text"].startswith(f"Deadline `#{milestone_id}` of measure 2.7 ")

    plan_tick(factory, policy, NOW + timedelta(minutes=5), "C0COORD")
    two_weeks_before = datetime(2019, 3, 15, 6, 0, tzinfo=UTC)  # 08:00 in Helsinki
    plan_tick(factory, policy, two_weeks_before, "C0COORD")
    with factory() as session:
        rows = session.scalars(
            select(Reminder).where(
                Reminder.milestone_id == milestone_id, Reminder.recipient == CONTACT
            )
        ).all()
    old = [r for r in rows if r.id in planned]
    new = [(r.due, r.offset_days, r.status) for r in rows if r.id not in planned]
    assert [r.status for r in old] == [ReminderStatus.CANCELLED]
    if change == "move":
        assert new == [(date(2019, 3, 29), 14, ReminderStatus.PLANNED)]
    else:
        assert new == []


def test_a_deadline_text_is_stored_as_the_plain_text_the_person_saw(
    slack: SignedSlack, factory: sessionmaker[Session], fake_slack: FakeSlack
) -> None:
    sent = (
        "deadline 2.7 2019-03-31 Arvio &lt;valmis&gt; &amp; <@U0ANNA|anna> mukana,"
        " <!channel>\u202e\x00 <https://evil.example/|ohje>"
    )

    reply = slack.command(sent, user_id=ADMIN).json()

    (added,) = chat_milestones(factory)
    assert added.text == (
        "Arvio <valmis> & @Person U0ANNA mukana, @channel ohje (https://evil.example/)"
    )
    assert "Arvio &lt;valmis&gt; &amp; @Person U0ANNA mukana, @channel ohje" in reply["text"]
    assert [c.params["user"] for c in fake_slack.calls("users.info")] == [ADMIN, "U0ANNA"]


def test_an_over_long_deadline_text_is_refused_and_nothing_is_added(
    slack: SignedSlack, factory: sessionmaker[Session]
) -> None:
    reply = slack.command(f"deadline 2.7 2019-03-31 {'x' * 2001}", user_id=ADMIN).json()

    assert reply["text"] == (
        "The deadline's text is 2001 characters long; at most 2000 fit. Please shorten it and "
        "send it again – nothing was saved."
    )
    assert chat_milestones(factory) == []


@pytest.mark.parametrize("change", ["move", "remove"])
def test_moving_or_removing_shows_the_text_without_control_or_bidi_characters(
    slack: SignedSlack, factory: sessionmaker[Session], change: str
) -> None:
    with factory() as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.number == "2.7")).one()
        # Stored before the input policy, as it was typed.
        hostile = Milestone(
            measure_id=measure.id,
            text="Riskiarvio\u202e\x0bpäivitetty <!here>",
            kind="date",
            due=date(2019, 3, 31),
            position=99,
            origin="chat",
            created_at=NOW,
        )
        session.add(hostile)
        session.flush()
        milestone_id = hostile.id
    command = f"deadline {change} #{milestone_id}" + (" 2019-04-30" if change == "move" else "")

    reply = slack.command(command, user_id=ADMIN).json()["text"]

    assert "Riskiarvio\npäivitetty &lt;!here&gt;" in reply
    assert "\u202e" not in reply
    assert "\x0b" not in reply
