"""Tables of campaigns, reputation and sharing: campaigns and their LSH index, indicators seen in
reports, reputation of senders and indicators, the blocklist feed, webhooks and their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chanrac.store.base import Base, JsonType
from chanrac.store.tables import BigId


class CampaignRow(Base):
    """One spam run: near-duplicate reports. Reports point to it by ``reports.campaign_id``."""

    __tablename__ = "campaigns"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(12), default="active")  # active | merged
    merged_into: Mapped[str | None] = mapped_column(String(40))
    representative_text: Mapped[str] = mapped_column(Text)
    # the representative text folded (lower case, no diacritics): what a search compares with
    search_text: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(16), default="ham")
    first_seen: Mapped[datetime] = mapped_column()
    last_seen: Mapped[datetime] = mapped_column()
    message_count: Mapped[int] = mapped_column(Integer, default=0)  # stored reports
    report_count: Mapped[int] = mapped_column(Integer, default=0)  # reports incl. repeated ones
    reporter_count: Mapped[int] = mapped_column(Integer, default=0)
    sender_count: Mapped[int] = mapped_column(Integer, default=0)
    spam_share: Mapped[float] = mapped_column(Float, default=0.0)
    senders: Mapped[list[Any]] = mapped_column(JsonType, default=list)  # [[sender, kind, count], …] top
    indicators: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)  # kind → {value: count}
    daily_counts: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)  # "YYYY-MM-DD" → count
    created_at: Mapped[datetime] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        Index("ix_campaigns_status_last_seen", "status", "last_seen"),
        Index("ix_campaigns_status_report_count", "status", "report_count"),
    )


class CampaignExemplarRow(Base):
    """A message whose MinHash signature stands for part of a campaign in the LSH index."""

    __tablename__ = "campaign_exemplars"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    campaign_id: Mapped[str] = mapped_column(String(40), index=True)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
    report_id: Mapped[int | None] = mapped_column(BigId)


class CampaignKeyRow(Base):
    """LSH band key → the exemplar that first produced it."""

    __tablename__ = "campaign_keys"

    key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    exemplar_id: Mapped[int] = mapped_column(BigId, index=True)


class ReportIndicatorRow(Base):
    """An indicator (phone, URL, domain, bank account, OTT handle) found in a report's text."""

    __tablename__ = "report_indicators"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    report_id: Mapped[int] = mapped_column(BigId, ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(300))

    __table_args__ = (Index("ix_report_indicators_kind_value", "kind", "value"),)


class ReputationRow(Base):
    """How bad a sender or an indicator is, from the evidence, with the signals that explain it."""

    __tablename__ = "reputation"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # sender kind or indicator kind
    value: Mapped[str] = mapped_column(String(300), primary_key=True)
    score: Mapped[float] = mapped_column(Float)  # 0 (no evidence) … 1 (certainly a spam source)
    reports: Mapped[int] = mapped_column(Integer)
    reporters: Mapped[int] = mapped_column(Integer)
    campaigns: Mapped[int] = mapped_column(Integer)
    spam_share: Mapped[float] = mapped_column(Float)
    first_seen: Mapped[datetime] = mapped_column()
    last_seen: Mapped[datetime] = mapped_column()
    signals: Mapped[list[Any]] = mapped_column(JsonType)
    updated_at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("ix_reputation_score", "score"),)


class BlocklistRow(Base):
    """One entry of the operators' blocklist feed; ``seq`` orders every change for ``?since=``."""

    __tablename__ = "blocklist"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))  # number | brandname | short_code | url | domain
    value: Mapped[str] = mapped_column(String(300))
    listed: Mapped[bool] = mapped_column(Boolean)  # false: a removal
    reason: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    reports: Mapped[int] = mapped_column(Integer)
    reporters: Mapped[int] = mapped_column(Integer)
    campaigns: Mapped[int] = mapped_column(Integer)
    first_seen: Mapped[datetime] = mapped_column()
    last_seen: Mapped[datetime] = mapped_column()
    expires_at: Mapped[datetime] = mapped_column()
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    updated_at: Mapped[datetime] = mapped_column()

    __table_args__ = (Index("uq_blocklist_kind_value", "kind", "value", unique=True),)


class FeedCursorRow(Base):
    """The last sequence number a feed handed out; its row lock serialises publishers."""

    __tablename__ = "feed_cursors"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class WebhookRow(Base):
    """An organisation's endpoint for signed campaign events."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    organisation: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(128))
    min_reports: Mapped[int] = mapped_column(Integer)
    min_reporters: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column()


class WebhookDeliveryRow(Base):
    """One event for one webhook and every attempt to deliver it (the delivery log)."""

    __tablename__ = "webhook_deliveries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    webhook_id: Mapped[int] = mapped_column(BigId, ForeignKey("webhooks.id", ondelete="CASCADE"), index=True)
    event: Mapped[str] = mapped_column(String(40))
    event_key: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | delivered | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column()
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column()
    delivered_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        Index("uq_webhook_deliveries_webhook_id_event_key", "webhook_id", "event_key", unique=True),
        Index("ix_webhook_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    )
