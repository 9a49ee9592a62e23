"""A synthetic mobile network with planted spam: the traffic detectors' test bench.

Everything is vectorised numpy written day by day to Parquet, so 100 M events take minutes, not hours.
What makes it *hard* (``hard=True``, the default):

* people have social graphs, diurnal cycles, dual-SIM phones, changed phones, ported numbers, and
  numbers written in every legal form (``84…`` in events, ``0…`` and old 11-digit forms for
  recipients, ``+84…`` in the subscriber file);
* heavy legitimate users: shops texting their customers, group chats, delivery drivers calling
  strangers all day, brandname/short-code OTP senders with enormous volumes;
* SIM boxes throttle each SIM *below* the operators' per-window limits, rotate SIMs across ports,
  some move between two cells, some have IMEIs of an ordinary phone model with random serials;
* mass senders throttle below the 5-minute and 1-hour limits and some stay under the 24-hour one;
* pre-activated batches spread their SIMs over several ID documents, some at or under the legal
  limit, and a few batches are sold to ordinary people who then use them normally;
* legitimate lookalikes: busy dealers activating steadily all day, families with 3 SIMs on one ID,
  companies with dozens of postpaid lines under one ID.

The ground truth (``truth.parquet``: ``msisdn``, ``kind``, ``group_id``) lists every planted SIM;
``roles.parquet`` says who every subscriber is (shop, driver, group chat…) for analysis.
Kinds follow the detectors' precedence: a SIM in a box is ``sim_box`` (not also ``mass_sender``);
a SIM from an illegal batch is also ``pre_activated`` whatever it is used for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from chanrac.config import TIMEZONE
from chanrac.phone.plan import MOBILE_PREFIXES, OLD_TO_NEW_PREFIXES

DAY = 86_400
HOUR = 3_600
START = datetime(2026, 11, 2, tzinfo=TIMEZONE)

# Probability of an ordinary person's activity by hour of day (sums to 1): quiet nights, busy evenings.
_HOURLY = np.array([2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 7, 6, 6, 6, 6, 7, 8, 8, 8, 7, 5, 3], dtype=float)
HOURLY = _HOURLY / _HOURLY.sum()

_OPERATORS = sorted(set(MOBILE_PREFIXES.values()))
_MARKET_SHARE = {"viettel": 0.52, "vinaphone": 0.2, "mobifone": 0.2, "vietnamobile": 0.05, "gmobile": 0.015}
_MNC = {"viettel": 4, "vinaphone": 2, "mobifone": 1, "vietnamobile": 5, "gmobile": 7, "itelecom": 8, "reddi": 9}
_PROVINCES = np.array([f"P{i:02d}" for i in range(1, 35)])  # the 34 provinces since 2025, as codes
_COMMON_TACS = np.array([35_000_000 + 1_237 * i for i in range(60)], dtype=np.int64)
_SIM_BOX_TACS = np.array([86_772_003, 86_772_104, 35_876_507], dtype=np.int64)  # GoIP-like modules
BRAND_SENDERS = ("VIETCOMBANK", "TECHCOMBANK", "SHOPEE", "GRAB", "VIETTEL", "8079", "6089", "9029")
_NEW_TO_OLD = {new[1:]: old[1:] for old, new in OLD_TO_NEW_PREFIXES.items()}


@dataclass(frozen=True, slots=True)
class SimulationConfig:
    """How big and how nasty the synthetic network is. Defaults give ≈ 7 events per subscriber-day."""

    subscribers: int = 20_000
    days: int = 7
    seed: int = 7
    hard: bool = True
    sms_per_day: float = 3.5  # mean for ordinary people (log-normal across people)
    calls_per_day: float = 2.5
    boxes: int | None = None  # default: one per 10,000 subscribers, at least 4
    mass_senders: int | None = None  # default: one per 1,000 subscribers, at least 10
    batches: int | None = None  # pre-activated batches; default one per 2,500 subscribers, at least 6

    @property
    def n_boxes(self) -> int:
        return self.boxes if self.boxes is not None else max(4, self.subscribers // 10_000)

    @property
    def n_mass_senders(self) -> int:
        return self.mass_senders if self.mass_senders is not None else max(10, self.subscribers // 1_000)

    @property
    def n_batches(self) -> int:
        return self.batches if self.batches is not None else max(6, self.subscribers // 2_500)


@dataclass(slots=True)
class _Network:
    """Subscriber attributes as parallel arrays (index = subscriber id)."""

    national: np.ndarray  # int64 national significant number, e.g. 912345678
    operator: np.ndarray  # serving operator (differs from the prefix owner for ported numbers)
    imsi: np.ndarray
    imei: np.ndarray
    imei_after_change: np.ndarray  # phone bought mid-period (or -1)
    change_day: np.ndarray
    home_cell: np.ndarray
    work_cell: np.ndarray
    province: np.ndarray  # index into _PROVINCES
    sms_rate: np.ndarray
    call_rate: np.ndarray
    role: np.ndarray  # see ROLE_*
    active_from_day: np.ndarray  # first day a SIM is in use (spam SIMs start late)


ROLE_PERSON, ROLE_SHOP, ROLE_GROUP_CHAT, ROLE_DRIVER, ROLE_MASS, ROLE_BOX, ROLE_PREACT_USER = range(7)
ROLE_NAMES = ("person", "shop", "group_chat", "driver", "mass_sender", "sim_box", "pre_activated_user")
_CONTACT_OFFSETS = np.array([1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 377, 987, 2_584, 6_765], dtype=np.int64)
_CONTACT_WEIGHTS = np.array([8, 7, 6, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1], dtype=float)
_CONTACT_WEIGHTS /= _CONTACT_WEIGHTS.sum()


def _unique_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` distinct mobile national numbers with prefixes weighted by market share."""
    prefixes = np.array([int(p[1:]) for p in MOBILE_PREFIXES], dtype=np.int64)
    weights = np.array([_MARKET_SHARE.get(MOBILE_PREFIXES[p], 0.005) for p in MOBILE_PREFIXES])
    per_prefix = weights / np.array([list(MOBILE_PREFIXES.values()).count(MOBILE_PREFIXES[p]) for p in MOBILE_PREFIXES])
    per_prefix /= per_prefix.sum()
    out = np.empty(0, dtype=np.int64)
    while out.size < n:
        need = int((n - out.size) * 1.1) + 16
        numbers = rng.choice(prefixes, need, p=per_prefix) * 10_000_000 + rng.integers(0, 10_000_000, need)
        out = np.unique(np.concatenate([out, numbers]))
    return rng.permutation(out)[:n]


