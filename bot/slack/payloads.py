"""Whether a verified request body is a payload the app can handle at all, and what it is (pure).

Checked before Bolt dispatches the request: its middleware assumes these shapes and would fail
with a 500 (for example on an event that is not an object).
"""

from __future__ import annotations

from typing import Any


def problem(body: dict[str, Any]) -> str | None:
    """None for a usable body; otherwise what is wrong with it, for the log."""
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
    elif body.get("type") == "view_submission":
        return _view_problem(body)
    return None


def describe(body: dict[str, Any]) -> dict[str, str]:
    """What the log line says about a request: its kind, and who sent it from which team."""
    if "command" in body:
        return _facts("command", body.get("user_id"), body.get("team_id"))
    if body.get("ssl_check"):
        return _facts("ssl_check", None, body.get("team_id"))
    kind = str(body.get("type") or "unknown")
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict):
            return _facts(kind, None, body.get("team_id"))
        return _facts(f"event:{event.get('type')}", event.get("user"), body.get("team_id"))
    user, team = body.get("user"), body.get("team")
    return _facts(
        kind,
        user.get("id") if isinstance(user, dict) else None,
        team.get("id") if isinstance(team, dict) else body.get("team_id"),
    )


def _facts(kind: str, user: Any, team: Any) -> dict[str, str]:
    facts = {"kind": kind}
    if isinstance(user, str):
        facts["user"] = user
    if isinstance(team, str):
        facts["team"] = team
    return facts


def _view_problem(body: dict[str, Any]) -> str | None:
    view, user = body.get("view"), body.get("user")
    if not isinstance(user, dict) or not isinstance(user.get("id"), str):
        return "view_submission without a user"
    if not isinstance(view, dict) or not isinstance(view.get("callback_id"), str):
        return "view_submission without a view"
    state = view.get("state")
    if not isinstance(state, dict) or not isinstance(state.get("values"), dict):
        return "view_submission without state values"
    return None
