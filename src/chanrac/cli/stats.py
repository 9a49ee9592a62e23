"""``chanrac stats``: the dashboard's numbers in a terminal, or as JSON for scripts."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer(
    help="Report statistics: totals, per day, category, operator, province, channel, top senders.",
    no_args_is_help=True,
)
console = Console()


@app.callback()
def _group() -> None:
    """A group even with one command, so that ``chanrac stats show`` stays stable as commands are added."""


def _table(title: str, rows: list[tuple[str, int]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.split()[-1])
    table.add_column("reports", justify="right")
    for key, value in rows:
        table.add_row(key, f"{value:,}")
    return table


@app.command("show")
def show(
    days: Annotated[int, typer.Option(help="the last N Vietnam calendar days, today included")] = 30,
    province: Annotated[str | None, typer.Option(help="one province: code or name")] = None,
    operator: Annotated[str | None, typer.Option(help="one operator of the sender's prefix")] = None,
    top: Annotated[int, typer.Option(help="rows in the top lists")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON (the /api/v1/stats body)")] = False,
) -> None:
    """Print report statistics for a window of days (Asia/Ho_Chi_Minh)."""
    from chanrac.config import get_settings
    from chanrac.reports import StatsQuery, compute_stats, stats_to_json
    from chanrac.store.db import make_engine, session_factory

    query = StatsQuery(days=days, province=province, operator=operator, top=top, recent=0 if not as_json else 20)
    engine = make_engine(get_settings().database_url)
    try:
        with session_factory(engine)() as session:
            stats = compute_stats(session, query)
    finally:
        engine.dispose()
    if as_json:
        print(json.dumps(stats_to_json(stats), ensure_ascii=False, indent=2))
        return
    t = stats.totals
    console.print(
        f"[bold]{stats.first_day} → {stats.last_day}[/] ({stats.days} days, Vietnam time)"
        + (f", province {stats.province}" if stats.province else "")
        + (f", operator {stats.operator}" if stats.operator else "")
    )
    console.print(
        f"reports {t.reports:,} · spam {t.spam:,} · block {t.blocked:,} · review {t.flagged:,} · "
        f"unclassified {t.unclassified:,} · repeats {t.repeats:,} · senders {t.senders:,}"
    )
    console.print(_table("Reports per day", [(d.day.isoformat(), d.reports) for d in stats.by_day]))
    for title, counts in (
        ("Reports by category", stats.by_category),
        ("Reports by operator", stats.by_operator),
        ("Reports by province", stats.by_province),
        ("Reports by channel", stats.by_channel),
    ):
        console.print(_table(title, [(c.key, c.count) for c in counts]))
    console.print(_table("Most reported sender", [(s.sender, s.reports) for s in stats.top_senders]))
