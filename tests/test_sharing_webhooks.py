"""Webhooks against a real HTTP receiver on loopback: HMAC signature, retries with back-off, log;
and the STIX 2.1 / MISP exports of a stored campaign."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
import stix2
from sqlalchemy import select
from sqlalchemy.orm import Session

from chanrac.campaigns import assign_reports
from chanrac.config import TIMEZONE, Settings
from chanrac.sharing import campaign_to_misp, campaign_to_stix, deliver_due, enqueue_threshold_events, verify
from chanrac.sharing.webhooks import register_webhook
from chanrac.store.tables_campaigns import CampaignRow, WebhookDeliveryRow
from test_campaigns_store import LOAN, add_report


class Receiver:
    """Answers 503 to the first ``failures`` posts, then 200; keeps what it got."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                code = 503 if len(receiver.received) <= receiver.failures else 200
                self.send_response(code)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver(failures=2)
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.server.shutdown()


def _campaign(session: Session, n: int) -> CampaignRow:
    now = datetime.now(TIMEZONE)
    ids = [
        add_report(session, LOAN.format(n=90, p="0944444444", who=f"anh {w}"), f"+8498700{i:04d}", now)
        for i, w in enumerate(["Nam", "Lan", "Hoa", "Binh", "Tuan", "Minh"][:n])
    ]
    assign_reports(session, ids)
    session.commit()
    campaign = session.scalars(select(CampaignRow).where(CampaignRow.message_count == n)).one()
    return campaign


def test_threshold_event_is_signed_retried_and_logged(session: Session, receiver: Receiver) -> None:
    settings = Settings(webhook_backoff_seconds=60, webhook_max_attempts=5)
    hook = register_webhook(session, "Viettel", receiver.url, min_reports=3, min_reporters=3)
    campaign = _campaign(session, 4)
    assert enqueue_threshold_events(session) == 1
    assert enqueue_threshold_events(session) == 0  # crossing once, told once
    session.commit()
    now = datetime.now(TIMEZONE)
    with httpx.Client(timeout=5) as client:
        first = deliver_due(session, settings, client, now=now)
        assert (first.delivered, first.retrying) == (0, 1)
        assert deliver_due(session, settings, client, now=now + timedelta(seconds=59)).retrying == 0  # not yet due
        second = deliver_due(session, settings, client, now=now + timedelta(seconds=60))
        assert second.retrying == 1  # second failure: next wait doubles to 120 s
        assert deliver_due(session, settings, client, now=now + timedelta(seconds=179)).delivered == 0
        third = deliver_due(session, settings, client, now=now + timedelta(seconds=180))
        assert third.delivered == 1
    session.commit()
    delivery = session.scalars(select(WebhookDeliveryRow)).one()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 3, 200)
    headers, body = receiver.received[-1]
    assert verify(hook.secret, int(headers["x-chanrac-timestamp"]), body, headers["x-chanrac-signature"])
    assert not verify("another secret", int(headers["x-chanrac-timestamp"]), body, headers["x-chanrac-signature"])
    event = json.loads(body)
    assert event["event"] == "campaign.threshold" and event["campaign"]["id"] == campaign.id
    assert "+8491" not in body.decode()  # reporters (numbers +8491…) never leave the system


def test_ham_campaigns_raise_no_event(session: Session) -> None:
    register_webhook(session, "VNPT", "https://example.vn/hook", min_reports=3, min_reporters=3)
    now = datetime.now(TIMEZONE)
    otp = "Ma OTP cua Quy khach la {n}. Khong chia se ma nay cho bat ky ai."
    ids = [add_report(session, otp.format(n=200000 + i), "+84987000041", now, spam=False) for i in range(5)]
    assign_reports(session, ids)
    session.commit()
    assert set(session.scalars(select(CampaignRow.category))) == {"ham"}
    assert enqueue_threshold_events(session) == 0


def test_unreachable_endpoint_fails_after_max_attempts(session: Session) -> None:
    settings = Settings(webhook_backoff_seconds=1, webhook_max_attempts=2)
    register_webhook(session, "MobiFone", "http://127.0.0.1:9/closed", min_reports=1, min_reporters=1)
    _campaign(session, 2)
    enqueue_threshold_events(session)
    now = datetime.now(TIMEZONE)
    with httpx.Client(timeout=2) as client:
        assert deliver_due(session, settings, client, now=now).retrying == 1
        assert deliver_due(session, settings, client, now=now + timedelta(seconds=5)).failed == 1
    delivery = session.scalars(select(WebhookDeliveryRow)).one()
    assert delivery.status == "failed" and delivery.last_error and "Connect" in delivery.last_error


def test_stix_bundle_and_misp_event(session: Session) -> None:
    campaign = _campaign(session, 3)
    bundle = stix2.parse(campaign_to_stix(campaign).serialize(), allow_custom=True)
    types = [o["type"] for o in bundle.objects]
    assert types.count("campaign") == 1 and "indicator" in types and "relationship" in types
    patterns = [o["pattern"] for o in bundle.objects if o["type"] == "indicator"]
    assert any("+84944444444" in p for p in patterns)
    event = campaign_to_misp(campaign)["Event"]
    assert any(a["type"] == "phone-number" and a["value"] == "+84944444444" for a in event["Attribute"])
    assert all(a["value"] for a in event["Attribute"])
