"""Whether a request body is a payload the app can handle at all (pure).

Checked before Bolt sees the request: Bolt's own middleware assumes these shapes and would fail
with a 500 (for example on an event that is not an object).
"""

from __future__ import annotations

from typing import Any

from slack_bolt.request.internals import parse_body


def problem(body: str, content_type: str) -> str | None:
    """None for a usable body; otherwise what is wrong with it, for the log."""
    media_type = content_type.split(";")[0].strip().lower() or None
    try:
        parsed = parse_body(body, media_type)
    except ValueError:  # broken JSON, also inside payload=
        return "body is not JSON or form fields"
    if not isinstance(parsed, dict):
        return "body is not a JSON object"
    return _shape(parsed)


def _shape(body: dict[str, Any]) -> str | None:
    if "command" in body:
        if not all(isinstance(body.get(k), str) for k in ("user_id", "channel_id", "text")):
            return "slash command without user_id, channel_id or text"
    elif body.get("type") == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "event_callback without an event"
        if not isinstance(body.get("event_id"), str):
            return "event_callback without an event_id"
    elif body.get("type") == "block_actions":
        actions, user = body.get("actions"), body.get("user")
        if not isinstance(user, dict) or not isinstance(actions, list) or not actions:
            return "block_actions without user or actions"
        if not all(isinstance(a, dict) for a in actions):
            return "block_actions with malformed actions"
    return None
