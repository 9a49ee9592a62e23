"""Bulk import: every row valid or nothing stored; on SQLite and PostgreSQL; through the real CLI."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chanrac.config import Settings
from chanrac.intake.bulk import ImportFileError, import_reports
from chanrac.intake.service import IntakeService
from chanrac.store.db import make_engine, session_factory
from chanrac.store.tables import ReportRow

ROWS = [
    {
        "sender": f"09876543{i:02d}",
        "text": f"Nha cai uy tin tang 150k, dang ky tai abc{i}.top",
        "reporter": f"091200{i:04d}",
    }
    for i in range(30)
]


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["sender", "text", "reporter"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def stored(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ReportRow)) or 0


@pytest.fixture
def intake(settings: Settings) -> IntakeService:
    return IntakeService(session_factory(make_engine(settings.database_url)), settings)


def test_csv_jsonl_parquet_import(intake: IntakeService, session: Session, tmp_path: Path) -> None:
    assert import_reports(intake, write_csv(tmp_path / "a.csv", ROWS[:10])).accepted == 10
    jsonl = tmp_path / "b.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS[10:20]) + "\n", encoding="utf-8")
    assert import_reports(intake, jsonl).accepted == 10
    parquet = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(ROWS[20:]), parquet)
    result = import_reports(intake, parquet)
    assert (result.rows, result.accepted) == (10, 10)
    assert stored(session) == 30
    channels = set(session.scalars(select(ReportRow.channel)))
    assert channels == {"operator_bulk"}


def test_one_bad_row_rolls_back_everything(intake: IntakeService, session: Session, tmp_path: Path) -> None:
    rows = [dict(r) for r in ROWS]
    rows[12]["sender"] = "0912 34"
    rows[25]["reporter"] = "not-a-number"
    result = import_reports(intake, write_csv(tmp_path / "bad.csv", rows))
    assert not result.ok
    assert [(e["row"], e["field"]) for e in result.errors] == [(14, "sender"), (27, "reporter")]
    assert stored(session) == 0


def test_same_file_is_not_imported_twice(intake: IntakeService, session: Session, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "a.csv", ROWS)
    assert import_reports(intake, path).accepted == 30
    assert import_reports(intake, path).already_imported
    again = import_reports(intake, path, force=True)
    assert (again.accepted, again.duplicates) == (0, 30)  # same reporters, senders, texts within 24 h
    assert stored(session) == 30


def test_unreadable_files(intake: IntakeService, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="unknown format"):
        import_reports(intake, write_csv(tmp_path / "a.txt", ROWS))
    latin = tmp_path / "latin.csv"
    latin.write_bytes("sender,text\n0987654321,Vay ti\xe8n\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="UTF-8"):
        import_reports(intake, latin)
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    with pytest.raises(ImportFileError, match="Parquet"):
        import_reports(intake, broken)
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text('{"sender": "0987654321", "text": "ok"}\n{"sender": \n[1, 2]\n', encoding="utf-8")
    result = import_reports(intake, jsonl)
    assert [(e["row"], e["message"][:9]) for e in result.errors] == [(2, "malformed"), (3, "each line")]


def run_cli(*args: str, db_url: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CHANRAC_DATABASE_URL=db_url)
    return subprocess.run(
        [sys.executable, "-c", "from chanrac.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_cli_import_reports_and_error_file(db_url: str, session: Session, tmp_path: Path) -> None:
    rows = [dict(r) for r in ROWS]
    rows[3]["text"] = ""
    bad = write_csv(tmp_path / "bad.csv", rows)
    result = run_cli("import", "reports", str(bad), db_url=db_url)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "row 5" in result.stderr and "nothing imported" in result.stderr
    errors = list(csv.DictReader((tmp_path / "bad.csv.errors.csv").open(encoding="utf-8")))
    assert errors == [{"row": "5", "field": "text", "message": errors[0]["message"]}]
    assert stored(session) == 0
    good = run_cli("import", "reports", str(write_csv(tmp_path / "good.csv", ROWS)), db_url=db_url)
    assert good.returncode == 0, good.stderr
    assert stored(session) == 30
    missing = run_cli("import", "reports", str(tmp_path / "nope.csv"), db_url=db_url)
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
