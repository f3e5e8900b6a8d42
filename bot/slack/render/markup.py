"""The catalogue's phrases in Slack's mrkdwn (:class:`bot.render.phrase.Markup`).

The catalogue's own markup (``*bold*``, ``_italic_``, `` `code` ``) is mrkdwn already; values
are escaped (:func:`bot.slack.mrkdwn.escape`), so a note reading ``<!channel>`` is shown, never
obeyed. A Slack person is mentioned as ``<@U…>``, which Slack shows as their name; anyone else
(a Teams user named in a Slack message) by name. A Slack channel is linked as ``<#C…>``.
"""

from __future__ import annotations

from bot.document import Channel, Person
from bot.render.phrase import PlainMarkup
from bot.slack.mrkdwn import escape
from seuranta.identity import Platform, platform_of


class SlackMarkup:
    command = "/seuranta"

    def text(self, value: str) -> str:
        return escape(value)

    def mention(self, person: Person) -> str:
        if platform_of(person.key) is Platform.SLACK:
            return f"<@{person.key}>"
        return escape(person.name or person.key)

    def channel(self, channel: Channel) -> str:
        if platform_of(channel.key) is Platform.SLACK:
            return f"<#{channel.key}>"
        return escape("#" + channel.key)

    def template(self, raw: str) -> str:
        return raw


class SlackNotificationMarkup(SlackMarkup):
    """A message's ``text``: what notifications show, where emphasis would show as stars."""

    def template(self, raw: str) -> str:
        return PlainMarkup().template(raw)


MRKDWN = SlackMarkup()
NOTIFICATION = SlackNotificationMarkup()
