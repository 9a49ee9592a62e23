"""Storage: migrations build exactly the tables the code declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from chanrac.store.db import current_revision, import_all_tables, make_engine, normalise_url, upgrade


def test_migrations_match_the_declared_tables(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), import_all_tables().metadata)
    engine.dispose()
    assert diff == [], diff


def test_upgrade_is_idempotent(db_url: str) -> None:
    before = current_revision(make_engine(db_url))
    upgrade(db_url)
    assert current_revision(make_engine(db_url)) == before is not None


def test_sqlite_runs_in_wal_mode(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path}/x.db"
    upgrade(url)
    with make_engine(url).connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_database_urls() -> None:
    assert normalise_url("postgresql://u@h/db").startswith("postgresql+psycopg://")
    import pytest

    from chanrac.store.db import DatabaseURLError

    with pytest.raises(DatabaseURLError, match="not a database URL"):
        normalise_url("nonsense")
    with pytest.raises(DatabaseURLError, match="unsupported"):
        normalise_url("mysql://u@h/db")


def test_times_keep_their_instant_on_both_databases(session) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from chanrac.config import TIMEZONE
    from chanrac.store.tables import DncRow

    at = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 06:30 on 2 March in Vietnam
    session.add(
        DncRow(
            msisdn="+84912345678",
            receives_no_sms_ads=True,
            receives_no_call_ads=False,
            channel="web",
            registered_at=at,
            updated_at=at,
        )
    )
    session.commit()
    session.expire_all()
    stored = session.get(DncRow, "+84912345678").registered_at
    assert stored == at
    assert stored.astimezone(TIMEZONE).hour == 6 and stored.tzinfo is not None


def test_campaign_search_text_is_backfilled_by_its_migration(db_url: str) -> None:
    from alembic import command

    from chanrac.store.db import alembic_config

    command.downgrade(alembic_config(db_url), "0004_reports_received_at")
    try:
        engine = make_engine(db_url)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO campaigns (id, status, representative_text, category, first_seen, last_seen, "
                    "message_count, report_count, reporter_count, sender_count, spam_share, senders, indicators, "
                    "daily_counts, created_at, updated_at) VALUES ('CPTEST', 'active', 'Vay TIỀN  nhanh, Đăng ký', "
                    "'loan', '2026-11-25 08:00:00', '2026-11-25 08:00:00', 1, 1, 1, 1, 1.0, '[]', '{}', '{}', "
                    "'2026-11-25 08:00:00', '2026-11-25 08:00:00')"
                )
            )
    finally:
        upgrade(db_url)
    with engine.connect() as conn:
        folded = conn.execute(text("SELECT search_text FROM campaigns WHERE id = 'CPTEST'")).scalar_one()
    engine.dispose()
    assert folded == "vay tien nhanh, dang ky"
