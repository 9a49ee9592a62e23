"""Training and evaluation data: the shared SMS sets, the project's own labelled sets, category
labels, near-duplicate groups and leak-free splits.

The shared Vietnamese sets carry no licence, so their texts never enter the repository: their
categories live in ``data/labelled/shared_categories.csv`` as ``sha1(text) → category``, where
``text`` is the field of the cleaned CSV exactly as stored (NFC, trimmed).
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from chanrac.model import Category

__all__ = [
    "LABELLED_DIR",
    "SHARED_SETS",
    "Example",
    "group_near_duplicates",
    "grouped_folds",
    "grouped_split",
    "load_category_labels",
    "load_labelled_csv",
    "load_shared_set",
    "load_training_corpus",
    "text_sha1",
]

REPO_ROOT = Path(__file__).resolve().parents[3]
LABELLED_DIR = REPO_ROOT / "data" / "labelled"
DEFAULT_SHARED_DIR = REPO_ROOT.parent / "shared" / "data"
SHARED_SETS = ("vi_pham2017", "vi_smishing_ie403", "en_uci_smsspam")
CATEGORY_FILE = "shared_categories.csv"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str  # "spam" | "ham"
    category: Category
    source: str
    sender: str | None = None
    source_label: str = ""  # the label the data set itself gives, when it differs in meaning

    @property
    def is_spam(self) -> bool:
        return self.label == "spam"


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_category_labels(path: Path | None = None) -> dict[str, Category]:
    """``sha1 → category`` of the shared spam, as labelled for this project."""
    path = path or LABELLED_DIR / CATEGORY_FILE
    labels: dict[str, Category] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                labels[row["sha1"]] = Category(row["category"])
            except (KeyError, ValueError) as exc:
                raise ValueError(f"{path}:{line_no}: bad category row {row!r}") from exc
    return labels


def load_shared_set(name: str, shared_dir: Path, categories: dict[str, Category] | None = None) -> list[Example]:
    """One cleaned shared set; spam gets its category from ``categories`` (default ``scam``), and
    a category of ``ham`` (legal-form advertising, operator notices) makes the example ham;
    :attr:`Example.source_label` keeps the set's own label."""
    path = shared_dir / name / f"{name}.csv"
    if not path.is_file():
        raise FileNotFoundError(f"shared data set {name!r} not found at {path}")
    out: list[Example] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            source_label = row["label"]
            if source_label == "ham":
                category = Category.HAM
            else:
                category = (categories or {}).get(text_sha1(row["text"]), Category.SCAM)
            # The project's taxonomy wins: legal-form ads that a set calls spam are ham here.
            label = "ham" if category is Category.HAM else "spam"
            out.append(Example(row["text"], label, category, name, source_label=source_label))
    return out


def load_labelled_csv(path: Path, source: str | None = None) -> list[Example]:
    """A ``text,label[,category][,sender]`` file; a clear error names the file and line."""
    out: list[Example] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"text", "label"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for line_no, row in enumerate(reader, start=2):
            label = (row.get("label") or "").strip().lower()
            if label not in ("spam", "ham"):
                raise ValueError(f"{path}:{line_no}: label must be spam or ham, got {row.get('label')!r}")
            raw_category = (row.get("category") or "").strip().lower()
            try:
                category = Category(raw_category) if raw_category else None
            except ValueError as exc:
                raise ValueError(f"{path}:{line_no}: unknown category {raw_category!r}") from exc
            if category is None:
                category = Category.HAM if label == "ham" else Category.SCAM
            if (category is Category.HAM) != (label == "ham"):
                raise ValueError(f"{path}:{line_no}: label {label!r} contradicts category {category.value!r}")
            text = row.get("text") or ""
            if not text.strip():
                raise ValueError(f"{path}:{line_no}: empty text")
            out.append(Example(text, label, category, source or path.stem, (row.get("sender") or None)))
    return out


def load_own_sets(directory: Path | None = None) -> list[Example]:
    """The project's own written examples: every ``own_*.csv`` in data/labelled."""
    directory = directory or LABELLED_DIR
    examples: list[Example] = []
    for path in sorted(directory.glob("own_*.csv")):
        examples.extend(load_labelled_csv(path, source="own"))
    return examples


