"""The word lists beside this module that people edit: stop words and topic words.

`stopwords.yaml`: words that make up a question ("mitkä toimenpiteet koskevat …", "which
measures …") and must never count as a search match. `topics.yaml`: English and Swedish topic
words mapped to the Finnish words of the programme. Both are read and checked at start, so a
slip in the data stops the program with the entry named, not at the first question.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

import yaml

# libyaml's parser when PyYAML has it: the lists are read in every process that searches, and
# the pure-Python parser takes ~35 ms over both, a tenth of a one-shot `seuranta ask`.
try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

from data.morphology import WordForms, normalise, split_swedish, stem

STOPWORDS_PATH: Final = Path(__file__).with_name("stopwords.yaml")
TOPICS_PATH: Final = Path(__file__).with_name("topics.yaml")
LANGUAGES: Final = ("fi", "sv", "en")
Language = Literal["fi", "sv", "en"]


@dataclass(frozen=True, slots=True)
class StopWords:
    """Per language, every listed word: base forms, the forms given for them, plain words."""

    words: Mapping[str, frozenset[str]]

    def __contains__(self, word: str) -> bool:
        """Listed in any language (a question may mix them: "SUPO measures")."""
        folded = normalise(word)
        return any(folded in words for words in self.words.values())

    def stops(self, word: str, forms: WordForms | None = None) -> bool:
        """Whether a typed word is a stop word: listed, or (Finnish) a listed base form's
        inflection by `forms`, its analysis (koskevista → koskea)."""
        return word in self or (
            forms is not None and any(lemma in self.words["fi"] for lemma in forms.lemmas)
        )


@dataclass(frozen=True, slots=True)
class Topics:
    """Topic word or phrase → the Finnish words it means, per language."""

    en: Mapping[str, tuple[str, ...]]
    sv: Mapping[str, tuple[str, ...]]

    def merged(self) -> dict[str, tuple[str, ...]]:
        """Both languages in one mapping (the shape of data.search's DEFAULT_SYNONYMS)."""
        merged: dict[str, tuple[str, ...]] = {}
        for table in (self.en, self.sv):
            for phrase, targets in table.items():
                merged[phrase] = tuple(dict.fromkeys((*merged.get(phrase, ()), *targets)))
        return merged

    def swedish_parts(self, word: str) -> tuple[str, ...]:
        """A Swedish compound as the one-word Swedish entries it is made of, or ().

        cybersäkerhetsanvisningar → (cybersäkerhet, anvisning); a word listed as it is
        (gränsbevakningen) is not a compound of others and gives ().
        """
        by_stem = {stem(phrase, "sv"): phrase for phrase in self.sv if " " not in phrase}
        return tuple(by_stem[part] for part in split_swedish(word, by_stem))


class _UniqueKeyLoader(_SafeLoader):
    """PyYAML keeps the last of two equal keys without a word; an editor's slip must show."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise ValueError(f"line {key_node.start_mark.line + 1}: {key!r} is listed twice")
            seen.add(key)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _read(path: Path, sections: tuple[str, ...]) -> dict[str, Any]:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    if not isinstance(raw, dict) or set(raw) != set(sections):
        raise ValueError(f"{path}: expected the sections {', '.join(sections)} and no others")
    return raw


def load_stopwords(path: Path | None = None) -> StopWords:
    """Read and check stopwords.yaml. Raises ValueError naming the entry."""
    source = path or STOPWORDS_PATH
    words: dict[str, frozenset[str]] = {}
    for lang, items in _read(source, LANGUAGES).items():
        if not isinstance(items, list):
            raise ValueError(f"{source}: {lang} must be a list")
        found: set[str] = set()
        for item in items:
            if isinstance(item, str):
                found.update(item.split())
            elif (
                isinstance(item, dict)
                and len(item) == 1
                and all(isinstance(form, str) for form in next(iter(item.values())) or ())
            ):
                ((base, forms),) = item.items()
                found.add(base)
                found.update(forms or ())
            else:
                raise ValueError(f"{source}: {lang}: {item!r} is not 'words' or 'base: [forms]'")
        words[lang] = frozenset(normalise(word) for word in found)
    return StopWords(words)


def load_topics(path: Path | None = None) -> Topics:
    """Read and check topics.yaml. Raises ValueError naming the entry."""
    source = path or TOPICS_PATH
    raw = _read(source, ("en", "sv"))
    tables: dict[str, dict[str, tuple[str, ...]]] = {}
    for lang in ("en", "sv"):
        table = raw[lang]
        if not isinstance(table, dict):
            raise ValueError(f"{source}: {lang} must map words to lists of Finnish words")
        tables[lang] = {}
        for phrase, targets in table.items():
            if not (
                isinstance(phrase, str)
                and phrase == phrase.strip().casefold()
                and isinstance(targets, list)
                and targets
                and all(isinstance(t, str) and t.strip() for t in targets)
            ):
                raise ValueError(
                    f"{source}: {lang}: {phrase!r}: expected a lower-case word or phrase and a"
                    " list of Finnish words"
                )
            tables[lang][phrase] = tuple(targets)
    return Topics(en=tables["en"], sv=tables["sv"])
