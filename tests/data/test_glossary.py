"""The organisation glossary: the real file covers the source's owners; bad data is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from data.glossary import KINDS, OrganisationEntry, load_glossary
from data.importer import BUNDLED_SOURCE

# The Vastuutaho cells of every measure, top to bottom, written down by hand from the source
# (not extracted by code, so the glossary is checked against the table rather than against a
# parser). `test_every_cell_is_in_its_measure` proves each one against the file.
VASTUUTAHO: dict[str, tuple[str, ...]] = {
    "1.1": (
        "SM", "HKO", "osastot", "HÄKE", "MIGRI", "CMC Finland", "POHA", "KRP", "SUPO", "RMVK",
        "PolAMK", "Pelastusopisto", "Tulli", "muut sisäisen turvallisuuden toimijat ja sidosryhmät",
    ),
    "1.2": ("SM", "HKO", "sisäisen turvallisuuden viranomaiset"),
    "2.1": ("SM", "HKO, osastot"),
    "2.2": ("SM", "PO, RVL", "OM", "Tulli", "PLM", "STM"),
    "2.3": ("SM", "PO, RVL", "POHA"),
    "2.4": ("SM", "PO, HKO, PEO, RVL, MMO", "Tulli"),
    "2.5": ("SM", "PO, PEO, RVL", "Tulli"),
    "2.6": ("SM", "PO, PEO, RVL, MMO", "Tulli"),
    "2.7": (
        "SM", "PEO", "varautumisvelvolliset toimijat sekä näiden ohjauksesta vastaavat",
        "Turvallisuuskomitea",
    ),
    "2.8": ("SM", "osastot", "VNK", "PLM", "UM", "TPK", "Turvallisuuskomitea"),
    "2.9": ("OM", "Turvallisuuskomitea", "eri hallinnonalat"),
    "2.10": ("SM", "PEO", "turvallisuustoimijat laajasti"),
    "2.11": ("SM", "osastot", "virastot"),
    "2.12": ("SM", "viestintäyksikkö", "sisäisen turvallisuuden toimijat laajasti"),
    "2.13": ("SM", "PO", "SUPO", "turvallisuusviranomaiset"),
    "2.14": ("SM", "PO", "OM", "POHA", "KRP", "SUPO", "Tulli", "keskeiset muut sidosryhmät"),
    "3.1": (
        "OM", "RTN", "SM", "OKM", "Poliisihallitus", "VKSV", "RISE", "THL", "AVI", "järjestöt",
    ),
    "3.2": (
        "SM", "PO", "elinkeinoelämä", "TSV", "POHA", "STM", "THL", "maakunnat", "kunnat",
        "Kuntaliitto",
    ),
    "3.3": (
        "STM", "THL (kouluterveyskyselyn toteutus)", "OKM", "Kuntaliitto", "kunnat", "maakunnat",
    ),
    "3.4": ("SM", "HKO"),
    "3.5": (
        "YM", "OM", "ETNO", "ETNOn jäsenorganisaatiot", "alueelliset ETNOt", "THL", "kunnat",
    ),
    "4.1": (
        "SM", "PEO", "Kuntaliitto", "Huoltovarmuuskeskus",
        "muut varautumisen alueellisen ja paikallisen tason toimijat", "järjestöt", "STM", "OKM",
    ),
    "4.2": ("SM", "PEO", "SPEK (koordinaatio ja koulutus)"),
    "4.3": ("OKM", "OPH", "kunnat"),
    "4.4": ("SM", "HKO, PO, RVL", "turvallisuustutkimuksen verkoston toimijat"),
    "5.1": ("SM, TEM", "BusinessFinland", "keskeiset sisäisen turvallisuuden toimijat"),
    "5.2": ("SM",),
    "5.3": ("SM",),
    "6.1": ("Sisäisen turvallisuuden ja oikeudenhoidon ministeriryhmä",),
    "6.2": (
        "sisäisen turvallisuuden strategian ohjausryhmä", "keskeiset viranomaiset ja muut toimijat",
    ),
    "6.3": ("SM", "OM", "Tulli"),
    "6.4": ("OM", "SM/PO"),
    "6.5": ("SM", "turvallisuusviranomaiset"),
    "7.1": ("SM", "sisäisen turvallisuuden strategian ohjausryhmä", "STM", "OM/RTN", "Kuntaliitto"),
    "7.2": ("SM", "STM", "maakunnat", "kunnat", "OM/RTN", "Kuntaliitto"),
    "7.3": ("SM", "viranomaiset", "maakunnat", "kunnat", "STM", "OM/RTN"),
    "8.1": ("SM",),
    "8.2": (),  # only a "Muut vastuutahot:" cell, nobody after it
    "8.3": ("viranomaiset", "sisäisen turvallisuuden verkostoyhteistyöhön osallistuvat toimijat"),
}  # fmt: skip

_ROW_START = re.compile(r"^(\d\.\d+)\.\s")
_QUALIFIED = re.compile(r"^(?P<name>.+?) \((?P<qualifier>[^()]+)\)$")


def _source_rows() -> dict[str, list[str]]:
    """Each measure's table rows, continuation lines joined to the row they continue."""
    rows: list[tuple[str, str]] = []
    for line in BUNDLED_SOURCE.read_text(encoding="utf-8").splitlines():
        start = _ROW_START.match(line)
        if start:
            rows.append((start.group(1), line))
        elif rows:
            rows[-1] = (rows[-1][0], f"{rows[-1][1]} {line.strip()}")
    by_measure: dict[str, list[str]] = {}
    for number, row in rows:
        by_measure.setdefault(number, []).append(row)
    return by_measure


