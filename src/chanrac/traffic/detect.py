"""Rules: the features the SQL computed → named signals with evidence → suspects, boxes and batches.

This part is plain Python over a few thousand rows, shared by every engine, so DuckDB and Spark
give the same suspects whenever their SQL gives the same features.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from chanrac.config import TIMEZONE
from chanrac.model import Signal, Suspect, SuspectKind
from chanrac.traffic.params import TrafficParams

Row = Mapping[str, Any]

# Weights (Rspamd scores). Comments say why a rule weighs what it weighs.
W_WINDOW = 1.0  # a shop texting its customers can exceed a window too: never enough alone
W_SEQUENTIAL = 2.0  # people do not text numbers one after the other in the numbering plan
W_UNRELATED = 2.0  # nobody among the recipients ever called or wrote back
W_NO_INBOUND = 2.0
W_MANY_OPERATORS = 0.5  # weak: people contact every network
W_MANY_IMSIS = 2.0
W_ROTATION = 1.5
W_STATIONARY = 1.0  # weak: many people never leave their neighbourhood
W_UNIFORM = 1.5
W_BOX_NO_INBOUND = 1.5
W_YOUNG = 1.0
W_BOX_NO_TOPUP = 0.5
W_BOX_GROUP = 1.0
W_ID_OVER_LIMIT = 3.0  # a legal limit: needs one more sign only
W_BURST = 1.0
W_FAR = 1.5
W_NO_TOPUP = 1.0
W_BATCH_FAR = 1.5


def _window_label(seconds: int) -> str:
    if seconds % 3600 == 0:
        return f"{seconds // 3600}H"
    if seconds % 60 == 0:
        return f"{seconds // 60}M"
    return f"{seconds}S"


def _when(epoch: int | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(int(epoch), TIMEZONE)


def _fmt(epoch: int | None) -> str:
    moment = _when(epoch)
    return "unknown" if moment is None else moment.strftime("%Y-%m-%d %H:%M")


def mass_signals(row: Row, params: TrafficParams) -> list[Signal]:
    """Mass-sender rules for one SIM (a row of ``sim_features``)."""
    signals = []
    n_sms = int(row["n_sms"])
    for k, (window, limit) in enumerate(params.window_limits):
        peak = int(row[f"max_new_w{k}"] or 0)
        if peak > limit:
            label = _window_label(window)
            signals.append(
                Signal(
                    f"NEW_RECIPIENTS_{label}", W_WINDOW, f"{peak} new recipients within {label.lower()} (limit {limit})"
                )
            )
    sequential = int(row["n_sequential"]) / max(1, n_sms - 1)
    if sequential >= params.sequential_share:
        signals.append(
            Signal(
                "SEQUENTIAL_RECIPIENTS",
                W_SEQUENTIAL,
                f"{sequential:.0%} of consecutive SMS went to numbers at most {params.sequential_max_step} apart",
            )
        )
    recipients = int(row["n_recipients"])
    unrelated = int(row["n_unrelated"]) / max(1, n_sms)
    if recipients >= params.unrelated_min_recipients and unrelated >= params.unrelated_share:
        signals.append(
            Signal(
                "UNRELATED_RECIPIENTS",
                W_UNRELATED,
                f"{unrelated:.0%} of {n_sms} SMS to {recipients} numbers that never called or wrote back",
            )
        )
    inbound = int(row["n_in"])
    if inbound < params.inbound_ratio * n_sms:
        signals.append(Signal("NO_INBOUND", W_NO_INBOUND, f"{inbound} calls/SMS received for {n_sms} SMS sent"))
    operators = int(row["n_operators"])
    if operators >= params.many_operators:
        signals.append(Signal("MANY_OPERATORS", W_MANY_OPERATORS, f"recipients on {operators} operators' prefixes"))
    return signals


def box_signals(row: Row, params: TrafficParams) -> list[Signal]:
    """SIM-box rules for one SIM; the box itself is found by :func:`group_boxes`."""
    signals = []
    n_sms = int(row["n_sms"])
    imsis = int(row["max_imsis"] or 0)
    if imsis >= params.imsis_per_imei:
        signals.append(Signal("IMEI_MANY_IMSIS", W_MANY_IMSIS, f"its device (IMEI) carried {imsis} SIMs (IMSIs)"))
    sims, handovers = int(row["max_sims"] or 0), int(row["max_handovers"] or 0)
    if sims >= params.rotation_sims and handovers >= params.rotation_handovers:
        signals.append(
            Signal("SIM_ROTATION", W_ROTATION, f"{sims} sending SIMs took turns on its device ({handovers} hand-overs)")
        )
    cells = int(row["n_cells"])
    if cells <= params.stationary_max_cells and n_sms >= params.stationary_min_sms:
        signals.append(Signal("STATIONARY", W_STATIONARY, f"{n_sms} SMS, all from {cells} cell(s)"))
    gaps, mean, std = int(row["n_gaps"] or 0), row["gap_mean"], row["gap_std"]
    if gaps >= params.uniform_min_gaps and mean and std is not None and std / mean < params.uniform_gap_cv:
        signals.append(
            Signal("UNIFORM_GAPS", W_UNIFORM, f"{gaps} gaps of {mean:.0f}±{std:.0f} s (CV {std / mean:.2f})")
        )
    inbound = int(row["n_in"])
    if inbound < params.inbound_ratio * n_sms:
        signals.append(Signal("NO_INBOUND", W_BOX_NO_INBOUND, f"{inbound} calls/SMS received for {n_sms} SMS sent"))
    prepaid = (row.get("subscription") or "").lower() == "prepaid"
    activated, first = row.get("activated_t"), row.get("first_t")
    if prepaid and activated is not None and first is not None:
        age_days = (int(first) - int(activated)) / 86_400
        if age_days < params.young_sim_days:
            signals.append(Signal("YOUNG_PREPAID", W_YOUNG, f"prepaid SIM {age_days:.1f} days old at first use"))
        topup = row.get("first_topup_t")
        if topup is None or int(topup) > int(first):
            signals.append(Signal("NO_TOPUP_BEFORE_USE", W_BOX_NO_TOPUP, "never topped up before sending"))
    return signals


def _score(signals: Iterable[Signal]) -> float:
    return round(sum(s.score for s in signals), 3)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}

    def find(self, node: tuple[str, ...]) -> tuple[str, ...]:
        self.parent.setdefault(node, node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[str, ...], b: tuple[str, ...]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_boxes(candidates: set[int], links: Iterable[Row], min_sims: int) -> dict[int, tuple[str, list[Row]]]:
    """SIMs of one box: connected through the devices (IMEIs) they used, and devices of one model
    (TAC) seen at the same cell. Returns SIM → (box id, the links of the box) for boxes of at
    least ``min_sims`` SIMs; the box id is derived from its smallest IMEI, so it is stable."""
    uf = _UnionFind()
    box_links = [row for row in links if int(row["a"]) in candidates and row["imei"]]
    for row in box_links:
        sim, imei = ("sim", str(row["a"])), ("imei", str(row["imei"]))
        uf.union(sim, imei)
        uf.union(imei, ("site", str(row["tac"]), str(row["cell_id"])))
    members: dict[tuple[str, ...], list[Row]] = defaultdict(list)
    for row in box_links:
        members[uf.find(("sim", str(row["a"])))].append(row)
    boxes: dict[int, tuple[str, list[Row]]] = {}
    for rows in members.values():
        sims = {int(r["a"]) for r in rows}
        if len(sims) < min_sims:
            continue
        box_id = "box-" + min(str(r["imei"]) for r in rows)
        for member in sims:
            boxes[member] = (box_id, rows)
    return boxes


def _box_evidence(rows: Sequence[Row]) -> Signal:
    sims = {r["a"] for r in rows}
    imeis = {r["imei"] for r in rows}
    tacs = sorted({r["tac"] for r in rows})
    cells = sorted({str(r["cell_id"]) for r in rows})
    shown = ", ".join(cells[:4]) + ("…" if len(cells) > 4 else "")
    return Signal(
        "SIM_BOX_GROUP",
        W_BOX_GROUP,
        f"one of {len(sims)} SIMs on {len(imeis)} devices (TAC {', '.join(tacs[:3])}) at cell(s) {shown}",
    )


def preact_signals(row: Row, params: TrafficParams) -> list[Signal]:
    """Pre-activation rules for one subscriber (a row of ``preact_features``)."""
    signals = []
    per_id = int(row["per_id"])
    if per_id > params.numbers_per_id:
        signals.append(
            Signal(
                "ID_OVER_LIMIT",
                W_ID_OVER_LIMIT,
                f"{per_id} prepaid numbers on one ID document (limit {params.numbers_per_id})",
            )
        )
    burst = int(row["burst"])
    if burst >= params.burst_min:
        signals.append(
            Signal(
                "DEALER_BURST",
                W_BURST,
                f"dealer {row['dealer_id']} activated {burst} SIMs within {params.burst_window_s // 60} minutes",
            )
        )
    if int(row["far"]):
        signals.append(
            Signal("FAR_FIRST_USE", W_FAR, f"activated in {row['province']}, first used in {row['first_province']}")
        )
    if int(row["no_topup"]):
        signals.append(Signal("NO_TOPUP_BEFORE_USE", W_NO_TOPUP, "prepaid SIM used before any top-up"))
    size, used, far = int(row["batch_size"]), int(row["batch_used"]), int(row["batch_far"])
    if size >= params.batch_min_size and used and far / used >= params.batch_far_share:
        signals.append(
            Signal(
                "BATCH_USED_FAR",
                W_BATCH_FAR,
                f"{far} of {used} used SIMs of a batch of {size} activated by dealer {row['dealer_id']} "
                f"{_fmt(row['batch_start'])}–{_fmt(row['batch_end'])} were first used in another province",
            )
        )
    return signals


def _batch_id(row: Row, params: TrafficParams) -> str:
    if int(row["batch_size"]) >= params.batch_min_size:
        start = _when(row["batch_start"])
        assert start is not None
        return f"batch-{row['dealer_id']}-{start:%Y%m%d%H%M}"
    return f"id-{row['id_number']}"


def suspects_from_features(
    sim_rows: Sequence[Row], link_rows: Sequence[Row], preact_rows: Sequence[Row], params: TrafficParams
) -> list[Suspect]:
    """All suspects, sorted by kind, group and number. A SIM of a box is reported as ``sim_box``
    only (the box explains its sending); pre-activation is reported whatever the SIM did."""
    allowed = _allowed_numbers(params.allow_list)
    suspects: list[Suspect] = []
    box_scored: dict[int, tuple[list[Signal], Row]] = {}
    for row in sim_rows:
        sim = int(row["a"])
        if sim in allowed:
            continue
        signals = box_signals(row, params)
        if _score(signals) >= params.box_threshold:
            box_scored[sim] = (signals, row)
    boxes = group_boxes(set(box_scored), link_rows, params.box_min_sims)
    for sim, (box_id, rows) in boxes.items():
        signals, row = box_scored[sim]
        all_signals = (*signals, _box_evidence(rows))
        suspects.append(_suspect(sim, SuspectKind.SIM_BOX, box_id, all_signals, row["first_t"], row["last_t"]))
    for row in sim_rows:
        sim = int(row["a"])
        if sim in allowed or sim in boxes:
            continue
        signals = mass_signals(row, params)
        if _score(signals) >= params.mass_threshold:
            suspects.append(
                _suspect(sim, SuspectKind.MASS_SENDER, f"mass-{sim}", signals, row["first_t"], row["last_t"])
            )
    for row in preact_rows:
        signals = preact_signals(row, params)
        if _score(signals) >= params.preact_threshold:
            last = row["last_t"] if row["last_t"] is not None else row["activated_t"]
            suspects.append(
                _suspect(
                    int(row["msisdn"]),
                    SuspectKind.PRE_ACTIVATED,
                    _batch_id(row, params),
                    signals,
                    row["activated_t"],
                    last,
                )
            )
    suspects.sort(key=lambda s: (s.kind.value, s.group_id, s.msisdn))
    return suspects


def _suspect(
    number: int, kind: SuspectKind, group_id: str, signals: Sequence[Signal], first: int | None, last: int | None
) -> Suspect:
    ordered = tuple(sorted(signals, key=lambda s: (-s.score, s.name)))
    return Suspect(
        msisdn=f"+{number}",
        kind=kind,
        group_id=group_id,
        score=_score(ordered),
        signals=ordered,
        first_seen=_when(first),
        last_seen=_when(last),
    )


def _allowed_numbers(entries: Iterable[str]) -> set[int]:
    from chanrac.phone import InvalidNumber, is_mobile, parse_number

    numbers = set()
    for entry in entries:
        try:
            if is_mobile(entry):
                numbers.add(int(parse_number(entry)[1:]))
        except InvalidNumber:
            continue  # brandnames and short codes: never a subscriber of the analysis anyway
    return numbers
