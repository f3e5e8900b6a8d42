"""The people directory: who represents which organisation, contacts, pauses, how to reach
people on each platform, and handled Slack events.

A person is named by their key (:attr:`seuranta.identity.PersonId.key`): a Slack user id as it
always was, or ``teams:<Azure AD object id>``. The functions take and give keys as stored.

Organisations are named the way people type them: the key (``SUPO``), an official name in any
language, or an alias, matched exactly but ignoring case. Fuzzy matching belongs to questions
(:mod:`bot.orgmatch`); a directory change should name its organisation unambiguously.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.models import (
    Contact,
    ConversationKind,
    ConversationReference,
    HandledEvent,
    Organisation,
    Person,
    ReminderPause,
)
from seuranta.errors import InputError
from seuranta.identity import TEAMS_PREFIX, PersonId, parse_channel


@dataclass(frozen=True, slots=True)
class ContactsImported:
    added: int
    already_there: int

    def line(self) -> str:
        return f"Contacts: {self.added} added, {self.already_there} already there."


def find_organisations(session: Session, name: str) -> list[Organisation]:
    """Organisations whose key, official name or alias is ``name`` (case ignored)."""
    wanted = name.strip().casefold()
    if not wanted:
        return []
    return [
        o
        for o in session.scalars(select(Organisation).order_by(Organisation.key))
        if wanted in {n.casefold() for n in _names(o)}
    ]


def _names(organisation: Organisation) -> Iterable[str]:
    yield organisation.key
    yield from (n for n in (organisation.name_fi, organisation.name_sv, organisation.name_en) if n)
    yield from organisation.aliases or ()


def person(session: Session, person_key: str) -> Person | None:
    return session.scalar(select(Person).where(Person.person_key == person_key))


def display_names(session: Session, person_keys: Sequence[str]) -> dict[str, str]:
    """The names the directory knows for these people (those without one are left out)."""
    rows = session.execute(
        select(Person.person_key, Person.display_name).where(
            Person.person_key.in_(person_keys), Person.display_name != ""
        )
    )
    return {key: name for key, name in rows}


def _person_for_update(session: Session, person_key: str, now: datetime) -> Person:
    found = person(session, person_key)
    if found is None:
        # Two first messages from one person may arrive at once: the second insert does
        # nothing, and both go on with the one row.
        _insert_ignoring_duplicates(
            session, Person, ["person_key"], person_key=person_key, display_name="", updated_at=now
        )
        found = session.scalars(select(Person).where(Person.person_key == person_key)).one()
    return found


def represent(session: Session, person_key: str, organisation: Organisation, now: datetime) -> None:
    """``/seuranta iam SUPO``: the person says whom they represent."""
    found = _person_for_update(session, person_key, now)
    found.organisation_id = organisation.id
    found.updated_at = now


def remember_profile(
    session: Session,
    person_key: str,
    *,
    locale: str | None,
    tz: str | None,
    display_name: str | None,
    now: datetime,
) -> None:
    """Keep what the platform says of a person; None leaves what is known.

    Slack tells all three once (``users.info``; a locale of "" means it has none); Teams tells
    the locale and name with every activity and no time zone, so a value that has not changed
    writes nothing.
    """
    found = _person_for_update(session, person_key, now)
    told = {"locale": locale, "tz": tz, "display_name": display_name}
    changes = {k: v for k, v in told.items() if v is not None and getattr(found, k) != v}
    for name, value in changes.items():
        setattr(found, name, value)
    if changes:
        found.updated_at = now


def my_organisation(session: Session, person_key: str) -> Organisation | None:
    """Whom the person said they represent; failing that, where an admin made them a contact."""
    found = person(session, person_key)
    if found is not None and found.organisation is not None:
        return found.organisation
    return session.scalar(
        select(Organisation)
        .join(Contact, Contact.organisation_id == Organisation.id)
        .where(Contact.person_key == person_key)
        .order_by(Contact.created_at, Contact.id)
    )


def add_contact(
    session: Session, organisation: Organisation, person_key: str, added_by: str, now: datetime
) -> bool:
    """True if the person became a contact, False if they already were."""
    return _insert_ignoring_duplicates(
        session,
        Contact,
        ["organisation_id", "person_key"],
        organisation_id=organisation.id,
        person_key=person_key,
        added_by=added_by,
        created_at=now,
    )


def remove_contact(session: Session, organisation: Organisation, person_key: str) -> bool:
    statement = delete(Contact).where(
        Contact.organisation_id == organisation.id, Contact.person_key == person_key
    )
    return _changed_rows(session.execute(statement)) > 0


def contacts(session: Session, organisation: Organisation | None = None) -> list[Contact]:
    """Contacts of one organisation, or of all, by organisation key then age."""
    query = (
        select(Contact)
        .join(Contact.organisation)
        .order_by(Organisation.key, Contact.created_at, Contact.id)
    )
    if organisation is not None:
        query = query.where(Contact.organisation_id == organisation.id)
    return list(session.scalars(query))


def paused_users(session: Session, day: date) -> dict[str, date]:
    """People who asked for no reminders, with the day reminders resume."""
    rows = session.execute(
        select(ReminderPause.person_key, ReminderPause.until).where(ReminderPause.until > day)
    )
    return {key: until for key, until in rows}


def pause(session: Session, person_key: str, until: date, now: datetime) -> None:
    """``/seuranta pause until DATE``: a later pause replaces the earlier one."""
    existing = session.get(ReminderPause, person_key)
    if existing is None:
        session.add(ReminderPause(person_key=person_key, until=until, set_at=now))
    else:
        existing.until, existing.set_at = until, now


@dataclass(frozen=True, slots=True)
class ConversationRef:
    """How to reach a Teams person or channel later (see :class:`ConversationReference`)."""

    destination: str  # teams:<AAD object id> (a personal chat) or teams:19:…@thread.tacv2
    kind: ConversationKind
    service_url: str  # regional, e.g. https://smba.trafficmanager.net/emea/
    conversation_id: str
    bot_id: str  # the bot as Teams names it, 28:<app id>
    tenant_id: str | None
    user_id: str | None = None  # a personal chat's person: their Teams user id, 29:…
    aad_object_id: str | None = None

    @classmethod
    def personal(
        cls,
        *,
        aad_object_id: str,
        user_id: str,
        conversation_id: str,
        service_url: str,
        bot_id: str,
        tenant_id: str | None,
    ) -> ConversationRef:
        """A person's one-to-one chat with the bot (an install, or any personal message)."""
        who = PersonId.parse(TEAMS_PREFIX + aad_object_id)
        return cls(
            who.key,
            ConversationKind.PERSONAL,
            service_url,
            conversation_id,
            bot_id,
            tenant_id,
            user_id,
            who.id,
        )

    @classmethod
    def channel(
        cls, *, conversation_id: str, service_url: str, bot_id: str, tenant_id: str | None
    ) -> ConversationRef:
        """A team's channel; a post in one of its threads names ``…;messageid=…``."""
        channel_id = conversation_id.split(";", 1)[0]
        destination = parse_channel(TEAMS_PREFIX + channel_id)
        return cls(
            destination, ConversationKind.CHANNEL, service_url, channel_id, bot_id, tenant_id
        )


