"""Storing a status from any Slack surface, then showing it on the reminder (shared by listeners).

Recording it is platform-free (:func:`bot.commands.record.record_status`: may this person
report? which organisation?); this module is the Slack edge: the refusal as an ephemeral
message, the permalink, the in-place update.
"""

from __future__ import annotations

import dataclasses
import re

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.commands.record import Refused, record_status
from bot.document import Document, Label, Note, Person, Target, Value, phrase
from bot.language import preferred_language
from bot.slack.people import known_locale
from bot.slack.render.document import render_document
from bot.slack.services import Services
from data import outbox
from data.models import OutboxKind, State
from jobs.notices import Gone, kinds
from seuranta.i18n import format_date, message

_LEADING_NUMBER = re.compile(r"^\s*(?P<number>[1-9]\d?\.\d{1,2})[.:,]?(?:\s+|$)")


def reply_target(choices: list[tuple[str, Target]], text: str) -> tuple[Target | None, str]:
    """Which item of a message listing several a thread reply is about, and the note without
    the number: the reply starts with the measure's number, unless there is only one item."""
    found = _LEADING_NUMBER.match(text)
    if found:
        for number, target in choices:
            if number == found["number"]:
                return target, text[found.end() :].strip()
    if len(choices) == 1:
        return choices[0][1], text.strip()
    return None, text


def store(
    services: Services,
    client: WebClient,
    *,
    target: Target,
    user: str,
    state: State | None,
    note: str,
    source: str,
    channel: str | None,
    ts: str | None,
) -> bool:
    """Record the report, or tell the person politely why not; True if stored."""
    outcome = record_status(
        services.factory,
        target=target,
        person=user,
        state=state,
        note=note,
        source=source,
        admins=services.settings.admins,
        now=services.now(),
        channel=channel,
        message_ts=ts,
        permalink=lambda: _permalink(client, channel, ts),
    )
    if outcome is None:
        return False
    lang = preferred_language("", known_locale(services, user), None, services.settings.language)
    if isinstance(outcome, Refused):
        if channel:
            refusal = message("status.refused", lang, number=outcome.number)
            client.chat_postEphemeral(channel=channel, user=user, text=refusal)
        return False
    if channel and ts and source != "thread":
        _show_on_reminder(services, client, channel, ts, user, outcome.state, lang, outcome.number)
    return True


def _permalink(client: WebClient, channel: str | None, ts: str | None) -> str | None:
    if not channel or not ts:
        return None
    try:
        link = client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except SlackApiError:
        return None  # the link is a convenience; the channel and ts are stored regardless
    return str(link) if link else None


def _show_on_reminder(
    services: Services,
    client: WebClient,
    channel: str,
    ts: str,
    user: str,
    state: State,
    lang: str,
    number: str,
) -> None:
    """chat.update the reminder: its text and buttons, plus who recorded what and when.

    The message is shown again as its notice is now, in its reader's language (the clicker's
    if it no longer has anything to say)."""
    local = services.now().astimezone(services.settings.zone)
    document: Document | None = None
    with services.factory() as session:
        row = outbox.by_message(session, channel, ts)
        if row is not None:
            try:
                document = kinds.notice(session, row, local.date()).document()
                lang = kinds.language_of(session, row, services.settings.language)
            except Gone:  # its milestone was removed since: the record alone is shown
                document = None
    values: dict[str, Value] = {
        "state": Label("state", state),
        "who": Person(user),
        "when": f"{format_date(local.date(), lang)} {local:%H:%M}",
    }
    if row is not None and row.kind == OutboxKind.BUNDLE:  # it lists several: say which
        recorded = phrase("status.recorded_for", number=number, **values)
    else:
        recorded = phrase("status.recorded", **values)
    if document is None:
        document = Document(recorded, (Note(recorded),))
    elif row is not None and row.round_id is None:  # a round message shows it by the measure
        document = dataclasses.replace(document, blocks=(*document.blocks, Note(recorded)))
    shown = render_document(document, lang)
    client.chat_update(channel=channel, ts=ts, text=shown.text, blocks=shown.blocks)
