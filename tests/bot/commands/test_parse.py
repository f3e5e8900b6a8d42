"""Reading a command: a question unless it is a subcommand, the same words on every platform.

Pure: the text is what an adapter hands over (plain words, people as their keys).
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.commands.parse import (
    AddContact,
    AddDeadline,
    Ask,
    CloseRound,
    Command,
    Help,
    Iam,
    ListContacts,
    ListDeadlines,
    ListFailures,
    ListRounds,
    MoveDeadline,
    Pause,
    RemoveContact,
    RemoveDeadline,
    Report,
    ReportStatus,
    RoundReport,
    StartRound,
    Usage,
    named,
    parse_command,
    question_text,
)
from data.models import State

TEAMS_PERSON = "teams:5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"
CONTACT_USAGE = Usage("command.contact.usage")
DEADLINE_USAGE = Usage("command.deadline.usage")
PAUSE_USAGE = Usage("command.pause.usage")
ROUND_USAGE = Usage("round.usage")


def cases(*rows: tuple[str, Command, str]) -> list[object]:
    return [pytest.param(text, expected, id=name) for text, expected, name in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        ("who owns 2.7?", Ask("who owns 2.7?"), "question"),
        ("kuka vastaa 2.7:stä?", Ask("kuka vastaa 2.7:stä?"), "finnish_question"),
        ("  vem ansvarar för 2.7?  ", Ask("vem ansvarar för 2.7?"), "swedish_question_trimmed"),
        ("", Ask(""), "empty"),
        ("help", Help("help"), "help"),
        ("apua", Help("apua"), "help_finnish"),
        ("hjälp", Help("hjälp"), "help_swedish"),
        ("Help?", Help("Help?"), "help_asked"),
        ("help me with 2.7", Ask("help me with 2.7"), "help_with_more_words_is_a_question"),
        ("failures", ListFailures(), "failures"),
        ("failures of 2.7", Ask("failures of 2.7"), "failures_question"),
        ("report", Report(None), "report"),
        ("report SV", Report("sv"), "report_in_swedish"),
        ("report de", Usage("command.report.usage"), "report_in_german"),
        ("report on 2.7 please", Ask("report on 2.7 please"), "report_question"),
    ),
)
def test_questions_help_failures_and_the_report(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        ("iam SUPO", Iam("SUPO"), "iam"),
        ("IAM Ministry of the Interior", Iam("Ministry of the Interior"), "iam_name"),
        ("iam", Usage("command.iam.usage"), "iam_alone"),
        ("contacts", ListContacts(None), "contacts"),
        ("contacts SUPO", ListContacts("SUPO"), "contacts_org"),
        ("contact add SUPO U012AB", AddContact("SUPO", "U012AB"), "add_slack"),
        ("contact add SUPO W0XYZ", AddContact("SUPO", "W0XYZ"), "add_enterprise_user"),
        (f"contact add SUPO {TEAMS_PERSON}", AddContact("SUPO", TEAMS_PERSON), "add_teams"),
        (
            "contact add SUPO TEAMS:5F0C1A6E-3F8E-4C53-9A53-1A2B3C4D5E6F",
            AddContact("SUPO", TEAMS_PERSON),
            "add_teams_as_written",
        ),
        (
            "Contact Add sisäministeriö U1AB",
            AddContact("sisäministeriö", "U1AB"),
            "add_name_any_case",
        ),
        ("contact remove SM W0XYZ", RemoveContact("SM", "W0XYZ"), "remove"),
        ("contact add SUPO @anna", CONTACT_USAGE, "display_name"),
        ("contact add SUPO teams:anna", CONTACT_USAGE, "teams_without_an_object_id"),
        ("contact add U1AB", CONTACT_USAGE, "no_org"),
        ("contact drop SUPO U1AB", CONTACT_USAGE, "unknown_verb"),
    ),
)
def test_the_people_directory(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        (
            'status 2.7 at-risk "riskiarvio viivästyy"',
            ReportStatus("2.7", State.AT_RISK, "riskiarvio viivästyy"),
            "quoted_note",
        ),
        (
            "status 2.7 at-risk “lainausmerkit”",
            ReportStatus("2.7", State.AT_RISK, "lainausmerkit"),
            "typographic_quotes",
        ),
        ("status 4.3 done", ReportStatus("4.3", State.DONE, ""), "no_note"),
        ("status 4.3. valmis", ReportStatus("4.3", State.DONE, ""), "finnish_done"),
        ("status 4.3 klar", ReportStatus("4.3", State.DONE, ""), "swedish_done"),
        ("Status 1.2 ON_TRACK", ReportStatus("1.2", State.ON_TRACK, ""), "any_case"),
        ("status 1.2 ok", ReportStatus("1.2", State.ON_TRACK, ""), "ok"),
        ("status 1.2 late", ReportStatus("1.2", State.DELAYED, ""), "late"),
        ("status 1.2 not-started", ReportStatus("1.2", State.NOT_STARTED, ""), "not_started"),
        ("status 2.7 sideways", Usage("status.usage"), "unknown_state"),
        ("status of 2.7", Ask("status of 2.7"), "a_question"),
        ("status 2.7", Ask("status 2.7"), "a_bare_question"),
    ),
)
def test_status_is_a_report_only_with_a_state(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        (
            "deadline 2.7 2027-03-31 Kansallinen riskiarvio päivitetty",
            AddDeadline("2.7", date(2027, 3, 31), "Kansallinen riskiarvio päivitetty"),
            "add",
        ),
        (
            'deadline 2.7 31.3.2027 "Riskiarvio päivitetty"',
            AddDeadline("2.7", date(2027, 3, 31), "Riskiarvio päivitetty"),
            "add_finnish_date_quoted_text",
        ),
        (
            "tidsfrist 2.7 2027-03-31 Riskbedömning",
            AddDeadline("2.7", date(2027, 3, 31), "Riskbedömning"),
            "add_swedish",
        ),
        ("deadline 2.7", ListDeadlines("2.7"), "list"),
        ("deadlines 2.7", ListDeadlines("2.7"), "list_plural"),
        ("Deadline 2.7.", ListDeadlines("2.7"), "list_number_with_dot"),
        ("määräajat 2.7", ListDeadlines("2.7"), "list_finnish"),
        ("tidsfrister 4.3", ListDeadlines("4.3"), "list_swedish"),
        ("deadline move #123 2027-04-30", MoveDeadline(123, date(2027, 4, 30)), "move"),
        ("deadline move 123 30.4.2027", MoveDeadline(123, date(2027, 4, 30)), "move_bare_id"),
        ("määräaika remove #123", RemoveDeadline(123), "remove_finnish_verb"),
        ("deadline remove #123", RemoveDeadline(123), "remove"),
        ("deadline 2.7 2027-03-31", DEADLINE_USAGE, "add_without_text"),
        ("deadline 2.7 '' ", DEADLINE_USAGE, "add_without_date"),
        ("deadline 2.7 31.2.2027 Uusi", DEADLINE_USAGE, "impossible_date"),
        ("deadline move #123", DEADLINE_USAGE, "move_without_date"),
        ("deadline move #abc 2027-04-30", DEADLINE_USAGE, "move_bad_id"),
        ("deadline move #123 tomorrow", DEADLINE_USAGE, "move_bad_date"),
        ("deadline remove", DEADLINE_USAGE, "remove_without_id"),
        ("deadline remove #123 now", DEADLINE_USAGE, "remove_extra_words"),
        ("deadline remove #²", DEADLINE_USAGE, "remove_superscript_digit"),
        # Without a measure number or move/remove, these stay questions about what is due.
        ("deadlines", Ask("deadlines"), "question_upcoming"),
        ("deadlines next month", Ask("deadlines next month"), "question_period"),
        ("määräajat syksyllä 2018", Ask("määräajat syksyllä 2018"), "question_finnish"),
    ),
)
def test_deadlines(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        ("pause until 2027-01-07", Pause(date(2027, 1, 7)), "iso"),
        ("pause 7.1.2027", Pause(date(2027, 1, 7)), "finnish_date"),
        ("pause asti 7.1.2027", Pause(date(2027, 1, 7)), "finnish_word"),
        ("pause saakka 7.1.2027.", Pause(date(2027, 1, 7)), "finnish_word_and_full_stop"),
        ("pause till 2027-01-07", Pause(date(2027, 1, 7)), "swedish_word"),
        ("pause until tomorrow", PAUSE_USAGE, "not_a_date"),
        ("pause", PAUSE_USAGE, "no_date"),
        ("pause until 31.2.2027", PAUSE_USAGE, "impossible_date"),
    ),
)
def test_pause_takes_one_date(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        ("round start --due 2027-01-15", StartRound(date(2027, 1, 15)), "start"),
        (
            "round start --due 15.1.2027 --measures 2.*",
            StartRound(date(2027, 1, 15), "2.*"),
            "start_some",
        ),
        (
            "round start --measures 2.7 --due 2027-01-15",
            StartRound(date(2027, 1, 15), "2.7"),
            "flags_any_order",
        ),
        (
            "round start 2027-01-15 1.* 3.1",
            StartRound(date(2027, 1, 15), "1.*,3.1"),
            "without_flags",
        ),
        ("kierros start 2027-01-15", StartRound(date(2027, 1, 15)), "finnish_verb"),
        ("omgång report", RoundReport(), "swedish_verb"),
        ("round report", RoundReport(), "report_newest"),
        ("round report #2", RoundReport(2), "report_one"),
        ("round close 2", CloseRound(2), "close_one"),
        ("round close", CloseRound(), "close_newest"),
        ("rounds", ListRounds(), "list"),
        ("round", ListRounds(), "list_singular"),
        ("round start", ROUND_USAGE, "start_without_date"),
        ("round start --due tomorrow", ROUND_USAGE, "start_bad_date"),
        ("round report two", ROUND_USAGE, "report_bad_id"),
        ("round report #99999999999999999999", ROUND_USAGE, "report_id_too_long"),
        ("round close ٣", ROUND_USAGE, "close_arabic_digit"),
        ("round spin", ROUND_USAGE, "unknown_action"),
    ),
)
def test_reporting_rounds(text: str, expected: Command) -> None:
    assert parse_command(text) == expected


def test_a_text_longer_than_any_command_is_a_question_read_no_further() -> None:
    hostile = "status 2.7 done " + "x" * 5000

    assert parse_command(hostile) == Ask(hostile)


NAMES = {"U0ANNA": "Anna Virtanen", TEAMS_PERSON: "Pekka Teams"}


def test_people_mentioned_in_a_note_or_a_deadline_text_are_named() -> None:
    assert parse_command("status 2.7 at-risk kysy U0ANNA, hän tietää", NAMES) == ReportStatus(
        "2.7", State.AT_RISK, "kysy @Anna Virtanen, hän tietää"
    )
    assert parse_command(f"deadline 2.7 2027-03-31 {TEAMS_PERSON} hoitaa", NAMES) == AddDeadline(
        "2.7", date(2027, 3, 31), "@Pekka Teams hoitaa"
    )


def test_a_contact_stays_a_key_and_a_question_keeps_its_words() -> None:
    assert parse_command("contact add SUPO U0ANNA", NAMES) == AddContact("SUPO", "U0ANNA")
    assert parse_command("who is U0ANNA", NAMES) == Ask("who is U0ANNA")


class Counting(dict[str, str]):
    """Names that count how often each is asked for, as an adapter's lookups would be."""

    def __init__(self, names: dict[str, str]) -> None:
        super().__init__(names)
        self.asked: list[str] = []

    def __getitem__(self, key: str) -> str:
        self.asked.append(key)
        return super().__getitem__(key)


