"""Events API: mentions in channels, direct messages, the App Home tab.

Bolt acknowledges events before these run, so their Web API calls are not against the clock.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.events.app_home import publish_home
from bot.slack.listeners.events.messages import answer_mention
from bot.slack.listeners.events.thread_reply import thread_reply


def register(app: App) -> None:
    app.event("app_mention")(answer_mention)
    # All message events, filtered inside: an event no listener matches gets a 404, which
    # Slack counts as a failed delivery and retries.
    # Replies under a reminder are status notes; thread_reply hands everything else on to
    # answer_direct_message (Bolt runs only the first matching event listener).
    app.event("message")(thread_reply)
    app.event("app_home_opened")(publish_home)
