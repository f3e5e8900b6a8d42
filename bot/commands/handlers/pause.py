"""``/seuranta pause until DATE``: no reminders for this person before that day."""

from __future__ import annotations

from bot.slack.services import Services
from bot.slack.subcommands import Pause
from data import reminders
from data.db import transaction
from seuranta.i18n import format_date, message


def pause_reply(services: Services, user_id: str, command: Pause, lang: str) -> str:
    today = services.now().astimezone(services.settings.zone).date()
    if command.until <= today:
        return message("command.pause.past", lang, until=format_date(command.until, lang))
    with transaction(services.factory) as session:
        reminders.pause(session, user_id, command.until, services.now())
    return message("command.pause.done", lang, until=format_date(command.until, lang))
