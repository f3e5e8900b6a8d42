"""`seuranta export --format xlsx|csv|html`: the follow-up table in the asked format, as bytes."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.i18n import format_date, message
from data.models import Programme
from reports.snapshot import load_snapshot
from reports.table import follow_up_rows, table_csv

TABLE_FORMATS = ("xlsx", "csv", "html")


def follow_up_export(
    session: Session, programme: Programme, fmt: str, *, lang: str, today: date, zone: ZoneInfo
) -> bytes:
    rows = follow_up_rows(load_snapshot(session, programme), today, lang, zone)
    caption = message("report.caption", lang, today=format_date(today, lang))
    if fmt == "xlsx":
        from reports.xlsx import table_xlsx

        return table_xlsx(rows, lang, caption)
    if fmt == "html":
        from reports.html_table import table_html

        return table_html(rows, lang, programme.title, caption).encode("utf-8")
    if fmt == "csv":
        # A byte-order mark so that Excel opens the Finnish letters as UTF-8.
        return table_csv(rows, lang).encode("utf-8-sig")
    raise ValueError(f"unknown table format {fmt!r}")
