"""The shipped detection pipeline: signals, verdicts, thresholds, sender and ad-form rules."""

from __future__ import annotations

import random
from functools import partial

import numpy as np
import pytest

from chanrac.detect import Lookups, Pipeline, load_model, load_pipeline
from chanrac.detect.classifier import ContentModel
from chanrac.detect.features import FeatureSpec, hashed_features, hashed_occurrences
from chanrac.detect.notices import speaks_as_organisation
from chanrac.detect.pipeline import LOOKALIKE_SCORE, legal_form_content
from chanrac.detect.rules import RULES, RuleMatcher, token_text
from chanrac.model import Action, Category, Message, Sender, SenderKind
from chanrac.phone import parse_sender
from chanrac.text import STATE_OWNER, domain_owner, normalize, obfuscate

# Written for these tests (not from any data set): one clear example per category.
SPAM_BY_CATEGORY = {
    Category.GAMBLING: "Nhà cái uy tín, nạp đầu tặng 100%, nổ hũ bắn cá đổi thưởng, rút tiền 3 phút tại k9bet.vip",
    Category.LOAN: "Vay tiền nhanh chỉ cần CCCD, giải ngân trong ngày, không thẩm định. Zalo 0912 345 678",
    Category.FAKE_DOCS: "Nhận làm bằng đại học, bằng lái xe B2 không cần thi, có hồ sơ gốc. LH 0988 111 222",
    Category.PHISHING: "Vietcombank: tài khoản của quý khách bị tạm khóa, xác thực tại vietcombank.com.vn-xacminh.top",
    Category.SCAM: "Tuyển cộng tác viên làm việc tại nhà, lương 500k/ngày, nhận lương cuối ngày. Zalo 0356 222 111",
    Category.SIM_SALE: "Bán sim số đẹp tứ quý, ngũ quý, sim phong thủy giá gốc. Gọi ngay 0909 888 999",
    Category.ADULT: "Em gái xinh 2k4 nhận chat video riêng tư, hẹn hò kín đáo. Kết bạn Zalo 0567 111 999",
}
HAM = [
    "Tối nay con về ăn cơm nhé mẹ, khoảng 7h con tới.",
    "Mã OTP của Quý khách là 482913. Không chia sẻ mã này cho bất kỳ ai.",
    "Đơn hàng #A1B2C3 của bạn đã giao thành công. Cảm ơn bạn đã mua sắm!",
    "anh oi chieu nay don con giup em nhe",
    "Mai 8h họp giao ban ở phòng 301 nhé mọi người.",
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return load_pipeline()


def test_each_spam_category_is_caught_and_named(pipeline: Pipeline) -> None:
    for category, text in SPAM_BY_CATEGORY.items():
        verdict = pipeline.verdict(Message(text=text))
        assert verdict.is_spam, verdict.explain()
        assert verdict.category is category, verdict.explain()
        assert verdict.action in (Action.FLAG, Action.BLOCK)


def test_ordinary_messages_are_allowed(pipeline: Pipeline) -> None:
    for text in HAM:
        verdict = pipeline.verdict(Message(text=text))
        assert verdict.action is Action.ALLOW, verdict.explain()
        assert verdict.category is Category.HAM


def test_every_verdict_explains_itself_in_one_line(pipeline: Pipeline) -> None:
    verdict = pipeline.verdict(Message(text=SPAM_BY_CATEGORY[Category.PHISHING]))
    names = {s.name for s in verdict.signals}
    assert {"model.spam", "rule.phishing", "indicator.lookalike_domain"} <= names
    assert verdict.score == pytest.approx(sum(s.score for s in verdict.signals), abs=0.01)
    line = verdict.explain()
    assert "\n" not in line and line.startswith("block phishing") and "imitates Vietcombank" in line


def test_batch_and_single_paths_agree(pipeline: Pipeline) -> None:
    messages = [Message(text=t) for t in [*SPAM_BY_CATEGORY.values(), *HAM]]
    assert pipeline.verdicts(messages) == [pipeline.verdict(m) for m in messages]
    assert pipeline.verdicts([]) == []


def test_obfuscated_spam_is_still_caught(pipeline: Pipeline) -> None:
    rng = random.Random(5)
    for text in SPAM_BY_CATEGORY.values():
        rewritten = obfuscate(text, rng, rate=0.4)
        verdict = pipeline.verdict(Message(text=rewritten))
        assert verdict.is_spam, (rewritten, verdict.explain())


def test_diacritic_free_ham_is_not_spam(pipeline: Pipeline) -> None:
    from chanrac.text import strip_diacritics

    for text in HAM:
        verdict = pipeline.verdict(Message(text=strip_diacritics(text)))
        assert verdict.action is Action.ALLOW, verdict.explain()


def test_thresholds_decide_the_action() -> None:
    text = SPAM_BY_CATEGORY[Category.LOAN]
    strict = load_pipeline(flag_threshold=-100.0, block_threshold=-50.0, model_alone_blocks=True)
    verdict = strict.verdict(Message(text=HAM[0]))
    assert verdict.action is Action.BLOCK and verdict.is_spam
    lenient = load_pipeline(flag_threshold=100.0, block_threshold=200.0).verdict(Message(text=text))
    assert lenient.action is Action.ALLOW and lenient.category is Category.HAM
    with pytest.raises(ValueError, match="block_threshold"):
        load_pipeline(flag_threshold=5.0, block_threshold=1.0)


LEGAL_AD = "[QC] Ưu đãi data 5G 150.000đ/30 ngày, soạn 5G150 gửi 191. Từ chối QC soạn TC1 gửi 199."


def test_legal_ad_form_from_a_registered_brandname_is_ham() -> None:
    pipeline = load_pipeline(Lookups(registered_brandnames=frozenset({"VIETTEL"})))
    verdict = pipeline.verdict(Message(text=LEGAL_AD, sender=parse_sender("Viettel")))
    names = {s.name for s in verdict.signals}
    assert {"ad.legal_form", "sender.registered_brandname"} <= names
    assert verdict.action is Action.ALLOW


def test_ad_from_a_personal_number_is_flagged() -> None:
    verdict = load_pipeline().verdict(Message(text=LEGAL_AD, sender=parse_sender("0912345678")))
    assert any(s.name == "sender.personal_number_ad" for s in verdict.signals)
    assert verdict.is_spam, verdict.explain()


def test_the_model_alone_flags_but_does_not_block() -> None:
    # Written for this test: a small seller's own message with her number in groups, which the
    # model reads as spam (the known false-positive class, see the model card); nothing else
    # argues for blocking it.
    text = "Shop em ban rau sach giao tan nha, goi em 0905 333 444 dat hang nhe"
    cautious = load_pipeline().verdict(Message(text=text))
    model = next(s for s in cautious.signals if s.name == "model.spam")
    assert cautious.score >= 6.0 and model.score >= 6.0, cautious.explain()  # the model alone passes the block line
    assert cautious.action is Action.FLAG
    assert any(s.name == "policy.model_alone" for s in cautious.signals)
    # everyday advertising words beside it are no reason either
    with_ad_words = load_pipeline().verdict(Message(text=text + ", chị ấy đang giảm giá, liên hệ sớm"))
    assert with_ad_words.action is not Action.BLOCK, with_ad_words.explain()
    bold = load_pipeline(model_alone_blocks=True).verdict(Message(text=text))
    assert bold.action is Action.BLOCK and not any(s.name == "policy.model_alone" for s in bold.signals)
    # a second reason (a keyword rule, an indicator) lets the block stand
    spam = load_pipeline().verdict(Message(text=SPAM_BY_CATEGORY[Category.GAMBLING]))
    assert spam.action is Action.BLOCK, spam.explain()


def test_commercial_wording_from_a_personal_number_is_an_unlawful_ad(pipeline: Pipeline) -> None:
    # Written for this test: a shop's promotion without label sent from a subscriber's number.
    promo = "Khai trương cửa hàng, giảm giá 30% toàn bộ áo khoác, liên hệ 0912 345 678"
    personal = pipeline.verdict(Message(text=promo, sender=parse_sender("0912345678")))
    assert "sender.personal_number_commercial" in {s.name for s in personal.signals}
    brandname = pipeline.verdict(Message(text=promo, sender=parse_sender("SHOPABC")))
    assert "sender.personal_number_commercial" not in {s.name for s in brandname.signals}
    assert personal.score > brandname.score
    # words that family chat says as often as shops do are not commerce
    for text in ("Mai anh liên hệ lại em nhé", "Anh liên hệ bên căn hộ rồi, họ tư vấn miễn phí, trả góp được"):
        chat = pipeline.verdict(Message(text=text, sender=parse_sender("0912345678")))
        assert "sender.personal_number_commercial" not in {s.name for s in chat.signals}, text


def test_unregistered_brandname_and_reputation_signals() -> None:
    lookups = Lookups(
        registered_brandnames=frozenset({"VIETCOMBANK"}),
        sender_reputation={"VCB-SECURE": 2.5},
        indicator_reputation={"xacminh.top": 4.0},
    )
    sender = Sender("VCB-SECURE", SenderKind.BRANDNAME, raw="VCB-SECURE")
    verdict = load_pipeline(lookups).verdict(
        Message(text="Xac minh tai khoan tai https://xacminh.top/vcb", sender=sender)
    )
    by_name = {s.name: s for s in verdict.signals}
    assert by_name["sender.unregistered_brandname"].score > 0
    assert by_name["reputation.sender"].score == 2.5
    assert by_name["reputation.indicator"].score == 4.0


def test_a_real_bank_domain_is_not_a_lookalike(pipeline: Pipeline) -> None:
    verdict = pipeline.verdict(Message(text="Chi tiet tai https://my.vnpt.com.vn hoac vietcombank.com.vn"))
    assert not any(s.name == "indicator.lookalike_domain" for s in verdict.signals)


@pytest.mark.parametrize(
    ("text", "package"),
    [  # written for this test, after the fake eTax and EVN apps of the police's warnings
        ("Hồ sơ hoàn thuế của bạn đã được duyệt, tải ứng dụng eTax-mobile.apk để nhận tiền", "etax-mobile.apk"),
        ("EVN: cai dat ung dung tai http://evn-cskh.com/EVNHCMC.apk de thanh toan", "http://evn-cskh.com/evnhcmc.apk"),
        ("Tai app: dichvucong[.]online/app.APK", "dichvucong.online/app.apk"),
    ],
)
def test_an_app_offered_outside_the_stores_is_a_reason_to_block(pipeline: Pipeline, text: str, package: str) -> None:
    signal = {s.name: s for s in pipeline.verdict(Message(text=text)).signals}["indicator.app_download"]
    assert signal.detail == package and signal.score >= 3.0


@pytest.mark.parametrize(
    "domain", ["fb88vn.me", "go88.vin", "sunwin-club.net", "sun-win.icu", "kubet.app", "hi88online.com"]
)
def test_betting_mirrors_fire_in_a_message(pipeline: Pipeline, domain: str) -> None:
    verdict = pipeline.verdict(Message(text=f"Vao choi https://{domain}/dangky nhan 100k"))
    assert "indicator.betting_site" in {s.name for s in verdict.signals}, domain


def test_a_betting_mirror_is_gambling_whatever_the_words(pipeline: Pipeline) -> None:
    # written for this test: a friend's referral, in chat, from a subscriber's number
    text = "Anh em vao choi ko? tuan roi t an dam, nap qua link t gui: fb88vn.me/ref=tuan"
    verdict = pipeline.verdict(Message(text=text, sender=parse_sender("0398123456")))
    assert verdict.category is Category.GAMBLING and verdict.action is not Action.ALLOW
    assert {s.name: s for s in verdict.signals}["indicator.betting_site"].detail.startswith("fb88vn.me: fb88")
    with_words = pipeline.verdict(Message(text=f"{text} tai xiu no hu", sender=parse_sender("0398123456")))
    assert with_words.category is Category.GAMBLING and with_words.action is Action.BLOCK


def test_payload_links_count_whatever_the_words(pipeline: Pipeline) -> None:
    # Written for this test: words a friend would write, around a domain dressed as a bank's and
    # a betting mirror. A model trained on a little chat reads such words as ham; the links are
    # the payload, so its score is not counted — once, however many such links.
    chat = "anh xem giup em nhe, cam on anh"
    spam = [normalize(t).canonical for t in SPAM_BY_CATEGORY.values()]
    ham = [normalize(t).canonical for t in HAM] + [f"{chat} {i}" for i in range(20)]
    model = ContentModel.fit(
        spam + ham, [*SPAM_BY_CATEGORY, *([Category.HAM] * len(ham))], spec=FeatureSpec(n_features=2**12)
    )
    small = Pipeline(model)
    verdict = small.verdict(Message(text=f"{chat} vietcombank-bienlai.top"))
    signals = {s.name: s for s in verdict.signals}
    model_score = signals["model.spam"].score
    assert model_score < 0
    lookalike = signals["indicator.lookalike_domain"]
    assert lookalike.score == pytest.approx(LOOKALIKE_SCORE - model_score)
    assert lookalike.detail.endswith("model score not counted")
    assert verdict.score >= LOOKALIKE_SCORE and verdict.action is not Action.ALLOW
    both = small.verdict(Message(text=f"{chat} vietcombank-bienlai.top fb88vn.me/ref=tuan"))
    assert [s.detail.endswith("model score not counted") for s in both.signals if s.name.startswith("indicator.")] == [
        True,
        False,
    ]
    # An ad label on betting does not count the model's "ham" either: once for both.
    labelled = small.verdict(Message(text=f"[QC] {chat} fb88 fb88vn.me/ref=tuan. Tu choi QC soan TC gui 9029"))
    not_counted = [s.name for s in labelled.signals if s.detail.endswith("model score not counted")]
    assert "ad.label_on_prohibited_content" in {s.name for s in labelled.signals}
    assert not_counted == ["indicator.betting_site"]
    # The shipped model needs no such help on the same message.
    shipped = pipeline.verdict(Message(text=f"Chao anh, {chat} vietcombank-bienlai.top"))
    assert shipped.action is not Action.ALLOW


def test_an_app_deep_link_is_not_an_ott_contact(pipeline: Pipeline) -> None:
    # written for this test, after couriers' ZaloPay notices
    link = pipeline.verdict(Message(text="Shipper dang giao don cua ban, thanh toan tai https://zalo.me/app/link/z8k2"))
    assert "indicator.ott_contact" not in {s.name for s in link.signals}
    contact = pipeline.verdict(Message(text="Ket ban zalo.me/0912345678 de nhan qua"))
    assert "indicator.ott_contact" in {s.name for s in contact.signals}
    # "tele" is what spam calls Telegram (written for this test, after ie403's adult spam)
    tele = pipeline.verdict(Message(text="Em o gan day, anh inbox tele: hoangyen99 nhe"))
    assert {s.name: s.detail for s in tele.signals}["indicator.ott_contact"] == "tele"


@pytest.mark.parametrize("text", ["0168 586 7266", "096 7002827  0162 9937270", "255k", "+84969001480"])
def test_the_model_is_not_heard_on_fewer_than_two_words(pipeline: Pipeline, text: str) -> None:
    # a number sent on its own (vi_pham2017 ham): the model reads the digits' shapes as a SIM list
    verdict = pipeline.verdict(Message(text=text))
    names = {s.name: s.score for s in verdict.signals}
    if names["model.spam"] > 0:
        assert names["policy.too_little_text"] == -names["model.spam"]
    assert verdict.action is Action.ALLOW
    worded = pipeline.verdict(Message(text=f"Sim so dep gia re {text}"))
    assert "policy.too_little_text" not in {s.name for s in worded.signals}


@pytest.mark.parametrize(
    "text",
    # written for this test, in the form of vi_pham2017's contacts passed on
    ["Name: Khang Tel: 0163 816 9729", "Trọng 097 2971685  Tùng 097 3329521", "So chi Hoa day 0912 345 678 nhe"],
)
def test_a_name_and_a_number_are_too_little_text_for_the_model(pipeline: Pipeline, text: str) -> None:
    names = {s.name: s.score for s in pipeline.verdict(Message(text=text)).signals}
    assert names.get("policy.too_little_text", 0.0) == -max(0.0, names["model.spam"])
    # a keyword, another number (a price) or more words make it a message the model reads
    for longer in (f"Vay nhanh {text}", f"{text} gia 500k", f"{text}, nho goi lai cho em truoc toi nay nhe anh"):
        assert "policy.too_little_text" not in {s.name for s in pipeline.verdict(Message(text=longer)).signals}


def test_a_link_written_with_spaces_is_read_and_counts_as_obfuscation(pipeline: Pipeline) -> None:
    # written for this test, after crypto-signal groups that space out their Telegram links
    verdict = pipeline.verdict(Message(text="Vao nhom t . m e / a i c r y p t o de nhan tin hieu keo mien phi"))
    names = {s.name: s for s in verdict.signals}
    assert "spaced_link" in names["text.obfuscated"].detail
    assert "indicator.ott_contact" in names
    shortened = pipeline.verdict(Message(text="Nhan qua tri an tai bit . ly / 3xYz truoc 24h"))
    assert "indicator.shortener" in {s.name for s in shortened.signals}


@pytest.mark.parametrize(
    ("text", "wallet"),
    [  # written for this test, after sextortion and USDT task scams
        ("I recorded you. Send 500 USD in BTC to {}", "bc1q9d8kz3f6l0v2w5ap7xn4tq8r3s"),
        ("Nap USDT (TRC20) vao vi {} de nhan nhiem vu", "TN3W4H6rK5Y8m2P9qA7sD1fG3hJ5kL7zX9"),
        ("Chuyen ETH toi {} ngay", "0x52908400098527886E0F7030069857D2E4169EE7"),
        ("Chuyen 500$ vao vi {} de nhan nhiem vu", "TN3W4H6rK5Y8m2P9qA7sD1fG3hJ5kL7zX9"),  # no "USDT" said
    ],
)
def test_a_crypto_wallet_to_pay_into(pipeline: Pipeline, text: str, wallet: str) -> None:
    signals = {s.name: s for s in pipeline.verdict(Message(text=text.format(wallet))).signals}
    assert signals["indicator.crypto_wallet"].detail == wallet


@pytest.mark.parametrize(
    ("text", "link"),
    [  # written for this test
        ("MBBank: the bi khoa do nhap sai PIN. Mo khoa tai http://103.77.162.19/mbbank", "http://103.77.162.19"),
        ("Xac thuc tai 45.12.8.200/vcb ngay", "45.12.8.200"),
        ("Dang nhap hxxps://91.210.5.7:8443/login", "hxxps://91.210.5.7"),
        ("Chuyen 1.500.000.000 dong cho anh nhe, ngay 12/3", None),  # an amount
        ("Ban cap nhat len phien ban 1.2.3.4 chua", None),  # a version
    ],
)
def test_a_link_to_a_bare_ip_address(pipeline: Pipeline, text: str, link: str | None) -> None:
    signals = {s.name: s for s in pipeline.verdict(Message(text=text)).signals}
    assert (signals["indicator.ip_link"].detail if "indicator.ip_link" in signals else None) == link


def test_a_lower_case_word_is_no_tron_wallet(pipeline: Pipeline) -> None:
    text = "the trc code " + "t" * 34
    assert "indicator.crypto_wallet" not in {s.name for s in pipeline.verdict(Message(text=text)).signals}


def test_made_up_email_senders(pipeline: Pipeline) -> None:
    text = "Ban co 1 buu pham chua nhan"
    for address, made_up in (
        ("rk1j8v@icloud.com", True),
        ("x7pq2@protonmail.com", True),
        ("lily.vn2004@icloud.com", False),
        ("linh2k3@icloud.com", False),
        ("nam99vn2@icloud.com", False),
    ):
        signals = {s.name for s in pipeline.verdict(Message(text=text, sender=parse_sender(address))).signals}
        assert ("sender.random_email" in signals) is made_up, address


def test_a_chat_handle_is_no_reason_to_block() -> None:
    from chanrac.detect.pipeline import _has_reason
    from chanrac.model import Signal

    assert not _has_reason([Signal("model.spam", 7.0, ""), Signal("indicator.ott_contact", 0.5, "zalo")])
    assert _has_reason([Signal("model.spam", 7.0, ""), Signal("indicator.shortener", 1.5, "bit.ly")])


def test_an_apk_closing_a_sentence_and_a_long_text_with_apk(pipeline: Pipeline) -> None:
    text = "Tải ứng dụng eTax-mobile.apk."
    assert {s.name: s for s in pipeline.verdict(Message(text=text)).signals}["indicator.app_download"].detail == (
        "etax-mobile.apk"
    )
    # the pattern is matched word by word: a long word costs linear time (this took seconds)
    long = "x." + "ab" * 10_000 + ".apkz"
    assert "indicator.app_download" not in {s.name for s in pipeline.verdict(Message(text=long)).signals}


def test_a_warning_about_apk_files_names_no_package(pipeline: Pipeline) -> None:
    verdict = pipeline.verdict(Message(text="Bộ Công an cảnh báo: không tải file .apk lạ, không bấm vào đường link lạ"))
    assert "indicator.app_download" not in {s.name for s in verdict.signals}
    assert verdict.action is Action.ALLOW


def test_rules_match_whole_words_once_per_phrase() -> None:
    matcher = RuleMatcher()
    scores, phrases = matcher.match(["tai xiu tai xiu no hu", "khuyen cuoc", ""])
    gambling = matcher.categories.index(Category.GAMBLING)
    assert phrases[0][gambling] == ["tai xiu", "no hu"]
    assert scores[0, gambling] == 4.0
    assert scores[1].sum() == 0 and scores[2].sum() == 0
    assert all(token_text(r.phrase).strip() == r.phrase for r in RULES)
    # one phrase, one category and weight: a second listing would be silently shadowed
    assert len({r.phrase for r in RULES}) == len(RULES)


def test_hashed_features_match_the_sparse_matrix_and_ignore_digit_identity() -> None:
    texts = ["vay tien nhanh 0912345678", "xin chao ban", "vay tien nhanh 0987654321", ""]
    spec = FeatureSpec(n_features=2**12)
    matrix = hashed_features(texts, spec)
    occurrences = hashed_occurrences(texts, spec)
    weights = np.random.default_rng(0).normal(size=spec.n_features)
    assert np.allclose(matrix @ weights, occurrences.dot(weights), atol=1e-5)
    assert (matrix[0] != matrix[2]).nnz == 0  # only the digits differ
    assert matrix[1].multiply(matrix[0]).sum() < 0.2
    with pytest.raises(ValueError, match="power of two"):
        FeatureSpec(n_features=1000)
    with pytest.raises(ValueError, match="word n-grams"):
        FeatureSpec(word_ngrams=(1, 2, 3))  # not computed: refused rather than silently ignored


def test_model_round_trips_through_its_artefact(tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts = [normalize(t).canonical for t in [*SPAM_BY_CATEGORY.values(), *HAM]]
    categories = [*SPAM_BY_CATEGORY, *([Category.HAM] * len(HAM))]
    model = ContentModel.fit(texts, categories, spec=FeatureSpec(n_features=2**12))
    path = tmp_path / "m.npz"
    model.save(path)
    loaded = ContentModel.load(path)
    assert loaded.categories == model.categories
    assert np.allclose(loaded.predict_proba(texts), model.predict_proba(texts), atol=1e-2)
    assert (loaded.predict_proba(texts)[: len(SPAM_BY_CATEGORY)] > 0.5).all()
    (tmp_path / "bad.npz").write_bytes(b"not a model")
    with pytest.raises(ValueError, match="not a chanrac model artefact"):
        ContentModel.load(tmp_path / "bad.npz")


def test_nb_scaling_folds_into_the_saved_weights() -> None:
    texts = [normalize(t).canonical for t in [*SPAM_BY_CATEGORY.values(), *HAM]]
    categories = [*SPAM_BY_CATEGORY, *([Category.HAM] * len(HAM))]
    spec = FeatureSpec(n_features=2**12)
    scaled = ContentModel.fit(texts, categories, spec=spec)
    plain = ContentModel.fit(texts, categories, spec=spec, nb_scale=False)
    assert not np.allclose(scaled.spam_weights, plain.spam_weights)
    # inference is the same product on the same features: the ratios live in the weights
    assert (scaled.predict_proba(texts)[: len(SPAM_BY_CATEGORY)] > 0.5).all()
    assert (scaled.predict_proba(texts)[len(SPAM_BY_CATEGORY) :] < 0.5).all()
    features = hashed_features(texts, spec)
    only_in_spam = np.flatnonzero(
        (features[: len(SPAM_BY_CATEGORY)].sum(axis=0).A1 > 0) & (features[len(SPAM_BY_CATEGORY) :].sum(axis=0).A1 == 0)
    )
    assert (scaled.spam_weights[only_in_spam] > 0).mean() > 0.95


def test_shipped_artefact_is_small_and_versioned() -> None:
    from chanrac.detect import ARTEFACT_PATH

    assert ARTEFACT_PATH.stat().st_size < 5_000_000
    model = load_model()
    assert model.version == f"{model.trained_at[:10]}+{model.fingerprint()}"
    assert set(model.categories) == set(SPAM_BY_CATEGORY) | {Category.ADVERTISING}


def test_detection_never_imports_the_store_api_or_cli() -> None:
    import subprocess
    import sys

    code = (
        "import sys, chanrac.detect, chanrac.detect.training; "
        "print(sorted(m for m in sys.modules if m.split('.')[:2] in "
        "(['chanrac', 'store'], ['chanrac', 'api'], ['chanrac', 'cli'])))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _names(pipeline: Pipeline, text: str) -> set[str]:
    return {s.name for s in pipeline.verdict(Message(text=text)).signals}


def test_legal_form_visible_in_the_content_when_the_sender_is_unknown(pipeline: Pipeline) -> None:
    # Written for this test: an operator's labelled notice, a labelled ad with an opt-out.
    notice = "(TB) VinaPhone ưu đãi gói data D15: 15.000đ có 3GB dùng 3 ngày. Đăng ký ngay, soạn D15 gửi 900."
    ad = "[QC] Siêu thị ABC giảm 30% đồ gia dụng cuối tuần. Từ chối QC soạn TC gửi 9129"
    assert "ad.legal_form_content" in _names(pipeline, notice)
    assert "ad.legal_form_content" in _names(pipeline, ad)
    # a label does not launder prohibited content, nor a message with no opt-out or operator
    fake = "[TB] Vietcombank: tài khoản của quý khách bị khóa, xác thực tại vcb-xacminh.top"
    assert "ad.legal_form_content" not in _names(pipeline, fake)
    assert pipeline.verdict(Message(text=fake)).action is Action.BLOCK
    assert "ad.legal_form_content" not in _names(pipeline, "(TB) Giảm giá 50% hôm nay, gọi ngay 0912345678")
    assert "ad.legal_form_content" not in _names(pipeline, "Tặng 20% thẻ nạp hôm nay của VinaPhone")
    # with a sender the full legal form decides instead: a subscriber's "(QC)" is an offence
    personal = pipeline.verdict(Message(text=ad, sender=parse_sender("0912345678")))
    assert "ad.legal_form_content" not in {s.name for s in personal.signals}
    assert personal.label == "spam"


def test_the_legal_form_excuses_advertising_only(pipeline: Pipeline) -> None:
    # Written for this test. An operator's long labelled promotion is advertising in the legal
    # form: however sure the model is that it is an unsolicited commercial message, it is allowed.
    promo = (
        "[TB] KHUYẾN MẠI HÔM NAY! Tặng 20% giá trị thẻ nạp, soạn ST7K gửi 191 có 1GB/ngày, miễn phí "
        "gọi nội mạng. Ưu đãi chỉ trong hôm nay, nhanh tay nạp thẻ Viettel nhận quà!"
    )
    verdict = pipeline.verdict(Message(text=promo))
    form = [s for s in verdict.signals if s.name == "ad.legal_form_content"]
    assert form and "model score not counted" in form[0].detail
    model = next(s for s in verdict.signals if s.name == "model.spam")
    assert form[0].score == pytest.approx(-max(0.0, model.score))
    assert verdict.action is Action.ALLOW, verdict.explain()
    # The same label and opt-out on a gambling offer: prohibited content is not excused.
    gambling = "[QC] Nhà cái uy tín, nạp đầu tặng 100%, nổ hũ đổi thưởng. Từ chối QC soạn TC gửi 9029"
    verdict = pipeline.verdict(Message(text=gambling))
    assert not any(s.name.startswith("ad.legal_form") for s in verdict.signals)
    assert verdict.category is Category.GAMBLING and verdict.is_spam


def test_a_label_on_goods_no_ad_may_offer_counts_against_the_message(pipeline: Pipeline) -> None:
    # Written for this test: betting and forged papers in the full legal form, from a brandname;
    # the model reads the first two as legal ads (negative score), the third as spam.
    for text in (
        "[QC] Nhà cái HX99 ra mắt, hoàn trả cược 1.5% mỗi ngày. Từ chối QC soạn TC gửi 9029",
        "[QC] Nhận làm bằng đại học, bằng lái xe không cần thi. Từ chối QC soạn TC gửi 9029",
        "[QC] NHA CAI HX99 tang 200% nap lan dau, no hu ban ca doi thuong, rut tien 3 phut. "
        "Zalo 0912345678. Tu choi QC soan TC gui 9029",
    ):
        verdict = pipeline.verdict(Message(text=text, sender=parse_sender("SHOPABC")))
        disguise = [s for s in verdict.signals if s.name == "ad.label_on_prohibited_content"]
        assert disguise and disguise[0].score >= 1.0, verdict.explain()
        assert verdict.is_spam and verdict.category is not Category.ADVERTISING, verdict.explain()


def test_advertising_yields_to_a_strong_phrase_of_a_prohibited_kind(pipeline: Pipeline) -> None:
    """Advertising is the residual kind: when the category model prefers it but a strong phrase
    names the goods (here forged papers), the goods decide; weak phrases alone do not."""
    categories = list(pipeline.model.categories)
    proba = np.zeros((2, len(categories)))
    proba[:, categories.index(Category.ADVERTISING)] = 0.9
    proba[:, categories.index(Category.FAKE_DOCS)] = 0.1
    rule_scores = np.zeros((2, len(pipeline.rules.categories)))
    rule_scores[0, pipeline.rules.categories.index(Category.FAKE_DOCS)] = 2.0
    rule_scores[1, pipeline.rules.categories.index(Category.FAKE_DOCS)] = 1.0
    chosen = pipeline._categories(proba, rule_scores, np.full(2, -1), np.zeros(2, dtype=bool))
    assert chosen == [Category.FAKE_DOCS, Category.ADVERTISING]


def test_spam_speaking_as_a_brand_or_a_state_body_leans_to_phishing(pipeline: Pipeline) -> None:
    categories = list(pipeline.model.categories)
    proba = np.zeros((2, len(categories)))
    proba[:, categories.index(Category.SCAM)] = 0.55
    proba[:, categories.index(Category.PHISHING)] = 0.45
    rule_scores = np.zeros((2, len(pipeline.rules.categories)))
    speakers = np.array([True, False])
    assert pipeline._categories(proba, rule_scores, np.full(2, -1), speakers) == [Category.PHISHING, Category.SCAM]
    assert speaks_as_organisation(normalize("Shopee: don hang cua ban bi loi, lien he Zalo 0704 119 382").canonical)
    assert speaks_as_organisation(normalize("Công an TP thông báo anh có liên quan đến vụ án").canonical)
    assert not speaks_as_organisation(normalize("Em ơi mai chị ghé Shopee mua đồ nha").canonical)


@pytest.mark.parametrize(
    "text",
    [  # everyday wording that folds into the words of a prohibited kind (written for this test)
        "Sau mốc đó thì em nộp hồ sơ nhé",
        "Trời nắng, phơi thật khô rồi hãy cất quần áo",
        "Nhớ mang giấy tờ gia đình khi đi làm thủ tục",
        "Tuần sau trường làm thẻ sinh viên cho tân sinh viên",
        "Cô đang làm học bạ cho lớp, các em nộp ảnh nhé",
        "Mua bằng được không anh, hay chuyển khoản?",
        "Anh nóng tính quá, bình tĩnh đã",
        "Anh mua bó hoa hồng tặng vợ nhân ngày 20/10",
        "Hôm nay con được phân công làm nhiệm vụ trực nhật",
        "Nhớ đổi điểm thưởng ở siêu thị lấy quà nhé",
        "Em nộp giấy khám sức khỏe cho nơi làm việc mới rồi",
        "Cô đã cài VNeID cho cả nhà rồi",
    ],
)
def test_everyday_wording_fires_no_prohibited_rule(text: str) -> None:
    matcher = RuleMatcher()
    scores, phrases = matcher.match([normalize(text).canonical])
    prohibited = {
        matcher.categories[c]: p for c, p in phrases[0].items() if matcher.categories[c] is not Category.ADVERTISING
    }
    strong = [c for c in prohibited if scores[0, matcher.categories.index(c)] >= 2.0]
    assert not strong, (text, prohibited)


def test_weak_phrases_alone_do_not_reach_the_category_cap() -> None:
    matcher = RuleMatcher()
    phishing = matcher.categories.index(Category.PHISHING)
    # a genuine OTP message holds four weak phishing phrases and no strong one
    scores, phrases = matcher.match(["nhap ma otp 0000 de xac thuc dang nhap, ma het han sau 5 phut"])
    assert len(phrases[0][phishing]) == 4
    assert scores[0, phishing] == 2.0
    strong_and_weak, _ = matcher.match(["tai khoan bi khoa, nhap ma otp de xac thuc dang nhap"])
    assert strong_and_weak[0, phishing] == 4.0


# Written for these tests, in the form of the police's and banks' warnings sent to all subscribers.
PUBLIC_WARNING = (
    "[TB] Bộ Công an cảnh báo: đối tượng giả danh cán bộ công an gọi điện thông báo bạn liên quan vụ án "
    "rửa tiền, yêu cầu cài ứng dụng và chuyển tiền. Tuyệt đối không cung cấp mã OTP, không chuyển tiền. "
    "Chi tiết: bocongan.gov.vn"
)


def test_a_public_warning_is_not_the_scam_it_describes(pipeline: Pipeline) -> None:
    verdict = pipeline.verdict(Message(text=PUBLIC_WARNING))
    by_name = {s.name: s for s in verdict.signals}
    assert verdict.label == "ham", verdict.signals
    assert by_name["notice.public_warning"].detail.startswith("tb: canh bao;")
    assert by_name["notice.public_warning"].score <= -1.0


@pytest.mark.parametrize(
    "disguise",
    [
        " Liên hệ cán bộ điều tra 0912 345 678.",  # a mobile number to call
        " Xác minh tại bocongan-gov.top",  # a link outside gov.vn
        " Hỗ trợ lấy lại tiền bị lừa qua Zalo.",  # the recovery scam
        " Nộp tiền vào tài khoản 0123456789 Vietcombank.",  # an account to pay into
    ],
)
def test_a_warning_that_points_somewhere_is_not_a_warning(pipeline: Pipeline, disguise: str) -> None:
    verdict = pipeline.verdict(Message(text=PUBLIC_WARNING + disguise))
    assert "notice.public_warning" not in {s.name for s in verdict.signals}


def _fires(pipeline: Pipeline, signal: str, text: str, sender: Sender | None) -> bool:
    """Whether the verdict on ``text`` from ``sender`` carries the signal."""
    return signal in {s.name for s in pipeline.verdict(Message(text=text, sender=sender)).signals}


def test_a_bank_warning_its_customers_under_its_own_name_is_a_warning(pipeline: Pipeline) -> None:
    # written for this test, in the form of the banks' warnings
    warning = (
        "Techcombank cảnh báo: xuất hiện tin nhắn mạo danh Techcombank chứa đường link lạ để chiếm đoạt "
        "tài khoản. Quý khách chỉ truy cập techcombank.com và ứng dụng Techcombank Mobile chính thức."
    )
    bank = parse_sender("Techcombank")
    verdict = pipeline.verdict(Message(text=warning, sender=bank))
    assert {s.name: s for s in verdict.signals}["notice.public_warning"].detail.startswith("techcombank: canh bao;")
    assert verdict.action is Action.ALLOW

    excused = partial(_fires, pipeline, "notice.public_warning")

    # the bank's name is what every phishing text opens with: only the bank's own brandname speaks
    assert not excused(warning, None)
    assert not excused(warning, parse_sender("VCB"))
    assert not excused(warning, parse_sender("rk1j8v@icloud.com"))
    unregistered = load_pipeline(Lookups(registered_brandnames=frozenset({"VIETCOMBANK"})))
    assert "notice.public_warning" not in {
        s.name for s in unregistered.verdict(Message(text=warning, sender=bank)).signals
    }
    # pointing anywhere but official channels, a landline included, or warning only at the end
    for disguise in (
        " Xác thực tại techcombank-xacthuc.top",
        " Gọi ngay 0912 345 678 để mở khóa",
        " Gọi tổng đài 024 3936 7890 để được hỗ trợ",
        " Cài ứng dụng TCB-Secure.apk để bảo vệ tài khoản",
    ):
        assert not excused(warning + disguise, bank), disguise
    assert not excused("Techcombank: tài khoản của quý khách sẽ bị khóa. Lưu ý: trả lời tin này để giữ", bank)
    # a bank's name inside a sentence is not a bank speaking
    assert not excused("Anh ơi cảnh báo: em thấy bên Techcombank báo lỗi", bank)


def test_a_bank_locking_an_account_from_its_own_brandname_is_a_service_notice(pipeline: Pipeline) -> None:
    # written for this test, in the form of the banks' lock notices
    notice = (
        "TPBank: Tai khoan ngan hang dien tu cua Quy khach da bi tam khoa do nhap sai mat khau 5 lan. "
        "Vui long mo khoa tren app TPBank bang sinh trac hoc hoac lien he 1900 58 58 85."
    )
    bank = parse_sender("TPBank")
    verdict = pipeline.verdict(Message(text=notice, sender=bank))
    assert verdict.action is Action.ALLOW
    assert {s.name: s for s in verdict.signals}["notice.brand_service"].detail.startswith("TPBank from its own")

    excused = partial(_fires, pipeline, "notice.brand_service")

    assert not excused(notice, None)
    assert not excused(notice, parse_sender("VCB"))  # another bank's brandname
    assert not excused(notice, parse_sender("0912345678"))
    for disguise in (
        " Mo khoa tai tpbank-mokhoa.top",
        " Goi 0912 345 678 de mo khoa",
        " Tra loi tin nhan nay kem ma OTP de giu tai khoan",
        " Vui long cung cap ma OTP cho nhan vien",
    ):
        assert not excused(notice + disguise, bank), disguise
    # the model's and the phishing phrases' scores only: an ad's words still count
    signals = {s.name: s.score for s in verdict.signals}
    assert signals["notice.brand_service"] == -round(signals["rule.phishing"] + max(0.0, signals["model.spam"]), 3)


def test_a_brand_sending_readers_only_to_its_own_domains_cannot_collect(pipeline: Pipeline) -> None:
    # written for this test, in the form of the carriers' and wallets' own notices
    offer = (
        "[TB] TANG 50% GIA TRI THE NAP dau tien vao Chu nhat cho thue bao Viettel. "
        "Nap ngay tai https://viettel.vn/nap-the de nhan qua. LH 198 (0d)."
    )
    verdict = pipeline.verdict(Message(text=offer))
    signals = {s.name: s for s in verdict.signals}
    assert signals["notice.own_channels"].detail.startswith("links only to Viettel's own domains (viettel.vn)")
    assert verdict.action is Action.ALLOW
    # the model's and the harm phrases' scores are cancelled, an ad's wording is not
    harm = sum(s.score for s in verdict.signals if s.name.startswith("rule.") and s.name != "rule.advertising")
    assert signals["notice.own_channels"].score == -round(max(0.0, signals["model.spam"].score) + harm, 3)

    excused = partial(_fires, pipeline, "notice.own_channels")
    # a brand of the same group, and the state's domains, are the brand's own channels too
    assert excused("Viettel Money: cap nhat sinh trac hoc truoc 01/01 tai https://viettel.vn/sth", None)
    assert excused("Viettel thong bao: tra cuu thu tuc tai https://dichvucong.gov.vn", None)
    assert excused("Tra cuu ho so tai https://dichvucong.gov.vn", None)  # only state bodies register gov.vn
    for disguise in (
        " Hoac lien he Zalo 0912 345 678",
        " Nhan qua tai viettel-qua.top",
        " Nhan qua tai https://bit.ly/3xYzQ",
        " Soan QUA gui 8779 de nhan",
        " Xac nhan tai https://www.google.com/url?q=https://viettel.vn",
        " Chuyen phi 20.000d vao STK 0123456789 Vietcombank",
        " Vui long cung cap ma OTP de nhan qua",
    ):
        assert not excused(offer + disguise, None), disguise
    # another brand's domain is not the named brand's own; a message naming no brand has no owner
    assert not excused("Viettel tang qua cho ban tai https://vietcombank.com.vn/uu-dai", None)
    assert not excused("Tang 50% gia tri the nap tai https://viettel.vn/nap-the", None)


@pytest.mark.parametrize(
    ("text", "fires"),
    [  # written for this test, after the prize and lottery-tip lures of the domain notes
        ("Chuc mung TB nhan qua tang iPhone tu chuong trinh quay so. De xac nhan soan XN gui 8779", True),
        ("Du doan KQXS mien Bac chinh xac, soan DD MB gui 6779 (15.000d/tin)", True),
        ("Soạn tin: VIP gửi 7169 để nhận kết quả sớm nhất", True),
        ("Quy khach da dang ky dich vu thanh cong. De huy soan HUY GAME gui 8779", False),
        ("[QC] Mua 1 tang 1 tra sua. Tu choi nhan tin soan TC PL gui 6089", False),
        ("DKQC DienMayXanh: dong y nhan tin quang cao, soan Y gui 8089", False),
        ("Soan ST90N gui 191 de dang ky goi cuoc", False),  # the carrier's own code, no premium
        ("Em gui 8779 nghin cho anh roi nhe", False),
    ],
)
def test_a_request_to_text_a_premium_short_code_is_a_signal(pipeline: Pipeline, text: str, fires: bool) -> None:
    assert _fires(pipeline, "indicator.premium_short_code", text, None) is fires


def test_domains_have_their_owners() -> None:
    assert domain_owner("https://km.vtmoney.vn/314y/uudai1") == "Viettel"  # Viettel Money is Viettel's
    assert domain_owner("viettel.vn") == "Viettel"
    assert domain_owner("my.vnpt.com.vn") == "VNPT"
    assert domain_owner("dichvucong.gov.vn") == STATE_OWNER
    assert domain_owner("viettel.vn-qua.top") is None
    assert domain_owner("gov.vn.example.com") is None


@pytest.mark.parametrize(
    ("text", "sender", "brand"),
    [  # written for this test, after airline-refund and platform-appeal scams
        (
            "Vietnam Airlines: chuyen bay cua quy khach bi huy, goi 0867 302 941 de hoan tien",
            "0867302941",
            "Vietnam Airlines",
        ),
        ("Ngan hang Vietcombank thong bao: quy khach duoc tang han muc the", "0912345678", "Vietcombank"),
        ("Meta Business Support: your page will be disabled, appeal within 24h", "meta.case88@gmail.com", "Meta"),
    ],
)
def test_a_subscriber_or_a_webmail_writing_as_a_brand(pipeline: Pipeline, text: str, sender: str, brand: str) -> None:
    verdict = pipeline.verdict(Message(text=text, sender=parse_sender(sender)))
    assert {s.name: s for s in verdict.signals}["sender.writes_as_brand"].detail.endswith(f"writes as {brand}")


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        ("GHN: em giao hang chieu nay, anh chi nghe may giup em", "0912345678"),  # shippers write so
        ("Apple: your receipt for iCloud+ 50GB", "no_reply@email.apple.com"),  # the brand's own domain
        ("Vietnam Airlines: chuyen bay VN215 doi gio cat canh", "VNA"),  # a brandname
        ("Em dang o san bay, Vietnam Airlines delay roi", "0912345678"),  # named, not speaking as it
    ],
)
def test_who_may_write_as_a_brand(pipeline: Pipeline, text: str, sender: str) -> None:
    verdict = pipeline.verdict(Message(text=text, sender=parse_sender(sender)))
    assert "sender.writes_as_brand" not in {s.name for s in verdict.signals}


def test_every_warning_word_passes_the_substring_guard() -> None:
    from chanrac.detect.notices import _WARN_WORDS, public_warning

    for word in _WARN_WORDS:
        assert public_warning(f"[TB] {word} lừa đảo", f"[tb] {word} lua dao") == f"tb: {word}; " + (
            "no link, mobile number, account or chat handle but official ones"
        )


def test_a_subscriber_number_cannot_send_a_public_warning(pipeline: Pipeline) -> None:
    verdict = pipeline.verdict(Message(text=PUBLIC_WARNING, sender=parse_sender("0912345678")))
    assert "notice.public_warning" not in {s.name for s in verdict.signals}


@pytest.mark.parametrize(
    ("canonical", "shown"),
    [
        ("[tb] mua data nhan qua! soan sd70 gui 191: 70k/30 ngay", "operator number 191"),
        ("(tb) tang 20% the nap, bam goi *098# de xem uu dai", "operator number *098#"),
        ("(tb) tang 20% the nap hom nay, lh 18001091", "operator number 18001091"),
        ("(tb) giam gia 50% hom nay, goi ngay 0912345678", None),
        ("soan sd70 gui 191: 70k/30 ngay", None),  # no label
    ],
)
def test_operator_numbers_show_an_operators_notice(canonical: str, shown: str | None) -> None:
    form = legal_form_content(canonical)
    assert (form is None) if shown is None else (form is not None and shown in form[2])
