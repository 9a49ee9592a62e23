"""Reputation of senders (numbers, brandnames, short codes) and indicators (domains, URLs, bank
accounts, OTT handles): a score in [0, 1] made of named signals, decaying with time.

Evidence points are summed from signals — reports, distinct *verified* reporters (numbers an
operator or the SMS gateway vouches for: the hardest to fake), a little for distinct reporters of
the web and API channels (whose numbers anyone can type),
campaigns, the share of spam verdicts, traffic-analytics suspicion (the ``suspects`` table that
``chanrac traffic load`` fills) — then multiplied by ``0.5 ** (age / half_life)`` and squashed:
``score = 1 - exp(-points / 4)``. A number traffic analytics flagged gets a reputation even when
nobody reported it: SIM boxes are found in the records before the public complains.
``score_evidence`` is pure (unit-testable, usable inline); ``rebuild_reputation`` aggregates the
database with SQL and stores one row per source; ``reputation_lookups`` hands detection its two
mappings, so suspicion reaches every later verdict as the ``reputation.sender`` signal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import case, delete, func, insert, select
from sqlalchemy.orm import Session

from chanrac.campaigns.service import local_time
from chanrac.config import TIMEZONE, Settings
from chanrac.model import VERIFIED_CHANNELS, IndicatorKind, SenderKind, Signal
from chanrac.store.tables import ReportRow
from chanrac.store.tables_campaigns import ReportIndicatorRow, ReputationRow
from chanrac.store.tables_traffic import SuspectRow

__all__ = [
    "Evidence",
    "ReputationLookups",
    "TrafficSuspicion",
    "rebuild_reputation",
    "reputation_lookups",
    "score_evidence",
    "suspect_score",
    "traffic_suspicion",
]

SENDER_KINDS = frozenset({SenderKind.MOBILE, SenderKind.FIXED, SenderKind.SHORT_CODE, SenderKind.BRANDNAME})
INDICATOR_KINDS = frozenset(
    {IndicatorKind.DOMAIN, IndicatorKind.URL, IndicatorKind.BANK_ACCOUNT, IndicatorKind.ZALO, IndicatorKind.TELEGRAM}
)
_SCALE = 4.0  # points giving score 1 - 1/e ≈ 0.63
# A traffic suspect's score is a sum of rule weights that already crossed its kind's threshold
# (4.5–5 by default): it counts at least half, and fully from twice a threshold.
_SUSPECT_FLOOR = 0.5
_SUSPECT_FULL = 10.0


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the reports say about one source."""

    kind: str
    value: str
    reports: int
    reporters: int  # distinct reporters on verified channels (chanrac.model.VERIFIED_CHANNELS)
    campaigns: int
    spam_share: float  # share of its reports whose verdict was spam (0 when none was classified)
    first_seen: datetime
    last_seen: datetime
    suspect_score: float = 0.0  # from traffic analytics, 0–1
    suspect_kinds: str = ""  # "sim_box", "mass_sender, pre_activated"…
    unverified_reporters: int = 0  # distinct reporter numbers given on the web and API channels


def score_evidence(evidence: Evidence, now: datetime, half_life_days: float) -> tuple[float, list[Signal]]:
    """The score in [0, 1] and the signals that make it up (positive: points of evidence)."""
    signals = [
        Signal("REP_REPORTS", round(min(3.0, math.log2(1 + evidence.reports)), 3), f"{evidence.reports} reports"),
        Signal(
            "REP_REPORTERS",
            round(min(6.0, 1.5 * math.log2(1 + evidence.reporters)), 3),
            f"{evidence.reporters} distinct verified reporters",
        ),
    ]
    if evidence.unverified_reporters:
        signals.append(
            Signal(
                "REP_UNVERIFIED_REPORTERS",
                round(min(1.5, 0.5 * math.log2(1 + evidence.unverified_reporters)), 3),
                f"{evidence.unverified_reporters} reporters on the web or API (numbers not verified)",
            )
        )
    if evidence.campaigns:
        signals.append(
            Signal("REP_CAMPAIGNS", round(min(2.0, 0.5 * evidence.campaigns), 3), f"in {evidence.campaigns} campaigns")
        )
    if evidence.reports:
        signals.append(
            Signal("REP_SPAM_VERDICTS", round(3.0 * evidence.spam_share - 1.0, 3), f"{evidence.spam_share:.0%} spam")
        )
    if evidence.suspect_score > 0:
        detail = f"traffic analytics: {evidence.suspect_kinds or 'suspect'}"
        signals.append(Signal("REP_TRAFFIC_SUSPECT", round(4.0 * evidence.suspect_score, 3), detail))
    points = max(0.0, sum(s.score for s in signals))
    age_days = max(0.0, (now - local_time(evidence.last_seen)).total_seconds() / 86400)
    decay = 0.5 ** (age_days / half_life_days) if half_life_days > 0 else 1.0
    if decay < 0.999:
        signals.append(Signal("REP_DECAY", round(points * (decay - 1.0), 3), f"last seen {age_days:.0f} days ago"))
    score = 1.0 - math.exp(-points * decay / _SCALE)
    return round(score, 4), signals


