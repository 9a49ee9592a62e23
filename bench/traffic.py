"""Traffic analytics at scale: simulate (cached) networks of 10 M and 100 M events, run every detector
on DuckDB with a memory limit, print time, events/s, peak memory and quality; Spark local on 10 M.

    .venv/bin/python bench/traffic.py                      # 10 M and 100 M on DuckDB, Spark on 10 M
    .venv/bin/python bench/traffic.py --sizes 10 --no-spark
    .venv/bin/python bench/traffic.py --json bench/results/traffic.json

Networks are written once under ``--cache`` (default ~/.cache/chanrac/traffic, never the repo);
a size is "N million events": 14 days of about 10 events per subscriber a day.
Each detection runs in a child process so that its peak resident memory can be measured.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DAYS = 14
EVENTS_PER_SUBSCRIBER_DAY = 8.9  # what the simulator produces with its defaults (measured at 10 M)


def network(cache: Path, millions: int) -> Path:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from chanrac.traffic.simulate import SimulationConfig, simulate

    subscribers = int(millions * 1_000_000 / (DAYS * EVENTS_PER_SUBSCRIBER_DAY))
    folder = cache / f"hard-{millions}M-{subscribers}-{DAYS}d"
    if (folder / "truth.parquet").exists():
        return folder
    started = time.perf_counter()
    with Progress(
        TextColumn(f"simulating {millions} M events"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()
    ) as progress:
        task = progress.add_task("days", total=DAYS)
        counts = simulate(
            SimulationConfig(subscribers=subscribers, days=DAYS, seed=2026),
            folder,
            lambda done, total: progress.update(task, completed=done),
        )
    print(f"simulated {counts['events']:,} events in {time.perf_counter() - started:.0f} s → {folder}")
    return folder


def run_child(folder: Path, engine: str, memory_limit: str) -> dict[str, object]:
    """Detect in a child process; returns its measurements and the child's peak RSS."""
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "import pyarrow.parquet as pq\n"
        "from chanrac.traffic.engines import DuckDBEngine, SparkEngine, TrafficInputs\n"
        "from chanrac.traffic.evaluate import evaluate\n"
        "from chanrac.traffic.params import TrafficParams\n"
        "folder, engine, limit = Path(sys.argv[1]), sys.argv[2], sys.argv[3]\n"
        "inputs = TrafficInputs.from_paths(\n"
        "    folder / 'events', folder / 'subscribers.parquet', folder / 'cells.parquet')\n"
        "runner = DuckDBEngine(memory_limit=limit) if engine == 'duckdb' else SparkEngine()\n"
        "started = time.perf_counter()\n"
        "suspects = runner.run(inputs, TrafficParams())\n"
        "seconds = time.perf_counter() - started\n"
        "result = evaluate(suspects, pq.read_table(folder / 'truth.parquet').to_pylist())\n"
        "events = pq.ParquetDataset(folder / 'events').count_rows() if hasattr(pq.ParquetDataset, 'count_rows') "
        "else sum(pq.ParquetFile(f).metadata.num_rows for f in (folder / 'events').glob('*.parquet'))\n"
        "print(json.dumps({'seconds': seconds, 'events': events, 'suspects': len(suspects), "
        "'quality': result.rows(), 'boxes': result.boxes, 'boxes_found': result.boxes_found_as_groups, "
        "'steps': {k: round(v, 2) for k, v in runner.timings.items()}}))\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), engine, memory_limit],
        capture_output=True, text=True, check=False, env={**os.environ, "PYSPARK_PYTHON": sys.executable},
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{engine} on {folder} failed:\n{done.stderr[-3000:]}")
    measured: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: it tells this child's peak only when this
    # child set a new maximum. Spark's JVM is a grandchild and never counted: no figure for Spark.
    measured["peak_rss_gib"] = round(peak_kib / 1024**2, 2) if engine == "duckdb" and peak_kib > before else None
    return measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100", help="millions of events, comma-separated")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "chanrac" / "traffic")
    parser.add_argument("--memory-limit", default="6GB", help="DuckDB memory_limit (the goal is ≤ 8 GB in all)")
    parser.add_argument("--no-spark", action="store_true", help="skip Spark local mode on the smallest size")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    for millions in sizes:
        folder = network(args.cache, millions)
        measured = run_child(folder, "duckdb", args.memory_limit)
        results.append({"engine": "duckdb", "millions": millions, **measured})
        _print(results[-1])
    if not args.no_spark:
        folder = network(args.cache, min(sizes))
        measured = run_child(folder, "spark", args.memory_limit)
        results.append({"engine": "spark local[2]", "millions": min(sizes), **measured})
        _print(results[-1])
    duck = [r for r in results if r["engine"] == "duckdb"]
    if len(duck) >= 2:
        small, large = duck[0], duck[-1]
        growth = float(large["seconds"]) / float(small["seconds"])  # type: ignore[arg-type]
        scale = int(large["events"]) / int(small["events"])  # type: ignore[call-overload]
        print(f"time grows ×{growth:.1f} for ×{scale:.1f} events from {small['millions']} M to {large['millions']} M")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


def _print(r: dict[str, object]) -> None:
    events, seconds = int(r["events"]), float(r["seconds"])  # type: ignore[call-overload, arg-type]
    peak = "n/a" if r["peak_rss_gib"] is None else f"{r['peak_rss_gib']} GiB"
    print(
        f"{r['engine']:>15} {events / 1e6:7.1f} M events: {seconds:7.1f} s, {events / seconds:,.0f} events/s, "
        f"peak RSS {peak}, {r['suspects']:,} suspects, boxes {r['boxes_found']}/{r['boxes']}"
    )
    for row in r["quality"]:  # type: ignore[attr-defined]
        print(f"{'':>17}{row['kind']:>14}: precision {row['precision']:.3f} recall {row['recall']:.3f}")
    print(f"{'':>17}steps (s): {r['steps']}")


if __name__ == "__main__":
    main()
