"""Fakers for template slots: pools of realistic values, built once per seed.

Every value is invented here (names from common Vietnamese name parts, numbers drawn from the real
operator prefixes and checked by the numbering plan, look-alike domains on the cheap TLDs spammers
buy). Pools are precomputed lists so that generating a message is a few list look-ups.

Some slots belong together: the bank in "{bank}: ... tai {bank_url}" and the brandname the message
comes from are the same bank. Such slots share a *group*; one entity of the group is drawn per
message and each slot of the group takes one of that entity's values.
"""

from __future__ import annotations

import random
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers

from chanrac.geo import PROVINCES
from chanrac.phone import MOBILE_PREFIXES

# Market share, roughly (Viettel ≈ 55 %, VinaPhone ≈ 25 %, MobiFone ≈ 17 %): weights numbers drawn.
_OPERATOR_WEIGHT = {
    "viettel": 0.53,
    "vinaphone": 0.24,
    "mobifone": 0.17,
    "vietnamobile": 0.03,
    "gmobile": 0.01,
    "itelecom": 0.01,
    "reddi": 0.01,
}


def mobile_prefixes() -> dict[str, tuple[str, ...]]:
    """Operator → its national mobile prefixes ("086"), from the numbering plan in chanrac.phone."""
    table: dict[str, list[str]] = {}
    for prefix, operator in MOBILE_PREFIXES.items():
        table.setdefault(operator.value, []).append(prefix)
    return {operator: tuple(sorted(prefixes)) for operator, prefixes in table.items()}


def is_valid_mobile(national: str) -> bool:
    """Also valid for ``phonenumbers``, whose metadata knows which blocks of a prefix are assigned."""
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(national, "VN"))
    except phonenumbers.NumberParseException:
        return False


# --- word lists ---------------------------------------------------------------------------------

SURNAMES = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 3), ("Phan", 4),
    ("Vũ", 3), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 2), ("Ngô", 1), ("Dương", 1),
    ("Lý", 1), ("Đinh", 1), ("Trịnh", 1), ("Lương", 1), ("Mai", 1), ("Tạ", 1), ("Đào", 1),
)  # fmt: skip
MIDDLE_MALE = ("Văn", "Minh", "Đức", "Hữu", "Quốc", "Thanh", "Hoàng", "Công", "Xuân", "Anh", "Gia", "Tuấn")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Minh", "Phương", "Hồng", "Bảo", "Mỹ", "Diệu", "Khánh")
GIVEN_MALE = (
    "Anh", "Hùng", "Tuấn", "Dũng", "Nam", "Hải", "Long", "Huy", "Quân", "Sơn", "Bình", "Khánh",
    "Đạt", "Phúc", "Thắng", "Hiếu", "Trung", "Tùng", "Cường", "Vinh", "Phong", "Toàn", "Lâm", "Kiên",
    "Minh", "Đức", "Tài", "Thành", "Hoàng", "Việt", "Quang", "Nghĩa", "Hưng", "Duy", "Khoa", "Bảo",
)  # fmt: skip
GIVEN_FEMALE = (
    "Lan", "Hương", "Linh", "Hà", "Trang", "Phương", "Thảo", "Mai", "Ngọc", "Hoa", "Tâm", "Yến",
    "Nhung", "Vy", "Châu", "Huyền", "Thủy", "Hạnh", "Dung", "Nga", "Quỳnh", "Hằng", "Giang", "Vân",
    "Oanh", "My", "Uyên", "Nhi", "Trinh", "Loan", "Hiền", "Diễm", "Thư", "Ánh", "Như", "Hồng",
)  # fmt: skip

