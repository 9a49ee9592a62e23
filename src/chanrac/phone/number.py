"""Phone numbers in any written form → E.164, and what the numbering plan says about them."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberType, ValidationResult

from chanrac.phone.plan import (
    MOBILE_PREFIXES,
    OLD_TO_NEW_PREFIXES,
    POLICE_RANGE_PREFIX,
    POLICE_RANGE_SUBSCRIBER_DIGITS,
    Operator,
)

VN_COUNTRY_CODE = "84"
MOBILE_NATIONAL_DIGITS = 9  # without the trunk 0
MAX_INPUT_CHARS = 40

# Separators people put in numbers; anything else that is not a digit is an error.
_SEPARATORS = frozenset(" \t.-()/")
_FIXED_TYPES = frozenset(
    {PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.VOIP, PhoneNumberType.UAN}
)
_POSSIBLE_REASONS = {
    ValidationResult.INVALID_COUNTRY_CODE: "unknown country code",
    ValidationResult.TOO_SHORT: "too short for its country",
    ValidationResult.TOO_LONG: "too long for its country",
    ValidationResult.INVALID_LENGTH: "wrong length for its country",
}
_MOBILE_LEADING_DIGITS = frozenset(prefix[1] for prefix in MOBILE_PREFIXES)


class InvalidNumber(ValueError):
    """A text that is not a phone number; the message names the text and the reason."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"{text!r} is not a Vietnamese phone number: {reason}")
        self.text = text
        self.reason = reason


