"""Which language to answer in: the question's own, else the user's Slack locale, else the default.

The locale comes from ``users.info`` once per person and is kept in the directory, so a question
costs no Web API call after the first.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError

from bot.intents import detect_language
from bot.slack.services import Services
from data import directory
from data.db import transaction
from seuranta.settings import LANGUAGES

logger = logging.getLogger(__name__)


def language_for(services: Services, client: WebClient, user_id: str, text: str = "") -> str:
    return (
        (detect_language(text) if text else None)
        or user_language(services, client, user_id)
        or services.settings.language
    )


def user_language(services: Services, client: WebClient, user_id: str) -> str | None:
    with services.factory() as session:
        known = directory.person(session, user_id)
        if known is not None and known.locale is not None:
            return language_of_locale(known.locale)
    try:
        user = client.users_info(user=user_id, include_locale=True).get("user") or {}
    except SlackApiError as error:
        logger.warning("users.info for %s failed (%s); using the default language", user_id, error)
        return None
    locale = str(user.get("locale") or "")  # "" = asked, Slack had none: do not ask again
    try:
        with transaction(services.factory) as session:
            directory.remember_profile(
                session,
                user_id,
                locale=locale,
                tz=user.get("tz"),
                display_name=str(user.get("real_name") or user.get("name") or ""),
                now=services.now(),
            )
    except IntegrityError:
        pass  # a parallel request from the same new person stored the profile first
    return language_of_locale(locale)


def language_of_locale(locale: str) -> str | None:
    """Slack's ``fi-FI``, ``sv-SE``, ``en-GB`` … to one of the bot's languages."""
    lang = locale.split("-")[0].lower()
    return lang if lang in LANGUAGES else None
