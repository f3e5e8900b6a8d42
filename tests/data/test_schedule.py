"""Specification of data.schedule: Finnish schedule phrases to calendar periods."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from data.schedule import MilestoneKind, Period, parse_period, parse_schedule

K = MilestoneKind
SOURCE = Path(__file__).parents[2] / "data" / "toimenpideohjelma.txt"
NOTHING = [Period(K.NONE, None, None, "")]
CONTINUOUS = Period(K.CONTINUOUS, None, None, "")


def p(kind: MilestoneKind, start: str | None, due: str | None, phrase: str) -> Period:
    """A Period from ISO date strings, to keep the tables short."""
    return Period(
        kind,
        date.fromisoformat(start) if start else None,
        date.fromisoformat(due) if due else None,
        phrase,
    )


def cases(table: list[tuple[str, list[Period]]]) -> list[object]:
    """Parametrize a (text, expected) table with the text itself as the test id."""
    return [pytest.param(text, expected, id=text or "<empty>") for text, expected in table]


def check_invariants(text: str, periods: list[Period]) -> None:
    assert periods, "never an empty list"
    for period in periods:
        assert isinstance(period, Period)
        assert period.phrase in text
        if period.start is not None and period.due is not None:
            assert period.start <= period.due
        if period.kind in (K.CONTINUOUS, K.NONE):
            assert (period.start, period.due, period.phrase) == (None, None, "")
        elif period.kind is K.FROM:
            assert period.start is not None
            assert period.due is None
        else:
            assert period.due is not None
            assert period.phrase
    if any(period.kind is K.NONE for period in periods):
        assert periods == NOTHING, "NONE only ever stands alone"
    assert len(set(periods)) == len(periods), "no duplicates"
    # parse_period finds the first bounded period, deadlines with their natural start.
    bounded = [period for period in periods if period.due is not None]
    asked = parse_period(text)
    if bounded:
        assert asked is not None
        assert asked.start is not None
        assert (asked.kind, asked.due, asked.phrase) == (
            bounded[0].kind,
            bounded[0].due,
            bounded[0].phrase,
        )
        assert asked.start == bounded[0].start or bounded[0].start is None
    else:
        assert asked is None


# --- the kinds of period, one bullet of the specification each ----------------

MONTHS = [
    ("12/2018", [p(K.MONTH, "2018-12-01", "2018-12-31", "12/2018")]),
    ("09/2020", [p(K.MONTH, "2020-09-01", "2020-09-30", "09/2020")]),
    ("2/2020", [p(K.MONTH, "2020-02-01", "2020-02-29", "2/2020")]),  # leap year
    ("tammikuussa 2018", [p(K.MONTH, "2018-01-01", "2018-01-31", "tammikuussa 2018")]),
    ("maaliskuussa 2018", [p(K.MONTH, "2018-03-01", "2018-03-31", "maaliskuussa 2018")]),
    ("Helmikuu 2019", [p(K.MONTH, "2019-02-01", "2019-02-28", "Helmikuu 2019")]),
    ("kesäkuun 2019", [p(K.MONTH, "2019-06-01", "2019-06-30", "kesäkuun 2019")]),
    ("syyskuulla 2019", [p(K.MONTH, "2019-09-01", "2019-09-30", "syyskuulla 2019")]),
    ("marraskuusta 2019", [p(K.MONTH, "2019-11-01", "2019-11-30", "marraskuusta 2019")]),
    ("2019-03", [p(K.MONTH, "2019-03-01", "2019-03-31", "2019-03")]),
]

DATES = [
    ("31.12.2018", [p(K.DATE, "2018-12-31", "2018-12-31", "31.12.2018")]),
    ("16.3.2018", [p(K.DATE, "2018-03-16", "2018-03-16", "16.3.2018")]),
    ("05.03.2019", [p(K.DATE, "2019-03-05", "2019-03-05", "05.03.2019")]),
    ("29.2.2020", [p(K.DATE, "2020-02-29", "2020-02-29", "29.2.2020")]),
    ("31. joulukuuta 2018", [p(K.DATE, "2018-12-31", "2018-12-31", "31. joulukuuta 2018")]),
    ("2019-03-31", [p(K.DATE, "2019-03-31", "2019-03-31", "2019-03-31")]),
]

SPRING, SUMMER, AUTUMN = ("03-01", "05-31"), ("06-01", "08-31"), ("09-01", "11-30")
SEASONS = [
    *(
        (f"{word} 2018", [p(K.SEASON, f"2018-{first}", f"2018-{last}", f"{word} 2018")])
        for words, (first, last) in (
            (("syksy", "syksyllä", "syksyn", "syksystä", "Syksy"), AUTUMN),
            (("kevät", "keväällä", "kevään", "keväästä", "Kevät"), SPRING),
            (("kesä", "kesällä", "kesän"), SUMMER),
        )
        for word in words
    ),
    # Winter YYYY is the winter whose January and February fall in YYYY.
    ("talvi 2018", [p(K.SEASON, "2017-12-01", "2018-02-28", "talvi 2018")]),
    ("talvella 2020", [p(K.SEASON, "2019-12-01", "2020-02-29", "talvella 2020")]),
    ("talvi 2018–2019", [p(K.SEASON, "2018-12-01", "2019-02-28", "talvi 2018–2019")]),
    # School terms: spring term January-May, autumn term August-December.
    ("kevätkaudella 2018", [p(K.SEASON, "2018-01-01", "2018-05-31", "kevätkaudella 2018")]),
    ("kevätkausi 2018", [p(K.SEASON, "2018-01-01", "2018-05-31", "kevätkausi 2018")]),
    ("syyskaudella 2018", [p(K.SEASON, "2018-08-01", "2018-12-31", "syyskaudella 2018")]),
    ("syksyn 2017 aikana", [p(K.SEASON, "2017-09-01", "2017-11-30", "syksyn 2017 aikana")]),
    ("(syksy 2018)", [p(K.SEASON, "2018-09-01", "2018-11-30", "syksy 2018")]),
    ("alkuvuodesta 2019", [p(K.SEASON, "2019-01-01", "2019-06-30", "alkuvuodesta 2019")]),
    ("loppuvuonna 2019", [p(K.SEASON, "2019-07-01", "2019-12-31", "loppuvuonna 2019")]),
]

YEARS = [
    ("vuoden 2018 aikana", [p(K.YEAR, "2018-01-01", "2018-12-31", "vuoden 2018 aikana")]),
    ("vuonna 2018", [p(K.YEAR, "2018-01-01", "2018-12-31", "vuonna 2018")]),
    ("2018", [p(K.YEAR, "2018-01-01", "2018-12-31", "2018")]),
    ("Toteutetaan 2018.", [p(K.YEAR, "2018-01-01", "2018-12-31", "2018")]),
    ("1990", [p(K.YEAR, "1990-01-01", "1990-12-31", "1990")]),
    ("2100", [p(K.YEAR, "2100-01-01", "2100-12-31", "2100")]),
    ("v. 2020 toimintansa", [p(K.YEAR, "2020-01-01", "2020-12-31", "v. 2020")]),
]

DEADLINES = [
    ("2018 loppuun mennessä", [p(K.YEAR, None, "2018-12-31", "2018 loppuun mennessä")]),
    ("vuoden 2018 lopussa", [p(K.YEAR, None, "2018-12-31", "vuoden 2018 lopussa")]),
    ("jo vuoden 2018 lopulla", [p(K.YEAR, None, "2018-12-31", "vuoden 2018 lopulla")]),
    ("9/2018 mennessä", [p(K.MONTH, None, "2018-09-30", "9/2018 mennessä")]),
    ("31.12.2018 saakka", [p(K.DATE, None, "2018-12-31", "31.12.2018 saakka")]),
    ("31.12.2018 asti", [p(K.DATE, None, "2018-12-31", "31.12.2018 asti")]),
    ("viimeistään 6/2019", [p(K.MONTH, None, "2019-06-30", "viimeistään 6/2019")]),
    ("kevääseen 2019 mennessä", [p(K.SEASON, None, "2019-05-31", "kevääseen 2019 mennessä")]),
    # The illative ("into …") alone already means "until".
    ("joulukuuhun 2019", [p(K.MONTH, None, "2019-12-31", "joulukuuhun 2019")]),
    ("vuoteen 2020 asti", [p(K.YEAR, None, "2020-12-31", "vuoteen 2020 asti")]),
    ("päättyy 2018\nlopussa.", [p(K.YEAR, None, "2018-12-31", "2018\nlopussa")]),
]

RANGES = [
    ("2/2018 - 1/2019", [p(K.RANGE, "2018-02-01", "2019-01-31", "2/2018 - 1/2019")]),
    ("1-2/2018", [p(K.RANGE, "2018-01-01", "2018-02-28", "1-2/2018")]),
    ("11-2/2019", [p(K.RANGE, "2018-11-01", "2019-02-28", "11-2/2019")]),
    ("10/2017-09/2020", [p(K.RANGE, "2017-10-01", "2020-09-30", "10/2017-09/2020")]),
    ("14.3.-4.5.2018", [p(K.RANGE, "2018-03-14", "2018-05-04", "14.3.-4.5.2018")]),
    ("14.-16.3.2018", [p(K.RANGE, "2018-03-14", "2018-03-16", "14.-16.3.2018")]),
    ("1.12.-31.1.2019", [p(K.RANGE, "2018-12-01", "2019-01-31", "1.12.-31.1.2019")]),
    ("vuosina 2016–2018", [p(K.RANGE, "2016-01-01", "2018-12-31", "vuosina 2016–2018")]),
    ("vuosina 2018 - 2020", [p(K.RANGE, "2018-01-01", "2020-12-31", "vuosina 2018 - 2020")]),
    ("2019 – 2022", [p(K.RANGE, "2019-01-01", "2022-12-31", "2019 – 2022")]),
    ("2018—2019", [p(K.RANGE, "2018-01-01", "2019-12-31", "2018—2019")]),
    ("1.1.2018-31.12.2019", [p(K.RANGE, "2018-01-01", "2019-12-31", "1.1.2018-31.12.2019")]),
    (
        "syksy 2018 - kevät 2019",
        [p(K.RANGE, "2018-09-01", "2019-05-31", "syksy 2018 - kevät 2019")],
    ),
    ("tammi–helmikuussa 2018", [p(K.RANGE, "2018-01-01", "2018-02-28", "tammi–helmikuussa 2018")]),
    (
        "vuodesta 2018 vuoteen 2020",
        [p(K.RANGE, "2018-01-01", "2020-12-31", "vuodesta 2018 vuoteen 2020")],
    ),
    (
        "syksystä 2018 kevääseen 2019",
        [p(K.RANGE, "2018-09-01", "2019-05-31", "syksystä 2018 kevääseen 2019")],
    ),
    (
        "tammikuusta 2018 kesäkuuhun 2019",
        [p(K.RANGE, "2018-01-01", "2019-06-30", "tammikuusta 2018 kesäkuuhun 2019")],
    ),
    (
        "1/2018 alkaen 6/2019 asti",
        [p(K.RANGE, "2018-01-01", "2019-06-30", "1/2018 alkaen 6/2019 asti")],
    ),
    ("2010-luvulla", [p(K.RANGE, "2010-01-01", "2019-12-31", "2010-luvulla")]),
    ("lukuvuosi 2018/2019", [p(K.RANGE, "2018-01-01", "2019-12-31", "lukuvuosi 2018/2019")]),
]

OPEN_STARTS = [
    ("2019-", [p(K.FROM, "2019-01-01", None, "2019-")]),
    ("Toimeenpano 2019-", [p(K.FROM, "2019-01-01", None, "2019-")]),
    ("alkaen vuoden 2019 budjetista", [p(K.FROM, "2019-01-01", None, "alkaen vuoden 2019")]),
    (
        "Alkaen vuoden 2020 tulossuunnittelusta.",
        [p(K.FROM, "2020-01-01", None, "Alkaen vuoden 2020")],
    ),
    ("keväästä 2017 alkaen", [p(K.FROM, "2017-03-01", None, "keväästä 2017 alkaen")]),
    ("Kevät 2018 eteenpäin.", [p(K.FROM, "2018-03-01", None, "Kevät 2018 eteenpäin")]),
    ("1/2019 alkaen", [p(K.FROM, "2019-01-01", None, "1/2019 alkaen")]),
    ("vuodesta 2019 lähtien", [p(K.FROM, "2019-01-01", None, "vuodesta 2019 lähtien")]),
    ("vuoden 2019 alusta", [p(K.FROM, "2019-01-01", None, "vuoden 2019 alusta")]),
    (
        "aikaisintaan vuoden 2018 aikana",
        [p(K.FROM, "2018-01-01", None, "aikaisintaan vuoden 2018 aikana")],
    ),
]

CONTINUOUS_TEXTS = [
    ("Jatkuvaa toimintaa.", [CONTINUOUS]),
    ("jatkuva", [CONTINUOUS]),
    ("Jatkuvasti.", [CONTINUOUS]),
    ("JATKUVAA TOIMINTAA", [CONTINUOUS]),
    ("Työ käynnissä ja jatkuvaa.", [CONTINUOUS]),
    ("Reservien käyttöönoton jälkeen jatkuvaa toimintaa.", [CONTINUOUS]),
    ("Jatkuvaa toimintaa. Jatkuvaa toimintaa.", [CONTINUOUS]),
    (
        "Ensimmäiset turvallisuussuunnittelun linjaukset valmistellaan kevätkaudella 2018, "
        "jonka jälkeen jatkuvaa toimintaa.",
        [p(K.SEASON, "2018-01-01", "2018-05-31", "kevätkaudella 2018"), CONTINUOUS],
    ),
    (
        "Jatkuvaa toimintaa. Lisäksi joulukuuhun 2019 kestävät neuvottelut.",
        [CONTINUOUS, p(K.MONTH, None, "2019-12-31", "joulukuuhun 2019")],
    ),
    # "jatkuvuus" is continuity (a noun), not "continuous".
    ("kuntien jatkuvuudenhallintaa", NOTHING),
]

NO_DATE = [
    ("", NOTHING),
    ("-", NOTHING),
    ("   \n ", NOTHING),
    ("Täsmennetään menettelytapana osana turvallisuuden innovaatio-ohjelmaa.", NOTHING),
    ("Käynnistyy keväällä.", NOTHING),  # a season without a year
    ("Kuluvan vuoden aikana", NOTHING),
]

# Numbers that look like dates but are not.
NOT_DATES = [
    ("toimenpide 2.7", NOTHING),
    ("Hyödynnetään toimenpiteen 3.1 tuloksia.", NOTHING),
    ("1. Työ käynnistynyt. 2. Työ jatkuu.", NOTHING),
    ("komennetaan 2 htv", NOTHING),
    ("72 tuntia", NOTHING),
    # Years in parentheses right after a title are publication years in the programme.
    ("julkaisu Päätöksiä turvallisuudesta (2014)", NOTHING),
    ("suositukset Tunnista, turvaa ja toimi (2008).", NOTHING),
    ("Päivitetään ikääntyneiden turvallisuusohjelma (2011).", NOTHING),
    # Document numbers.
    ("HE 123/2018 vp", NOTHING),
    ("HE 12/2018 vp", NOTHING),
    ("sisäministeriön julkaisu 16/2017", NOTHING),
    ("Sisäministeriön julkaisu 3/2017", NOTHING),
    ("SM:n julkaisuja 5/2018", NOTHING),
    # Amounts.
    ("2000 euroa", NOTHING),
    ("2019 €", NOTHING),
    # Years outside 1990-2100.
    ("1989", NOTHING),
    ("2101", NOTHING),
    ("12/1989", NOTHING),
    ("31.12.2101", NOTHING),
    ("123456", NOTHING),
    # Impossible days and months.
    ("31.2.2018", NOTHING),
    ("30.2.2019", NOTHING),
    ("32.1.2018", NOTHING),
    ("13/2018", NOTHING),
    ("0/2018", NOTHING),
    ("0.1.2018", NOTHING),
    ("1.2.3.2018", NOTHING),
]

SEVERAL = [
    (
        "Valmistelu käynnistyy keväällä 2018. Ohjelma valmis 12/2018 mennessä.",
        [
            p(K.SEASON, "2018-03-01", "2018-05-31", "keväällä 2018"),
            p(K.MONTH, None, "2018-12-31", "12/2018 mennessä"),
        ],
    ),
    (
        "1. Rajavalvonnan kohdentaminen käynnissä. "
        "Viimeiset siirrot ja kohdentamiset 9/2018 mennessä.",
        [p(K.MONTH, None, "2018-09-30", "9/2018 mennessä")],
    ),
    (
        "Lausuntokierroksella 14.3.-4.5.2018.",
        [p(K.RANGE, "2018-03-14", "2018-05-04", "14.3.-4.5.2018")],
    ),
    (
        "Suunnitelman 2019 – 2022 valmistelu käynnistetty.",
        [p(K.RANGE, "2019-01-01", "2022-12-31", "2019 – 2022")],
    ),
    (
        "Tiedonkeruu 2017. Analyysi 2018",
        [
            p(K.YEAR, "2017-01-01", "2017-12-31", "2017"),
            p(K.YEAR, "2018-01-01", "2018-12-31", "2018"),
        ],
    ),
    (
        "Lakiesitykset annettiin 25.1.2018. Voimaan vuoden 2020 aikana tai jo vuoden 2018 lopulla.",
        [
            p(K.DATE, "2018-01-25", "2018-01-25", "25.1.2018"),
            p(K.YEAR, "2020-01-01", "2020-12-31", "vuoden 2020 aikana"),
            p(K.YEAR, None, "2018-12-31", "vuoden 2018 lopulla"),
        ],
    ),
    (
        "Vuonna 2018 komennetaan 2 htv.",
        [p(K.YEAR, "2018-01-01", "2018-12-31", "Vuonna 2018")],
    ),
    (
        "vuosina 2018 ja 2019",
        [
            p(K.YEAR, "2018-01-01", "2018-12-31", "vuosina 2018"),
            p(K.YEAR, "2019-01-01", "2019-12-31", "2019"),
        ],
    ),
    # The same phrase twice is one milestone.
    (
        "Toteutetaan keväällä 2018. Raportti keväällä 2018.",
        [p(K.SEASON, "2018-03-01", "2018-05-31", "keväällä 2018")],
    ),
    # A range whose end lies before its start is two separate periods.
    (
        "2020 - 2018",
        [
            p(K.YEAR, "2020-01-01", "2020-12-31", "2020"),
            p(K.YEAR, "2018-01-01", "2018-12-31", "2018"),
        ],
    ),
    # Step numbers next to a date or month are not the start of a range.
    ("1. - 16.3.2018", [p(K.DATE, "2018-03-16", "2018-03-16", "16.3.2018")]),
    ("vaihe 2 - 3/2018", [p(K.MONTH, "2018-03-01", "2018-03-31", "3/2018")]),
    # The "alkaen" after a period opens that one, not the next.
    (
        "1/2018 alkaen 12/2019",
        [
            p(K.FROM, "2018-01-01", None, "1/2018 alkaen"),
            p(K.MONTH, "2019-12-01", "2019-12-31", "12/2019"),
        ],
    ),
    # A spaced trailing dash may be the empty cell after it in a scraped row: not open.
    ("Toteutetaan 2018 - Tulli -", [p(K.YEAR, "2018-01-01", "2018-12-31", "2018")]),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    cases(
        MONTHS
        + DATES
        + SEASONS
        + YEARS
        + DEADLINES
        + RANGES
        + OPEN_STARTS
        + CONTINUOUS_TEXTS
        + NO_DATE
        + NOT_DATES
        + SEVERAL
    ),
)
def test_parse_schedule(text: str, expected: list[Period]) -> None:
    assert parse_schedule(text) == expected


def test_milestone_kind_values() -> None:
    assert [kind.value for kind in MilestoneKind] == [
        "date", "month", "season", "year", "range", "from", "continuous", "none",
    ]  # fmt: skip


# --- parse_period: the period a user asks about --------------------------------

QUESTIONS = [
    ("what is due in 12/2018?", p(K.MONTH, "2018-12-01", "2018-12-31", "12/2018")),
    ("mitä erääntyy syksyllä 2018?", p(K.SEASON, "2018-09-01", "2018-11-30", "syksyllä 2018")),
    ("what is due in autumn 2018?", p(K.SEASON, "2018-09-01", "2018-11-30", "autumn 2018")),
    ("What's due in fall 2018", p(K.SEASON, "2018-09-01", "2018-11-30", "fall 2018")),
    ("vad förfaller hösten 2018?", p(K.SEASON, "2018-09-01", "2018-11-30", "hösten 2018")),
    ("våren 2019", p(K.SEASON, "2019-03-01", "2019-05-31", "våren 2019")),
    ("sommaren 2019", p(K.SEASON, "2019-06-01", "2019-08-31", "sommaren 2019")),
    ("vintern 2019", p(K.SEASON, "2018-12-01", "2019-02-28", "vintern 2019")),
    ("spring 2019", p(K.SEASON, "2019-03-01", "2019-05-31", "spring 2019")),
    ("summer 2019", p(K.SEASON, "2019-06-01", "2019-08-31", "summer 2019")),
    ("winter 2019", p(K.SEASON, "2018-12-01", "2019-02-28", "winter 2019")),
    ("due in December 2018", p(K.MONTH, "2018-12-01", "2018-12-31", "December 2018")),
    ("due in Dec 2018", p(K.MONTH, "2018-12-01", "2018-12-31", "Dec 2018")),
    ("joulukuussa 2018", p(K.MONTH, "2018-12-01", "2018-12-31", "joulukuussa 2018")),
    ("i december 2018", p(K.MONTH, "2018-12-01", "2018-12-31", "december 2018")),
    ("i maj 2019", p(K.MONTH, "2019-05-01", "2019-05-31", "maj 2019")),
    ("in May 2019", p(K.MONTH, "2019-05-01", "2019-05-31", "May 2019")),
    ("in 2019", p(K.YEAR, "2019-01-01", "2019-12-31", "2019")),
    ("Q1 2019", p(K.SEASON, "2019-01-01", "2019-03-31", "Q1 2019")),
    ("q4/2019", p(K.SEASON, "2019-10-01", "2019-12-31", "q4/2019")),
    ("H2 2019", p(K.SEASON, "2019-07-01", "2019-12-31", "H2 2019")),
    ("due 2019-03-31?", p(K.DATE, "2019-03-31", "2019-03-31", "2019-03-31")),
    ("due in 2019-03?", p(K.MONTH, "2019-03-01", "2019-03-31", "2019-03")),
    ("December 31, 2018", p(K.DATE, "2018-12-31", "2018-12-31", "December 31, 2018")),
    ("31 mars 2019", p(K.DATE, "2019-03-31", "2019-03-31", "31 mars 2019")),
    ("January–March 2019", p(K.RANGE, "2019-01-01", "2019-03-31", "January–March 2019")),
    # A deadline gets back its natural start.
    ("9/2018 mennessä", p(K.MONTH, "2018-09-01", "2018-09-30", "9/2018 mennessä")),
    ("2018 loppuun mennessä", p(K.YEAR, "2018-01-01", "2018-12-31", "2018 loppuun mennessä")),
    # The first bounded period wins; open starts are skipped.
    ("12/2018 or 1/2019", p(K.MONTH, "2018-12-01", "2018-12-31", "12/2018")),
    ("alkaen 2019, erityisesti 3/2019", p(K.MONTH, "2019-03-01", "2019-03-31", "3/2019")),
]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=t) for t, e in QUESTIONS])
def test_parse_period(text: str, expected: Period) -> None:
    assert parse_period(text) == expected


@pytest.mark.parametrize(
    "text", ["", "what is due?", "Jatkuvaa toimintaa", "2019-", "vuodesta 2019 lähtien", "13/2018"]
)
def test_parse_period_without_a_bounded_period(text: str) -> None:
    assert parse_period(text) is None


# --- the real programme -------------------------------------------------------

PROGRAMME = SOURCE.read_text(encoding="utf-8")

# Aikataulu cells of the programme, exactly as they stand in the file.
KNOWN_CELLS = [
    (
        "Ennakointiryhmä ja -verkosto asetettu 12/2017.",
        [p(K.MONTH, "2017-12-01", "2017-12-31", "12/2017")],
    ),
    (
        "Verkosto käynnistää yhteistyön sidosryhmien kanssa 2018.",
        [p(K.YEAR, "2018-01-01", "2018-12-31", "2018")],
    ),
    (
        "Sisäisen turvallisuuden keskeiset ilmiöt ja mittarit 5/2018.",
        [p(K.MONTH, "2018-05-01", "2018-05-31", "5/2018")],
    ),
    (
        "Ensimmäinen sisäisen turvallisuuden tila -raportti 12/2018.",
        [p(K.MONTH, "2018-12-01", "2018-12-31", "12/2018")],
    ),
    ("Jatkuvaa toimintaa.", [CONTINUOUS]),
    (
        "Vuonna 2018 komennetaan 2 htv sisäministeriön hallinnonalalta",
        [p(K.YEAR, "2018-01-01", "2018-12-31", "Vuonna 2018")],
    ),
    (
        "1. Lakiesitykset annettiin eduskunnalle 25.1.2018. Jos perustuslain muutos käsitellään "
        "normaalissa perustuslainsäätämisjärjestyksessä, voisi tiedustelupaketti tulla voimaan "
        "vuoden 2020 vuoden aikana. Käytettäessä kiireellistä perustuslainsäätämisjärjestystä lait "
        "voisivat tulla voimaan aikaisemmin, mahdollisesti jo vuoden 2018 lopulla esitysten "
        "eduskuntakäsittelystä riippuen.",
        [
            p(K.DATE, "2018-01-25", "2018-01-25", "25.1.2018"),
            p(K.YEAR, "2020-01-01", "2020-12-31", "vuoden 2020"),
            p(K.YEAR, None, "2018-12-31", "vuoden 2018 lopulla"),
        ],
    ),
    (
        "2. Hallituksen esitys annettu eduskunnalle tammikuussa 2018. Kaksoiskansalaisuutta "
        "koskeva lakiluonnos lähetetty lausunnolle maaliskuussa 2018.",
        [
            p(K.MONTH, "2018-01-01", "2018-01-31", "tammikuussa 2018"),
            p(K.MONTH, "2018-03-01", "2018-03-31", "maaliskuussa 2018"),
        ],
    ),
    (
        "3. Toteutetaan 2018. Käynnistyy keväällä. Lakihanke puolustusvoimien virka-apua "
        "poliisille "
        "koskevien säännösten tarkistamiseksi on asetettu 16.3.2018.",
        [
            p(K.YEAR, "2018-01-01", "2018-12-31", "2018"),
            p(K.DATE, "2018-03-16", "2018-03-16", "16.3.2018"),
        ],
    ),
    ("4. Toteutetaan keväällä 2018.", [p(K.SEASON, "2018-03-01", "2018-05-31", "keväällä 2018")]),
    (
        "Reservipoliisia koskeva hallituksen esitysluonnos on lausuntokierroksella 14.3.-4.5.2018.",
        [p(K.RANGE, "2018-03-14", "2018-05-04", "14.3.-4.5.2018")],
    ),
    ("Reservien käyttöönoton jälkeen jatkuvaa toimintaa.", [CONTINUOUS]),
    (
        "1. Työ käynnistyy vuoden 2018 aikana.",
        [p(K.YEAR, "2018-01-01", "2018-12-31", "vuoden 2018 aikana")],
    ),
    (
        "(JTS) valmistelun yhteydessä. Kevät 2018 eteenpäin.",
        [p(K.FROM, "2018-03-01", None, "Kevät 2018 eteenpäin")],
    ),
    (
        "3. Työ käynnistynyt. Yhteinen toimintamalli valmistuu 2018.",
        [p(K.YEAR, "2018-01-01", "2018-12-31", "2018")],
    ),
    (
        "4. Työ käynnistynyt. Esitys keväällä 2018.",
        [p(K.SEASON, "2018-03-01", "2018-05-31", "keväällä 2018")],
    ),
    (
        "Työ käynnistynyt. Toimeenpannaan osana viranomaisten toiminnan ja talouden suunnittelua "
        "vuosina 2018 - 2020.",
        [p(K.RANGE, "2018-01-01", "2020-12-31", "vuosina 2018 - 2020")],
    ),
    (
        "1. Rajavalvonnan kohdentaminen käynnissä. "
        "Viimeiset siirrot ja kohdentamiset 9/2018 mennessä.",
        [p(K.MONTH, None, "2018-09-30", "9/2018 mennessä")],
    ),
    (
        "Varautumissuunnitelmia koskeva työ on käynnistynyt. Toteutetaan vuoden 2018 aikana.",
        [p(K.YEAR, "2018-01-01", "2018-12-31", "vuoden 2018 aikana")],
    ),
    ("b) Toteutetaan osana toiminnan ja talouden suunnittelua. Jatkuvaa toimintaa.", [CONTINUOUS]),
    (
        "1. Kehittämisohjelma päättyy\n2020 loppuun\nmennessä",
        [p(K.YEAR, None, "2020-12-31", "2020 loppuun\nmennessä")],
    ),
    (
        "2. Kansallinen\nriskiarvio\nvalmistuu\n2018 loppuun\nmennessä.",
        [p(K.YEAR, None, "2018-12-31", "2018 loppuun\nmennessä")],
    ),
    (
        "3. Hanke\npäättyy 2018\nlopussa.\nTyöryhmien\n"
        "työtä voidaan\nhyödyntää\njatkokehittämisessä.",
        [p(K.YEAR, None, "2018-12-31", "2018\nlopussa")],
    ),
    (
        "4. Sote-valmiussuunnitteluohjeistushanke käynnistyi maaliskuussa 2018.",
        [p(K.MONTH, "2018-03-01", "2018-03-31", "maaliskuussa 2018")],
    ),
    ("Käyttöön vuonna 2018.", [p(K.YEAR, "2018-01-01", "2018-12-31", "vuonna 2018")]),
    (
        "Itsearviointi tehty ja raportti valmistuu 1-2/2018.",
        [p(K.RANGE, "2018-01-01", "2018-02-28", "1-2/2018")],
    ),
    ("Toteutetaan hallinnonalakohtaisten suunnitelmien perusteella.", NOTHING),
    ("Työ käynnissä ja jatkuvaa.", [CONTINUOUS]),
    (
        "Tutkimus turvallisuuden tunteen kehittymisestä toteutetaan syksyllä 2018.",
        [p(K.SEASON, "2018-09-01", "2018-11-30", "syksyllä 2018")],
    ),
    (
        "Sovitetaan yhteen siviilitiedustelun lainsäädäntöhankkeiden toimeenpanoaikataulun kanssa.",
        NOTHING,
    ),
    (
        "1. . Työryhmän perustaminen on käynnissä ja työ jatkuu 31.12.2018 saakka, "
        "jonka jälkeen alkaa toimeenpanovaihe.",
        [p(K.DATE, None, "2018-12-31", "31.12.2018 saakka")],
    ),
    (
        "2. Jatkuvaa toimintaa. Lisäksi joulukuuhun 2019 kestävät neuvottelut lisäpöytäkirjan "
        "laatimiseksi rajat ylittävän tiedonsaannin tehostamiseksi.",
        [CONTINUOUS, p(K.MONTH, None, "2019-12-31", "joulukuuhun 2019")],
    ),
    (
        "1. Tutkimushankkeen aikataulu on 2/2018 - 1/2019.",
        [p(K.RANGE, "2018-02-01", "2019-01-31", "2/2018 - 1/2019")],
    ),
    (
        "2. Työryhmätyön aikataulu on 3/2018 - 10/2018.",
        [p(K.RANGE, "2018-03-01", "2018-10-31", "3/2018 - 10/2018")],
    ),
    (
        "3. Materiaalisivusto julkaistaan 3/2018.",
        [p(K.MONTH, "2018-03-01", "2018-03-31", "3/2018")],
    ),
    ("Toimintamalli ja materiaali viimeistellään tutkimushankkeen tulosten perusteella.", NOTHING),
    (
        "1. Valmistuu 2018. Tiedonvaihto ja toimintamallin käynnistyminen "
        "aikaisintaan vuoden 2018 aikana.",
        [
            p(K.YEAR, "2018-01-01", "2018-12-31", "2018"),
            p(K.FROM, "2018-01-01", None, "aikaisintaan vuoden 2018 aikana"),
        ],
    ),
    (
        "Kouluterveyskysely toteutetaan joka toinen vuosi, seuraavan kerran 2019.",
        [p(K.YEAR, "2019-01-01", "2019-12-31", "2019")],
    ),
    (
        "Lapset, nuoret ja väkivalta-osio toteutetaan kevään 2019 kouluterveyskyselyn yhteydessä.",
        [p(K.SEASON, "2019-03-01", "2019-05-31", "kevään 2019")],
    ),
    (
        "Kouluterveyskyselyn tulokset ovat saatavilla syksyllä 2019.",
        [p(K.SEASON, "2019-09-01", "2019-11-30", "syksyllä 2019")],
    ),
    (
        "Ohjelma valmisteltu yhteistyössä toimenpiteiden vastuutahojen ja muiden "
        "sidosryhmien kanssa syksyn 2017 aikana.",
        [p(K.SEASON, "2017-09-01", "2017-11-30", "syksyn 2017 aikana")],
    ),
    (
        "Käsitelty sisäisen turvallisuuden ja oikeudenhoidon ministeriryhmässä 15.12.2017.",
        [p(K.DATE, "2017-12-15", "2017-12-15", "15.12.2017")],
    ),
    ("Toimeenpano 2018-2020.", [p(K.RANGE, "2018-01-01", "2020-12-31", "2018-2020")]),
    (
        "1. Seminaari järjestetään 19.11.2018.",
        [p(K.DATE, "2018-11-19", "2018-11-19", "19.11.2018")],
    ),
    (
        "Palveluväylän ja turvallisuussuunnittelun linjausten osalta jatkuvaa toimintaa.",
        [CONTINUOUS],
    ),
    (
        "2. Toteutetaan työpaja valtakunnallisessa turvallisuusseminaarissa 1/2018. Työpajassa "
        "kerättyä tietoa hyödynnetään väestösuhteiden tilan seurannassa 2018–2020.",
        [
            p(K.MONTH, "2018-01-01", "2018-01-31", "1/2018"),
            p(K.RANGE, "2018-01-01", "2020-12-31", "2018–2020"),
        ],
    ),
    (
        "TRUST-hanke toteutetaan 1/2018 - 12/2018.",
        [p(K.RANGE, "2018-01-01", "2018-12-31", "1/2018 - 12/2018")],
    ),
    (
        "Maahanmuuttajien hyvinvointiin liittyvä kysely toteutetaan 1/2018 - 12/2019.",
        [p(K.RANGE, "2018-01-01", "2019-12-31", "1/2018 - 12/2019")],
    ),
    (
        "3. SOKRA-koordinaatio toteutetaan 10/2017-09/2020",
        [p(K.RANGE, "2017-10-01", "2020-09-30", "10/2017-09/2020")],
    ),
    (
        "Tiedonkeruu heikoimmassa asemassa olevien työikäisten osallisuudesta ja "
        "hyvinvoinnista 2017. Analyysi 2018",
        [
            p(K.YEAR, "2017-01-01", "2017-12-31", "2017"),
            p(K.YEAR, "2018-01-01", "2018-12-31", "2018"),
        ],
    ),
    ("Valmistelu syksyllä 2019.", [p(K.SEASON, "2019-09-01", "2019-11-30", "syksyllä 2019")]),
    (
        "SPEK on keväästä 2017\nalkaen\nkouluttanut 72\ntuntia -\nvarautumiskouluttajia.",
        [p(K.FROM, "2017-03-01", None, "keväästä 2017\nalkaen")],
    ),
    (
        "Osana ohjelmaa käynnistetään oppimisyhteisöjen turvallisuuskulttuuria kehittävä hanke "
        "(3 M€). Hanke toteutetaan vuosina 2018 - 2021.",
        [p(K.RANGE, "2018-01-01", "2021-12-31", "vuosina 2018 - 2021")],
    ),
    (
        "1. Opetushallitus tukee uusien opetussuunnitelmien käyttöönottoa vuosina 2017 - 2019 "
        "koulutuksin ja mahdollisin tukimateriaalien avulla.",
        [p(K.RANGE, "2017-01-01", "2019-12-31", "vuosina 2017 - 2019")],
    ),
    (
        "2. Ohjelma toteutetaan vuosina 2016–2018.",
        [p(K.RANGE, "2016-01-01", "2018-12-31", "vuosina 2016–2018")],
    ),
    (
        "Toteutetaan vuodesta 2018 eteenpäin.",
        [p(K.FROM, "2018-01-01", None, "vuodesta 2018 eteenpäin")],
    ),
    (
        "SM on komentanut kaksi henkilöä (yhteensä 1 htv) HybridCoE:n valmistelemaan selvitystä "
        "hybridiuhkien ja sisäisen turvallisuuden suhteesta.",
        NOTHING,
    ),
    (
        "Valmistelu käynnistyy keväällä 2018. Ohjelma valmis 12/2018 mennessä.",
        [
            p(K.SEASON, "2018-03-01", "2018-05-31", "keväällä 2018"),
            p(K.MONTH, None, "2018-12-31", "12/2018 mennessä"),
        ],
    ),
    ("Toimeenpano 2019-", [p(K.FROM, "2019-01-01", None, "2019-")]),
    (
        "Alkaen vuoden 2019 tulossuunnittelusta.",
        [p(K.FROM, "2019-01-01", None, "Alkaen vuoden 2019")],
    ),
    ("Täsmennetään menettelytapana osana turvallisuuden innovaatio-ohjelmaa.", NOTHING),
    (
        "Ensimmäiset poikkihallinnolliset teemat syksyllä 2018.",
        [p(K.SEASON, "2018-09-01", "2018-11-30", "syksyllä 2018")],
    ),
    (
        "Alkaen vuoden 2020 tulossuunnittelusta.",
        [p(K.FROM, "2020-01-01", None, "Alkaen vuoden 2020")],
    ),
    ("Käynnistyy vuonna 2018.", [p(K.YEAR, "2018-01-01", "2018-12-31", "vuonna 2018")]),
    (
        "Sisäministeriö on asettanut ohjausryhmän työvaliokunnan 3/2018.",
        [p(K.MONTH, "2018-03-01", "2018-03-31", "3/2018")],
    ),
    (
        "Ensimmäiset turvallisuussuunnittelun linjaukset valmistellaan kevätkaudella 2018, jonka "
        "jälkeen jatkuvaa toimintaa.",
        [p(K.SEASON, "2018-01-01", "2018-05-31", "kevätkaudella 2018"), CONTINUOUS],
    ),
    ("Syksy 2018.", [p(K.SEASON, "2018-09-01", "2018-11-30", "Syksy 2018")]),
    (
        "Valmistelutyöpajat toteutettu syksyn 2017 aikana.",
        [p(K.SEASON, "2017-09-01", "2017-11-30", "syksyn 2017 aikana")],
    ),
    ("Hankinta käynnistynyt 2/2018.", [p(K.MONTH, "2018-02-01", "2018-02-28", "2/2018")]),
    (
        "Ensimmäinen tuotantoversio käytössä keväällä 2018. Tämän jälkeen jatkuvaa toimintaa.",
        [p(K.SEASON, "2018-03-01", "2018-05-31", "keväällä 2018"), CONTINUOUS],
    ),
]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [pytest.param(cell, expected, id=cell[:60]) for cell, expected in KNOWN_CELLS],
)
def test_known_cells_of_the_programme(cell: str, expected: list[Period]) -> None:
    assert cell in PROGRAMME, "the table quotes the file verbatim"
    assert parse_schedule(cell) == expected


@pytest.mark.parametrize(
    "line", [pytest.param(line, id=f"line{n}") for n, line in enumerate(PROGRAMME.splitlines(), 1)]
)
def test_every_line_of_the_programme(line: str) -> None:
    check_invariants(line, parse_schedule(line))


# Year-looking numbers in the file that are deliberately no schedule.
NOT_SCHEDULES = ("(2014)", "(2008)", "(2011)", "julkaisu 16/2017")


def test_every_year_in_the_programme_is_read() -> None:
    for line in PROGRAMME.splitlines():
        phrases = " | ".join(period.phrase for period in parse_schedule(line))
        for year in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", line):
            context = line[max(0, year.start() - 16) : year.end() + 1]
            if any(skip in context for skip in NOT_SCHEDULES):
                continue
            assert year.group() in phrases, f"{context!r} not read in {line[-120:]!r}"


def test_the_whole_programme_at_once() -> None:
    periods = parse_schedule(PROGRAMME)
    check_invariants(PROGRAMME, periods)
    assert {period.kind for period in periods} == set(K) - {K.NONE}
    dated = [period.due for period in periods if period.due is not None]
    assert min(dated) == date(2011, 12, 31)  # "valmistui vuonna 2011", in a measure's text
    assert max(dated) == date(2022, 12, 31)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("2018 " * 20_000, id="100kB-of-years"),
        pytest.param("a" * 100_000, id="100kB-one-word"),
        pytest.param(" " * 100_000, id="100kB-spaces"),
        pytest.param("1" * 100_000, id="100kB-digits"),
        pytest.param("1.1." * 25_000, id="100kB-measure-numbers"),
        pytest.param("1/" * 50_000, id="100kB-slashes"),
        pytest.param("-" * 100_000, id="100kB-dashes"),
        pytest.param("vuoden " * 14_000 + "2018", id="100kB-year-words"),
        pytest.param("16/2017 " * 12_500, id="100kB-document-numbers"),
        pytest.param("2018" + " " * 100_000 + "euroa", id="100kB-gap-before-unit"),
        pytest.param("\x00\u200b\ud800" * 30_000, id="100kB-control-and-surrogates"),
    ],
)
def test_huge_and_hostile_inputs_parse_without_error(text: str) -> None:
    # Catastrophic backtracking would show here as a test that never ends; speed is measured
    # in bench/bench_schedule.py.
    check_invariants(text, parse_schedule(text))


# --- properties ----------------------------------------------------------------

DATES_1990_2100 = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
MONTHS_1990_2100 = st.tuples(st.integers(1990, 2100), st.integers(1, 12))
# Words of the programme that carry no date and do not change a neighbouring one. Not "2.7."
# with its dot: "2.7. - 1.1.2019" reads as a range, like "14.3. - 4.5.2018".
FILLER = st.sampled_from(
    [
        "Toteutetaan", "osana", "hanketta", "valmistuu", "työ", "on", "käynnissä", "ja", "sekä",
        "SM", "PO,", "RVL", "Muut", "vastuutahot:", "1.", "2.", "-", "·", "(", ")", ",", ".",
        "toimenpide", "2.7", "3.1", "72", "tuntia", "2", "htv", "HybridCOE:n", "Jäsenvaltiot",
        "ohjelma\n", "–", "tiedustelu-", "SM/PEOn",
    ]
)  # fmt: skip
# Pieces of schedule prose, to be glued together in any order.
PIECES = st.sampled_from(
    [
        "2018", "2019", "1989", "2100", "12/2018", "1/", "/2019", "31.", "12.", "2.", "31.2.2018",
        "14.3.", "-", "–", " - ", "—", "mennessä", "saakka", "alkaen", "eteenpäin", "lopulla",
        "loppuun", "vuoden", "vuodesta", "vuoteen", "vuosina", "syksyllä", "kevääseen", "talvi",
        "joulukuuhun", "tammi", "kuussa", "jatkuvaa", "(", ")", "HE", "Q1", "luvulla", " ", "\n",
        ".", ",", "viimeistään", "aikaisintaan", "v.", "euroa", "december", "hösten", "03", "-31",
    ]
)  # fmt: skip


@given(st.text(max_size=2_000))
def test_any_text_gives_periods(text: str) -> None:
    check_invariants(text, parse_schedule(text))


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_any_schedule_like_text_gives_consistent_periods(text: str) -> None:
    check_invariants(text, parse_schedule(text))


@given(DATES_1990_2100)
def test_every_day_parses_as_date(day: date) -> None:
    text = f"{day.day}.{day.month}.{day.year}"
    assert parse_schedule(text) == [Period(K.DATE, day, day, text)]


@given(MONTHS_1990_2100, st.booleans())
def test_every_month_parses_as_month(year_month: tuple[int, int], padded: bool) -> None:
    year, month = year_month
    text = f"{month:02d}/{year}" if padded else f"{month}/{year}"
    [period] = parse_schedule(text)
    assert period.kind is K.MONTH
    assert period.phrase == text
    assert period.start == date(year, month, 1)
    assert period.due == date(year, month, 1) + relativedelta(months=1, days=-1)
    assert period.start <= period.due


@given(MONTHS_1990_2100, MONTHS_1990_2100, st.sampled_from(["-", " - ", "–", " – ", "—"]))
def test_two_ordered_months_make_a_range(
    one: tuple[int, int], other: tuple[int, int], dash: str
) -> None:
    (first_year, first_month), (last_year, last_month) = sorted([one, other])
    text = f"{first_month}/{first_year}{dash}{last_month}/{last_year}"
    start = date(first_year, first_month, 1)
    due = date(last_year, last_month, 1) + relativedelta(day=31)
    assert parse_schedule(text) == [Period(K.RANGE, start, due, text)]


@given(st.lists(FILLER, max_size=12), DATES_1990_2100, st.lists(FILLER, max_size=12))
def test_a_date_is_found_among_words(before: list[str], day: date, after: list[str]) -> None:
    phrase = f"{day.day}.{day.month}.{day.year}"
    text = " ".join([*before, phrase, *after])
    assert parse_schedule(text) == [Period(K.DATE, day, day, phrase)]
    assert parse_period(text) == Period(K.DATE, day, day, phrase)
