"""Read the flattened programme table back into measures, owners, actions and schedules.

The source is a scrape of an HTML table (see ``data/STRUCTURE.md``): one physical line per
table row, ``<Nro> <Toimenpide> <Toimeenpano> <Vastuutaho> <Aikataulu>`` joined by single
spaces, ``-`` for an empty cell, and lines that do not start with a measure number continuing
the row above. Nothing marks where the implementation text ends and the owner begins, so the
owner cell is found from what it can hold: a known organisation spelling (or an all-caps
abbreviation), a comma list of them, ``Muut vastuutahot:`` or ``-``.

Pure functions only: text in, :class:`ParsedProgramme` out. The importer does the database.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from seuranta.errors import SourceError

OTHERS_MARKER = "Muut vastuutahot:"

_ROW = re.compile(r"^(?P<number>[1-9]\d?\.\d{1,2})\.?\s+(?:(?P<part>[a-h])[.)]\s+)?(?P<rest>.*)$")
_HEADER = re.compile(r"^Nro\b.*\bToimenpide\b.*\bVastuutaho\b", re.IGNORECASE)
# A generic organisation abbreviation (SM, HÄKE, PolAMK, SM/PO): at least two capitals, no digits.
_ABBREVIATION = r"[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]*[A-ZÅÄÖ](?:/[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]*)?"
# "THL (kouluterveyskyselyn toteutus)": a lower-case qualifier belongs to the entry.
_QUALIFIER = r"(?:\s\([a-zåäö][^()]{0,80}\))?"
# A sentence ends at . ! or ? before a capital, a step number ("2.") or a part label ("a)").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ]|\d{1,2}\.\s|[a-h]\)\s)")
# The programme's title line: the bundled one has 52 characters, its introduction 600 and more.
_TITLE_MAX = 200
_STEP_NUMBER = re.compile(r"(?:\s+(?:\d{1,2}\.|[a-h][.)]))+$")


class Role(StrEnum):
    LEAD = "lead"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ImportWarning:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One table row with its cells separated; ``None`` where the cell was empty."""

    line: int
    number: str
    part: str | None
    text: str
    action: str | None
    owners: tuple[str, ...]
    others_marker: bool
    schedule: str | None


@dataclass(slots=True)
class ParsedMeasure:
    number: str
    title: str
    first_line: int
    parts: list[tuple[str, str]] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    actions: list[tuple[str | None, str, int]] = field(default_factory=list)
    schedules: list[tuple[str, int]] = field(default_factory=list)

    @property
    def theme(self) -> int:
        return int(self.number.split(".")[0])


@dataclass(slots=True)
class ParsedProgramme:
    title: str
    description: str
    measures: list[ParsedMeasure]
    warnings: list[ImportWarning]


def parse_programme(text: str, known_organisations: Collection[str]) -> ParsedProgramme:
    """Parse the whole document; raise :class:`SourceError` if it is not a programme at all."""
    lines = text.splitlines()
    preamble, raw_rows, warnings = _split_rows(lines)
    if not raw_rows:
        raise SourceError(
            "no numbered measures found (expected table rows like '1.1. <measure> <owner> …')"
        )
    owner_pattern = _owner_list_pattern(known_organisations)
    titles = _titles(raw_rows)
    rows: list[SourceRow] = []
    for line, number, part, rest in raw_rows:
        title = titles[(number, part)]
        if not rest.startswith(title):
            warnings.append(ImportWarning(line, f"row of {number} does not repeat its title"))
        remainder = rest[len(title) :].strip() if rest.startswith(title) else rest
        row, problem = _split_cells(line, number, part, rest, remainder, owner_pattern)
        if problem:
            warnings.append(ImportWarning(line, problem))
        rows.append(row)
    measures = _assemble(rows, titles, warnings)
    title, description = _preamble(preamble)
    return ParsedProgramme(title, description, measures, warnings)


