"""Webhooks: organisations register an endpoint for signed campaign events; the delivery log.

Every call needs a partner token (``Authorization: Bearer …``); an organisation sees and changes
only its own webhooks (another organisation's id answers 404, as if it did not exist)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from chanrac.api.deps import PartnerDep, SessionDep
from chanrac.campaigns.service import local_time
from chanrac.sharing.webhooks import WebhookError, register_webhook
from chanrac.store.tables_campaigns import WebhookDeliveryRow, WebhookRow

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])


class WebhookIn(BaseModel):
    organisation: str | None = Field(
        None, min_length=1, max_length=200, description="the token's organisation; only checked when given"
    )
    url: str = Field(min_length=8, max_length=2000)
    min_reports: int = Field(10, ge=1, description="event when a campaign has this many reports…")
    min_reporters: int = Field(3, ge=1, description="…from at least this many distinct reporters")
    secret: str | None = Field(None, min_length=16, max_length=128, description="generated when omitted")


class WebhookOut(BaseModel):
    id: int
    organisation: str
    url: str
    min_reports: int
    min_reporters: int
    active: bool


class WebhookCreatedOut(WebhookOut):
    secret: str = Field(description="shown once: verify X-Chanrac-Signature with it")


def _out(row: WebhookRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "organisation": row.organisation,
        "url": row.url,
        "min_reports": row.min_reports,
        "min_reporters": row.min_reporters,
        "active": row.active,
    }


def _own(session: SessionDep, organisation: str, webhook_id: int) -> WebhookRow:
    row = session.get(WebhookRow, webhook_id)
    if row is None or row.organisation != organisation:
        raise HTTPException(status_code=404, detail=f"no webhook {webhook_id}")
    return row


@router.post("", status_code=status.HTTP_201_CREATED, response_model=WebhookCreatedOut)
def create_webhook(session: SessionDep, organisation: PartnerDep, body: WebhookIn) -> dict[str, Any]:
    if body.organisation is not None and body.organisation.strip() != organisation:
        raise HTTPException(
            status_code=403, detail=f"this token belongs to {organisation!r}, not {body.organisation.strip()!r}"
        )
    try:
        row = register_webhook(session, organisation, body.url, body.min_reports, body.min_reporters, body.secret)
    except WebhookError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    session.commit()
    return {**_out(row), "secret": row.secret}


@router.get("", response_model=list[WebhookOut])
def list_webhooks(session: SessionDep, organisation: PartnerDep) -> list[dict[str, Any]]:
    """The caller's webhooks."""
    query = select(WebhookRow).where(WebhookRow.organisation == organisation).order_by(WebhookRow.id)
    return [_out(r) for r in session.scalars(query)]


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
def deactivate_webhook(session: SessionDep, organisation: PartnerDep, webhook_id: int) -> None:
    row = _own(session, organisation, webhook_id)
    row.active = False
    session.commit()


@router.get("/{webhook_id}/deliveries")
def deliveries(
    session: SessionDep,
    organisation: PartnerDep,
    webhook_id: int,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> list[dict[str, Any]]:
    """The delivery log: every event, its attempts, last HTTP status and error."""
    _own(session, organisation, webhook_id)
    rows = session.scalars(
        select(WebhookDeliveryRow)
        .where(WebhookDeliveryRow.webhook_id == webhook_id)
        .order_by(WebhookDeliveryRow.id.desc())
        .limit(limit)
    )
    return [
        {
            "id": r.id,
            "event": r.event,
            "event_key": r.event_key,
            "status": r.status,
            "attempts": r.attempts,
            "last_status_code": r.last_status_code,
            "last_error": r.last_error,
            "created_at": local_time(r.created_at).isoformat(),
            "next_attempt_at": local_time(r.next_attempt_at).isoformat(),
            "delivered_at": local_time(r.delivered_at).isoformat() if r.delivered_at else None,
        }
        for r in rows
    ]
