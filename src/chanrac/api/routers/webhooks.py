"""Webhooks: organisations register an endpoint for signed campaign events; the delivery log."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, status
from pydantic import BaseModel, Field
from sqlalchemy import select

from chanrac.api.deps import SessionDep
from chanrac.campaigns.service import local_time
from chanrac.sharing.webhooks import WebhookError, register_webhook
from chanrac.store.tables_campaigns import WebhookDeliveryRow, WebhookRow

router = APIRouter(prefix="/api/v1/webhooks", tags=["webhooks"])


class WebhookIn(BaseModel):
    organisation: str = Field(min_length=1, max_length=200)
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


@router.post("", status_code=status.HTTP_201_CREATED, response_model=WebhookCreatedOut)
def create_webhook(session: SessionDep, body: WebhookIn) -> dict[str, Any]:
    try:
        row = register_webhook(session, body.organisation, body.url, body.min_reports, body.min_reporters, body.secret)
    except WebhookError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from exc
    session.commit()
    return {**_out(row), "secret": row.secret}


@router.get("", response_model=list[WebhookOut])
def list_webhooks(session: SessionDep) -> list[dict[str, Any]]:
    return [_out(r) for r in session.scalars(select(WebhookRow).order_by(WebhookRow.id))]


@router.delete("/{webhook_id}", status_code=status.HTTP_204_NO_CONTENT)
def deactivate_webhook(session: SessionDep, webhook_id: int) -> None:
    row = session.get(WebhookRow, webhook_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"no webhook {webhook_id}")
    row.active = False
    session.commit()


@router.get("/{webhook_id}/deliveries")
def deliveries(
    session: SessionDep, webhook_id: int, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> list[dict[str, Any]]:
    """The delivery log: every event, its attempts, last HTTP status and error."""
    if session.get(WebhookRow, webhook_id) is None:
        raise HTTPException(status_code=404, detail=f"no webhook {webhook_id}")
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