# (display name, sender brandname, tokens a look-alike domain is made of)
BANKS = (
    ("Vietcombank", "Vietcombank", ("vcb", "vietcombank", "vcbdigibank", "vcb-digibank")),
    ("BIDV", "BIDV", ("bidv", "ebidv", "bidv-smartbanking")),
    ("VietinBank", "VietinBank", ("vietinbank", "vtb", "vietin-ipay", "ipay-vietin")),
    ("Agribank", "Agribank", ("agribank", "agri", "agribank-plus")),
    ("Techcombank", "Techcombank", ("techcombank", "tcb", "techcom")),
    ("MB Bank", "MBBANK", ("mbbank", "mb", "mbbank-app")),
    ("ACB", "ACB", ("acb", "acb-online", "acbonline")),
    ("VPBank", "VPBank", ("vpbank", "vpb", "vpbank-neo")),
    ("Sacombank", "Sacombank", ("sacombank", "scb", "sacombank-pay")),
    ("TPBank", "TPBank", ("tpbank", "tpb", "tpbank-ebank")),
    ("SHB", "SHB", ("shb", "shb-mobile")),
    ("HDBank", "HDBank", ("hdbank", "hdb")),
    ("MSB", "MSB", ("msb", "msb-online")),
    ("VIB", "VIB", ("vib", "myvib")),
    ("OCB", "OCB", ("ocb", "ocb-omni")),
    ("SeABank", "SeABank", ("seabank", "seab")),
)
OPERATOR_SITES = {"Viettel": "viettel.vn", "VINAPHONE": "vinaphone.com.vn", "MobiFone": "mobifone.vn",
                  "VNMOBILE": "vietnamobile.com.vn"}  # fmt: skip
OPERATORS = (
    ("Viettel", "Viettel", ("viettel", "myviettel", "viettel-km")),
    ("VinaPhone", "VINAPHONE", ("vinaphone", "myvnpt", "vnpt")),
    ("MobiFone", "MobiFone", ("mobifone", "mymobifone", "mobi")),
    ("Vietnamobile", "VNMOBILE", ("vietnamobile", "vnmb")),
)
# The carriers' own sites, which their genuine notices link to.
CARRIER_SITES = {"GHN": "ghn.vn", "GHTK": "ghtk.vn", "ViettelPost": "viettelpost.com.vn", "VNPOST": "vnpost.vn",
                 "JTEXPRESS": "jtexpress.vn", "SPX": "spx.vn"}  # fmt: skip
DELIVERY = (
    ("Giao Hàng Nhanh", "GHN", ("ghn", "giaohangnhanh")),
    ("Giao Hàng Tiết Kiệm", "GHTK", ("ghtk", "giaohangtietkiem")),
    ("Viettel Post", "ViettelPost", ("viettelpost", "vtpost")),
    ("VNPost", "VNPOST", ("vnpost", "buudien")),
    ("J&T Express", "JTEXPRESS", ("jtexpress", "jt-express")),
    ("SPX Express", "SPX", ("spx", "shopee-express")),
)
# Agencies and utilities that phishing impersonates, each its own slot group ({tax_url}, {police}...).
AUTHORITIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "tax": ("Cục Thuế", "TONGCUCTHUE", ("thue", "thuedientu", "etax", "gdt-gov", "thue-vn")),
    "evn": ("EVN", "EVNHCMC", ("evn", "evnhcmc", "evnhanoi", "evn-cskh", "dienluc")),
    "police": ("Bộ Công an", "BOCONGAN", ("vneid", "dichvucong-bca", "bocongan", "dvc-bocongan", "vneid-gov")),
    "csgt": ("Cục CSGT", "CSGT", ("csgt", "phatnguoi", "csgt-vn", "tracuu-phatnguoi", "vphc")),
    "bhxh": ("BHXH Việt Nam", "BHXH", ("bhxh", "baohiemxahoi", "vssid", "bhxh-gov")),
}
UTILITIES = ("EVNHCMC", "EVNHANOI", "EVNNPC", "EVNCPC", "EVNSPC")
SERVICES = (
    "Shopee", "Lazada", "Tiki", "Grab", "MoMo", "ZaloPay", "Be", "TikTok", "Xanh SM", "VNPAY",
    "FPT Play", "Zalo", "Facebook", "Google", "Traveloka", "Vietjet", "Vietnam Airlines",
)  # fmt: skip
SERVICE_BRANDNAMES = (
    "Shopee", "Lazada", "Tiki", "Grab", "MoMo", "ZaloPay", "beCorp", "TikTok", "XanhSM", "VNPAY",
    "FPTPlay", "Zalo", "Facebook", "Google", "Traveloka", "VIETJETAIR", "VNAIRLINES",
)  # fmt: skip
SHOPS = (
    "Điện Máy Xanh", "Thế Giới Di Động", "FPT Shop", "CellphoneS", "Bách Hóa Xanh", "Guardian",
    "Pharmacity", "Long Châu", "Highlands Coffee", "The Coffee House", "Co.opmart", "WinMart",
    "Vinfast", "Canifa", "Yody", "Hoàng Hà Mobile", "Nguyễn Kim", "Watsons",
)  # fmt: skip
SHOP_BRANDNAMES = (
    "DIENMAYXANH", "TGDD", "FPTShop", "CellphoneS", "BACHHOAXANH", "Guardian", "Pharmacity",
    "LONGCHAU", "HIGHLANDS", "TCH", "COOPMART", "WinMart", "VinFast", "CANIFA", "YODY",
    "HOANGHA", "NGUYENKIM", "Watsons",
)  # fmt: skip

