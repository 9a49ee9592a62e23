"""The intake contract: what one report looks like, validated the same way on every channel."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from chanrac.config import MAX_FIELD_CHARS, MAX_FUTURE_SKEW_MINUTES, MAX_TEXT_CHARS, TIMEZONE
from chanrac.model import Channel, ReportKind, Sender, SenderKind
from chanrac.phone import InvalidNumber, InvalidSender, parse_number, parse_sender

# C0 controls other than tab and newline: PostgreSQL refuses NUL in text and none of them is content.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_text(value: str) -> str:
    value = _CONTROL_CHARS.sub("", value).strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def phone_or_none(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return parse_number(value)
    except InvalidNumber as exc:
        raise ValueError(str(exc)) from None


UNKNOWN_SENDER = Sender(value="", kind=SenderKind.UNKNOWN)

# Operators' bulk files repeat the same few thousand senders: parse each once.
cached_sender = lru_cache(maxsize=65536)(parse_sender)


def local_time(value: datetime) -> datetime:
    """Times without an offset are Vietnam's local time."""
    return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value


PhoneField = Annotated[str | None, Field(max_length=MAX_FIELD_CHARS), AfterValidator(phone_or_none)]


class ReportIn(BaseModel):
    """One report of a spam message, spam call or scam."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: ReportKind = Field(ReportKind.SPAM_SMS, description="spam_sms, spam_call or scam")
    sender: str | None = Field(
        None,
        max_length=MAX_FIELD_CHARS,
        description="the source when known: a phone number in any written form, a short code or a brandname",
        examples=["0912 345 678"],
    )
    text: Annotated[str, AfterValidator(_clean_text)] = Field(
        min_length=1,
        max_length=MAX_TEXT_CHARS,
        description="the message text, or for a call what was said",
        examples=["Vay nhanh 50tr giai ngan trong ngay, LH 0912345678"],
    )
    reporter: PhoneField = Field(None, description="the reporter's number (optional on the web form)")
    recipient: PhoneField = Field(None, description="the number that received the message")
    received_at: datetime | None = Field(None, description="ISO 8601; without an offset: Vietnam time")
    channel: Channel = Channel.API
    province: str | None = Field(None, max_length=MAX_FIELD_CHARS, description="province code, see /api/v1/meta")

    @field_validator("received_at")
    @classmethod
    def _not_in_future(cls, value: datetime | None) -> datetime | None:
        if value is None:
            return None
        value = local_time(value)
        if value > datetime.now(TIMEZONE) + timedelta(minutes=MAX_FUTURE_SKEW_MINUTES):
            raise ValueError(f"{value.isoformat()} is in the future")
        return value

    @field_validator("province")
    @classmethod
    def _known_province(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from chanrac.geo import province_code

        try:
            return province_code(value)
        except KeyError:
            raise ValueError(f"unknown province {value!r}") from None

    @field_validator("sender")
    @classmethod
    def _valid_sender(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        try:
            cached_sender(value)
        except (InvalidSender, InvalidNumber) as exc:
            raise ValueError(str(exc)) from None
        return value

    @property
    def parsed_sender(self) -> Sender:
        if self.sender is None:
            return UNKNOWN_SENDER
        return cached_sender(self.sender)


def field_errors(errors: list[Any]) -> list[dict[str, Any]]:
    """pydantic's errors as ``{"field": "reports[3].sender", "message": ...}`` for people."""
    out = []
    for err in errors:
        field = ""
        for item in err.get("loc", ()):
            if item == "body":
                continue
            field += f"[{item}]" if isinstance(item, int) else (f".{item}" if field else str(item))
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        out.append({"field": field or "(body)", "message": message})
    return out
