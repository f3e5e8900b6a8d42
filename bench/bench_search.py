"""Benchmark data.search on a synthetic 10,000-measure programme, next to a naive scan.

Documents are recombined sentences of the real programme text (data/toimenpideohjelma.txt),
~300 words each, so vocabulary and inflection are realistic. The baseline is what one would
write without an index: lowercase every document once, then count substring occurrences of
each query word in every document per query (no inflection handling, no synonyms).

Run: .venv/bin/python bench/bench_search.py
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from data.search import SearchIndex

DATA = Path(__file__).resolve().parent.parent / "data" / "toimenpideohjelma.txt"
MEASURE = re.compile(r"^(\d\.\d+)\.\s")
QUERIES = (
    "hybridiuhat",
    "Frontex",
    "etsi terrorismi",
    "väkivaltainen radikalisoituminen",
    "search cybercrime",
    "kyber",
    "rajavalvonta hätäkeskus reservipoliisi",
    "sisäinen turvallisuus",  # matches nearly every document: the worst case
)
SYNTHETIC_DOCS = 10_000
WORDS_PER_DOC = 300
REPEATS = 30


def measures() -> dict[str, str]:
    """Measure number → all its row text (continuation lines belong to the row above)."""
    texts: dict[str, list[str]] = {}
    current = None
    for line in DATA.read_text(encoding="utf-8").splitlines():
        match = MEASURE.match(line)
        if match:
            current = match.group(1)
        if current is not None:
            texts.setdefault(current, []).append(line.strip())
    return {key: " ".join(lines) for key, lines in texts.items()}


def synthetic(sentences: list[str], count: int) -> list[tuple[str, str, str]]:
    rng = random.Random(2018)
    documents = []
    for i in range(count):
        title = rng.choice(sentences)
        body: list[str] = []
        words = 0
        while words < WORDS_PER_DOC:
            sentence = rng.choice(sentences)
            body.append(sentence)
            words += len(sentence.split())
        documents.append((f"{i // 1000 + 1}.{i % 1000 + 1}", title, " ".join(body)))
    return documents


def latencies(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        run()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.99 * len(samples)))]


def naive_search(lowered: list[tuple[str, str]], query: str, limit: int = 10) -> list[str]:
    words = query.lower().split()
    counted = [(sum(text.count(w) for w in words), key) for key, text in lowered]
    return [key for count, key in sorted((c for c in counted if c[0]), reverse=True)[:limit]]


def report(label: str, documents: list[tuple[str, str, str]]) -> None:
    start = time.perf_counter()
    index = SearchIndex((key, [(title, 3.0), (body, 1.0)]) for key, title, body in documents)
    build = time.perf_counter() - start
    start = time.perf_counter()
    lowered = [(key, f"{title} {body}".lower()) for key, title, body in documents]
    naive_build = time.perf_counter() - start
    words = sum(len(f"{title} {body}".split()) for _, title, body in documents)
    print(f"\n{label}: {len(documents)} documents, {words / len(documents):.0f} words each")
    print(
        f"  build     index {build * 1e3:9.1f} ms   naive (lowercase) {naive_build * 1e3:7.1f} ms"
    )
    header = f"{'index p50':>10} {'p99':>8} {'hits':>5}"
    print(f"  {'query':40} {header}  {header.replace('index', 'naive')}")
    for query in QUERIES:
        index.search(query)  # warm the stemming caches, as a long-running bot would be
        p50, p99 = latencies(partial(index.search, query), REPEATS)
        n50, n99 = latencies(partial(naive_search, lowered, query), REPEATS)
        hits = len(index.search(query))
        naive_hits = len(naive_search(lowered, query))
        print(
            f"  {query:40} {p50:8.3f}ms {p99:6.3f}ms {hits:5}  "
            f"{n50:8.3f}ms {n99:6.3f}ms {naive_hits:5}"
        )


def main() -> None:
    real = measures()
    report("real programme", [(key, "", text) for key, text in real.items()])
    sentences = sorted(
        {s.strip() for text in real.values() for s in re.split(r"(?<=\.)\s+", text) if s.strip()}
    )
    report("synthetic programme", synthetic(sentences, SYNTHETIC_DOCS))


if __name__ == "__main__":
    main()
