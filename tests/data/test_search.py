"""Specification of data.search: finding measures by Finnish, Swedish or English words.

Expected measure numbers were checked by grepping data/toimenpideohjelma.txt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data import morphology
from data.morphology import StoredVocabulary, Vocabulary, analyse_vocabulary
from data.search import (
    MAX_QUERY_TERMS,
    Hit,
    SearchIndex,
    default_synonyms,
    normalise_terms,
    term_keys,
)

PROGRAMME = Path(__file__).resolve().parents[2] / "data" / "toimenpideohjelma.txt"
MEASURE = re.compile(r"^(\d\.\d+)\.\s")


def read_measures() -> dict[str, str]:
    """Measure number → the text of all its rows; lines without a number continue the row above."""
    rows: dict[str, list[str]] = {}
    current = None
    for line in PROGRAMME.read_text(encoding="utf-8").splitlines():
        match = MEASURE.match(line)
        if match:
            current = match.group(1)
        if current is not None:
            rows.setdefault(current, []).append(line.strip())
    return {number: " ".join(lines) for number, lines in rows.items()}


@pytest.fixture(scope="module")
def measures() -> dict[str, str]:
    return read_measures()


@pytest.fixture(scope="module")
def index(measures: dict[str, str]) -> SearchIndex:
    return SearchIndex((number, [(text, 1.0)]) for number, text in measures.items())


@pytest.fixture(scope="module")
def stored(measures: dict[str, str]) -> StoredVocabulary:
    """The programme's words analysed, as the importer stores them."""
    return analyse_vocabulary(re.findall(r"[^\W\d_]+", " ".join(measures.values())))


@pytest.fixture(scope="module")
def morph(measures: dict[str, str], stored: StoredVocabulary) -> SearchIndex:
    """The index as `seuranta ask` builds it: the stored vocabulary, no analyser."""
    return SearchIndex(
        ((number, [(text, 1.0)]) for number, text in measures.items()),
        vocabulary=Vocabulary(stored, use_analyser=False),
    )


def keys_of(hits: list[Hit]) -> list[str]:
    return [hit.key for hit in hits]


def test_the_programme_has_39_measures(index: SearchIndex) -> None:
    assert len(index) == 39


# --- finding measures in the real programme -------------------------------------------------


def test_hybridiuhat_ranks_the_measures_on_hybrid_threats_first(index: SearchIndex) -> None:
    # 1.2 hybridiuhkien/hybridiuhkiin, 2.5 hybridiuhkiin, 4.4 hybridiuhkista/hybridiuhkiin
    assert set(keys_of(index.search("hybridiuhat"))[:3]) == {"1.2", "2.5", "4.4"}


def test_the_chat_command_word_is_ignored(index: SearchIndex) -> None:
    assert keys_of(index.search("etsi hybridiuhat")) == keys_of(index.search("hybridiuhat"))


def test_frontex_finds_only_the_border_measure(index: SearchIndex) -> None:
    assert keys_of(index.search("Frontex")) == ["2.6"]


def test_uhat_finds_every_measure_with_an_inflected_uhka(index: SearchIndex) -> None:
    # uhkiin (2.2, 2.5), uhkia/uhkilta (2.13), uhka-arvion (3.2)
    assert set(keys_of(index.search("uhat"))) == {"2.2", "2.5", "2.13", "3.2"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        pytest.param(
            "radikalisoituminen", "4.4", id="radikalisoituminen-finds-radikalisoitumiseen"
        ),
        pytest.param("reservipoliisi", "2.3", id="reservipoliisi-finds-reservipoliisia"),
        pytest.param("rajavalvonta", "2.6", id="rajavalvonta-finds-rajavalvonnan"),
        pytest.param("hätäkeskus", "2.4", id="hätäkeskus-heads-hätäkeskushenkilöstön"),
        pytest.param(
            "kyberturvallisuus", "2.7", id="compound-head-of-kyberturvallisuusohjeistusta"
        ),
        pytest.param(
            "väkivaltainen radikalisoituminen",
            "4.4",
            id="two-words-väkivaltaiseen-radikalisoitumiseen",
        ),
    ],
)
def test_an_inflected_word_finds_its_measure_first(
    index: SearchIndex, query: str, first: str
) -> None:
    assert keys_of(index.search(query))[0] == first


