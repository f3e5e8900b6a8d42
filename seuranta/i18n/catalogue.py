"""The shape of a catalogue entry, and how a count picks its words.

An entry holds one text per language, side by side, so a developer who changes one sees the
others. A text may name a count's two forms inline: ``{days} {days|päivä|päivää}`` reads
"1 päivä" and "3 päivää"; Finnish, Swedish and English all have exactly these two forms
(CLDR's *one* for 1 and *other* for every other number).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

Entry = dict[str, str]

PLURAL = re.compile(r"\{(?P<name>\w+)\|(?P<one>[^{}|]*)\|(?P<other>[^{}|]*)\}")
PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")


def plural_choice(template: str, values: Mapping[str, Any]) -> str:
    """The template with each ``{name|one|other}`` replaced by the form ``values[name]`` needs."""

    def choose(match: re.Match[str]) -> str:
        return match["one"] if values[match["name"]] == 1 else match["other"]

    return PLURAL.sub(choose, template)


def placeholders(template: str) -> frozenset[str]:
    """Every value a template names, its plural counts included."""
    names = {m["name"] for m in PLURAL.finditer(template)}
    names |= set(PLACEHOLDER.findall(PLURAL.sub("", template)))
    return frozenset(names)
