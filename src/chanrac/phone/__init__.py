"""Vietnam's numbering plan: phone numbers to E.164, prefix owners, short codes, brandnames, senders.

Built on Google's ``phonenumbers`` for fixed lines and foreign numbers; the mobile prefixes, the
2018 11→10 digit conversion and the short-code tariffs are data in :mod:`chanrac.phone.plan`.
A prefix gives the *original* operator only: numbers have been portable since 2021.
"""

from chanrac.phone.number import (
    InvalidNumber,
    is_mobile,
    is_police_range,
    operator_of,
    parse_number,
    to_national,
)
from chanrac.phone.plan import MOBILE_PREFIXES, OLD_TO_NEW_PREFIXES, Operator, prefixes_of
from chanrac.phone.sender import InvalidSender, is_short_code, parse_sender, sender_or_unknown, short_code_price_vnd

__all__ = [
    "MOBILE_PREFIXES",
    "OLD_TO_NEW_PREFIXES",
    "InvalidNumber",
    "InvalidSender",
    "Operator",
    "is_mobile",
    "is_police_range",
    "is_short_code",
    "operator_of",
    "parse_number",
    "parse_sender",
    "prefixes_of",
    "sender_or_unknown",
    "short_code_price_vnd",
    "to_national",
]
