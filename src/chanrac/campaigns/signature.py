"""From a message to the numbers clustering compares: masked tokens, shingles, MinHash, LSH keys.

A spam run sends one template with its slots filled differently (numbers, links, amounts, names),
so the variable parts are masked before shingling: every URL or bare domain becomes ``_url``,
every token holding a digit becomes ``_n`` (runs of them collapse to one). What is left is the
template's wording; its word bigrams plus unigrams are the shingles, so a swapped clause or a
changed name costs only a few shingles.

Everything after tokenising is vectorised with numpy: shingles are hashed once, the MinHash
permutations are one multiply-shift matrix operation over all shingles of a block of messages,
the per-message minimum is a ``minimum.reduceat``, and LSH band keys are mixed in uint64.
Hashes are stable across processes and machines (CRC32 of tokens, fixed seeds), so signatures
and keys stored in the database stay comparable with the ones computed tomorrow.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chanrac.campaigns.tokens import (
    KIND_LINK,
    KIND_NUMBER,
    NUMBER_TOKEN,
    URL_TOKEN,
    VALUE_SKETCH,
    _host,
    hash_documents,
    token_stream,
)

__all__ = [
    "DEFAULT_SCHEME",
    "NUMBER_TOKEN",
    "URL_TOKEN",
    "VALUE_WEIGHT",
    "LshScheme",
    "Shingled",
    "Tokenized",
    "masked_tokens",
    "shingle",
    "tokenize_all",
    "tokens_and_values",
]

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_EMPTY = np.uint32(0xFFFFFFFF)


def tokens_and_values(text: str) -> tuple[list[str], list[str]]:
    """Masked words of one message, and the values the masks hid: digit strings (≥ 3 digits) and
    link hosts. (The batch path, :func:`tokenize_all`, works on arrays; this is for reading.)

    The words say which template a message realises; the values (a run's SIMs, its domains, the
    amount it promises) say which run of that template it belongs to.
    """
    stream = token_stream([text])
    tokens: list[str] = []
    values: list[str] = []
    links = iter(stream.links)
    previous = -1
    for token_id in stream.ids.tolist():
        kind = int(stream.kinds[token_id])
        if kind == KIND_LINK:
            values.append(_host(next(links)))
        elif stream.values[token_id] is not None:
            values.append(str(stream.values[token_id]))
        if not (kind == KIND_NUMBER and previous == KIND_NUMBER):
            tokens += stream.words[token_id]
        previous = kind
    return tokens, values


def masked_tokens(text: str) -> list[str]:
    """Words of one message with links and numbers masked (``_url``, ``_n``)."""
    return tokens_and_values(text)[0]


@dataclass(frozen=True, slots=True)
class Shingled:
    """Shingles of many documents, concatenated: document ``i`` owns ``values[starts[i]:ends[i]]``."""

    values: U64
    starts: npt.NDArray[np.int64]
    lengths: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.starts)


def shingle(tokenized: Tokenized) -> Shingled:
    """Shingles of each document as uint64 hashes, vectorised over the batch: unigrams and bigrams
    of its words, and its values (already repeated ``value_weight`` times) as unigrams."""
    flat, lengths, words = tokenized.flat, tokenized.lengths, tokenized.word_counts
    n = len(lengths)
    doc_starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1], out=doc_starts[1:])
    doc_of_token = np.repeat(np.arange(n), lengths)
    offset = np.arange(len(flat)) - doc_starts[doc_of_token]
    n_bigrams = np.maximum(words - 1, 0)
    out_lengths = lengths + n_bigrams
    out_starts = np.zeros(n, dtype=np.int64)
    np.cumsum(out_lengths[:-1], out=out_starts[1:])
    values = np.empty(int(out_lengths.sum()), dtype=np.uint64)
    values[out_starts[doc_of_token] + offset] = flat * _GOLDEN
    # a bigram joins word j and j+1 of the same document
    left = np.flatnonzero(offset < (words[doc_of_token] - 1))
    bigrams = ((flat[left] * _MIX) ^ (flat[left + 1] + np.uint64(0x632BE59BD9B4E019))) * _GOLDEN
    owner = doc_of_token[left]
    values[out_starts[owner] + lengths[owner] + offset[left]] = bigrams
    return Shingled(values=values, starts=out_starts, lengths=out_lengths)


@dataclass(frozen=True, slots=True)
class LshScheme:
    """MinHash with ``bands * rows`` permutations; a band key is the hash of ``rows`` minima.

    Two documents of Jaccard similarity ``s`` share at least one band key with probability
    ``1 - (1 - s**rows)**bands``; candidates are then confirmed when the share of equal minima
    (an unbiased estimate of ``s``) reaches ``threshold``.
    """

    bands: int = 16
    rows: int = 4
    threshold: float = 0.7
    seed: int = 20_260_401
    # split each cluster of alike texts into runs that share values (see cluster.split_runs)
    separate_runs: bool = True
    min_run_size: float = 5.0
    block_shingles: int = 1 << 16  # shingles hashed at once: block × permutations × 8 bytes of memory

    @property
    def permutations(self) -> int:
        return self.bands * self.rows

    def _coefficients(self) -> tuple[U64, U64]:
        rng = np.random.Generator(np.random.PCG64(self.seed))
        a = rng.integers(1, 2**63, size=self.permutations, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        b = rng.integers(0, 2**63, size=self.permutations, dtype=np.uint64)
        return a, b

    def signatures(self, shingled: Shingled, threads: int = 1) -> U32:
        """MinHash signatures, one row per document; an empty document gets all ``0xFFFFFFFF``.

        Blocks of whole documents are hashed with all permutations at once (numpy releases the
        GIL, so ``threads`` blocks run in parallel).
        """
        a, b = self._coefficients()
        n = len(shingled)
        out = np.full((n, self.permutations), _EMPTY, dtype=np.uint32)
        nonempty = np.flatnonzero(shingled.lengths > 0)
        if len(nonempty) == 0:
            return out
        ends = (shingled.starts + shingled.lengths)[nonempty]
        block = max(1, self.block_shingles // self.permutations * 64)
        bounds = [0]
        while bounds[-1] < len(nonempty):
            first = int(shingled.starts[nonempty[bounds[-1]]])
            j = int(np.searchsorted(ends, first + block, side="right"))
            bounds.append(max(j, bounds[-1] + 1))
        high_word = slice(1, None, 2) if sys.byteorder == "little" else slice(0, None, 2)
        b_column = b[:, None]

        def run(i: int, j: int) -> None:
            docs = nonempty[i:j]
            first = int(shingled.starts[docs[0]])
            x = shingled.values[first : int(ends[j - 1])]
            # permutations × shingles, so that the per-document minimum runs along contiguous rows
            hashed = np.multiply.outer(a, x)
            hashed += b_column
            high = hashed.view(np.uint32)[:, high_word]  # (a·x + b) >> 32 without a copy
            out[docs] = np.minimum.reduceat(high, shingled.starts[docs] - first, axis=1).T

        spans = list(itertools.pairwise(bounds))
        if threads <= 1 or len(spans) == 1:
            for i, j in spans:
                run(i, j)
        else:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(lambda span: run(*span), spans))
        return out

    def band_keys(self, signatures: U32) -> npt.NDArray[np.int64]:
        """One signed 64-bit key per document and band (``n × bands``), distinct across bands."""
        sig = signatures.astype(np.uint64).reshape(len(signatures), self.bands, self.rows)
        keys = np.zeros((len(signatures), self.bands), dtype=np.uint64)
        for r in range(self.rows):
            keys = (keys ^ sig[:, :, r]) * _MIX
            keys ^= keys >> np.uint64(31)
        keys ^= (np.arange(self.bands, dtype=np.uint64) + np.uint64(1)) * _GOLDEN
        keys = (keys * _GOLDEN) ^ (keys >> np.uint64(29))
        return keys.view(np.int64)

    def agreement(self, left: U32, right: U32) -> npt.NDArray[np.float64]:
        """Estimated Jaccard similarity of paired rows (share of equal minima)."""
        result: npt.NDArray[np.float64] = (left == right).mean(axis=-1)
        return result


DEFAULT_SCHEME = LshScheme()
# How many shingles each value (number, link host) counts for, against one per word and bigram.
VALUE_WEIGHT = 4


@dataclass(frozen=True, slots=True)
class Tokenized:
    """Token hashes of many documents, concatenated (document ``i`` owns ``lengths[i]`` entries:
    ``word_counts[i]`` word hashes, then its values' hashes); ``exact`` is a 64-bit digest of the
    masked text and its values, equal for exact copies; ``value_sketch`` its smallest distinct
    value hashes (see :func:`chanrac.campaigns.tokens.value_sketch`)."""

    exact: npt.NDArray[np.int64]
    flat: U64
    lengths: npt.NDArray[np.int64]
    word_counts: npt.NDArray[np.int64]
    value_sketch: U32

    def __len__(self) -> int:
        return len(self.lengths)

    def take(self, rows: npt.NDArray[np.int64]) -> Tokenized:
        starts = np.zeros(len(self.lengths), dtype=np.int64)
        np.cumsum(self.lengths[:-1], out=starts[1:])
        lengths = self.lengths[rows]
        index = np.repeat(starts[rows] - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
        index += np.arange(int(lengths.sum()))
        return Tokenized(self.exact[rows], self.flat[index], lengths, self.word_counts[rows], self.value_sketch[rows])

    @staticmethod
    def concat(parts: Sequence[Tokenized]) -> Tokenized:
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            no_values = np.zeros((0, VALUE_SKETCH), dtype=np.uint32)
            return Tokenized(empty, np.zeros(0, dtype=np.uint64), empty, empty, no_values)
        return Tokenized(
            np.concatenate([p.exact for p in parts]),
            np.concatenate([p.flat for p in parts]),
            np.concatenate([p.lengths for p in parts]),
            np.concatenate([p.word_counts for p in parts]),
            np.concatenate([p.value_sketch for p in parts]),
        )


def tokenize_all(texts: Sequence[str], value_weight: int = VALUE_WEIGHT) -> Tokenized:
    """Tokenise, mask and hash every text (see :class:`Tokenized` and :mod:`chanrac.campaigns.tokens`)."""
    hashed = hash_documents(token_stream(texts), value_weight)
    return Tokenized(hashed.exact, hashed.flat, hashed.lengths, hashed.word_counts, hashed.value_sketch)
