"""Do optimisations leave every verdict as it was? Classify a fixed corpus, write or check a reference.

    .venv/bin/python bench/verdict_equivalence.py --write /tmp/verdicts-ref.jsonl   # before a change
    .venv/bin/python bench/verdict_equivalence.py --check /tmp/verdicts-ref.jsonl   # after it

The corpus: the texts of the shared sets (``../shared/data``: vi_pham2017, vi_smishing_ie403,
en_uci_smsspam, when present) and of ``data/labelled/own_*.csv``; the same texts rewritten by
:func:`chanrac.text.obfuscate` with every trick at once (fixed seed), and the own texts with each
trick alone; every text without a sender and with a sender drawn from the own sets' ``sender``
column (parsed as the API parses it). Classified in batches of 10,000 by the shipped pipeline,
again in batches of 997 (so that no batch-level computation can leak between messages unnoticed),
a sample one message at a time (``Pipeline.verdict``), and the own texts by a pipeline with
lookups (registered brandnames, sender and indicator reputations) so that those branches are
covered too.

The reference file holds the inputs as well as the verdicts, so ``--check`` classifies exactly
what ``--write`` did even if the obfuscator changes. A check reports every message whose label,
category, action, score (to 1e-9) or signals (name, score to 1e-9, detail) differ, and exits 1
if any does.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from chanrac.detect import Lookups, load_pipeline
from chanrac.detect.data import DEFAULT_SHARED_DIR, LABELLED_DIR, SHARED_SETS, load_own_sets, load_shared_set
from chanrac.detect.pipeline import Pipeline
from chanrac.model import Message, SenderKind, Verdict
from chanrac.phone import sender_or_unknown
from chanrac.text.obfuscate import ALL_TRICKS, obfuscate

TOLERANCE = 1e-9
SEED = 20261125


def _own_senders() -> list[str]:
    senders: dict[str, None] = {}
    for path in sorted(LABELLED_DIR.glob("own_*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if (row.get("sender") or "").strip():
                    senders[row["sender"].strip()] = None
    return list(senders)


def build_cases(shared_dir: Path) -> list[dict]:
    """The inputs: ``{"id", "text", "sender", "lookups"}`` (sender raw or None)."""
    rng = random.Random(SEED)
    shared: list[str] = []
    if shared_dir.is_dir():
        for name in SHARED_SETS:
            shared.extend(e.text for e in load_shared_set(name, shared_dir))
    own = [e.text for e in load_own_sets()]
    obfuscated = [obfuscate(t, rng) for t in shared + own]
    texts = shared + own + obfuscated
    for trick in ALL_TRICKS:
        texts += [obfuscate(t, rng, tricks=(trick,)) for t in own]
    senders = _own_senders()
    cases = []
    for text in texts:
        cases.append({"text": text, "sender": None, "lookups": False})
        cases.append({"text": text, "sender": senders[rng.randrange(len(senders))], "lookups": False})
    # The lookup branches (registered brandnames, reputations) on the own texts, with senders.
    for text in own + obfuscated[len(shared) :]:
        cases.append({"text": text, "sender": senders[rng.randrange(len(senders))], "lookups": True})
        cases.append({"text": text, "sender": None, "lookups": True})
    for i, case in enumerate(cases):
        case["id"] = i
    return cases


def _lookups(senders: Sequence[str], rng: random.Random) -> Lookups:
    """Registered brandnames (every other brandname of the own sets), reputations of some
    senders, and of some domains, accounts and phone numbers of the own texts."""
    from chanrac.text import extract_indicators

    parsed = [s for s in (sender_or_unknown(raw) for raw in senders) if s is not None]
    brandnames = sorted({s.value for s in parsed if s.kind is SenderKind.BRANDNAME})
    registered = frozenset(brandnames[::2])
    sender_reputation = {s.value: round(rng.uniform(-8.0, 8.0), 2) for s in parsed if rng.random() < 0.5}
    indicators = sorted({ind.value for e in load_own_sets() for ind in extract_indicators(e.text)})
    indicator_reputation = {v: round(rng.uniform(-8.0, 8.0), 2) for v in indicators if rng.random() < 0.5}
    return Lookups(registered, sender_reputation, indicator_reputation)


def _record(verdict: Verdict) -> dict:
    return {
        "label": verdict.label,
        "category": verdict.category.value,
        "action": verdict.action.value,
        "score": verdict.score,
        "signals": [[s.name, s.score, s.detail] for s in verdict.signals],
    }


def _batches(items: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def classify(cases: list[dict], pipeline: Pipeline, with_lookups: Pipeline, batch_size: int) -> dict[int, dict]:
    out: dict[int, dict] = {}
    for use_lookups, chosen in ((False, pipeline), (True, with_lookups)):
        selected = [c for c in cases if c["lookups"] is use_lookups]
        for batch in _batches(selected, batch_size):
            messages = [Message(text=c["text"], sender=sender_or_unknown(c["sender"])) for c in batch]
            for case, verdict in zip(batch, chosen.verdicts(messages), strict=True):
                out[case["id"]] = _record(verdict)
    return out


def _differences(expected: dict, got: dict) -> list[str]:
    problems = []
    for key in ("label", "category", "action"):
        if expected[key] != got[key]:
            problems.append(f"{key} {expected[key]!r} → {got[key]!r}")
    if abs(expected["score"] - got["score"]) > TOLERANCE:
        problems.append(f"score {expected['score']!r} → {got['score']!r}")
    ours, theirs = expected["signals"], got["signals"]
    if len(ours) != len(theirs) or any(
        a[0] != b[0] or a[2] != b[2] or abs(a[1] - b[1]) > TOLERANCE for a, b in zip(ours, theirs, strict=False)
    ):
        problems.append(f"signals {ours!r} → {theirs!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="classify and write the reference here")
    action.add_argument("--check", type=Path, help="classify the reference's inputs and compare")
    parser.add_argument("--shared-dir", type=Path, default=DEFAULT_SHARED_DIR)
    parser.add_argument("--single", type=int, default=3000, help="messages also classified one at a time")
    parser.add_argument("--show", type=int, default=20, help="differences printed at most")
    args = parser.parse_args()

    pipeline = load_pipeline()
    with_lookups = load_pipeline(lookups=_lookups(_own_senders(), random.Random(SEED)))

    if args.write:
        cases = build_cases(args.shared_dir)
    else:
        with args.check.open(encoding="utf-8") as fh:
            reference = [json.loads(line) for line in fh]
        cases = [{k: r[k] for k in ("id", "text", "sender", "lookups")} for r in reference]
    started = time.perf_counter()
    verdicts = classify(cases, pipeline, with_lookups, 10_000)
    elapsed = time.perf_counter() - started
    print(f"{len(cases)} messages classified in batches of 10,000 in {elapsed:.1f} s")

    if args.write:
        with args.write.open("w", encoding="utf-8") as fh:
            for case in cases:
                fh.write(json.dumps(case | verdicts[case["id"]], ensure_ascii=False) + "\n")
        spam = sum(v["label"] == "spam" for v in verdicts.values())
        print(f"reference written to {args.write}: {spam} spam, {len(cases) - spam} ham")
        return 0

    runs = {"batches of 10,000": verdicts}
    runs["batches of 997"] = classify(cases, pipeline, with_lookups, 997)
    sample = random.Random(SEED).sample(cases, min(args.single, len(cases)))
    runs[f"one at a time ({len(sample)} sampled)"] = classify(sample, pipeline, with_lookups, 1)
    failed = False
    for run, got in runs.items():
        differing = 0
        decisions = 0
        for record in reference:
            if record["id"] not in got:
                continue
            problems = _differences(record, got[record["id"]])
            if not problems:
                continue
            differing += 1
            decisions += any(p.split(" ", 1)[0] in ("label", "category", "action") for p in problems)
            if differing <= args.show:
                sender = f" sender={record['sender']!r}" if record["sender"] else ""
                print(f"  [{run}] #{record['id']}{sender} {record['text'][:80]!r}: " + "; ".join(problems))
        print(f"{run}: {len(got)} checked, {differing} differ ({decisions} in label/category/action)")
        failed |= differing > 0
    print("DIFFERENCES FOUND" if failed else "all verdicts identical to the reference")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
