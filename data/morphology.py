"""Finnish morphology for search and question parsing: a word's lemmas and compound parts.

`kyberturvallisuutta` and `kyberturvallisuusohjeistusta` share the lemma parts kyber +
turvallisuus; `hybridiuhkiin` and `hybridiuhkien` share the lemma hybridiuhka; `kuntien` and
`kunnat` share kunta. Words are compared by those, not by their letters.

Three paths, cheapest first (`Vocabulary.resolve`):

1. **stored**: the programme's own words, analysed once at import by `analyse_vocabulary` and
   kept in the database (`StoredVocabulary.rows`, or `.encode()` for a file), with the keys the
   fallback needs. A question word that occurs in the programme is a dictionary look-up.
2. **fallback**: an unseen inflection of a stored word meets it through a shared key
   (Snowball stem + consonant-gradation fold, `fold_keys`), and an unseen compound is split
   into stored compound parts (`kyberturvallisuutta` → kyber + a form of turvallisuus).
3. **analyser**: the Voikko transducer (`pyvoikko`), loaded at most once per process, on first
   need, under a lock. It costs ~0.4 s and ~220 MB, so a one-shot `seuranta ask` passes
   ``use_analyser=False`` and stays on paths 1 and 2; a word that neither resolves is then
   looked for as itself.

Abbreviations with a Finnish case ending (`SUPOn`, `KRP:n`, `OM:n`, `SM:ään`) are taken apart
by rule before any of this: the transducer knows few of them.

Swedish and English words get Snowball stems (`stem`); a Swedish compound is split on the
words a caller knows (`split_swedish`), since Swedish topic words reach the Finnish text only
through the topic list.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, IntEnum
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any, Final, Literal

if TYPE_CHECKING:
    from pyvoikko.analysis import VoikkoAnalysis

__all__ = [
    "GRADATION",
    "Match",
    "Resolved",
    "Source",
    "StoredVocabulary",
    "Vocabulary",
    "WordForms",
    "abbreviation",
    "analyse",
    "analyse_vocabulary",
    "fold_keys",
    "normalise",
    "relate",
    "split_swedish",
    "stem",
]

# Longer "words" are junk (base64, repeated letters); cutting them bounds every path's work.
MAX_WORD_CHARS: Final = 64
_MIN_HEAD: Final = 3  # shortest first part of a compound the fallback will split off
_MIN_TAIL: Final = 3  # shortest last part
_MAX_PARTS: Final = 5
_MIN_SIMPLE_HEAD: Final = 4  # a whole stored lemma taken as the head of an unseen compound
_MIN_SHOUTED: Final = 6  # a word in capitals this long may be a word, not an abbreviation

# Finnish consonant gradation, (strong grade, weak grade), longest first so that "tt" is not
# read as "t": kunta : kunnan, pankki : pankin, uhka : uhan, pöytä : pöydän, lupa : luvan.
# One table for every module that needs it (search keys, organisation-name stems).
GRADATION: Final = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nt", "nn"), ("nk", "ng"), ("mp", "mm"),
    ("lt", "ll"), ("rt", "rr"), ("ht", "hd"), ("hk", "h"), ("lk", "l"), ("rk", "r"),
    ("t", "d"), ("p", "v"),
)  # fmt: skip

_VOWELS: Final = "aeiouyäöå"
_LETTERS: Final = re.compile(r"[^\W\d_]+")
# An abbreviation, then a case ending after a colon or straight after the capitals:
# "KRP:n", "SM:ään", "ETNO:s", "SUPOn", "PolAMKin". It starts and ends with a capital.
_ABBREVIATION: Final = re.compile(
    r"(?P<base>[A-ZÅÄÖ][^\W\d_]*[A-ZÅÄÖ])(?::(?P<marked>[^\W\d_]{1,5})|(?P<plain>[a-zåäö]{1,4}))?"
)
_UUD: Final = re.compile(r"(?<=uu|yy|iu|iy)[dt]$")  # rikollisuuden, valmiutta
_PLURAL_J: Final = re.compile(r"(?<=[eoöuy])j$")  # rajoja, järjestöjä
_ST: Final = re.compile(r"(?<=[iou])st$")  # viranomaisten, tutkimusta
_IK: Final = re.compile(r"(?<=[aeouyäö])ik$")  # aika : ajan

# Snowball stemmers keep state on the instance: one caller at a time. Made on first use: a
# question whose words are all stored needs none, and importing snowballstemmer costs ~10 ms.
_STEM_LOCK: Final = threading.Lock()
_STEMMERS: dict[str, Any] = {}
_SNOWBALL_NAMES: Final = {"fi": "finnish", "sv": "swedish", "en": "english"}
# Swedish joins compound parts with these (säkerhet-s-anvisning, kyrk-o-gård, gat-u-belysning).
_SV_LINKS: Final = ("", "s", "e", "a", "u", "o")


class Source(Enum):
    """Which path found a word's forms; `UNKNOWN` means the word stands for itself."""

    STORED = "stored"
    FALLBACK = "fallback"
    ANALYSER = "analyser"
    ABBREVIATION = "abbreviation"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class WordForms:
    """A word's base forms and, for a compound, its parts as base forms (first to last).

    `lemmas` has more than one entry for an ambiguous word (koskevat: koskea, koskeva);
    `parts` is () for a word that is not a compound.
    """

    lemmas: tuple[str, ...]
    parts: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        """What a search index files the word under: every lemma and every part."""
        return frozenset(self.lemmas) | frozenset(self.parts)