def test_terrorismi_finds_every_measure_on_terrorism(index: SearchIndex) -> None:
    # terrorismiin/terrorismin/terrorismista/terrorismilta
    assert set(keys_of(index.search("terrorismi"))) == {"2.2", "2.4", "2.5", "2.13", "4.4"}


def test_a_word_finds_the_compounds_it_begins(index: SearchIndex) -> None:
    # kyberrikollisuuden (2.14), kyberturvallisuusohjeistusta (2.7)
    assert set(keys_of(index.search("kyber"))) == {"2.7", "2.14"}


def test_a_word_finds_the_compounds_it_ends_but_below_the_word_itself(index: SearchIndex) -> None:
    hits = index.search("rikollisuus")
    exact = {"2.14", "3.1", "3.2"}  # rikollisuuden
    compound_only = {"2.2", "2.5"}  # talousrikollisuuteen, verkkorikollisuuteen
    assert set(keys_of(hits)) == exact | compound_only
    assert set(keys_of(hits)[:3]) == exact


def test_a_query_compound_finds_its_last_part(index: SearchIndex) -> None:
    # No measure says lähisuhdeväkivalta; 3.2, 3.3, 3.4 and 7.2 say väkivalta/väkivallan.
    assert set(keys_of(index.search("lähisuhdeväkivalta"))) == {"3.2", "3.3", "3.4", "7.2"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param("search cybercrime", {"2.5", "2.14"}, id="cybercrime-verkkorikollisuuteen"),
        pytest.param("terrorism", {"2.2", "2.5", "2.13", "4.4"}, id="terrorism-terrorismi"),
        pytest.param("hybrid threats", {"1.2", "2.5", "4.4"}, id="phrase-hybrid-threats"),
        pytest.param("gränsbevakning", {"2.6"}, id="swedish-gränsbevakning-rajavalvonta"),
        pytest.param("gränser", {"2.6"}, id="swedish-plural-by-stem"),
        pytest.param("municipalities", {"7.2"}, id="english-plural-by-stem"),
    ],
)
def test_english_and_swedish_reach_finnish_through_default_synonyms(
    index: SearchIndex, query: str, expected: set[str]
) -> None:
    assert expected <= set(keys_of(index.search(query))[:5])


def test_without_synonyms_english_finds_nothing(measures: dict[str, str]) -> None:
    plain = SearchIndex(((n, [(t, 1.0)]) for n, t in measures.items()), synonyms={})
    assert plain.search("cybercrime") == []


def test_caller_synonyms_replace_the_defaults(measures: dict[str, str]) -> None:
    custom = SearchIndex(
        ((n, [(t, 1.0)]) for n, t in measures.items()), synonyms={"gränsvakt": ["Frontex"]}
    )
    assert keys_of(custom.search("gränsvakt")) == ["2.6"]
    assert custom.search("cybercrime") == []


def test_every_default_synonym_target_finds_a_measure(measures: dict[str, str]) -> None:
    plain = SearchIndex(((n, [(t, 1.0)]) for n, t in measures.items()), synonyms={})
    dead = [
        (phrase, target)
        for phrase, targets in default_synonyms().items()
        for target in targets
        if not plain.search(target)
    ]
    assert dead == []


def test_hits_name_the_query_terms_that_matched(index: SearchIndex) -> None:
    first = index.search("search cybercrime Frontex")[0]
    assert first.matched in {("cybercrime",), ("frontex",)}
    both = index.search("väkivaltainen radikalisoituminen")[0]
    assert both.matched == ("väkivaltainen", "radikalisoituminen")