_REFERENCE_FIELDS = tuple(f.name for f in fields(ConversationRef))


def remember_conversation(session: Session, reference: ConversationRef, now: datetime) -> bool:
    """Store or refresh how to reach a destination; True if it could not be reached before.

    Teams sends the same reference with every message: one that has not changed writes nothing.
    """
    stored = session.get(ConversationReference, reference.destination)
    values = {f: getattr(reference, f) for f in _REFERENCE_FIELDS}
    if stored is not None and all(getattr(stored, f) == v for f, v in values.items()):
        return False
    _upsert(session, ConversationReference, values | {"updated_at": now})
    if stored is not None:
        session.expire(stored)  # the upsert bypassed the loaded row
    return stored is None


def forget_conversations(session: Session, destinations: Sequence[str]) -> int:
    """The app was removed (uninstalled, or the bot taken out of a team): how many went."""
    statement = delete(ConversationReference).where(
        ConversationReference.destination.in_(destinations)
    )
    return _changed_rows(session.execute(statement))


def conversation(session: Session, destination: str) -> ConversationRef | None:
    """How to reach a person key ``teams:<aad>`` or a channel ``teams:19:…``; None: not yet."""
    stored = session.get(ConversationReference, destination)
    if stored is None:
        return None
    values = {f: getattr(stored, f) for f in _REFERENCE_FIELDS}
    return ConversationRef(**values | {"kind": ConversationKind(stored.kind)})


