"""``iam``, ``contact add|remove`` and ``contacts``: people by their keys."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot.commands.handlers.directory import add_contact, iam, list_contacts, remove_contact
from bot.commands.parse import AddContact, Iam, ListContacts, RemoveContact
from data import directory
from tests.support.documents import shown
from tests.support.people import ADMIN, OTHER_CONTACT, SM_CONTACT, STRANGER, Context

NEW_CONTACT = "W0NEWCONTACT"


def test_iam_is_remembered_and_named_in_the_persons_language(
    context: Context, factory: sessionmaker[Session]
) -> None:
    reply = iam(Iam("Suojelupoliisi"), context(STRANGER, lang="sv"))

    assert shown(reply, "sv")[0].startswith("Noterat: du representerar Skyddspolisen (SUPO).")
    with factory() as session:
        organisation = directory.my_organisation(session, STRANGER)
        assert organisation is not None
        assert organisation.key == "SUPO"


def test_an_unknown_or_ambiguous_organisation_is_said_so(context: Context) -> None:
    assert shown(iam(Iam("SUPERPO"), context(STRANGER))) == [
        "“SUPERPO” is not an organisation of the programme. Use its key, e.g. SUPO."
    ]
    assert shown(list_contacts(ListContacts("SUPERPO"), context(STRANGER)))[0].startswith(
        "“SUPERPO” is not"
    )


def test_an_admin_names_a_contact_and_everyone_sees_the_list(context: Context) -> None:
    added = add_contact(AddContact("SUPO", NEW_CONTACT), context(ADMIN))
    again = add_contact(AddContact("supo", NEW_CONTACT), context(ADMIN))
    listing = list_contacts(ListContacts(None), context(STRANGER))

    assert shown(added) == [
        f"{NEW_CONTACT} is now a contact for Finnish Security and Intelligence Service (SUPO)."
    ]
    assert shown(again)[0].startswith(f"{NEW_CONTACT} already is a contact")
    assert shown(listing) == [
        "Contacts",
        f"• SM: {SM_CONTACT}, {OTHER_CONTACT}",
        f"• SUPO: {NEW_CONTACT}",
    ]


def test_only_admins_change_contacts(context: Context, factory: sessionmaker[Session]) -> None:
    refused = remove_contact(RemoveContact("SM", SM_CONTACT), context(SM_CONTACT))

    assert shown(refused)[0].startswith("Only Seuranta's administrators can change contacts")
    removed = remove_contact(RemoveContact("SM", SM_CONTACT), context(ADMIN))
    missing = remove_contact(RemoveContact("SM", SM_CONTACT), context(ADMIN))
    assert (
        shown(removed)[0] == f"{SM_CONTACT} is no longer a contact for Ministry of the "
        "Interior (SM)."
    )
    assert shown(missing)[0].startswith(f"{SM_CONTACT} was not a contact")
    assert shown(list_contacts(ListContacts("SM"), context(STRANGER))) == [
        "Contacts",
        f"• SM: {OTHER_CONTACT}",
    ]
