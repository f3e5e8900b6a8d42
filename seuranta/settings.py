"""Every setting the project reads from the environment, read in one place and checked at start.

Tests build :class:`Settings` explicitly; nothing else in the project calls ``os.environ``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from seuranta.errors import ConfigError, InputError
from seuranta.identity import PersonId, parse_channel

DEFAULT_DATABASE_URL = "sqlite:///seuranta.sqlite3"
SLACK_API_URL = "https://slack.com/api/"
LANGUAGES = ("fi", "sv", "en")
LOG_FORMATS = ("kv", "json")
# Plain http would carry the bot token in clear; only a proxy on this machine may use it.
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# ASCII digits: str.isdigit() passes '²', on which int() raises, and int() takes '٣' too.
_NUMBER = re.compile(r"[0-9]{1,6}")


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    timezone: str = "Europe/Helsinki"
    language: str = "fi"
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = SLACK_API_URL
    port: int = 3000
    # gunicorn processes and threads per process; WEB_CONCURRENCY is Heroku's convention.
    web_concurrency: int = 2
    web_threads: int = 8
    admins: frozenset[str] = field(default_factory=frozenset)  # person keys
    coordinator_channel: str | None = None  # a Slack channel id or teams:19:…@thread.tacv2
    hide_status_notes: bool = False
    # Reminders, rounds and the digest (jobs/); see the README for the policy.
    reminder_offsets: tuple[int, ...] = (14, 3, 0)
    reminder_time: time = time(9, 0)
    quiet_hours: tuple[time, time] = (time(21, 0), time(7, 0))
    holiday_country: str = "FI"
    reminder_fresh_hours: int = 12
    # A person's deadline reminders that fall at the same time arrive as one message.
    reminder_bundle: bool = True
    reminder_backfill_days: int = 14
    round_nudge_days: int = 3
    digest_weekday: int | None = 0  # Monday; None: no weekly digest
    digest_time: time = time(8, 30)
    worker_tick_seconds: int = 30
    send_concurrency: int = 8
    # Questions and commands per user per minute in one web process; 0: no limit.
    rate_limit: int = 20
    log_format: str = "kv"
    # Microsoft Teams (bot/teams/); see "Install in Microsoft Teams" in the README.
    teams_app_id: str | None = None
    teams_app_password: str | None = field(default=None, repr=False)
    teams_tenant_id: str | None = None  # a single-tenant app's tenant; None: multi-tenant
    teams_emulator: bool = False
    teams_cloud: str = "Public"
    teams_openid_metadata_url: str | None = None
    public_url: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def socket_mode(self) -> bool:
        return self.slack_app_token is not None

    def require_slack(self) -> None:
        """Fail at start, with one line naming what is missing, rather than at the first request.

        Socket Mode needs no signing secret: Slack's requests arrive over the app's own
        authenticated WebSocket instead of being signed HTTP requests.
        """
        required = [("SLACK_BOT_TOKEN", self.slack_bot_token)]
        if not self.socket_mode:
            required.append(("SLACK_SIGNING_SECRET", self.slack_signing_secret))
        missing = [name for name, value in required if not value]
        if missing:
            raise ConfigError(
                f"{' and '.join(missing)} must be set to talk to Slack "
                "(see 'Install in your Slack workspace' in the README)"
            )

    @property
    def teams_configured(self) -> bool:
        return self.teams_app_id is not None or self.teams_emulator

    def require_teams(self) -> None:
        """Fail at start, in one line, when Teams is to be served but cannot verify or reply."""
        if not self.teams_configured:
            raise ConfigError(
                "TEAMS_APP_ID and TEAMS_APP_PASSWORD must be set to talk to Microsoft Teams, "
                "or SEURANTA_TEAMS_EMULATOR=1 for local development "
                "(see 'Install in Microsoft Teams' in the README)"
            )
        if self.teams_app_id is not None and not self.teams_app_password:
            raise ConfigError(
                "TEAMS_APP_PASSWORD must be set with TEAMS_APP_ID: it is the client secret of "
                "the bot's Entra app registration"
            )


def normalise_database_url(url: str) -> str:
    """Accept Heroku's ``postgres://`` and plain ``postgresql://``; use psycopg 3 for both."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    settings = Settings(
        database_url=normalise_database_url(env.get("DATABASE_URL") or DEFAULT_DATABASE_URL),
        timezone=env.get("SEURANTA_TIMEZONE") or "Europe/Helsinki",
        language=env.get("SEURANTA_LANGUAGE") or "fi",
        slack_bot_token=env.get("SLACK_BOT_TOKEN") or None,
        slack_signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        slack_app_token=env.get("SLACK_APP_TOKEN") or None,
        slack_api_url=_with_slash(env.get("SLACK_API_URL") or SLACK_API_URL),
        port=_port(env.get("PORT") or "3000"),
        web_concurrency=_count(env.get("WEB_CONCURRENCY") or "2", "WEB_CONCURRENCY"),
        web_threads=_count(env.get("SEURANTA_WEB_THREADS") or "8", "SEURANTA_WEB_THREADS"),
        admins=_admins(env.get("SEURANTA_ADMINS") or ""),
        coordinator_channel=_channel(env.get("SEURANTA_COORDINATOR_CHANNEL") or ""),
        hide_status_notes=_flag(
            env.get("SEURANTA_HIDE_STATUS_NOTES") or "", "SEURANTA_HIDE_STATUS_NOTES"
        ),
        rate_limit=_number(env.get("SEURANTA_RATE_LIMIT") or "20", "SEURANTA_RATE_LIMIT"),
        log_format=(env.get("SEURANTA_LOG_FORMAT") or "kv").strip().lower(),
        **_reminder_settings(env),
        **_teams_settings(env),
    )
    _validate(settings)
    return settings


