"""chanrac.synth and chanrac.geo: templates, fakers, generation, the campaign benchmark, demo reports."""

from __future__ import annotations

import csv
import json
import random
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from chanrac.config import TIMEZONE
from chanrac.geo import BY_CODE, PROVINCES, Region, province, province_code
from chanrac.intake.schemas import ReportIn
from chanrac.model import SPAM_CATEGORIES, Category, IndicatorKind, ReportKind, SenderKind
from chanrac.phone import Operator, is_mobile, parse_number, parse_sender, short_code_price_vnd
from chanrac.synth import (
    CATEGORY_TEMPLATES,
    TEMPLATES_BY_ID,
    SyntheticMessage,
    Template,
    campaign_benchmark,
    demo_reports,
    generate_messages,
)
from chanrac.synth.catalogue import SCAM_CALL_TEMPLATES, SPAM_CALL_TEMPLATES
from chanrac.synth.fakers import BANKS, build_pools
from chanrac.synth.generate import _Generator, campaign_sizes
from chanrac.synth.mutate import Obfuscator, fold, has_diacritics, reword
from chanrac.synth.template import TemplateSyntaxError
from chanrac.text import extract_indicators, normalize

NOW = datetime(2026, 3, 14, 16, 30, tzinfo=TIMEZONE)


@pytest.fixture(scope="module")
def messages() -> list[SyntheticMessage]:
    return list(generate_messages(4000, seed=11))


@pytest.fixture(scope="module")
def reports() -> list[dict[str, object]]:
    return list(demo_reports(3000, seed=5, now=NOW))


# --- geo ----------------------------------------------------------------------------------------


def test_geo_has_the_34_units_of_the_2025_map() -> None:
    assert len(PROVINCES) == 34
    assert len({p.code for p in PROVINCES}) == 34
    assert sum(p.is_city for p in PROVINCES) == 6
    assert {p.region for p in PROVINCES} == set(Region)
    assert all(re.fullmatch(r"\d\d", p.code) for p in PROVINCES)
    assert BY_CODE["79"].name_en == "Ho Chi Minh City"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("79", "79"),
        ("1", "01"),
        ("Hà Nội", "01"),
        ("TP. Hồ Chí Minh", "79"),
        ("thanh pho ho chi minh", "79"),
        ("Ho Chi Minh City", "79"),
        ("Bình Dương", "79"),  # merged into Ho Chi Minh City in 2025
        ("ba ria - vung tau", "79"),
        ("Hà Giang", "08"),  # into Tuyên Quang
        ("tỉnh Quảng Nam", "48"),  # into Đà Nẵng
        ("  khanh  hoa ", "56"),
    ],
)
def test_province_code_accepts_codes_names_and_former_provinces(written: str, code: str) -> None:
    assert province_code(written) == code
    assert province(written).code == code


def test_unknown_province_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="Atlantis"):
        province_code("Atlantis")


# --- templates ----------------------------------------------------------------------------------


def test_every_spam_category_has_at_least_twelve_templates_and_ham_has_many() -> None:
    for category in SPAM_CATEGORIES:
        assert len(CATEGORY_TEMPLATES[category]) >= 12, category
    ham_kinds = {t.id.split(".")[1] for t in CATEGORY_TEMPLATES[Category.HAM]}
    assert {"chat", "otp", "bank", "operator", "delivery", "ad"} <= ham_kinds
    all_ids = [t.id for ts in CATEGORY_TEMPLATES.values() for t in ts]
    assert len(all_ids) == len(set(all_ids)) == len(TEMPLATES_BY_ID)


def test_every_slot_of_every_template_has_a_faker() -> None:
    fields = {field for group in build_pools(0).values() for field in group.values}
    templates = [*TEMPLATES_BY_ID.values(), *SPAM_CALL_TEMPLATES, *SCAM_CALL_TEMPLATES]
    for template in templates:
        for slot in template.slot_names:
            assert re.sub(r"_\d+$", "", slot) in fields, (template.id, slot)


