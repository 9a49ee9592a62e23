"""Campaigns in the database: incremental assignment of new reports, statistics, full rebuild.

:func:`assign_reports` runs after the intake's storing transaction (it flushes, never commits): it
signs the new reports, seeds a :class:`CampaignIndex` with the stored exemplars their LSH keys
reach, assigns, and persists new campaigns, exemplars, keys, merges, the reports' ``campaign_id``,
their indicators and the campaigns' statistics. :func:`rebuild_campaigns` is the periodic job:
it clusters every report from scratch, keeps the ids of campaigns that survive, and rewrites
the index.
"""

from __future__ import annotations

import secrets
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy import bindparam, case, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from chanrac.campaigns.cluster import CampaignIndex, SignedBatch, cluster_signed, sign_texts
from chanrac.campaigns.indicators import indicators_of
from chanrac.campaigns.signature import DEFAULT_SCHEME, LshScheme
from chanrac.config import TIMEZONE
from chanrac.model import SPAM_CATEGORIES, Category
from chanrac.store.tables import ReportRow
from chanrac.store.tables_campaigns import (
    CampaignExemplarRow,
    CampaignKeyRow,
    CampaignRow,
    ReportIndicatorRow,
)
from chanrac.text.fold import fold

__all__ = [
    "AssignResult",
    "assign_pending",
    "assign_reports",
    "local_time",
    "new_campaign_id",
    "rebuild_campaigns",
    "refresh_campaigns",
    "search_text",
]

TOP_SENDERS = 20
TOP_INDICATORS = 100
_CHUNK = 5000  # bound parameters per IN (…) query
# Core (not ORM) statement: an executemany UPDATE keyed by a bound id.
_REPORTS_TABLE: Any = ReportRow.__table__
_REPORTS_SET_CAMPAIGN = (
    update(_REPORTS_TABLE).where(_REPORTS_TABLE.c.id == bindparam("rid")).values(campaign_id=bindparam("cid"))
)
_CAMPAIGNS_TABLE: Any = CampaignRow.__table__
_EXEMPLARS_TABLE: Any = CampaignExemplarRow.__table__
# One round trip for many campaigns: intake batches touch thousands of them.
_CAMPAIGNS_ADD_INCREMENTS = (
    update(_CAMPAIGNS_TABLE)
    .where(_CAMPAIGNS_TABLE.c.id == bindparam("cid"))
    .values(daily_counts=bindparam("daily"), indicators=bindparam("found"))
)
_CAMPAIGNS_SET_STATISTICS = (
    update(_CAMPAIGNS_TABLE)
    .where(_CAMPAIGNS_TABLE.c.id == bindparam("cid"))
    .values(
        message_count=bindparam("messages"),
        report_count=bindparam("reports"),
        reporter_count=bindparam("reporters"),
        sender_count=bindparam("n_senders"),
        first_seen=bindparam("first"),
        last_seen=bindparam("last"),
        spam_share=bindparam("spam"),
        category=bindparam("category"),
        senders=bindparam("top"),
        updated_at=bindparam("now"),
    )
)
_REPORTS_MOVE_CAMPAIGN = (
    update(_REPORTS_TABLE).where(_REPORTS_TABLE.c.campaign_id == bindparam("old")).values(campaign_id=bindparam("new"))
)
_EXEMPLARS_MOVE_CAMPAIGN = (
    update(_EXEMPLARS_TABLE)
    .where(_EXEMPLARS_TABLE.c.campaign_id == bindparam("old"))
    .values(campaign_id=bindparam("new"))
)
_CAMPAIGNS_MARK_MERGED = (
    update(_CAMPAIGNS_TABLE)
    .where(_CAMPAIGNS_TABLE.c.id == bindparam("old"))
    .values(status="merged", merged_into=bindparam("new"), updated_at=bindparam("now"))
)
_CAMPAIGNS_FOLLOW_MERGE = (
    update(_CAMPAIGNS_TABLE)
    .where(_CAMPAIGNS_TABLE.c.merged_into == bindparam("old"))
    .values(merged_into=bindparam("new"))
)
_SPAM_VALUES = frozenset(c.value for c in SPAM_CATEGORIES)


def search_text(text: str) -> str:
    """What campaign searches compare with: lower case, no diacritics, single spaces, so that
    ``vay tien`` finds ``Vay tiền`` and the other way round."""
    return " ".join(fold(text).split())


