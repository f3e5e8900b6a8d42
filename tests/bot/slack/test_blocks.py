"""Block Kit rendering: every answer type, inside Slack's limits, with user text escaped."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.answers import (
    AmbiguousOrganisation,
    Answer,
    DeadlinesAnswer,
    DueItem,
    DueScope,
    HelpAnswer,
    HelpReason,
    MeasureAnswer,
    MeasureBrief,
    MeasureView,
    MilestoneView,
    NoSuchMeasure,
    OrganisationAnswer,
    OrgRef,
    OwnersAnswer,
    SearchAnswer,
    SearchHit,
    StatusAnswer,
    StatusView,
)
from bot.slack.blocks import LIST_LIMIT, render_answer
from bot.slack.mrkdwn import MAX_BLOCKS, MAX_HEADER, MAX_SECTION, escape, line_sections

ZONE = ZoneInfo("Europe/Helsinki")
EVIL = "<!channel> <@U1> <script> & *bold*"
ORG = OrgRef("SM", "sisäministeriö", "SM")
BRIEF = MeasureBrief("2.7", "Varautumisen toimintamallit " * 3)
STATUS = StatusView("at_risk", EVIL, "U1", "Anna", "SM", "slack", datetime(2018, 12, 1, tzinfo=UTC))


def _milestone(day: int, text: str = "Raportti valmis") -> MilestoneView:
    return MilestoneView(
        day, text, "date", None, date(2018, 12, 1 + day % 28), overdue=day % 2 == 0
    )


MEASURE = MeasureView(
    number="2.7",
    title=BRIEF.title,
    theme=2,
    parts=(("a", "Osa A"), ("b", EVIL)),
    lead=(ORG,),
    others=(OrgRef("PEO", "pelastusosasto", "PEO", uncertain=True),),
    actions=(EVIL,),
    milestones=tuple(_milestone(d) for d in range(3)),
    latest_status=STATUS,
)

ANSWERS: list[Answer] = [
    OwnersAnswer("en", MEASURE),
    MeasureAnswer("fi", MEASURE, part="b"),
    OrganisationAnswer("sv", ORG, (BRIEF,), (BRIEF,)),
    OrganisationAnswer("en", ORG, (), ()),
    AmbiguousOrganisation("en", EVIL, (ORG, ORG)),
    SearchAnswer("en", EVIL, (SearchHit(BRIEF, ("varautuminen",)),)),
    SearchAnswer("fi", EVIL, ()),
    DeadlinesAnswer(
        "en", DueScope.PERIOD, date(2018, 12, 1), date(2018, 12, 31), date(2018, 12, 17), ()
    ),
    DeadlinesAnswer(
        "fi",
        DueScope.OVERDUE,
        None,
        None,
        date(2018, 12, 17),
        (DueItem(BRIEF, _milestone(1), "done"),),
    ),
    StatusAnswer("en", BRIEF, (STATUS, STATUS)),
    StatusAnswer("en", BRIEF, ()),
    NoSuchMeasure("en", EVIL, (BRIEF,)),
    *(HelpAnswer("sv", reason) for reason in HelpReason),
]


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: f"{type(a).__name__}-{a.lang}")
def test_every_answer_renders_within_limits_and_escapes_user_text(answer: Answer) -> None:
    message = render_answer(answer, ZONE)

    assert message.text
    assert 0 < len(message.blocks) <= MAX_BLOCKS
    for block in message.blocks:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= MAX_HEADER
        for text in _texts(block):
            assert len(text) <= MAX_SECTION
            assert "<!channel>" not in text
            assert "<script>" not in text
    assert "<!channel>" not in message.text


def _texts(block: dict[str, object]) -> list[str]:
    found: list[str] = []
    text = block.get("text")
    if isinstance(text, dict) and text.get("type") == "mrkdwn":
        found.append(text["text"])
    for key in ("fields", "elements"):
        items = block.get(key)
        if isinstance(items, list):
            found += [i["text"] for i in items if isinstance(i, dict) and i.get("type") == "mrkdwn"]
    return found


def test_owners_card_names_lead_and_other_owners_in_full() -> None:
    (head, _title, owners) = render_answer(OwnersAnswer("en", MEASURE), ZONE).blocks

    assert head["text"]["text"] == "Owners of measure 2.7"
    lead, others = (field["text"] for field in owners["fields"])
    assert lead == "*Lead*\nsisäministeriö (SM)"
    assert others == "*Other owners*\npelastusosasto (PEO) _(expansion uncertain)_"


def test_a_long_deadline_list_is_cut_with_the_question_that_shows_the_rest() -> None:
    items = tuple(DueItem(BRIEF, _milestone(day, "x" * 150), None) for day in range(200))
    answer = DeadlinesAnswer(
        "en", DueScope.PERIOD, date(2018, 1, 1), date(2018, 12, 31), date(2018, 6, 1), items
    )

    blocks = render_answer(answer, ZONE).blocks

    shown = sum(t.count("*2.7*") for b in blocks for t in _texts(b))
    assert shown == LIST_LIMIT
    note = blocks[-1]["elements"][0]["text"]
    assert note.startswith(f"… and {200 - LIST_LIMIT} more")
    assert "what is due in 12/2018?" in note


def test_sections_split_before_3000_characters() -> None:
    blocks = line_sections(["y" * 1000] * 7)

    assert [len(b["text"]["text"]) for b in blocks] == [2001, 2001, 2001, 1000]


def test_escape_makes_mentions_and_markup_literal() -> None:
    assert escape("<!here> & <@U1>") == "&lt;!here&gt; &amp; &lt;@U1&gt;"
