"""How fast the organisation matcher finds names in a question, with 100 and 2,000 organisations.

Run:  .venv/bin/python bench/bench_orgmatch.py

Baseline in the same run: a naive scan that tests every name of every organisation with
``in`` against the lowercased question (no inflection, so it finds less). Targets (brief):
under 0.5 ms per question with ~100 organisations, under 5 ms with 2,000.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.orgmatch import OrgMatcher, OrgName
from data.glossary import load_glossary

QUESTION = (
    "Mitä poliisihallitukselle ja sisäministeriöltä kuuluu vuonna 2018, entä SUPOn, KRP:n ja "
    "Tullin toimenpiteet? What does the Ministry of Justice own in the internal security "
    "strategy?"
)
LOWERED = QUESTION.lower()


def _synthetic(count: int) -> list[OrgName]:
    rng = random.Random(count)
    real = [OrgName.of(entry) for entry in load_glossary().values()]

    def word() -> str:
        return "".join(rng.choice("aeiouklmnprstvä") for _ in range(rng.randint(4, 10)))

    made_up = [
        OrgName(
            f"X{i}",
            (
                "".join(rng.choice("ABCDEFGHJKLMNPRSTUVY") for _ in range(rng.randint(3, 5))),
                f"{word()}virasto",
                f"Ministry of {word().title()}",
                f"{word()} {word()}laitos",
            ),
        )
        for i in range(count - len(real))
    ]
    return real + made_up


def per_call_ms(function: Callable[[], object], calls: int = 200) -> list[float]:
    samples = []
    for _ in range(calls):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def main() -> None:
    for count in (100, 2000):
        names = _synthetic(count)
        matcher = OrgMatcher(names)
        all_names = [(o.key, n.lower()) for o in names for n in o.names]
        found = per_call_ms(lambda m=matcher: m.find(QUESTION))
        naive = per_call_ms(lambda pairs=all_names: [k for k, n in pairs if n in LOWERED])
        print(
            f"{count:>5} organisations: find p50 {statistics.median(found):.3f} ms "
            f"max {max(found):.3f} ms   "
            f"(naive substring scan p50 {statistics.median(naive):.3f} ms)"
        )


if __name__ == "__main__":
    main()
