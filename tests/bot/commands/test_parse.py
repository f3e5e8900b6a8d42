"""Reading ``/seuranta …``: a question unless it is a directory command."""

from __future__ import annotations

from datetime import date

import pytest

from bot.slack.subcommands import (
    AddDeadline,
    Ask,
    ChangeContact,
    Iam,
    ListContacts,
    ListDeadlines,
    ListFailures,
    MoveDeadline,
    RemoveDeadline,
    Subcommand,
    Usage,
    parse_subcommand,
)

DEADLINE_USAGE = Usage("command.deadline.usage")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("who owns 2.7?", Ask("who owns 2.7?"), id="question"),
        pytest.param("", Ask(""), id="empty"),
        pytest.param("etsi a &amp; b", Ask("etsi a & b"), id="slack_escapes_undone"),
        pytest.param("iam SUPO", Iam("SUPO"), id="iam"),
        pytest.param(
            "IAM Ministry of the Interior", Iam("Ministry of the Interior"), id="iam_name"
        ),
        pytest.param("iam", Usage("command.iam.usage"), id="iam_alone"),
        pytest.param("contacts", ListContacts(None), id="contacts"),
        pytest.param("contacts SUPO", ListContacts("SUPO"), id="contacts_org"),
        pytest.param(
            "contact add SUPO <@U012AB|anna>", ChangeContact(True, "SUPO", "U012AB"), id="add"
        ),
        pytest.param(
            "contact remove SM <@W0XYZ>", ChangeContact(False, "SM", "W0XYZ"), id="remove"
        ),
        pytest.param("contact add SUPO U012AB", ChangeContact(True, "SUPO", "U012AB"), id="raw_id"),
        pytest.param("contact add SUPO @anna", Usage("command.contact.usage"), id="display_name"),
        pytest.param("contact add <@U1>", Usage("command.contact.usage"), id="no_org"),
        pytest.param("contact drop SUPO <@U1>", Usage("command.contact.usage"), id="unknown_verb"),
    ],
)
def test_parse_subcommand(text: str, expected: Subcommand) -> None:
    assert parse_subcommand(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "deadline 2.7 2027-03-31 Kansallinen riskiarvio päivitetty",
            AddDeadline("2.7", date(2027, 3, 31), "Kansallinen riskiarvio päivitetty"),
            id="add",
        ),
        pytest.param(
            'deadline 2.7 31.3.2027 "Riskiarvio päivitetty"',
            AddDeadline("2.7", date(2027, 3, 31), "Riskiarvio päivitetty"),
            id="add_finnish_date_quoted_text",
        ),
        pytest.param(
            "deadline 2.7 2027-03-31 a &amp; b <@U1|anna>",
            # The edge makes it plain text, people named (tests/…/commands/test_deadline.py).
            AddDeadline("2.7", date(2027, 3, 31), "a &amp; b <@U1|anna>"),
            id="add_text_as_slack_sent_it",
        ),
        pytest.param("deadline 2.7", ListDeadlines("2.7"), id="list"),
        pytest.param("deadlines 2.7", ListDeadlines("2.7"), id="list_plural"),
        pytest.param("Deadline 2.7.", ListDeadlines("2.7"), id="list_number_with_dot"),
        pytest.param("määräajat 2.7", ListDeadlines("2.7"), id="list_finnish"),
        pytest.param(
            "deadline move #123 2027-04-30", MoveDeadline(123, date(2027, 4, 30)), id="move"
        ),
        pytest.param(
            "deadline move 123 30.4.2027", MoveDeadline(123, date(2027, 4, 30)), id="move_bare_id"
        ),
        pytest.param("deadline remove #123", RemoveDeadline(123), id="remove"),
        pytest.param("deadline 2.7 2027-03-31", DEADLINE_USAGE, id="add_without_text"),
        pytest.param("deadline 2.7 '' ", DEADLINE_USAGE, id="add_without_date"),
        pytest.param("deadline 2.7 31.2.2027 Uusi", DEADLINE_USAGE, id="impossible_date"),
        pytest.param("deadline move #123", DEADLINE_USAGE, id="move_without_date"),
        pytest.param("deadline move #abc 2027-04-30", DEADLINE_USAGE, id="move_bad_id"),
        pytest.param("deadline move #123 tomorrow", DEADLINE_USAGE, id="move_bad_date"),
        pytest.param("deadline remove", DEADLINE_USAGE, id="remove_without_id"),
        pytest.param("deadline remove #123 now", DEADLINE_USAGE, id="remove_extra_words"),
        # Without a measure number or move/remove, these stay questions about what is due.
        pytest.param("deadlines", Ask("deadlines"), id="question_upcoming"),
        pytest.param("deadlines next month", Ask("deadlines next month"), id="question_period"),
        pytest.param(
            "määräajat syksyllä 2018", Ask("määräajat syksyllä 2018"), id="question_finnish"
        ),
        pytest.param("failures", ListFailures(), id="failures"),
        pytest.param("failures of 2.7", Ask("failures of 2.7"), id="failures_question"),
    ],
)
def test_parse_deadline_and_failures(text: str, expected: Subcommand) -> None:
    assert parse_subcommand(text) == expected
