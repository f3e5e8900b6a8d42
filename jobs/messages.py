"""What each kind of reminder says: Block Kit built from the records at send time.

Rendering at send time, not at planning time, means a milestone whose text was corrected after
planning is announced with its current wording. Status buttons carry the measure, milestone and
reminder ids in their ``value``, so a click is understood without looking anything up first.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.i18n import format_date, message, state_label
from bot.slack.mrkdwn import escape
from data import reminders
from data.models import Measure, Milestone, Organisation, Person, Reminder, State
from jobs.port import Message

# Button action ids; the Slack listeners register for exactly these.
STATUS_ACTION_PREFIX = "seuranta_status_"
NOTE_ACTION = "seuranta_status_note"
BUTTON_STATES = (State.ON_TRACK, State.AT_RISK, State.DELAYED, State.DONE)
_STYLE = {State.ON_TRACK: "primary", State.DELAYED: "danger"}


def language(session: Session, slack_user_id: str, default: str) -> str:
    """fi/sv/en from the person's Slack locale (``fi-FI``, ``sv-SE``), else the default."""
    locale = session.scalar(select(Person.locale).where(Person.slack_user_id == slack_user_id))
    prefix = (locale or "")[:2].lower()
    return prefix if prefix in ("fi", "sv", "en") else default


def language_for_user(factory: sessionmaker[Session], slack_user_id: str, default: str) -> str:
    with factory() as session:
        return language(session, slack_user_id, default)


def status_value(measure_id: int, milestone_id: int | None, reminder_id: int | None) -> str:
    return json.dumps(
        {"m": measure_id, "ms": milestone_id, "r": reminder_id}, separators=(",", ":")
    )


def status_buttons(
    measure_id: int, milestone_id: int | None, reminder_id: int | None, lang: str
) -> dict[str, Any]:
    value = status_value(measure_id, milestone_id, reminder_id)
    elements: list[dict[str, Any]] = []
    for state in BUTTON_STATES:
        button: dict[str, Any] = {
            "type": "button",
            "action_id": f"{STATUS_ACTION_PREFIX}{state.value}",
            "text": {"type": "plain_text", "text": state_label(state.value, lang)},
            "value": value,
        }
        if state in _STYLE:
            button["style"] = _STYLE[state]
        elements.append(button)
    elements.append(
        {
            "type": "button",
            "action_id": NOTE_ACTION,
            "text": {"type": "plain_text", "text": message("status.note_button", lang)},
            "value": value,
        }
    )
    return {"type": "actions", "block_id": f"status:{reminder_id or 0}", "elements": elements}


def render(session: Session, row: Reminder, default_lang: str, today: date) -> Message:
    if row.kind == "deadline":
        return _deadline(session, row, language(session, row.recipient, default_lang), today)
    if row.kind == "no_contact":
        return _no_contact(session, row, default_lang)
    if row.kind == "missed":
        return _missed(session, row, language(session, row.recipient, default_lang))
    text = str(row.detail.get("text", ""))
    if text:  # rounds and digests store their text when they are planned
        blocks = list(row.detail.get("blocks", []))
        thread = tuple(Message(str(t)) for t in row.detail.get("thread", []))
        return Message(text, blocks, thread)
    raise ValueError(f"reminder {row.id}: no rendering for kind {row.kind!r}")


def deadline_text(milestone: Milestone, measure: Measure, lang: str) -> str:
    assert milestone.due is not None
    return message(
        "remind.deadline",
        lang,
        number=measure.number,
        title=escape(measure.title),
        due=format_date(milestone.due, lang),
        text=escape(milestone.text),
    )


class Gone(LookupError):
    """The milestone was removed or moved after planning: the reminder has nothing to say."""


def _live_milestone(session: Session, row: Reminder) -> Milestone:
    milestone = session.get(Milestone, row.milestone_id)
    if milestone is None or milestone.removed_at is not None or milestone.due != row.due:
        raise Gone(f"reminder {row.id}: milestone {row.milestone_id} removed or moved")
    return milestone


def _deadline(session: Session, row: Reminder, lang: str, today: date) -> Message:
    milestone = _live_milestone(session, row)
    assert milestone.due is not None  # equal to row.due, which deadline rows always have
    measure = milestone.measure
    days = (milestone.due - today).days
    lead = (
        message("remind.today", lang) if days <= 0 else message("remind.in_days", lang, days=days)
    )
    body = deadline_text(milestone, measure, lang)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"⏰ *{lead}*\n{body}"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": message("remind.ask", lang)}]},
        status_buttons(measure.id, milestone.id, row.id, lang),
    ]
    return Message(f"{lead}: {measure.number} {milestone.text}", blocks)


def _no_contact(session: Session, row: Reminder, lang: str) -> Message:
    organisation = session.get(Organisation, row.organisation_id)
    assert organisation is not None  # organisations are never deleted
    lines = []
    for milestone_id in row.detail.get("milestones", []):
        milestone = session.get(Milestone, milestone_id)
        if milestone is None or milestone.removed_at is not None or milestone.due is None:
            continue
        lines.append(
            message(
                "remind.no_contact",
                lang,
                number=milestone.measure.number,
                due=format_date(milestone.due, lang),
                org=organisation.key,
            )
        )
    if not lines:
        raise Gone(f"reminder {row.id}: every listed milestone was removed")
    text = "\n".join(dict.fromkeys(lines))
    return Message(text, [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}])


def _missed(session: Session, row: Reminder, lang: str) -> Message:
    lines = [message("remind.missed", lang)]
    for stale in reminders.folded_under(session, row.id):
        milestone = session.get(Milestone, stale.milestone_id) if stale.milestone_id else None
        if milestone is None or milestone.due is None:
            continue
        lines.append(
            message(
                "remind.missed_line",
                lang,
                number=milestone.measure.number,
                text=escape(milestone.text),
                due=format_date(milestone.due, lang),
            )
        )
    text = "\n".join(lines)
    return Message(text, [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}])
