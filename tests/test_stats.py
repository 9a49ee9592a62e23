"""Report statistics on known rows, on SQLite and PostgreSQL; the JSON endpoint through a real server."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from itertools import count
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy.orm import Session

from chanrac.config import TIMEZONE
from chanrac.model import new_tracking_code
from chanrac.reports import UNKNOWN, Count, StatsQuery, compute_stats, stats_to_json
from chanrac.store.tables import ReportRow

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=TIMEZONE)
UTC = ZoneInfo("UTC")
SENDER_A = "+84987000001"  # Viettel prefix
SENDER_B = "+84912000002"  # VinaPhone prefix
REPORTER_1, REPORTER_2 = "+84900000111", "+84900000222"
_ids = count()


def make_row(at: datetime, **fields: object) -> ReportRow:
    values: dict[str, object] = {
        "tracking_code": new_tracking_code(),
        "kind": "spam_sms",
        "channel": "web",
        "sender": SENDER_A,
        "sender_kind": "mobile",
        "sender_operator": "viettel",
        "text": f"known test message {next(_ids)}",
        "province": "79",
        "received_at": at,
        "created_at": NOW,
        "status": "classified",
        "duplicate_count": 0,
    }
    values.update(fields)
    return ReportRow(**values)


def verdict(category: str, action: str, label: str = "spam") -> dict[str, object]:
    return {"verdict_label": label, "verdict_category": category, "verdict_action": action, "verdict_score": 7.0}


@pytest.fixture
def seeded(session: Session) -> Session:
    vn = TIMEZONE
    session.add_all(
        [
            make_row(
                datetime(2026, 3, 15, 9, 0, tzinfo=vn),
                channel="sms_5656",
                reporter=REPORTER_1,
                **verdict("loan", "block"),
            ),
            # 00:30 in Vietnam is still the 14th in UTC: it must count for the 15th.
            make_row(
                datetime(2026, 3, 14, 17, 30, tzinfo=UTC).astimezone(vn),
                reporter=REPORTER_2,
                **verdict("gambling", "flag"),
            ),
            make_row(
                datetime(2026, 3, 14, 23, 50, tzinfo=vn),
                sender="VIETCOMBANK",
                sender_kind="brandname",
                sender_operator=None,
                province=None,
                channel="api",
                **verdict("ham", "allow", "ham"),
            ),
            make_row(
                datetime(2026, 3, 13, 10, 0, tzinfo=vn),
                sender=None,
                sender_kind="unknown",
                sender_operator=None,
                province="01",
                channel="operator_bulk",
                status="received",
                duplicate_count=2,
            ),
            make_row(
                datetime(2026, 3, 10, 10, 0, tzinfo=vn),
                sender=SENDER_B,
                sender_operator="vinaphone",
                province="01",
                **verdict("phishing", "block"),
            ),
            make_row(datetime(2026, 2, 1, 10, 0, tzinfo=vn), **verdict("loan", "block")),  # 42 days before
            make_row(datetime(2026, 3, 16, 0, 10, tzinfo=vn), **verdict("loan", "block")),  # tomorrow
        ]
    )
    session.commit()
    return session


def test_three_days_count_by_vietnam_calendar_day(seeded: Session) -> None:
    stats = compute_stats(seeded, StatsQuery(days=3, now=NOW))
    assert (stats.first_day, stats.last_day) == (date(2026, 3, 13), date(2026, 3, 15))
    assert [(d.day.day, d.reports, d.spam) for d in stats.by_day] == [(13, 1, 0), (14, 1, 0), (15, 2, 2)]
    t = stats.totals
    assert (t.reports, t.spam, t.blocked, t.flagged, t.unclassified, t.repeats, t.senders) == (4, 2, 1, 1, 1, 2, 2)


def test_breakdowns_rank_by_count_then_name_with_empty_values_as_unknown(seeded: Session) -> None:
    stats = compute_stats(seeded, StatsQuery(days=3, now=NOW))
    assert stats.by_category == [Count("gambling", 1), Count("ham", 1), Count("loan", 1), Count(UNKNOWN, 1)]
    assert stats.by_operator == [Count(UNKNOWN, 2), Count("viettel", 2)]
    assert stats.by_province == [Count("79", 2), Count("01", 1), Count(UNKNOWN, 1)]
    assert stats.by_channel == [Count(c, 1) for c in ("api", "operator_bulk", "sms_5656", "web")]
    assert stats.by_action == [Count("allow", 1), Count("block", 1), Count("flag", 1), Count(UNKNOWN, 1)]
    assert stats.by_kind == [Count("spam_sms", 4)]


def test_top_senders_count_reports_and_distinct_reporters(seeded: Session) -> None:
    stats = compute_stats(seeded, StatsQuery(days=3, now=NOW))
    top = stats.top_senders
    assert [(s.sender, s.reports, s.reporters, s.spam, s.operator) for s in top] == [
        (SENDER_A, 2, 2, 2, "viettel"),
        ("VIETCOMBANK", 1, 0, 0, None),
    ]
    assert top[0].last_received_at == datetime(2026, 3, 15, 9, 0, tzinfo=TIMEZONE)
    assert top[0].last_received_at.utcoffset() == timedelta(hours=7)


def test_recent_reports_newest_first_in_vietnam_time(seeded: Session) -> None:
    recent = compute_stats(seeded, StatsQuery(days=3, now=NOW, recent=3)).recent
    assert [r.received_at for r in recent] == [
        datetime(2026, 3, 15, 9, 0, tzinfo=TIMEZONE),
        datetime(2026, 3, 15, 0, 30, tzinfo=TIMEZONE),
        datetime(2026, 3, 14, 23, 50, tzinfo=TIMEZONE),
    ]
    assert all(r.received_at.utcoffset() == timedelta(hours=7) for r in recent)
    assert [r.category for r in recent] == ["loan", "gambling", "ham"]


def test_window_grows_with_days_and_excludes_tomorrow(seeded: Session) -> None:
    assert compute_stats(seeded, StatsQuery(days=7, now=NOW)).totals.reports == 5
    month = compute_stats(seeded, StatsQuery(days=60, now=NOW))
    assert month.totals.reports == 6
    assert len(month.by_day) == 60 and sum(d.reports for d in month.by_day) == 6


def test_scope_by_province_and_operator(seeded: Session) -> None:
    hcm = compute_stats(seeded, StatsQuery(days=7, now=NOW, province="Hồ Chí Minh"))
    assert hcm.province == "79" and hcm.totals.reports == 2
    vina = compute_stats(seeded, StatsQuery(days=7, now=NOW, operator="VinaPhone"))
    assert vina.operator == "vinaphone" and [s.sender for s in vina.top_senders] == [SENDER_B]


def test_json_has_no_reporter_number(seeded: Session) -> None:
    body = stats_to_json(compute_stats(seeded, StatsQuery(days=3, now=NOW)))
    text = json.dumps(body)
    assert REPORTER_1 not in text and REPORTER_2 not in text
    assert body["by_day"][-1] == {"day": "2026-03-15", "reports": 2, "spam": 2}
    assert list(body["by_province"]) == ["79", "01", UNKNOWN]
    assert body["timezone"] == "Asia/Ho_Chi_Minh"


def test_empty_database_gives_zero_days(session: Session) -> None:
    stats = compute_stats(session, StatsQuery(days=5, now=NOW))
    assert stats.totals.reports == 0 and [d.reports for d in stats.by_day] == [0] * 5
    assert stats.by_category == [] and stats.top_senders == [] and stats.recent == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"days": 0}, "days must be between 1 and 366"),
        ({"days": 400}, "days must be between 1 and 366"),
        ({"province": "Atlantis"}, "province 'Atlantis'"),
        ({"operator": "acme"}, "operator 'acme' is not one of viettel"),
        ({"top": 0}, "top must be between"),
        ({"now": datetime(2026, 1, 1)}, "time zone"),
    ],
)
def test_bad_queries_say_what_is_wrong(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        StatsQuery(**kwargs)  # type: ignore[arg-type]


def test_stats_endpoint(live_server: str, session: Session) -> None:
    now = datetime.now(TIMEZONE)
    session.add_all(
        [
            make_row(now - timedelta(hours=1), reporter=REPORTER_1, **verdict("loan", "block")),
            make_row(now - timedelta(days=40), **verdict("scam", "block")),
        ]
    )
    session.commit()
    with httpx.Client(base_url=live_server, timeout=30) as client:
        body = client.get("/api/v1/stats", params={"days": 30}).json()
        assert body["totals"]["reports"] == 1 and body["by_category"] == {"loan": 1}
        assert len(body["by_day"]) == 30 and body["by_day"][-1]["day"] == now.date().isoformat()
        assert REPORTER_1 not in json.dumps(body)
        assert client.get("/api/v1/stats", params={"days": 60}).json()["totals"]["reports"] == 2
        assert client.get("/api/v1/stats", params={"days": 60, "province": "01"}).json()["totals"]["reports"] == 0

        bad: list[tuple[dict[str, str | int], str]] = [
            ({"days": 0}, "days"),
            ({"days": "abc"}, "days"),
            ({"province": "Atlantis"}, "province 'Atlantis'"),
            ({"operator": "acme"}, "operator 'acme'"),
        ]
        for params, needle in bad:
            response = client.get("/api/v1/stats", params=params)
            assert response.status_code == 422, params
            assert needle in response.text


def test_cli_prints_tables_and_json(seeded: Session, db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from chanrac.cli.stats import app
    from chanrac.config import get_settings

    monkeypatch.setenv("CHANRAC_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        table = runner.invoke(app, ["show", "--days", "366"])
        assert table.exit_code == 0, table.output
        assert "reports 7" in table.output and SENDER_A in table.output and REPORTER_1 not in table.output
        as_json = runner.invoke(app, ["show", "--days", "366", "--json", "--province", "01"])
        assert as_json.exit_code == 0 and json.loads(as_json.output)["totals"]["reports"] == 2
        bad = runner.invoke(app, ["show", "--days", "0"])
        assert isinstance(bad.exception, ValueError) and "days must be between 1 and 366" in str(bad.exception)
    finally:
        get_settings.cache_clear()
