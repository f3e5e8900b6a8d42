"""Slack bot benchmark: a signed ``/seuranta who owns 2.7?`` over HTTP, ours vs a bare Bolt app.

Run:  .venv/bin/python bench/bench_slack.py [--duration 10] [--database-url URL]
Needs ``wrk`` (apt-get install -y wrk).

Starts two servers on loopback, each the production path (gunicorn, ``preload_app``, gthread,
the same WEB_CONCURRENCY and threads): ``seuranta serve`` itself, and a bare Bolt app behind
Bolt's stock WSGI adapter whose ``/seuranta`` handler acks a constant string. Both verify the
signature and talk to a local fake Slack Web API (only ``auth.test`` at start). wrk sends the
same pre-signed request (timestamp fresh per run, inside Slack's 5-minute window) for
``--duration`` seconds at 16 and at 100 connections, and the script prints requests/s and
p50/p99 side by side with the ratios.
Targets (issue 3): ≥ 80 % of the bare app's throughput, p50 ≤ 1.25× bare, no errors,
p99 well under 3 s at 100 connections.
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

from tests.fakeslack import FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
QUESTION = "who owns 2.7?"
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


def serve_bare(port: int, api_url: str) -> None:
    """The baseline: Bolt's documented minimum for a slash command, under our gunicorn setup."""
    from slack_bolt import Ack, App
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient

    from seuranta.serve import GunicornServer
    from seuranta.settings import load_settings

    app = App(
        name="bare",
        client=WebClient(token="xoxb-bench", base_url=api_url),
        signing_secret=SECRET,
        process_before_response=False,
    )

    @app.command("/seuranta")
    def constant(ack: Ack) -> None:
        ack("Owners of measure 2.7: SM, PEO")

    GunicornServer(SlackRequestHandler(app), load_settings()).run()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--serve-bare", type=int, metavar="PORT", help=argparse.SUPPRESS)
    parser.add_argument("--api-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.serve_bare, args.api_url)
        return

    fake = FakeSlack()
    with tempfile.TemporaryDirectory() as tmp:
        database = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        ours_port, bare_port = _free_port(), _free_port()
        servers = [
            _start([sys.executable, "-m", "seuranta.cli", "serve"], ours_port, fake, database),
            _start(
                [sys.executable, __file__, "--serve-bare", str(bare_port), "--api-url", fake.url],
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
            results: dict[tuple[str, int], Result] = {}
            for connections in (16, 100):
                for name, port in (("bare", bare_port), ("ours", ours_port)):
                    _wrk(port, 16, 2)  # warm up: connections, worker threads, caches
                    results[name, connections] = _wrk(port, connections, args.duration)
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
            fake.close()
    _report(results, args.duration, database.split(":")[0])


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


def _report(results: dict[tuple[str, int], Result], duration: int, database: str) -> None:
    print(
        f"signed '/seuranta {QUESTION}', gunicorn {WORKERS} workers × {THREADS} threads, "
        f"{database}, wrk {duration} s, {os.cpu_count()} CPUs (shared with wrk)"
    )
    print("| connections | app | requests/s | p50 | p99 | errors |")
    print("|---:|---|---:|---:|---:|---:|")
    for connections in (16, 100):
        for name in ("bare", "ours"):
            r = results[name, connections]
            print(
                f"| {connections} | {name} | {r.rps:,.0f} | {r.p50_ms:.1f} ms | "
                f"{r.p99_ms:.1f} ms | {r.errors} |"
            )
    for connections in (16, 100):
        ours, bare = results["ours", connections], results["bare", connections]
        print(
            f"{connections} connections: throughput {ours.rps / bare.rps:.0%} of bare, "
            f"p50 {ours.p50_ms / bare.p50_ms:.2f}× bare, p99 {ours.p99_ms:.0f} ms"
        )


if __name__ == "__main__":
    main()
