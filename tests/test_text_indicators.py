"""Indicator extraction: phones, URLs and domains, e-mails, bank accounts, OTT contacts, amounts,
each with the span it was found at; and the domain helpers."""

from __future__ import annotations

import os
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chanrac.model import Indicator, IndicatorKind
from chanrac.text import (
    extract_indicators,
    is_cheap_tld,
    is_shortener,
    lookalike_brand,
    normalize,
    parse_amount,
    refang,
    registrable_domain,
)
from chanrac.text.domains import betting_site


def found(text: str, kind: IndicatorKind) -> list[tuple[str, str]]:
    """(value, text at the span) of every indicator of one kind."""
    result = []
    for indicator in extract_indicators(text):
        assert text[indicator.span[0] : indicator.span[1]] == indicator.raw
        if indicator.kind is kind:
            result.append((indicator.value, indicator.raw))
    return result


# --- phones -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "0912345678",
        "0912 345 678",
        "09.12.345.678",
        "0912-345-678",
        "+84 912 345 678",
        "+84912345678",
        "(+84) 912 345 678",
    ],
)
def test_phone_forms(written: str) -> None:
    assert found(f"Goi ngay {written} de nhan qua", IndicatorKind.PHONE) == [("+84912345678", written)]


def test_several_phones_and_neighbouring_numbers() -> None:
    text = "LH 0987.654.321 hoac 0912 345 678, soan DK gui 9029, OTP 482913, luc 10:30 25/11/2024"
    assert [v for v, _ in found(text, IndicatorKind.PHONE)] == ["+84987654321", "+84912345678"]


def test_phone_split_by_invisible_characters_keeps_original_span() -> None:
    text = "Goi 0912\u200b345\u200c678 ngay"
    assert found(text, IndicatorKind.PHONE) == [("+84912345678", "0912\u200b345\u200c678")]


def test_spans_index_the_text_as_given_even_when_decomposed() -> None:
    text = unicodedata.normalize("NFD", "Liên hệ ngay 0912345678 để vay")
    (phone,) = [i for i in extract_indicators(text) if i.kind is IndicatorKind.PHONE]
    assert text[phone.span[0] : phone.span[1]] == "0912345678"


# --- URLs, domains, e-mails --------------------------------------------------------------------


def test_urls_with_and_without_scheme_and_defanged() -> None:
    text = (
        "Xac thuc tai hxxps://vcb-digibank[.]top/Login?id=AbC, hoac msb.com.vn-cz.top, "
        "rut gon bit.ly/3XyZ. Xem them abc(.)xyz va www.vietcombank.com.vn."
    )
    urls = found(text, IndicatorKind.URL)
    assert urls == [
        ("https://vcb-digibank.top/Login?id=AbC", "hxxps://vcb-digibank[.]top/Login?id=AbC"),
        ("http://bit.ly/3XyZ", "bit.ly/3XyZ"),  # the path keeps its case, the full stop is not in it
        ("http://www.vietcombank.com.vn", "www.vietcombank.com.vn"),
    ]
    domains = [v for v, _ in found(text, IndicatorKind.DOMAIN)]
    assert domains == ["vcb-digibank.top", "msb.com.vn-cz.top", "bit.ly", "abc.xyz", "vietcombank.com.vn"]


def test_spoken_dot_and_uppercase_urls() -> None:
    assert [v for v, _ in found("Vao TRANGCHU dot TOP ngay", IndicatorKind.DOMAIN)] == ["trangchu.top"]
    assert found("HTTPS://ABC.VN/X", IndicatorKind.URL) == [("https://abc.vn/X", "HTTPS://ABC.VN/X")]


def test_links_written_with_spaces() -> None:
    text = "Vao nhom t . m e / a i c r y p t o hoac bit . ly / 3XyZ, choi tai f b 8 8 . c o m."
    assert found(text, IndicatorKind.URL) == [
        ("http://t.me/aicrypto", "t . m e / a i c r y p t o"),
        ("http://bit.ly/3XyZ", "bit . ly / 3XyZ"),  # the path keeps its case
    ]
    assert [v for v, _ in found(text, IndicatorKind.DOMAIN)] == ["t.me", "bit.ly", "fb88.com"]
    assert found(text, IndicatorKind.TELEGRAM) == [("@aicrypto", "t . m e / a i c r y p t o")]


