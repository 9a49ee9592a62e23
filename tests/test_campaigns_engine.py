"""The clustering engine on its own: masking, signatures, batch and incremental clustering quality."""

from __future__ import annotations

import itertools

import numpy as np

from chanrac.campaigns import CampaignIndex, cluster_texts, pairwise_f1, sign_texts
from chanrac.campaigns.signature import masked_tokens, tokens_and_values
from chanrac.synth import campaign_benchmark


def test_masking_hides_numbers_and_links_but_keeps_them_as_values() -> None:
    tokens, values = tokens_and_values("vay 5 trieu lien he 0912.345.678 tai https://vay-nhanh.top/a?x=1")
    assert tokens == ["vay", "_n", "trieu", "lien", "he", "_n", "tai", "_url"]
    assert "0912345678" in values and "vay-nhanh.top" in values
    assert masked_tokens("sim 0911111111 - 0922222222 - 0933333333") == ["sim", "_n"]


def test_same_template_with_other_slots_clusters_and_other_text_does_not() -> None:
    texts = [
        "Ho tro vay tien tieu dung toi 50 trieu, lai suat thap, giai ngan trong ngay. Zalo 0912345678 a Nam",
        "Ho tro vay tien tieu dung toi 50 trieu, lai suat thap, giai ngan trong ngay. Zalo 0912345678 chi Lan",
        "Hỗ trợ vay tiền tiêu dùng tới 50 triệu, lãi suất thấp, giải ngân trong ngày. Zalo 0912345678 a Nam",
        "Ma OTP cua ban la 123456, khong chia se ma nay cho bat ky ai",
        "Toi nay may gio em ve, anh qua don nhe",
    ]
    labels = cluster_texts(texts)
    assert labels[0] == labels[1] == labels[2]
    assert len({labels[0], labels[3], labels[4]}) == 3


def test_signatures_are_stable_across_calls() -> None:
    first = sign_texts(["Nha cai uy tin, nap 100k tang 200k tai vua99.live"])
    second = sign_texts(["Nha cai uy tin, nap 100k tang 200k tai vua99.live"])
    assert np.array_equal(first.signatures, second.signatures)
    assert np.array_equal(first.keys, second.keys)


def test_batch_and_incremental_clustering_reach_the_quality_bar() -> None:
    texts, truth = campaign_benchmark(4000, n_campaigns=60, seed=5)
    batch_score = pairwise_f1(truth, cluster_texts(texts).tolist())
    assert batch_score.f1 >= 0.93, batch_score
    index, counter = CampaignIndex(), itertools.count()
    assigned: list[object] = []
    for start in range(0, len(texts), 500):
        assigned += index.assign(sign_texts(texts[start : start + 500]), counter.__next__).campaign_ids
    incremental = pairwise_f1(truth, assigned)
    assert incremental.f1 >= 0.93, incremental


def test_pairwise_f1_counts_pairs() -> None:
    score = pairwise_f1(["a", "a", "b", None, None], [1, 1, 1, 2, 2])
    # predicted pairs: 3 (cluster 1) + 1 (cluster 2); correct: the a-a pair only; true pairs: 1
    assert (score.predicted_pairs, score.correct_pairs, score.true_pairs) == (4, 1, 1)
    assert score.recall == 1.0 and score.precision == 0.25