def _resolve(spelling: str, glossary: dict[str, OrganisationEntry]) -> str | None:
    """Like the importer: the key itself, a name or alias, or the body before a "(role)"."""
    if spelling in glossary:
        return spelling
    for entry in glossary.values():
        if spelling.casefold() in {name.casefold() for name in entry.all_names()}:
            return entry.key
    qualified = _QUALIFIED.match(spelling)
    return _resolve(qualified["name"], glossary) if qualified else None


@pytest.fixture(scope="module")
def glossary() -> dict[str, OrganisationEntry]:
    return load_glossary()


def test_the_real_glossary_loads(glossary: dict[str, OrganisationEntry]) -> None:
    assert len(glossary) == 66
    assert {entry.kind for entry in glossary.values()} <= KINDS
    assert glossary["SUPO"].name("sv") == "Skyddspolisen"
    assert glossary["OM"].name("en") == "Ministry of Justice"


def test_the_hand_list_covers_every_measure_in_the_source() -> None:
    assert list(VASTUUTAHO) == list(_source_rows())


@pytest.mark.parametrize("number", list(VASTUUTAHO))
def test_every_cell_is_in_its_measure(number: str) -> None:
    text = " ".join(_source_rows()[number])
    for cell in VASTUUTAHO[number]:
        assert re.search(rf"(?:^|\s){re.escape(cell)}(?:\s|$)", text), (number, cell)


def test_every_empty_implementation_row_names_a_listed_owner() -> None:
    """Rows "<measure> - - <owner> <schedule>" are a heuristic cross-check of the hand list."""
    for number, rows in _source_rows().items():
        for row in rows:
            if " - - " not in row:
                continue
            after = row.rsplit(" - - ", 1)[1]
            if after in {"", "-"}:
                continue
            cells = sorted(VASTUUTAHO[number], key=len, reverse=True)
            assert any(after == c or after.startswith(c + " ") for c in cells), (number, after)


def test_every_owner_in_the_source_is_in_the_glossary(
    glossary: dict[str, OrganisationEntry],
) -> None:
    spellings = {s.strip() for cells in VASTUUTAHO.values() for c in cells for s in c.split(",")}
    unresolved = sorted(s for s in spellings if _resolve(s, glossary) is None)
    assert unresolved == []
    # The source's second spellings of one body resolve to that body, not to an entry of their own.
    assert {s: _resolve(s, glossary) for s in ("Poliisihallitus", "SM/PO", "OM/RTN")} == {
        "Poliisihallitus": "POHA",
        "SM/PO": "PO",
        "OM/RTN": "RTN",
    }
    assert _resolve("THL (kouluterveyskyselyn toteutus)", glossary) == "THL"
    assert _resolve("SPEK (koordinaatio ja koulutus)", glossary) == "SPEK"


def test_uncertain_entries_say_why(glossary: dict[str, OrganisationEntry]) -> None:
    uncertain = {key for key, entry in glossary.items() if entry.uncertain}
    assert uncertain == {"VKSV", "TSV"}
    assert all(glossary[key].note for key in uncertain)
    # Unexpanded abbreviations keep the abbreviation as their name rather than a guess.
    assert glossary["VKSV"].name("en") == "VKSV"


