"""The public status page as a WSGI application: the programme by theme, a page per measure,
the charts and the stylesheet. Read-only, server-rendered, no JavaScript.

It answers every path it is given (unknown ones with a 404 page), so the web process can hand
it whatever the Slack routes do not claim.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from data import vocabulary
from data.morphology import Vocabulary
from data.queries import (
    current_programme,
    current_programme_version,
    measure_with_details,
    status_history,
)
from data.search import SearchIndex
from reports.charts import status_chart, timeline_chart
from reports.export import follow_up_export
from reports.snapshot import MeasureRecord, Snapshot, Status, load_measure, load_snapshot
from reports.summary import STATUS_KEYS, is_overdue, status_key, summarise
from reports.templating import render, stylesheet
from reports.web.filters import Filters, organisation_options
from reports.web.request import MOUNT, Request
from reports.web.timeline import timeline
from seuranta.errors import ConfigError
from seuranta.i18n import format_date
from seuranta.settings import Settings

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

Clock = Callable[[], datetime]

HISTORY_LIMIT = 50
# Endonyms: a reader finds their own language without knowing the current one.
LANGUAGE_NAMES = (("fi", "Suomeksi"), ("sv", "På svenska"), ("en", "In English"))
_MEASURE = re.compile(r"/measure/(?P<number>\d{1,2}\.\d{1,3}[a-z]?)/?", re.ASCII)
_CHART = re.compile(r"/chart/(?P<kind>status|timeline)\.svg")
# The follow-up table as ``seuranta export`` makes it (Teams' ``report`` links here).
_EXPORT = re.compile(r"/export/seuranta\.(?P<fmt>xlsx|csv)")
_EXPORT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    (
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        "base-uri 'none'; frame-ancestors 'none'",
    ),
]


@dataclass(frozen=True, slots=True)
class Line:
    """One measure in the index's list."""

    measure: MeasureRecord
    state: str
    next_due: date | None
    overdue: int


@dataclass(frozen=True, slots=True)
class Response:
    status: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    cache_control: str = "no-cache"
    filename: str | None = None  # a download: saved under this name


def make_app(
    factory: sessionmaker[Session],
    settings: Settings,
    *,
    clock: Clock | None = None,
    mount: str = "",
) -> WSGIApplication:
    """The status page over `factory`'s database; `clock` (aware UTC) is for tests.

    ``mount``: the path the server serves the page under ("" for the root, or "/status"), which
    every link starts with; the client's SCRIPT_NAME is never used for it.
    """
    if not MOUNT.fullmatch(mount):
        raise ConfigError(f"mount point {mount!r} is not a path like /status")
    return StatusPages(factory, settings, clock or (lambda: datetime.now(UTC)), mount)