# Invented casino brands in the way real ones are named: a word and a lucky number.
_GAME_WORDS = (
    "hi", "go", "sun", "win", "king", "fun", "vip", "rik", "789", "bet", "fb", "ku", "new", "jun",
    "mb", "ok", "one", "hit", "nohu", "ban ca", "tai xiu", "b52", "xo", "may", "zo", "lux", "vua",
)  # fmt: skip
_LUCKY = ("88", "68", "79", "86", "99", "888", "789", "52", "666", "365", "55", "39", "98", "8", "9", "777")
CHEAP_TLDS = (".top", ".vip", ".xyz", ".cc", ".icu", ".online", ".site", ".club", ".shop", ".info", ".live",
              ".store", ".pro", ".link", ".asia", ".fun", ".win", ".bet", ".life", ".click", ".me", ".net",
              ".com")  # fmt: skip
_LURE_WORDS = ("xacminh", "xacthuc", "hotro", "online", "capnhat", "dangnhap", "login", "care", "service",
               "khoaphi", "huy", "baomat", "vn", "app", "ebank", "cskh", "support", "secure", "id")  # fmt: skip
SHORTENERS = ("bit.ly", "t.ly", "tinyurl.com", "shorturl.at", "rb.gy", "s.id", "cutt.ly", "is.gd", "tiny.cc")

STREETS = (
    "Nguyễn Trãi", "Lê Lợi", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt", "Nguyễn Huệ",
    "Cách Mạng Tháng 8", "Điện Biên Phủ", "Lê Văn Sỹ", "Phạm Văn Đồng", "Cầu Giấy", "Láng Hạ",
    "Nguyễn Văn Linh", "Quang Trung", "Hoàng Quốc Việt", "Võ Văn Kiệt", "Phan Đình Phùng", "Giải Phóng",
)  # fmt: skip
DISTRICTS = (
    "Cầu Giấy", "Đống Đa", "Hoàn Kiếm", "Long Biên", "Hà Đông", "Thanh Xuân", "Quận 1", "Quận 3",
    "Quận 7", "Bình Thạnh", "Gò Vấp", "Thủ Đức", "Tân Bình", "Hải Châu", "Sơn Trà", "Ninh Kiều",
    "Lê Chân", "Biên Hòa", "Dĩ An", "Thủ Dầu Một", "Vũng Tàu", "Nha Trang", "Đà Lạt", "Buôn Ma Thuột",
)  # fmt: skip
FOODS = ("bún chả", "phở", "cơm tấm", "lẩu", "bánh mì", "trà sữa", "cà phê", "bún bò", "nem", "ốc", "gà rán",
         "bánh cuốn", "cơm rang", "mì cay", "bún đậu", "lẩu nướng")  # fmt: skip
PROJECTS = ("Eco Green", "Sun Riverside", "Phú Mỹ Garden", "Hà Đô Centrosa", "The Emerald", "Green Bay",
            "Lavita Park", "Diamond Lotus", "Golden Palm", "Saigon Royal", "Hoàng Anh Gold", "Ocean Park")  # fmt: skip
COURSES = ("tiếng Anh giao tiếp", "IELTS 6.5+", "kế toán thực hành", "Excel văn phòng", "marketing online",
           "lập trình Python", "thiết kế đồ họa", "tiếng Trung", "tiếng Hàn", "livestream bán hàng")  # fmt: skip
DEGREES = ("bằng đại học", "bằng cao đẳng", "bằng cấp 3", "bằng trung cấp", "bằng lái xe A1, B2",
           "chứng chỉ tiếng Anh",
           "chứng chỉ tin học", "CCCD", "sổ hồng", "hóa đơn đỏ VAT", "giấy khám sức khỏe")  # fmt: skip
