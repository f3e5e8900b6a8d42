"""``seuranta remind``: the dry run lists, a real run sends once, a second run sends nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from seuranta.cli import main
from tests.support.database import cli_url
from tests.support.fakeslack import FakeSlack


def test_remind_dry_run_then_real_run_then_nothing(
    engine: Engine,
    fake: FakeSlack,
    contacts: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("DATABASE_URL", cli_url(engine))
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake.url)

    assert main(["remind", "--dry-run", "--as-of", "2018-12-17"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) > 20
    assert all("14-day reminder" in line and "due 31.12.2018" in line for line in listed)
    assert fake.calls("chat.postMessage") == []

    # A person's reminders at the same time are one message (SEURANTA_REMINDER_BUNDLE).
    recipients = {line.split(" → ")[1].split(" ")[0] for line in listed}
    assert any("[one message of" in line for line in listed)

    assert main(["remind", "--as-of", "2018-12-17"]) == 0
    posts = fake.calls("chat.postMessage")
    assert sorted(p.params["channel"] for p in posts) == sorted(recipients)
    assert main(["remind", "--as-of", "2018-12-17"]) == 0
    assert len(fake.calls("chat.postMessage")) == len(posts)
