"""The stored vocabulary: a programme imported before it existed gets one on first need."""

from __future__ import annotations

import threading
import time

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from data import queries, vocabulary
from data.importer import ImportSummary
from data.models import Programme, VocabularyWord
from data.morphology import StoredVocabulary


def _programme_id(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return session.scalars(select(Programme.id)).one()


def _count(factory: sessionmaker[Session]) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(VocabularyWord)) or 0


def test_load_reads_what_the_import_stored(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    stored = vocabulary.load(factory, _programme_id(factory))
    assert stored.forms["hybridiuhkien"].lemmas == ("hybridiuhka",)
    assert len(stored.forms) == _count(factory)


def test_a_programme_without_a_vocabulary_gets_it_analysed_and_stored_once(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    programme_id = _programme_id(factory)
    as_imported = vocabulary.load(factory, programme_id)
    with factory() as session, session.begin():  # as before the table was filled
        session.execute(delete(VocabularyWord))

    assert vocabulary.load(factory, programme_id) == as_imported
    assert _count(factory) == len(as_imported.forms)
    assert vocabulary.load(factory, programme_id) == as_imported


def test_two_processes_filling_it_at_once_both_end_with_the_same_rows(
    factory: sessionmaker[Session], imported: ImportSummary
) -> None:
    programme_id = _programme_id(factory)
    as_imported = vocabulary.load(factory, programme_id)
    with factory() as session, session.begin():
        session.execute(delete(VocabularyWord))
    second: dict[str, StoredVocabulary] = {}
    with factory() as first:
        vocabulary.store(
            first, programme_id, vocabulary.texts_of(queries.measure_texts(first, programme_id))
        )
        # The second finds no rows yet and stores its own, waiting on the first's: PostgreSQL
        # then refuses its duplicates, SQLite lets it replace them.
        racer = threading.Thread(
            target=lambda: second.update(found=vocabulary.load(factory, programme_id))
        )
        racer.start()
        time.sleep(0.5)
        first.commit()
    racer.join(timeout=60)
    assert second["found"] == as_imported
    assert vocabulary.load(factory, programme_id) == as_imported
    assert _count(factory) == len(as_imported.forms)
