"""The HTTP API of campaigns, feeds and webhooks, against the whole app served by uvicorn."""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
import uvicorn
from sqlalchemy.orm import Session

from chanrac.api.app import create_app
from chanrac.campaigns import assign_reports, rebuild_reputation
from chanrac.config import TIMEZONE, Settings
from chanrac.sharing import publish_blocklist
from conftest import free_port
from test_campaigns_store import LOAN, add_report


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    """The whole app in uvicorn on loopback, without the content classifier (these tests store
    reports themselves; the classifier's artefact is another capability's)."""
    port = free_port()
    app = create_app(settings, classify=False)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the test server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _seed(session: Session, settings: Settings) -> str:
    now = datetime.now(TIMEZONE)
    ids = [
        add_report(session, LOAN.format(n=40, p="0955555555", who=w), "+84987111111", now - timedelta(hours=i))
        for i, w in enumerate(("Nam", "Lan", "Hoa", "Binh"))
    ]
    result = assign_reports(session, ids)
    rebuild_reputation(session, settings, now=now)
    publish_blocklist(session, settings, now=now)
    session.commit()
    return result.assigned[ids[0]]


def test_campaigns_feed_and_webhooks_over_http(server: str, session: Session, settings: Settings) -> None:
    campaign_id = _seed(session, settings)
    with httpx.Client(base_url=server, timeout=10) as http:
        listing = http.get("/api/v1/campaigns", params={"q": "vay tien"}).json()
        assert listing["total"] == 1 and listing["campaigns"][0]["id"] == campaign_id
        detail = http.get(f"/api/v1/campaigns/{campaign_id}").json()
        assert detail["message_count"] == 4 and len(detail["messages"]) == 4
        assert "reporter" not in detail["messages"][0]
        assert http.get("/api/v1/campaigns/nope").status_code == 404
        stix = http.get(f"/api/v1/campaigns/{campaign_id}/stix")
        assert stix.status_code == 200 and stix.json()["type"] == "bundle"
        assert http.get(f"/api/v1/campaigns/{campaign_id}/misp").json()["Event"]["Attribute"]

        feed = http.get("/api/v1/feeds/blocklist")
        assert feed.status_code == 200
        body = feed.json()
        assert ("number", "+84987111111") in {(e["kind"], e["value"]) for e in body["entries"]}
        assert feed.headers["x-chanrac-cursor"] == str(body["cursor"])
        again = http.get("/api/v1/feeds/blocklist", params={"since": body["cursor"]}).json()
        assert again["entries"] == [] and again["cursor"] == body["cursor"]
        rows = list(csv.DictReader(io.StringIO(http.get("/api/v1/feeds/blocklist", params={"format": "csv"}).text)))
        assert {r["value"] for r in rows} == {e["value"] for e in body["entries"]}
        assert http.get("/api/v1/feeds/blocklist", params={"since": -1}).status_code == 422
        assert http.get("/api/v1/feeds/blocklist", params={"format": "xml"}).status_code == 422

        created = http.post(
            "/api/v1/webhooks", json={"organisation": "VNPT", "url": "https://example.vn/hook", "min_reports": 5}
        )
        assert created.status_code == 201 and len(created.json()["secret"]) >= 32
        bad = http.post("/api/v1/webhooks", json={"organisation": "VNPT", "url": "ftp://example.vn/x"})
        assert bad.status_code == 422 and "http" in bad.json()["error"]
        hook_id = created.json()["id"]
        assert http.get(f"/api/v1/webhooks/{hook_id}/deliveries").json() == []
        assert "secret" not in http.get("/api/v1/webhooks").json()[0]
