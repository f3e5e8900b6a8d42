"""Teams bot benchmark: a signed personal-chat "who owns 2.7?" over HTTP, ours vs a bare SDK app.

Run:  .venv/bin/python bench/bench_teams.py [--duration 10] [--database-url URL] [--runs 1]
Needs ``wrk`` (apt-get install -y wrk).

Starts two servers on loopback on the production server model (gunicorn, ``preload_app``,
gthread, 2 workers × 8 threads, the Teams SDK on one loop per worker behind
``bot.teams.bridge.WsgiBridge``): Seuranta's Teams app (``bot.teams.app.teams_wsgi``: the answer
engine over the real programme, the owners card), and a bare Teams SDK ``App`` on the same bridge
whose message handler sends a constant string. Both validate the Bot Framework token (RS256,
against a local key set served by the fake Bot Connector through TEAMS_OPENID_METADATA_URL) and
send their reply to the same fake Bot Connector, here in this process, before answering the
request. wrk posts the same signed activity for ``--duration`` seconds at 16 and at 100
connections; the script prints requests/s, p50/p99 and the replies the connector received,
side by side, with the ratios.
Targets (issue 11): ≥ 80 % of the bare app's throughput, p50 ≤ 1.25× bare, no errors, no lost
replies (every request answered 200 left exactly one reply at the connector).

Until ``seuranta serve`` mounts Teams (issue 11, after issue 10) the servers are started by this
script's own ``--serve`` mode; after that, ours can be ``seuranta serve`` itself.

``--cost`` measures instead, without wrk or gunicorn, the CPU each app spends on a request (the
bridge, the SDK, the handler and the fake connector, all in this process), which a shared
machine disturbs much less than throughput.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from seuranta.settings import normalise_database_url  # noqa: E402
from tests.support.teams_activities import APP_ID, personal_message  # noqa: E402
from tests.support.teams_connector import FakeConnector  # noqa: E402
from tests.support.teams_tokens import OUTBOUND_TOKEN, TokenIssuer  # noqa: E402

if TYPE_CHECKING:
    from bot.teams.bridge import WsgiBridge
    from seuranta.settings import Settings

QUESTION = "who owns 2.7?"
BARE_REPLY = "Owners of measure 2.7: SM, PEO"
WORKERS, THREADS = "2", "8"
LUA = """
wrk.method = "POST"
wrk.body = [[{body}]]
wrk.headers["Content-Type"] = "application/json; charset=utf-8"
wrk.headers["Authorization"] = "Bearer {token}"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


@dataclass(frozen=True, slots=True)
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    replies: int


def serve(kind: str) -> None:
    """One server, configured by the environment as ``seuranta serve`` would be."""
    from seuranta.serve import GunicornServer
    from seuranta.settings import load_settings

    settings = load_settings()
    if kind == "bare":
        GunicornServer(_bare_app(settings), settings).run()
        return
    from bot.engine import Engine
    from bot.teams.app import teams_wsgi
    from data.db import make_engine, make_sessionmaker

    database = make_engine(settings.database_url)
    answers = Engine(make_sessionmaker(database), default_lang=settings.language)
    answers.warm()
    bot = teams_wsgi(settings, answers, token_provider=lambda scope, tenant: OUTBOUND_TOKEN)
    GunicornServer(bot, settings, post_fork=lambda: database.dispose(close=False)).run()


