"""What an import changes, read from two snapshots of a programme, and when it is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from data.import_changes import (
    Changes,
    CurrentProgramme,
    MeasureState,
    MilestoneState,
    ProgrammeState,
    compare,
    refusal,
)

IMPORTED = datetime(2018, 12, 17, 10, 0, tzinfo=UTC)
CURRENT = CurrentProgramme("ohjelma", "Ohjelma")


def measure(number: str, **changes: object) -> MeasureState:
    base = MeasureState(number, f"Tehdään {number}.", False, ("SM ohjaa.",), ("SM",), ("OM",))
    return replace(base, **changes)  # type: ignore[arg-type]


def milestone(id_: int, number: str, due: date | None, **changes: object) -> MilestoneState:
    base = MilestoneState(id_, number, f"{due:%m/%Y}." if due else "Jatkuvaa.", None, due, False)
    return replace(base, **changes)  # type: ignore[arg-type]


def programme(
    measures: list[MeasureState], milestones: list[MilestoneState], **changes: object
) -> ProgrammeState:
    base = ProgrammeState(
        "ohjelma",
        "Ohjelma",
        "Johdanto.",
        "sha-1",
        1,
        IMPORTED,
        {m.number: m for m in measures},
        {m.id: m for m in milestones},
    )
    return replace(base, **changes)  # type: ignore[arg-type]


BEFORE = programme(
    [measure("1.1"), measure("1.2"), measure("2.1")],
    [
        milestone(1, "1.1", date(2018, 12, 31)),
        milestone(2, "1.2", date(2019, 3, 31)),
        milestone(3, "2.1", None),
    ],
)
ORGANISATIONS = {"SM": ("ministry", "Sisäministeriö"), "OM": ("ministry", "Oikeusministeriö")}


def changes_to(
    after: ProgrammeState,
    *,
    before: ProgrammeState | None = BEFORE,
    current: CurrentProgramme | None = CURRENT,
    organisations: dict[str, tuple[object, ...]] = ORGANISATIONS,
    unknown: tuple[str, ...] = (),
) -> Changes:
    return compare(
        "ohjelma.txt",
        False,
        current,
        before,
        after,
        ORGANISATIONS if before else {},
        organisations,
        list(unknown),
    )


def test_the_same_document_again_is_nothing() -> None:
    changes = changes_to(replace(BEFORE, revision=2))
    assert changes.nothing
    assert changes.needs() == []
    assert changes.lines() == [
        "Nothing changed: ohjelma.txt is the programme 'Ohjelma' as imported at "
        "2018-12-17 10:00 UTC (revision 1)."
    ]


def test_another_file_with_the_same_measures_is_imported_but_changes_no_measure() -> None:
    changes = changes_to(replace(BEFORE, source_sha256="sha-2", revision=2))
    assert not changes.nothing
    assert changes.lines() == [
        "Programme 'Ohjelma', revision 1 → 2, 3 measures:",
        "  no measure changed",
    ]


def test_each_kind_of_measure_change_is_named_with_its_number_and_title() -> None:
    after = programme(
        [
            measure("1.1", title="Tehdään 1.1 paremmin."),
            measure("1.2", lead=("SM", "PEO"), others=()),
            measure("2.1", text=("SM ohjaa.", "PO toteuttaa.")),
        ],
        [
            milestone(1, "1.1", date(2019, 6, 30), text="12/2018."),  # same row, new date
            milestone(2, "1.2", date(2019, 3, 31), removed=True),
            milestone(3, "2.1", None),
            milestone(4, "1.2", date(2019, 9, 30)),
        ],
        revision=2,
        source_sha256="sha-2",
    )
    assert changes_to(after).lines() == [
        "Programme 'Ohjelma', revision 1 → 2, 3 measures:",
        "  3 measures changed:",
        "    1.1 Tehdään 1.1 paremmin.",
        "      title: 'Tehdään 1.1.' → 'Tehdään 1.1 paremmin.'",
        "      milestone moved: '12/2018.' due 31.12.2018 → due 30.6.2019",
        "    1.2 Tehdään 1.2.",
        "      owners: lead +PEO; others -OM",
        "      milestone removed: '03/2019.' (due 31.3.2019)",
        "      milestone added: '09/2019.' (due 30.9.2019)",
        "    2.1 Tehdään 2.1.",
        "      implementation text changed",
    ]


def test_removed_added_and_returning_measures_are_listed_and_removals_counted() -> None:
    before = replace(BEFORE, measures={**BEFORE.measures, "3.1": measure("3.1", removed=True)})
    after = programme(
        [
            measure("1.1"),
            measure("1.2", removed=True),
            measure("2.1", removed=True),
            measure("3.1"),
            measure("3.2"),
        ],
        [milestone(1, "1.1", date(2018, 12, 31))],
        revision=2,
        source_sha256="sha-2",
    )
    changes = changes_to(after, before=before)
    assert changes.lines() == [
        "Programme 'Ohjelma', revision 1 → 2, 3 measures:",
        "  2 of 3 measures removed:",
        "    1.2 Tehdään 1.2.",
        "    2.1 Tehdään 2.1.",
        "  1 measure added:",
        "    3.2 Tehdään 3.2.",
        "  1 measure back after being removed:",
        "    3.1 Tehdään 3.1.",
    ]
    assert changes.needs() == ["--accept-removals"]


def test_a_removal_is_refused_with_the_numbers_and_the_commands_that_go_on() -> None:
    after = replace(
        BEFORE,
        measures={**BEFORE.measures, "2.1": measure("2.1", removed=True)},
        revision=2,
        source_sha256="sha-2",
    )
    changes = changes_to(after)
    assert refusal(changes, accept_removals=False, new_programme=False) == [
        "import refused: ohjelma.txt would remove 1 of the 3 measures of 'Ohjelma', and the "
        "next reminder tick would cancel their reminders:",
        "  2.1",
        "  Is the file complete? Every change, with titles:",
        "    seuranta import ohjelma.txt --dry-run",
        "  If these measures really were dropped from the programme:",
        "    seuranta import ohjelma.txt --accept-removals",
    ]
    assert refusal(changes, accept_removals=True, new_programme=False) == []


def test_a_document_that_becomes_another_programme_is_refused_unless_meant() -> None:
    other = replace(BEFORE, slug="uusi-ohjelma", title="Uusi ohjelma", revision=1)
    changes = changes_to(other, before=None)
    assert changes.replaces_current
    assert changes.needs() == ["--new-programme"]
    reasons = refusal(changes, accept_removals=True, new_programme=False)
    assert reasons[:3] == [
        "import refused: ohjelma.txt would become a different programme than the current one.",
        "  title in ohjelma.txt: 'Uusi ohjelma'",
        "  current programme: 'Ohjelma'",
    ]
    assert reasons[-1] == "    seuranta import ohjelma.txt --new-programme"
    assert refusal(changes, accept_removals=False, new_programme=True) == []
    assert changes.lines()[0] == (
        "New programme 'Uusi ohjelma' (uusi-ohjelma), 3 measures, replacing 'Ohjelma' as the "
        "current one:"
    )


def test_a_first_import_needs_no_flag_and_counts_a_long_list_of_organisations() -> None:
    glossary = {f"ORG{i}": ("agency", f"Virasto {i}") for i in range(20)}
    changes = changes_to(BEFORE, before=None, current=None, organisations=glossary)
    assert changes.needs() == []
    assert changes.lines()[0] == "New programme 'Ohjelma' (ohjelma), 3 measures:"
    assert changes.lines()[-1] == "  organisations added from the glossary: 20"


def test_organisations_the_import_adds_or_updates_are_named() -> None:
    organisations = {
        "SM": ("ministry", "Sisäministeriö (SM)"),
        "OM": ORGANISATIONS["OM"],
        "ZYXQ": ("other", "ZYXQ"),
    }
    after = replace(BEFORE, revision=2)
    changes = changes_to(after, organisations=organisations, unknown=("ZYXQ",))
    assert not changes.nothing
    assert changes.lines()[-2:] == [
        "  organisations updated from the glossary: SM",
        "  owners not in the glossary, added as uncertain: ZYXQ",
    ]
