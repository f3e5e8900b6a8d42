"""Answers as plain text, for the command line and for notification fallbacks."""

from __future__ import annotations

from collections.abc import Iterable
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
    Reading,
    SearchAnswer,
    StatusAnswer,
    StatusView,
)
from bot.intents import MAX_QUESTION_LENGTH
from seuranta.i18n import HELP_EXAMPLES, format_date, kind_label, message, state_label
from seuranta.text import visible

HELSINKI = ZoneInfo("Europe/Helsinki")


def render_text(answer: Answer, zone: ZoneInfo = HELSINKI) -> str:
    lines = _render(answer, zone)
    if answer.reading is not None:
        lines = [reading_line(answer.reading, answer.lang), *lines]
    # A note stored before the input policy must not move a terminal's cursor or reorder text.
    return visible("\n".join(lines)).rstrip() + "\n"


def reading_line(reading: Reading, lang: str) -> str:
    """What the engine understood, one line: "OM · due in 2019 · 3 milestones"."""
    parts: list[str] = []
    if reading.follow_up:
        parts.append(message("reading.follow_up", lang))
    if reading.organisations:
        names = " + ".join(reading.organisations)
        parts.append(
            message("reading.shared" if reading.shared else "reading.any_of", lang, names=names)
        )
    if reading.lead_only:
        parts.append(message("reading.lead", lang))
    if reading.measures:
        parts.append(message("reading.measures", lang, numbers=", ".join(reading.measures)))
    if reading.themes:
        themes = ", ".join(str(t) for t in reading.themes)
        parts.append(message("reading.themes", lang, themes=themes))
    if reading.no_lead:
        parts.append(message("reading.no_lead", lang))
    if reading.continuous:
        parts.append(message("reading.continuous", lang))
    if reading.state:
        parts.append(message("reading.state", lang, state=state_label(reading.state, lang)))
    if reading.topic:
        parts.append(message("reading.topic", lang, topic=_shorten(reading.topic, 60)))
    if reading.scope is DueScope.OVERDUE:
        parts.append(message("reading.overdue", lang))
    elif reading.start is not None and reading.end is not None:
        whole_year = (reading.start.month, reading.start.day, reading.end.month, reading.end.day)
        if whole_year == (1, 1, 12, 31) and reading.start.year == reading.end.year:
            parts.append(message("reading.year", lang, year=reading.start.year))
        else:
            start, end = format_date(reading.start, lang), format_date(reading.end, lang)
            parts.append(message("reading.period", lang, start=start, end=end))
    if reading.asked:
        parts.append(message(f"reading.{reading.asked}", lang))
    if not parts:
        parts.append(message("reading.everything", lang))
    if reading.count is not None:
        key = "reading.measure_count" if reading.unit == "measures" else "due.count"
        parts.append(message(key, lang, count=reading.count))
    parts += [
        message("reading.corrected", lang, written=written, read=read)
        for written, read in reading.corrections
    ]
    return " · ".join(parts)


@singledispatch
def _render(answer: object, zone: ZoneInfo) -> list[str]:
    raise TypeError(f"no text rendering for {type(answer).__name__}")


@_render.register
def _(answer: OwnersAnswer, zone: ZoneInfo) -> list[str]:
    m = answer.measure
    lines = [message("owners.title", answer.lang, number=m.number), _shorten(m.title, 200), ""]
    lines += _owner_lines(m, answer.lang)
    return lines


@_render.register
def _(answer: MeasureAnswer, zone: ZoneInfo) -> list[str]:
    m, lang = answer.measure, answer.lang
    heading = message("measure.title", lang, number=m.number + (answer.part or ""))
    lines = [f"{heading} · {message('measure.theme', lang, theme=m.theme)}"]
    if m.parts:
        for label, text in m.parts:
            marker = "▶ " if label == answer.part else "  "
            lines.append(f"{marker}{label}) {text}")
    else:
        lines.append(m.title)
    lines += ["", *_owner_lines(m, lang)]
    if m.actions:
        lines += ["", message("measure.actions", lang) + ":"]
        lines += [f"  • {action}" for action in m.actions]
    lines += ["", message("measure.milestones", lang) + ":"]
    lines += [f"  • {_milestone(ms, lang)}" for ms in m.milestones] or ["  –"]
    lines += [
        "",
        message("measure.status", lang) + ":",
        "  " + _status_line(m.latest_status, lang, zone),
    ]
    return lines


@_render.register
def _(answer: OrganisationAnswer, zone: ZoneInfo) -> list[str]:
    lang, name = answer.lang, answer.organisation.label
    if not answer.lead and not answer.shared:
        return [message("org.nothing", lang, name=name)]
    lines = [message("org.title", lang, name=name)]
    for key, measures in (("org.lead", answer.lead), ("org.shared", answer.shared)):
        if measures:
            lines += ["", f"{message(key, lang)} ({len(measures)}):"]
            lines += [_brief(b) for b in measures]
    return lines


@_render.register
def _(answer: AmbiguousOrganisation, zone: ZoneInfo) -> list[str]:
    lines = [message("org.ambiguous", answer.lang, text=answer.text)]
    return lines + [f"  • {c.label}" for c in answer.candidates]


@_render.register
def _(answer: SearchAnswer, zone: ZoneInfo) -> list[str]:
    if not answer.hits:
        return [message("search.none", answer.lang, query=answer.query)]
    lines = [message("search.title", answer.lang, query=answer.query)]
    matched = message("search.matched", answer.lang)
    for hit in answer.hits:
        lines.append(f"{_brief(hit.measure)}  ({matched}: {', '.join(hit.matched)})")
    return lines


