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
class StartRound:
    """``/seuranta round start --due 2027-01-15 [--measures 2.*]`` (admins)."""

    due: date
    pattern: str = "*"


@dataclass(frozen=True, slots=True)
class RoundCommand:
    """``round report [#N]``, ``round close [#N]``, ``rounds``: without N, the newest round."""

    action: str  # "report", "close" or "list"
    round_id: int | None = None


@dataclass(frozen=True, slots=True)
class Usage:
    """A directory command written wrongly; ``message`` is the i18n key that shows how."""

    message: str


Subcommand = (
    Ask
    | Iam
    | ChangeContact
    | ListContacts
    | Report
    | ReportStatus
    | Pause
    | StartRound
    | RoundCommand
    | Usage
)


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
    if verb in ("round", "rounds", "kierros", "omgång"):
        return _round(rest)
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
    day = parse_date(words[0])
    return Pause(day) if day else Usage("slack.pause.usage")


def _round(words: list[str]) -> Subcommand:
    action = words[0].casefold() if words else "list"
    options = words[1:]
    if action == "start":
        return _start_round(options)
    if action in ("report", "close", "list") and len(options) <= 1:
        if not options:
            return RoundCommand(action)
        number = options[0].lstrip("#")
        return RoundCommand(action, int(number)) if number.isdigit() else Usage("round.usage")
    return Usage("round.usage")


def _start_round(words: list[str]) -> Subcommand:
    """``start --due DATE [--measures PATTERN]``; the flags may be left out: ``start DATE 2.*``."""
    due: date | None = None
    pattern = "*"
    positional = []
    pairs = iter(words)
    for word in pairs:
        flag = word.casefold()
        if flag in ("--due", "--measures"):
            value = next(pairs, "")
            if flag == "--due":
                due = parse_date(value)
            else:
                pattern = value
        else:
            positional.append(word)
    if due is None and positional:
        due = parse_date(positional.pop(0))
    if positional:
        pattern = ",".join(positional)
    if due is None or not pattern:
        return Usage("round.usage")
    return StartRound(due, pattern)


def parse_date(text: str) -> date | None:
    """ISO (2027-01-07) or Finnish (7.1.2027); None if it is neither."""
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.strip(".").split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None
