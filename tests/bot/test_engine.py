"""The answer engine on the real programme, in Finnish, Swedish and English, on both databases."""

from __future__ import annotations

import gc
import tracemalloc
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.answers import (
    AmbiguousOrganisation,
    Answer,
    DeadlinesAnswer,
    DueScope,
    HelpAnswer,
    HelpReason,
    MeasureAnswer,
    NoSuchMeasure,
    OrganisationAnswer,
    OwnersAnswer,
    SearchAnswer,
    StatusAnswer,
)
from bot.engine import Engine
from bot.render.text import render_text
from data import deadlines
from data.importer import ImportSummary
from data.models import Measure, State, StatusReport
from tests.support.programme import NOW, report_status


@pytest.fixture
def engine_(factory: sessionmaker[Session], imported: ImportSummary) -> Engine:
    return Engine(factory, default_lang="fi")


def ask(engine: Engine, question: str, now: datetime = NOW, lang: str | None = None) -> Answer:
    answer = engine.ask(question, now=now, lang=lang)
    assert render_text(answer).strip()  # every answer renders
    return answer


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        pytest.param("who owns 2.7?", "en", id="en"),
        pytest.param("kuka vastaa 2.7:stä?", "fi", id="fi-elative"),
        pytest.param("vem ansvarar för 2.7?", "sv", id="sv"),
        pytest.param("2.7 vastuutaho", "fi", id="fi-column-name"),
        pytest.param("Ketkä ovat toimenpiteen 2.7. vastuutahot", "fi", id="fi-plural"),
    ],
)
def test_who_owns_a_measure(engine_: Engine, question: str, lang: str) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, OwnersAnswer)
    assert answer.lang == lang
    assert answer.measure.number == "2.7"
    assert [o.key for o in answer.measure.lead] == ["SM", "PEO"]
    assert "Turvallisuuskomitea" in [o.key for o in answer.measure.others]


def test_owners_are_shown_with_their_full_names(engine_: Engine) -> None:
    text = render_text(ask(engine_, "who owns 2.7?"))
    assert "Ministry of the Interior (SM)" in text
    fi = render_text(ask(engine_, "kuka vastaa 2.7:stä?"))
    assert "sisäministeriö (sm)" in fi.lower()


@pytest.mark.parametrize(
    ("question", "number", "part", "lang"),
    [
        pytest.param("2.14", "2.14", None, "fi", id="bare-number"),
        pytest.param("show 4.3b", "4.3", "b", "en", id="en-part"),
        pytest.param("toimenpide 8.1", "8.1", None, "fi", id="fi"),
        pytest.param("visa åtgärd 2.6 a", "2.6", "a", "sv", id="sv-part-spaced"),
        pytest.param("näytä 2.6 b)", "2.6", "b", "fi", id="fi-part-paren"),
    ],
)
def test_a_measure_card(
    engine_: Engine, question: str, number: str, part: str | None, lang: str
) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, MeasureAnswer)
    assert (answer.measure.number, answer.part, answer.lang) == (number, part, lang)
    assert answer.measure.milestones
    assert answer.measure.lead


def test_the_measure_card_shows_title_parts_owners_actions_milestones_and_status(
    engine_: Engine,
) -> None:
    answer = ask(engine_, "show 4.3b")
    assert isinstance(answer, MeasureAnswer)
    assert [label for label, _ in answer.measure.parts] == ["a", "b", "c"]
    text = render_text(answer)
    assert "Vahvistetaan lasten ja nuorten arjen turvallisuustaitojen" in text
    assert "OKM" in text
    assert "OPH" in text
    assert "vuosina 2017 - 2019" in text
    assert "No status reported yet." in text


@pytest.mark.parametrize(
    ("question", "key", "lang"),
    [
        pytest.param("what does SUPO own?", "SUPO", "en", id="en-abbreviation"),
        pytest.param("mistä SUPO vastaa?", "SUPO", "fi", id="fi"),
        pytest.param("SUPOn toimenpiteet", "SUPO", "fi", id="fi-genitive"),
        pytest.param("Tullin toimenpiteet", "Tulli", "fi", id="fi-genitive-name"),
        pytest.param("what does the Ministry of Justice own?", "OM", "en", id="en-full-name"),
        pytest.param("vad ansvarar Tullen för?", "Tulli", "sv", id="sv-definite"),
        pytest.param("mitä poliisihallitukselle kuuluu", "POHA", "fi", id="fi-allative"),
    ],
)
def test_an_organisations_measures(engine_: Engine, question: str, key: str, lang: str) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, OrganisationAnswer), answer
    assert (answer.organisation.key, answer.lang) == (key, lang)
    assert answer.lead or answer.shared