def test_legal_advertising_ham_carries_the_label_and_the_opt_out() -> None:
    rng = random.Random(3)
    for template in CATEGORY_TEMPLATES[Category.HAM]:
        if template.id.startswith("ham.ad."):
            for _ in range(20):
                text = fold(template.realise(rng))
                assert re.match(r"\[QC\]|\(QC\)|QC ", text), text
                assert "TC" in text and "Tu choi QC" in text, text


def test_spintax_parses_nested_choices_and_slots() -> None:
    template = Template("t.1", Category.HAM, "{Chào|Xin chào {name}|} bạn, mã {code}{!|}")
    texts = {c.fmt for c in template.realisations}
    assert template.variant_count == 6
    assert "Xin chào {0} bạn, mã {1}!" in texts
    assert "bạn, mã {0}" in texts  # the empty alternative leaves no stray space
    assert template.slot_names == {"name", "code"}


def test_accented_wording_drops_unaccented_twins() -> None:
    template = Template("t.2", Category.LOAN, "{Vay|vay} {nhanh|nhanh chóng} {nạp|nap} {tiền|tien mat} ngay")
    for compiled in template.realisations:
        assert " nap " not in compiled.fmt and "tien mat" not in compiled.fmt
    for compiled in template.ascii_realisations:
        assert not has_diacritics(compiled.fmt)


@pytest.mark.parametrize("text", ["{a|b", "a}b", "{a|{b}"])
def test_bad_spintax_is_an_error_naming_the_template(text: str) -> None:
    with pytest.raises(TemplateSyntaxError, match=r"t\.bad"):
        Template("t.bad", Category.HAM, text)


# --- fakers and text mutations ------------------------------------------------------------------


def test_phone_pool_numbers_are_valid_mobiles_of_every_operator() -> None:
    phone = build_pools(0)["phone"].values
    operators = set()
    for (written,), (plain,) in zip(phone["phone"], phone["phone_plain"], strict=True):
        e164 = parse_number(written)
        assert e164 == parse_number(plain) and is_mobile(e164)
        operators.add(parse_sender(plain).operator)
    assert operators == {o.value for o in Operator}


def test_numbers_and_links_written_in_messages_are_found_and_valid(messages: list[SyntheticMessage]) -> None:
    """What the indicator extractor finds in slot-filled text is a real mobile number or a domain."""
    found: Counter[IndicatorKind] = Counter()
    for message in messages[:1500]:
        template = TEMPLATES_BY_ID[message.template_id]
        indicators = extract_indicators(message.text)
        found.update(i.kind for i in indicators)
        for indicator in indicators:
            if indicator.kind is IndicatorKind.PHONE and not message.template_id.startswith("sim_sale."):
                assert is_mobile(indicator.value) or parse_sender(indicator.value).kind is SenderKind.FIXED, message
        always_has_phone = all("phone" in c.slots for c in (*template.realisations, *template.ascii_realisations))
        if always_has_phone and not any(i.kind is IndicatorKind.PHONE for i in indicators):
            # the only excuse: obfuscation split the digits apart
            assert normalize(message.text).obfuscation, message
    assert found[IndicatorKind.PHONE] > 300 and found[IndicatorKind.DOMAIN] + found[IndicatorKind.URL] > 200


def test_look_alike_domains_use_the_bank_they_imitate() -> None:
    bank = build_pools(0)["bank"]
    for index, (name, _, tokens) in enumerate(BANKS):
        assert bank.values["bank"][index][0].lower() == name.lower()
        for domain in bank.values["bank_domain"][index]:
            assert any(token in domain for token in tokens), (name, domain)


def test_fold_removes_vietnamese_diacritics_only() -> None:
    assert fold("Đăng ký nhận quà Ưu đãi") == "Dang ky nhan qua Uu dai"
    assert fold("Bäng Cäp3, CaøDang") == "Bäng Cäp3, CaøDang"  # look-alikes are not Vietnamese letters


