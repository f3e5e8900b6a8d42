"""What people type in Slack, as the plain text the bot stores (notes, deadline texts).

Slack sends typed text with ``&``, ``<`` and ``>`` escaped and its own markup in angle brackets:
``<@U123>`` or ``<@U123|name>`` for a person, ``<#C123|general>`` for a channel, ``<!here>``,
``<!subteam^S123|@team>``, ``<https://x|label>`` for a link. Stored as it came, a note would show
``&lt;`` on the page and in the exports, and a raw ``<@U123>`` would ping someone wherever it was
shown unescaped. :func:`plain` turns it into the words the person saw; :func:`from_slack` does
that with people named, then applies the one input policy (:mod:`seuranta.text`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from slack_sdk import WebClient

from bot.slack.language import user_profile
from bot.slack.mrkdwn import unescape
from bot.slack.services import Services
from data import directory
from seuranta.text import NOTE_LIMIT, bounded

# Markup never nests and a typed "<" arrives as "&lt;": a bracket pair without brackets inside
# is one piece of markup, matched in linear time. Only Slack's kinds count (a person, channel
# or special mention, or a link with a scheme); anything else in brackets is left as it is.
_MARKUP = re.compile(r"<([@#!][^<>]*|[A-Za-z][A-Za-z0-9+.-]*:[^<>]*)>")
_MENTION = re.compile(r"<@([UW][A-Z0-9]{2,31})(?:\|[^<>]*)?>")
# users.info is a round trip each; a slash command has 3 s, and a note naming more people than
# this shows the rest by id.
LOOKUPS = 3


def plain(text: str, names: Mapping[str, str]) -> str:
    """Slack's escaped, marked-up text as plain words; ``names``: user id → display name."""
    pieces: list[str] = []
    end = 0
    for found in _MARKUP.finditer(text):
        pieces += [unescape(text[end : found.start()]), _markup(found[1], names)]
        end = found.end()
    pieces.append(unescape(text[end:]))
    return "".join(pieces)


def _markup(inner: str, names: Mapping[str, str]) -> str:
    target, _, label = inner.partition("|")
    label = unescape(label)
    if target.startswith("@"):
        return "@" + (names.get(target[1:]) or label.lstrip("@") or target[1:])
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!"):
        # <!here>, <!channel>, <!everyone>; <!subteam^S1|@team>, <!date^…|fallback> have labels
        return label or "@" + target[1:].split("^")[0]
    url = unescape(target)
    if not label or label in (url, url.removeprefix("mailto:"), url.partition("://")[2]):
        return label or url
    return f"{label} ({url})"


def from_slack(services: Services, client: WebClient, text: str, limit: int = NOTE_LIMIT) -> str:
    """A note or deadline text as typed in Slack, people named, cleaned and within ``limit``.

    Raises :class:`seuranta.text.TooLong` (the edge tells the person; nothing is stored).
    """
    return bounded(plain(text, _names(services, client, text)), limit)


def _names(services: Services, client: WebClient, text: str) -> dict[str, str]:
    """Display names of the people mentioned: the directory's, else users.info's (a few)."""
    ids = list(dict.fromkeys(_MENTION.findall(text)))
    if not ids:
        return {}
    with services.factory() as session:
        names = directory.display_names(session, ids)
    for user_id in [i for i in ids if i not in names][:LOOKUPS]:
        profile = user_profile(services, client, user_id)
        if profile is not None and profile.display_name:
            names[user_id] = profile.display_name
    return names
