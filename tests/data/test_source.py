"""Reading the flattened programme table: every measure's owners, parts, actions and schedules."""

from __future__ import annotations

import pytest

from data.glossary import load_glossary
from data.importer import BUNDLED_SOURCE, known_spellings
from data.source import ParsedMeasure, ParsedProgramme, parse_programme
from seuranta.errors import SourceError

# Lead and other owners of all 39 measures, read by hand from the source's Vastuutaho column
# (top to bottom within a measure; "Muut vastuutahot:" separates lead from others).
EXPECTED_OWNERS: dict[str, tuple[list[str], list[str]]] = {
    "1.1": (
        ["SM", "HKO", "osastot"],
        [
            "HÄKE",
            "MIGRI",
            "CMC Finland",
            "POHA",
            "KRP",
            "SUPO",
            "RMVK",
            "PolAMK",
            "Pelastusopisto",
            "Tulli",
            "muut sisäisen turvallisuuden toimijat ja sidosryhmät",
        ],
    ),
    "1.2": (["SM", "HKO"], ["sisäisen turvallisuuden viranomaiset"]),
    "2.1": (["SM", "HKO", "osastot"], []),
    "2.2": (["SM", "PO", "RVL"], ["OM", "Tulli", "PLM", "STM"]),
    "2.3": (["SM", "PO", "RVL"], ["POHA"]),
    "2.4": (["SM", "PO", "HKO", "PEO", "RVL", "MMO"], ["Tulli"]),
    "2.5": (["SM", "PO", "PEO", "RVL"], ["Tulli"]),
    "2.6": (["SM", "PO", "PEO", "RVL", "MMO"], ["Tulli"]),
    "2.7": (
        ["SM", "PEO"],
        ["varautumisvelvolliset toimijat sekä näiden ohjauksesta vastaavat", "Turvallisuuskomitea"],
    ),
    "2.8": (["SM", "osastot"], ["VNK", "PLM", "UM", "TPK", "Turvallisuuskomitea"]),
    "2.9": (["OM"], ["Turvallisuuskomitea", "eri hallinnonalat"]),
    "2.10": (["SM", "PEO"], ["turvallisuustoimijat laajasti"]),
    "2.11": (["SM", "osastot", "virastot"], []),
    "2.12": (["SM", "viestintäyksikkö"], ["sisäisen turvallisuuden toimijat laajasti"]),
    "2.13": (["SM", "PO"], ["SUPO", "turvallisuusviranomaiset"]),
    "2.14": (
        ["SM", "PO", "OM"],
        ["POHA", "KRP", "SUPO", "Tulli", "keskeiset muut sidosryhmät"],
    ),
    "3.1": (
        ["OM", "RTN"],
        ["SM", "OKM", "Poliisihallitus", "VKSV", "RISE", "THL", "AVI", "järjestöt"],
    ),
    "3.2": (
        ["SM", "PO"],
        ["elinkeinoelämä", "TSV", "POHA", "STM", "THL", "maakunnat", "kunnat", "Kuntaliitto"],
    ),
    "3.3": (
        ["STM"],
        ["THL (kouluterveyskyselyn toteutus)", "OKM", "Kuntaliitto", "kunnat", "maakunnat"],
    ),
    "3.4": (["SM", "HKO"], []),
    "3.5": (
        ["YM", "OM", "ETNO"],
        ["ETNOn jäsenorganisaatiot", "alueelliset ETNOt", "THL", "kunnat"],
    ),
    "4.1": (
        ["SM", "PEO"],
        [
            "Kuntaliitto",
            "Huoltovarmuuskeskus",
            "muut varautumisen alueellisen ja paikallisen tason toimijat",
            "järjestöt",
            "STM",
            "OKM",
        ],
    ),
    "4.2": (["SM", "PEO"], ["SPEK (koordinaatio ja koulutus)"]),
    "4.3": (["OKM"], ["OPH", "kunnat"]),
    "4.4": (["SM", "HKO", "PO", "RVL"], ["turvallisuustutkimuksen verkoston toimijat"]),
    "5.1": (["SM", "TEM"], ["BusinessFinland", "keskeiset sisäisen turvallisuuden toimijat"]),
    "5.2": (["SM"], []),
    "5.3": (["SM"], []),
    "6.1": (["Sisäisen turvallisuuden ja oikeudenhoidon ministeriryhmä"], []),
    "6.2": (
        [],
        [
            "sisäisen turvallisuuden strategian ohjausryhmä",
            "keskeiset viranomaiset ja muut toimijat",
        ],
    ),
    "6.3": (["SM"], ["OM", "Tulli"]),
    "6.4": (["OM"], ["SM/PO"]),
    "6.5": (["SM"], ["turvallisuusviranomaiset"]),
    "7.1": (
        ["SM"],
        ["sisäisen turvallisuuden strategian ohjausryhmä", "STM", "OM/RTN", "Kuntaliitto"],
    ),
    "7.2": (["SM"], ["STM", "maakunnat", "kunnat", "OM/RTN", "Kuntaliitto"]),
    "7.3": (["SM"], ["viranomaiset", "maakunnat", "kunnat", "STM", "OM/RTN"]),
    "8.1": (["SM"], []),
    "8.2": ([], []),
    "8.3": (
        ["viranomaiset", "sisäisen turvallisuuden verkostoyhteistyöhön osallistuvat toimijat"],
        [],
    ),
}


@pytest.fixture(scope="module")
def programme() -> ParsedProgramme:
    text = BUNDLED_SOURCE.read_text(encoding="utf-8")
    return parse_programme(text, known_spellings(load_glossary()))


@pytest.fixture(scope="module")
def by_number(programme: ParsedProgramme) -> dict[str, ParsedMeasure]:
    return {m.number: m for m in programme.measures}


