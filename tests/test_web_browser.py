"""The web UI in a real browser: Debian's chromium driven by Playwright against the live server.

Every test also fails on a console error (a CSP violation, a missing file, a script error), and
leaves a screenshot of what it saw in /tmp/chanrac_*.png for a person to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from chanrac.config import TIMEZONE
from chanrac.model import new_tracking_code
from chanrac.store.tables import ReportRow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SPAM = "Vay nhanh 50tr giai ngan trong ngay, khong tham dinh, LH Zalo 0912345678"

# One database is enough to exercise the browser side; the pages' SQL runs on both in test_web_pages.
pytestmark = [pytest.mark.browser, pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)]

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium (make setup-dev does it)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """A page in a fresh browser context (no cookies), recording console errors."""

    def __init__(self, browser: object, base: str, *, javascript: bool = True, width: int = 1280) -> None:
        self.context = browser.new_context(  # type: ignore[attr-defined]
            java_script_enabled=javascript, viewport={"width": width, "height": 900}
        )
        self.page = self.context.new_page()
        self.base = base
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def open(self, path: str) -> object:
        return self.page.goto(self.base + path)

    def shot(self, name: str) -> None:
        self.page.screenshot(path=f"/tmp/chanrac_{name}.png", full_page=True)


@pytest.fixture
def tab(browser: object, live_server: str) -> Iterator[Tab]:
    tab = Tab(browser, live_server)
    yield tab
    tab.context.close()
    # The 4xx answers the tests provoke are logged by the browser; anything else is a defect.
    assert [e for e in tab.errors if not re.search(r"status of (400|404|422)", e)] == []


def seed(session: Session) -> None:
    # Noon of Vietnam's today, so that "days ago" never crosses midnight whenever the test runs.
    noon = datetime.combine(datetime.now(TIMEZONE).date(), time(12), TIMEZONE)
    rows = []
    for days_ago, category, operator, province in [
        (0, "loan", "viettel", "79"),
        (0, "gambling", "viettel", "01"),
        (1, "loan", "mobifone", "79"),
        (3, "phishing", "vinaphone", "48"),
        (5, None, None, None),
        (12, "ham", None, "79"),
    ]:
        spam = category not in (None, "ham")
        rows.append(
            ReportRow(
                tracking_code=new_tracking_code(),
                kind="spam_sms",
                channel="sms_5656",
                sender=f"+8498765432{days_ago}",
                sender_kind="mobile",
                sender_operator=operator,
                reporter="+84900000111",
                text=f"seeded report {days_ago} {category}",
                province=province,
                received_at=noon - timedelta(days=days_ago),
                created_at=noon,
                status="classified" if category else "received",
                verdict_label=("spam" if spam else "ham") if category else None,
                verdict_category=category,
                verdict_action=("block" if spam else "allow") if category else None,
                verdict_score=7.0 if spam else -1.0,
                verdict_signals=[{"name": "KEYWORD_LOAN", "score": 2.5, "detail": "vay nhanh"}] if spam else [],
            )
        )
    session.add_all(rows)
    session.commit()


def test_dashboard_charts_render_and_the_period_changes_in_place(tab: Tab, session: Session) -> None:
    seed(session)
    tab.open("/")
    page = tab.page
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("h1").inner_text() == "Thống kê phản ánh"
    spam_bars = page.locator("#chart-by-day rect.bar-spam")
    assert spam_bars.count() == 3  # today, yesterday and three days ago had spam
    box = spam_bars.first.bounding_box()
    assert box is not None and box["height"] > 5 and box["width"] > 2
    category_bars = page.locator("#chart-by-category rect.bar")
    assert category_bars.count() == 5  # loan, gambling, ham, phishing, unclassified
    widths = [category_bars.nth(i).bounding_box()["width"] for i in range(2)]
    assert widths[0] > widths[1] > 0  # loan (2) is twice gambling (1)
    assert page.locator("table.recent tbody tr").count() == 6
    assert "+84900000111" not in page.content()
    tab.shot("dashboard")

    page.select_option("#days", "7")  # htmx swaps the dashboard and pushes the address
    page.wait_for_url(re.compile(r"days=7"))
    page.wait_for_function("document.querySelectorAll('#chart-by-day g.day').length === 7")
    assert page.locator("table.recent tbody tr").count() == 5
    assert page.locator("#dashboard").count() == 1

    tab.page.set_viewport_size({"width": 390, "height": 800})
    tab.open("/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling on a phone
    tab.shot("dashboard_phone")


def test_report_form_with_htmx_invalid_then_valid(tab: Tab, session: Session) -> None:
    tab.open("/report")
    page = tab.page
    page.check("input[name=kind][value=scam]")
    page.fill("#f-sender", "0987 654 321")
    page.fill("#f-text", SPAM)
    page.fill("#f-reporter", "12345")
    page.select_option("#f-province", "48")
    page.click("button[type=submit]")
    error = page.locator("#f-reporter-error")
    error.wait_for()
    assert "Số điện thoại không hợp lệ" in error.inner_text()
    assert page.url.endswith("/report")  # swapped in place, no navigation
    assert page.locator("#f-reporter").get_attribute("aria-invalid") == "true"
    assert page.locator("#f-text").input_value() == SPAM  # nothing typed is lost
    assert page.locator("input[name=kind][value=scam]").is_checked()
    tab.shot("report_invalid")

    page.fill("#f-reporter", "0912 000 111")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/track/CR[0-9A-Z]{11}\?sent=new$"))
    code = page.url.split("/track/")[1].split("?")[0]
    assert "Cảm ơn bạn!" in page.locator(".notice.success").inner_text()
    assert code in page.locator("h1").inner_text()
    row = session.scalar(select(ReportRow).where(ReportRow.tracking_code == code))
    assert row is not None and (row.kind, row.channel, row.province) == ("scam", "web", "48")
    tab.shot("track_new")


def test_report_form_works_without_javascript(browser: object, live_server: str, session: Session) -> None:
    tab = Tab(browser, live_server, javascript=False)
    try:
        tab.open("/report")
        page = tab.page
        page.fill("#f-text", SPAM)
        page.fill("#f-recipient", "12")
        page.click("button[type=submit]")
        page.locator("#f-recipient-error").wait_for()
        assert page.locator(".notice.error a[href='#f-recipient']").count() == 1
        page.fill("#f-recipient", "")
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/track/CR"))
        assert page.locator(".notice.success").count() == 1
    finally:
        tab.context.close()


def test_language_switch_and_tracking_lookup(tab: Tab, session: Session) -> None:
    seed(session)
    code = session.scalars(select(ReportRow.tracking_code).where(ReportRow.verdict_category == "loan")).first()
    assert code is not None
    tab.open("/track")
    page = tab.page
    page.click("a[hreflang=en]")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Track a report"
    page.fill("#f-code", code.lower())  # people type codes in lower case
    page.click("form.lookup button[type=submit]")
    page.wait_for_url(f"**/track/{code}")
    assert page.locator("html").get_attribute("lang") == "en"  # the choice sticks (cookie)
    assert "Illegal credit" in page.locator(".verdict").inner_text()
    assert page.locator("table.signals tbody tr").count() == 1
    tab.shot("track_en")

    page.click("a[hreflang=vi]")
    assert "Cho vay, tín dụng đen" in page.locator(".verdict").inner_text()
    page.fill("#f-code", "hello")
    page.click("form.lookup button[type=submit]")
    assert "không phải là mã tra cứu hợp lệ" in page.locator("#f-code-error").inner_text()
    tab.shot("track_lookup_error")