def test_prose_with_spaced_full_stops_and_slashes_holds_no_link() -> None:
    prose = (
        "Cam on ban. Co / khong thi bao nhe",
        "Anh oi. Me di cho roi . Me oi",
        "e a. de thu xem",
        "Ok enjoy . R u there",
    )
    for text in prose:
        assert found(text, IndicatorKind.DOMAIN) == [], text


def test_emails_are_not_domains() -> None:
    text = "Lien he hotro.khachhang@gmail.com"
    assert found(text, IndicatorKind.EMAIL) == [("hotro.khachhang@gmail.com", "hotro.khachhang@gmail.com")]
    assert found(text, IndicatorKind.DOMAIN) == []


def test_words_spelled_with_dots_are_not_domains() -> None:
    assert found("n.h.a.c.a.i uy tin, tp.hcm, v.v.", IndicatorKind.DOMAIN) == []


# --- bank accounts ----------------------------------------------------------------------------


def test_bank_accounts_next_to_a_keyword_or_a_bank() -> None:
    text = "STK 0011004567890 Vietcombank, hoac so tai khoan: 1903 5555 1234 56 Techcombank, chu TK Nguyen Van A"
    assert [v for v, _ in found(text, IndicatorKind.BANK_ACCOUNT)] == ["0011004567890", "19035555123456"]
    assert found(text, IndicatorKind.PHONE) == []


def test_bank_account_written_after_the_number() -> None:
    assert [v for v, _ in found("Chuyen vao 123456789012 ngan hang BIDV", IndicatorKind.BANK_ACCOUNT)] == [
        "123456789012"
    ]


def test_plain_numbers_are_not_accounts() -> None:
    text = "Don hang 123456789 da giao. Ma OTP 482913."
    assert found(text, IndicatorKind.BANK_ACCOUNT) == []


@pytest.mark.parametrize(
    "text",
    [  # a bank's name opens every OTP message: the code after it is no account
        "BIDV: Ma OTP 668219 xac nhan thanh toan 1.250.000 VND tai SHOPEEPAY.",
        "Vietcombank: ma xac thuc 73920451 cho giao dich chuyen tien",
        "TPBank: Ma PIN: 481920. Khong chia se ma nay cho bat ky ai",
    ],
)
def test_codes_after_a_bank_name_are_not_accounts(text: str) -> None:
    assert found(text, IndicatorKind.BANK_ACCOUNT) == []
    # while an account in the same message still is one
    assert [v for v, _ in found(text + " STK nhan 0011004567890 Vietcombank", IndicatorKind.BANK_ACCOUNT)] == [
        "0011004567890"
    ]


def test_wallet_account_that_is_a_phone_number() -> None:
    text = "ck 500k vao stk 0912345678 momo"
    assert [v for v, _ in found(text, IndicatorKind.BANK_ACCOUNT)] == ["0912345678"]
    assert [v for v, _ in found(text, IndicatorKind.PHONE)] == ["+84912345678"]
    assert [v for v, _ in found(text, IndicatorKind.AMOUNT)] == ["500000"]


# --- OTT contacts -------------------------------------------------------------------------------


def test_zalo_telegram_facebook() -> None:
    text = (
        "Zalo: 0987 654 321, zl 0912345678, zalo.me/g/abcXYZ, Tele @NhaCai88vip, t.me/HoTroVay, "
        "fb.com/Page.Name, facebook.com/profile.php?id=1000, m.me/shopabc"
    )
    assert [v for v, _ in found(text, IndicatorKind.ZALO)] == ["+84987654321", "+84912345678", "zalo.me/g/abcXYZ"]
    assert [v for v, _ in found(text, IndicatorKind.TELEGRAM)] == ["@nhacai88vip", "@hotrovay"]
    assert [v for v, _ in found(text, IndicatorKind.FACEBOOK)] == [
        "facebook.com/page.name",
        "facebook.com/profile.php",
        "m.me/shopabc",
    ]
    # The Zalo indicator spans the keyword and the number; the phone is reported too.
    assert ("+84987654321", "Zalo: 0987 654 321") in found(text, IndicatorKind.ZALO)
    assert ("+84987654321", "0987 654 321") in found(text, IndicatorKind.PHONE)


