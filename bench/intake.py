"""Intake throughput: reports/s accepted through the batch API, into SQLite and into PostgreSQL.

For each database the script creates a fresh, empty database, starts ``chanrac serve`` on loopback
in its own process, posts pre-generated batches of reports from client threads, and afterwards
checks that every acknowledged tracking code is in the database.

Campaign assignment is the slower enrichment that follows each acknowledgement. With
``--campaigns worker`` (the default, the production set-up) the servers only store and classify,
and one ``chanrac campaigns follow`` process assigns concurrently; the script also prints when the
last report was in its campaign. With ``--campaigns inline`` each server process assigns its own
reports after answering, on the same cores.

    .venv/bin/python bench/intake.py [--reports 100000] [--batch 10000] [--clients 2] [--workers 2]
                                     [--campaigns worker|inline]
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import orjson
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text

from chanrac.synth import demo_reports

console = Console(width=140)  # the table stays readable when the output is a file or a pipe
PG_ADMIN = os.environ.get("CHANRAC_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_bodies(total: int, batch: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    rows = []
    for i, record in enumerate(demo_reports(total, seed=seed)):
        record["reporter"] = f"+8498{rng.randrange(10**7):07d}"  # distinct reporters: no de-duplication
        record["text"] = f"{record['text']} #{i}"
        rows.append(record)
    return [orjson.dumps({"reports": rows[i : i + batch]}) for i in range(0, total, batch)]


def wait_for(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start")


def pending(db_url: str) -> int:
    engine = create_engine(db_url)
    with engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM reports WHERE campaign_id IS NULL")).scalar_one()
    engine.dispose()
    return int(count)


def stop(proc: subprocess.Popen[bytes], sig: int = signal.SIGTERM, timeout: float = 300) -> None:
    proc.send_signal(sig)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run(db_url: str, bodies: list[bytes], clients: int, workers: int, campaigns: str) -> tuple[float, float, int, int]:
    """Acknowledged reports/s, seconds until every report was in a campaign, acknowledged, missing."""
    port = free_port()
    token = secrets.token_urlsafe(32)
    env = dict(
        os.environ,
        CHANRAC_DATABASE_URL=db_url,
        CHANRAC_CAMPAIGN_ASSIGNMENT=campaigns,
        CHANRAC_PARTNER_TOKENS=orjson.dumps({token: "bench operator"}).decode(),
    )
    chanrac = [sys.executable, "-c", "from chanrac.cli import main; main()"]
    cmd = [*chanrac, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    follower = None
    if campaigns == "worker":
        follower = subprocess.Popen(
            [*chanrac, "campaigns", "follow", "--interval", "0.2"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base, proc)
        acknowledged: list[str] = []

        def post(body: bytes) -> list[str]:
            with httpx.Client(base_url=base, timeout=300) as client:
                response = client.post(
                    "/api/v1/reports/batch",
                    content=body,
                    headers={
                        "content-type": "application/json",
                        "Idempotency-Key": uuid.uuid4().hex,
                        "Authorization": f"Bearer {token}",
                    },
                )
                response.raise_for_status()
                return [r["tracking_code"] for r in response.json()["reports"]]

        # One warm-up batch (model load, connection pools) is not timed.
        acknowledged += post(bodies[0])
        start = time.perf_counter()
        with ThreadPoolExecutor(clients) as pool:
            for codes in pool.map(post, bodies[1:]):
                acknowledged += codes
        elapsed = time.perf_counter() - start
        with console.status("waiting for campaign assignment"):
            while pending(db_url) and (follower is None or follower.poll() is None):
                time.sleep(0.5)
        enriched = time.perf_counter() - start
    finally:
        stop(proc)
        if follower is not None:
            stop(follower)
    engine = create_engine(db_url)
    with engine.connect() as conn:
        stored = set(conn.execute(text("SELECT tracking_code FROM reports")).scalars())
    engine.dispose()
    missing = len(set(acknowledged) - stored)
    timed = sum(len(orjson.loads(b)["reports"]) for b in bodies[1:])
    return timed / elapsed, enriched, len(acknowledged), missing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="server processes for PostgreSQL")
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    parser.add_argument("--campaigns", choices=["worker", "inline"], default="worker")
    args = parser.parse_args()

    with console.status("generating reports"):
        bodies = make_bodies(args.reports + args.batch, args.batch, seed=7)
    table = Table(
        title=f"intake via POST /api/v1/reports/batch ({args.reports:,} reports, batches of {args.batch:,}, "
        f"campaign assignment {args.campaigns})"
    )
    columns = (
        "database",
        "server processes",
        "acknowledged reports/s",
        "all in campaigns after",
        "acknowledged",
        "missing after",
    )
    for column in columns:
        table.add_column(column, justify="right")
    from chanrac.store.db import upgrade

    if args.only in (None, "sqlite"):
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            upgrade(url)
            rate, enriched, acked, missing = run(url, bodies, args.clients, 1, args.campaigns)
            table.add_row("SQLite (WAL)", "1", f"{rate:,.0f}", f"{enriched:.1f} s", f"{acked:,}", str(missing))
    if args.only in (None, "postgresql"):
        name = f"chanrac_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
        try:
            upgrade(url)
            rate, enriched, acked, missing = run(url, bodies, args.clients, args.workers, args.campaigns)
            table.add_row(
                "PostgreSQL", str(args.workers), f"{rate:,.0f}", f"{enriched:.1f} s", f"{acked:,}", str(missing)
            )
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    console.print(table)


if __name__ == "__main__":
    main()
