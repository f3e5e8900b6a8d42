"""What the worker says, as platform-free content: one typed notice per outbox kind.

Each notice is built from its outbox row when the row is sent, not when it is planned, so a
milestone corrected in between is announced with its current wording, and a milestone moved or
removed since has nothing to say (:class:`Gone`). A notice knows its actions (a status on a
measure or milestone, from this outbox row; a note) and lays itself out as a
:class:`bot.document.Document`, which each platform's adapter renders (Block Kit, an Adaptive
Card). Every kind is defined once, in :mod:`jobs.notices.kinds`: its key, builder, skip rule
and label.

- :mod:`jobs.notices.reminders`: a deadline, a person's bundled deadlines, the ones missed
  during downtime, an organisation without a contact;
- :mod:`jobs.notices.rounds`: a reporting round's request and nudge, its leads without a
  contact, who had not answered by the due day;
- :mod:`jobs.notices.digest`: the weekly digest;
- :mod:`jobs.notices.reading`: what building them reads (in batches), the reader's language.
"""

from __future__ import annotations

from typing import Protocol

from bot.document import Document


class Notice(Protocol):
    def document(self) -> Document: ...


class Gone(LookupError):
    """The row has nothing to say any more (its milestone was moved or removed, its round or
    programme is gone): it is skipped, not sent."""