def new_campaign_id() -> str:
    """``CP`` + date + 8 random base16 digits: sortable by creation day, unguessable."""
    return f"CP{datetime.now(TIMEZONE):%y%m%d}{secrets.token_hex(4).upper()}"


def local_time(value: datetime) -> datetime:
    """A stored time as an aware Asia/Ho_Chi_Minh time (SQLite returns naive wall times)."""
    return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value.astimezone(TIMEZONE)


@dataclass(slots=True)
class AssignResult:
    assigned: dict[int, str] = field(default_factory=dict)  # report id → campaign id
    created: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)  # absorbed → surviving campaign


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _insert_ignore(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING (a concurrent intake may have stored the same LSH key)."""
    if not rows:
        return
    dialect_insert: Any = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    for chunk in _chunks(rows):
        session.execute(dialect_insert(table).on_conflict_do_nothing(), list(chunk))


def _seed_index(session: Session, batch: SignedBatch, scheme: LshScheme) -> CampaignIndex:
    index = CampaignIndex(scheme)
    keys = np.unique(batch.keys.ravel()).tolist()
    owner_keys: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(keys):
        for key, exemplar in session.execute(
            select(CampaignKeyRow.key, CampaignKeyRow.exemplar_id).where(CampaignKeyRow.key.in_(chunk))
        ):
            owner_keys[exemplar].append(key)
    exemplar_ids = sorted(owner_keys)
    for chunk in _chunks(exemplar_ids):
        for exemplar_id, campaign_id, signature in session.execute(
            select(CampaignExemplarRow.id, CampaignExemplarRow.campaign_id, CampaignExemplarRow.signature).where(
                CampaignExemplarRow.id.in_(chunk)
            )
        ):
            index.add_exemplar(np.frombuffer(signature, dtype=np.uint32), owner_keys[exemplar_id], campaign_id)
    return index


def assign_reports(session: Session, report_ids: Sequence[int], scheme: LshScheme = DEFAULT_SCHEME) -> AssignResult:
    """Put new reports into their campaigns (creating or merging campaigns as needed); flushes only.

    Reports that already have a campaign are left alone, so calling it twice is harmless.
    """
    result = AssignResult()
    rows: list[Any] = []
    for chunk in _chunks(sorted(set(report_ids))):
        rows += session.execute(
            select(ReportRow.id, ReportRow.text, ReportRow.received_at)
            .where(ReportRow.id.in_(chunk), ReportRow.campaign_id.is_(None))
            .order_by(ReportRow.id)
        ).all()
    if not rows:
        return result
    batch = sign_texts([r.text for r in rows], scheme)
    index = _seed_index(session, batch, scheme)
    known_before = len(index)
    assignment = index.assign(batch, new_campaign_id)
    now = datetime.now(TIMEZONE)
    campaign_of_row = [str(c) for c in assignment.campaign_ids]
    created = {str(c) for c in assignment.created}
    for row, campaign_id in zip(rows, campaign_of_row, strict=True):
        result.assigned[row.id] = campaign_id
    founders: dict[str, Any] = {}
    for row, campaign_id in zip(rows, campaign_of_row, strict=True):
        if campaign_id in created:
            founders.setdefault(campaign_id, row)
    session.add_all(_new_campaign(campaign_id, row.text, row.received_at, now) for campaign_id, row in founders.items())
    result.created = sorted(founders)
    session.flush()
    _persist_exemplars(session, rows, batch, assignment.new_exemplars, campaign_of_row, index, known_before)
    merged = {str(k): str(v) for k, v in assignment.merged.items()}
    _merge(session, merged, now)
    result.merged = merged
    session.execute(
        _REPORTS_SET_CAMPAIGN,
        [{"rid": row.id, "cid": cid} for row, cid in zip(rows, campaign_of_row, strict=True)],
    )
    found = _store_indicators(session, rows)
    touched = set(campaign_of_row) | set(merged.values())
    _add_increments(session, rows, campaign_of_row, found)
    refresh_campaigns(session, sorted(touched), now=now)
    session.flush()
    return result


def _new_campaign(campaign_id: str, text: str, received_at: datetime, now: datetime) -> CampaignRow:
    """An empty campaign founded by one message, its representative until a rebuild picks another;
    the statistics are filled by :func:`refresh_campaigns`."""
    seen = local_time(received_at)
    return CampaignRow(
        id=campaign_id,
        status="active",
        representative_text=text,
        search_text=search_text(text),
        category=Category.HAM.value,
        first_seen=seen,
        last_seen=seen,
        message_count=0,
        report_count=0,
        reporter_count=0,
        sender_count=0,
        spam_share=0.0,
        senders=[],
        indicators={},
        daily_counts={},
        created_at=now,
        updated_at=now,
    )


def assign_pending(session: Session, limit: int = 10_000) -> int:
    """Assign the oldest reports that have no campaign yet (at most ``limit``); flushes only.
    Returns how many were assigned. The worker of ``chanrac campaigns follow`` calls it in a loop;
    a single worker keeps the LSH index free of concurrent writers."""
    ids = list(
        session.scalars(select(ReportRow.id).where(ReportRow.campaign_id.is_(None)).order_by(ReportRow.id).limit(limit))
    )
    return len(assign_reports(session, ids).assigned) if ids else 0


def _persist_exemplars(
    session: Session,
    rows: Sequence[Any],
    batch: SignedBatch,
    new_rows: Sequence[int],
    campaign_of_row: Sequence[str],
    index: CampaignIndex,
    known_before: int,
) -> None:
    if not new_rows:
        return
    exemplar_ids = _insert_exemplars(
        session, [(campaign_of_row[row], batch.signatures[row].tobytes(), rows[row].id) for row in new_rows]
    )
    # the index knows which new exemplar owns which key; store only keys owned by new exemplars
    key_rows: list[dict[str, Any]] = []
    for number, exemplar_id in zip(range(known_before, len(index)), exemplar_ids, strict=True):
        row = new_rows[number - known_before]
        for key in set(batch.keys[row].tolist()):
            if index.owner_of(key) == number:
                key_rows.append({"key": key, "exemplar_id": exemplar_id})
    _insert_ignore(session, CampaignKeyRow.__table__, key_rows)


def _insert_exemplars(session: Session, items: Sequence[tuple[str, bytes, int]]) -> list[int]:
    """Insert exemplars in one round trip per chunk; their ids in the order given."""
    ids: list[int] = []
    for chunk in _chunks(list(items), 1000):
        result = session.execute(
            insert(CampaignExemplarRow).returning(CampaignExemplarRow.id, sort_by_parameter_order=True),
            [{"campaign_id": c, "signature": sig, "report_id": r} for c, sig, r in chunk],
        )
        ids += [row[0] for row in result]
    return ids


def _merge(session: Session, merged: dict[str, str], now: datetime) -> None:
    if not merged:
        return
    pairs = [{"old": old, "new": new, "now": now} for old, new in merged.items()]
    absorbed = _campaign_counts(session, list(merged))
    survivors = _campaign_counts(session, sorted(set(merged.values())))
    session.execute(_REPORTS_MOVE_CAMPAIGN, pairs)
    session.execute(_EXEMPLARS_MOVE_CAMPAIGN, pairs)
    session.execute(_CAMPAIGNS_MARK_MERGED, pairs)
    for old, new in merged.items():
        if old in absorbed and new in survivors:
            days, found = survivors[new]
            old_days, old_found = absorbed[old]
            survivors[new] = (_add_counts(days, old_days), _merge_indicators(found, old_found))
    session.execute(
        _CAMPAIGNS_ADD_INCREMENTS,
        [{"cid": cid, "daily": days, "found": found} for cid, (days, found) in survivors.items()],
    )
    # campaigns absorbed earlier into a campaign absorbed now follow it
    session.execute(_CAMPAIGNS_FOLLOW_MERGE, pairs)


def _campaign_counts(session: Session, campaign_ids: Sequence[str]) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """Per-day and indicator counts of campaigns, by id."""
    counts: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for chunk in _chunks(campaign_ids):
        for campaign_id, days, found in session.execute(
            select(CampaignRow.id, CampaignRow.daily_counts, CampaignRow.indicators).where(CampaignRow.id.in_(chunk))
        ):
            counts[campaign_id] = (days or {}, found or {})
    return counts


def _store_indicators(session: Session, rows: Sequence[Any]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    inserts: list[dict[str, Any]] = []
    for row in rows:
        pairs = sorted({(i.kind.value, i.value[:300]) for i in indicators_of(row.text)})
        found[row.id] = pairs
        inserts += [{"report_id": row.id, "kind": kind, "value": value} for kind, value in pairs]
    for chunk in _chunks(inserts):
        session.execute(insert(ReportIndicatorRow), list(chunk))
    return found


def _add_counts(left: dict[str, Any], right: dict[str, Any]) -> dict[str, int]:
    total: Counter[str] = Counter({k: int(v) for k, v in left.items()})
    total.update({k: int(v) for k, v in right.items()})
    return dict(sorted(total.items()))


def _merge_indicators(left: dict[str, Any], right: dict[str, Any]) -> dict[str, dict[str, int]]:
    merged: dict[str, dict[str, int]] = {}
    for kind in sorted(set(left) | set(right)):
        counts: Counter[str] = Counter(left.get(kind, {}))
        counts.update(right.get(kind, {}))
        merged[kind] = dict(counts.most_common(TOP_INDICATORS))
    return merged


def _add_increments(
    session: Session,
    rows: Sequence[Any],
    campaign_of_row: Sequence[str],
    found: dict[int, list[tuple[str, str]]],
) -> None:
    """Per-day counts and indicator counts grow with each batch (never rescanned: campaigns get big)."""
    days: dict[str, Counter[str]] = defaultdict(Counter)
    indicators: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for row, campaign_id in zip(rows, campaign_of_row, strict=True):
        days[campaign_id][local_time(row.received_at).date().isoformat()] += 1
        for kind, value in found[row.id]:
            indicators[campaign_id][kind][value] += 1
    updates = [
        {
            "cid": campaign_id,
            "daily": _add_counts(old_days, days[campaign_id]),
            "found": _merge_indicators(old_found, {k: dict(v) for k, v in indicators[campaign_id].items()}),
        }
        for campaign_id, (old_days, old_found) in _campaign_counts(session, list(days)).items()
    ]
    if updates:
        session.execute(_CAMPAIGNS_ADD_INCREMENTS, updates)


def _majority_category(counts: Counter[str]) -> str:
    if not counts:
        return Category.HAM.value
    # a tie between spam and ham goes to spam: someone reported it
    return max(counts.items(), key=lambda item: (item[1], item[0] in _SPAM_VALUES, item[0]))[0]


def refresh_campaigns(session: Session, campaign_ids: Sequence[str], now: datetime | None = None) -> None:
    """Recompute the counts, category and top senders of campaigns from their reports."""
    now = now or datetime.now(TIMEZONE)
    session.flush()
    for chunk in _chunks(list(campaign_ids), 1000):
        spam = case((ReportRow.verdict_label == "spam", 1.0), else_=0.0)
        aggregates = session.execute(
            select(
                ReportRow.campaign_id,
                func.count(),
                func.coalesce(func.sum(ReportRow.duplicate_count), 0),
                func.count(func.distinct(ReportRow.reporter)),
                func.count(func.distinct(ReportRow.sender)),
                func.min(ReportRow.received_at),
                func.max(ReportRow.received_at),
                func.avg(spam),
            )
            .where(ReportRow.campaign_id.in_(chunk))
            .group_by(ReportRow.campaign_id)
        ).all()
        categories: dict[str, Counter[str]] = defaultdict(Counter)
        for campaign_id, category, count in session.execute(
            select(ReportRow.campaign_id, ReportRow.verdict_category, func.count())
            .where(ReportRow.campaign_id.in_(chunk), ReportRow.verdict_category.is_not(None))
            .group_by(ReportRow.campaign_id, ReportRow.verdict_category)
        ):
            categories[str(campaign_id)][str(category)] = count
        senders: dict[str, list[tuple[str, str | None, int]]] = defaultdict(list)
        for campaign_id, sender, kind, count in session.execute(
            select(ReportRow.campaign_id, ReportRow.sender, ReportRow.sender_kind, func.count())
            .where(ReportRow.campaign_id.in_(chunk), ReportRow.sender.is_not(None))
            .group_by(ReportRow.campaign_id, ReportRow.sender, ReportRow.sender_kind)
        ):
            senders[str(campaign_id)].append((str(sender), kind, count))
        statistics = [
            {
                "cid": campaign_id,
                "messages": count,
                "reports": count + int(duplicates),
                "reporters": reporters,
                "n_senders": n_senders,
                "first": local_time(first),
                "last": local_time(last),
                "spam": float(spam_share or 0.0),
                "category": _majority_category(categories[campaign_id]),
                "top": [list(s) for s in sorted(senders[campaign_id], key=lambda s: (-s[2], s[0]))[:TOP_SENDERS]],
                "now": now,
            }
            for campaign_id, count, duplicates, reporters, n_senders, first, last, spam_share in aggregates
        ]
        if statistics:
            session.execute(_CAMPAIGNS_SET_STATISTICS, statistics)
    session.expire_all()


def rebuild_campaigns(
    session: Session,
    scheme: LshScheme = DEFAULT_SCHEME,
    workers: int = 1,
    progress: Callable[[str], None] | None = None,
) -> dict[str, int]:
    """Cluster every report from scratch and rewrite campaigns and the LSH index; flushes only.

    A new cluster keeps the id of the old campaign most of its reports belonged to (so links and
    cases stay valid); old campaigns no cluster kept are marked merged into the cluster that took
    most of their reports.
    """
    say = progress or (lambda _: None)
    say("reading reports")
    rows: Sequence[Any] = session.execute(
        select(ReportRow.id, ReportRow.text, ReportRow.received_at, ReportRow.campaign_id).order_by(ReportRow.id)
    ).all()
    if not rows:
        return {"reports": 0, "campaigns": 0, "kept_ids": 0}
    say(f"signing {len(rows):,} reports")
    batch = sign_texts([r.text for r in rows], scheme, workers=workers)
    say("clustering")
    labels = cluster_signed(batch, scheme).tolist()
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for row, label in zip(rows, labels, strict=True):
        if row.campaign_id:
            votes[label][row.campaign_id] += 1
    # each old id goes to the cluster holding most of its reports, largest clusters choose first
    cluster_size = Counter(labels)
    taken: set[str] = set()
    id_of: dict[int, str] = {}
    for label, _ in cluster_size.most_common():
        for old_id, _ in votes[label].most_common():
            if old_id not in taken:
                id_of[label] = old_id
                taken.add(old_id)
                break
        else:
            id_of[label] = new_campaign_id()
    now = datetime.now(TIMEZONE)
    say("writing campaigns")
    session.execute(delete(CampaignKeyRow))
    session.execute(delete(CampaignExemplarRow))
    old_ids = set(session.scalars(select(CampaignRow.id)))
    for chunk in _chunks(list(old_ids - set(id_of.values()))):
        session.execute(update(CampaignRow).where(CampaignRow.id.in_(chunk)).values(status="merged", updated_at=now))
    moved: dict[str, Counter[str]] = defaultdict(Counter)
    for row, label in zip(rows, labels, strict=True):
        if row.campaign_id and row.campaign_id != id_of[label]:
            moved[row.campaign_id][id_of[label]] += 1
    for old_id, targets in moved.items():
        if old_id not in set(id_of.values()):
            session.execute(
                update(CampaignRow).where(CampaignRow.id == old_id).values(merged_into=targets.most_common(1)[0][0])
            )
    found_by_label: dict[int, int] = {}
    for i, label in enumerate(labels):
        found_by_label.setdefault(label, i)
    for label, first in found_by_label.items():
        campaign_id, text = id_of[label], rows[first].text
        if campaign_id not in old_ids:
            session.add(_new_campaign(campaign_id, text, rows[first].received_at, now))
            continue
        session.execute(
            update(CampaignRow)
            .where(CampaignRow.id == campaign_id)
            .values(
                status="active",
                merged_into=None,
                representative_text=text,
                search_text=search_text(text),
                daily_counts={},
                indicators={},
                updated_at=now,
            )
        )
    session.flush()
    say("assigning reports")
    session.execute(
        _REPORTS_SET_CAMPAIGN,
        [{"rid": row.id, "cid": id_of[label]} for row, label in zip(rows, labels, strict=True)],
    )
    say("rebuilding the index")
    index = CampaignIndex(scheme)
    by_campaign = [id_of[label] for label in labels]
    keys_list = batch.keys.tolist()
    chosen: list[int] = []
    for i, keys in enumerate(keys_list):
        if batch.empty[i] or all(index.owner_of(k) is not None for k in keys):
            continue
        index.add_exemplar(batch.signatures[i], keys, by_campaign[i])
        chosen.append(i)
    exemplar_ids = _insert_exemplars(
        session, [(by_campaign[i], batch.signatures[i].tobytes(), rows[i].id) for i in chosen]
    )
    key_rows = [
        {"key": k, "exemplar_id": exemplar_id}
        for number, (i, exemplar_id) in enumerate(zip(chosen, exemplar_ids, strict=True))
        for k in set(keys_list[i])
        if index.owner_of(k) == number
    ]
    _insert_ignore(session, CampaignKeyRow.__table__, key_rows)
    say("counting")
    session.execute(delete(ReportIndicatorRow))
    found = _store_indicators(session, rows)
    _add_increments(session, rows, by_campaign, found)
    refresh_campaigns(session, sorted(set(id_of.values())), now=now)
    session.flush()
    return {"reports": len(rows), "campaigns": len(set(labels)), "kept_ids": len(set(id_of.values()) & old_ids)}
