"""A click on a card's status control, through the real Teams web app: recorded by whoever may
record it, answered with the card as it now reads, and nothing recorded for anything else."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy.orm import sessionmaker

from bot.commands.record import StatusOutcome, StatusRequest
from bot.document import Document, Label, Person, Target, phrase
from bot.engine import Engine as AnswerEngine
from bot.teams.app import teams_wsgi
from bot.teams.documents import document_card
from data.models import State
from seuranta.identity import Platform
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.notice_documents import notice
from tests.support.programme import NOW
from tests.support.teams_activities import MAIJA, SVEN
from tests.support.teams_client import TeamsClient, outbound_token
from tests.support.teams_connector import FakeConnector, card_lines, walk
from tests.support.teams_tokens import TokenIssuer
from tests.support.validators import OfficialValidators
from tests.support.wsgi_server import Reply, serving

CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
CARD_MESSAGE_ID = "1767225600000"  # the reminder's activity id, which the click replies to


@dataclass
class FakeRecorder:
    """Stands in for the core's "record a status": Maija is a contact, anyone else a stranger."""

    document: Document | None
    requests: list[StatusRequest] = field(default_factory=list)

    def __call__(self, request: StatusRequest) -> StatusOutcome:
        self.requests.append(request)
        if request.person != f"teams:{MAIJA.aad_object_id}":
            return StatusOutcome(False, phrase("status.refused", number="2.7"))
        line = phrase(
            "status.recorded",
            state=Label("state", (request.state or State.ON_TRACK).value),
            who=Person(request.person, request.name),
            when="17.12.2018 10:00",
        )
        return StatusOutcome(True, line, self.document)


@dataclass(frozen=True, slots=True)
class Clicks:
    teams: TeamsClient
    recorder: FakeRecorder

    def click(
        self,
        document: Document,
        *,
        action: int = 0,
        typed: dict[str, str] | None = None,
        user: activities.TeamsUser = MAIJA,
        locale: str = "fi-FI",
        data: dict[str, Any] | None = None,
        **changes: Any,
    ) -> Reply:
        """Click the ``action``-th button of ``document``'s card with ``typed`` in its inputs."""
        card = document_card(document, "fi").model_dump(mode="json", by_alias=True)
        button = [node for node in walk(card) if node["type"] == "Action.Execute"][action]
        invoke = activities.card_action(
            button["verb"],
            data if data is not None else {**button["data"], **(typed or {})},
            reply_to=CARD_MESSAGE_ID,
            user=user,
            locale=locale,
            service_url=self.teams.connector.url,
        )
        invoke.update(changes)
        return self.teams.post(invoke)


@pytest.fixture
def recorder() -> FakeRecorder:
    return FakeRecorder(notice("deadline"))


@pytest.fixture
def clicks(
    signed_settings: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
    recorder: FakeRecorder,
) -> Iterator[Clicks]:
    """The bot in signed mode with the fake recorder; clicks need no programme."""
    unused = AnswerEngine(sessionmaker())
    bot = teams_wsgi(
        signed_settings,
        unused,
        clock=lambda: NOW,
        token_provider=outbound_token,
        record_status=recorder,
    )
    try:
        with serving(bot) as url:
            yield Clicks(TeamsClient(url, connector, issuer), recorder)
    finally:
        bot.close()


def _card(reply: Reply) -> dict[str, Any]:
    assert reply.status == 200
    body = reply.json()
    assert (body["statusCode"], body["type"]) == (200, CARD)
    card: dict[str, Any] = body["value"]
    return card


def test_a_contact_s_click_records_the_state_and_note_and_the_card_shows_it_and_by_whom(
    clicks: Clicks, validators: OfficialValidators
) -> None:
    reply = clicks.click(notice("deadline"), action=1, typed={"note-3": "  Odotamme lausuntoa "})

    (request,) = clicks.recorder.requests
    assert request == StatusRequest(
        person=f"teams:{MAIJA.aad_object_id}",
        name=MAIJA.name,
        target=Target(7, 70, 700),  # the notice's buttons' target
        state=State.AT_RISK,
        note="Odotamme lausuntoa",
        platform=Platform.TEAMS,
        conversation=MAIJA.personal_chat,
        message=CARD_MESSAGE_ID,
    )
    card = _card(reply)
    assert validators.card(card) == []
    lines = card_lines(card)
    assert lines[0] == "Määräaikaan on 3 päivää"
    assert lines[-1] == "Kirjattu: Riski viivästyä (Maija Meikäläinen, 17.12.2018 10:00)"
    assert len([n for n in walk(card) if n["type"] == "Action.Execute"]) == 5  # can correct it
    assert clicks.teams.connector.calls == []  # the answer is the invoke's response


