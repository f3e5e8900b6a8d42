"""The public status page: a WSGI application the web process mounts beside the Slack routes."""

from __future__ import annotations

from reports.web.app import make_app

__all__ = ["make_app"]