def load_training_corpus(shared_dir: Path | None, include: Iterable[str] = SHARED_SETS) -> list[Example]:
    """Every shared set named in ``include`` (with categories) plus the project's own sets."""
    categories = load_category_labels()
    examples: list[Example] = []
    if shared_dir is not None:
        for name in include:
            examples.extend(load_shared_set(name, shared_dir, categories))
    examples.extend(load_own_sets())
    return examples


_SHAPE_RE = re.compile(r"[^a-z]+")


def group_near_duplicates(canonical: Sequence[str], threshold: float = 0.7, seed: int = 1) -> np.ndarray:
    """A group id per text: exact duplicates after folding away digits and punctuation, and
    near-duplicates (MinHash-LSH over word 3-shingles, Jaccard ≥ ``threshold``) share a group."""
    from datasketch import MinHash, MinHashLSH

    parent = list(range(len(canonical)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    seen: dict[str, int] = {}
    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    hashes: list[list[bytes]] = []
    keys: list[int] = []
    for i, text in enumerate(canonical):
        shape = _SHAPE_RE.sub(" ", text).strip()
        if shape in seen:
            union(i, seen[shape])
            continue
        seen[shape] = i
        tokens = shape.split()
        if len(tokens) < 5:
            continue  # too short to be a template; exact shape match is enough
        shingles = {" ".join(tokens[k : k + 3]).encode() for k in range(len(tokens) - 2)}
        hashes.append(list(shingles))
        keys.append(i)
    minhashes = MinHash.bulk(hashes, num_perm=64, seed=seed)
    for i, mh in zip(keys, minhashes, strict=True):
        for j in lsh.query(mh):
            union(i, int(j))
        lsh.insert(str(i), mh)
    return np.array([find(i) for i in range(len(canonical))], dtype=np.int64)


def _group_draws(groups: np.ndarray, texts: Sequence[str], seed: int) -> dict[int, int]:
    """A 32-bit draw per group that depends only on the group's own texts: the group is
    represented by the member whose salted SHA-1 is smallest, and the draw is a second hash of
    that digest (so it does not move when other groups come or go, and big groups are no likelier
    to land anywhere than small ones)."""
    smallest: dict[int, str] = {}
    for group, text in zip(groups.tolist(), texts, strict=True):
        digest = hashlib.sha1(f"{seed}:{text}".encode()).hexdigest()
        if group not in smallest or digest < smallest[group]:
            smallest[group] = digest
    return {g: int(hashlib.sha1(f"{seed}:split:{d}".encode()).hexdigest()[:8], 16) for g, d in smallest.items()}


def grouped_split(
    groups: np.ndarray, test_fraction: float, seed: int = 20260101, texts: Sequence[str] | None = None
) -> np.ndarray:
    """A boolean test mask that never splits a group between train and test.

    With ``texts``, a group goes to test when its draw (see :func:`_group_draws`) falls below
    ``test_fraction``: the split of a group does not depend on the other groups, so it stays
    stable when the data or the grouping change a little (and big groups are no likelier to be
    tested than small ones)."""
    if texts is None:
        rng = np.random.default_rng(seed)
        unique = np.unique(groups)
        test_groups = rng.permutation(unique)[: round(len(unique) * test_fraction)]
        return np.isin(groups, test_groups)
    chosen = {g for g, draw in _group_draws(groups, texts, seed).items() if draw / 2**32 < test_fraction}
    return np.array([g in chosen for g in groups.tolist()], dtype=bool)


def grouped_folds(groups: np.ndarray, k: int, texts: Sequence[str], seed: int = 20260101) -> np.ndarray:
    """A fold id (0 … ``k`` − 1) per example for grouped K-fold cross-validation: all members of
    a group share a fold, and a group's fold depends only on its own texts (the draw that
    :func:`grouped_split` uses, cut into ``k`` equal ranges). With the same seed, fold 0 of 5 is
    exactly the test side of ``grouped_split(groups, 0.2, seed, texts)``. Folds hold about the
    same number of groups, not of examples; a fold can be empty when there are few groups."""
    if k < 2:
        raise ValueError(f"k must be at least 2, got {k}")
    fold_of = {g: draw * k >> 32 for g, draw in _group_draws(groups, texts, seed).items()}
    return np.array([fold_of[g] for g in groups.tolist()], dtype=np.int64)


def with_category(example: Example, category: Category) -> Example:
    return replace(example, category=category, label="ham" if category is Category.HAM else "spam")
