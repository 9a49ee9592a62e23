"""Vietnamese text: NFC, the diacritic-free fold, de-obfuscation into a canonical form, the
obfuscation generator used to test robustness, and indicator extraction (phones, URLs, domains,
bank accounts, OTT handles, amounts) with spans.

Detection matches on :attr:`NormalizedText.canonical` and turns
:attr:`NormalizedText.obfuscation` into signals; campaigns shingle the canonical text.
"""

from chanrac.text.domains import (
    BRANDS,
    CHEAP_TLDS,
    SHORTENERS,
    STATE_OWNER,
    Brand,
    domain_owner,
    is_cheap_tld,
    is_official_domain,
    is_shortener,
    lookalike_brand,
    refang,
    registrable_domain,
)
from chanrac.text.fold import VIETNAMESE_LETTERS, fold, nfc, strip_diacritics
from chanrac.text.indicators import extract_indicators, parse_amount
from chanrac.text.normalize import OBFUSCATION_NAMES, NormalizedText, canonicalize, normalize
from chanrac.text.obfuscate import ALL_TRICKS, obfuscate
from chanrac.text.syllables import is_syllable, segment

__all__ = [
    "ALL_TRICKS",
    "BRANDS",
    "CHEAP_TLDS",
    "OBFUSCATION_NAMES",
    "SHORTENERS",
    "STATE_OWNER",
    "VIETNAMESE_LETTERS",
    "Brand",
    "NormalizedText",
    "canonicalize",
    "domain_owner",
    "extract_indicators",
    "fold",
    "is_cheap_tld",
    "is_official_domain",
    "is_shortener",
    "is_syllable",
    "lookalike_brand",
    "nfc",
    "normalize",
    "obfuscate",
    "parse_amount",
    "refang",
    "registrable_domain",
    "segment",
    "strip_diacritics",
]
