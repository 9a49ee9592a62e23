"""Campaign clustering and feed benchmark (figures for issue 4).

    .venv/bin/python bench/campaigns.py --messages 100000 --seeds 1 2 3 --feed-entries 0
    .venv/bin/python bench/campaigns.py --messages 1000000 --skip-incremental --feed-entries 0
    createdb -h 127.0.0.1 -U postgres chanrac_bench_feed  # a database of its own, not the tests' one
    .venv/bin/python bench/campaigns.py --messages 0 --feed-entries 1000000 \\
        --postgres postgresql+psycopg://postgres@127.0.0.1:5432/chanrac_bench_feed
    .venv/bin/python bench/campaigns.py --messages 0 --feed-entries 0 --real-data /work/shared/data

1. quality: pairwise F1 (all pairs, and spam-only) of batch and incremental clustering against
   the true campaigns of ``chanrac.synth.campaign_benchmark`` (templates of every category,
   realistic mutations, ham), per seed, and where the wrongly joined pairs come from (runs of
   one template, ham with ham, spam with ham, different templates);
2. speed: from-scratch clustering (tokenise + sign + cluster, ``--workers`` processes), wall
   time and CPU time (the machine is shared: CPU seconds / workers is the idle-machine figure),
   and the incremental assignment rate;
3. feed: latency of the incremental ``read_blocklist(since=cursor)`` poll an operator makes every
   minute (the cursor a few changes behind the head), over a blocklist of ``--feed-entries`` rows
   in SQLite and PostgreSQL (``--postgres URL``);
4. ``--real-data DIR``: clusters the real SMS sets of ``DIR`` (shared/data) and prints the
   biggest clusters to the terminal only (their texts never go anywhere else).
Synthetic texts are cached under ``--cache`` (never in the repository).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import pickle
import random
import resource
import statistics
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console

from chanrac.campaigns import CampaignIndex, cluster_texts, pairwise_f1, sign_texts
from chanrac.campaigns.cluster import cluster_signed, sign_distinct
from chanrac.config import TIMEZONE
from chanrac.synth import campaign_benchmark
from chanrac.synth.generate import default_campaign_count

console = Console()


def corpus(n: int, seed: int, cache: Path) -> tuple[list[str], list[str | None]]:
    path = cache / f"campaign-benchmark-{n}-{seed}.pickle"
    if path.is_file():
        data: tuple[list[str], list[str | None]] = pickle.loads(path.read_bytes())
        return data
    with console.status(f"generating {n:,} synthetic messages"):
        data = campaign_benchmark(n, n_campaigns=default_campaign_count(round(n * 0.7)), seed=seed)
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(data))
    return data


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def clustering(texts: list[str], truth: list[str | None], workers: int, incremental: bool) -> None:
    spam_rows = [i for i, t in enumerate(truth) if t is not None]
    cpu, started = cpu_seconds(), time.perf_counter()
    batch, copy_of = sign_distinct(texts, workers=workers)
    signed = time.perf_counter()
    labels = cluster_signed(batch)[copy_of]
    done, cpu = time.perf_counter(), cpu_seconds() - cpu
    score = pairwise_f1(truth, labels.tolist())
    spam = pairwise_f1([truth[i] for i in spam_rows], labels[spam_rows].tolist())
    console.print(
        f"batch: {len(texts):,} messages ({len(batch):,} distinct) in {done - started:.1f} s wall "
        f"(tokenise+sign {signed - started:.1f} s, cluster {done - signed:.1f} s; {cpu:.1f} CPU s over "
        f"{workers} workers); pairwise P={score.precision:.4f} R={score.recall:.4f} F1={score.f1:.4f}; "
        f"spam-only F1={spam.f1:.4f}"
    )
    console.print("  " + false_pair_breakdown(truth, labels.tolist()))
    if not incremental:
        return
    index, counter = CampaignIndex(), itertools.count()
    assigned: list[object] = []
    started = time.perf_counter()
    for i in range(0, len(texts), 1000):
        assigned += index.assign(sign_texts(texts[i : i + 1000]), counter.__next__).campaign_ids
    elapsed = time.perf_counter() - started
    score = pairwise_f1(truth, assigned)
    spam = pairwise_f1([truth[i] for i in spam_rows], [assigned[i] for i in spam_rows])
    console.print(
        f"incremental (batches of 1000, tokenising included): {len(texts) / elapsed:,.0f} messages/s; "
        f"pairwise P={score.precision:.4f} R={score.recall:.4f} F1={score.f1:.4f}; spam-only F1={spam.f1:.4f}"
    )


def false_pair_breakdown(truth: list[str | None], labels: list[int]) -> str:
    """Where the wrongly joined pairs come from (a diagnostic, not the measure). At a million
    messages each template carries ~17 runs, which may differ only in what clustering must ignore
    (brand, link, amount); and ham of one kind (OTP codes, balance notices, "Dạ") is made of
    near-identical texts that the truth counts as unrelated."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        members[label].append(i)

    def pairs(counts: Counter[Any]) -> int:
        return sum(v * (v - 1) // 2 for v in counts.values())

    false = same_template = ham_pairs = mixed = 0
    for rows in members.values():
        runs = Counter(truth[i] for i in rows if truth[i] is not None)
        templates = Counter(str(truth[i]).split("#", 1)[0] for i in rows if truth[i] is not None)
        n_ham = len(rows) - sum(runs.values())
        false += len(rows) * (len(rows) - 1) // 2 - pairs(runs)
        same_template += pairs(templates) - pairs(runs)
        ham_pairs += n_ham * (n_ham - 1) // 2
        mixed += n_ham * sum(runs.values())
    if not false:
        return "no pair joined wrongly"
    other = false - same_template - ham_pairs - mixed
    return (
        f"of {false:,} wrongly joined pairs: {same_template / false:.0%} join runs of one template, "
        f"{ham_pairs / false:.0%} ham with ham, {mixed / false:.0%} spam with ham, "
        f"{other / false:.0%} runs of different templates"
    )


def real_clusters(data: Path, shown: int) -> None:
    """Cluster each real data set and print its biggest clusters (terminal only: no licence)."""
    for path in sorted(data.glob("*/*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = [(r["text"], r["label"]) for r in csv.DictReader(handle) if "text" in r and "label" in r]
        if not rows:
            continue
        labels = cluster_texts([t for t, _ in rows])
        members: dict[int, list[int]] = defaultdict(list)
        for i, label in enumerate(labels.tolist()):
            members[label].append(i)
        multi = [m for m in members.values() if len(m) > 1]
        console.rule(f"{path.parent.name}: {len(rows):,} messages, {len(members):,} clusters, {len(multi):,} of 2+")
        for group in sorted(multi, key=len, reverse=True)[:shown]:
            mix = Counter(rows[i][1] for i in group)
            text = rows[group[0]][0].replace("\n", " ")
            console.print(f"[bold]{len(group):>4}[/] {dict(mix)}  {text[:110]!r}", highlight=False)


def feed(url: str, entries: int) -> None:
    from sqlalchemy import delete, insert

    from chanrac.sharing.blocklist import read_blocklist
    from chanrac.store.db import make_engine, session_factory, upgrade
    from chanrac.store.tables_campaigns import BlocklistRow

    upgrade(url)
    engine = make_engine(url)
    now = datetime.now(TIMEZONE)
    with console.status(f"filling the blocklist with {entries:,} entries"), engine.begin() as conn:
        conn.execute(delete(BlocklistRow))
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
    rng = random.Random(7)
    head = entries
    polls: list[float] = []
    returned: list[int] = []
    for _ in range(400):
        since = head - rng.randrange(0, 101)  # a poll a minute: a few changes behind the head
        with sessions() as session:
            started = time.perf_counter()
            page = read_blocklist(session, since=since)
            polls.append((time.perf_counter() - started) * 1000)
        returned.append(len(page.entries))
        assert page.cursor == head and len(page.entries) == head - since
    polls.sort()
    console.print(
        f"feed on {engine.dialect.name}, {entries:,} entries: incremental since= poll (0–100 changes, "
        f"{len(polls)} polls) median {statistics.median(polls):.2f} ms, p95 {polls[int(len(polls) * 0.95)]:.2f} ms, "
        f"max {polls[-1]:.2f} ms"
    )
    with sessions() as session:
        started = time.perf_counter()
        page = read_blocklist(session, since=entries // 2, limit=10_000)
        console.print(
            f"  (a full catch-up page of {len(page.entries):,} entries from the middle of the history: "
            f"{(time.perf_counter() - started) * 1000:.0f} ms)"
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--seeds", type=int, nargs="+", default=[3])
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--real-data", type=Path, help="cluster the real sets of this directory (shared/data)")
    parser.add_argument("--shown", type=int, default=5, help="real clusters shown per data set")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--feed-entries", type=int, default=1_000_000)
    parser.add_argument("--postgres", help="also measure the feed on this PostgreSQL URL")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "chanrac-bench")
    args = parser.parse_args()
    for seed in args.seeds if args.messages else []:
        texts, truth = corpus(args.messages, seed, args.cache)
        console.rule(f"{args.messages:,} synthetic messages, seed {seed}")
        clustering(texts, truth, args.workers, not args.skip_incremental)
    if args.real_data:
        real_clusters(args.real_data, args.shown)
    if args.feed_entries:
        feed(f"sqlite:///{args.cache / 'feed-bench.db'}", args.feed_entries)
        if args.postgres:
            feed(args.postgres, args.feed_entries)


if __name__ == "__main__":
    main()
