"""Propose a category for every spam text of ../shared/data, for review by a person.

Run:  .venv/bin/python data/labelled/make_category_labels.py [SHARED_DIR]
It writes shared_categories.csv (sha1 of the cleaned text → category, never the text) from an
ordered list of reviewed keyword rules on the folded, de-obfuscated text, then applies the manual
decisions in category_overrides.csv (sha1 → category, with a reason), which win. See README.md.
These labelling rules are deliberately separate from the runtime rules in chanrac.detect.rules.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from chanrac.detect.data import DEFAULT_SHARED_DIR, text_sha1
from chanrac.text import normalize

HERE = Path(__file__).resolve().parent

# First match wins, so the order encodes precedence: an illegal loan that mentions a bank is a
# loan, a phishing page that promises a prize is phishing.
RULES: list[tuple[str, str]] = [
    (
        "adult",
        r"\b(gai xinh|hen ho|tinh mot dem|sex|sexy|18\+|massage|nguoi yeu ao|chat nong|"
        r"gai goi|khoa than|tam su voi em|phuc vu tan noi|xxx|singles|dating|horny|naughty|hot girls?|ban gai)\b",
    ),
    (
        "gambling",
        r"\b(nha cai|ca cuoc|dat cuoc|vong cuoc|no hu|tai xiu|game bai|lo de|casino|slots?|xoc dia|"
        r"ban ca|nap dau|hoan tra|thang lon|baccarat|da ga|jackpot|quay hu|cuoc bong|soi keo|"
        r"the thao ao|keo bong|tan thu|888k|88k|choi thu|x1 vong|sieu hoan tra|cuu thua|tlmn)\b",
    ),
    ("phishing", r"\b(bhtn|bhxh|bh tn|tro cap|bi khoa|tam khoa|dang nhap|xac thuc|vneid|phat nguoi)\b"),
    (
        "fake_docs",
        r"\b(bang dai hoc|bang lai|bang cap|cccd|cmnd|so do|hoa don do|hoa don vat|lam bang|"
        r"giay to|bang dh|bang c3|bang cap 3|ho chieu|lam giay)\b",
    ),
    (
        "advertising",
        r"\b(ho tro vay|nh cho vay|ngan hang cho vay|vay ngan hang|can ho|chung cu|du an|bds|"
        r"bat dong san|mat tien|noi that)\b",
    ),
    (
        "loan",
        r"\b(vay|giai ngan|khoan vay|ho tro tai chinh|no qua han|qua han|thu hoi no|khoan no|"
        r"loans?|fe ?credit|mcredit|home ?credit|tin dung den|khong the chap|khong tham dinh)\b",
    ),
    (
        "phishing",
        r"(bi khoa|tam khoa|bi dong bang|xac thuc|xac minh|dang nhap|phat nguoi|canh sat|cong an|"
        r"co quan thue|cuc thue|tien dien|vneid|dinh danh|tro cap|bhxh|bhtn|mat khau|ma otp|"
        r"nhap ma|thay doi thong tin|bi thay doi|kich hoat lai|giao that bai|khong the giao|"
        r"verify|suspended|locked|password|unusual activity|tai khoan .{0,40}(nhan duoc|trung|"
        r"quay so))",
    ),
    ("sim_sale", r"\b(sim so dep|sim|kich hoat san|so dep|tu quy|ngu quy)\b"),
    (
        "scam",
        r"\b(tuyen dung|ctv|cong tac vien|viec lam|cong viec|kiem tien|hoa hong|trung thuong|"
        r"giai thuong|trung giai|quay thuong|quay so|loi nhuan|nhan thuong|thu nhap|"
        r"won|winner|prize|claim|award|guaranteed|selected|bonus)\b",
    ),
]
_COMPILED = [(category, re.compile(pattern)) for category, pattern in RULES]

# The project's taxonomy (issue 3): a legal advertisement — ad label at the start, opt-out
# instruction — and an operator's own notice to its subscribers are ham. vi_pham2017 labels
# both "spam" (unsolicited), vi_smishing_ie403 labels them ham; we follow the taxonomy.
_AD_OR_NOTICE_LABEL = re.compile(
    r"^\s*(\[qc[^\]]{0,12}\]|\(qc[^)]{0,12}\)|qc\b|\[ad\]|\[tb\]|\(tb\)|tb\b|\(t/b\)|\[thong bao\])"
)
_OPT_OUT = re.compile(r"\b(tu choi|huy nhan|ngung nhan|soan tc|soan huy)\b")
_OPERATOR = re.compile(
    r"\b(viettel|vinaphone|mobifone|vnpt|vietnamobile|gmobile|itelecom|mytv|vnpt money|viettel money)\b"
)
# ...unless the content itself is of a prohibited kind (a fake "[TB]" from a bank, gambling).
_PROHIBITED = re.compile(r"(\.top\b|\.xyz\b|\.icu\b|\.cc\b|nha cai|no hu|vay|bi khoa|xac thuc|dang nhap)")


def propose(text: str) -> str:
    canonical = normalize(text).canonical
    if (
        _AD_OR_NOTICE_LABEL.match(canonical)
        and (_OPT_OUT.search(canonical) or _OPERATOR.search(canonical))
        and not _PROHIBITED.search(canonical)
    ):
        return "ham"
    for category, pattern in _COMPILED:
        if pattern.search(canonical):
            return category
    return "advertising"


def main(shared_dir: Path) -> None:
    overrides: dict[str, str] = {}
    override_path = HERE / "category_overrides.csv"
    if override_path.exists():
        with override_path.open(encoding="utf-8", newline="") as fh:
            overrides = {row["sha1"]: row["category"] for row in csv.DictReader(fh)}
    rows: list[tuple[str, str, str]] = []
    for name in ("vi_pham2017", "vi_smishing_ie403", "en_uci_smsspam"):
        with (shared_dir / name / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row["label"] != "spam":
                    continue
                sha1 = text_sha1(row["text"])
                rows.append((sha1, overrides.get(sha1) or propose(row["text"]), name))
    with (HERE / "shared_categories.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("sha1", "category", "dataset"))
        writer.writerows(sorted(rows, key=lambda r: (r[2], r[0])))
    print(f"wrote {len(rows)} labels ({len(overrides)} overrides)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SHARED_DIR)