def _validate(settings: Settings) -> None:
    try:
        ZoneInfo(settings.timezone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ConfigError(f"SEURANTA_TIMEZONE={settings.timezone!r} is not a time zone") from error
    if settings.language not in LANGUAGES:
        raise ConfigError(f"SEURANTA_LANGUAGE must be one of {', '.join(LANGUAGES)}")
    if "://" not in settings.database_url:
        raise ConfigError(f"DATABASE_URL={settings.database_url!r} is not a database URL")
    if settings.slack_app_token and not settings.slack_app_token.startswith("xapp-"):
        raise ConfigError("SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'")
    if settings.log_format not in LOG_FORMATS:
        raise ConfigError(f"SEURANTA_LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}")
    _check_api_url(settings.slack_api_url)


def _admins(value: str) -> frozenset[str]:
    """Person keys (seuranta.identity): Slack user ids and teams:<AAD object id>, checked."""
    keys: set[str] = set()
    for entry in value.replace(",", " ").split():
        try:
            keys.add(PersonId.parse(entry).key)
        except InputError as error:
            raise ConfigError(f"SEURANTA_ADMINS: {error}") from None
    return frozenset(keys)


def _channel(value: str) -> str | None:
    if not value.strip():
        return None
    try:
        return parse_channel(value)
    except InputError as error:
        raise ConfigError(f"SEURANTA_COORDINATOR_CHANNEL: {error}") from None


def _check_api_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme, parts.hostname
    except ValueError:  # a malformed IPv6 address
        scheme, host = "", None
    if host and (scheme == "https" or (scheme == "http" and host in LOOPBACK_HOSTS)):
        return
    raise ConfigError(
        f"SLACK_API_URL={url!r}: use https:// (plain http only to 127.0.0.1, localhost or ::1, "
        "or the bot token would travel in clear)"
    )


def _with_slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def _port(value: str) -> int:
    if not _NUMBER.fullmatch(value) or not 0 < int(value) < 65536:
        raise ConfigError(f"PORT={value!r} is not a port number")
    return int(value)


def _count(value: str, name: str) -> int:
    if not _NUMBER.fullmatch(value) or not 0 < int(value) <= 256:
        raise ConfigError(f"{name}={value!r} is not a count between 1 and 256")
    return int(value)


def _number(value: str, name: str) -> int:
    value = value.strip()
    if not _NUMBER.fullmatch(value):
        raise ConfigError(f"{name}={value!r} is not a whole number (0 or more)")
    return int(value)


def _flag(value: str, name: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("", "0", "false", "no", "off"):
        return False
    if lowered in ("1", "true", "yes", "on"):
        return True
    raise ConfigError(f"{name}={value!r}: use true or false")


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _reminder_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """The reminder policy (jobs/policy.py); every value has a default that suits the ministry."""
    offsets = env.get("SEURANTA_REMINDER_OFFSETS") or "14,3,0"
    try:
        parsed = tuple(sorted({int(o) for o in offsets.replace(" ", "").split(",")}, reverse=True))
    except ValueError:
        raise ConfigError(
            f"SEURANTA_REMINDER_OFFSETS={offsets!r}: use days before the due date, like 14,3,0"
        ) from None
    if not parsed or min(parsed) < 0 or max(parsed) > 365:
        raise ConfigError(f"SEURANTA_REMINDER_OFFSETS={offsets!r}: days must be 0-365")
    quiet = env.get("SEURANTA_QUIET_HOURS") or "21:00-07:00"
    start, _, end = quiet.partition("-")
    weekday = (env.get("SEURANTA_DIGEST_DAY") or "mon").strip().lower()[:3]
    if weekday not in (*_WEEKDAYS, "off"):
        raise ConfigError(f"SEURANTA_DIGEST_DAY={weekday!r}: use mon, tue, … sun, or off")
    return {
        "reminder_offsets": parsed,
        "reminder_time": _clock(
            env.get("SEURANTA_REMINDER_TIME") or "09:00", "SEURANTA_REMINDER_TIME"
        ),
        "quiet_hours": (
            _clock(start, "SEURANTA_QUIET_HOURS"),
            _clock(end, "SEURANTA_QUIET_HOURS"),
        ),
        "holiday_country": (env.get("SEURANTA_HOLIDAYS", "FI")).strip().upper(),
        "reminder_bundle": _flag(
            env.get("SEURANTA_REMINDER_BUNDLE") or "on", "SEURANTA_REMINDER_BUNDLE"
        ),
        "reminder_fresh_hours": _count(
            env.get("SEURANTA_REMINDER_FRESH_HOURS") or "12", "SEURANTA_REMINDER_FRESH_HOURS"
        ),
        "reminder_backfill_days": _count(
            env.get("SEURANTA_REMINDER_BACKFILL_DAYS") or "14", "SEURANTA_REMINDER_BACKFILL_DAYS"
        ),
        "round_nudge_days": _count(
            env.get("SEURANTA_ROUND_NUDGE_DAYS") or "3", "SEURANTA_ROUND_NUDGE_DAYS"
        ),
        "digest_weekday": _WEEKDAYS.index(weekday) if weekday != "off" else None,
        "digest_time": _clock(env.get("SEURANTA_DIGEST_TIME") or "08:30", "SEURANTA_DIGEST_TIME"),
        "worker_tick_seconds": _count(
            env.get("SEURANTA_WORKER_TICK_SECONDS") or "30", "SEURANTA_WORKER_TICK_SECONDS"
        ),
        "send_concurrency": _count(
            env.get("SEURANTA_SEND_CONCURRENCY") or "8", "SEURANTA_SEND_CONCURRENCY"
        ),
    }


def _clock(value: str, name: str) -> time:
    try:
        return time.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"{name}={value!r}: use a 24-hour time like 09:00") from None


# --- Microsoft Teams ---------------------------------------------------------------------------

TEAMS_CLOUDS = ("Public", "USGov", "USGovDoD", "China")
_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _teams_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """Teams settings under our own names only.

    The Teams SDK would also read CLIENT_ID, CLIENT_SECRET, TENANT_ID, CLOUD, SERVICE_URL, PORT
    and DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS; bot/teams passes every option explicitly so
    that those generic names, which other software on a host may well set, change nothing.
    """
    app_id = _guid(env.get("TEAMS_APP_ID") or "", "TEAMS_APP_ID")
    emulator = _flag(env.get("SEURANTA_TEAMS_EMULATOR") or "", "SEURANTA_TEAMS_EMULATOR")
    if emulator and app_id:
        raise ConfigError(
            "SEURANTA_TEAMS_EMULATOR=1 accepts unsigned requests and is only for development "
            "without an app registration: unset it, or unset TEAMS_APP_ID"
        )
    cloud = (env.get("TEAMS_CLOUD") or "Public").strip()
    known = {name.lower(): name for name in TEAMS_CLOUDS}
    if cloud.lower() not in known:
        raise ConfigError(f"TEAMS_CLOUD={cloud!r}: use one of {', '.join(TEAMS_CLOUDS)}")
    metadata = env.get("TEAMS_OPENID_METADATA_URL") or None
    if metadata is not None:
        _https(metadata, "TEAMS_OPENID_METADATA_URL")
        # The SDK finds the signing keys by replacing this last path segment with /keys.
        if not metadata.endswith("/openidconfiguration"):
            raise ConfigError(
                f"TEAMS_OPENID_METADATA_URL={metadata!r} must end in /openidconfiguration, like "
                "https://login.botframework.com/v1/.well-known/openidconfiguration"
            )
    public_url = (env.get("SEURANTA_PUBLIC_URL") or "").rstrip("/") or None
    if public_url is not None:
        _https(public_url, "SEURANTA_PUBLIC_URL")
    return {
        "teams_app_id": app_id,
        "teams_app_password": env.get("TEAMS_APP_PASSWORD") or None,
        "teams_tenant_id": _guid(env.get("TEAMS_TENANT_ID") or "", "TEAMS_TENANT_ID"),
        "teams_emulator": emulator,
        "teams_cloud": known[cloud.lower()],
        "teams_openid_metadata_url": metadata,
        "public_url": public_url,
    }


def _guid(value: str, name: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not _GUID.fullmatch(value):
        raise ConfigError(
            f"{name}={value!r} is not a GUID like 00000000-0000-0000-0000-000000000000 "
            "(Entra shows it on the app registration's Overview page)"
        )
    return value.lower()


def _https(url: str, name: str) -> None:
    """HTTPS, or plain HTTP to this machine (tests, a local emulator)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
    if host and parts.scheme == "https":
        return
    if host in _LOOPBACK and parts.scheme == "http":
        return
    raise ConfigError(f"{name}={url!r} must be an https:// address")
