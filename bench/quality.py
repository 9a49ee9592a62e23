"""Every quality figure of issue 3, on leak-free splits of ../shared/data plus data/labelled.

    .venv/bin/python bench/quality.py [--shared-dir DIR] [--json OUT.json] [--quick]

1. Near-duplicates are grouped across *all* sets first (same text up to digits/punctuation, or
   MinHash Jaccard ≥ 0.7 over word 3-shingles); a group is never split between train and test.
2. Main split: 80/20 by group over everything; the model is trained on the 80 % and the full
   verdict path is measured on the 20 % of each set (vi_pham2017, vi_smishing_ie403 in-domain).
3. Cross-data-set: trained on everything but vi_smishing_ie403, tested on vi_smishing_ie403
   without any text whose group appears in training.
4. The paper's own 5 folds of vi_pham2017 (raw corpus.txt, duplicates included, as published).
5. Robustness: the test spam rewritten by chanrac.text.obfuscate (all tricks, rate 0.3), and the
   test ham with diacritics stripped (the vi_pham2017 shortcut).
6. Categories: macro-F1 over the 8 spam categories on the test spam of the Vietnamese sets and
   of the project's own examples.
7. Model families: the linear model on hashed n-grams vs. gradient boosting (HistGradientBoosting
   on a 256-d TruncatedSVD of the same features) vs. TF-IDF + LogisticRegression, model alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
from sklearn.metrics import f1_score

from chanrac.detect.classifier import ContentModel
from chanrac.detect.data import (
    DEFAULT_SHARED_DIR,
    Example,
    group_near_duplicates,
    grouped_split,
    load_training_corpus,
)
from chanrac.detect.features import hashed_features
from chanrac.detect.pipeline import Pipeline
from chanrac.detect.training import Evaluation, evaluate, example_message, score_verdicts, train_model
from chanrac.model import Category, Verdict
from chanrac.text import normalize, obfuscate, strip_diacritics

VI_SETS = ("vi_pham2017", "vi_smishing_ie403")

T = TypeVar("T")


def _subset(items: Sequence[T], mask: np.ndarray) -> list[T]:
    return [e for e, keep in zip(items, mask, strict=True) if keep]


def _fmt(ev: Any) -> str:
    return (
        f"P={ev.precision:.4f} R={ev.recall:.4f} F1={ev.f1:.4f} FPR={ev.false_positive_rate:.4f} "
        f"(spam {ev.tp + ev.fn}, ham {ev.fp + ev.tn})"
    )


def _pipeline(model: ContentModel) -> Pipeline:
    return Pipeline(model)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-dir", type=Path, default=DEFAULT_SHARED_DIR)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--quick", action="store_true", help="skip the paper folds and model-family comparison")
    args = parser.parse_args()
    if not args.shared_dir.is_dir():
        print(f"shared data not found at {args.shared_dir}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    results: dict[str, Any] = {}
    examples = load_training_corpus(args.shared_dir)
    canonical = [normalize(e.text).canonical for e in examples]
    groups = group_near_duplicates(canonical)
    sources = np.array([e.source for e in examples])
    test = grouped_split(groups, 0.2, texts=[e.text for e in examples])
    n_cross = len({g for g in groups if np.sum(groups == g) > 1})
    print(f"{len(examples)} examples, {len(set(groups.tolist()))} near-duplicate groups ({n_cross} with >1 text)")

    # --- main split ---------------------------------------------------------------------------
    train = _subset(examples, ~test)
    model = train_model(train)
    pipeline = _pipeline(model)
    print("\n== main split (80/20 by near-duplicate group), full verdict path")
    for name in (*VI_SETS, "own"):
        ev = evaluate(pipeline, _subset(examples, test & (sources == name)))
        results[f"main.{name}"] = ev.as_dict()
        print(f"{name:20s} {_fmt(ev)}")
    # The same test rows judged by the sets' own labels (vi_pham2017 calls legal-form ads spam).
    for name in VI_SETS:
        as_published = [
            Example(e.text, e.source_label or e.label, e.category if e.is_spam else Category.HAM, e.source)
            if (e.source_label or e.label) == "ham" or e.is_spam
            else Example(e.text, "spam", Category.ADVERTISING, e.source)
            for e in _subset(examples, test & (sources == name))
        ]
        ev = evaluate(pipeline, as_published)
        results[f"main.{name}.published_labels"] = ev.as_dict()
        print(f"{name + ' as published':20s} {_fmt(ev)}")
    vi_test = _subset(examples, test & np.isin(sources, [*VI_SETS, "own"]))
    ev = evaluate(pipeline, vi_test)
    print(
        f"{'categories':20s} macro-F1={ev.category_macro_f1:.4f} "
        + " ".join(f"{k}={v:.2f}" for k, v in ev.category_f1.items())
    )
    results["main.categories"] = {
        "macro_f1": ev.category_macro_f1,
        "per_category": ev.category_f1,
        "confusion": ev.confusion,
    }

    # --- robustness ---------------------------------------------------------------------------
    print("\n== robustness on the main test split")
    rng = random.Random(2026)
    for name in VI_SETS:
        spam = [e for e in _subset(examples, test & (sources == name)) if e.is_spam]
        ham = [e for e in _subset(examples, test & (sources == name)) if not e.is_spam]
        plain = evaluate(pipeline, spam).recall
        rewritten = [Example(obfuscate(e.text, rng), e.label, e.category, e.source) for e in spam]
        obf = evaluate(pipeline, rewritten).recall
        ham_plain = evaluate(pipeline, ham).ham_recall
        stripped = [Example(strip_diacritics(e.text), e.label, e.category, e.source) for e in ham]
        ham_stripped = evaluate(pipeline, stripped).ham_recall
        results[f"robustness.{name}"] = {
            "spam_recall": plain,
            "spam_recall_obfuscated": obf,
            "drop_points": 100 * (plain - obf),
            "ham_recall": ham_plain,
            "ham_recall_diacritics_stripped": ham_stripped,
        }
        print(
            f"{name:20s} spam recall {plain:.4f} → obfuscated {obf:.4f} (drop {100 * (plain - obf):+.2f} pts); "
            f"ham recall {ham_plain:.4f} → diacritics stripped {ham_stripped:.4f}"
        )

    # --- cross-data-set -----------------------------------------------------------------------
    print("\n== cross-data-set: trained without vi_smishing_ie403")
    is_ie = sources == "vi_smishing_ie403"
    cross_model = train_model(_subset(examples, ~is_ie))
    seen = np.isin(groups, groups[~is_ie])
    cross_test = _subset(examples, is_ie & ~seen)
    cross_verdicts = _pipeline(cross_model).verdicts([example_message(e) for e in cross_test])
    ev = score_verdicts(cross_test, cross_verdicts)
    results["cross.vi_smishing_ie403"] = ev.as_dict()
    print(
        f"{'vi_smishing_ie403':20s} {_fmt(ev)}  ({int((is_ie & seen).sum())} texts near-duplicate of training dropped)"
    )
    ev = _as_smishing(cross_test, cross_verdicts)
    results["cross.vi_smishing_ie403.smishing"] = ev.as_dict()
    print(f"{'  as smishing':20s} {_fmt(ev)}")
    # vi_smishing_ie403 holds families of one template (a wallet's monthly notice, a campaign's
    # variants); counting each family once shows how much they weigh in the figures above.
    cross_groups = groups[is_ie & ~seen]
    first = np.zeros(len(cross_test), dtype=bool)
    first[np.unique(cross_groups, return_index=True)[1]] = True
    ev = score_verdicts(_subset(cross_test, first), _subset(cross_verdicts, first))
    results["cross.vi_smishing_ie403.one_per_group"] = ev.as_dict()
    print(f"{'  one per group':20s} {_fmt(ev)}")

    if not args.quick:
        _paper_folds(args.shared_dir, results)
        _families(examples, canonical, test, sources, results)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=float), encoding="utf-8")
    return 0


def _as_smishing(examples: list[Example], verdicts: list[Verdict]) -> Evaluation:
    """vi_smishing_ie403's own question: is it smishing? Its guideline labels unwanted
    advertising 0 (ham); our taxonomy calls advertising without the legal form spam. Here the
    set's own labels are the truth and a verdict of category ``advertising`` counts as "not
    smishing" — the same messages, judged by the set's definition instead of ours."""
    truth = [
        Example(e.text, e.source_label or e.label, e.category if e.is_spam else Category.HAM, e.source)
        for e in examples
    ]
    said = [
        replace(v, label="ham", category=Category.HAM) if v.category is Category.ADVERTISING else v for v in verdicts
    ]
    return score_verdicts(truth, said)


