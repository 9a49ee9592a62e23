"""Every quality figure of issue 3, on leak-free splits of ../shared/data plus data/labelled.

    .venv/bin/python bench/quality.py [--shared-dir DIR] [--json OUT.json] [--quick] [--neural]

1. Near-duplicates are grouped across *all* sets first (same text up to digits/punctuation, or
   MinHash Jaccard ≥ 0.7 over word 3-shingles); a group is never split between train and test.
2. Main split: 80/20 by group over everything; the model is trained on the 80 % and the full
   verdict path is measured on the 20 % of each set (vi_pham2017, vi_smishing_ie403 in-domain).
3. Cross-data-set: trained on everything but vi_smishing_ie403, tested on vi_smishing_ie403
   without any text whose group appears in training.
4. The paper's own 5 folds of vi_pham2017 (raw corpus.txt, duplicates included, as published).
5. Robustness: the test spam rewritten by chanrac.text.obfuscate (all tricks, rate 0.3), and the
   test ham with diacritics stripped (the vi_pham2017 shortcut); then test spam and ham typed in
   Telex with the input method off (a whole-message trick, apart from the others).
6. Categories: macro-F1 over the 8 spam categories on the test spam of the Vietnamese sets and
   of the project's own examples. Then the main-split model on 5,000 messages of the project's
   synthetic generator (chanrac.synth, templates written on 2026-11-25, never trained on), with
   and without their senders: cleanly labelled, every category present, but our own idea of
   today's messages, so a check of coverage rather than a measure of quality. Then the
   realistic messages written blind (data/eval/README.md): the dev file's errors were read, the
   test file's were not.
7. Model families: the linear model on hashed n-grams vs. gradient boosting (HistGradientBoosting
   on a 256-d TruncatedSVD of the same features) vs. TF-IDF + LogisticRegression, model alone;
   with ``--neural`` also a small neural network (one hidden layer of 32 on the same hashed
   features, scikit-learn's MLPClassifier, early stopping; about 4 minutes to fit on one core).
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
    load_labelled_csv,
    load_training_corpus,
)
from chanrac.detect.features import hashed_features
from chanrac.detect.pipeline import Pipeline
from chanrac.detect.training import Evaluation, evaluate, example_message, score_verdicts, train_model
from chanrac.model import Action, Category, Verdict
from chanrac.synth import generate_messages
from chanrac.text import normalize, obfuscate, strip_diacritics

VI_SETS = ("vi_pham2017", "vi_smishing_ie403")
EVAL_DIR = Path(__file__).resolve().parents[1] / "data" / "eval"
# Generated messages (never in training): every template of every category, with its sender.
SYNTHETIC_MESSAGES = 5000
SYNTHETIC_SEED = 99

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
    parser.add_argument("--neural", action="store_true", help="add a small neural network to the model families")
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
        # Typed in Telex: a whole-message trick, apart from the others (which strip diacritics first).
        typed = [Example(obfuscate(e.text, rng, ["telex"]), e.label, e.category, e.source) for e in spam]
        telex = evaluate(pipeline, typed).recall
        ham_typed = [Example(obfuscate(e.text, rng, ["telex"]), e.label, e.category, e.source) for e in ham]
        ham_telex = evaluate(pipeline, ham_typed).ham_recall
        results[f"robustness.{name}"] = {
            "spam_recall": plain,
            "spam_recall_obfuscated": obf,
            "drop_points": 100 * (plain - obf),
            "ham_recall": ham_plain,
            "ham_recall_diacritics_stripped": ham_stripped,
            "spam_recall_telex": telex,
            "ham_recall_telex": ham_telex,
        }
        print(
            f"{name:20s} spam recall {plain:.4f} → obfuscated {obf:.4f} (drop {100 * (plain - obf):+.2f} pts); "
            f"ham recall {ham_plain:.4f} → diacritics stripped {ham_stripped:.4f}\n"
            f"{'':20s} typed in Telex: spam recall {telex:.4f}, ham recall {ham_telex:.4f}"
        )

    # --- synthetic messages -------------------------------------------------------------------
    print("\n== the project's synthetic generator (chanrac.synth), main-split model")
    synthetic = [
        Example(m.text, "ham" if m.category is Category.HAM else "spam", m.category, "synth", m.sender)
        for m in generate_messages(SYNTHETIC_MESSAGES, seed=SYNTHETIC_SEED, spam_fraction=0.5)
    ]
    for name, given in (("with sender", synthetic), ("text only", [replace(e, sender=None) for e in synthetic])):
        ev = evaluate(pipeline, given)
        results[f"synthetic.{name.replace(' ', '_')}"] = ev.as_dict()
        print(f"{name:20s} {_fmt(ev)} category macro-F1={ev.category_macro_f1:.4f}")

    # --- realistic messages written blind -----------------------------------------------------
    print("\n== realistic messages written blind (data/eval, never trained on), main-split model")
    for path in sorted(EVAL_DIR.glob("realistic_*.csv")):
        ev = evaluate(pipeline, load_labelled_csv(path, source="eval"))
        results[f"blind.{path.stem}"] = ev.as_dict()
        print(f"{path.stem:24s} {_fmt(ev)} category macro-F1={ev.category_macro_f1:.4f}")

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
    _cross_models_alone(examples, is_ie, cross_model, cross_test, results)

    if not args.quick:
        _paper_folds(args.shared_dir, results)
        _families(examples, canonical, test, sources, model, results, neural=args.neural)
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


def _model_verdicts(said_spam: Sequence[bool]) -> list[Verdict]:
    """Spam/ham decisions of a model alone, as verdicts that score_verdicts can judge."""
    return [
        Verdict(0.0, "spam" if s else "ham", Category.ADVERTISING if s else Category.HAM, Action.ALLOW, ())
        for s in said_spam
    ]


def _tfidf_baseline(texts: Sequence[str], is_spam: Sequence[bool] | np.ndarray) -> Any:
    """What most users would reach for: TF-IDF word 1–2-grams of the raw text + LogisticRegression."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(
        TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=1), LogisticRegression(C=30, max_iter=5000)
    )
    return model.fit(list(texts), np.asarray(is_spam))


