"""``chanrac campaigns``: rebuild campaigns and reputation, follow new reports (the assignment
worker), list and show campaigns, publish the blocklist feed, export a campaign (STIX 2.1 / MISP),
deliver webhook events."""

from __future__ import annotations

import json
import signal
import threading
import time
from typing import Annotated, NoReturn

import httpx
import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from chanrac.campaigns import assign_pending, rebuild_campaigns, rebuild_reputation
from chanrac.config import get_settings
from chanrac.sharing import campaign_to_misp, campaign_to_stix, deliver_due, enqueue_threshold_events
from chanrac.sharing.blocklist import publish_blocklist
from chanrac.store.db import make_engine, session_factory, session_scope
from chanrac.store.tables_campaigns import CampaignRow

app = typer.Typer(help="Campaigns, reputation, blocklist feed and webhooks.", no_args_is_help=True)
err = Console(stderr=True)
out = Console()


def _sessions() -> sessionmaker[Session]:
    try:
        return session_factory(make_engine(get_settings().database_url))
    except ValueError as exc:
        _fail(str(exc))
        raise


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


@app.command()
def rebuild(workers: Annotated[int, typer.Option(min=1, max=64)] = 1) -> None:
    """Cluster every report from scratch, recompute reputation, publish the blocklist and queue the
    webhook events of campaigns that crossed a threshold (the periodic job: run it nightly or hourly;
    intake keeps campaigns current in between, reputation and blocklist only change here)."""
    settings = get_settings()
    started = time.perf_counter()
    with err.status("rebuilding campaigns") as status, session_scope(_sessions()) as session:
        stats = rebuild_campaigns(session, workers=workers, progress=lambda s: status.update(s))
        status.update("reputation")
        sources = rebuild_reputation(session, settings)
        status.update("blocklist")
        feed = publish_blocklist(session, settings)
        status.update("webhook events")
        queued = enqueue_threshold_events(session)
    err.print(
        f"{stats['reports']:,} reports → {stats['campaigns']:,} campaigns ({stats['kept_ids']:,} ids kept); "
        f"{sources:,} sources scored; blocklist +{feed.added} ~{feed.updated} -{feed.removed} "
        f"(cursor {feed.cursor}); {queued:,} webhook events queued; in {time.perf_counter() - started:.1f} s"
    )


@app.command()
def follow(
    batch: Annotated[int, typer.Option(min=1, max=100_000, help="reports assigned per transaction")] = 10_000,
    interval: Annotated[float, typer.Option(min=0.1, help="seconds between polls when nothing is pending")] = 1.0,
    once: Annotated[bool, typer.Option(help="stop when no report is pending instead of waiting for more")] = False,
) -> None:
    """The assignment worker: put reports that have no campaign yet into their campaigns, oldest
    first, as they arrive. Run one (with campaign_assignment = "worker"); Ctrl-C stops it between
    transactions, and so does SIGTERM."""
    if get_settings().campaign_assignment != "worker":
        # the API processes assign too: two writers would count the same reports twice
        _fail(
            "campaign_assignment is 'inline' here; "
            "set CHANRAC_CAMPAIGN_ASSIGNMENT=worker for this worker and for the servers"
        )
    sessions = _sessions()
    total, started = 0, time.perf_counter()
    stop = threading.Event()
    # SIGTERM (systemd, docker stop) and Ctrl-C both stop between transactions, never inside one.
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    with err.status("waiting for reports") as status:
        while not stop.is_set():
            with session_scope(sessions) as session:
                assigned = assign_pending(session, limit=batch)
            total += assigned
            if assigned:
                rate = total / max(1e-9, time.perf_counter() - started)
                status.update(f"{total:,} reports assigned ({rate:,.0f}/s)")
            elif once:
                break
            else:
                stop.wait(interval)
    noun = "report" if total == 1 else "reports"
    err.print(f"{total:,} {noun} assigned to campaigns in {time.perf_counter() - started:.1f} s")


@app.command("list")
def list_campaigns(
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    min_reports: Annotated[int, typer.Option(min=1)] = 2,
) -> None:
    """The biggest active campaigns."""
    with _sessions()() as session:
        rows = session.scalars(
            select(CampaignRow)
            .where(CampaignRow.status == "active", CampaignRow.report_count >= min_reports)
            .order_by(CampaignRow.report_count.desc())
            .limit(limit)
        ).all()
    table = Table("id", "category", "reports", "reporters", "senders", "last seen", "text")
    for r in rows:
        table.add_row(
            r.id, r.category, str(r.report_count), str(r.reporter_count), str(r.sender_count),
            f"{r.last_seen:%Y-%m-%d %H:%M}", r.representative_text[:60],
        )  # fmt: skip
    out.print(table)


@app.command()
def show(campaign_id: str) -> None:
    """One campaign: counts, senders, indicators, days."""
    with _sessions()() as session:
        row = session.get(CampaignRow, campaign_id)
        if row is None:
            _fail(f"no campaign {campaign_id!r}")
        assert row is not None
        out.print(f"[bold]{row.id}[/bold] {row.category} ({row.status}) — {row.representative_text}")
        out.print(
            f"{row.message_count} messages, {row.report_count} reports, {row.reporter_count} reporters, "
            f"{row.sender_count} senders, {row.first_seen:%Y-%m-%d} → {row.last_seen:%Y-%m-%d}"
        )
        out.print_json(json.dumps({"senders": row.senders, "indicators": row.indicators, "days": row.daily_counts}))


@app.command()
def export(
    campaign_id: str,
    format: Annotated[str, typer.Option(help="stix or misp")] = "stix",
) -> None:
    """Print a campaign as a STIX 2.1 bundle or a MISP event."""
    if format not in ("stix", "misp"):
        _fail(f"--format must be stix or misp, not {format!r}")
    with _sessions()() as session:
        row = session.get(CampaignRow, campaign_id)
        if row is None:
            _fail(f"no campaign {campaign_id!r}")
        assert row is not None
        print(campaign_to_stix(row).serialize(pretty=True) if format == "stix" else json.dumps(campaign_to_misp(row)))


@app.command()
def deliver(
    loop: Annotated[bool, typer.Option(help="keep running, every --every seconds")] = False,
    every: Annotated[float, typer.Option(min=0.5)] = 10.0,
) -> None:
    """Queue webhook events for campaigns that crossed a threshold and send what is due."""
    settings = get_settings()
    sessions = _sessions()
    with httpx.Client(timeout=10) as client:
        while True:
            with session_scope(sessions) as session:
                queued = enqueue_threshold_events(session)
                report = deliver_due(session, settings, client)
            err.print(
                f"queued {queued}, delivered {report.delivered}, retrying {report.retrying}, failed {report.failed}"
            )
            if not loop:
                return
            time.sleep(every)
