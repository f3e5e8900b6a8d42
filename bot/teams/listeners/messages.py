"""Questions and subcommands: any message in the bot's personal chat, or an @mention in a channel
or group chat.

The answer goes where the message was: into the personal chat, into the channel post's thread
(the conversation id carries ``;messageid=`` and the thread's root), or into the group chat,
which Teams does not thread. What is typed is read as Slack's ``/seuranta …`` is
(:mod:`bot.commands`): ``status 2.7 at-risk "note"``, ``iam SUPO``, ``contact add SUPO @Sven`` …
each under the same rules, for the person ``teams:<AAD object id>``; anything else is a question
for the answer engine. A command's reply is a card; ``report`` answers with links to the status
page's exports (the files are public, as the page is) rather than uploading them, which in a
personal chat would need Teams' file consent flow and in a channel SharePoint permissions.

Every message in a personal chat also refreshes how to reach its writer later, and an @mention
in a channel how to reach that channel (:mod:`bot.teams.conversations`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from microsoft_teams.api.activities import MessageActivity, MessageActivityInput
from microsoft_teams.api.models import ConversationReference
from microsoft_teams.apps import ActivityContext, App
from microsoft_teams.apps.utils.thread import to_threaded_conversation_id
from microsoft_teams.cards import ActionSet, OpenUrlAction

from bot.answers import Answer
from bot.commands.parse import Ask, Command, parse_command, question_text
from bot.commands.results import ReportFiles, Result, say
from bot.document import Document, phrase
from bot.rate_limit import RateLimiter, Verdict
from bot.teams.cards import render_answer
from bot.teams.conversations import person_key, reference
from bot.teams.documents import document_card, document_message
from bot.teams.people import named, people
from bot.teams.services import Services
from bot.teams.user_text import typed
from seuranta import logs
from seuranta.i18n import message

logger = logging.getLogger(__name__)


def register(app: App, services: Services) -> None:
    async def on_message(ctx: ActivityContext[MessageActivity]) -> None:
        await answer_message(ctx, services)

    app.on_message(on_message)


async def answer_message(ctx: ActivityContext[MessageActivity], services: Services) -> None:
    activity = ctx.activity
    if activity.from_.id.startswith("28:"):
        return  # another bot: answering could start a loop between bots
    personal = activity.conversation.conversation_type == "personal"
    if not personal and not activity.is_recipient_mentioned():
        return  # a channel message not addressed to us (with message-read permissions)
    if activity.value is not None and not activity.text:
        return  # an Action.Submit click from a card: not a question
    if services.limiter is not None and not await _within_rate(ctx, services.limiter, services):
        return
    if services.factory is None:
        question = (activity.strip_mentions_text().text or "").strip()
        lang = services.language_for(question, activity.locale)
        thread = _thread(ctx)
        answer = await services.ask(question, lang, _conversation_key(ctx, thread))
        await ctx.send(render_answer(answer, services.settings.zone), thread)
        return
    words = await typed(ctx)
    where = reference(activity)
    await services.remember([where] if where else [], _told(activity, words.names))
    command = parse_command(words.text, words.names)
    lang = services.language_for(question_text(command), activity.locale)
    thread = _thread(ctx)
    result = await _result(command, activity, services, lang, _conversation_key(ctx, thread))
    if isinstance(result, Document):
        unnamed = people(result) - words.names.keys()
        found = await services.display_names(sorted(unnamed)) if unnamed else {}
        result = named(result, {**found, **words.names})
    await ctx.send(_shown(result, services, lang), thread)


async def _within_rate(
    ctx: ActivityContext[MessageActivity], limiter: RateLimiter, services: Services
) -> bool:
    """SEURANTA_RATE_LIMIT, as in Slack: past it, one "slow down" a window, then silence."""
    activity = ctx.activity
    who = person_key(activity.from_) or activity.from_.id
    verdict = limiter.check(who, time.monotonic())
    if verdict is Verdict.ALLOW:
        return True
    told = verdict is Verdict.REFUSE_AND_TELL
    logger.info("rate limited", extra=logs.fields(user=who, told=told))
    if told:
        lang = services.language_for(activity.text or "", activity.locale)
        text = message("command.slow_down", lang, limit=limiter.limit)
        await ctx.send(MessageActivityInput(text=text, text_format="plain"), _thread(ctx))
    return False


def _told(
    activity: MessageActivity, mentioned: Mapping[str, str]
) -> dict[str, tuple[str | None, str | None]]:
    """The names Teams gave in this message, and the writer's locale."""
    told: dict[str, tuple[str | None, str | None]] = {
        key: (name or None, None) for key, name in mentioned.items()
    }
    writer = person_key(activity.from_)
    if writer is not None:
        told[writer] = (activity.from_.name or None, activity.locale)
    return told


async def _result(
    command: Command,
    activity: MessageActivity,
    services: Services,
    lang: str,
    conversation: str,
) -> Result:
    if isinstance(command, Ask):
        return await services.ask(command.question, lang, conversation)
    person = person_key(activity.from_)
    if person is None:  # an account without an object id: no one to act for
        return say(phrase("teams.message.anonymous"))
    return await services.command(command, person, lang)


def _shown(result: Result, services: Services, lang: str) -> MessageActivityInput:
    if isinstance(result, Answer):
        return render_answer(result, services.settings.zone)
    if isinstance(result, ReportFiles):
        return _report_links(services.settings.public_url, result.lang)
    return document_message(result, lang)


def _report_links(base: str | None, lang: str) -> MessageActivityInput:
    """The report as links to the status page's downloads, which are as public as the page."""
    if base is None:
        return document_message(say(phrase("teams.report.no_url")), lang)
    card = document_card(say(phrase("teams.report.links")), lang)
    card.body = [
        *(card.body or ()),
        ActionSet(
            actions=[
                OpenUrlAction(
                    title=message("command.report.table", lang),
                    url=f"{base}/export/seuranta.xlsx?lang={lang}",
                ),
                OpenUrlAction(title=message("teams.report.page", lang), url=f"{base}/?lang={lang}"),
            ]
        ),
    ]
    return MessageActivityInput().add_card(card)


def _conversation_key(
    ctx: ActivityContext[MessageActivity], thread: ConversationReference | None
) -> str:
    """Where follow-ups continue: the chat, or the channel thread the answer goes into."""
    conversation = thread.conversation if thread is not None else ctx.activity.conversation
    return f"teams:{conversation.id}"


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
