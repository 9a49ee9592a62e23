"""``chanrac classify | eval | train``: detection from the command line.

``classify`` streams CSV, JSON Lines or Parquet in batches (constant memory) and writes the same
format with ``label, score, category, action, signals`` added; ``eval`` measures the shipped
model on a labelled CSV; ``train`` rebuilds the model artefact from ../shared/data and
data/labelled.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from chanrac.config import MAX_TEXT_CHARS, get_settings
from chanrac.detect import ARTEFACT_PATH, pipeline_for
from chanrac.detect.pipeline import Pipeline
from chanrac.model import Message, Sender, Verdict

app = typer.Typer(help="Detection: classify messages, evaluate, train the content model.", no_args_is_help=True)
err = Console(stderr=True)

OUTPUT_COLUMNS = ("label", "score", "category", "action", "signals")
FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def _format_of(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        _fail(f"{path}: unknown format {path.suffix!r}; use .csv, .jsonl or .parquet")
    return fmt


def _pipeline() -> Pipeline:
    settings = get_settings()
    try:
        return pipeline_for(settings)
    except (FileNotFoundError, ValueError) as exc:
        _fail(str(exc))


def _sender(raw: Any) -> Sender | None:
    from chanrac.phone import sender_or_unknown

    return None if raw is None else sender_or_unknown(str(raw))


def _verdict_columns(verdict: Verdict) -> dict[str, Any]:
    return {
        "label": verdict.label,
        "score": verdict.score,
        "category": verdict.category.value,
        "action": verdict.action.value,
        "signals": json.dumps(
            [{"name": s.name, "score": s.score, "detail": s.detail} for s in verdict.signals], ensure_ascii=False
        ),
    }


# --- readers: batches of row dicts -------------------------------------------------------------


def _read_csv(
    path: Path, batch_size: int, progress: Progress, task: Any
) -> Iterator[tuple[list[str], list[dict[str, Any]]]]:
    with path.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = list(reader.fieldnames or [])
        batch: list[dict[str, Any]] = []
        for row in reader:
            batch.append(row)
            if len(batch) >= batch_size:
                progress.update(task, completed=raw.tell())
                yield columns, batch
                batch = []
        if batch or not columns:
            yield columns, batch


def _read_jsonl(
    path: Path, batch_size: int, progress: Progress, task: Any
) -> Iterator[tuple[list[str], list[dict[str, Any]]]]:
    columns: list[str] = []
    batch: list[dict[str, Any]] = []
    done = 0
    with path.open("rb") as fh:
        for line_no, line in enumerate(fh, start=1):
            done += len(line)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                _fail(f"{path}:{line_no}: not valid JSON ({exc.msg})")
            if not isinstance(row, dict):
                _fail(f"{path}:{line_no}: each line must be a JSON object")
            for key in row:
                if key not in columns:
                    columns.append(key)
            batch.append(row)
            if len(batch) >= batch_size:
                progress.update(task, completed=done)
                yield columns, batch
                batch = []
    progress.update(task, completed=done)
    if batch:
        yield columns, batch


def _read_parquet(
    path: Path, batch_size: int, progress: Progress, task: Any
) -> Iterator[tuple[list[str], list[dict[str, Any]]]]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:
        _fail(f"{path}: not a Parquet file ({exc})")
    columns = list(parquet.schema_arrow.names)
    progress.update(task, total=parquet.metadata.num_rows)
    done = 0
    for record_batch in parquet.iter_batches(batch_size=batch_size):
        rows = record_batch.to_pylist()
        done += len(rows)
        progress.update(task, completed=done)
        yield columns, rows


# --- writers -----------------------------------------------------------------------------------


class _Writer:
    def __init__(self, path: Path, fmt: str) -> None:
        self.path, self.fmt = path, fmt
        self._fh: Any = None
        self._csv: Any = None
        self._parquet: Any = None

    def write(self, columns: list[str], rows: list[dict[str, Any]]) -> None:
        names = [*columns, *(c for c in OUTPUT_COLUMNS if c not in columns)]
        if self.fmt == "csv":
            if self._csv is None:
                self._fh = self.path.open("w", encoding="utf-8", newline="")
                self._csv = csv.DictWriter(self._fh, fieldnames=names, extrasaction="ignore")
                self._csv.writeheader()
            self._csv.writerows(rows)
        elif self.fmt == "jsonl":
            if self._fh is None:
                self._fh = self.path.open("w", encoding="utf-8")
            for row in rows:
                self._fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pylist([{n: row.get(n) for n in names} for row in rows])
            if self._parquet is None:
                self._parquet = pq.ParquetWriter(self.path, table.schema)
            self._parquet.write_table(table.cast(self._parquet.schema))

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
        if self._parquet is not None:
            self._parquet.close()


@app.command()
def classify(
    input: Annotated[Path, typer.Argument(help="CSV, JSONL or Parquet with a `text` column; optional `id`, `sender`")],
    output: Annotated[Path, typer.Option("-o", "--output", help="where to write (.csv, .jsonl or .parquet)")],
    batch_size: Annotated[int, typer.Option(help="messages per batch", min=1, max=100_000)] = 10_000,
) -> None:
    """Classify every message of INPUT; OUTPUT keeps the input columns and adds the verdict."""
    if not input.is_file():
        _fail(f"{input}: no such file")
    in_fmt, out_fmt = _format_of(input), _format_of(output)
    if output.resolve() == input.resolve():
        _fail(f"{output}: the output would overwrite the input")
    pipeline = _pipeline()
    readers = {"csv": _read_csv, "jsonl": _read_jsonl, "parquet": _read_parquet}
    writer = _Writer(output, out_fmt)
    counts: dict[str, int] = {}
    row_offset = 0
    progress = Progress(
        TextColumn("classifying"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(), console=err, transient=True
    )
    try:
        with progress:
            task = progress.add_task("classify", total=input.stat().st_size)
            for columns, rows in readers[in_fmt](input, batch_size, progress, task):
                if "text" not in columns:
                    _fail(f"{input}: no `text` column (columns: {', '.join(columns) or 'none'})")
                messages = []
                for k, row in enumerate(rows):
                    text = row.get("text")
                    if not isinstance(text, str):
                        text = "" if text is None else str(text)
                    if len(text) > MAX_TEXT_CHARS:
                        text = text[:MAX_TEXT_CHARS]  # classify the first segment; the row is kept whole
                    messages.append(Message(text=text, sender=_sender(row.get("sender"))))
                    del k
                for row, verdict in zip(rows, pipeline.verdicts(messages), strict=True):
                    row.update(_verdict_columns(verdict))
                    counts[verdict.action.value] = counts.get(verdict.action.value, 0) + 1
                writer.write(columns, rows)
                row_offset += len(rows)
    finally:
        writer.close()
    summary = ", ".join(f"{n} {a}" for a, n in sorted(counts.items())) or "no messages"
    err.print(f"{row_offset} messages → {output} ({summary})", highlight=False)


@app.command("eval")
def eval_(
    labelled: Annotated[Path, typer.Argument(help="CSV with columns text,label[,category][,sender]")],
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON object instead of tables")] = False,
) -> None:
    """Precision, recall, F1 of spam, false-positive rate on ham, per-category F1, confusion matrix."""
    from chanrac.detect.data import load_labelled_csv
    from chanrac.detect.training import evaluate

    if not labelled.is_file():
        _fail(f"{labelled}: no such file")
    try:
        examples = load_labelled_csv(labelled)
    except (ValueError, UnicodeDecodeError) as exc:
        _fail(str(exc))
    if not examples:
        _fail(f"{labelled}: no rows")
    result = evaluate(_pipeline(), examples).as_dict()
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    out = Console()
    table = Table(title=f"spam vs ham — {labelled.name}")
    for column in ("messages", "spam", "ham", "precision", "recall", "f1", "false_positive_rate"):
        table.add_column(column, justify="right")
    table.add_row(
        *(str(result[c]) for c in ("messages", "spam", "ham", "precision", "recall", "f1", "false_positive_rate"))
    )
    out.print(table)
    per_category = Table(title=f"categories (macro-F1 of spam categories {result['category_macro_f1']})")
    per_category.add_column("category")
    per_category.add_column("F1", justify="right")
    for name, value in result["category_f1"].items():
        per_category.add_row(name, f"{value:.4f}")
    out.print(per_category)
    names = list(result["confusion"])
    predicted = sorted({p for row in result["confusion"].values() for p in row})
    confusion = Table(title="confusion (rows: truth, columns: verdict)")
    confusion.add_column("")
    for name in predicted:
        confusion.add_column(name, justify="right")
    for name in names:
        confusion.add_row(name, *(str(result["confusion"][name].get(p, 0)) for p in predicted))
    out.print(confusion)


@app.command()
def train(
    shared_dir: Annotated[
        Path | None, typer.Option(help="the shared SMS data sets (default: ../shared/data next to the repo)")
    ] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="where to write the artefact")] = ARTEFACT_PATH,
    own_only: Annotated[bool, typer.Option(help="train on data/labelled only (no shared data)")] = False,
) -> None:
    """Train the content model from ../shared/data and data/labelled; write the artefact."""
    from chanrac.detect.data import DEFAULT_SHARED_DIR, load_training_corpus
    from chanrac.detect.training import train_model

    directory = None if own_only else (shared_dir or DEFAULT_SHARED_DIR)
    if directory is not None and not directory.is_dir():
        _fail(f"{directory}: shared data not found (use --shared-dir, or --own-only)")
    with err.status("loading data"):
        try:
            examples = load_training_corpus(directory)
        except (FileNotFoundError, ValueError) as exc:
            _fail(str(exc))
    spam = sum(e.is_spam for e in examples)
    with err.status(f"training on {len(examples)} messages ({spam} spam)"):
        model = train_model(examples)
    model.version = f"{model.trained_at[:10]}+{model.fingerprint()}"  # the day, and which model of the day
    model.metadata = {
        "training_messages": len(examples),
        "training_spam": spam,
        "sources": sorted({e.source for e in examples}),
    }
    model.save(output)
    err.print(f"wrote {output} ({output.stat().st_size / 1e6:.1f} MB, version {model.version})", highlight=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
