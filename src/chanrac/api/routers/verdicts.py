"""``POST /api/v1/verdicts``: explained verdicts for one message or up to 10,000.

The verdicts are intake's: the same pipeline with the sender and indicator reputations the store
knows (re-read every few minutes, off the event loop), so a message judged here is judged as it
would be when reported. An application built without classification falls back to the shipped
model with no reputations.

Body: ``{"text": "...", "sender": "..."}`` or ``{"messages": [{"text", "sender"?, "id"?}, ...]}``.
Answer: ``{"model_version": ..., "verdicts": [{id, label, score, category, action, signals,
explanation}]}`` in the order given. A bad item is a 422 naming its index and field
(``messages[3].text``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chanrac.api.deps import SettingsDep
from chanrac.config import MAX_BATCH_REPORTS, MAX_FIELD_CHARS, MAX_TEXT_CHARS, Settings
from chanrac.detect import pipeline_for
from chanrac.detect.pipeline import Pipeline
from chanrac.intake.service import ReputationAwareClassifier
from chanrac.model import Message, Verdict
from chanrac.phone import sender_or_unknown

router = APIRouter(prefix="/api/v1/verdicts", tags=["verdicts"])

MAX_VERDICT_MESSAGES = MAX_BATCH_REPORTS
# Up to this many messages (≈ 0.1 ms each) are classified on the event loop: a hop to the thread
# pool would cost more than the work. Larger batches go to the pool so that they never hold up
# the other requests.
INLINE_MESSAGES = 32


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="the message as received")
    sender: str | None = Field(None, max_length=MAX_FIELD_CHARS, description="number, short code, brandname…")
    id: str | int | None = Field(None, description="echoed back, to match verdicts with messages")


class BatchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    messages: list[MessageIn] = Field(min_length=1, max_length=MAX_VERDICT_MESSAGES)


class SignalOut(BaseModel):
    name: str
    score: float
    detail: str


class VerdictOut(BaseModel):
    id: str | int | None = None
    label: str
    score: float
    category: str
    action: str
    signals: list[SignalOut]
    explanation: str


class VerdictsOut(BaseModel):
    model_version: str
    verdicts: list[VerdictOut]


async def _current_pipeline(request: Request, settings: Settings) -> Pipeline:
    state = request.app.state
    classifier: ReputationAwareClassifier | None = getattr(state, "classifier", None)
    if classifier is None:
        # An application built without classification: the shipped model, built once per app.
        shipped: Pipeline | None = getattr(state, "shipped_pipeline", None)
        if shipped is None:
            shipped = state.shipped_pipeline = pipeline_for(settings)
        return shipped
    if classifier.stale():
        # Re-reading the reputations is a database query: not on the event loop.
        pipeline: Pipeline = await run_in_threadpool(classifier.pipeline)
        return pipeline
    # Not pipeline(): it would ask the clock again and could refresh here, on the event loop.
    current: Pipeline = classifier.loaded()
    return current


def _out(item: MessageIn, verdict: Verdict) -> VerdictOut:
    return VerdictOut(
        id=item.id,
        label=verdict.label,
        score=verdict.score,
        category=verdict.category.value,
        action=verdict.action.value,
        signals=[SignalOut(name=s.name, score=s.score, detail=s.detail) for s in verdict.signals],
        explanation=verdict.explain(),
    )


_EXAMPLES = {
    "one": {"summary": "one message", "value": {"text": "Vay tien nhanh, giai ngan 15 phut", "sender": "0912345678"}},
    "many": {
        "summary": "a batch",
        "value": {"messages": [{"id": 1, "text": "Mã OTP của bạn là 123456"}, {"id": 2, "text": "N.ổ h.ũ nạp đầu x2"}]},
    },
}


@router.post("", response_model=VerdictsOut)
async def verdicts(
    request: Request,
    settings: SettingsDep,
    body: Annotated[dict[str, Any], Body(openapi_examples=_EXAMPLES)],
) -> VerdictsOut:
    """Classify one message (``{"text", "sender"?}``) or a batch (``{"messages": [...]}``, ≤ 10,000)."""
    try:
        items = BatchIn.model_validate(body).messages if "messages" in body else [MessageIn.model_validate(body)]
    except ValidationError as exc:
        prefix: tuple[str, ...] = ("body",)
        raise RequestValidationError([{**e, "loc": (*prefix, *e["loc"])} for e in exc.errors()]) from None
    try:
        pipeline = await _current_pipeline(request, settings)
    except FileNotFoundError as exc:
        raise HTTPException(503, f"the content model is not installed: {exc}") from None
    messages = [Message(text=i.text, sender=sender_or_unknown(i.sender)) for i in items]
    if len(messages) <= INLINE_MESSAGES:
        results = pipeline.verdicts(messages)
    else:
        results = await run_in_threadpool(pipeline.verdicts, messages)
    return VerdictsOut(
        model_version=pipeline.model.version,
        verdicts=[_out(item, verdict) for item, verdict in zip(items, results, strict=True)],
    )
