"""What each kind of reminder says: Block Kit built from the records at send time.

Rendering at send time, not at planning time, means a milestone whose text was corrected after
planning is announced with its current wording. Status buttons carry the measure, milestone and
reminder ids in their ``value``, so a click is understood without looking anything up first.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.language import preferred_language
from bot.slack.mrkdwn import escape, shorten
from data import queries, reminders, rounds
from data.models import (
    Measure,
    Milestone,
    Organisation,
    Person,
    Reminder,
    ReportingRound,
    State,
)
from jobs.port import Message
from reports import digest
from reports.summary import OverdueItem
from seuranta.i18n import format_date, message, state_label

# Button action ids; the Slack listeners register for exactly these.
STATUS_ACTION_PREFIX = "seuranta_status_"
NOTE_ACTION = "seuranta_status_note"
# session.info keys: preloaded locales, the preloaded rows kept alive, rounds' progress
_LOCALES, _PRELOADED, _ROUNDS = "seuranta.locales", "seuranta.preloaded", "seuranta.rounds"
# The status menu beside each item of a message listing several (rounds, bundled reminders).
PICK_ACTION = "seuranta_status_pick"
NOTE = "note"  # the menu's last option opens the note modal
# Slack allows 50 blocks per message; the rest are named in one line.
ITEMS_SHOWN = 45
BUTTON_STATES = (State.ON_TRACK, State.AT_RISK, State.DELAYED, State.DONE)
_STYLE = {State.ON_TRACK: "primary", State.DELAYED: "danger"}


def language(session: Session, slack_user_id: str, default: str) -> str:
    """The recipient's language: a notice has no words of theirs, so their stored locale."""
    preloaded = session.info.get(_LOCALES, {})
    if slack_user_id in preloaded:
        locale = preloaded[slack_user_id]
    else:
        locale = session.scalar(select(Person.locale).where(Person.slack_user_id == slack_user_id))
    return preferred_language("", locale, None, default)


def preload(session: Session, rows: list[Reminder]) -> None:
    """Read what rendering a batch needs in two queries, not several per row.

    Milestones with their measures land in the session's identity map, where rendering's
    ``session.get`` finds them; locales are kept in ``session.info`` for :func:`language`.
    """
    milestone_ids = [r.milestone_id for r in rows if r.milestone_id is not None]
    # The identity map holds objects weakly: keep them referenced for the session's life.
    session.info[_PRELOADED] = session.scalars(
        select(Milestone)
        .options(joinedload(Milestone.measure))
        .where(Milestone.id.in_(milestone_ids))
    ).all()
    users = {r.recipient for r in rows}
    locales: dict[str, str | None] = dict.fromkeys(users)
    for user, locale in session.execute(
        select(Person.slack_user_id, Person.locale).where(Person.slack_user_id.in_(users))
    ):
        locales[user] = locale
    session.info[_LOCALES] = locales


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
    if row.kind == "bundle":
        return _bundle(session, row, language(session, row.recipient, default_lang), today)
    if row.kind == "missed":
        return _missed(session, row, language(session, row.recipient, default_lang))
    if row.kind in ("round_ask", "nudge"):
        return _round_request(session, row, language(session, row.recipient, default_lang))
    if row.kind == "round_no_contact":
        return _round_no_contact(session, row, default_lang)
    if row.kind == "round_missing":
        return _round_missing(session, row, default_lang)
    if row.kind == "digest":
        return _digest(session, row, default_lang, today)
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
    lead = _how_soon(milestone.due, today, lang)
    body = deadline_text(milestone, measure, lang)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"⏰ *{lead}*\n{body}"}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": message("remind.ask", lang)}]},
        status_buttons(measure.id, milestone.id, row.id, lang),
    ]
    return Message(f"{lead}: {measure.number} {escape(milestone.text)}", blocks)


