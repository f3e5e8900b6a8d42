"""A Teams message as the plain words a command reads, people written as their keys.

Teams writes each @mention into ``text`` as ``<at>Name</at>`` and names the account in a
``mention`` entity. The bot's own mention is dropped; another person's becomes their person key,
``teams:<AAD object id>`` (:mod:`seuranta.identity`), so that ``contact add SUPO @Sven`` names
Sven by identity, never by a display name anyone could change. The entity carries the object id
when Teams includes it; otherwise the Bot Connector is asked for the member (the roster of the
chat or team). A mention that cannot be resolved keeps its name, which no command accepts as a
person, so the command answers with its usage instead of guessing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import httpx
from microsoft_teams.api.activities import MessageActivity
from microsoft_teams.api.models import Account, MentionEntity
from microsoft_teams.apps import ActivityContext

from bot.teams.conversations import person_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Typed:
    text: str
    names: dict[str, str] = field(default_factory=dict)  # person key -> name, for notes


async def typed(ctx: ActivityContext[MessageActivity]) -> Typed:
    activity = ctx.activity
    text = activity.text or ""
    names: dict[str, str] = {}
    bot = activity.recipient.id
    for entity in activity.entities or ():
        if not isinstance(entity, MentionEntity):
            continue
        written = entity.text or f"<at>{entity.mentioned.name}</at>"
        if entity.mentioned.id == bot:
            text = text.replace(written, " ")
            continue
        key = person_key(entity.mentioned) or await _looked_up(ctx, entity.mentioned)
        name = (entity.mentioned.name or written.removeprefix("<at>").removesuffix("</at>")).strip()
        if key is None:
            text = text.replace(written, name)
            continue
        names[key] = name
        text = text.replace(written, key)
    return Typed(" ".join(text.split()), names)


async def _looked_up(ctx: ActivityContext[MessageActivity], account: Account) -> str | None:
    """The member's object id from the Bot Connector: the mention entity did not carry it."""
    conversation = ctx.activity.conversation.id.split(";", 1)[0]
    data = ctx.activity.channel_data
    if data is not None and data.team is not None and data.team.id:
        conversation = data.team.id  # a team's roster answers for each of its channels
    try:
        member = await ctx.api.conversations.get_member_by_id(conversation, account.id)
    except httpx.HTTPError as error:
        logger.warning("teams: could not look up a mentioned member: %r", error)
        return None
    return person_key(Account(id=member.id, aad_object_id=member.aad_object_id))
