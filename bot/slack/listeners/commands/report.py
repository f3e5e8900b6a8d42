"""``/seuranta report``: the follow-up table (xlsx) and the status chart (PNG) as Slack files.

Drawing and uploading take about a second: the command is acknowledged at once ("preparing…",
by :func:`~bot.slack.listeners.commands.seuranta.seuranta_command`), and :func:`send_report`
follows as a lazy listener, telling the asker the outcome through the command's response URL.

The files go to the channel the command came from. A bot that is not in that channel (or may not
see it) gets ``not_in_channel`` / ``channel_not_found`` from Slack; the report then goes to the
asker's DM with the bot instead, and the asker is told so. Any other Slack error, or a failed POST
of the bytes to the upload URL, is one polite line to the asker; the files are built again on the
next try, so nothing is lost.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.commands.handlers.report import ReportFile, report_files
from bot.commands.parse import Report, parse_command
from bot.language import preferred_language
from bot.slack.people import known_locale
from bot.slack.services import Services
from bot.slack.user_text import words
from seuranta.i18n import message

logger = logging.getLogger(__name__)

# Errors meaning "this conversation is not open to the bot": worth the DM fallback.
NOT_REACHABLE = frozenset({"not_in_channel", "channel_not_found", "is_archived"})


def asks_for_report(command: dict[str, Any]) -> bool:
    """The listener matcher: only a report has files to send after the acknowledgement."""
    return isinstance(parse_command(words(command["text"])[0]), Report)


def send_report(
    command: dict[str, Any], client: WebClient, respond: Respond, services: Services
) -> None:
    user_id = command["user_id"]
    report = parse_command(words(command["text"])[0])
    assert isinstance(report, Report)  # asks_for_report let only reports through
    # The acknowledgement has asked Slack for the person's locale already, if it had to.
    lang = report.lang or preferred_language(
        "", known_locale(services, user_id), None, services.settings.language
    )
    outcome = post_report(services, client, command["channel_id"], user_id, lang)
    respond(text=outcome, response_type="ephemeral", replace_original=False)


def post_report(
    services: Services, client: WebClient, channel_id: str, user_id: str, lang: str
) -> str:
    """Upload the report; return what to tell the asker."""
    files = report_files(services.factory, services.settings, services.now(), lang)
    if not files:
        return message("help.no_programme", lang)
    try:
        return _post(client, channel_id, user_id, files, lang)
    except SlackApiError as error:
        logger.warning("report upload for %s failed: %s", user_id, error.response.get("error"))
    except (SlackRequestError, OSError) as error:
        # The raw POST of the bytes to the upload URL (urllib): an error status, refused, timeout.
        logger.warning("report upload for %s failed: %r", user_id, error)
    return message("command.report.failed", lang)


def _post(
    client: WebClient, channel_id: str, user_id: str, files: list[ReportFile], lang: str
) -> str:
    try:
        _upload(client, channel_id, files, lang)
        return message("command.report.posted", lang)
    except SlackApiError as error:
        if error.response.get("error") not in NOT_REACHABLE:
            raise
        logger.info("report: %s is not open to the bot; sending to %s's DM", channel_id, user_id)
    dm = client.conversations_open(users=user_id)["channel"]["id"]
    _upload(client, dm, files, lang)
    return message("command.report.sent_to_dm", lang)


def _upload(client: WebClient, channel: str, files: list[ReportFile], lang: str) -> None:
    client.files_upload_v2(
        channel=channel,
        initial_comment=message("command.report.comment", lang),
        file_uploads=[{"file": f.content, "filename": f.filename, "title": f.title} for f in files],
    )
