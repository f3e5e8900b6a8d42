"""What a question asks for, read from its words in Finnish, Swedish or English (pure).

Questions are short and people do not write them the same way twice, so the reading is by
cue words and a few patterns, in a fixed order: help, overdue, a period, a measure number
(status, owners or the card), an explicit search, and finally "an organisation or a search",
which only the engine can settle because it needs the organisation names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from bot.answers import HelpReason
from data.schedule import parse_period

MAX_QUESTION_LENGTH = 1000
# No more of a question than this is ever normalised or matched: a longer one is too long
# whatever markup it holds, and the work stays bounded (NFKC alone can grow text 18-fold).
MAX_INSPECTED = 4 * MAX_QUESTION_LENGTH
DEFAULT_UPCOMING_DAYS = 30


class IntentKind(StrEnum):
    HELP = "help"
    OWNERS = "owners"
    MEASURE = "measure"
    STATUS = "status"
    SEARCH = "search"
    ORGANISATION_OR_SEARCH = "organisation_or_search"
    DUE_PERIOD = "due_period"
    DUE_UPCOMING = "due_upcoming"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class MeasureRef:
    number: str
    part: str | None
    written: str


@dataclass(frozen=True, slots=True)
class Intent:
    kind: IntentKind
    lang: str
    text: str = ""
    measure: MeasureRef | None = None
    start: date | None = None
    end: date | None = None
    help_reason: HelpReason | None = None


# "2.7", "2.7:stä", "4.3b", "2.6 a)", "toimenpide 8.1." but not dates such as 1.1.2019.
_MEASURE = re.compile(
    r"(?<![\w.,/])(?P<theme>[1-9]\d?)\.(?P<item>\d{1,2})(?!\.?\d|/)\.?"
    r"(?:\s?(?P<part>[a-h])(?:[.)]|(?![\wåäö])))?",
    re.IGNORECASE,
)
# Slack's <@U123>, <#C1|name>, <!here>: an entity never holds another "<".
_MARKUP = re.compile(r"<[@#!][^<>]*>")
_WORD = re.compile(r"[\wåäöÅÄÖ]+(?::[\wåäö]+)?")
_DAYS = re.compile(
    r"(?:next|coming|within|seuraavan|seuraavien|kommande|inom|närmaste)?\s*"
    r"(?P<days>\d{1,3})\s*(?:days?|päivän|päivää|päivässä|pv|dagar|dagarna|dygn)",
    re.IGNORECASE,
)

# A cue ending in "*" matches any word it begins (Finnish inflects); others match whole words.
_CUES: dict[str, tuple[str, ...]] = {
    "help": ("help", "ohje*", "apua", "apu", "hjälp", "commands", "komennot", "kommandon"),
    "overdue": (
        "overdue",
        "late",
        "myöhässä",
        "myöhästy*",
        "erääntyneet",
        "erääntynyt",
        "försen*",
        "förfallna",
        "missed",
    ),
    "due": (
        "due",
        "deadline*",
        "erääntyy",
        "erääntyv*",
        "määräai*",
        "määräaj*",
        "takaraj*",
        "valmistuu",
        "valmistuvat",
        "tulossa",
        "upcoming",
        "förfaller",
        "tidsfrist*",
    ),
    "status": ("status", "tilanne*", "tila", "läge", "läget", "progress", "etenee"),
    "owners": (
        "who",
        "whom",
        "owns",
        "owner*",
        "responsible",
        "lead",
        "leads",
        "kuka",
        "ketkä",
        "kenen",
        "vastaa*",
        "vastuu*",
        "vem",
        "vilka",
        "ansvar*",
    ),
    "search": ("search", "find", "etsi", "hae", "sök", "haku", "lookup"),
}

_LANGUAGE_WORDS: dict[str, frozenset[str]] = {
    "fi": frozenset(
        "kuka ketkä mitä mistä mikä missä vastaa vastuutaho toimenpide toimenpiteet etsi hae "
        "erääntyy myöhässä tilanne apua ohje ja on näytä syksyllä keväällä seuraavan päivän "
        "kenen tämän tänä ensi vuonna aikana määräaika mennessä".split()
    ),
    "sv": frozenset(
        "vem vad vilka ansvarar för sök förfaller försenade läge hjälp och är visa hösten "
        "våren åtgärd åtgärder inom dagar kommande nästa denna månad år vecka".split()
    ),
    "en": frozenset(
        "who what which owns own does search find due overdue status help the of show "
        "autumn spring next days in is measure measures this month year week".split()
    ),
}


def parse_question(question: str, *, lang: str | None, today: date, default_lang: str) -> Intent:
    text = clean(question[:MAX_INSPECTED])
    chosen = lang or detect_language(text) or default_lang
    if not text:
        return Intent(IntentKind.HELP, chosen, help_reason=HelpReason.EMPTY)
    if len(question) > MAX_INSPECTED or len(text) > MAX_QUESTION_LENGTH:
        return Intent(IntentKind.HELP, chosen, help_reason=HelpReason.TOO_LONG)
    words = [w.lower() for w in _WORD.findall(text)]
    measure = find_measure(text)
    if measure is None and _has(words, "help") and len(words) <= 4:
        return Intent(IntentKind.HELP, chosen, help_reason=HelpReason.ASKED)
    search = _after_search_cue(words)
    if search is not None:
        return Intent(IntentKind.SEARCH, chosen, search)
    if measure is None and _has(words, "overdue"):
        return Intent(IntentKind.OVERDUE, chosen, text)
    if measure is None:
        period = relative_period(text, today) or _explicit_period(text)
        if period is not None:
            return Intent(IntentKind.DUE_PERIOD, chosen, text, start=period[0], end=period[1])
        days = _DAYS.search(text)
        if days is not None and int(days["days"]) > 0:
            end = today + timedelta(days=int(days["days"]))
            return Intent(IntentKind.DUE_UPCOMING, chosen, text, start=today, end=end)
        if _has(words, "due"):
            end = today + timedelta(days=DEFAULT_UPCOMING_DAYS)
            return Intent(IntentKind.DUE_UPCOMING, chosen, text, start=today, end=end)
    if measure is not None:
        if _has(words, "status"):
            return Intent(IntentKind.STATUS, chosen, text, measure)
        if _has(words, "owners"):
            return Intent(IntentKind.OWNERS, chosen, text, measure)
        return Intent(IntentKind.MEASURE, chosen, text, measure)
    return Intent(IntentKind.ORGANISATION_OR_SEARCH, chosen, text)


def clean(question: str) -> str:
    """NFKC, no control characters, single spaces; Slack's <@U123> and <#C1|x> markup removed."""
    text = unicodedata.normalize("NFKC", question)
    # Not [^>]*: on "<@<@<@…" every "<" would scan to the end, quadratic in the length.
    text = _MARKUP.sub(" ", text)
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def detect_language(text: str) -> str | None:
    text = text[:MAX_INSPECTED]  # the Slack edge asks this of raw text before the engine does
    words = {w.lower() for w in _WORD.findall(text)}
    scores = {lang: len(words & vocabulary) for lang, vocabulary in _LANGUAGE_WORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] == 0 or list(scores.values()).count(scores[best]) > 1:
        return _by_letters(text)
    return best


