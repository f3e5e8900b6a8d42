"""Status page benchmark: server-side render time of the whole programme.

Run:  .venv/bin/python bench/bench_page.py [--repeat 200] [--postgres URL]

Calls the WSGI app in-process (no HTTP), on the real programme with a status report on every
measure, and prints p50/p99 next to baselines measured in the same run:
- ``programme_document`` + ``json.dumps``: reading the same data and serialising it, the floor
  any page showing it cannot beat;
- ``/?q=…`` matching nothing: the page's fixed cost (load, summary, template) without the list.
Target (issue 5): ``/`` under 50 ms p50.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from wsgiref.util import setup_testing_defaults

from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import percentiles  # noqa: E402
from timing import timed as run_timed  # noqa: E402

from data.db import make_engine, make_sessionmaker, transaction, upgrade  # noqa: E402
from data.export import programme_document  # noqa: E402
from data.importer import BUNDLED_SOURCE, import_file  # noqa: E402
from data.models import Measure, State, StatusReport  # noqa: E402
from data.queries import current_programme  # noqa: E402
from reports.web import make_app  # noqa: E402
from seuranta.settings import Settings  # noqa: E402

NOW = datetime(2018, 12, 17, 10, tzinfo=UTC)
STATES = list(State)


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    function()  # warm caches (templates, search index) as a running server has them
    return run_timed(function, repeat)


def request(app: Any, path: str, query: str = "") -> Callable[[], bytes]:
    def call() -> bytes:
        environ: dict[str, Any] = {}
        setup_testing_defaults(environ)
        environ.update(PATH_INFO=path, QUERY_STRING=query)
        body = b"".join(app(environ, lambda status, headers, exc_info=None: None))
        assert body, path
        return body

    return call


def bench(url: str, repeat: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    factory = make_sessionmaker(engine)
    import_file(factory, BUNDLED_SOURCE, now=NOW)
    with transaction(factory) as session:
        for i, measure_id in enumerate(session.scalars(select(Measure.id))):
            session.add(
                StatusReport(
                    measure_id=measure_id,
                    state=STATES[i % len(STATES)],
                    note="Etenee; seuraava raportti tammikuussa.",
                    reporter=f"U{i:03}",
                    source="bench",
                    created_at=NOW - timedelta(days=i),
                )
            )
    app = make_app(factory, Settings(), clock=lambda: NOW)

    def document_json() -> str:
        with factory() as session:
            programme = current_programme(session)
            assert programme is not None
            return json.dumps(programme_document(session, programme), ensure_ascii=False)

    cases: list[tuple[str, Callable[[], object]]] = [
        ("baseline document+json", document_json),
        ("baseline /?q=<no match>", request(app, "/", "q=zzzqqq")),
        ("/", request(app, "/")),
        ("/?org=SUPO", request(app, "/", "org=SUPO")),
        ("/?q=kyberrikollisuus", request(app, "/", "q=kyberrikollisuus")),
        ("/measure/2.7", request(app, "/measure/2.7")),
        ("/chart/status.svg cached", request(app, "/chart/status.svg")),
    ]
    print(f"{url.split(':')[0]}: {repeat} calls each")
    for name, function in cases:
        p50, p99 = percentiles(timed(function, repeat))
        print(f"    {name:<26} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--postgres", metavar="URL", help="also run against this empty database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        bench(f"sqlite:///{Path(workdir) / 'bench.sqlite3'}", args.repeat)
    if args.postgres:
        bench(args.postgres, args.repeat)


if __name__ == "__main__":
    main()
