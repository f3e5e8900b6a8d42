"""Find which organisation a question names: "mistä SUPO vastaa?", "Tullille", "KRP:n",
"what does the Ministry of Justice own?", "vad ansvarar Migrationsverket för?".

Pure and database-free. `OrgMatcher` compiles every name into a token trie once; `find` then
walks the question's tokens with a few dictionary look-ups each, so its cost does not grow with
the number of organisations. Finnish inflection is handled by generating, per name, the stems
its last word takes (with consonant gradation) and stripping case endings from the question's
words, rather than listing inflected forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from data.glossary import OrganisationEntry
from data.morphology import GRADATION

EXACT = 1.0
INFLECTED = 0.9

# Dropped from names and questions alike, so "ministry of interior" is "Ministry of the Interior".
_IGNORED = frozenset({"the"})

# A word, then an ending after a colon or apostrophe: "KRP:n", "ETNO:s", "Minister's".
_TOKEN = re.compile(r"([^\W_]+)(?:[:'’]([^\W\d_]+))?")
# An abbreviation with its ending written straight on: "SUPOn", "ETNOt", "PolAMKin".
_CAPS_THEN_ENDING = re.compile(r"(.*[A-ZÅÄÖ])([a-zåäö]+)")

_VOWELS = frozenset("aeiouyäö")

# Finnish case endings (plus Swedish and English genitive -s) as they attach to the stems that
# `_stems` generates; endings and stems are not paired, a little over-acceptance is harmless.
_ENDINGS = frozenset(
    {
        "n", "t", "s", "a", "ä", "ta", "tä", "na", "nä", "ne", "ksi", "tta", "ttä",
        "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle",
        "en", "in", "an", "än", "on", "ön", "un", "yn", "seen", "siin",
        "hin", "hen", "han", "hän", "hon", "hön", "hun", "hyn",
        "den", "ten", "tten", "jen", "ja", "jä",
    }
)  # fmt: skip
# After an abbreviation the ending follows its pronunciation: "SM:ään", "THL:ää", "UM:stä".
_ABBREVIATION_ENDINGS = (
    (_ENDINGS - {"s"}) | {v + v for v in _VOWELS} | {v + v + "n" for v in _VOWELS}
)
# After a colon or apostrophe an -s is a genitive ("ETNO:s", "SUPO's"), not an English plural.
_MARKED_ENDINGS = _ABBREVIATION_ENDINGS | {"s"}
_LONGEST_ENDING = max(len(ending) for ending in _ENDINGS)
_SHORTEST_STEM = 3


# Abbreviations that spell an everyday word once lower-cased ("the rise of ..."), so only
# match when written in capitals, like every two-letter one ("om" is Swedish for "about").
_EVERYDAY_WORDS = frozenset({"rise", "mmm"})


@dataclass(frozen=True, slots=True)
class OrgName:
    """Every spelling of one organisation: key, names in each language, aliases."""

    key: str
    names: tuple[str, ...]

    @classmethod
    def of(cls, entry: OrganisationEntry) -> OrgName:
        return cls(entry.key, entry.all_names())


@dataclass(frozen=True, slots=True)
class OrgMatch:
    key: str
    matched: str  # the words of the question that named it, as written
    score: float


@dataclass(frozen=True, slots=True)
class _Token:
    base: str
    ending: str | None  # written after a colon or apostrophe
    start: int
    end: int

    @property
    def folded(self) -> str:
        return self.base.lower()


@dataclass(slots=True)
class _Node:
    """Names whose earlier words led here, keyed by their last word in three ways."""

    children: dict[str, _Node] = field(default_factory=dict)
    exact: dict[str, set[str]] = field(default_factory=dict)
    stems: dict[str, set[str]] = field(default_factory=dict)
    abbreviations: dict[str, set[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Candidate:
    key: str
    first: int
    last: int  # token indices, inclusive
    score: float


class OrgMatcher:
    def __init__(self, orgs: Iterable[OrgName]) -> None:
        self._root = _Node()
        self._capitals: set[str] = set()  # abbreviations in their own mixed case, e.g. PolAMK
        abbreviations: set[str] = set()
        words: set[str] = set()
        for org in orgs:
            for name in dict.fromkeys(org.names):
                tokens = _tokenize(name)
                if tokens:
                    self._add(org.key, tokens, abbreviations, words)
        self._caps_only = frozenset(
            folded
            for folded in abbreviations - words
            if len(folded) <= 2 or folded in _EVERYDAY_WORDS
        )

    def _add(
        self, key: str, tokens: list[_Token], abbreviations: set[str], words: set[str]
    ) -> None:
        node = self._root
        for token in tokens[:-1]:
            (abbreviations if _is_abbreviation(token.base) else words).add(token.folded)
            node = node.children.setdefault(token.folded, _Node())
        last = tokens[-1]
        node.exact.setdefault(last.folded, set()).add(key)
        if _is_abbreviation(last.base):
            abbreviations.add(last.folded)
            self._capitals.add(last.base)
            node.abbreviations.setdefault(last.folded, set()).add(key)
        else:
            words.add(last.folded)
            for stem in _stems(last.folded):
                node.stems.setdefault(stem, set()).add(key)

    def find(self, text: str) -> list[OrgMatch]:
        """Organisations the text names, best first; several only when they score the same.

        Overlapping readings keep the longest (then the exact) one, so "Ministry of Justice"
        is not also "Justice"; an exact spelling scores above an inflected one.
        """
        tokens = _tokenize(text)
        candidates = [c for i in range(len(tokens)) for c in self._walk(tokens, i)]
        best: dict[str, tuple[OrgMatch, int]] = {}
        for candidate in _without_overlaps(candidates):
            matched = text[tokens[candidate.first].start : tokens[candidate.last].end]
            known = best.get(candidate.key)
            if known is None or candidate.score > known[0].score:
                match = OrgMatch(candidate.key, matched, candidate.score)
                best[candidate.key] = (match, candidate.first)
        if not best:
            return []
        top = max(match.score for match, _ in best.values())
        ranked = sorted(
            ((match, position) for match, position in best.values() if match.score == top),
            key=lambda pair: pair[1],
        )
        return [match for match, _ in ranked]

    def find_spans(self, text: str) -> list[tuple[OrgMatch, ...]]:
        """Every name in the text, in order: per stretch of words, the organisations it
        names at its best score (several only when one name fits several equally)."""
        tokens = _tokenize(text)
        candidates = [c for i in range(len(tokens)) for c in self._walk(tokens, i)]
        spans: dict[tuple[int, int], list[_Candidate]] = {}
        for candidate in _without_overlaps(candidates):
            spans.setdefault((candidate.first, candidate.last), []).append(candidate)
        found = []
        for (first, last), group in sorted(spans.items()):
            matched = text[tokens[first].start : tokens[last].end]
            top = max(c.score for c in group)
            keys = dict.fromkeys(c.key for c in group if c.score == top)
            found.append(tuple(OrgMatch(key, matched, top) for key in keys))
        return found

    def _walk(self, tokens: list[_Token], first: int) -> Iterable[_Candidate]:
        node = self._root
        for last in range(first, len(tokens)):
            token = tokens[last]
            for keys, score in self._endings(node, token):
                for key in keys:
                    yield _Candidate(key, first, last, score)
            child = node.children.get(token.folded)
            if child is None or not self._case_allows(token):
                return
            node = child

    def _endings(self, node: _Node, token: _Token) -> Iterable[tuple[set[str], float]]:
        folded = token.folded
        if folded in node.exact and self._case_allows(token):
            if token.ending is None:
                yield node.exact[folded], EXACT
            elif folded not in node.abbreviations and token.ending.lower() in _MARKED_ENDINGS:
                yield node.exact[folded], INFLECTED  # "Ministry of Justice's"
        if token.ending is None:
            for cut in range(1, min(_LONGEST_ENDING, len(folded) - _SHORTEST_STEM) + 1):
                if folded[-cut:] in _ENDINGS and folded[:-cut] in node.stems:
                    yield node.stems[folded[:-cut]], INFLECTED
        base, ending = self._abbreviation_and_ending(token)
        if base is not None and base.lower() in node.abbreviations:
            assert ending is not None
            allowed = _ABBREVIATION_ENDINGS if token.ending is None else _MARKED_ENDINGS
            if ending in allowed:
                yield node.abbreviations[base.lower()], INFLECTED

    def _abbreviation_and_ending(self, token: _Token) -> tuple[str | None, str | None]:
        """Split "SUPOn" or "KRP:n" into abbreviation and ending, if written in capitals."""
        if token.ending is not None:
            base, ending = token.base, token.ending
        else:
            split = _CAPS_THEN_ENDING.fullmatch(token.base)
            if split is None:
                return None, None
            base, ending = split.group(1), split.group(2)
        return (base, ending.lower()) if self._is_capitals(base) else (None, None)

    def _case_allows(self, token: _Token) -> bool:
        return token.folded not in self._caps_only or self._is_capitals(token.base)

    def _is_capitals(self, word: str) -> bool:
        return word.isupper() or word in self._capitals


def _tokenize(text: str) -> list[_Token]:
    return [
        _Token(match.group(1), match.group(2), match.start(), match.end())
        for match in _TOKEN.finditer(text)
        if match.group(1).lower() not in _IGNORED
    ]


def _is_abbreviation(word: str) -> bool:
    """SUPO, KRP, PolAMK, ETNOt: mostly capitals. Tulli, Migri, BusinessFinland: words."""
    letters = [c for c in word if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and 2 * capitals >= len(letters)


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest reading first, then the better score; equal readings of one span all stay."""
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.first - c.last, -c.score, c.first)):
        clash = False
        for other in kept:
            if candidate.last < other.first or other.last < candidate.first:
                continue
            same_reading = (other.first, other.last, other.score) == (
                candidate.first,
                candidate.last,
                candidate.score,
            )
            if not same_reading:
                clash = True
                break
        if not clash:
            kept.append(candidate)
    return kept


