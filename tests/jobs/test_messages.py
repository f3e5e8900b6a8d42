"""What reminders say: a notification's ``text`` is mrkdwn as much as its blocks are, so the user
text in it is escaped for every kind of message the worker sends."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from slack_sdk.models.blocks import Block
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.models import Contact, Measure, Milestone, Organisation, OutboxKind, Reminder, State
from jobs.port import MessagePort
from seuranta.settings import Settings
from tests.support.delivery import slack_post, start_round, tick
from tests.support.fakeslack import FakeSlack
from tests.support.programme import NOW, add_milestone, report_status

# Typed into a deadline, a note, a measure's title or an organisation's name: in mrkdwn it
# would ping the whole channel and show a link saying something else than where it goes.
HOSTILE = " <!channel> & <https://evil.example/login|kirjaudu>"
ESCAPED = " &lt;!channel&gt; &amp; &lt;https://evil.example/login|kirjaudu&gt;"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Bundles and the Monday digest on, so that every kind of message goes out."""
    return dataclasses.replace(settings, reminder_bundle=True, digest_weekday=0)


def make_everything_hostile(factory: sessionmaker[Session], contacts: dict[str, str]) -> None:
    with transaction(factory) as session:
        session.execute(update(Milestone).values(text=Milestone.text + HOSTILE))
        session.execute(update(Measure).values(title=Measure.title + HOSTILE))
        # YM leads 3.5 and has nobody to remind: the coordinators are asked to name someone.
        ym = session.scalars(select(Organisation).where(Organisation.key == "YM")).one()
        session.execute(delete(Contact).where(Contact.organisation_id == ym.id))
        ym.key = "YM" + HOSTILE
        measure = session.scalars(select(Measure).where(Measure.number == "2.7")).one()
        report_status(session, measure.id, State.AT_RISK, contacts["SM"], NOW, "huom" + HOSTILE)


def test_every_kind_of_message_escapes_user_text_in_its_notification_text(
    factory: sessionmaker[Session],
    settings: Settings,
    port: MessagePort,
    fake: FakeSlack,
    contacts: dict[str, str],
) -> None:
    # Planned on Friday for 09:00, sent only on Monday: "you missed these".
    add_milestone(factory, "4.3", date(2018, 12, 28), "Väliraportti")
    tick(factory, settings, port, datetime(2018, 12, 14, 6, 0, tzinfo=UTC))
    make_everything_hostile(factory, contacts)
    start_round(factory, settings)
    # Monday: deadlines (alone and bundled), missed, no contact, the round's asks, the digest;
    # Thursday the first nudge; the day after the round's due day the missing list.
    for at in (NOW, NOW + timedelta(days=3), datetime(2019, 1, 16, 7, 0, tzinfo=UTC)):
        tick(factory, settings, port, at)

    with factory() as session:
        sent = set(session.scalars(select(Reminder.kind).where(Reminder.ts.is_not(None))))
    assert sent == set(OutboxKind)
    calls = fake.calls("chat.postMessage")
    notifications = [call.params["text"] for call in calls]
    shown = [slack_post(call).text for call in calls]  # the notification text and the blocks
    for text in shown:
        assert "<!channel>" not in text
        assert "<https://evil" not in text
    assert any(f"Väliraportti{ESCAPED}" in text for text in shown)  # the missed list
    assert any(f"YM{ESCAPED}" in text for text in notifications)  # no contact
    deadlines = [slack_post(call) for call in calls if slack_post(call).outbox_ids]
    assert deadlines
    assert all(ESCAPED in post.text.splitlines()[0] for post in deadlines)  # the milestone's text
    for call in calls:  # and Slack's own models take every block as it is
        for block in call.params.get("blocks") or []:
            Block.parse(block).validate_json()  # type: ignore[union-attr]
