"""Domains in spam: registrable domain, URL shorteners, cheap TLDs, brand look-alikes, betting
sites, refanging.

Everything works offline from small data lists kept here: the multi-part public suffixes that
matter for Vietnam (``com.vn``, ``gov.vn`` …), the shorteners spammers use, the TLDs that cost
next to nothing, and the Vietnamese banks, wallets, carriers, delivery firms and public services
that phishing imitates, with their real domains, and the betting sites named in public warnings.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass

from chanrac.text.homoglyphs import CONFUSABLE_TABLE
from chanrac.text.patterns import DOT, TLD_SET, TRAILING_PUNCTUATION, words

__all__ = [
    "APP_LINK_DOMAINS",
    "BETTING_SITES",
    "BRANDS",
    "CHEAP_TLDS",
    "MULTI_PART_SUFFIXES",
    "SHORTENERS",
    "STATE_OWNER",
    "Brand",
    "betting_site",
    "domain_owner",
    "is_cheap_tld",
    "is_official_domain",
    "is_shortener",
    "lookalike_brand",
    "refang",
    "registrable_domain",
    "spaced_links",
]

#: Public suffixes of more than one label (a subset of the Public Suffix List: Vietnam's second
#: level domains and the common foreign ones).
MULTI_PART_SUFFIXES: frozenset[str] = frozenset(
    words(
        """
        com.vn net.vn org.vn gov.vn edu.vn ac.vn info.vn biz.vn name.vn pro.vn health.vn int.vn
        id.vn io.vn ai.vn
        co.uk org.uk ac.uk gov.uk me.uk com.au net.au org.au co.jp ne.jp or.jp com.cn net.cn org.cn
        com.sg com.hk com.tw co.kr or.kr co.th in.th com.my com.ph co.id or.id com.br co.in net.in
        com.kh com.la co.nz com.tr com.ru
        """
    )
)

#: URL shorteners: the destination is hidden from the recipient and from filters.
SHORTENERS: frozenset[str] = frozenset(
    words(
        """
        bit.ly bitly.com tinyurl.com t.ly cutt.ly rb.gy is.gd v.gd shorturl.at s.id tiny.cc goo.gl
        ow.ly buff.ly t.co rebrand.ly shorte.st adf.ly lnkd.in tiny.one gg.gg cli.re short.io bl.ink
        shrtco.de han.gl bom.so bom.to 1url.vn link.vn rutgon.vn urlz.fr u.to soo.gd qrco.de
        tinu.be surl.li cutt.us shorturl.asia j.mp
        """
    )
)

#: Deep-link services that issue a subdomain to a registered app (Firebase Dynamic Links, Branch,
#: AppsFlyer, Adjust): wallets and carriers link into their apps with them, so their TLD says nothing.
APP_LINK_DOMAINS: frozenset[str] = frozenset(words("page.link app.link onelink.me go.link"))

#: Top-level domains sold for almost nothing and over-represented in phishing.
CHEAP_TLDS: frozenset[str] = frozenset(
    words(
        """
        top vip xyz icu club online site cc buzz cfd sbs cyou bond monster rest quest lol tk ml ga cf
        gq work live shop store fun space website click link pw win bet cam best asia life today
        world fit ink mobi ws su
        """
    )
)


@dataclass(frozen=True, slots=True)
class Brand:
    """An organisation phishing imitates: its real registrable domains and the names it goes by."""

    name: str
    domains: frozenset[str]
    tokens: frozenset[str]  # folded, as they appear in domain labels
    # Whether people write under its name from their own phones: shippers, sellers, drivers.
    staff_write: bool = False
    # The group it belongs to (Viettel Money and Viettel Post are Viettel's): a message naming one
    # may link to the others' domains.
    owner: str = ""

    @property
    def compact_name(self) -> str:
        """Its name lower-cased without spaces, as a brandname or a domain label writes it."""
        return self.name.lower().replace(" ", "")


def _brand(name: str, domains: str, tokens: str, *, staff_write: bool = False, owner: str = "") -> Brand:
    return Brand(name, frozenset(words(domains)), frozenset(words(tokens)), staff_write, owner or name)


#: Vietnamese banks, wallets, carriers, delivery firms, shops and public services, and the foreign
#: platforms, airlines and couriers that phishing in Vietnam imitates.
BRANDS: tuple[Brand, ...] = (
    _brand("Vietcombank", "vietcombank.com.vn vcb.com.vn", "vietcombank vcb vcbdigibank digibank"),
    _brand("VietinBank", "vietinbank.vn", "vietinbank vietin ipay"),
    _brand("BIDV", "bidv.com.vn", "bidv smartbanking"),
    _brand("Agribank", "agribank.com.vn", "agribank"),
    _brand("Techcombank", "techcombank.com.vn techcombank.com", "techcombank tcb"),
    _brand("MB Bank", "mbbank.com.vn mbbank.vn", "mbbank mbb"),
    _brand("ACB", "acb.com.vn", "acb"),
    _brand("VPBank", "vpbank.com.vn", "vpbank neo"),
    _brand("TPBank", "tpb.vn tpbank.vn tpbank.com.vn", "tpbank tpb"),
    _brand("Sacombank", "sacombank.com.vn", "sacombank stb"),
    _brand("HDBank", "hdbank.com.vn", "hdbank"),
    _brand("VIB", "vib.com.vn", "vib myvib"),
    _brand("SHB", "shb.com.vn", "shb"),
    _brand("MSB", "msb.com.vn", "msb maritimebank"),
    _brand("OCB", "ocb.com.vn", "ocb"),
    _brand("SeABank", "seabank.com.vn", "seabank"),
    _brand("Eximbank", "eximbank.com.vn", "eximbank"),
    _brand("LPBank", "lpbank.com.vn lienvietpostbank.com.vn", "lpbank lienvietpostbank lienviet"),
    _brand("SCB", "scb.com.vn", "scb"),
    _brand("ABBANK", "abbank.vn", "abbank"),
    _brand("Nam A Bank", "namabank.com.vn", "namabank"),
    _brand("PVcomBank", "pvcombank.com.vn", "pvcombank"),
    _brand("Kienlongbank", "kienlongbank.com", "kienlongbank"),
    _brand("Shinhan Bank", "shinhan.com.vn", "shinhan"),
    _brand("HSBC", "hsbc.com.vn", "hsbc"),
    _brand("MoMo", "momo.vn", "momo"),
    _brand("ZaloPay", "zalopay.vn", "zalopay"),
    _brand("VNPAY", "vnpay.vn", "vnpay"),
    _brand("Viettel Money", "viettelmoney.vn viettelpay.vn vtmoney.vn", "viettelmoney viettelpay", owner="Viettel"),
    _brand(
        "Viettel",
        "viettel.vn viettel.com.vn vietteltelecom.vn tv360.vn viettelstore.vn myviettel.vn myvt.vn viettelstudy.vn",
        "viettel",
    ),
    _brand("VinaPhone", "vinaphone.com.vn vinaphoneplus.com.vn", "vinaphone", owner="VNPT"),
    _brand("MobiFone", "mobifone.vn", "mobifone"),
    _brand("VNPT", "vnpt.vn vnpt.com.vn vnptmoney.vn vnptpay.vn", "vnpt"),
    _brand("Vietnamobile", "vietnamobile.com.vn", "vietnamobile"),
    _brand("EVN", "evn.com.vn evnhcmc.vn evnhanoi.vn evnspc.vn evnnpc.vn evncpc.vn", "evn evnhcmc evnhanoi"),
    _brand("General Department of Taxation", "gdt.gov.vn", "gdt thuedientu tongcucthue"),
    _brand("VNeID", "vneid.gov.vn", "vneid"),
    _brand("National Public Service Portal", "dichvucong.gov.vn", "dichvucong"),
    _brand("Traffic police", "csgt.vn", "csgt phatnguoi"),
    _brand("Social Insurance", "baohiemxahoi.gov.vn", "baohiemxahoi bhxh vssid"),
    _brand("Vietnam Post", "vnpost.vn", "vnpost", staff_write=True),
    _brand(
        "Viettel Post", "viettelpost.com.vn viettelpost.vn vtp.vn", "viettelpost", staff_write=True, owner="Viettel"
    ),
    _brand("GHN", "ghn.vn", "ghn giaohangnhanh", staff_write=True),
    _brand("GHTK", "ghtk.vn", "ghtk giaohangtietkiem", staff_write=True),
    _brand("Shopee", "shopee.vn", "shopee", staff_write=True),
    _brand("Lazada", "lazada.vn", "lazada", staff_write=True),
    _brand("Tiki", "tiki.vn", "tiki", staff_write=True),
    _brand("Vietnam Airlines", "vietnamairlines.com", "vietnamairlines"),
    _brand("Vietjet", "vietjetair.com", "vietjet vietjetair"),
    _brand("Bamboo Airways", "bambooairways.com", "bambooairways"),
    _brand(
        "Meta",
        "facebook.com fb.com meta.com instagram.com whatsapp.com messenger.com facebookmail.com fb.me m.me",
        "facebook meta instagram whatsapp",
    ),
    _brand("Apple", "apple.com icloud.com", "apple appleid icloud"),
    _brand("Google", "google.com gmail.com youtube.com", "google gmail"),
    _brand("Microsoft", "microsoft.com live.com outlook.com office.com", "microsoft outlook office365"),
    _brand("Netflix", "netflix.com", "netflix"),
    _brand("PayPal", "paypal.com", "paypal"),
    _brand("Amazon", "amazon.com", "amazon"),
    _brand("TikTok", "tiktok.com", "tiktok"),
    _brand("Binance", "binance.com", "binance"),
    _brand("DHL", "dhl.com", "dhl", staff_write=True),
    _brand("FedEx", "fedex.com", "fedex", staff_write=True),
    _brand("chongthurac.vn", "chongthurac.vn", "chongthurac"),
)

_TOKEN_TO_BRAND: dict[str, Brand] = {token: brand for brand in BRANDS for token in brand.tokens}
# The first word of a bank's name, as phishing kits shorten it (techcom-id.link): it counts only
# as one dash-separated part of a longer label, never inside a word — techcomlife.com.vn and
# vietcomreal.com.vn belong to other companies.
_SHORT_NAME_TO_BRAND: dict[str, Brand] = {
    short: next(b for b in BRANDS if b.name == name)
    for short, name in (("techcom", "Techcombank"), ("vietcom", "Vietcombank"))
}
_REAL_DOMAIN_TO_BRAND: dict[str, Brand] = {domain: brand for brand in BRANDS for domain in brand.domains}
#: What :func:`domain_owner` calls the state's domains.
STATE_OWNER = "state"
_LEET_DOMAIN = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a"})

_SCHEME_RE = re.compile(r"^(?:h[tx*]{2}p(s?)|fxp)(?::|\[:\])//", re.IGNORECASE)
_DEFANGED_DOT_RE = re.compile(DOT, re.IGNORECASE)
_SPOKEN_DOT_RE = re.compile(r"\s+dot\s+", re.IGNORECASE)


#: Betting sites named in the police's and the ministry's public warnings (2022–2025). They move
#: from domain to domain under the same name: go88.vin, fb88vn.me, sunwin-club.net.
BETTING_SITES: tuple[str, ...] = tuple(
    words(
        """
        sunwin go88 hitclub rikvip b52club 789club fb88 w88 188bet fun88 kubet new88 jun88 8xbet hi88
        f8bet shbet mb66 33win okvip bk8 12bet m88 v9bet vn88 sv388 ae888 789bet hb88 k8bet
        """
    )
)
# What follows a site's name in the labels of its mirrors. A name with digits (go88, fb88) of four
# characters or more counts with anything after it; a name of letters only needs one of these
# (sunwinvn.club is a mirror, sunwing.com a travel firm).
_BETTING_MIRROR_SUFFIX_RE = re.compile(r"(?:vn|vip|club|bet|win|com|app|\d{1,4})?")


def betting_site(domain: str) -> str | None:
    """The betting site a domain is a mirror of (``fb88vn.me``, ``sun-win.icu`` → ``"fb88"``,
    ``"sunwin"``), or None."""
    host = _host(domain)
    suffix_labels = len(registrable_domain(host).split(".")) - 1
    labels = host.split(".")
    for label in labels[: len(labels) - suffix_labels]:
        # each dash-separated part, and the label without its dashes (sun-win.icu)
        for part in {*label.split("-"), label.replace("-", "")}:
            for name in BETTING_SITES:
                if part.startswith(name) and (
                    (len(name) >= 4 and not name.isalpha())
                    or _BETTING_MIRROR_SUFFIX_RE.fullmatch(part, len(name)) is not None
                ):
                    return name
    return None


def refang(url: str) -> str:
    """Undo defanging: ``hxxps://abc[.]com`` → ``https://abc.com``, ``abc dot top`` → ``abc.top``."""
    url = _SCHEME_RE.sub(lambda m: f"http{m.group(1).lower()}://", url)
    url = _SPOKEN_DOT_RE.sub(".", url)
    return _DEFANGED_DOT_RE.sub(".", url)


