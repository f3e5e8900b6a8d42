"""Ranked full-text search over the programme's measures, by Finnish lemma and compound part.

Pure and in-memory: build a `SearchIndex` once per programme revision, query it many times.

Words are read as written (NFKC), so that an abbreviation keeps its capitals (`SUPOn`,
`KRP:n`), and looked up casefolded. Stop words (`data/stopwords.yaml`: function words, question
words such as mitkä, toimenpiteet, koskevat, which, measures, vilka, åtgärder, and command words
such as etsi, search) are never indexed or searched; a Finnish word whose every lemma is listed
is stopped in any inflection (koskevista, toimenpiteisiin).

With a `Vocabulary` (data.morphology: the programme's analysed words, stored at import) every
word is filed under its lemmas and its compound parts, and a query word is resolved the same
way. Per query word, three levels, strongest first:

1. exact: a shared lemma (kuntien ~ kunnat, hybridiuhkiin ~ hybridiuhkien);
2. inside: the query word is a part, or a run of parts, of a text compound (kyberturvallisuutta
   ~ kyberturvallisuusohjeistusta, as kyber + turvallisuus inside kyber + turvallisuus +
   ohjeistus);
3. part: a text word is the last part of the query compound (lähisuhdeväkivalta ~ väkivallan):
   Finnish compounds are kinds of their last part, so only when nothing closer matched.

A word the vocabulary cannot resolve (a name such as Frontex, a typo, an English word), a word
only the analyser knows (a milestone added in chat after the import), and every word when there
is no vocabulary, is matched by its fold keys (`data.morphology.fold_keys`: Snowball stem with
consonant gradation folded) and by letters: the word as the head of an indexed compound, an
indexed compound ending in it, or the query compound ending in an indexed word. A text word the
vocabulary reads is not filed under its fold keys per occurrence; its fold keys lead to its
lemmas once (`_aliases`), which keeps a 10,000-measure build as fast as by fold keys alone.

English and Swedish words reach the Finnish text through the topic list (`data/topics.yaml`);
a Swedish compound is split into listed words (cybersäkerhetsanvisningar → cybersäkerhet +
anvisning).

Ranking: score = number of distinct query terms matched + BM25F relevance squashed into
[0, 1), so more terms matched always ranks higher. Per term, the levels are bands that never
overlap (exact above inside above part); within a band a rarer word and a denser match rank
higher. Ties go to the key in natural measure order ("2.9" before "2.10").
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
from functools import cache
from heapq import nlargest
from itertools import chain, islice
from typing import Final

from data.morphology import (
    Resolved,
    Source,
    Vocabulary,
    WordForms,
    fold_keys,
    split_swedish,
    stem,
)
from data.wordlists import load_stopwords, load_topics

__all__ = ["Hit", "SearchIndex", "default_synonyms", "normalise_terms", "term_keys"]

MAX_QUERY_TERMS: Final = 20
# A chat question is never this long; cutting here bounds the work for hostile input.
MAX_QUERY_CHARS: Final = 2_000
# Longer "words" are junk (base64, repeated letters) and only slow the stemmer down.
MAX_TOKEN_CHARS: Final = 64

_K1: Final = 1.2
_B: Final = 0.75
# Encodes "one more query term matched" in a single float that also carries relevance;
# relevance per term stays far below it (3 bands of at most idf < 15 even for a million
# documents).
_TERM_UNIT: Final = 10_000.0
_SQUASH: Final = 10.0  # relevance at which the fractional part of the score reaches 0.5
# Match levels: each is a band of one top idf's width above the one below.
_EXACT: Final = 2
_INSIDE: Final = 1
_PART: Final = 0
# Key namespaces beside the plain fold keys: a lemma, and a part or run of parts of a compound.
_LEMMA: Final = "="
_IN: Final = "<"
_JOIN: Final = "+"
_MIN_PREFIX: Final = 4  # the typed word as the head of a compound
_MIN_KEY_PREFIX: Final = 5  # a folded key as the head of a compound
_MIN_TAIL: Final = 3  # a folded key as the last part of an indexed compound
_MIN_QUERY_TAIL: Final = 4  # an indexed key as the last part of a query compound
_MIN_HEAD: Final = 3  # shortest first part of a compound
# Bounds on partial matching, so that a short common prefix cannot make a query slow.
_MAX_EXPANSIONS: Final = 256  # keys read per prefix or tail
_PARTIAL_POSTINGS: Final = 20_000  # postings read for one term's partial matches

_WORD: Final = re.compile(r"[^\W\d_]+")
_DIGITS: Final = re.compile(r"(\d+)")


@cache
def _stop_set() -> frozenset[str]:
    """Every listed form in every language, for one set look-up per token."""
    return frozenset().union(*load_stopwords().words.values())


@cache
def _finnish_stop_lemmas() -> frozenset[str]:
    return load_stopwords().words["fi"]


@cache
def default_synonyms() -> Mapping[str, Sequence[str]]:
    """English and Swedish words a user may ask about, mapped to Finnish words of the programme
    (``data/topics.yaml``; a test checks that every target still finds a measure)."""
    return load_topics().merged()


def normalise_terms(text: str) -> list[str]:
    """Lowercased, NFKC-normalised word tokens of `text`, without stopwords and 1-letter tokens."""
    return [folded for _, folded in _tokens(text)]


def term_keys(word: str) -> tuple[str, ...]:
    """The fold keys of one word; inflected forms of one word are meant to share a key."""
    return fold_keys(word)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(as written, casefolded) for each word that is not a stop word or a single letter."""
    stops = _stop_set()
    found = []
    for token in _WORD.findall(unicodedata.normalize("NFKC", text)):
        folded = unicodedata.normalize("NFKC", token.casefold())
        if 1 < len(folded) <= MAX_TOKEN_CHARS and folded not in stops:
            found.append((token, folded))
    return found


