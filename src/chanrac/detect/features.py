"""Hashed word and character n-gram features of canonical text, computed for a whole batch in numpy.

The usual ``HashingVectorizer`` walks every document in Python; here the batch is one byte array
and every n-gram hash is a polynomial prefix-hash difference (uint64 arithmetic that wraps on
purpose), so the cost per message is a handful of vector operations shared by the batch.
Digits are read as ``0`` so that phone numbers, amounts and codes become shapes, not identities.

A message's feature vector is its n-gram counts divided by √(number of n-grams): close to the
usual L2 normalisation, but computable without grouping duplicates, so inference is one gather
and one ``bincount`` (:class:`Occurrences`), with no sparse matrix to build. Training builds
the equivalent CSR matrix from the same occurrences.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

__all__ = ["FeatureSpec", "Occurrences", "hashed_features", "hashed_occurrences"]

_BASE = 0x100000001B3  # odd, hence invertible modulo 2**64
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_SEPARATOR = 0  # between documents; canonical text never holds NUL


@dataclass(frozen=True)
class FeatureSpec:
    """What the featuriser extracts; stored in the artefact so training and inference agree."""

    n_features: int = 2**18
    char_ngrams: tuple[int, ...] = (2, 3, 4, 5)
    word_ngrams: tuple[int, ...] = (1, 2)

    def __post_init__(self) -> None:
        if self.n_features & (self.n_features - 1):
            raise ValueError(f"n_features must be a power of two, got {self.n_features}")
        if not set(self.word_ngrams) <= {1, 2}:
            raise ValueError(f"word n-grams of length 1 and 2 only, got {self.word_ngrams}")


@dataclass(frozen=True)
class Occurrences:
    """Every hashed n-gram occurrence of a batch: ``docs[k]`` holds ``columns[k]``; a message's
    feature value is ``count × scale[doc]``."""

    n_docs: int
    docs: np.ndarray  # int64
    columns: np.ndarray  # int64
    scale: np.ndarray  # float64, 1/√(n-grams of the message)
    # Occurrences are listed kind by kind (each n-gram size, words, word pairs), and within a
    # kind message by message: kind_counts[k, d] is how many of kind k message d has. With it
    # the occurrences of some messages are found by arithmetic instead of a scan of all.
    kind_counts: np.ndarray | None = None  # int64, (kinds, n_docs)

    def rows_in_doc_order(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(index, indptr)``: the positions in :attr:`columns` of the occurrences of ``rows``,
        message by message and in each message in their order here (so that a sum over a
        message adds in the same order as ``bincount``), and where each message's part starts."""
        counts = self.kind_counts
        if counts is None:
            selected = np.zeros(self.n_docs, dtype=bool)
            selected[rows] = True
            local = np.zeros(self.n_docs, dtype=np.intp)
            local[rows] = np.arange(rows.size)
            index = np.flatnonzero(selected[self.docs])
            index = index[np.argsort(local[self.docs[index]], kind="stable")]
            indptr = np.zeros(rows.size + 1, dtype=np.intp)
            np.cumsum(np.bincount(local[self.docs[index]], minlength=rows.size), out=indptr[1:])
            return index, indptr
        kind_start = np.zeros(counts.shape[0], dtype=np.intp)
        np.cumsum(counts.sum(axis=1)[:-1], out=kind_start[1:])
        before = np.cumsum(counts, axis=1) - counts  # within its kind, where a message's part starts
        starts = (before[:, rows] + kind_start[:, None]).T.ravel()  # message-major, then kind
        lengths = counts[:, rows].T.ravel()
        indptr = np.zeros(rows.size + 1, dtype=np.intp)
        np.cumsum(lengths.reshape(rows.size, -1).sum(axis=1), out=indptr[1:])
        # Ranges to positions: start of each range, repeated over its length, plus a running count.
        offsets = starts - (np.cumsum(lengths) - lengths)
        index = np.repeat(offsets, lengths)
        index += np.arange(index.size)
        return index, indptr

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """``X @ weights`` for a weight vector, without building ``X``."""
        return np.bincount(self.docs, weights=weights[self.columns], minlength=self.n_docs) * self.scale

    def matrix(self, n_features: int) -> sp.csr_matrix:
        data = self.scale[self.docs].astype(np.float32)
        matrix = sp.csr_matrix((data, (self.docs, self.columns)), shape=(self.n_docs, n_features), dtype=np.float32)
        matrix.sum_duplicates()
        return matrix


