"""What a typed command asks for: a question, or one of the subcommands (pure).

The same words work on every platform: ``/seuranta status 2.7 at-risk`` in Slack is
``status 2.7 at-risk`` in a Teams chat. The text arrives as the plain words the person saw:
the adapter has undone its platform's escaping and markup and written each person mentioned as
their key (:mod:`seuranta.identity`) — Slack's ``<@U012AB3CD|anna>`` as ``U012AB3CD``, a Teams
mention as ``teams:<object id>`` — so a contact is named by identity, never by a display name
that anyone could change. ``names`` says how those people are called, so that a note or a
deadline's text that mentions someone keeps "@Anna Virtanen" rather than a key.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from bot.intents import MAX_INSPECTED
from data.models import State
from seuranta.errors import InputError
from seuranta.identity import PersonId
from seuranta.settings import LANGUAGES

# "status 2.7 at-risk …" reports; "status 2.7" or "status of 2.7" is a question.
_NUMBER = re.compile(r"^[1-9]\d?\.\d{1,2}[.:]?$")
_STATES = {
    alias: state
    for state, aliases in {
        State.ON_TRACK: ("on-track", "on_track", "ontrack", "ok"),
        State.AT_RISK: ("at-risk", "at_risk", "risk"),
        State.DELAYED: ("delayed", "late"),
        State.DONE: ("done", "ready", "valmis", "klar"),
        State.NOT_STARTED: ("not-started", "not_started"),
    }.items()
    for alias in aliases
}
# "deadline 2.7 …" is a command; "deadlines next month" stays a question.
_DEADLINE_VERBS = ("deadline", "deadlines", "määräaika", "määräajat", "tidsfrist", "tidsfrister")
_ROUND_VERBS = ("round", "rounds", "kierros", "omgång")
_UNTIL = ("until", "asti", "saakka", "till")
# The engine's help words, alone: the whole help, without asking the engine.
_HELP = frozenset({"help", "apua", "ohje", "ohjeet", "hjälp", "commands", "komennot", "kommandon"})
# A milestone's or a round's id, "#123": ASCII digits ("²" is a digit to str.isdigit()), and
# few enough for the database's integers.
_ID = re.compile(r"#?([0-9]{1,9})")
_QUOTES = "\"“”'"

NO_NAMES: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Ask:
    """A question for the answer engine."""

    question: str


@dataclass(frozen=True, slots=True)
class Help:
    """``help`` (``apua``, ``hjälp``): example questions and the subcommands."""

    word: str  # as typed: its language is the help's


@dataclass(frozen=True, slots=True)
class Iam:
    """``iam SUPO``: whom the person represents (their Home shows its measures)."""

    organisation: str


@dataclass(frozen=True, slots=True)
class AddContact:
    """``contact add SUPO @person`` (admins): ``person`` is a person key."""

    organisation: str
    person: str


@dataclass(frozen=True, slots=True)
class RemoveContact:
    """``contact remove SUPO @person`` (admins)."""

    organisation: str
    person: str


@dataclass(frozen=True, slots=True)
class ListContacts:
    """``contacts [SUPO]``: everyone's contacts, or one organisation's."""

    organisation: str | None


@dataclass(frozen=True, slots=True)
class Report:
    """``report [fi|sv|en]``: the follow-up table and the status chart as files."""

    lang: str | None


@dataclass(frozen=True, slots=True)
class ReportStatus:
    """``status 2.7 at-risk "note"``: a status report from anywhere."""

    number: str
    state: State
    note: str  # plain text, people named; the input policy is the handler's


@dataclass(frozen=True, slots=True)
class Pause:
    """``pause until 2027-01-07``: no reminders for this person before that day."""

    until: date


@dataclass(frozen=True, slots=True)
class StartRound:
    """``round start --due 2027-01-15 [--measures 2.*]`` (admins)."""

    due: date
    pattern: str = "*"


@dataclass(frozen=True, slots=True)
class RoundReport:
    """``round report [#N]``: how a round goes; without N, the newest."""

    round_id: int | None = None


@dataclass(frozen=True, slots=True)
class CloseRound:
    """``round close [#N]`` (admins): no more nudges; without N, the newest round."""

    round_id: int | None = None


@dataclass(frozen=True, slots=True)
class ListRounds:
    """``rounds``: every round with its progress."""


@dataclass(frozen=True, slots=True)
class ListDeadlines:
    """``deadline 2.7``: the measure's dated milestones, each with its id."""

    number: str


@dataclass(frozen=True, slots=True)
class AddDeadline:
    """``deadline 2.7 2027-03-31 text`` (the measure's contacts and admins)."""

    number: str
    due: date
    text: str  # plain text, people named, like ReportStatus.note


@dataclass(frozen=True, slots=True)
class MoveDeadline:
    """``deadline move #123 2027-04-30``: a milestone's new due date."""

    milestone_id: int
    due: date


@dataclass(frozen=True, slots=True)
class RemoveDeadline:
    """``deadline remove #123``: the milestone is marked removed, never deleted."""

    milestone_id: int


@dataclass(frozen=True, slots=True)
class ListFailures:
    """``failures`` (admins): the messages a platform refused for good."""


@dataclass(frozen=True, slots=True)
class Usage:
    """A subcommand written wrongly; ``message`` is the catalogue key that shows how."""

    message: str


Command = (
    Ask
    | Help
    | Iam
    | AddContact
    | RemoveContact
    | ListContacts
    | Report
    | ReportStatus
    | Pause
    | StartRound
    | RoundReport
    | CloseRound
    | ListRounds
    | ListDeadlines
    | AddDeadline
    | MoveDeadline
    | RemoveDeadline
    | ListFailures
    | Usage
)


def parse_command(text: str, names: Mapping[str, str] = NO_NAMES) -> Command:
    """``text``: what followed ``/seuranta`` (or the whole chat message), as plain words."""
    if len(text) > MAX_INSPECTED:
        return Ask(text)  # no command is this long; the engine answers "too long" unread
    words = text.split()
    verb = words[0].casefold() if words else ""
    rest = words[1:]
    if verb == "iam":
        return Iam(" ".join(rest)) if rest else Usage("command.iam.usage")
    if verb == "contacts":
        return ListContacts(" ".join(rest) or None)
    if verb == "contact":
        return _contact(rest)
    if verb == "status" and len(rest) >= 2 and _NUMBER.match(rest[0]):
        state = _STATES.get(rest[1].casefold())
        if state is None:
            return Usage("status.usage")
        return ReportStatus(rest[0].rstrip(".:"), state, _free_text(rest[2:], names))
    if verb == "pause":
        return _pause(rest)
    if verb in _ROUND_VERBS:
        return _round(rest)
    if verb in _DEADLINE_VERBS:
        deadline = _deadline(rest, names)
        if deadline is not None:
            return deadline
    if verb == "failures" and not rest:
        return ListFailures()
    if verb == "report" and len(rest) <= 1:
        lang = rest[0].casefold() if rest else None
        return Report(lang) if lang in (None, *LANGUAGES) else Usage("command.report.usage")
    if len(words) == 1 and verb.rstrip("?!") in _HELP:
        return Help(words[0])
    return Ask(text.strip())


def question_text(command: Command) -> str:
    """The words whose language the reply is in: a question's own. A subcommand's verbs are the
    same in every language and tell nothing, so its reply follows the person's language."""
    if isinstance(command, Ask):
        return command.question
    if isinstance(command, Help):
        return command.word
    return ""


def _contact(words: list[str]) -> Command:
    if len(words) < 3 or words[0].casefold() not in ("add", "remove"):
        return Usage("command.contact.usage")
    try:
        person = PersonId.parse(words[-1]).key
    except InputError:
        return Usage("command.contact.usage")  # a display name, or not a person at all
    organisation = " ".join(words[1:-1])
    if words[0].casefold() == "add":
        return AddContact(organisation, person)
    return RemoveContact(organisation, person)


def _pause(words: list[str]) -> Command:
    """``pause until 2027-01-07`` (``until``/``asti``/``till`` optional; ISO or 7.1.2027)."""
    if words and words[0].casefold() in _UNTIL:
        words = words[1:]
    if len(words) != 1:
        return Usage("command.pause.usage")
    day = parse_date(words[0])
    return Pause(day) if day else Usage("command.pause.usage")


def _deadline(words: list[str], names: Mapping[str, str]) -> Command | None:
    """``deadline 2.7 [DATE TEXT]``, ``deadline move ID DATE``, ``deadline remove ID``.

    None when the words are none of these, so that ``deadlines next month`` is still asked.
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
    text = _free_text(words[2:], names)
    if due is None or not text:
        return Usage("command.deadline.usage")
    return AddDeadline(number, due, text)


def _round(words: list[str]) -> Command:
    action = words[0].casefold() if words else "list"
    options = words[1:]
    if action == "start":
        return _start_round(options)
    if action not in ("report", "close", "list") or len(options) > 1:
        return Usage("round.usage")
    round_id: int | None = None
    if options:
        number = _ID.fullmatch(options[0])
        if number is None:
            return Usage("round.usage")
        round_id = int(number[1])
    if action == "report":
        return RoundReport(round_id)
    if action == "close":
        return CloseRound(round_id)
    return ListRounds()


def _start_round(words: list[str]) -> Command:
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


def _free_text(words: list[str], names: Mapping[str, str]) -> str:
    """A note or a deadline's text: the words, unquoted, each mentioned person by name."""
    text = " ".join(words).strip().strip(_QUOTES).strip()
    return named(text, names) if names else text


def named(text: str, names: Mapping[str, str]) -> str:
    """``text`` with each person key of ``names`` that stands as a word of its own written
    ``@`` and their name. Only keys the text holds are looked up: an adapter's ``names`` may
    ask its platform for a name on first use."""
    present = [key for key in names if key in text]
    if not present:
        return text
    # Longest first, so that no key is taken for the start of a longer one.
    alternatives = "|".join(re.escape(key) for key in sorted(present, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w:@])(?:{alternatives})(?![\w-])")
    return pattern.sub(lambda found: "@" + names[found[0]], text)


def parse_date(text: str) -> date | None:
    """ISO (2027-01-07) or Finnish (7.1.2027); None if it is neither."""
    try:
        if "." in text:
            day, month, year = (int(part) for part in text.strip(".").split("."))
            return date(year, month, day)
        return date.fromisoformat(text)
    except ValueError:
        return None
