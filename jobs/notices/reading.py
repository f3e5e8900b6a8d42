"""What building notices reads: a batch's rows in few queries, and whom they are for.

The sender builds a claimed batch's notices in one session: :func:`preload` reads their
milestones and the recipients' locales up front (two queries, not several per row), and a
round's progress is computed once per session however many of its asks are in the batch.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.language import preferred_language
from data import rounds
from data.models import Milestone, Person, Reminder, ReportingRound
from jobs.notices import Gone

# session.info keys: preloaded locales, the preloaded rows kept alive, rounds' progress
_LOCALES, _PRELOADED, _ROUNDS = "seuranta.locales", "seuranta.preloaded", "seuranta.rounds"


def language(session: Session, person: str, default: str) -> str:
    """The language a notice is written in for ``person``: their stored locale, else the default
    (:func:`bot.language.preferred_language`, which a notice asks without words of its own)."""
    preloaded = session.info.get(_LOCALES, {})
    if person in preloaded:
        locale = preloaded[person]
    else:
        locale = session.scalar(select(Person.locale).where(Person.person_key == person))
    return preferred_language("", locale, None, default)


def preload(session: Session, rows: list[Reminder]) -> None:
    """Read what building a batch needs in two queries, not several per row.

    Milestones with their measures land in the session's identity map, where building's
    ``session.get`` finds them; locales are kept in ``session.info`` for :func:`language`.
    """
    milestone_ids = [r.milestone_id for r in rows if r.milestone_id is not None]
    # The identity map holds objects weakly: keep them referenced for the session's life.
    session.info[_PRELOADED] = session.scalars(
        select(Milestone)
        .options(joinedload(Milestone.measure))
        .where(Milestone.id.in_(milestone_ids))
    ).all()
    users = {r.recipient for r in rows}
    locales: dict[str, str | None] = dict.fromkeys(users)
    for user, locale in session.execute(
        select(Person.person_key, Person.locale).where(Person.person_key.in_(users))
    ):
        locales[user] = locale
    session.info[_LOCALES] = locales


def live_milestone(session: Session, row: Reminder) -> Milestone:
    """The row's milestone, still due on the day the row was planned for."""
    milestone = session.get(Milestone, row.milestone_id)
    if milestone is None or milestone.removed_at is not None or milestone.due != row.due:
        raise Gone(f"reminder {row.id}: milestone {row.milestone_id} removed or moved")
    return milestone


def round_progress(session: Session, row: Reminder) -> rounds.RoundProgress:
    """The progress of the row's round, computed once per session (a batch of a round's asks
    and their skip checks would otherwise each read it again)."""
    cache: dict[int, rounds.RoundProgress] = session.info.setdefault(_ROUNDS, {})
    found = cache.get(row.round_id) if row.round_id is not None else None
    if found is None:
        round_ = session.get(ReportingRound, row.round_id)
        if round_ is None:
            raise Gone(f"reminder {row.id}: round {row.round_id} does not exist")
        found = cache[round_.id] = rounds.progress(session, round_)
    return found
