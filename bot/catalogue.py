"""Every measure of a programme indexed by what a combined question filters on (pure).

Built once per programme revision from :func:`data.queries.measure_catalogue`: per
organisation the measures it owns and leads (a unit's count for its parent, as THL's for STM),
per theme, those without a lead and those with continuous work. A question's filters are then
set operations, so their cost follows the size of the answer, not of the programme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from data.models import Role
from data.queries import CatalogueEntry


class MeasureCatalogue:
    def __init__(self, entries: Iterable[CatalogueEntry], units: Mapping[str, str]) -> None:
        self.entries: dict[str, CatalogueEntry] = {}
        self._order: dict[str, int] = {}
        self._owned: dict[str, set[str]] = {}
        self._led: dict[str, set[str]] = {}
        self._themes: dict[int, set[str]] = {}
        self.without_lead: set[str] = set()
        self.continuous: set[str] = set()
        for position, entry in enumerate(entries):
            number = entry.number
            self.entries[number] = entry
            self._order[number] = position
            self._themes.setdefault(entry.theme, set()).add(number)
            for key, role, _ in entry.owners:
                for owner in {key, units.get(key, key)}:
                    self._owned.setdefault(owner, set()).add(number)
                    if role == Role.LEAD:
                        self._led.setdefault(owner, set()).add(number)
            if not any(role == Role.LEAD for _, role, _ in entry.owners):
                self.without_lead.add(number)
            if entry.continuous:
                self.continuous.add(number)

    def of(self, key: str, *, lead_only: bool = False) -> set[str]:
        """The measures an organisation (or one of its units) owns, or leads."""
        return (self._led if lead_only else self._owned).get(key, set())

    def in_themes(self, themes: Iterable[int]) -> set[str]:
        return set().union(*(self._themes.get(theme, set()) for theme in themes))

    def ordered(self, numbers: Iterable[str] | None) -> list[CatalogueEntry]:
        """The entries, in programme order; None means every measure."""
        if numbers is None:
            return list(self.entries.values())
        known = (n for n in numbers if n in self.entries)
        return [self.entries[n] for n in sorted(known, key=self._order.__getitem__)]