def _host(domain: str) -> str:
    host = refang(domain.strip()).lower()
    host = host.split("://", 1)[-1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].strip(".")
    return host


def registrable_domain(domain: str) -> str:
    """The domain a registrant bought: ``a.b.vcb.com.vn`` → ``vcb.com.vn``, ``x.abc.top`` → ``abc.top``.

    Accepts a host or a URL (also defanged). Uses :data:`MULTI_PART_SUFFIXES`, no network.
    """
    labels = _host(domain).split(".")
    if len(labels) <= 2:
        return ".".join(labels)
    if ".".join(labels[-2:]) in MULTI_PART_SUFFIXES:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def is_shortener(domain: str) -> bool:
    """Whether the host (or URL) belongs to a URL shortener (``bit.ly``, ``rb.gy`` …)."""
    host = _host(domain).removeprefix("www.")
    return host in SHORTENERS or registrable_domain(host) in SHORTENERS


def is_cheap_tld(domain: str) -> bool:
    """Whether the host (or URL) ends in a TLD from :data:`CHEAP_TLDS` (an app's deep link
    under :data:`APP_LINK_DOMAINS` does not count)."""
    host = _host(domain)
    return host.rsplit(".", 1)[-1] in CHEAP_TLDS and registrable_domain(host) not in APP_LINK_DOMAINS


