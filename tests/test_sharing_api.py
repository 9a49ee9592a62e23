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

VNPT_TOKEN = "vnpt-" + "a" * 40
VIETTEL_TOKEN = "viettel-" + "b" * 40


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, partner_tokens={VNPT_TOKEN: "VNPT", VIETTEL_TOKEN: "Viettel"})


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


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

        assert http.get("/api/v1/feeds/blocklist").status_code == 401  # partners only
        http.headers.update(bearer(VNPT_TOKEN))
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

        created = http.post("/api/v1/webhooks", json={"url": "https://example.vn/hook", "min_reports": 5})
        assert created.status_code == 201 and len(created.json()["secret"]) >= 32
        assert created.json()["organisation"] == "VNPT"  # from the token, not from the body
        bad = http.post("/api/v1/webhooks", json={"url": "ftp://example.vn/x"})
        assert bad.status_code == 422 and "http" in bad.json()["error"]
        hook_id = created.json()["id"]
        assert http.get(f"/api/v1/webhooks/{hook_id}/deliveries").json() == []
        assert "secret" not in http.get("/api/v1/webhooks").json()[0]


def test_partner_tokens_scope_webhooks_to_their_organisation(server: str) -> None:
    hook = {"url": "https://example.vn/hook"}
    with httpx.Client(base_url=server, timeout=10) as http:
        for headers, reason in (
            ({}, "missing partner token"),
            (bearer("not-a-token-" + "x" * 30), "unknown partner token"),
            ({"Authorization": f"Basic {VNPT_TOKEN}"}, "missing partner token"),
        ):
            answer = http.post("/api/v1/webhooks", json=hook, headers=headers)
            assert answer.status_code == 401 and reason in answer.json()["error"]
            assert answer.headers["www-authenticate"] == "Bearer"
        mine = http.post("/api/v1/webhooks", json=hook, headers=bearer(VNPT_TOKEN)).json()["id"]
        other = http.post("/api/v1/webhooks", json={**hook, "organisation": "VNPT"}, headers=bearer(VIETTEL_TOKEN))
        assert other.status_code == 403 and "Viettel" in other.json()["error"]
        viettel = bearer(VIETTEL_TOKEN)
        assert http.get("/api/v1/webhooks", headers=viettel).json() == []
        assert http.get(f"/api/v1/webhooks/{mine}/deliveries", headers=viettel).status_code == 404
        assert http.delete(f"/api/v1/webhooks/{mine}", headers=viettel).status_code == 404
        assert http.delete(f"/api/v1/webhooks/{mine}", headers=bearer(VNPT_TOKEN)).status_code == 204
        assert http.get("/api/v1/webhooks", headers=bearer(VNPT_TOKEN)).json()[0]["active"] is False


def test_weak_partner_tokens_are_refused_at_start() -> None:
    with pytest.raises(ValueError, match="at least 24"):
        Settings(partner_tokens={"short": "VNPT"})


def test_campaign_search_forgives_diacritics_and_wildcards(server: str, session: Session, settings: Settings) -> None:
    _seed(session, settings)  # "Ho tro vay tien tieu dung …", written without diacritics
    with httpx.Client(base_url=server, timeout=10) as http:
        for q in ("vay tiền", "VAY TIEN", "tiêu dùng", "+84987111111"):
            assert http.get("/api/v1/campaigns", params={"q": q}).json()["total"] == 1, q
        for q in ("%", "vay_tien", "cho vay nặng lãi"):
            assert http.get("/api/v1/campaigns", params={"q": q}).json()["total"] == 0, q
