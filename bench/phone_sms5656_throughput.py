"""Throughput of chanrac.phone and the 5656 parser on synthetic inputs (no real data).

Peaks after a media campaign are thousands of 5656 messages a minute; operators' bulk files carry
millions of senders. Run: .venv/bin/python bench/phone_sms5656_throughput.py [N]
"""

from __future__ import annotations

import contextlib
import random
import sys
import time
from collections.abc import Callable

from rich.console import Console
from rich.table import Table

from chanrac.intake.sms5656 import parse_inbound, reply_for
from chanrac.phone import MOBILE_PREFIXES, InvalidNumber, InvalidSender, parse_number, parse_sender


def _numbers(rng: random.Random, n: int) -> list[str]:
    prefixes = sorted(MOBILE_PREFIXES)
    forms = [
        lambda p, r: f"{p}{r}",
        lambda p, r: f"{p}{r[0]} {r[1:4]} {r[4:]}",
        lambda p, r: f"+84{p[1:]}{r}",
        lambda p, r: f"(+84) {p[1:]} {r[:3]} {r[3:]}",
        lambda p, r: f"84{p[1:]}{r}",
        lambda p, r: f"0168{r}",
        lambda p, r: f"024 38{r[:2]} {r[2:6]}",
    ]
    return [rng.choice(forms)(rng.choice(prefixes), "".join(rng.choices("0123456789", k=7))) for _ in range(n)]


def _senders(rng: random.Random, n: int) -> list[str]:
    pool = ["VIETTEL", "Vietcombank", "MB Bank", "5656", "8779", "1900 1234", "shop@example.com", "zalo:0912345678"]
    numbers = _numbers(rng, n)
    return [rng.choice(pool) if rng.random() < 0.5 else numbers[i] for i in range(n)]


def _sms(rng: random.Random, n: int) -> list[str]:
    numbers = _numbers(rng, n)
    templates = [
        "S {num} Ban da trung thuong, lien he ngay",
        "S ({num})(Vay nhanh giai ngan trong ngay)",
        "V {num} goi tu xung cong an",
        "LD VCB Tai khoan cua quy khach bi khoa\nXac thuc tai link",
        "DK DNC",
        "HUY DNC S",
        "Quy khach nhan qua tang, soan tin ngay",
        "HD",
    ]
    return [rng.choice(templates).format(num=numbers[i]) for i in range(n)]


def _rate(items: list[str], work: Callable[[str], object]) -> float:
    start = time.perf_counter()
    for item in items:
        with contextlib.suppress(InvalidNumber, InvalidSender):
            work(item)
    return len(items) / (time.perf_counter() - start)


def main(n: int = 100_000) -> None:
    rng = random.Random(5656)
    table = Table(title=f"chanrac.phone / sms5656 throughput, {n:,} inputs each, one core")
    table.add_column("operation")
    table.add_column("per second", justify="right")
    table.add_column("µs each", justify="right")
    cases: list[tuple[str, list[str], Callable[[str], object]]] = [
        ("parse_number (7 written forms)", _numbers(rng, n), parse_number),
        ("parse_sender (half numbers)", _senders(rng, n), parse_sender),
        ("parse_inbound + reply_for", _sms(rng, n), lambda text: reply_for(parse_inbound(text), tracking_code="CR1")),
    ]
    for name, items, work in cases:
        rate = _rate(items, work)
        table.add_row(name, f"{rate:,.0f}", f"{1e6 / rate:.1f}")
    Console().print(table)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
