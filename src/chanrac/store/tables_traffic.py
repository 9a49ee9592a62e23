"""Traffic-analytics suspects (mass senders, SIM boxes, pre-activated SIMs) loaded from detection runs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from chanrac.store.base import Base, JsonType
from chanrac.store.tables import BigId


class SuspectRow(Base):
    """One SIM flagged by one run of the traffic detectors; ``run_id`` makes reloading idempotent."""

    __tablename__ = "suspects"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    run_id: Mapped[str] = mapped_column(String(64))
    msisdn: Mapped[str] = mapped_column(String(20), index=True)  # E.164
    kind: Mapped[str] = mapped_column(String(16))
    group_id: Mapped[str] = mapped_column(String(80), index=True)
    score: Mapped[float] = mapped_column(Float)
    signals: Mapped[list[Any]] = mapped_column(JsonType)
    first_seen: Mapped[datetime | None] = mapped_column()
    last_seen: Mapped[datetime | None] = mapped_column()
    loaded_at: Mapped[datetime] = mapped_column()

    __table_args__ = (
        UniqueConstraint("run_id", "msisdn", "kind", name="uq_suspects_run_msisdn_kind"),
        Index("ix_suspects_kind_score", "kind", "score"),
    )