def _how_soon(due: date, today: date, lang: str) -> str:
    days = (due - today).days
    return (
        message("remind.today", lang) if days <= 0 else message("remind.in_days", lang, days=days)
    )


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
                org=escape(organisation.key),
            )
        )
    if not lines:
        raise Gone(f"reminder {row.id}: every listed milestone was removed")
    text = "\n".join(dict.fromkeys(lines))
    return Message(text, [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}])


def _missed(session: Session, row: Reminder, lang: str) -> Message:
    lines = [message("remind.missed", lang)]
    for stale in _unbundled(session, reminders.folded_under(session, row.id)):
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


def _unbundled(session: Session, rows: list[Reminder]) -> list[Reminder]:
    """The per-milestone rows, with each bundle replaced by the rows folded into it."""
    flat = []
    for row in rows:
        flat += reminders.folded_under(session, row.id) if row.kind == "bundle" else [row]
    return flat


def _bundle(session: Session, row: Reminder, lang: str, today: date) -> Message:
    """A person's reminders due at one time, as one message with a status menu per milestone."""
    items = []
    for member in reminders.folded_under(session, row.id):
        try:
            items.append(_live_milestone(session, member))
        except Gone:
            continue  # moved or removed since planning: its new date has its own reminders
    if not items:
        raise Gone(f"reminder {row.id}: every bundled milestone was removed or moved")
    blocks: list[dict[str, Any]] = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "⏰ *" + message("remind.bundle", lang, count=len(items)) + "*",
            },
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": message("round.how", lang)}]},
    ]
    for milestone in items[:ITEMS_SHOWN]:
        assert milestone.due is not None
        when = _how_soon(milestone.due, today, lang)
        text = f"{deadline_text(milestone, milestone.measure, lang)}\n_{when}_"
        blocks.append(status_menu_section(text, row.id, milestone.measure_id, milestone.id, lang))
    if len(items) > ITEMS_SHOWN:
        more = message("round.more", lang, count=len(items) - ITEMS_SHOWN)
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
    numbers = escape(", ".join(dict.fromkeys(m.measure.number for m in items)))
    return Message(f"{message('remind.bundle', lang, count=len(items))}: {numbers}", blocks)


def bundle_items(session: Session, row: Reminder) -> list[tuple[int, int, str]]:
    """(measure id, milestone id, measure number) of a bundle's live milestones."""
    found = []
    for member in reminders.folded_under(session, row.id):
        milestone = session.get(Milestone, member.milestone_id)
        if milestone is not None and milestone.removed_at is None:
            found.append((milestone.measure_id, milestone.id, milestone.measure.number))
    return found


def round_progress(session: Session, row: Reminder) -> rounds.RoundProgress:
    """The progress of the row's round, computed once per session (a batch of a round's asks
    and their skip checks would otherwise each read it again)."""
    cache: dict[int, rounds.RoundProgress] = session.info.setdefault(_ROUNDS, {})
    found = cache.get(row.round_id) if row.round_id is not None else None
    if found is None:
        round_ = session.get(ReportingRound, row.round_id)
        if round_ is None:
            raise Gone(f"reminder {row.id}: round {row.round_id} does not exist")
        found = cache[round_.id] = rounds.progress(session, round_)
    return found


def skip_reason(session: Session, row: Reminder, now: datetime) -> str | None:
    """Why a due round message is no longer worth sending, decided just before it is sent."""
    if row.kind not in ("round_ask", "nudge", "round_no_contact"):
        return None
    progress = round_progress(session, row)
    if row.kind == "round_no_contact":
        return None if progress.without_contact() else "every lead organisation has a contact"
    if progress.closed_at is not None:
        return f"round {progress.id} is closed"
    if row.kind == "nudge" and reminders.later_nudge_due(session, row, now):
        return f"a later nudge of round {progress.id} is due as well"
    if row.recipient not in progress.owing():
        return "every measure has been answered"
    return None


