"""What the last answer in a conversation was about, kept for its follow-ups.

A follow-up ("entä 2.8?", "who else?") may reach another web worker, or arrive after a
restart, so the context lives in the database, one row per conversation key, and is read only
while it is fresh: 30 minutes after the last answer a question starts afresh.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from data.models import CONVERSATION_KEY_LENGTH, ConversationContext

FRESH_FOR = timedelta(minutes=30)


class Stored(NamedTuple):
    context: dict[str, Any]
    updated_at: datetime


def load(session: Session, conversation: str, now: datetime) -> Stored | None:
    """The context stored for this conversation, or None if there is none or it is stale."""
    row = session.get(ConversationContext, stored_key(conversation))
    if row is None or row.updated_at < now - FRESH_FOR:
        return None
    return Stored(dict(row.context), row.updated_at)


def save(
    session: Session, conversation: str, lang: str, context: dict[str, Any], now: datetime
) -> None:
    """Keep this context for the conversation (replacing the previous one) and commit."""
    key = stored_key(conversation)
    for attempt in range(2):
        row = session.get(ConversationContext, key)
        if row is None:
            row = ConversationContext(conversation=key, lang=lang, context=context, updated_at=now)
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


def stored_key(conversation: str) -> str:
    """The key as stored: as given, or, past the column's width (a Teams conversation id can be
    long), its start and a SHA-256 of the whole, which still never meets another conversation."""
    if len(conversation) <= CONVERSATION_KEY_LENGTH:
        return conversation
    digest = hashlib.sha256(conversation.encode()).hexdigest()
    return f"{conversation[: CONVERSATION_KEY_LENGTH - len(digest) - 1]}#{digest}"
