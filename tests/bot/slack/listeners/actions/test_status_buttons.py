"""A reminder's buttons, its modal and a reply in its thread each store a status, through the
real HTTP endpoint with Slack-shaped, signed payloads; ``seuranta ask`` then shows it."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.document import Target
from bot.engine import Engine as AnswerEngine
from bot.render.text import render_text
from bot.slack.client import web_client
from bot.slack.modal import MODAL_CALLBACK
from bot.slack.port import SlackPort
from bot.slack.status_actions import NOTE_ACTION, button_value
from data.db import transaction
from data.directory import add_contact, remember_profile, resolve_one
from data.models import Milestone, Reminder, State
from jobs.tick import run_tick
from seuranta.settings import Settings
from seuranta.text import NOTE_LIMIT
from tests.support.delivery import FAST, ports
from tests.support.fakeslack import FakeSlack
from tests.support.programme import NOW, reports, wait_for_reports
from tests.support.slack_requests import SignedSlack, payload

CONTACT = "USMCONTACT"  # a contact of SM, which leads measure 2.7


@pytest.fixture
def reminder(
    slack: SignedSlack, factory: sessionmaker[Session], slack_settings: Settings
) -> Reminder:
    """The worker has sent SM's contact the 14-day reminder of a 2.7 milestone."""
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), CONTACT, "UADMIN001", NOW)
    port = SlackPort(web_client(slack_settings, retries=False, timeout=5), channel_interval=0.0)
    run_tick(factory, slack_settings, ports(port), clock=lambda: NOW, worker="w1", options=FAST)
    with factory() as session:
        from data.models import Measure

        measure_id = session.scalar(select(Measure.id).where(Measure.number == "2.7"))
        row = session.scalars(
            select(Reminder).where(Reminder.recipient == CONTACT, Reminder.measure_id == measure_id)
        ).first()
    assert row is not None
    assert row.ts
    return row


def click(reminder: Reminder, action_id: str, user: str = CONTACT) -> dict[str, object]:
    body = payload("block_actions")
    body["user"].update(id=user)
    body["container"].update(message_ts=reminder.ts, channel_id=reminder.posted_channel)
    body["channel"] = {"id": reminder.posted_channel, "name": "directmessage"}
    body["actions"] = [
        {
            "action_id": action_id,
            "block_id": f"status:{reminder.id}",
            "text": {"type": "plain_text", "text": "x"},
            "value": button_value(
                Target(reminder.measure_id or 0, reminder.milestone_id, reminder.id)
            ),
            "type": "button",
            "action_ts": f"{time.time():.6f}",
        }
    ]
    return body


def ask_status(factory: sessionmaker[Session], settings: Settings) -> str:
    """What ``seuranta ask "status of 2.7"`` prints (the same engine and renderer)."""
    engine = AnswerEngine(factory, default_lang="en", zone=settings.zone)
    return render_text(engine.ask("status of 2.7", now=NOW, lang="en"), settings.zone)


def test_a_button_click_stores_the_status_and_updates_the_reminder(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    slack_settings: Settings,
    reminder: Reminder,
) -> None:
    assert slack.action(click(reminder, "seuranta_status_at_risk")).status == 200
    (stored,) = wait_for_reports(factory, 1)
    assert (stored.state, stored.reporter, stored.source) == (State.AT_RISK, CONTACT, "button")
    assert stored.milestone_id == reminder.milestone_id
    assert (stored.channel, stored.message_ts) == (reminder.posted_channel, reminder.ts)
    assert stored.organisation is not None
    assert stored.organisation.key == "SM"
    (update,) = fake_slack.wait_for("chat.update")
    assert update.params["ts"] == reminder.ts
    shown = json.dumps(update.params["blocks"], ensure_ascii=False)
    assert f"<@{CONTACT}>" in shown
    assert "seuranta_status_done" in shown
    assert "At risk" in ask_status(factory, slack_settings)


def test_someone_who_is_not_a_contact_is_refused_politely(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session], reminder: Reminder
) -> None:
    assert slack.action(click(reminder, "seuranta_status_done", user="UOUTSIDER")).status == 200
    (refusal,) = fake_slack.wait_for("chat.postEphemeral")
    assert "2.7" in refusal.params["text"]
    assert refusal.params["user"] == "UOUTSIDER"
    assert reports(factory) == []


def test_the_note_modal_stores_state_and_note(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    slack_settings: Settings,
    reminder: Reminder,
) -> None:
    assert slack.action(click(reminder, NOTE_ACTION)).status == 200
    (opened,) = fake_slack.wait_for("views.open")
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    submit = payload("view_submission")
    submit["user"].update(id=CONTACT)
    submit["view"].update(
        callback_id=MODAL_CALLBACK,
        private_metadata=view["private_metadata"],
        state={
            "values": {
                "state": {
                    "state": {"type": "static_select", "selected_option": {"value": "delayed"}}
                },
                "note": {"note": {"type": "plain_text_input", "value": "Lausuntokierros venyy"}},
            }
        },
    )
    assert slack.action(submit).status == 200
    (stored,) = wait_for_reports(factory, 1)
    assert (stored.state, stored.note, stored.source) == (
        State.DELAYED,
        "Lausuntokierros venyy",
        "modal",
    )
    assert "Lausuntokierros venyy" in ask_status(factory, slack_settings)


