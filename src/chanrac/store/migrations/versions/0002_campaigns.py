"""Campaigns and their LSH index, report indicators, reputation, blocklist feed, webhooks.

Revision ID: 0002_campaigns
Revises: 0001_initial
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from chanrac.store.base import JsonType
from chanrac.store.tables import BigId

revision = "0002_campaigns"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("merged_into", sa.String(40)),
        sa.Column("representative_text", sa.Text, nullable=False),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("message_count", sa.Integer, nullable=False),
        sa.Column("report_count", sa.Integer, nullable=False),
        sa.Column("reporter_count", sa.Integer, nullable=False),
        sa.Column("sender_count", sa.Integer, nullable=False),
        sa.Column("spam_share", sa.Float, nullable=False),
        sa.Column("senders", JsonType, nullable=False),
        sa.Column("indicators", JsonType, nullable=False),
        sa.Column("daily_counts", JsonType, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_campaigns"),
    )
    op.create_index("ix_campaigns_status_last_seen", "campaigns", ["status", "last_seen"])
    op.create_index("ix_campaigns_status_report_count", "campaigns", ["status", "report_count"])

    op.create_table(
        "campaign_exemplars",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("campaign_id", sa.String(40), nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("report_id", BigId),
        sa.PrimaryKeyConstraint("id", name="pk_campaign_exemplars"),
    )
    op.create_index("ix_campaign_exemplars_campaign_id", "campaign_exemplars", ["campaign_id"])

    op.create_table(
        "campaign_keys",
        sa.Column("key", sa.BigInteger, autoincrement=False, nullable=False),
        sa.Column("exemplar_id", BigId, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_campaign_keys"),
    )
    op.create_index("ix_campaign_keys_exemplar_id", "campaign_keys", ["exemplar_id"])

    op.create_table(
        "report_indicators",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column(
            "report_id",
            BigId,
            sa.ForeignKey("reports.id", name="fk_report_indicators_report_id_reports", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_report_indicators"),
    )
    op.create_index("ix_report_indicators_report_id", "report_indicators", ["report_id"])
    op.create_index("ix_report_indicators_kind_value", "report_indicators", ["kind", "value"])

    op.create_table(
        "reputation",
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("reporters", sa.Integer, nullable=False),
        sa.Column("campaigns", sa.Integer, nullable=False),
        sa.Column("spam_share", sa.Float, nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("signals", JsonType, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("kind", "value", name="pk_reputation"),
    )
    op.create_index("ix_reputation_score", "reputation", ["score"])

    op.create_table(
        "blocklist",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(300), nullable=False),
        sa.Column("listed", sa.Boolean, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reports", sa.Integer, nullable=False),
        sa.Column("reporters", sa.Integer, nullable=False),
        sa.Column("campaigns", sa.Integer, nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_blocklist"),
        sa.UniqueConstraint("seq", name="uq_blocklist_seq"),
    )
    op.create_index("uq_blocklist_kind_value", "blocklist", ["kind", "value"], unique=True)

    op.create_table(
        "feed_cursors",
        sa.Column("name", sa.String(32), nullable=False),
        sa.Column("value", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_feed_cursors"),
    )

    op.create_table(
        "webhooks",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column("organisation", sa.String(200), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("min_reports", sa.Integer, nullable=False),
        sa.Column("min_reporters", sa.Integer, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_webhooks"),
    )

    op.create_table(
        "webhook_deliveries",
        sa.Column("id", BigId, autoincrement=True, nullable=False),
        sa.Column(
            "webhook_id",
            BigId,
            sa.ForeignKey("webhooks.id", name="fk_webhook_deliveries_webhook_id_webhooks", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("event_key", sa.String(200), nullable=False),
        sa.Column("payload", JsonType, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("last_status_code", sa.Integer),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("delivered_at", TS),
        sa.PrimaryKeyConstraint("id", name="pk_webhook_deliveries"),
    )
    op.create_index("ix_webhook_deliveries_webhook_id", "webhook_deliveries", ["webhook_id"])
    op.create_index(
        "uq_webhook_deliveries_webhook_id_event_key", "webhook_deliveries", ["webhook_id", "event_key"], unique=True
    )
    op.create_index("ix_webhook_deliveries_status_next_attempt_at", "webhook_deliveries", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_table("webhook_deliveries")
    op.drop_table("webhooks")
    op.drop_table("feed_cursors")
    op.drop_table("blocklist")
    op.drop_table("reputation")
    op.drop_table("report_indicators")
    op.drop_table("campaign_keys")
    op.drop_table("campaign_exemplars")
    op.drop_table("campaigns")
