"""Import a programme document into the database, in place and in one transaction.

Re-importing updates the programme where it stands: measures are matched by number and
imported milestones by (schedule text, occurrence), so their ids, and the status reports that
point at them, survive. Whatever the new source no longer has is marked removed, never deleted.

The document is parsed completely before the database is touched. It is then written into an
open transaction and read back, and :mod:`data.import_changes` compares before and after: a
dry run, a refused import (measures removed, or a different programme) and the same document
again all end by rolling back, so every row is exactly as it was (on PostgreSQL the id
sequences still advance, as after any rolled-back insert: later ids may skip a few numbers).
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

from data import vocabulary
from data.glossary import OrganisationEntry, load_glossary
from data.import_changes import (
    Changes,
    CurrentProgramme,
    MeasureState,
    MilestoneState,
    ProgrammeState,
    compare,
    refusal,
)
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
from data.queries import current_programme
from data.schedule import parse_schedule
from data.source import ImportWarning, ParsedMeasure, ParsedProgramme, parse_programme
from seuranta.errors import ImportRefused, SourceError

BUNDLED_SOURCE = Path(__file__).with_name("toimenpideohjelma.txt")
_QUALIFIED = re.compile(r"^(?P<name>.+?)\s\((?P<qualifier>[^()]+)\)$")
# The bundled programme is 87 kB; a file a hundred times larger is not a programme document.
MAX_SOURCE_BYTES = 10_000_000
# What people save by mistake instead of the programme page as text.
_SAVE_AS_TEXT = "save the programme page as plain text (UTF-8) and import that"
_NOT_TEXT = (
    (b"%PDF", f"a PDF document, not text: {_SAVE_AS_TEXT}"),
    (b"PK\x03\x04", f"a zip archive (a Word, Excel or OpenDocument file is one): {_SAVE_AS_TEXT}"),
    (b"\xd0\xcf\x11\xe0", f"an old Word or Excel document, not text: {_SAVE_AS_TEXT}"),
    (b"{\\rtf", f"an RTF document, not plain text: {_SAVE_AS_TEXT}"),
    (b"\xff\xfe", "UTF-16 text: save it as UTF-8"),
    (b"\xfe\xff", "UTF-16 text: save it as UTF-8"),
)


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
    # What the import changed (or, in a dry run, would change); set by import_file.
    changes: Changes | None = None
    written: bool = False

    def lines(self) -> list[str]:
        lines = [
            f"Imported {self.programme!r} ({self.slug}): {self.measures} measures "
            f"({self.created} new, {self.updated} updated, {self.removed} removed), "
            f"{self.responsibilities} owner entries, {self.milestones} milestones.",
        ]
        if self.changes is not None:
            lines += self.changes.lines()  # organisations added are among them
        elif self.organisations_added:
            lines.append(
                "Not in the organisation glossary, added as uncertain: "
                + ", ".join(self.organisations_added)
            )
        lines.extend(f"warning: {warning}" for warning in self.warnings)
        return lines


def read_source(path: Path) -> str:
    """The document as text, or a one-line SourceError saying what the file is instead."""
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                f"{path} is {size / 1e6:.0f} MB; a programme document is a text file of "
                "some hundred kB. Is it the right file?"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror}") from error
    if not raw.strip():
        raise SourceError(f"{path} is empty")
    for magic, what in _NOT_TEXT:
        if raw.startswith(magic):
            raise SourceError(f"{path} is {what}")
    if b"\x00" in raw:
        raise SourceError(f"{path} is a binary file (it contains NUL bytes), not a text file")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise SourceError(
            f"{path} is not UTF-8 text (line {line}, byte 0x{raw[error.start]:02X}; Windows-1252 "
            f"or ISO 8859-1?): save it as UTF-8, e.g. "
            f"iconv -f windows-1252 -t utf-8 {path} > {path.stem}-utf8{path.suffix}"
        ) from error
    if decoded.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        raise SourceError(f"{path} is an HTML page, not plain text: {_SAVE_AS_TEXT}")
    return decoded


def import_file(
    factory: sessionmaker[Session],
    path: Path,
    *,
    now: datetime,
    glossary: dict[str, OrganisationEntry] | None = None,
    dry_run: bool = False,
    accept_removals: bool = False,
    new_programme: bool = False,
) -> ImportSummary:
    """Import ``path``; refuse (ImportRefused) what would remove measures or replace the
    current programme unless ``accept_removals`` / ``new_programme`` say it is meant.

    The summary's ``changes`` say what changed; ``written`` is False after a dry run and when
    the document is the one already imported (nothing is written then, not even the revision).
    """
    source_text = read_source(path)
    entries = glossary if glossary is not None else load_glossary()
    try:
        parsed = parse_programme(source_text, known_spellings(entries))
    except SourceError as error:
        raise SourceError(f"{path}: {error}") from error
    with factory() as session:  # closing without commit rolls everything back
        found = current_programme(session)
        current = CurrentProgramme(found.slug, found.title) if found else None
        title = parsed.title or path.name
        target = session.scalar(select(Programme).where(Programme.slug == slugify(title)))
        before = load_state(session, target.id) if target is not None else None
        organisations_before = load_organisations(session)
        summary = store_programme(
            session,
            parsed,
            source_name=path.name,
            source_text=source_text,
            now=now,
            glossary=entries,
        )
        programme_id = session.scalars(
            select(Programme.id).where(Programme.slug == summary.slug)
        ).one()
        summary.changes = compare(
            str(path),
            not parsed.title,
            current,
            before,
            load_state(session, programme_id),
            organisations_before,
            load_organisations(session),
            summary.organisations_added,
        )
        if dry_run or summary.changes.nothing:
            return summary
        # Before the refusal check, so that a refused import shows the analysis is rolled back
        # with everything else.
        vocabulary.store(session, programme_id, source_texts(parsed))
        reasons = refusal(
            summary.changes, accept_removals=accept_removals, new_programme=new_programme
        )
        if reasons:
            raise ImportRefused("\n".join([*reasons, "Nothing was changed."]))
        # Fresh statistics let the planner pick the due-date index over a per-measure scan.
        # Only the import's own tables: a bare ANALYZE on PostgreSQL reads every table.
        for table in ("measure", "milestone", "responsibility"):
            session.execute(text(f"ANALYZE {table}"))
        session.commit()
        summary.written = True
        return summary


def source_texts(parsed: ParsedProgramme) -> list[str]:
    """The texts search indexes of each measure, as the document gives them."""
    return [
        text
        for m in parsed.measures
        for text in (
            m.title,
            *(part for _, part in m.parts),
            *(action for _, action, _ in m.actions),
            *(schedule for schedule, _ in m.schedules),
        )
    ]


def load_state(session: Session, programme_id: int) -> ProgrammeState:
    """One programme as plain values, read with a few column queries (no ORM objects)."""
    programme = session.execute(
        select(
            Programme.slug,
            Programme.title,
            Programme.description,
            Programme.source_sha256,
            Programme.revision,
            Programme.imported_at,
        ).where(Programme.id == programme_id)
    ).one()
    in_programme = select(Measure.id).where(Measure.programme_id == programme_id)
    texts: dict[int, list[str]] = {}
    for measure_id, label, part_text in session.execute(
        select(MeasurePart.measure_id, MeasurePart.label, MeasurePart.text)
        .where(MeasurePart.measure_id.in_(in_programme))
        .order_by(MeasurePart.measure_id, MeasurePart.position)
    ):
        texts.setdefault(measure_id, []).append(f"{label}) {part_text}")
    for measure_id, action_text in session.execute(
        select(Action.measure_id, Action.text)
        .where(Action.measure_id.in_(in_programme))
        .order_by(Action.measure_id, Action.position)
    ):
        texts.setdefault(measure_id, []).append(action_text)
    owners: dict[tuple[int, Role], list[str]] = {}
    for measure_id, role, spelling in session.execute(
        select(Responsibility.measure_id, Responsibility.role, Responsibility.spelling)
        .where(Responsibility.measure_id.in_(in_programme))
        .order_by(Responsibility.measure_id, Responsibility.position)
    ):
        owners.setdefault((measure_id, Role(role)), []).append(spelling)
    numbers: dict[int, str] = {}
    measures: dict[str, MeasureState] = {}
    for measure_id, number, title, removed_at in session.execute(
        select(Measure.id, Measure.number, Measure.title, Measure.removed_at).where(
            Measure.programme_id == programme_id
        )
    ):
        numbers[measure_id] = number
        measures[number] = MeasureState(
            number,
            title,
            removed_at is not None,
            tuple(texts.get(measure_id, ())),
            tuple(owners.get((measure_id, Role.LEAD), ())),
            tuple(owners.get((measure_id, Role.OTHER), ())),
        )
    milestones = {
        row.id: MilestoneState(
            row.id,
            numbers[row.measure_id],
            row.text,
            row.start,
            row.due,
            row.removed_at is not None,
        )
        for row in session.execute(
            select(
                Milestone.id,
                Milestone.measure_id,
                Milestone.text,
                Milestone.start,
                Milestone.due,
                Milestone.removed_at,
            ).where(Milestone.measure_id.in_(in_programme))
        )
    }
    return ProgrammeState(
        programme.slug,
        programme.title,
        programme.description,
        programme.source_sha256,
        programme.revision,
        programme.imported_at,
        measures,
        milestones,
    )


def load_organisations(session: Session) -> dict[str, tuple[object, ...]]:
    """Every organisation row's glossary fields, by key, to see what an import adds or updates."""
    return {
        row.key: tuple(row[1:])
        for row in session.execute(
            select(
                Organisation.key,
                Organisation.kind,
                Organisation.parent_key,
                Organisation.name_fi,
                Organisation.name_sv,
                Organisation.name_en,
                Organisation.aliases,
                Organisation.uncertain,
                Organisation.note,
            )
        )
    }


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
