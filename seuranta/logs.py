"""Logging for every long-running process, configured here and nowhere else.

One record is one line, whatever it holds: text that came from outside (a path, a header, a
user's words in an exception) has its newlines and other control characters escaped, so no
one can forge a line. Lines are ``key=value`` (logfmt, which Heroku's and Papertrail's search
understand) or JSON; a record's structured fields come from ``extra=fields(...)``::

    logger.info("request", extra=fields(method="POST", status=200, request_id=rid))

Slack's libraries are kept at WARNING: at INFO and DEBUG they log whole request bodies.
Only the web process and the worker configure logging; one-shot commands print their results.
"""

from __future__ import annotations

import json
import logging
import logging.config
import re
import uuid
from datetime import UTC, datetime
from typing import Any

FORMATS = ("kv", "json")
# Kept at WARNING: Slack's libraries log whole request and response bodies (user text) at INFO
# and DEBUG; Alembic tells of every plugin it loads at each start.
QUIET = ("slack_bolt", "slack_sdk", "alembic")
# A value longer than this is cut: a 100 kB path or message must not fill the log.
MAX_FIELD = 2000
_FIELDS = "seuranta_fields"
# Heroku's router id is a UUID; anything else a client sends is not ours to repeat.
_PLATFORM_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{8,64}")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\", '"': '\\"'}
_BARE = re.compile(r'[^\s"=\\]+')  # what needs no quotes in key=value


def fields(**values: Any) -> dict[str, Any]:
    """``extra=`` for a record with structured fields (None values are left out)."""
    return {_FIELDS: {k: v for k, v in values.items() if v is not None}}


def request_id(platform_header: str | None = None) -> str:
    """The platform's request id if it is strictly one (so logs line up), else a fresh one."""
    if platform_header and _PLATFORM_REQUEST_ID.fullmatch(platform_header):
        return platform_header
    return uuid.uuid4().hex[:12]


def escape(value: object) -> str:
    """One line of text: backslash escapes for control, format and separator characters."""
    text = str(value)
    if text.isprintable() and '"' not in text and "\\" not in text:
        return text
    return "".join(_escape_char(ch) for ch in text)


def _escape_char(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if ch.isprintable():
        return ch
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def _kv_value(value: object) -> str:
    text = escape(value)
    return text if _BARE.fullmatch(text) else f'"{text}"'


def _record_fields(record: logging.LogRecord, formatter: logging.Formatter) -> dict[str, Any]:
    values: dict[str, Any] = {
        "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
        "level": record.levelname.lower(),
        "logger": record.name,
        "msg": record.getMessage(),
    }
    values.update(getattr(record, _FIELDS, {}))
    for key, value in values.items():
        if isinstance(value, str) and len(value) > MAX_FIELD:
            values[key] = value[:MAX_FIELD] + "…"
    if record.exc_info:
        values["exc"] = formatter.formatException(record.exc_info)
    if record.stack_info:
        values["stack"] = formatter.formatStack(record.stack_info)
    return values


class KeyValueFormatter(logging.Formatter):
    """``time=… level=info logger=bot.slack.web msg=request method=POST status=200 …``"""

    def format(self, record: logging.LogRecord) -> str:
        values = _record_fields(record, self)
        exc, stack = values.pop("exc", None), values.pop("stack", None)
        line = " ".join(f"{key}={_kv_value(value)}" for key, value in values.items())
        # A traceback stays whole, its newlines escaped: one record, one line.
        for key, long in (("exc", exc), ("stack", stack)):
            if long:
                line += f' {key}="{escape(long)}"'
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line; ``ensure_ascii`` escapes every control character."""

    def format(self, record: logging.LogRecord) -> str:
        values = _record_fields(record, self)
        return json.dumps(values, ensure_ascii=True, default=str)


def config(fmt: str = "kv", level: str = "INFO") -> dict[str, Any]:
    """The ``logging.config.dictConfig`` of a process; gunicorn gets the same (``logconfig_dict``).

    gunicorn's own loggers lose their handlers and propagate to the root, so its start-up and
    worker lines come out in the same format as ours.
    """
    formatter = JsonFormatter if fmt == "json" else KeyValueFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"seuranta": {"()": f"{__name__}.{formatter.__name__}"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "seuranta",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            **{name: {"level": "WARNING"} for name in QUIET},
            # Its one error line repeats the exception it raises to us, which we handle and log.
            "slack_sdk.web": {"level": "CRITICAL"},
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            # bot.slack.web logs each request, with its id; gunicorn's line would repeat it.
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": True},
        },
    }


def configure(fmt: str = "kv", level: str = "INFO") -> None:
    logging.config.dictConfig(config(fmt, level))
