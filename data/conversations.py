"""What the last answer in a conversation was about, kept for its follow-ups.

A follow-up ("entä 2.8?", "who else?") may reach another web worker, or arrive after a
restart, so the context lives in the database, one row per conversation key, and is read only
while it is fresh: 30 minutes after the last answer a question starts afresh.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data.models import ConversationContext

FRESH_FOR = timedelta(minutes=30)


def load(session: Session, conversation: str, now: datetime) -> dict[str, Any] | None:
    """The context stored for this conversation, or None if there is none or it is stale."""
    row = session.get(ConversationContext, conversation)
    if row is None or row.updated_at < now - FRESH_FOR:
        return None
    return dict(row.context)


def save(
    session: Session, conversation: str, lang: str, context: dict[str, Any], now: datetime
) -> None:
    """Keep this context for the conversation (replacing the previous one) and commit."""
    for attempt in range(2):
        row = session.get(ConversationContext, conversation)
        if row is None:
            row = ConversationContext(
                conversation=conversation, lang=lang, context=context, updated_at=now
            )
            session.add(row)
        else:
            row.lang, row.context, row.updated_at = lang, context, now
        try:
            session.commit()
            return
        except IntegrityError:
            # Another worker stored the first context of this conversation at the same moment.
            session.rollback()
            if attempt:
                raise
