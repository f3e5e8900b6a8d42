"""Engine, sessions and schema upgrades.

The schema is owned by the Alembic migrations in ``data/migrations``. Checking whether the
database is current reads one row and compares it with :data:`SCHEMA_HEAD`, so the common
path (``seuranta ask``) never imports Alembic; it is loaded only when an upgrade is due.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import ArgumentError, IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from seuranta.errors import ConfigError, UnavailableError

# The newest migration; tests/data/test_db.py checks it against Alembic's own head.
SCHEMA_HEAD = "0005"
MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str, **options: Any) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, **options)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True, **options)
    except (ArgumentError, ImportError) as error:  # an unknown dialect or driver
        raise ConfigError(f"DATABASE_URL cannot be used: {error}") from error


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # The web process and the worker share the file: let readers and one writer work at once.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll everything back on any error."""
    with factory() as session, session.begin():
        yield session


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError):
        return None


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # SQLite changes a column by copying its table (Alembic's batch mode); with foreign
            # keys enforced, dropping the original fails while any row points at it, even from
            # the copy. SQLite's own procedure: keys off, copy, check every reference, keys on.
            # The pragma is ignored inside a transaction, so it goes before one.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    _check_references(connection)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def _check_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise IntegrityError("PRAGMA foreign_key_check", None, RuntimeError(broken))


def ensure_schema(engine: Engine) -> bool:
    """Upgrade to the newest schema if needed; return True if anything was done.

    Every command that needs the database starts here, so a database out of reach is told in
    one line (:class:`UnavailableError`) rather than by the traceback of the first query.
    """
    if current_revision(engine) == SCHEMA_HEAD:
        return False
    _check_reachable(engine)
    upgrade(engine)
    return True


def _check_reachable(engine: Engine) -> None:
    try:
        with engine.connect():
            pass
    except OperationalError as error:
        where = engine.url.render_as_string(hide_password=True)
        reason = str(error.orig or error).strip().splitlines()[0]
        raise UnavailableError(f"cannot reach the database at {where}: {reason}") from error
