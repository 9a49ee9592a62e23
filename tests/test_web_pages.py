"""The web pages over real HTTP (no JavaScript): dashboard, report form, tracking, language, static files."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chanrac.config import MAX_TEXT_CHARS, TIMEZONE
from chanrac.model import new_tracking_code, normalise_tracking_code
from chanrac.store.tables import ReportRow

REPORTER = "+84900000111"
RECIPIENT = "+84900000999"
SPAM = "Vay nhanh 50tr giai ngan trong ngay, khong tham dinh, LH Zalo 0912345678"
# Pages whose database work is already covered on both engines run on SQLite only (a fast suite).
sqlite_only = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def client(live_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server, timeout=60) as c:
        yield c


def stored(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(ReportRow)) or 0


def add_report(session: Session, **fields: object) -> ReportRow:
    now = datetime.now(TIMEZONE)
    values: dict[str, object] = {
        "tracking_code": new_tracking_code(),
        "kind": "spam_sms",
        "channel": "sms_5656",
        "sender": "+84987654321",
        "sender_kind": "mobile",
        "sender_operator": "viettel",
        "reporter": REPORTER,
        "recipient": RECIPIENT,
        "text": SPAM,
        "province": "79",
        "received_at": now - timedelta(minutes=5),
        "created_at": now,
        "status": "classified",
        "verdict_label": "spam",
        "verdict_score": 7.25,
        "verdict_category": "loan",
        "verdict_action": "block",
        "verdict_signals": [
            {"name": "rule.loan", "score": 2.5, "detail": "vay nhanh"},
            {"name": "model.spam", "score": 4.75, "detail": "p=0.98"},
            {"name": "some.future_signal", "score": -0.5, "detail": ""},
        ],
    }
    values.update(fields)
    row = ReportRow(**values)
    session.add(row)
    session.commit()
    return row


def test_dashboard_is_vietnamese_and_never_shows_reporters(client: httpx.Client, session: Session) -> None:
    row = add_report(session)
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="vi">' in html and "Thống kê phản ánh" in html
    assert 'id="chart-by-day"' in html and 'id="chart-by-category"' in html
    assert row.tracking_code in html and "+84987654321" in html and "Cho vay, tín dụng đen" in html
    assert REPORTER not in html and RECIPIENT not in html and "900000111" not in html
    assert "default-src 'self'" in response.headers["content-security-policy"]


@sqlite_only
def test_dashboard_period_and_bad_period(client: httpx.Client) -> None:
    assert "7 ngày gần nhất" in client.get("/", params={"days": 7}).text
    for bad in ("abc", "0", "9999"):
        response = client.get("/", params={"days": bad})
        assert response.status_code == 400
        assert "Khoảng thời gian phải là số ngày từ 1 đến 366" in response.text


@sqlite_only
def test_language_switch_sticks_through_a_cookie(client: httpx.Client) -> None:
    english = client.get("/", params={"lang": "en"})
    assert '<html lang="en">' in english.text and "Report statistics" in english.text
    assert english.cookies.get("lang") == "en"
    assert "Report a spam message or call" in client.get("/report").text  # the cookie is kept
    back = client.get("/track", params={"lang": "vi"})
    assert '<html lang="vi">' in back.text and "Tra cứu phản ánh" in back.text
    assert '<html lang="vi">' in client.get("/").text
    assert '<html lang="vi">' in client.get("/", params={"lang": "xx"}).text  # unknown: ignored


@sqlite_only
def test_invalid_form_shows_errors_next_to_fields_and_stores_nothing(client: httpx.Client, session: Session) -> None:
    form = {"kind": "spam_sms", "sender": "0987 654 321", "text": SPAM, "reporter": "12345", "recipient": ""}
    response = client.post("/report", data=form)
    assert response.status_code == 422
    html = response.text
    error = re.search(r'<p class="field-error" id="f-reporter-error">([^<]+)</p>', html)
    assert error is not None and "Số điện thoại không hợp lệ" in error.group(1)
    assert 'aria-describedby="f-reporter-hint f-reporter-error"' in html and 'aria-invalid="true"' in html
    assert 'value="0987 654 321"' in html and 'value="12345"' in html  # what was typed is kept
    assert "f-sender-error" not in html
    assert stored(session) == 0

    too_long = client.post("/report", data={"text": "x" * (MAX_TEXT_CHARS + 1)})
    assert too_long.status_code == 422 and "Dài quá 2.000 ký tự" in too_long.text
    empty = client.post("/report", data={"text": "   ", "sender": "not a sender !!", "province": "Atlantis"})
    assert empty.status_code == 422
    for field in ("text", "sender", "province"):
        assert f'id="f-{field}-error"' in empty.text
    english = client.post("/report?lang=en", data={"text": SPAM, "recipient": "12"})
    assert "Not a valid phone number" in english.text and "Detail:" in english.text
    assert stored(session) == 0


def test_valid_form_redirects_to_the_tracking_page(client: httpx.Client, session: Session) -> None:
    form = {"kind": "scam", "sender": "0987 654 321", "text": SPAM, "reporter": "0912 000 111", "province": "48"}
    response = client.post("/report", data=form)
    assert response.status_code == 303
    location = response.headers["location"]
    code = location.split("/track/")[1].split("?")[0]
    assert normalise_tracking_code(code) == code and location.endswith("?sent=new")
    row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == code))
    assert row is not None
    assert (row.channel, row.kind, row.reporter, row.sender, row.province) == (
        "web",
        "scam",
        "+84912000111",
        "+84987654321",
        "48",
    )
    page = client.get(location)
    assert page.status_code == 200 and "Cảm ơn bạn!" in page.text and code in page.text
    assert "+84912000111" not in page.text

    again = client.post("/report", data=form)  # the same person, the same message: counted, not stored
    assert again.headers["location"] == f"/track/{code}?sent=duplicate"
    assert stored(session) == 1


@sqlite_only
def test_htmx_submission_gets_a_fragment_or_a_redirect_header(client: httpx.Client, session: Session) -> None:
    headers = {"HX-Request": "true"}
    bad = client.post("/report", data={"text": SPAM, "reporter": "12"}, headers=headers)
    assert bad.status_code == 422
    assert bad.text.lstrip().startswith('<form id="report-form"') and "<html" not in bad.text
    good = client.post("/report", data={"text": SPAM}, headers=headers)
    assert good.status_code == 200 and good.headers["HX-Redirect"].startswith("/track/CR")
    assert stored(session) == 1


def test_tracking_page_explains_the_verdict(client: httpx.Client, session: Session) -> None:
    row = add_report(session, duplicate_count=3)
    html = client.get(f"/track/{row.tracking_code}").text
    assert "Cho vay, tín dụng đen" in html and 'class="badge action-block">Chặn<' in html and "7,25" in html
    names = re.findall(r'<span class="mono small muted">([\w.]+)</span>', html)
    assert names == ["model.spam", "rule.loan", "some.future_signal"]  # strongest first
    assert "Mô hình phân loại nội dung" in html and "Từ khóa nhóm “Cho vay, tín dụng đen”" in html
    assert "+4,75" in html and "−0,50" in html
    assert REPORTER not in html and RECIPIENT not in html and SPAM not in html

    english = client.get(f"/track/{row.tracking_code}", params={"lang": "en"}).text
    assert "Illegal credit" in english and "+4.75" in english


def test_tracking_page_says_why_a_score_above_the_block_line_is_only_flagged(
    client: httpx.Client, session: Session
) -> None:
    signals = [
        {"name": "model.spam", "score": 7.5, "detail": "p=0.99"},
        {"name": "policy.model_alone", "score": 0.0, "detail": "only the content model speaks: flagged, not blocked"},
    ]
    flagged = add_report(session, verdict_score=7.5, verdict_action="flag", verdict_signals=signals)
    html = client.get(f"/track/{flagged.tracking_code}").text
    assert 'class="badge action-flag">' in html and "chuyển cán bộ xem xét thay vì chặn" in html
    english = client.get(f"/track/{flagged.tracking_code}", params={"lang": "en"}).text
    assert "goes to review instead of being blocked" in english
    blocked = client.get(f"/track/{add_report(session).tracking_code}").text
    assert "xem xét thay vì chặn" not in blocked


@sqlite_only
def test_tracking_lookup_tolerates_typing_and_refuses_nonsense(client: httpx.Client, session: Session) -> None:
    row = add_report(session)
    lookup = client.get("/track", params={"code": f" {row.tracking_code.lower()} "})
    assert lookup.status_code == 303 and lookup.headers["location"] == f"/track/{row.tracking_code}"
    lower = client.get(f"/track/{row.tracking_code.lower()}")
    assert lower.status_code == 308 and lower.headers["location"] == f"/track/{row.tracking_code}"

    nonsense = client.get("/track", params={"code": "hello"})
    assert nonsense.status_code == 400 and "không phải là mã tra cứu hợp lệ" in nonsense.text
    assert client.get("/track/hello").status_code == 400
    unknown = normalise_tracking_code("CR" + "0" * 10 + "0")
    assert unknown is not None
    missing = client.get(f"/track/{unknown}")
    assert missing.status_code == 404 and f"Không tìm thấy phản ánh có mã {unknown}" in missing.text
    assert client.get("/track").status_code == 200


@sqlite_only
def test_static_files(client: httpx.Client) -> None:
    htmx = client.get("/static/htmx.min.js")
    assert htmx.status_code == 200 and htmx.headers["content-type"].startswith("text/javascript")
    assert htmx.text.startswith("/*! htmx 2.") and "0BSD" in htmx.text.splitlines()[0]
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    for name in ("nope.css", "..%2Froutes.py", ".hidden.css", "routes.py"):
        assert client.get(f"/static/{name}").status_code == 404, name
