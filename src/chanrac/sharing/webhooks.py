"""Webhooks: an organisation registers a URL and receives signed events when a campaign crosses
its threshold (reports and distinct reporters), retried with exponential back-off, every attempt
recorded in the delivery log (``webhook_deliveries``).

Signature: ``X-Chanrac-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the
webhook's secret>`` and ``X-Chanrac-Timestamp: <unix seconds>``, as Stripe and GitHub do, so a
receiver can reject replays older than a few minutes. Events are queued by
:func:`enqueue_threshold_events` (unique per webhook and campaign: crossing twice sends once)
and sent by :func:`deliver_due`, which a worker runs every few seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import httpx
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from chanrac.config import TIMEZONE, Settings
from chanrac.model import Category
from chanrac.sharing.export import campaign_indicators, campaign_summary
from chanrac.store.tables_campaigns import CampaignRow, WebhookDeliveryRow, WebhookRow

__all__ = [
    "DeliveryReport",
    "deliver_due",
    "enqueue_threshold_events",
    "register_webhook",
    "sign",
    "verify",
]

EVENT_THRESHOLD = "campaign.threshold"
SIGNATURE_HEADER = "X-Chanrac-Signature"
TIMESTAMP_HEADER = "X-Chanrac-Timestamp"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(secret: str, timestamp: int, body: bytes, signature: str, tolerance_s: int = 300) -> bool:
    """What a receiver does: constant-time comparison and a bound on the event's age."""
    if abs(time.time() - timestamp) > tolerance_s:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


class WebhookError(ValueError):
    pass


def register_webhook(
    session: Session,
    organisation: str,
    url: str,
    min_reports: int = 10,
    min_reporters: int = 3,
    secret: str | None = None,
) -> WebhookRow:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError(f"url {url!r} is not an http(s) URL")
    if min_reports < 1 or min_reporters < 1:
        raise WebhookError("min_reports and min_reporters must be at least 1")
    if not organisation.strip():
        raise WebhookError("organisation must not be empty")
    row = WebhookRow(
        organisation=organisation.strip(),
        url=url,
        secret=secret or secrets.token_urlsafe(32),
        min_reports=min_reports,
        min_reporters=min_reporters,
        active=True,
        created_at=datetime.now(TIMEZONE),
    )
    session.add(row)
    session.flush()
    return row


def _event_payload(campaign: CampaignRow, webhook: WebhookRow) -> dict[str, Any]:
    return {
        "event": EVENT_THRESHOLD,
        "campaign": {
            **campaign_summary(campaign),
            "indicators": [{"kind": k, "value": v, "count": c} for k, v, c in campaign_indicators(campaign)][:50],
        },
        "threshold": {"min_reports": webhook.min_reports, "min_reporters": webhook.min_reporters},
    }


def enqueue_threshold_events(session: Session, now: datetime | None = None) -> int:
    """Queue one event per (webhook, spam campaign) that crossed the webhook's threshold; flushes only."""
    now = now or datetime.now(TIMEZONE)
    queued = 0
    for webhook in session.scalars(select(WebhookRow).where(WebhookRow.active.is_(True))):
        already = select(WebhookDeliveryRow.id).where(
            and_(
                WebhookDeliveryRow.webhook_id == webhook.id,
                WebhookDeliveryRow.event_key == EVENT_THRESHOLD + ":" + CampaignRow.id,
            )
        )
        campaigns = session.scalars(
            select(CampaignRow).where(
                CampaignRow.status == "active",
                # near-duplicate notices people misreport (OTP, bank balance) make ham campaigns
                CampaignRow.category != Category.HAM.value,
                CampaignRow.report_count >= webhook.min_reports,
                CampaignRow.reporter_count >= webhook.min_reporters,
                ~already.exists(),
            )
        ).all()
        for campaign in campaigns:
            session.add(
                WebhookDeliveryRow(
                    webhook_id=webhook.id,
                    event=EVENT_THRESHOLD,
                    event_key=f"{EVENT_THRESHOLD}:{campaign.id}",
                    payload=_event_payload(campaign, webhook),
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )
            queued += 1
    session.flush()
    return queued


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    delivered: int
    retrying: int
    failed: int


def deliver_due(
    session: Session,
    settings: Settings,
    client: httpx.Client,
    now: datetime | None = None,
    limit: int = 100,
) -> DeliveryReport:
    """Send every pending delivery whose time has come; a 2xx is delivered, anything else retries
    after ``backoff * 2**(attempts-1)`` until ``webhook_max_attempts``. Flushes only."""
    now = now or datetime.now(TIMEZONE)
    due = session.execute(
        select(WebhookDeliveryRow, WebhookRow)
        .join(WebhookRow, WebhookRow.id == WebhookDeliveryRow.webhook_id)
        .where(WebhookDeliveryRow.status == "pending", WebhookDeliveryRow.next_attempt_at <= now)
        .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id)
        .limit(limit)
    ).all()
    delivered = retrying = failed = 0
    for delivery, webhook in due:
        body = json.dumps({"id": delivery.id, **delivery.payload}, ensure_ascii=False, sort_keys=True).encode()
        timestamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "chanrac-webhooks/1",
            SIGNATURE_HEADER: sign(webhook.secret, timestamp, body),
            TIMESTAMP_HEADER: str(timestamp),
            "X-Chanrac-Event": delivery.event,
            "X-Chanrac-Delivery": str(delivery.id),
        }
        delivery.attempts += 1
        try:
            response = client.post(webhook.url, content=body, headers=headers)
            delivery.last_status_code = response.status_code
            ok = 200 <= response.status_code < 300
            delivery.last_error = None if ok else f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            ok = False
            delivery.last_status_code = None
            delivery.last_error = f"{type(exc).__name__}: {exc}"[:500]
        if ok:
            delivery.status = "delivered"
            delivery.delivered_at = now
            delivered += 1
        elif delivery.attempts >= settings.webhook_max_attempts:
            delivery.status = "failed"
            failed += 1
        else:
            delay = settings.webhook_backoff_seconds * 2 ** (delivery.attempts - 1)
            delivery.next_attempt_at = now + timedelta(seconds=delay)
            retrying += 1
    session.flush()
    return DeliveryReport(delivered, retrying, failed)
