"""``chanrac synth``: write generated data sets to files (labelled messages, a campaign benchmark,
demo reports that ``chanrac import reports`` accepts). Deterministic by ``--seed``."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

app = typer.Typer(help="Realistic synthetic Vietnamese SMS: labelled messages, benchmarks, demo reports.")
console = Console(stderr=True)

Count = Annotated[int, typer.Argument(min=1, help="how many rows to write")]
Out = Annotated[Path, typer.Option("--out", "-o", help="output file: .csv or .jsonl")]
Seed = Annotated[int, typer.Option(help="random seed: the same seed gives the same data")]


def _format(out: Path) -> str:
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".jsonl"):
        raise typer.BadParameter(f"{out}: the file name must end in .csv or .jsonl", param_hint="--out")
    if not out.parent.is_dir():
        raise typer.BadParameter(f"{out}: directory {out.parent} does not exist", param_hint="--out")
    return suffix[1:]


@contextmanager
def _progress(what: str, total: int) -> Iterator[Progress]:
    columns = (TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        yield progress


def _write(out: Path, fields: list[str], rows: Iterable[dict[str, Any]], total: int, what: str) -> int:
    fmt = _format(out)
    written = 0
    with out.open("w", encoding="utf-8", newline="") as handle, _progress(what, total) as progress:
        task = progress.add_task(what, total=total)
        writer = csv.DictWriter(handle, fieldnames=fields) if fmt == "csv" else None
        if writer is not None:
            writer.writeheader()
        for row in rows:
            _write_row(handle, writer, row)
            written += 1
            if written % 1000 == 0:
                progress.update(task, completed=written)
    console.print(f"[green]{written:,} rows written[/] to {out}")
    return written


def _write_row(handle: TextIO, writer: csv.DictWriter[str] | None, row: dict[str, Any]) -> None:
    if writer is None:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    else:
        writer.writerow(row)


def _fraction(name: str, value: float) -> float:
    if not 0.0 <= value <= 1.0:
        raise typer.BadParameter(f"must be within [0, 1], got {value}", param_hint=name)
    return value


@app.command("messages")
def messages(
    count: Count,
    out: Out,
    seed: Seed = 0,
    spam_fraction: Annotated[float, typer.Option(help="share of spam")] = 0.6,
    obfuscation_rate: Annotated[float, typer.Option(help="share of spam sends that dodge filters")] = 0.15,
) -> None:
    """Labelled messages: text, label (spam/ham, as in the shared data sets), category, sender, campaign."""
    from chanrac.model import Category
    from chanrac.synth import generate_messages

    _fraction("--spam-fraction", spam_fraction)
    _fraction("--obfuscation-rate", obfuscation_rate)
    rows = (
        {
            "text": m.text,
            "label": "ham" if m.category is Category.HAM else "spam",
            "category": m.category.value,
            "sender": m.sender,
            "campaign_id": m.campaign_id or "",
            "template_id": m.template_id,
        }
        for m in generate_messages(count, seed=seed, spam_fraction=spam_fraction, obfuscation_rate=obfuscation_rate)
    )
    fields = ["text", "label", "category", "sender", "campaign_id", "template_id"]
    _write(out, fields, rows, count, "generating messages")


@app.command("benchmark")
def benchmark(
    count: Count,
    out: Out,
    campaigns: Annotated[int, typer.Option(min=1, help="number of true campaigns")] = 1000,
    ham_fraction: Annotated[float, typer.Option(help="share of unrelated ham")] = 0.3,
    seed: Seed = 0,
    mutate: Annotated[bool, typer.Option(help="vary words, order, tags and obfuscation within a campaign")] = True,
) -> None:
    """The campaign clustering benchmark: text and its true campaign id (empty for ham)."""
    from chanrac.synth import campaign_benchmark

    _fraction("--ham-fraction", ham_fraction)
    _format(out)
    with console.status("generating the benchmark"):
        texts, labels = campaign_benchmark(count, n_campaigns=campaigns, ham_fraction=ham_fraction, seed=seed,
                                           mutate=mutate)  # fmt: skip
    rows = ({"text": t, "campaign_id": c or ""} for t, c in zip(texts, labels, strict=True))
    _write(out, ["text", "campaign_id"], rows, count, "writing")


@app.command("reports")
def reports(count: Count, out: Out, seed: Seed = 0) -> None:
    """Demo reports over the last 30 days, in the intake schema (``chanrac import reports`` reads them)."""
    from chanrac.synth import demo_reports

    fields = ["kind", "sender", "text", "reporter", "recipient", "received_at", "channel", "province"]
    _write(out, fields, demo_reports(count, seed=seed), count, "generating reports")
