"""Log lines: one record is one line, in key=value or JSON, whatever text it carries."""

from __future__ import annotations

import json
import logging
import sys

import pytest

from seuranta import logs


def record(msg: str, *args: object, **fields: object) -> logging.LogRecord:
    made = logging.LogRecord("bot.slack.web", logging.INFO, __file__, 1, msg, args, None)
    for key, value in logs.fields(**fields).items():
        setattr(made, key, value)
    return made


def failing_record() -> logging.LogRecord:
    try:
        raise ValueError("bad\ninput")
    except ValueError:
        made = record("request failed", request_id="abc123")
        made.exc_info = sys.exc_info()
    return made


def test_a_key_value_line_quotes_only_what_needs_it() -> None:
    line = logs.KeyValueFormatter().format(
        record("request", method="POST", path="/slack/events", status=200, ms=1.5, user=None)
    )

    assert line.startswith("time=")
    assert line.endswith(
        " level=info logger=bot.slack.web msg=request method=POST path=/slack/events "
        "status=200 ms=1.5"
    )


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\nlevel=error msg=forged", '"a\\nlevel=error msg=forged"'),
        ("a\r\nb", '"a\\r\\nb"'),
        ("line\u2028separator", '"line\\u2028separator"'),
        ("next\x85line", '"next\\x85line"'),
        ("right\u202eto left", '"right\\u202eto left"'),
        ('say "hi"', '"say \\"hi\\""'),
        ("back\\slash", '"back\\\\slash"'),
        ("sisäministeriö", "sisäministeriö"),
    ],
)
def test_text_from_outside_is_escaped_onto_one_line(text: str, shown: str) -> None:
    line = logs.KeyValueFormatter().format(record("asked %s", text, path=text))

    assert "\n" not in line
    assert "\r" not in line
    assert f" path={shown}" in line


def test_a_traceback_stays_on_the_records_line() -> None:
    line = logs.KeyValueFormatter().format(failing_record())

    assert line.count("\n") == 0
    assert ' exc="Traceback (most recent call last):\\n' in line
    assert "ValueError: bad\\ninput" in line


def test_a_json_line_is_one_object_with_the_fields() -> None:
    line = logs.JsonFormatter().format(failing_record())

    assert "\n" not in line
    parsed = json.loads(line)
    assert parsed["msg"] == "request failed"
    assert parsed["request_id"] == "abc123"
    assert parsed["exc"].endswith("ValueError: bad\ninput")


def test_a_very_long_value_is_cut() -> None:
    line = logs.KeyValueFormatter().format(record("request", path="/" + "x" * 100_000))

    assert len(line) < logs.MAX_FIELD + 200


@pytest.mark.parametrize(
    "given",
    [
        "f9ed4675-f5d4-4b8a-9f0c-2a0b3c4d5e6f",
        "abcdEFGH",
        "0123456789" * 6 + "abcd",
    ],
)
def test_a_platform_request_id_is_kept_when_it_is_strictly_one(given: str) -> None:
    assert logs.request_id(given) == given


@pytest.mark.parametrize(
    "given",
    [
        None,
        "",
        "<!here> moved: <https://evil.example|log in again>",
        "short",
        "a" * 65,
        "abc def ghi",
        "f9ed4675\nlevel=error",
        "１２３４５６７８９",
    ],
)
def test_any_other_request_id_is_replaced_by_a_fresh_one(given: str | None) -> None:
    made = logs.request_id(given)

    assert made != given
    assert len(made) == 12
    assert made.isalnum()
    assert made != logs.request_id(given)
