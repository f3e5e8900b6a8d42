"""The pure reminder policy: offsets, working days, quiet hours, zones and both DST changes."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from jobs.policy import QuietHours, ReminderPolicy, local_instant

HELSINKI = ZoneInfo("Europe/Helsinki")
POLICY = ReminderPolicy()


def local(instant: datetime, zone: ZoneInfo = HELSINKI) -> str:
    # Compared as strings: aware datetimes compare equal across zones, which hides DST bugs.
    return instant.astimezone(zone).isoformat()


def test_the_fourteen_day_reminder_of_new_year_eve_is_on_monday_morning() -> None:
    assert local(POLICY.send_at(date(2018, 12, 31), 14)) == "2018-12-17T09:00:00+02:00"


@pytest.mark.parametrize(
    ("due", "offset", "expected"),
    [
        pytest.param(date(2019, 1, 7), 3, date(2019, 1, 4), id="friday_before_a_weekend"),
        pytest.param(date(2018, 12, 27), 3, date(2018, 12, 21), id="christmas_eve_to_boxing_day"),
        pytest.param(date(2018, 12, 6), 0, date(2018, 12, 5), id="independence_day"),
        pytest.param(date(2019, 6, 21), 0, date(2019, 6, 20), id="midsummer_eve"),
        pytest.param(date(2019, 4, 22), 0, date(2019, 4, 18), id="easter_monday_to_thursday"),
        pytest.param(date(2019, 1, 9), 0, date(2019, 1, 9), id="plain_wednesday"),
    ],
)
def test_a_send_date_off_work_moves_to_the_previous_working_day(
    due: date, offset: int, expected: date
) -> None:
    assert POLICY.send_date(due, offset) == expected


@pytest.mark.parametrize(
    ("policy", "due", "offset", "expected"),
    [
        # 9:00 on the Monday after the spring change (2019-03-31) is EEST: 06:00 UTC.
        pytest.param(POLICY, date(2019, 4, 1), 0, "2019-04-01T09:00:00+03:00", id="spring_after"),
        # 3 days before Tuesday 2 April is Saturday 30 March → Friday 29 March, still EET.
        pytest.param(POLICY, date(2019, 4, 2), 3, "2019-03-29T09:00:00+02:00", id="spring_before"),
        # Autumn change 2019-10-27: Monday 28 October is EET again.
        pytest.param(POLICY, date(2019, 10, 28), 0, "2019-10-28T09:00:00+02:00", id="autumn_after"),
        pytest.param(
            POLICY, date(2019, 10, 28), 3, "2019-10-25T09:00:00+03:00", id="autumn_before"
        ),
    ],
)
def test_nine_o_clock_stays_nine_o_clock_across_dst(
    policy: ReminderPolicy, due: date, offset: int, expected: str
) -> None:
    assert local(policy.send_at(due, offset)) == expected


@pytest.mark.parametrize(
    ("day", "at", "expected"),
    [
        # 03:30 does not exist on 31 March 2019 in Helsinki: it moves forward by the gap.
        pytest.param(date(2019, 3, 31), time(3, 30), "2019-03-31T04:30:00+03:00", id="spring_gap"),
        # 03:30 happens twice on 27 October 2019: the first one (EEST), once.
        pytest.param(
            date(2019, 10, 27), time(3, 30), "2019-10-27T03:30:00+03:00", id="autumn_repeat"
        ),
        pytest.param(date(2019, 3, 30), time(3, 30), "2019-03-30T03:30:00+02:00", id="spring_eve"),
        pytest.param(date(2019, 10, 28), time(3, 30), "2019-10-28T03:30:00+02:00", id="autumn_day"),
    ],
)
def test_wall_clock_times_on_dst_days(day: date, at: time, expected: str) -> None:
    assert local(local_instant(day, at, HELSINKI)) == expected


def test_a_recipient_in_new_york_gets_nine_o_clock_in_new_york() -> None:
    at = POLICY.send_at(date(2018, 12, 31), 14, "America/New_York")
    assert local(at, ZoneInfo("America/New_York")) == "2018-12-17T09:00:00-05:00"


def test_an_unknown_zone_falls_back_to_helsinki() -> None:
    assert POLICY.send_at(date(2018, 12, 31), 14, "Mars/Olympus") == POLICY.send_at(
        date(2018, 12, 31), 14
    )


@pytest.mark.parametrize(
    ("at", "quiet"),
    [
        pytest.param(time(22, 0), True, id="late_evening"),
        pytest.param(time(2, 0), True, id="night"),
        pytest.param(time(7, 0), False, id="quiet_ends"),
        pytest.param(time(20, 59), False, id="before_quiet"),
    ],
)
def test_quiet_hours_wrap_over_midnight(at: time, quiet: bool) -> None:
    assert QuietHours(time(21), time(7)).contains(at) is quiet


def test_a_send_time_inside_quiet_hours_moves_to_their_end() -> None:
    night = ReminderPolicy(send_time=time(22, 30))
    assert local(night.send_at(date(2019, 1, 9), 0)) == "2019-01-10T07:00:00+02:00"
    early = ReminderPolicy(send_time=time(6, 0))
    assert local(early.send_at(date(2019, 1, 9), 0)) == "2019-01-09T07:00:00+02:00"


def test_weekends_only_when_no_holiday_country() -> None:
    plain = ReminderPolicy(holiday_country="")
    assert plain.send_date(date(2018, 12, 6), 0) == date(2018, 12, 6)
    assert plain.send_date(date(2018, 12, 8), 0) == date(2018, 12, 7)


def test_fresh_for_default_is_half_a_day() -> None:
    assert POLICY.fresh_for == timedelta(hours=12)
