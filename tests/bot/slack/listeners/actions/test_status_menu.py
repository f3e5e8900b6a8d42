"""A round message's menus, its note option and replies in its thread, through the real HTTP
endpoint with Slack-shaped, signed payloads."""

from __future__ import annotations

import dataclasses
import json
import time
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.slack.client import web_client
from bot.slack.modal import MODAL_CALLBACK
from bot.slack.port import SlackPort
from bot.slack.status_actions import NOTE_OPTION, PICK_ACTION
from data.directory import add_contact, resolve_one
from data.models import Measure, OutboxKind, Reminder, State, StatusReport
from jobs.tick import run_tick
from seuranta.settings import Settings
from tests.support.delivery import FAST, ports
from tests.support.fakeslack import Call, FakeSlack
from tests.support.programme import NOW, wait_for_reports
from tests.support.slack_requests import ADMIN, SignedSlack, payload

CONTACT = "USMCONTACT"  # SM leads 2.7 and 2.8 with others


@pytest.fixture
def asked(slack: SignedSlack, factory: sessionmaker[Session], slack_settings: Settings) -> Reminder:
    """A round over 2.7 and 2.8 has started and the worker has asked SM's contact."""
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), CONTACT, ADMIN, NOW)
    slack.command("round start --due 2019-01-15 --measures 2.7,2.8", user_id=ADMIN)
    port = SlackPort(web_client(slack_settings, retries=False, timeout=5), channel_interval=0.0)
    run_tick(factory, slack_settings, ports(port), clock=lambda: NOW, worker="w1", options=FAST)
    with factory() as session:
        row = session.scalars(select(Reminder).where(Reminder.kind == OutboxKind.ROUND_ASK)).one()
    assert row.ts
    return row


def measure_id(factory: sessionmaker[Session], number: str) -> int:
    with factory() as session:
        found = session.scalar(select(Measure.id).where(Measure.number == number))
    assert found is not None
    return found


def pick(row: Reminder, measure: int, value: str, user: str = CONTACT) -> dict[str, Any]:
    body = payload("block_actions")
    body["user"].update(id=user)
    body["container"].update(message_ts=row.ts, channel_id=row.posted_channel)
    body["channel"] = {"id": row.posted_channel, "name": "directmessage"}
    body["actions"] = [
        {
            "type": "static_select",
            "action_id": PICK_ACTION,
            "block_id": f"pick:{row.id}:{measure}:0",
            "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value},
            "placeholder": {"type": "plain_text", "text": "Choose status"},
            "action_ts": f"{time.time():.6f}",
        }
    ]
    return body


def test_the_round_message_has_a_menu_per_measure(
    fake_slack: FakeSlack, factory: sessionmaker[Session], asked: Reminder
) -> None:
    (post,) = [c for c in fake_slack.calls("chat.postMessage") if PICK_ACTION in str(c.params)]
    blocks = post.params["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    menus = [b for b in blocks if b.get("accessory", {}).get("action_id") == PICK_ACTION]
    assert [b["block_id"] for b in menus] == [
        f"pick:{asked.id}:{measure_id(factory, '2.7')}:0",
        f"pick:{asked.id}:{measure_id(factory, '2.8')}:0",
    ]
    values = [o["value"] for o in menus[0]["accessory"]["options"]]
    assert values == ["on_track", "at_risk", "delayed", "done", NOTE_OPTION]


def test_picking_a_state_stores_it_and_shows_it_on_the_message(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session], asked: Reminder
) -> None:
    measure = measure_id(factory, "2.8")
    assert slack.action(pick(asked, measure, "delayed")).status == 200
    (stored,) = wait_for_reports(factory, 1)
    assert (stored.measure_id, stored.state, stored.source, stored.reporter) == (
        measure,
        State.DELAYED,
        "menu",
        CONTACT,
    )
    assert (stored.channel, stored.message_ts) == (asked.posted_channel, asked.ts)
    (update,) = fake_slack.wait_for("chat.update")
    sections = [b["text"]["text"] for b in update.params["blocks"] if b.get("accessory")]
    assert "2.7" in sections[0]
    assert "ei vielä vastausta" in sections[0]  # the contact's locale is not known yet
    assert f"✓ Kirjattu: *Viivästynyt* (<@{CONTACT}>, 17.12.2018)" in sections[1]


