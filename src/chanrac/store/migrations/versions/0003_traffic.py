"""Traffic-analytics suspects.

Revision ID: 0003_traffic
Revises: 0002_campaigns
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from chanrac.store.base import JsonType
from chanrac.store.tables import BigId

revision = "0003_traffic"
down_revision = "0002_campaigns"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "suspects",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("run_id", sa.String(64), nullable=False),
        sa.Column("msisdn", sa.String(20), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("group_id", sa.String(80), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("signals", JsonType, nullable=False),
        sa.Column("first_seen", TS),
        sa.Column("last_seen", TS),
        sa.Column("loaded_at", TS, nullable=False),
        sa.UniqueConstraint("run_id", "msisdn", "kind", name="uq_suspects_run_msisdn_kind"),
    )
    op.create_index("ix_suspects_msisdn", "suspects", ["msisdn"])
    op.create_index("ix_suspects_group_id", "suspects", ["group_id"])
    op.create_index("ix_suspects_kind_score", "suspects", ["kind", "score"])


def downgrade() -> None:
    op.drop_index("ix_suspects_kind_score", table_name="suspects")
    op.drop_index("ix_suspects_group_id", table_name="suspects")
    op.drop_index("ix_suspects_msisdn", table_name="suspects")
    op.drop_table("suspects")