def _unicode_host(host: str) -> str:
    """Punycode labels decoded, look-alike letters mapped to Latin."""
    if "xn--" in host:
        with contextlib.suppress(UnicodeError, ValueError):
            host = host.encode("ascii").decode("idna")
    return host.translate(CONFUSABLE_TABLE).lower()


def is_official_domain(domain: str) -> bool:
    """Whether the host (or URL) belongs to a state body (``.gov.vn``, which only state bodies can
    register) or is one of the real domains of a brand in :data:`BRANDS`."""
    return domain_owner(domain) is not None


def domain_owner(domain: str) -> str | None:
    """Who owns the host (or URL): a brand's group (:attr:`Brand.owner`, ``km.vtmoney.vn`` →
    ``"Viettel"``), ``"state"`` for ``gov.vn``, or None for anyone else."""
    host = _host(domain)
    if host == "gov.vn" or host.endswith(".gov.vn"):
        return STATE_OWNER
    brand = _REAL_DOMAIN_TO_BRAND.get(registrable_domain(host))
    return None if brand is None else brand.owner


def lookalike_brand(domain: str) -> str | None:
    """The brand a domain imitates without belonging to it, or None.

    ``msb.com.vn-cz.top`` → ``"MSB"``, ``vietcombank-vn.xyz`` → ``"Vietcombank"``,
    ``vcb-digibank.top`` → ``"Vietcombank"``; ``vietcombank.com.vn`` and ``ebanking.bidv.com.vn``
    → None. A brand name inside a label (split at dots and dashes), written with digits for
    letters or with look-alike letters, counts.
    """
    host = _unicode_host(_host(domain))
    if not host:
        return None
    registrable = registrable_domain(host)
    # A brand's real domain or a state body's imitates nobody; an app's deep link is issued to the app.
    if is_official_domain(host) or registrable in APP_LINK_DOMAINS:
        return None
    brand = _brand_named_in(host, registrable)
    # A Vietnamese domain named after the brand is its own, listed here or not: bidv.vn, vnpt.com.vn.
    if brand is None or (registrable.endswith(".vn") and registrable.split(".", 1)[0] == brand.compact_name):
        return None
    return brand.name