def test_only_the_people_a_text_holds_are_looked_up() -> None:
    names = Counting(NAMES)

    assert named("U0ANNA ja U0ANNA", names) == "@Anna Virtanen ja @Anna Virtanen"
    assert named("ei ketään", names) == "ei ketään"
    assert set(names.asked) == {"U0ANNA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("U0ANNA:lle", "@Anna Virtanen:lle", id="finnish_ending_after_a_colon"),
        pytest.param("(U0ANNA)", "(@Anna Virtanen)", id="in_brackets"),
        pytest.param("U0ANNAB", "U0ANNAB", id="part_of_a_longer_word"),
        pytest.param("XU0ANNA", "XU0ANNA", id="end_of_a_longer_word"),
        pytest.param("@U0ANNA", "@U0ANNA", id="already_marked"),
    ],
)
def test_a_key_is_named_only_as_a_word_of_its_own(text: str, expected: str) -> None:
    assert named(text, NAMES) == expected


@pytest.mark.parametrize(
    ("command", "words"),
    [
        pytest.param(Ask("vem ansvarar för 2.7?"), "vem ansvarar för 2.7?", id="question"),
        pytest.param(Help("apua"), "apua", id="help"),
        pytest.param(Report("sv"), "", id="subcommand"),
        pytest.param(Iam("Sisäministeriö"), "", id="subcommand_with_finnish_words"),
    ],
)
def test_only_a_question_says_which_language_to_answer_in(command: Command, words: str) -> None:
    assert question_text(command) == words
