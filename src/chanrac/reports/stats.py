"""The statistics queries: a handful of GROUP BYs over ``reports`` in a window of Vietnam days.

Aggregation happens in the database (never row by row in Python), so the same code answers for a
demo SQLite file and for a PostgreSQL table of millions of reports. SQLite keeps timestamps as
Vietnam wall-clock text (the store's convention for naive times), PostgreSQL as ``timestamptz``:
:func:`_local_day` is the one place that knows the difference.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, case, distinct, func, literal_column, select
from sqlalchemy.orm import Session

from chanrac.config import TIMEZONE
from chanrac.model import Action
from chanrac.store.tables import ReportRow

MAX_DAYS = 366
MAX_TOP = 100
MAX_RECENT = 200
# The key of rows whose dimension is empty: no verdict yet, a brandname (no operator), no province.
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class StatsQuery:
    """What to count: the last ``days`` Vietnam calendar days up to ``now``, optionally one scope."""

    days: int = 30
    province: str | None = None  # a province code (chanrac.geo); None = the whole country
    operator: str | None = None  # chanrac.phone.Operator value of the sender's prefix
    top: int = 10
    recent: int = 20
    now: datetime | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.days <= MAX_DAYS:
            raise ValueError(f"days must be between 1 and {MAX_DAYS}, got {self.days}")
        if not 1 <= self.top <= MAX_TOP:
            raise ValueError(f"top must be between 1 and {MAX_TOP}, got {self.top}")
        if not 0 <= self.recent <= MAX_RECENT:
            raise ValueError(f"recent must be between 0 and {MAX_RECENT}, got {self.recent}")
        if self.province is not None:
            from chanrac.geo import province_code

            try:
                object.__setattr__(self, "province", province_code(self.province))
            except KeyError:
                raise ValueError(f"province {self.province!r} is not a province code or name") from None
        if self.operator is not None:
            from chanrac.phone import Operator

            try:
                object.__setattr__(self, "operator", Operator(self.operator.strip().lower()).value)
            except ValueError:
                known = ", ".join(o.value for o in Operator)
                raise ValueError(f"operator {self.operator!r} is not one of {known}") from None
        if self.now is not None and self.now.tzinfo is None:
            raise ValueError("now must carry a time zone")

    def window(self) -> tuple[date, datetime, datetime]:
        """First day, and the half-open ``[start, end)`` in Vietnam time that covers the days up to today."""
        now = (self.now or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
        first_day = now.date() - timedelta(days=self.days - 1)
        start = datetime.combine(first_day, time(), TIMEZONE)
        end = datetime.combine(now.date() + timedelta(days=1), time(), TIMEZONE)
        return first_day, start, end


@dataclass(frozen=True, slots=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    reports: int
    spam: int


@dataclass(frozen=True, slots=True)
class SenderCount:
    sender: str
    sender_kind: str | None
    operator: str | None
    reports: int
    reporters: int  # distinct reporting numbers: many people beat one angry person
    spam: int
    last_received_at: datetime


@dataclass(frozen=True, slots=True)
class RecentReport:
    """A report as the public may see it: never the reporter's number or the message recipient."""

    tracking_code: str
    received_at: datetime
    kind: str
    channel: str
    status: str
    sender: str | None
    sender_kind: str | None
    category: str | None
    action: str | None


@dataclass(frozen=True, slots=True)
class Totals:
    reports: int = 0
    spam: int = 0
    blocked: int = 0
    flagged: int = 0
    unclassified: int = 0
    repeats: int = 0  # the same reporter sending the same report again within the duplicate window
    senders: int = 0


@dataclass(frozen=True, slots=True)
class Stats:
    days: int
    first_day: date
    last_day: date
    province: str | None
    operator: str | None
    totals: Totals
    by_day: list[DayCount] = field(default_factory=list)
    by_category: list[Count] = field(default_factory=list)
    by_action: list[Count] = field(default_factory=list)
    by_operator: list[Count] = field(default_factory=list)
    by_province: list[Count] = field(default_factory=list)
    by_channel: list[Count] = field(default_factory=list)
    by_kind: list[Count] = field(default_factory=list)
    top_senders: list[SenderCount] = field(default_factory=list)
    recent: list[RecentReport] = field(default_factory=list)


def _local_day(session: Session) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "postgresql":
        # A literal, not a bound parameter: psycopg binds server-side, and PostgreSQL would not see
        # timezone($1, x) in SELECT and timezone($2, x) in GROUP BY as the same expression.
        zone: ColumnElement[str] = literal_column("'" + TIMEZONE.key + "'")
        return func.date(func.timezone(zone, ReportRow.received_at))
    # SQLite: the text is already Vietnam wall-clock time.
    return func.date(ReportRow.received_at)


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _as_local(value: datetime) -> datetime:
    return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value.astimezone(TIMEZONE)


_Query = TypeVar("_Query", bound=Select)  # a SELECT of any number of columns

_SPAM = func.coalesce(func.sum(case((ReportRow.verdict_label == "spam", 1), else_=0)), 0)


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


@dataclass(frozen=True, slots=True)
class _Scope:
    """One query's session, filters and ``[start, end)`` window, applied to every statement."""

    session: Session
    query: StatsQuery
    start: datetime
    end: datetime

    def run(self, statement: _Query) -> Any:
        statement = statement.where(ReportRow.received_at >= self.start, ReportRow.received_at < self.end)
        if self.query.province is not None:
            statement = statement.where(ReportRow.province == self.query.province)
        if self.query.operator is not None:
            statement = statement.where(ReportRow.sender_operator == self.query.operator)
        return self.session.execute(statement)