def _round_request(session: Session, row: Reminder, lang: str) -> Message:
    """One message per person listing all their measures, each with a status menu."""
    progress = round_progress(session, row)
    items = progress.people().get(row.recipient, [])
    if not items:
        raise Gone(f"reminder {row.id}: {row.recipient} has no measures in round {progress.id}")
    due = format_date(progress.due, lang)
    owing = [i for i in items if i.answer is None]
    if row.kind == "nudge" and owing:
        lead = message("round.nudge", lang, id=progress.id, count=len(owing), due=due)
    else:
        lead = message("round.ask", lang, id=progress.id, due=due)
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": lead}},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": message("round.how", lang)}]},
    ]
    shown = items[:ITEMS_SHOWN]
    blocks += [_round_item(item, row.id, lang) for item in shown]
    if len(items) > len(shown):
        more = message("round.more", lang, count=len(items) - len(shown))
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": more}]})
    numbers = escape(", ".join(i.number for i in items))
    return Message(f"{_plain(lead)} {numbers}", blocks)


def _round_item(item: rounds.RoundItem, reminder_id: int, lang: str) -> dict[str, Any]:
    if item.answer is None:
        answered = f"_{message('round.unanswered', lang)}_"
    else:
        answered = "✓ " + message(
            "status.recorded",
            lang,
            state=state_label(item.answer.state.value, lang),
            who=f"<@{item.answer.reporter}>",
            when=format_date(item.answer.at.date(), lang),
        )
    title = escape(shorten(item.title, 200))
    text = f"*{item.number}* {title}\n{answered}"
    return status_menu_section(text, reminder_id, item.measure_id, None, lang)


def status_menu_section(
    text: str, reminder_id: int, measure_id: int, milestone_id: int | None, lang: str
) -> dict[str, Any]:
    """One measure (or milestone) of a message that lists several, with its own status menu.

    The ids ride in the block id, so a pick is understood without a lookup.
    """
    options = [
        {"text": {"type": "plain_text", "text": state_label(state.value, lang)}, "value": state}
        for state in BUTTON_STATES
    ]
    options.append(
        {"text": {"type": "plain_text", "text": message("round.note_option", lang)}, "value": NOTE}
    )
    return {
        "type": "section",
        "block_id": f"pick:{reminder_id}:{measure_id}:{milestone_id or 0}",
        "text": {"type": "mrkdwn", "text": text},
        "accessory": {
            "type": "static_select",
            "action_id": PICK_ACTION,
            "placeholder": {"type": "plain_text", "text": message("round.pick", lang)},
            "options": options,
        },
    }


def pick_target(block_id: str) -> tuple[int, int, int | None]:
    """(reminder, measure, milestone or None) from a status menu section's block id."""
    _, reminder_id, measure_id, milestone_id = block_id.split(":")
    return int(reminder_id), int(measure_id), int(milestone_id) or None


def _round_no_contact(session: Session, row: Reminder, lang: str) -> Message:
    progress = round_progress(session, row)
    orphaned = progress.without_contact()
    if not orphaned:
        raise Gone(f"reminder {row.id}: every lead organisation has a contact now")
    lines = [message("round.no_contact", lang, id=progress.id, due=format_date(progress.due, lang))]
    lines += [
        message("round.org_line", lang, org=org_label(key, lang), numbers=", ".join(numbers))
        for key, numbers in orphaned.items()
    ]
    return _text_message(lines)


def _round_missing(session: Session, row: Reminder, lang: str) -> Message:
    progress = round_progress(session, row)
    due = format_date(progress.due, lang)
    total = len(progress.items)
    if not progress.missing:
        return _text_message(
            [message("round.complete", lang, id=progress.id, due=due, total=total)]
        )
    head = message(
        "round.missing", lang, id=progress.id, due=due, answered=len(progress.answered), total=total
    )
    return _text_message([head, *missing_lines(progress, lang)])