def _stems(word: str) -> set[str]:
    """Stems a lower-cased Finnish word takes before case endings, both grades, both numbers.

    hallitus: hallitukse-, hallituksi-; kunta: kunna-, kunti-, kunni-; kunnat (a plural
    name): the same; ministeriö: ministeriöi-; viranomaiset: viranomaisi-, viranomais-(ten).
    """
    stems = {word}
    if word.endswith("nen"):
        stems |= {word[:-3] + "se", word[:-3] + "si", word[:-3] + "s"}
    elif word[-2:] in {"us", "ys", "os", "ös"}:
        stems |= {word[:-1] + "kse", word[:-1] + "ksi"}
    elif len(word) > 3 and word[-1] == "t" and word[-2] in _VOWELS:
        # A plural name ("kunnat") is the weak singular stem plus -t; the strong one is needed
        # too (kuntien). A singular name is already strong, so it is only ever weakened.
        singular = word[:-1]
        for stem in {singular, _regraded(singular, strong_to_weak=False)}:
            stems |= {stem, *_plural_stems(stem)}
        if singular.endswith("se"):
            stems.add(singular[:-1])
    elif word[-1] in _VOWELS:
        for stem in {word, _regraded(word, strong_to_weak=True)}:
            stems |= {stem, *_plural_stems(stem)}
    else:
        # Loan words and names ending in a consonant take an -i-: Finland, Finlandin.
        stems.add(word + "i")
    return stems