def _totals(scope: _Scope) -> Totals:
    r = ReportRow
    row = scope.run(
        select(
            func.count(),
            _SPAM,
            _count_where(r.verdict_action == Action.BLOCK.value),
            _count_where(r.verdict_action == Action.FLAG.value),
            _count_where(r.verdict_label.is_(None)),
            func.coalesce(func.sum(r.duplicate_count), 0),
            func.count(distinct(r.sender)),
        )
    ).one()
    return Totals(*(int(v) for v in row))


def _by_day(scope: _Scope, first_day: date) -> list[DayCount]:
    day = _local_day(scope.session).label("day")
    found = {
        _as_date(d): (int(n), int(spam))
        for d, n, spam in scope.run(select(day, func.count(), _SPAM).group_by(day)).all()
    }
    days = (first_day + timedelta(days=offset) for offset in range(scope.query.days))
    return [DayCount(d, *found.get(d, (0, 0))) for d in days]


def _counts(scope: _Scope, column: Any, limit: int | None = None) -> list[Count]:
    n = func.count().label("n")
    statement = select(column, n).group_by(column).order_by(n.desc(), column)
    if limit is not None:
        statement = statement.limit(limit)
    # NULLs sort differently on the two databases: fold them into UNKNOWN, then order again.
    merged: dict[str, int] = {}
    for key, count in scope.run(statement).all():
        name = UNKNOWN if key is None or key == "" else str(key)
        merged[name] = merged.get(name, 0) + int(count)
    return [Count(k, v) for k, v in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))]


def _top_senders(scope: _Scope) -> list[SenderCount]:
    # Two steps: rank senders by plain counts, then the costlier details (distinct reporters) for
    # the winners only; counting distinct reporters of every sender would dominate the whole page.
    r = ReportRow
    reports_count = func.count().label("reports_count")
    leaders = scope.run(
        select(r.sender, reports_count)
        .where(r.sender.is_not(None))
        .group_by(r.sender)
        .order_by(reports_count.desc(), r.sender)
        .limit(scope.query.top)
    ).all()
    if not leaders:
        return []
    details = {
        sender: rest
        for sender, *rest in scope.run(
            select(
                r.sender,
                func.max(r.sender_kind),
                func.max(r.sender_operator),
                func.count(distinct(r.reporter)),
                _SPAM,
                func.max(r.received_at),
            )
            .where(r.sender.in_([sender for sender, _ in leaders]))
            .group_by(r.sender)
        ).all()
    }
    top = []
    for sender, reports in leaders:
        kind, operator, reporters, spam, last = details[sender]
        top.append(SenderCount(str(sender), kind, operator, int(reports), int(reporters), int(spam), _as_local(last)))
    return top


def _recent(scope: _Scope) -> list[RecentReport]:
    if not scope.query.recent:
        return []
    r = ReportRow
    rows = scope.run(
        select(
            r.tracking_code,
            r.received_at,
            r.kind,
            r.channel,
            r.status,
            r.sender,
            r.sender_kind,
            r.verdict_category,
            r.verdict_action,
        )
        .order_by(r.received_at.desc(), r.id.desc())
        .limit(scope.query.recent)
    ).all()
    return [
        RecentReport(code, _as_local(at), kind, channel, status, sender, sender_kind, category, action)
        for code, at, kind, channel, status, sender, sender_kind, category, action in rows
    ]


def compute_stats(session: Session, query: StatsQuery | None = None) -> Stats:
    """All the dashboard's numbers for ``query`` (the last 30 days of the whole country by default)."""
    query = query or StatsQuery()
    first_day, start, end = query.window()
    scope = _Scope(session, query, start, end)
    r = ReportRow
    return Stats(
        days=query.days,
        first_day=first_day,
        last_day=end.date() - timedelta(days=1),
        province=query.province,
        operator=query.operator,
        totals=_totals(scope),
        by_day=_by_day(scope, first_day),
        by_category=_counts(scope, r.verdict_category),
        by_action=_counts(scope, r.verdict_action),
        by_operator=_counts(scope, r.sender_operator),
        by_province=_counts(scope, r.province, limit=query.top),
        by_channel=_counts(scope, r.channel),
        by_kind=_counts(scope, r.kind),
        top_senders=_top_senders(scope),
        recent=_recent(scope),
    )


def stats_to_json(stats: Stats) -> dict[str, Any]:
    """Plain JSON types: ISO dates and times, counts as ``{key: n}`` objects kept in rank order."""
    body = asdict(stats)
    body["first_day"] = stats.first_day.isoformat()
    body["last_day"] = stats.last_day.isoformat()
    body["timezone"] = TIMEZONE.key
    body["by_day"] = [{"day": d.day.isoformat(), "reports": d.reports, "spam": d.spam} for d in stats.by_day]
    for name in ("by_category", "by_action", "by_operator", "by_province", "by_channel", "by_kind"):
        body[name] = {c.key: c.count for c in getattr(stats, name)}
    body["top_senders"] = [dict(asdict(s), last_received_at=s.last_received_at.isoformat()) for s in stats.top_senders]
    body["recent"] = [dict(asdict(x), received_at=x.received_at.isoformat()) for x in stats.recent]
    return body
