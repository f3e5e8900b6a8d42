"""A conversation's context: kept for its follow-ups for 30 minutes, never shared with another."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.orm import Session, sessionmaker

from data import conversations
from tests.support.programme import NOW

THREAD = "slack:C0123456789:1700000000.000100"
# Teams conversation ids run long; two that differ only past the column's width.
LONG = "teams:a:" + "x" * 400
LONG_TOO = "teams:a:" + "x" * 399 + "y"


def test_a_context_is_read_back_while_fresh_and_not_after_thirty_minutes(
    factory: sessionmaker[Session],
) -> None:
    with factory() as session:
        conversations.save(session, THREAD, "fi", {"measures": ["2.7"]}, NOW)
    with factory() as session:
        fresh = conversations.load(session, THREAD, NOW + timedelta(minutes=29))
        stale = conversations.load(session, THREAD, NOW + timedelta(minutes=31))
    assert fresh is not None
    assert fresh.context == {"measures": ["2.7"]}
    assert stale is None


def test_another_conversation_sees_nothing(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        conversations.save(session, THREAD, "fi", {"measures": ["2.7"]}, NOW)
        assert conversations.load(session, THREAD + "1", NOW) is None
        assert conversations.load(session, "slack:C0123456789", NOW) is None


def test_the_newest_context_replaces_the_previous_one(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        conversations.save(session, THREAD, "fi", {"measures": ["2.7"]}, NOW)
        conversations.save(session, THREAD, "en", {"measures": ["2.8"]}, NOW)
    with factory() as session:
        assert context(session, THREAD) == {"measures": ["2.8"]}


def test_long_conversation_ids_are_kept_apart(factory: sessionmaker[Session]) -> None:
    with factory() as session:
        conversations.save(session, LONG, "fi", {"measures": ["1.1"]}, NOW)
        conversations.save(session, LONG_TOO, "fi", {"measures": ["2.14"]}, NOW)
    with factory() as session:
        assert context(session, LONG) == {"measures": ["1.1"]}
        assert context(session, LONG_TOO) == {"measures": ["2.14"]}
    assert len(conversations.stored_key(LONG)) == 300


def context(session: Session, conversation: str) -> object:
    stored = conversations.load(session, conversation, NOW)
    return stored.context if stored is not None else None