def test_the_real_programme_has_39_measures_in_natural_order(programme: ParsedProgramme) -> None:
    numbers = [m.number for m in programme.measures]
    assert numbers == list(EXPECTED_OWNERS)
    assert programme.title == "Sisäisen turvallisuuden strategian toimenpideohjelma"
    assert "39 toimenpidettä" in programme.description


@pytest.mark.parametrize(
    "first_line",
    [
        pytest.param("Ohjelman pohjalta on valmisteltu toimenpiteet.", id="a-sentence"),
        pytest.param(("Sisäisen turvallisuuden strategian " * 8).strip(), id="a-paragraph"),
    ],
)
def test_a_document_whose_first_line_is_a_paragraph_has_no_title(first_line: str) -> None:
    text = f"Skip to Content\n\n{first_line}\n\nToinen kappale.\n\n1.1. Tehdään asia. SM 12/2018.\n"
    parsed = parse_programme(text, {"SM"})
    assert parsed.title == ""
    assert parsed.description == f"{first_line}\n\nToinen kappale."


def test_the_real_programme_reads_without_warnings(programme: ParsedProgramme) -> None:
    assert [str(w) for w in programme.warnings] == []


@pytest.mark.parametrize("number", list(EXPECTED_OWNERS))
def test_every_measure_has_its_lead_and_other_owners(
    by_number: dict[str, ParsedMeasure], number: str
) -> None:
    lead, others = EXPECTED_OWNERS[number]
    assert (by_number[number].lead, by_number[number].others) == (lead, others)


def test_measures_with_parts_keep_each_part(by_number: dict[str, ParsedMeasure]) -> None:
    assert [label for label, _ in by_number["2.6"].parts] == ["a", "b"]
    assert by_number["2.6"].parts[0][1].startswith("Vahvistetaan itärajan valvontaa")
    assert by_number["2.6"].parts[0][1].endswith("Frontexin kanssa.")
    assert [label for label, _ in by_number["4.3"].parts] == ["a", "b", "c"]
    assert by_number["4.3"].parts[2][1] == (
        "Lisätään lasten ja nuorten mahdollisuuksia osallistua arjen turvallisuuteen "
        "liittyvään päätöksentekoon."
    )
    assert by_number["4.3"].title.startswith("a) Varhaiskasvatuksen")


def test_titles_end_where_the_implementation_text_begins(
    by_number: dict[str, ParsedMeasure],
) -> None:
    assert by_number["3.4"].title == "Päivitetään ikääntyneiden turvallisuusohjelma (2011)."
    assert by_number["2.9"].title == (
        "Arvioidaan valmiuslain päivitystarpeet eri hallinnonalojen näkökulmat huomioiden."
    )
    assert by_number["6.1"].title == (
        "Määritellään jatkuvan ennakointityön perusteella määräaikaiset poikkihallinnolliset "
        "sisäisen turvallisuuden tavoitteet."
    )


def test_multi_line_cells_are_kept_whole(by_number: dict[str, ParsedMeasure]) -> None:
    schedules = [text for text, _ in by_number["2.7"].schedules]
    assert "1. Kehittämisohjelma päättyy 2020 loppuun mennessä" in schedules
    assert any(text.startswith("3. Hanke päättyy 2018 lopussa. Työryhmien") for text in schedules)
    actions = [text for _, text, _ in by_number["4.2"].actions]
    assert any(text.endswith("suuresti auttamispainetta.") for text in actions)


def test_every_schedule_text_is_kept_with_its_line(by_number: dict[str, ParsedMeasure]) -> None:
    assert by_number["1.1"].schedules[0] == ("Ennakointiryhmä ja -verkosto asetettu 12/2017.", 10)
    assert [text for text, _ in by_number["5.1"].schedules] == [
        "Valmistelu käynnistyy keväällä 2018. Ohjelma valmis 12/2018 mennessä.",
        "Toimeenpano 2019-",
    ]
    # An owner-less row whose only text follows an empty implementation cell is a schedule.
    assert ("Toimeenpano 2018-2020.", 160) in by_number["3.4"].schedules


def test_rows_it_cannot_place_become_warnings_with_line_numbers() -> None:
    text = (
        "Ohjelma\n\nNro Toimenpide Toimeenpano Vastuutaho Aikataulut\n"
        "stray text before any measure\n"
        "1.1. Tehdään asia. SM 12/2018.\n"
        "1.2. Tehdään toinen. Tämä rivi ei nimeä ketään vastuulliseksi\n"
    )
    parsed = parse_programme(text, {"SM"})
    assert [str(w) for w in parsed.warnings] == [
        "line 4: text before the first measure ignored: 'stray text before any measure'",
        "line 6: 1.2: no responsible party found in the row; its text was kept as implementation",
    ]
    assert [m.number for m in parsed.measures] == ["1.1", "1.2"]


def test_a_measure_interrupted_by_another_is_merged_with_a_warning() -> None:
    text = "1.1. A. SM 2018.\n1.2. B. OM 2019.\n1.1. A. - - PO -\n"
    parsed = parse_programme(text, {"SM", "OM", "PO"})
    assert parsed.measures[0].lead == ["SM", "PO"]
    assert [str(w) for w in parsed.warnings] == [
        "line 3: 1.1 continues after other measures; rows merged"
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("Dear colleagues,\nplease find the minutes attached.\n", id="prose"),
        pytest.param("id,name\n1,foo\n", id="csv"),
    ],
)
def test_a_document_that_is_not_a_programme_is_refused(text: str) -> None:
    with pytest.raises(SourceError, match="no numbered measures found"):
        parse_programme(text, set())
