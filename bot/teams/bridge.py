"""The Teams SDK, which is asyncio only, inside our WSGI server (gunicorn, gthread workers).

:class:`WsgiBridge` is both an SDK ``HttpServerAdapter`` (the SDK registers ``POST
/api/messages`` on it) and a WSGI application. Each process runs the SDK on one event loop in
one daemon thread; WSGI threads hand each request to that loop and wait for its answer, and
synchronous code (a reminder sender) sends through :meth:`WsgiBridge.run` the same way.

- One loop per process, made on first use and again in a forked child: gunicorn's
  ``preload_app`` builds the app in the master and forks, and a thread never survives a fork, so
  nothing here may start a thread when it is built.
- One loop for the life of the process, never ``asyncio.run`` per call: the SDK's HTTP client
  keeps a connection pool bound to the loop that first used it, and a second loop finds it
  closed ("Event loop is closed").
- The body is read only up to :data:`MAX_BODY` and must be an activity the SDK can read;
  anything else is a 400 (or 413) here, before the SDK, which would answer it with a 500 and a
  traceback in the log.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import json
import logging
import os
import threading
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, TypeVar

from microsoft_teams.api.activities import ActivityTypeAdapter
from microsoft_teams.apps.http.adapter import (
    HttpMethod,
    HttpRequest,
    HttpResponse,
    HttpRouteHandler,
)
from pydantic import ValidationError

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

logger = logging.getLogger(__name__)

T = TypeVar("T")

# An activity is a few kB; Teams' own limit on a message is about 28 kB.
MAX_BODY = 1_000_000
# Teams waits 15 s for the answer to an activity; an invoke's card must come back within it.
REQUEST_TIMEOUT = 15.0


class WsgiBridge:
    def __init__(
        self,
        *,
        on_loop_start: Callable[[], Awaitable[None]] | None = None,
        max_body: int = MAX_BODY,
        timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        """``on_loop_start`` runs on each new loop (once per process) before anything else."""
        self._routes: dict[str, HttpRouteHandler] = {}
        self.on_loop_start = on_loop_start
        self._max_body = max_body
        self._timeout = timeout
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._pid: int | None = None

    # --- the SDK's HttpServerAdapter -----------------------------------------------------------

    def register_route(self, method: HttpMethod, path: str, handler: HttpRouteHandler) -> None:
        self._routes[path] = handler

    def serve_static(self, path: str, directory: str) -> None:
        raise NotImplementedError("the Teams bridge serves no static files (tabs are not used)")

    async def start(self, port: int) -> None:
        raise NotImplementedError("the WSGI server (gunicorn) listens, not the SDK")

    async def stop(self) -> None:
        self.close()

    # --- the loop ------------------------------------------------------------------------------

    def loop(self) -> asyncio.AbstractEventLoop:
        """This process's SDK loop, started (and ``on_loop_start`` run) on first use."""
        loop, pid = self._loop, os.getpid()
        if loop is not None and self._pid == pid:
            return loop
        with self._lock:
            if self._loop is None or self._pid != pid:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(
                    target=loop.run_forever, name="teams-sdk-loop", daemon=True
                )
                thread.start()
                if self.on_loop_start is not None:
                    try:
                        start = _awaited(self.on_loop_start())
                        asyncio.run_coroutine_threadsafe(start, loop).result(self._timeout)
                    except BaseException:
                        loop.call_soon_threadsafe(loop.stop)
                        raise
                self._loop, self._thread, self._pid = loop, thread, pid
            return self._loop

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        """Run ``coro`` on the SDK loop from synchronous code and wait (at most ``timeout`` s)."""
        loop = self.loop()
        if threading.current_thread() is self._thread:
            coro.close()
            raise RuntimeError("WsgiBridge.run called on the SDK loop itself: await instead")
        future = asyncio.run_coroutine_threadsafe(coro, loop)
        try:
            return future.result(self._timeout if timeout is None else timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise

    def close(self) -> None:
        """Stop this process's loop (tests; a worker's daemon thread otherwise dies with it)."""
        with self._lock:
            loop, thread = self._loop, self._thread
            if loop is None or self._pid != os.getpid():
                return
            self._loop = self._thread = self._pid = None
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)
        if not loop.is_running():
            loop.close()

    # --- WSGI ----------------------------------------------------------------------------------

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        self.loop()  # routes are registered by on_loop_start
        path = str(environ.get("PATH_INFO") or "")
        handler = self._routes.get(path)
        if handler is None:
            return _respond(start_response, 404, {"error": "not found"})
        if environ.get("REQUEST_METHOD") != "POST":
            return _respond(start_response, 405, {"error": "use POST"}, [("Allow", "POST")])
        body, problem = self._read(environ)
        if body is None:
            return _respond(start_response, problem, {"error": HTTPStatus(problem).phrase})
        request = HttpRequest(body=body, headers=_headers(environ))
        try:
            response: HttpResponse = self.run(handler(request))
        except concurrent.futures.TimeoutError:
            logger.error("Teams activity not handled within %.0f s", self._timeout)
            return _respond(start_response, 503, {"error": "timed out"})
        return _respond(start_response, response["status"], response["body"])

    def _read(self, environ: WSGIEnvironment) -> tuple[dict[str, Any] | None, int]:
        """The body as a JSON object, or None and the status that says why not."""
        length = str(environ.get("CONTENT_LENGTH") or "")
        if not length.isascii() or not length.isdigit():
            return None, 411 if not length else 400
        if int(length) > self._max_body:
            return None, 413
        raw = environ["wsgi.input"].read(int(length))
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None, 400
        if not isinstance(body, dict):
            return None, 400
        try:  # what the SDK reads it as, after checking the token; it answers a misfit with 500
            ActivityTypeAdapter.validate_python(body)
        except ValidationError:
            return None, 400
        return body, 200


async def _awaited(step: Awaitable[None]) -> None:
    await step


def _headers(environ: WSGIEnvironment) -> dict[str, str]:
    """Request headers by lower-case name, as the SDK looks them up."""
    headers = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    if environ.get("CONTENT_TYPE"):
        headers["content-type"] = str(environ["CONTENT_TYPE"])
    return headers


def _respond(
    start_response: StartResponse,
    status: int,
    body: object,
    headers: list[tuple[str, str]] | None = None,
) -> list[bytes]:
    data = b"" if body is None else json.dumps(body).encode()
    all_headers = [("Content-Length", str(len(data))), *(headers or [])]
    if data:
        all_headers.append(("Content-Type", "application/json; charset=utf-8"))
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    start_response(f"{status} {phrase}", all_headers)
    return [data]