def test_an_organisation_answer_separates_lead_from_shared(engine_: Engine) -> None:
    supo = ask(engine_, "what does SUPO own?")
    assert isinstance(supo, OrganisationAnswer)
    assert [m.number for m in supo.lead] == []
    assert [m.number for m in supo.shared] == ["1.1", "2.13", "2.14"]
    justice = ask(engine_, "what does the Ministry of Justice own?")
    assert isinstance(justice, OrganisationAnswer)
    assert [m.number for m in justice.lead] == ["2.9", "2.14", "3.1", "3.5", "6.4"]
    assert {"2.2", "6.3"} <= {m.number for m in justice.shared}


def test_a_word_that_fits_several_organisations_lists_them(engine_: Engine) -> None:
    answer = ask(engine_, "what does the police own?")
    assert isinstance(answer, AmbiguousOrganisation)
    assert len(answer.candidates) >= 2


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param("search cybercrime", "2.14", id="en-synonym"),
        pytest.param("etsi hybridiuhat", "4.4", id="fi-gradation"),
        pytest.param("Frontex", "2.6", id="bare-word"),
        pytest.param("sök terrorism", "4.4", id="sv"),
        pytest.param("etsi reservipoliisi", "2.3", id="fi-compound"),
    ],
)
def test_search_ranks_measures(engine_: Engine, question: str, expected: str) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, SearchAnswer)
    assert expected in [hit.measure.number for hit in answer.hits[:5]]


def test_a_search_without_hits_says_so(engine_: Engine) -> None:
    answer = ask(engine_, "search zyxwvut")
    assert isinstance(answer, SearchAnswer)
    assert answer.hits == ()
    assert "zyxwvut" in render_text(answer)


@pytest.mark.parametrize(
    ("question", "start", "end"),
    [
        pytest.param(
            "what is due in 12/2018?", date(2018, 12, 1), date(2018, 12, 31), id="en-month"
        ),
        pytest.param(
            "mitä erääntyy syksyllä 2018?", date(2018, 9, 1), date(2018, 11, 30), id="fi-season"
        ),
        pytest.param(
            "vad förfaller hösten 2018?", date(2018, 9, 1), date(2018, 11, 30), id="sv-season"
        ),
        pytest.param(
            "due in the next 30 days", NOW.date(), NOW.date() + timedelta(days=30), id="en-days"
        ),
        pytest.param(
            "mitä erääntyy seuraavan 14 päivän aikana",
            NOW.date(),
            NOW.date() + timedelta(days=14),
            id="fi-days",
        ),
    ],
)
def test_deadlines_in_a_period(engine_: Engine, question: str, start: date, end: date) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, DeadlinesAnswer)
    assert (answer.start, answer.end) == (start, end)
    assert answer.items
    assert all(item.milestone.due and start <= item.milestone.due <= end for item in answer.items)


def test_what_is_due_this_autumn_means_the_coming_autumn(engine_: Engine) -> None:
    answer = ask(
        engine_, "what is due this autumn?", now=datetime(2018, 6, 1, 9, tzinfo=NOW.tzinfo)
    )
    assert isinstance(answer, DeadlinesAnswer)
    assert (answer.start, answer.end) == (date(2018, 9, 1), date(2018, 11, 30))
    assert {"2.12", "6.1", "7.2"} <= {item.measure.number for item in answer.items}


@pytest.mark.parametrize("question", ["overdue", "myöhässä", "försenade"])
def test_overdue_milestones_are_those_past_due_and_not_done(engine_: Engine, question: str) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, DeadlinesAnswer)
    assert answer.scope is DueScope.OVERDUE
    assert answer.items
    assert all(item.milestone.due and item.milestone.due < NOW.date() for item in answer.items)
    assert "1.1" in {item.measure.number for item in answer.items}


def test_a_measure_reported_done_is_no_longer_overdue(
    engine_: Engine, factory: sessionmaker[Session]
) -> None:
    _report(factory, "1.1", State.DONE, NOW - timedelta(days=1))
    answer = ask(engine_, "overdue")
    assert isinstance(answer, DeadlinesAnswer)
    assert "1.1" not in {item.measure.number for item in answer.items}