def _stopped(forms: WordForms) -> bool:
    """A Finnish word every reading of which is a listed base form (koskevista → koskeva)."""
    return all(lemma in _finnish_stop_lemmas() for lemma in forms.lemmas)


def _inside_keys(parts: tuple[str, ...]) -> list[str]:
    """Each part of a compound and each run of two or more consecutive parts."""
    return [
        _IN + _JOIN.join(parts[i:j])
        for i in range(len(parts))
        for j in range(i + 1, len(parts) + 1)
    ]


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
    inside: frozenset[str]
    part: frozenset[str]
    prefixes: frozenset[str]  # fold-key string matching, for words the vocabulary cannot read
    tails: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Stemmed:
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # English and Swedish stems → Finnish
    swedish: dict[str, tuple[str, tuple[str, ...]]]  # stem of a one-word entry → it, Finnish


class _DocumentKeys(dict[str, tuple[str, ...]]):
    """Token as written → its index keys, computed once per distinct token (`__missing__`), so
    that filing a document's tokens runs in C (map, chain, Counter)."""

    def __init__(self, vocabulary: Vocabulary | None) -> None:
        super().__init__()
        self._vocabulary = vocabulary
        self._stops = _stop_set()
        # A word read by the vocabulary is filed under its lemmas and parts only; its fold keys
        # lead to those here, once per distinct word rather than once per occurrence.
        self.aliases: dict[str, set[str]] = {}

    def __missing__(self, token: str) -> tuple[str, ...]:
        keys = self[token] = self._keys(token)
        return keys

    def _keys(self, token: str) -> tuple[str, ...]:
        folded = unicodedata.normalize("NFKC", token.casefold())
        if not 1 < len(folded) <= MAX_TOKEN_CHARS or folded in self._stops:
            return ()
        if self._vocabulary is None:
            return fold_keys(folded)
        resolved = self._vocabulary.resolve(token, seen=True)
        if resolved.source is Source.UNKNOWN:
            return self._vocabulary.fold_keys(folded)
        if _stopped(resolved.forms):
            return ()
        lemmas = tuple(_LEMMA + lemma for lemma in resolved.forms.lemmas)
        for fold in self._vocabulary.fold_keys(folded):
            self.aliases.setdefault(fold, set()).update(lemmas)
        return (*lemmas, *_inside_keys(resolved.forms.parts))