def test_someone_else_picking_is_refused_and_nothing_is_stored(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session], asked: Reminder
) -> None:
    slack.action(pick(asked, measure_id(factory, "2.7"), "done", user="UOUTSIDER"))
    (refusal,) = fake_slack.wait_for("chat.postEphemeral")
    assert "2.7" in refusal.params["text"]
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []


def test_the_note_option_opens_the_modal_for_that_measure(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session], asked: Reminder
) -> None:
    measure = measure_id(factory, "2.7")
    slack.action(pick(asked, measure, NOTE_OPTION))
    (opened,) = fake_slack.wait_for("views.open")
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert "2.7" in view["title"]["text"]
    submit = payload("view_submission")
    submit["user"].update(id=CONTACT)
    submit["view"].update(
        callback_id=MODAL_CALLBACK,
        private_metadata=view["private_metadata"],
        state={
            "values": {
                "state": {
                    "state": {"type": "static_select", "selected_option": {"value": "at_risk"}}
                },
                "note": {"note": {"type": "plain_text_input", "value": "Resurssit puuttuvat"}},
            }
        },
    )
    slack.action(submit)
    (stored,) = wait_for_reports(factory, 1)
    assert (stored.measure_id, stored.state, stored.note) == (
        measure,
        State.AT_RISK,
        "Resurssit puuttuvat",
    )


def thread_reply(row: Reminder, text: str) -> dict[str, Any]:
    event = payload("message_im_thread_reply")
    event["event"].update(
        user=CONTACT,
        channel=row.posted_channel,
        thread_ts=row.ts,
        text=text,
        ts=f"{time.time():.6f}",
    )
    return event


def in_thread(fake_slack: FakeSlack, row: Reminder) -> list[Call]:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        found = [
            c for c in fake_slack.calls("chat.postMessage") if c.params.get("thread_ts") == row.ts
        ]
        if found:
            return found
        time.sleep(0.02)
    return []


def test_a_thread_reply_starting_with_a_number_is_a_note_on_that_measure(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session], asked: Reminder
) -> None:
    slack.event(thread_reply(asked, "2.8: lausunnot saatu"))
    (stored,) = wait_for_reports(factory, 1)
    assert (stored.measure_id, stored.note, stored.source) == (
        measure_id(factory, "2.8"),
        "lausunnot saatu",
        "thread",
    )
    (thanks,) = in_thread(fake_slack, asked)
    assert "2.8" in thanks.params["text"]


def test_a_thread_reply_without_a_number_is_asked_which_measure(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session], asked: Reminder
) -> None:
    slack.event(thread_reply(asked, "kaikki hyvin"))
    (question,) = in_thread(fake_slack, asked)
    assert "(2.7, 2.8)" in question.params["text"]
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []


def test_a_pick_in_bundled_reminders_is_stored_against_that_milestone(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    slack_settings: Settings,
) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), CONTACT, ADMIN, NOW)
    bundling = dataclasses.replace(slack_settings, reminder_bundle=True)
    port = SlackPort(web_client(bundling, retries=False, timeout=5), channel_interval=0.0)
    run_tick(factory, bundling, ports(port), clock=lambda: NOW, worker="w1", options=FAST)
    with factory() as session:
        bundle = session.scalars(select(Reminder).where(Reminder.kind == OutboxKind.BUNDLE)).one()
        member = session.scalars(select(Reminder).where(Reminder.folded_into == bundle.id)).first()
    assert member is not None
    assert member.measure_id is not None
    body = pick(bundle, member.measure_id, "done")
    body["actions"][0]["block_id"] = f"pick:{bundle.id}:{member.measure_id}:{member.milestone_id}"
    slack.action(body)
    (stored,) = wait_for_reports(factory, 1)
    assert (stored.measure_id, stored.milestone_id, stored.state) == (
        member.measure_id,
        member.milestone_id,
        State.DONE,
    )
    (update,) = fake_slack.wait_for("chat.update")
    assert "Kirjattu toimenpiteelle" in json.dumps(update.params["blocks"], ensure_ascii=False)