def _brand_named_in(host: str, registrable: str) -> Brand | None:
    """The brand whose real domain, name or token a host's labels hold, or None."""
    # The real domain written at the start of a longer host: msb.com.vn-cz.top
    for real, brand in _REAL_DOMAIN_TO_BRAND.items():
        if host.startswith(real) or f".{real}" in host or f"-{real}" in host:
            return brand
    suffix_labels = len(registrable.split(".")) - 1
    labels = host.split(".")[: len(host.split(".")) - suffix_labels]
    for label in labels:
        for variant in {label, label.translate(_LEET_DOMAIN)}:
            parts = variant.split("-")
            for part in (*parts, variant.replace("-", "")):
                if part in _TOKEN_TO_BRAND:
                    return _TOKEN_TO_BRAND[part]
            if len(parts) > 1:
                for part in parts:
                    if part in _SHORT_NAME_TO_BRAND:
                        return _SHORT_NAME_TO_BRAND[part]
            for token, brand in _TOKEN_TO_BRAND.items():
                if len(token) >= 6 and token in variant:
                    return brand
    return None


# --- links written with spaces ----------------------------------------------------------------

#: Hosts that are a link by themselves, spaces or not: chat apps' contact links.
_CONTACT_LINK_HOSTS = frozenset(words("t.me telegram.me zalo.me wa.me m.me fb.me"))
# A dot between two labels, maybe with a space on either side; the look-behind is checked by hand.
_LINK_DOT_RE = re.compile(r"( ?)(\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))( ?)(?=[a-z0-9])")
_LINK_SLASH_RE = re.compile(r" ?/ ?")
# What every link spaced_links accepts holds: a label spelt out letter by letter touching a dot,
# a space before a dot, or a dot with a space after it and a path ("bit. ly/x"). Every branch
# starts on the punctuation, so the search skips ahead to it; most messages end there.
_SPACED_LINK_HINT_RE = re.compile(
    r"[.\[(\])](?:(?<=[a-z0-9] [a-z0-9] [a-z0-9][.\[(])|(?<= \.)|(?<= [\[(])(?:\.|dot)"
    r"|(?<=[.\])]) ?[a-z0-9] [a-z0-9] [a-z0-9]|(?<=\.) [a-z]{2,6} ?/)"
)
_LONGEST_SPELT_LABEL = 64
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")
_PATH_STOP = frozenset(" \n\t")


