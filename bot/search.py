"""Ranked full-text search over the programme's measures, tolerant of Finnish inflection.

Pure and in-memory: build a `SearchIndex` once per programme revision, query it many times.

Analysis (`normalise_terms`, shared by documents and queries): NFKC + casefold, split on
anything that is not a letter (å, ä, ö stay letters), drop one-letter tokens and fi/sv/en
stopwords. Each token then gets up to two index keys (`term_keys`): the Snowball Finnish stem
and the raw token, both passed through `_fold`. The raw key is there because Snowball mistakes
some nominatives for case endings ("väkivalta" → "väkiv", as if ablative -lta).

`_fold` makes the forms of one word meet. Snowball leaves consonant gradation and stem
alternations apart (uhka → "uhk", uhat → "uha"; valvonta → "valvon", valvontaa → "valvont";
pankki → "pank", pankin → "pan"), so it strips derivational tails (-ks, -uud/-uut, -is after
i/u/y, plural -j-) and trailing vowels, then maps the final consonant cluster to one grade
for both the strong and the weak form: kk/pp/tt → k/p/t, nt/nn → n, lt/ll → l, rt/rr → r,
mp/mm → m, nk/ng → n, hk → h, lk → l, rk → r, Vik → Vj, d → t, v → p. So uhka, uhat,
uhkiin, uhkista → "uh"; raja, rajat, rajojen → "raj" while rajoitus → "rajoit".

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
from functools import lru_cache
from heapq import nlargest
from typing import Final

import snowballstemmer

__all__ = ["DEFAULT_SYNONYMS", "Hit", "SearchIndex", "normalise_terms", "term_keys"]

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
_MAX_EXPANSIONS: Final = 64  # partial-match keys per query term, most frequent first


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
    välillä aikana jälkeen ennen siten näin niin noin yli alle asti saakka mukana no
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

# English and Swedish words a user may ask about, mapped to Finnish words that occur in the
# 2018 programme text (tests check that every target still hits a measure).
DEFAULT_SYNONYMS: Final[Mapping[str, Sequence[str]]] = {
    # threats and crime
    "terrorism": ["terrorismi"],
    "terrorist": ["terrorismi", "terroristinen"],
    "counterterrorism": ["terrorismi", "torjunta"],
    "radicalisation": ["radikalisoituminen"],
    "radicalization": ["radikalisoituminen"],
    "radikalisering": ["radikalisoituminen"],
    "extremism": ["ääriliike", "äärioikeisto"],
    "extremist": ["ääriliike", "äärioikeisto"],
    "hybrid": ["hybridiuhka", "hybridivaikuttaminen"],
    "hybrid threats": ["hybridiuhka"],
    "hybridhot": ["hybridiuhka"],
    "threat": ["uhka"],
    "hot": ["uhka"],
    "disinformation": ["informaatiovaikuttaminen"],
    "influence operations": ["informaatiovaikuttaminen", "hybridivaikuttaminen"],
    "propaganda": ["propaganda"],
    "cybercrime": ["verkkorikollisuus", "kyberrikollisuus", "tietoverkkorikollisuus"],
    "cyber crime": ["verkkorikollisuus", "kyberrikollisuus", "tietoverkkorikollisuus"],
    "cyberbrottslighet": ["verkkorikollisuus", "kyberrikollisuus"],
    "cyber": ["kyberturvallisuus", "kyberrikollisuus"],
    "cybersecurity": ["kyberturvallisuus"],
    "crime": ["rikollisuus", "rikos"],
    "brott": ["rikollisuus", "rikos"],
    "brottslighet": ["rikollisuus"],
    "organised crime": ["järjestäytynyt rikollisuus"],
    "organized crime": ["järjestäytynyt rikollisuus"],
    "economic crime": ["talousrikollisuus"],
    "intelligence": ["tiedustelu", "siviilitiedustelu"],
    "underrättelse": ["tiedustelu"],
    "victim": ["uhri"],
    "brottsoffer": ["uhri"],
    "violence": ["väkivalta"],
    "violent": ["väkivaltainen"],
    "våld": ["väkivalta"],
    "domestic violence": ["lähisuhdeväkivalta", "väkivalta"],
    "våld nära relationer": ["lähisuhdeväkivalta", "väkivalta"],
    "exclusion": ["syrjäytyminen"],
    "marginalisation": ["syrjäytyminen"],
    "utanförskap": ["syrjäytyminen"],
    "segregation": ["segregaatio"],
    # borders, migration, customs
    "border": ["raja", "rajavalvonta", "rajavartiolaitos"],
    "gräns": ["raja", "rajavalvonta", "rajavartiolaitos"],
    "border control": ["rajavalvonta", "rajatarkastus"],
    "border guard": ["rajavartiolaitos"],
    "gränsbevakning": ["rajavalvonta", "rajavartiolaitos"],
    "eastern border": ["itäraja"],
    "migration": ["maahanmuutto", "maahantulo"],
    "immigration": ["maahanmuutto", "maahantulo"],
    "invandring": ["maahanmuutto", "maahantulo"],
    "integration": ["kotoutuminen"],
    "customs": ["tulli"],
    "tull": ["tulli"],
    "surveillance": ["valvonta"],
    "övervakning": ["valvonta"],
    # authorities and services
    "police": ["poliisi"],
    "polis": ["poliisi"],
    "reserve": ["reservi", "reservipoliisi"],
    "reserv": ["reservi", "reservipoliisi"],
    "reserve police": ["reservipoliisi"],
    "conscript": ["asevelvollinen"],
    "rescue": ["pelastustoimi", "pelastus"],
    "räddning": ["pelastustoimi", "pelastus"],
    "fire safety": ["paloturvallisuus"],
    "emergency": ["hätäkeskus", "poikkeusolot", "valmiuslaki"],
    "emergency centre": ["hätäkeskus"],
    "emergency center": ["hätäkeskus"],
    "nödcentral": ["hätäkeskus"],
    "emergency powers": ["valmiuslaki"],
    "defence": ["puolustusvoimat", "puolustusministeriö"],
    "defense": ["puolustusvoimat", "puolustusministeriö"],
    "försvar": ["puolustusvoimat", "puolustusministeriö"],
    "ministry interior": ["sisäministeriö"],
    "inrikesministeriet": ["sisäministeriö"],
    "situation centre": ["tilannekeskus"],
    "situation center": ["tilannekeskus"],
    "situational awareness": ["tilannekuva"],
    "lägesbild": ["tilannekuva"],
    "health care": ["terveydenhuolto"],
    "healthcare": ["terveydenhuolto"],
    "mental health": ["mielenterveys"],
    "prosecutor": ["syyttäjä"],
    "court": ["tuomioistuin"],
    "criminal justice": ["rikosoikeusjärjestelmä"],
    "sanctions": ["rikosseuraamuslaitos"],
    # people and places
    "children": ["lapsi", "lapset", "lasten"],
    "child": ["lapsi", "lapset", "lasten"],
    "barn": ["lapsi", "lapset", "lasten"],
    "youth": ["nuoret", "nuorten"],
    "young": ["nuoret", "nuorten"],
    "unga": ["nuoret", "nuorten"],
    "ungdom": ["nuoret", "nuorten"],
    "school": ["koulu", "oppilaitos"],
    "skola": ["koulu", "oppilaitos"],
    "teachers": ["opetushenkilöstö", "rehtori"],
    "education": ["opetus", "koulutus", "varhaiskasvatus"],
    "utbildning": ["opetus", "koulutus"],
    "elderly": ["ikääntyneet"],
    "äldre": ["ikääntyneet"],
    "citizens": ["kansalainen"],
    "medborgare": ["kansalainen"],
    "households": ["kotitalous", "kotivara"],
    "municipality": ["kunta"],
    "municipalities": ["kunta"],
    "kommun": ["kunta"],
    "region": ["maakunta"],
    "landskap": ["maakunta"],
    "organisations": ["järjestö"],
    "organizations": ["järjestö"],
    "ngo": ["järjestö"],
    "organisationer": ["järjestö"],
    "business": ["elinkeinoelämä", "yritys"],
    "companies": ["elinkeinoelämä", "yritys"],
    "näringsliv": ["elinkeinoelämä", "yritys"],
    "företag": ["elinkeinoelämä", "yritys"],
    # how the work is done
    "research": ["tutkimus"],
    "forskning": ["tutkimus"],
    "innovation": ["innovaatio"],
    "procurement": ["hankinta"],
    "upphandling": ["hankinta"],
    "equipment": ["kalusto"],
    "funding": ["rahoitus"],
    "preparedness": ["varautuminen", "valmius"],
    "readiness": ["varautuminen", "valmius"],
    "beredskap": ["varautuminen", "valmius"],
    "civil preparedness": ["siviilivalmius"],
    "resilience": ["kriisinkestokyky", "resilienssi"],
    "crisis": ["kriisi", "kriisiviestintä"],
    "kris": ["kriisi", "kriisiviestintä"],
    "disaster": ["suuronnettomuus"],
    "major accident": ["suuronnettomuus"],
    "storolycka": ["suuronnettomuus"],
    "risk assessment": ["riskiarvio"],
    "risk": ["riski", "riskiarvio"],
    "resources": ["resurssi"],
    "resurser": ["resurssi"],
    "staff": ["henkilöstö"],
    "personnel": ["henkilöstö"],
    "skills": ["osaaminen"],
    "competence": ["osaaminen"],
    "kompetens": ["osaaminen"],
    "foresight": ["ennakointi"],
    "anticipation": ["ennakointi"],
    "framsyn": ["ennakointi"],
    "indicators": ["indikaattori", "mittari"],
    "metrics": ["indikaattori", "mittari"],
    "indikatorer": ["indikaattori", "mittari"],
    "exercise": ["harjoitus", "harjoitustoiminta"],
    "övning": ["harjoitus", "harjoitustoiminta"],
    "training": ["koulutus", "täydennyskoulutus"],
    "security": ["turvallisuus"],
    "safety": ["turvallisuus"],
    "säkerhet": ["turvallisuus"],
    "internal security": ["sisäinen turvallisuus"],
    "inre säkerhet": ["sisäinen turvallisuus"],
    "strategy": ["strategia"],
    "legislation": ["lainsäädäntö", "laki"],
    "law": ["lainsäädäntö", "laki"],
    "lagstiftning": ["lainsäädäntö", "laki"],
    "communication": ["viestintä", "turvallisuusviestintä"],
    "kommunikation": ["viestintä", "turvallisuusviestintä"],
    "cooperation": ["yhteistyö"],
    "samarbete": ["yhteistyö"],
    "network": ["verkosto"],
    "nätverk": ["verkosto"],
    "information exchange": ["tiedonvaihto"],
    "information sharing": ["tiedonvaihto"],
    "wellbeing": ["hyvinvointi"],
    "welfare": ["hyvinvointi"],
    "välfärd": ["hyvinvointi"],
    "services": ["palvelu"],
    "service platform": ["palveluväylä"],
    "digitalisation": ["digitalisaatio"],
    "digitalization": ["digitalisaatio"],
    "evaluation": ["arviointi"],
    "assessment": ["arviointi"],
    "planning": ["suunnittelu"],
    "leadership": ["johtaminen"],
    "management": ["johtaminen"],
}

_WORD: Final = re.compile(r"[^\W\d_]+")
_DIGITS: Final = re.compile(r"(\d+)")
_VOWELS: Final = "aeiouyäöå"
# (strong or weak grade at the end of a stem, the shared form)
_GRADATION: Final = (
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("nn", "n"), ("ll", "l"), ("rr", "r"), ("mm", "m"),
    ("ss", "s"), ("nt", "n"), ("lt", "l"), ("rt", "r"), ("mp", "m"), ("nk", "n"), ("ng", "n"),
    ("hk", "h"), ("lk", "l"), ("rk", "r"),
)  # fmt: skip
_UUD: Final = re.compile(r"(?<=uu|yy|iu|iy)[dt]$")  # rikollisuuden, valmiutta
_PLURAL_J: Final = re.compile(r"(?<=[eoöuy])j$")  # rajoja, järjestöjä
_ST: Final = re.compile(r"(?<=[iou])st$")  # viranomaisten, rikosten, tutkimusta
_IK: Final = re.compile(r"(?<=[aeouyäö])ik$")  # aika / ajan

# Snowball stemmers keep their state on the instance: one caller at a time.
_STEM_LOCK: Final = threading.Lock()
_STEMMERS: Final = {
    lang: snowballstemmer.stemmer(lang) for lang in ("finnish", "english", "swedish")
}


def normalise_terms(text: str) -> list[str]:
    """Lowercased, NFKC-normalised word tokens of `text`, without stopwords and 1-letter tokens."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return [
        token
        for token in _WORD.findall(folded)
        if 1 < len(token) <= MAX_TOKEN_CHARS and token not in _STOPWORDS
    ]