@dataclass(frozen=True, slots=True)
class Resolved:
    forms: WordForms
    source: Source


class Match(IntEnum):
    """How a typed word relates to a word of the text, weakest first (see `relate`)."""

    NONE = 0
    PART = 1  # the text's word is a part of the typed compound: lähisuhdeväkivalta ~ väkivalta
    COMPOUND = 2  # the typed word is in the text's compound: kyberturvallisuus ~ …ohjeistus
    EXACT = 3  # a shared lemma: kuntien ~ kunnat


def relate(query: WordForms, text: WordForms) -> Match:
    """The reference rule for ranking a text word against a query word.

    COMPOUND: the query's lemma is one of the text word's parts, or the query's parts run in
    order inside the text word's parts (kyber + turvallisuus in kyber + turvallisuus +
    ohjeistus). PART is the converse, a more specific query.
    """
    if set(query.lemmas) & set(text.lemmas):
        return Match.EXACT
    if _inside(query, text):
        return Match.COMPOUND
    if _inside(text, query):
        return Match.PART
    return Match.NONE


def _inside(small: WordForms, large: WordForms) -> bool:
    if not large.parts:
        return False
    if set(small.lemmas) & set(large.parts):
        return True
    n = len(small.parts)
    return n > 1 and any(
        large.parts[i : i + n] == small.parts for i in range(len(large.parts) - n + 1)
    )


def normalise(word: str) -> str:
    """NFKC, casefolded, cut to MAX_WORD_CHARS: the spelling every path works on."""
    return unicodedata.normalize("NFKC", word).casefold()[:MAX_WORD_CHARS]


def stem(word: str, lang: Literal["fi", "sv", "en"]) -> str:
    """The Snowball stem of a word (normalised first)."""
    return _stem(lang, normalise(word))


@lru_cache(maxsize=1 << 16)
def _stem(lang: str, word: str) -> str:
    with _STEM_LOCK:
        stemmer = _STEMMERS.get(lang)
        if stemmer is None:
            import snowballstemmer

            stemmer = _STEMMERS[lang] = snowballstemmer.stemmer(_SNOWBALL_NAMES[lang])
        return str(stemmer.stemWord(word))


def abbreviation(token: str) -> str | None:
    """The abbreviation in `KRP:n`, `SUPOn`, `OM:n`, `SM:ään`, `PolAMKin`, casefolded; else None.

    Decided on the token as written, so capitals count: "Tullin" is a word. An ending written
    straight on needs three capitals before it ("OMn" is not Finnish; "SUPOn" is).
    """
    if len(token) > MAX_WORD_CHARS:
        return None
    match = _ABBREVIATION.fullmatch(unicodedata.normalize("NFKC", token))
    if match is None or (match["plain"] and len(match["base"]) < 3):
        return None
    return match["base"].casefold()