def _bare_app(settings: Settings) -> WsgiBridge:
    """The SDK's documented minimum for a reply, on the same bridge and token settings."""
    from microsoft_teams.api.activities import MessageActivity
    from microsoft_teams.apps import ActivityContext, App

    from bot.teams.app import cloud_for
    from bot.teams.bridge import WsgiBridge

    bridge = WsgiBridge()
    app = App(
        client_id=settings.teams_app_id,
        token=lambda scope, tenant: OUTBOUND_TOKEN,
        cloud=cloud_for(settings),
        http_server_adapter=bridge,
        dangerously_allow_unauthenticated_requests=False,
    )

    @app.on_message
    async def reply(ctx: ActivityContext[MessageActivity]) -> None:
        await ctx.send(BARE_REPLY)

    bridge.on_loop_start = app.initialize
    return bridge


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--runs", type=int, default=1, help="repeat the whole comparison")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument(
        "--cost",
        action="store_true",
        help="instead of wrk: CPU per request, both apps in this process, one at a time",
    )
    parser.add_argument("--serve", choices=("ours", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve)
        return
    if args.cost:
        cost(args.database_url, args.runs)
        return

    issuer = TokenIssuer(APP_ID)
    fake = FakeConnector(jwks=issuer.jwks)
    activity = json.dumps(personal_message(QUESTION, service_url=fake.url))
    token = issuer.token(fake.url, lifetime=3600)
    with tempfile.TemporaryDirectory() as tmp:
        database = normalise_database_url(
            args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        )
        _import_programme(database)
        ports = {"ours": _free_port(), "bare": _free_port()}
        servers = [_start(kind, port, fake, database) for kind, port in ports.items()]
        try:
            for port in ports.values():
                _wait_until_up(port)
            _check(ports["ours"], fake, activity, token, "Owners of measure 2.7")
            _check(ports["bare"], fake, activity, token, BARE_REPLY)
            runs = []
            for run in range(1, args.runs + 1):
                results: dict[tuple[str, int], Result] = {}
                for connections in (16, 100):
                    for name in ("bare", "ours"):
                        _wrk(ports[name], 16, 2, activity, token, fake)  # warm up
                        results[name, connections] = _wrk(
                            ports[name], connections, args.duration, activity, token, fake
                        )
                _report(results, args.duration, database.split(":")[0].split("+")[0], run)
                runs.append(results)
            if len(runs) > 1:
                _summary(runs)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
            fake.close()


def cost(database_url: str | None, runs: int, requests: int = 300) -> None:
    """CPU per request of each app, from its WSGI call to its reply at the connector.

    On a shared machine wrk's figures swing with everyone else's load; the CPU a request costs
    (this process's CPU time: the bridge, the SDK, our handler, the fake connector's parsing)
    swings much less. Both apps run in this process, one request at a time, alternating in
    rounds; each round's cost is its CPU time over its requests, and the best round is the
    closest to the undisturbed cost.
    """
    from bot.engine import Engine
    from bot.teams.app import teams_wsgi
    from data.db import make_engine, make_sessionmaker
    from seuranta.settings import Settings

    issuer = TokenIssuer(APP_ID)
    fake = FakeConnector(jwks=issuer.jwks)
    body = json.dumps(personal_message(QUESTION, service_url=fake.url)).encode()
    token = issuer.token(fake.url, lifetime=3600)
    with tempfile.TemporaryDirectory() as tmp:
        database = normalise_database_url(database_url or f"sqlite:///{Path(tmp) / 'b.sqlite3'}")
        _import_programme(database)
        settings = Settings(
            database_url=database,
            teams_app_id=APP_ID,
            teams_app_password="bench-secret-never-used",
            teams_openid_metadata_url=fake.openid_metadata_url,
            rate_limit=0,  # one asker at full speed: this measures work, not refusals
        )
        answers = Engine(make_sessionmaker(make_engine(database)), default_lang=settings.language)
        answers.warm()
        ours = teams_wsgi(settings, answers, token_provider=lambda scope, tenant: OUTBOUND_TOKEN)
        apps = {"bare": _bare_app(settings), "ours": ours.bridge}
        costs: dict[str, list[float]] = {name: [] for name in apps}
        latencies: dict[str, list[float]] = {name: [] for name in apps}
        for round_ in range(runs * 5 + 1):
            for name, app in apps.items():
                before, started = len(fake.calls), time.process_time()
                for _ in range(requests):
                    sent = time.perf_counter()
                    _call(app, body, token)
                    latencies[name].append(time.perf_counter() - sent)
                if len(fake.calls) - before != requests:
                    raise SystemExit(f"{name}: {len(fake.calls) - before} replies to {requests}")
                if round_:  # the first round warms both up
                    costs[name].append((time.process_time() - started) / requests)
        fake.close()
    print(f"CPU per request, {len(costs['ours'])} rounds of {requests} requests, one at a time:")
    for name in apps:
        print(
            f"{name}: best {min(costs[name]) * 1000:.2f} ms, median "
            f"{statistics.median(costs[name]) * 1000:.2f} ms; latency p50 "
            f"{statistics.median(latencies[name]) * 1000:.2f} ms"
        )
    best = min(costs["bare"]) / min(costs["ours"])
    median = statistics.median(costs["bare"]) / statistics.median(costs["ours"])
    print(f"ours costs what {best:.0%} (best) / {median:.0%} (median) of bare's throughput would")


def _call(app: WsgiBridge, body: bytes, token: str) -> None:
    status: list[str] = []
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/api/messages",
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/json",
        "HTTP_AUTHORIZATION": f"Bearer {token}",
        "wsgi.input": io.BytesIO(body),
    }
    app(environ, lambda line, headers: status.append(line))  # type: ignore[arg-type]  # write() unused
    if not status[0].startswith("200"):
        raise SystemExit(f"answered {status[0]}")


