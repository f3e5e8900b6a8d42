"""Slack's escaped, marked-up text as the plain words a person saw (pure; the listeners' tests
show it stored through the real HTTP app)."""

from __future__ import annotations

import pytest

from bot.slack.user_text import plain, words

NAMES = {"U0ANNA": "Anna Virtanen"}


@pytest.mark.parametrize(
    ("sent", "words"),
    [
        pytest.param("a &lt;b&gt; &amp;amp; c", "a <b> &amp; c", id="entities_decoded_once"),
        pytest.param("kysy <@U0ANNA>", "kysy @Anna Virtanen", id="known_person"),
        pytest.param("kysy <@U0ANNA|anna>", "kysy @Anna Virtanen", id="directory_before_label"),
        pytest.param("kysy <@U0PEKKA|pekka>", "kysy @pekka", id="label_when_not_known"),
        pytest.param("kysy <@U0PEKKA>", "kysy @U0PEKKA", id="id_when_nothing_else"),
        pytest.param("katso <#C0123|yleinen>", "katso #yleinen", id="channel"),
        pytest.param("katso <#C0123>", "katso #C0123", id="channel_without_name"),
        pytest.param("<!here> ja <!channel>", "@here ja @channel", id="special_mentions"),
        pytest.param("<!subteam^S0123|@tiimi>", "@tiimi", id="user_group"),
        pytest.param("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014", id="date_fallback"),
        pytest.param(
            "<https://evil.example/login|kirjaudu>",
            "kirjaudu (https://evil.example/login)",
            id="link_label_shows_where_it_goes",
        ),
        pytest.param("<https://intermin.fi>", "https://intermin.fi", id="bare_link"),
        pytest.param("<http://intermin.fi|intermin.fi>", "intermin.fi", id="typed_address"),
        pytest.param("<mailto:a@b.fi|a@b.fi>", "a@b.fi", id="mail_address"),
        pytest.param(
            "<https://x.example/?a=1&amp;b=2|a &amp; b>",
            "a & b (https://x.example/?a=1&b=2)",
            id="entities_inside_a_link",
        ),
        pytest.param("<päivitetty>", "<päivitetty>", id="not_slack_markup_left_alone"),
        pytest.param("&lt;@U0ANNA&gt;", "<@U0ANNA>", id="typed_brackets_are_not_markup"),
    ],
)
def test_plain(sent: str, words: str) -> None:
    assert plain(sent, NAMES) == words


def test_a_long_run_of_unclosed_brackets_is_text() -> None:
    hostile = "<@" * 200_000 + "&lt;" * 100_000
    assert plain(hostile, NAMES).endswith("<" * 100_000)


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        pytest.param(
            "contact add SUPO <@U0ANNA|anna>",
            ("contact add SUPO U0ANNA", {"U0ANNA": "anna"}),
            id="a_mention_becomes_the_key",
        ),
        pytest.param("kysy <@W0PEKKA>", ("kysy W0PEKKA", {"W0PEKKA": ""}), id="without_a_label"),
        pytest.param(
            "etsi a &amp; b <!here> <#C0123|yleinen>",
            ("etsi a & b @here #yleinen", {}),
            id="everything_else_as_plain",
        ),
        pytest.param("&lt;@U0ANNA&gt;", ("<@U0ANNA>", {}), id="typed_brackets_mention_nobody"),
    ],
)
def test_words_are_what_a_command_is_read_from(
    sent: str, expected: tuple[str, dict[str, str]]
) -> None:
    assert words(sent) == expected
