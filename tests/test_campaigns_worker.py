"""The assignment worker (``campaign_assignment = "worker"``): the API only stores, ``chanrac
campaigns follow`` puts the reports into campaigns — against a real server and database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chanrac.config import Settings
from chanrac.store.tables import ReportRow
from conftest import PARTNER, PARTNER_TOKEN

LOAN = "Ho tro vay tien tieu dung toi {n} trieu, lai suat thap, giai ngan trong ngay. Zalo 0912345678 a {who}"


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, campaign_assignment="worker", partner_tokens={PARTNER_TOKEN: "Test operator"})


def pending(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(ReportRow).where(ReportRow.campaign_id.is_(None))) or 0


def test_api_stores_and_the_worker_assigns(live_server: str, db_url: str, session: Session) -> None:
    reports = [
        {"reporter": f"+8491{i:07d}", "sender": "0987000001", "text": LOAN.format(n=10 + i % 3, who=name)}
        for i, name in enumerate(["Nam", "Lan", "Hoa", "Binh", "Tuan"])
    ]
    reports.append({"reporter": "+84910000099", "sender": "0987000002", "text": "Chieu nay hop luc 3h nhe"})
    response = httpx.post(f"{live_server}/api/v1/reports/batch", json={"reports": reports}, headers=PARTNER, timeout=60)
    assert response.status_code == 201, response.text
    assert pending(session) == len(reports)  # acknowledged and stored, not yet in a campaign
    env = dict(os.environ, CHANRAC_DATABASE_URL=db_url, CHANRAC_CAMPAIGN_ASSIGNMENT="inline")
    command = [sys.executable, "-c", "from chanrac.cli import main; main()", "campaigns", "follow", "--once"]
    refused = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert refused.returncode == 2 and "campaign_assignment is 'inline'" in " ".join(refused.stderr.split())
    env["CHANRAC_CAMPAIGN_ASSIGNMENT"] = "worker"
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "6 reports assigned" in " ".join(result.stderr.split())
    assert pending(session) == 0
    campaigns = session.execute(select(ReportRow.campaign_id, func.count()).group_by(ReportRow.campaign_id)).all()
    assert sorted(count for _, count in campaigns) == [1, 5]
    # as a service: it waits for new reports and stops cleanly on SIGTERM
    follower = subprocess.Popen([*command[:-1], "--interval", "0.2"], stderr=subprocess.PIPE, text=True, env=env)
    try:
        late = {"reporter": "+84910000100", "sender": "0987000003", "text": LOAN.format(n=99, who="Minh")}
        assert httpx.post(f"{live_server}/api/v1/reports", json=late, timeout=60).status_code == 201
        deadline = time.monotonic() + 60
        while pending(session) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert pending(session) == 0
    finally:
        follower.send_signal(signal.SIGTERM)
        _, stderr = follower.communicate(timeout=60)
    assert follower.returncode == 0 and "1 report assigned" in " ".join(stderr.split())
