"""The 5656/156 SMS syntax: what people send, read generously, and the replies they get back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chanrac.intake.sms5656 import (
    MAX_REPLY_CHARS,
    REPLIES,
    SINGLE_SMS_CHARS,
    InboundCommand,
    parse_inbound,
    reply_for,
)
from chanrac.model import ReportKind, SenderKind, new_tracking_code

CODE = "CR7K4M9Q2XZH3"
# GSM 03.38 basic character set: one septet each. The extension table ([ ] { } | ~ ^ € \) costs two.
GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
    "abcdefghijklmnopqrstuvwxyzäöñüà"
)


@pytest.mark.parametrize(
    ("text", "kind", "source", "content"),
    [
        ("S 0912345678 Trung thuong 100 trieu", ReportKind.SPAM_SMS, "+84912345678", "Trung thuong 100 trieu"),
        ("S (0912345678)(Vay nhanh 50tr)", ReportKind.SPAM_SMS, "+84912345678", "Vay nhanh 50tr"),
        ("V 0912.345.678 gia danh cong an", ReportKind.SPAM_CALL, "+84912345678", "gia danh cong an"),
        ("V (0912345678)(moi mua bao hiem)", ReportKind.SPAM_CALL, "+84912345678", "moi mua bao hiem"),
        ("LD 0765432109 doi ma OTP", ReportKind.SCAM, "+84765432109", "doi ma OTP"),
        ("LD (VCB)(tai khoan bi khoa)", ReportKind.SCAM, "VCB", "tai khoan bi khoa"),
        # spacing and case
        ("S0912345678 noi dung", ReportKind.SPAM_SMS, "+84912345678", "noi dung"),
        ("s   0912345678   nd", ReportKind.SPAM_SMS, "+84912345678", "nd"),
        ("ld0912345678 x", ReportKind.SCAM, "+84912345678", "x"),
        ("S 0912 345 678 Nha cai uy tin", ReportKind.SPAM_SMS, "+84912345678", "Nha cai uy tin"),
        ("S +84 912 345 678 co 100 tr", ReportKind.SPAM_SMS, "+84912345678", "co 100 tr"),
        ("S 01681234567 sim cu", ReportKind.SPAM_SMS, "+84381234567", "sim cu"),
        # brackets with odd spacing, full-width or square brackets, unclosed
        ("S ( 0912345678 ) ( noi dung )", ReportKind.SPAM_SMS, "+84912345678", "noi dung"),
        ("S(0912345678)(noi dung)", ReportKind.SPAM_SMS, "+84912345678", "noi dung"),
        ("S （0912345678）（noi dung）", ReportKind.SPAM_SMS, "+84912345678", "noi dung"),
        ("S [VCB] [noi dung]", ReportKind.SPAM_SMS, "VCB", "noi dung"),
        ("S (0912345678)(noi dung", ReportKind.SPAM_SMS, "+84912345678", "noi dung"),
        ("S (0912345678) noi dung", ReportKind.SPAM_SMS, "+84912345678", "noi dung"),
        ("S (MB Bank)(noi dung)", ReportKind.SPAM_SMS, "MB BANK", "noi dung"),
        # the short code repeated in front, separators after the keyword
        ("5656 S 0912345678 abc", ReportKind.SPAM_SMS, "+84912345678", "abc"),
        ("156 V 0912345678 abc", ReportKind.SPAM_CALL, "+84912345678", "abc"),
        ("S: 0912345678 abc", ReportKind.SPAM_SMS, "+84912345678", "abc"),
        # brandnames and short codes as sources
        ("S VCB: Quy khach vui long cap nhat", ReportKind.SPAM_SMS, "VCB", "Quy khach vui long cap nhat"),
        ("S Viettel KM 50%", ReportKind.SPAM_SMS, "VIETTEL", "KM 50%"),
        ("S 8779 Soan tin nhan qua", ReportKind.SPAM_SMS, "8779", "Soan tin nhan qua"),
        ("S zalo:0912345678 tuyen CTV", ReportKind.SPAM_SMS, "zalo:+84912345678", "tuyen CTV"),
    ],
)
def test_report_syntaxes(text: str, kind: ReportKind, source: str, content: str) -> None:
    command = parse_inbound(text)
    assert command.action == "report"
    assert command.report_kind is kind
    assert command.source is not None and command.source.value == source
    assert command.content == content
    assert command.problem is None


def test_forwarded_multiline_content_is_kept_whole() -> None:
    pasted = "S VCB\nQuy khach: tai khoan tam khoa.\nXac thuc tai http://vcb.example-verify.top\n"
    command = parse_inbound(pasted)
    assert command.source is not None and command.source.kind is SenderKind.BRANDNAME
    assert command.content == "Quy khach: tai khoan tam khoa.\nXac thuc tai http://vcb.example-verify.top"
    bracketed = parse_inbound("S (0912345678)(dong 1\ndong 2)")
    assert bracketed.content == "dong 1\ndong 2"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("S Quy khach da trung thuong 100 trieu", "Quy khach da trung thuong 100 trieu"),
        ("S Quý khách trúng thưởng", "Quý khách trúng thưởng"),
        ("V chuc mung ban", "chuc mung ban"),
    ],
)
def test_missing_source_is_still_a_report_with_a_problem(text: str, content: str) -> None:
    command = parse_inbound(text)
    assert (command.action, command.source, command.source_raw) == ("report", None, None)
    assert command.content == content
    assert command.problem == "missing source"


def test_unreadable_source_is_kept_raw_and_explained() -> None:
    command = parse_inbound("S 09123 tin rac")
    assert (command.action, command.source, command.source_raw, command.content) == ("report", None, "09123", "tin rac")
    assert command.problem is not None and "too short" in command.problem


@pytest.mark.parametrize(
    ("text", "problem"), [("S", "missing source and content"), ("LD 0912345678", "missing content")]
)
def test_incomplete_reports(text: str, problem: str) -> None:
    command = parse_inbound(text)
    assert command.action == "report" and command.problem == problem


@pytest.mark.parametrize(
    ("text", "action", "scope"),
    [
        ("DK DNC", "dnc_register", "all"),
        ("DK DNC S", "dnc_register", "sms"),
        ("DK DNC V", "dnc_register", "call"),
        ("dk dnc", "dnc_register", "all"),
        ("DKDNC", "dnc_register", "all"),
        ("ĐK DNC v", "dnc_register", "call"),
        ("Đăng ký DNC", "dnc_register", "all"),
        ("  DK   DNC   S  ", "dnc_register", "sms"),
        ("5656 DK DNC", "dnc_register", "all"),
        ("HUY DNC", "dnc_cancel", "all"),
        ("HỦY DNC", "dnc_cancel", "all"),
        ("Huy dnc", "dnc_cancel", "all"),
        ("HUY DNC S", "dnc_cancel", "sms"),
        ("huy dnc v.", "dnc_cancel", "call"),
    ],
)
def test_dnc_syntaxes(text: str, action: str, scope: str) -> None:
    command = parse_inbound(text)
    assert (command.action, command.dnc_scope, command.problem) == (action, scope, None)


def test_unknown_dnc_option_is_explained_not_guessed() -> None:
    command = parse_inbound("DK DNC QC")
    assert command.action == "dnc_register" and command.dnc_scope is None
    assert command.problem is not None and "'qc'" in command.problem
    assert "DK DNC S" in reply_for(command)


def test_advertiser_copy_and_consent_request() -> None:
    copy = parse_inbound("FW [QC] Giam 50% tai cua hang. Tu choi QC soan TC gui 1234")
    assert (copy.action, copy.content) == ("advertiser_copy", "[QC] Giam 50% tai cua hang. Tu choi QC soan TC gui 1234")
    assert parse_inbound("fw").problem == "missing content"
    consent = parse_inbound("DKQC Cong ty X xin phep gui quang cao. Dong y soan Y gui 1234")
    assert consent.action == "consent_request"
    assert consent.content == "DKQC Cong ty X xin phep gui quang cao. Dong y soan Y gui 1234"


@pytest.mark.parametrize("text", ["HD", "hd", "HELP", "help", "?", "TRO GIUP", "Trợ giúp", "huong dan", "5656 HD"])
def test_help(text: str) -> None:
    assert parse_inbound(text).action == "help"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty message"),
        ("   \n ", "empty message"),
        ("hello", "unknown keyword 'hello'"),
        ("SVCB abc", "unknown keyword 'SVCB'"),
        ("Quy khach da trung thuong 100 trieu, lien he 0912345678",
         "no keyword: looks like a forwarded message without S, V or LD in front"),
        ("VCB:\nTai khoan bi khoa", "no keyword: looks like a forwarded message without S, V or LD in front"),
    ],
)  # fmt: skip
def test_unknown_text_says_why_and_the_reply_teaches_the_syntax(text: str, problem: str) -> None:
    command = parse_inbound(text)
    assert (command.action, command.problem) == ("unknown", problem)
    for lang in ("vi", "en"):
        reply = reply_for(command, lang=lang)
        assert "S <s" in reply and "LD <" in reply


# --- replies ----------------------------------------------------------------------------------------

REPORT = parse_inbound("S 0912345678 noi dung")


def test_report_reply_thanks_and_gives_the_tracking_code() -> None:
    assert reply_for(REPORT, tracking_code=CODE).startswith(
        "Cam on ban da phan anh tin nhan rac. Ma tiep nhan: " + CODE
    )
    assert reply_for(REPORT, tracking_code=CODE, lang="en").startswith("Thank you for reporting a spam SMS")
    assert "cuoc goi rac" in reply_for(parse_inbound("V 0912345678 x"), tracking_code=CODE)
    assert "a scam" in reply_for(parse_inbound("LD 0912345678 x"), tracking_code=CODE, lang="en")


def test_duplicate_report_is_counted_and_says_so() -> None:
    assert "da duoc tiep nhan truoc do" in reply_for(REPORT, tracking_code=CODE, duplicate=True)
    assert "already reported" in reply_for(REPORT, tracking_code=CODE, duplicate=True, lang="en")
    assert CODE in reply_for(REPORT, tracking_code=CODE, duplicate=True)


def test_report_without_source_is_thanked_and_taught() -> None:
    reply = reply_for(parse_inbound("S Quy khach trung thuong"), tracking_code=CODE)
    assert CODE in reply and "S <so gui> <noi dung>" in reply


def test_dnc_replies_name_the_scope() -> None:
    assert "qua tin nhan va cuoc goi" in reply_for(parse_inbound("DK DNC"))
    assert "qua tin nhan." in reply_for(parse_inbound("DK DNC S"))
    assert "qua cuoc goi." in reply_for(parse_inbound("DK DNC V"))
    assert "for SMS ads" in reply_for(parse_inbound("DK DNC S"), lang="en")
    assert "huy dang ky DNC cho cuoc goi" in reply_for(parse_inbound("HUY DNC V"))
    assert "left the Do-Not-Call list for SMS and call" in reply_for(parse_inbound("HUY DNC"), lang="en")


def test_unknown_language_falls_back_to_vietnamese() -> None:
    assert reply_for(parse_inbound("HD"), lang="fr") == reply_for(parse_inbound("HD"), lang="vi")


COMMANDS = [
    parse_inbound(text)
    for text in ("S 0912345678 x", "S x y", "S", "DK DNC", "DK DNC S", "DK DNC V", "HUY DNC", "HUY DNC S",
                 "HUY DNC V", "DK DNC Z", "FW x", "DKQC x", "HD", "blah", "V 0912345678 x", "LD 0912345678 x")
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: f"{c.action}-{c.dnc_scope}-{c.report_kind}")
@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("duplicate", [False, True])
def test_every_reply_is_one_gsm7_sms_and_never_empty(command: InboundCommand, lang: str, duplicate: bool) -> None:
    reply = reply_for(command, tracking_code=new_tracking_code(), duplicate=duplicate, lang=lang)
    assert reply.strip()
    assert len(reply) <= SINGLE_SMS_CHARS <= MAX_REPLY_CHARS
    assert set(reply) <= GSM7_BASIC, set(reply) - GSM7_BASIC
    assert "{" not in reply


def test_every_reply_exists_in_both_languages() -> None:
    keys = {key for key, _ in REPLIES}
    assert {(key, lang) for key in keys for lang in ("vi", "en")} == set(REPLIES)
    assert all(text.isascii() for text in REPLIES.values())


@given(st.text(max_size=400))
def test_parse_inbound_never_raises_and_always_has_a_reply(text: str) -> None:
    command = parse_inbound(text)
    assert command.action in ("report", "dnc_register", "dnc_cancel", "advertiser_copy", "consent_request", "help",
                              "unknown")  # fmt: skip
    assert reply_for(command, tracking_code=CODE).strip()


SAFE_CONTENT = st.text(
    alphabet="abcdđeêghiklmnoôơpqrstuưvxyáàảãạăắằẳẵặâấầẩẫậABCDĐEGHXYZ0123456789 .,:;!?%/()-+@\n",
    min_size=1,
    max_size=80,
).filter(str.strip)


@given(st.sampled_from(["S", "V", "LD", "s", "ld"]), st.sampled_from(["", " ", "  ", "\t", ": "]),
       st.text(alphabet="0123456789", min_size=7, max_size=7), SAFE_CONTENT)  # fmt: skip
def test_any_report_with_a_mobile_source_keeps_source_and_content(
    keyword: str, gap: str, last7: str, body: str
) -> None:
    command = parse_inbound(f"{keyword}{gap}091{last7} {body}")
    assert command.action == "report"
    assert command.source is not None and command.source.value == "+8491" + last7
    assert command.content == body.strip()
