"""``status 2.7 at-risk "note"``: a status report from anywhere, under the same rule as the
reminders' buttons (:mod:`bot.commands.record`)."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.parse import ReportStatus
from bot.commands.record import Recorded, record_status
from bot.commands.results import say
from bot.document import Document, Label, Target, phrase
from data import queries
from seuranta.text import TooLong, bounded


def report_status(command: ReportStatus, ctx: CommandContext) -> Document:
    with ctx.factory() as session:
        version = queries.current_programme_version(session)
        measure = (
            queries.measure_with_owners(session, version[0], command.number) if version else None
        )
        measure_id = measure.id if measure is not None else None
    if measure_id is None:
        return say(phrase("nosuch.title", requested=command.number))
    try:
        note = bounded(command.note)
    except TooLong as error:
        return say(phrase("status.too_long", length=error.length, limit=error.limit))
    outcome = record_status(
        ctx.factory,
        target=Target(measure_id),
        person=ctx.person,
        state=command.state,
        note=note,
        source="command",
        admins=ctx.settings.admins,
        now=ctx.now,
    )
    if not isinstance(outcome, Recorded):
        return say(phrase("status.refused", number=command.number))
    state = Label("state", outcome.state.value)
    return say(phrase("status.saved", number=outcome.number, state=state))
