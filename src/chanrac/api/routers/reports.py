"""Reports: one from the public or a partner, batches from operators, status by tracking code."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, BackgroundTasks, Header, HTTPException, Request, status
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from chanrac.api.deps import IntakeDep, OptionalPartnerDep, PartnerDep, public_rate_limit
from chanrac.api.errors import problem
from chanrac.config import MAX_BATCH_REPORTS
from chanrac.intake.schemas import ReportIn, field_errors
from chanrac.intake.service import IdempotencyConflict, verdict_to_json
from chanrac.model import VERIFIED_CHANNELS, normalise_tracking_code

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])


class VerdictOut(BaseModel):
    label: str
    score: float
    category: str
    action: str
    signals: list[dict[str, Any]]
    explanation: str | None = None


class ReceiptOut(BaseModel):
    tracking_code: str
    duplicate: bool = Field(description="true when the same reporter already reported this within 24 h")
    status: str
    status_url: str
    verdict: VerdictOut | None = None


class BatchIn(BaseModel):
    reports: list[ReportIn] = Field(min_length=1, max_length=MAX_BATCH_REPORTS)


class BatchItemOut(BaseModel):
    index: int
    tracking_code: str
    duplicate: bool


class BatchOut(BaseModel):
    count: int
    accepted: int
    duplicates: int
    idempotency_key: str | None
    replayed: bool = Field(description="true when this answers a retry of an upload already stored")
    reports: list[BatchItemOut]


class ReportStatusOut(BaseModel):
    tracking_code: str
    kind: str
    status: str
    channel: str
    sender: str | None
    received_at: datetime
    created_at: datetime
    duplicate_count: int
    campaign_id: str | None
    verdict: VerdictOut | None


_batch_adapter = TypeAdapter(BatchIn)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ReceiptOut)
def submit_report(
    request: Request, report: ReportIn, intake: IntakeDep, partner: OptionalPartnerDep, background: BackgroundTasks
) -> Any:
    """File one report. Answered only once it is committed; a repeat within 24 h is counted, not stored.
    Anyone may report on the ``web`` and ``api`` channels; the channels that vouch for the reporter's
    number (``sms_5656``, ``operator_bulk``, ``smpp``) need a partner token. Without a token an
    address may file ``public_reports_per_minute`` reports a minute (429 with Retry-After beyond)."""
    if report.channel in VERIFIED_CHANNELS and partner is None:
        raise HTTPException(
            status_code=403,
            detail=f"channel {report.channel.value!r} vouches for the reporter's number: it needs a partner token",
        )
    if partner is None and (limited := public_rate_limit(request)) is not None:
        raise HTTPException(
            status_code=429,
            detail=f"too many reports from this address: at most {limited.per_minute} a minute; "
            f"try again in {limited.retry_after} s",
            headers={"Retry-After": str(limited.retry_after)},
        )
    receipt = intake.submit(report)
    if not receipt.duplicate:
        background.add_task(intake.run_hooks, [receipt.tracking_code])
    body = ReceiptOut(
        tracking_code=receipt.tracking_code,
        duplicate=receipt.duplicate,
        status=receipt.status,
        status_url=f"/api/v1/reports/{receipt.tracking_code}",
        verdict=VerdictOut(**verdict_to_json(receipt.verdict)) if receipt.verdict else None,
    )
    return JSONResponse(body.model_dump(mode="json"), status_code=200 if receipt.duplicate else 201)


@router.post(
    "/batch",
    status_code=status.HTTP_201_CREATED,
    response_model=BatchOut,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchIn"}}},
        }
    },
)
async def submit_batch(
    request: Request,
    intake: IntakeDep,
    _operator: PartnerDep,
    background: BackgroundTasks,
    idempotency_key: Annotated[
        str | None, Header(max_length=200, description="a retried upload with the same key is stored once")
    ] = None,
) -> Any:
    """Up to 10,000 reports, all or nothing. Row errors name their index and field. For operators
    and partners (a partner token): bulk reports carry reporters' numbers the API cannot verify."""
    raw = await request.body()
    try:
        batch = _batch_adapter.validate_json(raw)
    except ValidationError as exc:
        json_error = next((e for e in exc.errors() if e["type"] == "json_invalid"), None)
        if json_error is not None:
            detail = (json_error.get("ctx") or {}).get("error", "invalid JSON")
            return problem(400, f"malformed JSON: {detail}")
        return problem(422, "invalid batch: nothing was stored", field_errors(list(exc.errors())))
    digest = hashlib.sha256(raw).hexdigest()
    try:
        receipt = intake.submit_batch(batch.reports, idempotency_key, digest)
    except IdempotencyConflict as exc:
        raise HTTPException(409, str(exc)) from None
    if not receipt.replayed:
        new_codes = [r["tracking_code"] for r in receipt.body["reports"] if not r["duplicate"]]
        background.add_task(intake.run_hooks, new_codes)
    body = dict(receipt.body, replayed=receipt.replayed)
    # Up to 10,000 items: serialise with orjson directly rather than through a response model.
    return Response(orjson.dumps(body), status_code=200 if receipt.replayed else 201, media_type="application/json")


@router.get("/{tracking_code}", response_model=ReportStatusOut)
def report_status(tracking_code: str, intake: IntakeDep) -> Any:
    """Where a report stands, by the tracking code its reporter received. No personal data."""
    code = normalise_tracking_code(tracking_code)
    if code is None:
        raise HTTPException(400, f"{tracking_code!r} is not a tracking code (e.g. CR7K4M9Q2XZH3)")
    row = intake.status(code)
    if row is None:
        raise HTTPException(404, f"no report with tracking code {code}")
    verdict = None
    if row.verdict_label is not None:
        verdict = VerdictOut(
            label=row.verdict_label,
            score=row.verdict_score or 0.0,
            category=row.verdict_category or "ham",
            action=row.verdict_action or "allow",
            signals=row.verdict_signals or [],
        )
    return ReportStatusOut(
        tracking_code=row.tracking_code,
        kind=row.kind,
        status=row.status,
        channel=row.channel,
        sender=row.sender,
        received_at=row.received_at,
        created_at=row.created_at,
        duplicate_count=row.duplicate_count,
        campaign_id=row.campaign_id,
        verdict=verdict,
    )
