"""Which organisation a question names, in Finnish, Swedish and English."""

from __future__ import annotations

import pytest

from bot.orgmatch import EXACT, INFLECTED, OrgMatch, OrgMatcher, OrgName
from data.glossary import load_glossary


@pytest.fixture(scope="module")
def matcher() -> OrgMatcher:
    return OrgMatcher(OrgName.of(entry) for entry in load_glossary().values())


@pytest.mark.parametrize(
    ("question", "keys"),
    [
        pytest.param("what does SUPO own?", {"SUPO"}, id="en-abbreviation"),
        pytest.param("mistä SUPO vastaa?", {"SUPO"}, id="fi-abbreviation"),
        pytest.param("SUPOn toimenpiteet", {"SUPO"}, id="fi-abbreviation-ending"),
        pytest.param("SUPO:lle", {"SUPO"}, id="fi-abbreviation-colon-allative"),
        pytest.param("Tullin toimenpiteet", {"Tulli"}, id="fi-name-genitive"),
        pytest.param("Tullille", {"Tulli"}, id="fi-name-allative"),
        pytest.param("Tullista", {"Tulli"}, id="fi-name-elative"),
        pytest.param("mitä poliisihallitukselle kuuluu", {"POHA"}, id="fi-us-stem"),
        pytest.param("oikeusministeriön", {"OM"}, id="fi-ministry-genitive"),
        pytest.param("sisäministeriöltä", {"SM"}, id="fi-ministry-ablative"),
        pytest.param("KRP:n", {"KRP"}, id="fi-colon-genitive"),
        pytest.param("HÄKE:n", {"HÄKE"}, id="fi-colon-umlaut"),
        pytest.param("SM:n", {"SM"}, id="fi-two-letter-genitive"),
        pytest.param("OM:n", {"OM"}, id="fi-two-letter-om"),
        pytest.param("UM:stä", {"UM"}, id="fi-two-letter-elative"),
        pytest.param("STM:ään", {"STM"}, id="fi-colon-illative"),
        pytest.param("kuntien", {"kunnat"}, id="fi-plural-genitive-strong"),
        pytest.param("kunnille", {"kunnat"}, id="fi-plural-allative-weak"),
        pytest.param("Kuntaliiton", {"Kuntaliitto"}, id="fi-gradation-tt"),
        pytest.param("järjestöjen", {"järjestöt"}, id="fi-plural-j"),
        pytest.param(
            "sisäisen turvallisuuden viranomaisille",
            {"sisäisen turvallisuuden viranomaiset"},
            id="fi-phrase-last-word-inflected",
        ),
        pytest.param("maahanmuutto-osastolle", {"MMO"}, id="fi-hyphenated"),
        pytest.param("what does the Ministry of Justice own?", {"OM"}, id="en-full-name"),
        pytest.param("ministry of interior", {"SM"}, id="en-without-the"),
        pytest.param("Ministry of Justice's measures", {"OM"}, id="en-possessive"),
        pytest.param("Prime Minister's Office", {"VNK"}, id="en-apostrophe-inside"),
        pytest.param("vad ansvarar Migrationsverket för?", {"MIGRI"}, id="sv-name"),
        pytest.param("vad ansvarar Tullen för?", {"Tulli"}, id="sv-definite"),
        pytest.param("Migrationsverkets åtgärder", {"MIGRI"}, id="sv-genitive"),
        pytest.param("SM/PO", {"PO"}, id="source-composite-spelling"),
        pytest.param("OM/RTN:n", {"RTN"}, id="composite-with-ending"),
        pytest.param("Business Finlandin", {"BusinessFinland"}, id="fi-ending-on-loan-name"),
        pytest.param("what does the police own?", {"POHA", "KRP", "PolAMK"}, id="ambiguous-en"),
        pytest.param("mitä poliisi tekee", {"POHA", "KRP", "PolAMK"}, id="ambiguous-fi"),
        pytest.param("SM ja OM", {"SM", "OM"}, id="two-named"),
    ],
)
def test_finds(matcher: OrgMatcher, question: str, keys: set[str]) -> None:
    found = matcher.find(question)
    assert {match.key for match in found} == keys
    assert len({match.score for match in found}) == 1  # several only when equally good


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("how many measures are there", id="en-count"),
        pytest.param("show 2.7", id="measure-number"),
        pytest.param("smaller", id="sm-inside-word"),
        pytest.param("from", id="om-inside-word"),
        pytest.param("what do I own", id="own"),
        pytest.param("number of actions", id="um-inside-word"),
        pytest.param("vad vet du om åtgärd 2.7", id="sv-om-lowercase"),
        pytest.param("um, which ones", id="um-lowercase"),
        pytest.param("lisäksi ym. muut", id="fi-ym-lowercase"),
        pytest.param("the rise of cybercrime", id="rise-as-word"),
        pytest.param("krp:n", id="ending-needs-capitals"),
        pytest.param("maahan tulleille", id="verb-not-tulli"),
        pytest.param("", id="empty"),
    ],
)
def test_does_not_find(matcher: OrgMatcher, question: str) -> None:
    assert matcher.find(question) == []


def test_a_match_reports_the_words_and_how_sure(matcher: OrgMatcher) -> None:
    assert matcher.find("mitä KRP:n pitää tehdä") == [OrgMatch("KRP", "KRP:n", INFLECTED)]
    assert matcher.find("what does the Ministry of Justice own?") == [
        OrgMatch("OM", "Ministry of Justice", EXACT)
    ]


def test_the_longest_phrase_wins() -> None:
    matcher = OrgMatcher([OrgName("J", ("Justice",)), OrgName("OM", ("Ministry of Justice",))])
    assert [m.key for m in matcher.find("the Ministry of Justice")] == ["OM"]
    assert [m.key for m in matcher.find("justice for all")] == ["J"]


def test_an_exact_spelling_beats_an_inflected_one() -> None:
    # "Tullen" is Swedish for Tulli, but also a stem-plus-ending reading of a made-up "Tulle".
    matcher = OrgMatcher([OrgName("Tulli", ("Tulli", "Tullen")), OrgName("X", ("Tulle",))])
    assert matcher.find("Tullen") == [OrgMatch("Tulli", "Tullen", EXACT)]
    assert [m.key for m in matcher.find("Tulli ja Tullen")] == ["Tulli"]


def test_only_the_best_scored_come_back_in_text_order(matcher: OrgMatcher) -> None:
    assert [m.key for m in matcher.find("OM ja SM")] == ["OM", "SM"]
    # Only the top score is returned, so an exact mention hides an inflected one elsewhere.
    assert [m.key for m in matcher.find("SUPO ja KRP:n")] == ["SUPO"]
