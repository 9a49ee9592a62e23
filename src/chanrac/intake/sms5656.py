"""The SMS syntax of the free report short codes 5656/156: parse what people send, word the reply.

People type on small keyboards, forward spam they just received, mix cases, drop or add spaces and
diacritics: the parser is generous (``s0912345678 noi dung``, ``S (VCB)(…)``, ``ĐK DNC``,
``Huy dnc v``, ``5656 S …``) and never raises. When it cannot tell what was meant, the command
says why (``problem``) and the reply teaches the syntax: a reporter never meets silence.

Replies are Vietnamese without diacritics (or English) in the GSM-7 basic alphabet, so that every
handset and gateway shows them and one SMS holds 160 characters. Every reply fits one SMS with a
tracking code; :data:`MAX_REPLY_CHARS` (two concatenated parts, 2 × 153) is the hard bound for
texts that may be edited later.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from chanrac.model import ReportKind, Sender
from chanrac.phone import InvalidNumber, InvalidSender, parse_number, parse_sender
from chanrac.text.fold import fold_nfc
from chanrac.text.syllables import is_syllable

Action = Literal["report", "dnc_register", "dnc_cancel", "advertiser_copy", "consent_request", "help", "unknown"]
DncScope = Literal["all", "sms", "call"]

SINGLE_SMS_CHARS = 160
MAX_REPLY_CHARS = 306  # two concatenated GSM-7 parts of 153 characters
REPORT_SHORT_CODE = "5656"  # the code replies tell people to use; 156 works the same

REPORT_KEYWORDS: dict[str, ReportKind] = {"s": ReportKind.SPAM_SMS, "v": ReportKind.SPAM_CALL, "ld": ReportKind.SCAM}
_DNC_SCOPES: dict[str, DncScope] = {"": "all", "s": "sms", "v": "call"}

# Matched against the diacritic-free lower-case fold of the text (same length as the text).
_SHORT_CODE_PREFIX = re.compile(r"(?:5656|156)(?:\s+|\s*[:.,\-]\s*)")
_HELP = re.compile(r"(?:hd|help|\?+|tro\s*giup|huong\s*dan)\s*[.!?]*")
_DNC = re.compile(r"(?P<verb>dk|dang\s*ky|huy)\s*dnc(?:\s+(?P<rest>.*?))?\s*[.!]*", re.DOTALL)
_FW = re.compile(r"fw(?=$|[\s:(])[\s:]*")
_DKQC = re.compile(r"dkqc(?=$|[^a-z0-9])")
# A report keyword is followed by a separator, a bracket, a digit or '+' (``S0912…``), or nothing;
# ``SVCB`` or ``Sao ke…`` are words, not ``S`` + something.
_REPORT = re.compile(r"(?P<keyword>ld|s|v)(?=$|[\s(\[:,.\-+0-9])[\s:,.\-]*", re.DOTALL)
_BRACKETED = re.compile(
    r"[(\[]\s*(?P<source>[^)\]]*?)\s*[)\]]\s*(?:[(\[]\s*(?P<content>.*?)\s*[)\]]?|(?P<loose>.*?))\s*", re.DOTALL
)
_NUMBER_TOKEN = re.compile(r"[+(]*\d[\d.\-()]*")
_MAX_NUMBER_TOKENS = 5  # "(+84) 912 345 678" is four
_SOURCE_TRAILING_PUNCTUATION = ":,;"
_LOOKS_FORWARDED_CHARS = 25


@dataclass(frozen=True)
class InboundCommand:
    """What a mobile-originated SMS to 5656/156 asks for, as far as it can be read."""

    action: Action
    report_kind: ReportKind | None = None  # S → SPAM_SMS, V → SPAM_CALL, LD → SCAM
    source: Sender | None = None  # None when missing or unparseable
    source_raw: str | None = None  # as typed; set when something stood where the source goes
    content: str | None = None  # the spam text, what was said on the call, the FW/DKQC copy
    dnc_scope: DncScope | None = None
    problem: str | None = None  # why the parse is incomplete, e.g. "missing source"


def _fold_aligned(text: str) -> str:
    """Lower-case, diacritic-free copy of ``text`` with exactly one character per character of it."""
    out = []
    for ch in text:
        folded = fold_nfc(ch)
        out.append(folded[0] if len(folded) == 1 else ch)
    return "".join(out)


def _prepare(text: str) -> str:
    # NFKC: full-width brackets/digits become ASCII; stray combining marks left over carry no meaning.
    normalised = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in normalised if not unicodedata.combining(ch)).strip()


def parse_inbound(text: str) -> InboundCommand:
    """Read one inbound SMS. Never raises: what cannot be read is an ``unknown`` with a problem."""
    body = _prepare(text)
    folded = _fold_aligned(body)
    prefix = _SHORT_CODE_PREFIX.match(folded)
    if prefix is not None:  # "5656 S …": people repeat the short code they are writing to
        body, folded = body[prefix.end() :], folded[prefix.end() :]
    if not body:
        return InboundCommand("unknown", problem="empty message")

    if _HELP.fullmatch(folded):
        return InboundCommand("help")
    if (dnc := _DNC.fullmatch(folded)) is not None:
        return _dnc_command(dnc)
    if (dkqc := _DKQC.match(folded)) is not None:
        # The consent request itself starts with DKQC: the copy keeps it, as the recipient saw it.
        return InboundCommand("consent_request", content=body, problem=_missing_after(body, dkqc.end()))
    if (fw := _FW.match(folded)) is not None:
        copy = body[fw.end() :].strip() or None
        return InboundCommand("advertiser_copy", content=copy, problem=None if copy else "missing content")
    if (report := _REPORT.match(folded)) is not None:
        return _report_command(REPORT_KEYWORDS[report["keyword"]], body[report.end() :])
    return InboundCommand("unknown", content=body, problem=_unknown_problem(body))


def _missing_after(body: str, end: int) -> str | None:
    return None if body[end:].strip() else "missing content"


def _dnc_command(match: re.Match[str]) -> InboundCommand:
    action: Action = "dnc_cancel" if match["verb"] == "huy" else "dnc_register"
    option = (match["rest"] or "").strip()
    scope = _DNC_SCOPES.get(option)
    if scope is None:
        return InboundCommand(action, problem=f"unknown DNC option {option[:20]!r}: use S (SMS) or V (calls)")
    return InboundCommand(action, dnc_scope=scope)


def _report_command(kind: ReportKind, rest: str) -> InboundCommand:
    rest = rest.strip()
    if not rest:
        return InboundCommand("report", report_kind=kind, problem="missing source and content")
    bracketed = _BRACKETED.fullmatch(rest)
    if bracketed is not None and bracketed["source"]:
        content: str | None = bracketed["content"] if bracketed["content"] is not None else bracketed["loose"]
        return _report_with_source(kind, bracketed["source"], content or None)
    source_raw, after = _split_source(rest)
    if source_raw is None:
        return InboundCommand("report", report_kind=kind, content=rest, problem="missing source")
    return _report_with_source(kind, source_raw, after)


def _report_with_source(kind: ReportKind, source_raw: str, content: str | None) -> InboundCommand:
    try:
        source: Sender | None = parse_sender(source_raw)
        problem = None if content else "missing content"
    except (InvalidSender, InvalidNumber) as exc:
        source, problem = None, f"source not understood: {getattr(exc, 'reason', exc)}"
    return InboundCommand("report", report_kind=kind, source=source, source_raw=source_raw, content=content,
                          problem=problem)  # fmt: skip


def _split_source(rest: str) -> tuple[str | None, str | None]:
    """The source written first (a number possibly in several groups, or one word) and the rest.

    A first word that is no sender at all (``Quý khách…``) or an ordinary Vietnamese word (``Quy``,
    ``chuc``; brandnames are upper case or not syllables) means the reporter pasted the spam
    without its source: then there is no source and all of it is content.
    """
    tokens = list(re.finditer(r"\S+", rest))
    numeric = 0
    while numeric < min(len(tokens), _MAX_NUMBER_TOKENS) and _NUMBER_TOKEN.fullmatch(tokens[numeric][0]):
        numeric += 1
    for count in range(numeric, 0, -1):  # the longest run of digit groups that is a phone number
        candidate = rest[: tokens[count - 1].end()]
        try:
            parse_number(candidate)
        except InvalidNumber:
            continue
        return candidate, rest[tokens[count - 1].end() :].strip() or None
    first = tokens[0][0].rstrip(_SOURCE_TRAILING_PUNCTUATION) or tokens[0][0]
    after = rest[tokens[0].end() :].strip() or None
    if numeric:  # digits that are no number: a short code, or a mistyped number to report back
        return first, after
    if not first.isupper() and is_syllable(fold_nfc(first)):
        return None, rest  # "S Quy khach…": a Vietnamese word, not a brandname such as VCB or Viettel
    try:
        parse_sender(first)
    except (InvalidSender, InvalidNumber):
        return None, rest
    return first, after


def _unknown_problem(body: str) -> str:
    if len(body) >= _LOOKS_FORWARDED_CHARS or "\n" in body:
        return "no keyword: looks like a forwarded message without S, V or LD in front"
    first_word = body.split()[0]
    return f"unknown keyword {first_word[:20]!r}"


# --- replies --------------------------------------------------------------------------------------

ReplyKey = Literal[
    "report", "report_duplicate", "report_no_code", "report_missing_source", "dnc_register", "dnc_cancel",
    "dnc_syntax", "advertiser_copy", "consent_request", "help", "unknown",
]  # fmt: skip

#: Every text the short code sends back, keyed by (reply, language). Placeholders: {code} (tracking
#: code), {what} (what was reported), {scope} (DNC scope), {sc} (the short code). GSM-7 basic only:
#: no diacritics, no [ ] { } | ~ ^ € (each of those costs two characters).
REPLIES: dict[tuple[ReplyKey, str], str] = {
    ("report", "vi"): "Cam on ban da phan anh {what}. Ma tiep nhan: {code}. Co quan chuc nang se xac minh va xu ly.",
    ("report", "en"): "Thank you for reporting {what}. Tracking code: {code}. The authorities will verify and act.",
    ("report_duplicate", "vi"): (
        "Cam on ban. Phan anh nay da duoc tiep nhan truoc do (ma {code}); lan phan anh nay van duoc ghi nhan."
    ),
    ("report_duplicate", "en"): "Thank you. This was already reported (code {code}); your report has been counted.",
    ("report_no_code", "vi"): "Cam on ban da phan anh {what}. Phan anh da duoc tiep nhan.",
    ("report_no_code", "en"): "Thank you for reporting {what}. Your report has been received.",
    ("report_missing_source", "vi"): (
        "Da nhan phan anh, ma {code}. Lan sau hay ghi so/ten gui: S <so gui> <noi dung> gui {sc}."
    ),
    (
        "report_missing_source",
        "en",
    ): "Report received, code {code}. Next time add the sender: S <sender> <text> to {sc}.",
    ("dnc_register", "vi"): "Ban da dang ky khong nhan quang cao (DNC) qua {scope}. Huy: soan HUY DNC gui {sc}.",
    ("dnc_register", "en"): "You joined the Do-Not-Call list for {scope} ads. To leave: send HUY DNC to {sc}.",
    ("dnc_cancel", "vi"): "Ban da huy dang ky DNC cho {scope}. Dang ky lai: soan DK DNC gui {sc}.",
    ("dnc_cancel", "en"): "You left the Do-Not-Call list for {scope} ads. To join again: send DK DNC to {sc}.",
    ("dnc_syntax", "vi"): (
        "Chua ro lua chon DNC. Soan DK DNC (tin nhan va cuoc goi), DK DNC S (chi tin nhan) hoac DK DNC V"
        " (chi cuoc goi) gui {sc}. Huy: HUY DNC"
    ),
    ("dnc_syntax", "en"): (
        "DNC option not understood. Send DK DNC (SMS and calls), DK DNC S (SMS only) or DK DNC V (calls only)"
        " to {sc}. To leave: HUY DNC"
    ),
    ("advertiser_copy", "vi"): "{sc} da nhan ban sao tin quang cao (FW). Cam on doanh nghiep.",
    ("advertiser_copy", "en"): "{sc} received the copy of your advertising message (FW).",
    ("consent_request", "vi"): "{sc} da nhan ban sao tin xin dong y nhan quang cao (DKQC).",
    ("consent_request", "en"): "{sc} received the copy of your consent request (DKQC).",
    ("help", "vi"): (
        "Mien phi: S <so gui> <noi dung> bao tin rac; V <so> <noi dung> cuoc goi rac; LD <so> <noi dung> lua dao;"
        " DK DNC / HUY DNC chan quang cao"
    ),
    ("help", "en"): (
        "Free: S <sender> <text> spam SMS; V <number> <what was said> spam call; LD <number> <text> scam;"
        " DK DNC / HUY DNC no ads"
    ),
    ("unknown", "vi"): (
        "Chua ro yeu cau. Bao tin rac: S <so gui> <noi dung>; cuoc goi: V <so> <noi dung>; lua dao: LD <so>"
        " <noi dung>. Soan HD gui {sc}"
    ),
    ("unknown", "en"): (
        "Sorry, not understood. Spam SMS: S <sender> <text>; call: V <number> <text>; scam: LD <number> <text>."
        " Send HELP to {sc}"
    ),
}

_REPORTED: dict[tuple[ReportKind, str], str] = {
    (ReportKind.SPAM_SMS, "vi"): "tin nhan rac",
    (ReportKind.SPAM_CALL, "vi"): "cuoc goi rac",
    (ReportKind.SCAM, "vi"): "lua dao",
    (ReportKind.SPAM_SMS, "en"): "a spam SMS",
    (ReportKind.SPAM_CALL, "en"): "a spam call",
    (ReportKind.SCAM, "en"): "a scam",
}
_SCOPES: dict[tuple[DncScope, str], str] = {
    ("all", "vi"): "tin nhan va cuoc goi",
    ("sms", "vi"): "tin nhan",
    ("call", "vi"): "cuoc goi",
    ("all", "en"): "SMS and call",
    ("sms", "en"): "SMS",
    ("call", "en"): "call",
}
LANGUAGES = ("vi", "en")


def reply_for(cmd: InboundCommand, *, tracking_code: str | None = None, duplicate: bool = False,
              lang: str = "vi") -> str:  # fmt: skip
    """The SMS to send back for ``cmd``. Unknown languages fall back to Vietnamese.

    ``tracking_code`` is the report's code once stored; ``duplicate`` says the same report was
    already received (it is still counted). A report without a source is thanked and taught.
    """
    language = lang if lang in LANGUAGES else "vi"
    key: ReplyKey
    if cmd.action == "report":
        if tracking_code is None:
            key = "report_no_code"
        elif duplicate:
            key = "report_duplicate"
        elif cmd.source is None:
            key = "report_missing_source"
        else:
            key = "report"
    elif cmd.action in ("dnc_register", "dnc_cancel") and cmd.dnc_scope is None:
        key = "dnc_syntax"
    else:
        key = cmd.action
    kind = cmd.report_kind or ReportKind.SPAM_SMS
    scope = cmd.dnc_scope or "all"
    return REPLIES[(key, language)].format(
        code=tracking_code or "",
        what=_REPORTED[(kind, language)],
        scope=_SCOPES[(scope, language)],
        sc=REPORT_SHORT_CODE,
    )
