"""Typos corrected against a known vocabulary: "ownes" is "owns", "Tullli" is "Tulli" (pure).

A symmetric-delete index (the SymSpell idea): every known word is stored under the spellings
left by deleting up to two of its letters, so a typed word is looked up by its own deletions in
a few dictionary probes, whatever the size of the vocabulary; the few candidates found are then
checked with a true edit distance. Short words allow fewer edits: "on" must not become "om".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import combinations

MAX_EDITS = 2
_WORD_CAP = 30  # longer "words" are not corrected (and their deletions would be many)


def allowed_edits(word: str) -> int:
    """How far a word may be from a known one: none under 5 letters, one under 9, else two."""
    if len(word) < 5:
        return 0
    return 1 if len(word) < 9 else MAX_EDITS


class Corrector:
    def __init__(
        self,
        words: Iterable[str],
        *,
        keep: Iterable[str] = (),
        meaning: Mapping[str, str] | None = None,
    ) -> None:
        # Words that mean the same (owns, owner): a tie between them is no ambiguity.
        self._meaning = meaning or {}
        # Words of the programme itself: known, so never "corrected", but never a target.
        self._keep = frozenset(keep)
        # Under four letters a word is too near too many others to be a correction's target.
        self._known: frozenset[str] = frozenset(w for w in words if 4 <= len(w) <= _WORD_CAP)
        self._deletions: dict[str, set[str]] = {}
        for word in self._known:
            for variant in _deletions(word, allowed_edits(word)):
                self._deletions.setdefault(variant, set()).add(word)

    def __contains__(self, word: str) -> bool:
        return word in self._known or word in self._keep

    def correct(self, word: str) -> str | None:
        """The one nearest known word, or None if the word is known, unknown or a tie."""
        edits = allowed_edits(word)
        if word in self or edits == 0 or len(word) > _WORD_CAP or not word.isalpha():
            return None
        if any(word[:cut] in self._known for cut in range(max(5, len(word) - 4), len(word))):
            return None  # a known word with an ending: "teeman" is teema, inflected
        found: dict[str, int] = {}
        for variant in _deletions(word, edits):
            for candidate in self._deletions.get(variant, ()):
                if candidate not in found:
                    found[candidate] = distance(word, candidate)
        best = [(d, c) for c, d in found.items() if 0 < d <= edits]
        if not best:
            return None
        best.sort()
        nearest = [c for d, c in best if d == best[0][0]]
        if len({self._meaning.get(c, c) for c in nearest}) > 1:
            return None  # equally near words that mean different things: do not guess
        return nearest[0]


def _deletions(word: str, edits: int) -> set[str]:
    variants = {word}
    for n in range(1, min(edits, len(word) - 1) + 1):
        for cut in combinations(range(len(word)), n):
            variants.add("".join(c for i, c in enumerate(word) if i not in cut))
    return variants


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]
