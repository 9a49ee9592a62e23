"""The SMS gateway's callback for mobile-originated SMS to the report short codes 5656 and 156.

The gateway authenticates with a partner token: the ``from`` number it vouches for becomes the
reporter and the Do-Not-Call subscriber, so nobody else may post here."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from chanrac.api.deps import IntakeDep, PartnerDep
from chanrac.config import MAX_TEXT_CHARS
from chanrac.intake.schemas import local_time, phone_or_none
from chanrac.intake.sms import handle_inbound
from chanrac.law import REPORT_SHORT_CODES

router = APIRouter(prefix="/api/v1/sms", tags=["sms"])


def _report_short_code(value: str) -> str:
    value = value.strip()
    codes: tuple[str, ...] = REPORT_SHORT_CODES.value  # type: ignore[assignment]
    if value not in codes:
        raise ValueError(f"{value!r} is not a report short code ({', '.join(codes)})")
    return value


def _required_phone(value: str) -> str:
    parsed = phone_or_none(value)
    if parsed is None:
        raise ValueError("must not be empty")
    return parsed


class InboundSms(BaseModel):
    """A mobile-originated SMS as the gateway delivers it."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: Annotated[str, AfterValidator(_required_phone)] = Field(
        alias="from", max_length=40, description="the subscriber who sent it", examples=["0912345678"]
    )
    to: Annotated[str, AfterValidator(_report_short_code)] = Field("5656", max_length=8)
    text: str = Field(max_length=MAX_TEXT_CHARS, examples=["S 0987654321 Vay nhanh 50tr LH Zalo"])
    time: datetime | None = Field(None, description="when the gateway received it; without offset: Vietnam time")
    lang: Literal["vi", "en"] = Field("vi", description="language of the reply")


class InboundReply(BaseModel):
    action: str = Field(description="report, dnc_register, dnc_cancel, advertiser_copy, consent_request, help, unknown")
    reply: str = Field(description="the SMS text to send back to the subscriber")
    tracking_code: str | None = None
    duplicate: bool = False
    problem: str | None = None


@router.post("/inbound", response_model=InboundReply)
def inbound(sms: InboundSms, intake: IntakeDep, _gateway: PartnerDep) -> Any:
    """Parse the 5656 syntax, store its effect (report, Do-Not-Call change) and answer with the reply SMS.
    For the SMS gateway (a partner token)."""
    result = handle_inbound(
        intake, sms.from_, sms.to, sms.text, local_time(sms.time) if sms.time else None, lang=sms.lang
    )
    return InboundReply(
        action=result.action,
        reply=result.reply,
        tracking_code=result.tracking_code,
        duplicate=result.duplicate,
        problem=result.problem,
    )
