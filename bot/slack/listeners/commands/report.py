"""``/seuranta report``: the follow-up table (xlsx) and the status chart (PNG) as Slack files.

The files go to the channel the command came from. A bot that is not in that channel (or may not
see it) gets ``not_in_channel`` / ``channel_not_found`` from Slack; the report then goes to the
asker's DM with the bot instead, and the asker is told so. Any other Slack error, or a failed POST
of the bytes to the upload URL, is one polite line to the asker; the files are built again on the
next try, so nothing is lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from bot.slack.services import Services
from data.queries import current_programme
from reports.charts import status_chart
from reports.export import follow_up_export
from reports.summary import programme_summary
from seuranta.i18n import message

logger = logging.getLogger(__name__)

# Errors meaning "this conversation is not open to the bot": worth the DM fallback.
NOT_REACHABLE = frozenset({"not_in_channel", "channel_not_found", "is_archived"})


@dataclass(frozen=True, slots=True)
class ReportFile:
    filename: str
    title: str
    content: bytes


def build_report(services: Services, lang: str) -> list[ReportFile]:
    today = services.now().astimezone(services.settings.zone).date()
    with services.factory() as session:
        programme = current_programme(session)
        if programme is None:
            return []
        table = follow_up_export(
            session,
            programme,
            "xlsx",
            lang=lang,
            today=today,
            zone=services.settings.zone,
            # The file lands in a channel: as public as the status page.
            hide_notes=services.settings.hide_status_notes,
        )
        chart = status_chart(programme_summary(session, programme, today), lang, "png")
    stamp = today.isoformat()
    return [
        ReportFile(f"seuranta-{stamp}.xlsx", message("command.report.table", lang), table),
        ReportFile(f"seuranta-status-{stamp}.png", message("command.report.chart", lang), chart),
    ]


def post_report(
    services: Services, client: WebClient, channel_id: str, user_id: str, lang: str
) -> str:
    """Upload the report; return what to tell the asker."""
    files = build_report(services, lang)
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
