"""Foundation benchmarks: import, in-process answers, a 10,000-measure programme, CLI wall time.

Run:  .venv/bin/python bench/bench_foundation.py [--skip-large] [--postgres URL]

Every figure is printed next to a baseline measured in the same run on the same machine:
- import: parsing alone (no database) is the floor an import cannot beat;
- answers: ``SELECT 1`` through the same session factory is the cost of touching the database;
- ``seuranta ask`` wall time: ``python -c "import sqlalchemy"`` is the interpreter-plus-ORM floor.
Targets (issue 2): real programme imports < 1 s; every question type < 5 ms p50 in-process on
the real programme and < 20 ms p50 on 10,000 measures; ``seuranta ask`` < 0.5 s wall.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import percentiles, timed  # noqa: E402

from bot.engine import Engine as AnswerEngine  # noqa: E402
from data.db import make_engine, make_sessionmaker, upgrade  # noqa: E402
from data.glossary import load_glossary  # noqa: E402
from data.importer import BUNDLED_SOURCE, import_file, known_spellings  # noqa: E402
from data.source import parse_programme  # noqa: E402

NOW = datetime(2018, 12, 17, 10, tzinfo=UTC)
QUESTIONS = {
    "owners": "who owns 2.7?",
    "measure": "show 4.3b",
    "organisation": "mistä SUPO vastaa?",
    "search": "etsi hybridiuhat",
    "due (period)": "mitä erääntyy syksyllä 2018?",
    "overdue": "overdue",
    "status": "status of 2.7",
    "no such measure": "who owns 9.9?",
    "help": "help",
}
LARGE_QUESTIONS = {
    "owners": "who owns 57.12?",
    "measure": "show 88.3",
    "organisation": "mistä SUPO vastaa?",
    "search": "etsi hybridiuhat",
    "due (period)": "what is due in 12/2019?",
    "due (busy month)": "what is due in 10/2019?",
    "status": "status of 12.34",
}


@contextmanager
def database(kind: str, postgres_url: str, workdir: Path) -> Iterator[Engine]:
    if kind == "sqlite":
        engine = make_engine(f"sqlite:///{workdir / f'{uuid.uuid4().hex}.sqlite3'}")
        upgrade(engine)
        yield engine
        engine.dispose()
        return
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(postgres_url, connect_args={"options": f"-csearch_path={schema}"})
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def generate_programme(path: Path, themes: int = 100, items: int = 100, seed: int = 7) -> None:
    """A programme in the source's own flattened layout: themes × items measures, 10 dates each."""
    rng = random.Random(seed)
    words = BUNDLED_SOURCE.read_text(encoding="utf-8").split()
    words = [w for w in words if w.isalpha() and len(w) > 3]
    owners = ["SM", "PO", "PEO", "RVL", "SUPO", "Tulli", "OM", "STM", "THL", "kunnat"]
    lines = ["Generoitu toimenpideohjelma", "", "Nro Toimenpide Toimeenpano Vastuutaho Aikataulut"]
    for theme in range(1, themes + 1):
        for item in range(1, items + 1):
            number = f"{theme}.{item}."
            title = " ".join(rng.choices(words, k=14)).capitalize() + "."
            action = " ".join(rng.choices(words, k=30)).capitalize() + "."
            year = 2019 + rng.randrange(6)
            first = ", ".join(f"{m}/{year}" for m in (2, 4, 6, 8, 10))
            second = ", ".join(
                f"{d}.{m}.{year + 1}" for d, m in ((15, 1), (15, 3), (15, 5), (15, 9), (15, 11))
            )
            lead, other = rng.sample(owners, 2)
            lines.append(f"{number} {title} {action} {lead} Vaiheet {first}.")
            lines.append(f"{number} {title} - - PO Välitavoitteet {second}.")
            lines.append(f"{number} {title} - Muut vastuutahot: -")
            lines.append(f"{number} {title} - - {other} -")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_import(kind: str, source: Path, postgres_url: str, workdir: Path, repeat: int) -> None:
    glossary = load_glossary()
    text_ = source.read_text(encoding="utf-8")
    parse = timed(lambda: parse_programme(text_, known_spellings(glossary)), repeat)
    imports = []
    for _ in range(repeat):
        with database(kind, postgres_url, workdir) as engine:
            factory = make_sessionmaker(engine)
            imports += timed(
                lambda f=factory: import_file(f, source, now=NOW, glossary=glossary), 1
            )
    print(
        f"  import {source.name:<24} {kind:<10} median {statistics.median(imports):8.1f} ms"
        f"   (baseline: parse only {statistics.median(parse):7.1f} ms)"
    )


def bench_answers(
    kind: str,
    source: Path,
    questions: dict[str, str],
    postgres_url: str,
    workdir: Path,
    repeat: int,
) -> None:
    with database(kind, postgres_url, workdir) as engine:
        factory = make_sessionmaker(engine)
        started = time.perf_counter()
        import_file(factory, source, now=NOW)
        imported = (time.perf_counter() - started) * 1000
        answers = AnswerEngine(factory)
        cold = timed(lambda: answers.ask("help", now=NOW), 1)[0]
        baseline = _select_one(factory, repeat)
        print(f"  {kind}: import {imported:.0f} ms; first question (builds indexes) {cold:.0f} ms")
        print(f"    {'baseline SELECT 1':<22} p50 {baseline[0]:6.2f} ms  p99 {baseline[1]:6.2f} ms")
        for name, question in questions.items():
            answers.ask(question, now=NOW)
            p50, p99 = percentiles(timed(lambda q=question: answers.ask(q, now=NOW), repeat))
            print(f"    {name:<22} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms   {question!r}")


def _select_one(factory: sessionmaker[Session], repeat: int) -> tuple[float, float]:
    def query() -> None:
        with factory() as session:
            session.execute(text("SELECT 1"))

    query()
    return percentiles(timed(query, repeat))


def bench_cli(workdir: Path, repeat: int) -> None:
    env = dict(os.environ, DATABASE_URL=f"sqlite:///{workdir / 'cli.sqlite3'}")
    seuranta = [str(ROOT / ".venv" / "bin" / "seuranta"), "ask", "who owns 2.7?"]
    subprocess.run(seuranta, env=env, check=True, capture_output=True)  # first use imports

    def run(command: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(command, env=env, check=True, capture_output=True)

    floor = timed(run([sys.executable, "-c", "import sqlalchemy.orm"]), repeat)
    asks = timed(run(seuranta), repeat)
    print(
        f"  seuranta ask wall time  median {statistics.median(asks):6.0f} ms"
        f"  max {max(asks):6.0f} ms"
        f"   (baseline: python + import sqlalchemy.orm {statistics.median(floor):5.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument(
        "--skip-large", action="store_true", help="skip the 10,000-measure programme"
    )
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        print("Real programme (39 measures)")
        for kind in ("sqlite", "postgresql"):
            bench_import(kind, BUNDLED_SOURCE, args.postgres, workdir, repeat=5)
        for kind in ("sqlite", "postgresql"):
            bench_answers(kind, BUNDLED_SOURCE, QUESTIONS, args.postgres, workdir, args.repeat)
        bench_cli(workdir, repeat=10)
        if args.skip_large:
            return
        large = workdir / "generated-10000.txt"
        generate_programme(large)
        print("Generated programme (10,000 measures, 100,000 milestones)")
        for kind in ("sqlite", "postgresql"):
            bench_answers(kind, large, LARGE_QUESTIONS, args.postgres, workdir, repeat=50)


if __name__ == "__main__":
    main()
