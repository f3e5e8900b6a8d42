"""A reporting round's notices: the request and its nudges, leads without a contact, the
missing list; and the rule that a request nobody needs any more is not sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.document import (
    Document,
    Item,
    Label,
    Lines,
    Note,
    Person,
    Phrase,
    Target,
    Value,
    phrase,
)
from data import outbox, rounds
from data.models import OutboxKind, Reminder, State
from data.rounds import RoundProgress
from jobs.notices import Gone
from jobs.notices.reading import round_progress

TITLE_SHOWN = 200  # characters of a measure's title beside its menu; the number says the rest


@dataclass(frozen=True, slots=True)
class Recorded:
    state: State
    reporter: Person
    on: date

    def phrase(self) -> Phrase:
        return phrase(
            "status.recorded", state=Label("state", self.state), who=self.reporter, when=self.on
        )


@dataclass(frozen=True, slots=True)
class AskedMeasure:
    target: Target
    number: str
    title: str
    answer: Recorded | None


@dataclass(frozen=True, slots=True)
class RoundRequest:
    """One message per person listing all their measures of the round, each with a status
    menu; a nudge says how many are still open."""

    round_id: int
    due: date
    nudge: bool
    items: tuple[AskedMeasure, ...]

    @property
    def owing(self) -> int:
        return sum(1 for item in self.items if item.answer is None)

    def document(self) -> Document:
        if self.nudge and self.owing:
            head = phrase("round.nudge", id=self.round_id, count=self.owing, due=self.due)
        else:
            head = phrase("round.ask", id=self.round_id, due=self.due)
        numbers = ", ".join(item.number for item in self.items)
        return Document(
            summary=phrase("notice.with_numbers", head=head, numbers=numbers),
            blocks=(
                Lines((head,)),
                Note(phrase("round.how")),
                *(_item(item) for item in self.items),
            ),
        )


def _item(item: AskedMeasure) -> Item:
    title = item.title
    if len(title) > TITLE_SHOWN:
        title = title[: TITLE_SHOWN - 1].rstrip() + "…"
    if item.answer is None:
        answered = phrase("round.unanswered")
    else:
        answered = phrase("round.answered", recorded=item.answer.phrase())
    return Item((phrase("round.item", number=item.number, title=title),), item.target, answered)


@dataclass(frozen=True, slots=True)
class OrganisationMeasures:
    organisation: str  # its key, or rounds.NO_LEAD for measures whose source names no lead
    numbers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoundNoContact:
    """To the coordinators: lead organisations of the round nobody can be asked for."""

    round_id: int
    due: date
    organisations: tuple[OrganisationMeasures, ...]

    def document(self) -> Document:
        head = phrase("round.no_contact", id=self.round_id, due=self.due)
        lines = tuple(
            phrase("round.org_line", org=org_label(o.organisation), numbers=", ".join(o.numbers))
            for o in self.organisations
        )
        return Document(summary=head, blocks=(Lines((head,)), Lines(lines, bulleted=True)))


@dataclass(frozen=True, slots=True)
class MissingAnswers:
    """A lead organisation's measures still unanswered, and whom to ask about them."""

    organisation: str
    numbers: tuple[str, ...]
    contacts: tuple[Person, ...]

    def phrase(self) -> Phrase:
        people: Value = self.contacts or phrase("round.nobody")
        return phrase(
            "round.missing_line",
            org=org_label(self.organisation),
            numbers=", ".join(self.numbers),
            people=people,
        )


@dataclass(frozen=True, slots=True)
class RoundMissing:
    """To the coordinators, the first working day after the due day: who is still missing."""

    round_id: int
    due: date
    answered: int
    total: int
    missing: tuple[MissingAnswers, ...]

    def document(self) -> Document:
        if not self.missing:
            done = phrase("round.complete", id=self.round_id, due=self.due, total=self.total)
            return Document(summary=done, blocks=(Lines((done,)),))
        head = phrase(
            "round.missing",
            id=self.round_id,
            due=self.due,
            answered=self.answered,
            total=self.total,
        )
        lines = tuple(m.phrase() for m in self.missing)
        return Document(summary=head, blocks=(Lines((head,)), Lines(lines, bulleted=True)))


def org_label(key: str) -> Value:
    return phrase("round.no_lead") if key == rounds.NO_LEAD else key


def missing_answers(progress: RoundProgress) -> tuple[MissingAnswers, ...]:
    """Per lead organisation: the measures still unanswered and its contacts."""
    people: dict[str, tuple[str, ...]] = {}
    for item in progress.missing:
        for key in item.leads or (rounds.NO_LEAD,):
            people.setdefault(key, item.contacts)
    return tuple(
        MissingAnswers(key, tuple(numbers), tuple(Person(p) for p in people.get(key, ())))
        for key, numbers in progress.missing_by_organisation().items()
    )


def request(session: Session, row: Reminder, today: date) -> RoundRequest:
    progress = round_progress(session, row)
    items = progress.people().get(row.recipient, [])
    if not items:
        raise Gone(f"reminder {row.id}: {row.recipient} has no measures in round {progress.id}")
    return RoundRequest(
        round_id=progress.id,
        due=progress.due,
        nudge=row.kind == OutboxKind.NUDGE,
        items=tuple(
            AskedMeasure(
                Target(item.measure_id, None, row.id),
                item.number,
                item.title,
                None
                if item.answer is None
                else Recorded(
                    item.answer.state, Person(item.answer.reporter), item.answer.at.date()
                ),
            )
            for item in items
        ),
    )


def no_contact(session: Session, row: Reminder, today: date) -> RoundNoContact:
    progress = round_progress(session, row)
    orphaned = progress.without_contact()
    if not orphaned:
        raise Gone(f"reminder {row.id}: every lead organisation has a contact now")
    return RoundNoContact(
        progress.id,
        progress.due,
        tuple(OrganisationMeasures(key, tuple(numbers)) for key, numbers in orphaned.items()),
    )


def missing(session: Session, row: Reminder, today: date) -> RoundMissing:
    progress = round_progress(session, row)
    return RoundMissing(
        progress.id,
        progress.due,
        len(progress.answered),
        len(progress.items),
        missing_answers(progress),
    )


def skip_request(session: Session, row: Reminder, now: datetime) -> str | None:
    """Why a due ask or nudge is no longer worth sending, decided just before it is sent."""
    progress = round_progress(session, row)
    if progress.closed_at is not None:
        return f"round {progress.id} is closed"
    if row.kind == OutboxKind.NUDGE and outbox.later_nudge_due(session, row, now):
        return f"a later nudge of round {progress.id} is due as well"
    if row.recipient not in progress.owing():
        return "every measure has been answered"
    return None


def skip_no_contact(session: Session, row: Reminder, now: datetime) -> str | None:
    if round_progress(session, row).without_contact():
        return None
    return "every lead organisation has a contact"
