"""``/seuranta iam``, ``contact add|remove`` (admins only) and ``contacts``."""

from __future__ import annotations

from tests.support.fakeslack import FakeSlack
from tests.support.slack_requests import ADMIN, SignedSlack


def test_iam_records_whom_the_person_represents(slack: SignedSlack) -> None:
    reply = slack.command("iam SUPO")

    assert reply.status == 200
    assert "(SUPO)" in reply.text


def test_iam_accepts_an_official_name_in_any_case(slack: SignedSlack) -> None:
    assert "(SM)" in slack.command("iam Sisäministeriö").text


def test_iam_with_an_unknown_or_ambiguous_name_says_so(slack: SignedSlack) -> None:
    assert "SUPERPO" in slack.command("iam SUPERPO").text
    assert "SUPO" in slack.command("iam SUPERPO").text  # the hint


def test_iam_without_an_organisation_shows_how(slack: SignedSlack) -> None:
    assert "/seuranta iam SUPO" in slack.command("iam").text


def test_an_admin_adds_lists_and_removes_a_contact(slack: SignedSlack) -> None:
    added = slack.command("contact add SUPO <@U0CONTACT|anna>", user_id=ADMIN)
    again = slack.command("contact add supo <@U0CONTACT|anna>", user_id=ADMIN)
    listing = slack.command("contacts SUPO")
    everyone = slack.command("contacts")
    removed = slack.command("contact remove SUPO <@U0CONTACT>", user_id=ADMIN)
    after = slack.command("contacts SUPO")

    assert "<@U0CONTACT>" in added.text
    assert "(SUPO)" in added.text
    assert again.text != added.text  # "already is a contact"
    assert "*SUPO*: <@U0CONTACT>" in listing.text
    assert "*SUPO*: <@U0CONTACT>" in everyone.text
    assert "<@U0CONTACT>" in removed.text
    assert "<@U0CONTACT>" not in after.text


def test_anyone_else_is_refused_politely_with_the_reason(slack: SignedSlack) -> None:
    reply = slack.command("contact add SUPO <@U0CONTACT>", user_id="W111")

    assert reply.status == 200
    assert "SEURANTA" not in reply.text  # no configuration jargon for users
    assert "administrator" in reply.text or "ylläpitäjä" in reply.text
    assert "<@U0CONTACT>" not in slack.command("contacts SUPO").text


def test_a_malformed_contact_command_shows_the_usage(slack: SignedSlack) -> None:
    assert "contact add SUPO" in slack.command("contact add SUPO", user_id=ADMIN).text
    assert "contact add SUPO" in slack.command("contact nuke SUPO <@U1>", user_id=ADMIN).text


def test_naming_a_contact_asks_slack_nothing_about_them(
    slack: SignedSlack, fake_slack: FakeSlack
) -> None:
    slack.command("contact add SUPO <@U0CONTACT|anna>", user_id=ADMIN)

    # Only the admin's own locale, for the reply's language: the contact is named by id.
    assert [c.params["user"] for c in fake_slack.calls("users.info")] == [ADMIN]
