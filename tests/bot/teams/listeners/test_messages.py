"""A question in Teams gets exactly one answer, where it was asked, in the asker's language."""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session, sessionmaker

from bot.engine import Engine as AnswerEngine
from bot.teams.app import teams_wsgi
from seuranta.settings import Settings
from tests.support import teams_activities as activities
from tests.support.programme import NOW
from tests.support.teams_activities import CHANNEL_ID, GROUP_CHAT_ID, MAIJA, SVEN
from tests.support.teams_client import TeamsClient, outbound_token
from tests.support.teams_connector import Call, FakeConnector, card_lines
from tests.support.teams_tokens import OUTBOUND_TOKEN, TokenIssuer
from tests.support.wsgi_server import serving


def only_answer(teams: TeamsClient) -> Call:
    (answer,) = teams.connector.activities()
    return answer


def test_a_personal_question_is_answered_with_the_owners_in_that_chat(teams: TeamsClient) -> None:
    question = activities.personal_message("who owns 2.7?", service_url=teams.connector.url)

    assert teams.post(question).status == 200

    answer = only_answer(teams)
    assert (answer.method, answer.conversation_id) == ("POST", MAIJA.personal_chat)
    assert answer.authorization == f"Bearer {OUTBOUND_TOKEN}"
    (card,) = answer.cards
    lines = card_lines(card)
    assert lines[0] == "Owners of measure 2.7"
    (lead,) = [line for line in lines if line.startswith("Lead: ")]
    assert "(SM)" in lead
    assert "(PEO)" in lead


def test_the_answer_is_in_the_language_of_the_question_whatever_the_teams_locale(
    teams: TeamsClient,
) -> None:
    question = activities.personal_message(
        "kuka vastaa 2.7:stä?", locale="en-US", service_url=teams.connector.url
    )

    teams.post(question)

    assert card_lines(only_answer(teams).cards[0])[0] == "Toimenpiteen 2.7 vastuutahot"


def test_a_question_in_no_particular_language_is_answered_in_the_teams_locale(
    teams: TeamsClient,
) -> None:
    question = activities.personal_message("2.7", locale="sv-SE", service_url=teams.connector.url)

    teams.post(question)

    assert card_lines(only_answer(teams).cards[0])[0].startswith("Åtgärd 2.7")


def test_a_locale_the_bot_does_not_speak_falls_back_to_the_default_language(
    teams: TeamsClient,
) -> None:
    question = activities.personal_message("2.7", locale="de-DE", service_url=teams.connector.url)

    teams.post(question)

    assert card_lines(only_answer(teams).cards[0])[0].startswith("Toimenpide 2.7")


def test_a_channel_mention_is_answered_in_the_thread_it_starts_without_the_mention(
    teams: TeamsClient,
) -> None:
    # A search cue counts only as the first word: it is, once the mention is gone.
    question = activities.channel_mention("search xyzzy", service_url=teams.connector.url)

    assert teams.post(question).status == 200

    answer = only_answer(teams)
    assert answer.conversation_id == f"{CHANNEL_ID};messageid={question['id']}"
    assert answer.body["textFormat"] == "plain"
    assert answer.text == "No measures match “xyzzy”."


def test_a_mention_inside_a_thread_is_answered_in_that_thread(teams: TeamsClient) -> None:
    root = "1767225600123"
    question = activities.channel_mention(
        "what is due in 12/2018?", thread_root=root, service_url=teams.connector.url
    )

    teams.post(question)

    answer = only_answer(teams)
    assert answer.conversation_id == f"{CHANNEL_ID};messageid={root}"
    assert card_lines(answer.cards[0])[0] == "Due 2018-12-01 – 2018-12-31"


def test_a_group_chat_mention_is_answered_in_the_chat_which_has_no_threads(
    teams: TeamsClient,
) -> None:
    question = activities.group_chat_mention(
        "vem ansvarar för 2.7?", service_url=teams.connector.url
    )

    teams.post(question)

    answer = only_answer(teams)
    assert answer.conversation_id == GROUP_CHAT_ID
    assert card_lines(answer.cards[0])[0] == "Ansvariga för åtgärd 2.7"


def test_a_channel_message_that_does_not_mention_the_bot_gets_no_answer(
    teams: TeamsClient,
) -> None:
    message = activities.channel_mention("who owns 2.7?", service_url=teams.connector.url)
    message["entities"] = [e for e in message["entities"] if e["type"] != "mention"]
    message["text"] = "who owns 2.7?"

    assert teams.post(message).status == 200

    assert teams.connector.activities() == []


def test_another_bot_gets_no_answer(teams: TeamsClient) -> None:
    message = activities.personal_message("who owns 2.7?", service_url=teams.connector.url)
    message["from"] = {"id": "28:0a1b2c3d-0000-4000-8000-000000000001", "name": "Other bot"}

    assert teams.post(message).status == 200

    assert teams.connector.activities() == []


