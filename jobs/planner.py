"""Deciding what is due: planning the outbox and folding stale rows (no Slack I/O).

Each tick plans deadline reminders, reporting rounds' asks, nudges and missing lists
(:mod:`jobs.rounds`) and the weekly digest (:mod:`jobs.digest`), bundling a person's reminders
due at one instant into one message, all inserted with conflict-ignore in one transaction.

Planning covers send instants from the last tick (the ``planned_through`` watermark) to a little
ahead of now. After downtime the watermark is old, so the missed interval is planned too (up to
``policy.backfill``); the rows that are by then stale are folded by :func:`fold_stale` into one
"you missed these" message per recipient instead of a flood. A fresh database has no watermark
and plans only from ``now - fresh_for``: nothing is "missed" before the system existed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from data import reminders
from data.db import transaction
from data.models import Reminder, ReminderStatus
from jobs import digest, rounds
from jobs.policy import ReminderPolicy, due_window, sends_between

WATERMARK = "planned_through"


@dataclass(frozen=True, slots=True)
class PlanResult:
    since: datetime
    until: datetime
    considered: int  # (milestone, recipient) pairs in the window
    added: int  # new rows; 0 when the window was planned before
    cancelled: int
    unreachable: int  # organisations with no contact and no coordinator channel to ask


def planning_since(session: Session, policy: ReminderPolicy, now: datetime) -> datetime:
    last = reminders.watermark(session, WATERMARK)
    if last is None or last > now:  # first run, or travelling back in time with --as-of
        return now - policy.fresh_for
    return max(last, now - policy.backfill)


def plan(
    session: Session,
    policy: ReminderPolicy,
    now: datetime,
    coordinator_channel: str | None,
) -> PlanResult:
    since = planning_since(session, policy, now)
    until = now + policy.lookahead
    first_due, last_due = due_window(policy, since, until)
    rows: list[dict[str, Any]] = []
    # Organisations without a contact: one request per organisation and send day, listing its
    # milestones, rather than one coordinator-channel message per milestone.
    requests: dict[tuple[str, datetime], dict[str, Any]] = {}
    targets = reminders.deadline_targets(session, first_due, last_due)
    unreachable = 0
    for target in targets:
        if target.user is None and not coordinator_channel:
            unreachable += 1
            continue
        for offset, at in sends_between(policy, target.due, since, until, target.tz):
            if target.user is None:
                assert coordinator_channel is not None
                request = requests.setdefault(
                    (target.organisation_key, at),
                    reminders.planned_row(
                        now,
                        kind="no_contact",
                        key=f"no_contact:{target.organisation_key}:{at.isoformat()}",
                        recipient=f"org:{target.organisation_key}",
                        organisation_id=target.organisation_id,
                        channel=coordinator_channel,
                        send_at=at,
                        detail={"milestones": []},
                    ),
                )
                request["detail"]["milestones"].append(target.milestone_id)
                continue
            rows.append(
                reminders.planned_row(
                    now,
                    kind="deadline",
                    key=f"deadline:{target.milestone_id}:{target.due}:{offset}:{target.user}",
                    milestone_id=target.milestone_id,
                    due=target.due,
                    offset_days=offset,
                    recipient=target.user,
                    measure_id=target.measure_id,
                    organisation_id=target.organisation_id,
                    channel=target.user,
                    tz=target.tz,
                    send_at=at,
                )
            )
    rows.extend(requests.values())
    rows += rounds.plan(
        session,
        policy,
        now,
        since,
        until,
        coordinator_channel=coordinator_channel,
        nudge_every=policy.nudge_every,
    )
    rows += digest.plan(policy, now, since, until, coordinator_channel)
    cancelled = reminders.cancel_outdated(session)
    if policy.bundle:
        rows = reminders.bundle(session, rows, now)
    added = reminders.insert_planned(session, rows)
    reminders.advance_watermark(session, WATERMARK, now)
    return PlanResult(since, until, len(targets), added, cancelled, unreachable)


def fold_stale(factory: sessionmaker[Session], policy: ReminderPolicy, now: datetime) -> list[int]:
    """Fold each recipient's stale rows into one new "missed" row; returns the new rows' ids.

    One transaction per recipient: if another worker folded the same rows first, this one's
    CAS moves nothing and its empty "missed" row is rolled back with it.
    """
    with factory() as session:
        stale = reminders.stale_rows(session, now, policy.fresh_for)
    created = []
    for (recipient, channel), group in itertools.groupby(
        stale, key=lambda r: (r.recipient, r.channel)
    ):
        rows = list(group)
        with factory() as session, session.begin():
            missed = Reminder(
                kind="missed",
                key=f"missed:{recipient}:{now.isoformat()}:{rows[0].id}",
                recipient=recipient,
                channel=channel,
                tz=rows[0].tz,
                send_at=now,
                status=ReminderStatus.PLANNED,
                attempts=0,
                detail={},
                created_at=now,
            )
            session.add(missed)
            session.flush()
            if reminders.fold(session, [r.id for r in rows], missed.id) == 0:
                session.rollback()
                continue
            created.append(missed.id)
    return created


def plan_tick(
    factory: sessionmaker[Session],
    policy: ReminderPolicy,
    now: datetime,
    coordinator_channel: str | None,
) -> PlanResult:
    with transaction(factory) as session:
        return plan(session, policy, now, coordinator_channel)
