"""The Teams app's two icons, drawn here rather than kept as binary files.

Teams asks for a full-colour 192×192 PNG and a 32×32 outline PNG that is white on a transparent
background (it tints the outline itself). The picture: three rising bars, the programme moving
forward, and a tick for what is done. Shapes are drawn four times larger and scaled down for
smooth edges; the outline's edges are made in its alpha channel only, so every visible pixel
stays pure white.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

COLOR_SIZE = 192
OUTLINE_SIZE = 32
ACCENT = "#1F3B64"  # the Slack app's background colour, the status page's header
WHITE = (255, 255, 255)
_SCALE = 4
# The symbol on a 24-unit grid: three bars and a tick above them.
_BARS = ((4.0, 13.0, 7.5, 20.0), (10.25, 10.0, 13.75, 20.0), (16.5, 7.0, 20.0, 20.0))
_TICK = ((4.0, 6.5), (7.0, 9.5), (13.0, 3.5))


def color_icon() -> bytes:
    """192×192, the white symbol on the accent colour, inside Teams' safe area."""
    image = Image.new("RGB", (COLOR_SIZE, COLOR_SIZE), ACCENT)
    symbol = _symbol(COLOR_SIZE * 2 // 3, stroke=2.0)
    offset = (COLOR_SIZE - symbol.width) // 2
    image.paste(Image.new("RGB", symbol.size, WHITE), (offset, offset), symbol)
    return _png(image)


def outline_icon() -> bytes:
    """32×32, white on transparent, the symbol filling the square with a small margin."""
    mask = _symbol(OUTLINE_SIZE - 4, stroke=2.5)
    alpha = Image.new("L", (OUTLINE_SIZE, OUTLINE_SIZE), 0)
    alpha.paste(mask, (2, 2))
    image = Image.new("RGBA", (OUTLINE_SIZE, OUTLINE_SIZE), (*WHITE, 0))
    image.putalpha(alpha)
    return _png(image)


def _symbol(size: int, *, stroke: float) -> Image.Image:
    """The symbol as an alpha mask of ``size`` pixels square."""
    big = size * _SCALE
    unit = big / 24
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    for left, top, right, bottom in _BARS:
        box = (left * unit, top * unit, right * unit, bottom * unit)
        draw.rounded_rectangle(box, radius=unit * 0.8, fill=255)
    points = [(x * unit, y * unit) for x, y in _TICK]
    width = round(stroke * unit)
    draw.line(points, fill=255, width=width, joint="curve")
    for x, y in (points[0], points[-1]):  # round caps
        draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=255)
    return mask.resize((size, size), Image.Resampling.LANCZOS)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