def _paper_folds(shared_dir: Path, results: dict[str, Any]) -> None:
    print("\n== vi_pham2017, the paper's own 5 folds (raw corpus.txt, duplicates included)")
    corpus = (shared_dir / "vi_pham2017" / "corpus.txt").read_text(encoding="utf-8").splitlines()
    with (shared_dir / "vi_pham2017" / "paper_folds.csv").open(encoding="utf-8") as fh:
        folds = {int(r["line_index"]): int(r["paper_fold"]) for r in csv.DictReader(fh)}
    rows = []
    for index, line in enumerate(corpus):
        label, _, text = line.partition("\t")
        category = Category.HAM if label.strip() == "ham" else Category.ADVERTISING
        rows.append(
            (
                Example(text.strip(), "ham" if category is Category.HAM else "spam", category, "pham_raw"),
                folds.get(index, -1),
            )
        )
    recalls, fprs, f1s = [], [], []
    for fold in range(5):
        train = [e for e, f in rows if f != fold]
        test = [e for e, f in rows if f == fold]
        ev = evaluate(_pipeline(train_model(train)), test)
        recalls.append(ev.recall)
        fprs.append(ev.false_positive_rate)
        f1s.append(ev.f1)
    results["paper_folds"] = {
        "spam_recall": float(np.mean(recalls)),
        "ham_fpr": float(np.mean(fprs)),
        "f1": float(np.mean(f1s)),
    }
    print(
        f"mean of 5 folds: spam caught {100 * np.mean(recalls):.2f}%, ham flagged {100 * np.mean(fprs):.2f}%, "
        f"F1 {np.mean(f1s):.4f}   (paper: 93.40% / 0.40%)"
    )