def fold_keys(word: str) -> tuple[str, ...]:
    """Keys that the inflected forms of one Finnish word share (uhka, uhat, uhkiin → "uh").

    The Snowball stem and the word itself, both folded by `_fold`; the raw key covers the
    nominatives Snowball mistakes for case endings ("väkivalta" as if ablative -lta).
    """
    return _fold_keys(normalise(word))


@lru_cache(maxsize=1 << 16)
def _fold_keys(word: str) -> tuple[str, ...]:
    # -inen words inflect on -ise-; Snowball would leave the nominative on its own "-in".
    word = word[:-4] + "isen" if len(word) > 5 and word.endswith("inen") else word
    stemmed, raw = _fold(_stem("fi", word)), _fold(word)
    return (stemmed,) if stemmed == raw else (stemmed, raw)


def _fold(stem: str) -> str:
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
    if s.endswith("ss"):
        s = s[:-1]
    if len(s) >= 3:
        if _IK.search(s):
            return s[:-2] + "j"
        for ending, shared in _FOLDED_GRADES:
            if s.endswith(ending):
                return s[: -len(ending)] + shared
    return s


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _shared_grade(strong: str, weak: str) -> str:
    """What both grades fold to: their common start (nt, nn → n), else the strong one (d → t)."""
    common = ""
    for a, b in zip(strong, weak, strict=False):
        if a != b:
            break
        common += a
    return common or strong