def test_a_long_deadline_list_is_cut_with_its_total(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    answer = Engine(factory, list_limit=5).ask("overdue", now=NOW, lang="en")
    assert isinstance(answer, DeadlinesAnswer)
    assert len(answer.items) == 5
    assert answer.total > 5
    text = render_text(answer)
    assert f"{answer.total} milestones" in text
    assert f"… and {answer.total - 5} more" in text


def test_as_of_a_date_before_the_programme_nothing_is_overdue(engine_: Engine) -> None:
    answer = ask(engine_, "overdue", now=datetime(2017, 1, 1, 12, tzinfo=NOW.tzinfo))
    assert isinstance(answer, DeadlinesAnswer)
    assert answer.items == ()


@pytest.mark.parametrize(
    ("question", "lang"),
    [("status of 2.7", "en"), ("2.7 tilanne", "fi"), ("läget för 2.7", "sv")],
)
def test_status_of_a_measure(
    engine_: Engine, factory: sessionmaker[Session], question: str, lang: str
) -> None:
    empty = ask(engine_, question)
    assert isinstance(empty, StatusAnswer)
    assert empty.latest is None
    _report(factory, "2.7", State.ON_TRACK, NOW - timedelta(days=2))
    _report(factory, "2.7", State.AT_RISK, NOW - timedelta(days=1), note="riskiarvio viivästyy")
    answer = ask(engine_, question)
    assert isinstance(answer, StatusAnswer)
    assert answer.lang == lang
    assert answer.latest is not None
    assert answer.latest.state == "at_risk"
    assert [s.state for s in answer.history] == ["at_risk", "on_track"]
    assert "riskiarvio viivästyy" in render_text(answer)


@pytest.mark.parametrize(
    ("question", "nearest"),
    [
        pytest.param("who owns 9.9?", "8.3", id="no-theme"),
        pytest.param("2.15", "2.14", id="past-the-end"),
        pytest.param("kuka vastaa 3.7:stä", "3.5", id="fi"),
    ],
)
def test_a_missing_measure_names_the_nearest(engine_: Engine, question: str, nearest: str) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, NoSuchMeasure)
    assert nearest in [m.number for m in answer.nearest]


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        pytest.param("help", HelpReason.ASKED, id="help"),
        pytest.param("apua", HelpReason.ASKED, id="apua"),
        pytest.param("hjälp", HelpReason.ASKED, id="hjalp"),
        pytest.param("", HelpReason.EMPTY, id="empty"),
        pytest.param("   \t\n ", HelpReason.EMPTY, id="whitespace"),
        pytest.param("x" * 100_000, HelpReason.TOO_LONG, id="huge"),
        pytest.param("qwzx plorf", HelpReason.UNCLEAR, id="gibberish"),
    ],
)
def test_help_and_unclear_questions(engine_: Engine, question: str, reason: HelpReason) -> None:
    answer = ask(engine_, question)
    assert isinstance(answer, HelpAnswer)
    assert answer.reason is reason


@pytest.mark.parametrize(
    "question",
    [
        "'; DROP TABLE measure; --",
        "<script>alert(1)</script> <!channel> @here",
        "\x00\x01\x02 2.7 \x1b[31m",
        "🔥🔥🔥 kuka 🔥 vastaa",
        "%s %d {0} {owners.title}",
        "9" * 400,
    ],
)
def test_hostile_questions_get_a_safe_answer(
    engine_: Engine, factory: sessionmaker[Session], question: str
) -> None:
    ask(engine_, question)
    with factory() as session:
        assert len(session.scalars(select(Measure)).all()) == 39


def test_an_explicit_language_overrides_the_question(engine_: Engine) -> None:
    answer = ask(engine_, "who owns 2.7?", lang="sv")
    assert answer.lang == "sv"
    assert "Ansvariga för åtgärd 2.7" in render_text(answer)


def test_naive_now_is_refused(engine_: Engine) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        engine_.ask("2.7", now=datetime(2018, 12, 17, 12))  # noqa: DTZ001


def test_a_new_import_is_seen_without_restarting(
    engine_: Engine, factory: sessionmaker[Session]
) -> None:
    assert isinstance(ask(engine_, "search Frontex"), SearchAnswer)
    with factory() as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.number == "8.1")).one()
        measure.title = "Perustetaan Frontex-palveluväylä"
        measure.programme.revision += 1
    answer = ask(engine_, "search Frontex")
    assert isinstance(answer, SearchAnswer)
    assert "8.1" in [hit.measure.number for hit in answer.hits]


