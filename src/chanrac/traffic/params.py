"""The detectors' parameters: legal thresholds from :mod:`chanrac.law` plus tunable behaviour limits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from chanrac.law import NUMBERS_PER_ID_PER_OPERATOR, OPERATOR_SAME_CONTENT_LIMITS

SLIDING_WINDOWS_S = (300, 3_600, 86_400)


def strictest_window_limits(windows: tuple[int, ...] = SLIDING_WINDOWS_S) -> tuple[tuple[int, int], ...]:
    """For each window, the lowest limit any operator publishes (``OPERATOR_SAME_CONTENT_LIMITS``).

    The operators' limits count messages of *identical content*; a CDR has no content, so the
    detectors apply them to messages sent to *new* recipients, which is what a bulk run looks like.
    """
    per_operator: dict[str, tuple[tuple[int, int], ...]] = OPERATOR_SAME_CONTENT_LIMITS.value  # type: ignore[assignment]
    limits = []
    for window in windows:
        candidates = [limit for table in per_operator.values() for w, limit in table if w == window]
        if not candidates:
            raise ValueError(f"chanrac.law.OPERATOR_SAME_CONTENT_LIMITS has no operator limit for a {window} s window")
        limits.append((window, min(candidates)))
    return tuple(limits)


@dataclass(frozen=True, slots=True)
class TrafficParams:
    """Every threshold of the traffic detectors, with its default and why.

    Scores follow Rspamd: each rule adds its weight when it fires; a SIM is a suspect of a kind when
    the sum reaches that kind's ``*_threshold``. Weights are chosen so that no single behaviour a
    legitimate heavy user can have (high volume, many recipients, steady pace) is enough on its own.
    """

    # -- mass sender --
    window_limits: tuple[tuple[int, int], ...] = field(default_factory=strictest_window_limits)
    min_sms: int = 20  # SIMs that sent fewer SMS in the whole extract are not examined
    # …nor SIMs that received at least this many calls/SMS per SMS sent: people who are answered.
    # Ten times the NO_INBOUND ratio; it keeps the costly per-message analysis to the few SIMs
    # that mostly send (at 100 M events it divides the analysed messages by about ten).
    candidate_inbound_ratio: float = 0.5
    sequential_max_step: int = 10  # consecutive recipients this close count as a walked number range
    sequential_share: float = 0.3
    unrelated_share: float = 0.9  # share of messages to numbers that never called or wrote back
    unrelated_min_recipients: int = 20
    inbound_ratio: float = 0.05  # calls + SMS received / SMS sent, below which the SIM "only sends"
    many_operators: int = 4  # recipients' prefixes spread over at least this many operators
    mass_threshold: float = 4.5
    # -- SIM box --
    imsis_per_imei: int = 3  # a phone with dual SIM shows 2 IMSIs; a box port shows many
    rotation_sims: int = 3  # sending SIMs that took turns on one IMEI
    rotation_handovers: int = 2
    stationary_max_cells: int = 2
    stationary_min_sms: int = 20
    uniform_gap_cv: float = 0.5  # people's gaps are bursty (CV > 1); a box paces itself
    uniform_min_gaps: int = 10
    gap_session_s: int = 1_800  # gaps longer than this separate sending sessions
    young_sim_days: int = 30
    box_threshold: float = 5.0
    box_min_sims: int = 3  # fewer SIMs than this on the same modules is a phone, not a box
    # -- pre-activated --
    numbers_per_id: int = NUMBERS_PER_ID_PER_OPERATOR.value  # type: ignore[assignment]
    burst_window_s: int = 600
    burst_min: int = 12  # activations by one dealer within the window
    batch_gap_s: int = 1_800  # activations further apart than this start a new batch
    batch_min_size: int = 10
    batch_far_share: float = 0.5
    preact_threshold: float = 3.5
    # Senders never reported (registered businesses' numbers, operators' own service numbers).
    allow_list: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool):
                continue
            if isinstance(value, int | float) and value < 0:
                raise ValueError(f"traffic parameter {f.name} must not be negative (got {value})")
        if not self.window_limits:
            raise ValueError("traffic parameter window_limits must name at least one window")

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        values["allow_list"] = sorted(self.allow_list)
        return values
