"""The operators' blocklist feed: JSON or CSV, incremental with ``?since=<cursor>``; for partners
(a bearer token of the ``partner_tokens`` setting): the numbers in it are subscribers' numbers."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from pydantic import BaseModel

from chanrac.api.deps import PartnerDep, SessionDep
from chanrac.sharing.blocklist import entry_json, read_blocklist, to_csv

router = APIRouter(prefix="/api/v1/feeds", tags=["feeds"])


class BlocklistOut(BaseModel):
    cursor: int
    more: bool
    count: int
    entries: list[dict[str, Any]]


@router.get("/blocklist", response_model=None)
def blocklist(
    session: SessionDep,
    _partner: PartnerDep,
    since: Annotated[int, Query(ge=0, description="cursor of the last call; 0 for a snapshot")] = 0,
    limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000,
    format: Annotated[Literal["json", "csv"], Query(description="json or csv")] = "json",
) -> BlocklistOut | Response:
    """Numbers, brandnames, short codes, URLs and domains to block (``action=add``) or to stop
    blocking (``action=remove``), each with its reason, evidence counts, times and expiry.
    Poll with ``since`` = the ``cursor`` of the previous answer (also in ``X-Chanrac-Cursor``)."""
    try:
        page = read_blocklist(session, since=since, limit=limit)
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc
    headers = {"X-Chanrac-Cursor": str(page.cursor), "X-Chanrac-More": "true" if page.more else "false"}
    if format == "csv":
        return Response(to_csv(page.entries), media_type="text/csv; charset=utf-8", headers=headers)
    body = BlocklistOut(
        cursor=page.cursor, more=page.more, count=len(page.entries), entries=[entry_json(r) for r in page.entries]
    )
    return Response(body.model_dump_json(), media_type="application/json", headers=headers)
