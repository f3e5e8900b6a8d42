"""The message catalogue: three languages in step, every key used, counts in the right form."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from seuranta.i18n import MESSAGES, message
from seuranta.i18n.catalogue import placeholders

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    path
    for package in ("seuranta", "bot", "jobs", "data", "reports")
    for path in (ROOT / package).rglob("*")
    if path.suffix in (".py", ".html") and "i18n" not in path.parts
]
# A key built at run time from a prefix: f"outbox.kind.{kind}" uses every "outbox.kind.*".
_DYNAMIC = re.compile(r"""f["']([\w.]+\.)\{""")


def _source_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_finnish_swedish_and_english_with_the_same_placeholders(key: str) -> None:
    texts = MESSAGES[key]
    assert set(texts) == {"fi", "sv", "en"}
    assert all(texts.values()), "an empty translation"
    assert placeholders(texts["fi"]) == placeholders(texts["sv"]) == placeholders(texts["en"])


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_text_formats_with_its_own_placeholders(key: str) -> None:
    for lang in ("fi", "sv", "en"):
        values = dict.fromkeys(placeholders(MESSAGES[key][lang]), 2)
        formatted = message(key, lang, **values)
        assert "{" not in formatted.replace("{{", "")
        assert not any(name for _, name, _, _ in string.Formatter().parse(formatted) if name)


def test_every_key_is_used_somewhere() -> None:
    source = _source_text()
    prefixes = tuple(_DYNAMIC.findall(source))
    unused = [
        key
        for key in MESSAGES
        if f'"{key}"' not in source and f"'{key}'" not in source and not key.startswith(prefixes)
    ]
    assert unused == []


@pytest.mark.parametrize(
    ("lang", "days", "expected"),
    [
        ("fi", 1, "Määräaikaan on 1 päivä"),
        ("fi", 3, "Määräaikaan on 3 päivää"),
        ("sv", 1, "1 dag kvar till tidsfristen"),
        ("sv", 2, "2 dagar kvar till tidsfristen"),
        ("en", 1, "1 day to the deadline"),
        ("en", 0, "0 days to the deadline"),
    ],
    ids=lambda v: str(v),
)
def test_a_count_of_one_takes_the_singular(lang: str, days: int, expected: str) -> None:
    assert message("remind.in_days", lang, days=days) == expected


def test_a_round_start_counts_measures_and_people_separately() -> None:
    text = message("round.started", "en", id=4, measures=1, people=2, due="x", nudge=1)
    assert "1 measure, asking 2 people" in text
    assert text.endswith("every 1 day.")
