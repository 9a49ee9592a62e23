"""Suspects loaded into the store (SQLite and PostgreSQL): idempotent per run, signals kept, and
through ``chanrac traffic load`` into sender reputation."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chanrac.config import TIMEZONE
from chanrac.model import Signal, Suspect, SuspectKind
from chanrac.store.tables_campaigns import ReputationRow
from chanrac.store.tables_traffic import SuspectRow
from chanrac.traffic.io import load_suspects, run_id_of, write_suspects

SUSPECTS = [
    Suspect(
        "+84381234567",
        SuspectKind.SIM_BOX,
        "box-867720031234560",
        7.5,
        (Signal("IMEI_MANY_IMSIS", 2.0, "its device (IMEI) carried 12 SIMs (IMSIs)"),),
        datetime(2026, 11, 2, 7, 0, tzinfo=TIMEZONE),
        datetime(2026, 11, 3, 22, 0, tzinfo=TIMEZONE),
    ),
    Suspect(
        "+84912345678",
        SuspectKind.PRE_ACTIVATED,
        "batch-D00001-202610230800",
        4.0,
        (Signal("FAR_FIRST_USE", 1.5, "activated in P01, first used in P20"),),
        datetime(2026, 10, 23, 8, 0, tzinfo=TIMEZONE),
        None,
    ),
]


def test_load_is_idempotent_per_run(session: Session) -> None:
    assert load_suspects(session, SUSPECTS) == 2
    session.commit()
    load_suspects(session, SUSPECTS)  # the same run again: replaced, not doubled
    session.commit()
    assert session.scalar(select(func.count()).select_from(SuspectRow)) == 2
    load_suspects(session, SUSPECTS[:1], run_id="second-run")
    session.commit()
    assert session.scalar(select(func.count()).select_from(SuspectRow)) == 3
    row = session.scalars(
        select(SuspectRow).where(SuspectRow.kind == "sim_box", SuspectRow.run_id != "second-run")
    ).one()
    assert row.run_id == run_id_of(SUSPECTS)
    assert row.signals == [
        {"name": "IMEI_MANY_IMSIS", "score": 2.0, "detail": "its device (IMEI) carried 12 SIMs (IMSIs)"}
    ]
    assert row.first_seen is not None
    assert row.first_seen.replace(tzinfo=row.first_seen.tzinfo or TIMEZONE) == SUSPECTS[0].first_seen


def test_cli_load_feeds_reputation(db_url: str, session: Session, tmp_path: Path) -> None:
    path = tmp_path / "suspects.parquet"
    write_suspects(SUSPECTS, path)
    env = dict(os.environ, CHANRAC_DATABASE_URL=db_url)
    command = [sys.executable, "-c", "from chanrac.cli import main; main()", "traffic", "load", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())  # rich wraps lines at the terminal width
    assert "2 suspects loaded" in said and "2 sources scored" in said
    scores = dict(session.execute(select(ReputationRow.value, ReputationRow.score)).all())
    assert set(scores) == {"+84381234567", "+84912345678"}
    # weeks-old suspicion has decayed; the SIM box (score 7.5) weighs more than the batch SIM (4.0)
    assert scores["+84381234567"] > scores["+84912345678"] > 0.1
    broken = tmp_path / "broken.csv"
    broken.write_text("msisdn,kind\n+84381234567,sim_box\n", encoding="utf-8")
    bad = subprocess.run([*command[:-1], str(broken)], capture_output=True, text=True, env=env, timeout=120)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and "broken.csv" in bad.stderr.replace("\n", "")