def _regraded(stem: str, *, strong_to_weak: bool) -> str:
    """The stem in the other grade of its last consonant(s), or unchanged if they do not grade."""
    head, vowel = stem[:-1], stem[-1]
    if len(stem) < 3 or vowel not in _VOWELS:
        return stem
    for strong, weak in GRADATION:
        before, after = (strong, weak) if strong_to_weak else (weak, strong)
        # A single consonant grades only between vowels: pöytä : pöydän, but not osasto.
        if head.endswith(before) and (len(before) == 2 or head[-2:-1] in _VOWELS):
            return head[: -len(before)] + after + vowel
    return stem


def _plural_stems(stem: str) -> set[str]:
    last = stem[-1]
    if last == "a":
        return {stem[:-1] + "i", stem[:-1] + "oi"}  # kunta: kuntia; toimija: toimijoita
    if last in {"ä", "e"}:
        return {stem[:-1] + "i"}  # sidosryhmä: sidosryhmiä; hallitukse: hallituksia
    if last in {"o", "ö", "u", "y"}:
        return {stem + "i"}  # järjestö: järjestöille; ministeriö: ministeriöiden
    # An -i word's plural (poliisi: poliiseille) would also read verb forms as names
    # (tulla: tulleille ~ Tulli), so those few plurals are not recognised.
    return set()
