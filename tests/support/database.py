"""The test's database as the command line reaches it: a DATABASE_URL for ``seuranta.cli``."""

from __future__ import annotations

from sqlalchemy import Engine, text


def cli_url(engine: Engine) -> str:
    """The engine's database as DATABASE_URL, with the test's own PostgreSQL schema (the
    ``engine`` fixture gives each PostgreSQL test a schema of its own on the shared server)."""
    url = engine.url
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        url = url.update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)
