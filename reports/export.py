"""`seuranta export --format xlsx|csv|html`: the follow-up table in the asked format, as bytes."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from data.models import Programme
from reports.snapshot import load_snapshot
from reports.table import columns, follow_up_rows, table_csv
from seuranta.i18n import format_date, message

TABLE_FORMATS = ("xlsx", "csv", "html")


def follow_up_export(
    session: Session,
    programme: Programme,
    fmt: str,
    *,
    lang: str,
    today: date,
    zone: ZoneInfo,
    hide_notes: bool,
) -> bytes:
    """``hide_notes``: SEURANTA_HIDE_STATUS_NOTES, which leaves out notes and who wrote them."""
    rows = follow_up_rows(load_snapshot(session, programme), today, lang, zone)
    shown = columns(hide_notes)
    caption = message("report.caption", lang, today=format_date(today, lang))
    if fmt == "xlsx":
        from reports.xlsx import table_xlsx

        return table_xlsx(rows, lang, caption, shown)
    if fmt == "html":
        from reports.html_table import table_html

        return table_html(rows, lang, programme.title, caption, shown).encode("utf-8")
    if fmt == "csv":
        # A byte-order mark so that Excel opens the Finnish letters as UTF-8.
        return table_csv(rows, lang, shown).encode("utf-8-sig")
    raise ValueError(f"unknown table format {fmt!r}")
