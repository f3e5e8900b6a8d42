"""The question parser, without a database: each question in questions.yaml and what it means.

The table is the specification (fi/sv/en): what the question asks for and every filter it
names. A property test then checks that no text at all makes the parser fail.
"""

from __future__ import annotations

import random
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.intents import Ask, Query, Vocabulary, parse_question
from bot.orgmatch import OrgMatcher, OrgName
from data.glossary import load_glossary

TODAY = date(2018, 12, 17)
TABLE = yaml.safe_load(Path(__file__).with_name("questions.yaml").read_text(encoding="utf-8"))


@cache
def vocabulary() -> Vocabulary:
    glossary = load_glossary()
    names = [word for e in glossary.values() for name in e.all_names() for word in name.split()]
    return Vocabulary(OrgMatcher(OrgName.of(e) for e in glossary.values()), org_words=names)


def read(question: str, lang: str | None = None) -> Query:
    return parse_question(
        question, vocabulary=vocabulary(), lang=lang, today=TODAY, default_lang="fi"
    )


def _filters(query: Query) -> dict[str, Any]:
    return {
        "ask": str(query.ask),
        "lang": query.lang,
        "measures": [m.number for m in query.measures],
        "orgs": list(query.organisations),
        "themes": list(query.themes),
        "shared": query.shared,
        "lead_only": query.lead_only,
        "no_lead": query.no_lead,
        "scope": str(query.scope) if query.scope else None,
        "state": query.state,
        "continuous": query.continuous,
        "follow_up": str(query.follow_up) if query.follow_up else None,
    }


_NONE: dict[str, Any] = {
    "measures": [],
    "orgs": [],
    "themes": [],
    "shared": False,
    "lead_only": False,
    "no_lead": False,
    "scope": None,
    "state": None,
    "continuous": False,
    "follow_up": None,
}


@pytest.mark.parametrize("case", TABLE, ids=[case["q"] for case in TABLE])
def test_a_question_means_its_filters(case: dict[str, Any]) -> None:
    query = read(case["q"])
    expected = {**_NONE, **{k: v for k, v in case.items() if k in _NONE or k in ("ask", "lang")}}
    assert _filters(query) == expected
    if "topic" in case:
        assert query.topic == case["topic"]
    if "start" in case:
        assert (query.start, query.end) == (case["start"], case["end"])
    if "parts" in case:
        assert [m.part for m in query.measures] == case["parts"]
    if case.get("corrected"):
        assert query.corrections


def test_a_measure_number_is_never_corrected() -> None:
    query = read("who owns 2.77")
    assert [m.number for m in query.measures] == ["2.77"]
    assert not query.corrections


def test_the_language_asked_for_wins_over_the_words() -> None:
    assert read("who owns 2.7?", lang="sv").lang == "sv"


@pytest.mark.parametrize(
    ("question", "reason"),
    [("", "empty"), ("   ", "empty"), ("x" * 5000, "too_long")],
)
def test_empty_and_over_long_questions_are_answered_with_help(question: str, reason: str) -> None:
    query = read(question)
    assert query.ask is Ask.HELP
    assert str(query.help_reason) == reason


_PIECES = [
    "2.7", "2,7", "4.3b", "1.1.2019", "SUPOn", "KRP:n", "OM:n", "Tullli", "teema", "theme 3",
    "ja", "and", "och", "yhteiset", "shared", "vuonna", "2019", "ensi kuussa", "next month",
    "myöhässä", "overdue", "kuka", "who", "vem", "milloin", "when", "montako", "how many",
    "jatkuvat", "no lead", "ilman päävastuutahoa", "<@U1>", "<!channel>", "\x00", "‮", "🙂",
    "ＳＵＰＯ", "ﬁ", ":", ",", ".", "?", "entä", "lisää", "se", "2.", ".7", "99.99", "teema 99",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=12))
def test_no_question_makes_the_parser_fail(pieces: list[str]) -> None:
    query = read(" ".join(pieces))
    assert isinstance(query.ask, Ask)


def test_a_seeded_fuzz_of_random_characters_never_fails() -> None:
    rng = random.Random(12)
    alphabet = "abcdefghijklmnopqrstuvwxyzåäö ABCSUPOKRP0123456789.,:;?!<>@#-/()\n\t"
    for _ in range(500):
        question = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80)))
        assert isinstance(read(question).ask, Ask)
