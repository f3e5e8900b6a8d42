"""Colours meet WCAG 2.1 AA, and the page's stylesheet uses the very colours the xlsx uses."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from reports import palette
from reports.palette import SWATCHES, contrast_ratio
from reports.summary import STATUS_KEYS

CSS = files("reports").joinpath("static/style.css").read_text(encoding="utf-8")


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_every_state_has_a_swatch() -> None:
    assert set(SWATCHES) == set(STATUS_KEYS)


@pytest.mark.parametrize("key", STATUS_KEYS)
def test_state_word_on_its_fill_is_readable(key: str) -> None:
    swatch = SWATCHES[key]
    assert contrast_ratio(swatch.ink, swatch.fill) >= 4.5


@pytest.mark.parametrize(
    ("foreground", "minimum"),
    [
        pytest.param(palette.PAGE_TEXT, 4.5, id="text"),
        pytest.param(palette.LINK, 4.5, id="link"),
        pytest.param(palette.OVERDUE, 4.5, id="overdue_text"),
        pytest.param(palette.FOCUS, 4.5, id="focus_outline_and_today_label"),
    ],
)
def test_page_colours_on_the_background(foreground: str, minimum: float) -> None:
    assert contrast_ratio(foreground, palette.PAGE_BACKGROUND) >= minimum


def test_white_button_text_on_the_link_colour() -> None:
    assert contrast_ratio("#ffffff", palette.LINK) >= 4.5


@pytest.mark.parametrize("key", STATUS_KEYS)
def test_stylesheet_uses_the_palette(key: str) -> None:
    rule = re.search(rf"\.state-{key} \{{ background: (#\w+); color: (#\w+);", CSS)
    assert rule is not None, f".state-{key} missing from style.css"
    assert rule.groups() == (SWATCHES[key].fill, SWATCHES[key].ink)


@pytest.mark.parametrize(
    ("variable", "colour"),
    [
        ("--text", palette.PAGE_TEXT),
        ("--background", palette.PAGE_BACKGROUND),
        ("--link", palette.LINK),
        ("--focus", palette.FOCUS),
        ("--overdue", palette.OVERDUE),
    ],
)
def test_stylesheet_variables_match(variable: str, colour: str) -> None:
    assert f"{variable}: {colour};" in CSS
