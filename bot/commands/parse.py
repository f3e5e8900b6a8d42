"""What ``/seuranta …`` asks for: a question, or one of the directory commands (pure).

With ``should_escape`` on in the manifest, Slack sends ``@person`` as ``<@U123|name>``, so a
contact is named by user id and never by a display name that someone could change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.intents import MAX_INSPECTED
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
# "deadline 2.7 …" is a command; "deadlines next month" stays a question.
_DEADLINE_VERBS = ("deadline", "deadlines", "määräaika", "määräajat", "tidsfrist", "tidsfrister")
# A milestone's or a round's id, "#123": ASCII digits ("²" is a digit to str.isdigit()), and
# few enough for the database's integers.
_ID = re.compile(r"#?([0-9]{1,9})")


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
    """``/seuranta status 2.7 at-risk "note"``: a status report from anywhere.

    The note is as Slack sent it (escaped, with its markup): naming the people it mentions needs
    the directory, so :mod:`bot.slack.user_text` makes it plain text at the edge.
    """

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
class ListDeadlines:
    """``/seuranta deadline 2.7``: the measure's dated milestones, each with its id."""

    number: str


@dataclass(frozen=True, slots=True)
class AddDeadline:
    """``/seuranta deadline 2.7 2027-03-31 text`` (the measure's contacts and admins).

    The text is as Slack sent it, like :attr:`ReportStatus.note`.
    """

    number: str
    due: date
    text: str


@dataclass(frozen=True, slots=True)
class MoveDeadline:
    """``/seuranta deadline move #123 2027-04-30``: a milestone's new due date."""

    milestone_id: int
    due: date


@dataclass(frozen=True, slots=True)
class RemoveDeadline:
    """``/seuranta deadline remove #123``: the milestone is marked removed, never deleted."""

    milestone_id: int


@dataclass(frozen=True, slots=True)
class ListFailures:
    """``/seuranta failures`` (admins): the reminders Slack refused for good."""


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
    | ListDeadlines
    | AddDeadline
    | MoveDeadline
    | RemoveDeadline
    | ListFailures
    | Usage
)


def parse_subcommand(text: str) -> Subcommand:
    if len(text) > MAX_INSPECTED:
        return Ask(text)  # no command is this long; the engine answers "too long" unread
    words = text.split()
    verb = words[0].casefold() if words else ""
    rest = [unescape(w) for w in words[1:]]
    if verb == "iam":
        return Iam(" ".join(rest)) if rest else Usage("command.iam.usage")
    if verb == "contacts":
        return ListContacts(" ".join(rest) or None)
    if verb == "contact":
        return _contact(words[1:])
    if verb == "status" and len(rest) >= 2 and _NUMBER.match(rest[0]):
        state = _STATES.get(rest[1].casefold())
        if state is None:
            return Usage("status.usage")
        note = " ".join(words[3:]).strip().strip("\"“”'")
        return ReportStatus(rest[0].rstrip(".:"), state, note)
    if verb == "pause":
        return _pause(rest)
    if verb in ("round", "rounds", "kierros", "omgång"):
        return _round(rest)
    if verb in _DEADLINE_VERBS:
        deadline = _deadline(words[1:])
        if deadline is not None:
            return deadline
    if verb == "failures" and not rest:
        return ListFailures()
    if verb == "report" and len(rest) <= 1:
        lang = rest[0].casefold() if rest else None
        return Report(lang) if lang in (None, *LANGUAGES) else Usage("command.report.usage")
    return Ask(unescape(text.strip()))


def _contact(words: list[str]) -> Subcommand:
    if len(words) < 3 or words[0].casefold() not in ("add", "remove"):
        return Usage("command.contact.usage")
    user = _USER.match(words[-1])
    if user is None:
        return Usage("command.contact.usage")
    organisation = unescape(" ".join(words[1:-1]))
    return ChangeContact(words[0].casefold() == "add", organisation, user["id"] or user["raw"])


def _pause(words: list[str]) -> Subcommand:
    """``pause until 2027-01-07`` (``until``/``asti``/``till`` optional; ISO or 7.1.2027)."""
    if words and words[0].casefold() in ("until", "asti", "saakka", "till"):
        words = words[1:]
    if len(words) != 1:
        return Usage("command.pause.usage")
    day = parse_date(words[0])
    return Pause(day) if day else Usage("command.pause.usage")


def _deadline(words: list[str]) -> Subcommand | None:
    """``deadline 2.7 [DATE TEXT]``, ``deadline move ID DATE``, ``deadline remove ID``.

    ``words`` as Slack sent them (numbers, dates and ids hold nothing Slack escapes). None when
    the words are none of these, so that ``deadlines next month`` is still asked.
    """
    first = words[0].casefold() if words else ""
    if first in ("move", "remove"):
        milestone = _ID.fullmatch(words[1]) if len(words) > 1 else None
        if milestone is None:
            return Usage("command.deadline.usage")
        if first == "remove" and len(words) == 2:
            return RemoveDeadline(int(milestone[1]))
        due = parse_date(words[2]) if first == "move" and len(words) == 3 else None
        return MoveDeadline(int(milestone[1]), due) if due else Usage("command.deadline.usage")
    if not _NUMBER.match(first):
        return None
    number = first.rstrip(".:")
    if len(words) == 1:
        return ListDeadlines(number)
    due = parse_date(words[1])
    text = " ".join(words[2:]).strip().strip("\"“”'").strip()
    if due is None or not text:
        return Usage("command.deadline.usage")
    return AddDeadline(number, due, text)


def _round(words: list[str]) -> Subcommand:
    action = words[0].casefold() if words else "list"
    options = words[1:]
    if action == "start":
        return _start_round(options)
    if action in ("report", "close", "list") and len(options) <= 1:
        if not options:
            return RoundCommand(action)
        number = _ID.fullmatch(options[0])
        return RoundCommand(action, int(number[1])) if number else Usage("round.usage")
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
