"""How fast chanrac.synth generates, and how hard its campaign benchmark is.

    .venv/bin/python bench/synth.py                 # 200k messages, F1 baseline on 20k
    .venv/bin/python bench/synth.py --n 1000000     # the campaigns benchmark's full size
    .venv/bin/python bench/synth.py --realism-only  # train on synthetic, test on the real sets

Speed: messages per second for ``generate_messages`` and ``campaign_benchmark`` (after the one-off
set-up of pools and template wordings, which is printed separately). Difficulty: the pairwise F1
that a plain baseline — MinHash-LSH over word 3-shingles of diacritic-folded, number-masked text,
then union-find over candidate pairs with Jaccard ≥ threshold — reaches against the true campaign
ids. It is a floor for ``chanrac.campaigns``, not its result.

Realism: a character n-gram logistic regression trained on synthetic messages only, scored on the
real Vietnamese sets of ../shared/data (metrics printed, no text copied). Label meanings differ:
IE403 calls operator promotions ham, Pham 2017 calls them spam; IE403 is the one that matches
chanrac's taxonomy (legal advertising is ham).
"""

from __future__ import annotations

import argparse
import csv
import re
import time
from collections import Counter
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from chanrac.model import Category
from chanrac.synth import campaign_benchmark, demo_reports, generate_messages
from chanrac.synth.mutate import fold
from chanrac.text import normalize

_TOKEN = re.compile(r"\w+", re.UNICODE)
_NUMBERISH = re.compile(r"\d")


def _shingles(text: str, canonical: bool) -> set[bytes]:
    text = normalize(text).canonical if canonical else fold(text).lower()
    words = ["#" if _NUMBERISH.search(w) else w for w in _TOKEN.findall(text)]
    if len(words) < 3:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}


def baseline_clusters(texts: list[str], threshold: float, canonical: bool) -> list[int]:
    shingles = [_shingles(t, canonical) for t in texts]
    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    hashes = MinHash.bulk([list(s) for s in shingles], num_perm=64)
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, minhash in enumerate(hashes):
        for j in lsh.query(minhash):
            a, b = shingles[i], shingles[j]
            if len(a & b) / len(a | b) >= threshold:
                parent[find(i)] = find(j)
        lsh.insert(i, minhash)
    return [find(i) for i in range(len(texts))]


def _pairs(counts: Counter[object]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def pairwise_f1(predicted: list[int], truth: list[str | None]) -> tuple[float, float, float]:
    """Precision, recall, F1 over pairs; ham (None) belongs to no true campaign."""
    true_pairs = _pairs(Counter(t for t in truth if t is not None))
    predicted_pairs = _pairs(Counter(predicted))
    together = _pairs(Counter((p, t) for p, t in zip(predicted, truth, strict=True) if t is not None))
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def realism(n_train: int) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    if not SHARED_DATA.is_dir():
        print(f"realism: skipped, no shared data at {SHARED_DATA}")
        return
    messages = list(generate_messages(n_train, seed=7))
    vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=3, sublinear_tf=True)
    features = vectorizer.fit_transform([normalize(m.text).canonical for m in messages])
    model = LogisticRegression(max_iter=2000, C=4).fit(features, [m.category is not Category.HAM for m in messages])
    for name in ("vi_smishing_ie403/vi_smishing_ie403.csv", "vi_pham2017/vi_pham2017.csv"):
        with (SHARED_DATA / name).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        predicted = model.predict(vectorizer.transform([normalize(r["text"]).canonical for r in rows]))
        spam = [p for p, r in zip(predicted, rows, strict=True) if r["label"] == "spam"]
        ham = [p for p, r in zip(predicted, rows, strict=True) if r["label"] == "ham"]
        print(
            f"realism: trained on {n_train:,} synthetic, tested on real {name.split('/')[0]}: "
            f"spam caught {sum(spam) / len(spam):.1%}, ham flagged {sum(ham) / len(ham):.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="messages for the speed runs")
    parser.add_argument("--f1-n", type=int, default=20_000, help="messages for the F1 baseline")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--realism-only", action="store_true", help="only the train-on-synthetic check")
    args = parser.parse_args()
    if args.realism_only:
        realism(40_000)
        return

    started = time.perf_counter()
    list(generate_messages(20_000, seed=0))  # compiles every template's wordings once
    print(f"set-up (pools, template wordings) + 20,000 messages: {time.perf_counter() - started:.2f} s")

    # CPU time as well as wall time: the machine is shared, and CPU time is what the code costs.
    started, cpu = time.perf_counter(), time.process_time()
    count = sum(1 for _ in generate_messages(args.n, seed=1))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"generate_messages: {count:,} in {elapsed:.2f} s = {count / elapsed:,.0f} msg/s ({count / cpu:,.0f}/CPU-s)")

    started, cpu = time.perf_counter(), time.process_time()
    texts, labels = campaign_benchmark(args.n, n_campaigns=max(8, args.n // 500), seed=1)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"campaign_benchmark: {len(texts):,} in {elapsed:.2f} s = {len(texts) / elapsed:,.0f} msg/s "
        f"({len(texts) / cpu:,.0f}/CPU-s)"
    )

    started = time.perf_counter()
    reports = sum(1 for _ in demo_reports(5000, seed=1))
    print(f"demo_reports: {reports:,} in {time.perf_counter() - started:.2f} s")

    for mutate, canonical in ((False, False), (True, False), (True, True)):
        n_campaigns = max(8, args.f1_n // 100)
        texts, labels = campaign_benchmark(args.f1_n, n_campaigns=n_campaigns, seed=2, mutate=mutate)
        started = time.perf_counter()
        clusters = baseline_clusters(texts, args.threshold, canonical)
        elapsed = time.perf_counter() - started
        precision, recall, f1 = pairwise_f1(clusters, labels)
        spam = [i for i, label in enumerate(labels) if label is not None]
        _, _, f1_spam = pairwise_f1([clusters[i] for i in spam], [labels[i] for i in spam])
        text_form = "chanrac.text canonical" if canonical else "folded"
        print(
            f"baseline MinHash-LSH (J>={args.threshold}, {text_form} text) on {len(texts):,} msgs, "
            f"{n_campaigns} campaigns, mutate={mutate}: P={precision:.3f} R={recall:.3f} F1={f1:.3f} "
            f"(spam only F1={f1_spam:.3f}) in {elapsed:.1f} s"
        )
    realism(40_000)


if __name__ == "__main__":
    main()
