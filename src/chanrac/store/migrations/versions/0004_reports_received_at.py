"""Index reports by received time: statistics count by the day a message was received.

Revision ID: 0004_reports_received_at
Revises: 0003_traffic
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0004_reports_received_at"
down_revision = "0003_traffic"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_reports_received_at", "reports", ["received_at"])


def downgrade() -> None:
    op.drop_index("ix_reports_received_at", table_name="reports")
