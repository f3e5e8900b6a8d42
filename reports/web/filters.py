"""The index page's filters: organisation, theme, state and search words, from the query string."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from reports.snapshot import MeasureRecord, Snapshot
from reports.summary import STATUS_KEYS, status_key

MAX_QUERY = 200  # a search box needs no more; bounds the work a hostile URL can ask for
# ASCII digits only (str.isdigit() takes "²", which int() refuses), and few of them.
_THEME = re.compile(r"[0-9]{1,3}")


@dataclass(frozen=True, slots=True)
class Filters:
    organisation: str = ""
    theme: int | None = None
    state: str = ""
    query: str = ""

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> Filters:
        """Unknown values are ignored rather than refused: a stale bookmark still shows a page."""
        theme = params.get("theme", "")
        state = params.get("state", "")
        return cls(
            organisation=params.get("org", "").strip(),
            theme=int(theme) if _THEME.fullmatch(theme) else None,
            state=state if state in STATUS_KEYS else "",
            query=params.get("q", "").strip()[:MAX_QUERY],
        )

    @property
    def active(self) -> bool:
        return bool(self.organisation or self.theme is not None or self.state or self.query)

    def accepts(self, m: MeasureRecord, hits: Collection[str] | None) -> bool:
        """`hits`: the measure numbers the search words found (None when there are none)."""
        if self.organisation and all(o.organisation != self.organisation for o in m.owners):
            return False
        if self.theme is not None and m.theme != self.theme:
            return False
        if self.state and status_key(m.state) != self.state:
            return False
        return hits is None or m.number in hits


def organisation_options(snapshot: Snapshot, lang: str) -> list[tuple[str, str]]:
    """(key, label) for every organisation named as an owner, alphabetical in `lang`."""
    seen: dict[str, str] = {}
    for m in snapshot.measures:
        for o in m.owners:
            name, key = o.name(lang), o.organisation
            # Keys are the abbreviations people know ("SUPO"); phrases are already names.
            seen.setdefault(key, f"{name} ({key})" if " " not in key and key != name else name)
    return sorted(seen.items(), key=lambda item: item[1].casefold())
