"""The people of the command tests: an admin, SM's two contacts and a stranger."""

from __future__ import annotations

from collections.abc import Callable

from bot.commands.context import CommandContext

ADMIN = "UADMIN001"
SM_CONTACT = "USMCONTACT"  # named a contact of SM, which leads measure 2.7
# SM's other contact. A Teams person's key ("teams:" and an object id) needs the wider column
# of migration 0004 (person keys), so the stored people here are Slack's until it lands.
OTHER_CONTACT = "WSMCONTACT"
STRANGER = "USTRANGER"

# ``context(person, lang=…, platform=…)``, the fixture of tests/bot/commands.
Context = Callable[..., CommandContext]
