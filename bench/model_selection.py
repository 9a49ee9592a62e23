"""How the content model's settings were chosen: 4-fold cross-validation on the training part only.

    .venv/bin/python bench/model_selection.py [--shared-dir DIR]

The 20 % test part of bench/quality.py (the same near-duplicate groups, the same split) is never
looked at. The remaining 80 % is cut into 4 folds by near-duplicate group; each setting is
trained on 3 folds and the full verdict path is measured on the fourth (Vietnamese and own
messages). Printed per setting: spam F1, ham false-positive rate and category macro-F1, each as
mean ± standard error over the folds. The rule kept is the one-standard-error rule: the most
regularised setting whose F1 is within one standard error of the best.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from rich.progress import Progress

import chanrac.detect.pipeline as pipeline_module
from chanrac.detect.data import DEFAULT_SHARED_DIR, group_near_duplicates, grouped_split, load_training_corpus
from chanrac.detect.pipeline import Pipeline
from chanrac.detect.training import Evaluation, example_message, score_verdicts, train_model
from chanrac.text import normalize

FOLDS = 4
EVALUATED = ("vi_pham2017", "vi_smishing_ie403", "own")
# (label, training arguments, category rule weight)
SETTINGS: tuple[tuple[str, dict[str, Any], float], ...] = (
    ("plain LR, C=30", {"nb_scale": False, "spam_c": 30.0}, 0.25),
    ("multinomial category model", {"category_nb": False}, 0.25),
    *((f"NB-scaled LR, C={c:g}", {"spam_c": c}, 0.25) for c in (3.0, 10.0, 30.0, 100.0, 300.0)),
    *((f"category C={c:g}", {"category_c": c}, 0.25) for c in (1.0, 20.0, 100.0)),
    *((f"category rule weight {w:g}", {}, w) for w in (0.0, 0.1, 0.5, 1.0)),
)


@contextmanager
def _rule_weight(weight: float) -> Iterator[None]:
    saved = pipeline_module.RULE_CATEGORY_WEIGHT
    pipeline_module.RULE_CATEGORY_WEIGHT = weight
    try:
        yield
    finally:
        pipeline_module.RULE_CATEGORY_WEIGHT = saved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared-dir", type=Path, default=DEFAULT_SHARED_DIR)
    args = parser.parse_args()
    if not args.shared_dir.is_dir():
        print(f"shared data not found at {args.shared_dir}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    examples = load_training_corpus(args.shared_dir)
    groups = group_near_duplicates([normalize(e.text).canonical for e in examples])
    test = grouped_split(groups, 0.2, texts=[e.text for e in examples])
    sources = np.array([e.source for e in examples])
    training_groups = np.unique(groups[~test])
    np.random.default_rng(0).shuffle(training_groups)
    fold_of_group = dict(zip(training_groups.tolist(), np.arange(len(training_groups)) % FOLDS, strict=True))
    fold = np.array([fold_of_group.get(g, -1) for g in groups.tolist()])

    results: dict[str, list[Evaluation]] = {label: [] for label, _, _ in SETTINGS}
    trainings = {(label, tuple(sorted(fit.items()))) for label, fit, _ in SETTINGS}
    with Progress() as progress:
        task = progress.add_task("cross-validation", total=FOLDS * len({t[1] for t in trainings}))
        for k in range(FOLDS):
            train = [e for e, f in zip(examples, fold, strict=True) if f not in (k, -1)]
            held = [e for e, f, s in zip(examples, fold, sources, strict=True) if f == k and s in EVALUATED]
            messages = [example_message(e) for e in held]
            models: dict[tuple[Any, ...], Any] = {}
            for label, fit, weight in SETTINGS:
                key = tuple(sorted(fit.items()))
                if key not in models:
                    models[key] = train_model(train, **fit)
                    progress.advance(task)
                with _rule_weight(weight):
                    verdicts = Pipeline(models[key]).verdicts(messages)
                results[label].append(score_verdicts(held, verdicts))

    print(f"{FOLDS}-fold CV on the training part ({int((~test).sum())} messages), full verdict path")
    print(f"{'setting':28s} {'spam F1':>16s} {'ham FPR':>16s} {'category F1':>16s}")
    for label, evaluations in results.items():
        cells = [
            _mean_se([getattr(e, name) for e in evaluations])
            for name in ("f1", "false_positive_rate", "category_macro_f1")
        ]
        print(f"{label:28s} " + " ".join(f"{m:.4f} ± {se:.4f}" for m, se in cells))
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


def _mean_se(values: list[float]) -> tuple[float, float]:
    return float(np.mean(values)), float(np.std(values, ddof=1) / np.sqrt(len(values)))


if __name__ == "__main__":
    raise SystemExit(main())