def prefix_owner(national: np.ndarray) -> np.ndarray:
    owners = {int(p[1:]): op.value for p, op in MOBILE_PREFIXES.items()}
    two = national // 10_000_000
    result = np.full(national.shape, "viettel", dtype=object)
    for prefix, owner in owners.items():
        result[two == prefix] = owner
    return result


def _luhn_imei(body14: np.ndarray) -> np.ndarray:
    """Append the Luhn check digit an IMEI carries."""
    digits = np.stack([(body14 // 10**k) % 10 for k in range(13, -1, -1)], axis=1)
    doubled = digits[:, 1::2] * 2
    total = digits[:, 0::2].sum(axis=1) + (doubled // 10 + doubled % 10).sum(axis=1)
    return body14 * 10 + (10 - total % 10) % 10


def _imsi(rng: np.random.Generator, operator: np.ndarray) -> np.ndarray:
    mnc = np.array([_MNC[o] for o in operator], dtype=np.int64)
    serial = (
        rng.choice(10**10, operator.size, replace=False)
        if operator.size < 10**7
        else rng.integers(0, 10**10, operator.size)
    )
    return 452 * 10**12 + mnc * 10**10 + serial


def _phone_imei(rng: np.random.Generator, n: int, tacs: np.ndarray | None = None) -> np.ndarray:
    tac = rng.choice(_COMMON_TACS if tacs is None else tacs, n)
    return _luhn_imei(tac * 1_000_000 + rng.integers(0, 1_000_000, n))


class _Writer:
    """Collects one day's events as arrays and writes them sorted by time."""

    def __init__(self) -> None:
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, **columns: np.ndarray) -> None:
        n = len(columns["t"])
        if n:
            columns.setdefault("duration_s", np.full(n, -1, dtype=np.int32))
            self.parts.append(columns)

    def table(self, net: _Network, rng: np.random.Generator) -> pa.Table:
        cols = {k: np.concatenate([p[k] for p in self.parts]) for k in self.parts[0]}
        order = np.argsort(cols["t"], kind="stable")
        cols = {k: v[order] for k, v in cols.items()}
        is_call = cols["is_call"]
        a_sub = cols["a_sub"]
        a_text = cols["a_text"]
        a_national = np.where(a_sub >= 0, net.national[np.maximum(a_sub, 0)], 0)
        a_number = pc.if_else(
            pa.array(a_sub >= 0),
            pc.binary_join_element_wise("84", pc.cast(pa.array(a_national), pa.string()), ""),
            pa.array(a_text, pa.string()),
        )
        b_number = _written_forms(rng, cols["b_national"])
        duration = np.where(is_call, cols["duration_s"], -1)
        return pa.table(
            {
                "ts": pa.array(cols["t"], pa.int64()).cast(pa.timestamp("s", tz="Asia/Ho_Chi_Minh")),
                "event": pa.array(np.where(is_call, "call", "sms"), pa.string()),
                "a_number": a_number,
                "b_number": b_number,
                "imsi": pa.array(np.where(a_sub >= 0, cols["imsi"], 0), pa.int64()).cast(pa.string()),
                "imei": pa.array(np.where(a_sub >= 0, cols["imei"], 0), pa.int64()).cast(pa.string()),
                "cell_id": pc.binary_join_element_wise("C", pc.cast(pa.array(cols["cell"]), pa.string()), ""),
                "duration_s": pa.array(duration, pa.int32(), mask=duration < 0),
                "operator": pa.array(cols["operator"], pa.string()),
            }
        )


def _written_forms(rng: np.random.Generator, national: np.ndarray) -> pa.Array:
    """Recipients as operators' switches write them: mostly ``0…``, some ``+84…``, some old 11-digit."""
    text = pc.binary_join_element_wise("0", pc.cast(pa.array(national), pa.string()), "")
    roll = rng.random(national.size)
    plus = pc.binary_join_element_wise("+84", pc.cast(pa.array(national), pa.string()), "")
    text = pc.if_else(pa.array(roll < 0.03), plus, text)
    two = national // 10_000_000
    old_prefix = np.zeros_like(national)
    for new, old in _NEW_TO_OLD.items():
        old_prefix[two == int(new)] = int(old)
    old_ok = (old_prefix > 0) & (roll > 0.99)
    if old_ok.any():
        old_national = old_prefix * 10_000_000 + national % 10_000_000
        old_text = pc.binary_join_element_wise("0", pc.cast(pa.array(old_national), pa.string()), "")
        text = pc.if_else(pa.array(old_ok), old_text, text)
    return text


def simulate(config: SimulationConfig, out: Path, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Write ``events/`` (one Parquet file a day), ``subscribers``, ``cells``, ``truth`` and
    ``allow_list`` under ``out``; returns counts. ``progress(done_days, total_days)`` is called per day."""
    rng = np.random.default_rng(config.seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "events").mkdir(exist_ok=True)
    for old in (out / "events").glob("*.parquet"):
        old.unlink()
    n_people = config.subscribers
    n_cells = max(50, n_people // 150)
    cell_province = rng.integers(0, _PROVINCES.size, n_cells)
    province_center = rng.uniform([8.5, 102.5], [22.5, 109.0], (_PROVINCES.size, 2))
    cell_latlon = province_center[cell_province] + rng.normal(0, 0.15, (n_cells, 2))
    cells_by_province = [np.flatnonzero(cell_province == p) for p in range(_PROVINCES.size)]

    # --- planted populations (indices appended after ordinary people) ---
    boxes = _plan_boxes(rng, config, n_cells)
    batches = _plan_batches(rng, config, boxes)
    n_mass = config.n_mass_senders
    n_box_sims = sum(b["sims"] for b in boxes)
    n_preact_users = sum(b["size"] for b in batches if b["use"] == "people")
    n_total = n_people + n_mass + n_box_sims + n_preact_users
    national = _unique_numbers(rng, n_total)
    owner = prefix_owner(national)
    ported = rng.random(n_total) < 0.06
    operator = np.where(ported, rng.choice(np.array(_OPERATORS[:5], dtype=object), n_total), owner)
    role = np.full(n_total, ROLE_PERSON, dtype=np.int8)
    heavy = rng.random(n_people)
    role[:n_people][heavy < 0.004] = ROLE_SHOP
    role[:n_people][(heavy >= 0.004) & (heavy < 0.009)] = ROLE_GROUP_CHAT
    role[:n_people][(heavy >= 0.009) & (heavy < 0.012)] = ROLE_DRIVER
    mass_ids = np.arange(n_people, n_people + n_mass)
    role[mass_ids] = ROLE_MASS
    box_ids = np.arange(n_people + n_mass, n_people + n_mass + n_box_sims)
    role[box_ids] = ROLE_BOX
    preact_user_ids = np.arange(n_total - n_preact_users, n_total)
    role[preact_user_ids] = ROLE_PREACT_USER

    province = cell_province[rng.integers(0, n_cells, n_total)]
    home = _cells_in(rng, cells_by_province, province, n_cells)
    work = np.where(rng.random(n_total) < 0.7, _cells_in(rng, cells_by_province, province, n_cells), home)
    imei = _phone_imei(rng, n_total)
    dual = rng.random(n_total) < 0.08  # dual-SIM phones: two lines of one person on one IMEI
    partner = np.flatnonzero(dual[:n_people])
    if partner.size > 1:
        imei[partner[1::2]] = imei[partner[: partner.size // 2 * 2 : 2]][: partner[1::2].size]
    change_day = np.where(rng.random(n_total) < 0.04, rng.integers(1, max(2, config.days), n_total), 10**6)
    net = _Network(
        national=national,
        operator=operator.astype(object),
        imsi=_imsi(rng, owner),
        imei=imei,
        imei_after_change=_phone_imei(rng, n_total),
        change_day=change_day,
        home_cell=home,
        work_cell=work,
        province=province,
        sms_rate=rng.lognormal(np.log(config.sms_per_day) - 0.5, 1.0, n_total),
        call_rate=rng.lognormal(np.log(config.calls_per_day) - 0.3, 0.8, n_total),
        role=role,
        active_from_day=np.zeros(n_total, dtype=np.int64),
    )
    net.sms_rate = np.minimum(net.sms_rate, 60.0)

    truth: list[tuple[int, str, str]] = []
    subscribers = _subscriber_records(
        rng, config, net, n_people, boxes, batches, box_ids, preact_user_ids, cell_province, truth
    )
    # Pre-activated SIMs live where their buyers live, far from the dealer that activated them.
    moved = np.concatenate([box_ids, preact_user_ids])
    net.home_cell[moved] = _cells_in(rng, cells_by_province, net.province[moved], n_cells)
    net.work_cell[moved] = net.home_cell[moved]
    first = 0
    for k, box in enumerate(boxes):
        truth.extend((int(sid), "sim_box", f"box-{k:04d}") for sid in box_ids[first : first + box["sims"]])
        first += box["sims"]
    # Mass senders and box SIMs are ordinary phones/modules bought for the purpose.
    for k, sid in enumerate(mass_ids):
        truth.append((int(sid), "mass_sender", f"mass-{k:04d}"))
        net.active_from_day[sid] = rng.integers(0, max(1, config.days // 2))

    total_events = 0
    cursors: dict[int, int] = {}
    for day in range(config.days):
        writer = _Writer()
        day_start = int(START.timestamp()) + day * DAY
        _people_day(rng, net, n_people, preact_user_ids, day, day_start, writer)
        _shops_day(rng, net, day_start, writer)
        _drivers_day(rng, net, n_cells, day_start, writer)
        _brand_day(rng, net, n_people, day_start, writer)
        _mass_day(rng, config, net, mass_ids, day, day_start, writer, cursors)
        _boxes_day(rng, net, boxes, box_ids, day, day_start, writer, cursors)
        table = writer.table(net, rng)
        pq.write_table(table, out / "events" / f"{(START.date().toordinal() + day)}.parquet", compression="zstd")
        total_events += table.num_rows
        if progress is not None:
            progress(day + 1, config.days)

    pq.write_table(subscribers, out / "subscribers.parquet")
    pq.write_table(
        pa.table(
            {
                "cell_id": pa.array([f"C{i}" for i in range(n_cells)]),
                "lat": pa.array(cell_latlon[:, 0]),
                "lon": pa.array(cell_latlon[:, 1]),
                "province": pa.array(_PROVINCES[cell_province]),
            }
        ),
        out / "cells.parquet",
    )
    pq.write_table(
        pa.table(
            {
                "msisdn": pa.array([f"+84{national[i]}" for i, _, _ in truth]),
                "kind": pa.array([k for _, k, _ in truth]),
                "group_id": pa.array([g for _, _, g in truth]),
            }
        ),
        out / "truth.parquet",
    )
    pa_csv.write_csv(pa.table({"sender": pa.array(list(BRAND_SENDERS))}), out / "allow_list.csv")
    # Who is who (for analysis and tests only — never an input of the detectors).
    pq.write_table(
        pa.table(
            {
                "msisdn": pc.binary_join_element_wise("+84", pc.cast(pa.array(national), pa.string()), ""),
                "role": pa.array(np.array(ROLE_NAMES, dtype=object)[role]),
            }
        ),
        out / "roles.parquet",
    )
    return {"events": total_events, "subscribers": subscribers.num_rows, "truth": len(truth)}


def _cells_in(
    rng: np.random.Generator, by_province: list[np.ndarray], province: np.ndarray, n_cells: int
) -> np.ndarray:
    result = rng.integers(0, n_cells, province.size)
    for p, cells in enumerate(by_province):
        mask = province == p
        if cells.size and mask.any():
            result[mask] = rng.choice(cells, int(mask.sum()))
    return result


def _plan_boxes(rng: np.random.Generator, config: SimulationConfig, n_cells: int) -> list[dict]:
    boxes = []
    for _ in range(config.n_boxes):
        ports = int(rng.choice([8, 16, 32, 64]))
        hard = config.hard and rng.random() < 0.7
        boxes.append(
            {
                "ports": ports,
                "sims": ports * int(rng.integers(2, 5)),
                "cells": rng.choice(n_cells, 2, replace=False)
                if hard and rng.random() < 0.5
                else rng.choice(n_cells, 1),
                # Seconds between messages on one port: hard boxes stay under 10/hour and 3/5 minutes.
                "gap": float(rng.uniform(380, 600) if hard else rng.uniform(40, 150)),
                "shift_hours": float(rng.uniform(2, 6)),
                "common_tac": hard and rng.random() < 0.5,
                "start_day": int(rng.integers(0, max(1, config.days // 3))),
            }
        )
    return boxes


def _plan_batches(rng: np.random.Generator, config: SimulationConfig, boxes: list[dict]) -> list[dict]:
    """Illegal pre-activated batches: some feed the boxes, some are sold to the public."""
    batches = []
    for k, box in enumerate(boxes):
        batches.append({"size": box["sims"], "use": "box", "box": k})
    for _ in range(max(0, config.n_batches - len(boxes))):
        batches.append({"size": int(rng.integers(15, 80)), "use": "people", "box": -1})
    return batches


def _subscriber_records(
    rng: np.random.Generator,
    config: SimulationConfig,
    net: _Network,
    n_people: int,
    boxes: list[dict],
    batches: list[dict],
    box_ids: np.ndarray,
    preact_user_ids: np.ndarray,
    cell_province: np.ndarray,
    truth: list[tuple[int, str, str]],
) -> pa.Table:
    n_total = net.national.size
    start = int(START.timestamp())
    n_dealers = max(20, n_people // 400)
    dealer_province = rng.integers(0, _PROVINCES.size, n_dealers)
    # Ordinary activations: years ago to last month, at a dealer of one's province, office hours.
    activated = start - rng.integers(30, 3_000, n_total) * DAY + rng.integers(8 * HOUR, 20 * HOUR, n_total)
    dealer = rng.integers(0, n_dealers, n_total)  # people who moved since: activated elsewhere
    settled = rng.random(n_total) < 0.9
    for province in range(_PROVINCES.size):
        local = np.flatnonzero(dealer_province == province)
        mask = settled & (net.province == province)
        if local.size and mask.any():
            dealer[mask] = rng.choice(local, int(mask.sum()))
    id_number = rng.integers(0, 10**12, n_total)
    # Families: three lines on one ID (the legal maximum online); companies: many postpaid lines.
    families = rng.choice(n_people, n_people // 30, replace=False)
    id_number[families[1::3]] = id_number[families[0::3]][: families[1::3].size]
    id_number[families[2::3]] = id_number[families[0::3]][: families[2::3].size]
    postpaid = rng.random(n_total) < 0.12
    companies = rng.choice(n_people, max(2, n_people // 200), replace=False)
    company_ids = rng.integers(0, 10**12, max(1, companies.size // 25))
    id_number[companies] = rng.choice(company_ids, companies.size)
    postpaid[companies] = True
    # Busy legitimate dealers activate steadily all day (one every few minutes), not in bursts.
    busy_dealer = int(rng.integers(0, n_dealers))
    neighbours = np.flatnonzero(net.province[:n_people] == dealer_province[busy_dealer])
    busy = rng.choice(neighbours, min(neighbours.size, 600), replace=False)
    activated[busy] = start - 10 * DAY + 8 * HOUR + np.sort(rng.integers(0, 12 * HOUR, busy.size))
    dealer[busy] = busy_dealer
    topup = np.where(rng.random(n_total) < 0.97, activated + rng.integers(0, 3 * DAY, n_total), -1)

    box_sim_start = 0
    preact_start = 0
    for k, batch in enumerate(batches):
        size = batch["size"]
        if batch["use"] == "box":
            ids = box_ids[box_sim_start : box_sim_start + size]
            box_sim_start += size
            box = boxes[batch["box"]]
            first_use = start + box["start_day"] * DAY
            used_in = int(cell_province[box["cells"][0]])
        else:
            ids = preact_user_ids[preact_start : preact_start + size]
            preact_start += size
            first_use = start + int(rng.integers(0, max(1, config.days // 2))) * DAY
            used_in = int(rng.integers(0, _PROVINCES.size))
        far_dealers = np.flatnonzero(dealer_province != used_in)
        bad_dealer = int(rng.choice(far_dealers)) if far_dealers.size else 0
        t0 = first_use - int(rng.integers(2, 25)) * DAY + int(rng.integers(8, 18)) * HOUR
        activated[ids] = t0 + np.sort(rng.integers(0, int(rng.uniform(0.3, 1.5) * HOUR), size))
        dealer[ids] = bad_dealer
        postpaid[ids] = False
        per_id = int(rng.choice([2, 3, 4, 6, 10])) if config.hard else 10
        n_ids = max(1, size // per_id)
        id_number[ids] = rng.choice(rng.integers(0, 10**12, n_ids), size)
        # Far away: the batch was activated in one province and is used in another.
        net.province[ids] = used_in
        if batch["use"] == "box":
            topup[ids] = -1
        else:
            topup[ids] = np.where(rng.random(size) < 0.5, first_use + rng.integers(DAY, 5 * DAY, size), -1)
            net.active_from_day[ids] = (first_use - start) // DAY
        for sid in ids:
            truth.append((int(sid), "pre_activated", f"batch-{k:04d}"))
    # The activation province of people-used batches is the dealer's; their home cells follow the buyer.
    first_topup = pa.array(topup, pa.int64(), mask=topup < 0).cast(pa.timestamp("s", tz="Asia/Ho_Chi_Minh"))
    return pa.table(
        {
            "msisdn": pc.binary_join_element_wise("+84", pc.cast(pa.array(net.national), pa.string()), ""),
            "imsi": pa.array(net.imsi).cast(pa.string()),
            "subscription": pa.array(np.where(postpaid, "postpaid", "prepaid")),
            "activated_at": pa.array(activated, pa.int64()).cast(pa.timestamp("s", tz="Asia/Ho_Chi_Minh")),
            "id_number": pa.array([f"{x:012x}" for x in id_number]),
            "dealer_id": pa.array([f"D{x:05d}" for x in dealer]),
            "province": pa.array(_PROVINCES[dealer_province[dealer]]),
            "first_topup_at": first_topup,
        }
    )


def _diurnal_times(rng: np.random.Generator, n: int, day_start: int, hourly: np.ndarray = HOURLY) -> np.ndarray:
    hours = rng.choice(24, n, p=hourly)
    return day_start + hours * HOUR + rng.integers(0, HOUR, n)


def _sub_imei(net: _Network, sub: np.ndarray, day: int) -> np.ndarray:
    return np.where(net.change_day[sub] <= day, net.imei_after_change[sub], net.imei[sub])


def _emit(
    writer: _Writer,
    net: _Network,
    day: int,
    sub: np.ndarray,
    t: np.ndarray,
    b_national: np.ndarray,
    is_call: np.ndarray,
    cell: np.ndarray,
    duration: np.ndarray | None = None,
) -> None:
    writer.add(
        t=t,
        a_sub=sub,
        a_text=np.full(sub.size, "", dtype=object),
        b_national=b_national,
        imsi=net.imsi[sub],
        imei=_sub_imei(net, sub, day),
        cell=cell,
        is_call=is_call,
        operator=net.operator[sub],
        duration_s=duration if duration is not None else np.full(sub.size, -1, dtype=np.int32),
    )


def _people_day(
    rng: np.random.Generator,
    net: _Network,
    n_people: int,
    preact_user_ids: np.ndarray,
    day: int,
    day_start: int,
    writer: _Writer,
) -> None:
    """Ordinary people and group chats: messages and calls to their social circle, who answer back."""
    active_new = preact_user_ids[net.active_from_day[preact_user_ids] <= day]
    population = np.concatenate([np.arange(n_people), active_new])
    # A bought SIM is someone's new line: it talks to that person's circle, who answer on it.
    twin = np.arange(net.national.size)
    twin[preact_user_ids] = preact_user_ids * 7_919 % n_people
    new_line = np.full(n_people, -1)
    new_line[twin[active_new]] = active_new
    n_sms = rng.poisson(net.sms_rate[population])
    chat = net.role[population] == ROLE_GROUP_CHAT
    n_sms[chat] += rng.integers(60, 200, int(chat.sum()))
    n_calls = rng.poisson(net.call_rate[population])
    for counts, is_call in ((n_sms, False), (n_calls, True)):
        sub = np.repeat(population, counts)
        offsets = rng.choice(_CONTACT_OFFSETS, sub.size, p=_CONTACT_WEIGHTS) * rng.choice([-1, 1], sub.size)
        contact = (twin[sub] + offsets) % n_people
        in_chat = net.role[sub] == ROLE_GROUP_CHAT
        # A group chat cycles through the same 10–30 members.
        contact[in_chat] = (sub[in_chat] + _CONTACT_OFFSETS[rng.integers(0, 6, int(in_chat.sum()))]) % n_people
        t = _diurnal_times(rng, sub.size, day_start)
        place = rng.random(sub.size)
        hour = (t - day_start) // HOUR
        at_work = (hour >= 8) & (hour < 17) & (place < 0.7)
        cell = np.where(at_work, net.work_cell[sub], net.home_cell[sub])
        roam = place > 0.93
        cell[roam] = net.work_cell[(sub[roam] + 17) % net.national.size]
        duration = rng.exponential(90, sub.size).astype(np.int32) + 5 if is_call else None
        switched = (new_line[contact] >= 0) & (rng.random(sub.size) < 0.6)
        contact[switched] = new_line[contact[switched]]
        _emit(writer, net, day, sub, t, net.national[contact], np.full(sub.size, is_call), cell, duration)


def _shops_day(rng: np.random.Generator, net: _Network, day_start: int, writer: _Writer) -> None:
    """Shops text their customers (a stable customer base) in office hours; customers call back."""
    shops = np.flatnonzero(net.role == ROLE_SHOP)
    day = (day_start - int(START.timestamp())) // DAY
    n_people = int((net.role <= ROLE_DRIVER).sum())
    for shop in shops:
        n = int(rng.integers(40, 260))
        customers = (shop * 7919 + rng.integers(0, 1_500, n) * 104_729) % n_people
        hours = np.array([0] * 8 + [1] * 12 + [0] * 4, dtype=float)
        t = _diurnal_times(rng, n, day_start, hours / hours.sum())
        sub = np.full(n, shop)
        _emit(writer, net, day, sub, t, net.national[customers], np.zeros(n, bool), np.full(n, net.work_cell[shop]))
        back = customers[: max(1, n // 4)]
        tb = _diurnal_times(rng, back.size, day_start, hours / hours.sum())
        _emit(
            writer,
            net,
            day,
            back,
            tb,
            np.full(back.size, net.national[shop]),
            rng.random(back.size) < 0.7,
            net.home_cell[back],
            rng.integers(10, 200, back.size).astype(np.int32),
        )


def _drivers_day(rng: np.random.Generator, net: _Network, n_cells: int, day_start: int, writer: _Writer) -> None:
    """Delivery drivers call and text many strangers a day while moving; customers call them too."""
    drivers = np.flatnonzero(net.role == ROLE_DRIVER)
    day = (day_start - int(START.timestamp())) // DAY
    n_people = int((net.role <= ROLE_DRIVER).sum())
    for driver in drivers:
        n = int(rng.integers(40, 120))
        customers = rng.integers(0, n_people, n)
        hours = np.array([0] * 7 + [1] * 13 + [0] * 4, dtype=float)
        t = _diurnal_times(rng, n, day_start, hours / hours.sum())
        route = (net.home_cell[driver] + rng.integers(0, 25, n)) % n_cells
        is_call = rng.random(n) < 0.75
        _emit(
            writer,
            net,
            day,
            np.full(n, driver),
            t,
            net.national[customers],
            is_call,
            route,
            rng.integers(8, 60, n).astype(np.int32),
        )
        back = customers[: n // 3]
        _emit(
            writer,
            net,
            day,
            back,
            t[: n // 3] + 60,
            np.full(back.size, net.national[driver]),
            np.ones(back.size, bool),
            net.home_cell[back],
            rng.integers(8, 60, back.size).astype(np.int32),
        )


def _brand_day(rng: np.random.Generator, net: _Network, n_people: int, day_start: int, writer: _Writer) -> None:
    """OTP and transactional senders on brandnames and short codes: huge volumes, never suspects."""
    n = n_people // 4
    recipients = rng.integers(0, n_people, n)
    t = _diurnal_times(rng, n, day_start)
    writer.add(
        t=t,
        a_sub=np.full(n, -1),
        a_text=rng.choice(np.array(BRAND_SENDERS, dtype=object), n),
        b_national=net.national[recipients],
        imsi=np.zeros(n, dtype=np.int64),
        imei=np.zeros(n, dtype=np.int64),
        cell=net.home_cell[recipients],
        is_call=np.zeros(n, bool),
        operator=net.operator[recipients],
    )


def _spam_recipients(
    rng: np.random.Generator, net: _Network, sender: int, n: int, cursor: dict[int, int]
) -> np.ndarray:
    """Half the spammers walk a number range (sequential lists), the others buy random lists."""
    if sender % 2 == 0:
        start = cursor.get(sender, int(net.national[sender] // 10_000_000 * 10_000_000 + rng.integers(0, 9_000_000)))
        step = rng.integers(1, 4, n)
        numbers = start + np.cumsum(step)
        cursor[sender] = int(numbers[-1])
        # Lists are sold per prefix: keep the prefix, jump to another operator's prefix now and then.
        return numbers
    pool = net.national[rng.integers(0, net.national.size, n)]
    fresh = _unique_numbers(rng, n)
    return np.where(rng.random(n) < 0.5, pool, fresh)


def _mass_day(
    rng: np.random.Generator,
    config: SimulationConfig,
    net: _Network,
    mass_ids: np.ndarray,
    day: int,
    day_start: int,
    writer: _Writer,
    cursors: dict[int, int],
) -> None:
    """Standalone mass senders: phones with a spam app, a few hours to a whole day of sending."""
    for sender in mass_ids:
        if net.active_from_day[sender] > day:
            continue
        throttled = config.hard and sender % 3 != 0
        # Throttled senders keep under 3 per 5 minutes and 10 per hour; some also under 100 a day.
        gap = rng.uniform(370, 700) if throttled else rng.uniform(20, 90)
        hours = rng.uniform(8, 15)
        n = int(hours * HOUR / gap)
        if throttled and sender % 3 == 1:
            n = min(n, int(rng.integers(60, 99)))
        t0 = day_start + int(rng.integers(7, 10)) * HOUR
        t = t0 + np.cumsum(rng.uniform(0.6, 1.4, n) * gap).astype(np.int64)
        b = _spam_recipients(rng, net, int(sender), n, cursors)
        cell = np.where(rng.random(n) < 0.8, net.home_cell[sender], net.work_cell[sender])
        _emit(writer, net, day, np.full(n, sender), t, b, np.zeros(n, bool), cell)
        # Now and then an angry recipient calls back.
        back = int(rng.poisson(0.5))
        if back:
            who = rng.integers(0, net.national.size - 1, back)
            _emit(
                writer,
                net,
                day,
                who,
                t[:back] + 600,
                np.full(back, net.national[sender]),
                np.ones(back, bool),
                net.home_cell[who],
                rng.integers(5, 30, back).astype(np.int32),
            )


def _boxes_day(
    rng: np.random.Generator,
    net: _Network,
    boxes: list[dict],
    box_ids: np.ndarray,
    day: int,
    day_start: int,
    writer: _Writer,
    cursors: dict[int, int],
) -> None:
    """SIM boxes: each port sends at a steady pace; SIMs rotate through the ports shift by shift."""
    first = 0
    for k, box in enumerate(boxes):
        sims = box_ids[first : first + box["sims"]]
        first += box["sims"]
        if "imeis" not in box:
            tacs = (
                _COMMON_TACS[k % _COMMON_TACS.size : k % _COMMON_TACS.size + 1] if box["common_tac"] else _SIM_BOX_TACS
            )
            tac = int(rng.choice(tacs))
            serial = rng.integers(0, 900_000) + (
                np.arange(box["ports"]) if not box["common_tac"] else rng.choice(99_000, box["ports"], replace=False)
            )
            box["imeis"] = _luhn_imei(tac * 1_000_000 + serial)
        if day < box["start_day"]:
            continue
        cell = int(box["cells"][day % box["cells"].size])
        shift = int(box["shift_hours"] * HOUR)
        n_shifts = (16 * HOUR) // shift
        for port in range(box["ports"]):
            for s in range(n_shifts):
                # Rotation: a fresh SIM from the pool each shift, round robin with an offset per port.
                sim = sims[(day * n_shifts * box["ports"] + s * box["ports"] + port * 3) % sims.size]
                t_start = day_start + 7 * HOUR + s * shift + int(rng.integers(0, 300))
                n = int(shift / box["gap"])
                t = t_start + np.cumsum(rng.uniform(0.75, 1.25, n) * box["gap"]).astype(np.int64)
                b = _spam_recipients(rng, net, int(sim), n, cursors)
                writer.add(
                    t=t,
                    a_sub=np.full(n, sim),
                    a_text=np.full(n, "", dtype=object),
                    b_national=b,
                    imsi=np.full(n, net.imsi[sim]),
                    imei=np.full(n, box["imeis"][port]),
                    cell=np.full(n, cell),
                    is_call=np.zeros(n, bool),
                    operator=np.full(n, net.operator[sim], dtype=object),
                )
