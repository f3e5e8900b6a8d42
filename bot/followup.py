"""A follow-up question read in the context of the previous answer (pure).

The context is the previous :class:`~bot.intents.Query` and the measures its answer showed,
as JSON (:mod:`data.conversations` stores it). "entä 2.8?" asks the previous question of a new
subject; "kuka muu?" asks for all owners of what was shown; "milloin se erääntyy?" asks a new
question of the same subject; "näytä lisää" shows the next page.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date
from typing import Any

from bot.answers import DueScope
from bot.intents import Ask, FollowUp, MeasureRef, Query

# A follow-up about "it" means what was shown, if that was a handful of measures.
MAX_REFERRED = 10
_SUBJECT = ("measures", "themes", "organisations", "topic", "ambiguous")
_FILTERS = ("shared", "lead_only", "no_lead", "state", "continuous")
_PERIOD = ("scope", "start", "end")
# Questions that mean nothing without a subject: asked alone ("status?", "who owns it?"), they
# are asked of what the previous answer showed. Any other question stands on its own.
NEEDS_SUBJECT = frozenset({Ask.MEASURE, Ask.STATUS, Ask.OWNERS, Ask.NEXT_DUE})


def context_of(query: Query, shown: tuple[str, ...]) -> dict[str, Any]:
    """What a follow-up needs of a question and its answer, as JSON."""
    data: dict[str, Any] = {}
    for f in fields(Query):
        value = getattr(query, f.name)
        if f.name in ("text", "corrections", "follow_up", "help_reason"):
            continue
        if f.name == "measures":
            value = [[m.number, m.part, m.written] for m in value]
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        data[f.name] = value
    data["shown"] = list(shown[: MAX_REFERRED + 1])  # one more than referred: "too many"
    return data


def _query_of(data: dict[str, Any]) -> tuple[Query, tuple[str, ...]]:
    values: dict[str, Any] = {}
    for f in fields(Query):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "measures":
            value = tuple(MeasureRef(str(n), p, str(w)) for n, p, w in value)
        elif f.name in ("start", "end") and value:
            value = date.fromisoformat(value)
        elif f.name == "ask":
            value = Ask(value)
        elif f.name == "scope" and value:
            value = DueScope(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return Query(**values), tuple(data.get("shown", ()))


def continue_from(context: dict[str, Any], current: Query) -> Query:
    """The question as it is meant after the previous one; unchanged if it stands alone."""
    try:
        previous, shown = _query_of(context)
    except (TypeError, ValueError, KeyError):
        return current  # a context written by another version: start afresh
    kind = current.follow_up
    if kind is FollowUp.MORE or current.ask is Ask.MORE:
        return replace(previous, page=previous.page + 1, lang=current.lang, follow_up=kind)
    if kind is FollowUp.AND and current.has_filters:
        # The previous question with the new subject (or filter) in place of the old one.
        changed = {
            name: getattr(current, name)
            for name in (*_SUBJECT, *_FILTERS, *_PERIOD)
            if getattr(current, name)
        }
        if current.has_subject:
            for name in _SUBJECT:
                changed.setdefault(name, type(getattr(previous, name))())
        ask = current.ask if current.asked else previous.ask
        if ask is Ask.MEASURE and len(changed.get("measures", ())) > 1:
            ask = Ask.MEASURES
        return replace(previous, **changed, ask=ask, lang=current.lang, page=0, follow_up=kind)
    if current.has_subject or current.ask is Ask.HELP:
        return current
    if kind is None and (not current.asked or current.ask not in NEEDS_SUBJECT):
        return current  # "overdue", "montako toimenpidettä?": whole questions on their own
    # "who else?", "when is it due?", "status?": the new question of what was shown.
    referred = shown if 0 < len(shown) <= MAX_REFERRED else ()
    if referred:
        subject: dict[str, Any] = {
            "measures": tuple(MeasureRef(n, None, n) for n in referred),
            "themes": (),
            "organisations": (),
            "topic": "",
        }
    else:
        subject = {name: getattr(previous, name) for name in _SUBJECT}
    ask = Ask.OWNERS if kind is FollowUp.ELSE else current.ask
    if ask is Ask.DEADLINES and subject.get("measures") and current.scope is DueScope.UPCOMING:
        # "milloin se erääntyy?": its next deadline, not whatever falls in the next 30 days.
        return replace(
            current,
            **subject,
            ask=Ask.NEXT_DUE,
            scope=None,
            start=None,
            end=None,
            follow_up=kind or FollowUp.IT,
        )
    if ask is Ask.MEASURES and len(subject.get("measures", ())) == 1:
        ask = Ask.MEASURE
    return replace(current, **subject, ask=ask, follow_up=kind or FollowUp.IT)