def parse_number(text: str) -> str:
    """Any written form of a phone number → E.164 (``"+84912345678"``).

    Vietnamese numbers: ``0912 345 678``, ``0912.345.678``, ``+84 912 345 678``, ``84912345678``,
    ``(+84) 912-345-678``, ``0084912345678``, ``912345678`` (9 digits starting with a mobile prefix),
    fixed lines (``024 3825 1234``, the 069 police range) and old 11-digit mobile numbers
    (``0168 123 4567`` → ``+84381234567``, the 2018 conversion). Foreign numbers are accepted in
    ``+`` or ``00`` form when their length is possible for their country.

    Raises :class:`InvalidNumber` naming the text and why (empty, letters, too short/long, prefix).
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()  # full-width digits from some keyboards
    if not cleaned:
        raise InvalidNumber(text, "empty")
    if len(cleaned) > MAX_INPUT_CHARS:
        raise InvalidNumber(text, f"too long ({len(cleaned)} characters)")
    if any(ch.isalpha() for ch in cleaned):
        raise InvalidNumber(text, "contains letters")
    odd = next((ch for ch in cleaned if not ch.isdigit() and ch != "+" and ch not in _SEPARATORS), None)
    if odd is not None:
        raise InvalidNumber(text, f"unexpected character {odd!r}")
    digits = "".join(ch for ch in cleaned if ch.isdigit())
    if not digits:
        raise InvalidNumber(text, "no digits")
    plus = cleaned.count("+")
    if plus > 1 or (plus == 1 and not cleaned.lstrip("( ").startswith("+")):
        raise InvalidNumber(text, "'+' only belongs at the start")

    international = plus == 1
    if not international and digits.startswith("00"):
        digits, international = digits[2:], True  # 00 is Vietnam's international call prefix
    if international:
        if not digits.startswith(VN_COUNTRY_CODE):
            return _foreign(text, digits)
        national = digits[len(VN_COUNTRY_CODE) :]
        national = national.removeprefix("0")  # "+84 0912…": a trunk 0 written after the country code
    elif digits.startswith("0"):
        national = digits[1:]
    elif digits.startswith(VN_COUNTRY_CODE) and len(digits) in (11, 12):
        national = digits[2:]
    elif len(digits) == MOBILE_NATIONAL_DIGITS and digits[0] in _MOBILE_LEADING_DIGITS:
        national = digits
    else:
        raise InvalidNumber(text, _reason_without_trunk(digits))
    return "+" + VN_COUNTRY_CODE + _vietnamese_national(text, national, total_digits=len(digits))


def _vietnamese_national(text: str, national: str, *, total_digits: int) -> str:
    """The national significant number (no trunk 0) of a valid Vietnamese number, converted if old."""
    if len(national) == MOBILE_NATIONAL_DIGITS + 1:
        new_prefix = OLD_TO_NEW_PREFIXES.get("0" + national[:3])
        if new_prefix is not None:
            national = new_prefix[1:] + national[3:]
    if len(national) < MOBILE_NATIONAL_DIGITS:
        raise InvalidNumber(text, f"too short ({total_digits} digits)")
    if len(national) > MOBILE_NATIONAL_DIGITS + 1:
        raise InvalidNumber(text, f"too long ({total_digits} digits)")
    if len(national) == MOBILE_NATIONAL_DIGITS and "0" + national[:2] in MOBILE_PREFIXES:
        return national
    if _is_police_national(national):
        return national
    number = phonenumbers.parse("+" + VN_COUNTRY_CODE + national)
    if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _FIXED_TYPES:
        return national
    if len(national) > MOBILE_NATIONAL_DIGITS and "0" + national[:2] in MOBILE_PREFIXES:
        raise InvalidNumber(text, f"too long for a mobile number ({total_digits} digits)")
    prefix_len = 2 if len(national) == MOBILE_NATIONAL_DIGITS else 3
    raise InvalidNumber(text, f"unknown prefix 0{national[:prefix_len]}")


def _reason_without_trunk(digits: str) -> str:
    """Why digits that start with neither 0, 00, + nor 84 are not a number."""
    if len(digits) < MOBILE_NATIONAL_DIGITS:
        return f"too short ({len(digits)} digits)"
    if len(digits) > MOBILE_NATIONAL_DIGITS + 2:
        return f"too long ({len(digits)} digits)"
    if len(digits) == MOBILE_NATIONAL_DIGITS:
        return f"unknown prefix 0{digits[:2]}"
    return "must start with 0, +84 or 84"


def _foreign(text: str, digits: str) -> str:
    try:
        number = phonenumbers.parse("+" + digits)
    except NumberParseException:
        raise InvalidNumber(text, "unknown country code") from None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason not in (ValidationResult.IS_POSSIBLE, ValidationResult.IS_POSSIBLE_LOCAL_ONLY):
        raise InvalidNumber(text, _POSSIBLE_REASONS.get(reason, "not a possible number"))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _is_police_national(national: str) -> bool:
    return len(national) == 2 + POLICE_RANGE_SUBSCRIBER_DIGITS and national.startswith(POLICE_RANGE_PREFIX[1:])


def _vn_national(e164: str) -> str | None:
    """The national significant number of an E.164 Vietnamese number, None for anything else."""
    if e164.startswith("+" + VN_COUNTRY_CODE) and e164[3:].isdigit():
        return e164[3:]
    return None


def _canonical(number: str) -> str:
    return number if _E164.fullmatch(number) else parse_number(number)


_E164 = re.compile(r"\+[1-9]\d{6,14}")


def operator_of(number: str) -> Operator | None:
    """The operator that owns the number's prefix (the original one: see :mod:`chanrac.phone.plan`).

    None for fixed lines and foreign numbers. Accepts any form :func:`parse_number` accepts and
    raises :class:`InvalidNumber` for anything else.
    """
    national = _vn_national(_canonical(number))
    if national is None or len(national) != MOBILE_NATIONAL_DIGITS:
        return None
    return MOBILE_PREFIXES.get("0" + national[:2])


def is_mobile(number: str) -> bool:
    """True for a Vietnamese mobile number in any written form; False for anything else, even garbage."""
    try:
        return operator_of(number) is not None
    except InvalidNumber:
        return False


def is_police_range(e164: str) -> bool:
    """True for 069 + 7 digits, the police/military fixed-line range (any written form accepted)."""
    try:
        national = _vn_national(_canonical(e164))
    except InvalidNumber:
        return False
    return national is not None and _is_police_national(national)


def to_national(e164: str) -> str:
    """``"+84912345678"`` → ``"0912345678"``: how Vietnamese people write and dial it.

    Foreign numbers have no Vietnamese national form: they come back in E.164, which is also how
    they are dialled from Vietnam once ``+`` is replaced by ``00``.
    """
    canonical = _canonical(e164)
    national = _vn_national(canonical)
    return canonical if national is None else "0" + national
