"""People and destinations on any platform: one string key each, checked where people type them."""

from __future__ import annotations

import pytest

from seuranta.errors import InputError
from seuranta.identity import PersonId, Platform, parse_channel, platform_of

OBJECT_ID = "5f0c1a6e-3f8e-4c53-9a53-1a2b3c4d5e6f"


def test_a_slack_user_keeps_the_bare_id_it_was_always_stored_as() -> None:
    person = PersonId.parse("U012AB3CD")
    assert person == PersonId(Platform.SLACK, "U012AB3CD")
    assert person.key == "U012AB3CD"


def test_a_teams_user_is_the_object_id_behind_teams_in_lower_case() -> None:
    person = PersonId.parse(f"  Teams:{OBJECT_ID.upper()} ")
    assert person.platform is Platform.TEAMS
    assert person.key == f"teams:{OBJECT_ID}"
    assert PersonId.from_key(person.key) == person


@pytest.mark.parametrize(
    "written",
    ["", "u012ab3cd", "@maija", "teams:", "teams:not-a-guid", "teams:29:1abc", f"{OBJECT_ID}"],
)
def test_anything_else_is_refused_with_a_line_that_shows_both_forms(written: str) -> None:
    with pytest.raises(InputError, match=r"U012AB3CD.*teams:<Azure AD object id>"):
        PersonId.parse(written)


def test_a_destination_names_its_platform() -> None:
    assert platform_of("C0123ABCD") is Platform.SLACK
    assert platform_of("U012AB3CD") is Platform.SLACK
    assert platform_of(f"teams:{OBJECT_ID}") is Platform.TEAMS


@pytest.mark.parametrize(
    "channel",
    ["C0123ABCD", "G0123ABCD", "teams:19:abcDEF_12-3@thread.tacv2", "teams:19:x@thread.v2"],
)
def test_a_coordinators_channel_is_a_slack_channel_or_a_teams_conversation(channel: str) -> None:
    assert parse_channel(channel) == channel


@pytest.mark.parametrize(
    "channel", ["#general", "teams:19:x@example.com", "teams:general", "c0123"]
)
def test_a_channel_name_is_not_a_channel_id(channel: str) -> None:
    with pytest.raises(InputError, match=r"C0123ABCD.*teams:19:"):
        parse_channel(channel)