class _Powers:
    """Powers of the base and of its inverse modulo 2**64, grown on demand and reused."""

    def __init__(self) -> None:
        self.forward = np.ones(1, dtype=np.uint64)
        self.inverse = np.ones(1, dtype=np.uint64)

    def get(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        if self.forward.size < size:
            grown = max(size, 2 * self.forward.size)
            with np.errstate(over="ignore"):
                forward = np.full(grown, _BASE, dtype=np.uint64)
                forward[0] = 1
                inverse = np.full(grown, pow(_BASE, -1, 2**64), dtype=np.uint64)
                inverse[0] = 1
                self.forward = np.cumprod(forward, dtype=np.uint64)
                self.inverse = np.cumprod(inverse, dtype=np.uint64)
        return self.forward[:size], self.inverse[:size]


_POWERS = _Powers()


def _bucket_into(h: np.ndarray, salt: int, bits: int, out: np.ndarray) -> None:
    """Multiplicative (Fibonacci) hashing: the top ``bits`` bits of ``(h + salt) × odd constant``,
    written to ``out`` (a slice of the batch's column array). ``h`` is a temporary: it is
    overwritten, which spares two array allocations per n-gram size."""
    h += np.uint64(salt * 0x9E3779B97F4A7C15 % 2**64)
    h *= _MIX_1
    np.right_shift(h, np.uint64(64 - bits), out=out.view(np.uint64))


# Digits read as "0" (a bytes.translate on the encoded batch, cheaper than a masked numpy write)
# and the bytes that make up words: a-z, the digit 0 and every byte of a multi-byte character.
_DIGITS_AS_ZERO = bytes.maketrans(b"0123456789", b"0000000000")
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[97:123] = True
_WORD_BYTE[48] = True
_WORD_BYTE[128:] = True


def _batch_bytes(texts: Sequence[str]) -> np.ndarray:
    # Each document is padded with spaces so n-grams see its edges: "\0 text \0 text \0".
    joined = "\x00 " + " \x00 ".join(texts) + " \x00"
    if joined.count("\x00") != len(texts) + 1:
        joined = "\x00 " + " \x00 ".join(t.replace("\x00", " ") for t in texts) + " \x00"
    return np.frombuffer(joined.encode("utf-8", "replace").translate(_DIGITS_AS_ZERO), dtype=np.uint8)


def _prefix_sums(arr: np.ndarray, inverse: np.ndarray) -> np.ndarray:
    """Prefix sums of (byte + 1) × base^-position, modulo 2**64 (the caller silences overflow):
    an n-gram's hash is the difference of two of them times base^start."""
    prefix = np.zeros(arr.size + 1, dtype=np.uint64)
    weighted = arr.astype(np.uint64)
    weighted += np.uint64(1)
    weighted *= inverse[: arr.size]
    np.cumsum(weighted, out=prefix[1:])
    return prefix


def hashed_occurrences(texts: Sequence[str], spec: FeatureSpec | None = None) -> Occurrences:
    """The hashed n-gram occurrences of a batch of canonical texts.

    Occurrences are listed by kind (character n-grams by size, then words, then word pairs) and
    within a kind by message. The output arrays are allocated once and each kind is written
    into its slice; the message of each character n-gram comes from the documents' byte
    lengths (``np.repeat``), not from a per-byte document index, and the per-message counts are
    summed from the same lengths rather than counted over all occurrences.
    """
    spec = spec or FeatureSpec()
    n_docs = len(texts)
    empty = np.zeros(0, dtype=np.int64)
    if n_docs == 0:
        return Occurrences(0, empty, empty, np.zeros(0))
    if n_docs == 1:
        return _one_document(texts[0], spec)
    arr = _batch_bytes(texts)
    size = arr.size
    forward, inverse = _POWERS.get(size + 1)
    is_separator = arr == _SEPARATOR
    separator_at = np.flatnonzero(is_separator)  # n_docs + 1 positions
    doc_bytes = np.diff(separator_at) - 1  # length of each " text " between two separators
    bits = spec.n_features.bit_length() - 1
    separators_before = np.zeros(size + 1, dtype=np.int32)
    np.cumsum(is_separator, out=separators_before[1:])
    doc_ids = np.arange(n_docs)

    is_word = _WORD_BYTE[arr]
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    word_start = np.flatnonzero(edges == 1)
    word_end = np.flatnonzero(edges == -1)
    word_doc = np.searchsorted(separator_at, word_start, side="right") - 1
    same_doc = word_doc[:-1] == word_doc[1:]
    words_per_doc = np.bincount(word_doc, minlength=n_docs)

    # Per message and kind, how many occurrences: a window of n bytes inside the message, a
    # word, two consecutive words.
    per_doc: list[np.ndarray] = [np.maximum(doc_bytes - (n - 1), 0) for n in spec.char_ngrams]
    if 1 in spec.word_ngrams:
        per_doc.append(words_per_doc)
    if 2 in spec.word_ngrams and word_start.size > 1:
        per_doc.append(np.maximum(words_per_doc - 1, 0))
    bounds = [0, *itertools.accumulate(int(c.sum()) for c in per_doc)]
    total = bounds[-1]
    docs = np.empty(total, dtype=np.intp)
    columns = np.empty(total, dtype=np.intp)
    with np.errstate(over="ignore"):
        prefix = _prefix_sums(arr, inverse)
        block = 0
        for n in spec.char_ngrams:
            a, b = bounds[block], bounds[block + 1]
            # Window [i, i+n) is an n-gram of one document when it holds no separator.
            valid = separators_before[n:] == separators_before[:-n]
            hashes = prefix[n:] - prefix[:-n]
            hashes *= forward[: size + 1 - n]
            _bucket_into(hashes[valid], n, bits, columns[a:b])
            docs[a:b] = np.repeat(doc_ids, per_doc[block])
            block += 1
        word_hash = prefix[word_end] - prefix[word_start]
        word_hash *= forward[word_start]
        if 1 in spec.word_ngrams:
            a, b = bounds[block], bounds[block + 1]
            _bucket_into(word_hash.copy(), 101, bits, columns[a:b])
            docs[a:b] = word_doc
            block += 1
        if 2 in spec.word_ngrams and word_hash.size > 1:
            a, b = bounds[block], bounds[block + 1]
            bigram = word_hash[:-1][same_doc]
            bigram *= _MIX_2
            bigram += word_hash[1:][same_doc]
            _bucket_into(bigram, 102, bits, columns[a:b])
            docs[a:b] = word_doc[:-1][same_doc]
    kind_counts = np.array(per_doc, dtype=np.int64).reshape(len(per_doc), n_docs)
    counts = kind_counts.sum(axis=0).astype(np.float64)
    counts[counts == 0] = 1.0
    return Occurrences(n_docs, docs, columns, 1.0 / np.sqrt(counts), kind_counts)


def _one_document(text: str, spec: FeatureSpec) -> Occurrences:
    """:func:`hashed_occurrences` of one text (an API call), without the batch's bookkeeping:
    every window of " text " is an n-gram of it, every word is its word. The hashes do not
    depend on where a window sits, so the columns are those of the batch path, in its order."""
    padded = " " + (text if "\x00" not in text else text.replace("\x00", " ")) + " "
    arr = np.frombuffer(padded.encode("utf-8", "replace").translate(_DIGITS_AS_ZERO), dtype=np.uint8)
    size = arr.size
    forward, inverse = _POWERS.get(size + 1)
    bits = spec.n_features.bit_length() - 1
    is_word = _WORD_BYTE[arr]
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    word_start = np.flatnonzero(edges == 1)
    word_end = np.flatnonzero(edges == -1)
    counts = [max(size - (n - 1), 0) for n in spec.char_ngrams]
    if 1 in spec.word_ngrams:
        counts.append(word_start.size)
    if 2 in spec.word_ngrams and word_start.size > 1:
        counts.append(word_start.size - 1)
    bounds = [0, *itertools.accumulate(counts)]
    columns = np.empty(bounds[-1], dtype=np.intp)
    with np.errstate(over="ignore"):
        prefix = _prefix_sums(arr, inverse)
        block = 0
        for n in spec.char_ngrams:
            hashes = prefix[n:] - prefix[:-n]
            hashes *= forward[: max(size + 1 - n, 0)]
            _bucket_into(hashes, n, bits, columns[bounds[block] : bounds[block + 1]])
            block += 1
        word_hash = prefix[word_end] - prefix[word_start]
        word_hash *= forward[word_start]
        if 1 in spec.word_ngrams:
            _bucket_into(word_hash.copy(), 101, bits, columns[bounds[block] : bounds[block + 1]])
            block += 1
        if 2 in spec.word_ngrams and word_hash.size > 1:
            bigram = word_hash[:-1] * _MIX_2
            bigram += word_hash[1:]
            _bucket_into(bigram, 102, bits, columns[bounds[block] : bounds[block + 1]])
    kind_counts = np.array(counts, dtype=np.int64).reshape(len(counts), 1)
    return Occurrences(
        1, np.zeros(columns.size, dtype=np.intp), columns, np.array([1.0 / np.sqrt(max(bounds[-1], 1))]), kind_counts
    )


def hashed_features(texts: Sequence[str], spec: FeatureSpec | None = None) -> sp.csr_matrix:
    """The ``len(texts) × spec.n_features`` feature matrix (for training and for scikit-learn)."""
    spec = spec or FeatureSpec()
    return hashed_occurrences(texts, spec).matrix(spec.n_features)
