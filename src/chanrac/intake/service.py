"""Storing reports: de-duplication, classification and the commit that precedes every acknowledgement."""

from __future__ import annotations

import hashlib
import logging
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from chanrac.config import TIMEZONE, Settings
from chanrac.intake.schemas import ReportIn
from chanrac.model import Message, ReportStatus, Verdict, new_tracking_code
from chanrac.store.tables import IdempotentBatchRow, ReportRow

log = logging.getLogger("chanrac.intake")

Classifier = Callable[[Sequence[Message]], list[Verdict]]
# Called after the storing transaction has committed, in a transaction of its own, with the ids of
# the new rows (e.g. campaign assignment). Kept out of the acknowledgement path: a report is durable
# once committed, and the slower enrichment must not hold the client or the write lock.
StoredHook = Callable[[Session, list[int]], object]


class IdempotencyConflict(Exception):
    """The Idempotency-Key was used before for a different request body."""


@dataclass(frozen=True, slots=True)
class Receipt:
    tracking_code: str
    duplicate: bool
    status: str
    verdict: Verdict | None = None


@dataclass(frozen=True, slots=True)
class BatchReceipt:
    body: dict[str, Any]
    replayed: bool


def dedup_key(reporter: str | None, sender: str, text: str) -> str | None:
    """Same reporter, same sender, same text (ignoring case, spacing and Unicode form)."""
    if reporter is None:
        return None  # anonymous web reports may come from different people
    canonical = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha256(f"{reporter}\x1f{sender}\x1f{canonical}".encode()).hexdigest()


def verdict_to_json(verdict: Verdict) -> dict[str, Any]:
    return {
        "label": verdict.label,
        "score": round(verdict.score, 4),
        "category": verdict.category.value,
        "action": verdict.action.value,
        "signals": [{"name": s.name, "score": round(s.score, 4), "detail": s.detail} for s in verdict.signals],
        "explanation": verdict.explain(),
    }


class ReputationAwareClassifier:
    """The detection pipeline with sender/indicator reputation from the store, refreshed periodically.

    Detection never reads the database itself; this is the caller that fills its lookups.
    """

    refresh_seconds = 300.0
    retry_seconds = 30.0  # after the store failed to answer

    def __init__(self, settings: Settings, sessions: sessionmaker[Session] | None = None) -> None:
        self.settings = settings
        self.sessions = sessions
        self._loaded_at = float("-inf")
        self._pipeline: Any = None

    def _lookups(self) -> Any:
        from chanrac.detect import Lookups

        if self.sessions is None:
            return Lookups()
        from chanrac.campaigns import reputation_lookups

        with self.sessions() as session:
            reputation = reputation_lookups(session)
        return Lookups(
            sender_reputation=reputation.sender_reputation, indicator_reputation=reputation.indicator_reputation
        )

    def stale(self) -> bool:
        """Whether the next :meth:`pipeline` call reads the reputations from the store again."""
        return time.monotonic() - self._loaded_at > self.refresh_seconds

    def loaded(self) -> Any:
        """The pipeline as last loaded, without asking whether it is stale (for a caller that
        refreshes it elsewhere, off its event loop); loaded now if it never was."""
        return self._pipeline if self._pipeline is not None else self.pipeline()

    def pipeline(self) -> Any:
        from chanrac.detect import Lookups, pipeline_for

        if self.stale():
            try:
                lookups = self._lookups()
                self._loaded_at = time.monotonic()
            except SQLAlchemyError as exc:
                # Verdicts go on without the store: with the last reputations known, or none;
                # the store is asked again shortly, not on every message.
                log.warning("reputations not refreshed, the store did not answer: %s", exc.__class__.__name__)
                self._loaded_at = time.monotonic() - self.refresh_seconds + self.retry_seconds
                if self._pipeline is not None:
                    return self._pipeline
                lookups = Lookups()
            self._pipeline = pipeline_for(self.settings, lookups)
        return self._pipeline

    def __call__(self, messages: Sequence[Message]) -> list[Verdict]:
        if not messages:
            return []
        verdicts: list[Verdict] = self.pipeline().verdicts(messages)
        return verdicts


