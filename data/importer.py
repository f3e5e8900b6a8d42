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

from sqlalchemy import delete, select, text
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
    _clear_derived_rows(session, programme.id)
    milestones = _SourceMilestones(session, programme.id, now)
    for parsed_measure in parsed.measures:
        measure = existing.pop(parsed_measure.number, None)
        if measure is None:
            measure = Measure(programme_id=programme.id, number=parsed_measure.number)
            session.add(measure)
            summary.created += 1
        else:
            summary.updated += 1
        _store_measure(measure, parsed_measure, organisations)
        summary.responsibilities += len(measure.responsibilities)
        summary.milestones += milestones.store(measure, parsed_measure)
    milestones.mark_vanished()
    for vanished in existing.values():
        if vanished.removed_at is None:
            vanished.removed_at = now
            summary.removed += 1
    summary.measures = len(parsed.measures)
    session.flush()
    # Fresh statistics let the planner pick the due-date index over a per-measure scan.
    # Only the import's own tables: a bare ANALYZE on PostgreSQL reads every table in the database.
    for table in ("measure", "milestone", "responsibility"):
        session.execute(text(f"ANALYZE {table}"))
    return summary


def _clear_derived_rows(session: Session, programme_id: int) -> None:
    """Parts, actions and owners are rebuilt from the source each time; nothing refers to them.

    Deleting them in bulk first (rather than replacing collections) keeps a re-import to a few
    statements and avoids the unit of work inserting a new owner before deleting the old one.
    """
    measures = select(Measure.id).where(Measure.programme_id == programme_id)
    for table in (MeasurePart, Action, Responsibility):
        session.execute(delete(table).where(table.measure_id.in_(measures)))
    for measure in session.identity_map.values():
        if isinstance(measure, Measure):
            session.expire(measure, ["parts", "actions", "responsibilities"])


def _store_measure(
    measure: Measure, parsed: ParsedMeasure, organisations: _OrganisationResolver
) -> None:
    theme, item = (int(piece) for piece in parsed.number.split(".")[:2])
    measure.theme = theme
    measure.sort_key = theme * 1000 + item
    measure.title = parsed.title
    measure.source_line = parsed.first_line
    measure.removed_at = None
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


class _SourceMilestones:
    """Imported milestones, updated in place by (measure, text, occurrence).

    Loaded in one query up front; what is left unmatched at the end has vanished from the
    source and is marked removed. Milestones added from chat are never touched, and imported
    ones moved or removed in chat (origin "edited") keep the chat's date and removal.
    """

    def __init__(self, session: Session, programme_id: int, now: datetime) -> None:
        self._session = session
        self._now = now
        self._current: dict[tuple[int, str, int], Milestone] = {
            (m.measure_id, m.text, m.occurrence): m
            for m in session.scalars(
                select(Milestone)
                .join(Measure, Measure.id == Milestone.measure_id)
                .where(
                    Measure.programme_id == programme_id,
                    Milestone.origin.in_(("source", "edited")),
                )
            )
        }

    def store(self, measure: Measure, parsed: ParsedMeasure) -> int:
        count = 0
        for schedule_text, line in parsed.schedules:
            for occurrence, period in enumerate(parse_schedule(schedule_text)):
                key = (measure.id, schedule_text, occurrence)
                milestone = self._current.pop(key, None) if measure.id is not None else None
                if milestone is None:
                    milestone = Milestone(
                        measure=measure,
                        text=schedule_text,
                        occurrence=occurrence,
                        origin="source",
                        created_at=self._now,
                    )
                    # Explicitly: SQLAlchemy 2 no longer cascades through the backref.
                    self._session.add(milestone)
                if milestone.origin != "edited":  # a date moved or removed in chat stays so
                    milestone.kind = period.kind
                    milestone.start = period.start
                    milestone.due = period.due
                    milestone.removed_at = None
                milestone.position = count
                milestone.source_line = line
                count += 1
        return count

    def mark_vanished(self) -> None:
        for vanished in self._current.values():
            if vanished.removed_at is None:
                vanished.removed_at = self._now


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
