"""The ``seuranta`` command: one subcommand per job, each a thin call into the packages.

Imports are made inside each command so that ``seuranta ask`` loads only what answering needs.
Errors a person can act on are printed without a traceback and exit with their
``exit_status`` (1: an import refused, 2: a usage or configuration error); anything else is a
bug and keeps its traceback.
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

    from reports.charts import RoundResponse


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings()
        result: int = args.run(args, settings)
        return result
    except SeurantaError as error:
        print(f"seuranta: error: {error}", file=sys.stderr)
        return error.exit_status
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
        "import",
        help="import a programme document (default: the bundled one)",
        description="Import a programme document. An import that would remove measures, or "
        "that would become a different programme than the current one, is refused (exit 1) "
        "and changes nothing unless a flag says it is meant.",
    )
    imp.add_argument("file", nargs="?", type=Path, help="programme text file")
    imp.add_argument(
        "--dry-run", action="store_true", help="show what would change, and change nothing"
    )
    imp.add_argument(
        "--accept-removals",
        action="store_true",
        help="import even though measures missing from the document are marked removed",
    )
    imp.add_argument(
        "--new-programme",
        action="store_true",
        help="import even though the document becomes a different programme than the current one",
    )
    imp.set_defaults(run=_import)

    export = commands.add_parser(
        "export", help="write the programme as JSON, or the follow-up table as xlsx, csv or html"
    )
    export.add_argument("--format", choices=("json", "xlsx", "csv", "html"), default="json")
    export.add_argument("--out", type=Path, help="file to write (default: standard output)")
    export.add_argument("--lang", choices=LANGUAGES, help="table language (default: setting)")
    export.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="mark what is overdue on this day"
    )
    export.set_defaults(run=_export)

    chart = commands.add_parser("chart", help="draw a chart as PNG or SVG")
    chart.add_argument("kind", choices=("status", "timeline", "response"))
    chart.add_argument("--out", type=Path, required=True, help="FILE.png or FILE.svg")
    chart.add_argument("--lang", choices=LANGUAGES, help="chart language (default: setting)")
    chart.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="draw as of this day")
    chart.add_argument(
        "--round",
        dest="rounds",
        action="append",
        type=_round,
        default=[],
        metavar="LABEL=RESPONDED/ASKED",
        help="for 'response': one reporting round, e.g. 2018-12=15/20 (repeat for more); "
        "without it, the rounds run in Slack",
    )
    chart.set_defaults(run=_chart)

    serve = commands.add_parser(
        "serve",
        help="run the Slack and/or Teams bot and the status page (HTTP on $PORT; Slack may "
        "use Socket Mode with SLACK_APP_TOKEN)",
    )
    serve.set_defaults(run=_serve)

    contacts = commands.add_parser("contacts", help="organisation contacts in Slack")
    contacts_commands = contacts.add_subparsers(
        dest="contacts_command", required=True, metavar="ACTION"
    )
    contacts_import = contacts_commands.add_parser(
        "import", help="add contacts from YAML (ORGANISATION: [Slack user ids]); all or nothing"
    )
    contacts_import.add_argument("file", type=Path)
    contacts_import.set_defaults(run=_contacts_import)

    remind = commands.add_parser(
        "remind", help="one reminder tick: plan what is due, send it, and exit"
    )
    remind.add_argument(
        "--as-of", type=_date, metavar="YYYY-MM-DD", help="run as if it were noon of this day"
    )
    remind.add_argument(
        "--dry-run", action="store_true", help="list what would be sent, to whom and why"
    )
    remind.set_defaults(run=_remind)

    worker = commands.add_parser("worker", help="run reminders, rounds and digests on a timer")
    worker.set_defaults(run=_worker)

    teams = commands.add_parser("teams", help="Microsoft Teams")
    teams_commands = teams.add_subparsers(dest="teams_command", required=True, metavar="ACTION")
    package = teams_commands.add_parser(
        "package", help="build the Teams app package (TEAMS_APP_ID, SEURANTA_PUBLIC_URL)"
    )
    package.add_argument(
        "--out", type=Path, default=Path("seuranta-teams.zip"), help="default: %(default)s"
    )
    package.add_argument("--developer", default="Seuranta", help="who publishes the app")
    for option, what in (
        ("--website-url", "the developer's or support page"),
        ("--privacy-url", "the privacy statement"),
        ("--terms-url", "the terms of use"),
    ):
        package.add_argument(
            option, type=_https_url, metavar="URL", help=f"{what} (default: SEURANTA_PUBLIC_URL)"
        )
    package.add_argument(
        "--app-version", metavar="X.Y.Z", help="raise it for each upload (default: Seuranta's)"
    )
    package.set_defaults(run=_teams_package)

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


def _https_url(value: str) -> str:
    if not value.startswith("https://") or len(value) <= len("https://"):
        raise argparse.ArgumentTypeError(f"{value!r} is not an https:// address")
    return value


def _round(value: str) -> tuple[str, int, int]:
    label, _, counts = value.rpartition("=")
    responded, _, asked = counts.partition("/")
    if not (label and responded.isdigit() and asked.isdigit() and int(asked) > 0):
        raise argparse.ArgumentTypeError(f"{value!r} is not a round like 2018-12=15/20")
    if int(responded) > int(asked):
        raise argparse.ArgumentTypeError(f"{value!r}: more responded than were asked")
    return label, int(responded), int(asked)


def _now(as_of: date | None, settings: Settings) -> datetime:
    """The injected clock: real time, or noon (local) of the --as-of day."""
    if as_of is None:
        return datetime.now(UTC)
    return datetime.combine(as_of, time(12), tzinfo=settings.zone).astimezone(UTC)


def _open(settings: Settings, now: datetime) -> sessionmaker[Session]:
    """The database, migrated and with the bundled programme on first use."""
    from data.db import ensure_schema, make_engine, make_sessionmaker
    from data.queries import current_programme_version

    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    factory = make_sessionmaker(engine)
    with factory() as session:
        empty = current_programme_version(session) is None
    if empty:
        # Only on first use: the importer brings the glossary, YAML and the schedule parser.
        from data.importer import BUNDLED_SOURCE, import_file

        import_file(factory, BUNDLED_SOURCE, now=now)
    return factory


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    from bot.engine import Engine
    from bot.render.text import render_text

    now = _now(args.as_of, settings)
    engine = Engine(
        _open(settings, now),
        default_lang=settings.language,
        zone=settings.zone,
    )
    answer = engine.ask(" ".join(args.question), now=now, lang=args.lang)
    sys.stdout.write(render_text(answer, settings.zone))
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    from data.db import ensure_schema, make_engine, make_sessionmaker
    from data.importer import BUNDLED_SOURCE, import_file

    engine = make_engine(settings.database_url)
    ensure_schema(engine)
    summary = import_file(
        make_sessionmaker(engine),
        args.file or BUNDLED_SOURCE,
        now=datetime.now(UTC),
        dry_run=args.dry_run,
        accept_removals=args.accept_removals,
        new_programme=args.new_programme,
    )
    changes = summary.changes
    assert changes is not None  # import_file always compares
    if changes.nothing:
        print("\n".join(changes.lines()))
        return 0
    if summary.written:
        print("\n".join(summary.lines()))
        return 0
    given = {"--accept-removals": args.accept_removals, "--new-programme": args.new_programme}
    needs = [flag for flag in changes.needs() if not given[flag]]
    verdict = (
        f"Without {' and '.join(needs)} this import is refused."
        if needs
        else "Run it again without --dry-run to import."
    )
    print(f"Dry run: nothing was changed. Importing {changes.file} would give:")
    print("\n".join([*changes.lines(), *(f"warning: {w}" for w in summary.warnings), verdict]))
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from data.queries import current_programme

    now = _now(args.as_of, settings)
    factory = _open(settings, now)
    if args.format != "json":
        from reports.export import follow_up_export

        with factory() as session:
            programme = current_programme(session)
            assert programme is not None  # _open imported one
            data = follow_up_export(
                session,
                programme,
                args.format,
                lang=args.lang or settings.language,
                today=now.astimezone(settings.zone).date(),
                zone=settings.zone,
                hide_notes=settings.hide_status_notes,
            )
        _write(args.out, data)
        return 0

    import json

    from data.export import programme_document

    with factory() as session:
        programme = current_programme(session)
        assert programme is not None  # _open imported one
        document = programme_document(session, programme, hide_notes=settings.hide_status_notes)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _recorded_rounds(settings: Settings) -> list[RoundResponse]:
    """Every reporting round in the database: measures answered of measures asked."""
    from data import rounds
    from reports.charts import RoundResponse

    with _open(settings, datetime.now(UTC))() as session:
        return [
            RoundResponse(f"#{p.id} {p.due.isoformat()}", len(p.answered), len(p.items))
            for p in (rounds.progress(session, r) for r in rounds.all_rounds(session))
        ]


def _chart(args: argparse.Namespace, settings: Settings) -> int:
    fmt = args.out.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise SeurantaError(f"{args.out}: name the file .png or .svg")
    lang = args.lang or settings.language
    if args.kind == "response":
        from reports.charts import RoundResponse, response_chart

        rounds = [RoundResponse(*r) for r in args.rounds] or _recorded_rounds(settings)
        if not rounds:
            raise SeurantaError(
                "no reporting rounds yet: start one in Slack, or give --round LABEL=RESPONDED/ASKED"
            )
        args.out.write_bytes(response_chart(rounds, lang, fmt))
        return 0

    from data.queries import current_programme
    from reports.charts import status_chart, timeline_chart
    from reports.snapshot import load_snapshot
    from reports.summary import summarise

    now = _now(args.as_of, settings)
    today = now.astimezone(settings.zone).date()
    with _open(settings, now)() as session:
        programme = current_programme(session)
        assert programme is not None  # _open imported one
        snapshot = load_snapshot(session, programme)
    if args.kind == "status":
        data = status_chart(summarise(snapshot, today), lang, fmt)
    else:
        data = timeline_chart(snapshot, today, lang, fmt)
    args.out.write_bytes(data)
    return 0


def _write(out: Path | None, data: bytes) -> None:
    if out is not None:
        out.write_bytes(data)
    elif sys.stdout.isatty() and not data.isascii():
        raise SeurantaError("this format is not for a terminal: give --out FILE or redirect")
    else:
        sys.stdout.buffer.write(data)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from seuranta import logs
    from seuranta.serve import require_platforms, serve

    require_platforms(settings)  # before touching the database: a missing secret is likelier

    logs.configure(settings.log_format)
    return serve(settings, _open(settings, datetime.now(UTC)))


def _contacts_import(args: argparse.Namespace, settings: Settings) -> int:
    from data.contacts_file import read_contacts_file
    from data.directory import import_contacts

    entries = read_contacts_file(args.file)
    factory = _open(settings, datetime.now(UTC))
    source = f"file:{args.file.name}"
    summary = import_contacts(factory, entries, added_by=source, now=datetime.now(UTC))
    print(summary.line())
    return 0


def _remind(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.tick import dry_run, run_tick

    now = _now(args.as_of, settings)
    factory = _open(settings, now)
    if args.dry_run:
        report = dry_run(factory, settings, now)
        print("\n".join(report.would_send or ["Nothing is due."]))
        return 0
    from jobs.worker import worker_id
    from seuranta.compose import message_ports

    # With --as-of the clock stands still at that noon, so a re-run sees the same "now".
    clock = (lambda: now) if args.as_of else (lambda: datetime.now(UTC))
    ports = message_ports(settings, factory)
    report = run_tick(factory, settings, ports, clock=clock, worker=worker_id())
    print("\n".join(report.lines()))
    return 0


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from jobs.worker import run_worker
    from seuranta import logs
    from seuranta.compose import message_ports

    logs.configure(settings.log_format)
    factory = _open(settings, datetime.now(UTC))
    return run_worker(factory, settings, message_ports(settings, factory))


def _teams_package(args: argparse.Namespace, settings: Settings) -> int:
    from bot.teams.package import PackageOptions, build_package

    options = PackageOptions(
        developer=args.developer,
        website_url=args.website_url,
        privacy_url=args.privacy_url,
        terms_url=args.terms_url,
        app_version=args.app_version,
    )
    args.out.write_bytes(build_package(settings, options))
    print(f"Wrote {args.out}: upload it in Teams (Apps → Manage your apps → Upload an app).")
    return 0


def _db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    from data.db import SCHEMA_HEAD, ensure_schema, make_engine

    changed = ensure_schema(make_engine(settings.database_url))
    print(f"Database schema {'upgraded to' if changed else 'already at'} revision {SCHEMA_HEAD}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
