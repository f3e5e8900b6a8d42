"""Which language to answer someone in: one rule for every platform and every message (pure).

The adapters (a question in Slack or Teams, a button click) and the notices (a reminder, a
round's request) all ask it; they differ only in what they know: a question has words, a
reminder has none, Teams sends a locale with every message and Slack tells it once, on asking.
"""

from __future__ import annotations

from bot.intents import detect_language
from seuranta.settings import LANGUAGES


def preferred_language(
    text: str, person_locale: str | None, platform_locale: str | None, default: str
) -> str:
    """The language of ``text`` (a question), else the person's stored locale (in the directory,
    as their chat platform reported it), else the locale the platform sent with this very
    message, else ``default`` (``SEURANTA_LANGUAGE``). Locales look like ``fi-FI`` or ``sv``;
    one in another language than fi, sv or en does not decide."""
    return (
        (detect_language(text) if text else None)
        or _language_of(person_locale)
        or _language_of(platform_locale)
        or default
    )


def _language_of(locale: str | None) -> str | None:
    lang = (locale or "").replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else None
