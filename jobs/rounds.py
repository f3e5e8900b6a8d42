"""A reporting round's messages: the first ask, the nudges, and the missing list (no chat I/O).

The first ask goes out when the round starts (one message per person, listing all their
measures), and on the next tick to a contact named later, until the due day. Nudges follow
every ``round_nudge_days`` days until the due day, planned by the tick like deadline reminders,
so a restart neither loses nor repeats them; whether an ask or nudge is still needed is decided
again when it is sent. The first working day after the due date, the coordinator channel gets
who is still missing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from data import reminders, rounds
from data.models import OutboxKind
from data.reminders import PlannedRow
from data.rounds import RoundProgress
from jobs.notices.kinds import KINDS
from jobs.policy import ReminderPolicy, local_instant, zone_or


def ask_rows(
    session: Session, progress: RoundProgress, now: datetime, coordinator_channel: str | None
) -> list[PlannedRow]:
    """One "please report" message per contact, and one request to name missing contacts."""
    people = progress.people()
    zones = reminders.zones(session, list(people))
    rows = [
        PlannedRow(
            kind=OutboxKind.ROUND_ASK,
            key=KINDS[OutboxKind.ROUND_ASK].key(round=progress.id, person=user),
            round_id=progress.id,
            recipient=user,
            channel=user,
            tz=zones.get(user),
            send_at=now,
            created_at=now,
        )
        for user in people
    ]
    if progress.without_contact() and coordinator_channel:
        rows.append(
            _to_coordinators(
                now, OutboxKind.ROUND_NO_CONTACT, progress.id, coordinator_channel, now
            )
        )
    return rows


def _to_coordinators(
    now: datetime, kind: OutboxKind, round_id: int, channel: str, at: datetime
) -> PlannedRow:
    """A round's one message of this kind to the coordinator channel (the key says so)."""
    return PlannedRow(
        kind=kind,
        key=KINDS[kind].key(round=round_id),
        round_id=round_id,
        recipient=f"round:{round_id}",
        channel=channel,
        send_at=at,
        created_at=now,
    )


def nudge_dates(policy: ReminderPolicy, started: date, due: date, every: int) -> list[date]:
    """Every ``every`` days after the start up to the due day, each moved to a working day."""
    if every <= 0:
        return []
    dates = []
    day = started + timedelta(days=every)
    while day <= due:
        shifted = policy.previous_working_day(day)
        if shifted > started and shifted not in dates:
            dates.append(shifted)
        day += timedelta(days=every)
    return dates


def missing_date(policy: ReminderPolicy, due: date) -> date:
    return policy.next_working_day(due + timedelta(days=1))


def plan(
    session: Session,
    policy: ReminderPolicy,
    now: datetime,
    since: datetime,
    until: datetime,
    *,
    coordinator_channel: str | None,
    nudge_every: int,
) -> list[PlannedRow]:
    """Open rounds' first asks to contacts named since the start, and the nudges and missing
    lists whose send instant is in [since, until]."""
    rows: list[PlannedRow] = []
    today = now.astimezone(policy.tz).date()
    for found in rounds.open_rounds(session):
        started = found.started_at.astimezone(policy.tz).date()
        progress: RoundProgress | None = None
        if today <= found.due:
            # Keyed per round and person: only someone not asked yet gets a row.
            progress = rounds.progress(session, found)
            rows += ask_rows(session, progress, now, None)
        for day in nudge_dates(policy, started, found.due, nudge_every):
            if not _maybe_in(policy, day, since, until):
                continue
            progress = progress or rounds.progress(session, found)
            owing = progress.owing()
            zones = reminders.zones(session, list(owing))
            for user in owing:
                zone = zone_or(zones.get(user), policy.tz)
                at = policy.outside_quiet(local_instant(day, policy.send_time, zone), zone)
                if since <= at <= until:
                    rows.append(
                        PlannedRow(
                            kind=OutboxKind.NUDGE,
                            key=KINDS[OutboxKind.NUDGE].key(round=found.id, day=day, person=user),
                            round_id=found.id,
                            recipient=user,
                            channel=user,
                            tz=zones.get(user),
                            send_at=at,
                            created_at=now,
                        )
                    )
        at = local_instant(missing_date(policy, found.due), policy.send_time, policy.tz)
        if coordinator_channel and since <= at <= until:
            rows.append(
                _to_coordinators(now, OutboxKind.ROUND_MISSING, found.id, coordinator_channel, at)
            )
    return rows


def _maybe_in(policy: ReminderPolicy, day: date, since: datetime, until: datetime) -> bool:
    """Cheap pre-check before loading the round: a day ± one for recipients' own zones."""
    first = since.astimezone(policy.tz).date() - timedelta(days=1)
    last = until.astimezone(policy.tz).date() + timedelta(days=1)
    return first <= day <= last
