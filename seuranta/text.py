"""One policy for the text people type (status notes, deadline texts), used by every layer.

Text is stored as the plain words someone wrote, and shown, exported and sent only as that:

- every kind of line break (``\\r\\n``, ``\\r``, the vertical tab Word's Shift+Enter pastes, form
  feed, U+0085, U+2028, U+2029) becomes ``\\n``;
- other control characters go, tab excepted: PostgreSQL refuses or loses NUL, openpyxl refuses
  ``\\x0b`` and the rest, and a terminal obeys ``\\x1b``;
- bidi controls go (embeddings, overrides, isolates, marks: U+202E makes "exe.txt" read
  "txt.exe"), and so do the invisible format characters that have no place in a note (zero
  width space, word joiner, byte order mark, tag characters that can smuggle hidden text …);
  the zero width joiner and non-joiner stay, since emoji and several scripts need them;
- lone surrogates and noncharacters go (no database or spreadsheet can hold them);
- the rest is normalised to NFC and trimmed.

Over its limit a text is refused with :class:`TooLong`, never cut: the person is told and sends
it again. Only exports cut, at what a spreadsheet cell holds.
"""

from __future__ import annotations

import re
import unicodedata

from seuranta.errors import InputError

NOTE_LIMIT = 2_000  # notes and deadline texts, in characters
CELL_LIMIT = 32_767  # what an Excel cell holds
# A spreadsheet reads a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_LINE_BREAKS = re.compile(f"\r\n|[{_BREAKS}]")
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17)
)
_UNWANTED_CHARS = (
    "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"  # controls, but not \t \n (nor the breaks above)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb"  # invisible format characters
    "\U000e0001\U000e0020-\U000e007f"  # tag characters
    "\U0001d173-\U0001d17a"  # musical formatting
    "\ud800-\udfff"  # lone surrogates (Python lets JSON "\ud800" through)
    f"{_NONCHARACTERS}"
)
_UNWANTED = re.compile(f"[{_UNWANTED_CHARS}]")
# One scan finds the text that needs no change, which is nearly all of it.
_SUSPECT = re.compile(f"[{_BREAKS}{_UNWANTED_CHARS}]")


class TooLong(InputError):
    """A text over its limit; the Slack edge says so in the person's language."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"the text is {length} characters long; at most {limit} are kept")
        self.length = length
        self.limit = limit


def visible(text: str) -> str:
    """The text without what cannot be seen or would break or reorder what surrounds it.

    For showing text stored before this policy: nothing is trimmed or normalised.
    """
    if _SUSPECT.search(text) is None:
        return text
    return _UNWANTED.sub("", _LINE_BREAKS.sub("\n", text))


def clean(text: str) -> str:
    """The policy without a limit: visible, NFC, trimmed."""
    return unicodedata.normalize("NFC", visible(text)).strip()


def bounded(text: str, limit: int = NOTE_LIMIT) -> str:
    """The cleaned text, or :class:`TooLong` if it is still over ``limit`` characters."""
    cleaned = clean(text)
    if len(cleaned) > limit:
        raise TooLong(len(cleaned), limit)
    return cleaned


def spreadsheet_cell(text: str) -> str:
    """Text a spreadsheet shows as text: cleaned, a leading formula character quoted with an
    apostrophe (as OWASP advises for CSV injection), cut to what a cell holds."""
    cell = clean(text)
    if cell.startswith(FORMULA_STARTS):
        cell = "'" + cell
    if len(cell) > CELL_LIMIT:
        cell = cell[: CELL_LIMIT - 1] + "…"
    return cell