def _label_before(text: str, end: int) -> tuple[int, str, bool]:
    """The label that ends at ``end``: a run of label characters, or single characters each
    after a space (``a i c r y p t o``). ``(start, label, spaced)``; start is -1 when none."""
    start = end
    while start > 0 and text[start - 1] in _LABEL_CHARS:
        start -= 1
    if start == end or (start > 0 and text[start - 1] not in " \n"):
        return -1, "", False
    if end - start > 1:
        return start, text[start:end], False
    chars = [text[start]]
    while (
        start >= 2
        and text[start - 1] == " "
        and text[start - 2] in _LABEL_CHARS
        and (start == 2 or text[start - 3] in " \n")
    ):
        start -= 2
        chars.append(text[start])
    return start, "".join(reversed(chars)), len(chars) > 1


def _label_after(text: str, start: int) -> tuple[int, str, bool]:
    """The label that starts at ``start`` (see :func:`_label_before`): ``(end, label, spaced)``."""
    end = start
    size = len(text)
    while end < size and text[end] in _LABEL_CHARS:
        end += 1
    if end - start != 1:
        return end, text[start:end], False
    chars = [text[start]]
    while (
        end + 1 < size
        and text[end] == " "
        and text[end + 1] in _LABEL_CHARS
        and (end + 2 == size or text[end + 2] not in _LABEL_CHARS)
    ):
        chars.append(text[end + 1])
        end += 2
    return end, "".join(chars), len(chars) > 1