def _report(
    factory: sessionmaker[Session], number: str, state: State, at: datetime, note: str = ""
) -> None:
    with factory() as session, session.begin():
        measure = session.scalars(select(Measure).where(Measure.number == number)).one()
        session.add(
            StatusReport(
                measure_id=measure.id,
                state=state,
                note=note,
                reporter="U01",
                reporter_name="Maija",
                source="cli",
                created_at=at,
            )
        )


def test_a_repeated_question_is_answered_from_memory_until_something_changes(
    engine_: Engine, factory: sessionmaker[Session]
) -> None:
    first = ask(engine_, "status of 2.7")
    assert ask(engine_, "status of 2.7") is first  # the same answer object: not recomputed
    assert ask(engine_, "status of 2.7", now=NOW + timedelta(days=1)) is not first  # new day

    with factory() as session, session.begin():
        measure_id = session.scalar(select(Measure.id).where(Measure.number == "2.7"))
        assert measure_id is not None
        report_status(session, measure_id, State.AT_RISK, "USM", NOW, "Riskiarvio viivästyy")
    after_report = ask(engine_, "status of 2.7")
    assert after_report is not first
    assert "Riskiarvio viivästyy" in render_text(after_report)


def test_a_deadline_added_in_chat_is_in_the_next_answer(
    engine_: Engine, factory: sessionmaker[Session]
) -> None:
    before = render_text(ask(engine_, "what is due in 3/2019?", lang="en"))
    with factory() as session, session.begin():
        added = deadlines.add(
            session,
            number="2.7",
            due=date(2019, 3, 29),
            text="Riskiarvion päivitys",
            user="UADMIN",
            admins=frozenset({"UADMIN"}),
            today=NOW.date(),
            now=NOW,
        )
        assert added.outcome is deadlines.Outcome.DONE
    assert "Riskiarvion päivitys" not in before
    assert "Riskiarvion päivitys" in render_text(ask(engine_, "what is due in 3/2019?", lang="en"))


def test_a_question_of_1000_characters_is_read_and_a_longer_one_is_too_long(
    engine_: Engine,
) -> None:
    longest = "who owns 2.7? " + "y" * (1000 - len("who owns 2.7? "))

    assert isinstance(ask(engine_, longest), OwnersAnswer)
    too_long = ask(engine_, longest + "y")
    assert isinstance(too_long, HelpAnswer)
    assert too_long.reason is HelpReason.TOO_LONG
    assert "at most 1000 characters" in render_text(too_long)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("<@" * 50_000, id="nested_mention_markup"),
        pytest.param("<#" * 30_000 + "C1|x>", id="nested_channel_markup"),
        pytest.param("ﷺ" * 5_000, id="grows_18_times_under_nfkc"),
        pytest.param("2.7 " * 30_000, id="many_measure_numbers"),
    ],
)
def test_a_hostile_question_is_too_long(engine_: Engine, question: str) -> None:
    answer = ask(engine_, question)

    assert isinstance(answer, HelpAnswer)
    assert answer.reason is HelpReason.TOO_LONG


def test_slack_markup_is_removed_without_reading_past_the_next_angle_bracket(
    engine_: Engine,
) -> None:
    # "<@<@U1> who owns 2.7?": the inner mention is markup; the stray "<@" is only text.
    answer = ask(engine_, "<@<@U0LAN0Z89> who owns 2.7? <#C123|general>")

    assert isinstance(answer, OwnersAnswer)


def test_answers_to_over_long_questions_are_not_kept_in_memory(engine_: Engine) -> None:
    ask(engine_, "who owns 2.7?")  # indexes and caches warm before measuring
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(100):
            ask(engine_, f"{i} " + "kuka vastaa " * 4_000)  # 48 kB each, distinct
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    assert kept < 1_000_000  # the questions alone are 4.8 MB


def test_the_answer_cache_keeps_to_its_byte_budget(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    small = Engine(factory, default_lang="fi", answer_cache_bytes=1_000_000)
    ask(small, "overdue")
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(300):
            ask(small, f"what is due in 2018? {i}")  # distinct questions, long answers
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()

    assert kept < 2_000_000  # each answer is some 50 kB: 15 MB without the budget
    assert ask(small, "what is due in 2018? 299") is ask(small, "what is due in 2018? 299")
