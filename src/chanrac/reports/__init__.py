"""Statistics over stored reports: counts by day, category, operator, province, channel and sender.

One query layer serves the dashboard, the JSON endpoint and future exports, on SQLite and PostgreSQL.
Days are Vietnam's calendar days (``chanrac.config.TIMEZONE``), counted by when the reported message
was received: operators' bulk uploads carry weeks of history, which the upload time would flatten.
"""

from chanrac.reports.stats import (
    MAX_DAYS,
    UNKNOWN,
    Count,
    DayCount,
    RecentReport,
    SenderCount,
    Stats,
    StatsQuery,
    Totals,
    compute_stats,
    stats_to_json,
)

__all__ = [
    "MAX_DAYS",
    "UNKNOWN",
    "Count",
    "DayCount",
    "RecentReport",
    "SenderCount",
    "Stats",
    "StatsQuery",
    "Totals",
    "compute_stats",
    "stats_to_json",
]
