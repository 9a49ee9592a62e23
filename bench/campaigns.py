"""Campaign clustering and feed benchmark (figures for issue 4).

    .venv/bin/python bench/campaigns.py --messages 100000 --workers 2 --feed-entries 1000000

1. quality: pairwise F1 of batch and incremental clustering against the true campaigns of
   ``chanrac.synth.campaign_benchmark`` (templates of every category, realistic mutations, ham);
2. speed: from-scratch clustering (normalise + sign + cluster) and incremental assignment rate;
3. feed: ``read_blocklist(since=…)`` latency over a blocklist of ``--feed-entries`` rows in SQLite
   (and PostgreSQL with ``--postgres URL``).
Synthetic texts are cached under ``--cache`` (never in the repository).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from rich.console import Console

from chanrac.campaigns import CampaignIndex, pairwise_f1, sign_texts
from chanrac.campaigns.cluster import cluster_signed
from chanrac.config import TIMEZONE
from chanrac.synth import campaign_benchmark
from chanrac.synth.generate import default_campaign_count

console = Console()


def corpus(n: int, seed: int, cache: Path) -> tuple[list[str], list[str | None]]:
    path = cache / f"campaign-benchmark-{n}-{seed}.pickle"
    if path.is_file():
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    with console.status(f"generating {n:,} synthetic messages"):
        data = campaign_benchmark(n, n_campaigns=default_campaign_count(round(n * 0.7)), seed=seed)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(data))
    return data


def clustering(texts: list[str], truth: list[str | None], workers: int) -> None:
    started = time.perf_counter()
    batch = sign_texts(texts, workers=workers)
    signed = time.perf_counter()
    labels = cluster_signed(batch)
    done = time.perf_counter()
    score = pairwise_f1(truth, labels.tolist())
    console.print(
        f"batch: {len(texts):,} messages in {done - started:.1f} s (normalise+sign {signed - started:.1f} s, "
        f"cluster {done - signed:.1f} s); pairwise P={score.precision:.4f} R={score.recall:.4f} F1={score.f1:.4f}"
    )
    index, counter = CampaignIndex(), itertools.count()
    assigned: list[object] = []
    started = time.perf_counter()
    for i in range(0, len(texts), 1000):
        assigned += index.assign(sign_texts(texts[i : i + 1000]), counter.__next__).campaign_ids
    elapsed = time.perf_counter() - started
    score = pairwise_f1(truth, assigned)
    console.print(
        f"incremental (batches of 1000, normalisation included): {len(texts) / elapsed:,.0f} messages/s; "
        f"pairwise P={score.precision:.4f} R={score.recall:.4f} F1={score.f1:.4f}"
    )


def feed(url: str, entries: int) -> None:
    from sqlalchemy import insert

    from chanrac.sharing.blocklist import read_blocklist
    from chanrac.store.db import make_engine, session_factory, upgrade
    from chanrac.store.tables_campaigns import BlocklistRow

    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(TIMEZONE)
    with console.status(f"filling the blocklist with {entries:,} entries"), engine.begin() as conn:
        conn.execute(BlocklistRow.__table__.delete())
        for start in range(0, entries, 50_000):
            conn.execute(
                insert(BlocklistRow),
                [
                    {
                        "kind": "number",
                        "value": f"+8491{i:07d}",
                        "listed": i % 10 != 0,
                        "reason": "bench",
                        "score": 0.9,
                        "reports": 5,
                        "reporters": 3,
                        "campaigns": 1,
                        "first_seen": now,
                        "last_seen": now,
                        "expires_at": now + timedelta(days=30),
                        "seq": i + 1,
                        "updated_at": now,
                    }
                    for i in range(start, min(entries, start + 50_000))
                ],
            )
    sessions = session_factory(engine)
    timings = []
    for since in [entries - 100 - k * 1000 for k in range(50)]:
        with sessions() as session:
            started = time.perf_counter()
            page = read_blocklist(session, since=since, limit=10_000)
            timings.append((time.perf_counter() - started) * 1000)
            assert page.entries and page.entries[0].seq == since + 1
    timings.sort()
    console.print(
        f"feed on {engine.dialect.name}, {entries:,} entries: incremental since= call "
        f"median {statistics.median(timings):.1f} ms, p95 {timings[int(len(timings) * 0.95)]:.1f} ms, "
        f"max {timings[-1]:.1f} ms (100–49,100 changes returned)"
    )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--feed-entries", type=int, default=1_000_000)
    parser.add_argument("--postgres", help="also measure the feed on this PostgreSQL URL")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "chanrac-bench")
    args = parser.parse_args()
    if args.messages:
        texts, truth = corpus(args.messages, args.seed, args.cache)
        clustering(texts, truth, args.workers)
    if args.feed_entries:
        feed(f"sqlite:///{args.cache / 'feed-bench.db'}", args.feed_entries)
        if args.postgres:
            feed(args.postgres, args.feed_entries)


if __name__ == "__main__":
    main()