# Every grade as a stem ending → the shared form; two-letter endings first, so that uhk (uhka)
# is read as the strong grade of uhan, not as a stem that merely ends in k.
_FOLDED_GRADES: Final = tuple(
    sorted(
        {
            (form, _shared_grade(strong, weak))
            for strong, weak in GRADATION
            for form in (strong, weak)
        },
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
)


def _strip_vowels(s: str) -> str:
    stripped = s.rstrip(_VOWELS)
    # Keep a vowel: "työ" and "maa" must not shrink to "t" and "m".
    return stripped if len(stripped) >= 2 and any(c in _VOWELS for c in stripped) else s


def split_swedish(word: str, known: Collection[str]) -> tuple[str, ...]:
    """A Swedish compound as known words, first to last, or () when it does not split so.

    `known` holds Snowball Swedish stems (e.g. of the topic list's Swedish words). The last
    part is matched by its own stem, so "cybersäkerhetsanvisningar" → (cyber, säker,
    anvisning) when those stems are known. Parts join directly or through a linking
    s/e/a/u/o; the longest first part wins.
    """
    return _split_swedish(normalise(word), frozenset(known))


def _split_swedish(word: str, known: frozenset[str]) -> tuple[str, ...]:
    @cache
    def split(start: int, depth: int) -> tuple[str, ...]:
        rest = word[start:]
        tail = _stem("sv", rest)
        if start > 0 and tail in known and len(rest) >= _MIN_TAIL:
            return (tail,)
        if depth >= _MAX_PARTS:
            return ()
        for end in range(len(word) - _MIN_TAIL, start + _MIN_HEAD - 1, -1):
            head = word[start:end]
            for link in _SV_LINKS:
                if link and not head.endswith(link):
                    continue
                bare = head[: len(head) - len(link)]
                if len(bare) < _MIN_HEAD:
                    continue
                found = bare if bare in known else _stem("sv", bare)
                if found in known:
                    rest_parts = split(end, depth + 1)
                    if rest_parts:
                        return (found, *rest_parts)
        return ()

    parts = split(0, 1)
    return parts if len(parts) > 1 else ()


# --- the analyser -----------------------------------------------------------------------------

Analyser = Callable[[str], "list[VoikkoAnalysis]"]

_ANALYSER_LOCK: Final = threading.Lock()
_analyser: Analyser | None = None


def _load_analyser() -> Analyser:
    """pyvoikko's analyse(), imported on first use: importing it reads the 1 MB transducer."""
    global _analyser
    if _analyser is None:
        with _ANALYSER_LOCK:
            if _analyser is None:
                import pyvoikko

                _analyser = pyvoikko.analyse
    return _analyser


def analyse(word: str) -> WordForms | None:
    """The analyser's reading of one Finnish word, or None when it does not know the word.

    Loads the transducer on first call. An abbreviation with a case ending is taken apart by
    rule (`abbreviation`), as the transducer knows few of them.
    """
    short = abbreviation(word)
    if short is not None:
        return WordForms((short,))
    return _analyse(normalise(word))


@lru_cache(maxsize=1 << 14)
def _analyse(word: str) -> WordForms | None:
    if not _LETTERS.fullmatch(word.replace("-", "")):
        return None
    analyser = _load_analyser()
    with _ANALYSER_LOCK:  # the transducer's thread safety is not documented
        readings = analyser(word)
    if not readings:
        return None
    # Voikko also offers over-split readings (ilmiöt as ilmi + yö, "night"): keep those with
    # the fewest compound boundaries, the usual rule for Finnish.
    fewest = min(len(reading.COMPOUND_PARTS or ()) for reading in readings)
    lemmas: dict[str, None] = {}
    parts: tuple[str, ...] = ()
    for reading in readings:
        compound = reading.COMPOUND_PARTS or ()
        if len(compound) == fewest:
            lemmas[_lemma(reading)] = None
            parts = parts or tuple(_clean(part.BASEFORM) for part in compound)
    return WordForms(tuple(lemmas), parts if len(parts) > 1 else ())


def _lemma(reading: VoikkoAnalysis) -> str:
    """A compound's lemma is its heads as written and its last part's base form.

    pyvoikko writes an adjective head in its base form (yhteiskunnallinen as
    "yhteinenkunnallinen"), which no text contains.
    """
    compound = reading.COMPOUND_PARTS
    if not compound or len(compound) < 2:
        return _clean(reading.BASEFORM)
    return _clean("".join(part.FORM for part in compound[:-1]) + compound[-1].BASEFORM)


def _clean(base: str) -> str:
    # Voikko marks morpheme boundaries in some base forms ("toimen=pide").
    return base.replace("=", "").casefold()


@dataclass(frozen=True, slots=True)
class StoredVocabulary:
    """What the importer stores: each entry's forms and its fold keys, computed once.

    Entries are the programme's words and every lemma and part among their forms, so that
    query time needs neither the analyser nor Snowball for what the programme contains.
    `rows` and `from_rows` are for a table (word, lemmas, parts, keys; space-separated);
    `encode` and `decode` for a file.
    """

    forms: Mapping[str, WordForms]
    keys: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, forms: Mapping[str, WordForms]) -> StoredVocabulary:
        """Entries as given, with their keys computed."""
        return cls(dict(forms), {word: _fold_keys(word) for word in forms})

    def rows(self) -> list[tuple[str, str, str, str]]:
        return [
            (word, " ".join(f.lemmas), " ".join(f.parts), " ".join(self.keys[word]))
            for word, f in sorted(self.forms.items())
        ]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str, str]]) -> StoredVocabulary:
        forms: dict[str, WordForms] = {}
        keys: dict[str, tuple[str, ...]] = {}
        for word, lemmas, parts, word_keys in rows:
            if not lemmas.split():
                raise ValueError(f"vocabulary entry {word!r}: no lemma")
            forms[word] = WordForms(tuple(lemmas.split()), tuple(parts.split()))
            keys[word] = tuple(word_keys.split())
        return cls(forms, keys)

    def encode(self) -> str:
        """JSON text: {word: [[lemma, …], [part, …], [key, …]]}."""
        return json.dumps(
            {
                word: [list(f.lemmas), list(f.parts), list(self.keys[word])]
                for word, f in sorted(self.forms.items())
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def decode(cls, text: str) -> StoredVocabulary:
        """The inverse of `encode`. Raises ValueError on anything else."""
        raw = json.loads(text)
        if not isinstance(raw, dict):
            raise ValueError("a vocabulary is a JSON object of word → [lemmas, parts, keys]")
        forms: dict[str, WordForms] = {}
        keys: dict[str, tuple[str, ...]] = {}
        for word, entry in raw.items():
            try:
                lemmas, parts, word_keys = map(tuple, entry)
            except (TypeError, ValueError):
                lemmas = ()
            # One flat type check: this runs in every one-shot process that loads a vocabulary.
            if not lemmas or {type(s) for s in (*lemmas, *parts, *word_keys)} != {str}:
                raise ValueError(
                    f"vocabulary entry {word!r}: expected [[lemma, ...], [part, ...], [key, ...]]"
                )
            forms[word] = WordForms(lemmas, parts)
            keys[word] = word_keys
        return cls(forms, keys)


def analyse_vocabulary(words: Iterable[str]) -> StoredVocabulary:
    """Index time: every distinct word the analyser knows, and its lemmas and parts.

    A word the analyser does not know is left out: at query time it falls to the cheaper
    paths.
    """
    forms: dict[str, WordForms] = {}
    for word in dict.fromkeys(map(normalise, words)):
        if len(word) >= 2 and word not in forms:
            analysed = _analyse(word)
            if analysed is not None:
                forms[word] = analysed
    # A lemma or part typed as such stands for itself (with a lemma's parts), so that the
    # fallback finds its keys; it is not analysed again, which could open new ambiguities.
    for entry in list(forms.values()):
        for lemma in entry.lemmas:
            forms.setdefault(lemma, WordForms((lemma,), entry.parts))
        for part in entry.parts:
            forms.setdefault(part, WordForms((part,)))
    return StoredVocabulary.of(forms)


# --- query time -------------------------------------------------------------------------------


class Vocabulary:
    """Query-time morphology over a stored vocabulary (see the module docstring).

    Thread-safe: after construction only caches are written, and those under the GIL.
    """

    __slots__ = (
        "_by_key",
        "_cheap",
        "_heads",
        "_keys",
        "_lemma_parts",
        "_resolve",
        "_stored",
        "use_analyser",
    )

    def __init__(self, stored: StoredVocabulary, *, use_analyser: bool = True) -> None:
        self._stored = stored.forms
        self._keys = stored.keys
        self.use_analyser = use_analyser
        # fold key → lemmas whose forms share it; every lemma and part → its compound parts
        self._by_key: dict[str, set[str]] = {}
        self._lemma_parts: dict[str, tuple[str, ...]] = {}
        # compound heads as written inside a compound → their base form (lasten → lapsi)
        self._heads: dict[str, str] = {}
        # Plain dictionary work on stored keys: a one-shot process pays ~2 ms here.
        for word, forms in stored.forms.items():
            for key in stored.keys.get(word) or _fold_keys(word):
                self._by_key.setdefault(key, set()).update(forms.lemmas)
            for lemma in forms.lemmas:
                if len(forms.parts) >= len(self._lemma_parts.get(lemma, ())):
                    self._lemma_parts[lemma] = forms.parts
                self._learn_heads(lemma, forms.parts)
                if len(lemma) >= _MIN_SIMPLE_HEAD:  # a nominative is also how heads are written
                    self._heads.setdefault(lemma, lemma)
            for part in forms.parts:
                self._lemma_parts.setdefault(part, ())
        # Per instance, so a vocabulary's caches go with it.
        self._resolve = lru_cache(maxsize=1 << 14)(self._resolve_uncached)
        self._cheap = lru_cache(maxsize=1 << 14)(self._cheap_uncached)

    def _learn_heads(self, lemma: str, parts: tuple[str, ...]) -> None:
        """Align a compound lemma with its parts to learn how each head is written in it.

        kyberturvallisuusohjeistus with (kyber, turvallisuus, ohjeistus) teaches kyber and
        turvallisuus; lastensuojelu with (lapsi, suojelu) teaches lasten → lapsi.
        """
        if len(parts) < 2 or not lemma.endswith(parts[-1]):
            return
        written = lemma[: len(lemma) - len(parts[-1])]
        for i, part in enumerate(parts[:-1]):
            if written.startswith(part):
                head, written = part, written[len(part) :]
            elif i == len(parts) - 2:
                head, written = written, ""
            else:
                return
            if len(head) >= _MIN_HEAD:
                self._heads.setdefault(head, part)

    def __len__(self) -> int:
        return len(self._stored)

    def resolve(self, word: str, *, seen: bool = False) -> Resolved:
        """A Finnish word's forms and the path that found them; never raises, never None.

        `seen`: the word was offered to the analyser at import already (a word of the
        programme), so asking it again would only load it to hear "unknown" once more.

        A word typed in capitals (KYBERTURVALLISUUTTA, KUNNAT) is read as a word when the
        stored vocabulary knows it; abbreviations are short, and their case endings are not
        capitals (SUPOn, KRP:n).
        """
        short = abbreviation(word)
        if short is not None:
            if len(word) >= _MIN_SHOUTED and word.isupper():
                known = self._cheap(normalise(word))
                if known is not None:
                    return known
            return Resolved(WordForms((short,)), Source.ABBREVIATION)
        folded = normalise(word)
        if seen:
            return self._cheap(folded) or Resolved(WordForms((folded,)), Source.UNKNOWN)
        return self._resolve(folded)

    def forms(self, word: str) -> WordForms:
        return self.resolve(word).forms

    def fold_keys(self, word: str) -> tuple[str, ...]:
        """`fold_keys(word)`, as stored at import when the word was: no Snowball needed."""
        folded = normalise(word)
        return self._keys.get(folded) or _fold_keys(folded)

    def _resolve_uncached(self, word: str) -> Resolved:
        cheap = self._cheap(word)
        if cheap is not None:
            return cheap
        if self.use_analyser:
            analysed = _analyse(word)
            if analysed is not None:
                return Resolved(analysed, Source.ANALYSER)
        return Resolved(WordForms((word,)), Source.UNKNOWN)

    def _cheap_uncached(self, word: str) -> Resolved | None:
        """Paths 1 and 2: the stored word, else a stored word's key, else a split compound."""
        stored = self._stored.get(word)
        if stored is not None:
            return Resolved(stored, Source.STORED)
        if len(word) < 2:
            return None
        # A stored lemma typed as such is that lemma, not every lemma its key also reaches.
        lemmas = (word,) if word in self._lemma_parts else self._lemmas_by_key(word)
        if lemmas:
            parts = max((self._lemma_parts.get(lemma, ()) for lemma in lemmas), key=len)
            return Resolved(WordForms(lemmas, parts), Source.FALLBACK)
        split = self._split(word)
        return None if split is None else Resolved(split, Source.FALLBACK)

    def _lemmas_by_key(self, word: str) -> tuple[str, ...]:
        """Stored lemmas sharing a key with the word, the likeliest first: a lemma the word
        starts with (keskusten: keskus before kesken, keskustella), then the longest shared
        beginning, as Finnish inflects by endings."""
        found: set[str] = set()
        for key in _fold_keys(word):
            found.update(self._by_key.get(key, ()))
        return tuple(
            sorted(
                found,
                key=lambda lemma: (not word.startswith(lemma), -_shared_start(word, lemma), lemma),
            )
        )

    def _split(self, word: str) -> WordForms | None:
        """An unseen compound as a known head plus a known word (itself maybe a compound)."""
        # Longest head first: "turvallisuus|ohjeistus" before "turva|llisuusohjeistus".
        for end in range(len(word) - _MIN_TAIL, _MIN_HEAD - 1, -1):
            base = self._heads.get(word[:end])
            if base is None:
                continue
            tail = self._cheap(word[end:])
            if tail is None:
                continue
            head = word[:end]
            lemmas = tuple(head + lemma for lemma in tail.forms.lemmas)
            parts = (base, *(tail.forms.parts or tail.forms.lemmas[:1]))
            return WordForms(lemmas, parts[:_MAX_PARTS])
        return None