SCHOOLS = ("Bách khoa", "Kinh tế Quốc dân", "Sư phạm", "Công nghệ Thông tin", "Ngoại thương", "Y Dược",
           "Thủy lợi", "Văn Lang", "Hoa Sen", "Tôn Đức Thắng", "Công nghiệp", "Mở", "Nông Lâm", "Xây dựng")  # fmt: skip
APPS = ("VNeID", "eTax Mobile", "VssID", "EVNHCMC CSKH", "iHanoi", "Dịch vụ công", "CSGT Tra cứu")
TELEGRAM_WORDS = ("hotro", "cskh", "vip", "tuyendung", "admin", "support", "kiemtien", "ctv", "dautu", "boss")


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


# --- value makers -------------------------------------------------------------------------------

Maker = Callable[[random.Random], str]


@dataclass(frozen=True, slots=True)
class Group:
    """Slots that describe one entity; ``values[slot][entity]`` lists that entity's values."""

    name: str
    size: int
    values: dict[str, list[list[str]]]


@lru_cache(maxsize=1)
def valid_blocks() -> dict[str, tuple[str, ...]]:
    """Operator → the five-digit starts ("09123") of the mobile numbers ``phonenumbers`` knows as
    assigned. Validity depends on these digits only, so a block plus any 5 digits is a valid number."""
    blocks: dict[str, tuple[str, ...]] = {}
    for operator, prefixes in mobile_prefixes().items():
        candidates = (f"{prefix}{i:02d}" for prefix in prefixes for i in range(100))
        blocks[operator] = tuple(block for block in candidates if is_valid_mobile(block + "00000"))
    return blocks


def _national_mobile(rng: random.Random, blocks: Sequence[str]) -> str:
    return rng.choice(blocks) + "".join(rng.choices(string.digits, k=5))


def _grouped_number(number: str, rng: random.Random) -> str:
    """How people write numbers in SMS: 0912345678, 0912.345.678, 0912 345 678, 091-234-5678."""
    style = rng.random()
    if style < 0.55:
        return number
    if style < 0.7:
        return f"{number[:4]}.{number[4:7]}.{number[7:]}"
    if style < 0.85:
        return f"{number[:4]} {number[4:7]} {number[7:]}"
    if style < 0.93:
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    return "+84" + number[1:]


def _amount(rng: random.Random, low: int, high: int) -> str:
    """An amount in VND written the ways SMS write it: 500k, 5tr, 50 triệu, 1.500.000đ, 1,500,000 VND."""
    value = low
    for _ in range(32):
        magnitude = rng.choice((1, 2, 3, 5, 8, 10, 15, 20, 30, 50, 68, 88, 100, 150, 200, 300, 500))
        value = magnitude * rng.choice((1_000, 10_000, 100_000, 1_000_000, 10_000_000))
        if low <= value <= high:
            break
    value = max(low, min(high, value))
    style = rng.random()
    if value >= 1_000_000_000 and style < 0.7:
        return f"{value // 1_000_000_000} tỷ" if rng.random() < 0.6 else f"{value // 1_000_000_000}ty"
    if value >= 1_000_000 and style < 0.45:
        millions = value // 1_000_000
        return rng.choice((f"{millions}tr", f"{millions} triệu", f"{millions} trieu", f"{millions}TR"))
    if value < 1_000_000 and style < 0.45:
        return rng.choice((f"{value // 1000}k", f"{value // 1000}K", f"{value // 1000} ngàn", f"{value // 1000}K"))
    dotted = f"{value:,}".replace(",", ".")
    return rng.choice((f"{dotted}đ", f"{dotted} VND", f"{value:,} VND", f"{dotted}d", f"{dotted} đồng"))


def _name(rng: random.Random) -> str:
    surname = rng.choices([s for s, _ in SURNAMES], weights=[w for _, w in SURNAMES])[0]
    if rng.random() < 0.5:
        return f"{surname} {rng.choice(MIDDLE_MALE)} {rng.choice(GIVEN_MALE)}"
    return f"{surname} {rng.choice(MIDDLE_FEMALE)} {rng.choice(GIVEN_FEMALE)}"