def _split_rows(
    lines: list[str],
) -> tuple[list[str], list[tuple[int, str, str | None, str]], list[ImportWarning]]:
    """Join continuation lines onto their row; keep the lines before the table as preamble."""
    preamble: list[str] = []
    rows: list[tuple[int, str, str | None, str]] = []
    warnings: list[ImportWarning] = []
    in_table = False
    for index, raw in enumerate(lines, start=1):
        line = raw.strip()
        match = _ROW.match(line)
        if match:
            in_table = True
            rows.append((index, match["number"], match["part"], _squash(match["rest"])))
        elif _HEADER.match(line):
            in_table = True
        elif not line:
            continue
        elif rows:
            number, part, rest = rows[-1][1:]
            rows[-1] = (rows[-1][0], number, part, f"{rest} {_squash(line)}")
        elif in_table:
            warnings.append(
                ImportWarning(index, f"text before the first measure ignored: {line[:60]!r}")
            )
        else:
            preamble.append(line)
    return preamble, rows, warnings


def _squash(text: str) -> str:
    return " ".join(text.split())


def _titles(rows: list[tuple[int, str, str | None, str]]) -> dict[tuple[str, str | None], str]:
    """The measure (or part) text that every row of it repeats.

    With several rows the title is their common prefix, cut back to a sentence end. A
    single-row measure has nothing to compare with, so its first sentence is taken.
    """
    grouped: dict[tuple[str, str | None], list[str]] = {}
    for _, number, part, rest in rows:
        grouped.setdefault((number, part), []).append(rest)
    titles: dict[tuple[str, str | None], str] = {}
    for key, texts in grouped.items():
        if len(texts) > 1:
            prefix = _common_prefix(texts)
            full = [t for t in texts if t == prefix]
            title = prefix if full else _cut_to_sentence(prefix)
        else:
            title = _first_sentence(texts[0])
        titles[key] = title
    return titles


def _common_prefix(texts: list[str]) -> str:
    shortest, longest = min(texts), max(texts)
    end = 0
    while end < len(shortest) and shortest[end] == longest[end]:
        end += 1
    return shortest[:end]


def _cut_to_sentence(prefix: str) -> str:
    """Cut a common prefix back to whole words and drop dash cells and step numbers after it."""
    if " " in prefix:
        prefix = prefix[: prefix.rfind(" ")]
    prefix = prefix.rstrip()
    while True:
        trimmed = _STEP_NUMBER.sub("", prefix).rstrip()
        trimmed = trimmed[:-2].rstrip() if trimmed.endswith(" -") else trimmed
        if trimmed == prefix:
            return prefix
        prefix = trimmed


def _first_sentence(text: str) -> str:
    match = _SENTENCE_END.search(text)
    return text[: match.start()] if match else text


def _owner_list_pattern(known: Collection[str]) -> re.Pattern[str]:
    names = sorted({name for name in known if name}, key=len, reverse=True)
    entry = "(?:" + "|".join([*(re.escape(n) for n in names), _ABBREVIATION]) + ")" + _QUALIFIER
    return re.compile(rf"{entry}(?:,\s{entry})*(?=\s|$)")


def _boundaries(remainder: str) -> Iterator[tuple[int, bool]]:
    """Positions where a cell can begin, flagged True when an empty cell (``-``) precedes it."""
    yield 0, False
    for match in re.finditer(r"(?:^|\s)-(?=\s)|[.:!?)](?=\s)", remainder):
        position = match.end()
        while position < len(remainder) and remainder[position] == " ":
            position += 1
        yield position, match.group().strip() == "-"


def _split_cells(
    line: int,
    number: str,
    part: str | None,
    rest: str,
    remainder: str,
    owner_pattern: re.Pattern[str],
) -> tuple[SourceRow, str | None]:
    """Separate implementation, owner and schedule in what follows the title."""
    marker = _find_marker(remainder)
    if marker is not None:
        start, end = marker
        row = SourceRow(
            line, number, part, rest, _cell(remainder[:start]), (), True, _cell(remainder[end:])
        )
        return row, None
    after_dash: tuple[int, int] | None = None
    after_sentence: tuple[int, int] | None = None
    for position, dashed in _boundaries(remainder):
        found = owner_pattern.match(remainder, position)
        if not found or found.end() == position:
            continue
        if dashed and after_dash is None:
            after_dash = (position, found.end())
        elif not dashed:
            after_sentence = (position, found.end())
    # An owner after an empty cell is certain; otherwise the last one after a sentence wins,
    # since implementation texts often begin sentences with "SM ..." themselves.
    chosen = after_dash or after_sentence
    if chosen is None:
        return _row_without_owner(line, number, part, rest, remainder)
    start, end = chosen
    owners = tuple(o.strip() for o in remainder[start:end].split(", "))
    row = SourceRow(
        line,
        number,
        part,
        rest,
        _cell(remainder[:start]),
        owners,
        False,
        _cell(remainder[end:]),
    )
    return row, None


