"""The operators' blocklist feed: what to block, why, until when — and what to stop blocking.

:func:`publish_blocklist` turns reputation into feed entries: a source is listed when its score,
its number of distinct verified reporters and the share of its reports judged spam reach the
configured thresholds and its last report is recent enough (``expires_at = last_seen + ttl``); a
listed source that no longer qualifies becomes a *removal*. Every change takes the next number of
the feed's sequence, so an operator polling ``?since=<cursor>`` gets exactly the changes after its
cursor from the unique index on ``seq``.
Publishers are serialised by a row lock on the feed's cursor, so sequence numbers become visible
in order and a poller never skips a change committed late.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from chanrac.campaigns.service import local_time
from chanrac.config import TIMEZONE, Settings
from chanrac.model import IndicatorKind, SenderKind
from chanrac.store.tables_campaigns import BlocklistRow, FeedCursorRow, ReputationRow

__all__ = [
    "CSV_COLUMNS",
    "FEED_NAME",
    "FeedPage",
    "PublishResult",
    "entry_json",
    "next_sequence",
    "publish_blocklist",
    "read_blocklist",
    "to_csv",
]

FEED_NAME = "blocklist"
# Reputation kind → feed kind. Numbers seen as senders and as call-back numbers in texts are one.
FEED_KIND = {
    SenderKind.MOBILE.value: "number",
    SenderKind.FIXED.value: "number",
    IndicatorKind.PHONE.value: "number",
    SenderKind.BRANDNAME.value: "brandname",
    SenderKind.SHORT_CODE.value: "short_code",
    IndicatorKind.URL.value: "url",
    IndicatorKind.DOMAIN.value: "domain",
}
# Blocking a link shortener's domain would block everyone's links: list their URLs only.
SHARED_DOMAINS = frozenset(
    {"bit.ly", "t.ly", "tinyurl.com", "goo.gl", "is.gd", "cutt.ly", "s.id", "rb.gy", "shorturl.at", "t.co", "zalo.me"}
)
CSV_COLUMNS = (
    "seq",
    "action",
    "kind",
    "value",
    "reason",
    "score",
    "reports",
    "reporters",
    "campaigns",
    "first_seen",
    "last_seen",
    "expires_at",
)


@dataclass(frozen=True, slots=True)
class PublishResult:
    added: int
    updated: int
    removed: int
    cursor: int


def next_sequence(session: Session, feed: str, count: int) -> int:
    """Reserve ``count`` sequence numbers; returns the first. Locks the feed until commit."""
    row = session.execute(
        select(FeedCursorRow).where(FeedCursorRow.name == feed).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        row = FeedCursorRow(name=feed, value=0)
        session.add(row)
        session.flush()
    first = row.value + 1
    row.value += count
    return first


def _reason(rep: ReputationRow) -> str:
    return (
        f"reported {rep.reports} times, by {rep.reporters} verified reporters, in {rep.campaigns} campaigns; "
        f"{rep.spam_share:.0%} spam verdicts; reputation {rep.score:.2f}"
    )


def publish_blocklist(session: Session, settings: Settings, now: datetime | None = None) -> PublishResult:
    """Bring the feed in line with reputation; flushes only (commit to publish)."""
    now = now or datetime.now(TIMEZONE)
    ttl = timedelta(days=settings.blocklist_ttl_days)
    cursor = next_sequence(session, FEED_NAME, 0) - 1  # takes the lock before reading anything
    wanted: dict[tuple[str, str], ReputationRow] = {}
    for rep in session.scalars(
        select(ReputationRow).where(
            ReputationRow.score >= settings.blocklist_min_score,
            ReputationRow.reporters >= settings.blocklist_min_reporters,
            # people also report their bank's OTP notices: the verdicts must agree it is spam
            ReputationRow.spam_share >= settings.blocklist_min_spam_share,
            ReputationRow.kind.in_(list(FEED_KIND)),
        )
    ):
        kind = FEED_KIND[rep.kind]
        if kind == "domain" and rep.value in SHARED_DOMAINS:
            continue
        if local_time(rep.last_seen) + ttl <= now:
            continue
        key = (kind, rep.value)
        if key not in wanted or rep.score > wanted[key].score:
            wanted[key] = rep
    current = {(row.kind, row.value): row for row in session.scalars(select(BlocklistRow))}
    changes: list[tuple[str, Any]] = []
    for key, rep in wanted.items():
        row = current.get(key)
        expires = local_time(rep.last_seen) + ttl
        fields = {
            "listed": True,
            "reason": _reason(rep),
            "score": rep.score,
            "reports": rep.reports,
            "reporters": rep.reporters,
            "campaigns": rep.campaigns,
            "first_seen": local_time(rep.first_seen),
            "last_seen": local_time(rep.last_seen),
            "expires_at": expires,
        }
        if row is None:
            changes.append(("add", {"kind": key[0], "value": key[1], **fields}))
        elif not row.listed or (row.reports, row.reporters, local_time(row.last_seen)) != (
            rep.reports,
            rep.reporters,
            local_time(rep.last_seen),
        ):
            changes.append(("update", (row, fields)))
    for key, row in current.items():
        if row.listed and key not in wanted:
            expired = local_time(row.expires_at) <= now
            reason = "expired: no report since " if expired else "below the threshold since "
            changes.append(("remove", (row, {"listed": False, "reason": reason + now.date().isoformat()})))
    if not changes:
        return PublishResult(0, 0, 0, cursor)
    seq = next_sequence(session, FEED_NAME, len(changes))
    counts = {"add": 0, "update": 0, "remove": 0}
    for action, change in changes:
        counts[action] += 1
        if action == "add":
            session.add(BlocklistRow(**change, seq=seq, updated_at=now))
        else:
            row, fields = change
            session.execute(
                update(BlocklistRow).where(BlocklistRow.id == row.id).values(**fields, seq=seq, updated_at=now)
            )
        seq += 1
    session.flush()
    return PublishResult(counts["add"], counts["update"], counts["remove"], seq - 1)


@dataclass(frozen=True, slots=True)
class FeedPage:
    entries: Sequence[BlocklistRow]
    cursor: int  # pass as ?since= next time
    more: bool  # another page is ready now


def read_blocklist(session: Session, since: int = 0, limit: int = 10_000) -> FeedPage:
    """Changes after ``since``, oldest first. ``since=0`` is a snapshot: current entries only."""
    if since < 0:
        raise ValueError(f"since must be a cursor of 0 or more, got {since}")
    if not 1 <= limit <= 100_000:
        raise ValueError(f"limit must be within 1..100000, got {limit}")
    query = select(BlocklistRow).where(BlocklistRow.seq > since).order_by(BlocklistRow.seq).limit(limit + 1)
    if since == 0:
        query = query.where(BlocklistRow.listed.is_(True))
    rows = list(session.scalars(query))
    more = len(rows) > limit
    rows = rows[:limit]
    return FeedPage(rows, rows[-1].seq if rows else since, more)


def entry_json(row: BlocklistRow) -> dict[str, Any]:
    return {
        "seq": row.seq,
        "action": "add" if row.listed else "remove",
        "kind": row.kind,
        "value": row.value,
        "reason": row.reason,
        "score": row.score,
        "reports": row.reports,
        "reporters": row.reporters,
        "campaigns": row.campaigns,
        "first_seen": local_time(row.first_seen).isoformat(),
        "last_seen": local_time(row.last_seen).isoformat(),
        "expires_at": local_time(row.expires_at).isoformat(),
    }


def to_csv(rows: Sequence[BlocklistRow]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(entry_json(row))
    return out.getvalue()