def test_nonsense_finds_nothing(index: SearchIndex) -> None:
    assert index.search("xyzzyqwerty plugh") == []


# --- by lemma and compound part, with the programme's analysed vocabulary --------------------


def test_an_inflected_compound_finds_the_one_measure_whose_compound_contains_it(
    morph: SearchIndex,
) -> None:
    # Only 2.7 says kyberturvallisuusohjeistusta (kyber + turvallisuus + ohjeistus); the many
    # measures on plain "turvallisuus" are a broader topic and must not bury it.
    assert keys_of(morph.search("kyberturvallisuutta")) == ["2.7"]


def test_question_words_around_the_topic_change_nothing(morph: SearchIndex) -> None:
    hits = morph.search("mitkä toimenpiteet koskevat kyberturvallisuutta?")
    assert keys_of(hits) == ["2.7"]
    assert hits[0].matched == ("kyberturvallisuutta",)


def test_one_lemma_in_two_cases_meets(morph: SearchIndex) -> None:
    # hybridiuhkien (1.2), hybridiuhkiin (2.5), hybridiuhkista (4.4)
    assert set(keys_of(morph.search("hybridiuhkiin"))) == {"1.2", "2.5", "4.4"}


def test_consonant_gradation_meets(morph: SearchIndex) -> None:
    # 3.3: "että kunnat ja maakunnat"; kuntien is nowhere in the programme
    assert "3.3" in keys_of(morph.search("kuntien"))
    assert keys_of(morph.search("kuntien")) == keys_of(morph.search("kunnissa"))


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("mitkä toimenpiteet koskevat", id="fi-question-words"),
        pytest.param("Mitkä toimenpiteet liittyvät?", id="fi-capitalised"),
        pytest.param("MITKÄ TOIMENPITEET KOSKEVAT", id="fi-capitals"),
        pytest.param("toimenpiteisiin liittyvistä", id="fi-other-inflections"),
        pytest.param("toimenpitestä", id="fi-typo-of-toimenpiteestä"),
        pytest.param("which measures concern", id="en"),
        pytest.param("which measures are related", id="en-related"),
        pytest.param("vilka åtgärder gäller", id="sv"),
        pytest.param("vilka åtgärder rör", id="sv-rör"),
        pytest.param("etsi näytä search find sök", id="command-words"),
    ],
)
def test_question_and_stop_words_never_find_a_measure(morph: SearchIndex, question: str) -> None:
    assert morph.search(question) == []


@pytest.mark.parametrize(
    "question",
    [
        "mitkä toimenpiteet liittyvät hybridiuhkiin?",
        "which measures concern terrorism",
        "vilka åtgärder gäller radikalisering?",
        "näytä toimenpiteet jotka koskevat valmiuslakia",
    ],
)
def test_a_stop_word_is_never_named_as_a_match(morph: SearchIndex, question: str) -> None:
    stops = {"mitkä", "toimenpiteet", "liittyvät", "which", "measures", "concern", "vilka",
             "åtgärder", "gäller", "näytä", "jotka", "koskevat"}  # fmt: skip
    hits = morph.search(question)
    assert hits
    assert all(not set(hit.matched) & stops for hit in hits)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        pytest.param("cyber security", "2.7", id="en-phrase"),
        pytest.param("cybersecurity", "2.7", id="en-word"),
        pytest.param("risk assessment", "2.7", id="en-riskiarvio"),
        pytest.param("cybersäkerhet", "2.7", id="sv-word"),
        pytest.param("riskbedömningen", "2.7", id="sv-definite-form"),
        pytest.param("cybersäkerhetsanvisningar", "2.7", id="sv-compound-of-listed-words"),
    ],
)
def test_english_and_swedish_topic_names_find_the_finnish_compound(
    morph: SearchIndex, query: str, first: str
) -> None:
    assert keys_of(morph.search(query))[0] == first


