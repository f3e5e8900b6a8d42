"""Whom an activity lets the bot reach later, and who is gone: conversation references (pure).

A bot cannot start a chat with a person who has not installed it, nor post in a team it was not
added to: it must keep what the Bot Connector told it (service URL, conversation id, ids) from an
install, from the bot being added to a team, or from any message. ``destination`` is the key a
reminder names (:mod:`seuranta.identity`): ``teams:<AAD object id>`` for a person's personal chat
with the bot, ``teams:19:…@thread.tacv2`` for a channel. Group chats are not kept: nothing is
ever sent to one unasked.
"""

from __future__ import annotations

from microsoft_teams.api.models import Account, ActivityBase

from data.directory import ConversationRef
from seuranta.errors import InputError
from seuranta.identity import TEAMS_PREFIX, PersonId, parse_channel


def tenant_of(activity: ActivityBase) -> str | None:
    """The tenant the activity comes from, where Teams says it (conversation or channel data)."""
    if activity.conversation.tenant_id:
        return activity.conversation.tenant_id
    data = activity.channel_data
    return data.tenant.id if data is not None and data.tenant is not None else None


def person_key(account: Account) -> str | None:
    """``teams:<AAD object id>``, or None for an account without one (a bot, a guest's odd id)."""
    if not account.aad_object_id:
        return None
    try:
        return PersonId.parse(TEAMS_PREFIX + account.aad_object_id).key
    except InputError:
        return None


def reference(activity: ActivityBase) -> ConversationRef | None:
    """How to reach the person (a personal chat) or the channel this activity came from."""
    kind = activity.conversation.conversation_type
    service_url = activity.service_url
    if not service_url:
        return None
    if kind == "personal":
        if person_key(activity.from_) is None:
            return None
        assert activity.from_.aad_object_id is not None  # person_key
        return ConversationRef.personal(
            aad_object_id=activity.from_.aad_object_id,
            user_id=activity.from_.id,
            conversation_id=activity.conversation.id,
            service_url=service_url,
            bot_id=activity.recipient.id,
            tenant_id=tenant_of(activity),
        )
    if kind == "channel":
        try:
            return ConversationRef.channel(
                conversation_id=activity.conversation.id,
                service_url=service_url,
                bot_id=activity.recipient.id,
                tenant_id=tenant_of(activity),
            )
        except InputError:  # not a channel id as we know them: nothing to keep
            return None
    return None


def removed(activity: ActivityBase) -> list[str]:
    """What the bot can no longer reach once removed here: the person, or the channel and the
    team's General channel (whose id is the team's)."""
    kind = activity.conversation.conversation_type
    if kind == "personal":
        key = person_key(activity.from_)
        return [key] if key else []
    if kind != "channel":
        return []
    found = [activity.conversation.id.split(";", 1)[0]]
    data = activity.channel_data
    if data is not None and data.team is not None and data.team.id:
        found.append(data.team.id)
    destinations = []
    for channel in found:
        try:
            destinations.append(parse_channel(TEAMS_PREFIX + channel))
        except InputError:
            continue
    return list(dict.fromkeys(destinations))
