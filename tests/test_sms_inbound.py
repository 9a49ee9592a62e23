"""The 5656 gateway callback end to end: the stored effect and the reply, on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chanrac.store.tables import DncRow, InboundSmsRow, ReportRow
from conftest import PARTNER


@pytest.fixture
def client(live_server: str) -> httpx.Client:
    """An operator's client: it carries the test server's partner token."""
    with httpx.Client(base_url=live_server, timeout=60, headers=PARTNER) as c:
        yield c


def sms(client: httpx.Client, text: str, sender: str = "0912345678", **extra: str) -> dict[str, object]:
    response = client.post("/api/v1/sms/inbound", json={"from": sender, "to": "5656", "text": text, **extra})
    assert response.status_code == 200, response.text
    return response.json()


def test_spam_report_by_sms_is_stored_and_answered(client: httpx.Client, session: Session) -> None:
    answer = sms(client, "s  0987.654.321   Chuc mung ban trung thuong iPhone, soan tin 8x79 de nhan")
    assert answer["action"] == "report" and answer["tracking_code"]
    assert answer["tracking_code"] in answer["reply"]
    row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == answer["tracking_code"]))
    assert row is not None
    assert (row.kind, row.channel, row.sender, row.reporter) == ("spam_sms", "sms_5656", "+84987654321", "+84912345678")
    assert row.text.startswith("Chuc mung")
    again = sms(client, "S 0987654321 Chuc mung ban trung thuong iPhone, soan tin 8x79 de nhan")
    assert again["duplicate"] is True and again["tracking_code"] == answer["tracking_code"]
    log = session.scalars(select(InboundSmsRow).order_by(InboundSmsRow.id)).all()
    assert [r.action for r in log] == ["report", "report"] and log[0].report_id == row.id


def test_call_and_scam_reports(client: httpx.Client, session: Session) -> None:
    assert sms(client, "V (0241234567)(goi tu xung cong an yeu cau chuyen tien)")["action"] == "report"
    assert sms(client, "LD 0765432109 gia danh ngan hang doi OTP")["action"] == "report"
    kinds = sorted(session.scalars(select(ReportRow.kind)))
    assert kinds == ["scam", "spam_call"]


def test_do_not_call_register_and_cancel(client: httpx.Client, session: Session) -> None:
    sms(client, "DK DNC S")
    row = session.get(DncRow, "+84912345678")
    assert row is not None and (row.receives_no_sms_ads, row.receives_no_call_ads) == (True, False)
    sms(client, "dk dnc")
    session.expire_all()
    row = session.get(DncRow, "+84912345678")
    assert row is not None and (row.receives_no_sms_ads, row.receives_no_call_ads) == (True, True)
    sms(client, "HỦY DNC V")
    session.expire_all()
    row = session.get(DncRow, "+84912345678")
    assert row is not None and (row.receives_no_sms_ads, row.receives_no_call_ads) == (True, False)
    sms(client, "Huy DNC")
    session.expire_all()
    assert session.get(DncRow, "+84912345678") is None


def test_unknown_text_gets_help_never_silence(client: httpx.Client, session: Session) -> None:
    answer = sms(client, "xin chao")
    assert answer["action"] in ("unknown", "help") and answer["reply"].strip()
    assert sms(client, "HD")["action"] == "help"
    assert session.scalar(select(ReportRow)) is None


def test_gateway_input_errors(client: httpx.Client) -> None:
    bad_from = client.post("/api/v1/sms/inbound", json={"from": "abc", "to": "5656", "text": "HD"})
    assert bad_from.status_code == 422 and bad_from.json()["errors"][0]["field"] == "from"
    bad_to = client.post("/api/v1/sms/inbound", json={"from": "0912345678", "to": "9999", "text": "HD"})
    assert bad_to.status_code == 422 and "9999" in bad_to.json()["errors"][0]["message"]
