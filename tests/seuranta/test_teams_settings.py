"""Teams settings are read under our own names only, checked at start, one line per mistake."""

from __future__ import annotations

import re

import pytest

from seuranta.errors import ConfigError
from seuranta.settings import load_settings

APP_ID = "6F1C2D3E-4A5B-4C7D-8E9F-0A1B2C3D4E5F"
TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47"


def test_without_teams_settings_teams_is_simply_not_configured() -> None:
    settings = load_settings({})

    assert not settings.teams_configured
    assert (settings.teams_app_id, settings.teams_emulator, settings.public_url) == (
        None,
        False,
        None,
    )
    assert settings.teams_cloud == "Public"


def test_every_teams_setting_is_read() -> None:
    settings = load_settings(
        {
            "TEAMS_APP_ID": APP_ID,
            "TEAMS_APP_PASSWORD": "s3cret~value",
            "TEAMS_TENANT_ID": TENANT,
            "TEAMS_CLOUD": "usgov",
            "TEAMS_OPENID_METADATA_URL": "https://login.example/v1/.well-known/openidconfiguration",
            "SEURANTA_PUBLIC_URL": "https://seuranta.example.org/",
        }
    )

    assert settings.teams_app_id == APP_ID.lower()
    assert settings.teams_app_password == "s3cret~value"
    assert settings.teams_tenant_id == TENANT
    assert settings.teams_cloud == "USGov"
    assert settings.teams_openid_metadata_url.endswith("/openidconfiguration")  # type: ignore[union-attr]
    assert settings.public_url == "https://seuranta.example.org"
    assert settings.teams_configured
    settings.require_teams()


def test_the_password_is_never_shown_in_the_settings_repr() -> None:
    settings = load_settings({"TEAMS_APP_ID": APP_ID, "TEAMS_APP_PASSWORD": "s3cret~value"})

    assert "s3cret" not in repr(settings)


def test_the_sdks_generic_variables_are_not_teams_settings() -> None:
    settings = load_settings(
        {
            "CLIENT_ID": APP_ID,
            "CLIENT_SECRET": "someone-elses",
            "TENANT_ID": TENANT,
            "DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS": "true",
            "CLOUD": "China",
        }
    )

    assert not settings.teams_configured
    assert settings.teams_cloud == "Public"


def test_the_emulator_needs_no_app_registration() -> None:
    settings = load_settings({"SEURANTA_TEAMS_EMULATOR": "1"})

    assert settings.teams_emulator
    settings.require_teams()


def test_the_emulator_is_refused_beside_an_app_id() -> None:
    with pytest.raises(ConfigError, match="SEURANTA_TEAMS_EMULATOR=1 accepts unsigned requests"):
        load_settings({"SEURANTA_TEAMS_EMULATOR": "1", "TEAMS_APP_ID": APP_ID})


@pytest.mark.parametrize(
    ("environment", "says"),
    [
        ({"TEAMS_APP_ID": "seuranta-bot"}, "TEAMS_APP_ID='seuranta-bot' is not a GUID"),
        ({"TEAMS_TENANT_ID": "contoso"}, "TEAMS_TENANT_ID='contoso' is not a GUID"),
        ({"TEAMS_CLOUD": "Mars"}, "TEAMS_CLOUD='Mars': use one of Public, USGov"),
        (
            {
                "TEAMS_OPENID_METADATA_URL": "http://login.example/v1/.well-known/openidconfiguration"
            },
            "must be an https:// address",
        ),
        (
            {"TEAMS_OPENID_METADATA_URL": "https://login.example/v1/.well-known/keys"},
            "must end in /openidconfiguration",
        ),
        ({"SEURANTA_PUBLIC_URL": "seuranta.example.org"}, "SEURANTA_PUBLIC_URL="),
        ({"SEURANTA_PUBLIC_URL": "http://seuranta.example.org"}, "must be an https:// address"),
        ({"SEURANTA_TEAMS_EMULATOR": "maybe"}, "SEURANTA_TEAMS_EMULATOR='maybe'"),
    ],
    ids=[
        "app id",
        "tenant",
        "cloud",
        "metadata over http",
        "metadata not the metadata",
        "public url without scheme",
        "public url over http",
        "emulator flag",
    ],
)
def test_a_wrong_teams_value_names_the_setting(environment: dict[str, str], says: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(says)):
        load_settings(environment)


def test_plain_http_is_allowed_to_this_machine_only() -> None:
    local = "http://127.0.0.1:8765/v1/.well-known/openidconfiguration"

    assert load_settings({"TEAMS_OPENID_METADATA_URL": local}).teams_openid_metadata_url == local


def test_serving_teams_needs_the_password_with_the_app_id() -> None:
    settings = load_settings({"TEAMS_APP_ID": APP_ID})

    with pytest.raises(ConfigError, match="TEAMS_APP_PASSWORD must be set with TEAMS_APP_ID"):
        settings.require_teams()


def test_serving_teams_needs_an_app_id_or_the_emulator() -> None:
    with pytest.raises(ConfigError, match="or SEURANTA_TEAMS_EMULATOR=1"):
        load_settings({}).require_teams()
