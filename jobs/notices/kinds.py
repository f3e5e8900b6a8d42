"""Every outbox kind, defined once: its key, how it is built and for whom, when it is skipped.

- ``key_format``: the row's unique key, which makes planning a message twice insert nothing
  (the planners fill it in with :meth:`Kind.key`; a deadline reminder is also unique on its
  occurrence, see :class:`data.models.Reminder`).
- ``build``: the notice, from the row and the records as they are when it is sent.
- ``audience``: a person (a direct message in their language) or the coordinators' channel
  (the default language).
- ``skip``: why a due row is no longer worth sending (decided just before it is sent).
- ``folds_when_stale``: after downtime, a stale row is listed in "you missed these" instead.
- ``lists_folded``: the rows folded into it are its content (a bundle, the missed list).
- the label (``outbox.kind.<kind>`` in the catalogue): what the dry run, ``/seuranta
  failures`` and the admins call it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from types import MappingProxyType

from sqlalchemy.orm import Session

from data.models import OutboxKind, Reminder
from jobs.notices import Notice, digest, reminders, rounds
from jobs.notices.reading import language

Builder = Callable[[Session, Reminder, date], Notice]
SkipRule = Callable[[Session, Reminder, datetime], str | None]
KeyPart = str | int | date | datetime


class Audience(Enum):
    PERSON = "person"
    COORDINATORS = "coordinators"


@dataclass(frozen=True, slots=True)
class Kind:
    kind: OutboxKind
    key_format: str
    build: Builder
    audience: Audience
    skip: SkipRule | None = None
    folds_when_stale: bool = False
    lists_folded: bool = False

    @property
    def label_key(self) -> str:
        return f"outbox.kind.{self.kind}"

    def key(self, **parts: KeyPart) -> str:
        """The key with these parts; days and instants in ISO form."""
        written = {
            name: part.isoformat() if isinstance(part, date) else part
            for name, part in parts.items()
        }
        return self.key_format.format(**written)


KINDS: Mapping[OutboxKind, Kind] = MappingProxyType(
    {
        kind.kind: kind
        for kind in (
            Kind(
                OutboxKind.DEADLINE,
                "deadline:{milestone}:{due}:{offset}:{person}",
                reminders.deadline,
                Audience.PERSON,
                folds_when_stale=True,
            ),
            Kind(
                OutboxKind.BUNDLE,
                "bundle:{person}:{at}",
                reminders.bundle,
                Audience.PERSON,
                folds_when_stale=True,
                lists_folded=True,
            ),
            Kind(
                OutboxKind.MISSED,
                # Its first row's id: each fold is a message of its own, even at one instant.
                "missed:{person}:{at}:{first}",
                reminders.missed,
                Audience.PERSON,
                lists_folded=True,
            ),
            Kind(
                OutboxKind.NO_CONTACT,
                "no_contact:{organisation}:{at}",
                reminders.no_contact,
                Audience.COORDINATORS,
                folds_when_stale=True,
            ),
            Kind(
                OutboxKind.ROUND_ASK,
                "round_ask:{round}:{person}",
                rounds.request,
                Audience.PERSON,
                skip=rounds.skip_request,
            ),
            Kind(
                OutboxKind.NUDGE,
                "nudge:{round}:{day}:{person}",
                rounds.request,
                Audience.PERSON,
                skip=rounds.skip_request,
            ),
            Kind(
                OutboxKind.ROUND_NO_CONTACT,
                "round_no_contact:{round}",
                rounds.no_contact,
                Audience.COORDINATORS,
                skip=rounds.skip_no_contact,
            ),
            Kind(
                OutboxKind.ROUND_MISSING,
                "round_missing:{round}",
                rounds.missing,
                Audience.COORDINATORS,
            ),
            Kind(
                OutboxKind.NOT_INSTALLED,
                # Once per person, ever: the coordinators need telling once, not per reminder.
                "not_installed:{person}",
                reminders.not_installed,
                Audience.COORDINATORS,
                skip=reminders.skip_not_installed,
            ),
            Kind(
                OutboxKind.DIGEST,
                "digest:{year}-W{week:02d}",
                digest.build,
                Audience.COORDINATORS,
            ),
        )
    }
)

STALE_KINDS = frozenset(kind.kind for kind in KINDS.values() if kind.folds_when_stale)


def notice(session: Session, row: Reminder, today: date) -> Notice:
    """The row's notice as the records are now; raises :class:`jobs.notices.Gone`."""
    return KINDS[row.kind].build(session, row, today)


def skip_reason(session: Session, row: Reminder, now: datetime) -> str | None:
    skip = KINDS[row.kind].skip
    return skip(session, row, now) if skip is not None else None


def language_of(session: Session, row: Reminder, default: str) -> str:
    """A person reads it in their own language; a channel in the default one."""
    if KINDS[row.kind].audience is Audience.PERSON:
        return language(session, row.recipient, default)
    return default
