"""``seuranta serve`` as production runs it: gunicorn in its own process, real HTTP, real env."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_socket_mode import FakeSocketMode
from tests.support.fakeslack import BOT_USER_ID, FakeSlack, running_fake
from tests.support.served import free_port, run, start_serve
from tests.support.slack_requests import SECRET, SignedSlack, payload

ROOT = Path(__file__).resolve().parents[2]


def _environment(tmp_path: Path, fake: FakeSlack, port: int) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "SEURANTA_"))}
    return keep | {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'seuranta.sqlite3'}",
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.url,
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "SEURANTA_WEB_THREADS": "4",
    }


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with running_fake() as fake:
        yield fake


@pytest.fixture
def served(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[SignedSlack]:
    port = free_port()
    process = start_serve(_environment(tmp_path, fake_slack, port))
    slack = SignedSlack(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if slack.get("/healthz").status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        else:
            process.kill()
            pytest.fail(f"seuranta serve did not start:\n{process.communicate()[0]}")
        yield slack
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_answers_a_signed_slash_command_with_the_owners(served: SignedSlack) -> None:
    reply = served.command("who owns 2.7?")

    assert reply.status == 200
    assert "SM" in reply.json()["text"]
    assert "PEO" in reply.json()["text"]


def test_serve_replies_once_in_a_thread_to_a_mention_even_when_retried(
    served: SignedSlack, fake_slack: FakeSlack
) -> None:
    mention = payload("app_mention")
    mention["event"]["text"] = f"<@{BOT_USER_ID}> who owns 2.7?"

    assert served.event(mention).status == 200
    assert served.event(mention, headers={"X-Slack-Retry-Num": "1"}).status == 200

    (reply,) = fake_slack.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == mention["event"]["ts"]
    time.sleep(0.5)
    assert len(fake_slack.calls("chat.postMessage")) == 1


def test_serve_shows_the_public_status_page_at_the_root(served: SignedSlack) -> None:
    page = served.get("/?lang=en")
    assert page.status == 200
    assert "2.7" in page.text
    assert page.headers["Content-Type"].startswith("text/html")


def test_serve_refuses_a_bad_signature(served: SignedSlack) -> None:
    assert served.event(payload("app_mention"), secret="wrong").status == 401


def test_serve_without_the_signing_secret_stops_at_once_with_one_line(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    env = _environment(tmp_path, fake_slack, free_port())
    del env["SLACK_SIGNING_SECRET"]

    process = start_serve(env)
    output = process.communicate(timeout=30)[0]

    assert process.returncode == 2
    assert output.strip().splitlines() == [
        "seuranta: error: SLACK_SIGNING_SECRET must be set to talk to Slack "
        "(see 'Install in your Slack workspace' in the README)"
    ]
    assert not (tmp_path / "seuranta.sqlite3").exists()  # failed before touching anything


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_slack_out_of_reach_at_start_is_one_line(
    tmp_path: Path, fake_slack: FakeSlack, command: str
) -> None:
    env = _environment(tmp_path, fake_slack, free_port())
    closed = free_port()
    env["SLACK_API_URL"] = f"http://127.0.0.1:{closed}/api/"

    status, lines = run([command], env)

    assert status == 2
    assert len(lines) == 1
    assert lines[0].startswith(f"seuranta: error: cannot reach Slack at http://127.0.0.1:{closed}")


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_a_token_slack_refuses_at_start_is_one_line(
    tmp_path: Path, fake_slack: FakeSlack, command: str
) -> None:
    fake_slack.fail("auth.test", error="invalid_auth")

    status, lines = run([command], _environment(tmp_path, fake_slack, free_port()))

    assert status == 2
    assert len(lines) == 1
    assert lines[0].startswith("seuranta: error: Slack did not accept SLACK_BOT_TOKEN")


@pytest.mark.parametrize("command", ["serve", "worker"])
def test_a_database_out_of_reach_at_start_is_one_line(
    tmp_path: Path, fake_slack: FakeSlack, command: str
) -> None:
    env = _environment(tmp_path, fake_slack, free_port())
    env["DATABASE_URL"] = f"postgresql://seuranta:s3cret@127.0.0.1:{free_port()}/seuranta"

    status, lines = run([command], env)

    assert status == 2
    assert len(lines) == 1
    assert lines[0].startswith("seuranta: error: cannot reach the database at postgresql")
    assert "s3cret" not in lines[0]


def test_serve_logs_one_key_value_line_per_request_gunicorns_lines_included(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    port = free_port()
    process = start_serve(_environment(tmp_path, fake_slack, port))
    slack = SignedSlack(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if slack.get("/healthz").status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        assert slack.command("who owns 2.7?").status == 200
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0]

    lines = output.strip().splitlines()
    assert all(line.startswith("time=") for line in lines), output
    assert any(' logger=gunicorn.error msg="Booting worker' in line for line in lines)
    (command,) = [line for line in lines if " path=/slack/events " in line or "POST /" in line]
    assert " msg=request method=POST path=/slack/events status=200 " in command


def test_serve_in_socket_mode_answers_a_slash_command_over_the_websocket(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    env = _environment(tmp_path, fake_slack, free_port())
    del env["SLACK_SIGNING_SECRET"]
    env["SLACK_APP_TOKEN"] = "xapp-1-test"
    command = payload("slash_command") | {"command": "/seuranta", "text": "who owns 2.7?"}
    with FakeSocketMode() as socket_mode:
        fake_slack.socket_mode_url = socket_mode.url
        process = start_serve(env)
        try:
            assert socket_mode.wait_connected(), "no WebSocket from seuranta serve"
            ack = socket_mode.request("slash_commands", command)
        finally:
            process.terminate()
            output = process.communicate(timeout=30)[0]

    assert ack is not None, output
    assert "SM" in ack["payload"]["text"]
    assert "PEO" in ack["payload"]["text"]
    (line,) = [line for line in output.splitlines() if " mode=socket " in line]
    assert " status=200 " in line
    assert " kind=command " in line


def test_an_app_token_slack_refuses_is_one_line(tmp_path: Path, fake_slack: FakeSlack) -> None:
    env = _environment(tmp_path, fake_slack, free_port())
    env["SLACK_APP_TOKEN"] = "xapp-1-revoked"  # the fake's apps.connections.open: invalid_auth

    status, lines = run(["serve"], env)

    assert status == 2
    assert lines[-1] == "seuranta: error: Slack did not accept SLACK_APP_TOKEN: invalid_auth"
    assert not any("Traceback" in line for line in lines)