def _cross_models_alone(
    examples: list[Example],
    is_ie: np.ndarray,
    cross_model: ContentModel,
    cross_test: list[Example],
    results: dict[str, Any],
) -> None:
    """The same cross-data-set test for the shipped family and for TF-IDF + LR, model alone."""
    train = _subset(examples, ~is_ie)
    baseline = _tfidf_baseline([e.text for e in train], [e.is_spam for e in train])
    said = {
        "shipped family": cross_model.predict_proba([normalize(e.text).canonical for e in cross_test])
        >= cross_model.threshold,
        "TF-IDF + LR raw": baseline.predict([e.text for e in cross_test]).astype(bool),
    }
    for name, spam in said.items():
        ev = score_verdicts(cross_test, _model_verdicts(spam.tolist()))
        results[f"cross.vi_smishing_ie403.model_alone.{name}"] = ev.as_dict()
        print(f"{'  alone: ' + name:20s} {_fmt(ev)}")


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
    # The paper measures a content classifier against its labels, which call every unsolicited
    # ad spam; the full verdict path applies our taxonomy (legal-form ads are ham) and so
    # disagrees with those labels by design. Both are shown; the model alone is the comparison.
    measured: dict[str, list[Evaluation]] = {"model_alone": [], "full_verdict_path": []}
    for fold in range(5):
        train = [e for e, f in rows if f != fold]
        test = [e for e, f in rows if f == fold]
        model = train_model(train)
        said_spam = model.predict_proba([normalize(e.text).canonical for e in test]) >= model.threshold
        measured["model_alone"].append(score_verdicts(test, _model_verdicts(said_spam.tolist())))
        measured["full_verdict_path"].append(evaluate(_pipeline(model), test))
    for name, evaluations in measured.items():
        recall = float(np.mean([e.recall for e in evaluations]))
        fpr = float(np.mean([e.false_positive_rate for e in evaluations]))
        f1 = float(np.mean([e.f1 for e in evaluations]))
        results[f"paper_folds.{name}"] = {"spam_recall": recall, "ham_fpr": fpr, "f1": f1}
        print(
            f"{name:18s} mean of 5 folds: spam caught {100 * recall:.2f}%, ham flagged {100 * fpr:.2f}%, "
            f"F1 {f1:.4f}   (paper: 93.40% / 0.40%)"
        )