class StatusPages:
    def __init__(
        self, factory: sessionmaker[Session], settings: Settings, clock: Clock, mount: str
    ) -> None:
        self._factory = factory
        self._settings = settings
        self._clock = clock
        self._mount = mount
        self._lock = threading.Lock()
        self._search: tuple[tuple[str, int], SearchIndex] | None = None
        # Keyed on the very data drawn, so a new import or status report redraws the chart.
        self._chart = lru_cache(maxsize=16)(self._draw_chart)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request.from_environ(environ, self._settings.language, self._mount)
        if request.method not in ("GET", "HEAD"):
            response = Response("405 Method Not Allowed", b"", "text/plain; charset=utf-8")
            start_response(response.status, [("Allow", "GET, HEAD"), *_headers(response)])
            return [b""]
        response = self._route(request)
        start_response(response.status, _headers(response))
        return [b"" if request.method == "HEAD" else response.body]

    def _route(self, request: Request) -> Response:
        if request.path == "/":
            return self._index(request)
        if match := _MEASURE.fullmatch(request.path):
            return self._measure(request, match["number"])
        if match := _CHART.fullmatch(request.path):
            return self._chart_svg(request, match["kind"])
        if match := _EXPORT.fullmatch(request.path):
            return self._export(request, match["fmt"])
        if request.path == "/static/style.css":
            return Response(
                "200 OK", stylesheet().encode(), "text/css; charset=utf-8", "public, max-age=3600"
            )
        return self._not_found(request)

    def _today(self) -> date:
        return self._clock().astimezone(self._settings.zone).date()

    def _page(
        self, request: Request, template: str, status: str = "200 OK", **context: Any
    ) -> Response:
        html = render(
            template,
            request.lang,
            request=request,
            languages=LANGUAGE_NAMES,
            hide_notes=self._settings.hide_status_notes,
            **context,
        )
        return Response(status, html.encode("utf-8"))

    def _snapshot(self) -> Snapshot | None:
        with self._factory() as session:
            programme = current_programme(session)
            return load_snapshot(session, programme) if programme else None

    def _index(self, request: Request) -> Response:
        snapshot = self._snapshot()
        if snapshot is None:
            return self._not_found(request)
        today = self._today()
        filters = Filters.from_params(request.params)
        hits = None
        if filters.query:
            found = self._search_index(snapshot).search(filters.query, limit=len(snapshot.measures))
            hits = {hit.key for hit in found}
        summary = summarise(snapshot, today)
        overdue = Counter(item.number for item in summary.overdue)
        shown = [
            Line(m, status_key(m.state), _next_due(m, today), overdue[m.number])
            for m in snapshot.measures
            if filters.accepts(m, hits)
        ]
        return self._page(
            request,
            "index.html",
            programme_title=snapshot.title,
            snapshot=snapshot,
            today=today,
            summary=summary,
            status_keys=STATUS_KEYS,
            filters=filters,
            organisations=organisation_options(snapshot, request.lang),
            shown=shown,
        )

    def _measure(self, request: Request, number: str) -> Response:
        with self._factory() as session:
            programme = current_programme(session)
            measure = measure_with_details(session, programme.id, number) if programme else None
            if programme is None or measure is None:
                return self._not_found(request)
            record = load_measure(session, measure)
            history = [
                Status(r.state, r.note, r.reporter, r.reporter_name, r.created_at)
                for r in status_history(session, measure.id, limit=HISTORY_LIMIT)
            ]
            title = programme.title
        today = self._today()
        dated = [
            (d, is_overdue(d, record.state, today), _when(d.start, d.due, request.lang))
            for d in record.deadlines
            if d.due is not None
        ]
        return self._page(
            request,
            "measure.html",
            programme_title=title,
            measure=record,
            today=today,
            dated=dated,
            undated=[d for d in record.deadlines if d.due is None],
            timeline=timeline(dated, today),
            history=history,
            zone=self._settings.zone,
        )

    def _chart_svg(self, request: Request, kind: str) -> Response:
        snapshot = self._snapshot()
        if snapshot is None:
            return self._not_found(request)
        today = self._today()
        key: Any = summarise(snapshot, today) if kind == "status" else (snapshot, today)
        return Response(
            "200 OK", self._chart(kind, key, request.lang), "image/svg+xml", "public, max-age=300"
        )

    def _export(self, request: Request, fmt: str) -> Response:
        today = self._today()
        with self._factory() as session:
            programme = current_programme(session)
            if programme is None:
                return self._not_found(request)
            table = follow_up_export(
                session,
                programme,
                fmt,
                lang=request.lang,
                today=today,
                zone=self._settings.zone,
                hide_notes=self._settings.hide_status_notes,
            )
        name = f"seuranta-{today.isoformat()}.{fmt}"
        return Response("200 OK", table, _EXPORT_TYPES[fmt], filename=name)

    def _draw_chart(self, kind: str, key: Any, lang: str) -> bytes:
        if kind == "status":
            return status_chart(key, lang, "svg")
        snapshot, today = key
        return timeline_chart(snapshot, today, lang, "svg")

    def _not_found(self, request: Request) -> Response:
        return self._page(request, "not_found.html", "404 Not Found", programme_title="")

    def _search_index(self, snapshot: Snapshot) -> SearchIndex:
        """One index per programme revision, weighted like the chat's search."""
        key = (snapshot.slug, snapshot.revision)
        with self._lock:
            if self._search is None or self._search[0] != key:
                with self._factory() as session:
                    version = current_programme_version(session, snapshot.slug)
                # Inflected and compound Finnish words as in chat, through the stored vocabulary.
                words = (
                    Vocabulary(vocabulary.load(self._factory, version[0]), use_analyser=False)
                    if version is not None
                    else None
                )
                index = SearchIndex(
                    (
                        (
                            m.number,
                            [
                                (m.title, 3.0),
                                *((text, 2.0) for _, text in m.parts),
                                *((action, 1.0) for action in m.actions),
                                *(
                                    (text, 0.5)
                                    for text in dict.fromkeys(d.text for d in m.deadlines)
                                ),
                            ],
                        )
                        for m in snapshot.measures
                    ),
                    vocabulary=words,
                )
                self._search = (key, index)
            return self._search[1]


def _next_due(m: MeasureRecord, today: date) -> date | None:
    return min((d.due for d in m.deadlines if d.due and d.due >= today), default=None)


def _when(start: date | None, due: date, lang: str) -> str:
    if start is not None and start < due:
        return f"{format_date(start, lang)} – {format_date(due, lang)}"
    return format_date(due, lang)


def _headers(response: Response) -> list[tuple[str, str]]:
    download = (
        [("Content-Disposition", f'attachment; filename="{response.filename}"')]
        if response.filename
        else []
    )
    return [
        ("Content-Type", response.content_type),
        ("Content-Length", str(len(response.body))),
        ("Cache-Control", response.cache_control),
        *download,
        *_HEADERS,
    ]
