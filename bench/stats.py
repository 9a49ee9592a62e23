"""How long the dashboard's statistics take on a large reports table (SQLite or PostgreSQL).

    .venv/bin/python bench/stats.py --rows 300000                      # a temporary SQLite file
    .venv/bin/python bench/stats.py --rows 300000 --url postgresql+psycopg://postgres@127.0.0.1/test

Rows are synthetic (numbers, categories, times; no message text from any data set), spread over
the last 120 days, inserted once per database; the timings are of :func:`compute_stats` for 7, 30
and 365 days, best of three.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from sqlalchemy import create_engine, func, select, text

from chanrac.config import TIMEZONE
from chanrac.geo import PROVINCES
from chanrac.model import Category, Channel
from chanrac.reports import StatsQuery, compute_stats
from chanrac.store.db import make_engine, session_factory, upgrade
from chanrac.store.tables import ReportRow

OPERATORS = ["viettel", "vinaphone", "mobifone", "vietnamobile", None]


def synthetic_rows(n: int, rng: random.Random, now: datetime) -> list[dict[str, object]]:
    categories = [c.value for c in Category]
    channels = [c.value for c in Channel]
    provinces = [p.code for p in PROVINCES]
    rows = []
    for _ in range(n):
        category = rng.choice(categories)
        spam = category != "ham"
        at = now - timedelta(seconds=rng.randrange(120 * 86400))
        rows.append(
            {
                "tracking_code": uuid.uuid4().hex[:16],
                "kind": "spam_sms",
                "channel": rng.choice(channels),
                "sender": f"+849{rng.randrange(10_000_000):08d}"[:12] if rng.random() < 0.9 else "BRAND",
                "sender_kind": "mobile",
                "sender_operator": rng.choice(OPERATORS),
                "reporter": f"+848{rng.randrange(100_000_000):08d}",
                "text": "synthetic",
                "province": rng.choice(provinces),
                "received_at": at,
                "created_at": at,
                "duplicate_count": 0,
                "status": "classified",
                "verdict_label": "spam" if spam else "ham",
                "verdict_category": category,
                "verdict_action": "block" if spam else "allow",
                "verdict_score": 7.0 if spam else -1.0,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--url", help="a PostgreSQL URL; a fresh database is created in it and dropped")
    args = parser.parse_args()
    console = Console()
    now = datetime.now(TIMEZONE)

    admin = None
    if args.url:
        name = f"chanrac_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = args.url.rsplit("/", 1)[0] + f"/{name}"
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    try:
        upgrade(url)
        engine = make_engine(url)
        rng = random.Random(7)
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task(f"inserting {args.rows:,} synthetic reports", total=args.rows)
            done = 0
            while done < args.rows:
                batch = min(20_000, args.rows - done)
                with engine.begin() as conn:
                    conn.execute(ReportRow.__table__.insert(), synthetic_rows(batch, rng, now))
                done += batch
                progress.advance(task, batch)
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("ANALYZE reports"))
        sessions = session_factory(engine)
        with sessions() as session:
            total = session.scalar(select(func.count()).select_from(ReportRow))
        console.print(f"{engine.dialect.name}: {total:,} reports")
        for days in (7, 30, 365):
            timings = []
            for _ in range(3):
                with sessions() as session:
                    start = time.perf_counter()
                    stats = compute_stats(session, StatsQuery(days=days))
                    timings.append(time.perf_counter() - start)
            console.print(f"  days={days:<3}  {stats.totals.reports:>9,} in window  best {min(timings) * 1000:8.1f} ms")
        engine.dispose()
    finally:
        if admin is not None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
