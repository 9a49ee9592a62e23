"""Grouped K-fold cross-validation of the full verdict path over the whole corpus.

    .venv/bin/python bench/quality_folds.py [--folds K] [--shared-dir DIR] [--json OUT.json]

bench/quality.py measures one 80/20 split whose test side holds only 27 vi_pham2017 spam and
42 vi_smishing_ie403 spam, so its figures move by several points with any small change. Here
every near-duplicate group is tested exactly once:

1. The corpus is loaded and grouped exactly as bench/quality.py does (all sets, near-duplicates
   grouped across sets: same text up to digits/punctuation, or MinHash Jaccard ≥ 0.7).
2. Groups are cut into K folds by ``grouped_folds`` (the same salted hash of a group's own texts
   as the single split; with K = 5, fold 0 is exactly quality.py's test split).
3. For each fold the model is trained by ``train_model`` on the other K − 1 folds (every set,
   English included, as in quality.py) and ``Pipeline(model)`` judges the held-out fold.
4. Reported per set (vi_pham2017, vi_smishing_ie403, own) and for the category macro-F1 over the
   Vietnamese sets + own (quality.py's "categories" line), and pooled over the Vietnamese sets
   alone (comparable across batches of own examples): each fold's figures, their mean ± the
   sample standard deviation across folds, and the POOLED figure — the held-out verdicts of all
   folds scored together (confusion counts summed). Pooled is the headline figure.

Progress goes to stderr, the report to stdout (so ``| tee`` gives a clean text copy).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from rich.console import Console
from rich.progress import Progress

from chanrac.detect.data import DEFAULT_SHARED_DIR, Example, group_near_duplicates, grouped_folds, load_training_corpus
from chanrac.detect.pipeline import Pipeline
from chanrac.detect.training import Evaluation, example_message, score_verdicts, train_model
from chanrac.model import Verdict
from chanrac.text import normalize

VI_SETS = ("vi_pham2017", "vi_smishing_ie403")
REPORTED = (*VI_SETS, "own")
SPAM_MEASURES: tuple[tuple[str, Callable[[Evaluation], float]], ...] = (
    ("precision", lambda e: e.precision),
    ("recall", lambda e: e.recall),
    ("f1", lambda e: e.f1),
    ("false_positive_rate", lambda e: e.false_positive_rate),
)


def _fmt(ev: Evaluation) -> str:
    return (
        f"P={ev.precision:.4f} R={ev.recall:.4f} F1={ev.f1:.4f} FPR={ev.false_positive_rate:.4f} "
        f"(spam {ev.tp + ev.fn}, ham {ev.fp + ev.tn})"
    )


def _from(source: str) -> Callable[[Example], bool]:
    return lambda e: e.source == source


def _mean_sd(values: Sequence[float]) -> tuple[float, float]:
    sd = float(np.std(values, ddof=1)) if len(values) > 1 else 0.0
    return float(np.mean(values)), sd


def _spam_block(per_fold: list[Evaluation], pooled: Evaluation) -> dict[str, Any]:
    summary = {name: _mean_sd([get(e) for e in per_fold]) for name, get in SPAM_MEASURES}
    return {
        "pooled": pooled.as_dict(),
        "mean": {name: round(m, 4) for name, (m, _) in summary.items()},
        "sd": {name: round(sd, 4) for name, (_, sd) in summary.items()},
        "per_fold": [
            {"spam": e.tp + e.fn, "ham": e.fp + e.tn, **{name: round(get(e), 4) for name, get in SPAM_MEASURES}}
            for e in per_fold
        ],
    }


def _category_block(per_fold: list[Evaluation], pooled: Evaluation) -> dict[str, Any]:
    mean, sd = _mean_sd([e.category_macro_f1 for e in per_fold])
    return {
        "pooled": {
            "macro_f1": round(pooled.category_macro_f1, 4),
            "per_category": {k: round(v, 4) for k, v in pooled.category_f1.items()},
            "confusion": pooled.confusion,
        },
        "mean": round(mean, 4),
        "sd": round(sd, 4),
        "per_fold": [round(e.category_macro_f1, 4) for e in per_fold],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5, metavar="K")
    parser.add_argument("--shared-dir", type=Path, default=DEFAULT_SHARED_DIR)
    parser.add_argument("--json", type=Path, default=None, metavar="OUT")
    args = parser.parse_args()
    if not args.shared_dir.is_dir():
        print(f"shared data not found at {args.shared_dir}", file=sys.stderr)
        return 2
    if args.folds < 2:
        print(f"--folds must be at least 2, got {args.folds}", file=sys.stderr)
        return 2
    k: int = args.folds
    started = time.perf_counter()

    with Progress(console=Console(stderr=True), transient=False) as progress:
        setup = progress.add_task("loading and grouping the corpus", total=None)
        examples = load_training_corpus(args.shared_dir)
        canonical = [normalize(e.text).canonical for e in examples]
        groups = group_near_duplicates(canonical)
        folds = grouped_folds(groups, k, texts=[e.text for e in examples])
        sources = np.array([e.source for e in examples])
        progress.update(setup, total=1, completed=1)

        # Held-out examples and their verdicts, per fold, for the sets that are reported.
        held: list[list[Example]] = []
        verdicts: list[list[Verdict]] = []
        task = progress.add_task("cross-validation", total=2 * k)
        for fold in range(k):
            progress.update(task, description=f"fold {fold + 1}/{k}: training")
            train = [e for e, f in zip(examples, folds, strict=True) if f != fold]
            model = train_model(train)
            progress.advance(task)
            progress.update(task, description=f"fold {fold + 1}/{k}: verdicts")
            test = [e for e, f, s in zip(examples, folds, sources, strict=True) if f == fold and s in REPORTED]
            held.append(test)
            verdicts.append(Pipeline(model).verdicts([example_message(e) for e in test]))
            progress.advance(task)

    def scored(fold: int | None, keep: Callable[[Example], bool]) -> Evaluation:
        """The verdicts of one fold (or of every fold pooled) on the examples ``keep`` selects."""
        pairs = [
            (e, v)
            for f in (range(k) if fold is None else (fold,))
            for e, v in zip(held[f], verdicts[f], strict=True)
            if keep(e)
        ]
        return score_verdicts([e for e, _ in pairs], [v for _, v in pairs])

    n_groups = len(set(groups.tolist()))
    fold_groups = [len(set(groups[folds == f].tolist())) for f in range(k)]
    fold_sizes = np.bincount(folds, minlength=k).tolist()
    results: dict[str, Any] = {
        "folds": k,
        "examples": len(examples),
        "groups": n_groups,
        "fold_examples": fold_sizes,
        "fold_groups": fold_groups,
    }
    print(f"{len(examples)} examples, {n_groups} near-duplicate groups")
    print(f"\n== grouped {k}-fold cross-validation, full verdict path (every group tested once)")
    print(
        "fold sizes (examples / groups): "
        + ", ".join(f"{n} / {g}" for n, g in zip(fold_sizes, fold_groups, strict=True))
    )

    for name in REPORTED:
        per_fold = [scored(f, _from(name)) for f in range(k)]
        pooled = scored(None, _from(name))
        block = _spam_block(per_fold, pooled)
        results[name] = block
        print(f"\n{name}")
        for f, ev in enumerate(per_fold):
            print(f"  fold {f}          {_fmt(ev)}")
        print(
            "  mean ± sd       "
            + " ".join(
                f"{label}={block['mean'][measure]:.4f}±{block['sd'][measure]:.4f}"
                for label, measure in (
                    ("P", "precision"),
                    ("R", "recall"),
                    ("F1", "f1"),
                    ("FPR", "false_positive_rate"),
                )
            )
        )
        print(f"  POOLED          {_fmt(pooled)}")

    per_fold = [scored(f, lambda e: True) for f in range(k)]
    pooled = scored(None, lambda e: True)
    block = _category_block(per_fold, pooled)
    results["categories"] = block
    print("\ncategories (8 spam categories, Vietnamese sets + own)")
    for f, ev in enumerate(per_fold):
        print(f"  fold {f}          macro-F1={ev.category_macro_f1:.4f}")
    print(f"  mean ± sd       macro-F1={block['mean']:.4f}±{block['sd']:.4f}")
    print(
        f"  POOLED          macro-F1={pooled.category_macro_f1:.4f} "
        + " ".join(f"{c}={v:.2f}" for c, v in pooled.category_f1.items())
    )

    # The own examples grow from batch to batch; the Vietnamese sets alone compare across batches.
    vietnamese = scored(None, lambda e: e.source in ("vi_pham2017", "vi_smishing_ie403"))
    results["categories_vietnamese_sets"] = {
        "pooled": {
            "macro_f1": round(vietnamese.category_macro_f1, 4),
            "per_category": {c: round(v, 4) for c, v in vietnamese.category_f1.items()},
        }
    }
    print(
        f"  POOLED, Vietnamese sets only  macro-F1={vietnamese.category_macro_f1:.4f} "
        + " ".join(f"{c}={v:.2f}" for c, v in vietnamese.category_f1.items())
    )

    print(f"\n({time.perf_counter() - started:.0f} s)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