@_render.register
def _(answer: DeadlinesAnswer, zone: ZoneInfo) -> list[str]:
    lang = answer.lang
    if answer.scope is DueScope.OVERDUE:
        lines = [message("due.overdue", lang, today=format_date(answer.today, lang))]
        empty = "due.none_overdue"
    else:
        assert answer.start is not None
        assert answer.end is not None
        lines = [
            message(
                "due.period",
                lang,
                start=format_date(answer.start, lang),
                end=format_date(answer.end, lang),
            )
        ]
        empty = "due.none"
    if not answer.items:
        return [*lines, message(empty, lang)]
    lines[0] += f" · {message('due.count', lang, count=answer.total)}"
    for item in answer.items:
        state = f" [{state_label(item.state, lang)}]" if item.state else ""
        lines.append(f"  {item.measure.number:<6} {_milestone(item.milestone, lang)}{state}")
    if answer.more:
        lines.append("  " + message("more", lang, count=answer.more))
    return lines


@_render.register
def _(answer: MeasuresAnswer, zone: ZoneInfo) -> list[str]:
    lang = answer.lang
    if not answer.total:
        return [message("measures.none", lang)]
    if answer.count_only and answer.total > 10:
        return []  # the count is in the reading line; the list would drown it
    lines: list[str] = []
    for row in answer.rows:
        lines.append(_brief(row.measure))
        owners = [f"{o.label} ({message('measures.lead', lang)})" for o in row.lead]
        owners += [o.label for o in row.others]
        lines.append("         " + ("; ".join(owners) or message("owners.none", lang)))
    if answer.more:
        lines.append("  " + message("more", lang, count=answer.more))
    return lines


@_render.register
def _(answer: StatusAnswer, zone: ZoneInfo) -> list[str]:
    lang = answer.lang
    lines = [
        message("status.title", lang, number=answer.measure.number),
        _shorten(answer.measure.title, 200),
        "",
    ]
    lines.append(_status_line(answer.latest, lang, zone))
    if len(answer.history) > 1:
        lines += ["", message("status.history", lang) + ":"]
        lines += [f"  • {_status_line(s, lang, zone)}" for s in answer.history[1:]]
    return lines


@_render.register
def _(answer: NoSuchMeasure, zone: ZoneInfo) -> list[str]:
    lines = [message("nosuch.title", answer.lang, requested=answer.requested)]
    if answer.nearest:
        lines += [message("nosuch.nearest", answer.lang) + ":"] + [
            _brief(b) for b in answer.nearest
        ]
    return lines


@_render.register
def _(answer: HelpAnswer, zone: ZoneInfo) -> list[str]:
    lang = answer.lang
    lines: list[str] = []
    if answer.reason is HelpReason.NO_PROGRAMME:
        return [message("help.no_programme", lang)]
    if answer.suggestion:
        # Something was recognised: the nearest whole question, not the full help.
        return [message("help.recognised", lang), f"  • {message(answer.suggestion, lang)}"]
    if answer.reason is HelpReason.UNCLEAR:
        lines.append(message("help.unclear", lang))
    elif answer.reason is HelpReason.EMPTY:
        lines.append(message("help.empty", lang))
    elif answer.reason is HelpReason.TOO_LONG:
        lines.append(message("help.too_long", lang, limit=MAX_QUESTION_LENGTH))
    lines.append(message("help.title", lang))
    return lines + [f"  • {example}" for example in HELP_EXAMPLES.get(lang, HELP_EXAMPLES["en"])]


def _owner_lines(m: MeasureOwners | MeasureView, lang: str) -> list[str]:
    return [
        f"{message('owners.lead', lang)}: {_orgs(m.lead, lang)}",
        f"{message('owners.others', lang)}: {_orgs(m.others, lang)}",
    ]


def _orgs(orgs: Iterable[OrgRef], lang: str) -> str:
    labels = [
        o.label + (f" ({message('owners.uncertain', lang)})" if o.uncertain else "") for o in orgs
    ]
    return "; ".join(labels) or message("owners.none", lang)


def _milestone(ms: MilestoneView, lang: str) -> str:
    when = ""
    if ms.due is not None:
        when = format_date(ms.due, lang)
        if ms.start is not None and ms.start != ms.due:
            when = f"{format_date(ms.start, lang)} – {when}"
    elif ms.start is not None:
        when = f"{format_date(ms.start, lang)} –"
    flag = " ⚠" if ms.overdue else ""
    dated = (
        f"{when} ({kind_label(ms.kind, lang)}){flag}: "
        if when
        else f"({kind_label(ms.kind, lang)}): "
    )
    return dated + _shorten(ms.text, 160)


def _status_line(status: StatusView | None, lang: str, zone: ZoneInfo) -> str:
    if status is None:
        return message("measure.no_status", lang)
    when = status.at.astimezone(zone)
    who = status.reporter_name or status.reporter
    if status.organisation:
        who = f"{who} ({status.organisation})"
    stamp = f"{format_date(when.date(), lang)} {when:%H:%M}"
    note = f" – {status.note}" if status.note else ""
    by = message("status.by", lang, who=who, when=stamp)
    return f"{state_label(status.state, lang)}{note} · {by}"


def _brief(brief: MeasureBrief) -> str:
    return f"  {brief.number:<6} {_shorten(brief.title, 110)}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
