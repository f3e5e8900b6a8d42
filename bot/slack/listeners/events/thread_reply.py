"""A reply in a reminder's thread is stored as a status note on that measure.

Under a message listing several measures (a round's request, a person's bundled reminders) the
reply names its measure by starting with the number ("2.7 going to plan"); under a message
about one measure it need not.

The reply is stored as plain text under the input policy (:mod:`bot.slack.user_text`); one
over the length limit is refused in the thread, and nothing is stored.

Registered before the general message listener, which it hands every other message to: Bolt
runs only the first event listener that matches.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.document import Target
from bot.language import preferred_language
from bot.slack.listeners.events.messages import answer_direct_message
from bot.slack.people import known_locale
from bot.slack.services import Services
from bot.slack.status_report import reply_target, store
from bot.slack.user_text import from_slack
from data import outbox
from data.models import Measure, OutboxKind, Reminder
from jobs.notices.reading import round_progress
from jobs.notices.reminders import bundle_items
from seuranta.i18n import message
from seuranta.text import TooLong


def thread_reply(event: dict[str, Any], client: WebClient, services: Services) -> None:
    thread_ts = str(event.get("thread_ts") or "")
    is_reply = bool(thread_ts) and thread_ts != event.get("ts")
    if not is_reply or event.get("subtype") or event.get("bot_id"):
        answer_direct_message(event, client, services)
        return
    user = event["user"]
    text = event.get("text") or ""
    with services.factory() as session:
        row = outbox.by_message(session, event["channel"], thread_ts)
        if row is None:
            target = None
        elif row.round_id is not None or row.kind == OutboxKind.BUNDLE:
            choices = _choices(session, row)
            target, text = reply_target(choices, text)
            if target is None:
                numbers = ", ".join(dict.fromkeys(number for number, _ in choices))
                lang = _language(services, user)
                client.chat_postMessage(
                    channel=event["channel"],
                    thread_ts=thread_ts,
                    text=message("round.thread_which", lang, numbers=numbers),
                )
                return
        elif row.measure_id is not None:
            target = Target(row.measure_id, row.milestone_id, row.id)
        else:
            target = None
    if target is None:
        answer_direct_message(event, client, services)
        return
    try:
        note = from_slack(services, client, text)
    except TooLong as error:
        lang = _language(services, user)
        client.chat_postMessage(
            channel=event["channel"],
            thread_ts=thread_ts,
            text=message("status.too_long", lang, length=error.length, limit=error.limit),
        )
        return
    stored = store(
        services,
        client,
        target=target,
        user=user,
        state=None,  # a note keeps the measure's latest state
        note=note,
        source="thread",
        channel=event["channel"],
        ts=event["ts"],
    )
    if stored:
        lang = _language(services, user)
        with services.factory() as session:
            measure = session.get(Measure, target.measure_id)
            number = measure.number if measure else "?"
        client.chat_postMessage(
            channel=event["channel"],
            thread_ts=thread_ts,
            text=message("status.thread_saved", lang, number=number),
        )


def _language(services: Services, user: str) -> str:
    return preferred_language("", known_locale(services, user), None, services.settings.language)


def _choices(session: Session, row: Reminder) -> list[tuple[str, Target]]:
    """The measures a message listing several offers: (number, target) in message order."""
    if row.kind == OutboxKind.BUNDLE:
        return bundle_items(session, row)
    items = round_progress(session, row).people().get(row.recipient, [])
    return [(i.number, Target(i.measure_id, None, row.id)) for i in items]
