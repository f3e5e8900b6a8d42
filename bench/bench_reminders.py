"""Reminder benchmarks: one planning tick on PostgreSQL, and the sender against a rate limit.

Run:  .venv/bin/python bench/bench_reminders.py [--postgres URL]

Planning: 100,000 milestones, 10,000 contacts (1,000 organisations × 10), one tick planned from
scratch, with 0 and with 300,000 already-sent reminder rows. Baseline in the same run: reading
every milestone's id and due date (the scan an unindexed planner would make).
Sending: a fake Web API that accepts one post per second per channel and answers 429 with
``Retry-After: 1`` beyond that; N DM channels × K messages each. The best possible time is
(K - 1) s, so efficiency = (K - 1) / elapsed. Baseline: one thread posting in order with
slack_sdk's own ``RateLimitErrorRetryHandler``.
Targets (issue 4): planning < 1 s and flat in sent rows; sender ≥ 90 % of the allowed rate,
zero duplicates, zero losses.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from slack_sdk import WebClient  # noqa: E402
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler  # noqa: E402

from bot.slack.port import SlackPort  # noqa: E402
from data.db import make_engine, make_sessionmaker, upgrade  # noqa: E402
from data.models import (  # noqa: E402
    Contact,
    Measure,
    Milestone,
    Organisation,
    OutboxKind,
    Programme,
    Reminder,
    Responsibility,
)
from jobs.planner import plan  # noqa: E402
from jobs.policy import ReminderPolicy  # noqa: E402
from jobs.sender import Sender, SendOptions  # noqa: E402

NOW = datetime(2022, 6, 15, 10, 0, tzinfo=UTC)


def fill(factory: Any) -> None:
    with factory() as session, session.begin():
        session.add(Programme(id=1, slug="bench", title="bench", revision=0))
        session.flush()
        session.execute(
            insert(Organisation),
            [
                {"id": i, "key": f"ORG{i}", "name_fi": f"Org {i}", "aliases": []}
                for i in range(1, 1001)
            ],
        )
        session.execute(
            insert(Measure),
            [
                {
                    "id": i,
                    "programme_id": 1,
                    "number": f"{i // 100}.{i % 100}",
                    "theme": i // 100,
                    "sort_key": i,
                    "title": f"Measure {i}",
                }
                for i in range(1, 2001)
            ],
        )
        session.execute(
            insert(Responsibility),
            [
                {
                    "measure_id": i,
                    "organisation_id": (i % 1000) + 1,
                    "role": "lead",
                    "position": 0,
                    "spelling": f"ORG{(i % 1000) + 1}",
                }
                for i in range(1, 2001)
            ],
        )
        session.execute(
            insert(Contact),
            [
                {
                    "organisation_id": o,
                    "person_key": f"U{o:05d}{c}",
                    "added_by": "bench",
                    "created_at": NOW,
                }
                for o in range(1, 1001)
                for c in range(10)
            ],
        )
        start = date(2018, 1, 1)
        session.execute(
            insert(Milestone),
            [
                {
                    "measure_id": (i % 2000) + 1,
                    "text": f"Milestone {i}",
                    "kind": "date",
                    "due": start + timedelta(days=(i * 37) % 3650),
                    "position": i,
                    "origin": "chat",
                    "occurrence": 0,
                    "created_at": NOW,
                }
                for i in range(100_000)
            ],
        )


def add_sent(factory: Any, count: int) -> None:
    with factory() as session, session.begin():
        for start in range(0, count, 10_000):
            session.execute(
                insert(Reminder),
                [
                    {
                        "kind": OutboxKind.DEADLINE,
                        "key": f"old:{i}",
                        "milestone_id": (i % 100_000) + 1,
                        "due": date(2018, 1, 1) + timedelta(days=i % 1500),
                        "offset_days": i % 3,
                        "recipient": f"U{i % 10000:05d}",
                        "channel": "U1",
                        "send_at": NOW - timedelta(days=30),
                        "status": "sent",
                        "attempts": 1,
                        "detail": {},
                        "created_at": NOW,
                    }
                    for i in range(start, min(start + 10_000, count))
                ],
            )
        session.execute(text("ANALYZE"))


def time_plan(factory: Any, policy: ReminderPolicy, repeat: int = 5) -> tuple[float, int]:
    times, added = [], 0
    for _ in range(repeat):
        with factory() as session:
            t = time.perf_counter()
            result = plan(session, policy, NOW, "C0COORD")
            session.flush()
            times.append(time.perf_counter() - t)
            added = result.added
            session.rollback()  # the same tick every time
    return sorted(times)[len(times) // 2], added


def time_scan(factory: Any) -> float:
    with factory() as session:
        t = time.perf_counter()
        session.execute(select(Milestone.id, Milestone.due)).all()
        return time.perf_counter() - t


class LimitedSlack:
    """chat.postMessage at most once per second per channel; 429 + Retry-After: 1 beyond."""

    def __init__(self) -> None:
        self.last: dict[str, float] = {}
        self.accepted: list[str] = []
        self.refused = 0
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                params = (
                    json.loads(body)
                    if body.startswith("{")
                    else dict(__import__("urllib.parse").parse.parse_qsl(body))
                )
                channel = params["channel"]
                with fake.lock:
                    now = time.monotonic()
                    ok = now - fake.last.get(channel, -10.0) >= 1.0
                    if ok:
                        fake.last[channel] = now
                        fake.accepted.append(params["text"])
                    else:
                        fake.refused += 1
                if ok:
                    reply, status, headers = (
                        {"ok": True, "channel": channel, "ts": f"{now:.6f}"},
                        200,
                        {},
                    )
                else:
                    reply, status, headers = (
                        {"ok": False, "error": "ratelimited"},
                        429,
                        {"Retry-After": "1"},
                    )
                data = json.dumps(reply).encode()
                self.send_response(status)
                for k, v in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"


def plan_messages(factory: Any, channels: int, per_channel: int) -> None:
    """One deadline reminder row per message, each for its own milestone (unique text)."""
    with factory() as session, session.begin():
        session.execute(text("DELETE FROM reminder"))
        milestones = session.execute(
            select(Milestone.id, Milestone.due, Milestone.measure_id)
            .order_by(Milestone.id)
            .limit(channels * per_channel)
        ).all()
        session.execute(
            insert(Reminder),
            [
                {
                    "kind": OutboxKind.DEADLINE,
                    "key": f"b:{milestone_id}",
                    "milestone_id": milestone_id,
                    "due": due,
                    "offset_days": 0,
                    "measure_id": measure_id,
                    "recipient": f"U{n % channels:05d}",
                    "channel": f"U{n % channels:05d}",
                    "send_at": NOW - timedelta(minutes=1),
                    "status": "planned",
                    "attempts": 0,
                    "detail": {},
                    "created_at": NOW,
                }
                for n, (milestone_id, due, measure_id) in enumerate(milestones)
            ],
        )


def bench_sender(factory: Any, channels: int, per_channel: int) -> None:
    total = channels * per_channel
    ideal = per_channel - 1
    print(f"\nSender: {channels} DM channels × {per_channel} messages, 1 msg/s/channel allowed")
    print("| sender | elapsed | of allowed rate | 429s | duplicates | lost |")
    print("|---|---:|---:|---:|---:|---:|")
    # Baseline: one thread, in order, slack_sdk's rate-limit retry handler sleeping on 429.
    slack = LimitedSlack()
    client = WebClient(
        token="x",
        base_url=slack.url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=10)],
    )
    t = time.perf_counter()
    for k in range(per_channel):
        for c in range(channels):
            client.chat_postMessage(channel=f"U{c:05d}", text=f"b:{c}:{k}")
    _row("sequential + RateLimitErrorRetryHandler", slack, time.perf_counter() - t, ideal, total)
    # Ours.
    plan_messages(factory, channels, per_channel)
    slack = LimitedSlack()
    port = SlackPort(WebClient(token="x", base_url=slack.url, retry_handlers=[]))
    sender = Sender(
        factory,
        {port.platform: port},
        worker="bench",
        clock=lambda: NOW,
        policy=ReminderPolicy(quiet=ReminderPolicy().quiet),
        default_lang="fi",
        options=SendOptions(concurrency=8, batch=total),
    )
    t = time.perf_counter()
    report = sender.run()
    elapsed = time.perf_counter() - t
    _row("**ours** (pacer, 8 threads)", slack, elapsed, ideal, total)
    assert len(report.sent) == total, (len(report.sent), report)


def _row(name: str, slack: LimitedSlack, elapsed: float, ideal: int, total: int) -> None:
    dup = sum(c - 1 for c in Counter(slack.accepted).values() if c > 1)
    lost = total - len(set(slack.accepted))
    print(
        f"| {name} | {elapsed:.2f} s | {100 * ideal / elapsed:.0f} % | {slack.refused} "
        f"| {dup} | {lost} |"
    )
    slack.server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.postgres, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        engine = make_engine(args.postgres, connect_args={"options": f"-csearch_path={schema}"})
        upgrade(engine)
        factory = make_sessionmaker(engine)
        # The policy as if the worker had no watermark: a full first-tick window.
        policy = ReminderPolicy()
        # Quiet hours would defer the sender bench at night; NOW is 13:00 local anyway.
        t = time.perf_counter()
        fill(factory)
        with engine.begin() as c:
            c.execute(text("ANALYZE"))
        print(f"Setup: 100,000 milestones, 10,000 contacts in {time.perf_counter() - t:.1f} s")
        print("\nPlanning tick on PostgreSQL (median of 5, rolled back each time)")
        print(
            "| sent rows | baseline: scan all milestones | planning, no bundling "
            "| **planning tick** (default) | rows planned |"
        )
        print("|---:|---:|---:|---:|---:|")
        unbundled = dataclasses.replace(policy, bundle=False)
        for sent in (0, 300_000):
            if sent:
                add_sent(factory, sent)
            plain, _ = time_plan(factory, unbundled)
            tick, added = time_plan(factory, policy)
            print(
                f"| {sent:,} | {1000 * time_scan(factory):.0f} ms | {1000 * plain:.0f} ms "
                f"| **{1000 * tick:.0f} ms** | {added:,} |"
            )
        bench_sender(factory, channels=50, per_channel=6)
        engine.dispose()
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


if __name__ == "__main__":
    main()