def _agent(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(('anh', 'a', 'Mr', 'A.'))} {rng.choice(GIVEN_MALE)}"
    return f"{rng.choice(('chị', 'c', 'Ms', 'em', 'C.'))} {rng.choice(GIVEN_FEMALE)}"


def _random_token(rng: random.Random, k: int, alphabet: str = string.ascii_letters + string.digits) -> str:
    return "".join(rng.choices(alphabet, k=k))


def _lookalike_domain(rng: random.Random, tokens: Sequence[str]) -> str:
    token = rng.choice(tokens)
    shape = rng.random()
    lure = rng.choice(_LURE_WORDS)
    tld = rng.choice(CHEAP_TLDS[:-2]) if rng.random() < 0.85 else rng.choice(CHEAP_TLDS)
    if shape < 0.3:
        return f"{token}-{lure}{tld}"
    if shape < 0.5:
        return f"{lure}-{token}{tld}"
    if shape < 0.65:  # msb.com.vn-cz.top: the real domain, then a suffix of the attacker's
        return f"{token}.com.vn-{_random_token(rng, 2, string.ascii_lowercase)}{tld}"
    if shape < 0.8:
        return f"{token}{lure}{tld}"
    if shape < 0.9:
        return f"{token}.vn-{lure}{tld}"
    return f"{token}{rng.randint(1, 99)}{tld}"


def _url_for(domain: str, rng: random.Random) -> str:
    scheme = rng.choice(("https://", "https://", "http://", "", "www."))
    if scheme == "www." and domain.startswith("www."):
        scheme = ""
    path = rng.choice(
        ("", "", "", "/vn", "/login", "/xac-minh", f"/{_random_token(rng, 6)}", "/?id=" + _random_token(rng, 8))
    )
    return f"{scheme}{domain}{path}"


def _short_url(rng: random.Random) -> str:
    shortener = rng.choice(SHORTENERS)
    scheme = rng.choice(("https://", "", ""))
    return f"{scheme}{shortener}/{_random_token(rng, rng.randint(4, 7))}"


def _game_brand(rng: random.Random) -> str:
    word = rng.choice(_GAME_WORDS).replace(" ", "")
    brand = f"{word}{rng.choice(_LUCKY)}"
    if rng.random() < 0.25:
        brand += rng.choice(("club", "win", "vip", "bet", ".com", "vn"))
    return brand.upper() if rng.random() < 0.3 else brand[0].upper() + brand[1:]


def _premium_shortcode(rng: random.Random) -> str:
    # 6xxx/7xxx/8xxx: the second digit is the price tier (0 = 1,000 VND … 7 = 15,000 VND).
    return f"{rng.choice('678')}{rng.randint(0, 7)}{rng.randint(0, 9)}{rng.randint(0, 9)}"


def _date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    return rng.choice(
        (f"{day:02d}/{month:02d}", f"{day}/{month}", f"{day:02d}/{month:02d}/2025", f"{day}/{month}/2025")
    )


def _time(rng: random.Random) -> str:
    hour, minute = rng.randint(6, 22), rng.choice((0, 0, 15, 30, 45))
    return rng.choice((f"{hour}h", f"{hour}h{minute:02d}" if minute else f"{hour}h", f"{hour}:{minute:02d}"))


def _plate(rng: random.Random) -> str:
    code = rng.choice(("29", "30", "51", "59", "43", "15", "36", "61", "65", "92", "37", "47", "72", "14"))
    series = rng.choice("ABCDEFGHKLMNPSTVX")
    return f"{code}{series}-{rng.randint(100, 999)}.{rng.randint(10, 99)}"


def _account(rng: random.Random) -> str:
    return "".join(rng.choices(string.digits, k=rng.choice((10, 12, 13, 14))))


