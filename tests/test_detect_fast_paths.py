"""The verdict path's shortcuts say exactly what the plain code they replace says.

Each shortcut (substring guards, rewritten regexes, ASCII translate tables, arithmetic instead of
scans) is compared with the original formulation on generated text made of the characters
those patterns care about, so that the edge cases come up often.
"""

from __future__ import annotations

import importlib
import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chanrac.detect import load_pipeline
from chanrac.detect import pipeline as p
from chanrac.detect.features import Occurrences, hashed_occurrences
from chanrac.detect.rules import _TOKEN_RE, token_text

# Letters, digits and the punctuation the patterns look at, plus some non-ASCII.
_ALPHABET = "abcdeghilmnoprstuvwxyz0123456789 .-+@[]()/:_|\u00e0\u0661\u00b7"
_WORDS = [
    "zalo",
    "telegram",
    "tele",
    "t.me",
    "viber",
    "whatsapp",
    "84",
    "+84",
    "0",
    "[.]",
    "(.)",
    "com",
    "vn",
    "bit.ly",
    " ",
]
texts = st.lists(st.one_of(st.text(_ALPHABET, max_size=6), st.sampled_from(_WORDS)), max_size=12).map("".join)
canonical_texts = texts.map(lambda t: " ".join(t.split()))

_ORIGINAL_PHONE_RE = re.compile(r"(?<![\d])(?:\+?84|0)(?:[ .-]?\d){8,10}(?![\d])")
_ORIGINAL_HINT_RE = re.compile(r"[a-z0-9]\.[a-z]|\[\.\]|\(\.\)|\bzalo\b|\btelegram\b|\d[\d .-]{7,}\d")


@settings(max_examples=400, deadline=None)
@given(texts)
def test_phone_pattern_finds_what_the_original_finds(text: str) -> None:
    assert p._PHONE_RE.findall(text) == _ORIGINAL_PHONE_RE.findall(text)
    if p._PHONE_RE.search(text):
        assert p._DIGIT_RUN_RE.search(text)  # the guard in front of it


@settings(max_examples=400, deadline=None)
@given(texts)
def test_indicator_hint_is_the_original_alternation(text: str) -> None:
    """The hint answers as the original alternation, or as the branches added since (a link's
    scheme, a crypto wallet, "tele" for Telegram)."""
    fast = p._DIGIT_RUN_RE.search(text) is not None or p._indicator_hint(text, text)
    added = "://" in text or p._may_hold_wallet(text, text) or re.search(r"\btele\b", text) is not None
    assert fast == (_ORIGINAL_HINT_RE.search(text) is not None or added)


@settings(max_examples=400, deadline=None)
@given(canonical_texts)
def test_domains_word_by_word_are_those_of_the_whole_text(text: str) -> None:
    whole = [m.group(1) for m in p._DOMAIN_RE.finditer(text)]
    by_word = [m.group(1) for word in text.split(" ") if "." in word for m in p._DOMAIN_RE.finditer(word)]
    assert by_word == whole


@settings(max_examples=400, deadline=None)
@given(texts)
def test_guards_never_hide_a_match(text: str) -> None:
    if p._OTT_RE.search(text):
        assert any(word in text for word in p._OTT_WORDS)
    assert p._has_opt_out(text) == (p._OPT_OUT_RE.search(text) is not None)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40) | texts)
def test_token_text_ascii_path_is_the_regex(text: str) -> None:
    assert token_text(text) == f" {_TOKEN_RE.sub(' ', text).strip()} "


def test_category_rows_by_arithmetic_match_the_scan() -> None:
    model = load_pipeline().model
    texts = ["vay tien nhanh 0912345678", "", "nha cai uy tin", "a", "xin chao ban", "sim so dep 0988 888 888"] * 5
    occurrences = hashed_occurrences(texts, model.spec)
    scan = Occurrences(occurrences.n_docs, occurrences.docs, occurrences.columns, occurrences.scale)
    for rows in (np.arange(len(texts)), np.array([0, 3, 7, 29]), np.array([1])):
        assert np.array_equal(model.category_proba(occurrences, rows), model.category_proba(scan, rows))
        index, indptr = occurrences.rows_in_doc_order(rows)
        expected = np.concatenate([np.flatnonzero(occurrences.docs == r) for r in rows])
        assert np.array_equal(index, expected)
        assert np.array_equal(np.diff(indptr), [np.count_nonzero(occurrences.docs == r) for r in rows])


@settings(max_examples=400, deadline=None)
@given(texts)
def test_normalisation_hints_answer_as_the_original_patterns(text: str) -> None:
    n = importlib.import_module("chanrac.text.normalize")  # the package re-exports the function
    patterns = importlib.import_module("chanrac.text.patterns")
    leet = re.compile(rf"[a-z]{n.LEET_CLASS}[a-z]")
    assert (n._LEET_HINT_RE.search(text) is None) == (leet.search(text) is None)
    original = re.compile(r"[a-z0-9][.@/:\[\]()]+[a-z]").search(text)
    hint = patterns._HINT_RE.search(text)
    assert (hint is None) == (original is None)
    if hint is not None and original is not None:
        assert hint.start() == original.start() + 1 and hint.end() == original.end()


_LABELS = ["[qc]", "[ad]", "qc", "(qc)", "(qc abc)", "[qc xyz]", "[tb]", "(tb)", "(t/b)", "[thong bao]", "(cskh)"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_LABELS, " ", "\u2003", "\t", "a", "x"]), max_size=4).map("".join), texts)
def test_label_guard_never_hides_a_label(head: str, tail: str) -> None:
    text = head + tail
    if p._AD_LABEL_RE.match(text) or p._NOTICE_LABEL_RE.match(text):
        assert p._may_be_labelled(text)
    for label in p._AD_LABEL_TEXTS:
        assert label.lower()[:1] in p._LABEL_FIRST


def test_category_probabilities_of_a_few_rows_are_those_of_many() -> None:
    from chanrac.detect import classifier

    model = load_pipeline().model
    texts = ["vay tien nhanh 0912345678", "nha cai uy tin", "sim so dep 0988 888 888", "lam bang dai hoc"] * 10
    occurrences = hashed_occurrences(texts, model.spec)
    rows = np.arange(len(texts))
    many = model.category_proba(occurrences, rows)
    assert rows.size > classifier._FEW_ROWS
    for row in range(4):
        assert np.array_equal(model.category_proba(occurrences, np.array([row]))[row], many[row])


@settings(max_examples=300, deadline=None)
@given(canonical_texts)
def test_one_message_features_and_categories_are_those_of_a_batch(text: str) -> None:
    """An API call's shortcut (one document hashed alone, its category sums added in order)
    says what the batch path says, to the last bit."""
    model = load_pipeline().model
    alone = hashed_occurrences([text], model.spec)
    batch = hashed_occurrences([text, "xin chao ban", text], model.spec)
    assert np.array_equal(alone.columns, batch.columns[batch.docs == 0])
    assert alone.scale[0] == batch.scale[0]
    assert np.array_equal(model.spam_logit(alone), model.spam_logit(batch)[:1])
    assert np.array_equal(model.category_proba(alone, np.array([0]))[0], model.category_proba(batch)[0])