def test_short_answers_are_plain_text_that_teams_shows_as_typed(teams: TeamsClient) -> None:
    question = activities.personal_message("who owns 9.9?", service_url=teams.connector.url)

    teams.post(question)

    answer = only_answer(teams)
    assert answer.cards == []
    assert answer.body["textFormat"] == "plain"
    assert answer.text.startswith("There is no measure 9.9")


def test_install_and_membership_updates_are_accepted_and_answer_nothing(
    teams: TeamsClient,
) -> None:
    url = teams.connector.url
    for update in (
        activities.installation_update("add", service_url=url),
        activities.installation_update("remove", service_url=url),
        activities.bot_added_personally(service_url=url),
        activities.bot_added_to_team(service_url=url),
    ):
        assert teams.post(update).status == 200, update["type"]

    assert teams.connector.activities() == []


def test_the_emulator_is_answered_without_tokens_either_way(emulator: TeamsClient) -> None:
    question = activities.personal_message("who owns 2.7?", service_url=emulator.connector.url)

    assert emulator.post(question).status == 200

    answer = only_answer(emulator)
    assert answer.authorization is None
    assert card_lines(answer.cards[0])[0] == "Owners of measure 2.7"


def test_the_emulator_answers_only_a_service_on_this_machine(emulator: TeamsClient) -> None:
    question = activities.personal_message("who owns 2.7?")  # Teams' own serviceUrl

    assert emulator.post(question).status == 200

    assert emulator.connector.calls == []


def test_past_the_rate_limit_a_person_is_told_once_then_not_answered(
    answers: AnswerEngine,
    factory: sessionmaker[Session],
    signed_settings: Settings,
    connector: FakeConnector,
    issuer: TokenIssuer,
) -> None:
    settings = dataclasses.replace(signed_settings, rate_limit=2)
    bot = teams_wsgi(
        settings, answers, clock=lambda: NOW, token_provider=outbound_token, factory=factory
    )
    try:
        with serving(bot) as url:
            teams = TeamsClient(url, connector, issuer)
            for _ in range(4):
                question = activities.personal_message("2.7", service_url=connector.url)
                assert teams.post(question).status == 200
            other = activities.personal_message("2.7", user=SVEN, service_url=connector.url)
            teams.post(other)
    finally:
        bot.close()

    first, second, told, sven = connector.activities()
    assert (first.cards != [], second.cards != []) == (True, True)
    assert told.text == (
        "Kysymyksiä tulee nopeammin kuin ehdin vastata (enintään 2 minuutissa). Odota hetki ja "
        "kysy sitten uudelleen."
    )
    assert sven.conversation_id == SVEN.personal_chat  # everyone has a limit of their own


def first_lines(teams: TeamsClient) -> list[str]:
    """The first line of each answer so far, oldest first."""
    return [
        card_lines(call.cards[0])[0] if call.cards else (call.text or "").splitlines()[0]
        for call in teams.connector.activities()
    ]


def test_a_follow_up_in_a_personal_chat_continues_the_previous_answer(
    teams: TeamsClient,
) -> None:
    url = teams.connector.url
    teams.post(activities.personal_message("who owns 2.7?", service_url=url))
    teams.post(activities.personal_message("and 2.8?", service_url=url))
    teams.post(activities.personal_message("and 2.8?", user=SVEN, service_url=url))

    mine, follow_up, someone_elses = first_lines(teams)
    assert mine == "Owners of measure 2.7"
    assert follow_up == "Owners of measure 2.8"
    # Sven's chat has no previous answer to continue.
    assert someone_elses != "Owners of measure 2.8"


def test_a_follow_up_in_a_channel_thread_continues_that_thread_only(teams: TeamsClient) -> None:
    url = teams.connector.url
    root, other = "1767225600123", "1767225600999"
    teams.post(activities.channel_mention("who owns 2.7?", thread_root=root, service_url=url))
    teams.post(activities.channel_mention("and 2.8?", thread_root=root, service_url=url))
    teams.post(activities.channel_mention("and 2.8?", thread_root=other, service_url=url))

    _, in_thread, elsewhere = first_lines(teams)
    assert in_thread == "Owners of measure 2.8"
    assert elsewhere != "Owners of measure 2.8"


def test_a_card_says_under_its_title_what_the_question_was_read_as(teams: TeamsClient) -> None:
    question = "mitä OM:n pitää tehdä vuonna 2019?"
    teams.post(activities.personal_message(question, service_url=teams.connector.url))

    (card,) = only_answer(teams).cards
    understood = card_lines(card)[1]
    assert "OM" in understood
    assert "2019" in understood


def test_a_whole_question_after_an_answer_is_not_read_as_a_follow_up(teams: TeamsClient) -> None:
    url = teams.connector.url
    for question in ("who owns 2.7?", "status?", "overdue"):
        teams.post(activities.personal_message(question, service_url=url, locale="en-US"))

    _, status, overdue = first_lines(teams)
    # A status with no subject is asked of what the last answer showed ...
    assert status == "Status of measure 2.7"
    # ... but "overdue" is a whole question: the programme's overdue list, not 2.7's.
    assert overdue.startswith("Overdue as of")
