"""``round …``: start a reporting round, see how it goes, close it; ``rounds`` lists them.

Starting is for admins: it writes the round and its first messages (one per contact, plus one
to the coordinator channel naming lead organisations without a contact) into the outbox in one
transaction; the worker sends them on its next tick and nudges from then on.
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy.orm import Session

from bot.commands.context import CommandContext
from bot.commands.parse import CloseRound, ListRounds, RoundReport, StartRound
from bot.commands.results import say
from bot.document import Document, Heading, Label, Lines, Phrase, phrase
from data import queries, reminders, rounds
from data.db import transaction
from data.models import ReportingRound
from data.rounds import RoundProgress
from jobs import rounds as jobs_rounds
from jobs.notices.rounds import missing_answers, org_label
from reports.summary import STATUS_KEYS
from seuranta.errors import InputError


def start_round(command: StartRound, ctx: CommandContext) -> Document:
    if not ctx.is_admin:
        return say(phrase("command.admins_only"))
    settings = ctx.settings
    with transaction(ctx.factory) as session:
        version = queries.current_programme_version(session)
        if version is None:
            return say(phrase("help.no_programme"))
        try:
            started = rounds.start(
                session,
                programme_id=version[0],
                due=command.due,
                pattern=command.pattern,
                started_by=ctx.person,
                now=ctx.now,
                today=ctx.today,
            )
        except InputError as error:
            return say(phrase("round.invalid", reason=str(error)))
        progress = rounds.progress(session, started)
        asks = jobs_rounds.ask_rows(session, progress, ctx.now, settings.coordinator_channel)
        reminders.insert_planned(session, asks)
    lines = [
        phrase(
            "round.started",
            id=progress.id,
            measures=len(progress.items),
            people=len(progress.people()),
            due=progress.due,
            nudge=settings.round_nudge_days,
        )
    ]
    orphaned = progress.without_contact()
    if orphaned:
        orgs = tuple(org_label(key) for key in orphaned)
        lines.append(phrase("round.started_orphans", orgs=orgs))
    return say(*lines)


def round_report(command: RoundReport, ctx: CommandContext) -> Document:
    with ctx.factory() as session:
        found = _find(session, command.round_id)
        if not isinstance(found, ReportingRound):
            return found
        return progress_report(rounds.progress(session, found))


def progress_report(progress: RoundProgress) -> Document:
    """The round in a few lines: the response rate, the answers by state, who is missing."""
    headline = _headline(progress, "round.report")
    blocks: list[Heading | Lines] = [Lines((headline,))]
    states = Counter(str(i.answer.state) for i in progress.answered if i.answer)
    if states:
        counted = tuple(
            phrase("command.round.state_count", state=Label("state", key), count=states[key])
            for key in STATUS_KEYS
            if states[key]
        )
        blocks.append(Lines((phrase("round.report_states", counts=counted),)))
    if progress.missing:
        blocks.append(Heading(phrase("round.report_missing")))
        blocks.append(Lines(tuple(m.phrase() for m in missing_answers(progress)), bulleted=True))
    return Document(headline, tuple(blocks))


def close_round(command: CloseRound, ctx: CommandContext) -> Document:
    if not ctx.is_admin:
        return say(phrase("command.admins_only"))
    with transaction(ctx.factory) as session:
        found = _find(session, command.round_id)
        if not isinstance(found, ReportingRound):
            return found
        closed = rounds.close(session, found.id, ctx.now)
    return say(phrase("round.closed" if closed else "round.already_closed", id=found.id))


def list_rounds(command: ListRounds, ctx: CommandContext) -> Document:
    with ctx.factory() as session:
        listed = [rounds.progress(session, r) for r in rounds.all_rounds(session)]
    if not listed:
        return say(phrase("round.none"))
    return say(*(_headline(p, "round.list_line") for p in reversed(listed)))


def _find(session: Session, round_id: int | None) -> ReportingRound | Document:
    found = rounds.find(session, round_id)
    if found is not None:
        return found
    if not round_id:
        return say(phrase("round.none"))
    return say(phrase("round.unknown", id=round_id))


def _headline(progress: RoundProgress, key: str) -> Phrase:
    return phrase(
        key,
        id=progress.id,
        pattern=progress.pattern,
        due=progress.due,
        state=phrase("round.closed_state" if progress.closed_at else "round.open"),
        answered=len(progress.answered),
        total=len(progress.items),
        percent=progress.percent,
    )
