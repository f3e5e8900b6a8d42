"""The numbers every report shows: counts by theme and state, and what is overdue."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.answers import DeadlinesAnswer
from bot.engine import Engine
from data.models import State
from data.queries import current_programme
from reports.snapshot import Deadline
from reports.summary import UNREPORTED, is_overdue, programme_summary
from tests.support.programme import NOW

TODAY = date(2018, 12, 17)


@pytest.mark.parametrize(
    ("due", "state", "overdue"),
    [
        pytest.param(date(2018, 12, 16), None, True, id="yesterday_unreported"),
        pytest.param(date(2018, 12, 16), State.DELAYED, True, id="yesterday_delayed"),
        pytest.param(date(2018, 12, 16), State.DONE, False, id="yesterday_but_done"),
        pytest.param(date(2018, 12, 17), None, False, id="due_today"),
        pytest.param(None, None, False, id="continuous"),
    ],
)
def test_a_milestone_is_overdue_when_due_before_today_and_not_done(
    due: date | None, state: State | None, overdue: bool
) -> None:
    assert is_overdue(Deadline("x", "date", None, due), state, TODAY) is overdue


def test_counts_cover_every_measure_once(reported: sessionmaker[Session]) -> None:
    with reported() as session:
        programme = current_programme(session)
        assert programme is not None
        summary = programme_summary(session, programme, TODAY)

    assert summary.total() == 39
    assert [t.theme for t in summary.themes] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert summary.total(State.DONE) == 1
    assert summary.total(State.AT_RISK) == 1  # 2.7's earlier report is superseded
    assert summary.total(UNREPORTED) == 35
    theme_2 = summary.themes[1]
    assert (theme_2.count(State.DONE), theme_2.total) == (1, 14)


def test_overdue_list_is_the_chat_answer(reported: sessionmaker[Session]) -> None:
    """The page and the digests must never disagree with `seuranta ask overdue`."""
    with reported() as session:
        programme = current_programme(session)
        assert programme is not None
        summary = programme_summary(session, programme, TODAY)
    answer = Engine(reported).ask("overdue", now=NOW, lang="en")
    assert isinstance(answer, DeadlinesAnswer)

    assert [(o.number, o.text, o.due) for o in summary.overdue] == [
        (item.measure.number, item.milestone.text, item.milestone.due) for item in answer.items
    ]
    assert "2.7" not in summary.overdue_measures  # reported done
    assert "1.1" in summary.overdue_measures