def _families(
    examples: list[Example],
    canonical: list[str],
    test: np.ndarray,
    sources: np.ndarray,
    shipped: ContentModel,
    results: dict[str, Any],
    neural: bool = False,
) -> None:
    """Model alone, no rules: the shipped family (trained by train_model on the main split) against
    the alternatives, on the test split as it is, with its spam obfuscated and with its ham stripped
    of diacritics (Vietnamese sets pooled for the last two)."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    print("\n== model families, model alone (no rules), main split")
    y = np.array([e.is_spam for e in examples])
    train_idx, test_idx = np.flatnonzero(~test), np.flatnonzero(test & np.isin(sources, VI_SETS))
    rng = random.Random(2026)
    test_texts = [examples[i].text for i in test_idx]
    variants = {
        "as is": test_texts,
        "spam obfuscated": [obfuscate(t, rng) if y[i] else t for i, t in zip(test_idx, test_texts, strict=True)],
        "ham stripped": [t if y[i] else strip_diacritics(t) for i, t in zip(test_idx, test_texts, strict=True)],
    }
    canonical_variants = {k: [normalize(t).canonical for t in v] for k, v in variants.items()}
    X_train = hashed_features([canonical[i] for i in train_idx])
    linear = LogisticRegression(C=30, max_iter=5000).fit(X_train, y[train_idx])
    svd = TruncatedSVD(256, random_state=0).fit(X_train)
    boosted = HistGradientBoostingClassifier(max_iter=300, learning_rate=0.1, random_state=0).fit(
        svd.transform(X_train), y[train_idx]
    )
    baseline = _tfidf_baseline([examples[i].text for i in train_idx], y[train_idx])
    families: dict[str, Any] = {
        "shipped: NB-scaled linear, hashed n-grams of canonical text": lambda raw, canon: (
            shipped.predict_proba(canon) >= shipped.threshold
        ),
        "plain LR, same hashed n-grams": lambda raw, canon: linear.predict(hashed_features(canon)),
        "gradient boosting, SVD-256 of them": lambda raw, canon: boosted.predict(svd.transform(hashed_features(canon))),
        "TF-IDF + LR on raw text": lambda raw, canon: baseline.predict(raw),
    }
    if neural:
        from sklearn.neural_network import MLPClassifier

        network = MLPClassifier(
            hidden_layer_sizes=(32,), max_iter=30, early_stopping=True, batch_size=128, random_state=0
        ).fit(X_train, y[train_idx])
        families["neural: one hidden layer of 32, same hashed n-grams"] = lambda raw, canon: network.predict(
            hashed_features(canon)
        )
    truth = y[test_idx]
    in_set = {name: sources[test_idx] == name for name in VI_SETS}
    for family, predict in families.items():
        said = {k: np.asarray(predict(variants[k], canonical_variants[k]), dtype=bool) for k in variants}
        row: dict[str, float] = {
            f"f1.{name}": round(float(f1_score(truth[mask], said["as is"][mask])), 4) for name, mask in in_set.items()
        }
        row["spam_recall"] = round(float(said["as is"][truth].mean()), 4)
        row["spam_recall_obfuscated"] = round(float(said["spam obfuscated"][truth].mean()), 4)
        row["ham_recall"] = round(float((~said["as is"][~truth]).mean()), 4)
        row["ham_recall_stripped"] = round(float((~said["ham stripped"][~truth]).mean()), 4)
        results[f"family.{family}"] = row
        print(
            f"{family:60s} F1 pham {row['f1.vi_pham2017']:.3f} ie403 {row['f1.vi_smishing_ie403']:.3f}; "
            f"spam recall {row['spam_recall']:.3f} -> obfuscated {row['spam_recall_obfuscated']:.3f}; "
            f"ham recall {row['ham_recall']:.4f} -> stripped {row['ham_recall_stripped']:.4f}"
        )


if __name__ == "__main__":
    sys.exit(main())
