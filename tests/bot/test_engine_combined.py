"""Combined questions and follow-ups on the real programme, on both databases.

Each answer is checked for its facts and for the line that says what was understood.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.answers import (
    Answer,
    DeadlinesAnswer,
    DueScope,
    HelpAnswer,
    MeasureAnswer,
    MeasuresAnswer,
    OwnersAnswer,
)
from bot.engine import PAGE_SIZE, Engine
from bot.render.text import render_text
from data.importer import ImportSummary
from data.models import ConversationContext, Measure, State
from tests.support.programme import NOW, report_status


@pytest.fixture
def engine_(factory: sessionmaker[Session], imported: ImportSummary) -> Engine:
    return Engine(factory, default_lang="fi")


def ask(
    engine: Engine, question: str, conversation: str | None = None, now: datetime = NOW
) -> tuple[Answer, str]:
    answer = engine.ask(question, now=now, conversation=conversation)
    return answer, render_text(answer).splitlines()[0]


def numbers(answer: Answer) -> list[str]:
    if isinstance(answer, MeasuresAnswer):
        return [row.measure.number for row in answer.rows]
    assert isinstance(answer, DeadlinesAnswer)
    return sorted({item.measure.number for item in answer.items})


def test_an_organisations_milestones_in_a_year_are_its_own_only(engine_: Engine) -> None:
    answer, understood = ask(engine_, "mitä OM:n pitää tehdä vuonna 2019?")
    assert isinstance(answer, DeadlinesAnswer)
    assert understood == "OM · erääntyy vuonna 2019 · 3 määräaikaa"
    assert all(date(2019, 1, 1) <= i.milestone.due <= date(2019, 12, 31) for i in answer.items)  # type: ignore[operator]
    assert numbers(answer) == ["2.14", "3.1", "3.5"]
    everyone, _ = ask(engine_, "mitä pitää tehdä vuonna 2019?")
    assert isinstance(everyone, DeadlinesAnswer)
    assert everyone.total > answer.total


def test_what_is_overdue_for_one_organisation(engine_: Engine) -> None:
    answer, understood = ask(engine_, "what is overdue for Tulli?")
    assert isinstance(answer, DeadlinesAnswer)
    assert answer.scope is DueScope.OVERDUE
    assert understood.startswith("Tulli · overdue · ")
    assert answer.items
    assert all(i.milestone.overdue for i in answer.items)
    everyones, _ = ask(engine_, "what is overdue?")
    assert isinstance(everyones, DeadlinesAnswer)
    assert 0 < answer.total < everyones.total


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param("SUPOn ja KRP:n yhteiset toimenpiteet", ["1.1", "2.14"], id="fi"),
        pytest.param(
            "mitkä toimenpiteet ovat SUPOn ja KRP:n yhteisiä?", ["1.1", "2.14"], id="fi-q"
        ),
        pytest.param("measures shared by SUPO and KRP", ["1.1", "2.14"], id="en"),
        pytest.param("gemensamma åtgärder för SUPO och KRP", ["1.1", "2.14"], id="sv"),
    ],
)
def test_measures_shared_by_organisations_are_the_intersection(
    engine_: Engine, question: str, expected: list[str]
) -> None:
    answer, understood = ask(engine_, question)
    assert isinstance(answer, MeasuresAnswer)
    assert numbers(answer) == expected
    assert "SUPO + KRP" in understood


def test_shared_by_okm_and_stm_counting_a_ministrys_agencies_as_its_own(
    engine_: Engine,
) -> None:
    answer, understood = ask(engine_, "measures shared by OKM and STM")
    assert isinstance(answer, MeasuresAnswer)
    assert understood == "shared by OKM + STM · 3 measures"
    assert numbers(answer) == ["3.1", "3.3", "4.1"]
    (via_thl,) = [row for row in answer.rows if row.measure.number == "3.1"]
    assert "THL" in {o.key for o in via_thl.others}  # THL is STM's agency


def test_measures_without_a_lead(engine_: Engine) -> None:
    answer, understood = ask(engine_, "which measures have no lead owner?")
    assert isinstance(answer, MeasuresAnswer)
    assert answer.rows
    assert all(not row.lead for row in answer.rows)
    assert understood.startswith("no lead owner · ")


@pytest.mark.parametrize(
    ("question", "theme"), [("teema 3", 3), ("measures in theme 8", 8), ("tema 5", 5)]
)
def test_a_themes_measures(engine_: Engine, question: str, theme: int) -> None:
    answer, _ = ask(engine_, question)
    assert isinstance(answer, MeasuresAnswer)
    assert answer.rows
    assert all(row.measure.number.startswith(f"{theme}.") for row in answer.rows)


def test_counting_what_an_organisation_leads_and_the_whole_programme(
    factory: sessionmaker[Session], engine_: Engine
) -> None:
    led, understood = ask(engine_, "how many measures does SM lead?")
    assert isinstance(led, MeasuresAnswer)
    assert understood.endswith(f"{led.total} measures")
    everything, understood = ask(engine_, "montako toimenpidettä ohjelmassa on?")
    assert isinstance(everything, MeasuresAnswer)
    with factory() as session:
        live = session.scalars(select(Measure).where(Measure.removed_at.is_(None))).all()
    assert everything.total == len(live)
    assert understood.endswith(f"{len(live)} toimenpidettä")
    assert 0 < led.total < everything.total


def test_continuous_measures(engine_: Engine) -> None:
    answer, understood = ask(engine_, "jatkuvat toimenpiteet")
    assert isinstance(answer, MeasuresAnswer)
    assert answer.total > 0
    assert understood.startswith("jatkuvat · ")


def test_owners_of_two_measures(engine_: Engine) -> None:
    answer, _ = ask(engine_, "2.7 ja 2.8 vastuutahot")
    assert isinstance(answer, MeasuresAnswer)
    assert numbers(answer) == ["2.7", "2.8"]
    assert [o.key for o in answer.rows[0].lead] == ["SM", "PEO"]


def test_owners_of_a_topic_go_through_its_measure(engine_: Engine) -> None:
    answer, understood = ask(engine_, "who is responsible for the national risk assessment?")
    assert "2.7" in render_text(answer)
    assert "topic “national risk assessment”" in understood


@pytest.mark.parametrize(
    "question", ["mikä on 2.7:n seuraava määräaika?", "when is 2.7 due?", "när förfaller 2,7?"]
)
def test_a_measures_next_deadline(engine_: Engine, question: str) -> None:
    answer, _ = ask(engine_, question)
    assert isinstance(answer, DeadlinesAnswer)
    assert [i.milestone.due for i in answer.items] == [date(2018, 12, 31)]


@pytest.mark.parametrize(
    "question", ["kuka vastaa 2,7?", "vem ansvarar för åtgärd 2,7?", "who ownes 2.7"]
)
def test_forgiving_owners_questions(engine_: Engine, question: str) -> None:
    answer, _ = ask(engine_, question)
    assert isinstance(answer, OwnersAnswer)
    assert answer.measure.number == "2.7"


def test_a_typo_is_corrected_and_said(engine_: Engine) -> None:
    _, understood = ask(engine_, "what is overdue for Tullli")
    assert understood.startswith("Tulli · overdue")
    assert "read “Tullli” as “tulli”" in understood


def test_a_reported_state_filters_the_measures(
    factory: sessionmaker[Session], engine_: Engine
) -> None:
    with factory() as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.number == "2.14")).one()
        report_status(session, measure.id, State.AT_RISK, "U1", NOW - timedelta(days=1))
    answer, _ = ask(engine_, "KRP:n toimenpiteet riskissä")
    assert isinstance(answer, MeasuresAnswer)
    assert numbers(answer) == ["2.14"]


def test_half_a_question_is_answered_with_the_nearest_whole_one(engine_: Engine) -> None:
    answer, _ = ask(engine_, "kuka")
    assert isinstance(answer, HelpAnswer)
    assert "kuka vastaa toimenpiteestä 2.7?" in render_text(answer)


# --- follow-ups ------------------------------------------------------------------------------


def test_and_asks_the_previous_question_of_another_measure(engine_: Engine) -> None:
    ask(engine_, "kuka vastaa 2.7:stä?", "slack:D1")
    answer, understood = ask(engine_, "entä 2.8?", "slack:D1")
    assert isinstance(answer, OwnersAnswer)
    assert answer.measure.number == "2.8"
    assert understood.startswith("jatkokysymys")


def test_and_asks_the_previous_question_of_another_organisation(engine_: Engine) -> None:
    ask(engine_, "what is overdue for Tulli?", "slack:D1")
    answer, understood = ask(engine_, "and SUPO?", "slack:D1")
    assert isinstance(answer, DeadlinesAnswer)
    assert answer.scope is DueScope.OVERDUE
    assert "SUPO · overdue" in understood


def test_who_else_and_when_is_it_due_refer_to_the_previous_measure(engine_: Engine) -> None:
    ask(engine_, "2.7", "slack:C1:1.1")
    owners, _ = ask(engine_, "who else?", "slack:C1:1.1")
    assert isinstance(owners, OwnersAnswer)
    assert owners.measure.number == "2.7"
    due, _ = ask(engine_, "milloin se erääntyy?", "slack:C1:1.1")
    assert isinstance(due, DeadlinesAnswer)
    assert [i.measure.number for i in due.items] == ["2.7"]


def test_more_shows_the_next_page(engine_: Engine) -> None:
    ask(engine_, "list all measures", "slack:D2")
    second, _ = ask(engine_, "more", "slack:D2")
    assert isinstance(second, MeasuresAnswer)
    assert second.offset == PAGE_SIZE
    assert len(second.rows) == second.total - PAGE_SIZE


def test_a_follow_up_never_crosses_conversations(engine_: Engine) -> None:
    ask(engine_, "kuka vastaa 2.7:stä?", "slack:C1:1.1")
    answer, understood = ask(engine_, "entä 2.8?", "slack:C1:2.2")
    assert isinstance(answer, MeasureAnswer)  # read on its own: the card of 2.8
    assert not understood.startswith("jatkokysymys")


def test_a_follow_up_after_half_an_hour_starts_afresh(
    factory: sessionmaker[Session], engine_: Engine
) -> None:
    ask(engine_, "kuka vastaa 2.7:stä?", "slack:D1")
    answer, _ = ask(engine_, "entä 2.8?", "slack:D1", now=NOW + timedelta(minutes=31))
    assert isinstance(answer, MeasureAnswer)
    with factory() as session:
        stored = session.get(ConversationContext, "slack:D1")
        assert stored is not None
        assert stored.context["measures"][0][0] == "2.8"


def test_more_after_a_deadline_list_continues_after_what_was_shown(engine_: Engine) -> None:
    first, _ = ask(engine_, "what is due in 2018?", "slack:D3")
    second, understood = ask(engine_, "more", "slack:D3")
    assert isinstance(first, DeadlinesAnswer)
    assert isinstance(second, DeadlinesAnswer)
    assert first.total > PAGE_SIZE
    assert second.offset == PAGE_SIZE
    assert second.items[0] == first.items[PAGE_SIZE]
    assert understood.startswith("follow-up · due in 2018")


def test_the_same_question_again_keeps_the_context_without_writing_it_each_time(
    engine_: Engine, factory: sessionmaker[Session]
) -> None:
    chat = "teams:a:1"

    def kept_at() -> datetime:
        with factory() as session:
            row = session.get(ConversationContext, chat)
            assert row is not None
            return row.updated_at

    ask(engine_, "who owns 2.7?", chat)
    first = kept_at()
    ask(engine_, "who owns 2.7?", chat, now=NOW + timedelta(seconds=30))
    assert kept_at() == first  # unchanged and recent: no write
    ask(engine_, "who owns 2.7?", chat, now=NOW + timedelta(minutes=2))
    assert kept_at() == NOW + timedelta(minutes=2)  # kept fresh for the next 30 minutes

    answer, _ = ask(engine_, "entä 2.8?", chat, now=NOW + timedelta(minutes=3))
    assert isinstance(answer, OwnersAnswer)
    assert answer.measure.number == "2.8"
