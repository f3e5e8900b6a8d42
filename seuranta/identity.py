"""Who someone is, and where a message goes, on any chat platform (pure).

A person is an identity on one platform, written as one string key everywhere it is stored
(contacts, admins, status reports, the outbox):

- Slack: the user id itself, ``U012AB3CD`` (as it always was, so existing rows keep meaning
  the same person);
- Microsoft Teams: ``teams:`` and the person's Azure AD (Entra ID) object id, a GUID, in lower
  case: ``teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f``. The object id is the one id of a person
  that is the same in every team, chat and app of a tenant.

A destination (a DM, a channel) is written the same way: a Slack id (``U…`` for a DM, ``C…``,
``G…`` for channels) or ``teams:`` and a Teams id (a person's object id for a DM, a channel's
conversation id ``19:…@thread.tacv2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from seuranta.errors import InputError

TEAMS_PREFIX = "teams:"

_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,31}", re.ASCII)
_SLACK_CHANNEL = re.compile(r"[CGD][A-Z0-9]{2,31}", re.ASCII)
_AAD_OBJECT_ID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII
)
# A Teams channel or group chat: 19:<id>@thread.tacv2 (channels), @thread.v2 (chats), and the
# older @thread.skype; the id part is letters, digits, '-' and '_'.
_TEAMS_CONVERSATION = re.compile(r"19:[A-Za-z0-9_\-]{1,200}@thread\.(?:tacv2|v2|skype)", re.ASCII)


class Platform(StrEnum):
    SLACK = "slack"
    TEAMS = "teams"


@dataclass(frozen=True, slots=True, order=True)
class PersonId:
    platform: Platform
    id: str

    @property
    def key(self) -> str:
        """The one string that names this person in the database and in settings."""
        return self.id if self.platform is Platform.SLACK else TEAMS_PREFIX + self.id

    def __str__(self) -> str:
        return self.key

    @classmethod
    def slack(cls, user_id: str) -> PersonId:
        return cls(Platform.SLACK, user_id)

    @classmethod
    def teams(cls, object_id: str) -> PersonId:
        return cls(Platform.TEAMS, object_id.lower())

    @classmethod
    def from_key(cls, key: str) -> PersonId:
        """A key this project wrote itself (a stored row): which platform, without checks."""
        if key.startswith(TEAMS_PREFIX):
            return cls.teams(key.removeprefix(TEAMS_PREFIX))
        return cls.slack(key)

    @classmethod
    def parse(cls, text: str) -> PersonId:
        """A person as an administrator writes one (settings, a contacts file), checked."""
        written = text.strip()
        if written.casefold().startswith(TEAMS_PREFIX):
            object_id = written[len(TEAMS_PREFIX) :].strip().lower()
            if _AAD_OBJECT_ID.fullmatch(object_id):
                return cls.teams(object_id)
        elif _SLACK_USER.fullmatch(written):
            return cls.slack(written)
        raise InputError(
            f"{written!r} is neither a Slack user id like U012AB3CD nor a Teams user like "
            "teams:<Azure AD object id> (a GUID such as 5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f)"
        )


def platform_of(destination: str) -> Platform:
    """The platform a stored person or destination key belongs to."""
    return Platform.TEAMS if destination.startswith(TEAMS_PREFIX) else Platform.SLACK


def parse_channel(text: str) -> str:
    """A coordinators' channel as configured: a Slack channel id, or ``teams:19:…@thread…``."""
    written = text.strip()
    if written.startswith(TEAMS_PREFIX):
        if _TEAMS_CONVERSATION.fullmatch(written.removeprefix(TEAMS_PREFIX)):
            return written
    elif _SLACK_CHANNEL.fullmatch(written):
        return written
    raise InputError(
        f"{written!r} is neither a Slack channel id like C0123ABCD nor a Teams channel like "
        "teams:19:…@thread.tacv2"
    )