def test_a_swedish_compound_counts_each_listed_word_as_a_term(morph: SearchIndex) -> None:
    # cybersäkerhet → kyberturvallisuus, anvisning → ohjeistus: 2.7 has both, 3.2 only "ohjeet"
    hits = morph.search("vilka åtgärder gäller cybersäkerhetsanvisningar?")
    assert hits[0].key == "2.7"
    assert hits[0].matched == ("cybersäkerhet", "anvisning")


def test_a_name_the_analyser_does_not_know_is_found_by_its_letters(morph: SearchIndex) -> None:
    assert keys_of(morph.search("Frontexin")) == ["2.6"]


def test_an_abbreviation_with_a_case_ending_is_found_as_the_abbreviation(
    morph: SearchIndex, measures: dict[str, str]
) -> None:
    with_supo = {number for number, text in measures.items() if re.search(r"\bSUPO\b", text)}
    assert set(keys_of(morph.search("SUPOn"))) == with_supo


def test_building_the_index_never_asks_the_analyser_about_the_programme_words(
    measures: dict[str, str], stored: StoredVocabulary
) -> None:
    # They were all offered to it at import; a server would load it (0.4 s, ~220 MB) only to
    # hear again that it does not know Frontexin or HybridCoE.
    asked = morphology._analyse.cache_info()
    SearchIndex(
        ((number, [(text, 1.0)]) for number, text in measures.items()),
        vocabulary=Vocabulary(stored, use_analyser=True),
    )
    after = morphology._analyse.cache_info()
    assert after.hits + after.misses == asked.hits + asked.misses


@pytest.mark.parametrize("use_analyser", [True, False], ids=["server", "one-shot"])
def test_a_word_added_after_the_import_is_found_in_any_inflection(
    measures: dict[str, str], stored: StoredVocabulary, use_analyser: bool
) -> None:
    # A milestone added in chat: its words were never analysed, so the text is filed by fold
    # keys, while a server reads the question through the analyser.
    index = SearchIndex(
        [
            *((n, [(t, 1.0)]) for n, t in measures.items()),
            ("2.7", [("Kvanttisalaus käyttöön", 0.5)]),
        ],
        vocabulary=Vocabulary(stored, use_analyser=use_analyser),
    )
    assert keys_of(index.search("kvanttisalaus")) == ["2.7"]
    assert keys_of(index.search("kvanttisalauksen")) == ["2.7"]


# Written from the programme's text, not from the code, each asked the way someone might type
# it: inflected, compound, in another language, with question words around it. `first` is the
# measure that should come first; a set where several measures are equally right.
HARDER_QUESTIONS = [
    ("mitkä toimenpiteet liittyvät itärajan valvontaan?", {"2.6"}),
    ("terrorismin torjunta", {"2.2", "2.5", "2.13", "4.4"}),
    ("kouluterveyskysely", {"3.3"}),
    ("ikääntyneiden turvallisuus", {"3.4"}),
    ("mitä tehdään segregaation ehkäisemiseksi?", {"3.5"}),
    ("kriisinkestokyky", {"4.1"}),
    ("valmiuslaki", {"2.9"}),
    ("tilannekuva", {"2.8"}),
    ("palveluväylä", {"8.1", "8.2", "8.3"}),
    ("reservipoliisit", {"2.3"}),
    ("innovaatio-ohjelma", {"5.1", "5.2", "5.3"}),
    ("siviilivalmius", {"2.10"}),
    ("rikosseuraamuslaitos", {"6.4"}),
    ("maakuntien turvallisuussuunnittelu", {"7.1"}),
    ("kyberrikollisuuden torjunta", {"2.14"}),
    ("hybridivaikuttaminen", {"2.11"}),
    ("turvallisuusviestintä", {"2.12"}),
    ("syrjäytymistä ehkäisevät toimenpiteet", {"3.1"}),
    ("hätäkeskusten henkilöstö", {"2.4"}),
    ("rajavartiolaitoksen reservit", {"2.3"}),
    ("Mitä Frontexin kanssa tehdään?", {"2.6"}),
    ("MITKÄ TOIMENPITEET KOSKEVAT KYBERTURVALLISUUTTA", {"2.7"}),
    ("vilka åtgärder gäller terrorism?", {"2.2", "2.5", "2.13", "4.4"}),
    ("åtgärder mot våld i nära relationer", {"3.2", "3.3", "3.4", "7.2"}),
    ("äldres säkerhet", {"3.4"}),
    ("lägesbild", {"2.8"}),
    ("forskning om radikalisering", {"4.4"}),
    ("nödcentralen", {"2.4"}),
    ("which measures deal with violent radicalisation?", {"4.4"}),
    ("border surveillance in the east", {"2.6"}),
    ("national risk assessment", {"2.7"}),
    ("emergency powers act", {"2.9"}),
    ("situational awareness", {"2.8"}),
    ("hybrid threats research", {"1.2", "4.4"}),
    ("procurement of equipment", {"2.5"}),
    ("older people", {"3.4"}),
]


