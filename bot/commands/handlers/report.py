"""``report [fi|sv|en]``: the follow-up table (xlsx) and the status chart (PNG), as files.

Making them takes about a second, so the handler only says which language they are wanted in
(:class:`~bot.commands.results.ReportFiles`); the adapter tells the person they are on the way,
makes them with :func:`report_files` and sends them as its platform sends files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.commands.context import CommandContext
from bot.commands.parse import Report
from bot.commands.results import ReportFiles
from data.queries import current_programme
from reports.charts import status_chart
from reports.export import follow_up_export
from reports.summary import programme_summary
from seuranta.i18n import message
from seuranta.settings import Settings


@dataclass(frozen=True, slots=True)
class ReportFile:
    filename: str
    title: str
    content: bytes


def report(command: Report, ctx: CommandContext) -> ReportFiles:
    return ReportFiles(command.lang or ctx.lang)


def report_files(
    factory: sessionmaker[Session], settings: Settings, now: datetime, lang: str
) -> list[ReportFile]:
    """The table and the chart as of today; none when no programme has been imported."""
    today = now.astimezone(settings.zone).date()
    with factory() as session:
        programme = current_programme(session)
        if programme is None:
            return []
        table = follow_up_export(
            session,
            programme,
            "xlsx",
            lang=lang,
            today=today,
            zone=settings.zone,
            # The file lands in a channel: as public as the status page.
            hide_notes=settings.hide_status_notes,
        )
        chart = status_chart(programme_summary(session, programme, today), lang, "png")
    stamp = today.isoformat()
    return [
        ReportFile(f"seuranta-{stamp}.xlsx", message("command.report.table", lang), table),
        ReportFile(f"seuranta-status-{stamp}.png", message("command.report.chart", lang), chart),
    ]
