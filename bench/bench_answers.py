"""Answers v2 (issue 12): every question type, combined questions and follow-ups, timed.

Run:  .venv/bin/python bench/bench_answers.py [--skip-large] [--postgres URL] [--repeat N]

Each question is answered by an engine that keeps no answers (``answer_cache_bytes=0``), so
every sample reads the question and asks the database; the cached figure of the same engine
setting is printed beside it for the repeated question. Baselines measured in the same run:
``SELECT 1`` through the same session factory, and reading the question alone (no database).
Targets (issue 12): every question type p50 < 5 ms on the real programme, < 20 ms on the
generated 10,000-measure programme.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_foundation import NOW, database, generate_programme  # noqa: E402
from timing import percentiles, timed  # noqa: E402

from bot.engine import Engine  # noqa: E402
from bot.intents import Vocabulary, parse_question  # noqa: E402
from bot.orgmatch import OrgMatcher, OrgName  # noqa: E402
from data import importer  # noqa: E402
from data.db import make_sessionmaker  # noqa: E402
from data.glossary import load_glossary  # noqa: E402
from data.importer import BUNDLED_SOURCE, import_file  # noqa: E402

QUESTIONS = {
    "owners": "who owns 2.7?",
    "owners (decimal comma, sv)": "vem ansvarar för åtgärd 2,7?",
    "measure": "show 4.3b",
    "status": "status of 2.7",
    "organisation": "mistä SUPO vastaa?",
    "search": "etsi hybridiuhat",
    "due (period)": "mitä erääntyy syksyllä 2018?",
    "overdue": "overdue",
    "org + year": "mitä OM:n pitää tehdä vuonna 2019?",
    "overdue for org": "what is overdue for Tulli?",
    "shared by two orgs": "mitkä toimenpiteet ovat SUPOn ja KRP:n yhteisiä?",
    "no lead owner": "which measures have no lead owner?",
    "theme": "measures in theme 3",
    "count led by org": "how many measures does SM lead?",
    "count all": "montako toimenpidettä ohjelmassa on?",
    "continuous": "jatkuvat toimenpiteet",
    "owners of two": "2.7 ja 2.8 vastuutahot",
    "owners of a topic": "who is responsible for the national risk assessment?",
    "next deadline": "mikä on 2.7:n seuraava määräaika?",
    "typo": "whats overdeu for Tullli",
    "unclear": "mitä kuuluu?",
}
LARGE_QUESTIONS = {
    "owners": "who owns 57.12?",
    "measure": "show 88.3",
    "organisation": "mistä SUPO vastaa?",
    "due (busy month)": "what is due in 10/2019?",
    "org + year": "mitä OM:n pitää tehdä vuonna 2019?",
    "overdue for org": "what is overdue for Tulli?",
    "shared by two orgs": "SUPOn ja THL:n yhteiset toimenpiteet",
    "no lead owner": "which measures have no lead owner?",
    "theme": "measures in theme 42",
    "count led by org": "how many measures does SM lead?",
    "count all": "montako toimenpidettä ohjelmassa on?",
    "continuous": "jatkuvat toimenpiteet",
    "owners of two": "57.12 ja 57.13 vastuutahot",
    "next deadline": "when is 57.12 due?",
}
# (question, follow-up) in one conversation; the follow-up is what is timed.
FOLLOW_UPS = {
    "and (another measure)": ("kuka vastaa 2.7:stä?", "entä 2.8?"),
    "who else": ("2.7", "who else?"),
    "when is it due": ("2.7", "milloin se erääntyy?"),
    "more": ("list all measures", "more"),
}


def bench(kind: str, source: Path, questions: dict[str, str], args: argparse.Namespace) -> None:
    with database(kind, args.postgres, Path(args.workdir)) as engine:
        factory = make_sessionmaker(engine)
        import_file(factory, source, now=NOW)
        answers = Engine(factory, answer_cache_bytes=0)
        cached = Engine(factory)
        started = time.perf_counter()
        answers.warm()
        first = answers.ask("SUPOn ja KRP:n yhteiset toimenpiteet", now=NOW)
        warm_ms = (time.perf_counter() - started) * 1000
        built = f"{warm_ms:.0f} ms ({type(first).__name__})"
        print(f"  {kind}: indexes and the first combined question {built}")
        select = percentiles(timed(lambda: _select_one(factory), args.repeat))
        print(f"    {'baseline SELECT 1':<28} p50 {select[0]:6.2f} ms  p99 {select[1]:6.2f} ms")
        vocabulary = _vocabulary()
        for name, question in questions.items():
            answers.ask(question, now=NOW)
            cached.ask(question, now=NOW)
            p50, p99 = percentiles(timed(lambda q=question: answers.ask(q, now=NOW), args.repeat))
            hit = percentiles(timed(lambda q=question: cached.ask(q, now=NOW), args.repeat))[0]
            parse = percentiles(
                timed(
                    lambda q=question: parse_question(
                        q, vocabulary=vocabulary, lang=None, today=NOW.date(), default_lang="fi"
                    ),
                    args.repeat,
                )
            )[0]
            print(
                f"    {name:<28} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms"
                f"   (parse {parse:5.2f}, cached {hit:5.2f})  {question!r}"
            )
        if source == BUNDLED_SOURCE:
            for name, (opening, follow_up) in FOLLOW_UPS.items():
                samples = []
                for i in range(args.repeat):
                    key = f"bench:{name}:{i}"
                    answers.ask(opening, now=NOW, conversation=key)
                    samples += timed(
                        lambda k=key, q=follow_up: answers.ask(q, now=NOW, conversation=k), 1
                    )
                p50, p99 = percentiles(samples)
                label = f"follow-up: {name}"
                print(f"    {label:<28} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms   {follow_up!r}")


def _vocabulary() -> Vocabulary:
    """The glossary's names, as the engine reads them from the database."""
    glossary = load_glossary()
    names = [word for e in glossary.values() for name in e.all_names() for word in name.split()]
    return Vocabulary(OrgMatcher(OrgName.of(e) for e in glossary.values()), org_words=names)


def _select_one(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        session.execute(text("SELECT 1"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        args.workdir = tmp
        print("Real programme (39 measures)")
        for kind in ("sqlite", "postgresql"):
            bench(kind, BUNDLED_SOURCE, QUESTIONS, args)
        if args.skip_large:
            return
        large = Path(tmp) / "generated-10000.txt"
        generate_programme(large)
        # 13 MB: over the importer's guard against a wrong file, which is not what is measured.
        importer.MAX_SOURCE_BYTES = large.stat().st_size + 1
        print("Generated programme (10,000 measures, 100,000 milestones)")
        repeat = args.repeat
        args.repeat = max(20, repeat // 4)
        for kind in ("sqlite", "postgresql"):
            bench(kind, large, LARGE_QUESTIONS, args)


if __name__ == "__main__":
    main()