@pytest.mark.parametrize(
    ("question", "first"), HARDER_QUESTIONS, ids=[q for q, _ in HARDER_QUESTIONS]
)
def test_harder_questions_find_the_right_measure_first(
    morph: SearchIndex, question: str, first: set[str]
) -> None:
    found = keys_of(morph.search(question))
    assert set(found[:1]) & first, found


def test_with_the_analyser_the_same_questions_find_the_same_measures(
    measures: dict[str, str], stored: StoredVocabulary, morph: SearchIndex
) -> None:
    # A server may load the analyser for unseen words; it must not change these answers.
    served = SearchIndex(
        ((number, [(text, 1.0)]) for number, text in measures.items()),
        vocabulary=Vocabulary(stored, use_analyser=True),
    )
    wrong = [
        question
        for question, first in HARDER_QUESTIONS
        if not served.search(question) or served.search(question)[0].key not in first
    ]
    assert wrong == []


# --- hostile and odd input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("", id="empty"),
        pytest.param("   \t\n ", id="whitespace"),
        pytest.param("ja sekä the and och", id="stopwords-only"),
        pytest.param("a b c ö", id="one-letter-tokens"),
        pytest.param("2.6 12/2018 112", id="digits-only"),
        pytest.param("🙂🔥" * 5_000, id="emoji"),
        pytest.param("\x00\x01\x1b[31m\x7f\u200b\u202e", id="control-and-format-chars"),
        pytest.param("\ud800\udfff", id="lone-surrogates"),
    ],
)
def test_queries_without_words_find_nothing(index: SearchIndex, query: str) -> None:
    assert index.search(query) == []


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("'; DROP TABLE measures; --", id="sql"),
        pytest.param("<script>alert('Frontex')</script>", id="html"),
        pytest.param("Frontex " * 20_000, id="100kB-repeated"),
        pytest.param("x" * 100_000, id="100kB-one-word"),
        pytest.param(" ".join(f"sana{i}" for i in range(20_000)), id="20k-distinct-words"),
        pytest.param("ＦＲＯＮＴＥＸ", id="fullwidth"),
        pytest.param("Fronte\u0301x ﬁ %s {0} \\d+ .*", id="combining-ligature-format-regex"),
    ],
)
def test_hostile_queries_do_not_raise(index: SearchIndex, query: str) -> None:
    hits = index.search(query)
    assert all(isinstance(hit, Hit) for hit in hits)
    assert len(hits) <= 10


def test_fullwidth_letters_are_normalised(index: SearchIndex) -> None:
    assert keys_of(index.search("ＦＲＯＮＴＥＸ")) == ["2.6"]


def test_query_terms_are_capped(index: SearchIndex) -> None:
    # Distinct nonsense words whose keys cannot coincide (they all end in "q").
    filler = " ".join(f"qx{chr(97 + i // 26)}{chr(97 + i % 26)}q" for i in range(MAX_QUERY_TERMS))
    assert index.search(f"{filler} Frontex") == []
    assert keys_of(index.search(f"Frontex {filler}")) == ["2.6"]


