"""The follow-up table as one standalone, accessible html file (its stylesheet inlined)."""

from __future__ import annotations

from collections.abc import Sequence

from reports.table import COLUMNS, FollowUpRow, headers
from reports.templating import render, stylesheet


def table_html(
    rows: Sequence[FollowUpRow],
    lang: str,
    title: str,
    caption: str,
    shown: Sequence[str] = COLUMNS,
) -> str:
    return render(
        "follow_up.html",
        lang,
        rows=rows,
        shown=shown,
        headers=headers(lang, shown),
        title=title,
        caption=caption,
        stylesheet=stylesheet(),
    )