def test_a_save_beside_an_item_records_its_menu_and_the_line_appears_beside_that_item(
    clicks: Clicks,
) -> None:
    round_ask = notice("round_ask", many=3)
    clicks.recorder.document = round_ask

    reply = clicks.click(round_ask, action=2, typed={"state-4": "delayed", "state-2": "done"})

    (request,) = clicks.recorder.requests
    assert (request.target.measure_id, request.state, request.note) == (32, State.DELAYED, "")
    containers = [n for n in _card(reply)["body"] if n["type"] == "Container"]
    last_lines = [card_lines(container)[-1] for container in containers]
    assert last_lines == [
        "ei vielä vastausta",
        "Kirjattu: Riski viivästyä (Maija Meikäläinen, 1.3.2027)",
        "Kirjattu: Viivästynyt (Maija Meikäläinen, 17.12.2018 10:00)",
    ]


def test_a_note_alone_is_recorded_with_the_note_button(clicks: Clicks) -> None:
    clicks.click(notice("deadline"), action=4, typed={"note-3": "Lausunto saapui."})

    (request,) = clicks.recorder.requests
    assert (request.state, request.note) == (None, "Lausunto saapui.")


def test_a_stranger_is_refused_politely_in_place_of_the_card(clicks: Clicks) -> None:
    reply = clicks.click(notice("deadline"), user=SVEN, locale="sv-SE")

    assert card_lines(_card(reply)) == [
        "Du kan inte rapportera läget för åtgärd 2.7: det kan bara kontaktpersonerna för de "
        "ansvariga och administratörerna."
    ]


def test_a_click_without_a_person_teams_can_name_records_nothing(clicks: Clicks) -> None:
    anonymous = {"id": MAIJA.id, "name": MAIJA.name}  # no aadObjectId

    reply = clicks.click(notice("deadline"), **{"from": anonymous})

    assert card_lines(_card(reply)) == ["Teams ei kertonut, kuka painoi, joten mitään ei kirjattu."]
    assert clicks.recorder.requests == []


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"m": "2.7", "note": "note-3", "s": "done"},
        {"m": 7, "note": "note-3", "s": "finished"},
        {"m": 7, "note": "note-3", "pick": "state-1", "state-1": "not_started"},
        {"m": 7, "note": "<script>", "s": "done"},
    ],
    ids=["empty", "a number for an id", "no such state", "a state one cannot report", "no input"],
)
def test_a_signed_click_our_cards_cannot_have_sent_gets_a_polite_card_and_records_nothing(
    clicks: Clicks, validators: OfficialValidators, data: dict[str, Any]
) -> None:
    reply = clicks.click(notice("deadline"), data=data, locale="en-US")

    card = _card(reply)
    assert card_lines(card) == [
        "This button could not be read, so nothing was recorded. You can write the status to "
        'me as a message: status 2.7 at-risk "note"'
    ]
    assert validators.card(card) == []
    assert clicks.recorder.requests == []


def test_another_verb_is_unreadable_too(clicks: Clicks) -> None:
    invoke = activities.card_action(
        "approve", {"m": 7}, reply_to=CARD_MESSAGE_ID, service_url=clicks.teams.connector.url
    )

    assert card_lines(_card(clicks.teams.post(invoke)))[0].startswith("Tätä painiketta")
    assert clicks.recorder.requests == []


def test_a_click_that_says_nothing_is_answered_with_a_message_and_keeps_the_card(
    clicks: Clicks,
) -> None:
    reply = clicks.click(notice("deadline"), action=4, typed={"note-3": "   "})

    assert reply.json() == {
        "statusCode": 200,
        "type": MESSAGE,
        "value": "Valitse ensin tilanne tai kirjoita huomautus.",
    }
    assert clicks.recorder.requests == []


def test_a_note_over_the_limit_is_not_recorded_and_the_person_is_told_its_length(
    clicks: Clicks,
) -> None:
    reply = clicks.click(notice("deadline"), locale="en-GB", typed={"note-3": "x" * 2001})

    body = reply.json()
    assert body["type"] == MESSAGE
    assert body["value"].startswith("The note is 2001 characters long; at most 2000 fit.")
    assert clicks.recorder.requests == []


@pytest.mark.parametrize(
    "why", ["expired", "wrong audience", "signed by another key", "serviceurl claim mismatch"]
)
def test_a_click_without_a_valid_token_gets_401_and_records_nothing(
    clicks: Clicks, issuer: TokenIssuer, why: str
) -> None:
    invoke = activities.card_action(
        "status",
        {"m": 7, "note": "note-3", "s": "done"},
        reply_to=CARD_MESSAGE_ID,
        service_url=clicks.teams.connector.url,
    )

    reply = clicks.teams.post(invoke, token=issuer.bad_tokens(invoke["serviceUrl"])[why])

    assert reply.status == 401
    assert clicks.recorder.requests == []
