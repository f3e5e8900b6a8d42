"""Activities shaped exactly as Teams posts them to a bot's ``/api/messages``.

The fields, their names and nesting follow what Teams sends (the Bot Framework activity schema
as Teams fills it in): ``from`` with the user's ``29:`` id and ``aadObjectId``, ``recipient`` the
bot's ``28:<app id>``, ``conversation`` with ``conversationType`` and ``tenantId``, ``channelData``
with the tenant (and team and channel in a channel), a ``clientInfo`` entity, ``locale``. A
message in a channel or group chat reaches a bot only when it is @mentioned, so those builders
always carry the ``<at>`` text and its ``mention`` entity. Every builder returns a fresh dict.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

APP_ID = "6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f"  # the bot's (made-up) Entra app id
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
BOT_NAME = "Seuranta"
SERVICE_URL = "https://smba.trafficmanager.net/emea/"
TEAM_ID = "19:3f4a1b2c5d6e7f8091a2b3c4d5e6f708@thread.tacv2"
GENERAL_CHANNEL = TEAM_ID  # a team's General channel has the team's own id
CHANNEL_ID = "19:8c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a@thread.tacv2"
GROUP_CHAT_ID = "19:meeting_NjY3ZjE5ZDQtYjE2Mi00ZDM0LWE1ZWUtMjJlNWQ2MGQ4ZjQx@thread.v2"
_message_ids = itertools.count(1_767_225_700_000)


@dataclass(frozen=True, slots=True)
class TeamsUser:
    id: str  # the bot-specific "29:…" id
    name: str
    aad_object_id: str

    @property
    def personal_chat(self) -> str:
        """The 1:1 chat between this user and the bot."""
        return f"a:1{self.id.removeprefix('29:1')[:40]}"

    def account(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "aadObjectId": self.aad_object_id}


MAIJA = TeamsUser(
    "29:1Hk8bQ3vX2nYcLr5TzA9sWfEoPj7gMdUqKi4yN6hBtRxVa0CeJl",
    "Maija Meikäläinen",
    "0b5f3a7e-8c21-4d6f-9a3b-2e1c7d4f6a80",
)
SVEN = TeamsUser(
    "29:1Rt6yU8iO0pA2sD4fG6hJ8kL0zX2cV4bN6mQ8wE0rT2yU4iO6pA",
    "Sven Svensson",
    "9d2c4e6f-1a3b-4c5d-8e7f-0a9b8c7d6e5f",
)

AINO = TeamsUser(
    "29:1Qw3eR5tY7uI9oP1aS3dF5gH7jK9lZ1xC3vB5nM7qW9eR1tY3uI",
    "Aino Administraattori",
    "4e8a2c6d-0f1b-4a3c-9d5e-7b6a5c4d3e2f",
)


def bot_account(app_id: str = APP_ID) -> dict[str, str]:
    return {"id": f"28:{app_id}", "name": BOT_NAME}


def _client_info(locale: str) -> dict[str, str]:
    return {
        "locale": locale,
        "country": locale.split("-")[-1],
        "platform": "Web",
        "timezone": "Europe/Helsinki",
        "type": "clientInfo",
    }


def _base(
    kind: str,
    conversation: dict[str, Any],
    *,
    user: TeamsUser,
    service_url: str,
    locale: str,
    app_id: str,
    activity_id: str | None = None,
) -> dict[str, Any]:
    return {
        "type": kind,
        "id": activity_id or str(next(_message_ids)),
        "timestamp": "2026-01-15T08:00:00.1234567Z",
        "localTimestamp": "2026-01-15T10:00:00.1234567+02:00",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": user.account(),
        "conversation": conversation,
        "recipient": bot_account(app_id),
        "entities": [_client_info(locale)],
        "channelData": {"tenant": {"id": TENANT_ID}},
        "locale": locale,
        "localTimezone": "Europe/Helsinki",
    }


def _personal(user: TeamsUser) -> dict[str, Any]:
    return {"conversationType": "personal", "tenantId": TENANT_ID, "id": user.personal_chat}


def _html(text: str) -> list[dict[str, str]]:
    # Teams sends the message's HTML beside the plain text; bots read ``text``.
    return [{"contentType": "text/html", "content": f"<p>{text}</p>"}]


def personal_message(
    text: str,
    *,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    locale: str = "fi-FI",
    app_id: str = APP_ID,
) -> dict[str, Any]:
    """A message in the 1:1 chat with the bot."""
    activity = _base(
        "message",
        _personal(user),
        user=user,
        service_url=service_url,
        locale=locale,
        app_id=app_id,
    )
    return {**activity, "text": text, "textFormat": "plain", "attachments": _html(text)}


def _mentioning(activity: dict[str, Any], text: str, app_id: str) -> dict[str, Any]:
    at = f"<at>{BOT_NAME}</at>"
    activity["text"] = f"{at} {text}\n"
    activity["textFormat"] = "plain"
    activity["attachments"] = _html(f"{at} {text}")
    activity["entities"].insert(
        0, {"mentioned": bot_account(app_id), "text": at, "type": "mention"}
    )
    return activity


def mentioning_person(
    activity: dict[str, Any], user: TeamsUser, *, with_object_id: bool = True
) -> dict[str, Any]:
    """``activity`` with ``@user`` written at the end of its text, as Teams writes a mention of a
    person: ``<at>Name</at>`` and a ``mention`` entity naming the account (with or without the
    AAD object id, which Teams does not always include)."""
    at = f"<at>{user.name}</at>"
    activity["text"] = f"{activity['text'].rstrip()} {at}"
    mentioned = user.account() if with_object_id else {"id": user.id, "name": user.name}
    activity["entities"].append({"mentioned": mentioned, "text": at, "type": "mention"})
    return activity


def channel_mention(
    text: str,
    *,
    thread_root: str | None = None,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    locale: str = "en-US",
    app_id: str = APP_ID,
    channel_id: str = CHANNEL_ID,
) -> dict[str, Any]:
    """``@Seuranta <text>`` in a channel: a new post, or a reply in ``thread_root``'s thread.

    The conversation id names the thread (``;messageid=`` and the root post's id); for a new post
    the root is the post itself.
    """
    activity_id = str(next(_message_ids))
    root = thread_root or activity_id
    conversation = {
        "isGroup": True,
        "conversationType": "channel",
        "tenantId": TENANT_ID,
        "id": f"{channel_id};messageid={root}",
    }
    activity = _base(
        "message",
        conversation,
        user=user,
        service_url=service_url,
        locale=locale,
        app_id=app_id,
        activity_id=activity_id,
    )
    if thread_root:
        activity["replyToId"] = thread_root
    activity["channelData"] = {
        "teamsChannelId": channel_id,
        "teamsTeamId": TEAM_ID,
        "channel": {"id": channel_id},
        "team": {"id": TEAM_ID},
        "tenant": {"id": TENANT_ID},
    }
    return _mentioning(activity, text, app_id)


def group_chat_mention(
    text: str,
    *,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    locale: str = "sv-SE",
    app_id: str = APP_ID,
) -> dict[str, Any]:
    """``@Seuranta <text>`` in a group chat (which has no threads)."""
    conversation = {
        "isGroup": True,
        "conversationType": "groupChat",
        "tenantId": TENANT_ID,
        "id": GROUP_CHAT_ID,
    }
    activity = _base(
        "message", conversation, user=user, service_url=service_url, locale=locale, app_id=app_id
    )
    return _mentioning(activity, text, app_id)


def installation_update(
    action: str = "add",
    *,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    locale: str = "fi-FI",
    app_id: str = APP_ID,
) -> dict[str, Any]:
    """The app installed (``add``) or uninstalled (``remove``) in a user's personal scope."""
    assert action in ("add", "remove")
    activity = _base(
        "installationUpdate",
        _personal(user),
        user=user,
        service_url=service_url,
        locale=locale,
        app_id=app_id,
        activity_id=f"f:{next(_message_ids)}",
    )
    activity["action"] = action
    activity["channelData"]["source"] = {"name": "message"}
    return activity


def bot_added_to_team(
    *,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    app_id: str = APP_ID,
    team_name: str = "Sisäinen turvallisuus",
) -> dict[str, Any]:
    """``conversationUpdate``: someone added the bot to a team (it arrives in General)."""
    conversation = {
        "isGroup": True,
        "conversationType": "channel",
        "tenantId": TENANT_ID,
        "id": GENERAL_CHANNEL,
    }
    activity = _base(
        "conversationUpdate",
        conversation,
        user=user,
        service_url=service_url,
        locale="fi-FI",
        app_id=app_id,
        activity_id=f"f:{next(_message_ids)}",
    )
    del activity["locale"], activity["localTimezone"], activity["entities"]
    activity["membersAdded"] = [{"id": f"28:{app_id}"}]
    activity["channelData"] = {
        "team": {
            "aadGroupId": "5e7a9c1b-3d2f-4a6e-8b0c-1d3e5f7a9b2c",
            "name": team_name,
            "id": TEAM_ID,
        },
        "eventType": "teamMemberAdded",
        "tenant": {"id": TENANT_ID},
        "settings": {"selectedChannel": {"id": GENERAL_CHANNEL}},
    }
    return activity


def bot_removed_from_team(
    *, user: TeamsUser = MAIJA, service_url: str = SERVICE_URL, app_id: str = APP_ID
) -> dict[str, Any]:
    """``conversationUpdate``: someone removed the bot (uninstalled the app) from a team."""
    activity = bot_added_to_team(user=user, service_url=service_url, app_id=app_id)
    del activity["membersAdded"]
    activity["membersRemoved"] = [{"id": f"28:{app_id}"}]
    activity["channelData"]["eventType"] = "teamMemberRemoved"
    del activity["channelData"]["settings"]
    return activity


def bot_added_personally(
    *,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    app_id: str = APP_ID,
) -> dict[str, Any]:
    """``conversationUpdate``: the bot joined a user's 1:1 chat (sent with the install)."""
    activity = _base(
        "conversationUpdate",
        _personal(user),
        user=user,
        service_url=service_url,
        locale="fi-FI",
        app_id=app_id,
        activity_id=f"f:{next(_message_ids)}",
    )
    del activity["locale"], activity["localTimezone"], activity["entities"]
    activity["membersAdded"] = [{"id": f"28:{app_id}"}]
    return activity


def card_action(
    verb: str,
    data: dict[str, Any],
    *,
    reply_to: str,
    user: TeamsUser = MAIJA,
    service_url: str = SERVICE_URL,
    locale: str = "fi-FI",
    app_id: str = APP_ID,
    title: str = "",
) -> dict[str, Any]:
    """A click on an ``Action.Execute`` button of the card the bot sent as ``reply_to``."""
    activity = _base(
        "invoke",
        _personal(user),
        user=user,
        service_url=service_url,
        locale=locale,
        app_id=app_id,
        activity_id=f"f:{next(_message_ids)}",
    )
    activity["name"] = "adaptiveCard/action"
    activity["replyToId"] = reply_to
    activity["channelData"]["source"] = {"name": "message"}
    activity["channelData"]["legacy"] = {"replyToId": reply_to}
    activity["value"] = {
        "action": {"type": "Action.Execute", "title": title or verb, "verb": verb, "data": data},
        "trigger": "manual",
    }
    return activity
