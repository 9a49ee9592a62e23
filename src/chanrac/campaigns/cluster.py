"""Near-duplicate clustering: from scratch over a whole corpus, and incrementally one batch at a time.

``cluster_texts`` is the batch path (``chanrac campaigns rebuild``, the benchmark): exact copies
of the masked text are grouped first, MinHash signatures are computed once per distinct text, each
LSH band bucket links its members to the bucket's first member when their estimated similarity
reaches the threshold, and connected components (scipy's union-find) are the clusters.

:class:`CampaignIndex` is the incremental path: it keeps, per LSH band key, the *exemplar* message
that first produced it; a new message joins the campaign of the most similar exemplar it shares a
key with, or founds a new campaign. A message that confirms exemplars of two campaigns merges them
(the report says which). The database-backed assignment (:mod:`chanrac.campaigns.store`) seeds
an index with the exemplars its batch can touch and persists what the index added.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from chanrac.campaigns.signature import (
    DEFAULT_SCHEME,
    U32,
    LshScheme,
    Tokenized,
    canonical_text,
    shingle,
    tokenize_parallel,
)

__all__ = [
    "Assignment",
    "CampaignIndex",
    "SignedBatch",
    "cluster_signed",
    "cluster_texts",
    "sign_texts",
    "sign_tokenized",
]


@dataclass(frozen=True, slots=True)
class SignedBatch:
    """Signatures and band keys of a batch of texts; ``exact`` is equal for identical masked texts."""

    exact: npt.NDArray[np.int64]
    signatures: U32
    keys: npt.NDArray[np.int64]  # n × bands
    empty: npt.NDArray[np.bool_]  # no token at all: never clustered with anything

    def __len__(self) -> int:
        return len(self.exact)


def sign_tokenized(tokenized: Tokenized, scheme: LshScheme = DEFAULT_SCHEME, threads: int = 1) -> SignedBatch:
    """Signatures of tokenised texts; exact copies are hashed once."""
    _, first, row_of = np.unique(tokenized.exact, return_index=True, return_inverse=True)
    unique_sigs = scheme.signatures(shingle(tokenized.take(first)), threads=threads)
    signatures = unique_sigs[row_of.reshape(-1)]
    return SignedBatch(tokenized.exact, signatures, scheme.band_keys(signatures), tokenized.lengths == 0)


def sign_texts(
    texts: Sequence[str],
    scheme: LshScheme = DEFAULT_SCHEME,
    canonicalize: Callable[[str], str] = canonical_text,
    workers: int = 1,
) -> SignedBatch:
    """Signatures of every text (``workers`` processes tokenise, as many threads hash)."""
    return sign_tokenized(tokenize_parallel(texts, canonicalize, workers), scheme, threads=workers)


def cluster_texts(
    texts: Sequence[str],
    scheme: LshScheme = DEFAULT_SCHEME,
    canonicalize: Callable[[str], str] = canonical_text,
    workers: int = 1,
) -> npt.NDArray[np.int64]:
    """A cluster label per text (``0..k-1``); near-duplicates share a label."""
    return cluster_signed(sign_texts(texts, scheme, canonicalize, workers), scheme)


def cluster_signed(batch: SignedBatch, scheme: LshScheme = DEFAULT_SCHEME) -> npt.NDArray[np.int64]:
    n = len(batch)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    sources: list[npt.NDArray[np.int64]] = []
    targets: list[npt.NDArray[np.int64]] = []
    candidates = np.flatnonzero(~batch.empty)
    for band in range(scheme.bands):
        keys = batch.keys[candidates, band]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        new_bucket = np.empty(len(order), dtype=bool)
        new_bucket[:1] = True
        new_bucket[1:] = sorted_keys[1:] != sorted_keys[:-1]
        leader_pos = np.maximum.accumulate(np.where(new_bucket, np.arange(len(order)), 0))
        members = candidates[order[~new_bucket]]
        leaders = candidates[order[leader_pos[~new_bucket]]]
        if len(members) == 0:
            continue
        similar = scheme.agreement(batch.signatures[members], batch.signatures[leaders]) >= scheme.threshold
        sources.append(members[similar])
        targets.append(leaders[similar])
    src = np.concatenate(sources) if sources else np.zeros(0, dtype=np.int64)
    dst = np.concatenate(targets) if targets else np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(src), dtype=np.int8), (src, dst)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels.astype(np.int64)


@dataclass(slots=True)
class Assignment:
    """Where each message of a batch went, and which campaigns the batch merged."""

    campaign_ids: list[Hashable]
    created: list[Hashable] = field(default_factory=list)
    merged: dict[Hashable, Hashable] = field(default_factory=dict)  # absorbed id → surviving id
    new_exemplars: list[int] = field(default_factory=list)  # rows of the batch that became exemplars


class CampaignIndex:
    """An LSH index of exemplars: band key → exemplar → campaign. See the module docstring."""

    def __init__(self, scheme: LshScheme = DEFAULT_SCHEME) -> None:
        self.scheme = scheme
        self._key_owner: dict[int, int] = {}  # band key → exemplar number
        self._exemplar_campaign: list[Hashable] = []
        self._signatures = np.zeros((0, scheme.permutations), dtype=np.uint32)
        self._sig_count = 0
        self._parent: dict[Hashable, Hashable] = {}  # merged campaigns point to their survivor

    def __len__(self) -> int:
        return len(self._exemplar_campaign)

    def campaign_of_exemplar(self, exemplar: int) -> Hashable:
        return self.resolve(self._exemplar_campaign[exemplar])

    def resolve(self, campaign: Hashable) -> Hashable:
        parent = self._parent.get(campaign)
        while parent is not None:
            campaign = parent
            parent = self._parent.get(campaign)
        return campaign

    def add_exemplar(self, signature: U32, keys: Iterable[int], campaign: Hashable) -> int:
        """Register a known message (e.g. loaded from the database) as an exemplar of ``campaign``."""
        number = len(self._exemplar_campaign)
        if self._sig_count == len(self._signatures):
            grown = np.zeros((max(1024, 2 * len(self._signatures)), self.scheme.permutations), dtype=np.uint32)
            grown[: self._sig_count] = self._signatures[: self._sig_count]
            self._signatures = grown
        self._signatures[self._sig_count] = signature
        self._sig_count += 1
        self._exemplar_campaign.append(campaign)
        for key in keys:
            self._key_owner.setdefault(int(key), number)
        return number

    def owner_of(self, key: int) -> int | None:
        """The exemplar that owns an LSH band key, if any."""
        return self._key_owner.get(key)

    def exemplar_signature(self, exemplar: int) -> U32:
        return self._signatures[exemplar]

    def assign(self, batch: SignedBatch, new_campaign: Callable[[], Hashable]) -> Assignment:
        """Put every message of ``batch`` in a campaign, in order; later messages see earlier ones."""
        scheme = self.scheme
        threshold = scheme.threshold
        key_owner = self._key_owner
        result = Assignment(campaign_ids=[])
        keys_list = batch.keys.tolist()
        exact_campaign: dict[int, Hashable] = {}
        exact_list = batch.exact.tolist()
        for row, keys in enumerate(keys_list):
            if batch.empty[row]:
                campaign = new_campaign()
                result.created.append(campaign)
                result.campaign_ids.append(campaign)
                continue
            exact = exact_list[row]
            known = exact_campaign.get(exact)
            if known is not None:
                result.campaign_ids.append(self.resolve(known))
                continue
            owners = {key_owner[k] for k in keys if k in key_owner}
            signature = batch.signatures[row]
            matched: list[tuple[float, Hashable]] = []
            if owners:
                owner_rows = np.fromiter(owners, dtype=np.int64, count=len(owners))
                scores = (self._signatures[owner_rows] == signature).mean(axis=1)
                for owner, score in zip(owner_rows.tolist(), scores.tolist(), strict=True):
                    if score >= threshold:
                        matched.append((score, self.campaign_of_exemplar(owner)))
            if matched:
                matched.sort(key=lambda item: -item[0])
                campaign = matched[0][1]
                for _, other in matched[1:]:
                    if other != campaign:
                        self._parent[other] = campaign
                        result.merged[other] = campaign
            else:
                campaign = new_campaign()
                result.created.append(campaign)
            if any(k not in key_owner for k in keys):
                self.add_exemplar(signature, keys, campaign)
                result.new_exemplars.append(row)
            exact_campaign[exact] = campaign
            result.campaign_ids.append(campaign)
        # a merge late in the batch re-parents campaigns assigned earlier in it
        result.campaign_ids = [self.resolve(c) for c in result.campaign_ids]
        result.merged = {old: self.resolve(new) for old, new in result.merged.items()}
        return result
