"""Settings come from the environment, once, and a wrong value stops the start in one line."""

from __future__ import annotations

import re
from datetime import time

import pytest

from seuranta.errors import ConfigError
from seuranta.settings import load_settings


def test_the_defaults_need_no_environment_at_all() -> None:
    settings = load_settings({})
    assert (settings.digest_weekday, settings.digest_time) == (0, time(8, 30))
    assert settings.round_nudge_days == 3
    assert settings.coordinator_channel is None


def test_the_digest_day_and_time_are_read_and_can_be_turned_off() -> None:
    friday = load_settings({"SEURANTA_DIGEST_DAY": "Friday", "SEURANTA_DIGEST_TIME": "15:00"})
    assert (friday.digest_weekday, friday.digest_time) == (4, time(15, 0))
    assert load_settings({"SEURANTA_DIGEST_DAY": "off"}).digest_weekday is None


def test_bundling_is_on_unless_turned_off() -> None:
    assert load_settings({}).reminder_bundle is True
    assert load_settings({"SEURANTA_REMINDER_BUNDLE": "off"}).reminder_bundle is False


@pytest.mark.parametrize(
    ("name", "value", "says"),
    [
        ("SEURANTA_DIGEST_DAY", "someday", "use mon, tue, … sun, or off"),
        ("SEURANTA_DIGEST_TIME", "25:99", "SEURANTA_DIGEST_TIME"),
        ("SEURANTA_ROUND_NUDGE_DAYS", "often", "SEURANTA_ROUND_NUDGE_DAYS"),
        ("SEURANTA_REMINDER_BUNDLE", "maybe", "SEURANTA_REMINDER_BUNDLE"),
    ],
)
def test_a_wrong_value_names_the_setting(name: str, value: str, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        load_settings({name: value})


@pytest.mark.parametrize(
    "url",
    [
        "https://slack.com/api/",
        "https://slack-proxy.example.org:8443/api/",
        "http://127.0.0.1:8080/api/",
        "http://localhost/api/",
        "http://[::1]:9000/api/",
    ],
)
def test_the_slack_api_url_is_https_or_plain_http_to_this_machine(url: str) -> None:
    assert load_settings({"SLACK_API_URL": url}).slack_api_url == url


@pytest.mark.parametrize(
    "url",
    [
        "http://slack-proxy.example.org/api/",
        "http://10.0.0.7/api/",
        "http://localhost.evil.example/api/",
        "ftp://slack.com/api/",
        "slack.com/api/",
        "https:///api/",
        "http://[::1/api/",
    ],
)
def test_a_slack_api_url_that_would_send_the_token_in_clear_stops_the_start(url: str) -> None:
    with pytest.raises(ConfigError, match="SLACK_API_URL"):
        load_settings({"SLACK_API_URL": url})


def test_the_rate_limit_is_twenty_a_minute_unless_set_and_zero_turns_it_off() -> None:
    assert load_settings({}).rate_limit == 20
    assert load_settings({"SEURANTA_RATE_LIMIT": "5"}).rate_limit == 5
    assert load_settings({"SEURANTA_RATE_LIMIT": "0"}).rate_limit == 0


def test_logs_are_key_value_unless_json_is_asked_for() -> None:
    assert load_settings({}).log_format == "kv"
    assert load_settings({"SEURANTA_LOG_FORMAT": "JSON"}).log_format == "json"
    with pytest.raises(ConfigError, match="SEURANTA_LOG_FORMAT"):
        load_settings({"SEURANTA_LOG_FORMAT": "xml"})


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "²"),
        ("PORT", "٣٠٠٠"),
        ("WEB_CONCURRENCY", "²"),
        ("SEURANTA_RATE_LIMIT", "²"),
        ("SEURANTA_RATE_LIMIT", "9" * 5000),
        ("SEURANTA_RATE_LIMIT", "lots"),
    ],
)
def test_a_number_in_other_digits_is_a_config_error_not_a_crash(name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})


def test_admins_are_slack_ids_and_teams_users_each_kept_as_a_person_key() -> None:
    settings = load_settings(
        {"SEURANTA_ADMINS": "U012AB3CD, teams:5F0C1A6E-3F8E-4C53-9A53-1A2B3C4D5E6F  W045EF6GH"}
    )

    assert settings.admins == {
        "U012AB3CD",
        "W045EF6GH",
        "teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f",
    }


@pytest.mark.parametrize(
    "entry",
    ["anna@example.org", "teams:anna", "<@U012AB3CD>", "u012ab3cd", "C0123ABCD"],
)
def test_an_admin_who_is_no_person_stops_the_start_naming_the_entry(entry: str) -> None:
    with pytest.raises(ConfigError, match=f"SEURANTA_ADMINS: '{re.escape(entry)}' is neither"):
        load_settings({"SEURANTA_ADMINS": f"U012AB3CD {entry}"})


@pytest.mark.parametrize(
    "channel", ["C0COORD", "G0123ABCD", "teams:19:3a8f2c7d1e6b4a5f9c0d8e7b6a5f4c3d@thread.tacv2"]
)
def test_the_coordinators_channel_is_a_slack_channel_or_a_teams_channel(channel: str) -> None:
    assert load_settings({"SEURANTA_COORDINATOR_CHANNEL": channel}).coordinator_channel == channel


@pytest.mark.parametrize("channel", ["#coordinators", "teams:coordinators", "U012AB3CD"])
def test_a_coordinators_channel_that_is_no_channel_id_stops_the_start(channel: str) -> None:
    with pytest.raises(ConfigError, match=f"SEURANTA_COORDINATOR_CHANNEL: '{channel}' is neither"):
        load_settings({"SEURANTA_COORDINATOR_CHANNEL": channel})
