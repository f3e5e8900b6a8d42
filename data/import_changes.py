"""What an import changes, and whether it may go ahead without being told so.

The importer writes the new document into an open transaction, reads the programme back and
compares the two snapshots here. A dry run and a refusal therefore describe exactly what the
real import does, without a second copy of its matching rules. Everything here is pure.
"""

from __future__ import annotations

import shlex
import textwrap
from dataclasses import dataclass, field
from datetime import date, datetime

from data.source import measure_sort_key

_TITLE_WIDTH = 70


@dataclass(frozen=True, slots=True)
class MilestoneState:
    id: int
    measure: str
    text: str
    start: date | None
    due: date | None
    removed: bool


@dataclass(frozen=True, slots=True)
class MeasureState:
    number: str
    title: str
    removed: bool
    # Parts and implementation texts in source order: what "the measure's text" is.
    text: tuple[str, ...]
    lead: tuple[str, ...]
    others: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProgrammeState:
    """One programme as stored: what an import may change, keyed as the importer matches it."""

    slug: str
    title: str
    description: str
    source_sha256: str
    revision: int
    imported_at: datetime | None
    measures: dict[str, MeasureState]
    milestones: dict[int, MilestoneState]

    @property
    def live_measures(self) -> int:
        return sum(not m.removed for m in self.measures.values())


@dataclass(frozen=True, slots=True)
class CurrentProgramme:
    """The programme answers and reminders use before the import (the newest imported)."""

    slug: str
    title: str


@dataclass(frozen=True, slots=True)
class MilestoneChange:
    what: str  # "added", "moved", "removed", "restored"
    text: str
    due: date | None
    old_due: date | None = None

    def line(self) -> str:
        if self.what == "moved":
            return f"milestone moved: {self.text!r} {_due(self.old_due)} → {_due(self.due)}"
        return f"milestone {self.what}: {self.text!r} ({_due(self.due)})"


@dataclass(slots=True)
class MeasureChange:
    number: str
    title: str
    old_title: str | None = None
    text_changed: bool = False
    owners: str | None = None
    milestones: list[MilestoneChange] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = []
        if self.old_title is not None:
            lines.append(f"title: {_short(self.old_title)!r} → {_short(self.title)!r}")
        if self.text_changed:
            lines.append("implementation text changed")
        if self.owners is not None:
            lines.append(f"owners: {self.owners}")
        lines.extend(change.line() for change in self.milestones)
        return lines


