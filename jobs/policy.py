"""When a reminder is sent: pure functions of dates, zones and the policy, no I/O.

A milestone's due date is a calendar date in the programme's zone. Each offset (14, 3 and 0
days by default) gives a *send date*; a send date on a weekend or a Finnish public holiday moves
to the previous working day, so "3 days before" a Monday deadline arrives on Thursday, not on
Saturday nor on Monday. The send *time* (09:00) is read in the recipient's own zone when known.

DST: a wall-clock time is turned into an instant with :func:`local_instant`, which never invents
a time: in the spring gap the time moves forward by the gap (03:30 → 04:30 EEST), in the autumn
repeat the first occurrence wins (``fold=0``), so a reminder is planned once, never twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays

from seuranta.settings import Settings

# A send date never moves back further than this (Christmas Eve to Boxing Day plus a weekend
# is five days); the planner widens its milestone window by it.
MAX_SHIFT_DAYS = 7


@dataclass(frozen=True, slots=True)
class QuietHours:
    """Local hours in which nothing is posted; ``start > end`` wraps over midnight."""

    start: time
    end: time

    def contains(self, local: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


@dataclass(frozen=True, slots=True)
class ReminderPolicy:
    offsets: tuple[int, ...] = (14, 3, 0)
    send_time: time = time(9, 0)
    zone: str = "Europe/Helsinki"
    quiet: QuietHours = field(default_factory=lambda: QuietHours(time(21, 0), time(7, 0)))
    # Working days are those of this country's public holiday calendar ("" = weekends only).
    holiday_country: str = "FI"
    skip_weekends: bool = True
    # A reminder still planned this long after its send time is stale: it is folded into one
    # "you missed these" message instead of arriving late as if it were fresh.
    fresh_for: timedelta = timedelta(hours=12)
    # After downtime, reminders are planned back to the last tick, but never further than this.
    backfill: timedelta = timedelta(days=14)
    # Rows are planned this far ahead so they can be listed and cancelled before they are due.
    lookahead: timedelta = timedelta(days=1)
    # One message per person and send time instead of one per milestone.
    bundle: bool = True
    # Reporting rounds nudge those yet to answer this often (days; 0 = never).
    nudge_every: int = 3
    # The weekly digest: Monday = 0, at this local time; None turns it off.
    digest_weekday: int | None = 0
    digest_time: time = time(8, 30)

    @classmethod
    def from_settings(cls, settings: Settings) -> ReminderPolicy:
        return cls(
            offsets=settings.reminder_offsets,
            send_time=settings.reminder_time,
            zone=settings.timezone,
            quiet=QuietHours(*settings.quiet_hours),
            holiday_country=settings.holiday_country,
            fresh_for=timedelta(hours=settings.reminder_fresh_hours),
            backfill=timedelta(days=settings.reminder_backfill_days),
            bundle=settings.reminder_bundle,
            nudge_every=settings.round_nudge_days,
            digest_weekday=settings.digest_weekday,
            digest_time=settings.digest_time,
        )

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def is_working_day(self, day: date) -> bool:
        if self.skip_weekends and day.weekday() >= 5:
            return False
        return not (self.holiday_country and day in _holidays(self.holiday_country, day.year))

    def previous_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the closest earlier one."""
        for back in range(MAX_SHIFT_DAYS + 1):
            candidate = day - timedelta(days=back)
            if self.is_working_day(candidate):
                return candidate
        return day  # a calendar with no working day in a week: keep the date rather than loop

    def next_working_day(self, day: date) -> date:
        """``day`` itself if it is a working day, else the closest later one."""
        for ahead in range(MAX_SHIFT_DAYS + 1):
            candidate = day + timedelta(days=ahead)
            if self.is_working_day(candidate):
                return candidate
        return day

    def send_date(self, due: date, offset: int) -> date:
        return self.previous_working_day(due - timedelta(days=offset))

    def send_at(self, due: date, offset: int, recipient_zone: str | None = None) -> datetime:
        """The UTC instant the ``offset``-day reminder of a milestone due ``due`` is sent."""
        zone = zone_or(recipient_zone, self.tz)
        instant = local_instant(self.send_date(due, offset), self.send_time, zone)
        return self.outside_quiet(instant, zone)

    def outside_quiet(self, instant: datetime, zone: ZoneInfo) -> datetime:
        """``instant``, or the end of the quiet hours it falls in (in ``zone``)."""
        local = instant.astimezone(zone)
        if not self.quiet.contains(local.time().replace(tzinfo=None)):
            return instant
        end_day = local.date()
        if local.time() >= self.quiet.end:  # before midnight: quiet ends tomorrow morning
            end_day += timedelta(days=1)
        return local_instant(end_day, self.quiet.end, zone)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of wall-clock ``at`` on ``day`` in ``zone``, DST-safe (see module doc)."""
    # fold=0: in the autumn repeat the first occurrence. A time in the spring gap is read with
    # the offset from before the change, which lands one gap later: the rule we want.
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def zone_or(name: str | None, default: ZoneInfo) -> ZoneInfo:
    """A recipient's Slack zone (``users.info`` ``tz``) if it is a real zone, else ``default``."""
    if not name:
        return default
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return default


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> holidays.HolidayBase:
    return holidays.country_holidays(country, years=year)


def due_window(policy: ReminderPolicy, since: datetime, until: datetime) -> tuple[date, date]:
    """The due dates whose reminders can be sent between ``since`` and ``until`` (inclusive).

    Widened by a day each side for zones other than the programme's and by the holiday shift,
    so the planner's query is an index range on ``milestone.due`` and never a scan.
    """
    zone = policy.tz
    first = since.astimezone(zone).date() - timedelta(days=1)
    last = until.astimezone(zone).date() + timedelta(days=1)
    return (
        first + timedelta(days=min(policy.offsets, default=0)),
        last + timedelta(days=max(policy.offsets, default=0) + MAX_SHIFT_DAYS),
    )


def sends_between(
    policy: ReminderPolicy,
    due: date,
    since: datetime,
    until: datetime,
    recipient_zone: str | None = None,
) -> Iterable[tuple[int, datetime]]:
    """(offset, send instant) of a milestone's reminders that fall in ``[since, until]``."""
    for offset in policy.offsets:
        at = policy.send_at(due, offset, recipient_zone)
        if since <= at <= until:
            yield offset, at
