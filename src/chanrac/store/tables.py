"""Core tables: reports, inbound short-code SMS, idempotent batches, the Do-Not-Call list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chanrac.store.base import Base, JsonType

# BIGINT on PostgreSQL (billions of reports over the years); INTEGER on SQLite, where only
# "INTEGER PRIMARY KEY" is an auto-incrementing rowid.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    tracking_code: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    sender: Mapped[str | None] = mapped_column(String(200), index=True)
    sender_kind: Mapped[str | None] = mapped_column(String(16))
    sender_raw: Mapped[str | None] = mapped_column(String(200))
    sender_operator: Mapped[str | None] = mapped_column(String(16))
    reporter: Mapped[str | None] = mapped_column(String(20))  # E.164; personal data
    recipient: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    province: Mapped[str | None] = mapped_column(String(16))
    received_at: Mapped[datetime] = mapped_column()
    created_at: Mapped[datetime] = mapped_column()
    # sha256 of (reporter, sender, text): the same person reporting the same message again.
    dedup_key: Mapped[str | None] = mapped_column(String(64))
    duplicate_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="received")
    batch_key: Mapped[str | None] = mapped_column(String(200))
    verdict_label: Mapped[str | None] = mapped_column(String(8))
    verdict_score: Mapped[float | None] = mapped_column(Float)
    verdict_category: Mapped[str | None] = mapped_column(String(16), index=True)
    verdict_action: Mapped[str | None] = mapped_column(String(8))
    verdict_signals: Mapped[list[Any] | None] = mapped_column(JsonType)
    campaign_id: Mapped[str | None] = mapped_column(String(40), index=True)

    __table_args__ = (
        Index("ix_reports_dedup_key_received_at", "dedup_key", "received_at"),
        Index("ix_reports_created_at", "created_at"),
        Index("ix_reports_received_at", "received_at"),
    )


class IdempotentBatchRow(Base):
    """A batch upload's Idempotency-Key: a retried upload returns the first answer, never doubles data."""

    __tablename__ = "idempotent_batches"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    request_sha256: Mapped[str] = mapped_column(String(64))
    report_count: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]] = mapped_column(JsonType)
    created_at: Mapped[datetime] = mapped_column()


class InboundSmsRow(Base):
    """Every mobile-originated SMS to the report short codes, with what we answered."""

    __tablename__ = "inbound_sms"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    msisdn: Mapped[str] = mapped_column(String(20), index=True)  # personal data
    short_code: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column()
    action: Mapped[str] = mapped_column(String(24))
    reply: Mapped[str] = mapped_column(Text)
    report_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("reports.id"))


class DncRow(Base):
    """The Do-Not-Call list: numbers that receive no advertising (Decree 91/2020)."""

    __tablename__ = "dnc_registrations"

    msisdn: Mapped[str] = mapped_column(String(20), primary_key=True)
    receives_no_sms_ads: Mapped[bool] = mapped_column()
    receives_no_call_ads: Mapped[bool] = mapped_column()
    channel: Mapped[str] = mapped_column(String(16))
    registered_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()
