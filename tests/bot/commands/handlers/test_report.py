"""``report``: which language the files are wanted in, and the files themselves."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.report import report, report_files
from bot.commands.parse import Report
from bot.commands.results import ReportFiles
from seuranta.settings import Settings
from tests.support.people import SM_CONTACT, Context
from tests.support.programme import NOW


def test_the_report_is_in_the_language_asked_for_else_the_persons(context: Context) -> None:
    assert report(Report("sv"), context(SM_CONTACT, lang="fi")) == ReportFiles("sv")
    assert report(Report(None), context(SM_CONTACT, lang="fi")) == ReportFiles("fi")


def test_the_files_are_the_table_and_the_chart_of_today(
    context: Context, factory: sessionmaker[Session], settings: Settings
) -> None:
    context(SM_CONTACT)  # the programme is imported

    table, chart = report_files(factory, settings, NOW, "en")

    assert (table.filename, table.title) == ("seuranta-2018-12-17.xlsx", "Follow-up table")
    assert table.content.startswith(b"PK")  # a zip: xlsx
    assert (chart.filename, chart.title) == ("seuranta-status-2018-12-17.png", "Status by theme")
    assert chart.content.startswith(b"\x89PNG\r\n\x1a\n")


def test_without_a_programme_there_are_no_files(
    factory: sessionmaker[Session], settings: Settings
) -> None:
    assert report_files(factory, settings, NOW, "en") == []
