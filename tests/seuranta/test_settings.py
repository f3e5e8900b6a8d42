"""Settings come from the environment, once, and a wrong value stops the start in one line."""

from __future__ import annotations

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
