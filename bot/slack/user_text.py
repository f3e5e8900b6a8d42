"""What people type in Slack, as the plain words they saw.

Slack sends typed text with ``&``, ``<`` and ``>`` escaped and its own markup in angle brackets:
``<@U123>`` or ``<@U123|name>`` for a person, ``<#C123|general>`` for a channel, ``<!here>``,
``<!subteam^S123|@team>``, ``<https://x|label>`` for a link. Stored as it came, a note would show
``&lt;`` on the page and in the exports, and a raw ``<@U123>`` would ping someone wherever it was
shown unescaped.

- :func:`words` is what a command is parsed from (:mod:`bot.commands.parse`): the plain words,
  each person mentioned written as their key, and :class:`SlackNames` says how they are called;
- :func:`plain` names the people at once; :func:`from_slack` does that with the directory's
  and Slack's names, then applies the one input policy (:mod:`seuranta.text`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from slack_sdk import WebClient

from bot.slack.mrkdwn import unescape
from bot.slack.people import user_profile
from bot.slack.services import Services
from data import directory
from seuranta.text import NOTE_LIMIT, bounded

# Markup never nests and a typed "<" arrives as "&lt;": a bracket pair without brackets inside
# is one piece of markup, matched in linear time. Only Slack's kinds count (a person, channel
# or special mention, or a link with a scheme); anything else in brackets is left as it is.
_MARKUP = re.compile(r"<([@#!][^<>]*|[A-Za-z][A-Za-z0-9+.-]*:[^<>]*)>")
_PERSON = re.compile(r"@[UW][A-Z0-9]{2,31}")
# users.info is a round trip each; a slash command has 3 s, and a text naming more people than
# this shows the rest by the name Slack sent with the mention, or by id.
LOOKUPS = 3


def words(text: str) -> tuple[str, dict[str, str]]:
    """The plain words, each person mentioned as their key; and each such person's label as
    Slack sent it in the mention (``<@U1|anna>``: ``anna``; "" without one)."""
    labels: dict[str, str] = {}

    def person(user_id: str, label: str) -> str:
        labels.setdefault(user_id, label)
        return user_id

    return _convert(text, person), labels


def plain(text: str, names: Mapping[str, str]) -> str:
    """Slack's escaped, marked-up text as plain words; ``names``: user id → display name."""
    return _convert(text, lambda user_id, label: "@" + (names.get(user_id) or label or user_id))


def from_slack(services: Services, client: WebClient, text: str, limit: int = NOTE_LIMIT) -> str:
    """A note as typed in Slack, people named, cleaned and within ``limit``.

    Raises :class:`seuranta.text.TooLong` (the edge tells the person; nothing is stored).
    """
    _, labels = words(text)
    names = SlackNames(services, client, labels)
    return bounded(plain(text, {user_id: names[user_id] for user_id in labels}), limit)


class SlackNames(Mapping[str, str]):
    """How the people of one text are called: the directory's name, else ``users.info``'s (for
    a few), else the label of the mention. Nothing is looked up until a name is asked for."""

    def __init__(self, services: Services, client: WebClient, labels: Mapping[str, str]) -> None:
        self._services = services
        self._client = client
        self._labels = labels
        self._known: dict[str, str] | None = None
        self._asked = 0

    def __getitem__(self, user_id: str) -> str:
        label = self._labels[user_id]  # KeyError for anyone not mentioned, as a Mapping should
        if self._known is None:
            with self._services.factory() as session:
                self._known = directory.display_names(session, list(self._labels))
        if user_id not in self._known and self._asked < LOOKUPS:
            self._asked += 1
            profile = user_profile(self._services, self._client, user_id)
            self._known[user_id] = profile.display_name if profile is not None else ""
        return self._known.get(user_id) or label or user_id

    def __contains__(self, user_id: object) -> bool:
        return user_id in self._labels  # without looking anything up

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


def _convert(text: str, person: Callable[[str, str], str]) -> str:
    pieces: list[str] = []
    end = 0
    for found in _MARKUP.finditer(text):
        pieces += [unescape(text[end : found.start()]), _markup(found[1], person)]
        end = found.end()
    pieces.append(unescape(text[end:]))
    return "".join(pieces)


def _markup(inner: str, person: Callable[[str, str], str]) -> str:
    target, _, label = inner.partition("|")
    label = unescape(label)
    if _PERSON.fullmatch(target):
        return person(target[1:], label.lstrip("@"))
    if target.startswith("@"):
        return "@" + (label.lstrip("@") or target[1:])  # not a user id Slack would send
    if target.startswith("#"):
        return "#" + (label or target[1:])
    if target.startswith("!"):
        # <!here>, <!channel>, <!everyone>; <!subteam^S1|@team>, <!date^…|fallback> have labels
        return label or "@" + target[1:].split("^")[0]
    url = unescape(target)
    if not label or label in (url, url.removeprefix("mailto:"), url.partition("://")[2]):
        return label or url
    return f"{label} ({url})"
