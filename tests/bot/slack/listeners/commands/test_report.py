"""``/seuranta report``: the follow-up table and the status chart, uploaded as Slack files."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.slack.subcommands import Report, Usage, parse_subcommand
from tests.bot.slack.conftest import SignedSlack
from tests.fakeslack import FakeSlack

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _report(slack: SignedSlack, fake_slack: FakeSlack, text: str = "report en") -> str:
    """Run the command; return what the asker is finally told through response_url."""
    reply = slack.command(text, response_url=fake_slack.webhook_url())
    assert reply.status == 200
    assert reply.json()["response_type"] == "ephemeral"
    (outcome,) = fake_slack.wait_for("webhook", timeout=20)
    return str(outcome.params["text"])


def test_report_is_parsed_with_an_optional_language() -> None:
    assert parse_subcommand("report") == Report(None)
    assert parse_subcommand("report SV") == Report("sv")
    assert parse_subcommand("report de") == Usage("slack.report.usage")


def test_report_uploads_the_table_and_the_chart_to_the_channel(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    told = _report(slack, fake_slack)

    assert told == "The report is posted in this channel."
    asked = fake_slack.calls("files.getUploadURLExternal")
    names = [c.params["filename"] for c in asked]
    assert names[0].endswith(".xlsx")
    assert names[1].endswith(".png")
    (complete,) = fake_slack.calls("files.completeUploadExternal")
    assert (
        complete.params["channel_id"] == "C111"
    )  # the channel of the shared slash_command payload
    table, chart = (fake_slack.uploads[c_id] for c_id in sorted(fake_slack.uploads))
    sheet = load_workbook(io.BytesIO(table)).active
    assert sheet is not None
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert len(numbers) == 39
    assert numbers[:2] == ["1.1", "1.2"]
    assert chart.startswith(PNG_SIGNATURE)


def test_a_channel_the_bot_is_not_in_gets_the_report_by_direct_message(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("files.completeUploadExternal", error="not_in_channel", times=1)

    told = _report(slack, fake_slack)

    assert told == "I cannot post in this channel, so I sent the report to you as a direct message."
    (opened,) = fake_slack.calls("conversations.open")
    assert opened.params["users"] == "W111"
    completes = fake_slack.calls("files.completeUploadExternal")
    assert [c.params["channel_id"] for c in completes] == ["C111", "DW111"]


def test_another_slack_error_is_one_polite_line(slack: SignedSlack, fake_slack: FakeSlack) -> None:
    fake_slack.fail("files.getUploadURLExternal", error="invalid_auth")

    told = _report(slack, fake_slack)

    assert told == "Sending the report failed. Please try again in a moment."
    assert fake_slack.calls("files.completeUploadExternal") == []