def term_keys(word: str) -> tuple[str, ...]:
    """The index keys of one word: two inflected forms of a word share at least one key."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", word).casefold())
    return _token_keys(folded)


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
    words searched in its place; None means `DEFAULT_SYNONYMS`, `{}` means none.
    """

    __slots__ = (
        "_df",
        "_keys",
        "_postings",
        "_rank",
        "_rvocab",
        "_syn_en",
        "_syn_exact",
        "_syn_sv",
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
                for token, count in Counter(normalise_terms(text)).items():
                    amount = weight * count
                    length += amount
                    for k in _token_keys(token):
                        tf[k] = tf.get(k, 0.0) + amount
            term_freqs.append(tf)
            lengths.append(length)

        # BM25F: field weights scale term and length counts; saturation is precomputed here.
        average = sum(lengths) / len(lengths) if lengths and sum(lengths) > 0 else 1.0
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for doc, (tf, length) in enumerate(zip(term_freqs, lengths, strict=True)):
            norm = _K1 * (1 - _B + _B * length / average)
            for k, f in tf.items():
                entry = postings.get(k)
                if entry is None:
                    entry = postings[k] = ([], [])
                entry[0].append(doc)
                entry[1].append(f * (_K1 + 1) / (f + norm))
        self._postings: dict[str, tuple[tuple[int, ...], tuple[float, ...]]] = {
            k: (tuple(ids), tuple(sats)) for k, (ids, sats) in postings.items()
        }
        self._df: dict[str, int] = {k: len(ids) for k, (ids, _) in postings.items()}
        self._vocab: list[str] = sorted(postings)
        self._rvocab: list[str] = sorted(k[::-1] for k in postings)

        self._syn_exact: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._syn_en: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._syn_sv: dict[tuple[str, ...], tuple[str, ...]] = {}
        for phrase, targets in (DEFAULT_SYNONYMS if synonyms is None else synonyms).items():
            words = tuple(normalise_terms(phrase))
            expansion = tuple(
                dict.fromkeys(t for target in targets for t in normalise_terms(target))
            )
            if not words or not expansion:
                continue
            for table, form in (
                (self._syn_exact, words),
                (self._syn_en, tuple(_stem("english", w) for w in words)),
                (self._syn_sv, tuple(_stem("swedish", w) for w in words)),
            ):
                table[form] = tuple(dict.fromkeys(table.get(form, ()) + expansion))

    def __len__(self) -> int:
        return len(self._keys)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """The best `limit` measures for `query`, best first; [] when nothing matches."""
        if limit <= 0:
            return []
        terms = self._terms(normalise_terms(query[:MAX_QUERY_CHARS]))
        per_term = [self._term_scores(term) for term in terms]
        totals: dict[int, float] = {}
        for scores in per_term:
            if not totals:
                totals = dict(scores)
                continue
            for doc, value in scores.items():
                totals[doc] = totals.get(doc, 0.0) + value
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
                expansion = self._synonyms(phrase)
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

    def _synonyms(self, phrase: tuple[str, ...]) -> tuple[str, ...]:
        if not self._syn_exact:
            return ()
        return (
            self._syn_exact.get(phrase)
            or self._syn_en.get(tuple(_stem("english", w) for w in phrase))
            or self._syn_sv.get(tuple(_stem("swedish", w) for w in phrase))
            or ()
        )

    def _partial_keys(self, term: _Term) -> list[str]:
        found: set[str] = set()
        vocab, rvocab = self._vocab, self._rvocab
        for prefix in term.prefixes:
            i = bisect_left(vocab, prefix)
            while i < len(vocab) and vocab[i].startswith(prefix):
                found.add(vocab[i])
                i += 1
        for tail in term.tails:
            reversed_tail = tail[::-1]
            i = bisect_left(rvocab, reversed_tail)
            while i < len(rvocab) and rvocab[i].startswith(reversed_tail):
                if len(rvocab[i]) - len(tail) >= _MIN_HEAD:
                    found.add(rvocab[i][::-1])
                i += 1
            # The query itself may be the compound: lähisuhdeväkivalta → väkivalta.
            for start in range(_MIN_HEAD, len(tail) - _MIN_QUERY_TAIL + 1):
                if tail[start:] in self._df:
                    found.add(tail[start:])
        found -= term.exact
        if len(found) > _MAX_EXPANSIONS:
            return sorted(found, key=lambda k: (-self._df[k], k))[:_MAX_EXPANSIONS]
        return list(found)

    def _term_scores(self, term: _Term) -> dict[int, float]:
        """Per document: _TERM_UNIT + this term's BM25 share (exact ≥ idf > 2 × partial)."""
        exact: dict[int, float] = {}
        for k in term.exact:
            entry = self._postings.get(k)
            if entry is not None:
                for doc, sat in zip(*entry, strict=True):
                    if sat > exact.get(doc, 0.0):
                        exact[doc] = sat
        partial: dict[int, float] = {}
        for k in self._partial_keys(term):
            for doc, sat in zip(*self._postings[k], strict=True):
                if doc not in exact and sat > partial.get(doc, 0.0):
                    partial[doc] = sat
        matched = len(exact) + len(partial)
        if not matched:
            return {}
        n = len(self._keys)
        idf = math.log(1 + (n - matched + 0.5) / (matched + 0.5))
        scores = {doc: _TERM_UNIT + idf * (1 + sat) for doc, sat in exact.items()}
        weight = idf * _PARTIAL_WEIGHT / (_K1 + 1)
        for doc, sat in partial.items():
            scores[doc] = _TERM_UNIT + weight * sat
        return scores


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