def spaced_links(text: str) -> list[tuple[int, int, str]]:
    """Links written with spaces to dodge link filters — ``t . m e / a i c r y p t o``,
    ``bit . ly / 3xYz``, ``f b 8 8 . c o m`` — in lower-case folded text, as ``(start, end,
    link)`` with the link written without its spaces (``t.me/aicrypto``).

    Prose has dots followed by a space and slashes between words, so a dot with a space after it
    only counts when a label is spelt letter by letter or the host is a shortener, a chat
    contact or a betting site; a space *before* the dot (rare in prose) also counts with a path.
    """
    found: list[tuple[int, int, str]] = []
    hint = _SPACED_LINK_HINT_RE.search(text)
    if hint is None:
        return found
    # The first link starts at most a spelt-out label (a few dozen characters) before the hint.
    taken = 0
    for match in _LINK_DOT_RE.finditer(text, max(0, hint.start() - _LONGEST_SPELT_LABEL)):
        if match.start() < taken:
            continue
        host_start, first, first_spaced = _label_before(text, match.start())
        if host_start < 0:
            continue
        labels = [first]
        spelt = first_spaced and len(first) >= 3  # a label spelt out, letter by letter
        space_before_dot = bool(match.group(1))
        space_after_dot = bool(match.group(3))
        end = match.end()
        while True:
            end, label, label_spaced = _label_after(text, end)
            if label_spaced and label not in TLD_SET:
                # letters of the next words read on: keep the longest known TLD they start with
                known = next((k for k in range(len(label) - 1, 1, -1) if label[:k] in TLD_SET), 0)
                if known:
                    end -= 2 * (len(label) - known)
                    label = label[:known]
            labels.append(label)
            spelt = spelt or (label_spaced and len(label) >= 3)
            more = _LINK_DOT_RE.match(text, end)
            if more is None or not label:
                break
            space_before_dot = space_before_dot or bool(more.group(1))
            end = more.end()
        if not all(labels) or labels[-1] not in TLD_SET:
            continue
        host = ".".join(labels)
        path = ""
        slash = _LINK_SLASH_RE.match(text, end)
        if slash is not None and slash.end() < len(text) and text[slash.end()] not in _PATH_STOP:
            path_start = slash.end()
            path_end, path, path_spaced = _label_after(text, path_start)
            if not path_spaced:
                path_end = path_start
                while path_end < len(text) and text[path_end] not in _PATH_STOP:
                    path_end += 1
                path = text[path_start:path_end].rstrip(TRAILING_PUNCTUATION)
                path_end = path_start + len(path)
            spelt = spelt or (path_spaced and len(path) >= 3)
            end = path_end
        known_host = host in SHORTENERS or host in _CONTACT_LINK_HOSTS
        if not (
            spelt
            or (space_before_dot and (bool(path) or known_host or betting_site(host) is not None))
            or (space_after_dot and known_host)
        ):
            continue
        found.append((host_start, end, f"{host}/{path}" if path else host))
        taken = end
    return found
