"""Every card the bot sends passes Microsoft's Adaptive Cards library, shows what people typed
exactly as typed, and stays short; short answers are plain text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.answers import (
    DeadlinesAnswer,
    DueItem,
    DueScope,
    MeasureBrief,
    MilestoneView,
    NoSuchMeasure,
    StatusAnswer,
    StatusView,
)
from bot.teams.cards import LIST_LIMIT, render_answer
from data.models import Measure, State
from seuranta.i18n import HELP_EXAMPLES
from tests.support import teams_activities as activities
from tests.support.programme import NOW, report_status
from tests.support.teams_client import TeamsClient
from tests.support.teams_connector import card_lines, walk
from tests.support.validators import OfficialValidators

HOSTILE = "**[log in](https://evil.example)** <at>everyone</at> _x_ # \\ `code` 1. <b>"
QUESTIONS = [
    *(question for examples in HELP_EXAMPLES.values() for question in examples),
    "help",
    "apua",
    "hjälp",
    "who owns 9.9?",
    "what does the Ministry own?",
    "search xyzzy",
    "mitä erääntyy 2/2031?",
    "Frontex",
]


def test_every_card_the_bot_sends_passes_the_official_adaptive_cards_library(
    teams: TeamsClient, validators: OfficialValidators, factory: sessionmaker[Session]
) -> None:
    with factory() as session, session.begin():
        measure_id = session.scalar(select(Measure.id).where(Measure.number == "2.7"))
        assert measure_id is not None
        report_status(session, measure_id, State.ON_TRACK, "U1", NOW - timedelta(days=9))
        report_status(session, measure_id, State.AT_RISK, "U2", NOW - timedelta(days=1), HOSTILE)

    for question in QUESTIONS:
        teams.post(activities.personal_message(question, service_url=teams.connector.url))

    sent = teams.connector.activities()
    assert len(sent) == len(QUESTIONS)
    cards = [card for call in sent for card in call.cards]
    kinds = {card_lines(card)[0].split(" ")[0] for card in cards}
    assert len(cards) >= 20, kinds  # owners, measures, organisations, searches, deadlines, status
    for card in cards:
        assert validators.card(card) == [], card_lines(card)[0]
    plain = [call for call in sent if not call.cards]
    assert plain  # help, no such measure, ambiguous, nothing found
    assert all(call.body["textFormat"] == "plain" for call in plain)


def test_text_people_typed_is_shown_exactly_as_typed_and_never_as_markdown() -> None:
    reporter = StatusView(
        state="at_risk",
        note=HOSTILE,
        reporter="29:1abc",
        reporter_name="<at>Maija</at> **M**",
        organisation=None,
        source="command",
        at=NOW,
    )
    answer = StatusAnswer("en", MeasureBrief("2.7", "Title with *stars*"), (reporter,))

    card = render_answer(answer, NOW.tzinfo).model_dump(by_alias=True, exclude_none=True)  # type: ignore[arg-type]

    (content,) = [a["content"] for a in card["attachments"]]
    kinds = {element["type"] for element in walk(content)}
    assert kinds <= {"AdaptiveCard", "RichTextBlock", "TextRun", "Container"}
    runs = [element["text"] for element in walk(content) if element["type"] == "TextRun"]
    assert any(HOSTILE in run for run in runs)
    assert any("<at>Maija</at> **M**" in run for run in runs)
    assert "Title with *stars*" in runs


def test_a_long_list_is_cut_with_how_many_more_and_what_to_ask_instead(
    validators: OfficialValidators,
) -> None:
    due = date(2018, 12, 31)
    items = tuple(
        DueItem(
            MeasureBrief(f"1.{n}", f"Measure {n}"),
            MilestoneView(n, f"Milestone {n}", "month", date(2018, 12, 1), due, False),
            None,
        )
        for n in range(1, 46)
    )
    answer = DeadlinesAnswer(
        "en", DueScope.PERIOD, date(2018, 12, 1), due, date(2018, 12, 17), items, 45
    )

    message = render_answer(answer, NOW.tzinfo)  # type: ignore[arg-type]

    (attachment,) = message.attachments or []
    card = attachment.content.model_dump(by_alias=True, exclude_none=True)  # type: ignore[union-attr]
    lines = card_lines(card)
    assert sum(line.startswith("1.") for line in lines) == LIST_LIMIT
    assert lines[-1] == "… and 15 more · Ask a narrower question, e.g. “what is due in 12/2018?”"
    assert validators.card(card) == []


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_an_answer_that_needs_no_card_is_plain_text(lang: str) -> None:
    answer = NoSuchMeasure(lang, "9.9", (MeasureBrief("9.1", "**not bold**"),))

    message = render_answer(answer, NOW.tzinfo)  # type: ignore[arg-type]

    assert message.attachments is None
    assert message.text_format == "plain"
    assert "9.9" in (message.text or "")
    assert "**not bold**" in (message.text or "")
