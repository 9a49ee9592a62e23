"""Demo data: generated reports (chanrac.synth) stored through the same intake path as real ones."""

from __future__ import annotations

import hashlib
from datetime import datetime

from rich.console import Console
from rich.progress import Progress

from chanrac.config import TIMEZONE, Settings
from chanrac.intake.schemas import ReportIn
from chanrac.intake.service import BatchReceipt, IntakeService, default_classifier, default_hooks
from chanrac.store.db import make_engine, session_factory
from chanrac.store.tables import IdempotentBatchRow


def load_demo(settings: Settings, count: int, seed: int, console: Console | None = None) -> BatchReceipt | None:
    """Store ``count`` generated reports once per (count, seed); None when they were loaded before."""
    from chanrac.synth import demo_reports

    key = f"demo:{count}:{seed}"
    engine = make_engine(settings.database_url)
    sessions = session_factory(engine)
    with sessions() as session:
        if session.get(IdempotentBatchRow, key) is not None:
            return None
    intake = IntakeService(sessions, settings, default_classifier(settings, sessions), on_stored=default_hooks())
    reports = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("generating and classifying demo reports", total=count)
        for record in demo_reports(count, seed=seed, now=datetime.now(TIMEZONE)):
            reports.append(ReportIn.model_validate(record))
            progress.advance(task)
    digest = hashlib.sha256(key.encode()).hexdigest()
    receipt = intake.submit_batch(reports, key, digest)
    intake.run_hooks([r["tracking_code"] for r in receipt.body["reports"] if not r["duplicate"]])
    engine.dispose()
    return receipt
