"""Charts drawn on the server as inline SVG: no JavaScript, no network, readable by screen readers.

Each chart is an ``<svg role="img">`` with a ``<title>`` and ``<desc>``, and one ``<title>`` per bar
(the browser's tooltip). The day chart scales with its container through its ``viewBox``; bar
charts use percentage widths so that their labels keep a readable size on a phone. The page puts
the same numbers in a table next to each chart: the chart is for the eye, the table for everyone.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

# Colours also live in style.css (classes win there); the attributes keep a chart readable when
# the stylesheet did not load. Red is spam, blue-grey the rest: both contrast ≥ 3:1 on white.
SPAM_FILL = "#b42318"
OTHER_FILL = "#7b8fa3"
BAR_FILL = "#1f4e79"


@dataclass(frozen=True, slots=True)
class DayBar:
    day: date
    total: int
    highlighted: int  # the part of ``total`` drawn in the spam colour


def nice_step(maximum: float, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 × 10ⁿ) so that ``ticks`` steps cover ``maximum``."""
    if maximum <= 0:
        return 1
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * power:
            return max(1, int(multiple * power))
    return max(1, int(10 * power))  # pragma: no cover - the loop always returns


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _svg_open(chart_id: str, size: str, title: str, description: str, css_class: str) -> str:
    ident = escape(chart_id)
    return (
        f'<svg class="chart {css_class}" id="{ident}" role="img" {size} '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
    )


def bar_chart(
    rows: Sequence[tuple[str, int]],
    *,
    chart_id: str,
    title: str,
    description: str = "",
    number: Callable[[int], str] = str,
    label_chars: int = 48,
    full: int | None = None,
) -> Markup:
    """Horizontal bars, one per ``(label, value)`` in the order given, each under its label.

    Widths are percentages and text keeps its pixel size (no viewBox): the chart reflows from a
    phone to a wall screen without the labels shrinking to nothing. A full bar is ``full``, or
    the largest value when it is not given (counts); a share passes its whole (F1 = 1).
    """
    row_height, bar_top, bar_height = 40, 21, 14
    height = max(row_height, len(rows) * row_height)
    top = full if full is not None else max((value for _, value in rows), default=0)
    parts = [_svg_open(chart_id, f'width="100%" height="{height}"', title, description, "chart-bars")]
    for index, (label, value) in enumerate(rows):
        y = index * row_height
        share = 0.0 if not top or not value else max(0.4, 100 * value / top)
        shown = escape(number(value))
        parts.append(
            f'<g class="row"><title>{escape(label)}: {shown}</title>'
            f'<text class="label" x="0" y="{y + 15}">{escape(_shorten(label, label_chars))}</text>'
            f'<text class="value" x="100%" y="{y + 15}" text-anchor="end">{shown}</text>'
            f'<rect class="track" fill="#eef2f6" x="0" y="{y + bar_top}" width="100%" height="{bar_height}" rx="3" />'
            f'<rect class="bar" fill="{BAR_FILL}" x="0" y="{y + bar_top}" width="{_fmt(share)}%" '
            f'height="{bar_height}" rx="3" /></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def day_chart(
    bars: Sequence[DayBar],
    *,
    chart_id: str,
    title: str,
    description: str = "",
    number: Callable[[int], str] = str,
    day_label: Callable[[date], str] = date.isoformat,
    bar_title: Callable[[DayBar], str] | None = None,
) -> Markup:
    """Vertical bars per day, the highlighted part (spam) stacked at the bottom in red."""
    width, height = 960, 270
    left, right, top_margin, bottom = 84, 8, 12, 34
    plot_width, plot_height = width - left - right, height - top_margin - bottom
    peak = max((b.total for b in bars), default=0)
    step = nice_step(peak)
    ceiling = max(step, math.ceil(peak / step) * step)
    base = top_margin + plot_height

    def y_of(value: float) -> float:
        return base - plot_height * value / ceiling

    size = f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet"'
    parts = [_svg_open(chart_id, size, title, description, "chart-days")]
    for tick in range(0, ceiling + 1, step):
        y = _fmt(y_of(tick))
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" stroke="#d5dde5" />'
            f'<text class="axis" x="{left - 6}" y="{_fmt(y_of(tick) + 4)}" text-anchor="end">'
            f"{escape(number(tick))}</text>"
        )
    slot = plot_width / max(1, len(bars))
    bar_width = max(1.0, slot * 0.78)
    every = max(1, math.ceil(len(bars) / 7))  # at most ≈7 dates under the axis
    for index, bar in enumerate(bars):
        x = left + index * slot + (slot - bar_width) / 2
        hint = bar_title(bar) if bar_title else f"{day_label(bar.day)}: {bar.total}"
        parts.append(f'<g class="day"><title>{escape(hint)}</title>')
        if bar.total:
            other = bar.total - bar.highlighted
            if other:
                parts.append(
                    f'<rect class="bar-other" fill="{OTHER_FILL}" x="{_fmt(x)}" y="{_fmt(y_of(bar.total))}" '
                    f'width="{_fmt(bar_width)}" height="{_fmt(y_of(bar.highlighted) - y_of(bar.total))}" />'
                )
            if bar.highlighted:
                parts.append(
                    f'<rect class="bar-spam" fill="{SPAM_FILL}" x="{_fmt(x)}" y="{_fmt(y_of(bar.highlighted))}" '
                    f'width="{_fmt(bar_width)}" height="{_fmt(base - y_of(bar.highlighted))}" />'
                )
        parts.append("</g>")
        if (len(bars) - 1 - index) % every == 0:  # always label the last day (today)
            parts.append(
                f'<text class="axis" x="{_fmt(x + bar_width / 2)}" y="{height - 10}" text-anchor="middle">'
                f"{escape(day_label(bar.day))}</text>"
            )
    parts.append(f'<line class="baseline" x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="#5b6b7b" />')
    parts.append("</svg>")
    return Markup("".join(parts))
