"""Which indicators of a message count as evidence for campaigns and reputation.

Amounts are left out: "5 triệu" is in thousands of unrelated messages and says nothing about
who sent them.
"""

from __future__ import annotations

from chanrac.model import Indicator, IndicatorKind
from chanrac.text.indicators import extract_indicators

__all__ = ["EVIDENCE_KINDS", "indicators_of"]

EVIDENCE_KINDS = frozenset(IndicatorKind) - {IndicatorKind.AMOUNT}


def indicators_of(text: str) -> list[Indicator]:
    return [i for i in extract_indicators(text) if i.kind in EVIDENCE_KINDS]
