"""Every notice as Block Kit, in Finnish, Swedish and English, checked by slack_sdk's own models
and Slack's limits; user text escaped, long messages cut with a line that says so."""

from __future__ import annotations

import json
from typing import Any

import pytest
from slack_sdk.models.blocks import Block

from bot.document import Document, Target
from bot.slack.mrkdwn import MAX_BLOCKS, MAX_SECTION
from bot.slack.render.document import render_document
from bot.slack.status_actions import (
    NOTE_ACTION,
    NOTE_OPTION,
    PICK_ACTION,
    STATUS_ACTIONS,
    target_of_pick,
    target_of_value,
)
from data.models import OutboxKind
from jobs.notices import Notice
from tests.support.notices import every_notice, long_notices

LANGUAGES = ("fi", "sv", "en")
NOTICES = every_notice()
LONG = long_notices()


def messages(document: Document, lang: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """(text, blocks) of the message and of each one in its thread."""
    rendered = [render_document(document, lang)]
    rendered += [render_document(reply, lang) for reply in document.thread]
    return [(message.text, message.blocks) for message in rendered]


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    found = []
    for block in blocks:
        if block["type"] == "section":
            found.append(block["text"]["text"])
        elif block["type"] == "context":
            found += [element["text"] for element in block["elements"]]
    return found


def assert_within_slacks_limits(text: str, blocks: list[dict[str, Any]]) -> None:
    assert text.strip()
    assert 0 < len(blocks) <= MAX_BLOCKS
    for block in blocks:
        parsed = Block.parse(block)
        assert parsed is not None
        parsed.validate_json()  # Slack's own limits: text lengths, ids, element counts …
        assert parsed.to_dict() == block
    assert all(len(shown) <= MAX_SECTION for shown in texts(blocks))


def test_there_is_a_notice_of_every_kind() -> None:
    assert set(OutboxKind) <= set(NOTICES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", [*NOTICES, *LONG])
def test_every_notice_renders_within_slacks_limits_in_every_language(name: str, lang: str) -> None:
    notice: Notice = {**NOTICES, **LONG}[name]
    for text, blocks in messages(notice.document(), lang):
        assert_within_slacks_limits(text, blocks)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", list(NOTICES))
def test_user_text_is_shown_never_obeyed(name: str, lang: str) -> None:
    for text, blocks in messages(NOTICES[name].document(), lang):
        for shown in [text, *texts(blocks)]:
            assert "<!channel>" not in shown
            assert "<https://evil" not in shown
            assert "\u202e" not in shown  # a right-to-left override cannot reorder the line


def test_escaped_values_keep_their_words_and_the_catalogues_markup_stays() -> None:
    text, blocks = messages(NOTICES[OutboxKind.DEADLINE].document(), "fi")[0]
    assert text.startswith("Määräaikaan on 14 päivää: 2.7 Lausunnot pyydetty &lt;!channel&gt;")
    section = texts(blocks)[0]
    assert section.startswith("*⏰ Määräaikaan on 14 päivää*\n*2.7* Kansallinen riskiarvio")
    assert "&lt;https://evil.example/login|kirjaudu&gt;" in section


def test_a_notification_text_has_no_emphasis_stars_from_the_catalogue() -> None:
    text, _ = messages(NOTICES[OutboxKind.DIGEST].document(), "en")[0]
    assert text == "📊 Weekly digest 2018-12-17"
    ask, _ = messages(NOTICES[OutboxKind.ROUND_ASK].document(), "en")[0]
    assert ask.startswith("📋 Reporting round #1: please give the status")
    assert ask.endswith(" 2.7, 2.8")


def test_a_slack_person_is_mentioned_and_a_teams_person_named() -> None:
    _, blocks = messages(NOTICES[OutboxKind.ROUND_MISSING].document(), "en")[0]
    shown = "\n".join(texts(blocks))
    assert "<@U0ANNA>, Pekka &lt;Teams&gt;" in shown
    assert "• (no lead organisation named): 6.2 — no contact" in shown


def test_a_single_measure_has_four_state_buttons_and_a_note_button_carrying_its_target() -> None:
    _, blocks = messages(NOTICES[OutboxKind.DEADLINE].document(), "sv")[0]
    (actions,) = [b for b in blocks if b["type"] == "actions"]
    assert actions["block_id"] == "status:7"
    ids = [element["action_id"] for element in actions["elements"]]
    assert ids == [*STATUS_ACTIONS, NOTE_ACTION]
    assert [e["text"]["text"] for e in actions["elements"]][:2] == [
        "Enligt plan",
        "Risk för försening",
    ]
    assert {target_of_value(e["value"]) for e in actions["elements"]} == {Target(27, 1, 7)}
    assert json.loads(actions["elements"][0]["value"]) == {"m": 27, "ms": 1, "r": 7}


def test_each_item_of_a_list_has_its_own_menu_whose_block_id_is_its_target() -> None:
    _, blocks = messages(NOTICES[OutboxKind.ROUND_ASK].document(), "fi")[0]
    menus = [b for b in blocks if b.get("accessory", {}).get("action_id") == PICK_ACTION]
    assert [b["block_id"] for b in menus] == ["pick:9:27:0", "pick:9:28:0"]
    assert [target_of_pick(b["block_id"]) for b in menus] == [
        Target(27, None, 9),
        Target(28, None, 9),
    ]
    options = [option["value"] for option in menus[0]["accessory"]["options"]]
    assert options == ["on_track", "at_risk", "delayed", "done", NOTE_OPTION]
    assert "_ei vielä vastausta_" in menus[0]["text"]["text"]
    assert "✓ Kirjattu: *Riski viivästyä* (<@U0ANNA>, 15.12.2018)" in menus[1]["text"]["text"]


def test_a_message_of_too_many_items_shows_50_blocks_the_last_saying_how_many_more() -> None:
    _, blocks = messages(LONG["a round over 120 measures"].document(), "en")[0]
    menus = [b for b in blocks if b.get("accessory")]
    assert len(blocks) == MAX_BLOCKS
    assert blocks[-1]["type"] == "context"
    left_out = 120 - len(menus)
    assert blocks[-1]["elements"][0]["text"] == (
        f"…and {left_out} more. Report them with `/seuranta status NUMBER STATE`"
    )


def test_a_thread_list_too_long_for_one_message_ends_with_how_many_lines_are_left_out() -> None:
    (_, head), (_, changes) = messages(LONG["a digest with 3,000 changes"].document(), "fi")
    assert len(changes) == MAX_BLOCKS
    shown = sum(text.count("\n• ") + text.startswith("• ") for text in texts(changes[:-1]))
    assert changes[-1]["elements"][0]["text"] == f"… ja {3000 - shown} muuta"
    assert "tilannepäivitykset viikon aikana: 3000" in "\n".join(texts(head))


def test_a_line_longer_than_a_section_is_shortened_not_refused() -> None:
    text, blocks = messages(LONG["a huge milestone text"].document(), "en")[0]
    assert_within_slacks_limits(text, blocks)
    heading, huge = texts(blocks)[:2]
    assert heading == "*⏰ 3 days to the deadline*"
    assert huge.startswith("*2.7* &lt;&lt;")
    assert huge.endswith("…")