@dataclass(slots=True)
class Changes:
    """An import's effect on the database, as a coordinator would want to check it."""

    file: str
    title: str
    untitled: bool  # the document has no title line: the programme is named after the file
    current: CurrentProgramme | None
    before: ProgrammeState | None  # the programme the document goes to, as it was
    after: ProgrammeState
    added: list[MeasureState] = field(default_factory=list)
    restored: list[MeasureState] = field(default_factory=list)
    removed: list[MeasureState] = field(default_factory=list)
    changed: list[MeasureChange] = field(default_factory=list)
    description_changed: bool = False
    organisations_added: list[str] = field(default_factory=list)  # from the glossary
    organisations_updated: list[str] = field(default_factory=list)
    # Owners the glossary does not know: added as written, marked uncertain.
    unknown_owners: list[str] = field(default_factory=list)

    @property
    def replaces_current(self) -> bool:
        """The document becomes a different programme than the current one."""
        return self.current is not None and self.current.slug != self.after.slug

    @property
    def nothing(self) -> bool:
        """The same document again, and nothing it would write differs from what is stored."""
        return (
            self.before is not None
            and not self.replaces_current
            and self.before.source_sha256 == self.after.source_sha256
            and self.before.title == self.after.title
            and not self.description_changed
            and not (self.added or self.restored or self.removed or self.changed)
            and not (self.organisations_added or self.organisations_updated)
            and not self.unknown_owners
        )

    def needs(self) -> list[str]:
        """The flags that let this import through deliberately."""
        flags = ["--new-programme"] if self.replaces_current else []
        return flags + (["--accept-removals"] if self.removed else [])

    def lines(self) -> list[str]:
        """What the import does, one item a line, measures by number with their titles."""
        if self.nothing:
            assert self.before is not None
            when = (
                f" at {self.before.imported_at:%Y-%m-%d %H:%M} UTC"
                if self.before.imported_at
                else ""
            )
            return [
                f"Nothing changed: {self.file} is the programme {self.title!r} "
                f"as imported{when} (revision {self.before.revision})."
            ]
        lines = [self._target_line()]
        if self.untitled:
            lines.append(
                f"  {self.file} has no title line before the table; "
                f"the programme is named after the file"
            )
        if self.before is not None and self.before.title != self.after.title:
            lines.append(f"  title: {self.before.title!r} → {self.after.title!r}")
        if self.description_changed:
            lines.append("  introduction text changed")
        of = f"{len(self.removed)} of {self.before.live_measures}" if self.before else ""
        lines += _measure_list(f"  {of} measures removed:", self.removed)
        lines += _measure_list(f"  {_count(len(self.added), 'measure')} added:", self.added)
        lines += _measure_list(
            f"  {_count(len(self.restored), 'measure')} back after being removed:", self.restored
        )
        if self.changed:
            lines.append(f"  {_count(len(self.changed), 'measure')} changed:")
            for change in self.changed:
                lines.append(f"    {change.number} {_short(change.title)}")
                lines.extend(f"      {line}" for line in change.lines())
        if self.before is not None and not (
            self.added or self.restored or self.removed or self.changed
        ):
            lines.append("  no measure changed")
        lines += _names("organisations added from the glossary", self.organisations_added)
        lines += _names("organisations updated from the glossary", self.organisations_updated)
        lines += _names("owners not in the glossary, added as uncertain", self.unknown_owners)
        return lines

    def _target_line(self) -> str:
        measures = _count(self.after.live_measures, "measure")
        if self.before is not None and not self.replaces_current:
            return (
                f"Programme {self.title!r}, revision {self.before.revision} → "
                f"{self.after.revision}, {measures}:"
            )
        if self.current is None:
            return f"New programme {self.title!r} ({self.after.slug}), {measures}:"
        made = "New programme" if self.before is None else "Earlier programme"
        return (
            f"{made} {self.title!r} ({self.after.slug}), {measures}, "
            f"replacing {self.current.title!r} as the current one:"
        )


def compare(
    file: str,
    untitled: bool,
    current: CurrentProgramme | None,
    before: ProgrammeState | None,
    after: ProgrammeState,
    organisations_before: dict[str, tuple[object, ...]],
    organisations_after: dict[str, tuple[object, ...]],
    unknown_owners: list[str],
) -> Changes:
    changes = Changes(file, after.title, untitled, current, before, after)
    old_measures = before.measures if before else {}
    old_milestones = before.milestones if before else {}
    if before is not None:
        changes.description_changed = before.description != after.description
    milestone_changes = _milestone_changes(old_milestones, after.milestones)
    for number in sorted(after.measures, key=measure_sort_key):
        new = after.measures[number]
        old = old_measures.get(number)
        if old is None or old.removed:
            if not new.removed:
                (changes.added if old is None else changes.restored).append(new)
        elif new.removed:
            changes.removed.append(new)
        else:
            change = _measure_change(old, new, milestone_changes.get(number, []))
            if change is not None:
                changes.changed.append(change)
    changes.unknown_owners = list(unknown_owners)
    for key, row in organisations_after.items():
        if key not in organisations_before:
            if key not in unknown_owners:
                changes.organisations_added.append(key)
        elif organisations_before[key] != row:
            changes.organisations_updated.append(key)
    return changes


