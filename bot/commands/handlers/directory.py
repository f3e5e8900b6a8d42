"""``/seuranta iam``, ``contact add|remove`` (admins only) and ``contacts``: replies in mrkdwn."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.slack.mrkdwn import escape
from bot.slack.services import Services
from bot.slack.subcommands import ChangeContact, Iam, ListContacts, Usage
from data import directory
from data.db import transaction
from data.models import Contact, Organisation
from seuranta.i18n import message


def directory_reply(
    subcommand: Iam | ChangeContact | ListContacts | Usage,
    user_id: str,
    lang: str,
    services: Services,
) -> str:
    if isinstance(subcommand, Usage):
        return message(subcommand.message, lang)
    if isinstance(subcommand, ChangeContact) and not services.is_admin(user_id):
        return message("command.contact.admin_only", lang)
    with transaction(services.factory) as session:
        organisation: Organisation | None = None
        if subcommand.organisation:
            found = directory.find_organisations(session, subcommand.organisation)
            if len(found) != 1:
                return _not_one(subcommand.organisation, found, lang)
            organisation = found[0]
        if isinstance(subcommand, ListContacts):
            return _listing(directory.contacts(session, organisation), lang)
        assert organisation is not None  # the parser gives iam and contact an organisation
        label = escape(f"{organisation.name(lang)} ({organisation.key})")
        if isinstance(subcommand, Iam):
            directory.represent(session, user_id, organisation, services.now())
            return message("command.iam.done", lang, org=label)
        return _change(session, subcommand, organisation, label, user_id, lang, services)


def _not_one(name: str, found: list[Organisation], lang: str) -> str:
    if not found:
        return escape(message("command.org.unknown", lang, text=name))
    keys = ", ".join(o.key for o in found)
    return escape(message("command.org.ambiguous", lang, text=name, keys=keys))


def _change(
    session: Session,
    change: ChangeContact,
    organisation: Organisation,
    label: str,
    admin: str,
    lang: str,
    services: Services,
) -> str:
    user = f"<@{change.user_id}>"
    if change.add:
        added = directory.add_contact(session, organisation, change.user_id, admin, services.now())
        key = "command.contact.added" if added else "command.contact.already"
    else:
        removed = directory.remove_contact(session, organisation, change.user_id)
        key = "command.contact.removed" if removed else "command.contact.missing"
    return message(key, lang, user=user, org=label)


def _listing(contacts: list[Contact], lang: str) -> str:
    if not contacts:
        return message("command.contacts.none", lang)
    by_key: dict[str, list[str]] = {}
    for contact in contacts:
        by_key.setdefault(contact.organisation.key, []).append(f"<@{contact.slack_user_id}>")
    lines = [f"*{message('command.contacts.title', lang)}*"]
    lines += [f"• *{escape(key)}*: {', '.join(users)}" for key, users in by_key.items()]
    return "\n".join(lines)