class SearchIndex:
    """An immutable index over `(key, [(text, weight), ...])` documents.

    Fields of one key given twice are merged; fields with a weight that is not a finite
    positive number are ignored. `synonyms` maps an English/Swedish word or phrase to Finnish
    words searched in its place; None means `default_synonyms()`, `{}` means none.
    `vocabulary` reads Finnish words into lemmas and compound parts (see the module
    docstring); without it words are matched by their fold keys and letters only.
    """

    __slots__ = (
        "_aliases",
        "_df",
        "_keys",
        "_postings",
        "_rank",
        "_rvocab",
        "_stemmed",
        "_stemmed_lock",
        "_synonyms",
        "_top",
        "_vocab",
        "_vocabulary",
    )

    def __init__(
        self,
        documents: Iterable[tuple[str, Sequence[tuple[str, float]]]],
        synonyms: Mapping[str, Sequence[str]] | None = None,
        *,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self._vocabulary = vocabulary
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

        document_keys = _DocumentKeys(vocabulary)
        term_freqs: list[dict[str, float]] = []
        lengths: list[float] = []
        for fields in merged.values():
            tf: dict[str, float] = {}
            length = 0.0
            for text, weight in fields:
                if not (weight > 0 and math.isfinite(weight)):
                    continue
                # Keying and counting in C (map/chain/Counter) keeps a 10k-document build fast.
                keyed = list(map(document_keys.__getitem__, _WORD.findall(text)))
                counts = Counter(chain.from_iterable(keyed))
                scaled: dict[str, float] = (
                    dict(counts) if weight == 1 else {k: c * weight for k, c in counts.items()}
                )
                if len(scaled) > len(tf):  # fold the smaller field (a title) into the larger
                    tf, scaled = scaled, tf
                for k, c in scaled.items():
                    tf[k] = tf.get(k, 0.0) + c
                length += weight * (len(keyed) - keyed.count(()))
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
        self._top = _idf(len(self._keys), 1)
        self._aliases = {k: frozenset(keys) for k, keys in document_keys.aliases.items()}
        # Only fold keys take part in matching by letters.
        letters = {k for k in postings if k[:1] not in (_LEMMA, _IN)} | set(self._aliases)
        self._vocab: list[str] = sorted(letters)
        self._rvocab: list[str] = sorted(k[::-1] for k in letters)

        self._synonyms: dict[tuple[str, ...], tuple[str, ...]] = {}
        for phrase, targets in (default_synonyms() if synonyms is None else synonyms).items():
            words = tuple(normalise_terms(phrase))
            expansion = tuple(
                dict.fromkeys(t for target in targets for t in normalise_terms(target))
            )
            if words and expansion:
                self._synonyms[words] = tuple(
                    dict.fromkeys(self._synonyms.get(words, ()) + expansion)
                )
        # By English and Swedish stem, and Swedish compound parts: made on first need, as a
        # question in Finnish needs neither and stemming the list costs a one-shot process.
        self._stemmed: _Stemmed | None = None
        self._stemmed_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._keys)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The best `limit` measures for `query`, best first; [] when nothing matches."""
        if limit <= 0:
            return []
        terms = self._terms(_tokens(query[:MAX_QUERY_CHARS]))
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

    def _terms(self, tokens: list[tuple[str, str]]) -> list[_Term]:
        """Group tokens into query terms, longest synonym phrase first; dedupe; cap the count."""
        resolved = [self._resolve(written) for written, _ in tokens]
        # A word read as a stop word in some inflection (toimenpiteisiin) is dropped here.
        kept = [
            (written, folded, reading)
            for (written, folded), reading in zip(tokens, resolved, strict=True)
            if reading is None or not _stopped(reading.forms)
        ]
        folded_words = [folded for _, folded, _ in kept]
        terms: list[_Term] = []
        seen: set[tuple[frozenset[str], ...]] = set()
        i = 0
        while i < len(kept) and len(terms) < MAX_QUERY_TERMS:
            for size in (3, 2, 1):
                phrase = tuple(folded_words[i : i + size])
                if len(phrase) < size:
                    continue
                finnish = all(forms is not None for _, _, forms in kept[i : i + size])
                expansion = self._expansion(phrase, finnish)
                if expansion or size == 1:
                    break
            # A matched phrase is searched through its translation only; a word also as itself.
            words: list[tuple[str, Resolved | None]] = [] if size > 1 else [kept[i][::2]]
            words += [(target, self._resolve(target)) for target in expansion]
            found = [(" ".join(phrase), words)]
            if size == 1 and not expansion and kept[i][2] is None:
                # A Swedish compound: each listed word in it is a term of its own, so that a
                # measure with all of them ranks first.
                found = [
                    (part, [(target, self._resolve(target)) for target in targets])
                    for part, targets in self._swedish_parts(phrase[0])
                ] or found
            for label, term_words in found:
                term = self._make_term(label, term_words)
                signature = (term.exact, term.inside, term.part, term.prefixes)
                if signature not in seen:
                    seen.add(signature)
                    terms.append(term)
            i += size
        return terms[:MAX_QUERY_TERMS]

    def _resolve(self, word: str) -> Resolved | None:
        """The word's lemmas and parts, or None when it is to be matched by letters only."""
        if self._vocabulary is None:
            return None
        resolved = self._vocabulary.resolve(word)
        return None if resolved.source is Source.UNKNOWN else resolved

    def _expansion(self, phrase: tuple[str, ...], finnish: bool) -> tuple[str, ...]:
        """Finnish words for an English/Swedish phrase: "gränser" finds "gräns" by its stem.

        Stems are not tried for `finnish` words (read by the vocabulary): a word of the
        programme is not meant as English or Swedish.
        """
        found = self._synonyms.get(phrase, ())
        if found or finnish or not self._synonyms:
            return found
        stemmed = self._stemmed_synonyms().phrases
        for form in _forms(phrase)[1:]:
            if form in stemmed:
                return stemmed[form]
        return ()

    def _swedish_parts(self, word: str) -> list[tuple[str, tuple[str, ...]]]:
        """A Swedish compound made of listed words: each word and its Finnish words; or []."""
        if not self._synonyms:
            return []
        known = self._stemmed_synonyms().swedish
        return [known[part] for part in split_swedish(word, known)]

    def _stemmed_synonyms(self) -> _Stemmed:
        with self._stemmed_lock:
            if self._stemmed is None:
                phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
                for words, expansion in self._synonyms.items():
                    for form in _forms(words)[1:]:
                        phrases[form] = tuple(dict.fromkeys(phrases.get(form, ()) + expansion))
                swedish = {
                    stem(words[0], "sv"): (words[0], expansion)
                    for words, expansion in self._synonyms.items()
                    if len(words) == 1
                }
                self._stemmed = _Stemmed(phrases, swedish)
            return self._stemmed

    def _make_term(self, label: str, words: Sequence[tuple[str, Resolved | None]]) -> _Term:
        exact: set[str] = set()
        inside: set[str] = set()
        part: set[str] = set()
        prefixes: set[str] = set()
        tails: set[str] = set()
        for word, reading in words:
            # A word only the analyser knows is in no stored analysis: where the text has it
            # (a milestone added in chat), it was filed by its fold keys, so look there too.
            if reading is None or reading.source is Source.ANALYSER:
                keys = fold_keys(word)
                exact.update(keys)
                folded = unicodedata.normalize("NFKC", word.casefold())
                if len(folded) >= _MIN_PREFIX:
                    prefixes.add(folded)
                prefixes.update(k for k in keys if len(k) >= _MIN_KEY_PREFIX)
                tails.update(k for k in keys if len(k) >= _MIN_TAIL)
            if reading is None:
                continue
            forms = reading.forms
            exact.update(_LEMMA + lemma for lemma in forms.lemmas)
            inside.update(_IN + lemma for lemma in forms.lemmas)
            if len(forms.parts) > 1:
                inside.add(_IN + _JOIN.join(forms.parts))
                part.add(_LEMMA + forms.parts[-1])
        return _Term(
            label,
            frozenset(exact),
            frozenset(inside - exact),
            frozenset(part - exact),
            frozenset(prefixes),
            frozenset(tails),
        )

    def _partial_keys(self, term: _Term) -> tuple[set[str], set[str]]:
        """Fold keys sharing letters with the term: (its compounds, its own parts)."""
        compounds: set[str] = set()
        parts: set[str] = set()
        vocab, rvocab = self._vocab, self._rvocab
        for prefix in term.prefixes:
            start = bisect_left(vocab, prefix)
            for k in islice(vocab, start, start + _MAX_EXPANSIONS):
                if not k.startswith(prefix):
                    break
                compounds.add(k)
        for tail in term.tails:
            reversed_tail = tail[::-1]
            start = bisect_left(rvocab, reversed_tail)
            for k in islice(rvocab, start, start + _MAX_EXPANSIONS):
                if not k.startswith(reversed_tail):
                    break
                if len(k) - len(tail) >= _MIN_HEAD:
                    compounds.add(k[::-1])
            # The query itself may be the compound: lähisuhdeväkivalta → väkivalta.
            for head in range(_MIN_HEAD, len(tail) - _MIN_QUERY_TAIL + 1):
                if tail[head:] in self._df or tail[head:] in self._aliases:
                    parts.add(tail[head:])
        return compounds - term.exact, parts - term.exact - compounds

    def _term_scores(self, term: _Term) -> dict[int, float]:
        """Per document: _TERM_UNIT + the band of the term's best level + BM25 within it."""
        scores: dict[int, float] = {}
        exact = self._indexed(term.exact)
        self._score_union(scores, exact, _EXACT)
        self._score_union(scores, term.inside, _INSIDE)
        compounds, parts = self._partial_keys(term)
        self._score_each(scores, self._indexed(compounds) - exact, _INSIDE)
        # The last part alone is a broader topic (kyberturvallisuus → any turvallisuus): only
        # when nothing closer was found, or it would bury the one measure that was meant.
        if not scores:
            self._score_union(scores, term.part, _PART)
            self._score_each(scores, self._indexed(parts) - exact, _PART)
        return scores

    def _indexed(self, keys: Iterable[str]) -> set[str]:
        """The keys with postings, a fold key of a word read by the vocabulary as its lemmas."""
        found: set[str] = set()
        for k in keys:
            if k in self._postings:
                found.add(k)
            found.update(self._aliases.get(k, ()))
        return found

    def _score_union(self, scores: dict[int, float], keys: Iterable[str], level: int) -> None:
        """The documents of any of `keys`, weighted by the idf of them all together."""
        entries = [self._postings[k] for k in keys if k in self._postings]
        if not entries:
            return
        if len(entries) == 1:  # the common case: no union to build
            ids, sats = entries[0]
            count = len(ids)
            found: Iterable[tuple[int, float]] = zip(ids, sats, strict=True)
        else:
            # Union in C; where keys overlap the broadest one wins, as it counts the most forms.
            union: dict[int, float] = {}
            for ids, sats in sorted(entries, key=lambda entry: len(entry[0])):
                union.update(zip(ids, sats, strict=True))
            count, found = len(union), union.items()
        base = _TERM_UNIT + level * self._top
        weight = _idf(len(self._keys), count) / (_K1 + 1)
        if scores:
            scores.update({doc: base + weight * sat for doc, sat in found if doc not in scores})
        else:
            scores.update({doc: base + weight * sat for doc, sat in found})

    def _score_each(self, scores: dict[int, float], keys: Iterable[str], level: int) -> None:
        """Key by key, rarest first; a document keeps its first (close to its best) score."""
        n = len(self._keys)
        weighted = sorted(((_idf(n, self._df[k]) / (_K1 + 1), k) for k in keys), reverse=True)
        base = _TERM_UNIT + level * self._top
        budget = _PARTIAL_POSTINGS
        for weight, k in weighted:
            if budget <= 0 or len(scores) == n:
                break
            ids, sats = self._postings[k]
            budget -= len(ids)
            scores.update(
                {
                    doc: base + weight * sat
                    for doc, sat in zip(ids, sats, strict=True)
                    if doc not in scores
                }
            )


def _idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def _forms(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The words as typed, then as English and as Swedish stems."""
    return (words, tuple(stem(w, "en") for w in words), tuple(stem(w, "sv") for w in words))
