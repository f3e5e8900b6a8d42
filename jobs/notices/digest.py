"""The weekly digest: the numbers in one message, each list in its thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from bot.document import (
    Block,
    Document,
    Heading,
    Label,
    Lines,
    Note,
    Person,
    Phrase,
    phrase,
)
from data import queries
from data.models import Reminder, State
from jobs.notices import Gone
from jobs.notices.rounds import MissingAnswers, missing_answers
from reports import digest


@dataclass(frozen=True, slots=True)
class DueLine:
    due: date
    number: str
    text: str
    state: str  # a status key: a state, or "unreported"

    def phrase(self) -> Phrase:
        return phrase(
            "digest.due_line",
            due=self.due,
            number=self.number,
            text=self.text,
            state=Label("state", self.state),
        )


@dataclass(frozen=True, slots=True)
class Change:
    number: str
    state: State
    reporter: Person
    on: date
    note: str

    def phrase(self) -> Phrase:
        state = Label("state", self.state)
        if self.note:
            return phrase(
                "digest.change_note",
                number=self.number,
                state=state,
                who=self.reporter,
                when=self.on,
                note=self.note,
            )
        return phrase(
            "digest.change", number=self.number, state=state, who=self.reporter, when=self.on
        )


@dataclass(frozen=True, slots=True)
class OpenRound:
    round_id: int
    due: date
    answered: int
    total: int
    owing: int  # people yet to answer
    missing: tuple[MissingAnswers, ...]


@dataclass(frozen=True, slots=True)
class Digest:
    today: date
    upcoming: tuple[DueLine, ...]
    overdue: tuple[DueLine, ...]
    changes: tuple[Change, ...]
    rounds: tuple[OpenRound, ...]
    failures: int  # messages refused for good during the week

    def document(self) -> Document:
        title = phrase("digest.title", date=self.today)
        counts = [
            phrase("digest.upcoming", count=len(self.upcoming)),
            phrase("digest.overdue", count=len(self.overdue)),
            phrase("digest.changes", count=len(self.changes)),
            *(
                phrase(
                    "digest.round",
                    id=r.round_id,
                    due=r.due,
                    answered=r.answered,
                    total=r.total,
                    people=r.owing,
                )
                for r in self.rounds
            ),
        ]
        if self.failures:
            counts.append(phrase("digest.failures", count=self.failures))
        thread = self._thread()
        blocks: tuple[Block, ...] = (Heading(title), Lines(tuple(counts), bulleted=True))
        if thread:
            blocks += (Note(phrase("digest.details")),)
        return Document(summary=title, blocks=blocks, thread=thread)

    def _thread(self) -> tuple[Document, ...]:
        lists = [
            (phrase("digest.upcoming_head"), [i.phrase() for i in self.upcoming]),
            (phrase("digest.overdue_head"), [i.phrase() for i in self.overdue]),
            (phrase("digest.changes_head"), [c.phrase() for c in self.changes]),
            *(
                (phrase("digest.round_head", id=r.round_id), [m.phrase() for m in r.missing])
                for r in self.rounds
            ),
        ]
        return tuple(
            Document(summary=head, blocks=(Heading(head), Lines(tuple(lines), bulleted=True)))
            for head, lines in lists
            if lines
        )


def build(session: Session, row: Reminder, today: date) -> Digest:
    programme = queries.current_programme(session)
    if programme is None:
        raise Gone(f"reminder {row.id}: no programme has been imported")
    found = digest.load_digest(session, programme, row.send_at - digest.WEEK, today)
    return Digest(
        today=found.today,
        upcoming=tuple(DueLine(i.due, i.number, i.text, i.state) for i in found.upcoming),
        overdue=tuple(DueLine(i.due, i.number, i.text, i.state) for i in found.overdue),
        changes=tuple(
            Change(c.number, c.state, Person(c.reporter), c.at.date(), c.note)
            for c in found.changes
        ),
        rounds=tuple(
            OpenRound(
                p.id, p.due, len(p.answered), len(p.items), len(p.owing()), missing_answers(p)
            )
            for p in found.rounds
        ),
        failures=found.failures,
    )
