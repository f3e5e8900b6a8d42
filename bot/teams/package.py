"""``seuranta teams package``: the Teams app package an administrator uploads.

A zip of ``manifest.json`` (the newest manifest schema our validator knows), the two icons and
Finnish and Swedish localization files. The app id and the bot id are both ``TEAMS_APP_ID``:
one Entra app registration is the bot. The manifest's own strings are English; Teams shows the
user's language where a file has it.

The command list names what people type to the bot. Command titles stay the words the bot
reads (``status``, ``iam`` …) in every language; only the descriptions, and the sample question,
are translated.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from importlib.metadata import version
from typing import Any
from urllib.parse import urlsplit

from bot.teams.icons import ACCENT, color_icon, outline_icon
from seuranta.errors import ConfigError
from seuranta.i18n import template
from seuranta.settings import Settings

MANIFEST_VERSION = "1.30"
SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v{version}/{name}.schema.json"
LANGUAGE_TAGS = {"en": "en-us", "fi": "fi-fi", "sv": "sv-se"}
DEVELOPER = "Seuranta"

# (title, description) per command, in the order Teams lists them. A title is the command word
# itself, the same in every language, or a sample question's catalogue key (translated);
# descriptions are catalogue keys (seuranta/i18n/teams.py).
_SAMPLE = "teams.command."
_PERSONAL = [
    ("teams.command.ask.title", "teams.command.ask"),
    ("status", "teams.command.status"),
    ("deadline", "teams.command.deadline"),
    ("pause", "teams.command.pause"),
    ("iam", "teams.command.iam"),
    ("contacts", "teams.command.contacts"),
    ("round", "teams.command.round"),
    ("report", "teams.command.report"),
    ("failures", "teams.command.failures"),
    ("help", "teams.command.help"),
]
_GROUPS = [
    ("teams.command.ask.title", "teams.command.ask"),
    ("teams.command.due.title", "teams.command.due"),
    ("help", "teams.command.help"),
]
_COMMAND_LISTS = [(["personal"], _PERSONAL), (["team", "groupChat"], _GROUPS)]


@dataclass(frozen=True, slots=True)
class PackageOptions:
    """What an organisation says about itself; every URL defaults to the public address."""

    developer: str = DEVELOPER
    website_url: str | None = None
    privacy_url: str | None = None
    terms_url: str | None = None
    app_version: str | None = None


def build_package(settings: Settings, options: PackageOptions | None = None) -> bytes:
    """The zip to upload to Teams."""
    document = manifest(settings, options or PackageOptions())
    files = {
        "manifest.json": _json(document),
        "color.png": color_icon(),
        "outline.png": outline_icon(),
        **{f"{lang}.json": _json(localization(lang)) for lang in ("fi", "sv")},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def manifest(settings: Settings, options: PackageOptions) -> dict[str, Any]:
    app_id, public_url = _required(settings)
    site = options.website_url or public_url + "/"
    return {
        "$schema": SCHEMA.format(version=MANIFEST_VERSION, name="MicrosoftTeams"),
        "manifestVersion": MANIFEST_VERSION,
        "version": options.app_version or _project_version(),
        "id": app_id,
        "localizationInfo": {
            "defaultLanguageTag": LANGUAGE_TAGS["en"],
            "additionalLanguages": [
                {"languageTag": LANGUAGE_TAGS[lang], "file": f"{lang}.json"}
                for lang in ("fi", "sv")
            ],
        },
        "developer": {
            "name": options.developer,
            "websiteUrl": site,
            "privacyUrl": options.privacy_url or site,
            "termsOfUseUrl": options.terms_url or site,
        },
        "name": {"short": "Seuranta", "full": template("teams.manifest.name.full", "en")},
        "description": {
            "short": template("teams.manifest.description.short", "en"),
            "full": template("teams.manifest.description.full", "en"),
        },
        "icons": {"color": "color.png", "outline": "outline.png"},
        "accentColor": ACCENT,
        "bots": [
            {
                "botId": app_id,
                "scopes": ["personal", "team", "groupChat"],
                "isNotificationOnly": False,
                "supportsFiles": False,
                "commandLists": [
                    {"scopes": scopes, "commands": [_command(c, "en") for c in commands]}
                    for scopes, commands in _COMMAND_LISTS
                ],
            }
        ],
        "validDomains": [urlsplit(public_url).netloc],
    }


def localization(lang: str) -> dict[str, str]:
    """A localization file: the manifest's strings in ``lang``, by their manifest path."""
    strings = {
        "$schema": SCHEMA.format(version=MANIFEST_VERSION, name="MicrosoftTeams.Localization"),
        "name.short": "Seuranta",
        "name.full": template("teams.manifest.name.full", lang),
        "description.short": template("teams.manifest.description.short", lang),
        "description.full": template("teams.manifest.description.full", lang),
    }
    for index, (_scopes, commands) in enumerate(_COMMAND_LISTS):
        for position, entry in enumerate(commands):
            command = _command(entry, lang)
            path = f"bots[0].commandLists[{index}].commands[{position}]"
            strings[f"{path}.title"] = command["title"]
            strings[f"{path}.description"] = command["description"]
    return strings


def _command(entry: tuple[str, str], lang: str) -> dict[str, str]:
    title, description = entry
    shown = template(title, lang) if title.startswith(_SAMPLE) else title
    return {"title": shown, "description": template(description, lang)}


def _required(settings: Settings) -> tuple[str, str]:
    if not settings.teams_app_id:
        raise ConfigError(
            "TEAMS_APP_ID must be set to build the Teams app package: it is the bot's Entra "
            "application (client) id (see 'Install in Microsoft Teams' in the README)"
        )
    if not settings.public_url:
        raise ConfigError(
            "SEURANTA_PUBLIC_URL must be set to build the Teams app package: the bot's public "
            "https:// address, e.g. https://seuranta.example.org"
        )
    return settings.teams_app_id, settings.public_url


def _project_version() -> str:
    return version("seuranta")


def _json(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
