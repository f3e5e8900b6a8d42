"""Events API: mentions in channels, direct messages, the App Home tab.

Each event is acknowledged at once and handled by a lazy listener (:mod:`bot.slack.lazy`), so
its Web API calls are not against Slack's three seconds and Slack never retries it for slowness.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import acknowledge, later
from bot.slack.listeners.events.app_home import publish_home
from bot.slack.listeners.events.messages import answer_mention
from bot.slack.listeners.events.thread_reply import thread_reply


def register(app: App) -> None:
    app.event("app_mention")(ack=acknowledge, lazy=[later(answer_mention)])
    # All message events, filtered inside: an event no listener matches gets a 404, which
    # Slack counts as a failed delivery and retries.
    # Replies under a reminder are status notes; thread_reply hands everything else on to
    # answer_direct_message (Bolt runs only the first matching event listener).
    app.event("message")(ack=acknowledge, lazy=[later(thread_reply)])
    app.event("app_home_opened")(ack=acknowledge, lazy=[later(publish_home)])