def _sim_list(rng: random.Random, prefixes: Sequence[str]) -> str:
    """Vanity numbers ("sim số đẹp") as SIM sellers list them: repeated or ascending tails."""
    numbers = []
    for _ in range(rng.randint(3, 7)):
        head = rng.choice(prefixes) + "".join(rng.choices(string.digits, k=3))
        tail_pattern = rng.random()
        a, b = rng.choice(string.digits), rng.choice(string.digits)
        if tail_pattern < 0.25:
            tail = f"{a}{b}{a}{b}"
        elif tail_pattern < 0.5:
            tail = f"{b}{a}{a}{a}"
        elif tail_pattern < 0.7:
            start = rng.randint(0, 6)
            tail = f"{rng.randint(0, 9)}{start}{start + 1}{start + 2}"
        else:
            tail = rng.choice(("6868", "8686", "3979", "7979", "6789", "8888", "9999", "1368", "2204", "0000"))
        numbers.append(head + tail)
    return rng.choice((" ", ", ", " - ", "\n")).join(numbers)


@lru_cache(maxsize=8)
def build_pools(seed: int = 0, size: int = 1024) -> dict[str, Group]:
    """Every slot's values for one seed: ``groups[name].values[slot][entity] -> [values]``."""
    rng = random.Random(f"chanrac.synth.fakers:{seed}")
    prefixes = mobile_prefixes()
    operators = [op for op in prefixes if op in _OPERATOR_WEIGHT]
    weights = [_OPERATOR_WEIGHT[op] for op in operators]
    all_prefixes = [p for op in operators for p in prefixes[op]]

    blocks = valid_blocks()

    def mobile() -> str:
        operator = rng.choices(operators, weights=weights)[0]
        return _national_mobile(rng, blocks[operator])

    groups: dict[str, Group] = {}

    def single(slot: str, maker: Callable[[], str], n: int = size) -> None:
        groups[slot] = Group(slot, n, {slot: [[maker()] for _ in range(n)]})

    def entities(name: str, table: Sequence[tuple[str, str, Sequence[str]]], n_domains: int = 24) -> None:
        values: dict[str, list[list[str]]] = {
            name: [],
            f"{name}_brandname": [],
            f"{name}_domain": [],
            f"{name}_url": [],
        }
        for display, brandname, tokens in table:
            domains = [_lookalike_domain(rng, tokens) for _ in range(n_domains)]
            values[name].append([display, display.upper() if rng.random() < 0.2 else display])
            values[f"{name}_brandname"].append([brandname])
            values[f"{name}_domain"].append(domains)
            values[f"{name}_url"].append([_url_for(d, rng) for d in domains for _ in range(2)])
        groups[name] = Group(name, len(table), values)

    mobiles = [mobile() for _ in range(size * 4)]
    groups["phone"] = Group("phone", len(mobiles), {
        "phone": [[_grouped_number(m, rng)] for m in mobiles],
        "phone_plain": [[m] for m in mobiles],
    })  # fmt: skip
    single("name", lambda: _name(rng))
    single("first", lambda: rng.choice(GIVEN_MALE + GIVEN_FEMALE), 72)
    single("agent", lambda: _agent(rng), 256)
    single("amount", lambda: _amount(rng, 1_000_000, 500_000_000))
    single("small_amount", lambda: _amount(rng, 10_000, 2_000_000))
    single("big_amount", lambda: _amount(rng, 5_000_000, 2_000_000_000))
    single("discount", lambda: f"{rng.choice((10, 15, 20, 25, 30, 40, 50, 70))}%", 8)
    single("house_price", lambda: rng.choice((f"{rng.choice((1, 2, 3, 4, 5))},{rng.randint(1, 9)} tỷ",
                                               f"{rng.choice((650, 780, 850, 950))} triệu",
                                               f"{rng.choice((25, 35, 45, 60, 80))}tr/m2")), 64)  # fmt: skip
    single("percent", lambda: f"{rng.choice((5, 10, 15, 20, 30, 35, 40, 50, 70, 100, 150, 200))}%", 12)
    single("shortcode", lambda: _premium_shortcode(rng), 240)
    single("code", lambda: "".join(rng.choices(string.digits, k=rng.choice((4, 6, 6, 6, 8)))))
    single(
        "order",
        lambda: rng.choice(("", "DH", "SPX", "GHN", "VN")) + "".join(rng.choices(string.digits, k=rng.randint(8, 13))),
    )
    single("date", lambda: _date(rng), 365)
    single("time", lambda: _time(rng), 80)
    single("plate", lambda: _plate(rng))
    single("account", lambda: _account(rng))
    single("short_url", lambda: _short_url(rng))
    single("tag", lambda: _random_token(rng, rng.randint(4, 5), string.ascii_letters))
    single("sim_list", lambda: _sim_list(rng, all_prefixes), 256)
    single(
        "telegram",
        lambda: (
            "@"
            + rng.choice(TELEGRAM_WORDS)
            + rng.choice(("", "_", "."))
            + _random_token(rng, 3, string.ascii_lowercase + string.digits)
        ),
    )
    single("place", lambda: rng.choice(DISTRICTS + tuple(p.name_vi for p in PROVINCES)), 64)
    single("street", lambda: f"{rng.randint(1, 399)} {rng.choice(STREETS)}", 256)
    single("school", lambda: rng.choice(SCHOOLS), len(SCHOOLS))
    single("street_name", lambda: rng.choice(STREETS), len(STREETS))
    single("food", lambda: rng.choice(FOODS), len(FOODS))
    single("project", lambda: rng.choice(PROJECTS), len(PROJECTS))
    single("course", lambda: rng.choice(COURSES), len(COURSES))
    single("degree", lambda: rng.choice(DEGREES), len(DEGREES))
    single("app", lambda: rng.choice(APPS), len(APPS))
    # Callers that are not mobiles: city landlines (024 Hanoi, 028 Ho Chi Minh City), the 069
    # police range that fake "police" spoof, and scam centres abroad (Cambodia, the Philippines).
    single(
        "landline",
        lambda: rng.choice(("024", "028")) + rng.choice("3567") + "".join(rng.choices(string.digits, k=7)),
        256,
    )
    single("police_number", lambda: "069" + rng.choice("23456789") + "".join(rng.choices(string.digits, k=6)), 64)
    single("foreign_number", lambda: rng.choice(("+85596", "+85597", "+85588", "+63917", "+63918"))
           + "".join(rng.choices(string.digits, k=7)), 128)  # fmt: skip
    single("hotline", lambda: rng.choice(("1900", "1800")) + "".join(rng.choices(string.digits, k=4)), 64)

    games: dict[str, list[list[str]]] = {"game": [], "game_url": []}
    for _ in range(160):
        brand = _game_brand(rng)
        token = brand.lower().replace(".", "")
        tld = rng.choice((".com", ".vip", ".bet", ".win", ".club", ".top", ".fun", ".me", ".cc", ".live"))
        games["game"].append([brand])
        games["game_url"].append([f"{token}{tld}", f"{token}{rng.randint(1, 9)}{tld}", _short_url(rng)])
    groups["game"] = Group("game", 160, games)

    entities("bank", BANKS)
    entities("operator", OPERATORS)
    groups["operator"].values["operator_site"] = [[OPERATOR_SITES[brandname]] for _, brandname, _ in OPERATORS]
    entities("carrier", DELIVERY)
    groups["carrier"].values["carrier_site"] = [[CARRIER_SITES[brandname]] for _, brandname, _ in DELIVERY]
    for key, authority in AUTHORITIES.items():
        entities(key, (authority,), n_domains=48)
    groups["service"] = Group("service", len(SERVICES), {
        "service": [[s] for s in SERVICES],
        "service_brandname": [[b] for b in SERVICE_BRANDNAMES],
    })  # fmt: skip
    groups["utility"] = Group("utility", len(UTILITIES), {
        "utility": [[u] for u in UTILITIES],
        "utility_brandname": [[u] for u in UTILITIES],
    })  # fmt: skip
    groups["shop"] = Group("shop", len(SHOPS), {
        "shop": [[s] for s in SHOPS],
        "shop_brandname": [[b] for b in SHOP_BRANDNAMES],
    })  # fmt: skip
    # A domain of the spammer's own, for scams that brand themselves.
    single("domain", lambda: _lookalike_domain(rng, ("vieclam", "tuyendung", "kiemtien", "dautu", "hoantien",
                                                      "quatang", "trian", "uudai", "nhanqua", "vongquay")))  # fmt: skip
    single("url", lambda: _url_for(groups["domain"].values["domain"][rng.randrange(size)][0], rng))
    return groups


@lru_cache(maxsize=8)
def slot_index(seed: int = 0) -> dict[str, tuple[str, Group]]:
    """slot name → (group name, group) for fast look-up while rendering."""
    return {slot: (name, group) for name, group in build_pools(seed).items() for slot in group.values}
