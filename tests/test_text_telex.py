"""Telex keystrokes left in a message are read back; ordinary text is left alone."""

from __future__ import annotations

import pytest

from chanrac.detect import load_pipeline
from chanrac.model import Message
from chanrac.text import normalize
from chanrac.text.telex import read_telex

# Written for these tests in the style of spam typed with the input method off.
TYPED = [
    ("nhaf caif uy tins, napj ddaauf tawngj 100%", "nha cai uy tin, nap dau tang 100%"),
    ("vay tieenf nhanh khoong caanf thees chaaps", "vay tien nhanh khong can the chap"),
    ("dduwowcj chonj nhaanj quaf tuwf nguwowif thaan", "duoc chon nhan qua tu nguoi than"),
    ("ddaauf tuw chuwngs khoans, looix nhuaanj 30%/thangs", "dau tu chung khoan, loi nhuan 30%/thang"),
    ("lieen heej ddt 0912345678 ddeer ddaawng kys", "lien he dt 0912345678 de dang ky"),
]


@pytest.mark.parametrize(("folded", "read"), TYPED)
def test_telex_keystrokes_are_read_back(folded: str, read: str) -> None:
    assert read_telex(folded) == read


@pytest.mark.parametrize(
    "folded",
    [
        "is this the bus that goes to the docks?",  # English words read as syllables: is → i
        "ok lor thanx... u in school?",
        "cho em xin tips va maps nhe",  # English plurals, no Telex mark
        "lam bang daj hoc, bang laj xe gia re",  # teencode j for i, not a tone key
        "hix, mai di choi ko nhj",  # chat: a sigh and j for i ("nhj" is nhỉ, not "nh")
        "hix ckj oi, em nho ckj qua",
        "gia da gom tax, ship max 2 ngay",  # short English words ending in x
        "ma otp cua ban la 482913, khong chia se cho ai",
        "vay tieenf nhanh",  # one marked word: too little to tell
        "xoong noi gia re, lh 0912345678",
    ],
)
def test_ordinary_text_is_not_telex(folded: str) -> None:
    assert read_telex(folded) is None


def test_urls_are_never_read_as_telex() -> None:
    text = "Truy cap https://ddaauf-tu.top/nhaf ngay, nhaaps vaof nhaanj quaf"
    result = normalize(text)
    assert "https://ddaauf-tu.top/nhaf" in result.canonical and "nhap vao nhan qua" in result.canonical


def test_spam_typed_in_telex_is_caught_like_its_plain_form() -> None:
    # Written for this test.
    plain = "Nhà cái uy tín, nạp đầu tặng 100%, rút tiền nhanh tại k8vn.top"
    typed = "Nhaf caif uy tins, napj ddaauf tawngj 100%, ruts tieenf nhanh taij k8vn.top"
    assert normalize(typed).canonical == normalize(plain).canonical
    verdict = load_pipeline().verdict(Message(text=typed))
    assert verdict.is_spam and verdict.category.value == "gambling", verdict.explain()
    assert any(s.name == "text.obfuscated" and "telex" in s.detail for s in verdict.signals)


@pytest.mark.parametrize(
    "text",
    [
        "vaof nhaf caif x.os.c d.ix.a",  # Telex hiding split letters
        "nhaf caif tjen mjnh nhjeu",  # Telex beside teencode's j for i
        "Nhaf caif uy tins, napj ddaauf tawngj 100%",
    ],
)
def test_reading_telex_is_idempotent(text: str) -> None:
    canonical = normalize(text).canonical
    assert normalize(canonical).canonical == canonical
