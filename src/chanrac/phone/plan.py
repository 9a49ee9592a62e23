"""Vietnam's numbering plan as data: operators' mobile prefixes, the 2018 11→10 digit table, ranges.

Edit the tables here when the Ministry assigns new prefixes; no code depends on their contents.
Source: domain.md, "Numbering plan" (MIC Decision 798/QĐ-BTTTT, 2018, and later assignments).

Number portability (mobile number portability, since 2021) means a prefix tells only the operator
that was *originally* assigned the number. The operator routing a ported number today is unknown
without the operators' portability database; every ``operator`` in chanrac means "prefix owner".
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Operator(StrEnum):
    """Mobile network operators (incl. MVNOs) that own mobile prefixes."""

    VIETTEL = "viettel"
    VINAPHONE = "vinaphone"
    MOBIFONE = "mobifone"
    VIETNAMOBILE = "vietnamobile"
    GMOBILE = "gmobile"
    ITELECOM = "itelecom"
    REDDI = "reddi"

    @property
    def display_name(self) -> str:
        return _DISPLAY_NAMES[self]


_DISPLAY_NAMES = {
    Operator.VIETTEL: "Viettel",
    Operator.VINAPHONE: "VinaPhone",
    Operator.MOBIFONE: "MobiFone",
    Operator.VIETNAMOBILE: "Vietnamobile",
    Operator.GMOBILE: "Gmobile",
    Operator.ITELECOM: "Itelecom",
    Operator.REDDI: "Reddi",
}

_PREFIXES_BY_OPERATOR: dict[Operator, tuple[str, ...]] = {
    Operator.VIETTEL: ("086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039"),
    Operator.VINAPHONE: ("088", "091", "094", "081", "082", "083", "084", "085"),
    Operator.MOBIFONE: ("089", "090", "093", "070", "076", "077", "078", "079"),
    Operator.VIETNAMOBILE: ("092", "052", "056", "058"),
    Operator.GMOBILE: ("099", "059"),
    Operator.ITELECOM: ("087",),
    Operator.REDDI: ("055",),
}

#: National mobile prefix (trunk ``0`` + two digits, as people write it) → the operator that owns it.
#: A mobile number is the prefix followed by exactly 7 digits.
MOBILE_PREFIXES: Mapping[str, Operator] = MappingProxyType(
    {prefix: operator for operator, prefixes in _PREFIXES_BY_OPERATOR.items() for prefix in prefixes}
)

#: The 15 Sep 2018 conversion of 11-digit mobile numbers to 10 digits: old prefix → new prefix.
#: The last 7 digits are kept: 0168 xxx xxxx → 038 xxx xxxx.
OLD_TO_NEW_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        # MobiFone
        "0120": "070",
        "0121": "079",
        "0122": "077",
        "0126": "076",
        "0128": "078",
        # VinaPhone
        "0123": "083",
        "0124": "084",
        "0125": "085",
        "0127": "081",
        "0129": "082",
        # Viettel: 0162–0169 → 032–039
        **{f"016{d}": f"03{d}" for d in "23456789"},
        # Vietnamobile
        "0186": "056",
        "0188": "058",
        # Gmobile
        "0199": "059",
    }
)

#: 069 + 7 digits: fixed lines of the police and the military. A "police officer" calling from
#: elsewhere is a classic scam; a call from this range is at least plausible.
POLICE_RANGE_PREFIX = "069"
POLICE_RANGE_SUBSCRIBER_DIGITS = 7

#: Content short codes 6xxx/7xxx/8xxx: the second digit is the price tier, VND per message (incl. VAT).
#: domain.md gives x0 = 1,000 and x7 = 15,000; the middle tiers follow operators' published tariffs.
#: Some sources put x0 at 500 VND: treat the table as the best public knowledge, not a legal value.
CONTENT_SHORT_CODE_FIRST_DIGITS = ("6", "7", "8")
SHORT_CODE_PRICE_TIERS_VND: Mapping[str, int] = MappingProxyType(
    {"0": 1_000, "1": 1_000, "2": 2_000, "3": 3_000, "4": 4_000, "5": 5_000, "6": 10_000, "7": 15_000}
)

#: Voice service numbers (1900 premium-rate, 1800 free-phone) + 4 or 6 digits. SMS to 1900 ended in 2016.
SERVICE_NUMBER_PREFIXES = ("1800", "1900")
SERVICE_NUMBER_SUFFIX_DIGITS = (4, 6)

#: Short codes (content providers, 5656, 156, 113/114/115 emergency) have 3 to 6 digits, no leading 0.
SHORT_CODE_DIGITS = (3, 6)


def prefixes_of(operator: Operator) -> tuple[str, ...]:
    """The national mobile prefixes an operator was assigned, e.g. ``("092", "052", "056", "058")``."""
    return _PREFIXES_BY_OPERATOR[operator]
