"""Storing a status from any Slack surface, then showing it on the reminder (shared by listeners).

The decision (may this person report? which organisation?) is :mod:`data.status`; this module
is the Slack edge: the refusal as an ephemeral message, the permalink, the in-place update.
"""

from __future__ import annotations

import dataclasses
import logging
import re

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.document import Document, Label, Note, Person, Target, Value, phrase
from bot.slack.render.document import render_document
from bot.slack.services import Services
from bot.slack.subcommands import ReportStatus
from bot.slack.user_text import from_slack
from data import outbox, queries, status
from data.db import transaction
from data.models import Measure, OutboxKind, State
from jobs.notices import Gone, kinds
from jobs.notices.reading import language_for_user
from seuranta.i18n import format_date, message, state_label
from seuranta.text import TooLong

logger = logging.getLogger(__name__)

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
    now = services.now()
    lang = language_for_user(services.factory, user, services.settings.language)
    with transaction(services.factory) as session:
        measure = session.get(Measure, target.measure_id)
        if measure is None:  # the id came from our own button, so the request was made up
            logger.warning("status for a measure that does not exist: %s", target.measure_id)
            return False
        allowed, organisation = status.may_report(
            session, measure.id, user, services.settings.admins
        )
        if not allowed:
            refusal = message("status.refused", lang, number=measure.number)
            if channel:
                client.chat_postEphemeral(channel=channel, user=user, text=refusal)
            return False
        chosen = state or status.latest_state(session, measure.id) or State.NOT_STARTED
        number = measure.number
        status.record(
            session,
            measure_id=measure.id,
            milestone_id=target.milestone_id,
            state=chosen,
            note=note,
            reporter=user,
            reporter_name="",
            organisation=organisation,
            source=source,
            channel=channel,
            message_ts=ts,
            permalink=_permalink(client, channel, ts),
            now=now,
        )
    if channel and ts and source != "thread":
        _show_on_reminder(services, client, channel, ts, user, chosen, lang, number)
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


def status_reply(
    services: Services, client: WebClient, user: str, command: ReportStatus, lang: str
) -> str:
    """``/seuranta status 2.7 at-risk "note"``: store it, or say why not, in one line."""
    with services.factory() as session:
        version = queries.current_programme_version(session)
        measure = (
            queries.measure_with_owners(session, version[0], command.number) if version else None
        )
    if measure is None:
        return message("nosuch.title", lang, requested=command.number)
    try:
        note = from_slack(services, client, command.note)
    except TooLong as error:
        return message("status.too_long", lang, length=error.length, limit=error.limit)
    state = State(command.state)
    stored = store(
        services,
        client,
        target=Target(measure.id, None, None),
        user=user,
        state=state,
        note=note,
        source="command",
        channel=None,
        ts=None,
    )
    if not stored:
        return message("status.refused", lang, number=measure.number)
    return message("status.saved", lang, number=measure.number, state=state_label(state, lang))
