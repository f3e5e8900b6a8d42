"""What ``/seuranta …`` asks for: a question, or one of the directory commands (pure).

With ``should_escape`` on in the manifest, Slack sends ``@person`` as ``<@U123|name>``, so a
contact is named by user id and never by a display name that someone could change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.slack.mrkdwn import unescape
from seuranta.settings import LANGUAGES

# "status 2.7 at-risk …" reports; "status 2.7" or "status of 2.7" is a question.
_NUMBER = re.compile(r"^[1-9]\d?\.\d{1,2}[.:]?$")
_STATES = {
    alias: state
    for state, aliases in {
        "on_track": ("on-track", "on_track", "ontrack", "ok"),
        "at_risk": ("at-risk", "at_risk", "risk"),
        "delayed": ("delayed", "late"),
        "done": ("done", "ready", "valmis", "klar"),
        "not_started": ("not-started", "not_started"),
    }.items()
    for alias in aliases
}
_USER = re.compile(r"^<@(?P<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>$|^(?P<raw>[UW][A-Z0-9]{2,})$")


@dataclass(frozen=True, slots=True)
class Ask:
    question: str


@dataclass(frozen=True, slots=True)
class Iam:
    organisation: str


@dataclass(frozen=True, slots=True)
class ChangeContact:
    add: bool
    organisation: str
    user_id: str


@dataclass(frozen=True, slots=True)
class ListContacts:
    organisation: str | None


@dataclass(frozen=True, slots=True)
class Report:
    """``/seuranta report [fi|sv|en]``: the follow-up table and the status chart as files."""

    lang: str | None


@dataclass(frozen=True, slots=True)
class ReportStatus:
    """``/seuranta status 2.7 at-risk "note"``: a status report from anywhere."""

    number: str
    state: str
    note: str


@dataclass(frozen=True, slots=True)
class Pause:
    """``/seuranta pause until 2027-01-07``: no reminders for this person before that day."""

    until: date


@dataclass(frozen=True, slots=True)
class Usage:
    """A directory command written wrongly; ``message`` is the i18n key that shows how."""

    message: str


Subcommand = Ask | Iam | ChangeContact | ListContacts | Report | ReportStatus | Pause | Usage


def parse_subcommand(text: str) -> Subcommand:
    words = text.split()
    verb = words[0].casefold() if words else ""
    rest = [unescape(w) for w in words[1:]]
    if verb == "iam":
        return Iam(" ".join(rest)) if rest else Usage("slack.iam.usage")
    if verb == "contacts":
        return ListContacts(" ".join(rest) or None)
    if verb == "contact":
        return _contact(words[1:])
    if verb == "status" and len(rest) >= 2 and _NUMBER.match(rest[0]):
        state = _STATES.get(rest[1].casefold())
        if state is None:
            return Usage("status.usage")
        note = " ".join(rest[2:]).strip().strip("\"“”'")
        return ReportStatus(rest[0].rstrip(".:"), state, note)
    if verb == "pause":
        return _pause(rest)
    if verb == "report" and len(rest) <= 1:
        lang = rest[0].casefold() if rest else None
        return Report(lang) if lang in (None, *LANGUAGES) else Usage("slack.report.usage")
    return Ask(unescape(text.strip()))


def _contact(words: list[str]) -> Subcommand:
    if len(words) < 3 or words[0].casefold() not in ("add", "remove"):
        return Usage("slack.contact.usage")
    user = _USER.match(words[-1])
    if user is None:
        return Usage("slack.contact.usage")
    organisation = unescape(" ".join(words[1:-1]))
    return ChangeContact(words[0].casefold() == "add", organisation, user["id"] or user["raw"])


def _pause(words: list[str]) -> Subcommand:
    """``pause until 2027-01-07`` (``until``/``asti``/``till`` optional; ISO or 7.1.2027)."""
    if words and words[0].casefold() in ("until", "asti", "saakka", "till"):
        words = words[1:]
    if len(words) != 1:
        return Usage("slack.pause.usage")
    text = words[0]
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.strip(".").split("."))
            return Pause(date(year, month, day))
        return Pause(date.fromisoformat(text))
    except ValueError:
        return Usage("slack.pause.usage")