def _families(
    examples: list[Example], canonical: list[str], test: np.ndarray, sources: np.ndarray, results: dict[str, Any]
) -> None:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    print("\n== model families, model alone (no rules), main split")
    y = np.array([e.is_spam for e in examples])
    X = hashed_features(canonical)
    train_idx, test_idx = np.flatnonzero(~test), np.flatnonzero(test)
    linear = LogisticRegression(C=30, max_iter=5000).fit(X[train_idx], y[train_idx])
    svd = TruncatedSVD(256, random_state=0).fit(X[train_idx])
    Z = svd.transform(X)
    boosted = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.1, random_state=0).fit(
        Z[train_idx], y[train_idx]
    )
    raw = [e.text for e in examples]
    tfidf = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=1)
    baseline = LogisticRegression(C=30, max_iter=5000).fit(
        tfidf.fit_transform([raw[i] for i in train_idx]), y[train_idx]
    )
    predictions = {
        "linear_hashed_ngrams": linear.predict(X[test_idx]),
        "gbdt_svd256": boosted.predict(Z[test_idx]),
        "tfidf_logreg_raw_text": baseline.predict(tfidf.transform([raw[i] for i in test_idx])),
    }
    for name, predicted in predictions.items():
        row = {}
        for dataset in VI_SETS:
            mask = sources[test_idx] == dataset
            truth = y[test_idx][mask]
            row[dataset] = round(float(f1_score(truth, predicted[mask])), 4)
        results[f"family.{name}"] = row
        print(f"{name:24s} spam F1 " + "  ".join(f"{k}={v:.4f}" for k, v in row.items()))


if __name__ == "__main__":
    sys.exit(main())
