"""Indicators (observables) in a message, each with its span in the text as given.

Phones (``0912 345 678``, ``09.12.345.678``, ``+84 912…``; E.164 through :mod:`chanrac.phone`),
URLs (with or without scheme, defanged ``hxxp``/``[.]``/``(.)``/`` dot ``) and their domains,
e-mail addresses, bank account numbers next to an account keyword or a bank name, Zalo /
Telegram / Facebook contacts, and amounts of money in VND (``500k``, ``5tr``, ``1tr5``,
``50 triệu``, ``1.500.000đ``, ``2 tỷ``, ``10.000 VND``).

The text is searched after invisible characters are dropped and fullwidth or look-alike
letters are mapped, so ``0912\u200b345678`` is still a phone; an index map carries every span
back to the original string. Spans are claimed in priority order (URL and e-mail, amount, bank
account, phone) so that one stretch of digits is reported once, under its best reading.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from chanrac.model import Indicator, IndicatorKind
from chanrac.phone import InvalidNumber, parse_number
from chanrac.text.domains import refang, spaced_links
from chanrac.text.fold import FOLD_TABLE, fold
from chanrac.text.homoglyphs import COMPATIBILITY_TABLE, CONFUSABLE_TABLE, INVISIBLE_TABLE, char_class
from chanrac.text.patterns import DOT, EMAIL_RE, TRAILING_PUNCTUATION, known_tld, url_pattern

__all__ = ["ZALO_APP_LINK", "extract_indicators", "is_app_deep_link", "parse_amount"]

#: Links under this prefix open a page inside an app (ZaloPay's payments, couriers' tracking):
#: links, not chat contacts.
ZALO_APP_LINK = "zalo.me/app/"

# --- a searchable copy of the text, with a map back to the original ---------------------------

_SAME_LENGTH_TABLE: dict[int, str | int | None] = {}
_SAME_LENGTH_TABLE.update({code: value for code, value in FOLD_TABLE.items() if value is not None})
_SAME_LENGTH_TABLE.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})
_SAME_LENGTH_TABLE.update({code: value.lower() for code, value in COMPATIBILITY_TABLE.items() if len(value) == 1})
_SAME_LENGTH_TABLE.update(
    {code: (value.translate(FOLD_TABLE).lower() or value) for code, value in CONFUSABLE_TABLE.items()}
)
_NEEDS_MAP_RE = re.compile(
    char_class([*range(0x0300, 0x0370), *(code for code, value in INVISIBLE_TABLE.items() if value is None)])
)


def _searchable(text: str) -> tuple[str, list[int] | None]:
    """Folded, lower-case text of the same length as the NFC text, and an index map when the
    original had to be shortened (decomposed diacritics, invisible characters)."""
    if not _NEEDS_MAP_RE.search(text):
        return text.translate(_SAME_LENGTH_TABLE), None
    chars: list[str] = []
    index: list[int] = []
    cluster_start = 0
    cluster = ""
    for position, char in enumerate([*text, ""]):
        if char and unicodedata.combining(char) and cluster:
            cluster += char
            continue
        if cluster:
            for out in unicodedata.normalize("NFC", cluster):
                if unicodedata.combining(out):
                    continue  # a mark that did not compose is dropped, like in the fold
                chars.append(out)
                index.append(cluster_start)
        cluster, cluster_start = char, position
        if char and INVISIBLE_TABLE.get(ord(char), char) is None:
            cluster = ""
    index.append(len(text))
    return "".join(chars).translate(_SAME_LENGTH_TABLE), index


# --- patterns on the searchable text ----------------------------------------------------------

_IND_DOT = rf"(?:{DOT}|\s+dot\s+|\s*\[\s*dot\s*\]\s*)"
_URL_RE = re.compile(url_pattern(_IND_DOT), re.VERBOSE)
_SPLIT_WORD_DOMAIN_RE = re.compile(r"(?:[a-z]\.){2,}[a-z]{2,}$")
_OTT_URL_RE = re.compile(
    r"^(?:https?://)?(?:www\.|m\.)?"
    r"(?P<host>zalo\.me|chat\.zalo\.me|t\.me|telegram\.me|telegram\.dog|fb\.com|fb\.me|facebook\.com|m\.me)"
    r"/(?P<path>[^\s?#]+)"
)

# Units on the folded text: "triệu" is "trieu", "đ" is "d", "củ" (slang for a million) is "cu".
# "ngan hang" (ngân hàng, bank) is not "ngàn" (thousand).
_MONEY_UNIT = r"(?P<unit>ty|ti|trieu|tr|cu|nghin|ngan(?!\s?hang)|k|dong|vnd|d|₫)"
_AMOUNT_RE = re.compile(
    rf"""
    (?<![\w.,])
    (?P<number>\d{{1,3}}(?:[.,]\d{{3}})+|\d+(?:[.,]\d{{1,2}})?|\d+)
    \s?{_MONEY_UNIT}
    (?P<rest>\d{{1,3}})?
    (?:\s?(?:dong|vnd|d|₫))?
    (?![a-z\d])
    """,
    re.VERBOSE,
)
_UNIT_VALUE = {
    "ty": 1_000_000_000, "ti": 1_000_000_000, "trieu": 1_000_000, "tr": 1_000_000, "cu": 1_000_000,
    "nghin": 1_000, "ngan": 1_000, "k": 1_000, "dong": 1, "vnd": 1, "d": 1, "₫": 1,
}  # fmt: skip

# Digits in groups separated by single spaces, dots or dashes, optionally after +, 00 or (+84).
# A letter may touch the number: spammers write "LH0912345678" and "zalo0987654321".
_DIGIT_RUN_RE = re.compile(r"(?<![\d+_])(?<!\d[.,])(?:\(\+?\d{1,3}\)\s?|\+\s?)?\d(?:[\s.\-]?\d)+(?![\d])")
_NUMBER_SEPARATOR_RE = re.compile(r"[.,]")
_PHONE_PUNCTUATION_RE = re.compile(r"[\s.\-()]")
_PHONE_GROUP_RE = re.compile(r"\(\+?\d{1,3}\)|\+?\d+")
_PATH_START_RE = re.compile(r"([/?#])")
_NON_DIGIT_RE = re.compile(r"\D")
_DIGITS_RE = re.compile(r"\d+")

_ACCOUNT_KEYWORD_RE = re.compile(
    r"""(?:\b(?:stk|so\s*tk|so\s*tai\s*khoan|tai\s*khoan|tk|ck|chuyen\s*khoan|ngan\s*hang|nh|account|acc
    |vietcombank|vcb|vietinbank|bidv|agribank|techcombank|tcb|mb\s?bank|mbb|mb|acb|vpbank|tpbank|tpb
    |sacombank|hdbank|vib|shb|msb|ocb|seabank|eximbank|lpbank|scb|abbank|nam\s?a\s?bank|pvcombank
    |kienlongbank|shinhan|momo|zalopay|viettel\s?money)(?![a-z]))""",
    re.VERBOSE,
)
_BANK_AFTER_RE = re.compile(
    r"""[\s:\-–,(]{0,4}(?:ngan\s*hang\s*|nh\s*|bank\s*)?(?:vietcombank|vcb|vietinbank|bidv|agribank
    |techcombank|tcb|mb\s?bank|mbb|acb|vpbank|tpbank|sacombank|hdbank|vib|shb|msb|ocb|seabank|eximbank
    |lpbank|scb|abbank|pvcombank|kienlongbank|shinhan)\b""",
    re.VERBOSE,
)
_KEYWORD_GAP = 24  # characters allowed between an account keyword and the number
# A one-time code, a PIN or a password right before the digits: "BIDV: Ma OTP 668219" is no account.
_CODE_BEFORE_RE = re.compile(
    r"\b(?:otp|ma(?: xac (?:thuc|nhan)| giao dich| kich hoat| bao mat| pin)?|code|pin|mat khau)\W{0,3}$"
)
_DIGIT_OR_NEWLINE_RE = re.compile(r"[\d\n]")
_ZALO_WORD_RE = re.compile(r"\b(?:zalo|zl|za\s?lo|dalo)(?![a-z])")
_URL_HINT_RE = re.compile(r"[a-z0-9][.@/:\[\]()]+[a-z]")
_ZALO_BEFORE_RE = re.compile(r"\b(?:zalo|zl|za\s?lo|dalo)(?![a-z])[^\d\n]{0,12}$")
_TELEGRAM_HANDLE_RE = re.compile(r"(?<![\w@.])@([a-z][a-z0-9_]{3,31})(?![\w@])")
_TELEGRAM_BEFORE_RE = re.compile(r"\b(?:tele|telegram|tg|tlg|tele\s?gram)\b[^\n@]{0,20}$")


def parse_amount(number: str, unit: str, rest: str = "") -> int | None:
    """The VND value of a written amount, or None when it is not one.

    ``parse_amount("1.500.000", "đ") == 1_500_000``, ``parse_amount("1", "tr", "5") == 1_500_000``,
    ``parse_amount("2,5", "tỷ") == 2_500_000_000``.
    """
    multiplier = _UNIT_VALUE.get(fold(unit))
    if multiplier is None:
        return None
    groups = _NUMBER_SEPARATOR_RE.split(number)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        value = Decimal("".join(groups))  # thousands separators: 1.500.000
    else:
        try:
            value = Decimal(number.replace(",", "."))  # a decimal: 1,5 triệu
        except InvalidOperation:
            return None
    if rest:
        # "1tr5" is 1.5 million, "2ty35" 2.35 billion: the digits after the unit are a fraction.
        value += Decimal(rest) / (10 ** len(rest))
    amount = int(value * multiplier)
    return amount if amount > 0 else None


class _Claims:
    """Character ranges already reported, so a stretch of text is one indicator only."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.ranges)

    def take(self, start: int, end: int) -> None:
        self.ranges.append((start, end))


def _strip_trailing(raw: str) -> str:
    while raw and raw[-1] in TRAILING_PUNCTUATION:
        if raw[-1] == ")" and raw.count("(") >= raw.count(")"):
            break
        raw = raw[:-1]
    return raw


def _parse_phone(digits_text: str) -> str | None:
    """E.164 for a written number that reads as a Vietnamese number, or an international one
    written with ``+``."""
    compact = _PHONE_PUNCTUATION_RE.sub("", digits_text)
    if not (compact.startswith(("0", "+", "84")) and 9 <= len(compact.lstrip("+")) <= 15):
        return None
    if compact.startswith("00") and not compact.startswith("0084"):
        return None  # 00 + digits in running text is far more often an account than a call abroad
    try:
        return parse_number(digits_text)
    except InvalidNumber:
        return None


_MAX_PHONE_DIGITS = 15
_MAX_ACCOUNT_DIGITS = 19


def _digit_count(run: str, span: tuple[int, int]) -> int:
    return sum(ch.isdigit() for ch in run[span[0] : span[1]])


def _phone_in_run(run: str) -> list[tuple[int, int, str]]:
    """Phones inside a run of digit groups: the longest valid reading first, left to right."""
    groups: list[tuple[int, int]] = []
    for match in _PHONE_GROUP_RE.finditer(run):
        groups.append(match.span())
    found: list[tuple[int, int, str]] = []
    i, after_phone = 0, False
    while i < len(groups):
        if i > 0 and not after_phone and not run[groups[i - 1][1] : groups[i][0]].isspace():
            i += 1  # a reading starts after a space or a phone, not inside 0.0912… or 09.12.345.678
            continue
        after_phone = False
        # Only readings of at most 15 digits (E.164's longest) are tried, so a long run of
        # numbers costs linear time.
        last, digits = i, 0
        while last < len(groups) and digits + _digit_count(run, groups[last]) <= _MAX_PHONE_DIGITS:
            digits += _digit_count(run, groups[last])
            last += 1
        for j in range(last, i, -1):
            start, end = groups[i][0], groups[j - 1][1]
            e164 = _parse_phone(run[start:end])
            if e164 is not None:
                found.append((start, end, e164))
                i, after_phone = j, True
                break
        else:
            i += 1
    return found


def extract_indicators(text: str) -> list[Indicator]:
    """Every indicator in ``text``, sorted by position; spans index into ``text`` as given."""
    search, index = _searchable(text)

    def span(start: int, end: int) -> tuple[int, int]:
        if index is None:
            return start, end
        original_end = index[end - 1] + 1 if end > start else index[start]
        while original_end < len(text) and unicodedata.combining(text[original_end]):
            original_end += 1  # keep the marks of a decomposed last letter
        return index[start], original_end

    found: list[Indicator] = []
    claims = _Claims()

    def original(start: int, end: int) -> str:
        first, last = span(start, end)
        return text[first:last]

    def add(kind: IndicatorKind, value: str, start: int, end: int, *, claim: bool = True) -> None:
        original = span(start, end)
        found.append(Indicator(kind=kind, value=value, span=original, raw=text[original[0] : original[1]]))
        if claim:
            claims.take(start, end)

    # Cheap guards first: most messages have no '@', no link and a handful of numbers.
    if "@" in search:
        _extract_emails(search, add)
    _extract_spaced_links(search, claims, add, original)
    if _URL_HINT_RE.search(search) or "dot" in search:
        _extract_urls(search, claims, add, original)
    if _DIGITS_RE.search(search):
        _extract_amounts(search, claims, add)
    runs = list(_DIGIT_RUN_RE.finditer(search))
    if runs:
        _extract_accounts(search, runs, claims, add)
        _extract_phones(search, runs, claims, add)
    if "@" in search:
        _extract_telegram_handles(search, claims, add)

    unique: dict[tuple[IndicatorKind, str, tuple[int, int]], Indicator] = {}
    for indicator in found:
        unique.setdefault((indicator.kind, indicator.value, indicator.span), indicator)
    return sorted(unique.values(), key=lambda i: (i.span, i.kind.value))


_Add = Callable[..., None]


def _extract_emails(search: str, add: _Add) -> None:
    for match in EMAIL_RE.finditer(search):
        add(IndicatorKind.EMAIL, match.group().lower(), *match.span())


def _extract_urls(search: str, claims: _Claims, add: _Add, original: Callable[[int, int], str]) -> None:
    for match in _URL_RE.finditer(search):
        raw = _strip_trailing(match.group())
        start, end = match.start(), match.start() + len(raw)
        if not known_tld(match) or not claims.free(start, end) or _SPLIT_WORD_DOMAIN_RE.match(raw):
            continue
        # Paths are case-sensitive (bit.ly/AbC): the value comes from the original text, with
        # invisible characters and look-alike letters removed.
        written = unicodedata.normalize("NFC", original(start, end)).translate(_URL_CLEAN_TABLE)
        url = refang(written)
        has_scheme = "://" in url
        full = _lower_host(url if has_scheme else "http://" + url)
        after_scheme = full.split("://", 1)[1]
        host = _HOST_END_RE.split(after_scheme, maxsplit=1)[0].strip(".")
        if "." not in host:
            continue  # "http://" alone, or a scheme before something that is not a host
        is_url = has_scheme or host.startswith("www.") or len(after_scheme) > len(host) + 1
        _add_link(full, host, is_url, (start, end), start + _host_end(raw), claims, add)


def _extract_spaced_links(search: str, claims: _Claims, add: _Add, original: Callable[[int, int], str]) -> None:
    """Links written with spaces (``t . m e / a b c``): the link without its spaces, the path's
    case as written."""
    for start, end, link in spaced_links(search):
        written = "".join(unicodedata.normalize("NFC", original(start, end)).translate(_URL_CLEAN_TABLE).split())
        host = link.split("/", 1)[0]
        url = _lower_host("http://" + refang(written))
        _add_link(url, host, "/" in link or host.startswith("www."), (start, end), end, claims, add)


def _add_link(
    url: str, host: str, is_url: bool, span: tuple[int, int], host_end: int, claims: _Claims, add: _Add
) -> None:
    """A link's indicators: the URL (when it is more than a bare domain), its domain (the span up
    to ``host_end``) and the chat contact it opens, if any; its span is claimed."""
    start, end = span
    if is_url:
        add(IndicatorKind.URL, url, start, end)
    claims.take(start, end)
    add(IndicatorKind.DOMAIN, host.removeprefix("www."), start, host_end, claim=False)
    ott = _OTT_URL_RE.match(url)
    if ott is not None:
        _add_ott_url(ott, start, end, add)


_HOST_END_RE = re.compile(r"[/?#:]")
_URL_CLEAN_TABLE: dict[int, str | int | None] = {
    **{code: value for code, value in INVISIBLE_TABLE.items() if value is None},
    **COMPATIBILITY_TABLE,
    **CONFUSABLE_TABLE,
}
_RAW_HOST_END_RE = re.compile(r"[/?#]|:\d")


def _host_end(raw: str) -> int:
    """Where the host ends inside a raw (possibly defanged) URL."""
    scheme = raw.find("//")
    match = _RAW_HOST_END_RE.search(raw, scheme + 2 if 0 <= scheme < 12 else 0)
    return match.start() if match else len(raw)


def _lower_host(url: str) -> str:
    scheme, _, rest = url.partition("://")
    split = _PATH_START_RE.split(rest, maxsplit=1)
    host, tail = split[0], "".join(split[1:])
    return f"{scheme.lower()}://{host.lower()}{tail}"


def is_app_deep_link(url: str) -> bool:
    """Whether a URL opens a page inside an app (:data:`ZALO_APP_LINK`) rather than a chat."""
    return ZALO_APP_LINK in url


def _add_ott_url(match: re.Match[str], start: int, end: int, add: _Add) -> None:
    host, path = match.group("host"), match.group("path").rstrip("/")
    if host.endswith("zalo.me"):
        if is_app_deep_link(f"{host}/{path}"):
            return
        add(IndicatorKind.ZALO, _parse_phone(path) or f"zalo.me/{path}", start, end, claim=False)
    elif host.startswith(("t.me", "telegram")):
        handle = path.split("/", 1)[0]
        value = f"t.me/{path}" if handle.startswith("+") or handle == "joinchat" else "@" + handle.lower()
        add(IndicatorKind.TELEGRAM, value, start, end, claim=False)
    else:
        host = "facebook.com" if host in ("fb.com", "facebook.com") else host
        add(IndicatorKind.FACEBOOK, f"{host}/{path}".lower(), start, end, claim=False)


def _extract_amounts(search: str, claims: _Claims, add: _Add) -> None:
    for match in _AMOUNT_RE.finditer(search):
        unit = match.group("unit")
        number = match.group("number")
        if unit == "d" and len(_NON_DIGIT_RE.sub("", number)) < 4:
            continue  # "10d" may be ten days; money written with đ is at least 1.000
        if match.group("rest") and _UNIT_VALUE[unit] < 1_000_000:
            continue  # "1k5" is not an amount we can read safely
        value = parse_amount(number, unit, match.group("rest") or "")
        if value is None or not claims.free(*match.span()):
            continue
        add(IndicatorKind.AMOUNT, str(value), *match.span())


def _extract_accounts(search: str, runs: list[re.Match[str]], claims: _Claims, add: _Add) -> None:
    keyword_ends = [m.end() for m in _ACCOUNT_KEYWORD_RE.finditer(search)]
    for match in runs:
        if "+" in match.group() or not claims.free(*match.span()):
            continue
        start = match.start()
        if _CODE_BEFORE_RE.search(search, max(0, start - _KEYWORD_GAP), start):
            continue
        keyword_before = any(
            start - _KEYWORD_GAP <= end <= start and not _DIGIT_OR_NEWLINE_RE.search(search, end, start)
            for end in keyword_ends
        )
        # A run may hold the account and what follows it; the account is its longest head.
        groups = []
        digits_so_far = 0
        for group in _DIGITS_RE.finditer(match.group()):
            digits_so_far += len(group.group())
            if digits_so_far > _MAX_ACCOUNT_DIGITS:
                break
            groups.append(group.span())
        for count in range(len(groups), 0, -1):
            end = start + groups[count - 1][1]
            digits = _NON_DIGIT_RE.sub("", search[start:end])
            if not 6 <= len(digits) <= 19:
                continue
            if keyword_before or _BANK_AFTER_RE.match(search, end):
                add(IndicatorKind.BANK_ACCOUNT, digits, start, end)
                e164 = _parse_phone(search[start:end])
                if e164 is not None and e164.startswith("+84"):
                    # wallets and some banks use the phone number as the account number
                    add(IndicatorKind.PHONE, e164, start, end, claim=False)
            break


def _extract_phones(search: str, runs: list[re.Match[str]], claims: _Claims, add: _Add) -> None:
    zalo_mentioned = _ZALO_WORD_RE.search(search) is not None
    for match in runs:
        run_start = match.start()
        for start, end, e164 in _phone_in_run(match.group()):
            start, end = run_start + start, run_start + end
            if not claims.free(start, end):
                continue
            add(IndicatorKind.PHONE, e164, start, end)
            if zalo_mentioned:
                zalo = _ZALO_BEFORE_RE.search(search, max(0, start - 20), start)
                if zalo is not None:
                    add(IndicatorKind.ZALO, e164, zalo.start(), end, claim=False)


def _extract_telegram_handles(search: str, claims: _Claims, add: _Add) -> None:
    for match in _TELEGRAM_HANDLE_RE.finditer(search):
        if not claims.free(*match.span()):
            continue
        if _TELEGRAM_BEFORE_RE.search(search, max(0, match.start() - 30), match.start()):
            add(IndicatorKind.TELEGRAM, "@" + match.group(1), *match.span())
