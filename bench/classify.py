"""Speed of the full verdict path on one core, against the usual scikit-learn baseline.

    .venv/bin/python bench/classify.py [--messages 200000] [--batch-size 10000]

Messages: the Vietnamese shared sets (or, on a fresh clone, data/labelled) repeated up to
``--messages``; each repetition gets a distinct numeric suffix so that nothing can be cached.
Measured in the same run on the same messages:

1. the full verdict path — ``Pipeline.verdicts`` (normalisation, hashed features, model,
   Aho-Corasick rules, indicators, sender checks, Verdict objects), in batches;
2. the same without normalisation (canonical text given), to show where the time goes;
3. scikit-learn ``TfidfVectorizer(ngram_range=(1, 2)) + LogisticRegression`` ``predict`` on the
   raw text (fitted beforehand, fitting not timed) — what most users would reach for;
4. one message at a time: ``Pipeline.verdict`` in process, and ``POST /api/v1/verdicts`` in
   process (no socket) two ways: straight into the ASGI app from one event loop (httpx
   ``ASGITransport``: what an embedding service pays), through FastAPI's TestClient (which
   adds a thread hop per request), and the ASGI app called directly as a server calls it
   (no HTTP client in the measurement): p50/p99.

Pin to one core with ``taskset -c 0`` for a per-core figure; OMP/BLAS threads are set to 1.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import MutableMapping  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import httpx  # noqa: E402
import numpy as np  # noqa: E402

from chanrac.detect import load_pipeline  # noqa: E402
from chanrac.detect.data import DEFAULT_SHARED_DIR, load_own_sets, load_shared_set  # noqa: E402
from chanrac.model import Message  # noqa: E402
from chanrac.text import normalize  # noqa: E402


def _corpus(shared_dir: Path) -> tuple[list[str], list[bool]]:
    examples = []
    if shared_dir.is_dir():
        for name in ("vi_pham2017", "vi_smishing_ie403"):
            examples.extend(load_shared_set(name, shared_dir))
    examples.extend(load_own_sets())
    return [e.text for e in examples], [e.is_spam for e in examples]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--batch-size", type=int, default=10_000)
    parser.add_argument("--shared-dir", type=Path, default=DEFAULT_SHARED_DIR)
    parser.add_argument("--api-calls", type=int, default=2_000)
    args = parser.parse_args()

    texts, labels = _corpus(args.shared_dir)
    repeats = -(-args.messages // len(texts))
    messages = [f"{t} {r}" if r else t for r in range(repeats) for t in texts][: args.messages]
    truth = np.array((labels * repeats)[: args.messages])
    print(
        f"{len(messages)} messages ({len(texts)} distinct texts × {repeats}), batch {args.batch_size}, "
        f"cpu affinity {sorted(os.sched_getaffinity(0))}"
    )

    pipeline = load_pipeline()
    pipeline.verdicts([Message(text=t) for t in messages[:1000]])  # warm-up
    started = time.perf_counter()
    said: list[bool] = []
    for start in range(0, len(messages), args.batch_size):
        batch = [Message(text=t) for t in messages[start : start + args.batch_size]]
        said.extend(v.is_spam for v in pipeline.verdicts(batch))
    full = time.perf_counter() - started
    ours_rate = len(messages) / full
    print(f"full verdict path            {ours_rate:10,.0f} msg/s  ({1e6 / ours_rate:.1f} µs/msg)")

    started = time.perf_counter()
    canonical = [normalize(t).canonical for t in messages]
    normalise = time.perf_counter() - started
    print(
        f"  of which normalisation     {len(messages) / normalise:10,.0f} msg/s"
        f"  ({1e6 * normalise / len(messages):.1f} µs/msg)"
    )
    model = pipeline.model
    started = time.perf_counter()
    for start in range(0, len(canonical), args.batch_size):
        model.spam_logit(model.features(canonical[start : start + args.batch_size]))
    scoring = time.perf_counter() - started
    print(
        f"  model on canonical text    {len(messages) / scoring:10,.0f} msg/s"
        f"  ({1e6 * scoring / len(messages):.1f} µs/msg)"
    )
    started = time.perf_counter()
    for start in range(0, len(canonical), args.batch_size):
        pipeline.rules.match(canonical[start : start + args.batch_size])
    rules = time.perf_counter() - started
    print(
        f"  rules (Aho-Corasick)       {len(messages) / rules:10,.0f} msg/s  ({1e6 * rules / len(messages):.1f} µs/msg)"
    )

    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True), LogisticRegression(max_iter=2000))
    baseline.fit(texts, labels)
    started = time.perf_counter()
    predicted = []
    for start in range(0, len(messages), args.batch_size):
        predicted.extend(baseline.predict(messages[start : start + args.batch_size]))
    base = time.perf_counter() - started
    base_rate = len(messages) / base
    print(f"sklearn TF-IDF + LogReg      {base_rate:10,.0f} msg/s  ({1e6 / base_rate:.1f} µs/msg)")
    print(f"ratio full path / baseline   {ours_rate / base_rate:10.2f}×")
    print(
        "(speed only: the baseline is fitted on these very texts, so its agreement with the labels here is not a "
        "quality figure; see bench/quality.py)"
    )
    del said, predicted, truth

    from fastapi import FastAPI

    single = []
    for i in range(args.api_calls):
        message = Message(text=texts[i % len(texts)])
        t0 = time.perf_counter()
        pipeline.verdict(message)
        single.append(time.perf_counter() - t0)
    single.sort()
    print(
        f"Pipeline.verdict, 1 message  p50 {statistics.median(single) * 1e3:.2f} ms"
        f"  p99 {single[int(0.99 * len(single)) - 1] * 1e3:.2f} ms  ({len(single)} calls)"
    )

    from fastapi.testclient import TestClient

    from chanrac.api.routers.verdicts import router
    from chanrac.config import Settings
    from chanrac.intake.service import ReputationAwareClassifier

    app = FastAPI()
    app.include_router(router)
    app.state.settings = Settings()
    # The endpoint judges with intake's classifier, as the application wires it; with no store
    # behind it the reputations are empty (what a fresh deployment has).
    app.state.classifier = ReputationAwareClassifier(app.state.settings)
    latencies = []
    with TestClient(app) as client:
        for i in range(args.api_calls):
            body = {"text": texts[i % len(texts)]}
            t0 = time.perf_counter()
            response = client.post("/api/v1/verdicts", json=body)
            latencies.append(time.perf_counter() - t0)
            if response.status_code != 200:
                print(f"API error {response.status_code}: {response.text}", file=sys.stderr)
                return 1
    _print_latencies("API via TestClient", latencies)

    async def asgi_latencies() -> list[float]:
        out = []
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://chanrac") as client:
            for i in range(args.api_calls):
                body = {"text": texts[i % len(texts)]}
                t0 = time.perf_counter()
                response = await client.post("/api/v1/verdicts", json=body)
                out.append(time.perf_counter() - t0)
                response.raise_for_status()
        return out

    _print_latencies("API via ASGI, 1 message", asyncio.run(asgi_latencies()))

    async def direct_latencies() -> list[float]:
        """The ASGI app called as a server calls it (uvicorn parses HTTP, then does this): no
        HTTP client in the measurement (httpx's transport retries a failing import per call)."""
        out = []
        request: dict[str, Any] = {}
        sent: list[MutableMapping[str, Any]] = []

        async def receive() -> dict[str, Any]:
            return request

        async def send(message: MutableMapping[str, Any]) -> None:
            sent.append(message)

        for i in range(args.api_calls):
            body = json.dumps({"text": texts[i % len(texts)]}).encode()
            scope = {
                "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                "scheme": "http", "path": "/api/v1/verdicts", "raw_path": b"/api/v1/verdicts",
                "query_string": b"", "root_path": "", "server": ("chanrac", 80), "client": ("127.0.0.1", 1),
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }  # fmt: skip
            request.update(type="http.request", body=body, more_body=False)
            sent.clear()
            t0 = time.perf_counter()
            await app(scope, receive, send)
            out.append(time.perf_counter() - t0)
            if sent[0]["status"] != 200:
                raise RuntimeError(f"API error {sent[0]['status']}")
        return out

    _print_latencies("API, ASGI app direct", asyncio.run(direct_latencies()))
    return 0


def _print_latencies(label: str, latencies: list[float]) -> None:
    latencies = sorted(latencies)
    p50 = statistics.median(latencies) * 1e3
    p99 = latencies[int(0.99 * len(latencies)) - 1] * 1e3
    print(f"{label:28s} p50 {p50:.2f} ms  p99 {p99:.2f} ms  ({len(latencies)} calls)")


if __name__ == "__main__":
    sys.exit(main())