def test_obfuscation_changes_text_but_never_format_fields() -> None:
    obfuscate = Obfuscator(seed=1)
    rng = random.Random(2)
    changed = 0
    for _ in range(300):
        fmt = "Vay nhanh {0} giai ngan trong ngay, khong tham dinh. Lien he Zalo {1}"
        out = obfuscate(fmt, rng)
        assert out.format("AMOUNT", "PHONE").count("AMOUNT") == 1
        changed += out != fmt
    assert changed > 250


def test_reword_makes_small_edits() -> None:
    rng = random.Random(4)
    text = "Vay nhanh 50tr, giải ngân trong ngày, không thẩm định. Liên hệ Zalo 0912345678 ngay hôm nay"
    variants = [reword(text, rng) for _ in range(200)]
    assert len(set(variants)) > 20
    original = set(text.split())
    for variant in variants:
        assert len(original & set(variant.split())) >= len(original) - 4


# --- generate_messages --------------------------------------------------------------------------


def test_generation_is_deterministic_by_seed() -> None:
    first = list(generate_messages(300, seed=3))
    assert first == list(generate_messages(300, seed=3))
    assert first != list(generate_messages(300, seed=4))


def test_every_category_appears(messages: list[SyntheticMessage]) -> None:
    assert {m.category for m in messages} == set(Category)


def test_spam_fraction_is_respected(messages: list[SyntheticMessage]) -> None:
    spam = sum(m.category is not Category.HAM for m in messages) / len(messages)
    assert 0.56 < spam < 0.64
    assert all(m.category is Category.HAM for m in generate_messages(200, seed=1, spam_fraction=0.0))
    assert all(m.category is not Category.HAM for m in generate_messages(200, seed=1, spam_fraction=1.0))


def test_campaign_ids_are_consistent(messages: list[SyntheticMessage]) -> None:
    templates_of: dict[str, set[str]] = defaultdict(set)
    for message in messages:
        assert (message.campaign_id is None) == (message.category is Category.HAM)
        assert TEMPLATES_BY_ID[message.template_id].category is message.category
        if message.campaign_id is not None:
            templates_of[message.campaign_id].add(message.template_id)
            assert message.campaign_id.startswith(message.template_id + "#")
    assert all(len(t) == 1 for t in templates_of.values())
    sizes = Counter(m.campaign_id for m in messages if m.campaign_id)
    assert max(sizes.values()) >= 50  # heavy tail: big runs exist
    assert len(sizes) >= 20


def test_every_sender_parses_and_brandnames_match_the_text(messages: list[SyntheticMessage]) -> None:
    kinds: Counter[SenderKind] = Counter()
    for message in messages:
        sender = parse_sender(message.sender)
        kinds[sender.kind] += 1
        if sender.kind is SenderKind.BRANDNAME and message.template_id.startswith(("phishing.", "ham.bank.")):
            bank = next((b for b in BANKS if b[1] == message.sender), None)
            if bank is not None:  # a bank's brandname sends (or is spoofed for) messages naming that bank
                assert fold(bank[0]).lower() in fold(message.text).lower().replace("\u200b", ""), message
    assert kinds[SenderKind.MOBILE] > kinds[SenderKind.BRANDNAME] > 0


def test_prize_campaigns_come_from_premium_short_codes() -> None:
    generator = _Generator(seed=0, obfuscation_rate=0.0)
    campaign = generator.make_campaign(0, TEMPLATES_BY_ID["scam.04"], set(), mutate=False)
    for sender in campaign.senders:
        assert parse_sender(sender).kind is SenderKind.SHORT_CODE
        assert short_code_price_vnd(sender) is not None  # 6xxx/7xxx/8xxx: charged per message
    message = generator.render_campaign(campaign, random.Random(1))
    assert message.sender in message.text


def test_spam_is_mostly_unaccented_and_chat_is_mostly_accented(messages: list[SyntheticMessage]) -> None:
    spam = [m for m in messages if m.category is not Category.HAM]
    chat = [m for m in messages if m.template_id.startswith("ham.chat.")]
    assert 0.35 < sum(not has_diacritics(m.text) for m in spam) / len(spam) < 0.9
    assert sum(has_diacritics(m.text) for m in chat) / len(chat) > 0.6


