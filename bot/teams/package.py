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
from seuranta.settings import Settings

MANIFEST_VERSION = "1.30"
SCHEMA = "https://developer.microsoft.com/json-schemas/teams/v{version}/{name}.schema.json"
LANGUAGE_TAGS = {"en": "en-us", "fi": "fi-fi", "sv": "sv-se"}
DEVELOPER = "Seuranta"

# fi, sv and en side by side, as in bot/i18n.py; the limits are the manifest schema's.
_TEXTS: dict[str, dict[str, str]] = {
    "name.full": {  # 100 characters
        "fi": "Seuranta – toimenpideohjelman seuranta",
        "sv": "Seuranta – uppföljning av åtgärdsprogrammet",
        "en": "Seuranta – following the action programme",
    },
    "description.short": {  # 80 characters
        "fi": "Kuka vastaa toimenpiteestä, mitä erääntyy ja miten edetään – chatissa.",
        "sv": "Vem ansvarar för en åtgärd, vad som förfaller och hur det går – i chatten.",
        "en": "Who owns a measure, what is due and how it is going – in chat.",
    },
    "description.full": {  # 4,000 characters
        "fi": "Kysy toimenpideohjelmasta suomeksi, ruotsiksi tai englanniksi: kuka vastaa "
        "2.7:stä, mistä SUPO vastaa, mitä erääntyy syksyllä, mikä on myöhässä. Vastuutahojen "
        "yhteyshenkilöt saavat muistutukset ennen määräaikoja ja raportoivat toimenpiteen "
        "tilanteen suoraan kortilta. Vastaus tulee kysymyksen kielellä.",
        "sv": "Fråga om åtgärdsprogrammet på finska, svenska eller engelska: vem ansvarar för "
        "2.7, vad ansvarar SUPO för, vad förfaller i höst, vad är försenat. De ansvariga "
        "organisationernas kontaktpersoner får påminnelser före tidsfristerna och rapporterar "
        "åtgärdens läge direkt från kortet. Svaret kommer på frågans språk.",
        "en": "Ask about the action programme in Finnish, Swedish or English: who owns 2.7, "
        "what does SUPO own, what is due this autumn, what is overdue. The contacts of the "
        "responsible organisations get reminders before deadlines and report each measure's "
        "status straight from the card. Answers come in the language of the question.",
    },
    # Commands: title (32 characters) where it is a sample question, description (128).
    "ask.title": {
        "fi": "kuka vastaa 2.7:stä?",
        "sv": "vem ansvarar för 2.7?",
        "en": "who owns 2.7?",
    },
    "ask": {
        "fi": "Kysy mitä vain: vastuutahot, toimenpide, organisaation toimenpiteet, "
        "määräajat, tilanne",
        "sv": "Fråga vad som helst: ansvariga, en åtgärd, en organisations åtgärder, "
        "tidsfrister, läget",
        "en": "Ask anything: owners, a measure, an organisation's measures, deadlines, status",
    },
    "due.title": {
        "fi": "mitä erääntyy 12/2018?",
        "sv": "vad förfaller 12/2018?",
        "en": "what is due in 12/2018?",
    },
    "due": {
        "fi": "Kuukauden, vuodenajan tai vuoden määräajat; myös ”myöhässä”",
        "sv": "Tidsfristerna för en månad, en årstid eller ett år; även ”försenade”",
        "en": "Deadlines in a month, a season or a year; also “overdue”",
    },
    "status": {
        "fi": "Raportoi tilanne: status 2.7 at-risk ”huomio” (toimenpiteen yhteyshenkilöt "
        "ja ylläpitäjät)",
        "sv": "Rapportera läget: status 2.7 at-risk ”anteckning” (åtgärdens kontaktpersoner "
        "och administratörer)",
        "en": "Report a measure's status: status 2.7 at-risk “note” (its contacts and admins)",
    },
    "deadline": {
        "fi": "Toimenpiteen määräajat: deadline 2.7; lisää, siirrä tai poista",
        "sv": "En åtgärds tidsfrister: deadline 2.7; lägg till, flytta eller ta bort",
        "en": "A measure's deadlines: deadline 2.7; add, move or remove one",
    },
    "pause": {
        "fi": "Keskeytä muistutuksesi: pause until 2027-01-07",
        "sv": "Pausa dina påminnelser: pause until 2027-01-07",
        "en": "Pause your reminders: pause until 2027-01-07",
    },
    "iam": {
        "fi": "Kerro, mitä organisaatiota edustat: iam SUPO",
        "sv": "Säg vilken organisation du representerar: iam SUPO",
        "en": "Say which organisation you represent: iam SUPO",
    },
    "contacts": {
        "fi": "Organisaatioiden yhteyshenkilöt: contacts [ORGANISAATIO]",
        "sv": "Organisationernas kontaktpersoner: contacts [ORGANISATION]",
        "en": "The organisations' contact people: contacts [ORGANISATION]",
    },
    "round": {
        "fi": "Raportointikierrokset: round start --due PÄIVÄ, round report, round close",
        "sv": "Rapporteringsomgångar: round start --due DATUM, round report, round close",
        "en": "Reporting rounds: round start --due DATE, round report, round close",
    },
    "report": {
        "fi": "Seurantataulukko ja tilannekaavio",
        "sv": "Uppföljningstabellen och lägesdiagrammet",
        "en": "The follow-up table and the status chart",
    },
    "failures": {
        "fi": "Viestit, joita ei saatu perille (ylläpitäjät)",
        "sv": "Meddelanden som inte kom fram (administratörer)",
        "en": "Messages that could not be delivered (admins)",
    },
    "help": {
        "fi": "Mitä voi kysyä, ja komennot",
        "sv": "Vad man kan fråga, och kommandona",
        "en": "What you can ask, and the commands",
    },
}
# (title, description key) per command, in the order Teams lists them; a title ending in
# ".title" is a sample question, translated, any other is the command word itself.
_PERSONAL = [
    ("ask.title", "ask"),
    ("status", "status"),
    ("deadline", "deadline"),
    ("pause", "pause"),
    ("iam", "iam"),
    ("contacts", "contacts"),
    ("round", "round"),
    ("report", "report"),
    ("failures", "failures"),
    ("help", "help"),
]
_GROUPS = [("ask.title", "ask"), ("due.title", "due"), ("help", "help")]
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
        "name": {"short": "Seuranta", "full": _TEXTS["name.full"]["en"]},
        "description": {
            "short": _TEXTS["description.short"]["en"],
            "full": _TEXTS["description.full"]["en"],
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
        "name.full": _TEXTS["name.full"][lang],
        "description.short": _TEXTS["description.short"][lang],
        "description.full": _TEXTS["description.full"][lang],
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
    shown = _TEXTS[title][lang] if title.endswith(".title") else title
    return {"title": shown, "description": _TEXTS[description][lang]}


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
