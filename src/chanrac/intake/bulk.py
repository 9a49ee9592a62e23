"""Operators' bulk files (CSV, JSON Lines, Parquet): validated row by row, stored all or nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from pydantic import ValidationError

from chanrac.config import TIMEZONE
from chanrac.intake.schemas import ReportIn, field_errors
from chanrac.intake.service import IntakeService
from chanrac.model import Channel
from chanrac.store.tables import IdempotentBatchRow

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
CHUNK_ROWS = 5000


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, encoding, header)."""


@dataclass
class ImportResult:
    path: Path
    rows: int = 0
    accepted: int = 0
    duplicates: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    already_imported: bool = False
    new_codes: list[str] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.already_imported


def file_format(path: Path, declared: str | None = None) -> str:
    fmt = declared or FORMATS.get(path.suffix.lower())
    if fmt not in ("csv", "jsonl", "parquet"):
        raise ImportFileError(f"{path}: unknown format {path.suffix!r}; use .csv, .jsonl or .parquet (or --format)")
    return fmt


def _rows_csv(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames:
                raise ImportFileError(f"{path}: empty file, expected a header row with at least 'text'")
            for line, row in enumerate(reader, start=2):
                if None in row:
                    yield (
                        line,
                        {
                            "__error__": f"{len(row[None]) + len(reader.fieldnames)} fields, header has "
                            f"{len(reader.fieldnames)}"
                        },
                    )
                    continue
                yield line, {k: (v if v != "" else None) for k, v in row.items() if k is not None}
    except UnicodeDecodeError as exc:
        raise ImportFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _rows_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open("rb") as fh:
        for line, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                value = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                yield line, {"__error__": f"not UTF-8 (byte {exc.start})"}
                continue
            except json.JSONDecodeError as exc:
                yield line, {"__error__": f"malformed JSON at column {exc.colno}: {exc.msg}"}
                continue
            if not isinstance(value, dict):
                yield line, {"__error__": "each line must be a JSON object"}
                continue
            yield line, value


def _rows_parquet(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a damaged file
        raise ImportFileError(f"{path}: not a readable Parquet file ({exc})") from None
    row = 0
    for batch in parquet.iter_batches(batch_size=CHUNK_ROWS):
        for record in batch.to_pylist():
            row += 1
            yield row, record


READERS: dict[str, Callable[[Path], Iterator[tuple[int, dict[str, Any]]]]] = {
    "csv": _rows_csv,
    "jsonl": _rows_jsonl,
    "parquet": _rows_parquet,
}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_reports(
    intake: IntakeService,
    path: Path,
    *,
    fmt: str | None = None,
    channel: Channel = Channel.OPERATOR_BULK,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    max_errors: int = 1000,
) -> ImportResult:
    """Validate every row; store them in one transaction only if none failed.

    A file already imported (same bytes) is refused unless ``force``: re-running an import after a
    network error never doubles the data.
    """
    reader = READERS[file_format(path, fmt)]
    result = ImportResult(path=path)
    file_key = f"file:{sha256_file(path)}"
    with intake.sessions() as session:
        if not force and session.get(IdempotentBatchRow, file_key) is not None:
            result.already_imported = True
            return result
        chunk: list[ReportIn] = []

        def flush() -> None:
            if chunk and not result.errors:
                for receipt in intake.store(session, chunk, batch_key=file_key):
                    result.duplicates += receipt.duplicate
                    result.accepted += not receipt.duplicate
                    if not receipt.duplicate:
                        result.new_codes.append(receipt.tracking_code)
            chunk.clear()

        for row_number, record in reader(path):
            result.rows += 1
            if progress:
                progress(1)
            if "__error__" in record:
                result.errors.append({"row": row_number, "field": "(row)", "message": record["__error__"]})
            else:
                record.setdefault("channel", channel.value)
                try:
                    chunk.append(ReportIn.model_validate(record))
                except ValidationError as exc:
                    for err in field_errors(list(exc.errors())):
                        result.errors.append({"row": row_number, **err})
            if len(result.errors) >= max_errors:
                break
            if len(chunk) >= CHUNK_ROWS:
                flush()
        flush()
        if result.errors or result.rows == 0:
            session.rollback()
            result.accepted = result.duplicates = 0
            if result.rows == 0:
                raise ImportFileError(f"{path}: no rows")
            return result
        if not force:
            session.add(
                IdempotentBatchRow(
                    key=file_key,
                    request_sha256=file_key[5:],
                    report_count=result.rows,
                    response={"file": path.name, "rows": result.rows, "accepted": result.accepted},
                    created_at=datetime.now(TIMEZONE),
                )
            )
        session.commit()
    intake.run_hooks(result.new_codes)
    return result


def write_errors(errors: list[dict[str, Any]], destination: Path) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["row", "field", "message"])
    writer.writeheader()
    writer.writerows(errors)
    destination.write_text(buffer.getvalue(), encoding="utf-8")
