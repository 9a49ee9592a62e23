"""Training and evaluation: build the content model from labelled examples, and measure a
pipeline on labelled examples (precision, recall, F1, false-positive rate, per-category F1,
confusion matrix).

``train_model`` is what ``chanrac train`` runs; ``evaluate`` is what ``chanrac eval`` and
``bench/quality.py`` run.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chanrac.detect.classifier import ContentModel
from chanrac.detect.data import Example
from chanrac.detect.features import FeatureSpec
from chanrac.detect.pipeline import Pipeline
from chanrac.model import Category, Message, Verdict
from chanrac.text import obfuscate

__all__ = ["Evaluation", "augment", "evaluate", "example_message", "score_verdicts", "train_model"]

AUGMENT_TRICKS = ("teencode", "split_letters", "leet", "homoglyph", "zero_width", "repeat_letters")
AUGMENT_WEIGHT = 0.5
# The project's own examples are few but cover what the 2016 corpus lacks (modern notifications,
# legal ads, today's scams); they count as this many corpus messages each.
OWN_WEIGHT = 3.0


def augment(examples: Sequence[Example], seed: int = 7) -> list[Example]:
    """One obfuscated copy of every spam example (spammers' tricks, never the ham's).

    Each copy is drawn from a generator seeded by the example's own text, not from one stream
    over the corpus: adding, dropping or rewording one example changes its own copy only, not
    the copies of every example after it (which moved figures by several messages between
    trainings that differed in a handful of texts)."""
    out = []
    for example in examples:
        if example.is_spam:
            rng = random.Random(f"{seed}:{example.text}")
            text = obfuscate(example.text, rng, tricks=AUGMENT_TRICKS, rate=0.25)
            out.append(Example(text, example.label, example.category, example.source + "+obfuscated", example.sender))
    return out


def train_model(
    examples: Sequence[Example],
    spec: FeatureSpec | None = None,
    augment_spam: bool = True,
    normalize_texts: Callable[[Sequence[str]], list[str]] | None = None,
    **fit_args: Any,
) -> ContentModel:
    """The content model trained on ``examples`` (plus obfuscated copies of the spam)."""
    from chanrac.text import normalize

    extra = augment(examples) if augment_spam else []
    all_examples = [*examples, *extra]
    texts = [e.text for e in all_examples]
    canonical = normalize_texts(texts) if normalize_texts else [normalize(t).canonical for t in texts]
    weights = np.array([OWN_WEIGHT if e.source == "own" else 1.0 for e in examples] + [AUGMENT_WEIGHT] * len(extra))
    return ContentModel.fit(canonical, [e.category for e in all_examples], spec=spec, sample_weight=weights, **fit_args)


@dataclass
class Evaluation:
    """Quality of verdicts against labels."""

    n: int
    tp: int
    fp: int
    fn: int
    tn: int
    category_f1: dict[str, float] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_positive_rate(self) -> float:
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def ham_recall(self) -> float:
        return self.tn / (self.fp + self.tn) if self.fp + self.tn else 0.0

    @property
    def category_macro_f1(self) -> float:
        spam = [v for k, v in self.category_f1.items() if k != Category.HAM.value]
        return float(np.mean(spam)) if spam else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "messages": self.n,
            "spam": self.tp + self.fn,
            "ham": self.fp + self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "false_positive_rate": round(self.false_positive_rate, 4),
            "category_f1": {k: round(v, 4) for k, v in self.category_f1.items()},
            "category_macro_f1": round(self.category_macro_f1, 4),
            "confusion": self.confusion,
        }


def evaluate(
    pipeline: Pipeline,
    examples: Sequence[Example],
    batch_size: int = 2048,
    on_batch: Callable[[int], None] | None = None,
) -> Evaluation:
    """Run ``pipeline`` over ``examples`` and compare with their labels (and categories)."""
    verdicts: list[Verdict] = []
    for start in range(0, len(examples), batch_size):
        batch = examples[start : start + batch_size]
        verdicts.extend(pipeline.verdicts([example_message(e) for e in batch]))
        if on_batch:
            on_batch(len(batch))
    return score_verdicts(examples, verdicts)


def score_verdicts(examples: Sequence[Example], verdicts: Sequence[Verdict]) -> Evaluation:
    truth = np.array([e.is_spam for e in examples])
    said = np.array([v.is_spam for v in verdicts])
    names = [c.value for c in Category]
    confusion = {t: dict.fromkeys(names, 0) for t in names}
    for example, verdict in zip(examples, verdicts, strict=True):
        confusion[example.category.value][verdict.category.value] += 1
    category_f1: dict[str, float] = {}
    for name in names:
        tp = confusion[name][name]
        support = sum(confusion[name].values())
        predicted = sum(row[name] for row in confusion.values())
        if support == 0:
            continue
        category_f1[name] = 2 * tp / (support + predicted) if support + predicted else 0.0
    confusion = {t: {p: n for p, n in row.items() if n} for t, row in confusion.items() if any(row.values())}
    return Evaluation(
        n=len(examples),
        tp=int((truth & said).sum()),
        fp=int((~truth & said).sum()),
        fn=int((truth & ~said).sum()),
        tn=int((~truth & ~said).sum()),
        category_f1=category_f1,
        confusion=confusion,
    )


def example_message(example: Example) -> Message:
    """The message an example stands for (its sender parsed when it has one)."""
    from chanrac.phone import sender_or_unknown

    return Message(text=example.text, sender=sender_or_unknown(example.sender))
