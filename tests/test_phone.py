"""Vietnam's numbering plan: written forms, operators' prefixes, the 2018 conversion, senders.

The expected tables are copied from domain.md here on purpose: the test checks the data in
chanrac.phone.plan against the source, not against itself.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chanrac.model import SenderKind
from chanrac.phone import (
    MOBILE_PREFIXES,
    InvalidNumber,
    InvalidSender,
    Operator,
    is_mobile,
    is_police_range,
    is_short_code,
    operator_of,
    parse_number,
    parse_sender,
    prefixes_of,
    short_code_price_vnd,
    to_national,
)

# domain.md, "Numbering plan".
DOMAIN_PREFIXES = {
    Operator.VIETTEL: "086 096 097 098 032 033 034 035 036 037 038 039",
    Operator.VINAPHONE: "088 091 094 081 082 083 084 085",
    Operator.MOBIFONE: "089 090 093 070 076 077 078 079",
    Operator.VIETNAMOBILE: "092 052 056 058",
    Operator.GMOBILE: "099 059",
    Operator.ITELECOM: "087",
    Operator.REDDI: "055",
}
PREFIX_CASES = [(prefix, op) for op, prefixes in DOMAIN_PREFIXES.items() for prefix in prefixes.split()]
DOMAIN_CONVERSIONS = {
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037",
    "0168": "038", "0169": "039",
    "0186": "056", "0188": "058",
    "0199": "059",
}  # fmt: skip


@pytest.mark.parametrize(("prefix", "operator"), PREFIX_CASES)
def test_every_domain_prefix_belongs_to_its_operator(prefix: str, operator: Operator) -> None:
    number = parse_number(f"{prefix}1234567")
    assert number == f"+84{prefix[1:]}1234567"
    assert operator_of(number) is operator
    assert is_mobile(number)
    sender = parse_sender(f"{prefix} 123 4567")
    assert (sender.kind, sender.value, sender.operator) == (SenderKind.MOBILE, number, operator.value)


def test_the_prefix_table_has_exactly_the_domain_prefixes() -> None:
    assert {p: op for p, op in PREFIX_CASES} == dict(MOBILE_PREFIXES)
    assert prefixes_of(Operator.REDDI) == ("055",)
    assert Operator.VINAPHONE.display_name == "VinaPhone"


@pytest.mark.parametrize(("old", "new"), sorted(DOMAIN_CONVERSIONS.items()))
def test_every_2018_conversion_keeps_the_last_seven_digits(old: str, new: str) -> None:
    expected = f"+84{new[1:]}4567890"
    assert parse_number(f"{old}4567890") == expected
    assert parse_number(f"+84{old[1:]}4567890") == expected
    assert parse_number(f"84{old[1:]}4567890") == expected
    assert parse_number(f"{old} 456 7890") == expected
    assert to_national(expected) == f"{new}4567890"


@pytest.mark.parametrize(
    "written",
    [
        "0912 345 678",
        "0912.345.678",
        "0912-345-678",
        "+84912345678",
        "84912345678",
        "84-912-345-678",
        "(+84) 912 345 678",
        "+84 (0) 912 345 678",
        "912345678",
        "0084912345678",
        "00 84 912 345 678",
        " 0912345678\t",
        "０９１２３４５６７８",  # full-width digits from some keyboards
    ],
)
def test_every_written_form_gives_the_same_e164(written: str) -> None:
    assert parse_number(written) == "+84912345678"


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("024 3825 1234", "+842438251234"),  # Hà Nội
        ("028 3822 1234", "+842838221234"),  # Hồ Chí Minh City
        ("+84 236 382 1234", "+842363821234"),  # Đà Nẵng
        ("0693 123 456", "+84693123456"),  # police/military range
        ("+1 415 555 2671", "+14155552671"),
        ("+44 20 7183 8750", "+442071838750"),
        ("0044 20 7183 8750", "+442071838750"),
    ],
)
def test_fixed_and_foreign_numbers_have_no_operator(written: str, e164: str) -> None:
    assert parse_number(written) == e164
    assert operator_of(written) is None
    assert not is_mobile(written)
    sender = parse_sender(written)
    assert (sender.kind, sender.value, sender.operator) == (SenderKind.FIXED, e164, None)


def test_police_range_is_069_plus_seven_digits() -> None:
    assert is_police_range("+84693123456")
    assert is_police_range("069 3123456")
    assert not is_police_range("+842438251234")
    assert not is_police_range("+84912345678")
    assert not is_police_range("not a number")


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("0912 34", "too short (6 digits)"),
        ("", "empty"),
        ("   ", "empty"),
        ("0912abc678", "contains letters"),
        ("hotline", "contains letters"),
        ("0912*345*678", "unexpected character '*'"),
        ("091234567890123", "too long (15 digits)"),
        ("09123456789", "too long for a mobile number (11 digits)"),
        ("0123456789", "unknown prefix 012"),
        ("0301234567", "unknown prefix 030"),
        ("123456789", "unknown prefix 012"),
        ("12345", "too short (5 digits)"),
        ("1234567890", "must start with 0, +84 or 84"),
        ("0912+345678", "'+' only belongs at the start"),
        ("+999 1234567", "unknown country code"),
        ("+1 415", "too short for its country"),
        ("---", "no digits"),
    ],
)
def test_bad_numbers_are_refused_with_the_input_and_the_reason(written: str, reason: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        parse_number(written)
    assert str(caught.value) == f"{written!r} is not a Vietnamese phone number: {reason}"
    assert caught.value.reason == reason
    assert not is_mobile(written)


def test_operator_of_refuses_garbage_instead_of_guessing() -> None:
    with pytest.raises(InvalidNumber, match="contains letters"):
        operator_of("VIETTEL")


def test_to_national() -> None:
    assert to_national("+84912345678") == "0912345678"
    assert to_national("+842438251234") == "02438251234"
    assert to_national("84-912-345-678") == "0912345678"
    assert to_national("+14155552671") == "+14155552671"  # no Vietnamese national form


@pytest.mark.parametrize(
    ("written", "kind", "value"),
    [
        ("VIETTEL", SenderKind.BRANDNAME, "VIETTEL"),
        ("Vietcombank", SenderKind.BRANDNAME, "VIETCOMBANK"),
        ("MB Bank", SenderKind.BRANDNAME, "MB BANK"),
        ("FE  CREDIT", SenderKind.BRANDNAME, "FE CREDIT"),
        ("VCB", SenderKind.BRANDNAME, "VCB"),
        ("A", SenderKind.BRANDNAME, "A"),
        ("Viettel_ID", SenderKind.BRANDNAME, "VIETTEL_ID"),
        ("5656", SenderKind.SHORT_CODE, "5656"),
        ("56-56", SenderKind.SHORT_CODE, "5656"),
        ("156", SenderKind.SHORT_CODE, "156"),
        ("8779", SenderKind.SHORT_CODE, "8779"),
        ("199999", SenderKind.SHORT_CODE, "199999"),
        ("1900 1234", SenderKind.SHORT_CODE, "19001234"),
        ("1800.123.456", SenderKind.SHORT_CODE, "1800123456"),
        ("Khuyen.Mai@Example.com", SenderKind.EMAIL, "khuyen.mai@example.com"),
        ("zalo:0912 345 678", SenderKind.OTT, "zalo:+84912345678"),
        ("Zalo: Shop Dep", SenderKind.OTT, "zalo:shop dep"),
        ("tg:@Nha_Cai", SenderKind.OTT, "tg:@nha_cai"),
        ("telegram:@nha_cai", SenderKind.OTT, "tg:@nha_cai"),
        ("@vaynhanh24h", SenderKind.OTT, "@vaynhanh24h"),
        # Ambiguity rule: what parses as a Vietnamese number is a number first.
        ("84912345678", SenderKind.MOBILE, "+84912345678"),
        ("912345678", SenderKind.MOBILE, "+84912345678"),
    ],
)
def test_senders_of_every_kind(written: str, kind: SenderKind, value: str) -> None:
    sender = parse_sender(written)
    assert (sender.kind, sender.value, sender.raw) == (kind, value, written)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("", "empty"),
        ("  ", "empty"),
        ("!!!", "only punctuation"),
        ("---", "only punctuation"),
        ("Vietcombank1", "too long for a brandname (12 characters, at most 11)"),
        ("VCB#", "character '#' is not allowed in a brandname"),
        ("Điện lực", "character 'Đ' is not allowed in a brandname"),
        ("12 & 34", "a brandname needs at least one letter"),
        ("0912 34", "neither a short code nor a phone number (too short (6 digits))"),
        ("0123", "neither a short code nor a phone number (too short (4 digits))"),
        ("x" * 300, "too long (300 characters)"),
    ],
)
def test_bad_senders_are_refused_with_the_input_and_the_reason(written: str, reason: str) -> None:
    with pytest.raises(InvalidSender) as caught:
        parse_sender(written)
    assert caught.value.reason == reason
    assert repr(written) in str(caught.value)


@pytest.mark.parametrize(
    ("code", "price"),
    [("8079", 1_000), ("8179", 1_000), ("8279", 2_000), ("6379", 3_000), ("7479", 4_000), ("8579", 5_000),
     ("8679", 10_000), ("8779", 15_000), ("8879", None), ("5656", None), ("156", None), ("19001234", None),
     ("87A9", None)],
)  # fmt: skip
def test_content_short_code_price_tiers(code: str, price: int | None) -> None:
    assert short_code_price_vnd(code) == price


def test_short_codes_have_three_to_six_digits_and_no_leading_zero() -> None:
    assert is_short_code("113") and is_short_code("5656") and is_short_code("123456")
    assert not is_short_code("12") and not is_short_code("1234567") and not is_short_code("0123")
    assert is_short_code("19001234") and is_short_code("1800123456") and not is_short_code("190012345")


# --- properties ----------------------------------------------------------------------------------

national_mobiles = st.builds(
    lambda prefix, rest: prefix + rest,
    st.sampled_from(sorted(MOBILE_PREFIXES)),
    st.text(alphabet="0123456789", min_size=7, max_size=7),
)
separators = st.sampled_from(["", " ", ".", "-", "  "])


def _grouped(digits: str, sep: str, cut1: int, cut2: int) -> str:
    return sep.join(part for part in (digits[:cut1], digits[cut1:cut2], digits[cut2:]) if part)


@given(national_mobiles, separators, st.integers(1, 5), st.integers(5, 9))
def test_every_written_form_of_a_mobile_number_parses_to_one_e164(national: str, sep: str, a: int, b: int) -> None:
    e164 = "+84" + national[1:]
    significant = national[1:]
    forms = [
        _grouped(national, sep, a, b),
        "+84" + sep + _grouped(significant, sep, a, b),
        "84" + sep + _grouped(significant, sep, a, b),
        "(+84) " + _grouped(significant, sep, a, b),
        "0084" + sep + _grouped(significant, sep, a, b),
        significant,
    ]
    assert {parse_number(form) for form in forms} == {e164}
    assert to_national(parse_number(national)) == national
    assert operator_of(e164) is MOBILE_PREFIXES[national[:3]]


@given(st.sampled_from(sorted(DOMAIN_CONVERSIONS)), st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_old_eleven_digit_numbers_keep_their_last_seven_digits(old: str, last7: str) -> None:
    converted = parse_number(old + last7)
    assert converted.endswith(last7)
    assert to_national(converted) == DOMAIN_CONVERSIONS[old] + last7
    assert operator_of(converted) is MOBILE_PREFIXES[DOMAIN_CONVERSIONS[old]]


@given(st.text(max_size=40))
def test_arbitrary_text_is_a_number_or_a_clear_refusal(text: str) -> None:
    try:
        number = parse_number(text)
    except InvalidNumber as exc:
        assert repr(text) in str(exc)
    else:
        assert number.startswith("+") and number[1:].isdigit()
        assert parse_number(number) == number  # E.164 is a fixed point
    try:
        parse_sender(text)
    except InvalidSender as exc:
        assert repr(text) in str(exc)


# --- real data (texts are read, never copied) ------------------------------------------------------

NATIONAL_LOOKING = re.compile(r"(?<![\d.])0[1-9]\d{8,9}(?!\d)")


@pytest.mark.data
def test_numbers_written_in_real_sms_parse_and_old_ones_convert(shared_data: Path) -> None:
    """2015-16 SMS still carry 11-digit numbers; almost every 0-prefixed number in them is valid.

    The few refusals are pre-2017 Hà Nội fixed lines (04 + 8 digits), whose area codes changed in
    2017 and are not converted (see the report): at most 5 % of what looks like a number.
    """
    parsed = refused = converted = 0
    for name in ("vi_pham2017/vi_pham2017.csv", "vi_smishing_ie403/vi_smishing_ie403.csv"):
        with (shared_data / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                for match in NATIONAL_LOOKING.finditer(row["text"]):
                    written = match.group()
                    try:
                        number = parse_number(written)
                    except InvalidNumber:
                        refused += 1
                        continue
                    parsed += 1
                    if written[:4] in DOMAIN_CONVERSIONS:
                        converted += 1
                        assert number[-7:] == written[-7:]
                        assert operator_of(number) is MOBILE_PREFIXES[DOMAIN_CONVERSIONS[written[:4]]]
    assert converted >= 20
    assert refused <= 0.05 * (parsed + refused)


def test_sender_or_unknown_never_fails_a_verdict() -> None:
    from chanrac.phone import sender_or_unknown

    assert sender_or_unknown(None) is None and sender_or_unknown("  ") is None
    mobile = sender_or_unknown("0912 345 678")
    assert mobile is not None and mobile.kind is SenderKind.MOBILE and mobile.value == "+84912345678"
    odd = sender_or_unknown("+12")  # neither a short code nor a number: kept as written
    assert odd is not None and odd.kind is SenderKind.UNKNOWN and odd.value == "+12"
