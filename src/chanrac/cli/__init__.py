"""The ``chanrac`` command: serve, db, demo, import, and each capability's command group."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from chanrac import __version__
from chanrac.config import Settings, get_settings

app = typer.Typer(
    name="chanrac",
    help="chặn rác — Vietnam's anti-spam SMS platform.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
import_app = typer.Typer(help="Bulk imports.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(import_app, name="import")

console = Console(stderr=True)


class CliError(Exception):
    """A mistake the user can fix: printed as one line, exit code 2."""


def _version(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML file with settings (also CHANRAC_CONFIG)", exists=True)
    ] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True)] = False,
) -> None:
    if config is not None:
        os.environ["CHANRAC_CONFIG"] = str(config)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def settings() -> Settings:
    return get_settings()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or migrate the database to the newest schema (idempotent)."""
    from chanrac.store.db import upgrade

    url = settings().database_url
    upgrade(url)
    console.print(f"[green]database is up to date[/] ({_safe_url(url)})")


@db_app.command("current")
def db_current() -> None:
    """Print the schema revision of the database."""
    from chanrac.store.db import current_revision, make_engine

    print(current_revision(make_engine(settings().database_url)) or "empty")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="address to listen on")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port")] = None,
    workers: Annotated[int, typer.Option(help="worker processes (PostgreSQL only)")] = 1,
) -> None:
    """Migrate the database, then serve the API and UI (OpenAPI at /docs)."""
    import uvicorn

    from chanrac.store.db import upgrade

    cfg = settings()
    upgrade(cfg.database_url)
    if workers > 1 and cfg.is_sqlite:
        raise CliError("--workers > 1 needs PostgreSQL: SQLite allows one writer process")
    host, port = host or cfg.host, port or cfg.port
    console.print(f"chanrac {__version__} on [bold]http://{host}:{port}[/] — API docs at /docs")
    if workers > 1:
        uvicorn.run("chanrac.api.app:create_app", factory=True, host=host, port=port, workers=workers)
    else:
        from chanrac.api.app import create_app

        uvicorn.run(create_app(cfg), host=host, port=port)


@app.command()
def demo(
    reports: Annotated[int, typer.Option(help="how many reports to generate")] = 3000,
    seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same data")] = 2026,
) -> None:
    """Load realistic generated demo data (idempotent: a second run with the same seed adds nothing)."""
    from chanrac.intake.demo import load_demo
    from chanrac.store.db import upgrade

    cfg = settings()
    upgrade(cfg.database_url)
    loaded = load_demo(cfg, reports, seed, console)
    if loaded is None:
        console.print("demo data already loaded — nothing to do")
    else:
        body = loaded.body
        console.print(f"[green]loaded {body['accepted']} demo reports[/] ({body['duplicates']} repeats counted)")


@import_app.command("reports")
def import_reports_command(
    file: Annotated[Path, typer.Argument(help="CSV, JSON Lines or Parquet with columns of a report")],
    fmt: Annotated[str | None, typer.Option("--format", help="csv, jsonl or parquet (default: by suffix)")] = None,
    errors: Annotated[Path | None, typer.Option(help="where to write row errors (default: FILE.errors.csv)")] = None,
    force: Annotated[bool, typer.Option(help="import a file whose bytes were imported before")] = False,
) -> None:
    """Import reports from a bulk file: all rows or none; row errors go to an error file."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from chanrac.intake.bulk import import_reports, write_errors
    from chanrac.intake.service import IntakeService, default_classifier, default_hooks
    from chanrac.store.db import make_engine, session_factory, upgrade

    if not file.is_file():
        raise CliError(f"{file}: no such file")
    cfg = settings()
    upgrade(cfg.database_url)
    sessions = session_factory(make_engine(cfg.database_url))
    intake = IntakeService(sessions, cfg, default_classifier(cfg, sessions), on_stored=default_hooks())
    with Progress(
        TextColumn("importing {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(file.name, total=None)
        result = import_reports(intake, file, fmt=fmt, force=force, progress=lambda n: progress.advance(task, n))
    if result.already_imported:
        raise CliError(f"{file}: these exact bytes were imported before; nothing done (use --force to re-import)")
    if result.errors:
        destination = errors or file.with_name(file.name + ".errors.csv")
        write_errors(result.errors, destination)
        first = result.errors[0]
        raise CliError(
            f"{file}: {len(result.errors)} invalid row(s), nothing imported; first: row {first['row']}, "
            f"{first['field']}: {first['message']} — all in {destination}"
        )
    console.print(
        f"[green]{result.accepted} reports imported[/], {result.duplicates} repeats counted, "
        f"from {result.rows} rows of {file}"
    )


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


# Capability command groups: (module, group name or None to mount its commands at the top level).
GROUPS = (
    ("chanrac.cli.detect", None),
    ("chanrac.cli.campaigns", "campaigns"),
    ("chanrac.cli.traffic", "traffic"),
    ("chanrac.cli.synth", "synth"),
    ("chanrac.cli.text", "text"),
    ("chanrac.cli.stats", "stats"),
)
for _module_name, _group in GROUPS:
    try:
        _module = importlib.import_module(_module_name)
    except ModuleNotFoundError as _exc:
        if _exc.name != _module_name:
            raise
        continue
    if _group is None:
        for _command in _module.app.registered_commands:
            app.registered_commands.append(_command)
    else:
        app.add_typer(_module.app, name=_group)


def main() -> None:
    """Entry point: user mistakes end with one line and exit code 2, never a traceback."""
    from pydantic import ValidationError
    from sqlalchemy.exc import OperationalError

    from chanrac.intake.bulk import ImportFileError
    from chanrac.store.db import DatabaseURLError

    try:
        app(standalone_mode=True)
    except (CliError, ImportFileError, DatabaseURLError, FileNotFoundError) as exc:
        console.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(2)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc).splitlines()[0]
        console.print(f"[red]error:[/] cannot use the database: {reason}", highlight=False)
        sys.exit(2)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        console.print(f"[red]error:[/] invalid setting {where}: {first['msg']}", highlight=False)
        sys.exit(2)
    except ValueError as exc:  # configuration file problems
        console.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(2)
