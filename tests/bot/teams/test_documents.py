"""Every notice as a Teams card: valid for Microsoft's library in every language, people's words
shown as typed, people named, status controls that say what they are about, and within the size
Teams accepts however long the notice."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.document import REPORTABLE_STATES, Document, Heading, Lines, StatusButtons, Target, phrase
from bot.teams.actions import read_click
from bot.teams.documents import MAX_CARD_BYTES, document_card, document_message
from bot.teams.markup import TeamsMarkup
from data.models import State
from tests.support.notice_documents import DUE, HOSTILE, KINDS, MAIJA, SLACK_PERSON, notice
from tests.support.teams_connector import card_lines, walk
from tests.support.validators import OfficialValidators

LANGUAGES = ("fi", "sv", "en")
SHOWN_HOSTILE = TeamsMarkup().text(HOSTILE)  # without our marks and the bidi override


def _json(document: Document, lang: str = "fi") -> dict[str, Any]:
    card: dict[str, Any] = document_card(document, lang).model_dump(
        mode="json", by_alias=True, exclude_none=True
    )
    return card


def _all_lines(document: Document, lang: str = "fi") -> list[str]:
    return [line for d in (document, *document.thread) for line in card_lines(_json(d, lang))]


def _size(card: dict[str, Any]) -> int:
    """Bytes on the wire: httpx sends JSON compact, in UTF-8."""
    return len(json.dumps(card, ensure_ascii=False, separators=(",", ":")).encode())


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in walk(card) if node["type"] == "Action.Execute"]


@pytest.mark.parametrize("many", [1, 3, 400], ids=["one", "a few", "far too many"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_every_notice_in_every_language_passes_the_official_adaptive_cards_library(
    validators: OfficialValidators, kind: str, lang: str, many: int
) -> None:
    document = notice(kind, many=many)
    for message in (document, *document.thread):
        card = _json(message, lang)

        assert validators.card(card) == []
        assert _size(card) <= MAX_CARD_BYTES


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_on_a_card_is_read_as_markdown(kind: str) -> None:
    document = notice(kind)
    for message in (document, *document.thread):
        types = {node["type"] for node in walk(_json(message))}

        assert not types & {"TextBlock", "FactSet"}  # what Teams reads as markdown


@pytest.mark.parametrize("kind", ["deadline", "bundle", "missed", "digest"])
def test_what_people_typed_is_shown_exactly_as_typed(kind: str) -> None:
    assert any(SHOWN_HOSTILE in line for line in _all_lines(notice(kind)))
    assert "\u202e" not in SHOWN_HOSTILE
    assert "\ue000" not in SHOWN_HOSTILE


def test_a_typed_text_cannot_make_itself_bold_or_end_the_bold_around_it() -> None:
    line = phrase("remind.deadline", number="\ue0012.7", title="\ue000x", due=DUE, text="y")
    runs = _json(Document(line, (Lines((line,)),)))["body"][0]["inlines"]

    assert [(run["text"], run.get("weight")) for run in runs] == [("2.7", "Bolder"), (" x", None)]


def test_the_catalogue_s_emphasis_is_bold_italic_and_code_and_commands_are_typed_as_they_are() -> (
    None
):
    how = phrase("round.how")
    unreadable = phrase("teams.click.unreadable")
    card = _json(Document(how, (Heading(how), Lines((unreadable,)))))
    runs = [run for block in card["body"] for run in block["inlines"]]

    assert any(run.get("italic") and run["text"] == "2.7 etenee aikataulussa" for run in runs)
    code = [run["text"] for run in runs if run.get("fontType") == "Monospace"]
    assert code == ['status 2.7 at-risk "huomautus"']  # no "/seuranta", no leading space
    assert not any("*" in run["text"] or "`" in run["text"] for run in runs)


def test_people_are_named_whichever_platform_they_are_on_and_never_notified() -> None:
    card = _json(notice("round_missing"))
    lines = card_lines(card)

    assert any(line.endswith(f"— {MAIJA.name}") for line in lines)
    assert any(line.endswith(f"— {SLACK_PERSON.name}") for line in lines)
    assert any(line.endswith("— teams:9d2c4e6f-1a3b-4c5d-8e7f-0a9b8c7d6e5f") for line in lines)
    assert "msteams" not in card
    assert "<at>" not in json.dumps(card)


def test_a_single_measure_gets_a_button_per_state_and_one_for_a_note_all_about_it() -> None:
    card = _json(notice("deadline"), "en")
    actions = _actions(card)
    (note,) = [node for node in walk(card) if node["type"] == "Input.Text"]

    assert [action["title"] for action in actions] == [
        "On track",
        "At risk",
        "Delayed",
        "Done",
        "Add a note",
    ]
    assert note["isMultiline"] is True
    assert note["maxLength"] == 2000
    typed = {note["id"]: "Waiting for the ministry"}
    clicks = [read_click(a["verb"], {**a["data"], **typed}) for a in actions]
    assert {click.target for click in clicks} == {Target(7, 70, 700)}
    assert [click.state for click in clicks] == [*REPORTABLE_STATES, None]
    assert {click.note for click in clicks} == {"Waiting for the ministry"}


def test_each_item_has_its_own_menu_note_and_save_button_with_ids_unique_on_the_card() -> None:
    card = _json(notice("round_ask", many=4), "sv")
    inputs = [node["id"] for node in walk(card) if node["type"].startswith("Input.")]
    saves = _actions(card)

    assert len(inputs) == len(set(inputs)) == 8
    assert [save["title"] for save in saves] == ["Spara"] * 4
    menu = next(node for node in walk(card) if node["type"] == "Input.ChoiceSet")
    assert [choice["value"] for choice in menu["choices"]] == [
        "on_track",
        "at_risk",
        "delayed",
        "done",
    ]
    chosen = {input_id: "done" for input_id in inputs if input_id.startswith("state-")}
    clicks = [read_click(save["verb"], {**save["data"], **chosen}) for save in saves]
    assert [click.target.measure_id for click in clicks] == [30, 31, 32, 33]
    assert {click.state for click in clicks} == {State.DONE}


def test_an_item_shows_what_was_recorded_for_it() -> None:
    lines = card_lines(_json(notice("round_ask", many=2), "en"))

    assert "Recorded: At risk (Maija Meikäläinen, 1.3.2027)" in lines


def test_a_long_notice_is_cut_to_what_a_teams_message_holds_and_says_how_many_more() -> None:
    card = _json(notice("round_ask", many=400), "en")
    shown = len(_actions(card))
    lines = card_lines(card)

    assert 10 < shown < 400
    assert lines[-1].startswith(f"…and {400 - shown} more.")
    assert _size(card) <= MAX_CARD_BYTES


def test_a_long_list_is_cut_the_same_way_and_the_lines_after_it_stay() -> None:
    digest = notice("digest", many=1000)
    listed = digest.thread[0]
    lines = card_lines(_json(listed, "en"))

    assert lines[0] == "Due in the next two weeks"
    assert lines[-1] == f"… and {1000 - (len(lines) - 2)} more"


def test_the_buttons_of_a_measure_are_never_cut() -> None:
    long = Lines((phrase("remind.missed_line", number="1.1", text="x" * 500, due=DUE),) * 100)
    buttons = StatusButtons(Target(1))
    card = _json(Document(phrase("remind.ask"), (long, buttons)))

    assert len(_actions(card)) == 5


def test_the_message_carries_the_summary_teams_shows_in_notifications() -> None:
    activity = document_message(notice("digest"), "en")
    body = activity.model_dump(mode="json", by_alias=True, exclude_none=True)

    assert body["summary"] == "📊 Weekly digest 2027-03-31"
    (attachment,) = body["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    assert attachment["content"]["fallbackText"] == body["summary"]
    assert "text" not in body
