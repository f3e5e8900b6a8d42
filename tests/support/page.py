"""A WSGI-level client for the status page: no server, the app called as the web process would."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from wsgiref.util import setup_testing_defaults

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication


@dataclass
class Page:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def call(
    app: WSGIApplication, path: str, query: str = "", *, method: str = "GET", script_name: str = ""
) -> Page:
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    environ.update(
        PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD=method, SCRIPT_NAME=script_name
    )
    started: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        started.extend([status, headers])

    body = b"".join(app(environ, start_response))
    return Page(int(started[0].split()[0]), dict(started[1]), body)
