"""Storing a status from any Slack surface, then showing it on the reminder (shared by listeners).

Recording it is platform-free (:func:`bot.commands.record.record_status`: may this person
report? which organisation?); this module is the Slack edge: the refusal as an ephemeral
message, the permalink, the in-place update.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.commands.record import Refused, record_status
from bot.document import Target
from bot.language import preferred_language
from bot.slack.people import known_locale
from bot.slack.services import Services
from data import reminders
from data.models import State
from jobs import messages
from seuranta.i18n import format_date, message, state_label

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
    """chat.update the reminder: its text and buttons, plus who recorded what and when."""
    now = services.now()
    local = now.astimezone(services.settings.zone)
    with services.factory() as session:
        row = reminders.by_message(session, channel, ts)
        recorded = message(
            # A message listing several milestones says which one the record is for.
            "status.recorded_for"
            if row is not None and row.kind == "bundle"
            else "status.recorded",
            lang,
            state=state_label(state.value, lang),
            who=f"<@{user}>",
            when=f"{format_date(local.date(), lang)} {local:%H:%M}",
            number=number,
        )
        today = local.date()
        base = (
            messages.render(session, row, services.settings.language, today)
            if row is not None
            else None
        )
    blocks: list[dict[str, Any]] = list(base.blocks) if base else []
    if row is None or row.round_id is None:  # a round message shows it beside the measure
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": recorded}]})
    client.chat_update(channel=channel, ts=ts, text=base.text if base else recorded, blocks=blocks)
