"""Reminder tests: the real programme with a contact for every lead organisation, a fake Slack."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from data.directory import add_contact
from data.importer import ImportSummary
from data.models import Organisation, Responsibility, Role
from jobs.port import MessagePort
from jobs.sender import SendOptions
from jobs.slack_port import SlackPort, web_client
from jobs.tick import TickReport, run_tick
from seuranta.settings import Settings
from tests.conftest import NOW
from tests.fakeslack import FakeSlack, running_fake

# Tests do not wait a second per channel; the pacing itself is tested in test_pacer.py.
FAST = SendOptions(concurrency=4, channel_interval=0.0, quick_retries=1, retry_backoff=0.01)


def contact_of(key: str) -> str:
    """A made-up Slack user id per organisation, readable in assertions."""
    return "U" + "".join(c for c in key.upper() if c.isalnum())[:8].ljust(4, "X")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with running_fake() as slack:
        yield slack


@pytest.fixture
def settings(fake: FakeSlack) -> Settings:
    return Settings(
        slack_bot_token="xoxb-test",
        slack_signing_secret="secret",
        slack_api_url=fake.url,
        coordinator_channel="C0COORD",
        # One message per reminder row, so tests can count them; test_digest.py and
        # test_bundle.py turn these on.
        digest_weekday=None,
        reminder_bundle=False,
    )


@pytest.fixture
def port(settings: Settings) -> MessagePort:
    return SlackPort(web_client(settings, timeout=5))


@pytest.fixture
def contacts(factory: sessionmaker[Session], imported: ImportSummary) -> dict[str, str]:
    """One contact for every organisation that leads a measure: key → Slack user id."""
    with factory() as session, session.begin():
        lead_ids = select(Responsibility.organisation_id).where(Responsibility.role == Role.LEAD)
        leads = session.scalars(select(Organisation).where(Organisation.id.in_(lead_ids))).all()
        made = {}
        for organisation in leads:
            made[organisation.key] = contact_of(organisation.key)
            add_contact(session, organisation, made[organisation.key], "UADMIN", NOW)
    return made


class Clock:
    """A settable clock: tests move time explicitly, never by sleeping."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def tick(
    factory: sessionmaker[Session], settings: Settings, port: MessagePort, at: datetime
) -> TickReport:
    """One worker tick at ``at``, sending without waiting between posts."""
    return run_tick(factory, settings, port, clock=Clock(at), worker="w1", options=FAST)
