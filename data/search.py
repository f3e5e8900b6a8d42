"""Ranked full-text search over the programme's measures, tolerant of Finnish inflection.

Pure and in-memory: build a `SearchIndex` once per programme revision, query it many times.

Analysis (`normalise_terms`, shared by documents and queries): NFKC + casefold, split on
anything that is not a letter (å, ä, ö stay letters), drop one-letter tokens and fi/sv/en
stopwords. Each token then gets up to two index keys (`term_keys`): the Snowball Finnish stem
and the raw token, both passed through `_fold`. The raw key is there because Snowball mistakes
some nominatives for case endings ("väkivalta" → "väkiv", as if ablative -lta). Words in
-inen are stemmed as their -isen form, the stem all their other cases share.

`_fold` makes the forms of one word meet. Snowball leaves consonant gradation and stem
alternations apart (uhka → "uhk", uhat → "uha"; valvonta → "valvon", valvontaa → "valvont";
pankki → "pank", pankin → "pan"). So `_fold` strips trailing vowels, the stem tails that
alternate (-ks → -s, -ist/-ost/-ust → -is/-os/-us, -uud/-uut/-iud → -uu/-iu, plural
-oj → -o, then the -s of -us/-ys/-iis), and maps the final consonant cluster of both the
strong and the weak grade to one form: kk/pp/tt → k/p/t, nt/nn → n, lt/ll → l, rt/rr → r,
mp/mm → m, nk/ng → n, hk → h, lk → l, rk → r, Vik → Vj, d → t, v → p. So uhka, uhat,
uhkiin, uhkista → "uh"; raja, rajat, rajojen → "raj" while rajoitus → "rajoit". Documents
and queries go through the same function, so an odd key is harmless if all forms share it.

Matching, per query word: exact key; else the word as the head of an indexed compound
("kyber" → kyberturvallisuus), an indexed compound ending in the word ("rikollisuus" →
verkkorikollisuuteen) or the query compound ending in an indexed word ("lähisuhdeväkivalta"
→ väkivalta). English and Swedish words reach the Finnish text through a synonyms map.

Ranking: score = number of distinct query terms matched + BM25F relevance squashed into
[0, 1), so more terms matched always ranks higher. An exact match contributes at least idf,
a partial one less than idf/2: exact beats partial for the same word. Ties go to the key in
natural measure order ("2.9" before "2.10").
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from heapq import nlargest
from itertools import chain, islice
from typing import Final

import snowballstemmer

from data.morphology import GRADATION

__all__ = ["Hit", "SearchIndex", "default_synonyms", "normalise_terms", "term_keys"]

MAX_QUERY_TERMS: Final = 20
# A chat question is never this long; cutting here bounds the work for hostile input.
MAX_QUERY_CHARS: Final = 2_000
# Longer "words" are junk (base64, repeated letters) and only slow the stemmer down.
MAX_TOKEN_CHARS: Final = 64

_K1: Final = 1.2
_B: Final = 0.75
# Encodes "one more query term matched" in a single float that also carries relevance;
# relevance per term stays far below it (idf * 3.2 < 50 even for a million documents).
_TERM_UNIT: Final = 10_000.0
_PARTIAL_WEIGHT: Final = 0.5
_SQUASH: Final = 10.0  # relevance at which the fractional part of the score reaches 0.5
_MIN_PREFIX: Final = 4  # the typed word as the head of a compound
_MIN_KEY_PREFIX: Final = 5  # a folded key as the head of a compound
_MIN_TAIL: Final = 3  # a folded key as the last part of an indexed compound
_MIN_QUERY_TAIL: Final = 4  # an indexed key as the last part of a query compound
_MIN_HEAD: Final = 3  # shortest first part of a compound
# Bounds on partial matching, so that a short common prefix cannot make a query slow.
_MAX_EXPANSIONS: Final = 256  # keys read per prefix or tail
_PARTIAL_POSTINGS: Final = 20_000  # postings read for one term's partial matches


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOPWORDS_FI: Final = _words("""
    ei eikä emme en et ette eivät ole olen olet on olemme olette ovat oli olivat olisi olisivat
    ollut olleet olla oleva olevat olevan ollen minä sinä hän me te he minun sinun hänen meidän
    teidän heidän minua sinua häntä meitä teitä heitä se sen sitä siinä siitä siihen sillä siltä
    sille ne niiden niitä niissä niistä niihin niillä niiltä niille tämä tämän tätä tässä tästä
    tähän tällä tältä tälle nämä näiden näitä näissä näistä näihin näillä näiltä näille tuo tuon
    tuota tuossa tuolla joka jonka jota jossa josta johon jolla jolta jolle jotka joiden joita
    joissa joista joihin joilla joilta joille mikä minkä mitä missä mistä mihin millä miltä mille
    mitkä kuka ketkä kenen itse ja sekä tai eli että jotta kun koska kuin jos vaikka mutta myös
    vain jo vielä nyt sitten siis kuten mm esim yms ym eri kaikki kaikkien muut muiden muun muita
    muu voi voidaan voivat voisi voitaisiin osana osalta mukaan kanssa lisäksi avulla kautta
    välillä aikana jälkeen ennen siten näin niin noin yli alle asti saakka mukana no kesken
    keskuudessa kunkin tulla tulee tulevat tuli tulisi
