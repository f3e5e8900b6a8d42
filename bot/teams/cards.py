"""Answers as Teams messages: an Adaptive Card (schema 1.5) where one helps, plain text otherwise.

Cards for what has structure: owners, a measure, an organisation's measures, search results,
deadlines and status. Short answers (did you mean, no such measure, help, an empty list) are the
plain-text rendering (:mod:`bot.render.text`), sent with ``textFormat: plain``.

Safe text by construction: every piece of text on a card is a ``TextRun`` in a
``RichTextBlock``. Adaptive Cards read a ``TextBlock``'s (and a ``Fact``'s) text as markdown, so
a status note ``**[log in](https://evil.example)**`` would become a link there; a ``TextRun`` is
never read as markdown, so what a person typed is shown as typed, and there is nothing to escape
(and no escaping for Teams to get wrong). Bold and colour come from the runs' own properties.

The wording is the catalogue's (:mod:`seuranta.i18n`) and the text renderer's, so a card says what
``seuranta ask`` says.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import singledispatch
from zoneinfo import ZoneInfo

from microsoft_teams.api.activities import MessageActivityInput
from microsoft_teams.cards import AdaptiveCard, CardElement, Container, RichTextBlock, TextRun

from bot.answers import (
    Answer,
    DeadlinesAnswer,
    DueScope,
    MeasureAnswer,
    MeasureBrief,
    MeasureOwners,
    MeasuresAnswer,
    MeasureView,
    OrganisationAnswer,
    OwnersAnswer,
    SearchAnswer,
    StatusAnswer,
)
from bot.render.text import (
    _milestone,
    _orgs,
    _shorten,
    _status_line,
    reading_line,
    render_text,
)
from seuranta.i18n import format_date, message, state_label

# Lines shown of one list before "… and N more"; as many as Slack shows, and a card this long
# stays well inside Teams' message size limit (about 28 kB).
LIST_LIMIT = 30
TITLE_LIMIT = 600
LINE_LIMIT = 300


def render_answer(answer: Answer, zone: ZoneInfo) -> MessageActivityInput:
    body = _card_body(answer, zone)
    if body is None:
        return MessageActivityInput(text=render_text(answer, zone).rstrip(), text_format="plain")
    if answer.reading is not None:
        # What the question was read as, under the title as in Slack, so a misreading shows; a
        # list of measures has no title but that.
        understood = reading_line(answer.reading, answer.lang)
        if isinstance(answer, MeasuresAnswer):
            body = [_heading(understood), *body]
        else:
            body = [body[0], _line(_run(understood, subtle=True)), *body[1:]]
    # No card-level "lang": Teams uses it only for DATE()/TIME(), which we do not use, and
    # adaptivecards 3.0.6 checks it with a /g regex that fails every other valid value.
    return MessageActivityInput().add_card(AdaptiveCard(body=body))


@singledispatch
def _card_body(answer: object, zone: ZoneInfo) -> list[CardElement] | None:
    """A card's body, or None where plain text says it better."""
    return None


@_card_body.register
def _(answer: OwnersAnswer, zone: ZoneInfo) -> list[CardElement]:
    m = answer.measure
    return [
        _heading(message("owners.title", answer.lang, number=m.number)),
        _line(_run(_shorten(m.title, TITLE_LIMIT))),
        *_owners(m, answer.lang),
    ]


@_card_body.register
def _(answer: MeasureAnswer, zone: ZoneInfo) -> list[CardElement]:
    m, lang = answer.measure, answer.lang
    title = message("measure.title", lang, number=m.number + (answer.part or ""))
    body: list[CardElement] = [
        _heading(f"{title} · {message('measure.theme', lang, theme=m.theme)}")
    ]
    if m.parts:
        body += [
            _line(_run(f"{label}) ", bold=True), _run(text, bold=label == answer.part))
            for label, text in m.parts
        ]
    else:
        body.append(_line(_run(m.title)))
    body += _owners(m, lang)
    if m.actions:
        actions = [[_run(f"• {_shorten(action, LINE_LIMIT)}")] for action in m.actions]
        body.append(_list(message("measure.actions", lang), actions, lang))
    milestones = [
        [_run(f"• {_milestone(ms, lang)}", attention=ms.overdue)] for ms in m.milestones
    ] or [[_run("–")]]
    body.append(_list(message("measure.milestones", lang), milestones, lang))
    status = _status_line(m.latest_status, lang, zone)
    body.append(_line(_run(f"{message('measure.status', lang)}: ", bold=True), _run(status)))
    return body


@_card_body.register
def _(answer: OrganisationAnswer, zone: ZoneInfo) -> list[CardElement] | None:
    lang = answer.lang
    if not answer.lead and not answer.shared:
        return None
    body: list[CardElement] = [_heading(message("org.title", lang, name=answer.organisation.label))]
    for key, measures in (("org.lead", answer.lead), ("org.shared", answer.shared)):
        if measures:
            title = f"{message(key, lang)} ({len(measures)})"
            body.append(_list(title, [_brief(b) for b in measures], lang))
    return body


