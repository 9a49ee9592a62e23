"""Scoring suspects against a ground truth: precision and recall per kind (SIM level), boxes as groups."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from chanrac.model import Suspect, SuspectKind

# A planted box counts as found "as a group" when one reported group holds at least this share of
# its SIMs and at least this share of that group's SIMs belong to it.
GROUP_COVERAGE = 0.8
GROUP_PURITY = 0.8


@dataclass(frozen=True, slots=True)
class KindScore:
    kind: str
    truth: int
    predicted: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.truth if self.truth else 1.0


@dataclass(frozen=True, slots=True)
class Evaluation:
    kinds: tuple[KindScore, ...]
    boxes: int
    boxes_found_as_groups: int

    @property
    def box_group_recall(self) -> float:
        return self.boxes_found_as_groups / self.boxes if self.boxes else 1.0

    def rows(self) -> list[dict[str, object]]:
        return [
            {
                "kind": k.kind,
                "truth": k.truth,
                "predicted": k.predicted,
                "precision": round(k.precision, 4),
                "recall": round(k.recall, 4),
            }
            for k in self.kinds
        ]


def evaluate(suspects: Iterable[Suspect], truth: Iterable[Mapping[str, str]]) -> Evaluation:
    """``truth`` rows have ``msisdn`` (E.164), ``kind`` and ``group_id`` (the simulator's truth file)."""
    truth_sets: dict[str, set[str]] = defaultdict(set)
    truth_boxes: dict[str, set[str]] = defaultdict(set)
    for row in truth:
        truth_sets[row["kind"]].add(row["msisdn"])
        if row["kind"] == SuspectKind.SIM_BOX.value:
            truth_boxes[row["group_id"]].add(row["msisdn"])
    predicted: dict[str, set[str]] = defaultdict(set)
    predicted_boxes: dict[str, set[str]] = defaultdict(set)
    for suspect in suspects:
        predicted[suspect.kind.value].add(suspect.msisdn)
        if suspect.kind is SuspectKind.SIM_BOX:
            predicted_boxes[suspect.group_id].add(suspect.msisdn)
    kinds = tuple(
        KindScore(
            kind.value,
            len(truth_sets[kind.value]),
            len(predicted[kind.value]),
            len(truth_sets[kind.value] & predicted[kind.value]),
        )
        for kind in SuspectKind
    )
    found = 0
    for sims in truth_boxes.values():
        overlaps = Counter({gid: len(members & sims) for gid, members in predicted_boxes.items()})
        if not overlaps:
            continue
        gid, shared = overlaps.most_common(1)[0]
        if shared >= GROUP_COVERAGE * len(sims) and shared >= GROUP_PURITY * len(predicted_boxes[gid]):
            found += 1
    return Evaluation(kinds, len(truth_boxes), found)