def test_at_handle_without_telegram_context_is_not_telegram() -> None:
    assert found("Cam on @minh da giup do", IndicatorKind.TELEGRAM) == []


def test_zalo_me_phone() -> None:
    assert [v for v, _ in found("Ket ban zalo.me/0912345678", IndicatorKind.ZALO)] == ["+84912345678"]


def test_an_app_deep_link_is_no_zalo_contact() -> None:
    assert found("Thanh toan tai https://zalo.me/app/link/z8k2", IndicatorKind.ZALO) == []


# --- amounts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("500k", 500_000),
        ("5tr", 5_000_000),
        ("1tr5", 1_500_000),
        ("50 triệu", 50_000_000),
        ("1.500.000đ", 1_500_000),
        ("1,500,000 VND", 1_500_000),
        ("2 tỷ", 2_000_000_000),
        ("2,5 tỷ", 2_500_000_000),
        ("10.000 VND", 10_000),
        ("300 nghìn", 300_000),
        ("5 củ", 5_000_000),
        ("3 triệu đồng", 3_000_000),
        ("20.000₫", 20_000),
    ],
)
def test_amounts(written: str, value: int) -> None:
    assert found(f"Nhan ngay {written} hom nay", IndicatorKind.AMOUNT) == [(str(value), written)]


@pytest.mark.parametrize(
    "text", ["Ban 500kg gao", "Con 10d nua", "Mang 4G toc do cao", "Ma OTP 482913", "Goi 0912345678"]
)
def test_not_amounts(text: str) -> None:
    assert found(text, IndicatorKind.AMOUNT) == []


def test_parse_amount() -> None:
    assert parse_amount("1.500.000", "đ") == 1_500_000
    assert parse_amount("1", "tr", "5") == 1_500_000
    assert parse_amount("2,5", "tỷ") == 2_500_000_000
    assert parse_amount("5", "usd") is None


# --- output shape ---------------------------------------------------------------------------------


def test_indicators_are_sorted_and_typed() -> None:
    indicators = extract_indicators("Vay 5tr tai abc.top, goi 0912345678, stk 123456789 VCB")
    assert all(isinstance(i, Indicator) for i in indicators)
    assert [i.span for i in indicators] == sorted(i.span for i in indicators)
    assert extract_indicators("") == []
    assert extract_indicators("Chào bạn, hẹn gặp lại!") == []


# --- domain helpers -------------------------------------------------------------------------------


def test_registrable_domain() -> None:
    assert registrable_domain("a.b.vcb.com.vn") == "vcb.com.vn"
    assert registrable_domain("https://login.abc.top/x?y=1") == "abc.top"
    assert registrable_domain("hxxp://msb.com.vn-cz[.]top") == "vn-cz.top"
    assert registrable_domain("dichvucong.gov.vn") == "dichvucong.gov.vn"


@pytest.mark.parametrize(
    ("domain", "site"),
    [
        ("fb88vn.me", "fb88"),
        ("https://go88.vin/dangky", "go88"),
        ("sunwin-club.net", "sunwin"),
        ("sunwinvn.club", "sunwin"),
        ("sun-win.icu", "sunwin"),
        ("go-88.vin", "go88"),
        ("kubet.app", "kubet"),
        ("hi88online.com", "hi88"),
        ("w88vip.com", "w88"),
        ("sunwing.com", None),  # a travel firm: a letters-only name needs a mirror's suffix
        ("m88x.com", None),  # a short name needs a mirror's suffix
        ("xm88.com", None),  # names start a label part
        ("fb.com", None),
        ("new88.com.vn", "new88"),
        ("mobifone.vn", None),
    ],
)
def test_betting_site_mirrors(domain: str, site: str | None) -> None:
    assert betting_site(domain) == site


def test_shorteners_and_cheap_tlds() -> None:
    assert is_shortener("bit.ly") and is_shortener("https://rb.gy/abc") and is_shortener("www.tinyurl.com")
    assert is_shortener("j.mp/3Kx9pQ")
    assert not is_shortener("vietcombank.com.vn")
    assert is_cheap_tld("abc.top") and is_cheap_tld("x.y.xyz") and not is_cheap_tld("abc.com.vn")
    # an app's deep link lives on the link service's domain, whatever that domain's TLD
    assert not is_cheap_tld("viettelmoney.page.link") and is_cheap_tld("viettelmoney.page.xyz")


