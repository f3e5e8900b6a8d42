"""Who someone is in Slack: their locale and name, asked of ``users.info`` once per person.

The answer is kept in the directory, so a question costs no Web API call after the first.
Which language to answer in is :func:`bot.language.preferred_language`'s to decide; this
module only says what Slack knows.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import IntegrityError

from bot.slack.services import Services
from data import directory
from data.db import transaction
from seuranta.text import clean

logger = logging.getLogger(__name__)

NAME_LIMIT = 200  # Person.display_name's column


def known_locale(services: Services, user_id: str) -> str | None:
    """The locale the directory holds for the person ("" = Slack had none), without asking."""
    with services.factory() as session:
        known = directory.person(session, user_id)
        return known.locale if known is not None else None


def slack_locale(services: Services, client: WebClient, user_id: str) -> str | None:
    """The directory's locale for the person, else ``users.info``'s (then kept)."""
    locale = known_locale(services, user_id)
    if locale is not None:
        return locale
    profile = user_profile(services, client, user_id)
    return profile.locale if profile is not None else None


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
