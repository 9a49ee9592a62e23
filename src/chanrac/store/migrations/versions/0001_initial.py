"""Core tables: reports, idempotent batches, inbound short-code SMS, Do-Not-Call list.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from chanrac.store.base import JsonType
from chanrac.store.tables import BigId

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("tracking_code", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("sender", sa.String(200)),
        sa.Column("sender_kind", sa.String(16)),
        sa.Column("sender_raw", sa.String(200)),
        sa.Column("sender_operator", sa.String(16)),
        sa.Column("reporter", sa.String(20)),
        sa.Column("recipient", sa.String(20)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("province", sa.String(16)),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("dedup_key", sa.String(64)),
        sa.Column("duplicate_count", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("batch_key", sa.String(200)),
        sa.Column("verdict_label", sa.String(8)),
        sa.Column("verdict_score", sa.Float),
        sa.Column("verdict_category", sa.String(16)),
        sa.Column("verdict_action", sa.String(8)),
        sa.Column("verdict_signals", JsonType),
        sa.Column("campaign_id", sa.String(40)),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.UniqueConstraint("tracking_code", name="uq_reports_tracking_code"),
    )
    op.create_index("ix_reports_sender", "reports", ["sender"])
    op.create_index("ix_reports_verdict_category", "reports", ["verdict_category"])
    op.create_index("ix_reports_campaign_id", "reports", ["campaign_id"])
    op.create_index("ix_reports_dedup_key_received_at", "reports", ["dedup_key", "received_at"])
    op.create_index("ix_reports_created_at", "reports", ["created_at"])

    op.create_table(
        "idempotent_batches",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("response", JsonType, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_idempotent_batches"),
    )

    op.create_table(
        "inbound_sms",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("msisdn", sa.String(20), nullable=False),
        sa.Column("short_code", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("received_at", TS, nullable=False),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("reply", sa.Text, nullable=False),
        sa.Column("report_id", BigId, sa.ForeignKey("reports.id", name="fk_inbound_sms_report_id_reports")),
        sa.PrimaryKeyConstraint("id", name="pk_inbound_sms"),
    )
    op.create_index("ix_inbound_sms_msisdn", "inbound_sms", ["msisdn"])

    op.create_table(
        "dnc_registrations",
        sa.Column("msisdn", sa.String(20), nullable=False),
        sa.Column("receives_no_sms_ads", sa.Boolean, nullable=False),
        sa.Column("receives_no_call_ads", sa.Boolean, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("registered_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("msisdn", name="pk_dnc_registrations"),
    )


def downgrade() -> None:
    op.drop_table("dnc_registrations")
    op.drop_index("ix_inbound_sms_msisdn", table_name="inbound_sms")
    op.drop_table("inbound_sms")
    op.drop_table("idempotent_batches")
    for name in ("created_at", "dedup_key_received_at", "campaign_id", "verdict_category", "sender"):
        op.drop_index(f"ix_reports_{name}", table_name="reports")
    op.drop_table("reports")
