"""POST /api/v1/verdicts through a real server (uvicorn on loopback, httpx client)."""

from __future__ import annotations

import httpx
import pytest

from chanrac.config import MAX_TEXT_CHARS


@pytest.fixture
def client(live_server: str) -> httpx.Client:
    with httpx.Client(base_url=live_server, timeout=30) as c:
        yield c  # type: ignore[misc]


def test_one_message_gets_an_explained_verdict(client: httpx.Client) -> None:
    r = client.post(
        "/api/v1/verdicts", json={"text": "N.ổ h.ũ đổi thưởng, nạp đầu tặng 100% tại k9bet.vip", "sender": "0912345678"}
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["model_version"]
    [verdict] = body["verdicts"]
    assert verdict["label"] == "spam" and verdict["category"] == "gambling"
    assert verdict["action"] in ("flag", "block")
    assert {"model.spam", "rule.gambling"} <= {s["name"] for s in verdict["signals"]}
    assert verdict["explanation"].startswith(verdict["action"] + " gambling")


def test_a_batch_keeps_order_and_ids(client: httpx.Client) -> None:
    messages = [
        {"id": "a", "text": "Tối nay con về ăn cơm nhé mẹ"},
        {"id": 2, "text": "Vay tiền nhanh chỉ cần CCCD, giải ngân trong ngày, không thẩm định"},
        {"text": "Mã OTP của bạn là 123456, không chia sẻ cho ai."},
    ]
    r = client.post("/api/v1/verdicts", json={"messages": messages})
    assert r.status_code == 200, r.text
    verdicts = r.json()["verdicts"]
    assert [v["id"] for v in verdicts] == ["a", 2, None]
    assert [v["label"] for v in verdicts] == ["ham", "spam", "ham"]
    assert verdicts[1]["category"] == "loan"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"messages": [{"text": "ok"}, {"text": ""}]}, "messages[1].text"),
        ({"messages": [{"text": "ok"}, {"text": "x" * (MAX_TEXT_CHARS + 1)}]}, "messages[1].text"),
        ({"messages": [{"text": "ok", "colour": "red"}]}, "messages[0].colour"),
        ({"messages": []}, "messages"),
        ({"messages": [{"text": "ok"}] * 10_001}, "messages"),
        ({"sender": "0912345678"}, "text"),
    ],
)
def test_bad_requests_name_index_and_field(client: httpx.Client, body: dict, field: str) -> None:  # type: ignore[type-arg]
    r = client.post("/api/v1/verdicts", json=body)
    assert r.status_code == 422, r.text
    assert field in [e["field"] for e in r.json()["errors"]]


def test_malformed_json_is_a_400(client: httpx.Client) -> None:
    r = client.post("/api/v1/verdicts", content=b'{"text": ', headers={"content-type": "application/json"})
    assert r.status_code == 400
