"""One tick: plan what is due, fold what went stale, send what is planned.

``seuranta remind`` runs one tick and exits; ``seuranta worker`` runs ticks on a timer. A dry run
plans inside a transaction that is rolled back, so it shows exactly what a real tick would
send now, to whom and why, and leaves no trace.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from data import directory, outbox
from data.models import Measure, Milestone, Organisation, OutboxKind, Reminder
from jobs import planner
from jobs.notices.kinds import KINDS, STALE_KINDS, Audience, skip_reason
from jobs.policy import ReminderPolicy, zone_or
from jobs.port import MessagePort
from jobs.sender import Clock, Sender, SendOptions, SendReport
from seuranta.i18n import format_date, message
from seuranta.identity import Platform
from seuranta.settings import Settings


@dataclass
class TickReport:
    plan: planner.PlanResult
    folded_into: list[int] = field(default_factory=list)
    sent: SendReport | None = None
    would_send: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        p = self.plan
        out = [
            f"Planned {p.added} new reminder(s) for {p.considered} milestone recipient(s); "
            f"cancelled {p.cancelled}; {p.unreachable} without contact or coordinator channel."
        ]
        if self.folded_into:
            out.append(f"Folded stale reminders into {len(self.folded_into)} 'missed' message(s).")
        if self.sent is not None:
            s = self.sent
            out.append(
                f"Sent {len(s.sent)}, failed {len(s.failed)}, skipped {len(s.skipped)}, "
                f"deferred {len(s.deferred)}, rate limited {s.rate_limited} time(s)."
            )
            out += [f"  failed #{i}: {why}" for i, why in sorted(s.failed.items())]
        return out


def run_tick(
    factory: sessionmaker[Session],
    settings: Settings,
    ports: Mapping[Platform, MessagePort],
    *,
    clock: Clock,
    worker: str,
    options: SendOptions | None = None,
    stop: threading.Event | None = None,
) -> TickReport:
    policy = ReminderPolicy.from_settings(settings)
    now = clock()
    result = planner.plan_tick(factory, policy, now, settings.coordinator_channel)
    report = TickReport(result, planner.fold_stale(factory, policy, now))
    sender = Sender(
        factory,
        ports,
        worker=worker,
        clock=clock,
        policy=policy,
        default_lang=settings.language,
        options=options or SendOptions(concurrency=settings.send_concurrency),
        stop=stop,
    )
    report.sent = sender.run()
    return report


def dry_run(factory: sessionmaker[Session], settings: Settings, now: datetime) -> TickReport:
    policy = ReminderPolicy.from_settings(settings)
    with factory() as session:
        result = planner.plan(session, policy, now, settings.coordinator_channel)
        report = TickReport(result)
        today = now.astimezone(policy.tz).date()
        paused = directory.paused_users(session, today)
        for row in outbox.stale_rows(session, now, policy.fresh_for, STALE_KINDS):
            report.would_send.append(
                f"fold into 'you missed these' → {row.recipient}: {_what(session, row)}"
            )
        for row in outbox.due_rows(session, now):
            local = row.send_at.astimezone(zone_or(row.tz, policy.tz))
            reason = skip_reason(session, row, now)
            if row.recipient in paused:
                verdict = f"skip (paused until {paused[row.recipient].isoformat()})"
            elif reason is not None:
                verdict = f"skip ({reason})"
            else:
                verdict = "send"
            head = f"{verdict} {local:%Y-%m-%d %H:%M %Z} → {_whom(row)}"
            if KINDS[row.kind].lists_folded:  # one message; each milestone on its own line
                members = outbox.folded_under(session, row.id)
                head += f" [one message of {len(members)}]"
            else:
                members = [row]
            report.would_send += [
                f"{head}: {_what(session, member)} — {_why(session, member)}" for member in members
            ]
        session.rollback()  # a dry run leaves no rows and does not move the watermark
    return report


def _whom(row: Reminder) -> str:
    if KINDS[row.kind].audience is Audience.COORDINATORS:
        return f"{row.channel} (coordinators)"
    return f"{row.recipient} (DM)" if row.channel == row.recipient else row.channel


def _what(session: Session, row: Reminder) -> str:
    """The milestone a reminder is about; for any other row, what the kind is called."""
    milestone = session.get(Milestone, row.milestone_id) if row.milestone_id else None
    if milestone is not None and milestone.due is not None:
        measure: Measure = milestone.measure
        return f"{measure.number} “{milestone.text}” due {format_date(milestone.due, 'fi')}"
    label = message(KINDS[row.kind].label_key, "en")
    if row.round_id is not None:
        return f"{label} #{row.round_id}"
    if row.kind == OutboxKind.NO_CONTACT:
        organisation = row.recipient.removeprefix("org:")
        return f"{label}: {len(row.detail.get('milestones', []))} milestone(s) of {organisation}"
    return label


def _why(session: Session, row: Reminder) -> str:
    if row.kind == OutboxKind.DIGEST:
        return "digest day"
    if row.round_id is not None:
        return "the round's schedule"
    if row.kind == OutboxKind.NOT_INSTALLED:
        return f"{row.recipient} has not installed the Teams app: their messages wait"
    organisation = session.get(Organisation, row.organisation_id) if row.organisation_id else None
    org = organisation.key if organisation else "?"
    if row.kind == OutboxKind.NO_CONTACT:
        return f"{org} leads them but has no contact: asking the coordinators to name one"
    return f"{row.offset_days}-day reminder; contact of {org} (lead)"
