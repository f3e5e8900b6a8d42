"""Reading ``/seuranta …``: a question unless it is a directory command."""

from __future__ import annotations

import pytest

from bot.slack.subcommands import (
    Ask,
    ChangeContact,
    Iam,
    ListContacts,
    Subcommand,
    Usage,
    parse_subcommand,
)


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
        pytest.param("iam", Usage("slack.iam.usage"), id="iam_alone"),
        pytest.param("contacts", ListContacts(None), id="contacts"),
        pytest.param("contacts SUPO", ListContacts("SUPO"), id="contacts_org"),
        pytest.param(
            "contact add SUPO <@U012AB|anna>", ChangeContact(True, "SUPO", "U012AB"), id="add"
        ),
        pytest.param(
            "contact remove SM <@W0XYZ>", ChangeContact(False, "SM", "W0XYZ"), id="remove"
        ),
        pytest.param("contact add SUPO U012AB", ChangeContact(True, "SUPO", "U012AB"), id="raw_id"),
        pytest.param("contact add SUPO @anna", Usage("slack.contact.usage"), id="display_name"),
        pytest.param("contact add <@U1>", Usage("slack.contact.usage"), id="no_org"),
        pytest.param("contact drop SUPO <@U1>", Usage("slack.contact.usage"), id="unknown_verb"),
    ],
)
def test_parse_subcommand(text: str, expected: Subcommand) -> None:
    assert parse_subcommand(text) == expected
