"""Schedule parsing speed: every schedule cell of the real programme, and hostile 100 kB inputs.

Run:  .venv/bin/python bench/bench_schedule.py

Baseline in the same run: splitting the same texts into words (the floor of any reading).
Target (issue 2 brief): the programme's cells in well under 10 ms in total.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.glossary import load_glossary
from data.importer import BUNDLED_SOURCE, known_spellings
from data.schedule import parse_schedule
from data.source import parse_programme

HOSTILE = {
    "100 kB of years": "2018 " * 20_000,
    "100 kB of slashes": "1/" * 50_000,
    "100 kB of measure numbers": "1.1." * 25_000,
    "100 kB of year words": "vuoden " * 14_000 + "2018",
}


def best_ms(function: Callable[[], object], repeat: int = 20) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return min(samples)


def main() -> None:
    programme = parse_programme(
        BUNDLED_SOURCE.read_text(encoding="utf-8"), known_spellings(load_glossary())
    )
    cells = [text for measure in programme.measures for text, _ in measure.schedules]
    parsed = best_ms(lambda: [parse_schedule(cell) for cell in cells])
    split = best_ms(lambda: [cell.split() for cell in cells])
    print(f"{len(cells)} schedule cells: {parsed:.2f} ms   (baseline: str.split {split:.3f} ms)")
    for name, text in HOSTILE.items():
        samples = [best_ms(lambda t=text: parse_schedule(t), repeat=1) for _ in range(3)]
        print(f"{name:<28} median {statistics.median(samples):7.1f} ms")


if __name__ == "__main__":
    main()
