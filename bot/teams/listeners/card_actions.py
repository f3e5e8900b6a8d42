"""A click on a card's status control: an ``adaptiveCard/action`` invoke, answered with a card.

The invoke's HTTP response replaces the clicked card (for the one who clicked): after a status is
recorded, with the message as it now reads and what was recorded, by whom; for someone who may
not report, with a polite refusal (nothing stored); for a click our cards cannot have sent, with
a polite "this button could not be read" (logged; never a 500). A click that records nothing
(no status chosen and no note, or a note over the limit) is answered with a short message
instead, which leaves the card and what was typed in it as they were.
"""

from __future__ import annotations

import asyncio
import logging

from microsoft_teams.api.activities.invoke.adaptive_card import AdaptiveCardInvokeActivity
from microsoft_teams.api.models.adaptive_card import (
    AdaptiveCardActionCardResponse,
    AdaptiveCardActionMessageResponse,
)
from microsoft_teams.apps import ActivityContext, App

from bot.commands.record import RecordStatus, StatusRequest
from bot.document import Document, Lines, Phrase, phrase
from bot.language import preferred_language
from bot.render.phrase import render
from bot.teams.actions import UnreadableClick, read_click
from bot.teams.documents import MARKUP, document_card
from bot.teams.markup import plain
from bot.teams.services import Services
from bot.teams.status import answered
from seuranta.errors import InputError
from seuranta.identity import PersonId, Platform
from seuranta.text import TooLong, bounded

logger = logging.getLogger(__name__)

Answer = AdaptiveCardActionCardResponse | AdaptiveCardActionMessageResponse


def register(app: App, services: Services) -> None:
    record = services.record_status
    if record is None:
        return  # nothing to record with: the composition root did not give a recorder

    async def on_execute(ctx: ActivityContext[AdaptiveCardInvokeActivity]) -> Answer:
        return await answer_click(ctx.activity, services, record)

    app.on_card_action_execute(on_execute)


async def answer_click(
    activity: AdaptiveCardInvokeActivity, services: Services, record: RecordStatus
) -> Answer:
    lang = preferred_language("", None, activity.locale, services.settings.language)
    action = activity.value.action
    try:
        click = read_click(action.verb, action.data)
    except UnreadableClick as error:
        logger.warning("unreadable card action from %s: %s", activity.from_.id, error)
        return _card(_saying(phrase("teams.click.unreadable")), lang)
    person = _person(activity.from_.aad_object_id)
    if person is None:
        logger.warning("card action from %s without an AAD object id", activity.from_.id)
        return _card(_saying(phrase("teams.click.anonymous")), lang)
    try:
        note = bounded(click.note)
    except TooLong as error:
        return _message(phrase("status.too_long", length=error.length, limit=error.limit), lang)
    if click.state is None and not note:
        return _message(phrase("teams.click.empty"), lang)
    request = StatusRequest(
        person=person.key,
        name=activity.from_.name or "",
        target=click.target,
        state=click.state,
        note=note,
        platform=Platform.TEAMS,
        conversation=activity.conversation.id,
        message=activity.reply_to_id,
    )
    # The recorder reads and writes the database, which is synchronous: off the loop.
    outcome = await asyncio.to_thread(record, request)
    return _card(answered(outcome, click.target), lang)


def _person(object_id: str | None) -> PersonId | None:
    try:
        return PersonId.parse(f"teams:{object_id}") if object_id else None
    except InputError:
        return None


def _saying(text: Phrase) -> Document:
    return Document(summary=text, blocks=(Lines((text,)),))


def _card(document: Document, lang: str) -> AdaptiveCardActionCardResponse:
    return AdaptiveCardActionCardResponse(value=document_card(document, lang))


def _message(text: Phrase, lang: str) -> AdaptiveCardActionMessageResponse:
    return AdaptiveCardActionMessageResponse(value=plain(render(text, lang, MARKUP)))
