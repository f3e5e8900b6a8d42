"""``iam``, ``contact add|remove`` (admins only) and ``contacts``: the people directory."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands.context import CommandContext
from bot.commands.parse import AddContact, Iam, ListContacts, RemoveContact
from bot.commands.results import say
from bot.document import Document, Heading, Lines, Person, phrase
from data import directory
from data.db import transaction
from data.models import Contact, Organisation
from seuranta.identity import Platform


def iam(command: Iam, ctx: CommandContext) -> Document:
    with transaction(ctx.factory) as session:
        organisation = _one(session, command.organisation)
        if not isinstance(organisation, Organisation):
            return organisation
        directory.represent(session, ctx.person, organisation, ctx.now)
        # Only Slack has a Home tab that shows the organisation's measures.
        done = "command.iam.done" if ctx.platform is Platform.SLACK else "command.iam.noted"
        return say(phrase(done, org=_label(organisation, ctx.lang)))


def add_contact(command: AddContact, ctx: CommandContext) -> Document:
    if not ctx.is_admin:
        return say(phrase("command.contact.admin_only"))
    with transaction(ctx.factory) as session:
        organisation = _one(session, command.organisation)
        if not isinstance(organisation, Organisation):
            return organisation
        added = directory.add_contact(session, organisation, command.person, ctx.person, ctx.now)
    key = "command.contact.added" if added else "command.contact.already"
    return say(phrase(key, user=Person(command.person), org=_label(organisation, ctx.lang)))


def remove_contact(command: RemoveContact, ctx: CommandContext) -> Document:
    if not ctx.is_admin:
        return say(phrase("command.contact.admin_only"))
    with transaction(ctx.factory) as session:
        organisation = _one(session, command.organisation)
        if not isinstance(organisation, Organisation):
            return organisation
        removed = directory.remove_contact(session, organisation, command.person)
    key = "command.contact.removed" if removed else "command.contact.missing"
    return say(phrase(key, user=Person(command.person), org=_label(organisation, ctx.lang)))


def list_contacts(command: ListContacts, ctx: CommandContext) -> Document:
    with transaction(ctx.factory) as session:
        organisation: Organisation | None = None
        if command.organisation:
            found = _one(session, command.organisation)
            if not isinstance(found, Organisation):
                return found
            organisation = found
        return _listing(directory.contacts(session, organisation))


def _one(session: Session, name: str) -> Organisation | Document:
    """The one organisation ``name`` means, or the reply saying it means none or several."""
    found = directory.find_organisations(session, name)
    if len(found) == 1:
        return found[0]
    if not found:
        return say(phrase("command.org.unknown", text=name))
    return say(phrase("command.org.ambiguous", text=name, keys=", ".join(o.key for o in found)))


def _label(organisation: Organisation, lang: str) -> str:
    return f"{organisation.name(lang)} ({organisation.key})"


def _listing(contacts: list[Contact]) -> Document:
    if not contacts:
        return say(phrase("command.contacts.none"))
    by_key: dict[str, list[Person]] = {}
    for contact in contacts:
        by_key.setdefault(contact.organisation.key, []).append(Person(contact.person_key))
    title = phrase("command.contacts.title")
    lines = tuple(
        phrase("command.contacts.line", org=key, people=tuple(people))
        for key, people in by_key.items()
    )
    return Document(title, (Heading(title), Lines(lines, bulleted=True)))
