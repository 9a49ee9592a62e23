"""Near-duplicate clustering: from scratch over a whole corpus, and incrementally one batch at a time.

``cluster_texts`` is the batch path (``chanrac campaigns rebuild``, the benchmark): exact copies
are tokenised and signed once (:func:`sign_distinct`, over ``workers`` forked processes), each
LSH band bucket links its members to the bucket's first member when their estimated similarity
reaches the threshold, connected components (scipy) are the clusters of alike texts, and
:func:`split_runs` splits the clusters whose texts share no contacts (per-recipient notices
such as OTPs and balances) into their runs.

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

from chanrac.campaigns.signature import DEFAULT_SCHEME, U32, LshScheme, Tokenized, shingle, tokenize_all
from chanrac.campaigns.tokens import NO_VALUE, unique_texts

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
    values: U32  # n × VALUE_SKETCH: smallest value hashes (see LshScheme.share_a_value)

    def __len__(self) -> int:
        return len(self.exact)


def sign_tokenized(tokenized: Tokenized, scheme: LshScheme = DEFAULT_SCHEME, threads: int = 1) -> SignedBatch:
    """Signatures of tokenised texts; texts equal once masked are hashed once."""
    _, first, row_of = np.unique(tokenized.exact, return_index=True, return_inverse=True)
    unique_sigs = scheme.signatures(shingle(tokenized.take(first)), threads=threads)
    signatures = unique_sigs[row_of.reshape(-1)]
    return SignedBatch(
        tokenized.exact, signatures, scheme.band_keys(signatures), tokenized.lengths == 0, tokenized.value_sketch
    )


def _concat(parts: Sequence[SignedBatch]) -> SignedBatch:
    return SignedBatch(
        np.concatenate([p.exact for p in parts]),
        np.concatenate([p.signatures for p in parts]),
        np.concatenate([p.keys for p in parts]),
        np.concatenate([p.empty for p in parts]),
        np.concatenate([p.values for p in parts]),
    )


def _take(batch: SignedBatch, rows: npt.NDArray[np.int64]) -> SignedBatch:
    return SignedBatch(
        batch.exact[rows], batch.signatures[rows], batch.keys[rows], batch.empty[rows], batch.values[rows]
    )


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)

# Inherited by forked workers, so the texts are never pickled to them.
_WORK: tuple[Sequence[str], LshScheme] | None = None
_CHUNK = 25_000  # texts per worker task: bounds the joined string and the MinHash block memory


def _sign_range(span: tuple[int, int]) -> SignedBatch:
    assert _WORK is not None
    texts, scheme = _WORK
    return sign_tokenized(tokenize_all(texts[span[0] : span[1]]), scheme)


def sign_distinct(
    texts: Sequence[str], scheme: LshScheme = DEFAULT_SCHEME, workers: int = 1
) -> tuple[SignedBatch, npt.NDArray[np.int64]]:
    """Signatures of the distinct texts, and for each text the row of its copy among them.

    Exact copies (a spam run repeats its text verbatim) are tokenised and hashed once; with
    ``workers`` > 1 the distinct texts are signed in that many forked processes.
    """
    global _WORK
    distinct, inverse = unique_texts(texts)
    spans = [(i, min(i + _CHUNK, len(distinct))) for i in range(0, len(distinct), _CHUNK)] or [(0, 0)]
    _WORK = (distinct, scheme)
    try:
        if workers <= 1 or len(spans) == 1:
            parts = [_sign_range(span) for span in spans]
        else:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(workers) as pool:
                parts = pool.map(_sign_range, spans, chunksize=1)
    finally:
        _WORK = None
    return _concat(parts), inverse


def sign_texts(texts: Sequence[str], scheme: LshScheme = DEFAULT_SCHEME, workers: int = 1) -> SignedBatch:
    """Signatures of every text, one row per text (see :func:`sign_distinct`)."""
    batch, inverse = sign_distinct(texts, scheme, workers)
    return batch if len(batch) == len(texts) else _take(batch, inverse)


def cluster_texts(texts: Sequence[str], scheme: LshScheme = DEFAULT_SCHEME, workers: int = 1) -> npt.NDArray[np.int64]:
    """A cluster label per text (``0..k-1``); near-duplicates share a label, exact copies always."""
    batch, inverse = sign_distinct(texts, scheme, workers)
    return cluster_signed(batch, scheme)[inverse]


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
    if scheme.separate_runs:
        return split_runs(labels.astype(np.int64), batch.values, batch.exact, scheme.min_run_size)
    return labels.astype(np.int64)


def split_runs(
    labels: npt.NDArray[np.int64], values: U32, exact: npt.NDArray[np.int64], min_run_size: float = 5.0
) -> npt.NDArray[np.int64]:
    """Split each cluster of alike texts into runs: texts linked by a shared value (a number, a
    link host, a handle — amounts excluded) or by an identical masked text.

    One template is sent by many runs (and a bank sends every customer the same OTP notice); what
    tells them apart is the contacts they carry. Connected components of the bipartite graph
    text — (cluster, value) are the runs, so a run rotating SIMs and links stays whole as long as
    its sends overlap in one of them.
    """
    n = len(labels)
    rows, columns = np.nonzero(values != NO_VALUE)
    docs = np.concatenate([rows, np.arange(n)])
    # a value node is a (cluster, value) pair, mixed into 64 bits; the exact digest of the masked
    # text is one more value of every text
    value_part = np.concatenate([values[rows, columns].astype(np.uint64) + np.uint64(1 << 32), exact.view(np.uint64)])
    cluster_part = np.concatenate([labels[rows], labels]).astype(np.uint64)
    keys = (cluster_part * _GOLDEN) ^ (value_part * _MIX)
    _, node = np.unique(keys, return_inverse=True)
    size = n + int(node.max()) + 1 if n else 0
    graph = coo_matrix((np.ones(len(docs), dtype=np.int8), (docs, n + node.reshape(-1))), shape=(size, size))
    _, components = connected_components(graph, directed=False)
    _, runs = np.unique(components[:n], return_inverse=True)
    runs = runs.reshape(-1)
    # a cluster whose runs are tiny carries per-recipient values (codes, balances): notices, not a
    # campaign rotating a few contacts, so it is split into its runs
    texts_per_cluster = np.bincount(labels)
    run_cluster = np.zeros(int(runs.max()) + 1 if n else 0, dtype=np.int64)
    run_cluster[runs] = labels
    runs_per_cluster = np.bincount(run_cluster, minlength=len(texts_per_cluster))
    fragmented = runs_per_cluster * min_run_size > texts_per_cluster
    split = np.where(fragmented[labels], runs + len(texts_per_cluster), labels)
    _, relabelled = np.unique(split, return_inverse=True)
    return relabelled.reshape(-1).astype(np.int64)


@dataclass(slots=True)
class Assignment:
    """Where each message of a batch went, and which campaigns the batch merged."""

    campaign_ids: list[Hashable]
    created: list[Hashable] = field(default_factory=list)
    merged: dict[Hashable, Hashable] = field(default_factory=dict)  # absorbed id → surviving id
    new_exemplars: list[int] = field(default_factory=list)  # rows of the batch that became exemplars


class KeyTable:
    """LSH band key → exemplar number, an open-addressing hash table in numpy arrays.

    Lookups and inserts take whole arrays of keys (linear probing runs as a few vectorised
    rounds), so a batch of a thousand messages costs a handful of numpy calls instead of sixteen
    thousand lookups in a Python dict of millions of keys. The first owner of a key keeps it.
    """

    _FREE = np.int64(-1)  # owner of an empty slot

    def __init__(self, capacity: int = 1 << 16) -> None:
        self._keys = np.zeros(capacity, dtype=np.int64)
        self._owners = np.full(capacity, self._FREE, dtype=np.int64)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def _slots(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """Slot of each key if present, else the free slot where probing for it stopped."""
        mask = np.int64(len(self._keys) - 1)
        mixed = (keys.view(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) >> np.uint64(20)
        slots = mixed.view(np.int64) & mask
        pending = np.arange(len(keys))
        while len(pending):
            at = slots[pending]
            done = (self._owners[at] == self._FREE) | (self._keys[at] == keys[pending])
            pending = pending[~done]
            slots[pending] = (slots[pending] + 1) & mask
        return slots

    def get(self, keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
        """The owner of each key, -1 when none."""
        if len(keys) == 0:
            return np.zeros(0, dtype=np.int64)
        return self._owners[self._slots(keys)]

    def add(self, keys: npt.NDArray[np.int64], owners: npt.NDArray[np.int64]) -> None:
        """Give each key not owned yet to its owner (the first one listed, for a repeated key)."""
        keys, first = np.unique(keys, return_index=True)
        owners = owners[first]
        slots = self._slots(keys)
        fresh = self._owners[slots] == self._FREE
        keys, owners = keys[fresh], owners[fresh]
        if (self._count + len(keys)) * 2 > len(self._keys):
            self._grow(self._count + len(keys))
        while len(keys):
            slots = self._slots(keys)
            self._keys[slots] = keys
            self._owners[slots] = owners
            placed = self._keys[slots] == keys  # two new keys may have raced for one slot
            self._count += int(placed.sum())
            keys, owners = keys[~placed], owners[~placed]

    def _grow(self, needed: int) -> None:
        used = self._owners != self._FREE
        keys, owners = self._keys[used], self._owners[used]
        capacity = len(self._keys)
        while needed * 2 > capacity:
            capacity *= 2
        self._keys = np.zeros(capacity, dtype=np.int64)
        self._owners = np.full(capacity, self._FREE, dtype=np.int64)
        self._count = 0
        self.add(keys, owners)


class CampaignIndex:
    """An LSH index of exemplars: band key → exemplar → campaign. See the module docstring."""

    def __init__(self, scheme: LshScheme = DEFAULT_SCHEME) -> None:
        self.scheme = scheme
        self._key_owner = KeyTable()
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
        if parent is None:
            return campaign
        root = parent
        while (above := self._parent.get(root)) is not None:
            root = above
        while campaign != root:  # path compression: merge chains grow with every merge
            self._parent[campaign], campaign = root, self._parent[campaign]
        return root

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
        key_array = np.fromiter(keys, dtype=np.int64)
        self._key_owner.add(key_array, np.full(len(key_array), number, dtype=np.int64))
        return number

    def _add_exemplars(self, signatures: U32, keys: npt.NDArray[np.int64], campaigns: Sequence[Hashable]) -> None:
        first = len(self._exemplar_campaign)
        needed = self._sig_count + len(signatures)
        if needed > len(self._signatures):
            grown = np.zeros((max(1024, 2 * needed), self.scheme.permutations), dtype=np.uint32)
            grown[: self._sig_count] = self._signatures[: self._sig_count]
            self._signatures = grown
        self._signatures[self._sig_count : needed] = signatures
        self._sig_count = needed
        self._exemplar_campaign += campaigns
        numbers = np.arange(first, first + len(signatures), dtype=np.int64)
        self._key_owner.add(keys.ravel(), np.repeat(numbers, keys.shape[1]))

    def owner_of(self, key: int) -> int | None:
        """The exemplar that owns an LSH band key, if any."""
        owner = int(self._key_owner.get(np.array([key], dtype=np.int64))[0])
        return None if owner < 0 else owner

    def exemplar_signature(self, exemplar: int) -> U32:
        return self._signatures[exemplar]

    def assign(self, batch: SignedBatch, new_campaign: Callable[[], Hashable]) -> Assignment:
        """Put every message of ``batch`` in a campaign; messages of one batch see each other.

        Vectorised over the batch: the distinct texts are matched against the exemplars known
        before the batch (one fancy-indexed comparison for every candidate pair) and against
        each other (LSH buckets, as in :func:`cluster_signed`); connected components of texts
        and matched campaigns are then assigned, a component holding several campaigns merges
        them into the best-matched one, and a component holding none founds a new campaign.
        """
        scheme = self.scheme
        needed = scheme.threshold * scheme.permutations  # equal minima a match needs
        result = Assignment(campaign_ids=[])
        n = len(batch)
        if n == 0:
            return result
        _, first_rows, copy_of = np.unique(batch.exact, return_index=True, return_inverse=True)
        live = np.sort(first_rows[~batch.empty[first_rows]])  # distinct non-empty texts, in order
        m = len(live)
        # candidates among the exemplars known before this batch
        owners = self._key_owner.get(batch.keys[live].ravel()).reshape(m, scheme.bands)
        pair_row, pair_band = np.nonzero(owners >= 0)
        width = len(self) + 1
        pairs = np.unique(pair_row * width + owners[pair_row, pair_band])
        pair_row, pair_owner = pairs // width, pairs % width
        equal = np.count_nonzero(self._signatures[pair_owner] == batch.signatures[live[pair_row]], axis=1)
        confirmed = equal >= needed
        pair_row, pair_owner, equal = pair_row[confirmed], pair_owner[confirmed], equal[confirmed]
        # campaigns the batch touches become graph nodes after its m texts
        node_of: dict[Hashable, int] = {}
        campaign_node = np.fromiter(
            (node_of.setdefault(c, m + len(node_of)) for c in map(self.campaign_of_exemplar, pair_owner.tolist())),
            dtype=np.int64,
            count=len(pair_owner),
        )
        campaigns = list(node_of)
        best = np.zeros(len(campaigns), dtype=np.int64)
        np.maximum.at(best, campaign_node - m, equal)
        src, dst = [pair_row], [campaign_node]
        # texts of the batch alike each other
        for band in range(scheme.bands):
            keys = batch.keys[live, band]
            order = np.argsort(keys, kind="stable")
            sorted_keys = keys[order]
            new_bucket = np.ones(m, dtype=bool)
            new_bucket[1:] = sorted_keys[1:] != sorted_keys[:-1]
            leader_pos = np.maximum.accumulate(np.where(new_bucket, np.arange(m), 0))
            members, leaders = order[~new_bucket], order[leader_pos[~new_bucket]]
            alike = np.count_nonzero(batch.signatures[live[members]] == batch.signatures[live[leaders]], axis=1)
            src.append(members[alike >= needed])
            dst.append(leaders[alike >= needed])
        size = m + len(campaigns)
        edges_from, edges_to = np.concatenate(src), np.concatenate(dst)
        graph = coo_matrix((np.ones(len(edges_from), dtype=np.int8), (edges_from, edges_to)), shape=(size, size))
        _, component = connected_components(graph, directed=False)
        # each component: its best-matched campaign, or a new one founded by its first text
        survivor: dict[int, Hashable] = {}
        for node in np.argsort(-best, kind="stable").tolist():
            campaign, comp = campaigns[node], int(component[m + node])
            if comp not in survivor:
                survivor[comp] = campaign
            elif survivor[comp] != campaign:
                self._parent[campaign] = survivor[comp]
                result.merged[campaign] = survivor[comp]
        row_campaign: list[Hashable] = []
        for comp in component[:m].tolist():
            campaign = survivor.get(comp)
            if campaign is None:
                campaign = survivor[comp] = new_campaign()
                result.created.append(campaign)
            row_campaign.append(campaign)
        # texts that bring an LSH key nobody owns yet become exemplars
        # (a key first seen in this batch goes to the first text that has it)
        unknown = (owners < 0).any(axis=1)
        if m:
            keys = batch.keys[live].ravel()
            _, first = np.unique(keys, return_index=True)
            brings_new = np.zeros(m * scheme.bands, dtype=bool)
            brings_new[first] = True
            unknown &= (brings_new.reshape(m, scheme.bands) & (owners < 0)).any(axis=1)
        new_rows = np.flatnonzero(unknown)
        self._add_exemplars(
            batch.signatures[live[new_rows]], batch.keys[live[new_rows]], [row_campaign[i] for i in new_rows.tolist()]
        )
        result.new_exemplars += live[new_rows].tolist()
        campaign_of_first = dict(zip(live.tolist(), row_campaign, strict=True))
        first_of_copy = first_rows[copy_of.reshape(-1)].tolist()
        for row, empty in enumerate(batch.empty.tolist()):
            if empty:
                campaign = new_campaign()
                result.created.append(campaign)
            else:
                campaign = campaign_of_first[first_of_copy[row]]
            result.campaign_ids.append(campaign)
        # a merge late in the batch re-parents campaigns assigned earlier in it
        result.campaign_ids = [self.resolve(c) for c in result.campaign_ids]
        result.merged = {old: self.resolve(new) for old, new in result.merged.items()}
        return result
