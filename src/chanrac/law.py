"""Every number the law (or an operator's commercial policy) sets, with where it comes from.

Laws change: this is the one place to edit when they do. Values marked ``unconfirmed`` come from a
single public source (domain.md marks them [U]); they are defaults, overridable in configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time


@dataclass(frozen=True, slots=True)
class LegalValue:
    value: object
    source: str
    unconfirmed: bool = False


# Advertising messages — Decree 91/2020/NĐ-CP and Circular 22/2021/TT-BTTTT.
AD_SMS_HOURS = LegalValue((time(7, 0), time(22, 0)), "Decree 91/2020 Art. 12: ad SMS only 07:00–22:00")
AD_CALL_HOURS = LegalValue((time(8, 0), time(17, 0)), "Decree 91/2020 Art. 12: ad calls only 08:00–17:00")
AD_SMS_PER_RECIPIENT_PER_24H = LegalValue(3, "Decree 91/2020 Art. 12: ≤3 ad SMS per recipient per advertiser")
AD_CALLS_PER_RECIPIENT_PER_24H = LegalValue(1, "Decree 91/2020 Art. 12: ≤1 ad call per recipient per 24 h")
AD_LABELS = LegalValue(("[QC]", "[AD]"), "Decree 91/2020 Art. 12: label at the start of the content")
AD_LABELS_LEGACY = LegalValue(("QC", "(QC)"), "older practice, still common in operators' messages")
CONSENT_REQUEST_PREFIX = LegalValue("DKQC", "Decree 91/2020 Art. 11: the one-time consent request")
CONSENT_REPLY_HOURS = LegalValue(24, "Decree 91/2020 Art. 11: no reply within 24 h means refusal")
BRANDNAME_VALIDITY_YEARS = LegalValue(3, "Decree 91/2020: brandname registration valid 3 years")
MANAGEMENT_CODE_VALIDITY_YEARS = LegalValue(3, "Decree 90/2008 (repealed): VNCERT management code, 3 years")

# Report short codes — Decree 91/2020 Art. 21; Circular 22/2021.
REPORT_SHORT_CODES = LegalValue(("5656", "156"), "Circular 22/2021: free report short codes")

# Behaviour of spam sources — Circular 22/2021 names the criteria, not the numbers.
# Operators' commercial limits for identical content (≈2014) per number: (window seconds, max).
OPERATOR_SAME_CONTENT_LIMITS = LegalValue(
    {
        "vinaphone": ((300, 3), (600, 5), (3600, 30), (86400, 300)),
        "viettel": ((300, 3), (3600, 10), (86400, 100)),
    },
    "operators' published commercial limits, ≈2014",
    unconfirmed=True,
)

# SIM subscriptions — Decree 163/2024 (online registration for the first 3 numbers per ID),
# Decree 49/2017 (contract from the 4th number); earlier ≈2012 rule of 3 prepaid numbers per network.
NUMBERS_PER_ID_PER_OPERATOR = LegalValue(
    3, "Decree 163/2024 Art. 19 / Decree 49/2017: more than 3 numbers per ID needs a contract", True
)