def _find_marker(remainder: str) -> tuple[int, int] | None:
    index = remainder.find(OTHERS_MARKER)
    if index < 0:
        return None
    return index, index + len(OTHERS_MARKER)


def _row_without_owner(
    line: int, number: str, part: str | None, rest: str, remainder: str
) -> tuple[SourceRow, str | None]:
    """A row whose owner cell is empty: ``<text> -`` is an action, ``- <text>`` a schedule."""
    if remainder.startswith("- ") and not remainder.endswith(" -"):
        return SourceRow(line, number, part, rest, None, (), False, _cell(remainder)), None
    if remainder == "-" or remainder.endswith(" -") or not remainder:
        return SourceRow(line, number, part, rest, _cell(remainder), (), False, None), None
    problem = (
        f"{number}: no responsible party found in the row; its text was kept as implementation"
    )
    return SourceRow(line, number, part, rest, _cell(remainder), (), False, None), problem


def _cell(text: str) -> str | None:
    """Strip the ``-`` placeholders of empty cells around a cell's text."""
    words = text.split()
    while words and words[0] == "-":
        words.pop(0)
    while words and words[-1] == "-":
        words.pop()
    return " ".join(words) or None


def _assemble(
    rows: list[SourceRow],
    titles: dict[tuple[str, str | None], str],
    warnings: list[ImportWarning],
) -> list[ParsedMeasure]:
    measures: dict[str, ParsedMeasure] = {}
    # Each part (4.3 a./b./c.) lists its own lead, marker and others.
    past_marker: set[tuple[str, str | None]] = set()
    previous: str | None = None
    for row in rows:
        measure = measures.get(row.number)
        if measure is None:
            measure = ParsedMeasure(row.number, "", row.line)
            measures[row.number] = measure
        elif previous != row.number:
            warnings.append(
                ImportWarning(row.line, f"{row.number} continues after other measures; rows merged")
            )
        previous = row.number
        part_title = titles[(row.number, row.part)]
        if row.part and (row.part, part_title) not in measure.parts:
            measure.parts.append((row.part, part_title))
        if row.others_marker:
            past_marker.add((row.number, row.part))
        if (row.number, row.part) in past_marker:
            measure.others.extend(o for o in row.owners if o not in measure.others + measure.lead)
        else:
            measure.lead.extend(o for o in row.owners if o not in measure.lead)
        if row.action:
            measure.actions.append((row.part, row.action, row.line))
        if row.schedule:
            measure.schedules.append((row.schedule, row.line))
    for measure in measures.values():
        if measure.parts:
            measure.title = " ".join(f"{label}) {text}" for label, text in measure.parts)
        else:
            measure.title = titles[(measure.number, None)]
    return sorted(measures.values(), key=lambda m: measure_sort_key(m.number))


def _preamble(lines: list[str]) -> tuple[str, str]:
    """The title line and the introduction; no title ("") when the first line is a paragraph.

    A title is a line of its own: a long line, or one ending in a full stop, is the
    introduction, so the document has lost its title line (the importer then names the
    programme after the file, and refuses to let that replace the current programme).
    """
    content = [line for line in lines if line.lower() != "skip to content"]
    if not content:
        return "", ""
    if len(content[0]) > _TITLE_MAX or content[0].endswith("."):
        return "", "\n\n".join(content)
    return content[0], "\n\n".join(content[1:])


def measure_sort_key(number: str) -> tuple[int, ...]:
    """Natural order: 2.9 before 2.10."""
    return tuple(int(piece) for piece in number.split(".") if piece.isdigit())
