"""Answers as Block Kit messages: pure functions, one per answer type, inside Slack's limits.

Every text that comes from the records or from a user is escaped (:func:`mrkdwn.escape`), so a
question such as ``<!channel>`` is shown, never obeyed. Long lists are cut with an "… and N more"
line that says which question shows the rest. The fallback ``text`` (notifications, screen
readers) is the plain-text rendering of the same answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import singledispatch
from zoneinfo import ZoneInfo

from bot.answers import (
    AmbiguousOrganisation,
    Answer,
    DeadlinesAnswer,
    DueScope,
    HelpAnswer,
    HelpReason,
    MeasureAnswer,
    MeasureBrief,
    MeasureOwners,
    MeasuresAnswer,
    MeasureView,
    MilestoneView,
    NoSuchMeasure,
    OrganisationAnswer,
    OrgRef,
    OwnersAnswer,
    SearchAnswer,
    StatusAnswer,
    StatusView,
)
from bot.intents import MAX_QUESTION_LENGTH
from bot.render.text import reading_line, render_text
from bot.slack.mrkdwn import (
    MAX_BLOCKS,
    MAX_SECTION,
    Block,
    context,
    escape,
    fields,
    header,
    line_sections,
    section,
    shorten,
)
from bot.slack.render.markup import MRKDWN
from seuranta.i18n import HELP_EXAMPLES, format_date, kind_label, message, state_label

# Lines shown of one list before it is cut; 30 short lines read well and fit a message.
LIST_LIMIT = 30
# Blocks kept free at the end of a message for the caller's own (the share button, a note).
RESERVED_BLOCKS = 2


@dataclass(frozen=True, slots=True)
class SlackMessage:
    text: str
    blocks: list[Block] = field(default_factory=list)


def render_answer(answer: Answer, zone: ZoneInfo) -> SlackMessage:
    blocks = _blocks(answer, zone)
    if answer.reading is not None:
        # What was understood, at the top (under the title, if any), so a misreading shows.
        at = 1 if blocks and blocks[0].get("type") == "header" else 0
        understood = context(escape(reading_line(answer.reading, answer.lang)))
        blocks = [*blocks[:at], understood, *blocks[at:]]
    limit = MAX_BLOCKS - RESERVED_BLOCKS
    if len(blocks) > limit:  # a safety net: the lists below are already cut well before this
        more = context(message("more", answer.lang, count=len(blocks) - limit + 1))
        blocks = [*blocks[: limit - 1], more]
    text = shorten(escape(render_text(answer, zone)).rstrip(), MAX_SECTION)
    return SlackMessage(text, blocks)


@singledispatch
def _blocks(answer: object, zone: ZoneInfo) -> list[Block]:
    raise TypeError(f"no Block Kit rendering for {type(answer).__name__}")


@_blocks.register
def _(answer: OwnersAnswer, zone: ZoneInfo) -> list[Block]:
    m = answer.measure
    return [
        header(message("owners.title", answer.lang, number=m.number)),
        section(escape(shorten(m.title, 600))),
        _owners(m, answer.lang),
    ]


@_blocks.register
def _(answer: MeasureAnswer, zone: ZoneInfo) -> list[Block]:
    m, lang = answer.measure, answer.lang
    title = message("measure.title", lang, number=m.number + (answer.part or ""))
    blocks = [header(f"{title} · {message('measure.theme', lang, theme=m.theme)}")]
    if m.parts:
        blocks += line_sections(
            f"{'▶ *' if label == answer.part else ''}{label}) {escape(text)}"
            f"{'*' if label == answer.part else ''}"
            for label, text in m.parts
        )
    else:
        blocks.append(section(escape(m.title)))
    blocks.append(_owners(m, lang))
    if m.actions:
        blocks += _titled_list(
            message("measure.actions", lang), [f"• {escape(a)}" for a in m.actions], lang
        )
    milestones = [f"• {_milestone(ms, lang)}" for ms in m.milestones] or ["–"]
    blocks += _titled_list(message("measure.milestones", lang), milestones, lang)
    status = _status(m.latest_status, lang, zone)
    blocks.append(context(f"*{message('measure.status', lang)}:* {status}"))
    return blocks


@_blocks.register
def _(answer: OrganisationAnswer, zone: ZoneInfo) -> list[Block]:
    lang, name = answer.lang, escape(answer.organisation.label)
    if not answer.lead and not answer.shared:
        return [section(message("org.nothing", lang, name=name))]
    blocks = [header(message("org.title", lang, name=answer.organisation.label))]
    for key, measures in (("org.lead", answer.lead), ("org.shared", answer.shared)):
        if measures:
            title = f"{message(key, lang)} ({len(measures)})"
            blocks += _titled_list(title, [_brief(b) for b in measures], lang)
    return blocks


@_blocks.register
def _(answer: AmbiguousOrganisation, zone: ZoneInfo) -> list[Block]:
    lines = [escape(message("org.ambiguous", answer.lang, text=answer.text))]
    lines += [f"• {escape(c.label)}" for c in answer.candidates]
    return line_sections(lines)


@_blocks.register
def _(answer: SearchAnswer, zone: ZoneInfo) -> list[Block]:
    lang = answer.lang
    if not answer.hits:
        return [section(escape(message("search.none", lang, query=answer.query)))]
    matched = message("search.matched", lang)
    lines = [
        f"{_brief(hit.measure)}  _({matched}: {escape(', '.join(hit.matched))})_"
        for hit in answer.hits
    ]
    return [header(message("search.title", lang, query=answer.query)), *_cut(lines, lang)]


@_blocks.register
def _(answer: DeadlinesAnswer, zone: ZoneInfo) -> list[Block]:
    lang = answer.lang
    if answer.scope is DueScope.OVERDUE:
        title = message("due.overdue", lang, today=format_date(answer.today, lang))
        empty = "due.none_overdue"
    else:
        assert answer.start is not None
        assert answer.end is not None
        start, end = format_date(answer.start, lang), format_date(answer.end, lang)
        title = message("due.period", lang, start=start, end=end)
        empty = "due.none"
    if not answer.items:
        return [header(title), section(message(empty, lang))]
    lines = [
        f"*{item.measure.number}* {_milestone(item.milestone, lang)}"
        + (f" · _{state_label(item.state, lang)}_" if item.state else "")
        for item in answer.items
    ]
    hidden = answer.items[LIST_LIMIT:]
    example = _month_question(hidden[0].milestone.due, lang) if hidden else None
    return [
        header(title),
        context(message("due.count", lang, count=len(answer.items))),
        *_cut(lines, lang, example),
    ]


@_blocks.register
def _(answer: StatusAnswer, zone: ZoneInfo) -> list[Block]:
    lang = answer.lang
    blocks = [
        header(message("status.title", lang, number=answer.measure.number)),
        section(escape(shorten(answer.measure.title, 600))),
        section(_status(answer.latest, lang, zone)),
    ]
    if len(answer.history) > 1:
        earlier = [f"• {_status(s, lang, zone)}" for s in answer.history[1:]]
        blocks += _titled_list(message("status.history", lang), earlier, lang)
    return blocks


@_blocks.register
def _(answer: NoSuchMeasure, zone: ZoneInfo) -> list[Block]:
    lines = [escape(message("nosuch.title", answer.lang, requested=answer.requested))]
    if answer.nearest:
        lines += [f"*{message('nosuch.nearest', answer.lang)}:*"]
        lines += [_brief(b) for b in answer.nearest]
    return line_sections(lines)


@_blocks.register
def _(answer: HelpAnswer, zone: ZoneInfo) -> list[Block]:
    if answer.suggestion:
        suggestion = f"• `{MRKDWN.command} {message(answer.suggestion, answer.lang)}`"
        return [section(f"{message('help.recognised', answer.lang)}\n{suggestion}")]
    return help_blocks(answer.lang, answer.reason)


@_blocks.register
def _(answer: MeasuresAnswer, zone: ZoneInfo) -> list[Block]:
    lang = answer.lang
    if not answer.total:
        return [section(message("measures.none", lang))]
    if answer.count_only and answer.total > 10:
        return []
    lead = message("measures.lead", lang)
    lines = []
    for row in answer.rows:
        owners = [f"{escape(o.label)} ({lead})" for o in row.lead]
        owners += [escape(o.label) for o in row.others]
        named = shorten("; ".join(owners), 400) or message("owners.none", lang)
        lines.append(f"{_brief(row.measure)}\n_{named}_")
    if answer.more:
        lines.append(message("more", lang, count=answer.more))
    return line_sections(lines)


def help_blocks(lang: str, reason: HelpReason = HelpReason.ASKED) -> list[Block]:
    if reason is HelpReason.NO_PROGRAMME:
        return [section(message("help.no_programme", lang))]
    lead = {
        HelpReason.UNCLEAR: message("help.unclear", lang),
        HelpReason.EMPTY: message("help.empty", lang),
        HelpReason.TOO_LONG: message("help.too_long", lang, limit=MAX_QUESTION_LENGTH),
    }.get(reason)
    examples = HELP_EXAMPLES.get(lang, HELP_EXAMPLES["en"])
    lines = [lead] if lead else []
    lines.append(f"*{message('help.title', lang)}*")
    lines += [f"• `{MRKDWN.command} {example}`" for example in examples]
    lines.append(message("command.iam.usage", lang, cmd=MRKDWN.command))
    lines.append(message("command.report.help", lang, cmd=MRKDWN.command))
    lines.append(message("command.help", lang, cmd=MRKDWN.command))
    return line_sections(lines)


def _owners(m: MeasureOwners | MeasureView, lang: str) -> Block:
    return fields(
        (message("owners.lead", lang), _orgs(m.lead, lang)),
        (message("owners.others", lang), _orgs(m.others, lang)),
    )


def _orgs(orgs: Sequence[OrgRef], lang: str) -> str:
    uncertain = message("owners.uncertain", lang)
    labels = [f"{escape(o.label)}{f' _({uncertain})_' if o.uncertain else ''}" for o in orgs]
    return "\n".join(labels) or message("owners.none", lang)


def _titled_list(title: str, lines: list[str], lang: str) -> list[Block]:
    return _cut(lines, lang, title=f"*{escape(title)}*")


def _cut(
    lines: list[str], lang: str, example: str | None = None, title: str | None = None
) -> list[Block]:
    """The list as sections; beyond LIST_LIMIT lines, an "… and N more" line and what to ask."""
    heading = [title] if title else []
    hidden = len(lines) - LIST_LIMIT
    if hidden <= 0:
        return line_sections([*heading, *lines])
    note = message("more", lang, count=hidden)
    if example:
        note += " · " + escape(message("slack.more.ask", lang, example=example))
    return [*line_sections([*heading, *lines[:LIST_LIMIT]]), context(note)]


def _month_question(due: date | None, lang: str) -> str | None:
    if due is None:
        return None
    return message("slack.example.month", lang, month=due.month, year=due.year)


def _milestone(ms: MilestoneView, lang: str) -> str:
    when = ""
    if ms.due is not None:
        when = format_date(ms.due, lang)
        if ms.start is not None and ms.start != ms.due:
            when = f"{format_date(ms.start, lang)} – {when}"
    elif ms.start is not None:
        when = f"{format_date(ms.start, lang)} –"
    flag = " :warning:" if ms.overdue else ""
    kind = kind_label(ms.kind, lang)
    dated = f"*{when}* ({kind}){flag}: " if when else f"({kind}): "
    return dated + escape(shorten(ms.text, 200))


def _status(status: StatusView | None, lang: str, zone: ZoneInfo) -> str:
    if status is None:
        return message("measure.no_status", lang)
    when = status.at.astimezone(zone)
    who = escape(status.reporter_name or status.reporter)
    if status.organisation:
        who = f"{who} ({escape(status.organisation)})"
    stamp = f"{format_date(when.date(), lang)} {when:%H:%M}"
    note = f" – {escape(shorten(status.note, 500))}" if status.note else ""
    by = message("status.by", lang, who=who, when=stamp)
    return f"*{state_label(status.state, lang)}*{note} · {by}"


def _brief(brief: MeasureBrief) -> str:
    return f"*{brief.number}* {escape(shorten(brief.title, 150))}"
