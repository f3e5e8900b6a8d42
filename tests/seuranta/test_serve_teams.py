"""``seuranta serve`` with Microsoft Teams: its own process on a real port, Teams alone or beside
Slack, emulator and signed mode, and the records a Teams conversation leaves behind."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from data import directory
from data.db import make_engine, make_sessionmaker
from data.models import Measure, StatusReport
from tests.support import teams_activities as activities
from tests.support.fake_socket_mode import FakeSocketMode
from tests.support.fakeslack import FakeSlack, running_fake
from tests.support.served import Served, clean_environment, free_port, run, serving
from tests.support.slack_requests import SECRET, SignedSlack, payload
from tests.support.teams_activities import APP_ID, CHANNEL_ID, MAIJA, SVEN
from tests.support.teams_connector import FakeConnector, card_lines
from tests.support.teams_tokens import TokenIssuer
from tests.support.wsgi_server import Reply, request

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def issuer() -> TokenIssuer:
    return TokenIssuer(APP_ID)


@pytest.fixture(scope="module")
def shared_connector(issuer: TokenIssuer) -> Iterator[FakeConnector]:
    with FakeConnector(jwks=issuer.jwks) as fake:
        yield fake


@pytest.fixture
def connector(shared_connector: FakeConnector) -> FakeConnector:
    """The module's connector, with nothing recorded yet."""
    shared_connector.reset()
    return shared_connector


def _base(tmp_path: Path) -> dict[str, str]:
    return clean_environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'seuranta.sqlite3'}",
        PORT=str(free_port()),
        WEB_CONCURRENCY="2",
        SEURANTA_WEB_THREADS="4",
    )


def _emulator(tmp_path: Path) -> dict[str, str]:
    return _base(tmp_path) | {"SEURANTA_TEAMS_EMULATOR": "1"}


def _signed(tmp_path: Path, connector: FakeConnector) -> dict[str, str]:
    return _base(tmp_path) | {
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_APP_PASSWORD": "a-client-secret-that-is-never-sent",
        "TEAMS_OPENID_METADATA_URL": connector.openid_metadata_url,
    }


def _post(served: Served, activity: dict[str, object], token: str | None = None) -> Reply:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    body = json.dumps(activity).encode()
    return request(served.url + "/api/messages", method="POST", data=body, headers=headers)


@pytest.fixture(scope="module")
def emulator_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("emulator")


@pytest.fixture(scope="module")
def emulator(emulator_home: Path) -> Iterator[Served]:
    """One process for the emulator's tests (each start costs seconds): Teams alone."""
    with serving(_emulator(emulator_home)) as served:
        yield served


def test_teams_alone_in_emulator_mode_answers_a_personal_question_with_the_owners(
    emulator: Served, connector: FakeConnector
) -> None:
    question = activities.personal_message("who owns 2.7?", service_url=connector.url)

    assert _post(emulator, question).status == 200

    (answer,) = connector.activities()
    assert answer.conversation_id == MAIJA.personal_chat
    assert answer.authorization is None
    lines = card_lines(answer.cards[0])
    assert lines[0] == "Owners of measure 2.7"
    assert any("(SM)" in line and "(PEO)" in line for line in lines)


def test_teams_alone_answers_a_channel_mention_in_its_thread(
    emulator: Served, connector: FakeConnector
) -> None:
    question = activities.channel_mention("who owns 2.7?", service_url=connector.url)

    assert _post(emulator, question).status == 200

    (answer,) = connector.activities()
    assert answer.conversation_id == f"{CHANNEL_ID};messageid={question['id']}"
    assert card_lines(answer.cards[0])[0] == "Owners of measure 2.7"


def test_teams_alone_still_serves_the_status_page_and_no_slack_route(emulator: Served) -> None:
    assert request(emulator.url + "/?lang=en").status == 200
    assert request(emulator.url + "/slack/events").status == 404


def test_an_install_is_remembered_and_an_uninstall_forgets_it(
    emulator_home: Path, emulator: Served, connector: FakeConnector
) -> None:
    factory = make_sessionmaker(make_engine(_emulator(emulator_home)["DATABASE_URL"]))
    key = f"teams:{MAIJA.aad_object_id}"

    _post(emulator, activities.installation_update("add", service_url=connector.url))
    with factory() as session:
        found = directory.conversation(session, key)
    _post(emulator, activities.installation_update("remove", service_url=connector.url))
    with factory() as session:
        gone = directory.conversation(session, key)

    assert found is not None
    assert (found.conversation_id, found.service_url) == (MAIJA.personal_chat, connector.url)
    assert gone is None


