"""Finnish schedule phrases ("Aikataulut" cells) to calendar periods.

Pure text processing, no I/O. ``parse_schedule`` reads a schedule cell of the
programme (``12/2018``, ``syksyllä 2018``, ``2/2018 - 1/2019``, ``Jatkuvaa
toimintaa`` …) into milestones; ``parse_period`` reads the period a user asks
about ("what is due in autumn 2018?", "vad förfaller hösten 2018?").

How a text is read:

1. One master regex finds the *atoms* left to right: dates, numeric and named
   months, seasons, years, and the elliptic ranges whose first half has no
   year of its own (``14.3.-4.5.2018``, ``1-2/2018``, ``tammi–helmikuussa``).
   Alternatives are ordered longest first, so one piece of text is one atom.
2. Adjacent atoms joined by a dash (``2019 – 2022``), or an elative followed by
   an illative (``vuodesta 2018 vuoteen 2020``), become one range.
3. The words around a period adjust it: ``mennessä``/``saakka``/``asti``,
   ``lopussa``/``lopulla``/``loppuun`` and ``viimeistään`` make it a deadline
   (only the end matters); ``alkaen``/``lähtien``/``eteenpäin``/``aikaisintaan``
   and a trailing hyphen (``2019-``) make it open-ended.

Month and season names are understood in Finnish, English and Swedish; the
words that turn a period into a deadline or an open start are Finnish only.

Numbers that are deliberately not dates: years in parentheses right after a
title, e.g. ``Tunnista, turvaa ja toimi (2008)``, are publication years in this
document, not schedules; ``M/YYYY`` after ``HE``, ``julkaisu``, ``nro`` … is a
document number; years followed by a unit (``2000 euroa``) are amounts;
measure numbers (``2.7``), person-years (``2 htv``) and step numbers (``1.``)
never match because a date needs a four-digit year in 1990-2100. A step number
is only mistaken when written like a day right before a dated range:
``2.7. - 1.1.2019`` reads as a range, as ``14.3. - 4.5.2018`` must.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum, StrEnum

from dateutil.relativedelta import relativedelta

__all__ = ["MilestoneKind", "Period", "parse_period", "parse_schedule"]


class MilestoneKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    SEASON = "season"  # any named part of a year: season, school term, quarter, half
    YEAR = "year"
    RANGE = "range"
    FROM = "from"
    CONTINUOUS = "continuous"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Period:
    kind: MilestoneKind
    start: date | None  # None for deadlines ("mennessä"), continuous and none
    due: date | None  # last day of the period; None for continuous, none and open "from"
    phrase: str  # the substring of the input that produced it ("" for continuous/none)


class _Case(Enum):
    """The Finnish case of the word naming a period, where it changes the meaning."""

    PLAIN = "plain"
    ELATIVE = "elative"  # vuodesta, keväästä: "from …", starts a range
    ILLATIVE = "illative"  # vuoteen, joulukuuhun: "until …", a deadline or ends a range


@dataclass(frozen=True, slots=True)
class _Found:
    """A period found in the text, before the deadline/open reading is applied."""

    kind: MilestoneKind
    start: date
    due: date
    begin: int
    end: int
    case: _Case = _Case.PLAIN
    deadline: bool = False
    open: bool = False


# --- building blocks -------------------------------------------------------

_L = r"[^\W\d_]"  # one letter, any alphabet
_WB = r"(?<![^\W\d_])"  # no letter before: a word starts here
_WE = r"(?![^\W\d_])"  # no letter after: the word ends here
_NUM_START = r"(?<!\d)(?<!\d[.,/])"  # not the tail of 123/2018, 1.2.2018 or 1,2018
_NUM_END = r"(?!\d|[.,]\d)"
_DASH = r"[-‐‑‒–—]"  # hyphen, Unicode hyphen, non-breaking hyphen, figure, en and em dash

_YEAR = r"(?:199\d|20\d\d|2100)"
_MON = r"(?:1[0-2]|0?[1-9])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"

_FI_MONTH_STEMS = (
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä",
    "heinä", "elo", "syys", "loka", "marras", "joulu",
)  # fmt: skip
# English and Swedish month names and abbreviations.
_EN_SV_MONTHS = {
    "january": 1, "januari": 1, "jan": 1,
    "february": 2, "februari": 2, "feb": 2,
    "march": 3, "mars": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5, "maj": 5,
    "june": 6, "juni": 6, "jun": 6,
    "july": 7, "juli": 7, "jul": 7,
    "august": 8, "augusti": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oktober": 10, "oct": 10, "okt": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_FI_STEM = "|".join(_FI_MONTH_STEMS)
_EN_SV_MONTH = rf"(?:{'|'.join(sorted(_EN_SV_MONTHS, key=len, reverse=True))}){_WE}\.?"
_FI_MONTH = rf"(?:{_FI_STEM})kuu{_L}*"  # tammikuu, tammikuussa, joulukuuhun, …
_MONTH_WORD = rf"{_WB}(?:{_FI_MONTH}|{_EN_SV_MONTH})"
# The first half of "tammi–helmikuussa 2018": a bare Finnish stem is allowed there.
_MONTH_WORD_OR_STEM = rf"{_WB}(?:(?:{_FI_STEM})(?:kuu{_L}*)?|{_EN_SV_MONTH})"

# Finnish inflections are listed so that e.g. "kesäkuussa" or "talvisota" are not seasons.
_SEASON_WORD = (
    rf"{_WB}(?:"
    r"(?:kevät|syys)(?:luku)?kau(?:si|den|della|delle|delta|desta|teen|tena)"
    r"|kevä(?:t|än|ällä|älle|ältä|ästä|äseen|änä)"
    r"|syksy(?:n|llä|lle|ltä|stä|yn|nä)?"
    r"|kesä(?:n|llä|lle|ltä|stä|än|nä)?"
    r"|talv(?:i|en|ella|elle|elta|esta|een|ena)"
    r"|(?:alku|loppu)vuo(?:si|den|della|delta|desta|nna|teen)"
    r"|autumn|fall|spring|summer|winter"
    r"|höst(?:en)?|vår(?:en)?|sommar(?:en)?|vinter(?:n)?"
    rf"){_WE}"
)
# (word prefixes, first month, length in months, year offset), first match wins.
_SEASONS: tuple[tuple[tuple[str, ...], int, int, int], ...] = (
    (("kevätkau", "kevätlukukau"), 1, 5, 0),  # spring term
    (("syyskau", "syyslukukau"), 8, 5, 0),  # autumn term
    (("kevä", "spring", "vår"), 3, 3, 0),
    (("kesä", "summer", "sommar"), 6, 3, 0),
    (("syksy", "autumn", "fall", "höst"), 9, 3, 0),
    # "talvi 2018" is the winter whose January and February fall in 2018, so it
    # starts in December of the year before (meteorological winter).
    (("talv", "winter", "vinter"), 12, 3, -1),
    (("alkuvuo",), 1, 6, 0),  # early year: first half
    (("loppuvuo",), 7, 6, 0),  # late year: second half
)
# vuonna, vuoden, vuosina, vuodesta, vuoteen, toimintavuoden, "v." …
_YEAR_WORD = (
    rf"{_WB}(?:(?!alku|loppu){_L}*"  # alkuvuosi and loppuvuosi are halves of a year
    rf"vuo(?:si|nna|den|desta|delta|teen|delle|della|sina|sien|siksi){_WE}|v\.)"
)
# A number followed by one of these is an amount, not a year.
_UNIT = (
    r"(?!\s*(?:€|%|(?:e|eur|euro[aon]?|milj|mrd|htv|kpl|hlö|hlöä|henkilöä|tuntia|tunnin|km|kg)"
    rf"{_WE}))"
)

_NUMERIC_ATOMS = (
    # 14.3. - 4.5.2018, 14.-16.3.2018, 1-2/2018. A bare first day or month must touch the
    # dash: "1. - 16.3.2018" and "vaihe 2 - 3/2018" are a step number and a date.
    rf"(?P<daterange>(?P<dr_d1>{_DAY})\.(?:(?P<dr_m1>{_MON})\.\s*{_DASH}\s*|{_DASH})"
    rf"(?P<dr_d2>{_DAY})\.(?P<dr_m2>{_MON})\.(?P<dr_y>{_YEAR}){_NUM_END})",
    rf"(?P<monthrange>(?P<mr_m1>{_MON}){_DASH}(?P<mr_m2>{_MON})/(?P<mr_y>{_YEAR}){_NUM_END})",
    # 2018/2019 (school or operating year)
    rf"(?P<yearpair>(?P<yp_y1>{_YEAR})/(?P<yp_y2>{_YEAR}){_NUM_END})",
    rf"(?P<date>(?P<d_d>{_DAY})\.(?P<d_m>{_MON})\.(?P<d_y>{_YEAR}){_NUM_END})",
    rf"(?P<isodate>(?P<id_y>{_YEAR})-(?P<id_m>1[0-2]|0[1-9])-(?P<id_d>3[01]|[12]\d|0[1-9]){_NUM_END})",
    rf"(?P<isomonth>(?P<im_y>{_YEAR})-(?P<im_m>1[0-2]|0[1-9])(?![\d/]|-\d))",
    rf"(?P<month>(?P<m_m>{_MON})/(?P<m_y>{_YEAR}){_NUM_END})",
    # 31. joulukuuta 2018 (Finnish dates use the partitive), 31 December 2018
    rf"(?P<dayname>(?P<dn_d>{_DAY})"
    rf"(?:\.\s*(?P<dn_fi>(?:{_FI_STEM})kuuta{_WE})|\s+(?P<dn_en>{_EN_SV_MONTH}))"
    rf"\s+(?P<dn_y>{_YEAR}){_NUM_END})",
    rf"(?P<decade>(?P<dc_y>(?:199|20\d)0)[-‐‑]lu[kv]{_L}*)",
    rf"(?P<year>(?P<y_y>{_YEAR}){_NUM_END}{_UNIT})",
)
_WORD_ATOMS = (
    # tammi–helmikuussa 2018, January–March 2019
    rf"(?P<namerange>(?P<nr_m1>{_MONTH_WORD_OR_STEM})\s*{_DASH}\s*"
    rf"(?P<nr_m2>{_MONTH_WORD})\s+(?P<nr_y>{_YEAR}){_NUM_END})",
    # December 31, 2018
    rf"(?P<nameday>(?P<nd_m>{_EN_SV_MONTH})\s+(?P<nd_d>{_DAY})(?:st|nd|rd|th)?,?"
    rf"\s+(?P<nd_y>{_YEAR}){_NUM_END})",
    rf"(?P<name>(?P<n_m>{_MONTH_WORD})\s+(?P<n_y>{_YEAR}){_NUM_END})",
    rf"(?P<season>(?P<s_w>{_SEASON_WORD})\s+(?P<s_y>{_YEAR}){_NUM_END})",
    rf"(?P<part>(?:Q(?P<p_q>[1-4])|H(?P<p_h>[12]))[ \t/]?(?P<p_y>{_YEAR}){_NUM_END})",
)
_ATOM_RE = re.compile(
    # Give up at once where no atom can start: a large speed-up. An atom starts with a digit
    # or with a word followed by a number or a dash (keväällä 2018, Q1 2019, tammi–helmikuu).
    rf"(?=\d|\b{_L}+\.?\s*(?:\d|{_DASH}))"
    # Alternatives are tried in order, longest first, grouped by their first character.
    # A year word (vuonna, vuoden, lukuvuosi, v. …) may lead a numeric atom and joins its phrase.
    rf"(?:(?:(?P<yw>{_YEAR_WORD})\s*)?(?=\d){_NUM_START}(?:{'|'.join(_NUMERIC_ATOMS)})"
    rf"|(?=[^\W\d_]){_WB}(?:{'|'.join(_WORD_ATOMS)}))",
    re.IGNORECASE,
)


# Document numbers such as "HE 12/2018" or "sisäministeriön julkaisu 3/2018". "HE" (a
# government bill) only in capitals: lower-case "he" is the pronoun "they".
_DOC_NUMBER_RE = re.compile(rf"(?:\bHE|{_WB}(?i:julkaisu{_L}*|n:o|nro|no\.|dnro|numero))\s*$")
_RANGE_GAP_RE = re.compile(rf"\s*{_DASH}\s*")
# "vuodesta 2018 vuoteen 2020", "1/2018 alkaen 6/2019 asti": a start, then an end.
_FROM_GAP_RE = re.compile(r"\s+(?:(?P<since>alkaen|lähtien)\s+)?", re.IGNORECASE)
_UNTIL_RE = re.compile(rf"\s+(?:asti|saakka){_WE}", re.IGNORECASE)
_PREFIX_RE = re.compile(
    rf"{_WB}(?:(?P<open>alkaen|lähtien|aikaisintaan)|(?P<deadline>viimeistään))\s+$",
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    # "2019-" is open only with the hyphen attached: in the scraped rows a spaced
    # "2019 -" is as likely the empty cell that follows.
    rf"(?P<dash>{_DASH}(?![^\W_]))"
    r"|\s+(?:"
    r"(?P<end>lop(?:ussa|ulla|puun|pupuolella))(?:\s+(?:mennessä|saakka|asti))?"
    r"|(?P<deadline>mennessä|saakka|asti)"
    r"|(?P<open>(?:alusta\s+)?(?:alkaen|lähtien|eteenpäin)|alusta)"
    r"|aikana|kuluessa"  # "during": part of the phrase, no change in meaning
    rf"){_WE}",
    re.IGNORECASE,
)
# Any inflection of "jatkuva" (continuous), but not "jatkuvuus" (continuity).
_CONTINUOUS_RE = re.compile(rf"{_WB}jatkuv(?!uu){_L}*", re.IGNORECASE)

# Longest gap and look-back window examined around a period; bounds the work on huge inputs.
_MAX_GAP = 24
_WINDOW = 40


# --- calendar helpers ------------------------------------------------------


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 31.2.2018 is not a date
        return None


def _months(year: int, first: int, count: int) -> tuple[date, date]:
    """First and last day of `count` months from month `first` of `year`."""
    start = date(year, first, 1)
    # day=31 is clamped by relativedelta to the last day of the month reached.
    return start, start + relativedelta(months=count - 1, day=31)


def _month_number(word: str) -> int:
    """Month of a word the regex already accepted as a month name or Finnish stem."""
    w = word.lower().rstrip(".")
    for number, stem in enumerate(_FI_MONTH_STEMS, start=1):
        if w == stem or w.startswith(stem + "kuu"):
            return number
    return _EN_SV_MONTHS[w]


def _case(word: str) -> _Case:
    w = word.lower()
    if w.endswith(("sta", "stä")):
        return _Case.ELATIVE
    if w.endswith(("seen", "een", "yyn", "hun")) or w == "kesään":
        return _Case.ILLATIVE
    return _Case.PLAIN


# --- atom handlers: one per alternative of _ATOM_RE --------------------------


def _date_range(m: re.Match[str], _text: str) -> _Found | None:
    year, m2 = int(m["dr_y"]), int(m["dr_m2"])
    m1 = int(m["dr_m1"]) if m["dr_m1"] else m2
    # "1.12.-31.1.2019" starts in the year before.
    start = _day(year - 1 if m1 > m2 else year, m1, int(m["dr_d1"]))
    due = _day(year, m2, int(m["dr_d2"]))
    if start is None or due is None or start > due:
        return None
    return _Found(MilestoneKind.RANGE, start, due, m.start(), m.end())


def _elliptic_months(m: re.Match[str], m1: int, m2: int, year: int) -> _Found:
    # "11-2/2019" runs from November of the year before.
    start = date(year - 1 if m1 > m2 else year, m1, 1)
    return _Found(MilestoneKind.RANGE, start, _months(year, m2, 1)[1], m.start(), m.end())


def _month_range(m: re.Match[str], _text: str) -> _Found | None:
    return _elliptic_months(m, int(m["mr_m1"]), int(m["mr_m2"]), int(m["mr_y"]))


def _name_range(m: re.Match[str], _text: str) -> _Found | None:
    found = _elliptic_months(
        m, _month_number(m["nr_m1"]), _month_number(m["nr_m2"]), int(m["nr_y"])
    )
    return replace(found, case=_case(m["nr_m2"]))


def _year_pair(m: re.Match[str], _text: str) -> _Found | None:
    first, last = int(m["yp_y1"]), int(m["yp_y2"])
    if first >= last:
        return None
    return _Found(MilestoneKind.RANGE, date(first, 1, 1), date(last, 12, 31), m.start(), m.end())


def _single_day(m: re.Match[str], year: str, month: int, day: str) -> _Found | None:
    found = _day(int(year), month, int(day))
    if found is None:
        return None
    return _Found(MilestoneKind.DATE, found, found, m.start(), m.end())


def _date(m: re.Match[str], _text: str) -> _Found | None:
    return _single_day(m, m["d_y"], int(m["d_m"]), m["d_d"])


def _iso_date(m: re.Match[str], _text: str) -> _Found | None:
    return _single_day(m, m["id_y"], int(m["id_m"]), m["id_d"])


def _day_name(m: re.Match[str], _text: str) -> _Found | None:
    return _single_day(m, m["dn_y"], _month_number(m["dn_fi"] or m["dn_en"]), m["dn_d"])


def _name_day(m: re.Match[str], _text: str) -> _Found | None:
    return _single_day(m, m["nd_y"], _month_number(m["nd_m"]), m["nd_d"])


def _one_month(m: re.Match[str], year: str, month: int, case: _Case) -> _Found:
    start, due = _months(int(year), month, 1)
    return _Found(MilestoneKind.MONTH, start, due, m.start(), m.end(), case)


def _iso_month(m: re.Match[str], _text: str) -> _Found | None:
    return _one_month(m, m["im_y"], int(m["im_m"]), _Case.PLAIN)


def _month(m: re.Match[str], text: str) -> _Found | None:
    if _DOC_NUMBER_RE.search(text, max(0, m.start() - _WINDOW), m.start()):
        return None
    return _one_month(m, m["m_y"], int(m["m_m"]), _Case.PLAIN)


def _name(m: re.Match[str], _text: str) -> _Found | None:
    return _one_month(m, m["n_y"], _month_number(m["n_m"]), _case(m["n_m"]))


def _season(m: re.Match[str], _text: str) -> _Found | None:
    word = m["s_w"].lower()
    first, count, offset = next(  # the regex admits only words the table knows
        (first, count, offset) for words, first, count, offset in _SEASONS if word.startswith(words)
    )
    start, due = _months(int(m["s_y"]) + offset, first, count)
    return _Found(MilestoneKind.SEASON, start, due, m.start(), m.end(), _case(word))


def _part(m: re.Match[str], _text: str) -> _Found | None:
    count = 3 if m["p_q"] else 6  # Q1-Q4 are quarters, H1-H2 halves
    number = int(m["p_q"] or m["p_h"])
    start, due = _months(int(m["p_y"]), (number - 1) * count + 1, count)
    return _Found(MilestoneKind.SEASON, start, due, m.start(), m.end())


def _decade(m: re.Match[str], _text: str) -> _Found | None:
    first = int(m["dc_y"])
    return _Found(
        MilestoneKind.RANGE, date(first, 1, 1), date(first + 9, 12, 31), m.start(), m.end()
    )


def _year(m: re.Match[str], text: str) -> _Found | None:
    begin, end = m.start(), m.end()
    if text[begin - 1 : begin] == "(" and text[end : end + 1] == ")":
        return None  # "Tunnista, turvaa ja toimi (2008)": a publication year, not a schedule
    year = int(m["y_y"])
    case = _case(m["yw"]) if m["yw"] else _Case.PLAIN
    return _Found(MilestoneKind.YEAR, date(year, 1, 1), date(year, 12, 31), begin, end, case)


_HANDLERS: dict[str, Callable[[re.Match[str], str], _Found | None]] = {
    "daterange": _date_range,
    "monthrange": _month_range,
    "namerange": _name_range,
    "yearpair": _year_pair,
    "date": _date,
    "isodate": _iso_date,
    "isomonth": _iso_month,
    "month": _month,
    "dayname": _day_name,
    "nameday": _name_day,
    "name": _name,
    "season": _season,
    "part": _part,
    "decade": _decade,
    "year": _year,
}


# --- scanning --------------------------------------------------------------


def _atoms(text: str) -> list[_Found]:
    found: list[_Found] = []
    for m in _ATOM_RE.finditer(text):
        # lastgroup is the alternative's outer group: it closes after its inner groups.
        atom = _HANDLERS[m.lastgroup](m, text) if m.lastgroup is not None else None
        if atom is not None:
            found.append(atom)
    return found


def _join(a: _Found, b: _Found, text: str) -> _Found | None:
    """The range that a and b form together, if the text between them makes one."""
    gap = text[a.end : b.begin]
    if len(gap) > _MAX_GAP or b.start < a.start:
        return None
    if _RANGE_GAP_RE.fullmatch(gap):
        winter = a.kind is MilestoneKind.SEASON and a.start.month == 12  # only winter starts then
        if winter and b.kind is MilestoneKind.YEAR and b.due.year == a.due.year + 1:
            # "talvi 2018–2019" is the one winter across the two years, not 15 months.
            start, due = _months(a.due.year, 12, 3)
            return _Found(MilestoneKind.SEASON, start, due, a.begin, b.end)
        return _Found(MilestoneKind.RANGE, a.start, b.due, a.begin, b.end)
    if not (from_gap := _FROM_GAP_RE.fullmatch(gap)):
        return None
    until = _UNTIL_RE.match(text, b.end)
    starts = a.case is _Case.ELATIVE or from_gap["since"] is not None
    if starts and (b.case is _Case.ILLATIVE or until):
        # "asti" belongs to the range: left for _in_context it would make a deadline.
        return _Found(MilestoneKind.RANGE, a.start, b.due, a.begin, until.end() if until else b.end)
    return None


def _ranges(atoms: list[_Found], text: str) -> list[_Found]:
    merged: list[_Found] = []
    i = 0
    while i < len(atoms):
        joined = _join(atoms[i], atoms[i + 1], text) if i + 1 < len(atoms) else None
        merged.append(joined or atoms[i])
        i += 2 if joined else 1
    return merged


def _in_context(found: _Found, text: str, floor: int) -> _Found:
    """Widen the period to the words around it and read them as deadline or open start.

    Words before `floor` belong to the period before: in "1/2018 alkaen 12/2019" the
    "alkaen" opens 1/2018 only.
    """
    begin, end = found.begin, found.end
    deadline, open_ = found.case is _Case.ILLATIVE, False
    if suffix := _SUFFIX_RE.match(text, end):
        end = suffix.end()
        open_ = bool(suffix["dash"] or suffix["open"])
        deadline = deadline or bool(suffix["end"] or suffix["deadline"])
    if prefix := _PREFIX_RE.search(text, max(floor, begin - _WINDOW), begin):
        begin = prefix.start()
        open_ = open_ or bool(prefix["open"])
        deadline = deadline or bool(prefix["deadline"])
    return replace(found, begin=begin, end=end, deadline=deadline and not open_, open=open_)


def _scan(text: str) -> list[_Found]:
    scanned: list[_Found] = []
    for found in _ranges(_atoms(text), text):
        scanned.append(_in_context(found, text, scanned[-1].end if scanned else 0))
    return scanned


# --- public API ------------------------------------------------------------


def parse_schedule(text: str) -> list[Period]:
    """Every period a schedule text names, in order of appearance.

    A deadline keeps the kind of its period with ``start=None``; an open start is
    ``FROM`` with ``due=None``; any "jatkuva…" adds one ``CONTINUOUS`` at its place.
    A text without any of these gives exactly ``[Period(NONE, None, None, "")]``.
    """
    placed: list[tuple[int, Period]] = []
    for found in _scan(text):
        phrase = text[found.begin : found.end]
        if found.open:
            period = Period(MilestoneKind.FROM, found.start, None, phrase)
        else:
            period = Period(found.kind, None if found.deadline else found.start, found.due, phrase)
        placed.append((found.begin, period))
    if continuous := _CONTINUOUS_RE.search(text):
        placed.append((continuous.start(), Period(MilestoneKind.CONTINUOUS, None, None, "")))
    placed.sort(key=lambda item: item[0])
    periods = list(dict.fromkeys(period for _, period in placed))  # drop repeats, keep order
    return periods or [Period(MilestoneKind.NONE, None, None, "")]


def parse_period(text: str) -> Period | None:
    """The first bounded period named in a question, or None.

    Deadlines get back their natural start ("9/2018 mennessä" is all of September);
    open starts ("2019-", "alkaen 1/2019") have no end and are skipped.
    """
    for found in _scan(text):
        if not found.open:
            return Period(found.kind, found.start, found.due, text[found.begin : found.end])
    return None