@pytest.mark.parametrize("limit", [0, -1])
def test_a_non_positive_limit_finds_nothing(index: SearchIndex, limit: int) -> None:
    assert index.search("terrorismi", limit=limit) == []


def test_limit_caps_the_hits(index: SearchIndex) -> None:
    assert len(index.search("terrorismi", limit=2)) == 2


def test_an_empty_index_finds_nothing() -> None:
    assert SearchIndex([]).search("terrorismi") == []


# --- ranking --------------------------------------------------------------------------------


def test_ties_follow_natural_measure_order() -> None:
    same = [("sama teksti terrorismista", 1.0)]
    index = SearchIndex((key, same) for key in ["2.10", "10.1", "2.9", "2.1", "1.1"])
    hits = index.search("terrorismi")
    assert keys_of(hits) == ["1.1", "2.1", "2.9", "2.10", "10.1"]
    assert len({hit.score for hit in hits}) == 1


def test_an_exact_word_outranks_many_compound_matches() -> None:
    index = SearchIndex(
        [
            ("1.1", [("verkkorikollisuus " * 5 + "verkkorikollisuuteen " * 5, 1.0)]),
            ("1.2", [("rikollisuuden torjunta ja muut pitkät sanat tässä tekstissä", 1.0)]),
        ],
        synonyms={},
    )
    hits = index.search("rikollisuus")
    assert keys_of(hits) == ["1.2", "1.1"]
    assert hits[0].score > hits[1].score


def test_more_distinct_query_terms_outrank_one_term_repeated() -> None:
    index = SearchIndex(
        [
            ("1.1", [("terrorismi " * 20, 1.0)]),
            ("1.2", [("terrorismi rajavalvonta", 1.0)]),
        ]
    )
    assert keys_of(index.search("terrorismi rajavalvonta")) == ["1.2", "1.1"]


def test_field_weight_lifts_a_title_match() -> None:
    index = SearchIndex(
        [
            ("1.1", [("muuta tekstiä", 3.0), ("rajavalvonta", 1.0)]),
            ("1.2", [("rajavalvonta", 3.0), ("muuta tekstiä", 1.0)]),
        ]
    )
    assert keys_of(index.search("rajavalvonta")) == ["1.2", "1.1"]


def test_rare_words_weigh_more_than_common_ones() -> None:
    index = SearchIndex(
        [
            ("1.1", [("poliisi poliisi", 1.0)]),
            ("1.2", [("poliisi Frontex", 1.0)]),
            ("1.3", [("poliisi", 1.0)]),
        ]
    )
    assert keys_of(index.search("poliisi Frontex"))[0] == "1.2"


def test_repeated_keys_merge_and_bad_weights_are_ignored() -> None:
    index = SearchIndex(
        [
            ("1.1", [("terrorismi", 1.0)]),
            ("1.1", [("Frontex", 1.0)]),
            ("1.2", [("terrorismi Frontex", 0.0), ("rajavalvonta", float("nan"))]),
            ("1.3", [("Frontex", -2.0), ("Frontex", float("inf"))]),
        ]
    )
    assert len(index) == 3
    assert keys_of(index.search("terrorismi Frontex")) == ["1.1"]
    assert index.search("rajavalvonta") == []


# --- analysis -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        pytest.param("Hätäkeskus ÅLAND öljy", ["hätäkeskus", "åland", "öljy"], id="keeps-åäö"),
        pytest.param("ja sekä och the poliisi", ["poliisi"], id="drops-fi-sv-en-stopwords"),
        pytest.param("a 2.6. b) 12/2018 x", [], id="drops-digits-and-1-letter-tokens"),
        pytest.param(
            "verkko‐ ja talousrikollisuuteen", ["verkko", "talousrikollisuuteen"], id="hyphen"
        ),
        pytest.param("HybridCoE:n", ["hybridcoe"], id="case-ending-after-colon"),
        pytest.param("ﬁnland ＰＯＬＩＩＳＩ", ["finland", "poliisi"], id="nfkc"),
        pytest.param("STRASSE Straße", ["strasse", "strasse"], id="casefold"),
    ],
)
def test_normalise_terms(text: str, terms: list[str]) -> None:
    assert normalise_terms(text) == terms