""")
_STOPWORDS_SV: Final = _words("""
    alla allt att av blev bli blir de dem den denna deras dess dessa det detta dig din dina ditt
    du där då efter ej eller er era ert ett från för ha hade han hans har henne hennes hon honom
    hur här icke ingen inom inte jag ju kan kunde man med mellan men mig min mina mitt mot mycket
    ni nu när någon något några och om oss på samma sedan sig sin sina själv skulle som så sådan
    till under upp ut utan vad var vara varför varit varje vars vi vid vilka vilken vilket vår
    våra vårt än är åt över också även
""")
_STOPWORDS_EN: Final = _words("""
    about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves
    out over own same she should so such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also
""")
# Chat users often type the command into the query ("search cybercrime", "etsi hybridiuhat").
_COMMAND_WORDS: Final = _words("search find show lookup etsi hae näytä sök hitta")
_STOPWORDS: Final = _STOPWORDS_FI | _STOPWORDS_SV | _STOPWORDS_EN | _COMMAND_WORDS

_WORD: Final = re.compile(r"[^\W\d_]+")
_DIGITS: Final = re.compile(r"(\d+)")
_VOWELS: Final = "aeiouyäöå"
# Both grades of a stem-final cluster share one key (uhka, uhkien → "uh"; kunta, kunnan → "kun"),
# derived from the one gradation table; "ss" is not gradation but folds the same way.
_GRADATION: Final = (
    *(
        (cluster, strong[0])
        for strong, weak in GRADATION
        if len(strong) == 2
        for cluster in dict.fromkeys((strong, weak))
        if len(cluster) == 2
    ),
    ("ss", "s"),
)
_UUD: Final = re.compile(r"(?<=uu|yy|iu|iy)[dt]$")  # rikollisuuden, valmiutta
_PLURAL_J: Final = re.compile(r"(?<=[eoöuy])j$")  # rajoja, järjestöjä
_ST: Final = re.compile(r"(?<=[iou])st$")  # viranomaisten, rikosten, tutkimusta
_IK: Final = re.compile(r"(?<=[aeouyäö])ik$")  # aika / ajan

# Snowball stemmers keep their state on the instance: one caller at a time.
_STEM_LOCK: Final = threading.Lock()
_STEMMERS: Final = {
    lang: snowballstemmer.stemmer(lang) for lang in ("finnish", "english", "swedish")
}


@cache
def default_synonyms() -> Mapping[str, Sequence[str]]:
    """English and Swedish words a user may ask about, mapped to Finnish words of the programme
    (``data/topics.yaml``; a test checks that every target still finds a measure)."""
    from data.wordlists import load_topics

    return load_topics().merged()


def normalise_terms(text: str) -> list[str]:
    """Lowercased, NFKC-normalised word tokens of `text`, without stopwords and 1-letter tokens."""
    folded = unicodedata.normalize("NFKC", text.casefold())
    return [
        token
        for token in _WORD.findall(folded)
        if 1 < len(token) <= MAX_TOKEN_CHARS and token not in _STOPWORDS
    ]


def term_keys(word: str) -> tuple[str, ...]:
    """The index keys of one word; inflected forms of one word are meant to share a key."""
    return _token_keys(unicodedata.normalize("NFKC", word.casefold()))


@lru_cache(maxsize=1 << 17)
def _stem(language: str, token: str) -> str:
    with _STEM_LOCK:
        return str(_STEMMERS[language].stemWord(token))


@lru_cache(maxsize=1 << 17)
def _token_keys(token: str) -> tuple[str, ...]:
    # -inen words inflect on -ise-; Snowball would leave the nominative on its own "-in".
    word = token[:-4] + "isen" if len(token) > 5 and token.endswith("inen") else token
    stemmed, raw = _fold(_stem("finnish", word)), _fold(word)
    return (stemmed,) if stemmed == raw else (stemmed, raw)


def _fold(stem: str) -> str:
    """Map the strong and weak grade forms of a stem to one key (see the module docstring)."""
    # Bounded on purpose: stripping to a fixpoint would take ohjeistus down to ohj(e).
    s = _strip_vowels(stem)
    if len(s) >= 5:
        if s.endswith("ks"):  # tutkimuksen → tutkimus
            s = s[:-2] + "s"
        elif _ST.search(s):  # viranomaisten, tutkimusta
            s = s[:-1]
        s = _UUD.sub("", s)
    s = _strip_vowels(_PLURAL_J.sub("", s))
    if len(s) >= 5 and s.endswith(("us", "ys", "iis")):  # tutkimus / tutkimu(sta), kriisi(n)
        s = _strip_vowels(s[:-1])
    if len(s) >= 3:
        for ending, shared in _GRADATION:
            if s.endswith(ending):
                return s[:-2] + shared
        if _IK.search(s):
            return s[:-2] + "j"
    if len(s) >= 2 and s[-1] in "dv":
        return s[:-1] + ("t" if s[-1] == "d" else "p")
    return s


def _strip_vowels(s: str) -> str:
    stripped = s.rstrip(_VOWELS)
    # Keep a vowel: "työ" and "maa" must not shrink to "t" and "m".
    return stripped if len(stripped) >= 2 and any(c in _VOWELS for c in stripped) else s


def _natural_key(key: str) -> tuple[tuple[int, str], ...]:
    # re.split with a group alternates text and digit runs, so positions compare like with like.
    return tuple(
        (int(part), "") if i % 2 else (0, part.casefold())
        for i, part in enumerate(_DIGITS.split(key))
    )


@dataclass(frozen=True, slots=True)
class Hit:
    key: str
    score: float
    matched: tuple[str, ...]  # the query terms that hit, for display


@dataclass(frozen=True, slots=True)
class _Term:
    label: str
    exact: frozenset[str]
    prefixes: frozenset[str]
    tails: frozenset[str]


class SearchIndex:
    """An immutable index over `(key, [(text, weight), ...])` documents.

    Fields of one key given twice are merged; fields with a weight that is not a finite
    positive number are ignored. `synonyms` maps an English/Swedish word or phrase to Finnish
    words searched in its place; None means `default_synonyms()`, `{}` means none.
    """

    __slots__ = (
        "_df",
        "_keys",
        "_postings",
        "_rank",
        "_rvocab",
        "_synonyms",
        "_vocab",
    )

    def __init__(
        self,
        documents: Iterable[tuple[str, Sequence[tuple[str, float]]]],
        synonyms: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        merged: dict[str, list[tuple[str, float]]] = {}
        for key, fields in documents:
            merged.setdefault(key, []).extend(fields)
        self._keys: tuple[str, ...] = tuple(merged)
        order = sorted(
            range(len(self._keys)), key=lambda i: (_natural_key(self._keys[i]), self._keys[i])
        )
        rank = [0] * len(order)
        for position, doc in enumerate(order):
            rank[doc] = position
        self._rank: tuple[int, ...] = tuple(rank)

        term_freqs: list[dict[str, float]] = []
        lengths: list[float] = []
        for fields in merged.values():
            tf: dict[str, float] = {}
            length = 0.0
            for text, weight in fields:
                if not (weight > 0 and math.isfinite(weight)):
                    continue
                tokens = normalise_terms(text)
                # Counting keys in C (chain/map/Counter) is what keeps a 10k-document build fast.
                counts = Counter(chain.from_iterable(map(_token_keys, tokens)))
                scaled: dict[str, float] = (
                    dict(counts) if weight == 1 else {k: c * weight for k, c in counts.items()}
                )
                if len(scaled) > len(tf):  # fold the smaller field (a title) into the larger
                    tf, scaled = scaled, tf
                for k, c in scaled.items():
                    tf[k] = tf.get(k, 0.0) + c
                length += weight * len(tokens)
            term_freqs.append(tf)
            lengths.append(length)

        # BM25F: field weights scale term and length counts; saturation is precomputed here.
        average = sum(lengths) / len(lengths) if lengths and sum(lengths) > 0 else 1.0
        postings: dict[str, tuple[list[int], list[float]]] = {}
        k1_plus_1 = _K1 + 1
        for doc, (tf, length) in enumerate(zip(term_freqs, lengths, strict=True)):
            norm = _K1 * (1 - _B + _B * length / average)
            for k, f in tf.items():
                entry = postings.get(k)
                if entry is None:
                    entry = postings[k] = ([], [])
                entry[0].append(doc)
                entry[1].append(f * k1_plus_1 / (f + norm))
        self._postings = postings
        self._df: dict[str, int] = {k: len(ids) for k, (ids, _) in postings.items()}
        self._vocab: list[str] = sorted(postings)
        self._rvocab: list[str] = sorted(k[::-1] for k in postings)

        self._synonyms: dict[tuple[str, ...], tuple[str, ...]] = {}
        for phrase, targets in (default_synonyms() if synonyms is None else synonyms).items():
            words = tuple(normalise_terms(phrase))
            expansion = tuple(
                dict.fromkeys(t for target in targets for t in normalise_terms(target))
            )
            if not words or not expansion:
                continue
            for form in _forms(words):
                self._synonyms[form] = tuple(
                    dict.fromkeys(self._synonyms.get(form, ()) + expansion)
                )

    def __len__(self) -> int:
        return len(self._keys)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The best `limit` measures for `query`, best first; [] when nothing matches."""
        if limit <= 0:
            return []
        terms = self._terms(normalise_terms(query[:MAX_QUERY_CHARS]))
        per_term = [self._term_scores(term) for term in terms]
        totals: dict[int, float] = {}
        # Start from the largest: copying it happens in C, only the smaller ones are looped over.
        for scores in sorted(per_term, key=len, reverse=True):
            if not totals:
                totals = dict(scores)
                continue
            get = totals.get
            totals.update({doc: get(doc, 0.0) + value for doc, value in scores.items()})
        if not totals:
            return []
        if len(totals) > limit:
            cutoff = nlargest(limit, totals.values())[-1]
            candidates = [doc for doc, value in totals.items() if value >= cutoff]
        else:
            candidates = list(totals)
        rank = self._rank
        candidates.sort(key=lambda doc: (-totals[doc], rank[doc]))
        hits = []
        for doc in candidates[:limit]:
            matched_terms = math.floor(totals[doc] / _TERM_UNIT)
            relevance = totals[doc] - matched_terms * _TERM_UNIT
            hits.append(
                Hit(
                    key=self._keys[doc],
                    score=matched_terms + relevance / (relevance + _SQUASH),
                    matched=tuple(
                        t.label for t, s in zip(terms, per_term, strict=True) if doc in s
                    ),
                )
            )
        return hits

    def _terms(self, tokens: list[str]) -> list[_Term]:
        """Group tokens into query terms, longest synonym phrase first; dedupe; cap the count."""
        terms: list[_Term] = []
        seen: set[frozenset[str]] = set()
        i = 0
        while i < len(tokens) and len(terms) < MAX_QUERY_TERMS:
            for size in (3, 2, 1):
                phrase = tuple(tokens[i : i + size])
                if len(phrase) < size:
                    continue
                expansion = self._expansion(phrase)
                if expansion or size == 1:
                    break
            # A matched phrase is searched through its translation only; a word also as itself.
            words = expansion if size > 1 else (phrase[0], *expansion)
            term = _make_term(" ".join(phrase), words)
            if term.exact not in seen:
                seen.add(term.exact)
                terms.append(term)
            i += size
        return terms

    def _expansion(self, phrase: tuple[str, ...]) -> tuple[str, ...]:
        """Finnish words for an English/Swedish phrase: "gränser" finds "gräns" by its stem."""
        if self._synonyms:
            for form in _forms(phrase):
                if form in self._synonyms:
                    return self._synonyms[form]
        return ()

    def _partial_keys(self, term: _Term) -> set[str]:
        """Indexed keys that share a compound part with the term (see the module docstring)."""
        found: set[str] = set()
        vocab, rvocab = self._vocab, self._rvocab
        for prefix in term.prefixes:
            start = bisect_left(vocab, prefix)
            for k in islice(vocab, start, start + _MAX_EXPANSIONS):
                if not k.startswith(prefix):
                    break
                found.add(k)
        for tail in term.tails:
            reversed_tail = tail[::-1]
            start = bisect_left(rvocab, reversed_tail)
            for k in islice(rvocab, start, start + _MAX_EXPANSIONS):
                if not k.startswith(reversed_tail):
                    break
                if len(k) - len(tail) >= _MIN_HEAD:
                    found.add(k[::-1])
            # The query itself may be the compound: lähisuhdeväkivalta → väkivalta.
            for head in range(_MIN_HEAD, len(tail) - _MIN_QUERY_TAIL + 1):
                if tail[head:] in self._df:
                    found.add(tail[head:])
        return found - term.exact

    def _term_scores(self, term: _Term) -> dict[int, float]:
        """Per document: _TERM_UNIT + this term's BM25 share.

        An exact match earns idf × (1 + saturation) ≥ idf; a partial one at most half the idf
        of its own key, capped by the exact idf, so a rare compound outranks a common one
        and no partial match outranks an exact one.
        """
        n = len(self._keys)
        entries = [self._postings[k] for k in term.exact if k in self._postings]
        if len(entries) == 1:  # the common case, kept to a single pass
            ids, sats = entries[0]
            cap = _idf(n, len(ids))
            base = _TERM_UNIT + cap
            scores = {doc: base + cap * sat for doc, sat in zip(ids, sats, strict=True)}
        elif entries:
            # Union in C; where keys overlap the broadest one wins, as it counts the most forms.
            exact: dict[int, float] = {}
            for ids, sats in sorted(entries, key=lambda entry: len(entry[0])):
                exact.update(zip(ids, sats, strict=True))
            cap = _idf(n, len(exact))
            base = _TERM_UNIT + cap
            scores = {doc: base + cap * sat for doc, sat in exact.items()}
        else:
            cap = math.inf
            scores = {}
        scale = _PARTIAL_WEIGHT / (_K1 + 1)
        weighted = sorted(
            ((scale * min(_idf(n, self._df[k]), cap), k) for k in self._partial_keys(term)),
            reverse=True,
        )
        # Heaviest (rarest) key first, and a document keeps its first partial score: close to
        # the max over keys, at dict-comprehension speed.
        budget = _PARTIAL_POSTINGS
        for weight, k in weighted:
            if budget <= 0 or len(scores) == n:
                break
            ids, sats = self._postings[k]
            budget -= len(ids)
            scores.update(
                {
                    doc: _TERM_UNIT + weight * sat
                    for doc, sat in zip(ids, sats, strict=True)
                    if doc not in scores
                }
            )
        return scores


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _forms(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The words as typed, then as English and as Swedish stems."""
    return (
        words,
        tuple(_stem("english", w) for w in words),
        tuple(_stem("swedish", w) for w in words),
    )


def _make_term(label: str, words: Sequence[str]) -> _Term:
    exact: set[str] = set()
    prefixes: set[str] = set()
    tails: set[str] = set()
    for word in words:
        keys = _token_keys(word)
        exact.update(keys)
        if len(word) >= _MIN_PREFIX:
            prefixes.add(word)
        prefixes.update(k for k in keys if len(k) >= _MIN_KEY_PREFIX)
        tails.update(k for k in keys if len(k) >= _MIN_TAIL)
    return _Term(label, frozenset(exact), frozenset(prefixes), frozenset(tails))
