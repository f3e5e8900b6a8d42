"""The people directory: who represents which organisation, contacts, handled Slack events.

Organisations are named the way people type them: the key (``SUPO``), an official name in any
language, or an alias, matched exactly but ignoring case. Fuzzy matching belongs to questions
(:mod:`bot.orgmatch`); a directory change should name its organisation unambiguously.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from data.db import transaction
from data.models import Contact, HandledEvent, Organisation, Person
from seuranta.errors import InputError

SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")


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


def person(session: Session, slack_user_id: str) -> Person | None:
    return session.scalar(select(Person).where(Person.slack_user_id == slack_user_id))


def display_names(session: Session, slack_user_ids: Sequence[str]) -> dict[str, str]:
    """The names the directory knows for these people (those without one are left out)."""
    rows = session.execute(
        select(Person.slack_user_id, Person.display_name).where(
            Person.slack_user_id.in_(slack_user_ids), Person.display_name != ""
        )
    )
    return {user_id: name for user_id, name in rows}


def _person_for_update(session: Session, slack_user_id: str, now: datetime) -> Person:
    found = person(session, slack_user_id)
    if found is None:
        found = Person(slack_user_id=slack_user_id, display_name="", updated_at=now)
        session.add(found)
    return found


def represent(
    session: Session, slack_user_id: str, organisation: Organisation, now: datetime
) -> None:
    """``/seuranta iam SUPO``: the person says whom they represent."""
    found = _person_for_update(session, slack_user_id, now)
    found.organisation_id = organisation.id
    found.updated_at = now


def remember_profile(
    session: Session,
    slack_user_id: str,
    *,
    locale: str | None,
    tz: str | None,
    display_name: str,
    now: datetime,
) -> None:
    found = _person_for_update(session, slack_user_id, now)
    found.locale, found.tz, found.display_name, found.updated_at = locale, tz, display_name, now


def my_organisation(session: Session, slack_user_id: str) -> Organisation | None:
    """Whom the person said they represent; failing that, where an admin made them a contact."""
    found = person(session, slack_user_id)
    if found is not None and found.organisation is not None:
        return found.organisation
    return session.scalar(
        select(Organisation)
        .join(Contact, Contact.organisation_id == Organisation.id)
        .where(Contact.slack_user_id == slack_user_id)
        .order_by(Contact.created_at, Contact.id)
    )


def add_contact(
    session: Session, organisation: Organisation, slack_user_id: str, added_by: str, now: datetime
) -> bool:
    """True if the person became a contact, False if they already were."""
    return _insert_ignoring_duplicates(
        session,
        Contact,
        organisation_id=organisation.id,
        slack_user_id=slack_user_id,
        added_by=added_by,
        created_at=now,
    )


def remove_contact(session: Session, organisation: Organisation, slack_user_id: str) -> bool:
    statement = delete(Contact).where(
        Contact.organisation_id == organisation.id, Contact.slack_user_id == slack_user_id
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


def record_event(session: Session, event_id: str, now: datetime) -> bool:
    """True the first time an event id is seen; False for Slack's retries of it."""
    return _insert_ignoring_duplicates(session, HandledEvent, event_id=event_id, received_at=now)


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
    """Add every listed contact, or nothing: the first problem raises before anything is kept."""
    added = already = 0
    with transaction(factory) as session:
        for name, user_ids in entries.items():
            organisation = resolve_one(session, name)
            for user_id in user_ids:
                if not SLACK_USER_ID.match(user_id):
                    raise InputError(f"{name}: {user_id!r} is not a Slack user id like U012AB3CD")
                if add_contact(session, organisation, user_id, added_by, now):
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


def _insert_ignoring_duplicates(session: Session, model: type[Any], **values: Any) -> bool:
    """INSERT … ON CONFLICT DO NOTHING: atomic under concurrency, unlike select-then-insert.

    Whether a row went in is read from RETURNING: an ORM-level insert reports no rowcount on
    PostgreSQL (it says -1).
    """
    name = session.get_bind().dialect.name
    if name == "postgresql":
        statement: Any = postgresql.insert(model).values(**values).on_conflict_do_nothing()
    elif name == "sqlite":
        statement = sqlite.insert(model).values(**values).on_conflict_do_nothing()
    else:
        raise NotImplementedError(f"no insert-or-ignore for the {name} dialect")
    key = model.__table__.primary_key.columns
    return session.execute(statement.returning(*key)).first() is not None


def _changed_rows(result: Any) -> int:
    # A DELETE gives a CursorResult; Session.execute is typed for the general case.
    return cast(CursorResult[Any], result).rowcount