def test_obfuscation_rate_controls_evasion_that_normalisation_detects() -> None:
    def evasive(rate: float) -> float:
        spam = [m for m in generate_messages(1500, seed=2, obfuscation_rate=rate) if m.campaign_id]
        # teencode ("LH", "ko") and doubled letters ("CCCD") are how the templates themselves write
        written = {"teencode", "repeat_letters"}
        return sum(bool(set(normalize(m.text).obfuscation) - written) for m in spam) / len(spam)

    assert evasive(0.0) < 0.03
    assert evasive(0.5) > 0.2


def test_bad_arguments_are_clear_errors() -> None:
    with pytest.raises(ValueError, match="spam_fraction"):
        next(generate_messages(10, spam_fraction=1.5))
    with pytest.raises(ValueError, match="n_campaigns"):
        campaign_benchmark(10, n_campaigns=0)


# --- campaign_benchmark -------------------------------------------------------------------------


def test_benchmark_shapes_and_determinism() -> None:
    texts, labels = campaign_benchmark(3000, n_campaigns=60, ham_fraction=0.3, seed=9)
    assert len(texts) == len(labels) == 3000
    assert sum(label is None for label in labels) == 900
    assert len({label for label in labels if label}) == 60
    assert (texts, labels) == campaign_benchmark(3000, n_campaigns=60, ham_fraction=0.3, seed=9)
    categories = {TEMPLATES_BY_ID[label.split("#")[0]].category for label in labels if label}
    assert categories == set(SPAM_CATEGORIES)


def _words(text: str) -> set[str]:
    return set(fold(text).lower().split())


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


@pytest.mark.parametrize("mutate", [False, True])
def test_benchmark_messages_of_a_campaign_are_near_duplicates(mutate: bool) -> None:
    texts, labels = campaign_benchmark(2000, n_campaigns=40, seed=1, mutate=mutate)
    by_campaign: dict[str, list[set[str]]] = defaultdict(list)
    for text, label in zip(texts, labels, strict=True):
        if label:
            by_campaign[label].append(_words(text))
    rng = random.Random(0)
    keys = sorted(by_campaign)
    within = [_jaccard(*rng.sample(by_campaign[k], 2)) for k in keys for _ in range(5) if len(by_campaign[k]) > 1]
    across = [_jaccard(rng.choice(by_campaign[a]), rng.choice(by_campaign[b])) for a, b in pairwise(keys)]
    assert sum(within) / len(within) > (0.75 if not mutate else 0.6)
    assert sum(across) / len(across) < 0.2
    big = [v for v in by_campaign.values() if len(v) > 20]
    assert sum(len(set(map(frozenset, v))) > 1 for v in big) > len(big) / 2  # numbers, links, names vary


def test_campaign_sizes_are_heavy_tailed_and_sum_up() -> None:
    sizes = campaign_sizes(10_000, 200, random.Random(1))
    assert sum(sizes) == 10_000 and min(sizes) >= 2
    assert max(sizes) > 10 * sorted(sizes)[100]


# --- demo_reports -------------------------------------------------------------------------------


def test_demo_reports_are_valid_intake_reports(reports: list[dict[str, object]]) -> None:
    fields = {"kind", "sender", "text", "reporter", "recipient", "received_at", "channel", "province"}
    for record in reports:
        assert set(record) == fields
        report = ReportIn.model_validate(record)  # the intake API's own contract
        assert isinstance(record["received_at"], str) and record["received_at"].endswith("+07:00")
        assert report.received_at is not None
        assert NOW - timedelta(days=30, minutes=1) <= report.received_at <= NOW
        assert record["province"] in BY_CODE
        if record["reporter"] is not None:
            assert str(record["reporter"]).startswith("+84") and is_mobile(str(record["reporter"]))


