"""Reminder tests: the real programme with a contact for every lead organisation.

They send through the real Slack port and a fake Slack Web API; the delivery tests also through
a port with no platform behind it (:class:`Delivery` looks at both the same way), so the
delivery guarantee is shown to be the sender's, whatever the platform.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.slack.client import web_client
from bot.slack.port import SlackPort
from data.directory import add_contact
from data.importer import ImportSummary
from data.models import Organisation, Responsibility, Role
from jobs.port import MessagePort
from seuranta.settings import Settings
from tests.support.delivery import Delivery, RecordedDelivery, SlackDelivery, contact_of
from tests.support.fakeslack import FakeSlack, running_fake
from tests.support.programme import NOW
from tests.support.recording_port import RecordingPort


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
    """The Slack port, with the client the worker uses, against the fake Web API."""
    return SlackPort(web_client(settings, retries=False, timeout=5), channel_interval=0.0)


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


@pytest.fixture(params=["recording port", "Slack port"])
def delivery(request: pytest.FixtureRequest, fake: FakeSlack, port: MessagePort) -> Delivery:
    if request.param == "Slack port":
        return SlackDelivery(fake, port)
    return RecordedDelivery(RecordingPort())
