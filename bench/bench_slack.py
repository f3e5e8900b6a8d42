"""Slack bot benchmark: a signed ``/seuranta who owns 2.7?`` over HTTP, ours vs a bare Bolt app.

Run:  .venv/bin/python bench/bench_slack.py [--runs 5] [--duration 10] [--database-url URL]
Needs ``wrk`` (apt-get install -y wrk).

Starts two servers on loopback, each the production path (gunicorn, ``preload_app``, gthread,
the same WEB_CONCURRENCY and threads): ``seuranta serve`` itself, and a bare Bolt app behind
Bolt's stock WSGI adapter whose ``/seuranta`` handler acks a constant string. Both verify the
signature and talk to a local fake Slack Web API (only ``auth.test`` at start). wrk sends the
same pre-signed request (timestamp fresh per run, inside Slack's 5-minute window) for
``--duration`` seconds at 16 and at 100 connections, bare and ours in turn, ``--runs`` times
over the same two servers, and the script prints each run's requests/s and p50/p99 side by side
with the ratios, then in how many runs each target was met.
Targets (issues 3 and 10): ≥ 80 % of the bare app's throughput and p50 ≤ 1.25× bare, at 16 and
at 100 connections, in every run; no errors; p99 well under 3 s at 100 connections.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.fakeslack import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
QUESTION = "who owns 2.7?"
CONNECTIONS = (16, 100)
THROUGHPUT_TARGET, P50_TARGET = 0.8, 1.25
WORKERS, THREADS = "2", "8"
LUA = """
wrk.method = "POST"
wrk.body = [[{body}]]
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "{timestamp}"
wrk.headers["X-Slack-Signature"] = "{signature}"
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


def serve_bare(port: int, api_url: str, before_response: bool) -> None:
    """The baseline: Bolt's documented minimum for a slash command, under our gunicorn setup.

    With Bolt's defaults unless ``--bare-before-response`` asks for the mode Seuranta runs in
    (``process_before_response=True``): not the target's baseline, but what our own work costs.
    """
    from slack_bolt import Ack, App
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient

    from seuranta.serve import GunicornServer
    from seuranta.settings import load_settings

    app = App(
        name="bare",
        client=WebClient(token="xoxb-bench", base_url=api_url),
        signing_secret=SECRET,
        process_before_response=before_response,
    )

    @app.command("/seuranta")
    def constant(ack: Ack) -> None:
        ack("Owners of measure 2.7: SM, PEO")

    GunicornServer(SlackRequestHandler(app), load_settings()).run()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument(
        "--bare-before-response",
        action="store_true",
        help="run the bare app with process_before_response=True, as ours runs (a reference)",
    )
    parser.add_argument("--serve-bare", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.serve_bare, args.api_url, args.bare_before_response)
        return

    fake = FakeSlack()
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        ours_port, bare_port = _free_port(), _free_port()
        servers = [
            _start([sys.executable, "-m", "seuranta.cli", "serve"], ours_port, fake, database),
            _start(
                [
                    sys.executable,
                    __file__,
                    "--serve-bare",
                    str(bare_port),
                    "--api-url",
                    fake.url,
                    *(["--bare-before-response"] if args.bare_before_response else []),
                ],
                bare_port,
                fake,
                database,
            ),
        ]
        try:
            for port in (ours_port, bare_port):
                _wait_until_up(port)
            _check(ours_port, "PEO")
            _check(bare_port, "PEO")
            runs: list[dict[tuple[str, int], Result]] = []
            for _ in range(args.runs):
                results: dict[tuple[str, int], Result] = {}
                for connections in CONNECTIONS:
                    for name, port in (("bare", bare_port), ("ours", ours_port)):
                        _wrk(port, 16, 2)  # warm up: connections, worker threads, caches
                        results[name, connections] = _wrk(port, connections, args.duration)
                runs.append(results)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
            fake.close()
    _report(runs, args.duration, database.split(":")[0], args.bare_before_response)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(
    command: list[str], port: int, fake: FakeSlack, database: str
) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SEURANTA_"))}
    env |= {
        "PORT": str(port),
        "DATABASE_URL": database,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.url,
        "WEB_CONCURRENCY": WORKERS,
        "SEURANTA_WEB_THREADS": THREADS,
    }
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


def _signed_command() -> tuple[str, str, str]:
    fields = {
        "token": "x",
        "team_id": "T111",
        "channel_id": "C111",
        "user_id": "W111",
        "command": "/seuranta",
        "text": QUESTION,
        "response_url": "https://hooks.slack.com/commands/T111/111/xxxxx",
        "trigger_id": "111.111.xxx",
    }
    body = urllib.parse.urlencode(fields)
    timestamp = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256)
    return body, timestamp, "v0=" + digest.hexdigest()


def _check(port: int, expected: str) -> None:
    body, timestamp, signature = _signed_command()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body.encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature,
        },
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read().decode()
    if expected not in text:
        raise SystemExit(f"port {port} answered without {expected!r}: {text[:200]}")


def _wrk(port: int, connections: int, duration: int) -> Result:
    body, timestamp, signature = _signed_command()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA.format(body=body, timestamp=timestamp, signature=signature))
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
            f"http://127.0.0.1:{port}/slack/events",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line.removeprefix("RESULT "))
    return Result(
        rps=raw["requests"] / (raw["duration_us"] / 1e6),
        p50_ms=raw["p50_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        errors=raw["errors"],
    )


def _report(
    runs: list[dict[tuple[str, int], Result]], duration: int, database: str, bare_pbr: bool
) -> None:
    print(
        f"signed '/seuranta {QUESTION}', gunicorn {WORKERS} workers × {THREADS} threads, "
        f"{database}, wrk {duration} s, {os.cpu_count()} CPUs (shared with wrk); bare app with "
        f"process_before_response={bare_pbr}"
    )
    print("| run | connections | app | requests/s | p50 | p99 | errors | ours / bare | p50 ratio |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    met = dict.fromkeys(CONNECTIONS, 0)
    for number, results in enumerate(runs, 1):
        for connections in CONNECTIONS:
            ours, bare = results["ours", connections], results["bare", connections]
            throughput, p50 = ours.rps / bare.rps, ours.p50_ms / bare.p50_ms
            met[connections] += (
                throughput >= THROUGHPUT_TARGET and p50 <= P50_TARGET and not ours.errors
            )
            for name, r in (("bare", bare), ("ours", ours)):
                ratios = f"{throughput:.0%} | {p50:.2f}×" if name == "ours" else " | "
                print(
                    f"| {number} | {connections} | {name} | {r.rps:,.0f} | {r.p50_ms:.1f} ms | "
                    f"{r.p99_ms:.1f} ms | {r.errors} | {ratios} |"
                )
    for connections in CONNECTIONS:
        print(
            f"{connections} connections: ≥ {THROUGHPUT_TARGET:.0%} of bare and p50 ≤ "
            f"{P50_TARGET}× bare, no errors, in {met[connections]} of {len(runs)} runs"
        )


if __name__ == "__main__":
    main()