def test_demo_reports_are_deterministic(reports: list[dict[str, object]]) -> None:
    assert list(demo_reports(300, seed=5, now=NOW)) == list(demo_reports(300, seed=5, now=NOW))
    assert list(demo_reports(300, seed=6, now=NOW)) != list(demo_reports(300, seed=5, now=NOW))


def test_demo_report_mix(reports: list[dict[str, object]]) -> None:
    kinds = Counter(r["kind"] for r in reports)
    assert abs(kinds[ReportKind.SPAM_CALL.value] / len(reports) - 0.52) < 0.05
    assert abs(kinds[ReportKind.SPAM_SMS.value] / len(reports) - 0.22) < 0.05
    assert {r["channel"] for r in reports} == {"sms_5656", "web", "api", "operator_bulk"}
    hours = Counter(datetime.fromisoformat(str(r["received_at"])).hour for r in reports)
    assert sum(hours[h] for h in range(8, 22)) > 5 * sum(hours[h] for h in (0, 1, 2, 3, 4, 5))
    assert len({r["province"] for r in reports}) == 34
    senders = [parse_sender(str(r["sender"])) for r in reports]
    assert {s.operator for s in senders if s.operator} == {o.value for o in Operator}
    assert {s.kind for s in senders} >= {SenderKind.MOBILE, SenderKind.BRANDNAME, SenderKind.SHORT_CODE}


def test_demo_reports_repeat_and_share_campaigns(reports: list[dict[str, object]]) -> None:
    repeats = Counter((r["reporter"], r["sender"], r["text"]) for r in reports if r["reporter"])
    assert sum(n - 1 for n in repeats.values()) > 0.02 * len(reports)
    by_sender = Counter(r["sender"] for r in reports)
    assert by_sender.most_common(1)[0][1] > 20  # one run, many reporters
    assert len({r["reporter"] for r in reports}) > len(reports) / 3


# --- against the real data sets -----------------------------------------------------------------


@pytest.mark.data
def test_synthetic_texts_are_not_copied_from_the_real_sets(shared_data: Path) -> None:
    real: set[str] = set()
    for name in ("vi_pham2017/vi_pham2017.csv", "vi_smishing_ie403/vi_smishing_ie403.csv"):
        with (shared_data / name).open(encoding="utf-8") as handle:
            real |= {" ".join(row["text"].lower().split()) for row in csv.DictReader(handle)}
    assert len(real) > 8000
    generated = [" ".join(m.text.lower().split()) for m in generate_messages(5000, seed=21)]
    copied = [t for t in generated if len(t) >= 25 and t in real]
    assert copied == []


# --- chanrac synth (CLI) ------------------------------------------------------------------------


def test_cli_writes_messages_benchmark_and_reports(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from chanrac.cli.synth import app

    runner = CliRunner()
    result = runner.invoke(app, ["messages", "200", "--out", str(tmp_path / "m.csv"), "--seed", "3"])
    assert result.exit_code == 0, result.output
    with (tmp_path / "m.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 200 and {r["label"] for r in rows} == {"spam", "ham"}
    assert [r["text"] for r in rows] == [m.text for m in generate_messages(200, seed=3)]

    result = runner.invoke(app, ["benchmark", "300", "--campaigns", "10", "--out", str(tmp_path / "b.jsonl")])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 300 and len({json.loads(x)["campaign_id"] for x in lines} - {""}) == 10

    result = runner.invoke(app, ["reports", "50", "--out", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 0, result.output
    for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines():
        ReportIn.model_validate(json.loads(line))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["messages", "5", "--out", "/no/such/dir/m.csv"], "does not exist"),
        (["messages", "5", "--out", "m.txt"], ".csv or .jsonl"),
        (["messages", "5", "--out", "m.csv", "--spam-fraction", "1.5"], "within [0, 1]"),
    ],
)
def test_cli_bad_arguments_exit_2_with_a_reason(args: list[str], message: str) -> None:
    from typer.testing import CliRunner

    from chanrac.cli.synth import app

    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())
    assert "Traceback" not in result.output
