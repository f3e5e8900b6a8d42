"""Deadline notices: one milestone's reminder, a person's bundle, the missed ones, no contact."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.document import (
    Document,
    Heading,
    Item,
    Lines,
    Note,
    Person,
    Phrase,
    StatusButtons,
    Target,
    phrase,
)
from data import directory, outbox
from data.models import Milestone, Organisation, OutboxKind, Reminder
from jobs.notices import Gone
from jobs.notices.reading import live_milestone


@dataclass(frozen=True, slots=True)
class DueMilestone:
    """A milestone as a reminder names it, and what a status on it is recorded against."""

    target: Target
    number: str
    title: str
    text: str
    due: date
    days_left: int

    def line(self) -> Phrase:
        return phrase(
            "remind.deadline", number=self.number, title=self.title, due=self.due, text=self.text
        )

    def when(self) -> Phrase:
        if self.days_left <= 0:
            return phrase("remind.today")
        return phrase("remind.in_days", days=self.days_left)


@dataclass(frozen=True, slots=True)
class DeadlineReminder:
    milestone: DueMilestone

    def document(self) -> Document:
        due = self.milestone
        return Document(
            summary=phrase("remind.summary", when=due.when(), number=due.number, text=due.text),
            blocks=(
                Heading(phrase("remind.headline", text=due.when())),
                Lines((due.line(),)),
                Note(phrase("remind.ask")),
                StatusButtons(due.target),
            ),
        )


@dataclass(frozen=True, slots=True)
class BundledReminders:
    """A person's reminders due at one time, as one message with a status menu per milestone."""

    items: tuple[DueMilestone, ...]

    def document(self) -> Document:
        count = len(self.items)
        numbers = ", ".join(dict.fromkeys(item.number for item in self.items))
        return Document(
            summary=phrase("remind.bundle_summary", count=count, numbers=numbers),
            blocks=(
                Heading(phrase("remind.headline", text=phrase("remind.bundle", count=count))),
                Note(phrase("round.how")),
                *(
                    Item((item.line(), phrase("remind.when", when=item.when())), item.target)
                    for item in self.items
                ),
            ),
        )


@dataclass(frozen=True, slots=True)
class MissedItem:
    number: str
    text: str
    due: date


@dataclass(frozen=True, slots=True)
class MissedReminders:
    """Reminders that went stale during downtime, listed in one message instead of a flood."""

    items: tuple[MissedItem, ...]

    def document(self) -> Document:
        numbers = ", ".join(dict.fromkeys(item.number for item in self.items))
        lines = tuple(
            phrase("remind.missed_line", number=item.number, text=item.text, due=item.due)
            for item in self.items
        )
        return Document(
            summary=phrase("notice.with_numbers", head=phrase("remind.missed"), numbers=numbers),
            blocks=(Lines((phrase("remind.missed"),)), Lines(lines, bulleted=True)),
        )


@dataclass(frozen=True, slots=True)
class NoContact:
    """To the coordinators: an organisation leads milestones coming due and has no contact."""

    organisation: str
    milestones: tuple[tuple[str, date], ...]  # (measure number, due), each once

    def document(self) -> Document:
        lines = tuple(
            phrase("remind.no_contact", number=number, due=due, org=self.organisation)
            for number, due in self.milestones
        )
        return Document(summary=lines[0], blocks=(Lines(lines),))


@dataclass(frozen=True, slots=True)
class NotInstalled:
    """To the coordinators, once per person: a Teams contact has not installed the app, so the
    bot cannot message them (Teams lets a bot start no chat), and their reminders wait."""

    person: Person
    organisations: tuple[str, ...]

    def document(self) -> Document:
        # Named by their key too: someone who never wrote to the bot may have no name here.
        who: Person | Phrase = self.person
        if self.person.name:
            who = phrase("remind.person_with_key", person=self.person, id=self.person.key)
        line = phrase("remind.not_installed", person=who, orgs=", ".join(self.organisations))
        return Document(summary=line, blocks=(Lines((line,)), Note(phrase("remind.install_how"))))


def due_milestone(milestone: Milestone, outbox_id: int, today: date) -> DueMilestone:
    assert milestone.due is not None  # reminders are planned for dated milestones only
    measure = milestone.measure
    return DueMilestone(
        target=Target(measure.id, milestone.id, outbox_id),
        number=measure.number,
        title=measure.title,
        text=milestone.text,
        due=milestone.due,
        days_left=(milestone.due - today).days,
    )


def deadline(session: Session, row: Reminder, today: date) -> DeadlineReminder:
    return DeadlineReminder(due_milestone(live_milestone(session, row), row.id, today))


def bundle(session: Session, row: Reminder, today: date) -> BundledReminders:
    items = []
    for member in outbox.folded_under(session, row.id):
        try:
            items.append(due_milestone(live_milestone(session, member), row.id, today))
        except Gone:
            continue  # moved or removed since planning: its new date has its own reminders
    if not items:
        raise Gone(f"reminder {row.id}: every bundled milestone was removed or moved")
    return BundledReminders(tuple(items))


def missed(session: Session, row: Reminder, today: date) -> MissedReminders:
    items = []
    for stale in _unbundled(session, outbox.folded_under(session, row.id)):
        milestone = session.get(Milestone, stale.milestone_id) if stale.milestone_id else None
        if milestone is None or milestone.due is None:
            continue
        items.append(MissedItem(milestone.measure.number, milestone.text, milestone.due))
    return MissedReminders(tuple(items))


def _unbundled(session: Session, rows: list[Reminder]) -> list[Reminder]:
    """The per-milestone rows, with each bundle replaced by the rows folded into it."""
    flat = []
    for row in rows:
        bundled = row.kind == OutboxKind.BUNDLE
        flat += outbox.folded_under(session, row.id) if bundled else [row]
    return flat


def no_contact(session: Session, row: Reminder, today: date) -> NoContact:
    organisation = session.get(Organisation, row.organisation_id)
    assert organisation is not None  # organisations are never deleted
    listed: dict[tuple[str, date], None] = {}
    for milestone_id in row.detail.get("milestones", []):
        milestone = session.get(Milestone, milestone_id)
        if milestone is None or milestone.removed_at is not None or milestone.due is None:
            continue
        listed[(milestone.measure.number, milestone.due)] = None
    if not listed:
        raise Gone(f"reminder {row.id}: every listed milestone was removed")
    return NoContact(organisation.key, tuple(listed))


def not_installed(session: Session, row: Reminder, today: date) -> NotInstalled:
    person = row.recipient
    names = directory.display_names(session, [person])
    organisations = dict.fromkeys(
        c.organisation.key for c in directory.contacts(session) if c.person_key == person
    )
    if not organisations:
        raise Gone(f"reminder {row.id}: {person} is no longer anyone's contact")
    return NotInstalled(Person(person, names.get(person, "")), tuple(organisations))


def skip_not_installed(session: Session, row: Reminder, now: datetime) -> str | None:
    """They installed the app (or wrote to the bot) since: their reminders are going out."""
    if directory.conversation(session, row.recipient) is not None:
        return "installed since"
    return None


def bundle_items(session: Session, row: Reminder) -> list[tuple[str, Target]]:
    """(measure number, target) of a bundle's milestones not removed, in message order: what
    a reply in its thread may be about."""
    found = []
    for member in outbox.folded_under(session, row.id):
        milestone = session.get(Milestone, member.milestone_id)
        if milestone is not None and milestone.removed_at is None:
            target = Target(milestone.measure_id, milestone.id, row.id)
            found.append((milestone.measure.number, target))
    return found
