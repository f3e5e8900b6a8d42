"""Only the Bot Connector is listened to: a request without its valid token gets 401 and does
nothing; and nothing the SDK would read from the environment changes that."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.engine import Engine as AnswerEngine
from bot.teams.app import teams_wsgi
from seuranta.errors import ConfigError
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.programme import NOW
from tests.support.teams_client import TeamsClient, outbound_token
from tests.support.teams_connector import FakeConnector
from tests.support.teams_tokens import OUTBOUND_TOKEN, TokenIssuer
from tests.support.wsgi_server import serving

BAD_TOKENS = (
    "expired",
    "wrong audience",
    "wrong issuer",
    "serviceurl claim mismatch",
    "signed by another key",
    "not a JWT",
    "unsigned (alg none)",
)


def test_a_request_with_the_connectors_token_is_answered(teams: TeamsClient) -> None:
    question = activities.personal_message("who owns 2.7?", service_url=teams.connector.url)

    assert teams.post(question).status == 200

    assert len(teams.connector.activities()) == 1


def test_a_request_without_a_token_gets_401_and_nothing_happens(teams: TeamsClient) -> None:
    question = activities.personal_message("who owns 2.7?", service_url=teams.connector.url)

    reply = teams.post(question, sign=False)

    assert reply.status == 401
    assert teams.connector.calls == []


@pytest.mark.parametrize("problem", BAD_TOKENS)
def test_a_request_with_a_bad_token_gets_401_and_nothing_happens(
    teams: TeamsClient, issuer: TokenIssuer, problem: str
) -> None:
    question = activities.personal_message("who owns 2.7?", service_url=teams.connector.url)
    token = issuer.bad_tokens(teams.connector.url)[problem]

    reply = teams.post(question, token=token)

    assert reply.status == 401
    assert teams.connector.calls == []


def test_a_token_for_another_service_url_cannot_redirect_the_reply(
    teams: TeamsClient, issuer: TokenIssuer
) -> None:
    """The claim names where the connector sent from; the body cannot point replies elsewhere."""
    with FakeConnector() as elsewhere:
        question = activities.personal_message("who owns 2.7?", service_url=elsewhere.url)

        reply = teams.post(question, token=issuer.token(teams.connector.url))

        assert reply.status == 401
        assert elsewhere.calls == []
    assert teams.connector.calls == []


def test_an_unsigned_request_is_refused_however_the_sdks_own_variables_are_set(
    monkeypatch: pytest.MonkeyPatch,
    answers: AnswerEngine,
    signed_settings: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
) -> None:
    for name, value in {
        "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS": "true",
        "CLIENT_ID": "0a0a0a0a-0000-4000-8000-000000000000",
        "CLIENT_SECRET": "someone-elses-secret",
        "TENANT_ID": "0b0b0b0b-0000-4000-8000-000000000000",
        "MANAGED_IDENTITY_CLIENT_ID": "system",
        "CLOUD": "China",
        "SERVICE_URL": "https://smba.example/",
        "OAUTH_URL": "https://token.example/",
    }.items():
        monkeypatch.setenv(name, value)
    bot = teams_wsgi(signed_settings, answers, clock=lambda: NOW, token_provider=outbound_token)
    try:
        with serving(bot) as url:
            teams = TeamsClient(url, connector, issuer)
            question = activities.personal_message("who owns 2.7?", service_url=connector.url)

            assert teams.post(question, sign=False).status == 401
            assert connector.calls == []
            assert teams.post(question).status == 200
    finally:
        bot.close()
    (answer,) = connector.activities()
    assert answer.authorization == f"Bearer {OUTBOUND_TOKEN}"


def test_the_emulator_sends_no_token_even_with_the_sdks_credentials_in_the_environment(
    monkeypatch: pytest.MonkeyPatch, answers: AnswerEngine, connector: FakeConnector
) -> None:
    """CLIENT_ID and CLIENT_SECRET would make the SDK ask Entra for a token (and fail here)."""
    monkeypatch.setenv("CLIENT_ID", "0a0a0a0a-0000-4000-8000-000000000000")
    monkeypatch.setenv("CLIENT_SECRET", "someone-elses-secret")
    bot = teams_wsgi(Settings(teams_emulator=True), answers, clock=lambda: NOW)
    try:
        with serving(bot) as url:
            question = activities.personal_message("who owns 2.7?", service_url=connector.url)
            assert TeamsClient(url, connector, None).post(question).status == 200
    finally:
        bot.close()
    (answer,) = connector.activities()
    assert answer.authorization is None


def test_a_dotenv_file_in_the_working_directory_is_not_loaded(tmp_path: Path) -> None:
    """The SDK's app module calls load_dotenv() when imported; importing ours must not."""
    (tmp_path / ".env").write_text("CLIENT_SECRET=from-a-dotenv-file\nSEURANTA_X=1\n")
    probe = (
        "import json, os, bot.teams.app; "
        "print(json.dumps({k: os.environ.get(k) for k in "
        "('CLIENT_SECRET', 'SEURANTA_X', 'PYTHON_DOTENV_DISABLED')}))"
    )
    root = Path(__file__).resolve().parents[3]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}

    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout) == {
        "CLIENT_SECRET": None,
        "SEURANTA_X": None,
        "PYTHON_DOTENV_DISABLED": None,
    }


def test_teams_without_an_app_id_or_the_emulator_does_not_start(answers: AnswerEngine) -> None:
    with pytest.raises(ConfigError, match="TEAMS_APP_ID and TEAMS_APP_PASSWORD"):
        teams_wsgi(Settings(), answers)


def test_an_app_id_without_its_password_does_not_start(answers: AnswerEngine) -> None:
    settings = Settings(teams_app_id=activities.APP_ID)

    with pytest.raises(ConfigError, match="TEAMS_APP_PASSWORD"):
        teams_wsgi(settings, answers)


def test_the_emulator_says_loudly_that_it_authenticates_nothing(
    answers: AnswerEngine, caplog: pytest.LogCaptureFixture
) -> None:
    teams_wsgi(Settings(teams_emulator=True), answers).close()

    (warning,) = [r for r in caplog.records if r.name == "bot.teams.app"]
    assert warning.levelname == "WARNING"
    assert "NOT authenticated" in warning.getMessage()
