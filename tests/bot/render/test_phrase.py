"""Phrases rendered in a language and a markup: values escaped, counts in form, people named."""

from __future__ import annotations

from datetime import date

from bot.document import Channel, Label, Person, phrase
from bot.render.phrase import PlainMarkup, render


class Bracketing:
    """A markup that shows what it did: values in [brackets], bold as <b>, people as @."""

    command = "/cmd"

    def text(self, value: str) -> str:
        return f"[{value}]"

    def mention(self, person: Person) -> str:
        return f"@{person.key}"

    def channel(self, channel: Channel) -> str:
        return f"#{channel.key}"

    def template(self, raw: str) -> str:
        return raw.replace("*", "<b>", 1).replace("*", "</b>", 1)


def test_text_values_are_escaped_by_the_markup_and_the_catalogue_text_is_not() -> None:
    text = render(
        phrase("remind.deadline", number="2.7", title="*Riski*", due=date(2027, 3, 31), text="<x>"),
        "fi",
        Bracketing(),
    )
    assert text == "<b>[2.7]</b> [*Riski*]\nMääräaika 31.3.2027: [<x>]"


def test_counts_choose_their_form_and_dates_follow_the_language() -> None:
    assert render(phrase("remind.in_days", days=1), "en", PlainMarkup()) == "1 day to the deadline"
    assert render(phrase("due.count", count=3), "sv", PlainMarkup()) == "3 tidsfrister"


def test_people_are_mentioned_and_nested_phrases_and_labels_render_in_the_same_language() -> None:
    recorded = phrase(
        "status.recorded",
        state=Label("state", "at_risk"),
        who=Person("U1", "Maija"),
        when="17.12.2018",
    )
    assert render(recorded, "fi", Bracketing()) == (
        "Kirjattu: <b>[Riski viivästyä]</b> (@U1, [17.12.2018])"
    )
    assert render(recorded, "en", PlainMarkup()) == "Recorded: At risk (Maija, 17.12.2018)"


def test_plain_markup_drops_neutral_emphasis_but_keeps_words_with_stars_or_underscores() -> None:
    plain = PlainMarkup()
    assert plain.template("*Bold* and _it_ and `code`") == "Bold and it and code"
    assert plain.template("on_track 2*3*4") == "on_track 2*3*4"


def test_a_tuple_value_is_a_list_whose_items_keep_their_own_types() -> None:
    people = (Person("U1", "Maija"), "<Pekka>")
    line = phrase("round.missing_line", org="SM", numbers="2.7", people=people)
    assert render(line, "en", Bracketing()) == "[SM]: [2.7] — @U1, [<Pekka>]"


def test_a_tuple_is_a_list_each_value_rendered_its_own_way_and_a_channel_is_linked() -> None:
    people = (Person("U1", "Maija"), Person("U2"))
    assert render(
        phrase("command.contacts.line", org="<SM>", people=people), "en", Bracketing()
    ) == ("<b>[<SM>]</b>: @U1, @U2")
    line = phrase(
        "command.failures.line", when="x", whom=Channel("C1"), what=("a", 2), code="c", fix="f"
    )
    assert render(line, "en", PlainMarkup()) == "x → #C1: a, 2 — c: f"


class NoPrefix(Bracketing):
    command = ""


def test_where_commands_are_typed_without_a_prefix_none_is_shown() -> None:
    usage = phrase("command.iam.usage")
    assert render(usage, "en", Bracketing()) == "Say whom you represent: `/cmd iam SUPO`"
    assert render(usage, "en", NoPrefix()) == "Say whom you represent: `iam SUPO`"