@pytest.mark.parametrize(
    ("key", "parent"),
    [
        pytest.param("PO", "SM", id="department"),
        pytest.param("KRP", "POHA", id="police-unit"),
        pytest.param("RMVK", "RVL", id="border-guard-academy"),
        pytest.param("Tulli", "VM", id="other-ministry"),
        pytest.param("RTN", "OM", id="council"),
        pytest.param("OM", None, id="ministry"),
    ],
)
def test_parents(glossary: dict[str, OrganisationEntry], key: str, parent: str | None) -> None:
    assert glossary[key].parent == parent


def test_a_word_for_several_bodies_is_a_shared_alias(
    glossary: dict[str, OrganisationEntry],
) -> None:
    police = {key for key, entry in glossary.items() if "poliisi" in entry.aliases}
    assert police == {"POHA", "KRP", "PolAMK"}


def test_name_falls_back_to_finnish() -> None:
    entry = OrganisationEntry("X", "other", "suomeksi", "", "", (), False, None, None)
    assert (entry.name("sv"), entry.name("de"), entry.name("fi")) == ("suomeksi",) * 3


_GOOD = """
- key: SM
  kind: ministry
  fi: sisäministeriö
  sv: inrikesministeriet
  en: Ministry of the Interior
  aliases: [sisäasiainministeriö]
- key: PO
  kind: department
  parent: SM
  fi: poliisiosasto
  sv: polisavdelningen
  en: Police Department
  shared_aliases: [poliisi]
- key: POHA
  kind: agency
  parent: SM
  fi: Poliisihallitus
  sv: Polisstyrelsen
  en: National Police Board
  shared_aliases: [poliisi]
"""

_ENTRY = """
- key: {key}
  kind: agency
  fi: Nimi
  sv: Namn
  en: Name
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "organisations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_small_good_file_loads(tmp_path: Path) -> None:
    glossary = load_glossary(_write(tmp_path, _GOOD))
    assert list(glossary) == ["SM", "PO", "POHA"]
    assert glossary["PO"].aliases == ("poliisi",)
    assert glossary["SM"].all_names() == (
        "SM",
        "sisäministeriö",
        "inrikesministeriet",
        "Ministry of the Interior",
        "sisäasiainministeriö",
    )


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param(
            _GOOD + _ENTRY.format(key="sm"), r"'sm': key repeats 'SM'", id="duplicate-key"
        ),
        pytest.param(
            _GOOD + _ENTRY.format(key="X") + "  aliases: [Sisäasiainministeriö]\n",
            r"'X': alias 'Sisäasiainministeriö' is also an alias of 'SM'",
            id="duplicate-alias",
        ),
        pytest.param(
            _GOOD + _ENTRY.format(key="X") + "  aliases: [Poliisihallitus]\n",
            r"'X': alias 'Poliisihallitus' is a name of \['POHA'\]",
            id="alias-is-another-name",
        ),
        pytest.param(
            _GOOD + _ENTRY.format(key="X") + "  aliases: [poliisi]\n",
            r"'PO': shared alias 'poliisi' is a plain alias of 'X'",
            id="shared-alias-used-plainly",
        ),
        pytest.param(
            _GOOD + _ENTRY.format(key="X") + "  parent: VM\n",
            r"'X': unknown parent 'VM'",
            id="unknown-parent",
        ),
        pytest.param(
            _GOOD.replace("  en: Police Department\n", ""),
            r"'PO': missing or empty 'en'",
            id="missing-field",
        ),
        pytest.param(
            _GOOD + "- kind: agency\n  fi: Nimi\n",
            r"#4 \(no key\): missing or empty 'key'",
            id="missing-key",
        ),
        pytest.param(
            _GOOD + _ENTRY.format(key="X") + "  uncertain: true\n",
            r"'X': uncertain entries need a note",
            id="uncertain-without-note",
        ),
        pytest.param(
            _GOOD + _ENTRY.format(key="X") + "  alias: [typo]\n",
            r"'X': unknown field\(s\) \['alias'\]",
            id="unknown-field",
        ),
        pytest.param(
            _GOOD.replace("kind: agency", "kind: authority"),
            r"'POHA': kind 'authority' is not one of",
            id="unknown-kind",
        ),
        pytest.param(
            _GOOD.replace("  aliases: [sisäasiainministeriö]", "  parent: POHA"),
            r"'SM': parent chain loops at 'SM'",
            id="parent-loop",
        ),
        pytest.param("key: SM\n", r"expected a list of organisations", id="not-a-list"),
    ],
)
def test_bad_data_is_refused_with_the_entry_named(
    tmp_path: Path, broken: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        load_glossary(_write(tmp_path, broken))
