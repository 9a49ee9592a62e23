"""The labelled data: own sets are well-formed; category labels cover the shared spam (data-marked)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chanrac.detect.data import (
    LABELLED_DIR,
    group_near_duplicates,
    grouped_folds,
    grouped_split,
    load_category_labels,
    load_labelled_csv,
    load_own_sets,
    load_shared_set,
    text_sha1,
)
from chanrac.model import SPAM_CATEGORIES, Category


def test_own_sets_cover_every_category() -> None:
    examples = load_own_sets()
    counts = {c: sum(e.category is c for e in examples) for c in Category}
    assert all(counts[c] >= 15 for c in SPAM_CATEGORIES), counts
    assert counts[Category.HAM] >= 100
    assert len({e.text for e in examples}) == len(examples)


def test_blind_evaluation_sets_are_well_formed_and_apart_from_training() -> None:
    """data/eval is evaluation only: every file loads, covers every category, and shares no
    near-duplicate with the project's own training examples but one-line templates."""
    from chanrac.text import normalize

    files = sorted((LABELLED_DIR.parent / "eval").glob("realistic_*.csv"))
    assert {f.stem for f in files} >= {"realistic_2026_dev", "realistic_2026_test", "realistic_2026_dev2"}
    own = load_own_sets()
    for path in files:
        examples = load_labelled_csv(path, source="eval")
        assert {e.category for e in examples} == set(Category), path.name
        texts = [normalize(e.text).canonical for e in [*own, *examples]]
        groups = group_near_duplicates(texts)
        shared = set(groups[: len(own)].tolist()) & set(groups[len(own) :].tolist())
        # Only a fixed service template or a two-word reply may recur ("G-402233 is your Google
        # verification code.", "ok em"): these are written the same way by anyone.
        recurring = [texts[i] for i in np.flatnonzero(np.isin(groups, list(shared)))]
        assert all(len(t.split()) <= 6 for t in recurring), (path.name, recurring[:4])


def test_category_file_holds_hashes_never_texts() -> None:
    text = (LABELLED_DIR / "shared_categories.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "sha1,category,dataset"
    for line in text.splitlines()[1:]:
        sha1, category, dataset = line.split(",")
        assert len(sha1) == 40 and int(sha1, 16) >= 0
        Category(category)
        assert dataset in ("vi_pham2017", "vi_smishing_ie403", "en_uci_smsspam")


def test_labelled_csv_errors_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("text,label,category\nhello,ham,\nbuy,spam,lottery\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.csv:3: unknown category 'lottery'"):
        load_labelled_csv(path)
    path.write_text("text,label,category\nhello,ham,loan\n", encoding="utf-8")
    with pytest.raises(ValueError, match="contradicts"):
        load_labelled_csv(path)
    path.write_text("body,label\nhello,ham\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        load_labelled_csv(path)


def test_near_duplicates_share_a_group_and_never_straddle_a_split() -> None:
    texts = [
        "vay tien nhanh giai ngan trong ngay lien he 0912345678 de duoc ho tro",
        "vay tien nhanh giai ngan trong ngay lien he 0987654321 de duoc ho tro",
        "vay tien nhanh giai ngan trong ngay lien he 0987654321 de duoc ho tro ngay",
        "toi nay con ve an com nhe me",
        "chuc mung sinh nhat ban than",
    ]
    groups = group_near_duplicates(texts)
    assert groups[0] == groups[1] == groups[2]
    assert len(set(groups.tolist())) == 3
    test = grouped_split(np.repeat(groups, 10), 0.5, seed=1)
    for g in set(groups.tolist()):
        members = test[np.repeat(groups, 10) == g]
        assert members.all() or not members.any()


@pytest.mark.data
def test_every_shared_spam_has_a_category(shared_data: Path) -> None:
    labels = load_category_labels()
    for name in ("vi_pham2017", "vi_smishing_ie403", "en_uci_smsspam"):
        examples = load_shared_set(name, shared_data, labels)
        spam = [e for e in examples if e.source_label == "spam"]
        assert spam and all(text_sha1(e.text) in labels for e in spam)
        # Legal-form ads the set calls spam are ham in the project's taxonomy.
        relabelled = [e for e in spam if not e.is_spam]
        assert all(e.category is Category.HAM for e in relabelled)
    pham = load_shared_set("vi_pham2017", shared_data, labels)
    assert sum(e.source_label == "spam" and not e.is_spam for e in pham) > 300


def test_text_keyed_split_is_stable_and_near_the_fraction() -> None:
    texts = [f"tin nhan so {i}" for i in range(2000)]
    groups = np.arange(2000) // 2  # pairs
    test = grouped_split(groups, 0.2, texts=texts)
    assert 0.15 < test.mean() < 0.25
    assert (test[0::2] == test[1::2]).all()
    # Adding unrelated messages does not move the existing ones.
    more = grouped_split(np.concatenate([groups, np.arange(5000, 5100)]), 0.2, texts=[*texts, *map(str, range(100))])
    assert (more[:2000] == test).all()


def test_grouped_folds_keep_groups_together_and_cover_every_fold() -> None:
    texts = [f"tin nhan so {i}" for i in range(2000)]
    groups = np.arange(2000) // 2  # pairs
    folds = grouped_folds(groups, 5, texts)
    assert folds.dtype.kind == "i" and set(folds.tolist()) == set(range(5))
    assert (folds[0::2] == folds[1::2]).all()
    sizes = np.bincount(folds, minlength=5)
    assert (sizes > 0.15 * len(texts)).all() and (sizes < 0.25 * len(texts)).all(), sizes
    # Fold 0 of 5 is the test side of the single 80/20 split (the same draw).
    assert ((folds == 0) == grouped_split(groups, 0.2, texts=texts)).all()


def test_grouped_folds_are_stable_when_unrelated_groups_are_added() -> None:
    texts = [f"tin nhan so {i}" for i in range(600)]
    groups = np.arange(600) // 3
    folds = grouped_folds(groups, 4, texts)
    more = grouped_folds(np.concatenate([groups, np.arange(5000, 5100)]), 4, [*texts, *map(str, range(100))])
    assert (more[:600] == folds).all()
    # A group's fold depends on its texts, not on its id or on the order of the examples.
    order = np.random.default_rng(3).permutation(600)
    shuffled = grouped_folds(groups[order] + 10_000, 4, [texts[i] for i in order])
    assert (shuffled == folds[order]).all()


def test_grouped_folds_need_two_folds() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        grouped_folds(np.arange(4), 1, ["a", "b", "c", "d"])
