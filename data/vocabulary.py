"""The programme's analysed vocabulary in the database (table ``vocabulary_word``).

The importer analyses the programme's words once (`store`, inside the import's transaction), so
that answering a question needs only these rows, not the analyser (data.morphology). A
programme imported before the table existed has no rows: `load` analyses and stores them on
first need, once; two processes doing so at once both end with the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from data import queries
from data.models import VocabularyWord
from data.morphology import StoredVocabulary, analyse_vocabulary

__all__ = ["load", "store", "texts_of"]

_WORD: Final = re.compile(r"[^\W\d_]+")


def texts_of(measures: Iterable[queries.MeasureText]) -> list[str]:
    """What search indexes of each measure: title, parts, actions and schedule texts."""
    return [text for m in measures for text in (m.title, *m.parts, *m.actions, *m.schedules)]


def store(session: Session, programme_id: int, texts: Iterable[str]) -> StoredVocabulary:
    """Analyse the words of `texts` and make them the programme's vocabulary (not committed)."""
    stored = analyse_vocabulary(word for text in texts for word in _WORD.findall(text))
    session.execute(delete(VocabularyWord).where(VocabularyWord.programme_id == programme_id))
    rows = [
        {"programme_id": programme_id, "word": word, "lemmas": lemmas, "parts": parts, "keys": keys}
        for word, lemmas, parts, keys in stored.rows()
    ]
    if rows:
        session.execute(insert(VocabularyWord), rows)
    return stored


def load(factory: sessionmaker[Session], programme_id: int) -> StoredVocabulary:
    """The programme's stored vocabulary; analysed and stored first if it has none yet."""
    with factory() as session:
        found = _read(session, programme_id)
    if found.forms:
        return found
    with factory() as session:
        texts = texts_of(queries.measure_texts(session, programme_id))
        try:
            stored = store(session, programme_id, texts)
            session.commit()
        except IntegrityError:  # another process stored them first: theirs are the same
            session.rollback()
            return _read(session, programme_id)
        return stored


def _read(session: Session, programme_id: int) -> StoredVocabulary:
    return StoredVocabulary.from_rows(
        session.execute(
            select(
                VocabularyWord.word,
                VocabularyWord.lemmas,
                VocabularyWord.parts,
                VocabularyWord.keys,
            ).where(VocabularyWord.programme_id == programme_id)
        ).tuples()
    )
