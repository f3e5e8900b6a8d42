"""State colours, shared by the xlsx, the charts and the page's stylesheet.

Each state has a light fill and a dark ink, so the word written on the fill passes WCAG 2.1 AA
(4.5:1) and the colour is never the only carrier of meaning. A unit test checks the ratios
and that ``static/style.css`` uses these very values.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Swatch:
    fill: str
    ink: str
    # Charts draw small areas where a pattern tells states apart without colour.
    hatch: str


SWATCHES: dict[str, Swatch] = {
    "done": Swatch(fill="#b7dfc0", ink="#0b3d1a", hatch=""),
    "on_track": Swatch(fill="#cfe2ff", ink="#0a2a5c", hatch="//"),
    "at_risk": Swatch(fill="#ffe08a", ink="#3d2e00", hatch=".."),
    "delayed": Swatch(fill="#f5b7b1", ink="#5c0b05", hatch="xx"),
    "not_started": Swatch(fill="#e2e3e5", ink="#1f2328", hatch="--"),
    "unreported": Swatch(fill="#ffffff", ink="#1f2328", hatch=""),
}

PAGE_BACKGROUND = "#ffffff"
PAGE_TEXT = "#1f2328"
LINK = "#0b4fa8"
FOCUS = "#b35900"
OVERDUE = "#a4140b"


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
