"""What a question asks for, read from its words in Finnish, Swedish or English (pure).

A question is read as a :class:`Query`: what it wants back (owners, a measure, deadlines, a
count, a list) and the filters it names, all of which hold together: organisations (with their
role, or shared by several), measure numbers, themes, a period, overdue, a reported state,
continuous work, measures without a lead, and topic words for the search index. The reading is
by cue words and a few patterns; it forgives decimal commas (``2,7``), typos in the words it
knows (:mod:`bot.typos`, never in numbers), case and missing punctuation. Organisation names
come from a :class:`Vocabulary`, built once per programme revision.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from bot.answers import DueScope, HelpReason
from bot.orgmatch import OrgMatcher
from bot.typos import Corrector
from data.morphology import abbreviation
from data.schedule import parse_period
from data.wordlists import StopWords, load_stopwords

MAX_QUESTION_LENGTH = 1000
# No more of a question than this is ever normalised or matched: a longer one is too long
# whatever markup it holds, and the work stays bounded (NFKC alone can grow text 18-fold).
MAX_INSPECTED = 4 * MAX_QUESTION_LENGTH
DEFAULT_UPCOMING_DAYS = 30


class Ask(StrEnum):
    """What a question wants back."""

    HELP = "help"
    MEASURE = "measure"  # one measure's card
    STATUS = "status"
    OWNERS = "owners"
    NEXT_DUE = "next_due"  # a measure's next deadline
    DEADLINES = "deadlines"  # milestones in a period, upcoming or overdue
    MEASURES = "measures"  # the measures the filters leave
    COUNT = "count"
    SEARCH = "search"  # "etsi …": the words after it, searched as they are
    MORE = "more"  # the next page of the previous answer (a follow-up)


class FollowUp(StrEnum):
    """How a question leans on the previous one in its conversation."""

    AND = "and"  # "entä 2.8?", "and SM?": the same question about another subject
    ELSE = "else"  # "kuka muu?", "who else?"
    IT = "it"  # "milloin se erääntyy?", "when is it due?"
    MORE = "more"  # "näytä lisää", "more"


@dataclass(frozen=True, slots=True)
class MeasureRef:
    number: str
    part: str | None
    written: str


@dataclass(frozen=True, slots=True)
class Query:
    ask: Ask
    lang: str
    text: str = ""
    measures: tuple[MeasureRef, ...] = ()
    themes: tuple[int, ...] = ()
    organisations: tuple[str, ...] = ()  # keys, in the order named
    ambiguous: tuple[str, ...] = ()  # one name that fits several organisations equally
    shared: bool = False  # measures all the organisations share, not any of them
    lead_only: bool = False
    no_lead: bool = False
    scope: DueScope | None = None
    start: date | None = None
    end: date | None = None
    state: str | None = None
    continuous: bool = False
    topic: str = ""
    corrections: tuple[tuple[str, str], ...] = ()
    follow_up: FollowUp | None = None
    asked: bool = False  # the ask was named by a cue, not assumed
    help_reason: HelpReason | None = None
    page: int = 0

    @property
    def has_subject(self) -> bool:
        """Names what it is about (measures, organisations, a theme, a topic)."""
        return bool(self.measures or self.themes or self.organisations or self.topic)

    @property
    def has_filters(self) -> bool:
        return self.has_subject or bool(
            self.no_lead or self.scope or self.state or self.continuous or self.ambiguous
        )


class Vocabulary:
    """What the reading needs of a programme: its organisations and the words it knows.

    ``keep`` are words never corrected (the programme's own words, so a topic word is not
    taken for a near cue word); the corrector's targets are the question words and names. The
    corrector is built on the first word that needs it: most questions hold none, and a
    one-shot ``seuranta ask`` should not pay for it.
    """

    def __init__(
        self,
        matcher: OrgMatcher,
        *,
        org_words: Iterable[str] = (),
        keep: Iterable[str] = (),
        stopwords: StopWords | None = None,
    ) -> None:
        self.matcher = matcher
        words = (stopwords or load_stopwords()).words
        self._stop: frozenset[str] = frozenset().union(*words.values())
        self._targets = frozenset({*_KNOWN_WORDS, *self._stop, *(w.casefold() for w in org_words)})
        self._keep = frozenset(keep)
        self._corrector: Corrector | None = None
        self._lock = threading.Lock()

    def knows(self, word: str) -> bool:
        return word in self._targets or word in self._keep

    def is_stop(self, word: str) -> bool:
        return word in self._stop

    @property
    def corrector(self) -> Corrector:
        if self._corrector is None:
            with self._lock:
                if self._corrector is None:
                    meaning = {
                        word: next((cue for cue in _CUES if _is_cue(word, cue)), word)
                        for word in self._targets
                    }
                    self._corrector = Corrector(self._targets, keep=self._keep, meaning=meaning)
        return self._corrector


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
    "help": (
        "help",
        "ohje",
        "ohjeet",
        "ohjeita",
        "apua",
        "apu",
        "hjälp",
        "commands",
        "komennot",
        "kommandon",
    ),
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
        "kenen tämän tänä ensi vuonna aikana määräaika mennessä entä teema lisää muu milloin "
        "montako yhteiset yhteisiä jatkuvat".split()
    ),
    "sv": frozenset(
        "vem vad vilka ansvarar för sök förfaller försenade läge hjälp och är visa hösten "
        "våren åtgärd åtgärder inom dagar kommande nästa denna månad år vecka tema och mer fler "
        "när gemensamma hur många".split()
    ),
    "en": frozenset(
        "who what which owns own does search find due overdue status help the of show "
        "autumn spring next days in is measure measures this month year week and more themes "
        "theme else when how many shared".split()
    ),
}


# Further cues of the combined reading (same "*" convention as _CUES).
_MORE_CUES: dict[str, tuple[str, ...]] = {
    "count": ("montako", "monta", "many", "lukumäärä*", "count", "många", "antal*", "paljonko"),
    "when": ("milloin", "when", "när"),
    "next": ("seuraava*", "next", "nästa", "kommande", "upcoming", "tuleva*"),
    "shared": (
        "yhtei*", "yhdessä", "shared", "share", "joint*", "common", "together", "both",
        "kumpikin", "molem*", "gemensam*", "båda", "bägge", "tillsammans",
    ),
    "lead": (
        "lead", "leads", "leading", "päävastuu*", "päävastuullinen", "vetää", "vetämät",
        "johtaa", "huvudansvar*", "leder",
    ),
    "continuous": (
        "jatkuv*", "continuous*", "ongoing", "kontinuerlig*", "löpande", "fortlöpande",
        "fortgående",
    ),
    "measures": (
        "measure", "measures", "toimenpi*", "åtgärd*", "list", "lista*", "luettele", "listaa",
    ),
    "else": ("muu", "muut", "muita", "else", "other", "others", "mer", "annan", "andra"),
    "and": ("entä", "entäs", "and", "och", "what about", "how about", "mites", "hur med"),
    "it": (
        "se", "sen", "sitä", "sillä", "ne", "niiden", "niitä", "it", "its", "they", "them",
        "their", "den", "det", "dess", "de", "dem", "deras",
    ),
    "more": ("lisää", "more", "mer", "fler", "enemmän", "loput", "rest"),
}  # fmt: skip
_CUES.update(_MORE_CUES)

# Reported states, by the words people use for them.
_STATES: tuple[tuple[str, str], ...] = (
    ("done", r"valmi\w*|done|completed?|finished|klar\w*|slutförd\w*|färdig\w*|toteutettu\w*"),
    ("at_risk", r"at risk|riskissä|vaarassa|uhattuna|i riskzonen|risk för"),
    ("delayed", r"delayed|viivästy\w*"),  # "försenade" is overdue
    ("on_track", r"on track|aikataulussa|enligt plan|i fas|etenee suunnitellusti"),
    ("not_started", r"not started|aloittamat\w*|ei aloitettu|ei ole aloitettu|inte påbörjad\w*"),
)
_STATE_WORD = re.compile("|".join(pattern for _, pattern in _STATES))
_STATE_PHRASE = re.compile(rf"\b(?:{_STATE_WORD.pattern})\b", re.IGNORECASE)
_NO_LEAD = re.compile(
    r"\b(?:no|without|missing|lacks?|lacking)\s+(?:a\s+|any\s+)?(?:lead|owner)"
    r"|\b(?:ei|ilman|puuttuu)\s+(?:\w+\s+)?(?:pää)?vastuu\w*"
    r"|(?:pää)?vastuutaho\w*\s+(?:ei|puuttuu)\b"
    r"|\b(?:utan|ingen|saknar)\s+(?:en\s+)?(?:huvud)?ansvarig\w*",
    re.IGNORECASE,
)
_THEME = re.compile(
    r"\b(?:teem\w*|themes?|tem(?:a|at|an|ana|orna|ats)?)\s*(?:n:o\s*|nro\s*|no\.?\s*|#)?"
    r"(?P<numbers>\d{1,2}(?:\s*(?:,|&|ja|and|och|tai|or|eller)\s*\d{1,2})*)(?![\d.,]\d)"
    r"|\b(?P<before>\d{1,2})\.?\s*(?:teem\w*|theme|tema\w*)\b",
    re.IGNORECASE,
)
# "2,7", "4,3b", "kuka vastaa 2,7?": a decimal comma where a measure number is meant.
_DECIMAL_COMMA = re.compile(r"(?<![\w.,/])([1-9]\d?),(\d{1,2})(?![\d,]|\.\d)")
# Words that carry the question but no subject: they are never topic words.
_FILLER = frozenset(
    "pitää pitäisi täytyy tehdä tehtävä tekee tekemään tulee hoitaa hoitaa hoitavat "
    "tehtäväksi vuonna vuoden vuosi vuodelle kuussa kuun mennessä aikana aikataulu "
    "need needs must should do does did have has having done doing make get tell me give "
    "please about for year years month in by to due list show all any "
    "ska måste behöver göra gör har finns visa alla år året månad under till "
    "kaikki kaikkien näytä kerro anna listaa luettele ohjelmassa ohjelman ohjelma programme "
    "program programmet olemassa yhteensä total totalt sammanlagt".split()
)
# Words of period names (the period is read from the text, the words must not be a topic).
_PERIOD_WORD = re.compile(
    r"(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)\w*"
    r"|syksy\w*|kevä\w*|kesä\w*|talv\w*|ensi|tänä|tämän|tällä|viiko\w*|viikk\w*|kuu\w*"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|januari|februari|mars|maj|juni|juli|augusti|oktober"
    r"|autumn|fall|spring|summer|winter|höst\w*|vår\w*|sommar\w*|vinter\w*|week|weeks|vecka\w*"
    r"|month|months|månad\w*|today|tomorrow|tänään|huomenna|idag|morgon|päivä\w*|days?|dagar\w*"
    r"|this|next|nästa|denna|detta|quarter|kvartal\w*|neljännes\w*|loppuun|alku\w*|end|början"
    r"|puoli\w*|half|halvår\w*|alkaen|from|since|från",
)
# Question words people type that cues do not hold but corrections should aim at.
_EXTRA_WORDS = (
    "responsible owners owner which what measures measure overdue deadline deadlines theme "
    "toimenpide toimenpiteet toimenpiteen toimenpidettä vastuutaho vastuutahot vastuutahoa "
    "määräaika määräajat myöhässä erääntyy erääntyneet teema yhteiset yhteisiä jatkuvat "
    "åtgärd åtgärder ansvarar ansvariga försenade gemensamma förfaller ansvarig"
).split()
_KNOWN_WORDS = frozenset(
    {
        *(cue for cues in _CUES.values() for cue in cues if not cue.endswith("*")),
        *_EXTRA_WORDS,
    }
)


def parse_question(
    question: str,
    *,
    vocabulary: Vocabulary,
    lang: str | None,
    today: date,
    default_lang: str,
) -> Query:
    text = clean(question[:MAX_INSPECTED])
    chosen = lang or detect_language(text) or default_lang
    if not text:
        return Query(Ask.HELP, chosen, help_reason=HelpReason.EMPTY)
    if len(question) > MAX_INSPECTED or len(text) > MAX_QUESTION_LENGTH:
        return Query(Ask.HELP, chosen, help_reason=HelpReason.TOO_LONG)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text, corrections = _corrected(text, vocabulary)
    if lang is None and corrections:
        chosen = detect_language(text) or chosen
    words = [w.lower() for w in _WORD.findall(text)]
    measures = find_measures(text)
    if not measures and _has(words, "help") and len(words) <= 4:
        return Query(Ask.HELP, chosen, text, help_reason=HelpReason.ASKED)
    search = _after_search_cue(words)
    if search is not None:
        return Query(Ask.SEARCH, chosen, text, topic=search, asked=True)
    query = _filters(text, words, measures, vocabulary, chosen, today)
    return replace(query, corrections=corrections)


def _filters(
    text: str,
    words: list[str],
    measures: tuple[MeasureRef, ...],
    vocabulary: Vocabulary,
    lang: str,
    today: date,
) -> Query:
    # What remains once numbers and themes are read: periods and names are read from it.
    # "2.7:stä": the case ending goes with the number.
    rest = re.sub(r"(?<=\s):[^\W\d_]+", " ", _MEASURE.sub(" ", text))
    themes: list[int] = []
    for match in _THEME.finditer(rest):
        found = match["numbers"] or match["before"]
        themes += [int(n) for n in re.findall(r"\d{1,2}", found)]
    rest = _THEME.sub(" ", rest)
    lowered = rest.lower()
    no_lead = _NO_LEAD.search(rest) is not None
    scope: DueScope | None = None
    start = end = None
    if _has(words, "overdue"):
        scope = DueScope.OVERDUE
    else:
        period = relative_period(rest, today) or _explicit_period(rest)
        days = _DAYS.search(rest)
        if period is not None:
            scope, (start, end) = DueScope.PERIOD, period
        elif days is not None and int(days["days"]) > 0:
            scope, start, end = DueScope.UPCOMING, today, today + timedelta(int(days["days"]))
    state = next(
        (name for name, pattern in _STATES if re.search(rf"\b(?:{pattern})\b", lowered)), None
    )
    organisations: list[str] = []
    ambiguous: tuple[str, ...] = ()
    named: set[str] = set()
    for group in vocabulary.matcher.find_spans(rest):
        for written in _WORD.findall(group[0].matched):
            named.add(written.lower().split(":")[0])
        if len(group) > 1 and not ambiguous and not organisations:
            ambiguous = tuple(m.key for m in group)
        elif len(group) == 1 and group[0].key not in organisations:
            organisations.append(group[0].key)
    if organisations:
        ambiguous = ()
    topic = _topic(_STATE_PHRASE.sub(" ", rest), named, vocabulary)
    follow_up = _follow_up(words, lowered)
    query = Query(
        Ask.MEASURES,
        lang,
        text,
        measures=measures,
        themes=tuple(dict.fromkeys(themes)),
        organisations=tuple(organisations),
        ambiguous=ambiguous,
        shared=len(organisations) > 1 and _has(words, "shared"),
        lead_only=bool(organisations) and not no_lead and _has(words, "lead"),
        no_lead=no_lead,
        scope=scope,
        start=start,
        end=end,
        state=state,
        continuous=_has(words, "continuous"),
        topic=topic,
        follow_up=follow_up,
    )
    ask, asked = _ask(query, words)
    if ask is Ask.DEADLINES and scope is None:
        query = replace(
            query,
            scope=DueScope.UPCOMING,
            start=today,
            end=today + timedelta(days=DEFAULT_UPCOMING_DAYS),
        )
    return replace(query, ask=ask, asked=asked)


def _ask(query: Query, words: list[str]) -> tuple[Ask, bool]:
    """What the question wants back, and whether a cue said so."""
    if query.follow_up is FollowUp.MORE:
        return Ask.MORE, True
    if _has(words, "count"):
        return Ask.COUNT, True
    if query.measures:
        if _has(words, "status"):
            return Ask.STATUS, True
        if query.scope is DueScope.OVERDUE:
            return Ask.DEADLINES, True
        if _has(words, "due") or _has(words, "when"):
            return Ask.NEXT_DUE, True
        if _has(words, "owners"):
            return Ask.OWNERS, True
        return (Ask.MEASURE if len(query.measures) == 1 else Ask.MEASURES), False
    if query.scope is not None:
        return Ask.DEADLINES, True
    if _has(words, "due") or (_has(words, "when") and query.has_subject):
        return Ask.DEADLINES, True
    owners = _has(words, "owners") and not (words and words[0] in ("vilka", "which"))
    if owners and not query.organisations and not query.no_lead:
        return Ask.OWNERS, True
    if _has(words, "status") and not query.has_filters:
        return Ask.STATUS, True
    return Ask.MEASURES, _has(words, "measures")


def _follow_up(words: list[str], lowered: str) -> FollowUp | None:
    if not words:
        return None
    short = len(words) <= 3
    if short and _has(words, "else") and _has(words, "owners"):
        return FollowUp.ELSE  # "vem mer?" is who else, not more
    if short and _has(words, "more"):
        return FollowUp.MORE
    if words[0] in _CUES["and"] or re.match(
        r"\s*(?:what|how) about\b|hur (?:är det )?med", lowered
    ):
        return FollowUp.AND
    if short and _has(words, "else"):
        return FollowUp.ELSE
    if any(word in _CUES["it"] for word in words):
        return FollowUp.IT
    return None


def _topic(rest: str, named: set[str], vocabulary: Vocabulary) -> str:
    """The words left for the search index: not cues, stop words, names, periods or numbers."""
    kept = []
    for word in _WORD.findall(rest):
        folded = word.lower().split(":")[0]
        if (
            len(folded) < 3
            or not folded.isalpha()
            or folded in named
            or folded in _KNOWN_WORDS
            or folded in _FILLER
            or vocabulary.is_stop(folded)
            or _PERIOD_WORD.fullmatch(folded)
            or _STATE_WORD.fullmatch(folded)
            or any(_is_cue(folded, cue) for cue in _CUES)
        ):
            continue
        kept.append(word)
    return " ".join(kept)


def _is_cue(word: str, cue: str) -> bool:
    return any(
        word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern
        for pattern in _CUES[cue]
    )


def _corrected(text: str, vocabulary: Vocabulary) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The text with unknown words replaced by the one known word they are a typo of."""
    corrections: list[tuple[str, str]] = []

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        folded = word.casefold()
        if (
            abbreviation(word) is not None
            or vocabulary.knows(folded)
            or vocabulary.is_stop(folded)
            or folded in _FILLER
            or _PERIOD_WORD.fullmatch(folded)  # "month" is no typo of "monta"
            or any(_is_cue(folded, cue) for cue in _CUES)  # "erääntyvät" is a form of a cue
        ):
            return word
        better = vocabulary.corrector.correct(folded)
        if better is None:
            return word
        corrections.append((word, better))
        return better.upper() if word.isupper() and len(word) > 1 else better

    # Letters only: a token holding a digit (2.7, 4,3b, 2019) is never corrected.
    fixed = re.sub(r"(?<![\w:])[^\W\d_]{5,}(?![\w:])", fix, text)
    return fixed, tuple(corrections)


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


def find_measures(text: str) -> tuple[MeasureRef, ...]:
    """Every measure number in the text, once each, in the order written."""
    found: dict[tuple[str, str | None], MeasureRef] = {}
    for match in _MEASURE.finditer(text):
        number = f"{match['theme']}.{int(match['item'])}"
        part = match["part"].lower() if match["part"] else None
        found.setdefault((number, part), MeasureRef(number, part, match.group().strip()))
    return tuple(found.values())


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