@_card_body.register
def _(answer: MeasuresAnswer, zone: ZoneInfo) -> list[CardElement] | None:
    lang = answer.lang
    if not answer.total:
        return None
    if answer.count_only and answer.total > 10:
        return []  # the count is in the title; the list would drown it
    lead = message("measures.lead", lang)
    lines = []
    for row in answer.rows:
        owners = [f"{o.label} ({lead})" for o in row.lead] + [o.label for o in row.others]
        named = _shorten("; ".join(owners), LINE_LIMIT) or message("owners.none", lang)
        lines.append([*_brief(row.measure), _run(f"  · {named}", subtle=True)])
    hidden = answer.more + max(0, len(lines) - LIST_LIMIT)
    return _lines(lines, lang, hidden=hidden)


@_card_body.register
def _(answer: SearchAnswer, zone: ZoneInfo) -> list[CardElement] | None:
    lang = answer.lang
    if not answer.hits:
        return None
    matched = message("search.matched", lang)
    lines = [
        [*_brief(hit.measure), _run(f"  ({matched}: {', '.join(hit.matched)})", subtle=True)]
        for hit in answer.hits
    ]
    return [_heading(message("search.title", lang, query=answer.query)), *_lines(lines, lang)]


@_card_body.register
def _(answer: DeadlinesAnswer, zone: ZoneInfo) -> list[CardElement] | None:
    lang = answer.lang
    if not answer.items:
        return None
    if answer.scope is DueScope.OVERDUE:
        title = message("due.overdue", lang, today=format_date(answer.today, lang))
    else:
        assert answer.start is not None
        assert answer.end is not None
        start, end = format_date(answer.start, lang), format_date(answer.end, lang)
        title = message("due.period", lang, start=start, end=end)
    lines = [
        [
            _run(f"{item.measure.number} ", bold=True),
            _run(_milestone(item.milestone, lang), attention=item.milestone.overdue),
            *([_run(f" · {state_label(item.state, lang)}", italic=True)] if item.state else []),
        ]
        for item in answer.items
    ]
    hidden = answer.items[LIST_LIMIT:]
    example = _month_question(hidden[0].milestone.due, lang) if hidden else None
    return [
        _heading(title),
        _line(_run(message("due.count", lang, count=answer.total), subtle=True)),
        *_lines(
            lines, lang, hidden=answer.total - min(len(answer.items), LIST_LIMIT), example=example
        ),
    ]


@_card_body.register
def _(answer: StatusAnswer, zone: ZoneInfo) -> list[CardElement]:
    lang = answer.lang
    body: list[CardElement] = [
        _heading(message("status.title", lang, number=answer.measure.number)),
        _line(_run(_shorten(answer.measure.title, TITLE_LIMIT))),
        _line(_run(_status_line(answer.latest, lang, zone))),
    ]
    if len(answer.history) > 1:
        earlier = [[_run(f"• {_status_line(s, lang, zone)}")] for s in answer.history[1:]]
        body.append(_list(message("status.history", lang), earlier, lang))
    return body


# --- building blocks ---------------------------------------------------------------------------


def _run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    subtle: bool = False,
    attention: bool = False,
) -> TextRun:
    """Text shown exactly as given: Adaptive Cards never read a TextRun as markdown."""
    return TextRun(
        text=text,
        weight="Bolder" if bold else None,
        italic=italic or None,
        is_subtle=subtle or None,
        color="Attention" if attention else None,
    )


def _line(*runs: TextRun) -> RichTextBlock:
    inlines: list[CardElement] = list(runs)
    return RichTextBlock(inlines=inlines)


def _heading(text: str) -> RichTextBlock:
    return _line(TextRun(text=text, size="Medium", weight="Bolder"))


def _owners(m: MeasureOwners | MeasureView, lang: str) -> list[CardElement]:
    return [
        _line(_run(f"{message('owners.lead', lang)}: ", bold=True), _run(_orgs(m.lead, lang))),
        _line(_run(f"{message('owners.others', lang)}: ", bold=True), _run(_orgs(m.others, lang))),
    ]


def _brief(brief: MeasureBrief) -> list[TextRun]:
    return [_run(f"{brief.number} ", bold=True), _run(_shorten(brief.title, 150))]


def _list(title: str, lines: Sequence[Sequence[TextRun]], lang: str) -> Container:
    """A titled list in a container of its own (Teams leaves space above it)."""
    items: list[CardElement] = [_line(_run(title, bold=True)), *_lines(lines, lang)]
    return Container(items=items, spacing="Medium")


def _lines(
    lines: Sequence[Sequence[TextRun]],
    lang: str,
    *,
    hidden: int | None = None,
    example: str | None = None,
) -> list[CardElement]:
    """One block per line, cut after LIST_LIMIT with "… and N more" (and what to ask instead)."""
    shown: list[CardElement] = [_line(*runs) for runs in lines[:LIST_LIMIT]]
    hidden = max(0, len(lines) - LIST_LIMIT) if hidden is None else hidden
    if hidden <= 0:
        return shown
    note = message("more", lang, count=hidden)
    if example:
        note += " · " + message("slack.more.ask", lang, example=example)
    return [*shown, _line(_run(note, subtle=True))]


def _month_question(due: date | None, lang: str) -> str | None:
    if due is None:
        return None
    return message("slack.example.month", lang, month=due.month, year=due.year)