def missing_lines(progress: rounds.RoundProgress, lang: str) -> list[str]:
    """Per lead organisation: the measures still unanswered and whom to ask."""
    people: dict[str, tuple[str, ...]] = {}
    for item in progress.missing:
        for key in item.leads or (rounds.NO_LEAD,):
            people.setdefault(key, item.contacts)
    return [
        "• "
        + message(
            "round.missing_line",
            lang,
            org=org_label(key, lang),
            numbers=", ".join(numbers),
            people=", ".join(f"<@{u}>" for u in people.get(key, ()))
            or message("round.nobody", lang),
        )
        for key, numbers in progress.missing_by_organisation().items()
    ]


def _digest(session: Session, row: Reminder, lang: str, today: date) -> Message:
    """The numbers in one message; each list in the thread, so the channel stays readable."""
    programme = queries.current_programme(session)
    if programme is None:
        raise Gone(f"reminder {row.id}: no programme has been imported")
    found = digest.load_digest(session, programme, row.send_at - digest.WEEK, today)
    summary = [
        message("digest.upcoming", lang, count=len(found.upcoming)),
        message("digest.overdue", lang, count=len(found.overdue)),
        message("digest.changes", lang, count=len(found.changes)),
    ]
    summary += [
        message(
            "digest.round",
            lang,
            id=p.id,
            due=format_date(p.due, lang),
            answered=len(p.answered),
            total=len(p.items),
            people=len(p.owing()),
        )
        for p in found.rounds
    ]
    if found.failures:
        summary.append(message("digest.failures", lang, count=found.failures))
    title = message("digest.title", lang, date=format_date(found.today, lang))
    text = "\n".join([title, *(f"• {line}" for line in summary)])
    thread: list[Message] = []
    sections = [
        ("digest.upcoming_head", [_due_line(i, lang) for i in found.upcoming]),
        ("digest.overdue_head", [_due_line(i, lang) for i in found.overdue]),
        (
            "digest.changes_head",
            [
                f"• *{c.number}* {state_label(c.state.value, lang)}, <@{c.reporter}>"
                f" {format_date(c.at.date(), lang)}" + (f": {escape(c.note)}" if c.note else "")
                for c in found.changes
            ],
        ),
    ]
    for key, lines in sections:
        if lines:
            thread += _chunks([message(key, lang), *lines])
    for p in found.rounds:
        if p.missing:
            head = message("digest.round_head", lang, id=p.id)
            thread += _chunks([head, *missing_lines(p, lang)])
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": text}},
        {
            "type": "context",
            "elements": [{"type": "mrkdwn", "text": message("digest.details", lang)}],
        },
    ]
    return Message(_plain(text), blocks if thread else blocks[:1], tuple(thread))


def _due_line(item: digest.UpcomingItem | OverdueItem, lang: str) -> str:
    state = state_label(item.state, lang)
    return f"• {format_date(item.due, lang)} *{item.number}* {escape(item.text)} ({state})"


def org_label(key: str, lang: str) -> str:
    return message("round.no_lead", lang) if key == rounds.NO_LEAD else escape(key)


def _text_message(lines: list[str]) -> Message:
    """One section of up to Slack's 3,000 characters; what does not fit goes to the thread."""
    head, *rest = _chunks(lines)
    return Message(head.text, head.blocks, tuple(rest))


def _chunks(lines: list[str]) -> list[Message]:
    """Lines packed into as few messages of one section each as Slack's limit allows."""
    chunks = []
    while lines:
        text, lines = _fit(lines, 3000)
        chunks.append(
            Message(text, [{"type": "section", "text": {"type": "mrkdwn", "text": text}}])
        )
    return chunks


def _fit(lines: list[str], limit: int) -> tuple[str, list[str]]:
    taken: list[str] = []
    size = 0
    for index, line in enumerate(lines):
        line = line[:limit]
        if taken and size + len(line) + 1 > limit:
            return "\n".join(taken), lines[index:]
        taken.append(line)
        size += len(line) + 1
    return "\n".join(taken), []


def _plain(mrkdwn: str) -> str:
    return mrkdwn.replace("*", "").replace("_", "")
