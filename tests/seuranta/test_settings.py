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
