"""The organisation glossary: who the programme's Vastuutaho abbreviations and phrases are.

`organisations.yaml` beside this module is hand-curated; `load_glossary` reads and validates it
so that a typo in the data fails at start with the entry named, not at the first question.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

GLOSSARY_PATH = Path(__file__).with_name("organisations.yaml")

KINDS = frozenset({"ministry", "department", "agency", "municipal", "network", "group", "other"})
LANGUAGES = ("fi", "sv", "en")

_REQUIRED = ("key", "kind", "fi", "sv", "en")
_OPTIONAL = ("parent", "aliases", "shared_aliases", "uncertain", "note")


@dataclass(frozen=True, slots=True)
class OrganisationEntry:
    key: str
    kind: str
    fi: str
    sv: str
    en: str
    aliases: tuple[str, ...]
    uncertain: bool
    note: str | None
    parent: str | None

    def name(self, lang: str) -> str:
        """The name in `lang` (fi, sv or en); Finnish, then the key, when that is missing."""
        names = {"fi": self.fi, "sv": self.sv, "en": self.en}
        return names.get(lang) or self.fi or self.key

    def all_names(self) -> tuple[str, ...]:
        """Every spelling a person may use for it: key, names and aliases, without repeats."""
        return tuple(dict.fromkeys((self.key, self.fi, self.sv, self.en, *self.aliases)))


def load_glossary(path: Path | None = None) -> dict[str, OrganisationEntry]:
    """Read and validate the glossary; keys in file order. Raises ValueError naming the entry."""
    source = path or GLOSSARY_PATH
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    if not isinstance(raw, list):
        raise ValueError(f"{source}: expected a list of organisations, got {type(raw).__name__}")
    entries: dict[str, OrganisationEntry] = {}
    shared: dict[str, set[str]] = {}
    folded_keys: dict[str, str] = {}
    for index, item in enumerate(raw):
        entry, shared_aliases = _parse_entry(item, index)
        other = folded_keys.get(entry.key.casefold())
        if other is not None:
            raise ValueError(f"organisation {entry.key!r}: key repeats {other!r}")
        folded_keys[entry.key.casefold()] = entry.key
        entries[entry.key] = entry
        shared[entry.key] = shared_aliases
    _check_aliases(entries, shared)
    _check_parents(entries)
    return entries


def _parse_entry(item: object, index: int) -> tuple[OrganisationEntry, set[str]]:
    if not isinstance(item, Mapping):
        raise ValueError(f"organisation #{index + 1}: expected a mapping, got {item!r}")
    label = repr(item["key"]) if isinstance(item.get("key"), str) else f"#{index + 1} (no key)"
    unknown = set(item) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        raise ValueError(f"organisation {label}: unknown field(s) {sorted(unknown)}")
    for field in _REQUIRED:
        if not isinstance(item.get(field), str) or not item[field].strip():
            raise ValueError(f"organisation {label}: missing or empty {field!r}")
    if item["kind"] not in KINDS:
        raise ValueError(
            f"organisation {label}: kind {item['kind']!r} is not one of {sorted(KINDS)}"
        )
    aliases = _strings(item, "aliases", label)
    shared_aliases = _strings(item, "shared_aliases", label)
    uncertain = item.get("uncertain", False)
    if not isinstance(uncertain, bool):
        raise ValueError(f"organisation {label}: 'uncertain' must be true or false")
    note = _optional_string(item, "note", label)
    if uncertain and note is None:
        raise ValueError(f"organisation {label}: uncertain entries need a note saying why")
    entry = OrganisationEntry(
        key=item["key"],
        kind=item["kind"],
        fi=item["fi"],
        sv=item["sv"],
        en=item["en"],
        # Shared aliases join the plain ones: to a reader of the entry both are spellings of it.
        aliases=(*aliases, *shared_aliases),
        uncertain=uncertain,
        note=note,
        parent=_optional_string(item, "parent", label),
    )
    return entry, {alias.casefold() for alias in shared_aliases}


def _strings(item: Mapping[str, Any], field: str, label: str) -> tuple[str, ...]:
    value = item.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"organisation {label}: {field!r} must be a list of non-empty strings")
    if len(set(value)) != len(value):
        raise ValueError(f"organisation {label}: {field!r} lists a spelling twice")
    return tuple(value)


def _optional_string(item: Mapping[str, Any], field: str, label: str) -> str | None:
    value = item.get(field)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"organisation {label}: {field!r} must be a non-empty string")
    return value


def _check_aliases(
    entries: Mapping[str, OrganisationEntry], shared: Mapping[str, set[str]]
) -> None:
    """A plain alias names one organisation only; `shared_aliases` are the deliberate exceptions.

    An alias may repeat its own entry's name (POHA lists Poliisihallitus, the source's other
    spelling) but not another entry's key or name: that would make a question silently ambiguous.
    """
    owner_of_name: dict[str, set[str]] = {}
    for entry in entries.values():
        for name in (entry.key, entry.fi, entry.sv, entry.en):
            owner_of_name.setdefault(name.casefold(), set()).add(entry.key)
    owner_of_alias: dict[str, str] = {}
    for entry in entries.values():
        for alias in entry.aliases:
            folded = alias.casefold()
            if folded in shared[entry.key]:
                continue
            previous = owner_of_alias.get(folded)
            if previous is not None and previous != entry.key:
                raise ValueError(
                    f"organisation {entry.key!r}: alias {alias!r} is also an alias of {previous!r}"
                )
            owner_of_alias[folded] = entry.key
            others = owner_of_name.get(folded, set()) - {entry.key}
            if others:
                raise ValueError(
                    f"organisation {entry.key!r}: alias {alias!r} is a name of {sorted(others)}; "
                    "list it under shared_aliases if both are meant"
                )
    for entry in entries.values():
        for folded in shared[entry.key]:
            previous = owner_of_alias.get(folded)
            if previous is not None and previous != entry.key:
                raise ValueError(
                    f"organisation {entry.key!r}: shared alias {folded!r} is a plain alias "
                    f"of {previous!r}"
                )


def _check_parents(entries: Mapping[str, OrganisationEntry]) -> None:
    for entry in entries.values():
        seen = {entry.key}
        parent = entry.parent
        while parent is not None:
            if parent not in entries:
                raise ValueError(f"organisation {entry.key!r}: unknown parent {parent!r}")
            if parent in seen:
                raise ValueError(f"organisation {entry.key!r}: parent chain loops at {parent!r}")
            seen.add(parent)
            parent = entries[parent].parent