def refusal(changes: Changes, *, accept_removals: bool, new_programme: bool) -> list[str]:
    """Why the import must not go ahead unless told so; empty when it may.

    Two mistakes look like ordinary imports: a document cut short (its missing measures would
    be marked removed and their reminders cancelled) and one without its title line or with
    another title (it would become a new current programme, and every question about the
    old one would find nothing).
    """
    reasons: list[str] = []
    file = changes.file
    needs = changes.needs()
    if "--new-programme" in needs and not new_programme:
        assert changes.current is not None
        found = (
            f"none (no title line before the table; it would be named {changes.title!r})"
            if changes.untitled
            else repr(changes.title)
        )
        reasons += [
            f"import refused: {file} would become a different programme than the current one.",
            f"  title in {file}: {found}",
            f"  current programme: {changes.current.title!r}",
            *_indented(
                "A new version of the current programme must keep its title line (the first "
                "line before the table) word for word."
            ),
            *_indented(
                "To make this document the current programme instead (the old one and its "
                "status history stay in the database):"
            ),
            _command(file, "--new-programme"),
        ]
    if "--accept-removals" in needs and not accept_removals:
        assert changes.before is not None
        reasons += [
            f"import refused: {file} would remove {len(changes.removed)} of the "
            f"{changes.before.live_measures} measures of {changes.before.title!r}, and the "
            "next reminder tick would cancel their reminders:",
            *_indented(", ".join(m.number for m in changes.removed)),
            "  Is the file complete? Every change, with titles:",
            _command(file, "--dry-run"),
            "  If these measures really were dropped from the programme:",
            _command(file, "--accept-removals"),
        ]
    return reasons


def _indented(text: str) -> list[str]:
    return textwrap.wrap(
        text, 98, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )


def _command(file: str, flag: str) -> str:
    return f"    seuranta import {shlex.quote(file)} {flag}"


def _milestone_changes(
    before: dict[int, MilestoneState], after: dict[int, MilestoneState]
) -> dict[str, list[MilestoneChange]]:
    """Per measure number; rows are matched by id because the importer keeps ids."""
    by_measure: dict[str, list[MilestoneChange]] = {}
    for milestone_id, new in sorted(after.items()):  # older rows first: removed before added
        old = before.get(milestone_id)
        change: MilestoneChange | None = None
        if old is None:
            if not new.removed:
                change = MilestoneChange("added", new.text, new.due)
        elif new.removed and not old.removed:
            change = MilestoneChange("removed", old.text, old.due)
        elif old.removed and not new.removed:
            change = MilestoneChange("restored", new.text, new.due)
        elif not new.removed and (old.start, old.due) != (new.start, new.due):
            change = MilestoneChange("moved", new.text, new.due, old.due)
        if change is not None:
            by_measure.setdefault(new.measure, []).append(change)
    return by_measure


def _measure_change(
    old: MeasureState, new: MeasureState, milestones: list[MilestoneChange]
) -> MeasureChange | None:
    change = MeasureChange(new.number, new.title, milestones=milestones)
    if old.title != new.title:
        change.old_title = old.title
    change.text_changed = old.text != new.text
    if (old.lead, old.others) != (new.lead, new.others):
        change.owners = _owner_changes(old, new)
    unchanged = change.old_title is None and not change.text_changed and change.owners is None
    return None if unchanged and not milestones else change


def _owner_changes(old: MeasureState, new: MeasureState) -> str:
    """``lead +PEO; others -SUPO +ZYXQ``: who came and went, by role."""
    roles = []
    for role, was, now in (("lead", old.lead, new.lead), ("others", old.others, new.others)):
        gone = [f"-{name}" for name in was if name not in now]
        came = [f"+{name}" for name in now if name not in was]
        if gone or came:
            roles.append(f"{role} {' '.join(gone + came)}")
    return "; ".join(roles) or "same owners in another order"


def _measure_list(heading: str, measures: list[MeasureState]) -> list[str]:
    if not measures:
        return []
    return [heading] + [f"    {m.number} {_short(m.title)}" for m in measures]


def _names(heading: str, names: list[str]) -> list[str]:
    """A short list in full; a long one (the whole glossary on a first import) as a count."""
    if not names:
        return []
    return [f"  {heading}: " + (", ".join(names) if len(names) <= 8 else str(len(names)))]


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_WIDTH else title[: _TITLE_WIDTH - 1].rstrip() + "…"


def _due(due: date | None) -> str:
    return f"due {due.day}.{due.month}.{due.year}" if due else "no date"
