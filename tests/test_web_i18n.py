"""The web UI's translation table, templates and SVG charts, without a server."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import chanrac.detect.pipeline
from chanrac.model import Action, Category, Channel, ReportKind, ReportStatus, SenderKind
from chanrac.web.charts import DayBar, bar_chart, day_chart, nice_step
from chanrac.web.i18n import LANGUAGES, MESSAGES, Translator, pick_language

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "chanrac" / "web" / "templates"
SVG = "{http://www.w3.org/2000/svg}"
# t("key") and t("key." ~ name) in templates; the second form is checked through the label groups.
_KEY_USE = re.compile(r"""\bt\(\s*["']([a-z_.]+)["']\s*[,)]""")


def template_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.glob("*.html"))}


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    placeholder = re.compile(r"{(\w+)}")
    for key, texts in MESSAGES.items():
        assert len(texts) == len(LANGUAGES), key
        assert all(text.strip() for text in texts), key
        assert {*placeholder.findall(texts[0])} == {*placeholder.findall(texts[1])}, key


def test_every_key_used_by_a_template_exists() -> None:
    used = {key for source in template_sources().values() for key in _KEY_USE.findall(source)}
    assert used, "the pattern found no t() call: the test would prove nothing"
    assert used - MESSAGES.keys() == set()


@pytest.mark.parametrize(
    ("group", "values"),
    [
        ("category", [c.value for c in Category]),
        ("action", [a.value for a in Action]),
        ("kind", [k.value for k in ReportKind]),
        ("channel", [c.value for c in Channel]),
        ("status", [s.value for s in ReportStatus]),
        ("sender_kind", [k.value for k in SenderKind]),
        ("field", ["kind", "sender", "text", "recipient", "reporter", "province"]),
        ("chart", ["by_category", "by_operator", "by_province", "by_channel"]),
        ("lang", list(LANGUAGES)),
    ],
)
def test_every_stored_value_has_a_label(group: str, values: list[str]) -> None:
    assert [v for v in values if f"{group}.{v}" not in MESSAGES] == []


def test_templates_hold_no_text_of_their_own() -> None:
    """Strip Jinja and HTML: what is left must be punctuation, never words a visitor would read."""
    for name, source in template_sources().items():
        text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", " ", source, flags=re.S)
        text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
        words = re.findall(r"[^\W\d_]{2,}", text)
        assert words == [], f"{name} has untranslated text: {words}"


def test_language_choice_and_formatting() -> None:
    assert pick_language("fr", "EN", "vi") == "en"
    assert pick_language(None, None, None) == "vi"
    vi, en = Translator("vi"), Translator("en")
    assert vi.number(1234567) == "1.234.567" and en.number(1234567) == "1,234,567"
    assert vi.number(3.5, 1) == "3,5" and vi.signed(-0.75) == "−0,75" and en.signed(1.5) == "+1.50"
    assert vi.percent(1, 3) == "33,3 %"
    assert vi.day(date(2026, 3, 5)) == "05/03/2026" and en.day(date(2026, 3, 5)) == "5 Mar 2026"
    # 20:30 UTC is 03:30 the next morning in Vietnam.
    assert vi.datetime(datetime(2026, 3, 5, 20, 30, tzinfo=UTC)) == "03:30 06/03/2026"
    assert vi.label("category", "loan") == "Cho vay, tín dụng đen"
    assert vi.label("category", None) == "Chưa phân loại"
    assert vi.label("category", "not_a_category") == "not_a_category"
    with pytest.raises(KeyError):
        vi("no.such.key")
    with pytest.raises(ValueError, match="language 'fr'"):
        Translator("fr")


def test_nice_steps() -> None:
    assert [nice_step(m) for m in (0, 3, 10, 41, 400, 1234, 99_000)] == [1, 1, 5, 20, 100, 500, 50_000]


def test_bar_chart_is_valid_svg_with_proportional_bars() -> None:
    svg = bar_chart([("Hà Nội", 200), ("<Huế>", 50), ("Zero", 0)], chart_id="c1", title="Tỉnh & thành")
    root = ET.fromstring(str(svg))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.findtext(f"{SVG}title") == "Tỉnh & thành"
    widths = [r.get("width") for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert widths == ["100%", "25%", "0%"]
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "label"]
    assert labels == ["Hà Nội", "<Huế>", "Zero"]  # escaped in the markup, intact once parsed


def test_bar_chart_of_shares_fills_a_bar_at_the_whole() -> None:
    svg = bar_chart([("pham", 801), ("own", 970)], chart_id="f1", title="F1", full=1000)
    widths = [r.get("width") for r in ET.fromstring(str(svg)).iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert widths == ["80.1%", "97%"]


def test_day_chart_stacks_spam_under_the_rest_and_labels_today() -> None:
    bars = [DayBar(date(2026, 3, d), total, spam) for d, total, spam in [(1, 10, 4), (2, 0, 0), (3, 40, 40)]]
    root = ET.fromstring(str(day_chart(bars, chart_id="days", title="Days", day_label=lambda d: f"{d.day}/3")))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "day"]
    assert len(groups) == 3
    first = {r.get("class"): float(r.get("height", 0)) for r in groups[0].iter(f"{SVG}rect")}
    assert first["bar-spam"] == pytest.approx(first["bar-other"] * 4 / 6)
    assert list(groups[1].iter(f"{SVG}rect")) == []
    assert [r.get("class") for r in groups[2].iter(f"{SVG}rect")] == ["bar-spam"]
    axis = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "axis"]
    assert "3/3" in axis and "40" in axis


def test_signal_names_read_as_words() -> None:
    vi, en = Translator("vi"), Translator("en")
    assert vi.signal("model.spam") == "Mô hình phân loại nội dung"
    assert en.signal("rule.gambling") == "Keywords of “Gambling”"
    assert en.signal("brand.new_signal") == "brand.new_signal"


def test_every_signal_the_pipeline_emits_has_a_name_in_both_languages() -> None:
    source = Path(chanrac.detect.pipeline.__file__).read_text(encoding="utf-8")
    names = set(re.findall(r'"((?:ad|indicator|model|notice|policy|reputation|sender|text)\.[a-z_]+)"', source))
    assert len(names) >= 15  # the pattern still finds them
    missing = sorted(n for n in names if f"signal_name.{n}" not in MESSAGES)
    assert not missing, f"signals without a Vietnamese/English name: {missing}"
