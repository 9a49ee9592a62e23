"""Campaigns get a folded search text: a search without diacritics finds text written with them.

Revision ID: 0005_campaign_search_text
Revises: 0004_reports_received_at
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from chanrac.text.fold import fold

revision = "0005_campaign_search_text"
down_revision = "0004_reports_received_at"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("campaigns", sa.Column("search_text", sa.Text(), nullable=True))
    campaigns = sa.table("campaigns", sa.column("id", sa.String), sa.column("representative_text", sa.Text),
                         sa.column("search_text", sa.Text))  # fmt: skip
    connection = op.get_bind()
    rows = connection.execute(sa.select(campaigns.c.id, campaigns.c.representative_text)).all()
    update = campaigns.update().where(campaigns.c.id == sa.bindparam("cid")).values(search_text=sa.bindparam("folded"))
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        connection.execute(update, [{"cid": cid, "folded": " ".join(fold(text).split())} for cid, text in chunk])


def downgrade() -> None:
    with op.batch_alter_table("campaigns") as batch:
        batch.drop_column("search_text")
