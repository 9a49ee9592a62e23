"""The quality figures as a page of charts: what people compare, drawn from the saved results.

    .venv/bin/python bench/quality_chart.py [--folds bench/results/quality_folds.json]
                                            [--single bench/results/quality.json]
                                            [--target 0.90] [-o bench/results/quality.html]

Reads the grouped 5-fold results of ``bench/quality_folds.py`` (no training here, so it runs in
a second) and writes one self-contained HTML page: spam F1 per data set, category F1 per
category (both pooled over the folds, with the issue's target named), and the confusion matrix of
the categories, each chart beside its numbers; and, from ``bench/quality.py``'s results when
they are there, the realistic messages written blind (data/eval). Charts are the web UI's server-side SVG
(:mod:`chanrac.web.charts`): no JavaScript, no network.
"""

from __future__ import annotations

import argparse
import json
import sys
from html import escape
from pathlib import Path
from typing import Any

from chanrac.web.charts import bar_chart

RESULTS = Path(__file__).parent / "results"


def _percent(value: int) -> str:
    return f"{value / 10:.1f} %"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _blind_section(single: dict[str, Any]) -> list[str]:
    """Spam F1 and the rest on each file of data/eval, from bench/quality.py's results."""
    files = sorted(k for k in single if k.startswith("blind."))
    if not files:
        return []
    rows = [(name.removeprefix("blind."), round(1000 * single[name]["f1"])) for name in files]
    return [
        "<h2>Realistic messages written blind (data/eval, never trained on)</h2>",
        "<p>Written by helpers who saw neither the code nor the data; the development files' errors "
        "were read, the test file's were not (bench/quality.py, main-split model).</p>",
        bar_chart(rows, chart_id="blind-f1", title="Spam F1 per blind file", number=_percent, full=1000),
        _table(
            ["file", "spam", "ham", "precision", "recall", "F1", "ham FPR", "category macro-F1"],
            [
                [
                    name.removeprefix("blind."),
                    str(single[name]["spam"]),
                    str(single[name]["ham"]),
                    f"{single[name]['precision']:.3f}",
                    f"{single[name]['recall']:.3f}",
                    f"{single[name]['f1']:.3f}",
                    f"{100 * single[name]['false_positive_rate']:.2f} %",
                    f"{single[name]['category_macro_f1']:.3f}",
                ]
                for name in files
            ],
        ),
    ]


def page(
    results: dict[str, Any], spam_target: float, category_target: float, single: dict[str, Any] | None = None
) -> str:
    """The HTML page for the results of bench/quality_folds.py (and, optionally, bench/quality.py)."""
    sets = [name for name in ("vi_pham2017", "vi_smishing_ie403", "own") if name in results]
    spam_rows = [(name, round(1000 * results[name]["pooled"]["f1"])) for name in sets]
    categories = results["categories"]["pooled"]
    per_category = {c: f for c, f in categories["per_category"].items() if c != "ham"}
    category_rows = [(c, round(1000 * f)) for c, f in sorted(per_category.items(), key=lambda item: item[1])]
    labels = list(categories["confusion"])
    confusion = [[truth, *(str(categories["confusion"][truth].get(said, 0)) for said in labels)] for truth in labels]
    folds = results["folds"]
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
        "<title>chanrac — detection quality</title><style>",
        "body{font:15px/1.45 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b2733}",
        ".chart{display:block;margin:.5rem 0 1rem} .chart text{font-size:13px;fill:#1b2733}",
        "table{border-collapse:collapse;margin:.5rem 0 1.5rem} td,th{border:1px solid #c9d3dd;padding:.2rem .5rem;",
        "text-align:right} th:first-child,td:first-child{text-align:left}",
        "</style></head><body>",
        "<h1>Detection quality</h1>",
        f"<p>Grouped {folds}-fold cross-validation of the full verdict path (bench/quality_folds.py): "
        "every near-duplicate group is judged once by a model that did not see it; figures pooled "
        "over the folds, project labels.</p>",
        f"<h2>Spam F1 per data set (issue target on vi_pham2017: {spam_target:.2f})</h2>",
        bar_chart(spam_rows, chart_id="spam-f1", title="Spam F1 per data set", number=_percent, full=1000),
        _table(
            ["set", "spam", "ham", "precision", "recall", "F1", "ham FPR"],
            [
                [
                    name,
                    str(results[name]["pooled"]["spam"]),
                    str(results[name]["pooled"]["ham"]),
                    f"{results[name]['pooled']['precision']:.3f}",
                    f"{results[name]['pooled']['recall']:.3f}",
                    f"{results[name]['pooled']['f1']:.3f}",
                    f"{100 * results[name]['pooled']['false_positive_rate']:.2f} %",
                ]
                for name in sets
            ],
        ),
        f"<h2>Category F1, macro {categories['macro_f1']:.3f} (issue target {category_target:.2f})</h2>",
        bar_chart(category_rows, chart_id="category-f1", title="F1 per spam category", number=_percent, full=1000),
        "<h2>Categories: what each true category was called</h2>",
        _table(["true \\ said", *labels], confusion),
        *_blind_section(single or {}),
        "</body></html>",
    ]
    return "\n".join(str(part) for part in parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=Path, default=RESULTS / "quality_folds.json", metavar="JSON")
    parser.add_argument("--single", type=Path, default=RESULTS / "quality.json", metavar="JSON")
    parser.add_argument("--spam-target", type=float, default=0.97)
    parser.add_argument("--category-target", type=float, default=0.90)
    parser.add_argument("-o", "--output", type=Path, default=RESULTS / "quality.html")
    args = parser.parse_args()
    try:
        results = json.loads(args.folds.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"{args.folds}: not found; run bench/quality_folds.py --json {args.folds} first", file=sys.stderr)
        return 2
    except json.JSONDecodeError as exc:
        print(f"{args.folds}: not JSON ({exc})", file=sys.stderr)
        return 2
    if "categories" not in results or "folds" not in results:
        print(f"{args.folds}: not the output of bench/quality_folds.py", file=sys.stderr)
        return 2
    # bench/quality.py's results are optional: the blind section is drawn only when they are there.
    single = json.loads(args.single.read_text(encoding="utf-8")) if args.single.is_file() else None
    args.output.write_text(page(results, args.spam_target, args.category_target, single), encoding="utf-8")
    print(f"written {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