def default_classifier(settings: Settings, sessions: sessionmaker[Session] | None = None) -> ReputationAwareClassifier:
    classifier = ReputationAwareClassifier(settings, sessions)
    classifier.pipeline()  # load the model now: a missing artefact is a start-up error, not a lost report
    return classifier


def default_hooks() -> list[StoredHook]:
    """What runs inside the storing transaction: campaign assignment, once that capability exists."""
    try:
        from chanrac.campaigns import assign_reports
    except ImportError:
        return []
    return [assign_reports]


class IntakeService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        settings: Settings,
        classifier: Classifier | None = None,
        on_stored: Sequence[StoredHook] = (),
    ) -> None:
        self.sessions = sessions
        self.settings = settings
        self.classifier = classifier
        self.on_stored = list(on_stored)
        self.window = timedelta(hours=settings.duplicate_window_hours)

    # -- public API -------------------------------------------------------------------------------
    def submit(self, report: ReportIn) -> Receipt:
        with self.sessions() as session, session.begin():
            return self.store(session, [report])[0]

    def run_hooks(self, tracking_codes: Sequence[str]) -> None:
        """Enrich newly committed reports (campaigns); safe to call again for the same codes."""
        if not self.on_stored or not tracking_codes:
            return
        with self.sessions() as session, session.begin():
            ids: list[int] = []
            for start in range(0, len(tracking_codes), 5000):
                chunk = list(tracking_codes[start : start + 5000])
                ids += session.scalars(select(ReportRow.id).where(ReportRow.tracking_code.in_(chunk)))
            for hook in self.on_stored:
                hook(session, ids)

    def submit_batch(self, reports: Sequence[ReportIn], idempotency_key: str | None, body_sha256: str) -> BatchReceipt:
        """All or nothing; a retry with the same key and body returns the first answer."""
        if idempotency_key:
            replay = self._replay(idempotency_key, body_sha256)
            if replay is not None:
                return replay
        try:
            with self.sessions() as session, session.begin():
                receipts = self.store(session, reports, batch_key=idempotency_key)
                body = {
                    "count": len(receipts),
                    "accepted": sum(not r.duplicate for r in receipts),
                    "duplicates": sum(r.duplicate for r in receipts),
                    "idempotency_key": idempotency_key,
                    "reports": [
                        {"index": i, "tracking_code": r.tracking_code, "duplicate": r.duplicate}
                        for i, r in enumerate(receipts)
                    ],
                }
                if idempotency_key:
                    session.add(
                        IdempotentBatchRow(
                            key=idempotency_key,
                            request_sha256=body_sha256,
                            report_count=len(receipts),
                            response=body,
                            created_at=datetime.now(TIMEZONE),
                        )
                    )
        except IntegrityError:
            # A concurrent retry with the same key committed first: answer what it answered.
            replay = self._replay(idempotency_key, body_sha256) if idempotency_key else None
            if replay is None:
                raise
            return replay
        return BatchReceipt(body=body, replayed=False)

    def _replay(self, key: str, body_sha256: str) -> BatchReceipt | None:
        with self.sessions() as session:
            row = session.get(IdempotentBatchRow, key)
        if row is None:
            return None
        if row.request_sha256 != body_sha256:
            raise IdempotencyConflict(
                f"Idempotency-Key {key!r} was already used for a different batch "
                f"({row.report_count} reports); use a new key for new data"
            )
        return BatchReceipt(body=row.response, replayed=True)

    def status(self, tracking_code: str) -> ReportRow | None:
        with self.sessions() as session:
            return session.scalar(select(ReportRow).where(ReportRow.tracking_code == tracking_code))

    # -- the one storing path every channel uses -------------------------------------------------
    def store(self, session: Session, reports: Sequence[ReportIn], *, batch_key: str | None = None) -> list[Receipt]:
        """Insert new reports and count duplicates, inside the caller's transaction."""
        now = datetime.now(TIMEZONE)
        received = [r.received_at or now for r in reports]
        senders = [r.parsed_sender for r in reports]
        keys = [dedup_key(r.reporter, s.value, r.text) for r, s in zip(reports, senders, strict=True)]
        originals = self._recent_originals(session, keys, received)

        receipts: list[Receipt | None] = [None] * len(reports)
        increments: Counter[int] = Counter()  # row id of a stored original → repeats seen now
        repeats_in_batch: dict[int, int] = {}  # index of a repeat → index of its first occurrence
        new_index: list[int] = []
        first_in_batch: dict[str, int] = {}
        for i, key in enumerate(keys):
            original = self._original_for(key, received[i], originals)
            if original is not None:
                row_id, code = original
                increments[row_id] += 1
                receipts[i] = Receipt(code, duplicate=True, status="duplicate")
            elif key is not None and key in first_in_batch:
                repeats_in_batch[i] = first_in_batch[key]
            else:
                if key is not None:
                    first_in_batch[key] = i
                new_index.append(i)

        messages = [
            Message(
                text=reports[i].text,
                sender=senders[i],
                recipient=reports[i].recipient,
                received_at=received[i],
                channel=reports[i].channel,
            )
            for i in new_index
        ]
        verdicts: list[Verdict | None] = list(self.classifier(messages)) if self.classifier else [None] * len(messages)
        repeat_counts = Counter(repeats_in_batch.values())
        rows: list[dict[str, Any]] = []
        for i, message, verdict in zip(new_index, messages, verdicts, strict=True):
            report, sender = reports[i], senders[i]
            status = ReportStatus.CLASSIFIED if verdict else ReportStatus.RECEIVED
            code = new_tracking_code()
            receipts[i] = Receipt(code, duplicate=False, status=status.value, verdict=verdict)
            rows.append(
                {
                    "tracking_code": code,
                    "kind": report.kind.value,
                    "channel": report.channel.value,
                    "sender": sender.value or None,
                    "sender_kind": sender.kind.value,
                    "sender_raw": report.sender,
                    "sender_operator": sender.operator,
                    "reporter": report.reporter,
                    "recipient": report.recipient,
                    "text": message.text,
                    "province": report.province,
                    "received_at": received[i],
                    "created_at": now,
                    "dedup_key": keys[i],
                    "duplicate_count": repeat_counts[i],
                    "status": status.value,
                    "batch_key": batch_key,
                    "verdict_label": verdict.label if verdict else None,
                    "verdict_score": verdict.score if verdict else None,
                    "verdict_category": verdict.category.value if verdict else None,
                    "verdict_action": verdict.action.value if verdict else None,
                    "verdict_signals": verdict_to_json(verdict)["signals"] if verdict else None,
                }
            )
        for i, first in repeats_in_batch.items():
            stored = receipts[first]
            assert stored is not None
            receipts[i] = Receipt(stored.tracking_code, duplicate=True, status="duplicate")

        table = cast(Table, ReportRow.__table__)
        if rows:
            session.execute(table.insert(), rows)
        if increments:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row_id"))
                .values(duplicate_count=table.c.duplicate_count + bindparam("extra")),
                [{"row_id": row_id, "extra": n} for row_id, n in increments.items()],
            )
        return [r for r in receipts if r is not None]

    def _recent_originals(
        self, session: Session, keys: list[str | None], received: list[datetime]
    ) -> dict[str, list[tuple[datetime, int, str]]]:
        wanted = {k for k in keys if k is not None}
        if not wanted:
            return {}
        earliest = min(received) - self.window
        found: dict[str, list[tuple[datetime, int, str]]] = {}
        query = select(ReportRow.dedup_key, ReportRow.received_at, ReportRow.id, ReportRow.tracking_code).where(
            ReportRow.dedup_key.in_(bindparam("keys", expanding=True)), ReportRow.received_at >= earliest
        )
        key_list = sorted(wanted)
        for start in range(0, len(key_list), 5000):
            for key, at, row_id, code in session.execute(query, {"keys": key_list[start : start + 5000]}):
                at = at if at.tzinfo else at.replace(tzinfo=TIMEZONE)  # SQLite returns naive times
                found.setdefault(str(key), []).append((at, row_id, code))
        return found

    def _original_for(
        self, key: str | None, at: datetime, originals: dict[str, list[tuple[datetime, int, str]]]
    ) -> tuple[int, str] | None:
        if key is None:
            return None
        for seen_at, row_id, code in originals.get(key, ()):
            if abs(at - seen_at) <= self.window:
                return row_id, code
        return None
