"""``/seuranta round …``: start a reporting round, see how it goes, close it (replies in mrkdwn).

Starting is for admins: it writes the round and its first messages (one per contact, plus one
to the coordinator channel naming lead organisations without a contact) into the outbox in one
transaction; the worker sends them on its next tick and nudges from then on.
"""

from __future__ import annotations

from collections import Counter

from bot.slack.mrkdwn import escape
from bot.slack.services import Services
from bot.slack.subcommands import RoundCommand, StartRound
from data import queries, reminders, rounds
from data.db import transaction
from data.rounds import RoundProgress
from jobs import messages
from jobs import rounds as jobs_rounds
from reports.summary import STATUS_KEYS
from seuranta.errors import InputError
from seuranta.i18n import format_date, message, state_label


def round_reply(
    services: Services, user_id: str, command: StartRound | RoundCommand, lang: str
) -> str:
    if isinstance(command, StartRound):
        if not services.is_admin(user_id):
            return message("command.admins_only", lang)
        return _start(services, user_id, command, lang)
    if command.action == "close" and not services.is_admin(user_id):
        return message("command.admins_only", lang)
    with transaction(services.factory) as session:
        if command.action == "list":
            listed = [rounds.progress(session, r) for r in rounds.all_rounds(session)]
            return _listing(listed, lang)
        found = rounds.find(session, command.round_id)
        if found is None:
            return message(
                "round.unknown" if command.round_id else "round.none", lang, id=command.round_id
            )
        if command.action == "close":
            closed = rounds.close(session, found.id, services.now())
            return message("round.closed" if closed else "round.already_closed", lang, id=found.id)
        return report(rounds.progress(session, found), lang)


def _start(services: Services, user_id: str, command: StartRound, lang: str) -> str:
    now = services.now()
    settings = services.settings
    with transaction(services.factory) as session:
        version = queries.current_programme_version(session)
        if version is None:
            return message("help.no_programme", lang)
        try:
            started = rounds.start(
                session,
                programme_id=version[0],
                due=command.due,
                pattern=command.pattern,
                started_by=user_id,
                now=now,
                today=now.astimezone(settings.zone).date(),
            )
        except InputError as error:
            return message("round.invalid", lang, reason=escape(str(error)))
        progress = rounds.progress(session, started)
        asks = jobs_rounds.ask_rows(session, progress, now, settings.coordinator_channel)
        reminders.insert_planned(session, asks)
    lines = [
        message(
            "round.started",
            lang,
            id=progress.id,
            measures=len(progress.items),
            people=len(progress.people()),
            due=format_date(progress.due, lang),
            nudge=settings.round_nudge_days,
        )
    ]
    orphaned = progress.without_contact()
    if orphaned:
        lines.append(
            message(
                "round.started_orphans",
                lang,
                orgs=", ".join(messages.org_label(k, lang) for k in orphaned),
            )
        )
    return "\n".join(lines)


def report(progress: RoundProgress, lang: str) -> str:
    """The round in a few lines: the response rate, the answers by state, who is missing."""
    lines = [_headline(progress, lang, "round.report")]
    states = Counter(str(i.answer.state) for i in progress.answered if i.answer)
    if states:
        counted = ", ".join(
            f"{state_label(key, lang)} {states[key]}" for key in STATUS_KEYS if states[key]
        )
        lines.append(f"{message('round.report_states', lang)}: {counted}")
    if progress.missing:
        lines.append(f"*{message('round.report_missing', lang)}*")
        lines += messages.missing_lines(progress, lang)
    return "\n".join(lines)


def _listing(listed: list[RoundProgress], lang: str) -> str:
    if not listed:
        return message("round.none", lang)
    return "\n".join(_headline(p, lang, "round.list_line") for p in reversed(listed))


def _headline(progress: RoundProgress, lang: str, key: str) -> str:
    return message(
        key,
        lang,
        id=progress.id,
        pattern=escape(progress.pattern),
        due=format_date(progress.due, lang),
        state=message("round.closed_state" if progress.closed_at else "round.open", lang),
        answered=len(progress.answered),
        total=len(progress.items),
        percent=progress.percent,
    )