def test_a_contacts_click_is_stored_and_ask_shows_it_a_strangers_stores_nothing(
    emulator_home: Path, emulator: Served, connector: FakeConnector
) -> None:
    env = _emulator(emulator_home)
    contacts = emulator_home / "contacts.yaml"
    contacts.write_text(f"SM: [teams:{MAIJA.aad_object_id}]\n")
    assert run(["contacts", "import", str(contacts)], env)[0] == 0
    factory = make_sessionmaker(make_engine(env["DATABASE_URL"]))
    with factory() as session:
        measure = session.scalars(select(Measure.id).where(Measure.number == "2.7")).first()

    def click(user: activities.TeamsUser) -> Reply:
        data = {"m": measure, "note": "note-3", "s": "at_risk", "note-3": "Lausunnot myöhässä"}
        invoke = activities.card_action(
            "status", data, reply_to="1767225600000", user=user, service_url=connector.url
        )
        return _post(emulator, invoke)

    refused = click(SVEN)
    with factory() as session:
        assert session.scalars(select(StatusReport)).all() == []
    recorded = click(MAIJA)

    assert card_lines(refused.json()["value"])[0].startswith("Et voi raportoida")
    assert card_lines(recorded.json()["value"])[0].startswith("Kirjattu: Riski viivästyä")
    status, lines = run(["ask", "--lang", "en", "status of 2.7"], env)
    assert status == 0
    shown = "\n".join(lines)
    assert "At risk" in shown
    assert "Lausunnot myöhässä" in shown


def test_signed_mode_answers_401_to_every_bad_token_sends_nothing_and_lets_a_valid_one_in(
    tmp_path: Path, connector: FakeConnector, issuer: TokenIssuer
) -> None:
    """A valid token's reply needs a token from Entra, which no test can reach: the SDK's answer
    with an outbound token is tested in-process (tests/bot/teams/test_app.py). An install is
    answered with nothing, so it shows the token let in."""
    question = activities.personal_message("who owns 2.7?", service_url=connector.url)
    install = activities.installation_update("add", service_url=connector.url)
    tokens: dict[str, str | None] = {"none": None, **issuer.bad_tokens(connector.url)}
    with serving(_signed(tmp_path, connector)) as served:
        refused = {
            problem: _post(served, question, token).status for problem, token in tokens.items()
        }
        valid = _post(served, install, issuer.token(connector.url))

    assert refused == dict.fromkeys(tokens, 401)
    assert connector.activities() == []
    assert valid.status == 200


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with running_fake() as fake:
        yield fake


def test_slack_and_teams_are_answered_by_the_same_process(
    tmp_path: Path, connector: FakeConnector, fake_slack: FakeSlack
) -> None:
    env = _emulator(tmp_path) | {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake_slack.url,
    }
    question = activities.personal_message("who owns 2.7?", service_url=connector.url)
    with serving(env) as served:
        slack = SignedSlack(served.url).command("who owns 2.7?")
        teams = _post(served, question)

    assert slack.status == 200
    assert "SM" in slack.json()["text"]
    assert teams.status == 200
    (answer,) = connector.activities()
    assert card_lines(answer.cards[0])[0] == "Owners of measure 2.7"
    warnings = [line for line in served.output if "level=warning" in line]
    assert any("NOT authenticated" in line for line in warnings)  # the emulator, said loudly


def test_serve_with_no_platform_stops_with_one_line(tmp_path: Path) -> None:
    status, lines = run(["serve"], _base(tmp_path))

    assert status == 2
    assert len(lines) == 1
    assert lines[0].startswith("seuranta: error: nothing to serve: set SLACK_BOT_TOKEN")
    assert not (tmp_path / "seuranta.sqlite3").exists()


def test_the_emulator_is_refused_beside_an_app_id(tmp_path: Path) -> None:
    env = _emulator(tmp_path) | {"TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": "x"}

    status, lines = run(["serve"], env)

    assert status == 2
    assert len(lines) == 1
    assert "SEURANTA_TEAMS_EMULATOR" in lines[0]


def test_slack_in_socket_mode_and_teams_over_http_in_the_same_process(
    tmp_path: Path, connector: FakeConnector, fake_slack: FakeSlack
) -> None:
    env = _emulator(tmp_path) | {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_APP_TOKEN": "xapp-1-test",
        "SLACK_API_URL": fake_slack.url,
    }
    command = payload("slash_command") | {"command": "/seuranta", "text": "who owns 2.7?"}
    question = activities.personal_message("who owns 2.7?", service_url=connector.url)
    with FakeSocketMode() as socket_mode:
        fake_slack.socket_mode_url = socket_mode.url
        with serving(env) as served:
            assert socket_mode.wait_connected()
            ack = socket_mode.request("slash_commands", command)
            teams = _post(served, question)

    assert ack is not None
    assert "SM" in ack["payload"]["text"]
    assert teams.status == 200
    (answer,) = connector.activities()
    assert card_lines(answer.cards[0])[0] == "Owners of measure 2.7"