@pytest.mark.parametrize(
    "forms",
    [
        pytest.param("uhat uhka uhkia uhkiin uhkista uhkien uhan", id="uhka-hk-h"),
        pytest.param("hybridiuhat hybridiuhkiin hybridiuhkien hybridiuhkista", id="hybridiuhka"),
        pytest.param("raja rajat rajan rajojen rajoja", id="raja-plural-oj"),
        pytest.param("valvonta valvontaa valvonnan valvontaan", id="valvonta-nt-nn"),
        pytest.param("tekijä tekijät tekijöiden tekijöitä", id="tekijä"),
        pytest.param("pankki pankin pankit pankkia", id="pankki-kk-k"),
        pytest.param("hyvinvointi hyvinvoinnin hyvinvointia", id="hyvinvointi-nt-nn"),
        pytest.param("väkivalta väkivallan väkivaltaa", id="väkivalta-lt-ll"),
        pytest.param("katu kadun kadut", id="katu-t-d"),
        pytest.param("tapa tavan tapoja", id="tapa-p-v"),
        pytest.param("aika ajan ajat", id="aika-k-j"),
        pytest.param("kenkä kengän kenkiä", id="kenkä-nk-ng"),
        pytest.param("kampa kamman", id="kampa-mp-mm"),
        pytest.param("radikalisoituminen radikalisoitumisen radikalisoitumista", id="-inen"),
        pytest.param("viranomainen viranomaisen viranomaisten", id="viranomainen-sten"),
        pytest.param("rikollisuus rikollisuuden rikollisuuteen rikollisuutta", id="-uus-uude"),
        pytest.param("tutkimus tutkimuksen tutkimusta tutkimuksia", id="-us-ukse"),
        pytest.param("valmius valmiuden valmiutta", id="valmius"),
        pytest.param("kriisi kriisin kriisejä", id="kriisi"),
        pytest.param("reservipoliisi reservipoliisia reservipoliisien", id="reservipoliisi"),
        pytest.param("järjestö järjestöt järjestöjen järjestöjä", id="järjestö-plural-j"),
        pytest.param("Frontex Frontexin", id="foreign-name"),
    ],
)
def test_inflected_forms_meet(forms: str) -> None:
    keys = {form: set(term_keys(form)) for form in forms.split()}
    assert set.intersection(*keys.values()), keys


@pytest.mark.parametrize(
    ("one", "other"),
    [
        pytest.param("raja", "rajoitus", id="border-vs-restriction"),
        pytest.param("uhka", "uhri", id="threat-vs-victim"),
        pytest.param("kunta", "kuntoutus", id="municipality-vs-rehabilitation"),
        pytest.param("poliisi", "politiikka", id="police-vs-politics"),
        pytest.param("valvonta", "valmius", id="surveillance-vs-readiness"),
        pytest.param("hanke", "hankinta", id="project-vs-procurement"),
        pytest.param("rikos", "rikkoa", id="crime-vs-break"),
        pytest.param("tulos", "tulli", id="result-vs-customs"),
        pytest.param("koulu", "koulutus", id="school-vs-training"),
        pytest.param("verkko", "verkosto", id="net-vs-network"),
        pytest.param("keskus", "keskeinen", id="centre-vs-central"),
        pytest.param("työ", "tyyppi", id="short-word-keeps-its-vowel"),
    ],
)
def test_different_words_stay_apart(one: str, other: str) -> None:
    assert not set(term_keys(one)) & set(term_keys(other))