def _by_letters(text: str) -> str | None:
    lowered = text.lower()
    if "å" in lowered:
        return "sv"
    if "ä" in lowered or "ö" in lowered:
        return "fi"
    return None


def find_measure(text: str) -> MeasureRef | None:
    match = _MEASURE.search(text)
    if match is None:
        return None
    number = f"{match['theme']}.{int(match['item'])}"
    part = match["part"].lower() if match["part"] else None
    return MeasureRef(number, part, match.group().strip())


def _has(words: list[str], cue: str) -> bool:
    for pattern in _CUES[cue]:
        if pattern.endswith("*"):
            if any(word.startswith(pattern[:-1]) for word in words):
                return True
        elif pattern in words:
            return True
    return False


def _after_search_cue(words: list[str]) -> str | None:
    """ "search cybercrime", "etsi hybridiuhat": the words after a leading search cue."""
    if len(words) > 1 and words[0] in _CUES["search"]:
        return " ".join(words[1:])
    return None


def _explicit_period(text: str) -> tuple[date, date] | None:
    period = parse_period(text)
    if period is None or period.start is None or period.due is None:
        return None
    return period.start, period.due


# Season words without a year mean the coming (or current) one.
_SEASONS: tuple[tuple[str, int, int], ...] = (
    (r"autumn|fall|syksy(?!\w*kuu)\w*|höst(?:en)?", 9, 11),
    (r"spring|kevä(?!\w*kuu)\w*|kevät\w*|vår(?:en)?", 3, 5),
    (r"summer|kesä(?!\w*kuu)\w*|sommar(?:en)?", 6, 8),
)
_THIS = r"(?:this|tänä|tämän|i|den här|denna|detta|nyt)"
_NEXT = r"(?:next|ensi|nästa|kommande|seuraava[n]?)"


def relative_period(text: str, today: date) -> tuple[date, date] | None:
    """Periods named relative to today: this autumn, ensi kuussa, nästa vecka, i år…"""
    lowered = text.lower()
    if re.search(r"\b(?:19|20)\d{2}\b", lowered):
        return None  # an explicit year is parse_period's job
    month_start = today.replace(day=1)
    week_start = today - timedelta(days=today.weekday())
    table: list[tuple[str, tuple[date, date]]] = [
        (rf"\b{_NEXT}\s+(?:month|kuu\w*|månad\w*)", _month(month_start + relativedelta(months=1))),
        (rf"\b(?:{_THIS}\s+(?:month|kuu\w*|månad\w*)|tässä kuussa)", _month(month_start)),
        (
            rf"\b{_NEXT}\s+(?:week|viiko\w*|viikk\w*|veck\w*)",
            _week(week_start + timedelta(weeks=1)),
        ),
        (rf"\b(?:{_THIS}\s+(?:week|veck\w*)|tällä viikolla)", _week(week_start)),
        (rf"\b{_NEXT}\s+(?:year|vuo\w*|år\w*)", _year(today.year + 1)),
        (rf"\b(?:{_THIS}\s+(?:year|vuonna|år)|tänä vuonna|i år)\b", _year(today.year)),
        (r"\b(?:today|tänään|idag|i dag)\b", (today, today)),
        (r"\b(?:tomorrow|huomenna|i morgon|imorgon)\b", (today + timedelta(days=1),) * 2),
    ]
    for pattern, period in table:
        if re.search(pattern, lowered):
            return period
    for pattern, first, last in _SEASONS:
        if re.search(rf"(?<![\wåäö])(?:{pattern})(?![\wåäö])", lowered):
            end = _month(date(today.year, last, 1))[1]
            year = today.year if today <= end else today.year + 1
            return date(year, first, 1), _month(date(year, last, 1))[1]
    return None


def _month(first: date) -> tuple[date, date]:
    return first, first + relativedelta(months=1, days=-1)


def _week(monday: date) -> tuple[date, date]:
    return monday, monday + timedelta(days=6)


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)
