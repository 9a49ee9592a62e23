"""Campaigns: list and search, one campaign with its messages, STIX 2.1 and MISP exports.

Reporters' numbers are personal data: a campaign shows how many people reported it, never who.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Response
from pydantic import BaseModel
from sqlalchemy import func, or_, select

from chanrac.api.deps import SessionDep
from chanrac.campaigns.service import local_time, search_text
from chanrac.model import Category
from chanrac.sharing.export import campaign_indicators, campaign_summary, campaign_to_misp, campaign_to_stix
from chanrac.store.tables import ReportRow
from chanrac.store.tables_campaigns import CampaignRow

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])


class CampaignOut(BaseModel):
    id: str
    status: str
    merged_into: str | None
    category: str
    representative_text: str
    first_seen: str
    last_seen: str
    message_count: int
    report_count: int
    reporter_count: int
    sender_count: int
    spam_share: float


class CampaignListOut(BaseModel):
    total: int
    campaigns: list[CampaignOut]


class CampaignDetailOut(CampaignOut):
    senders: list[dict[str, Any]]
    indicators: list[dict[str, Any]]
    daily_counts: dict[str, int]
    messages: list[dict[str, Any]]


def _out(row: CampaignRow) -> dict[str, Any]:
    return {**campaign_summary(row), "status": row.status, "merged_into": row.merged_into, "spam_share": row.spam_share}


@router.get("", response_model=CampaignListOut)
def list_campaigns(
    session: SessionDep,
    q: Annotated[str | None, Query(max_length=200, description="text, sender or indicator to look for")] = None,
    category: Category | None = None,
    min_reports: Annotated[int, Query(ge=1)] = 2,
    sort: Literal["last_seen", "report_count"] = "last_seen",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    query = select(CampaignRow).where(CampaignRow.status == "active", CampaignRow.report_count >= min_reports)
    if category is not None:
        query = query.where(CampaignRow.category == category.value)
    if q:
        wanted = q.strip()
        # senders are stored canonical (E.164, upper-case brandnames); texts are searched folded
        by_sender = select(ReportRow.campaign_id).where(ReportRow.sender.icontains(wanted, autoescape=True))
        in_text = CampaignRow.search_text.contains(search_text(wanted), autoescape=True)
        query = query.where(or_(in_text, CampaignRow.id.in_(by_sender)))
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    order = CampaignRow.last_seen if sort == "last_seen" else CampaignRow.report_count
    rows = session.scalars(query.order_by(order.desc(), CampaignRow.id).limit(limit).offset(offset)).all()
    return {"total": total, "campaigns": [_out(r) for r in rows]}


def _get(session: SessionDep, campaign_id: str) -> CampaignRow:
    row = session.get(CampaignRow, campaign_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no campaign {campaign_id!r}")
    return row


@router.get("/{campaign_id}", response_model=CampaignDetailOut)
def get_campaign(
    session: SessionDep,
    campaign_id: str,
    messages: Annotated[int, Query(ge=0, le=1000, description="how many recent messages to include")] = 50,
) -> dict[str, Any]:
    row = _get(session, campaign_id)
    recent = session.execute(
        select(
            ReportRow.tracking_code,
            ReportRow.sender,
            ReportRow.sender_kind,
            ReportRow.text,
            ReportRow.received_at,
            ReportRow.verdict_label,
            ReportRow.verdict_category,
        )
        .where(ReportRow.campaign_id == row.id)
        .order_by(ReportRow.received_at.desc(), ReportRow.id.desc())
        .limit(messages)
    ).all()
    return {
        **_out(row),
        "senders": [{"sender": s, "kind": k, "count": c} for s, k, c in row.senders or []],
        "indicators": [{"kind": k, "value": v, "count": c} for k, v, c in campaign_indicators(row)],
        "daily_counts": row.daily_counts or {},
        "messages": [
            {
                "tracking_code": m.tracking_code,
                "sender": m.sender,
                "sender_kind": m.sender_kind,
                "text": m.text,
                "received_at": local_time(m.received_at).isoformat(),
                "verdict": m.verdict_label,
                "category": m.verdict_category,
            }
            for m in recent
        ],
    }


@router.get("/{campaign_id}/stix", response_class=Response)
def export_stix(session: SessionDep, campaign_id: str) -> Response:
    """The campaign and its indicators as a STIX 2.1 bundle."""
    bundle = campaign_to_stix(_get(session, campaign_id))
    return Response(bundle.serialize(pretty=False), media_type="application/stix+json;version=2.1")


@router.get("/{campaign_id}/misp")
def export_misp(session: SessionDep, campaign_id: str) -> dict[str, Any]:
    """The campaign as a MISP event (import with MISP's "Add event from JSON" or ``/events/add``)."""
    return campaign_to_misp(_get(session, campaign_id))
