"""Suspect files (Parquet or CSV: ``msisdn, kind, group_id, score, signals, first_seen, last_seen``)
and loading suspects into the store, where they feed sender reputation and cases."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
from sqlalchemy import delete
from sqlalchemy.orm import Session

from chanrac.config import TIMEZONE
from chanrac.model import Signal, Suspect, SuspectKind

SUSPECT_COLUMNS = ("msisdn", "kind", "group_id", "score", "signals", "first_seen", "last_seen")
_TIME = pa.timestamp("s", tz=str(TIMEZONE))


class SuspectFileError(ValueError):
    """A suspects file that is not what ``chanrac traffic detect`` writes."""


def signals_json(signals: Iterable[Signal]) -> str:
    return json.dumps([{"name": s.name, "score": s.score, "detail": s.detail} for s in signals], ensure_ascii=False)


def suspects_table(suspects: Sequence[Suspect]) -> pa.Table:
    return pa.table(
        {
            "msisdn": pa.array([s.msisdn for s in suspects], pa.string()),
            "kind": pa.array([s.kind.value for s in suspects], pa.string()),
            "group_id": pa.array([s.group_id for s in suspects], pa.string()),
            "score": pa.array([s.score for s in suspects], pa.float64()),
            "signals": pa.array([signals_json(s.signals) for s in suspects], pa.string()),
            "first_seen": pa.array([s.first_seen for s in suspects], _TIME),
            "last_seen": pa.array([s.last_seen for s in suspects], _TIME),
        }
    )


def write_suspects(suspects: Sequence[Suspect], path: Path) -> None:
    """Parquet unless the name ends in ``.csv``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = suspects_table(suspects)
    if path.name.lower().endswith(".csv"):
        pa_csv.write_csv(table, path)
    else:
        pq.write_table(table, path)


def read_suspects(path: Path) -> list[Suspect]:
    try:
        if path.name.lower().endswith(".csv"):
            table = pa_csv.read_csv(
                path,
                convert_options=pa_csv.ConvertOptions(column_types={"msisdn": pa.string(), "signals": pa.string()}),
            )
        else:
            table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise SuspectFileError(f"{path}: cannot be read ({str(exc).splitlines()[0]})") from None
    missing = [c for c in SUSPECT_COLUMNS if c not in table.column_names]
    if missing:
        raise SuspectFileError(f"{path}: column(s) {', '.join(missing)} missing")
    suspects = []
    for row_no, row in enumerate(table.select(list(SUSPECT_COLUMNS)).to_pylist(), start=1):
        try:
            kind = SuspectKind(row["kind"])
            signals = tuple(
                Signal(s["name"], float(s["score"]), s.get("detail", "")) for s in json.loads(row["signals"])
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise SuspectFileError(f"{path}: row {row_no}: {exc}") from None
        suspects.append(
            Suspect(
                msisdn=str(row["msisdn"]),
                kind=kind,
                group_id=str(row["group_id"]),
                score=float(row["score"]),
                signals=signals,
                first_seen=_aware(row["first_seen"]),
                last_seen=_aware(row["last_seen"]),
            )
        )
    return suspects


def _aware(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value.astimezone(TIMEZONE)


def run_id_of(suspects: Sequence[Suspect]) -> str:
    """A content hash: loading the same detection result twice replaces it rather than doubling it."""
    digest = hashlib.sha256()
    for s in suspects:
        digest.update(f"{s.msisdn}|{s.kind.value}|{s.group_id}|{s.score}\n".encode())
    return digest.hexdigest()


def load_suspects(session: Session, suspects: Sequence[Suspect], run_id: str | None = None) -> int:
    """Insert the suspects of one run into the ``suspects`` table (replacing an earlier load of
    the same run); returns how many rows the run now has. The caller commits."""
    from chanrac.store.tables_traffic import SuspectRow

    run = run_id or run_id_of(suspects)
    session.execute(delete(SuspectRow).where(SuspectRow.run_id == run))
    now = datetime.now(TIMEZONE)
    session.add_all(
        SuspectRow(
            run_id=run,
            msisdn=s.msisdn,
            kind=s.kind.value,
            group_id=s.group_id,
            score=s.score,
            signals=[{"name": x.name, "score": x.score, "detail": x.detail} for x in s.signals],
            first_seen=s.first_seen,
            last_seen=s.last_seen,
            loaded_at=now,
        )
        for s in suspects
    )
    session.flush()
    return len(suspects)
