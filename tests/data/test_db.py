"""The schema: migrations are the source of truth, and times come back aware in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, select
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session, sessionmaker

from data.db import MIGRATIONS, SCHEMA_HEAD, current_revision, ensure_schema, make_engine
from data.models import Base, Programme


def test_schema_head_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_migrations_create_every_table_the_models_declare(engine: Engine) -> None:
    assert current_revision(engine) == SCHEMA_HEAD
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_the_migrated_schema_is_exactly_what_the_models_declare(engine: Engine) -> None:
    """Columns, types, nullability, indexes and constraints: a migration cannot drift."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_migrations_go_down_to_nothing_and_back_up(engine: Engine) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert ensure_schema(engine) is True
    assert ensure_schema(engine) is False
    assert current_revision(engine) == SCHEMA_HEAD


def test_an_empty_database_is_brought_to_the_newest_schema(tmp_path: Path) -> None:
    fresh = make_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    assert current_revision(fresh) is None
    assert ensure_schema(fresh) is True
    assert current_revision(fresh) == SCHEMA_HEAD


def test_times_are_stored_in_utc_and_come_back_aware(factory: sessionmaker[Session]) -> None:
    helsinki_summer = timezone(timedelta(hours=3))
    with factory() as session, session.begin():
        session.add(
            Programme(
                slug="p",
                title="P",
                description="",
                source_name="",
                source_sha256="",
                revision=1,
                imported_at=datetime(2026, 6, 1, 12, 0, tzinfo=helsinki_summer),
            )
        )
    with factory() as session:
        stored = session.scalars(select(Programme.imported_at)).one()
    assert stored == datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    assert stored is not None
    assert stored.utcoffset() == timedelta(0)


def test_a_naive_datetime_is_refused(factory: sessionmaker[Session]) -> None:
    naive = Programme(
        slug="p",
        title="P",
        description="",
        source_name="",
        source_sha256="",
        revision=1,
        imported_at=datetime(2026, 6, 1, 12, 0),  # noqa: DTZ001 - the point of the test
    )
    with factory() as session:
        session.add(naive)
        with pytest.raises(StatementError, match="naive datetime"):
            session.flush()
