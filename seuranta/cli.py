"""The ``seuranta`` command: one subcommand per job, each a thin call into the packages.

Imports are made inside each command so that ``seuranta ask`` loads only what answering needs.
Errors a person can act on are printed as one line and exit 2; anything else is a bug and
keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from seuranta.errors import SeurantaError
from seuranta.settings import LANGUAGES, Settings, load_settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        result: int = args.run(args, settings)
        return result
    except SeurantaError as error:
        print(f"seuranta: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seuranta",
        description="Follow a public-sector action programme: owners, deadlines and status.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ask = commands.add_parser("ask", help="answer a question about the programme")
    ask.add_argument("question", nargs="+", help='e.g. "who owns 2.7?"')
    ask.add_argument(
        "--lang", choices=LANGUAGES, help="answer language (default: from the question)"
    )
    ask.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="answer as if it were this day"
    )
    ask.set_defaults(run=_ask)

    imp = commands.add_parser(
        "import", help="import a programme document (default: the bundled one)"
    )
    imp.add_argument("file", nargs="?", type=Path, help="programme text file")
    imp.set_defaults(run=_import)

    export = commands.add_parser("export", help="write the programme as JSON or CSV")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.set_defaults(run=_export)

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="apply schema migrations")
    upgrade.set_defaults(run=_db_upgrade)
    return parser


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2018-12-17") from None


def _now(as_of: date | None, settings: Settings) -> datetime:
    """The injected clock: real time, or noon (local) of the --as-of day."""
    if as_of is None:
        return datetime.now(UTC)
    return datetime.combine(as_of, time(12), tzinfo=settings.zone).astimezone(UTC)


def _open(settings: Settings, now: datetime) -> sessionmaker[Session]:
    """The database, migrated and with the bundled programme on first use."""
    from data.db import ensure_schema, make_engine, make_sessionmaker
    from data.importer import BUNDLED_SOURCE, import_file
    from data.queries import current_programme

    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    factory = make_sessionmaker(engine)
    with factory() as session:
        empty = current_programme(session) is None
    if empty:
        import_file(factory, BUNDLED_SOURCE, now=now)
    return factory


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.engine import Engine
    from bot.render.text import render_text

    now = _now(args.as_of, settings)
    engine = Engine(_open(settings, now), default_lang=settings.language, zone=settings.zone)
    answer = engine.ask(" ".join(args.question), now=now, lang=args.lang)
    sys.stdout.write(render_text(answer, settings.zone))
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    from data.db import ensure_schema, make_engine, make_sessionmaker
    from data.importer import BUNDLED_SOURCE, import_file

    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    summary = import_file(
        make_sessionmaker(engine), args.file or BUNDLED_SOURCE, now=datetime.now(UTC)
    )
    print("\n".join(summary.lines()))
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    import json

    from data.export import programme_csv, programme_document
    from data.queries import current_programme

    factory = _open(settings, datetime.now(UTC))
    with factory() as session:
        programme = current_programme(session)
        assert programme is not None  # _open imported one
        document = programme_document(session, programme)
    if args.format == "json":
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    else:
        text = programme_csv(document)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from data.db import SCHEMA_HEAD, ensure_schema, make_engine

    changed = ensure_schema(make_engine(settings.database_url))
    print(f"Database schema {'upgraded to' if changed else 'already at'} revision {SCHEMA_HEAD}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