def test_a_reply_in_the_reminder_thread_is_stored_as_a_note(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    slack_settings: Settings,
    reminder: Reminder,
) -> None:
    slack.action(click(reminder, "seuranta_status_on_track"))
    wait_for_reports(factory, 1)
    event = payload("message_im_thread_reply")
    event["event"].update(
        user=CONTACT,
        channel=reminder.posted_channel,
        thread_ts=reminder.ts,
        text="Luonnos valmis, kommentit tulossa",
        ts=f"{time.time():.6f}",
    )
    assert slack.event(event).status == 200
    first, note = wait_for_reports(factory, 2)
    assert (note.state, note.note, note.source) == (
        State.ON_TRACK,
        "Luonnos valmis, kommentit tulossa",
        "thread",
    )
    assert first.state == State.ON_TRACK  # history kept: the click is still there
    assert "Luonnos valmis" in ask_status(factory, slack_settings)


def thread_reply(reminder: Reminder, text: str) -> dict[str, Any]:
    event = payload("message_im_thread_reply")
    event["event"].update(
        user=CONTACT,
        channel=reminder.posted_channel,
        thread_ts=reminder.ts,
        text=text,
        ts=f"{time.time():.6f}",
    )
    return event


def test_a_thread_reply_is_stored_as_the_plain_text_the_person_saw(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    reminder: Reminder,
) -> None:
    with transaction(factory) as session:
        remember_profile(
            session, "U0ANNA", locale="fi-FI", tz=None, display_name="Anna Virtanen", now=NOW
        )
    # As Slack sends what was typed: "&", "<", ">" escaped, people and links as markup.
    sent = (
        "Arvio &lt;valmis&gt; &amp; lähetetty <@U0ANNA>, <@U0PEKKA> kanavalla <#C0123|yleinen>"
        " <https://evil.example/login|kirjaudu> <!here>\x00\x0b\u202eloppu"
    )
    assert slack.event(thread_reply(reminder, sent)).status == 200

    (note,) = wait_for_reports(factory, 1)
    assert note.note == (
        "Arvio <valmis> & lähetetty @Anna Virtanen, @Person U0PEKKA kanavalla #yleinen"
        " kirjaudu (https://evil.example/login) @here\nloppu"
    )
    # The one person the directory did not know was asked about once, and is known now.
    (asked,) = fake_slack.calls("users.info")
    assert asked.params["user"] == "U0PEKKA"


def test_a_thread_reply_over_the_limit_is_refused_in_the_thread_and_nothing_is_stored(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    reminder: Reminder,
) -> None:
    sent = len(fake_slack.calls("chat.postMessage"))  # the reminder itself
    assert slack.event(thread_reply(reminder, "x" * (NOTE_LIMIT + 1))).status == 200

    (refusal,) = fake_slack.wait_for("chat.postMessage", sent + 1)[sent:]
    assert refusal.params["thread_ts"] == reminder.ts
    assert refusal.params["text"] == (
        "Huomautus on 2001 merkkiä pitkä; enintään 2000 mahtuu. Lyhennä sitä ja lähetä "
        "uudelleen – mitään ei tallennettu."
    )
    assert reports(factory) == []


def submission(view: dict[str, Any], note: str) -> dict[str, Any]:
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
                "note": {"note": {"type": "plain_text_input", "value": note}},
            }
        },
    )
    return submit


def opened_modal(slack: SignedSlack, fake_slack: FakeSlack, reminder: Reminder) -> dict[str, Any]:
    assert slack.action(click(reminder, NOTE_ACTION)).status == 200
    (opened,) = fake_slack.wait_for("views.open")
    view = opened.params["view"]
    return json.loads(view) if isinstance(view, str) else dict(view)


def test_the_note_modal_keeps_an_over_long_note_open_with_the_reason_under_the_field(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    reminder: Reminder,
) -> None:
    view = opened_modal(slack, fake_slack, reminder)
    (note_input,) = [b for b in view["blocks"] if b["block_id"] == "note"]
    assert note_input["element"]["max_length"] == NOTE_LIMIT  # Slack's client stops typing there

    reply = slack.action(submission(view, "x" * (NOTE_LIMIT + 1)))

    assert reply.status == 200
    assert reply.json() == {
        "response_action": "errors",
        "errors": {
            "note": "Huomautus on 2001 merkkiä pitkä; enintään 2000 mahtuu. Lyhennä sitä ja "
            "lähetä uudelleen – mitään ei tallennettu."
        },
    }
    time.sleep(0.2)  # a listener that went on regardless would have stored by now
    assert reports(factory) == []


def test_the_note_modal_stores_the_note_without_control_or_bidi_characters(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    reminder: Reminder,
) -> None:
    view = opened_modal(slack, fake_slack, reminder)
    # A modal's field comes as typed: "&lt;" is what the person wrote, not an escape.
    typed = "  Riski\x00 &lt;pieni&gt;\u202e\u2066 <@U0ANNA>\r\nseuraava  "

    assert slack.action(submission(view, typed)).status == 200

    (stored,) = wait_for_reports(factory, 1)
    assert stored.note == "Riski &lt;pieni&gt; <@U0ANNA>\nseuraava"


def test_a_click_on_a_reminder_whose_milestone_was_removed_since_shows_the_record_alone(
    slack: SignedSlack,
    fake_slack: FakeSlack,
    factory: sessionmaker[Session],
    reminder: Reminder,
) -> None:
    with transaction(factory) as session:
        milestone = session.get(Milestone, reminder.milestone_id)
        assert milestone is not None
        milestone.removed_at = NOW
    assert slack.action(click(reminder, "seuranta_status_done")).status == 200
    wait_for_reports(factory, 1)
    (update,) = fake_slack.wait_for("chat.update")
    (recorded,) = update.params["blocks"]
    assert recorded["type"] == "context"
    assert recorded["elements"][0]["text"].startswith(f"Kirjattu: *Valmis* (<@{CONTACT}>, ")
    assert update.params["text"].startswith(f"Kirjattu: Valmis (<@{CONTACT}>, ")
