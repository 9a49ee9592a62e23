"""Throughput of chanrac.text.normalize (and extract_indicators) in messages per second, one core.

    .venv/bin/python bench/text_normalize.py                # built-in sample messages
    .venv/bin/python bench/text_normalize.py --data ../shared/data   # the shared SMS corpora

The built-in messages are written for this benchmark (typical 100-200 character SMS: ham,
spam, obfuscated spam); the shared corpora are only read, never copied.
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from collections.abc import Callable
from pathlib import Path

from chanrac.text import extract_indicators, normalize, obfuscate

SAMPLES = [
    "Chào anh, em bên ngân hàng hỗ trợ vay tiêu dùng lãi suất 0.8%/tháng, giải ngân trong ngày, "
    "không thẩm định. Liên hệ Zalo 0912 345 678 để được tư vấn miễn phí.",
    "Ma OTP cua ban la 482913. Ma co hieu luc trong 5 phut. Tuyet doi KHONG chia se ma nay cho bat ky ai.",
    "Tai khoan 0011004567890 cua quy khach da bi tam khoa. Vui long xac thuc tai https://vcb-digibank.top/xt "
    "truoc 17h hom nay.",
    "Mẹ ơi tối nay con về muộn, mẹ cứ ăn cơm trước nhé. Con mua bánh mì rồi ạ.",
    "NHA CAI UY TIN HANG DAU - nap 100k tang 200k, rut tien 5 phut, tai app tai bit.ly/nc88vip hoac "
    "lien he tele @nhacai88",
    "[QC] Sieu uu dai thang 11: Giam 50% goi cuoc data 4G cho thue bao tra truoc. Soan DK gui 9123. "
    "Tu choi QC soan TC gui 9123.",
    "Cuộc họp chuyển sang 14h chiều mai tại phòng 302 nhé mọi người, nhớ mang theo báo cáo quý 3.",
    "Lam bang dai hoc, cao dang, bang lai xe A1 B2 gia re, nhan ship toan quoc. LH 0987.654.321 gap Anh Nam.",
]


def load_corpus(data: Path) -> list[str]:
    texts: list[str] = []
    for name in ("vi_pham2017/vi_pham2017.csv", "vi_smishing_ie403/vi_smishing_ie403.csv"):
        with open(data / name, encoding="utf-8", newline="") as fh:
            texts.extend(row["text"] for row in csv.DictReader(fh))
    return texts


def rate(function: Callable[[str], object], texts: list[str], repeat: int) -> tuple[float, float]:
    """Best messages per second over ``repeat`` runs: by wall clock and by this process's CPU
    time (the second is steadier on a machine shared with other jobs)."""
    best_wall = best_cpu = 0.0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            function(text)
        best_wall = max(best_wall, len(texts) / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, len(texts) / max(time.process_time() - cpu, 1e-9))
    return best_wall, best_cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="shared/data directory to read messages from")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.data:
        texts = load_corpus(args.data)
        source = f"{len(texts)} messages from {args.data}"
    else:
        texts = SAMPLES * 500
        source = f"{len(SAMPLES)} built-in messages x 500"
    rng = random.Random(7)
    obfuscated = [obfuscate(t, rng) for t in texts]
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"{source}, mean length {mean_len:.0f} chars; one core, best of {args.repeat}")
    print(f"{'':24}{'wall msgs/s':>14}{'CPU msgs/s':>14}")
    for label, function, inputs in (
        ("normalize", normalize, texts),
        ("normalize(obfuscated)", normalize, obfuscated),
        ("extract_indicators", extract_indicators, texts),
    ):
        wall, cpu = rate(function, inputs, args.repeat)
        print(f"{label:24}{wall:>14,.0f}{cpu:>14,.0f}")


if __name__ == "__main__":
    main()
