"""Questions: any message in the bot's personal chat, or an @mention in a channel or group chat.

The answer goes where the question was: into the personal chat, into the channel post's thread
(the conversation id carries ``;messageid=`` and the thread's root), or into the group chat,
which Teams does not thread. Subcommands (``status 2.7 …``, ``iam SUPO`` …) are not read yet:
for now every message is a question.
"""

from __future__ import annotations

from microsoft_teams.api.activities import MessageActivity
from microsoft_teams.api.models import ConversationReference
from microsoft_teams.apps import ActivityContext, App
from microsoft_teams.apps.utils.thread import to_threaded_conversation_id

from bot.teams.cards import render_answer
from bot.teams.services import Services


def register(app: App, services: Services) -> None:
    async def on_message(ctx: ActivityContext[MessageActivity]) -> None:
        await answer_question(ctx, services)

    app.on_message(on_message)


async def answer_question(ctx: ActivityContext[MessageActivity], services: Services) -> None:
    activity = ctx.activity
    if activity.from_.id.startswith("28:"):
        return  # another bot: answering could start a loop between bots
    personal = activity.conversation.conversation_type == "personal"
    if not personal and not activity.is_recipient_mentioned():
        return  # a channel message not addressed to us (with message-read permissions)
    if activity.value is not None and not activity.text:
        return  # an Action.Submit click from a card: not a question
    question = (activity.strip_mentions_text().text or "").strip()
    lang = services.language_for(question, activity.locale)
    answer = await services.ask(question, lang)
    await ctx.send(render_answer(answer, services.settings.zone), _thread(ctx))


def _thread(ctx: ActivityContext[MessageActivity]) -> ConversationReference | None:
    """Where a channel answer goes: the thread the question is in, or the one it starts."""
    conversation = ctx.activity.conversation
    if conversation.conversation_type != "channel" or ";messageid=" in conversation.id:
        return None  # the conversation itself: a personal chat, a group chat, or the thread
    root = ctx.activity.reply_to_id or ctx.activity.id
    if not root.isdigit():
        return None  # not a Teams post id: answer in the channel rather than fail
    threaded = conversation.model_copy(
        update={"id": to_threaded_conversation_id(conversation.id, root)}
    )
    reference: ConversationReference = ctx.conversation_ref.model_copy(
        update={"conversation": threaded}
    )
    return reference
