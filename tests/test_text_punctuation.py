"""Punctuation injected inside words is undone; ordinary punctuation is left alone."""

from __future__ import annotations

import pytest

from chanrac.text.punctuation import undo_injected_punctuation

# Written for these tests in the style of the betting campaigns (not copied from any data set).
INJECTED = [
    ("N'ha'nN,gay:Qu.a;Tang H,oiV'ien M:oi", "Nhan Ngay Qua Tang Hoi Vien Moi"),
    ("Na;pL'an:Da;u T;ang 1\"00% tai k8bet.top", 'Nap Lan Dau Tang 1"00% tai k8bet.top'),
    # All in capitals: the marks go, and no glued word can be seen to split.
    ("NH'A'N QU:A T;A'NG HO;I V'IEN", "NHAN QUA TANG HOI VIEN"),
]


@pytest.mark.parametrize(("text", "undone"), INJECTED)
def test_injected_marks_are_removed_and_glued_words_split(text: str, undone: str) -> None:
    assert undo_injected_punctuation(text) == undone


@pytest.mark.parametrize(
    "text",
    [
        "I'm sorry i won't b able 2 do this friday.hope u can find an alternative,so be it.",
        "Mã OTP: 482913, hiệu lực 5 phút. TP.HCM, 08:30 ngày 01/12.",
        "Chi tiet tai https://a.b.com/x_y;z'w,v:u?q=1&r=2 va mail: ten_ho.ten@vnpt.vn",
        "Giay,tui,vi,ao,quan,mu giam 50%",
        "Ban nho mang CCCD; giay khai sinh; so ho khau nhe",
    ],
)
def test_ordinary_punctuation_is_not_injection(text: str) -> None:
    assert undo_injected_punctuation(text) is None