_VERIFIED = [c.value for c in VERIFIED_CHANNELS]
# What every source's evidence aggregates over its reports, in the order of Evidence's fields after
# `reports`. count(DISTINCT CASE …) counts each reporter number once among one kind of channel.
_EVIDENCE_AGGREGATES = (
    func.count(func.distinct(case((ReportRow.channel.in_(_VERIFIED), ReportRow.reporter)))),
    func.count(func.distinct(ReportRow.campaign_id)),
    func.avg(case((ReportRow.verdict_label == "spam", 1.0), (ReportRow.verdict_label.is_(None), None), else_=0.0)),
    func.min(ReportRow.received_at),
    func.max(ReportRow.received_at),
    func.count(func.distinct(case((ReportRow.channel.not_in(_VERIFIED), ReportRow.reporter)))),
)


def _sender_evidence(session: Session) -> list[Evidence]:
    rows = session.execute(
        select(
            ReportRow.sender_kind,
            ReportRow.sender,
            func.count() + func.coalesce(func.sum(ReportRow.duplicate_count), 0),
            *_EVIDENCE_AGGREGATES,
        )
        .where(ReportRow.sender.is_not(None), ReportRow.sender_kind.in_([k.value for k in SENDER_KINDS]))
        .group_by(ReportRow.sender_kind, ReportRow.sender)
    ).all()
    return [_evidence(r) for r in rows]


def _indicator_evidence(session: Session) -> list[Evidence]:
    rows = session.execute(
        select(
            ReportIndicatorRow.kind,
            ReportIndicatorRow.value,
            func.count(func.distinct(ReportRow.id)),
            *_EVIDENCE_AGGREGATES,
        )
        .join(ReportRow, ReportRow.id == ReportIndicatorRow.report_id)
        .where(ReportIndicatorRow.kind.in_([k.value for k in INDICATOR_KINDS] + [IndicatorKind.PHONE.value]))
        .group_by(ReportIndicatorRow.kind, ReportIndicatorRow.value)
    ).all()
    return [_evidence(r) for r in rows]


def _evidence(row: Any) -> Evidence:
    kind, value, reports, reporters, campaigns, spam_share, first, last, unverified = row
    return Evidence(
        str(kind), str(value), int(reports), reporters, campaigns, float(spam_share or 0.0), first, last,
        unverified_reporters=unverified,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TrafficSuspicion:
    """What every loaded run of traffic analytics says about one number."""

    score: float  # 0–1
    kinds: str
    first_seen: datetime
    last_seen: datetime


def suspect_score(rule_score: float) -> float:
    """A suspect's rule score (sum of weights) as suspicion in [0.5, 1]."""
    return round(min(1.0, max(_SUSPECT_FLOOR, rule_score / _SUSPECT_FULL)), 4)


def traffic_suspicion(session: Session) -> dict[str, TrafficSuspicion]:
    """Numbers (E.164) flagged by any loaded run, with their strongest score over runs and kinds."""
    rows = session.execute(
        select(
            SuspectRow.msisdn,
            SuspectRow.kind,
            func.max(SuspectRow.score),
            func.min(func.coalesce(SuspectRow.first_seen, SuspectRow.loaded_at)),
            func.max(func.coalesce(SuspectRow.last_seen, SuspectRow.first_seen, SuspectRow.loaded_at)),
        ).group_by(SuspectRow.msisdn, SuspectRow.kind)
    ).all()
    scores: dict[str, float] = {}
    kinds: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, datetime] = {}
    lasts: dict[str, datetime] = {}
    for msisdn, kind, score, first, last in rows:
        first, last = local_time(first), local_time(last)
        scores[msisdn] = max(scores.get(msisdn, 0.0), suspect_score(score))
        kinds[msisdn].add(kind)
        firsts[msisdn] = min(firsts.get(msisdn, first), first)
        lasts[msisdn] = max(lasts.get(msisdn, last), last)
    return {
        msisdn: TrafficSuspicion(score, ", ".join(sorted(kinds[msisdn])), firsts[msisdn], lasts[msisdn])
        for msisdn, score in scores.items()
    }


