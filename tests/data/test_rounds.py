"""Reporting rounds in the database: which measures, who is asked, and who has answered."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from data import queries, rounds
from data.directory import add_contact, resolve_one
from data.importer import ImportSummary
from data.models import ReportingRound, State
from seuranta.errors import InputError
from tests.support.programme import NOW, report_status

TODAY = date(2018, 12, 17)


def start(session: Session, pattern: str = "*", due: date = date(2019, 1, 15)) -> ReportingRound:
    version = queries.current_programme_version(session)
    assert version is not None
    return rounds.start(
        session,
        programme_id=version[0],
        due=due,
        pattern=pattern,
        started_by="UADMIN",
        now=NOW,
        today=TODAY,
    )


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [("2.*", ("2.*",)), ("2.7", ("2.7",)), ("1.*, 3.1", ("1.*", "3.1")), ("*", ("*",))],
)
def test_a_pattern_is_measure_numbers_with_wildcards(pattern: str, expected: tuple[str]) -> None:
    assert rounds.parse_pattern(pattern) == expected


@pytest.mark.parametrize("pattern", ["", "abc", "2.7; DROP TABLE", "2.*,"])
def test_anything_else_is_refused_with_examples(pattern: str) -> None:
    with pytest.raises(InputError, match="examples"):
        rounds.parse_pattern(pattern)


def test_a_round_covers_exactly_the_matching_live_measures(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session, session.begin():
        everything = rounds.progress(session, start(session))
        theme_two = rounds.progress(session, start(session, "2.*"))
        two = rounds.progress(session, start(session, "2.7,4.3"))
    assert len(everything.items) == 39
    assert [i.number for i in theme_two.items] == [f"2.{n}" for n in range(1, 15)]
    assert [i.number for i in two.items] == ["2.7", "4.3"]
    # The source names no lead for 6.2 and 8.2: nobody can be asked, and the round says so.
    assert [i.number for i in everything.items if not i.leads] == ["6.2", "8.2"]
    assert everything.without_contact()[rounds.NO_LEAD] == ["6.2", "8.2"]


def test_a_past_due_date_or_a_pattern_matching_nothing_is_refused(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session, session.begin():
        with pytest.raises(InputError, match="past"):
            start(session, due=TODAY - timedelta(days=1))
        with pytest.raises(InputError, match="no measure matches"):
            start(session, "9.*")


def test_only_reports_made_after_the_start_count_as_answers(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session, session.begin():
        sm = resolve_one(session, "SM")
        add_contact(session, sm, "USM", "UADMIN", NOW)
        found = start(session, "2.7,4.3")
        progress = rounds.progress(session, found)
        measure_27, measure_43 = progress.items
        # Before the round started: not an answer to it.
        report_status(session, measure_43.measure_id, State.DONE, "USM", NOW - timedelta(days=1))
        report_status(
            session, measure_27.measure_id, State.AT_RISK, "USM", NOW + timedelta(hours=1)
        )
        progress = rounds.progress(session, found)
    answered = {i.number: i.answer for i in progress.items}
    assert answered["4.3"] is None
    assert answered["2.7"] is not None
    assert answered["2.7"].state == State.AT_RISK
    assert (len(progress.answered), len(progress.missing), progress.percent) == (1, 1, 50)


def test_people_are_asked_about_the_measures_their_organisation_leads(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), "USM", "UADMIN", NOW)
        progress = rounds.progress(session, start(session))
    sm_leads = [i.number for i in progress.items if "SM" in i.leads]
    assert [i.number for i in progress.people()["USM"]] == sm_leads
    assert set(progress.people()) == {"USM"}
    orphaned = progress.without_contact()
    assert "SM" not in orphaned
    assert sum(len(numbers) for numbers in orphaned.values()) >= 39 - len(sm_leads)


def test_a_person_who_answered_everything_no_longer_owes_anything(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session, session.begin():
        add_contact(session, resolve_one(session, "SM"), "USM", "UADMIN", NOW)
        found = start(session, "2.7")
        assert set(rounds.progress(session, found).owing()) == {"USM"}
        (item,) = rounds.progress(session, found).items
        report_status(session, item.measure_id, State.ON_TRACK, "USM", NOW + timedelta(minutes=5))
        assert rounds.progress(session, found).owing() == {}


def test_closing_is_once_and_find_prefers_the_newest_open_round(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    with factory() as session, session.begin():
        first = start(session, "1.*")
        second = start(session, "2.*")
        assert rounds.close(session, second.id, NOW)
        assert not rounds.close(session, second.id, NOW)
        newest = rounds.find(session)
        assert newest is not None
        assert newest.id == first.id
        assert rounds.find(session, 999) is None
        assert [r.id for r in rounds.open_rounds(session)] == [first.id]
