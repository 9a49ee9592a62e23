"""Message sources as recipients see them: numbers, short codes, brandnames, e-mail and OTT ids.

Ambiguity rule: whatever parses as a phone number *is* a phone number (``84912345678`` is a
mobile number, not a 11-character brandname); then digits-only text is a short code or a 1800/1900
service number; then e-mail addresses; then OTT ids (``zalo:…``, ``tg:@…``, ``@handle``); and last
brandnames (alphanumeric sender ids: 1–11 characters, at least one letter).
"""

from __future__ import annotations

import re
import unicodedata

from chanrac.model import Sender, SenderKind
from chanrac.phone.number import InvalidNumber, operator_of, parse_number
from chanrac.phone.plan import (
    CONTENT_SHORT_CODE_FIRST_DIGITS,
    SERVICE_NUMBER_PREFIXES,
    SERVICE_NUMBER_SUFFIX_DIGITS,
    SHORT_CODE_DIGITS,
    SHORT_CODE_PRICE_TIERS_VND,
)

BRANDNAME_MAX_CHARS = 11  # GSM alphanumeric originator address: 11 characters
MAX_SENDER_CHARS = 254  # the longest e-mail address; anything longer is not a sender

_DIGITS_WITH_SEPARATORS = re.compile(r"[\d][\d .\-]*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_OTT_NETWORKS = {
    "zalo": "zalo",
    "tg": "tg",
    "telegram": "tg",
    "viber": "viber",
    "whatsapp": "whatsapp",
    "wa": "whatsapp",
    "fb": "fb",
    "facebook": "fb",
    "messenger": "fb",
    "imessage": "imessage",
}
_OTT = re.compile(r"(?P<network>[A-Za-z]+)\s*:\s*(?P<account>\S.*)")
_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,64}")
_BRANDNAME_CHARS = re.compile(r"[A-Za-z0-9.\-_ &]+")


class InvalidSender(ValueError):
    """A text that is no kind of message source; the message names the text and the reason."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"{text!r} is not a sender (number, short code, brandname, e-mail or OTT id): {reason}")
        self.text = text
        self.reason = reason


def is_short_code(code: str) -> bool:
    """3–6 digits without a leading 0 (5656, 156, 8x79, 113), or a 1800/1900 service number."""
    return _is_short_code_digits(code) or is_service_number(code)


def _is_short_code_digits(code: str) -> bool:
    low, high = SHORT_CODE_DIGITS
    return code.isascii() and code.isdigit() and low <= len(code) <= high and not code.startswith("0")


def is_service_number(code: str) -> bool:
    """1800 (free-phone) or 1900 (premium-rate) + 4 or 6 digits: voice service numbers."""
    return (
        code.isascii()
        and code.isdigit()
        and code[:4] in SERVICE_NUMBER_PREFIXES
        and len(code) - 4 in SERVICE_NUMBER_SUFFIX_DIGITS
    )


def short_code_price_vnd(code: str) -> int | None:
    """Price per message of a content short code 6xxx/7xxx/8xxx (second digit = tier), else None.

    ``"8779"`` → 15,000 VND; ``"8079"`` → 1,000 VND; ``"5656"`` (free) and ``"1900…"`` → None.
    """
    compact = code.strip()
    if not (compact.isascii() and compact.isdigit() and len(compact) == 4):
        return None
    if compact[0] not in CONTENT_SHORT_CODE_FIRST_DIGITS:
        return None
    return SHORT_CODE_PRICE_TIERS_VND.get(compact[1])


def parse_sender(text: str) -> Sender:
    """The source of a message as written by a reporter or an operator → a canonical :class:`Sender`.

    ``value`` is E.164 for numbers, the digits for short codes, upper case for brandnames, lower case
    for e-mail addresses and ``network:account`` for OTT ids. Raises :class:`InvalidSender`.
    """
    cleaned = " ".join(unicodedata.normalize("NFKC", text).split())
    if not cleaned:
        raise InvalidSender(text, "empty")
    if len(cleaned) > MAX_SENDER_CHARS:
        raise InvalidSender(text, f"too long ({len(cleaned)} characters)")
    try:
        number = parse_number(cleaned)
    except InvalidNumber as exc:
        number_error = exc
    else:
        operator = operator_of(number)
        kind = SenderKind.MOBILE if operator is not None else SenderKind.FIXED
        return Sender(number, kind, raw=text, operator=operator.value if operator else None)

    if _DIGITS_WITH_SEPARATORS.fullmatch(cleaned) or cleaned.startswith("+"):
        digits = re.sub(r"[ .\-]", "", cleaned)
        if is_short_code(digits):
            return Sender(digits, SenderKind.SHORT_CODE, raw=text)
        raise InvalidSender(text, f"neither a short code nor a phone number ({number_error.reason})")
    if _EMAIL.fullmatch(cleaned):
        return Sender(cleaned.lower(), SenderKind.EMAIL, raw=text)
    ott = _parse_ott(cleaned)
    if ott is not None:
        return Sender(ott, SenderKind.OTT, raw=text)
    return Sender(_brandname(text, cleaned), SenderKind.BRANDNAME, raw=text)


def sender_or_unknown(text: str | None) -> Sender | None:
    """A sender field as detection reads it: None when empty, else :func:`parse_sender`'s answer,
    or — when it cannot be parsed — the text as written with kind ``UNKNOWN`` (a verdict must not
    fail on a sender it cannot place; intake, which must, calls :func:`parse_sender`)."""
    if text is None or not text.strip():
        return None
    try:
        return parse_sender(text)
    except InvalidSender:
        return Sender(text.strip(), SenderKind.UNKNOWN, raw=text)


def _parse_ott(cleaned: str) -> str | None:
    if _HANDLE.fullmatch(cleaned):
        return cleaned.lower()
    match = _OTT.fullmatch(cleaned)
    if match is None or match["network"].lower() not in _OTT_NETWORKS:
        return None
    network = _OTT_NETWORKS[match["network"].lower()]
    account = match["account"].strip()
    try:
        account = parse_number(account)  # "zalo:0912 345 678" and "zalo:+84912345678" are one account
    except InvalidNumber:
        account = account.lower()
    return f"{network}:{account}"


def _brandname(text: str, cleaned: str) -> str:
    if not any(ch.isalnum() for ch in cleaned):
        raise InvalidSender(text, "only punctuation")
    if len(cleaned) > BRANDNAME_MAX_CHARS:
        raise InvalidSender(text, f"too long for a brandname ({len(cleaned)} characters, at most 11)")
    if not _BRANDNAME_CHARS.fullmatch(cleaned):
        odd = next(ch for ch in cleaned if not _BRANDNAME_CHARS.fullmatch(ch))
        raise InvalidSender(text, f"character {odd!r} is not allowed in a brandname")
    if not any(ch.isalpha() for ch in cleaned):
        raise InvalidSender(text, "a brandname needs at least one letter")
    return cleaned.upper()
