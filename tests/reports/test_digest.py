"""The weekly digest's numbers: the same overdue list as the page, the week's status updates,
and the next two weeks' milestones of measures not done."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session, sessionmaker

from data import queries
from data.models import State
from reports.digest import load_digest
from reports.summary import programme_summary
from tests.support.programme import NOW

TODAY = date(2018, 12, 17)


def test_the_digest_counts_what_the_page_counts(reported: sessionmaker[Session]) -> None:
    with reported() as session:
        programme = queries.current_programme(session)
        assert programme is not None
        digest = load_digest(session, programme, NOW - timedelta(days=7), TODAY)
        summary = programme_summary(session, programme, TODAY)
    assert digest.overdue == summary.overdue
    assert digest.rounds == ()
    assert digest.failures == 0


def test_the_week_holds_the_updates_of_the_last_seven_days_oldest_first(
    reported: sessionmaker[Session],
) -> None:
    with reported() as session:
        programme = queries.current_programme(session)
        assert programme is not None
        digest = load_digest(session, programme, NOW - timedelta(days=7), TODAY)
    # REPORTS in conftest: 1.1 five days ago, 8.1 three, 2.7 two, 3.4 one; 2.7's at-risk
    # report thirty days ago is older than the week.
    assert [(c.number, c.state) for c in digest.changes] == [
        ("1.1", State.DELAYED),
        ("8.1", State.AT_RISK),
        ("2.7", State.DONE),
        ("3.4", State.ON_TRACK),
    ]


def test_upcoming_is_two_weeks_inclusive_and_leaves_out_measures_done(
    reported: sessionmaker[Session],
) -> None:
    with reported() as session:
        programme = queries.current_programme(session)
        assert programme is not None
        digest = load_digest(session, programme, NOW - timedelta(days=7), TODAY)
    dues = [item.due for item in digest.upcoming]
    assert dues == sorted(dues)
    assert dues
    assert all(TODAY <= due <= TODAY + timedelta(days=14) for due in dues)
    assert date(2018, 12, 31) in dues  # the end-of-2018 milestones are exactly 14 days ahead
    assert "2.7" not in {item.number for item in digest.upcoming}  # reported done
    assert all(item.state != "done" for item in digest.upcoming)
