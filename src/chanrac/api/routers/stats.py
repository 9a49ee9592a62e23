"""Report statistics as JSON: the numbers behind the dashboard, for operators' and CERT's own tools."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from chanrac.api.deps import SessionDep
from chanrac.reports import MAX_DAYS, StatsQuery, compute_stats, stats_to_json
from chanrac.reports.stats import MAX_RECENT, MAX_TOP

router = APIRouter(prefix="/api/v1/stats", tags=["stats"])


@router.get("")
def stats(
    session: SessionDep,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS, description="the last N Vietnam calendar days, today included")] = 30,
    province: Annotated[str | None, Query(max_length=100, description="province code or name")] = None,
    operator: Annotated[str | None, Query(max_length=32, description="operator of the sender's prefix")] = None,
    top: Annotated[int, Query(ge=1, le=MAX_TOP, description="rows in the top lists")] = 10,
    recent: Annotated[int, Query(ge=0, le=MAX_RECENT, description="latest reports to list")] = 20,
) -> dict[str, Any]:
    """Counts of reports by day (Asia/Ho_Chi_Minh), category, action, operator, province, channel and
    kind, the most reported senders and the latest reports. Never a reporter's number."""
    try:
        query = StatsQuery(days=days, province=province, operator=operator, top=top, recent=recent)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None
    return stats_to_json(compute_stats(session, query))
