"""When the weekly digest goes out: once per ISO week, at the configured local day and time.

A digest day that is a public holiday moves to the next working day (nobody reads it on
Easter Monday). The row's key is the week, so however many ticks or workers plan it, the week
has one digest; after downtime only the newest missed digest is planned, since its numbers are
current when it is sent anyway.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from data.models import OutboxKind
from data.reminders import PlannedRow
from jobs.notices.kinds import KINDS
from jobs.policy import ReminderPolicy, local_instant


def digest_day(policy: ReminderPolicy, weekday: int, any_day: date) -> date:
    """The digest day of the ISO week holding ``any_day``."""
    monday = any_day - timedelta(days=any_day.weekday())
    return policy.next_working_day(monday + timedelta(days=weekday))


def plan(
    policy: ReminderPolicy,
    now: datetime,
    since: datetime,
    until: datetime,
    coordinator_channel: str | None,
) -> list[PlannedRow]:
    weekday = policy.digest_weekday
    if not coordinator_channel or weekday is None:
        return []
    last_week = until.astimezone(policy.tz).date() - timedelta(days=7)
    candidates = [
        digest_day(policy, weekday, last_week),
        digest_day(policy, weekday, last_week + timedelta(7)),
    ]
    due = [
        (day, at)
        for day in candidates
        if since <= (at := local_instant(day, policy.digest_time, policy.tz)) <= until
    ]
    if not due:
        return []
    day, at = due[-1]
    year, week, _ = day.isocalendar()
    return [
        PlannedRow(
            kind=OutboxKind.DIGEST,
            key=KINDS[OutboxKind.DIGEST].key(year=year, week=week),
            recipient="coordinators",
            channel=coordinator_channel,
            send_at=at,
            created_at=now,
        )
    ]
