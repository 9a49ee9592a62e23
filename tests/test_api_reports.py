"""The report API through a real HTTP server, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chanrac.config import MAX_BATCH_REPORTS, MAX_TEXT_CHARS, TIMEZONE
from chanrac.model import normalise_tracking_code
from chanrac.store.tables import ReportRow
from conftest import PARTNER

SPAM = "Vay nhanh 50tr giai ngan trong ngay, khong tham dinh, LH Zalo 0912345678"


def report(**overrides: object) -> dict[str, object]:
    body: dict[str, object] = {"sender": "0987 654 321", "text": SPAM, "reporter": "0912000111"}
    body.update(overrides)
    return body


@pytest.fixture
def client(live_server: str) -> httpx.Client:
    """An operator's client: it carries the test server's partner token."""
    with httpx.Client(base_url=live_server, timeout=60, headers=PARTNER) as c:
        yield c


def count_reports(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ReportRow)) or 0


def test_report_is_stored_with_tracking_code_and_verdict(client: httpx.Client, session: Session) -> None:
    response = client.post("/api/v1/reports", json=report())
    assert response.status_code == 201, response.text
    body = response.json()
    assert normalise_tracking_code(body["tracking_code"]) == body["tracking_code"]
    assert body["duplicate"] is False
    row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == body["tracking_code"]))
    assert row is not None
    assert row.sender == "+84987654321" and row.sender_kind == "mobile" and row.sender_operator == "viettel"
    assert row.reporter == "+84912000111"
    status = client.get(body["status_url"]).json()
    assert status["tracking_code"] == body["tracking_code"]
    assert status["kind"] == "spam_sms"
    assert "reporter" not in status  # personal data is not served by tracking code


def test_tracking_code_lookup_is_tolerant_and_precise(client: httpx.Client) -> None:
    code = client.post("/api/v1/reports", json=report()).json()["tracking_code"]
    assert client.get(f"/api/v1/reports/{code.lower()}").status_code == 200
    assert client.get("/api/v1/reports/hello").status_code == 400
    wrong_check = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert client.get(f"/api/v1/reports/{wrong_check}").status_code == 400
    unknown = normalise_tracking_code("CR" + "0" * 10 + "0")
    assert unknown is not None
    response = client.get(f"/api/v1/reports/{unknown}")
    assert response.status_code == 404 and unknown in response.json()["error"]


def test_repeat_report_within_24h_is_counted_not_stored(client: httpx.Client, session: Session) -> None:
    first = client.post("/api/v1/reports", json=report()).json()
    again = client.post("/api/v1/reports", json=report(text="  " + SPAM.upper() + " ", sender="+84987654321"))
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert again.json()["tracking_code"] == first["tracking_code"]
    assert count_reports(session) == 1
    assert client.get(first["status_url"]).json()["duplicate_count"] == 1
    # another reporter, or a day later, is a new report
    assert client.post("/api/v1/reports", json=report(reporter="0912000222")).status_code == 201
    later = (datetime.now(TIMEZONE) - timedelta(hours=25)).isoformat()
    assert client.post("/api/v1/reports", json=report(received_at=later)).status_code == 201


def test_anonymous_web_reports_are_never_merged(client: httpx.Client, session: Session) -> None:
    for _ in range(2):
        assert client.post("/api/v1/reports", json=report(reporter=None, channel="web")).status_code == 201
    assert count_reports(session) == 2


@pytest.mark.parametrize(
    ("body", "field", "fragment"),
    [
        (report(sender="0912 34"), "sender", "0912 34"),
        (report(reporter="hello"), "reporter", "hello"),
        (report(text=""), "text", ""),
        (report(text="x" * (MAX_TEXT_CHARS + 1)), "text", str(MAX_TEXT_CHARS)),
        (report(kind="spam_fax"), "kind", ""),
        (report(channel="pigeon"), "channel", ""),
        (report(received_at="yesterday"), "received_at", ""),
        (report(received_at=(datetime.now(TIMEZONE) + timedelta(days=2)).isoformat()), "received_at", "future"),
        (report(province="Atlantis"), "province", "Atlantis"),
        (report(text=123), "text", ""),
        (report(colour="red"), "colour", ""),
        ({"sender": "0987654321"}, "text", ""),
    ],
)
def test_bad_reports_get_422_naming_the_field(
    client: httpx.Client, session: Session, body: dict[str, object], field: str, fragment: str
) -> None:
    response = client.post("/api/v1/reports", json=body)
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert any(e["field"] == field and fragment in e["message"] for e in errors), errors
    assert count_reports(session) == 0


def test_malformed_json_invalid_utf8_and_oversize_bodies(client: httpx.Client, settings: object) -> None:
    headers = {"content-type": "application/json"}
    bad_json = client.post("/api/v1/reports", content=b'{"sender": "0987654321", "text": ', headers=headers)
    assert bad_json.status_code == 400 and "JSON" in bad_json.json()["error"]
    bad_utf8 = client.post("/api/v1/reports", content=b'{"sender": "0987654321", "text": "\xff\xfe"}', headers=headers)
    assert bad_utf8.status_code in (400, 422) and bad_utf8.status_code != 500
    assert "UTF-8" in bad_utf8.text or "utf-8" in bad_utf8.text.lower()
    for path in ("/api/v1/reports", "/api/v1/reports/batch"):
        big = client.post(path, content=b"x" * (32 * 1024 * 1024 + 1), headers=headers)
        assert big.status_code == 413 and "larger than" in big.json()["error"]
    assert client.post("/api/v1/reports/batch", content=b"[1,", headers=headers).status_code == 400


def test_batch_is_all_or_nothing_with_row_errors(client: httpx.Client, session: Session) -> None:
    rows = [report(reporter=f"09120{i:05d}") for i in range(50)]
    rows[7]["sender"] = "abc!!!###$$$%%%^^^&&&***"
    rows[31]["text"] = ""
    response = client.post("/api/v1/reports/batch", json={"reports": rows})
    assert response.status_code == 422
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"reports[7].sender", "reports[31].text"} <= fields
    assert count_reports(session) == 0


def test_batch_limits(client: httpx.Client) -> None:
    assert client.post("/api/v1/reports/batch", json={"reports": []}).status_code == 422
    too_many = {"reports": [report()] * (MAX_BATCH_REPORTS + 1)}
    response = client.post("/api/v1/reports/batch", json=too_many)
    assert response.status_code == 422 and "reports" in json.dumps(response.json()["errors"])


def test_batch_retry_with_idempotency_key_never_doubles(client: httpx.Client, session: Session) -> None:
    rows = [report(reporter=f"09120{i:05d}", text=f"{SPAM} #{i}") for i in range(200)]
    rows.append(dict(rows[0]))  # the same report twice in one batch: counted once
    first = client.post("/api/v1/reports/batch", json={"reports": rows}, headers={"Idempotency-Key": "op-1"})
    assert first.status_code == 201, first.text
    body = first.json()
    assert (body["count"], body["accepted"], body["duplicates"]) == (201, 200, 1)
    assert body["reports"][200]["tracking_code"] == body["reports"][0]["tracking_code"]
    retry = client.post("/api/v1/reports/batch", json={"reports": rows}, headers={"Idempotency-Key": "op-1"})
    assert retry.status_code == 200 and retry.json()["replayed"] is True
    assert retry.json()["reports"] == body["reports"]
    assert count_reports(session) == 200
    other = client.post("/api/v1/reports/batch", json={"reports": rows[:3]}, headers={"Idempotency-Key": "op-1"})
    assert other.status_code == 409 and "op-1" in other.json()["error"]
    assert client.get(f"/api/v1/reports/{body['reports'][0]['tracking_code']}").json()["duplicate_count"] == 1


def test_openapi_documents_the_endpoints(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/reports", "/api/v1/reports/batch", "/api/v1/reports/{tracking_code}", "/api/v1/sms/inbound"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"


def test_operator_endpoints_need_a_partner_token(live_server: str, session: Session) -> None:
    with httpx.Client(base_url=live_server, timeout=60) as anonymous:
        batch = anonymous.post("/api/v1/reports/batch", json={"reports": [report()]})
        assert batch.status_code == 401 and "partner token" in batch.json()["error"]
        forged = anonymous.post(
            "/api/v1/reports/batch", json={"reports": [report()]}, headers={"Authorization": "Bearer " + "f" * 40}
        )
        assert forged.status_code == 401 and forged.json()["error"] == "unknown partner token"
        inbound = anonymous.post("/api/v1/sms/inbound", json={"from": "0912345678", "to": "5656", "text": "HD"})
        assert inbound.status_code == 401
        assert anonymous.post("/api/v1/reports", json=report()).status_code == 201  # the public may report
        # ...but not claim a channel that vouches for the reporter's number
        claimed = anonymous.post("/api/v1/reports", json=report(channel="sms_5656", text="Vay nhanh 1"))
        assert claimed.status_code == 403 and "partner token" in claimed.json()["error"]
        gateway = report(channel="sms_5656", text="Vay nhanh 2")
        vouched = anonymous.post("/api/v1/reports", json=gateway, headers=PARTNER)
        assert vouched.status_code == 201
    assert count_reports(session) == 2
