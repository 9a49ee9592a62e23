"""The clustering engine on its own: masking, signatures, batch and incremental clustering quality."""

from __future__ import annotations

import itertools

import numpy as np

from chanrac.campaigns import CampaignIndex, cluster_texts, pairwise_f1, sign_texts
from chanrac.campaigns.cluster import KeyTable
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


def test_obfuscated_and_plain_sends_tokenise_alike() -> None:
    plain = masked_tokens("Nha cai uy tin, vay tien nhanh, khong the chap, goi ngay")
    for obfuscated in (
        "N h a c a i uy tín, v4y t1ền nhanh, ko thế chấp, g_ọ_i ngay",
        "Nh\u200ba c\u200cai uy tin, vaaaay tien nhanh, kh\u043eng the chap, g.o.i ngay",  # Cyrillic о
        "N🔥h🔥a🔥c🔥a🔥i uy tin, vay tien nhanh, khong the chap, goi ngay",
    ):
        assert masked_tokens(obfuscated) == plain, obfuscated
    # leet digits at a word's edges, read only when they spell a syllable
    assert masked_tokens("Nhan lam sö höng, giay 7ö nha da7, 7ra cuu") == masked_tokens(
        "Nhan lam so hong, giay to nha dat, tra cuu"
    )
    assert masked_tokens("Goi 4G nhe, 5k mot ngay, den 10h") == ["goi", "_n", "nhe", "_n", "mot", "ngay", "den", "_n"]


def test_handles_and_links_are_values_but_amounts_do_not_tell_runs_apart() -> None:
    tokens, values = tokens_and_values("Ib Tele @cskh_da7 hoac zalo.me/0912345678, nap 2,000,000 VND")
    assert tokens == ["ib", "tele", "_url", "hoac", "_url", "nap", "_n", "vnd"]
    assert "@cskh_da7" in values and "zalo.me" in values and "2000000" in values


def test_per_recipient_notices_are_split_but_a_run_rotating_contacts_stays_whole() -> None:
    otps = [
        f"Vietcombank: Ma OTP GD chuyen tien {amount} VND la {code}. Tuyet doi khong cung cap OTP cho bat ky ai."
        for amount, code in zip(["200,000", "150.000", "2.000.000"] * 4, range(481_203, 481_215), strict=True)
    ]
    run = [
        f"Ho tro vay tien tieu dung toi 50 trieu, giai ngan trong ngay. Zalo {phone} hoac {link}"
        for phone, link in zip(
            ["0912345678", "0987654321", "0912345678"] * 4,
            ["vay24h.top", "vay24h.top", "tinvay.vip", "tinvay.vip"] * 3,
            strict=True,
        )
    ]
    labels = cluster_texts(otps + run).tolist()
    assert len(set(labels[: len(otps)])) == len(otps)
    assert len(set(labels[len(otps) :])) == 1


def test_key_table_matches_a_dict_through_collisions_and_growth() -> None:
    rng = np.random.default_rng(1)
    table, reference = KeyTable(capacity=8), dict[int, int]()
    for _ in range(30):
        keys = rng.integers(-(2**62), 2**62, size=int(rng.integers(1, 200)), dtype=np.int64)
        keys[::7] = keys[0]  # repeats inside a batch: the first listed owner wins
        owners = rng.integers(0, 1000, size=len(keys), dtype=np.int64)
        table.add(keys, owners)
        for key, owner in zip(keys.tolist(), owners.tolist(), strict=True):
            reference.setdefault(key, owner)
    probe = np.concatenate([np.fromiter(reference, dtype=np.int64), rng.integers(0, 2**62, 50, dtype=np.int64)])
    expected = [reference.get(k, -1) for k in probe.tolist()]
    assert table.get(probe).tolist() == expected
    assert len(table) == len(reference)
