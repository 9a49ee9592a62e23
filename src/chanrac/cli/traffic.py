"""``chanrac traffic``: simulate a network, detect mass senders / SIM boxes / pre-activated SIMs in
CDR and subscriber files (DuckDB or Spark), score against a ground truth, load suspects into the store."""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from chanrac.traffic.params import TrafficParams

app = typer.Typer(
    help="Traffic analytics over operators' CDRs: mass senders, SIM boxes, pre-activated SIMs.", no_args_is_help=True
)
err = Console(stderr=True)
out = Console()


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def simulate(
    out_dir: Annotated[Path, typer.Option("-o", "--out", help="folder to write events/, subscribers, cells, truth")],
    subscribers: Annotated[int, typer.Option(min=1_000, help="ordinary subscribers")] = 20_000,
    days: Annotated[int, typer.Option(min=1, max=366)] = 7,
    seed: Annotated[int, typer.Option(help="the same seed gives the same network")] = 7,
    easy: Annotated[bool, typer.Option("--easy", help="no throttling or disguise (the default is hard)")] = False,
) -> None:
    """Write a synthetic network with planted SIM boxes, mass senders and pre-activated batches."""
    from chanrac.traffic.simulate import SimulationConfig
    from chanrac.traffic.simulate import simulate as run_simulation

    config = SimulationConfig(subscribers=subscribers, days=days, seed=seed, hard=not easy)
    started = time.perf_counter()
    with Progress(
        TextColumn("simulating day"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("days", total=days)
        counts = run_simulation(config, out_dir, lambda done, total: progress.update(task, completed=done))
    err.print(
        f"[green]{counts['events']:,} events[/], {counts['subscribers']:,} subscribers, "
        f"{counts['truth']:,} ground-truth rows in {out_dir} ({time.perf_counter() - started:.1f} s)"
    )


@app.command()
def detect(
    events: Annotated[Path, typer.Argument(help="events (CDR): a Parquet/CSV file or a folder of them")],
    output: Annotated[Path, typer.Option("-o", "--output", help="suspects file (.parquet, or .csv)")],
    subscribers: Annotated[Path | None, typer.Option(help="subscriber file (Parquet/CSV)")] = None,
    cells: Annotated[Path | None, typer.Option(help="cell file: cell_id, lat, lon, province")] = None,
    engine: Annotated[str, typer.Option(help="duckdb (embedded) or spark")] = "duckdb",
    spark_master: Annotated[str, typer.Option(help="Spark master URL, e.g. spark://host:7077 or yarn")] = "local[2]",
    memory_limit: Annotated[str, typer.Option(help="DuckDB memory limit; it spills to disk beyond")] = "6GB",
    allow_list: Annotated[Path | None, typer.Option(help="CSV with a 'sender' column: never suspects")] = None,
    params_file: Annotated[Path | None, typer.Option("--params", help="JSON overriding TrafficParams")] = None,
) -> None:
    """Run every detector and write msisdn, kind, group_id, score, signals (JSON), first_seen, last_seen."""
    from chanrac.traffic.engines import DuckDBEngine, SparkEngine, TrafficInputError, TrafficInputs
    from chanrac.traffic.io import write_suspects

    if engine not in ("duckdb", "spark"):
        _fail(f"--engine {engine!r}: use duckdb or spark")
    params = _params(params_file, allow_list)
    runner = DuckDBEngine(memory_limit=memory_limit) if engine == "duckdb" else SparkEngine(master=spark_master)
    started = time.perf_counter()
    try:
        inputs = TrafficInputs.from_paths(events, subscribers, cells)
        with err.status(f"{engine}: starting") as status:
            suspects = runner.run(inputs, params, lambda step: status.update(f"{engine}: {step}"))
    except TrafficInputError as exc:
        _fail(str(exc))
    write_suspects(suspects, output)
    kinds = Counter(s.kind.value for s in suspects)
    groups = len({s.group_id for s in suspects if s.kind.value == "sim_box"})
    err.print(
        f"[green]{len(suspects):,} suspects[/] ({', '.join(f'{k} {n:,}' for k, n in sorted(kinds.items())) or 'none'}; "
        f"{groups} SIM boxes) → {output} in {time.perf_counter() - started:.1f} s"
    )


def _params(params_file: Path | None, allow_list: Path | None) -> TrafficParams:
    from dataclasses import fields

    import pyarrow.csv as pa_csv

    overrides: dict[str, object] = {}
    if params_file is not None:
        try:
            overrides = json.loads(params_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            _fail(f"--params {params_file}: {exc}")
        known = {f.name for f in fields(TrafficParams)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            _fail(f"--params {params_file}: unknown parameter(s) {', '.join(unknown)}")
        if "window_limits" in overrides:
            overrides["window_limits"] = tuple(tuple(pair) for pair in overrides["window_limits"])  # type: ignore[attr-defined]
    if allow_list is not None:
        try:
            table = pa_csv.read_csv(
                allow_list, convert_options=pa_csv.ConvertOptions(column_types={"sender": "string"})
            )
        except Exception as exc:
            _fail(f"--allow-list {allow_list}: cannot be read ({str(exc).splitlines()[0]})")
        if "sender" not in table.column_names:
            _fail(f"--allow-list {allow_list}: column 'sender' is missing")
        overrides["allow_list"] = frozenset(str(v) for v in table.column("sender").to_pylist() if v)
    try:
        return TrafficParams(**overrides)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        _fail(f"traffic parameters: {exc}")


@app.command()
def evaluate(
    suspects_file: Annotated[Path, typer.Argument(help="suspects written by 'detect'")],
    truth: Annotated[Path, typer.Argument(help="truth.parquet written by 'simulate'")],
) -> None:
    """Precision and recall per kind (SIM level) and the share of boxes found as groups."""
    import pyarrow.parquet as pq

    from chanrac.traffic.evaluate import evaluate as score
    from chanrac.traffic.io import SuspectFileError, read_suspects

    try:
        suspects = read_suspects(suspects_file)
        truth_rows = pq.read_table(truth).to_pylist()
    except (SuspectFileError, OSError) as exc:
        _fail(str(exc))
    result = score(suspects, truth_rows)
    table = Table("kind", "truth", "predicted", "precision", "recall")
    for row in result.rows():
        table.add_row(*(str(row[c]) for c in ("kind", "truth", "predicted", "precision", "recall")))
    out.print(table)
    out.print(f"boxes found as groups: {result.boxes_found_as_groups}/{result.boxes} ({result.box_group_recall:.0%})")


@app.command()
def load(
    suspects_file: Annotated[Path, typer.Argument(help="suspects written by 'detect'")],
    run_id: Annotated[
        str | None, typer.Option(help="name of this run (default: a hash of the file's suspects)")
    ] = None,
    reputation: Annotated[
        bool, typer.Option(help="recompute sender reputation now, so the suspects reach verdicts at once")
    ] = True,
) -> None:
    """Load suspects into the database (idempotent per run), where they feed sender reputation
    (the ``reputation.sender`` signal of later verdicts)."""
    from chanrac.campaigns import rebuild_reputation
    from chanrac.config import get_settings
    from chanrac.store.db import make_engine, session_factory, session_scope, upgrade
    from chanrac.traffic.io import SuspectFileError, load_suspects, read_suspects

    try:
        suspects = read_suspects(suspects_file)
    except SuspectFileError as exc:
        _fail(str(exc))
    settings = get_settings()
    upgrade(settings.database_url)
    sources = 0
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("loading suspects", total=None)
        with session_scope(session_factory(make_engine(settings.database_url))) as session:
            count = load_suspects(session, suspects, run_id)
            if reputation:
                bar.update(task, description="recomputing reputation")
                sources = rebuild_reputation(session, settings)
    scored = f"; {sources:,} sources scored" if reputation else "; reputation changes at 'chanrac campaigns rebuild'"
    err.print(f"[green]{count:,} suspects loaded[/] from {suspects_file}{scored}")
