"""Deciding what is due: planning the outbox and folding stale rows (no chat platform I/O).

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

import dataclasses
import itertools
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from data import directory, outbox, reminders
from data.db import transaction
from data.models import OutboxKind, Reminder, ReminderStatus
from data.reminders import PlannedRow
from jobs import digest, rounds
from jobs.notices.kinds import KINDS, STALE_KINDS
from jobs.policy import ReminderPolicy, due_window, sends_between
from seuranta.identity import Platform, platform_of

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
    rows: list[PlannedRow] = []
    # Organisations without a contact: one request per organisation and send day, listing its
    # milestones, rather than one coordinator-channel message per milestone.
    requests: dict[tuple[str, datetime], PlannedRow] = {}
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
                    PlannedRow(
                        kind=OutboxKind.NO_CONTACT,
                        key=KINDS[OutboxKind.NO_CONTACT].key(
                            organisation=target.organisation_key, at=at
                        ),
                        recipient=f"org:{target.organisation_key}",
                        organisation_id=target.organisation_id,
                        channel=coordinator_channel,
                        send_at=at,
                        created_at=now,
                        detail={"milestones": []},
                    ),
                )
                request.detail["milestones"].append(target.milestone_id)
                continue
            rows.append(
                PlannedRow(
                    kind=OutboxKind.DEADLINE,
                    key=KINDS[OutboxKind.DEADLINE].key(
                        milestone=target.milestone_id,
                        due=target.due,
                        offset=offset,
                        person=target.user,
                    ),
                    milestone_id=target.milestone_id,
                    due=target.due,
                    offset_days=offset,
                    recipient=target.user,
                    measure_id=target.measure_id,
                    organisation_id=target.organisation_id,
                    channel=target.user,
                    tz=target.tz,
                    send_at=at,
                    created_at=now,
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
    if coordinator_channel:
        rows += not_installed(session, rows, now, coordinator_channel)
    cancelled = reminders.cancel_outdated(session)
    if policy.bundle:
        rows = bundle(session, rows, now)
    added = reminders.insert_planned(session, rows)
    reminders.advance_watermark(session, WATERMARK, now)
    return PlanResult(since, until, len(targets), added, cancelled, unreachable)


def not_installed(
    session: Session, rows: list[PlannedRow], now: datetime, coordinator_channel: str
) -> list[PlannedRow]:
    """The coordinators are told once per Teams person who has messages coming and cannot be
    messaged yet (no stored conversation: they have not installed the app). Their rows stay
    planned and wait (:class:`jobs.port.NotReachableYet`); the notice goes with the first."""
    first: dict[str, datetime] = {}
    for row in rows:
        if row.channel == row.recipient and platform_of(row.recipient) is Platform.TEAMS:
            first[row.recipient] = min(row.send_at, first.get(row.recipient, row.send_at))
    waiting = set(first) - directory.reachable(session, first)
    kind = KINDS[OutboxKind.NOT_INSTALLED]
    return [
        PlannedRow(
            kind=OutboxKind.NOT_INSTALLED,
            key=kind.key(person=person),
            recipient=person,
            channel=coordinator_channel,
            send_at=first[person],
            created_at=now,
        )
        for person in sorted(waiting)
    ]


def bundle(session: Session, rows: list[PlannedRow], now: datetime) -> list[PlannedRow]:
    """Fold a person's new deadline rows due at one instant into one "bundle" row.

    Done before the rows are inserted, so it costs one INSERT of the bundles and one indexed
    lookup of their ids, however many people there are. The member rows are still inserted
    (folded), so their unique keys keep stopping them being planned again; the bundle lists
    them when it is sent. A bundle that already went out (only possible for rows added after
    their time was first planned) leaves the new rows to go on their own.
    """
    groups: dict[tuple[str, datetime], list[PlannedRow]] = defaultdict(list)
    for row in rows:
        if row.kind == OutboxKind.DEADLINE:
            groups[(row.recipient, row.send_at)].append(row)
    bundles = {
        group: PlannedRow(
            kind=OutboxKind.BUNDLE,
            key=KINDS[OutboxKind.BUNDLE].key(person=group[0], at=group[1]),
            recipient=group[0],
            channel=members[0].channel,
            tz=members[0].tz,
            send_at=group[1],
            created_at=now,
        )
        for group, members in groups.items()
        if len(members) > 1
    }
    reminders.insert_planned(session, list(bundles.values()))
    planned = reminders.planned_ids(session, [b.key for b in bundles.values()])
    folded = []
    for row in rows:
        found = (
            bundles.get((row.recipient, row.send_at)) if row.kind == OutboxKind.DEADLINE else None
        )
        if found is not None and found.key in planned:
            row = dataclasses.replace(
                row, status=ReminderStatus.FOLDED, folded_into=planned[found.key]
            )
        folded.append(row)
    return folded


def fold_stale(factory: sessionmaker[Session], policy: ReminderPolicy, now: datetime) -> list[int]:
    """Fold each recipient's stale rows into one new "missed" row; returns the new rows' ids.

    One transaction per recipient: if another worker folded the same rows first, this one's
    CAS moves nothing and its empty "missed" row is rolled back with it.
    """
    with factory() as session:
        stale = outbox.stale_rows(session, now, policy.fresh_for, STALE_KINDS)
    created = []
    for (recipient, channel), group in itertools.groupby(
        stale, key=lambda r: (r.recipient, r.channel)
    ):
        rows = list(group)
        with factory() as session, session.begin():
            missed = Reminder(
                kind=OutboxKind.MISSED,
                key=KINDS[OutboxKind.MISSED].key(person=recipient, at=now, first=rows[0].id),
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
            if outbox.fold(session, [r.id for r in rows], missed.id) == 0:
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
