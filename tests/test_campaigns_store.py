"""Campaigns in a real database (SQLite and PostgreSQL): incremental assignment, merge-free
rebuild, reputation (from reports and traffic suspects), and the blocklist feed with its cursor."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chanrac.campaigns import assign_reports, rebuild_campaigns, rebuild_reputation, reputation_lookups
from chanrac.campaigns.reputation import suspect_score
from chanrac.config import TIMEZONE, Settings
from chanrac.model import Signal, Suspect, SuspectKind, new_tracking_code
from chanrac.sharing.blocklist import publish_blocklist, read_blocklist
from chanrac.store.tables import ReportRow
from chanrac.store.tables_campaigns import CampaignKeyRow, CampaignRow, ReportIndicatorRow, ReputationRow
from chanrac.traffic.io import load_suspects

LOAN = "Ho tro vay tien tieu dung toi {n} trieu, lai suat thap, giai ngan trong ngay, khong tham dinh. Zalo {p} a {who}"
HAM = ["Toi nay may gio em ve", "Chieu nay hop luc 3h nhe", "Anh gui tai lieu qua mail roi"]
_reporters = count(100)


def add_report(
    session: Session, text: str, sender: str, when: datetime, spam: bool = True, channel: str = "sms_5656"
) -> int:
    row = ReportRow(
        tracking_code=new_tracking_code(),
        kind="spam_sms",
        channel=channel,
        sender=sender,
        sender_kind="mobile",
        reporter=f"+8491{next(_reporters):07d}",
        text=text,
        received_at=when,
        created_at=when,
        duplicate_count=0,
        status="classified",
        verdict_label="spam" if spam else "ham",
        verdict_category="loan" if spam else "ham",
        verdict_score=7.0 if spam else 0.0,
        verdict_action="block" if spam else "allow",
    )
    session.add(row)
    session.flush()
    return row.id


def test_new_reports_join_their_campaign_at_once(session: Session) -> None:
    now = datetime.now(TIMEZONE)
    first = [
        add_report(session, LOAN.format(n=50, p="0912345678", who=w), "+84987000001", now - timedelta(days=1))
        for w in ("Nam", "Lan")
    ]
    ham = add_report(session, HAM[0], "+84987000009", now, spam=False)
    assign_reports(session, [*first, ham])
    session.commit()
    later = add_report(session, LOAN.format(n=50, p="0912345678", who="Hung"), "+84987000002", now)
    result = assign_reports(session, [later])
    session.commit()
    campaign_ids = {r.id: r.campaign_id for r in session.execute(select(ReportRow.id, ReportRow.campaign_id))}
    assert campaign_ids[first[0]] == campaign_ids[first[1]] == campaign_ids[later] == result.assigned[later]
    assert campaign_ids[ham] != campaign_ids[later]
    assert result.created == []
    campaign = session.get(CampaignRow, campaign_ids[later])
    assert campaign is not None
    assert (campaign.message_count, campaign.reporter_count, campaign.sender_count) == (3, 3, 2)
    assert campaign.category == "loan"
    assert sum(campaign.daily_counts.values()) == 3
    assert "+84912345678" in campaign.indicators.get("phone", {}) or "+84912345678" in campaign.indicators.get(
        "zalo", {}
    )
    assert assign_reports(session, [later]).assigned == {}  # already assigned: left alone
    assert session.scalar(select(func.count()).select_from(CampaignKeyRow)) > 0


def test_rebuild_keeps_campaign_ids_and_indexes_again(session: Session) -> None:
    now = datetime.now(TIMEZONE)
    ids = [
        add_report(session, LOAN.format(n=30, p="0911111111", who=w), "+84987000003", now)
        for w in ("Nam", "Lan", "Hoa", "Binh")
    ]
    assign_reports(session, ids)
    session.commit()
    before = session.scalar(select(ReportRow.campaign_id).where(ReportRow.id == ids[0]))
    stats = rebuild_campaigns(session)
    session.commit()
    assert stats["reports"] == 4 and stats["campaigns"] == 1 and stats["kept_ids"] == 1
    after = set(session.scalars(select(ReportRow.campaign_id)))
    assert after == {before}
    assert session.scalar(select(func.count()).select_from(ReportIndicatorRow)) >= 4


def test_reputation_and_blocklist_feed_with_cursor_and_removals(session: Session, settings: Settings) -> None:
    now = datetime.now(TIMEZONE)
    ids = [
        add_report(session, LOAN.format(n=70, p="0933333333", who=w), "+84987000004", now - timedelta(hours=i))
        for i, w in enumerate(("Nam", "Lan", "Hoa", "Binh", "Tuan", "Minh"))
    ]
    ids.append(add_report(session, HAM[1], "+84987000005", now, spam=False))
    assign_reports(session, ids)
    rebuild_reputation(session, settings, now=now)
    lookups = reputation_lookups(session)
    assert lookups.sender_reputation["+84987000004"] > 0.8
    assert lookups.sender_reputation.get("+84987000005", 0.0) < 0.5
    published = publish_blocklist(session, settings, now=now)
    session.commit()
    assert published.added >= 1
    snapshot = read_blocklist(session, since=0)
    values = {(e.kind, e.value) for e in snapshot.entries}
    assert ("number", "+84987000004") in values and ("number", "+84987000005") not in values
    assert all(e.listed for e in snapshot.entries)
    cursor = snapshot.cursor
    assert read_blocklist(session, since=cursor).entries == []
    # a month and a half later nothing new came: the entries expire and appear as removals
    later = now + timedelta(days=settings.blocklist_ttl_days + 15)
    rebuild_reputation(session, settings, now=later)
    removed = publish_blocklist(session, settings, now=later)
    session.commit()
    assert removed.removed == len(snapshot.entries)
    changes = read_blocklist(session, since=cursor)
    assert {(e.kind, e.value) for e in changes.entries} == values
    assert not any(e.listed for e in changes.entries)
    assert read_blocklist(session, since=0).entries == []


def test_traffic_suspects_feed_sender_reputation(session: Session, settings: Settings) -> None:
    now = datetime.now(TIMEZONE)
    reported = "+84987000006"
    add_report(session, LOAN.format(n=20, p="0944444444", who="Nam"), reported, now - timedelta(hours=2))
    box = [
        Suspect(
            msisdn,
            SuspectKind.SIM_BOX,
            "box-1",
            8.0,
            (Signal("IMEI_MANY_IMSIS", 2.0, "12 SIMs on one IMEI"),),
            now - timedelta(days=1),
            now - timedelta(hours=1),
        )
        for msisdn in (reported, "+84987000007")
    ]
    rebuild_reputation(session, settings, now=now)
    before = reputation_lookups(session).sender_reputation[reported]
    load_suspects(session, box, run_id="run-1")
    rebuild_reputation(session, settings, now=now)
    session.commit()
    after = reputation_lookups(session).sender_reputation
    assert after[reported] > before
    # never reported, known only from the operator's records: a reputation, but no blocklisting
    assert 0.5 < after["+84987000007"] < settings.blocklist_min_score
    row = session.scalars(select(ReputationRow).where(ReputationRow.value == "+84987000007")).one()
    names = {s["name"]: s for s in row.signals}
    assert names["REP_TRAFFIC_SUSPECT"]["detail"] == "traffic analytics: sim_box"
    assert "REP_SPAM_VERDICTS" not in names and row.reports == 0
    publish_blocklist(session, settings, now=now)
    assert "+84987000007" not in {e.value for e in read_blocklist(session, since=0).entries}
    assert suspect_score(4.5) == 0.5 and suspect_score(8.0) == 0.8 and suspect_score(25.0) == 1.0


BRIDGED = (
    "Nha cai uy tin so 1 chau a nap lan dau tang 100 phan tram, rut tien nhanh trong 5 phut, dang ky ngay "
    "tai link ben duoi de nhan qua tang hap dan cho thanh vien moi"
)
REPLACEMENTS = "khuyen mai cuc lon danh cho ban"


def _variant(words: list[str], changes: int) -> str:
    replacements = REPLACEMENTS.split()
    out = words[:]
    for j, position in enumerate(list(range(1, len(words), 3))[:changes]):
        out[position] = replacements[j]
    return " ".join(out)


def test_a_bridging_report_merges_two_campaigns_with_their_counts(session: Session) -> None:
    words = BRIDGED.split()
    now = datetime.now(TIMEZONE)
    first = add_report(session, " ".join(words), "+84987000011", now - timedelta(days=2))
    second = add_report(session, _variant(words, 5), "+84987000012", now - timedelta(days=1))
    assign_reports(session, [first])
    assign_reports(session, [second])
    session.commit()
    campaign_of = dict(session.execute(select(ReportRow.id, ReportRow.campaign_id)).all())
    assert campaign_of[first] != campaign_of[second]
    bridge = add_report(session, _variant(words, 2), "+84987000013", now)
    result = assign_reports(session, [bridge])
    session.commit()
    survivor = result.assigned[bridge]
    (absorbed,) = {campaign_of[first], campaign_of[second]} - {survivor}
    assert result.merged == {absorbed: survivor}
    assert set(dict(session.execute(select(ReportRow.id, ReportRow.campaign_id)).all()).values()) == {survivor}
    merged = session.get(CampaignRow, absorbed)
    kept = session.get(CampaignRow, survivor)
    assert merged is not None and kept is not None
    assert (merged.status, merged.merged_into) == ("merged", survivor)
    assert (kept.status, kept.message_count, kept.sender_count) == ("active", 3, 3)
    assert sum(kept.daily_counts.values()) == 3 and len(kept.daily_counts) == 3


def test_reporters_typed_into_the_web_or_api_never_blocklist_a_number(session: Session, settings: Settings) -> None:
    now = datetime.now(TIMEZONE)
    text = LOAN.format(n=15, p="0966666666", who="Nam")
    for i in range(8):  # eight "different people" on the public API: one person can type eight numbers
        add_report(session, text, "+84987000021", now - timedelta(minutes=i), channel="api")
    for i in range(3):  # three subscribers who forwarded the SMS to 5656
        add_report(session, text, "+84987000022", now - timedelta(minutes=i), channel="sms_5656")
    rebuild_reputation(session, settings, now=now)
    publish_blocklist(session, settings, now=now)
    session.commit()
    rows = {r.value: r for r in session.scalars(select(ReputationRow))}
    forged, forwarded = rows["+84987000021"], rows["+84987000022"]
    assert (forged.reporters, forwarded.reporters) == (0, 3)
    assert any(s["name"] == "REP_UNVERIFIED_REPORTERS" for s in forged.signals)
    listed = {e.value for e in read_blocklist(session, since=0).entries}
    assert "+84987000022" in listed and "+84987000021" not in listed


def test_a_misreported_notice_sender_is_not_blocklisted(session: Session, settings: Settings) -> None:
    now = datetime.now(TIMEZONE)
    otp = "Ma OTP cua Quy khach la {n}. Khong chia se ma nay cho bat ky ai."
    for i in range(40):  # forty subscribers forward their bank's OTP notice to 5656; verdicts: ham
        add_report(session, otp.format(n=100000 + i), "+84987000031", now - timedelta(minutes=i), spam=False)
    rebuild_reputation(session, settings, now=now)
    publish_blocklist(session, settings, now=now)
    session.commit()
    rep = session.scalars(select(ReputationRow).where(ReputationRow.value == "+84987000031")).one()
    assert rep.reporters == 40 and rep.spam_share == 0.0
    assert rep.score >= settings.blocklist_min_score  # well reported…
    assert "+84987000031" not in {e.value for e in read_blocklist(session, since=0).entries}  # …but not spam
