"""POST /api/v1/verdicts through a real server (uvicorn on loopback, httpx client)."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chanrac.config import MAX_TEXT_CHARS, TIMEZONE
from chanrac.store.tables import ReportRow
from chanrac.store.tables_campaigns import ReputationRow
from conftest import PARTNER


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


REPUTED_SENDER, REPUTED_DOMAIN = "+84987000111", "qua-tang-tri-an.com"


@pytest.fixture
def reputations(session: Session) -> None:
    """What the campaigns capability would have learnt, in the store before the server starts."""
    now = datetime.now(TIMEZONE)
    for kind, value in (("mobile", REPUTED_SENDER), ("domain", REPUTED_DOMAIN)):
        session.add(
            ReputationRow(
                kind=kind,
                value=value,
                score=0.9,
                reports=12,
                reporters=9,
                campaigns=1,
                spam_share=1.0,
                first_seen=now,
                last_seen=now,
                signals=[],
                updated_at=now,
            )
        )
    session.commit()


def test_verdicts_know_what_intake_knows(reputations: None, client: httpx.Client, session: Session) -> None:
    """The API judges a message as intake would: with the reputations the store holds."""
    text = f"Chao ban, xem thong tin tai {REPUTED_DOMAIN} nhe"
    known = client.post("/api/v1/verdicts", json={"text": text, "sender": "0987000111"}).json()["verdicts"][0]
    names = {s["name"]: s for s in known["signals"]}
    assert names["reputation.sender"]["score"] == pytest.approx(0.9)
    assert REPUTED_DOMAIN in names["reputation.indicator"]["detail"]
    unknown = client.post("/api/v1/verdicts", json={"text": "Chao ban", "sender": "0987000222"}).json()["verdicts"][0]
    assert not any(s["name"].startswith("reputation.") for s in unknown["signals"])
    # Reported, the same message is stored with the same verdict.
    reported = client.post(
        "/api/v1/reports", json={"sender": "0987000111", "text": text, "reporter": "0912000333"}, headers=PARTNER
    )
    assert reported.status_code == 201, reported.text
    session.expire_all()
    row = session.scalars(select(ReportRow).where(ReportRow.tracking_code == reported.json()["tracking_code"])).one()
    assert (row.verdict_score, row.verdict_label) == (pytest.approx(known["score"]), known["label"])


def test_verdicts_go_on_when_the_store_does_not_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Reputations come from the store; when it cannot be read the classifier judges without them
    (the last ones known, or none) and asks again later, not on every message."""
    from chanrac.config import Settings
    from chanrac.intake.service import ReputationAwareClassifier
    from chanrac.model import Message
    from chanrac.store.db import make_engine, session_factory

    missing = tmp_path / "no-such-dir" / "chanrac.db"  # SQLite cannot open a file in a missing folder
    sessions = session_factory(make_engine(f"sqlite:///{missing}"))
    classifier = ReputationAwareClassifier(Settings(), sessions)
    [verdict] = classifier([Message(text="Vay tiền nhanh chỉ cần CCCD, giải ngân trong ngày")])
    assert verdict.is_spam
    assert not classifier.stale()  # the failed read is retried after retry_seconds, not at once
