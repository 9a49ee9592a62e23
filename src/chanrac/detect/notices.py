"""Public warnings: telling a warning about a scam from the scam.

The police, the ministries, banks and operators warn every subscriber about scams in the very
words the scams use ("giả danh công an", "cung cấp mã OTP", "cập nhật sinh trắc học"), and they
do it by SMS to the whole country. A content model and keyword rules read such a warning as the
scam it describes. What sets it apart is not its vocabulary but its shape: an authority speaks
(a notice label, a named state body, or a bank, operator or service warning its customers under
its own name from its own brandname), it warns, and it points nowhere but to official channels —
no link outside ``gov.vn`` and the brands' real domains, no mobile number, no bank account, no
chat handle, no offer to recover lost money. A scam must point somewhere to work.

The same reasoning tells a brand's own notices and offers from their imitations: a message that
names a brand and sends the reader only to that brand's own domains (or the state's) gives a
phisher or a scammer nowhere to collect — a carrier's top-up bonus linking to viettel.vn, a
wallet's biometrics reminder linking to its own site.

This module owns those checks; :mod:`chanrac.detect.pipeline` turns them into the signals
``notice.public_warning``, ``notice.brand_service`` and ``notice.own_channels``, which cancel
content scores.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chanrac.model import IndicatorKind
from chanrac.phone import is_mobile, short_code_price_vnd
from chanrac.text import BRANDS, STATE_OWNER, Brand, domain_owner, extract_indicators, is_official_domain
from chanrac.text.patterns import TRAILING_PUNCTUATION

__all__ = [
    "brand_at_opening",
    "brand_service_notice",
    "own_channels_notice",
    "public_warning",
    "speaks_as_organisation",
]

# A notice or warning label at the start: [TB], (TB), [CẢNH BÁO], (KHUYẾN CÁO), [LƯU Ý] ...
_LABEL_RE = re.compile(r"^\W{0,3}[\[(](?:tb|t/b|thong bao|canh bao|khuyen cao|luu y)[\])]")
# A state body speaking in the opening words.
_AUTHORITY_RE = re.compile(
    r"\b(?:bo cong an|cong an (?:tinh|thanh pho|tp|quan|huyen|thi xa|xa|phuong)|cuc an ninh mang|"
    r"cuc canh sat|phong canh sat|canh sat giao thong|bo thong tin va truyen thong|bo tttt|"
    r"bo khoa hoc va cong nghe|bo khcn|ngan hang nha nuoc|cuc an toan thong tin|bo y te|"
    r"uy ban nhan dan|ubnd|mat tran to quoc|bo cong thuong|cuc tan so)\b"
)
_OPENING = 160  # characters in which the authority must be named
_SPEAKER_OPENING = 80  # characters in which a state body is named when it speaks
# A brand warning its own customers opens with its name and a warning word ("Techcombank cảnh
# báo: …", "ACB lưu ý: …") and is sent from that brand's brandname: the name alone is what every
# phishing text opens with.
_BRAND_OF_NAME = {b.name.lower(): b for b in BRANDS} | {t: b for b in BRANDS for t in b.tokens if len(t) >= 3}
_BRAND_NAMES = "|".join(map(re.escape, sorted(_BRAND_OF_NAME, key=len, reverse=True)))
_BRAND_OPENING_RE = re.compile(rf"^\W{{0,3}}({_BRAND_NAMES})\b")
# "Ngân hàng Vietcombank thông báo", "Tổng đài Viettel:", "Hãng hàng không Vietjet xin thông báo"
_BRAND_SPEAKS_RE = re.compile(
    rf"^\W{{0,3}}(?:(?:ngan hang|nh|tong dai|cskh|hang hang khong|hang bay|cong ty|cty) )?({_BRAND_NAMES})\b"
)

_WARN_WORDS = (
    "canh bao",
    "khuyen cao",
    "canh giac",
    "de phong",
    "phong ngua",
    "phong chong",
    "luu y",
    "tuyet doi khong",
)
_WARNS_RE = re.compile(r"\b(?:" + "|".join(_WARN_WORDS) + r")\b")
_WARNS_NEXT_RE = re.compile(r"\W{0,3}(?:" + "|".join(_WARN_WORDS) + r")\b")  # right after the brand's name
# A scam that poses as a warning offers to get the victim's money back.
_RECOVERY_RE = re.compile(r"\b(?:lay lai|thu hoi|hoan lai|ho tro lay lai) (?:tien|so tien|tai san|tien bi lua)\b")
# A notice that asks for a reply or for a code wants something back: no service notice does.
_ASKS_REPLY_RE = re.compile(
    r"\b(?:tra loi (?:tin|sms)|reply|(?:cung cap|gui|doc|nhap) (?:lai )?(?:ma|otp|mat khau|so the|thong tin))\b"
)
_NON_OFFICIAL_CONTACTS = frozenset(
    {IndicatorKind.BANK_ACCOUNT, IndicatorKind.ZALO, IndicatorKind.TELEGRAM, IndicatorKind.FACEBOOK}
)
# The names each brand group goes by (Viettel: viettel, viettel money, viettelpay…), one word or more.
_GROUP_NAMES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    owner: (
        frozenset(n for n, b in _BRAND_OF_NAME.items() if b.owner == owner and " " not in n),
        tuple(f" {n} " for n, b in _BRAND_OF_NAME.items() if b.owner == owner and " " in n),
    )
    for owner in {b.owner for b in BRANDS}
}
_WORD_EDGE = "([{<\"'" + TRAILING_PUNCTUATION
# A short code to text: a premium content code (6xxx-8xxx, chanrac.phone) is a way to collect money.
_TEXT_TO_CODE_RE = re.compile(r"\b(?:gui|den|toi) (\d{4})\b")
# A link that sends the reader on (an open redirect on an official domain: google.com/url?q=…).
_REDIRECT_RE = re.compile(r"[?&](?:q|url|u|link|redirect|continue|next)=", re.IGNORECASE)


def public_warning(text: str, canonical: str, brandname: str | None = None) -> str | None:
    """Why the message is a public warning (one line), or None when it is not one.

    ``text`` is the message as received (indicators are read from it), ``canonical`` its
    canonical form (:func:`chanrac.text.normalize`), ``brandname`` the sender when it is a
    brandname the caller trusts (registered, or no registry known): only then can a brand speak."""
    # Substring tests first (every warning word holds one of these, as a test checks): nearly
    # every message fails them, and they cost half of any() over _WARN_WORDS.
    if not ("canh" in canonical or "khuyen cao" in canonical or "phong" in canonical or "luu y" in canonical
            or "tuyet doi" in canonical):  # fmt: skip
        return None
    brand_speaker = ""
    if (label := _LABEL_RE.match(canonical)) is not None:
        speaker = label.group().strip(" [()]")
    elif (authority := _AUTHORITY_RE.search(canonical, 0, _OPENING)) is not None:
        speaker = authority.group()
    elif (
        brandname is not None
        and (brand := _BRAND_OPENING_RE.match(canonical)) is not None
        and _is_brands_sender(brand.group(1), brandname)
        and _WARNS_NEXT_RE.match(canonical, brand.end()) is not None
    ):
        speaker = brand_speaker = brand.group(1)
    else:
        return None
    warns = _WARNS_RE.search(canonical)
    if warns is None or _RECOVERY_RE.search(canonical) or not _points_only_to_official(text, bool(brand_speaker)):
        return None
    return f"{speaker}: {warns.group()}; no link, mobile number, account or chat handle but official ones"


def brand_service_notice(text: str, canonical: str, brandname: str) -> str | None:
    """Why the message is a brand's service notice to its own customer (one line), or None.

    A bank locking a card after wrong PINs writes "tạm khóa", "mật khẩu", "sinh trắc học" like
    the phishing that imitates it; sent from the bank's own brandname, opening with its name and
    pointing nowhere but to its app, its hotline (1800/1900) and its real domains, it cannot phish:
    there is nowhere else to go. Phishing under a spoofed brandname must carry a link or a number
    of its own, and then it is no such notice. ``brandname``: a brandname the caller trusts."""
    brand = _BRAND_OPENING_RE.match(canonical)
    if brand is None or not _is_brands_sender(brand.group(1), brandname):
        return None
    if _wants_something_back(canonical) or not _points_only_to_official(text, brand_speaker=True):
        return None
    name = _BRAND_OF_NAME[brand.group(1)].name
    return f"{name} from its own brandname {brandname}; no link, number, account or chat handle but official ones"


def brand_at_opening(canonical: str) -> Brand | None:
    """The brand a message speaks as in its first words ("Vietcombank:", "Ngân hàng BIDV thông
    báo", "Meta Business Support"), or None."""
    match = _BRAND_SPEAKS_RE.match(canonical)
    return None if match is None else _BRAND_OF_NAME[match.group(1)]


def speaks_as_organisation(canonical: str) -> bool:
    """Whether the message opens in the name of a brand or a state body ("Shopee:", "Công an TP
    thông báo"): spam that does so impersonates, which is phishing's kind."""
    return brand_at_opening(canonical) is not None or _AUTHORITY_RE.search(canonical, 0, _SPEAKER_OPENING) is not None


def _points_only_to_official(text: str, brand_speaker: bool) -> bool:
    """Whether the message points nowhere but to official channels: no link outside the brands'
    and the state's domains, no bank account, no chat handle, no mobile number — and, when a
    brand speaks, no number at all but its hotline (1800/1900 numbers are not read as phones)."""
    for indicator in extract_indicators(text):
        if indicator.kind in _NON_OFFICIAL_CONTACTS:
            return False
        if indicator.kind is IndicatorKind.DOMAIN and not is_official_domain(indicator.value):
            return False
        if indicator.kind is IndicatorKind.PHONE and (is_mobile(indicator.value) or brand_speaker):
            return False
    return True


def _is_brands_sender(name: str, brandname: str) -> bool:
    """Whether the brandname belongs to the brand named: VCB or VIETCOMBANK for Vietcombank."""
    brand = _BRAND_OF_NAME[name]
    sender = brandname.lower().replace(" ", "")
    return sender in brand.tokens or sender == brand.compact_name


def own_channels_notice(canonical: str, links: Sequence[str]) -> str | None:
    """Why the message cannot collect anything for anyone but the brand it names (one line), or None.

    ``links``: the domains the message links to, which the caller has found to be brands', the
    state's or apps' deep links, with no other domain, shortener, number, account, chat handle or
    e-mail address in the message. It must link to the own domains of a brand it names in its
    words (a brand's group's: Viettel Money's message may link to viettel.vn) or to the state's
    (``gov.vn``, which only state bodies can register), with no redirect, no premium short code,
    no request for a code or a reply and no offer to recover money. Whatever its wording — a
    top-up bonus, a biometrics reminder, a lock notice — the reader can only reach the brand
    itself."""
    # the names in the words, not in the links: vietcombank.com.vn does not name Vietcombank
    words = {w for word in canonical.split(" ") if "." not in (w := word.strip(_WORD_EDGE)) and "/" not in w}
    padded = f" {canonical} "
    own = {
        link: owner
        for link in links
        if (owner := domain_owner(link)) == STATE_OWNER or (owner is not None and _names_group(owner, words, padded))
    }
    if not own:
        return None
    if any(short_code_price_vnd(m.group(1)) for m in _TEXT_TO_CODE_RE.finditer(canonical)):
        return None
    if _wants_something_back(canonical) or _REDIRECT_RE.search(canonical):
        return None
    owners = ", ".join(sorted(set(own.values())))
    return f"links only to {owners}'s own domains ({', '.join(list(own)[:3])}); nothing else to contact"


def _wants_something_back(canonical: str) -> bool:
    """Whether the message asks for a reply or a code, or offers to recover money: no brand's
    own notice does."""
    return _RECOVERY_RE.search(canonical) is not None or _ASKS_REPLY_RE.search(canonical) is not None


def _names_group(owner: str, words: set[str], padded: str) -> bool:
    """Whether the message's words name the brand group ``owner`` (single-word names among
    ``words``, longer names inside the space-padded text)."""
    single, longer = _GROUP_NAMES[owner]
    return not single.isdisjoint(words) or any(name in padded for name in longer)
