"""VNI keystrokes left in a message are read back; codes, leetspeak and ordinary text are not."""

from __future__ import annotations

import pytest

from chanrac.text import normalize
from chanrac.text.normalize import LEET
from chanrac.text.vni import read_vni

# Written for these tests in the style of spam typed with the VNI input method off.
TYPED = [
    ("nha2 ca1i uy ti1n, na5p d9a6u2 nha65n thu7o7ng 100%", "nha cai uy tin, nap dau nhan thuong 100%"),
    ("vay tie62n nhanh kho6ng ca62n the61 cha61p", "vay tien nhanh khong can the chap"),
    ("d9a62u tu7 chu71ng khoa1n, lo75i nhua65n 30%/tha1ng", "dau tu chung khoan, loi nhuan 30%/thang"),
]


@pytest.mark.parametrize(("folded", "read"), TYPED)
def test_vni_keystrokes_are_read_back(folded: str, read: str) -> None:
    assert read_vni(folded, LEET) == read


@pytest.mark.parametrize(
    "folded",
    [
        "lam bang lai xe a1, a2, b2 khong can thi",  # licence classes
        "da dat xong ve xe, ghe a5 a6 nha anh",  # seats
        "long wear cushion no21, mineral blusher no2",  # shades
        "v4y t1en nhanh, g4me b4i",  # leetspeak: the digit replaces a letter after a consonant
        "nhi3u qua tang, nh4n ngay",  # leetspeak after a vowel: nhi3u is nhieu
        "toa a1-a2 vinhomes, thu 7 giam 5%",
        "nha2 cai uy tin",  # one word alone: too little to tell
        "goi 0912345678, gia 25k, iphone15",
    ],
)
def test_ordinary_text_is_not_read_as_vni(folded: str) -> None:
    assert read_vni(folded, LEET) is None


def test_vni_is_read_before_leetspeak_and_named() -> None:
    result = normalize("Nha2 ca1i uy ti1n, na5p d9a6u2 nha65n thu7o7ng")
    assert result.canonical == "nha cai uy tin, nap dau nhan thuong"
    assert "vni" in result.obfuscation and "leet" not in result.obfuscation
