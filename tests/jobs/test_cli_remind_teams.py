"""``seuranta remind`` for a Teams contact, as an administrator runs it: the real command in a
process of its own, in emulator mode, sending to a fake Bot Connector.

The contact is named in the contacts YAML as ``teams:<their Entra object id>`` and has installed
the app (their personal chat's reference is stored, as the web process stores it on install).
The reminder reaches that chat as an Adaptive Card with status buttons (``Action.Execute``) that
Microsoft's own validator accepts; a second run sends nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from data.directory import ConversationRef, remember_conversation
from data.importer import ImportSummary
from tests.support import teams_activities
from tests.support.database import cli_url
from tests.support.teams_activities import MAIJA
from tests.support.teams_connector import FakeConnector, walk
from tests.support.validators import OfficialValidators, official_validators

INSTALLED = datetime.fromisoformat("2018-12-10T08:00:00+00:00")


@pytest.fixture(scope="module")
def validators() -> Iterator[OfficialValidators]:
    checker = official_validators()
    yield checker
    checker.close()


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with FakeConnector() as fake:
        yield fake


def seuranta(*args: str, database: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command, with only the settings given here (no Slack, Teams emulated)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("SLACK_", "TEAMS_", "SEURANTA_", "DATABASE_"))
    }
    env |= {"DATABASE_URL": database, "SEURANTA_TEAMS_EMULATOR": "1"}
    command = [sys.executable, "-m", "seuranta.cli", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120)


def test_a_teams_contact_who_installed_the_app_gets_one_card_with_status_actions(
    engine: Engine,
    factory: sessionmaker[Session],
    imported: ImportSummary,
    connector: FakeConnector,
    validators: OfficialValidators,
    tmp_path: Path,
) -> None:
    database = cli_url(engine)
    contacts = tmp_path / "contacts.yaml"
    contacts.write_text(f"SM: [teams:{MAIJA.aad_object_id}]\n", encoding="utf-8")
    imported_contacts = seuranta(
        "contacts", "import", str(contacts), database=database, cwd=tmp_path
    )
    assert imported_contacts.returncode == 0, imported_contacts.stderr
    with factory() as session, session.begin():
        installed = ConversationRef.personal(
            aad_object_id=MAIJA.aad_object_id,
            user_id=MAIJA.id,
            conversation_id=MAIJA.personal_chat,
            service_url=connector.url,
            bot_id=f"28:{teams_activities.APP_ID}",
            tenant_id=teams_activities.TENANT_ID,
        )
        remember_conversation(session, installed, INSTALLED)

    first = seuranta("remind", "--as-of", "2018-12-17", database=database, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "failed 0" in first.stdout

    posts = connector.activities()
    assert len(posts) == 1  # SM's reminders due that morning, bundled into one message
    post = posts[0]
    assert post.method == "POST"
    assert post.conversation_id == MAIJA.personal_chat
    assert post.authorization is None  # the emulator has no credentials
    [card] = post.cards
    assert validators.card(card) == []
    verbs = {node.get("verb") for node in walk(card) if node["type"] == "Action.Execute"}
    assert verbs
    assert None not in verbs

    second = seuranta("remind", "--as-of", "2018-12-17", database=database, cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "Sent 0" in second.stdout
    assert len(connector.activities()) == 1
