"""The scoring pipeline: every detector adds named signals, their sum is the verdict's score.

Detectors, in the order their signals are listed in a verdict:

``model.spam``           the content model's opinion, in score units (0 = undecided model,
                         ``MODEL_ANCHOR`` = the model's own operating point);
``rule.<category>``      keyword phrases of a category (:mod:`chanrac.detect.rules`);
``text.obfuscated``      filter-dodging tricks undone by normalisation (homoglyphs, split letters…);
``indicator.*``          URL shortener, look-alike brand domain, betting site, a bare IP address,
                         cheap TLD, an .apk, crypto wallet, OTT contact, phone number in the
                         text, and reputations the caller knows (a look-alike or a betting mirror
                         is the payload: a negative model score is not counted beside it);
``ad.*``                 the legal form of advertising ([QC] label + opt-out + brandname sender;
                         with no sender known, an ad or notice label with an opt-out or an
                         operator's name). The legal form excuses *advertising* only: it is
                         given when no prohibited-content signal fired and the category model
                         reads the content as advertising, and then the model's score (which
                         learnt "unsolicited commercial message") is not counted;
``sender.*``             personal number sending advertising (labelled, or unlabelled commercial
                         wording) or brand content, a subscriber's number or a webmail address
                         writing as a bank, carrier, state body or platform, unregistered or
                         registered brandname, a made-up e-mail address (iMessage), sender
                         reputation;
``notice.*``             an authority's public warning about scams, a brand's service notice
                         from its own brandname, or a message that names a brand and links only
                         to its own domains — each pointing only to official channels
                         (:mod:`chanrac.detect.notices`): the content scores they explain are
                         not counted;
``policy.*``             too little text for the content model (fewer than two words, a name and
                         a number): its score is not counted.

Every signal that does not count part of the others' scores is made by :func:`_not_counting`.

Label and action come from the total: ``spam`` and ``flag`` from ``flag_threshold``, ``block``
from ``block_threshold`` — and, unless ``model_alone_blocks``, a reason besides the content model
(``policy.model_alone`` says when the model alone only flagged). The category is the category
model's choice, nudged by rule hits and look-alike domains; ``advertising``, the residual kind,
yields to a strong phrase of a prohibited kind. An ad label and opt-out on goods no advertisement
may offer (betting, forged papers, sex) add ``ad.label_on_prohibited_content`` instead of excusing
the message. Detection never touches a database: what it must look up comes in :class:`Lookups`,
filled by the caller.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

import numpy as np

from chanrac.detect.classifier import ContentModel
from chanrac.detect.notices import (
    brand_at_opening,
    brand_service_notice,
    own_channels_notice,
    public_warning,
    speaks_as_organisation,
)
from chanrac.detect.rules import STRONG_WEIGHT, RuleMatcher
from chanrac.law import AD_LABELS, AD_LABELS_LEGACY
from chanrac.model import Action, Category, Message, Sender, SenderKind, Signal, Verdict
from chanrac.phone import Operator, short_code_price_vnd
from chanrac.text import extract_indicators, is_cheap_tld, is_official_domain, is_shortener, lookalike_brand, normalize
from chanrac.text.domains import APP_LINK_DOMAINS, betting_site, registrable_domain
from chanrac.text.indicators import ZALO_APP_LINK
from chanrac.text.patterns import TLDS

__all__ = ["Lookups", "Pipeline", "legal_form_content"]

MODEL_ANCHOR = 3.0  # the model's own operating point lands on the default flag threshold
MODEL_SCALE = 1.5  # score units per unit of log-odds
MODEL_CLIP = (-4.0, 9.0)
RULE_SCALE: dict[Category, float] = {c: 0.75 for c in Category} | {Category.ADVERTISING: 0.25}
OBFUSCATION_SCORES = {
    "zero_width": 2.0,
    "homoglyph": 2.0,
    "foreign_diacritics": 2.0,
    "split_letters": 1.5,
    "emoji_separators": 1.5,
    "injected_punctuation": 1.5,
    "leet": 1.0,
    "telex": 1.0,  # keystrokes of an input method left off: rare in chat, deliberate in spam
    "vni": 1.0,
    "spaced_link": 2.0,  # t . m e / a b c: nobody writes a working link that way but to dodge filters
    "repeat_letters": 0.3,
    "joined_words": 0.5,  # GuiTang DacBiet: deliberate in spam, but names and shops write so too (TonThat)
    "teencode": 0.0,  # ordinary in personal chat
}
SHORTENER_SCORE = 1.5
LOOKALIKE_SCORE = 4.0
CHEAP_TLD_SCORE = 1.5
# An Android package offered for download: banks, the tax office and EVN publish their apps in the
# stores, and the fake "eTax", "Dịch vụ công" and EVN apps of 2023–2025 came as .apk files.
APP_DOWNLOAD_SCORE = 3.0
# A link to a bare IP address: no bank, shop or state body sends one; phishing kits on rented
# servers do.
IP_LINK_SCORE = 3.0
BETTING_SITE_SCORE = 4.0  # a mirror of a betting site the police named: gambling whatever the words
# Links that are the payload whatever the words around them: the signal each gives.
_PAYLOAD_LINKS = {
    "lookalike": ("indicator.lookalike_domain", LOOKALIKE_SCORE),
    "betting": ("indicator.betting_site", BETTING_SITE_SCORE),
}
_PAYLOAD_SIGNALS = frozenset(name for name, _ in _PAYLOAD_LINKS.values())
# How much an indicator that names its kind (a bank's look-alike: phishing; a betting site's
# mirror: gambling; a crypto wallet: scam) moves the category model's probabilities.
INDICATOR_CATEGORY_WEIGHT = 0.5
# How much speaking as a brand or a state body ("Shopee:", "Công an TP thông báo") moves them
# towards phishing: spam that opens so impersonates (136 of 152 such spam in the labelled sets).
IMPERSONATION_CATEGORY_WEIGHT = 0.25
OTT_CONTACT_SCORE = 0.5
# Asked to text a keyword to a premium content short code (6xxx-8xxx, whose second digit is the
# price per message): the prize and lottery-tip lures of the domain notes are paid so. Cancelling
# ("HUY", "TC") and answering an advertiser's consent request ("DKQC …") are not lures. 20 spam
# and 1 ham (a bank's SMS-banking code) of the labelled and development sets carry it.
PREMIUM_SHORT_CODE_SCORE = 2.5
# A cryptocurrency address to pay into: sextortion, "investment" and task scams are paid so; no
# Vietnamese business may take crypto in payment.
CRYPTO_WALLET_SCORE = 2.0
# An e-mail address made up for one send (rk1j8v@icloud.com): iMessage spam comes from such
# Apple IDs, a friend's address carries a name.
RANDOM_EMAIL_SENDER_SCORE = 1.5
PHONE_IN_TEXT_SCORE = 0.3
# The legal form cancels the model's positive score and adds this much (a registered brandname
# with label and opt-out is the whole legal form; with no sender known it is only half-known).
LEGAL_AD_SCORE = -1.0
LEGAL_FORM_CONTENT_SCORE = 0.0
# A keyword category this strong (one weight-2 phrase) or these indicators make content
# prohibited whatever its label says.
PROHIBITED_RULE_SCORE = 1.5
PROHIBITED_LABELLED_SCORE = 1.0
PERSONAL_NUMBER_AD_SCORE = 7.0  # ads may only come from a registered brandname (Decree 91)
PERSONAL_NUMBER_BRAND_CONTENT_SCORE = 1.5
# A bank, carrier, state body, airline or platform writes from its brandname or its own domain,
# never from a subscriber's number or a webmail address.
WRITES_AS_BRAND_SCORE = 1.5
# Unlabelled commercial wording (two advertising phrases, see _CONTACT_WORDS) from a subscriber's number: ads may
# come only from a registered brandname (Decree 91), so this is an unlawful ad at best.
PERSONAL_NUMBER_COMMERCIAL_SCORE = 1.5
# Advertising phrases that family chat says as often as shops do: wording is commercial when
# two advertising phrases fire and one of them is not among these.
_CONTACT_WORDS = frozenset({"lh", "lien he", "hotline", "mien phi", "tu van mien phi", "dat lich", "can ho", "tra gop"})
UNREGISTERED_BRANDNAME_SCORE = 3.0
REGISTERED_BRANDNAME_SCORE = -1.0
REPUTATION_CLIP = 5.0
# A public warning cancels the model's and the keywords' positive scores (it uses the scam's
# words by necessity) and adds this much.
PUBLIC_WARNING_SCORE = -1.0
# Two words of two letters or more; a text with fewer is too little for the content model.
_TWO_WORDS_RE = re.compile(r"[a-z]{2}.*?[^a-z][a-z]{2}", re.DOTALL)
_TOO_LITTLE_TEXT = "a number, an amount, a code or a name and a number: too little text for the content model"
# A contact passed on ("Name: Khang Tel: 0163 816 9729", "Trọng 097 2971685 Tùng 097 3329521"):
# one to three phone numbers and at most five words, no other number, no keyword.
_CARD_LENGTH = 80
_CARD_MAX_WORDS = 5
_CARD_OTHER_NUMBER_RE = re.compile(r"\d{3}")
_WORD_RE = re.compile(r"[a-z]+")
# A block needs a reason besides the content model (unless model_alone_blocks): a signal of at
# least this score. The model is trained on 2016–2025 corpora and our own examples; where it is
# wrong on today's traffic (a friend's number written in groups reads as an ad) it should cost a
# review, not a lost message.
REASON_SCORE = 0.5
# Nor is a chat handle: "send me the photos on Zalo" is how individuals let rooms and sell bikes.
_NOT_REASONS = frozenset({"model.spam", "rule.advertising", "indicator.ott_contact"})
# How much a category's keyword weight (0–4) moves the category model's probabilities: a
# phrase such as "vay tien nhanh" is stronger evidence of the kind than the small classes'
# statistics.
RULE_CATEGORY_WEIGHT = 0.25

_AD_LABEL_TEXTS = cast(tuple[str, ...], AD_LABELS.value) + cast(tuple[str, ...], AD_LABELS_LEGACY.value)
_AD_LABEL_RE = re.compile(
    r"^\s*(?:"
    + "|".join(re.escape(label.lower()) for label in _AD_LABEL_TEXTS)
    + r"|\(qc[^)]{0,12}\)|\[qc[^\]]{0,12}\])(?![a-z0-9])"
)
_LABEL_FIRST = frozenset("[(q")  # what the labels above can start with (checked in a test)
# Opt-out instructions; the substring test in front of the pattern (_has_opt_out) uses the same words.
_OPT_OUT_WORDS = ("tu choi", "huy nhan", "ngung nhan", "soan tc", "soan huy", "opt out", "reply stop")
_OPT_OUT_RE = re.compile(r"\b(?:" + "|".join(_OPT_OUT_WORDS) + r")\b")
# Operators' own notices to their subscribers carry (TB)/[TB] ("thông báo") instead of [QC].
_NOTICE_LABEL_RE = re.compile(r"^\s*(?:\[tb\]|\(tb\)|\(t/b\)|\[thong bao\]|\(cskh\))")
_OPERATOR_NAME_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(o.display_name.lower()) for o in Operator)
    + r"|vnpt|viettel money|vnpt money|my vnpt|mytv)\b"
)
# Numbers only an operator answers: its service short codes and hotlines, and USSD menus, which
# only the network itself serves.
_OPERATOR_CODE_RE = re.compile(
    r"\b(?:gui|goi|den|lien he|lh|hotline)\s+(?:so\s+)?"
    r"(191|198|9123|18008098|888|900|9191|18001091|999|9084|9090|18001090|789)\b|\*\d{3,4}#"
)
# The kinds whose keywords call content prohibited, whatever its label says (advertising is lawful
# in the legal form).
_PROHIBITED_KINDS = frozenset(c for c in Category if c not in (Category.ADVERTISING, Category.HAM))
_PROHIBITED_RULES = frozenset(f"rule.{c.value}" for c in _PROHIBITED_KINDS)
_UNADVERTISABLE_RULES = frozenset(f"rule.{c.value}" for c in (Category.GAMBLING, Category.FAKE_DOCS, Category.ADULT))
_PROHIBITED_INDICATORS = frozenset(
    {
        "indicator.lookalike_domain",
        "indicator.betting_site",
        "indicator.ip_link",
        "indicator.app_download",
        "indicator.crypto_wallet",
        "indicator.cheap_tld",
        "indicator.shortener",
        "text.obfuscated",
    }
)
# The hot path reads domains, phone numbers and OTT contacts straight from the canonical text
# (URLs survive normalisation untouched); the full extractor of chanrac.text, with spans, runs
# only when the caller gave indicator reputations to look up.
# The hint is "[a-z0-9]\.[a-z]|\[\.\]|\(\.\)|\bzalo\b|\btelegram\b|\d[\d .-]{7,}\d", tested branch by
# branch behind substring guards (:func:`_indicator_hint`): one alternation whose branches start
# with classes and \b makes the regex engine try every branch at every character, three times
# slower. A phone number in the text always matches the digit-run branch, so that branch's
# answer also says whether _PHONE_RE needs to run.
_HINT_DOMAIN_RE = re.compile(r"\.(?<=[a-z0-9]\.)[a-z]")  # "[a-z0-9]\.[a-z]" from the dot: skips ahead
_HINT_ZALO_RE = re.compile(r"\bzalo\b")
_HINT_TELEGRAM_RE = re.compile(r"\btele(?:gram)?\b")  # "tele" is what spam calls it
_DIGIT_RUN_RE = re.compile(r"\d[\d .-]{7,}\d")
_PREMIUM_REQUEST_RE = re.compile(
    r"\bsoan(?: tin)?:? (?!(?:huy|tc|off|tu choi|stop|y|n)\b)[a-z0-9]+(?: [a-z0-9]+){0,2} gui (\d{4})\b"
)
# An IPv4 address with a scheme before it, or a port or a path after it (amounts such as
# 1.500.000.000 have neither).
_IP_LINK_RE = re.compile(
    r"(?:(?:https?|hxxps?)://)(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?=[:/]\w)"
)
# A word ending in .apk (punctuation that closes a sentence stripped first); matched on one word
# at a time, so that the cost stays linear whatever the text.
_APK_WORD_RE = re.compile(r"[\w./:-]*[\w-]\.apk")
_CLOSING_PUNCTUATION = ".,;:!?)\"'"
# Bitcoin bech32, Ethereum/BSC and TRON (USDT TRC-20) addresses, read on the text as received
# (the canonical text is lower-cased, and base58 is not).
_TRON_ADDRESS = r"T[1-9A-HJ-NP-Za-km-z]{33}"
_CRYPTO_WALLET_RE = re.compile(
    rf"(?<!\w)(?:bc1[02-9ac-hj-np-z]{{25,59}}|BC1[02-9AC-HJ-NP-Z]{{25,59}}|0[xX][0-9a-fA-F]{{40}}|{_TRON_ADDRESS})(?!\w)"
)
# A TRON address is found on the text as received: its capital T lets the regex engine skip
# ahead (a search on the lower-cased text for a 34-character word cost 5 µs a message).
_TRON_RE = re.compile(rf"{_TRON_ADDRESS}(?![0-9A-Za-z])")
_DEFANG_RE = re.compile(r"\[\.\]|\(\.\)|\[dot\]|\(dot\)")
_DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:(?:https?|hxxps?)://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+("
    + "|".join(TLDS)
    + r"))(?![\w-])"
)
# Phone numbers: "(?<![\d])(?:\+?84|0)(?:[ .-]?\d){8,10}(?![\d])" with the look-behind moved into
# each branch after its first characters, so that the pattern starts with a literal and the
# regex engine skips ahead to a "+", "8" or "0" instead of trying every position (4× faster,
# same matches: each branch still requires no digit before the match).
_PHONE_RE = re.compile(r"(?:\+84(?<!\d\+84)|84(?<!\d84)|0(?<!\d0))(?:[ .-]?\d){8,10}(?![\d])")
_OTT_WORDS = ("zalo", "telegram", "tele", "t.me", "whatsapp", "viber")  # also the substring test in front of _OTT_RE
# A deep link into an app (chanrac.text.indicators.ZALO_APP_LINK) is not a contact.
_OTT_RE = re.compile(
    r"\b(" + "|".join(map(re.escape, _OTT_WORDS)) + r")\b(?!" + re.escape(ZALO_APP_LINK.removeprefix("zalo")) + ")"
)


# A batch is scored in chunks of this many messages (each message's verdict is independent of
# the others): the feature arrays of 10,000 messages (two of 40 MB) are allocated afresh, page
# faults included, every time, those of 2,048 are reused from the heap; ~5 % faster end to end.
_CHUNK = 2048


@dataclass(frozen=True)
class Lookups:
    """Read-only facts the caller knows; detection never imports the store."""

    registered_brandnames: frozenset[str] = frozenset()
    sender_reputation: Mapping[str, float] = field(default_factory=dict)  # canonical sender → score
    indicator_reputation: Mapping[str, float] = field(default_factory=dict)  # domain / account / phone → score


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


class Pipeline:
    """Messages in, explained verdicts out. Build it with :func:`chanrac.detect.load_pipeline`."""

    def __init__(
        self,
        model: ContentModel,
        lookups: Lookups | None = None,
        flag_threshold: float = 3.0,
        block_threshold: float = 6.0,
        rules: RuleMatcher | None = None,
        model_alone_blocks: bool = False,
    ) -> None:
        if block_threshold < flag_threshold:
            raise ValueError(f"block_threshold {block_threshold} is below flag_threshold {flag_threshold}")
        self.model = model
        self.lookups = lookups or Lookups()
        self.flag_threshold = flag_threshold
        self.block_threshold = block_threshold
        self.model_alone_blocks = model_alone_blocks
        self.rules = rules or _default_rules()
        self._registered = frozenset(b.upper() for b in self.lookups.registered_brandnames)
        self._model_offset = _logit(model.threshold)
        # Columns of the rule matrix in the order of the category model's classes.
        self._rule_columns = [
            self.rules.categories.index(c) if c in self.rules.categories else -1 for c in model.categories
        ]
        self._phishing_column = self.rules.categories.index(Category.PHISHING)
        self._advertising_column = self.rules.categories.index(Category.ADVERTISING)
        self._model_columns = [j for j, column in enumerate(self._rule_columns) if column >= 0]
        self._rule_columns_used = [column for column in self._rule_columns if column >= 0]
        model_column = {c: j for j, c in enumerate(model.categories)}
        self._model_phishing = model_column.get(Category.PHISHING, -1)
        self._model_gambling = model_column.get(Category.GAMBLING, -1)
        self._model_scam = model_column.get(Category.SCAM, -1)
        self._prohibited_rule_categories = [
            c for c in self.rules.categories if c in _PROHIBITED_KINDS and c in model.categories
        ]
        self._prohibited_rule_columns = [self.rules.categories.index(c) for c in self._prohibited_rule_categories]

    def verdict(self, message: Message) -> Verdict:
        return self.verdicts([message])[0]

    def verdicts(self, messages: Sequence[Message]) -> list[Verdict]:
        """Verdicts of a batch: features, model and rules run once per chunk of the batch."""
        if len(messages) <= _CHUNK:
            return self._verdicts(messages)
        out: list[Verdict] = []
        for start in range(0, len(messages), _CHUNK):
            out.extend(self._verdicts(messages[start : start + _CHUNK]))
        return out

    def _verdicts(self, messages: Sequence[Message]) -> list[Verdict]:
        if not messages:
            return []
        normalized = [normalize(m.text) for m in messages]
        canonical = [n.canonical for n in normalized]
        occurrences = self.model.features(canonical)
        logits = self.model.spam_logit(occurrences)
        rule_scores, rule_phrases = self.rules.match(canonical)
        model_scores = np.clip(MODEL_ANCHOR + MODEL_SCALE * (logits - self._model_offset), *MODEL_CLIP)
        probabilities = 1.0 / (1.0 + np.exp(-logits))

        # Python floats and lists, not numpy scalars, in the per-message loop (indexing a numpy
        # array element by element costs more than the arithmetic done with it).
        model_list = model_scores.tolist()
        probability_list = probabilities.tolist()
        rule_rows = rule_scores.tolist()
        all_signals: list[list[Signal]] = []
        totals_list: list[float] = []
        legal_forms: dict[int, tuple[str, float, str]] = {}  # message → (signal name, base score, detail)
        # The category an indicator in the message names (column of the category model), or -1.
        indicator_kinds = np.full(len(messages), -1, dtype=np.int64)
        rule_categories = self.rules.categories
        indicator_reputation = bool(self.lookups.indicator_reputation)
        for i, message in enumerate(messages):
            text = canonical[i]
            model_score = model_list[i]
            signals = [Signal("model.spam", round(model_score, 3), f"p={probability_list[i]:.3f}")]
            fired = rule_phrases[i]
            if model_score > 0 and (
                _TWO_WORDS_RE.search(text) is None
                or (not fired and len(text) <= _CARD_LENGTH and _is_contact_card(text))
            ):
                # A bare number, an amount, a code, a name and a number: the model learnt the
                # numbers' shapes from SIM sellers' lists and says spam to anything mostly digits.
                signals.append(
                    _not_counting("policy.too_little_text", 0.0, model_score, _TOO_LITTLE_TEXT, "model score")
                )
            if fired:
                row = rule_rows[i]
                for c, phrases in fired.items():
                    category = rule_categories[c]
                    score = row[c] * RULE_SCALE[category]
                    signals.append(Signal(f"rule.{category.value}", round(score, 3), ", ".join(phrases[:4])))
            obfuscation = normalized[i].obfuscation
            if obfuscation:
                tricks = [t for t in obfuscation if OBFUSCATION_SCORES.get(t, 0.0) > 0]
                if tricks:
                    score = min(3.0, sum(OBFUSCATION_SCORES[t] for t in tricks))
                    signals.append(Signal("text.obfuscated", score, ", ".join(tricks)))
            if "gui " in text and (premium := _premium_request(text)) is not None:
                signals.append(Signal("indicator.premium_short_code", PREMIUM_SHORT_CODE_SCORE, premium))
            digit_run = _DIGIT_RUN_RE.search(text) is not None
            own_links: tuple[str, ...] = ()
            if digit_run or indicator_reputation or _indicator_hint(text, message.text):
                indicator_kinds[i], own_links = self._indicator_signals(message.text, text, signals, digit_run)
            if message.sender is None:  # the usual case, without the method call
                form = legal_form_content(text)
            else:
                form = self._sender_signals(
                    message.sender, text, rule_rows[i], fired.get(self._advertising_column, ()), signals
                )
            if self._public_warning(message, text, signals) or (
                # a run of digits may be a number or an account to reach; "@" an address or a handle
                own_links and not digit_run and "@" not in message.text and self._own_channels(text, own_links, signals)
            ):
                form = None  # its content scores are cancelled already
            if form is not None:
                if not _prohibited(signals):
                    legal_forms[i] = form
                elif _unadvertisable(signals):
                    # On goods no ad may offer, the label and the opt-out are a disguise, not a
                    # defence: they count against the message, and the model, which learnt them
                    # as signs of a legal ad, is not heard when it says ham (unless a payload link
                    # has not counted it already).
                    name, detail = "ad.label_on_prohibited_content", "ad/notice label"
                    if model_score < 0 and not any(s.name in _PAYLOAD_SIGNALS for s in signals):
                        signals.append(
                            _not_counting(name, PROHIBITED_LABELLED_SCORE, model_score, detail, "model score")
                        )
                    else:
                        signals.append(Signal(name, PROHIBITED_LABELLED_SCORE, detail))
            all_signals.append(signals)
            totals_list.append(round(sum([s.score for s in signals]), 3))
        totals = np.array(totals_list)
        # The category model runs only for the messages that are flagged or in the legal form.
        needed = np.union1d(np.flatnonzero(totals >= self.flag_threshold), list(legal_forms)).astype(np.int64)
        categories: dict[int, Category] = {}
        if needed.size:
            category_proba = self.model.category_proba(occurrences, needed)
            speakers = [speaks_as_organisation(canonical[i]) for i in needed.tolist()]
            chosen = self._categories(
                category_proba[needed], rule_scores[needed], indicator_kinds[needed], np.array(speakers, dtype=bool)
            )
            categories = dict(zip(needed.tolist(), chosen, strict=True))
        for i, (name, base, detail) in legal_forms.items():
            if categories[i] is not Category.ADVERTISING:
                continue
            signal = _not_counting(name, base, max(0.0, model_list[i]), f"{detail}; advertising content", "model score")
            all_signals[i].append(signal)
            # numpy's round on the numpy total, as before: Python's round can differ in the last bit.
            totals[i] = round(totals[i] + signal.score, 3)
        out: list[Verdict] = []
        flag_threshold, block_threshold = self.flag_threshold, self.block_threshold
        for i, (signals, score) in enumerate(zip(all_signals, totals.tolist(), strict=True)):
            if score < flag_threshold or i not in categories:
                out.append(Verdict(score, "ham", Category.HAM, Action.ALLOW, tuple(signals)))
                continue
            action = Action.BLOCK if score >= block_threshold else Action.FLAG
            if action is Action.BLOCK and not self.model_alone_blocks and not _has_reason(signals):
                action = Action.FLAG
                signals.append(Signal("policy.model_alone", 0.0, "only the content model speaks: flagged, not blocked"))
            out.append(Verdict(score, "spam", categories[i], action, tuple(signals)))
        return out

    def _indicator_signals(
        self, text: str, canonical: str, signals: list[Signal], digit_run: bool
    ) -> tuple[int, tuple[str, ...]]:
        """Indicator signals; ``digit_run``: whether the text has a run of digits long enough to
        hold a phone number (every match of _PHONE_RE is one). Returns the category model's column
        of the kind an indicator names (a look-alike: phishing; a betting mirror: gambling; a
        crypto wallet: scam), or -1; and the brands' and the state's own domains the message links
        to when it links to nothing else (apps' deep links aside) and has no other indicator."""
        kind_column = -1
        own_domains: list[str] = []
        elsewhere = False  # a domain without a signal that is neither a brand's, the state's nor an app's
        model_discounted = False
        signals_before = len(signals)
        seen: set[str] = set()
        # Every defanged dot has a bracket. A domain has a dot and no space, and _DOMAIN_RE's
        # look-behind and look-ahead both accept a space or an edge: matching word by word
        # (canonical text is single-spaced) finds the same domains in the same order without
        # running the costly pattern over every word.
        defanged = _DEFANG_RE.sub(".", canonical) if "[" in canonical or "(" in canonical else canonical
        dotted = [word for word in defanged.split(" ") if "." in word] if "." in defanged else ()
        for match in (match for word in dotted for match in _DOMAIN_RE.finditer(word)):
            domain = match.group(1)
            if domain in seen:
                continue
            seen.add(domain)
            kind, detail = _domain_verdict(domain)
            if kind == "lookalike" or kind == "betting":
                name, score = _PAYLOAD_LINKS[kind]
                kind_column = self._model_phishing if kind == "lookalike" else self._model_gambling
                # The site is the payload; the words around it ("a friend's referral", "your
                # account was charged, check it here") read as ham to the model, which is not
                # heard when it says so (once per message).
                model_score = signals[0].score
                if model_score < 0 and not model_discounted:
                    signals.append(_not_counting(name, score, model_score, detail, "model score"))
                    model_discounted = True
                else:
                    signals.append(Signal(name, score, detail))
            elif kind == "shortener":
                signals.append(Signal("indicator.shortener", SHORTENER_SCORE, detail))
            elif kind == "cheap_tld":
                signals.append(Signal("indicator.cheap_tld", CHEAP_TLD_SCORE, detail))
            elif kind == "own":
                own_domains.append(domain)
            elif kind != "app_link":
                elsewhere = True  # an ordinary domain (the kinds above add a signal)
        if "/" in defanged and (ip_link := _IP_LINK_RE.search(defanged)) is not None:
            kind_column = self._model_phishing if kind_column < 0 else kind_column
            signals.append(Signal("indicator.ip_link", IP_LINK_SCORE, ip_link.group()))
        if ".apk" in defanged:
            package = next((w for w in _apk_words(defanged) if _APK_WORD_RE.fullmatch(w)), None)
            if package is not None:
                signals.append(Signal("indicator.app_download", APP_DOWNLOAD_SCORE, package))
        if _may_hold_wallet(text, canonical) and (wallet := _CRYPTO_WALLET_RE.search(text)) is not None:
            kind_column = self._model_scam if kind_column < 0 else kind_column
            signals.append(Signal("indicator.crypto_wallet", CRYPTO_WALLET_SCORE, wallet.group()))
        ott = _OTT_RE.search(canonical) if any(word in canonical for word in _OTT_WORDS) else None
        if ott:
            signals.append(Signal("indicator.ott_contact", OTT_CONTACT_SCORE, ott.group(1)))
        phones = len(_PHONE_RE.findall(canonical)) if digit_run else 0
        if phones:
            signals.append(Signal("indicator.phone_in_text", PHONE_IN_TEXT_SCORE, f"{phones} number(s)"))
        reputation = self.lookups.indicator_reputation
        if reputation:
            for indicator in extract_indicators(text):
                if indicator.value in reputation:
                    score = max(-REPUTATION_CLIP, min(REPUTATION_CLIP, float(reputation[indicator.value])))
                    signals.append(Signal("reputation.indicator", score, f"{indicator.kind.value} {indicator.value}"))
        if elsewhere or len(signals) > signals_before:
            return kind_column, ()
        return kind_column, tuple(own_domains)

    def _public_warning(self, message: Message, canonical: str, signals: list[Signal]) -> bool:
        """Add ``notice.public_warning`` when the message is an authority's warning about scams
        (:mod:`chanrac.detect.notices`); a subscriber's number cannot send one."""
        if message.sender is not None and message.sender.kind is SenderKind.MOBILE:
            return False
        if any(_prohibited_indicator(s) for s in signals):
            return False
        sender = message.sender
        brandname = sender.value if sender is not None and self._trusted_brandname(sender) else None
        detail = public_warning(message.text, canonical, brandname)
        if detail is None:
            return brandname is not None and self._brand_service_notice(message.text, canonical, brandname, signals)
        content = sum(max(0.0, s.score) for s in signals if s.name == "model.spam" or s.name.startswith("rule."))
        signals.append(
            _not_counting("notice.public_warning", PUBLIC_WARNING_SCORE, content, detail, "model and keyword scores")
        )
        return True

    def _brand_service_notice(self, text: str, canonical: str, brandname: str, signals: list[Signal]) -> bool:
        """Add ``notice.brand_service`` when a brand writes to its customer about the account in
        phishing's words (locked, password, biometrics) from its own brandname and points only to
        official channels (:func:`chanrac.detect.notices.brand_service_notice`): the model's and
        the phishing phrases' scores are not counted, the rest (an ad's wording) still is."""
        phishing = next((s for s in signals if s.name == "rule.phishing"), None)
        if phishing is None or (detail := brand_service_notice(text, canonical, brandname)) is None:
            return False
        content = phishing.score + max(0.0, signals[0].score)
        signals.append(_not_counting("notice.brand_service", 0.0, content, detail, "model and phishing wording"))
        return True

    def _own_channels(self, canonical: str, links: Sequence[str], signals: list[Signal]) -> bool:
        """Add ``notice.own_channels`` when the message names a brand and sends the reader only to
        that brand's own domains (``links``; :func:`chanrac.detect.notices.own_channels_notice`):
        the model's and the harm phrases' scores are not counted — whether an ad keeps the legal
        form still is."""
        if (detail := own_channels_notice(canonical, links)) is None:
            return False
        content = max(0.0, signals[0].score) + sum(
            s.score for s in signals if s.name.startswith("rule.") and s.name != "rule.advertising"
        )
        signals.append(_not_counting("notice.own_channels", 0.0, content, detail, "model and harm phrases"))
        return True

    def _trusted_brandname(self, sender: Sender) -> bool:
        """Whether the sender is a brandname that may speak for its brand: registered, or any
        brandname when no registry is known."""
        if sender.kind is not SenderKind.BRANDNAME:
            return False
        return not self._registered or sender.value.upper() in self._registered

    def _sender_signals(
        self,
        sender: Sender,
        canonical: str,
        rule_scores: Sequence[float],
        ad_phrases: Sequence[str],
        signals: list[Signal],
    ) -> tuple[str, float, str] | None:
        """Signals about who sent the message; returns the legal form it shows, if any, as
        ``(signal name, base score, detail)`` — whether it counts is decided with the category.
        (Without a sender, :func:`legal_form_content` reads the form from the text alone.)"""
        is_ad = _may_be_labelled(canonical) and _AD_LABEL_RE.match(canonical) is not None
        has_opt_out = is_ad and _has_opt_out(canonical)
        kind = sender.kind
        form = None
        if kind is SenderKind.BRANDNAME:
            registered = sender.value.upper() in self._registered
            if self._registered and not registered:
                signals.append(Signal("sender.unregistered_brandname", UNREGISTERED_BRANDNAME_SCORE, sender.value))
            elif registered:
                signals.append(Signal("sender.registered_brandname", REGISTERED_BRANDNAME_SCORE, sender.value))
            if has_opt_out and self._trusted_brandname(sender):
                form = ("ad.legal_form", LEGAL_AD_SCORE, "ad label, opt-out, brandname sender")
        elif kind is SenderKind.EMAIL:
            if _random_local_part(sender.value):
                signals.append(Signal("sender.random_email", RANDOM_EMAIL_SENDER_SCORE, sender.value))
            _writes_as_brand(sender, canonical, signals)
        elif kind is SenderKind.MOBILE:
            if is_ad:
                signals.append(
                    Signal("sender.personal_number_ad", PERSONAL_NUMBER_AD_SCORE, "ad label from a subscriber")
                )
            elif len(ad_phrases) >= 2 and not _CONTACT_WORDS.issuperset(ad_phrases):
                signals.append(
                    Signal(
                        "sender.personal_number_commercial",
                        PERSONAL_NUMBER_COMMERCIAL_SCORE,
                        "commercial wording from a subscriber (ads only from brandnames)",
                    )
                )
            if rule_scores[self._phishing_column] >= 2.0:
                signals.append(
                    Signal(
                        "sender.personal_number_brand_content",
                        PERSONAL_NUMBER_BRAND_CONTENT_SCORE,
                        "bank/authority wording",
                    )
                )
            else:
                _writes_as_brand(sender, canonical, signals)
        reputation = self.lookups.sender_reputation.get(sender.value)
        if reputation:
            score = max(-REPUTATION_CLIP, min(REPUTATION_CLIP, float(reputation)))
            signals.append(Signal("reputation.sender", score, sender.value))
        return form

    def _categories(
        self, category_proba: np.ndarray, rule_scores: np.ndarray, indicator_kinds: np.ndarray, speakers: np.ndarray
    ) -> list[Category]:
        """The category of each row: the category model's probabilities nudged by the rules'
        weights, by the kind an indicator names (``indicator_kinds``: a column or -1) and towards
        phishing when the message speaks as a brand or a state body (``speakers``), element by
        element the same additions as one message at a time, so the same choice."""
        combined = category_proba.copy()
        combined[:, self._model_columns] += RULE_CATEGORY_WEIGHT * rule_scores[:, self._rule_columns_used]
        named = np.flatnonzero(indicator_kinds >= 0)
        combined[named, indicator_kinds[named]] += INDICATOR_CATEGORY_WEIGHT
        combined[speakers, self._model_phishing] += IMPERSONATION_CATEGORY_WEIGHT
        categories = self.model.categories
        chosen = [categories[j] for j in np.argmax(combined, axis=1).tolist()]
        # Advertising is the residual kind (a commercial message without the legal form): an ad
        # whose goods a strong phrase (or two weak ones) names — betting, forged papers, loans… —
        # is of that kind, as the labelling rules decide (data/labelled/README.md).
        strong = rule_scores[:, self._prohibited_rule_columns]
        for row in np.flatnonzero(strong.max(axis=1, initial=0.0) >= STRONG_WEIGHT).tolist():
            if chosen[row] is Category.ADVERTISING:
                chosen[row] = self._prohibited_rule_categories[int(np.argmax(strong[row]))]
        return chosen


def legal_form_content(canonical: str) -> tuple[str, float, str] | None:
    """The legal form as far as the text shows it, when nobody says who sent the message
    (``chanrac classify`` without a sender column, data sets, a pasted message)."""
    if not _may_be_labelled(canonical) or (
        _AD_LABEL_RE.match(canonical) is None and _NOTICE_LABEL_RE.match(canonical) is None
    ):
        return None
    if _has_opt_out(canonical):
        detail = "ad/notice label and opt-out; sender unknown"
    elif (operator := _OPERATOR_NAME_RE.search(canonical)) is not None:
        detail = f"ad/notice label from operator {operator.group()}; sender unknown"
    elif (code := _OPERATOR_CODE_RE.search(canonical)) is not None:
        detail = f"ad/notice label and operator number {code.group(1) or code.group()}; sender unknown"
    else:
        return None
    return ("ad.legal_form_content", LEGAL_FORM_CONTENT_SCORE, detail)


def _may_be_labelled(canonical: str) -> bool:
    """Whether _AD_LABEL_RE or _NOTICE_LABEL_RE can match: every label starts with "[", "(" or
    "q" after optional whitespace."""
    first = canonical[:1]
    return first in _LABEL_FIRST or first.isspace()


def _has_opt_out(canonical: str) -> bool:
    return any(words in canonical for words in _OPT_OUT_WORDS) and _OPT_OUT_RE.search(canonical) is not None


def _indicator_hint(canonical: str, original: str) -> bool:
    """Whether the text may hold a domain, a link, an OTT contact or a crypto wallet (the
    digit-run branch of the hint is tested by the caller)."""
    return (
        (
            "." in canonical
            and ("[.]" in canonical or "(.)" in canonical or _HINT_DOMAIN_RE.search(canonical) is not None)
        )
        or ("zalo" in canonical and _HINT_ZALO_RE.search(canonical) is not None)
        or ("tele" in canonical and _HINT_TELEGRAM_RE.search(canonical) is not None)
        or "://" in canonical
        or _may_hold_wallet(original, canonical)
    )


def _may_hold_wallet(text: str, canonical: str) -> bool:
    return "bc1" in canonical or "0x" in canonical or ("T" in text and _TRON_RE.search(text) is not None)


def _is_contact_card(canonical: str) -> bool:
    """Whether the message is a phone number or three with at most a few words (names, "tel")."""
    numbers = len(_PHONE_RE.findall(canonical))
    if not 1 <= numbers <= 3:
        return False
    rest = _PHONE_RE.sub(" ", canonical)
    return _CARD_OTHER_NUMBER_RE.search(rest) is None and len(_WORD_RE.findall(rest)) <= _CARD_MAX_WORDS


def _premium_request(canonical: str) -> str | None:
    """The request to text a keyword to a premium content short code, with its price, or None
    (an advertiser's consent request, "DKQC …", is answered so and asks for nothing more)."""
    if canonical.startswith("dkqc"):
        return None
    for match in _PREMIUM_REQUEST_RE.finditer(canonical):
        if (price := short_code_price_vnd(match.group(1))) is not None:
            return f"{match.group()} ({price:,} VND per message)"
    return None


def _apk_words(text: str) -> Iterator[str]:
    """The words of ``text`` that hold ".apk", without the punctuation that closes a sentence."""
    return (word.rstrip(_CLOSING_PUNCTUATION) for word in text.split(" ") if ".apk" in word)


_DIGIT_RUNS_RE = re.compile(r"\d+")


def _writes_as_brand(sender: Sender, canonical: str, signals: list[Signal]) -> None:
    """Add ``sender.writes_as_brand`` when a subscriber's number or an e-mail address outside the
    brand's domains opens its message as a brand whose staff do not write from their own phones
    (couriers' shippers and shops' sellers do)."""
    brand = brand_at_opening(canonical)
    if brand is None or brand.staff_write:
        return
    if sender.kind is SenderKind.EMAIL and registrable_domain(sender.value.rpartition("@")[2]) in brand.domains:
        return
    who = "a subscriber's number" if sender.kind is SenderKind.MOBILE else "an e-mail address"
    signals.append(Signal("sender.writes_as_brand", WRITES_AS_BRAND_SCORE, f"{who} writes as {brand.name}"))


def _random_local_part(address: str) -> bool:
    """Whether an e-mail address's local part looks generated: short, no separator, digits in two
    places or more and no vowel among its letters (rk1j8v, x7pq2); a person's carries a name
    (lily.vn2004, linh2k3, nam99vn2)."""
    local = address.partition("@")[0].lower()
    return (
        len(local) <= 12
        and not any(c in local for c in "._-")
        and len(_DIGIT_RUNS_RE.findall(local)) >= 2
        and not any(c in "aeiouy" for c in local)
    )


def _not_counting(name: str, base: float, content: float, detail: str, what: str) -> Signal:
    """A signal that explains part of the others' scores away: its score is ``base`` less
    ``content``, the part it does not count, and its detail says what that part is.

    Every such signal goes through here, so that a change to one can be weighed against the
    others: the legal form of advertising and too little text (the model's positive score),
    public warnings (model and keywords), a brand's service notice (model and phishing wording),
    links to a brand's own channels (model and harm phrases); and the other way round, a payload
    link and an ad label on prohibited goods, which do not count the model's *negative* score
    (``content`` < 0). No part is discounted twice: a notice needs a message that points only
    to official channels, so no payload link or legal form comes with it, and a payload link and
    an ad label on prohibited goods discount the model's score once between them."""
    return Signal(name, round(base - content, 3), f"{detail}; {what} not counted")


def _has_reason(signals: Sequence[Signal]) -> bool:
    """Whether a signal other than the content model argues for blocking (a phone number in the
    text, 0.3, squeezed letters or everyday advertising words are too common to count)."""
    return any(s.score >= REASON_SCORE and s.name not in _NOT_REASONS for s in signals)


def _unadvertisable(signals: Sequence[Signal]) -> bool:
    """Whether a strong keyword signal names goods that no advertisement may offer (loans, SIM
    cards or prizes may be advertised legally; gambling, forged papers and sex may not)."""
    return any(s.name in _UNADVERTISABLE_RULES and s.score >= PROHIBITED_RULE_SCORE for s in signals)


def _prohibited(signals: Sequence[Signal]) -> bool:
    """Whether a signal calls the content prohibited, whatever its label says."""
    return any(
        (s.name in _PROHIBITED_RULES and s.score >= PROHIBITED_RULE_SCORE) or _prohibited_indicator(s) for s in signals
    )


def _prohibited_indicator(signal: Signal) -> bool:
    """A look-alike or cheap-TLD domain, a shortener or obfuscation (squeezed letters alone, 0.3,
    are chat and do not count)."""
    return signal.name in _PROHIBITED_INDICATORS and signal.score >= 1.0


@lru_cache(maxsize=1)
def _default_rules() -> RuleMatcher:
    return RuleMatcher()


@lru_cache(maxsize=65_536)
def _domain_verdict(domain: str) -> tuple[str, str]:
    """What a domain says about a message (cached: campaigns repeat their domains)."""
    if brand := lookalike_brand(domain):
        return "lookalike", f"{domain} imitates {brand}"
    if site := betting_site(domain):
        return "betting", f"{domain}: {site}"
    if is_shortener(domain):
        return "shortener", domain
    if is_cheap_tld(domain):
        return "cheap_tld", registrable_domain(domain)
    if is_official_domain(domain):
        return "own", domain
    if registrable_domain(domain) in APP_LINK_DOMAINS:
        return "app_link", domain
    return "", ""