def _import_programme(database: str) -> None:
    from data.db import ensure_schema, make_engine, make_sessionmaker
    from data.importer import BUNDLED_SOURCE, import_file
    from data.queries import current_programme_version

    engine = make_engine(database)
    ensure_schema(engine)
    factory = make_sessionmaker(engine)
    with factory() as session:
        empty = current_programme_version(session) is None
    if empty:
        import_file(factory, BUNDLED_SOURCE, now=datetime.now(UTC))
    engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(kind: str, port: int, fake: FakeConnector, database: str) -> subprocess.Popen[bytes]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SEURANTA_", "TEAMS_"))
    }
    env |= {
        "PORT": str(port),
        "DATABASE_URL": database,
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_APP_PASSWORD": "bench-secret-never-used",
        "TEAMS_OPENID_METADATA_URL": fake.openid_metadata_url,
        "SEURANTA_RATE_LIMIT": "0",  # one asker at full speed: this measures work, not refusals
        "WEB_CONCURRENCY": WORKERS,
        "SEURANTA_WEB_THREADS": THREADS,
        "PYTHONWARNINGS": "ignore",
    }
    command = [sys.executable, __file__, "--serve", kind]
    return subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start")


def _check(port: int, fake: FakeConnector, activity: str, token: str, expected: str) -> None:
    before = len(fake.calls)
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/messages",
        data=activity.encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        status = response.status
    sent = fake.calls[before:]
    if status != 200 or len(sent) != 1 or expected not in json.dumps(sent[0].body):
        raise SystemExit(f"port {port} answered {status} with {[c.body for c in sent]!r}")


def _wrk(
    port: int, connections: int, duration: int, activity: str, token: str, fake: FakeConnector
) -> Result:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA.format(body=activity, token=token))
    before = len(fake.calls)
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "5s",
            "-s",
            script.name,
            f"http://127.0.0.1:{port}/api/messages",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    time.sleep(0.5)  # requests wrk gave up on at the deadline may still be replying
    replies = len(fake.calls) - before
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line.removeprefix("RESULT "))
    return Result(
        rps=raw["requests"] / (raw["duration_us"] / 1e6),
        p50_ms=raw["p50_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        errors=raw["errors"],
        requests=raw["requests"],
        replies=replies,
    )


def _report(results: dict[tuple[str, int], Result], duration: int, database: str, run: int) -> None:
    print(
        f"run {run}: signed personal-chat '{QUESTION}', gunicorn {WORKERS} workers × {THREADS} "
        f"threads, {database}, wrk {duration} s, {os.cpu_count()} CPUs (shared with wrk and "
        "the fake connector)"
    )
    print("| connections | app | requests/s | p50 | p99 | errors | requests | replies |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for connections in (16, 100):
        for name in ("bare", "ours"):
            r = results[name, connections]
            print(
                f"| {connections} | {name} | {r.rps:,.0f} | {r.p50_ms:.1f} ms | "
                f"{r.p99_ms:.1f} ms | {r.errors} | {r.requests:,} | {r.replies:,} |"
            )
    for connections in (16, 100):
        ours, bare = results["ours", connections], results["bare", connections]
        lost = max(0, ours.requests - ours.replies)
        print(
            f"{connections} connections: throughput {ours.rps / bare.rps:.0%} of bare, "
            f"p50 {ours.p50_ms / bare.p50_ms:.2f}× bare, p99 {ours.p99_ms:.0f} ms, "
            f"errors {ours.errors}, lost replies {lost}"
        )


def _summary(runs: list[dict[tuple[str, int], Result]]) -> None:
    """Each run's ratios and their medians: a shared machine makes single runs noisy."""
    print(f"over {len(runs)} runs (bare and ours alternate, so both see the same noise):")
    for connections in (16, 100):
        throughput = [r["ours", connections].rps / r["bare", connections].rps for r in runs]
        p50 = [r["ours", connections].p50_ms / r["bare", connections].p50_ms for r in runs]
        met = sum(t >= 0.8 and p <= 1.25 for t, p in zip(throughput, p50, strict=True))
        print(
            f"{connections} connections: throughput {_percentages(throughput)} of bare "
            f"(median {statistics.median(throughput):.0%}), p50 {_times(p50)} × bare "
            f"(median {statistics.median(p50):.2f}), target met in {met} of {len(runs)}"
        )


def _percentages(values: list[float]) -> str:
    return " ".join(f"{v:.0%}" for v in values)


def _times(values: list[float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


if __name__ == "__main__":
    main()
