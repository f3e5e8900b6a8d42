"""Which language to answer in: the question, the person, the platform, the deployment."""

from __future__ import annotations

import pytest

from bot.language import preferred_language


@pytest.mark.parametrize(
    ("text", "person_locale", "platform_locale", "expected"),
    [
        pytest.param("vem ansvarar för 2.7?", "fi-FI", "en-US", "sv", id="the_question_first"),
        pytest.param("2.7", "sv-SE", "en-US", "sv", id="then_the_persons_locale"),
        pytest.param("", "en-GB", "fi-FI", "en", id="a_notice_has_no_words"),
        pytest.param("2.7", None, "sv-FI", "sv", id="then_the_platforms_locale"),
        pytest.param("2.7", "", "sv-FI", "sv", id="a_person_without_a_locale"),
        pytest.param("2.7", "de-DE", "en-US", "en", id="a_locale_in_another_language_skipped"),
        pytest.param("2.7", "fil-PH", None, "fi", id="filipino_is_not_finnish"),
        pytest.param("2.7", "sv_SE", None, "sv", id="underscore_locale"),
        pytest.param("2.7", None, None, "fi", id="else_the_default"),
    ],
)
def test_preferred_language(
    text: str, person_locale: str | None, platform_locale: str | None, expected: str
) -> None:
    assert preferred_language(text, person_locale, platform_locale, "fi") == expected
