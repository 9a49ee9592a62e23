"""Pairwise precision, recall and F1 of a clustering against true campaigns.

A pair of messages is positive when both belong to the same true campaign; messages without a
campaign (ham, ``None``) are singletons, so grouping two unrelated ham messages is a false pair.
Counted from the contingency table in O(n), never by enumerating pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = ["PairwiseScore", "pairwise_f1"]


@dataclass(frozen=True, slots=True)
class PairwiseScore:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int


def _pairs(counts: Counter[Hashable]) -> int:
    return sum(c * (c - 1) // 2 for c in counts.values())


def pairwise_f1(truth: Sequence[Hashable | None], predicted: Sequence[Hashable]) -> PairwiseScore:
    if len(truth) != len(predicted):
        raise ValueError(f"truth has {len(truth)} labels but predicted has {len(predicted)}")
    true_ids: list[Hashable] = [("ham", i) if t is None else t for i, t in enumerate(truth)]
    true_pairs = _pairs(Counter(true_ids))
    predicted_pairs = _pairs(Counter(predicted))
    correct = _pairs(Counter(zip(true_ids, predicted, strict=True)))
    precision = correct / predicted_pairs if predicted_pairs else 1.0
    recall = correct / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairwiseScore(precision, recall, f1, true_pairs, predicted_pairs, correct)
