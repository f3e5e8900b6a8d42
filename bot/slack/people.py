"""Which language to answer in: the question's own, else the user's Slack locale, else the default.

The locale comes from ``users.info`` once per person and is kept in the directory, so a question
costs no Web API call after the first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError

from bot.intents import detect_language
from bot.slack.services import Services
from data import directory
from data.db import transaction
from seuranta.settings import LANGUAGES
from seuranta.text import clean

logger = logging.getLogger(__name__)

NAME_LIMIT = 200  # Person.display_name's column


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
    profile = user_profile(services, client, user_id)
    return language_of_locale(profile.locale) if profile is not None else None


@dataclass(frozen=True, slots=True)
class Profile:
    locale: str  # "" = Slack has none for this person
    display_name: str


def user_profile(services: Services, client: WebClient, user_id: str) -> Profile | None:
    """Ask users.info and remember the answer in the directory; None if Slack would not say."""
    try:
        user = client.users_info(user=user_id, include_locale=True).get("user") or {}
    except SlackApiError as error:
        logger.warning("users.info for %s failed (%s)", user_id, error)
        return None
    # A name is text anyone can set: kept by the input policy, within its column.
    name = clean(str(user.get("real_name") or user.get("name") or ""))[:NAME_LIMIT]
    profile = Profile(str(user.get("locale") or ""), name)
    try:
        with transaction(services.factory) as session:
            directory.remember_profile(
                session,
                user_id,
                locale=profile.locale,  # "" = asked, Slack had none: do not ask again
                tz=user.get("tz"),
                display_name=profile.display_name,
                now=services.now(),
            )
    except IntegrityError:
        pass  # a parallel request from the same new person stored the profile first
    return profile


def language_of_locale(locale: str) -> str | None:
    """Slack's ``fi-FI``, ``sv-SE``, ``en-GB`` … to one of the bot's languages."""
    lang = locale.split("-")[0].lower()
    return lang if lang in LANGUAGES else None
