"""Vietnam's provinces and centrally-run cities — DATA that changes with administrative reforms.

Since 1 July 2025 (National Assembly Resolution 202/2025/QH15) Vietnam has 34 province-level units:
6 centrally-run cities and 28 provinces. Codes are the two-digit administrative unit codes of
Decision 19/2025/QĐ-TTg (a merged unit keeps the code of the province that hosts its seat).
When the map changes again, edit :data:`PROVINCES` and nothing else: every other module reads it.

``former`` lists the pre-2025 provinces a unit absorbed, so that reports and old data that name a
former province ("Bình Dương", "Hà Giang") still resolve. ``population_m`` is the approximate
population in millions (sum of the former provinces, GSO ≈2023); it only weights generated demo data.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class Region(StrEnum):
    NORTH = "north"  # Miền Bắc
    CENTRAL = "central"  # Miền Trung and the Central Highlands
    SOUTH = "south"  # Miền Nam


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name_vi: str
    name_en: str
    region: Region
    is_city: bool = False
    former: tuple[str, ...] = ()
    population_m: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name_vi": self.name_vi,
            "name_en": self.name_en,
            "region": self.region.value,
            "is_city": self.is_city,
            "former": list(self.former),
        }


_N, _C, _S = Region.NORTH, Region.CENTRAL, Region.SOUTH

# fmt: off
PROVINCES: tuple[Province, ...] = (
    Province("01", "Hà Nội", "Hanoi", _N, True, (), 8.6),
    Province("04", "Cao Bằng", "Cao Bang", _N, False, (), 0.55),
    Province("08", "Tuyên Quang", "Tuyen Quang", _N, False, ("Hà Giang",), 1.7),
    Province("11", "Điện Biên", "Dien Bien", _N, False, (), 0.64),
    Province("12", "Lai Châu", "Lai Chau", _N, False, (), 0.48),
    Province("14", "Sơn La", "Son La", _N, False, (), 1.3),
    Province("15", "Lào Cai", "Lao Cai", _N, False, ("Yên Bái",), 1.6),
    Province("19", "Thái Nguyên", "Thai Nguyen", _N, False, ("Bắc Kạn",), 1.6),
    Province("20", "Lạng Sơn", "Lang Son", _N, False, (), 0.8),
    Province("22", "Quảng Ninh", "Quang Ninh", _N, False, (), 1.4),
    Province("24", "Bắc Ninh", "Bac Ninh", _N, False, ("Bắc Giang",), 3.4),
    Province("25", "Phú Thọ", "Phu Tho", _N, False, ("Vĩnh Phúc", "Hòa Bình"), 4.0),
    Province("31", "Hải Phòng", "Hai Phong", _N, True, ("Hải Dương",), 4.1),
    Province("33", "Hưng Yên", "Hung Yen", _N, False, ("Thái Bình",), 3.2),
    Province("37", "Ninh Bình", "Ninh Binh", _N, False, ("Hà Nam", "Nam Định"), 3.8),
    Province("38", "Thanh Hóa", "Thanh Hoa", _C, False, (), 3.7),
    Province("40", "Nghệ An", "Nghe An", _C, False, (), 3.4),
    Province("42", "Hà Tĩnh", "Ha Tinh", _C, False, (), 1.3),
    Province("44", "Quảng Trị", "Quang Tri", _C, False, ("Quảng Bình",), 1.6),
    Province("46", "Huế", "Hue", _C, True, ("Thừa Thiên Huế",), 1.2),
    Province("48", "Đà Nẵng", "Da Nang", _C, True, ("Quảng Nam",), 2.8),
    Province("51", "Quảng Ngãi", "Quang Ngai", _C, False, ("Kon Tum",), 1.8),
    Province("52", "Gia Lai", "Gia Lai", _C, False, ("Bình Định",), 3.1),
    Province("56", "Khánh Hòa", "Khanh Hoa", _C, False, ("Ninh Thuận",), 1.9),
    Province("66", "Đắk Lắk", "Dak Lak", _C, False, ("Phú Yên",), 2.8),
    Province("68", "Lâm Đồng", "Lam Dong", _C, False, ("Đắk Nông", "Bình Thuận"), 3.2),
    Province("75", "Đồng Nai", "Dong Nai", _S, False, ("Bình Phước",), 4.3),
    Province("79", "Hồ Chí Minh", "Ho Chi Minh City", _S, True, ("Bình Dương", "Bà Rịa - Vũng Tàu"), 13.4),
    Province("80", "Tây Ninh", "Tay Ninh", _S, False, ("Long An",), 2.9),
    Province("82", "Đồng Tháp", "Dong Thap", _S, False, ("Tiền Giang",), 3.4),
    Province("86", "Vĩnh Long", "Vinh Long", _S, False, ("Bến Tre", "Trà Vinh"), 3.4),
    Province("91", "An Giang", "An Giang", _S, False, ("Kiên Giang",), 3.7),
    Province("92", "Cần Thơ", "Can Tho", _S, True, ("Sóc Trăng", "Hậu Giang"), 3.2),
    Province("96", "Cà Mau", "Ca Mau", _S, False, ("Bạc Liêu",), 2.1),
)
# fmt: on

# Prefixes people put before a name: "TP. Hồ Chí Minh", "Tỉnh Gia Lai", "Thành phố Huế".
_NAME_PREFIXES = ("thanh pho ", "tp. ", "tp.", "tp ", "tinh ", "city of ", "province of ")
_NAME_SUFFIXES = (" city", " province")


def _key(name: str) -> str:
    """Case-, accent- and spacing-insensitive form: "Hồ Chí Minh" and "ho chi  minh" meet."""
    decomposed = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    folded = " ".join(folded.replace("-", " ").replace("_", " ").split())
    for prefix in _NAME_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :].strip()
            break
    for suffix in _NAME_SUFFIXES:
        folded = folded.removesuffix(suffix)
    return folded


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for province in PROVINCES:
        index[province.code] = province.code
        index[str(int(province.code))] = province.code  # "1" for "01"
        for name in (province.name_vi, province.name_en, *province.former):
            index[_key(name)] = province.code
    # Common short forms.
    index.update({"hcm": "79", "hcmc": "79", "sai gon": "79", "saigon": "79", "hn": "01", "dn": "48"})
    index.update({"ba ria vung tau": "79", "brvt": "79", "thua thien hue": "46"})
    return index


BY_CODE: dict[str, Province] = {p.code: p for p in PROVINCES}


def province_code(value: str) -> str:
    """The current code of a province given by code, Vietnamese or English name, with or without
    accents, or by the name of a former (pre-2025) province. Raises KeyError when unknown."""
    key = _key(value)
    try:
        return _index()[key]
    except KeyError:
        raise KeyError(f"unknown province {value!r}") from None


def province(value: str) -> Province:
    """The :class:`Province` for anything :func:`province_code` accepts."""
    return BY_CODE[province_code(value)]
