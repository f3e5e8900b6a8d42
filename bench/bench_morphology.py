"""Morphology benchmarks: the analyser's cost, each query path per word, the vocabulary build.

- analyser load: a fresh process importing pyvoikko, time and memory, next to the same
  process without it;
- per word, p50/p99: the stored path (a dictionary look-up), the fallback (an unseen word
  meeting a stored one by key or as a split compound) and the analyser itself;
- quality: issue 12's word pairs and those in tests/data/morphology_cases.yaml per path,
  next to today's data.search, and how often the fallback gives the analyser's lemma for
  programme words it has not seen;
- build: analysing the vocabulary and filing every token of the real programme and of a
  generated 10,000-measure one (bench_foundation's generator), next to today's SearchIndex
  build of the same documents; and a 20,000-word vocabulary of unseen compounds;
- ``seuranta ask``: a one-shot process that loads the stored vocabulary and resolves a
  question's words, next to ``python -c "import sqlalchemy.orm"`` in the same run.

Run: .venv/bin/python bench/bench_morphology.py [--repeat N]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_foundation import generate_programme  # noqa: E402
from timing import percentiles, timed  # noqa: E402

from data import morphology  # noqa: E402
from data.importer import BUNDLED_SOURCE  # noqa: E402
from data.morphology import (  # noqa: E402
    Match,
    Source,
    StoredVocabulary,
    Vocabulary,
    WordForms,
    analyse,
    analyse_vocabulary,
    relate,
)
from data.search import SearchIndex  # noqa: E402

WORD = re.compile(r"[^\W\d_]+")
CASES = yaml.safe_load((ROOT / "tests" / "data" / "morphology_cases.yaml").read_text("utf-8"))
QUESTION = "mitkä toimenpiteet koskevat kyberturvallisuutta ja hybridiuhkia kunnissa?"
HELD_OUT = 300


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def fmt(samples: list[float]) -> str:
    p50, p99 = percentiles(samples)
    return f"p50 {p50:7.3f} ms  p99 {p99:7.3f} ms"


def bench_load(repeat: int) -> None:
    rss = "int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) // 1024"
    probe = (
        "import time, snowballstemmer; t = time.perf_counter(); {body}; "
        f"print((time.perf_counter() - t) * 1000, {rss})"
    )
    rows = {}
    for label, body in (
        ("without the analyser", "pass"),
        ("import pyvoikko", "import pyvoikko"),
        ("+ first analysis", "import pyvoikko; pyvoikko.analyse('kunnat')"),
        # Where kfst-rs has no wheel, kfst runs the same transducer in pure Python.
        (
            "pure-Python kfst, same",
            "import sys; sys.modules['kfst_rs'] = None; import pyvoikko; "
            "pyvoikko.analyse('kunnat')",
        ),
    ):
        runs = [
            subprocess.run(
                [sys.executable, "-c", probe.format(body=body)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout.split()
            for _ in range(repeat)
        ]
        rows[label] = (
            statistics.median(float(ms) for ms, _ in runs),
            statistics.median(int(mb) for _, mb in runs),
        )
    import kfst

    print(f"Analyser load (fresh process, median of {repeat}; kfst backend: {kfst.BACKEND})")
    for label, (ms, mb) in rows.items():
        print(f"  {label:<24} {ms:8.1f} ms   RSS {mb:4.0f} MB")


def without(stored: StoredVocabulary, words: set[str]) -> StoredVocabulary:
    return StoredVocabulary(
        {w: f for w, f in stored.forms.items() if w not in words},
        {w: k for w, k in stored.keys.items() if w not in words},
    )


def bench_paths(stored: StoredVocabulary, text_words: list[str]) -> None:
    words = sorted(set(text_words) & set(stored.forms))
    rng = random.Random(3)
    held_out = rng.sample(words, HELD_OUT)
    kept = without(stored, set(held_out))

    vocabulary = Vocabulary(stored, use_analyser=False)
    stored_ms = timed_each(vocabulary.resolve, words)
    partial = Vocabulary(kept, use_analyser=False)
    results = {}
    fallback_ms = []
    for word in held_out:
        started = time.perf_counter()
        results[word] = partial.resolve(word)
        fallback_ms.append((time.perf_counter() - started) * 1000)
    analyser = morphology._analyse.__wrapped__  # uncached: the cost of a first sight
    analyser_ms = timed_each(analyser, words)

    print("Per word, first sight (cache empty)")
    print(f"  stored    {fmt(stored_ms)}   ({len(words)} programme words)")
    print(f"  fallback  {fmt(fallback_ms)}   ({HELD_OUT} programme words held out of the store)")
    print(f"  analyser  {fmt(analyser_ms)}   ({len(words)} programme words)")

    resolved = [w for w, r in results.items() if r.source is Source.FALLBACK]
    truth = stored.forms
    same = [w for w in resolved if set(results[w].forms.lemmas) & set(truth[w].lemmas)]
    related = [w for w in resolved if relate(results[w].forms, truth[w]) is not Match.NONE]
    print(
        f"  held-out words the fallback resolves: {len(resolved)}/{HELD_OUT}; with the "
        f"analyser's lemma {len(same)}, related to it {len(related)}; "
        f"left to the analyser {HELD_OUT - len(resolved)}"
    )


def timed_each(function: Callable[[str], object], words: list[str]) -> list[float]:
    samples = []
    for word in words:
        started = time.perf_counter()
        function(word)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def bench_quality(stored: StoredVocabulary, vocabulary_words: list[str]) -> None:
    index = SearchIndex(((w, [(w, 1.0)]) for w in vocabulary_words), synonyms={})

    def by_search(typed: str, text: str) -> bool:
        return text in {hit.key for hit in index.search(typed, limit=30)}

    def by_analyser(typed: str, text: str) -> bool:
        forms = [analyse(w) or WordForms((morphology.normalise(w),)) for w in (typed, text)]
        return relate(*forms) is not Match.NONE

    def by_fallback(typed: str, text: str) -> bool:
        vocabulary = Vocabulary(without(stored, {morphology.normalise(typed)}), use_analyser=False)
        return relate(vocabulary.forms(typed), vocabulary.forms(text)) is not Match.NONE

    print("Quality on tests/data/morphology_cases.yaml (found / pairs)")
    print(f"  {'':<44} {'related':>8} {'unrelated':>10}  (unrelated: lower is better)")
    for label, found in (
        ("data.search today (top 30)", by_search),
        ("analyser", by_analyser),
        ("stored + fallback, typed word unseen", by_fallback),
    ):
        related = sum(found(a, b) for a, b in CASES["related"])
        unrelated = sum(found(a, b) for a, b in CASES["unrelated"])
        print(
            f"  {label:<44} {related:>4}/{len(CASES['related'])}"
            f" {unrelated:>6}/{len(CASES['unrelated'])}"
        )


def bench_build(label: str, text: str, documents: list[str]) -> None:
    words = words_of(text)
    morphology._analyse.cache_clear()
    started = time.perf_counter()
    stored = analyse_vocabulary(words)
    analysed = time.perf_counter() - started
    started = time.perf_counter()
    vocabulary = Vocabulary(stored, use_analyser=False)
    keys = [
        frozenset().union(*(vocabulary.forms(w).keys() for w in words_of(d))) for d in documents
    ]
    filed = time.perf_counter() - started
    started = time.perf_counter()
    SearchIndex((str(i), [(d, 1.0)]) for i, d in enumerate(documents))
    today = time.perf_counter() - started
    print(
        f"  {label:<34} {len(documents):>6} docs {len(set(map(morphology.normalise, words))):>6}"
        f" words: analyse {analysed:6.2f} s, file every token {filed:6.2f} s"
        f" (SearchIndex today {today:5.2f} s){'' if keys else ' (empty)'}"
    )


def bench_unseen_compounds(stored: StoredVocabulary, count: int) -> None:
    """A programme with far more distinct words than ours: new two-part compounds."""
    rng = random.Random(5)
    entries = stored.forms.items()
    simple = sorted(w for w, f in entries if not f.parts and len(w) >= 4)
    heads = sorted({f.lemmas[0] for _, f in entries if not f.parts and len(f.lemmas[0]) > 3})
    compounds = list(dict.fromkeys(rng.choice(heads) + rng.choice(simple) for _ in range(count)))
    started = time.perf_counter()
    analysed = analyse_vocabulary(compounds)
    elapsed = time.perf_counter() - started
    known = sum(word in analysed.forms for word in compounds)
    print(
        f"  {len(compounds)} new compounds (e.g. {compounds[0]}): analyse {elapsed:5.2f} s,"
        f" {elapsed / len(compounds) * 1000:.2f} ms a word, {known} known to the analyser"
    )


def bench_process(stored: StoredVocabulary, repeat: int, workdir: Path) -> None:
    store = workdir / "vocabulary.json"
    store.write_text(stored.encode(), encoding="utf-8")
    words = " ".join(QUESTION.strip("?").split())
    resolve = (
        "import sqlalchemy.orm; from data.morphology import StoredVocabulary, Vocabulary; "
        f"stored = StoredVocabulary.decode(open({str(store)!r}, encoding='utf-8').read()); "
        "v = Vocabulary(stored, use_analyser={analyser}); "
        f"[v.resolve(w) for w in {words!r}.split()]; v.resolve('blorpista')"
    )

    def run(code: str) -> Callable[[], object]:
        command = [sys.executable, "-c", code]
        return lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT)

    floor = timed(run("import sqlalchemy.orm"), repeat)
    cheap = timed(run(resolve.format(analyser=False)), repeat)
    loaded = timed(run(resolve.format(analyser=True)), repeat)
    base = statistics.median(floor)
    print(f"One-shot process (median of {repeat}), the question {QUESTION!r}")
    print(f"  baseline python -c 'import sqlalchemy.orm'   {base:6.0f} ms")
    for label, samples in (
        ("+ stored vocabulary, stored/fallback only", cheap),
        ("+ analyser loaded for one unknown word", loaded),
    ):
        median = statistics.median(samples)
        print(f"  {label:<44} {median:6.0f} ms  (+{median - base:4.0f} ms, {median / base:.2f}×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()

    bench_load(args.repeat)
    text = BUNDLED_SOURCE.read_text("utf-8")
    stored = analyse_vocabulary(words_of(text))
    bench_paths(stored, [morphology.normalise(w) for w in words_of(text)])
    bench_quality(stored, sorted(set(map(morphology.normalise, words_of(text)))))

    print("Build: the analysed vocabulary and every token filed under its lemmas and parts")
    lines = [line for line in text.splitlines() if re.match(r"\d+\.\d+\.", line)]
    bench_build("real programme", text, lines)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        generated = workdir / "generated.txt"
        generate_programme(generated)
        big = generated.read_text("utf-8")
        docs = [line for line in big.splitlines() if re.match(r"\d+\.\d+\.", line)]
        bench_build("generated 10,000 measures", big, docs)
        bench_unseen_compounds(stored, 20_000)
        bench_process(stored, args.repeat, workdir)


if __name__ == "__main__":
    main()
