"""Import a programme document into the database, in place and in one transaction.

Re-importing updates the programme where it stands: measures are matched by number and
imported milestones by (schedule text, occurrence), so their ids, and the status reports that
point at them, survive. Whatever the new source no longer has is marked removed, never deleted.
The document is parsed completely before the database is touched, and all writes happen in one
transaction, so a bad file leaves the database exactly as it was.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.glossary import OrganisationEntry, load_glossary
from data.models import (
    Action,
    Measure,
    MeasurePart,
    Milestone,
    Organisation,
    Programme,
    Responsibility,
    Role,
)
from data.schedule import parse_schedule
from data.source import ImportWarning, ParsedMeasure, ParsedProgramme, parse_programme
from seuranta.errors import SourceError

BUNDLED_SOURCE = Path(__file__).with_name("toimenpideohjelma.txt")
_QUALIFIED = re.compile(r"^(?P<name>.+?)\s\((?P<qualifier>[^()]+)\)$")


@dataclass(slots=True)
class ImportSummary:
    programme: str
    slug: str
    measures: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0
    responsibilities: int = 0
    milestones: int = 0
    organisations_added: list[str] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [
            f"Imported {self.programme!r} ({self.slug}): {self.measures} measures "
            f"({self.created} new, {self.updated} updated, {self.removed} removed), "
            f"{self.responsibilities} owner entries, {self.milestones} milestones.",
        ]
        if self.organisations_added:
            lines.append(
                "Not in the organisation glossary, added as uncertain: "
                + ", ".join(self.organisations_added)
            )
        lines.extend(f"warning: {warning}" for warning in self.warnings)
        return lines


def read_source(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror}") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{path} is not UTF-8 text (byte {error.start}); is it a programme document?"
        ) from error


def import_file(
    factory: sessionmaker[Session],
    path: Path,
    *,
    now: datetime,
    glossary: dict[str, OrganisationEntry] | None = None,
) -> ImportSummary:
    text = read_source(path)
    entries = glossary if glossary is not None else load_glossary()
    parsed = parse_programme(text, known_spellings(entries))
    with transaction(factory) as session:
        return store_programme(
            session, parsed, source_name=path.name, source_text=text, now=now, glossary=entries
        )


def known_spellings(glossary: dict[str, OrganisationEntry]) -> set[str]:
    """What an owner cell can hold: every glossary key and alias as written."""
    names = set(glossary)
    for entry in glossary.values():
        names.update(alias for alias in entry.aliases if alias[:1].isupper())
    return names


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80] or "programme"


def store_programme(
    session: Session,
    parsed: ParsedProgramme,
    *,
    source_name: str,
    source_text: str,
    now: datetime,
    glossary: dict[str, OrganisationEntry],
) -> ImportSummary:
    title = parsed.title or source_name
    slug = slugify(title)
    summary = ImportSummary(programme=title, slug=slug, warnings=list(parsed.warnings))
    programme = session.scalar(select(Programme).where(Programme.slug == slug))
    if programme is None:
        programme = Programme(slug=slug, title=title, revision=0)
        session.add(programme)
    programme.title = title
    programme.description = parsed.description
    programme.source_name = source_name
    programme.source_sha256 = hashlib.sha256(source_text.encode()).hexdigest()
    programme.revision += 1
    programme.imported_at = now
    session.flush()

    organisations = _OrganisationResolver(session, glossary, summary)
    existing = {
        m.number: m
        for m in session.scalars(select(Measure).where(Measure.programme_id == programme.id))
    }
    for parsed_measure in parsed.measures:
        measure = existing.pop(parsed_measure.number, None)
        if measure is None:
            measure = Measure(programme_id=programme.id, number=parsed_measure.number)
            session.add(measure)
            summary.created += 1
        else:
            summary.updated += 1
        _store_measure(session, measure, parsed_measure, organisations, now, summary)
    for vanished in existing.values():
        if vanished.removed_at is None:
            vanished.removed_at = now
            summary.removed += 1
    summary.measures = len(parsed.measures)
    # Fresh statistics let the planner pick the due-date index over a per-measure scan.
    session.execute(text("ANALYZE"))
    return summary


def _store_measure(
    session: Session,
    measure: Measure,
    parsed: ParsedMeasure,
    organisations: _OrganisationResolver,
    now: datetime,
    summary: ImportSummary,
) -> None:
    theme, item = (int(piece) for piece in parsed.number.split(".")[:2])
    measure.theme = theme
    measure.sort_key = theme * 1000 + item
    measure.title = parsed.title
    measure.source_line = parsed.first_line
    measure.removed_at = None
    if measure.id is not None:
        # Flush the old rows out first: the unit of work would insert the new ones before
        # deleting the orphans and trip the (measure, role, spelling) uniqueness.
        measure.parts.clear()
        measure.actions.clear()
        measure.responsibilities.clear()
        session.flush()
    measure.parts = [
        MeasurePart(label=label, text=text, position=index)
        for index, (label, text) in enumerate(parsed.parts)
    ]
    measure.actions = [
        Action(part_label=part, text=text, position=index, source_line=line)
        for index, (part, text, line) in enumerate(parsed.actions)
    ]
    owners = [(Role.LEAD, spelling) for spelling in parsed.lead]
    owners += [(Role.OTHER, spelling) for spelling in parsed.others]
    measure.responsibilities = [
        Responsibility(
            organisation=organisations.resolve(spelling, parsed.first_line),
            role=role,
            position=index,
            spelling=spelling,
        )
        for index, (role, spelling) in enumerate(owners)
    ]
    summary.responsibilities += len(owners)
    session.flush()
    summary.milestones += _store_milestones(session, measure, parsed, now)


def _store_milestones(
    session: Session, measure: Measure, parsed: ParsedMeasure, now: datetime
) -> int:
    """Update imported milestones in place by (text, occurrence); chat-added ones are untouched."""
    current = {
        (m.text, m.occurrence): m
        for m in session.scalars(
            select(Milestone).where(
                Milestone.measure_id == measure.id, Milestone.origin == "source"
            )
        )
    }
    count = 0
    for schedule_text, line in parsed.schedules:
        for occurrence, period in enumerate(parse_schedule(schedule_text)):
            milestone = current.pop((schedule_text, occurrence), None)
            if milestone is None:
                milestone = Milestone(
                    measure_id=measure.id,
                    text=schedule_text,
                    occurrence=occurrence,
                    origin="source",
                    created_at=now,
                )
                session.add(milestone)
            milestone.kind = period.kind
            milestone.start = period.start
            milestone.due = period.due
            milestone.position = count
            milestone.source_line = line
            milestone.removed_at = None
            count += 1
    for vanished in current.values():
        if vanished.removed_at is None:
            vanished.removed_at = now
    return count


class _OrganisationResolver:
    """Maps owner spellings to organisation rows, syncing the glossary into the table once."""

    def __init__(
        self, session: Session, glossary: dict[str, OrganisationEntry], summary: ImportSummary
    ) -> None:
        self._session = session
        self._summary = summary
        self._rows = {o.key: o for o in session.scalars(select(Organisation))}
        for entry in glossary.values():
            self._sync(entry)
        self._by_alias: dict[str, str] = {}
        for entry in glossary.values():
            for name in (entry.key, entry.fi, entry.sv, entry.en, *entry.aliases):
                if name:
                    self._by_alias.setdefault(name.casefold(), entry.key)

    def _sync(self, entry: OrganisationEntry) -> None:
        row = self._rows.get(entry.key)
        if row is None:
            row = Organisation(key=entry.key)
            self._session.add(row)
            self._rows[entry.key] = row
        row.kind = entry.kind
        row.parent_key = entry.parent
        row.name_fi = entry.fi
        row.name_sv = entry.sv
        row.name_en = entry.en
        row.aliases = list(entry.aliases)
        row.uncertain = entry.uncertain
        row.note = entry.note

    def resolve(self, spelling: str, line: int) -> Organisation:
        qualified = _QUALIFIED.match(spelling)
        candidates = [spelling] + ([qualified["name"]] if qualified else [])
        for candidate in candidates:
            key = candidate if candidate in self._rows else self._by_alias.get(candidate.casefold())
            if key is not None and key in self._rows:
                return self._rows[key]
        row = Organisation(
            key=spelling,
            kind="other",
            name_fi=spelling,
            name_sv="",
            name_en="",
            aliases=[],
            uncertain=True,
            note="Not in the organisation glossary; added by the import as written.",
        )
        self._session.add(row)
        self._rows[spelling] = row
        self._summary.organisations_added.append(spelling)
        self._summary.warnings.append(
            ImportWarning(line, f"owner {spelling!r} is not in the organisation glossary")
        )
        return row