def reachable(session: Session, destinations: Iterable[str]) -> set[str]:
    """Those of ``destinations`` (Teams person or channel keys) that have a stored reference."""
    wanted = list(dict.fromkeys(destinations))
    if not wanted:
        return set()
    found = session.scalars(
        select(ConversationReference.destination).where(
            ConversationReference.destination.in_(wanted)
        )
    )
    return set(found)


def record_event(session: Session, event_id: str, now: datetime) -> bool:
    """True the first time an event id is seen; False for Slack's retries of it."""
    return _insert_ignoring_duplicates(
        session, HandledEvent, ["event_id"], event_id=event_id, received_at=now
    )


def forget_events(session: Session, before: datetime) -> None:
    """Drop handled-event ids older than Slack's retry window; they can never come back."""
    session.execute(delete(HandledEvent).where(HandledEvent.received_at < before))


def import_contacts(
    factory: sessionmaker[Session],
    entries: Mapping[str, Sequence[str]],
    *,
    added_by: str,
    now: datetime,
) -> ContactsImported:
    """Add every listed contact, or nothing: the first problem raises before anything is kept.

    A person is written as a Slack user id (``U012AB3CD``) or ``teams:<Azure AD object id>``.
    """
    added = already = 0
    with transaction(factory) as session:
        for name, people in entries.items():
            organisation = resolve_one(session, name)
            for written in people:
                try:
                    who = PersonId.parse(written)
                except InputError as error:
                    raise InputError(f"{name}: {error}") from None
                if add_contact(session, organisation, who.key, added_by, now):
                    added += 1
                else:
                    already += 1
    return ContactsImported(added, already)


def resolve_one(session: Session, name: str) -> Organisation:
    found = find_organisations(session, name)
    if not found:
        raise InputError(f"{name!r} is not an organisation of the programme (try a key like SUPO)")
    if len(found) > 1:
        keys = ", ".join(o.key for o in found)
        raise InputError(f"{name!r} could mean {keys}: use one of the keys")
    return found[0]


def _insert_ignoring_duplicates(
    session: Session, model: type[Any], unique: Sequence[str], **values: Any
) -> bool:
    """INSERT … ON CONFLICT (unique) DO NOTHING: atomic under concurrency, unlike a select first.

    Only a duplicate of ``unique`` is ignored; any other conflict still raises.

    Whether a row went in is read from RETURNING: an ORM-level insert reports no rowcount on
    PostgreSQL (it says -1).
    """
    name = session.get_bind().dialect.name
    if name == "postgresql":
        statement: Any = postgresql.insert(model)
    elif name == "sqlite":
        statement = sqlite.insert(model)
    else:
        raise NotImplementedError(f"no insert-or-ignore for the {name} dialect")
    statement = statement.values(**values).on_conflict_do_nothing(index_elements=unique)
    key = model.__table__.primary_key.columns
    return session.execute(statement.returning(*key)).first() is not None


def _upsert(session: Session, model: type[Any], values: dict[str, Any]) -> None:
    """INSERT … ON CONFLICT (primary key) DO UPDATE: atomic, unlike select-then-insert."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        statement: Any = postgresql.insert(model).values(**values)
    elif name == "sqlite":
        statement = sqlite.insert(model).values(**values)
    else:
        raise NotImplementedError(f"no upsert for the {name} dialect")
    key = [c.name for c in model.__table__.primary_key.columns]
    changed = {k: statement.excluded[k] for k in values if k not in key}
    session.execute(statement.on_conflict_do_update(index_elements=key, set_=changed))


def _changed_rows(result: Any) -> int:
    # A DELETE gives a CursorResult; Session.execute is typed for the general case.
    return cast(CursorResult[Any], result).rowcount
