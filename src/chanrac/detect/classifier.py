"""The content model: a linear spam/ham model and a linear category model on hashed n-grams of
the canonical text, trained with scikit-learn and applied with one sparse product per batch.

Training is :meth:`ContentModel.fit`; inference never touches scikit-learn, only numpy/scipy
and the weights saved in the artefact (``.npz``: float16 weights, JSON metadata).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from chanrac.config import TIMEZONE
from chanrac.detect.features import FeatureSpec, Occurrences, hashed_features, hashed_occurrences
from chanrac.model import SPAM_CATEGORIES, Category

__all__ = ["ARTEFACT_FORMAT", "ContentModel"]

ARTEFACT_FORMAT = 1


_ONES = np.ones(0)
_FEW_ROWS = 16  # below this many messages the category model sums with bincount, not scipy


def _ones(size: int) -> np.ndarray:
    """A read-only array of ``size`` ones, a view of one kept buffer: a fresh ``np.ones`` of a
    batch's millions of occurrences costs page faults every time."""
    global _ONES
    if _ONES.size < size:
        _ONES = np.ones(max(size, 2 * _ONES.size))
        _ONES.flags.writeable = False
    return _ONES[:size]


@dataclass
class ContentModel:
    spec: FeatureSpec
    spam_weights: np.ndarray  # (n_features,)
    spam_bias: float
    category_weights: np.ndarray  # (n_features, n_categories)
    category_bias: np.ndarray  # (n_categories,)
    categories: tuple[Category, ...]
    threshold: float = 0.5  # probability at which the model alone says "spam"
    version: str = "dev"
    trained_at: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)

    # --- inference -------------------------------------------------------------------------

    def features(self, canonical: Sequence[str]) -> Occurrences:
        return hashed_occurrences(canonical, self.spec)

    def spam_logit(self, occurrences: Occurrences) -> np.ndarray:
        return occurrences.dot(self.spam_weights) + self.spam_bias

    def category_proba(self, occurrences: Occurrences, rows: np.ndarray | None = None) -> np.ndarray:
        """Category probabilities (columns in :attr:`categories` order) of all messages, or only
        of ``rows`` (the others are left at zero) — the category model is only needed for spam.

        The occurrences of the selected messages, message by message in their own order, make
        a CSR matrix multiplied once by the weights: one pass for all categories instead of one
        ``bincount`` per category, and each sum adds in the order ``bincount`` would."""
        n = occurrences.n_docs
        k = len(self.categories)
        rows = np.arange(n) if rows is None else np.asarray(rows, dtype=np.intp)
        if n == 1 and rows.size == 1:
            # One message (an API call): every occurrence is its own, summed in their order as
            # bincount would (cumsum adds one after the other; a plain sum would pair them).
            gathered = self._category_weights64[occurrences.columns]
            block = gathered.cumsum(axis=0)[-1:] if gathered.size else np.zeros((1, k))
            return self._softmax(block, occurrences.scale)
        index, indptr = occurrences.rows_in_doc_order(rows)
        columns = occurrences.columns[index]
        if rows.size <= _FEW_ROWS:
            # A few messages (one API call): building a scipy matrix costs more than the sums;
            # one bincount per category adds in the same order.
            local = np.repeat(np.arange(rows.size), np.diff(indptr))
            gathered = self.category_weights[columns]
            block = np.empty((rows.size, k), dtype=np.float64)
            for j in range(k):
                block[:, j] = np.bincount(local, weights=gathered[:, j], minlength=rows.size)
        else:
            matrix = sp.csr_matrix((_ones(index.size), columns, indptr), shape=(rows.size, self.spec.n_features))
            block = matrix @ self._category_weights64
        out = np.zeros((n, k), dtype=np.float64)
        out[rows] = self._softmax(block, occurrences.scale[rows])
        return out

    def _softmax(self, sums: np.ndarray, scale: np.ndarray) -> np.ndarray:
        """Category probabilities from each row's summed weights (overwritten) and its scale."""
        sums *= scale[:, None]
        sums += self.category_bias
        sums -= sums.max(axis=1, keepdims=True)
        np.exp(sums, out=sums)
        sums /= sums.sum(axis=1, keepdims=True)
        return sums

    @cached_property
    def _category_weights64(self) -> np.ndarray:
        # float64 once, not per batch: scipy would upcast the float32 weights on every product.
        return self.category_weights.astype(np.float64)

    def predict_proba(self, canonical: Sequence[str]) -> np.ndarray:
        """P(spam) per canonical text (scikit-learn's ``predict_proba[:, 1]``)."""
        return 1.0 / (1.0 + np.exp(-self.spam_logit(self.features(canonical))))

    # --- training --------------------------------------------------------------------------

    @classmethod
    def fit(
        cls,
        canonical: Sequence[str],
        categories: Sequence[Category],
        spec: FeatureSpec | None = None,
        spam_c: float = 30.0,
        category_c: float = 5.0,
        sample_weight: np.ndarray | None = None,
        nb_scale: bool = True,
        category_nb: bool = True,
    ) -> ContentModel:
        """Train both models. ``categories[i]`` is ``HAM`` for ham; every other value is spam.

        With ``nb_scale`` the spam model is NBSVM-style (Wang & Manning, 2012): every feature is
        scaled by its naive-Bayes log-count ratio before the logistic regression, so that a rare
        n-gram seen only in spam (or only in ham) starts with the weight its counts give it; the
        ratios are folded into the saved weights, so inference is unchanged. With ``category_nb``
        the category model is one NB-scaled binary model per category (one-vs-rest among the
        spam) instead of a multinomial logistic regression."""
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression

        spec = spec or FeatureSpec()
        matrix = hashed_features(canonical, spec)
        labels = np.array([c is not Category.HAM for c in categories])
        if labels.all() or not labels.any():
            raise ValueError("training needs both spam and ham examples")
        ratios = _log_count_ratios(matrix, labels) if nb_scale else np.ones(matrix.shape[1])
        spam_model = LogisticRegression(C=spam_c, max_iter=5000)
        spam_model.fit(matrix @ sparse.diags(ratios), labels, sample_weight=sample_weight)

        spam_rows = np.flatnonzero(labels)
        spam_categories = np.array([categories[int(i)].value for i in spam_rows])
        present = tuple(c for c in SPAM_CATEGORIES if c.value in set(spam_categories))
        if len(present) > 1 and category_nb:
            # One NB-scaled binary model per category (its ratios against the other spam); the
            # verdict takes the softmax of their logits.
            spam_matrix = matrix[spam_rows]
            columns, biases = [], []
            for category in present:
                is_category = spam_categories == category.value
                category_ratios = _log_count_ratios(spam_matrix, is_category)
                binary = LogisticRegression(C=category_c, max_iter=1000, class_weight="balanced")
                binary.fit(
                    spam_matrix @ sparse.diags(category_ratios),
                    is_category,
                    sample_weight=None if sample_weight is None else sample_weight[spam_rows],
                )
                columns.append(binary.coef_[0] * category_ratios)
                biases.append(binary.intercept_[0])
            category_weights = np.stack(columns, axis=1).astype(np.float32)
            category_bias = np.array(biases, dtype=np.float64)
        elif len(present) > 1:
            category_model = LogisticRegression(C=category_c, max_iter=500, tol=1e-3, class_weight="balanced")
            category_model.fit(matrix[spam_rows], spam_categories)
            order = [list(category_model.classes_).index(c.value) for c in present]
            category_weights = category_model.coef_[order].T.astype(np.float32).copy()
            category_bias = category_model.intercept_[order].astype(np.float64)
        else:  # one category only: nothing to learn
            category_weights = np.zeros((spec.n_features, len(present)), dtype=np.float32)
            category_bias = np.zeros(len(present))
        return cls(
            spec=spec,
            spam_weights=(spam_model.coef_[0] * ratios).astype(np.float32),
            spam_bias=float(spam_model.intercept_[0]),
            category_weights=category_weights,
            category_bias=category_bias,
            categories=present,
            trained_at=datetime.now(TIMEZONE).isoformat(timespec="seconds"),
        )

    # --- artefact ----------------------------------------------------------------------------

    def fingerprint(self) -> str:
        """Eight hex digits of the weights as saved: two artefacts trained the same day differ in it,
        the same training twice does not."""
        digest = hashlib.sha1()
        for array in (self.spam_weights, self.category_weights):
            digest.update(np.ascontiguousarray(array.astype(np.float16)).tobytes())
        digest.update(json.dumps([self.spam_bias, self.category_bias.tolist()]).encode())
        return digest.hexdigest()[:8]

    def save(self, path: Path) -> None:
        meta = {
            "format": ARTEFACT_FORMAT,
            "spec": {**asdict(self.spec)},
            "spam_bias": self.spam_bias,
            "category_bias": self.category_bias.tolist(),
            "categories": [c.value for c in self.categories],
            "threshold": self.threshold,
            "version": self.version,
            "trained_at": self.trained_at,
            "metadata": self.metadata,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        np.savez_compressed(
            buffer,
            spam_weights=self.spam_weights.astype(np.float16),
            category_weights=self.category_weights.astype(np.float16),
            meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8),
        )
        path.write_bytes(buffer.getvalue())

    @classmethod
    def load(cls, path: Path) -> ContentModel:
        try:
            with np.load(path) as data:
                meta = json.loads(bytes(data["meta"]).decode("utf-8"))
                spam_weights = data["spam_weights"].astype(np.float32)
                category_weights = data["category_weights"].astype(np.float32)
        except FileNotFoundError:
            raise
        except Exception as exc:
            raise ValueError(f"{path} is not a chanrac model artefact: {exc}") from exc
        if meta.get("format") != ARTEFACT_FORMAT:
            raise ValueError(f"{path}: artefact format {meta.get('format')!r}, expected {ARTEFACT_FORMAT}")
        spec_fields = meta["spec"]
        spec = FeatureSpec(
            n_features=int(spec_fields["n_features"]),
            char_ngrams=tuple(spec_fields["char_ngrams"]),
            word_ngrams=tuple(spec_fields["word_ngrams"]),
        )
        return cls(
            spec=spec,
            spam_weights=spam_weights,
            spam_bias=float(meta["spam_bias"]),
            category_weights=category_weights,
            category_bias=np.array(meta["category_bias"], dtype=np.float64),
            categories=tuple(Category(c) for c in meta["categories"]),
            threshold=float(meta["threshold"]),
            version=str(meta["version"]),
            trained_at=str(meta["trained_at"]),
            metadata=dict(meta.get("metadata", {})),
        )


def _log_count_ratios(matrix: Any, labels: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """log((p / |p|₁) / (q / |q|₁)) per feature, p and q the smoothed counts of messages with the
    feature among spam and among ham."""
    present = (matrix > 0).astype(np.float64)
    p = alpha + np.asarray(present[labels].sum(axis=0)).ravel()
    q = alpha + np.asarray(present[~labels].sum(axis=0)).ravel()
    return np.log((p / p.sum()) / (q / q.sum()))
