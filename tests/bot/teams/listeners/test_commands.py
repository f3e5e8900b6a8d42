"""Subcommands typed in Teams do what ``/seuranta …`` does in Slack, under the same rules: for
the person ``teams:<AAD object id>``, people named by their @mention, replies as cards."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.commands.record import status_recorder
from bot.engine import Engine as AnswerEngine
from bot.teams.app import teams_wsgi
from data import directory
from data.models import Contact, ReminderPause, State, StatusReport
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.programme import NOW
from tests.support.teams_activities import AINO, MAIJA, SVEN, TeamsUser
from tests.support.teams_client import TeamsClient, outbound_token
from tests.support.teams_connector import Call, FakeConnector, card_lines, walk
from tests.support.teams_tokens import TokenIssuer
from tests.support.validators import OfficialValidators
from tests.support.wsgi_server import serving

MAIJA_KEY = f"teams:{MAIJA.aad_object_id}"


@pytest.fixture(autouse=True)
def every_card_validates(
    connector: FakeConnector, validators: OfficialValidators
) -> Iterator[None]:
    """Whatever a test looks at, every card the bot sent passes Microsoft's own library."""
    yield
    for call in connector.activities():
        for card in call.cards:
            assert validators.card(card) == [], card


def typed(teams: TeamsClient, text: str, user: TeamsUser = MAIJA, locale: str = "en-US") -> Call:
    """``text`` in ``user``'s personal chat with the bot; the one reply."""
    message = activities.personal_message(
        text, user=user, locale=locale, service_url=teams.connector.url
    )
    assert teams.post(message).status == 200
    *_, reply = teams.connector.activities()
    return reply


def lines(reply: Call) -> list[str]:
    (card,) = reply.cards
    return card_lines(card)


def reports(factory: sessionmaker[Session]) -> list[tuple[str, State, str]]:
    with factory() as session:
        rows = session.scalars(select(StatusReport).order_by(StatusReport.id))
        return [(r.reporter, r.state, r.note) for r in rows]


def make_contact(factory: sessionmaker[Session], org: str, person: str) -> None:
    with factory() as session, session.begin():
        organisation = directory.resolve_one(session, org)
        directory.add_contact(session, organisation, person, "test", NOW)


def test_a_stranger_s_status_is_refused_and_nothing_is_stored(
    teams: TeamsClient, factory: sessionmaker[Session], validators: OfficialValidators
) -> None:
    reply = typed(teams, 'status 2.7 at-risk "Lausunnot myöhässä"')

    assert lines(reply) == [
        "You cannot report the status of measure 2.7: only the contacts of its responsible "
        "organisations and the admins can."
    ]
    assert validators.card(reply.cards[0]) == []
    assert reports(factory) == []