@pytest.mark.parametrize(
    ("domain", "brand"),
    [
        ("msb.com.vn-cz.top", "MSB"),
        ("vietcombank-vn.xyz", "Vietcombank"),
        ("vcb-digibank.top", "Vietcombank"),
        ("https://www.vietc0mbank.top/login", "Vietcombank"),
        ("xn--vietcmbank-xyz.com".replace("xn--vietcmbank-xyz", "vi\u0435tcombank"), "Vietcombank"),
        ("evn-hcm.top", "EVN"),
        ("dichvucong-gov.vip", "National Public Service Portal"),
        ("vietcombank.com.vn", None),
        ("ebanking.bidv.com.vn", None),
        ("google.com", None),
        ("vietteltelecom.vn", None),
        ("evn.hanoi.gov.vn", None),  # only state bodies can register under gov.vn
        ("vietcombank.page.link", None),  # a deep link issued to the bank's app
        ("vietcombank-gov.vn.top", "Vietcombank"),
        # the first word of the bank's name, as phishing kits shorten it
        ("techcom-id.link", "Techcombank"),
        ("xacthuc-vietcom.online", "Vietcombank"),
        ("techcombank.com.vn", None),
        ("techcomlife.com.vn", None),  # the short name inside a word: another company's
        ("vietcomreal.com.vn", None),
        ("sacom.com.vn", None),
        # the brands' own stores, portals and deep links
        ("www.viettelstore.vn", None),
        ("my.vnpt.com.vn", None),
        ("bidv.vn", None),  # a Vietnamese domain named after the brand is its own, listed or not
        ("bidv-vn.top", "BIDV"),
        ("myviettel.go.link", None),
        ("viettel-store.top", "Viettel"),
        # foreign platforms phishing in Vietnam imitates
        ("meta-appeal-center.com", "Meta"),
        ("appleid-verify.icu", "Apple"),
        ("business.facebook.com", None),
    ],
)
def test_lookalike_brand(domain: str, brand: str | None) -> None:
    assert lookalike_brand(domain) == brand


def test_refang() -> None:
    assert refang("hxxps://abc[.]com/x") == "https://abc.com/x"
    assert refang("abc(.)top") == "abc.top"
    assert refang("abc dot top") == "abc.top"


# --- robustness -----------------------------------------------------------------------------------

_INDICATOR_ALPHABET = st.sampled_from(
    [
        *list("0123456789 .-+()/:@[]abcdeghkmnostvxyzđ₫"),
        "stk ",
        "zalo ",
        "tele ",
        "http://",
        "www.",
        ".top",
        ".com.vn",
        "bit.ly/",
        "500k",
        "tr",
        "\u200b",
        "́",
    ]
)


@settings(max_examples=int(os.environ.get("CHANRAC_HYPOTHESIS_EXAMPLES", "200")), deadline=None)
@given(st.lists(_INDICATOR_ALPHABET, max_size=40).map("".join) | st.text(max_size=60))
def test_extract_indicators_is_total_and_spans_are_exact(text: str) -> None:
    for indicator in extract_indicators(text):
        start, end = indicator.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == indicator.raw
        assert indicator.value


@pytest.mark.parametrize(
    "text",
    ["1 " * 1000, "09 " * 660, "stk " + "1 " * 990, "0912345678 " * 180, "a " * 1000, "n h a c a i " * 160],
)
def test_long_adversarial_messages(text: str) -> None:
    """Runs of numbers or letters as long as a message may be (2,000 characters) are handled in
    linear time: this test takes milliseconds, and minutes if a quadratic path comes back."""
    extract_indicators(text)
    canonical = normalize(text).canonical
    assert normalize(canonical).canonical == canonical


def test_numbers_glued_to_keywords() -> None:
    assert found("Lh0912345678 ngay", IndicatorKind.PHONE) == [("+84912345678", "0912345678")]
    assert found("zalo0987654321", IndicatorKind.ZALO) == [("+84987654321", "zalo0987654321")]
    assert [v for v, _ in found("STK0011004567890 VCB", IndicatorKind.BANK_ACCOUNT)] == ["0011004567890"]
    assert found("lai suat 0.0912345678 moi ngay", IndicatorKind.PHONE) == []  # a decimal, not a phone