def rebuild_reputation(
    session: Session,
    settings: Settings,
    now: datetime | None = None,
    suspects: Mapping[str, TrafficSuspicion] | None = None,
) -> int:
    """Recompute every reputation row from the reports and traffic suspects; flushes only.
    Returns the number of rows.

    ``suspects`` maps a number (E.164) to its suspicion; by default the ``suspects`` table.
    """
    now = now or datetime.now(TIMEZONE)
    suspicion = traffic_suspicion(session) if suspects is None else dict(suspects)
    evidences = _sender_evidence(session) + _indicator_evidence(session)
    reported = {e.value for e in evidences if e.kind == SenderKind.MOBILE.value}
    evidences += [
        Evidence(SenderKind.MOBILE.value, msisdn, 0, 0, 0, 0.0, s.first_seen, s.last_seen)
        for msisdn, s in suspicion.items()
        if msisdn not in reported
    ]
    rows: list[dict[str, Any]] = []
    for evidence in evidences:
        suspect = suspicion.get(evidence.value) if evidence.kind == SenderKind.MOBILE.value else None
        if suspect is not None:
            evidence = replace(
                evidence,
                suspect_score=suspect.score,
                suspect_kinds=suspect.kinds,
                last_seen=max(local_time(evidence.last_seen), suspect.last_seen),
            )
        score, signals = score_evidence(evidence, now, settings.reputation_half_life_days)
        rows.append(
            {
                "kind": evidence.kind,
                "value": evidence.value[:300],
                "score": score,
                "reports": evidence.reports,
                "reporters": evidence.reporters,
                "campaigns": evidence.campaigns,
                "spam_share": evidence.spam_share,
                "first_seen": local_time(evidence.first_seen),
                "last_seen": local_time(evidence.last_seen),
                "signals": [{"name": s.name, "score": s.score, "detail": s.detail} for s in signals],
                "updated_at": now,
            }
        )
    session.execute(delete(ReputationRow))
    for i in range(0, len(rows), 5000):
        session.execute(insert(ReputationRow), rows[i : i + 5000])
    session.flush()
    return len(rows)


@dataclass(frozen=True, slots=True)
class ReputationLookups:
    """What :class:`chanrac.detect.Lookups` takes: value → score in [0, 1]."""

    sender_reputation: Mapping[str, float]
    indicator_reputation: Mapping[str, float]


def reputation_lookups(session: Session, min_score: float = 0.05) -> ReputationLookups:
    """Senders (E.164 numbers, brandnames, short codes) and indicators (domains, URLs, bank
    accounts, OTT handles, phone numbers in texts) with a score of at least ``min_score``."""
    senders: dict[str, float] = {}
    indicators: dict[str, float] = {}
    sender_kinds = {k.value for k in SENDER_KINDS}
    for kind, value, score in session.execute(
        select(ReputationRow.kind, ReputationRow.value, ReputationRow.score).where(ReputationRow.score >= min_score)
    ):
        target = senders if kind in sender_kinds else indicators
        target[value] = max(score, target.get(value, 0.0))
    return ReputationLookups(senders, indicators)


def explain(row: ReputationRow) -> str:
    signals: Sequence[dict[str, Any]] = row.signals or []
    parts = ", ".join(f"{s['name']}={s['score']:+.2f}" for s in signals)
    return f"{row.kind} {row.value}: score {row.score:.2f} ({parts})"
