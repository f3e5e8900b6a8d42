"""The app installed or removed, the bot added to or taken out of a team: whom it can reach.

- ``installationUpdate`` ``add`` (a person's personal scope, or a team) and ``conversationUpdate``
  with the bot among ``membersAdded``: the person's personal chat, or the team's channel, is
  stored (:mod:`bot.teams.conversations`), so their reminders and the coordinators' lists can
  be sent there;
- ``installationUpdate`` ``remove`` and ``conversationUpdate`` with the bot among
  ``membersRemoved``: forgotten, so nothing is sent where the Bot Connector would answer 403.

Teams sends an install as both activities; storing the same reference twice writes nothing.
"""

from __future__ import annotations

import logging

from microsoft_teams.api.activities.conversation import ConversationUpdateActivity
from microsoft_teams.api.activities.install_update import InstalledActivity, UninstalledActivity
from microsoft_teams.api.models import ActivityBase
from microsoft_teams.apps import ActivityContext, App

from bot.teams.conversations import reference, removed
from bot.teams.services import Services

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    if services.factory is None:
        return  # no records to keep references in

    async def on_install(ctx: ActivityContext[InstalledActivity]) -> None:
        await _added(ctx.activity, services)

    async def on_uninstall(ctx: ActivityContext[UninstalledActivity]) -> None:
        await _removed(ctx.activity, services)

    async def on_conversation_update(ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        activity = ctx.activity
        bot = activity.recipient.id
        if any(member.id == bot for member in activity.members_added or ()):
            await _added(activity, services)
        if any(member.id == bot for member in activity.members_removed or ()):
            await _removed(activity, services)

    app.on_install_add(on_install)
    app.on_install_remove(on_uninstall)
    app.on_conversation_update(on_conversation_update)


async def _added(activity: ActivityBase, services: Services) -> None:
    found = reference(activity)
    if found is not None:
        await services.remember([found], always=True)  # another process may have forgotten it
        logger.info("teams: can now reach %s", found.destination)


async def _removed(activity: ActivityBase, services: Services) -> None:
    gone = removed(activity)
    if gone:
        await services.forget(gone)
        logger.info("teams: can no longer reach %s", ", ".join(gone))