def test_a_contact_s_status_is_stored_with_the_note(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    make_contact(factory, "SM", MAIJA_KEY)

    reply = typed(teams, 'status 2.7 at-risk "Lausunnot myöhässä"')

    assert lines(reply) == ["Status of measure 2.7 recorded: At risk."]
    assert reports(factory) == [(MAIJA_KEY, State.AT_RISK, "Lausunnot myöhässä")]


def test_an_admin_names_a_contact_by_mentioning_them_in_a_channel(
    teams: TeamsClient, factory: sessionmaker[Session], validators: OfficialValidators
) -> None:
    command = activities.channel_mention(
        "contact add SM", user=AINO, service_url=teams.connector.url
    )
    activities.mentioning_person(command, SVEN)

    assert teams.post(command).status == 200

    (reply,) = teams.connector.activities()
    assert reply.conversation_id.endswith(f";messageid={command['id']}")  # in the thread
    assert lines(reply) == ["Sven Svensson is now a contact for Ministry of the Interior (SM)."]
    assert validators.card(reply.cards[0]) == []
    with factory() as session:
        keys = session.scalars(select(Contact.person_key)).all()
    assert keys == [f"teams:{SVEN.aad_object_id}"]
    # The name the mention gave is kept: a later listing names Sven, not his key.
    assert lines(typed(teams, "contacts SM"))[1:] == ["• SM: Sven Svensson"]


def test_a_mention_without_its_object_id_is_looked_up_in_the_roster(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    teams.connector.add_member(SVEN.account())
    command = activities.channel_mention(
        "contact add SM", user=AINO, service_url=teams.connector.url
    )
    activities.mentioning_person(command, SVEN, with_object_id=False)

    teams.post(command)

    with factory() as session:
        keys = session.scalars(select(Contact.person_key)).all()
    assert keys == [f"teams:{SVEN.aad_object_id}"]


def test_a_mention_no_one_can_resolve_names_nobody_and_shows_how_to_write_it(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    command = activities.channel_mention(
        "contact add SM", user=AINO, service_url=teams.connector.url
    )
    activities.mentioning_person(command, SVEN, with_object_id=False)  # not in the roster

    teams.post(command)

    (reply,) = teams.connector.activities()
    assert lines(reply) == ["Usage: contact add SUPO @person or contact remove SUPO @person"]
    with factory() as session:
        assert session.scalars(select(Contact)).all() == []


def test_only_an_admin_may_change_contacts(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    reply = typed(teams, f"contact add SM teams:{SVEN.aad_object_id}")

    assert lines(reply)[0].startswith("Only Seuranta's administrators can change contacts")
    with factory() as session:
        assert session.scalars(select(Contact)).all() == []


def test_iam_pause_and_contacts_in_the_persons_language(
    teams: TeamsClient, factory: sessionmaker[Session]
) -> None:
    make_contact(factory, "SUPO", MAIJA_KEY)

    assert lines(typed(teams, "iam SUPO", locale="fi-FI")) == [
        "Selvä: edustat tahoa Suojelupoliisi (SUPO)."  # no Home tab to point to in Teams
    ]
    assert lines(typed(teams, "pause until 2027-01-07")) == [
        "You will get no reminders before 2027-01-07."
    ]
    contacts = lines(typed(teams, "contacts SUPO", locale="sv-SE"))
    assert contacts[0] == "Kontaktpersoner"
    with factory() as session:
        assert session.get(ReminderPause, MAIJA_KEY) is not None
        person = directory.person(session, MAIJA_KEY)
        assert person is not None
        assert person.organisation is not None
        assert person.organisation.key == "SUPO"


def test_failures_are_for_admins(teams: TeamsClient) -> None:
    assert lines(typed(teams, "failures", user=SVEN)) == [
        "Only Seuranta's administrators can do this. Please ask an administrator."
    ]
    assert lines(typed(teams, "failures", user=AINO)) == ["No delivery failures."]


def test_deadlines_and_rounds_read_as_in_slack(
    teams: TeamsClient, validators: OfficialValidators
) -> None:
    deadlines = typed(teams, "deadline 2.7")
    rounds = typed(teams, "rounds")

    assert lines(deadlines)[0] == "Deadlines of measure 2.7"
    assert lines(rounds)
    for reply in (deadlines, rounds):
        assert validators.card(reply.cards[0]) == []


def test_help_is_the_engines_help(teams: TeamsClient) -> None:
    reply = typed(teams, "help")

    shown = reply.text or " ".join(lines(reply))
    assert "who owns 2.7?" in shown


def test_a_question_is_still_a_question(teams: TeamsClient) -> None:
    assert lines(typed(teams, "status of 2.7"))[0] == "Status of measure 2.7"


def test_report_without_the_public_address_says_so(teams: TeamsClient) -> None:
    assert "SEURANTA_PUBLIC_URL" in lines(typed(teams, "report"))[0]


@pytest.fixture
def with_public_url(
    answers: AnswerEngine,
    factory: sessionmaker[Session],
    signed_settings: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
) -> Iterator[TeamsClient]:
    settings = dataclasses.replace(signed_settings, public_url="https://seuranta.example.org")
    bot = teams_wsgi(
        settings,
        answers,
        clock=lambda: NOW,
        token_provider=outbound_token,
        factory=factory,
        record_status=status_recorder(factory, settings, lambda: NOW),
    )
    try:
        with serving(bot) as url:
            yield TeamsClient(url, connector, issuer)
    finally:
        bot.close()


def test_report_links_to_the_status_pages_table_in_the_asked_language(
    with_public_url: TeamsClient, validators: OfficialValidators
) -> None:
    reply = typed(with_public_url, "report sv")

    (card,) = reply.cards
    assert validators.card(card) == []
    links: list[dict[str, Any]] = [n for n in walk(card) if n["type"] == "Action.OpenUrl"]
    assert [(link["title"], link["url"]) for link in links] == [
        ("Uppföljningstabell", "https://seuranta.example.org/export/seuranta.xlsx?lang=sv"),
        ("Lägessidan", "https://seuranta.example.org/?lang=sv"),
    ]
