"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL is at ``SEURANTA_TEST_POSTGRES`` (default: the development and CI machines' server,
127.0.0.1:5432, database ``test``, trust auth). Each test gets its own schema there, so tests
never see each other's rows. Outside CI an unreachable server skips the PostgreSQL half with a
loud reason; in CI (``CI`` set) it fails, so a green CI run always means both databases ran.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from data.db import make_engine, make_sessionmaker, upgrade
from data.importer import BUNDLED_SOURCE, ImportSummary, import_file
from tests.support.programme import NOW

POSTGRES_URL = os.environ.get(
    "SEURANTA_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

_postgres_down: str | None = None


def _postgres_available() -> str | None:
    """None if the server answers, else why not (checked once per run)."""
    global _postgres_down
    if _postgres_down is None:
        try:
            probe = create_engine(POSTGRES_URL)
            with probe.connect() as connection:
                connection.execute(text("SELECT 1"))
            probe.dispose()
            _postgres_down = ""
        except OperationalError as error:
            _postgres_down = str(error).splitlines()[0]
    return _postgres_down or None


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file per run; each test copies it (much faster than migrating)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(
    request: pytest.FixtureRequest, tmp_path: Path, _migrated_sqlite: Path
) -> Iterator[Engine]:
    """A migrated, empty database of each kind."""
    if request.param == "sqlite":
        path = tmp_path / "seuranta.sqlite3"
        shutil.copy(_migrated_sqlite, path)
        sqlite = make_engine(f"sqlite:///{path}")
        yield sqlite
        sqlite.dispose()
        return
    reason = _postgres_available()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but unreachable: {reason}")
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_URL}: {reason}")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    postgres = make_engine(POSTGRES_URL, connect_args={"options": f"-csearch_path={schema}"})
    upgrade(postgres)
    try:
        yield postgres
    finally:
        postgres.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return make_sessionmaker(engine)


@pytest.fixture
def imported(factory: sessionmaker[Session]) -> ImportSummary:
    """The real programme, imported from the bundled document."""
    return import_file(factory, BUNDLED_SOURCE, now=NOW)
