"""Benchmark data.search on a synthetic 10,000-measure programme, next to a naive scan.

Documents are recombined sentences of the real programme text (data/toimenpideohjelma.txt),
~300 words each, so vocabulary and inflection are realistic. The baseline is what one would
write without an index: lowercase every document once, then count substring occurrences of
each query word in every document per query (no inflection handling, no synonyms).

Each index is built twice: by fold keys only (no vocabulary) and with morphology (the
programme's analysed vocabulary, as the engine builds it, without the analyser at query
time); the vocabulary's analysis is timed apart, as it happens once, at import.

Last, ``seuranta ask "mitkä toimenpiteet koskevat kyberturvallisuutta?"`` as a whole process
on an imported SQLite database, next to ``python -c "import sqlalchemy.orm"`` in the same run.

Run: .venv/bin/python bench/bench_search.py [--repeat N] [--process-repeat N] [--only PART]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from data.db import ensure_schema, make_engine, make_sessionmaker
from data.importer import BUNDLED_SOURCE, import_file
from data.morphology import Vocabulary, analyse_vocabulary
from data.search import SearchIndex

DATA = Path(__file__).resolve().parent.parent / "data" / "toimenpideohjelma.txt"
MEASURE = re.compile(r"^(\d\.\d+)\.\s")
ROOT = Path(__file__).resolve().parents[1]
QUESTION = "mitkä toimenpiteet koskevat kyberturvallisuutta?"
QUERIES = (
    QUESTION,
    "hybridiuhkiin",
    "kuntien turvallisuus",
    "cyber security",
    "vilka åtgärder gäller cybersäkerhetsanvisningar",
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
WORD = re.compile(r"[^\W\d_]+")


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


def report(label: str, documents: list[tuple[str, str, str]], repeats: int) -> None:
    fields = [(key, [(title, 3.0), (body, 1.0)]) for key, title, body in documents]
    start = time.perf_counter()
    index = SearchIndex(fields)
    build = time.perf_counter() - start
    start = time.perf_counter()
    stored = analyse_vocabulary(
        word
        for _, title, body in documents
        for text in (title, body)
        for word in WORD.findall(text)
    )
    analysis = time.perf_counter() - start
    start = time.perf_counter()
    morph = SearchIndex(fields, vocabulary=Vocabulary(stored, use_analyser=False))
    morph_build = time.perf_counter() - start
    start = time.perf_counter()
    lowered = [(key, f"{title} {body}".lower()) for key, title, body in documents]
    naive_build = time.perf_counter() - start
    words = sum(len(f"{title} {body}".split()) for _, title, body in documents)
    print(f"\n{label}: {len(documents)} documents, {words / len(documents):.0f} words each")
    print(
        f"  build  fold keys {build * 1e3:8.0f} ms   with morphology {morph_build * 1e3:8.0f} ms"
        f" (analysing its {len(stored.forms)} vocabulary entries, at import: {analysis:.2f} s)"
        f"   naive (lowercase) {naive_build * 1e3:6.0f} ms"
    )
    print(f"  {'query':48} {'fold keys':>22}  {'morphology':>22}  {'naive':>22}")
    for query in QUERIES:
        row = []
        for run in (index.search, morph.search, partial(naive_search, lowered)):
            run(query)  # warm the caches, as a long-running bot would be
            p50, p99 = latencies(partial(run, query), repeats)
            row.append(f"{p50:6.2f}ms {p99:6.2f}ms {len(run(query)):4}")
        print(f"  {query[:48]:48} {'  '.join(row)}")


def bench_process(repeat: int) -> None:
    """`seuranta ask` as a whole process, next to the interpreter and SQLAlchemy alone."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'ask.sqlite3'}"
        database = make_engine(url)
        ensure_schema(database)
        import_file(make_sessionmaker(database), BUNDLED_SOURCE, now=datetime.now(UTC))
        database.dispose()
        env = dict(os.environ, DATABASE_URL=url)

        seuranta = str(ROOT / ".venv" / "bin" / "seuranta")
        commands = {
            "python -c 'import sqlalchemy.orm'": [sys.executable, "-c", "import sqlalchemy.orm"],
            f"seuranta ask {QUESTION!r}": [seuranta, "ask", QUESTION],
            "seuranta ask 'who owns 2.7?'": [seuranta, "ask", "who owns 2.7?"],
        }
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):  # interleaved, so that a busy moment hits all of them alike
            for name, command in commands.items():
                used = _children_cpu()
                started = time.perf_counter()
                subprocess.run(command, env=env, check=True, capture_output=True)
                wall[name].append((time.perf_counter() - started) * 1000)
                cpu[name].append((_children_cpu() - used) * 1000)
    base_wall = statistics.median(wall["python -c 'import sqlalchemy.orm'"])
    base_cpu = statistics.median(cpu["python -c 'import sqlalchemy.orm'"])
    print(f"\nWhole process, median of {repeat}, interleaved: wall time (min), and CPU time")
    print("  (user + sys: what the process itself costs, less swayed by other load)")
    for name in commands:
        w, c = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"  {name:<64} wall {w:6.0f} ms ({min(wall[name]):5.0f}) {w / base_wall:4.2f}×"
            f"   CPU {c:6.0f} ms {c / base_cpu:4.2f}×"
        )


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="samples per query")
    parser.add_argument("--process-repeat", type=int, default=15, help="samples per process")
    parser.add_argument("--only", choices=("real", "synthetic", "process"), help="one part only")
    args = parser.parse_args()
    real = measures()
    if args.only in (None, "real"):
        report("real programme", [(key, "", text) for key, text in real.items()], args.repeat)
    if args.only in (None, "synthetic"):
        sentences = sorted(
            {s.strip() for text in real.values() for s in re.split(r"(?<=\.)\s+", text)} - {""}
        )
        report("synthetic programme", synthetic(sentences, SYNTHETIC_DOCS), args.repeat)
    if args.only in (None, "process"):
        bench_process(args.process_repeat)


if __name__ == "__main__":
    main()
