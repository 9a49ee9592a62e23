"""Batch canonicalisation and tokenisation of messages for shingling, one joined string at a time.

Clustering only needs a form of the text in which the variants of one template agree, not the
full reading :func:`chanrac.text.normalize` gives detection (its per-message guards and
callbacks cost 35–150 µs, which is most of a million-message rebuild). So the messages of a
batch are joined into one string and every step is one C-level pass over it: NFC, a single
translate table (invisible characters dropped, compatibility and look-alike letters mapped,
Vietnamese folded, lower case), links cut out (:func:`chanrac.text.patterns.protected_spans`)
and replaced by a marker, then the de-obfuscations that matter for shingles — leet digits and
symbols inside words, repeated letters, separators between letters (``t_h_i``, ``c.u.o.c``),
letters spelled out with spaces or emoji (``n h a c a i`` → ``nha cai``, segmented with
:func:`chanrac.text.segment`) and teencode (:data:`chanrac.text.teencode.TEENCODE`). One
``findall`` then yields the tokens of every message with the message boundaries in between.
Leet digits at a word's edges (``7ra``, ``da7``) are read per distinct token, and only when they
spell a Vietnamese syllable, so ``4g``, ``5k`` or ``10h`` stay numbers.

Tokens become ids through a vocabulary, and everything per token (its mask, its hash, the value
it hides) is computed once per *distinct* token; the per-message arrays are then assembled with
numpy. Exact copies are tokenised once (see :func:`unique_texts`).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from chanrac.text.fold import FOLD_TABLE
from chanrac.text.homoglyphs import COMPATIBILITY_TABLE, CONFUSABLE_TABLE, INVISIBLE_TABLE
from chanrac.text.normalize import LEET, LEET_CLASS
from chanrac.text.patterns import EMOJI_CLASS, protected_spans
from chanrac.text.syllables import is_syllable, segment
from chanrac.text.teencode import TEENCODE

__all__ = [
    "NO_VALUE",
    "NUMBER_TOKEN",
    "URL_TOKEN",
    "VALUE_SKETCH",
    "HashedDocuments",
    "TokenStream",
    "canonical_block",
    "hash_documents",
    "token_stream",
    "unique_texts",
    "value_sketch",
]

URL_TOKEN = "_url"
NUMBER_TOKEN = "_n"

_SEP = "\x1e"  # between two messages of the joined string
_JOIN = f"\n{_SEP}\n"
_LINK = "\x1d"  # where a link was cut out


def _translation_table() -> dict[int, str | None]:
    """Invisible → nothing, compatibility and look-alike letters → Latin, then fold and lower."""
    codes = {*INVISIBLE_TABLE, *COMPATIBILITY_TABLE, *CONFUSABLE_TABLE, *FOLD_TABLE}
    table: dict[int, str | None] = {}
    for code in codes:
        out = chr(code).translate(INVISIBLE_TABLE).translate(COMPATIBILITY_TABLE).translate(CONFUSABLE_TABLE)
        out = unicodedata.normalize("NFC", out).translate(FOLD_TABLE).lower()
        table[code] = out or None
    table[ord(_SEP)] = _SEP
    table[ord("\n")] = "\n"  # protected_spans finds a token's start by the last space or newline
    table[ord(_LINK)] = " "
    return table


_TABLE = _translation_table()
# Between two letters: a leet digit or symbol (v4y, g@me) is read as its letter, a run of
# separators (t_h_i, c.u.o.c, g*i*a) is dropped.
_BETWEEN_LETTERS_RE = re.compile(rf"(?<=[a-z])(?:{LEET_CLASS}|[._*\-~+·•]+)(?=[a-z])")
_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_HANDLE_RE = re.compile(r"(?<![\w.@])@[a-z0-9_.]{3,32}(?<!\.)")
# Three or more single letters separated by a space or by emoji: one word spelled out.
_SPELLED_RE = re.compile(rf"\b[a-z](?:(?: |{EMOJI_CLASS}+)[a-z]\b){{2,}}")
_NOT_LETTER_RE = re.compile(r"[^a-z]+")
# A message boundary, a cut-out link, a number written with separators (0912.345.678,
# 2,000,000, 0860 378 999: groups after a space are short) or a word (letters and digits).
_TOKEN_RE = re.compile(rf"{_SEP}|{_LINK}|\d[\d.,\-]*(?: \d{{2,4}}(?!\d))*(?![^\W_])|[^\W_]+")
_NON_DIGIT_RE = re.compile(r"\D+")


def _between_letters(match: re.Match[str]) -> str:
    return LEET.get(match.group(), "")


_LEET_DIGITS = {k: v for k, v in LEET.items() if k.isdigit()}
_EDGE_LEET_TABLE = str.maketrans(_LEET_DIGITS)
_LEET_DIGIT_CLASS = "[" + "".join(_LEET_DIGITS) + "]"
_EDGE_LEET_RE = re.compile(rf"{_LEET_DIGIT_CLASS}+[a-z]+{_LEET_DIGIT_CLASS}*|[a-z]+{_LEET_DIGIT_CLASS}+")


def _edge_leet(token: str) -> str | None:
    """A word with leet digits at its edges (``7ra``, ``da7``), read as the Vietnamese syllable
    it spells; None for anything else (``4g``, ``5k``, ``10h`` and codes spell no syllable)."""
    if not _EDGE_LEET_RE.fullmatch(token):
        return None
    word = token.translate(_EDGE_LEET_TABLE)
    return word if is_syllable(word) else None


def _spelled(match: re.Match[str]) -> str:
    pieces = segment(_NOT_LETTER_RE.sub("", match.group()))
    if pieces is None or min(map(len, pieces)) < 2:
        return match.group()
    return " ".join(pieces)


def unique_texts(texts: Sequence[str]) -> tuple[list[str], npt.NDArray[np.int64]]:
    """The distinct texts in first-seen order, and for each text the index of its copy among them."""
    first: dict[str, int] = {}
    inverse = np.fromiter((first.setdefault(t, len(first)) for t in texts), dtype=np.int64, count=len(texts))
    return list(first), inverse


def canonical_block(texts: Sequence[str]) -> tuple[str, list[str]]:
    """The canonical form of all ``texts`` joined by a boundary marker, with every link replaced
    by a marker, and the links in order (folded, untouched by de-obfuscation)."""
    big = _JOIN.join(texts)
    if big.count(_SEP) != max(len(texts) - 1, 0) or _LINK in big:
        big = _JOIN.join(t.replace(_SEP, " ").replace(_LINK, " ") for t in texts)
    if not big.isascii():
        big = unicodedata.normalize("NFC", big).translate(_TABLE)
    big = big.lower()
    links: list[str] = []
    spans = protected_spans(big)
    if "@" in big:  # Telegram/Zalo handles are contacts like links: @cskh_da7, @support.jbc
        spans = sorted({*spans, *(m.span() for m in _HANDLE_RE.finditer(big))})
        spans = [span for i, span in enumerate(spans) if i == 0 or span[0] >= spans[i - 1][1]]
    if spans:
        parts: list[str] = []
        end = 0
        for start, stop in spans:
            parts += (big[end:start], f" {_LINK} ")
            links.append(big[start:stop])
            end = stop
        parts.append(big[end:])
        big = "".join(parts)
    big = _BETWEEN_LETTERS_RE.sub(_between_letters, big)
    big = _REPEAT_RE.sub(r"\1", big)
    big = _SPELLED_RE.sub(_spelled, big)
    return big, links


def _host(url: str) -> str:
    if "@" in url and "/" not in url:
        return url
    rest = url.split("//", 1)[-1]
    for sep in "/?#":
        rest = rest.split(sep, 1)[0]
    return rest.removeprefix("www.")


def _is_amount(value: str | None) -> bool:
    return value is not None and value.endswith("000") and not value.startswith("0")


def _number_value(token: str) -> str | None:
    digits = _NON_DIGIT_RE.sub("", token)
    if len(digits) < 3:
        return None
    return "0" + digits[2:] if len(digits) == 11 and digits.startswith("84") else digits


MAX_SHINGLED_VALUES = 3
KIND_WORD, KIND_NUMBER, KIND_LINK, KIND_BOUNDARY = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class TokenStream:
    """The tokens of a batch: ``ids`` index ``vocabulary`` (boundaries included), and per distinct
    token its kind, the words it shingles as (``_n``, ``_url``, the word, or the expansion of a
    teencode word such as ``stk``) and the value it hides (digits of a number) or None;
    ``links`` are the cut-out links in order (their host is their value)."""

    ids: npt.NDArray[np.int64]
    vocabulary: list[str]
    kinds: npt.NDArray[np.int8]
    words: list[tuple[str, ...]]
    values: list[str | None]
    links: list[str]
    documents: int


def token_stream(texts: Sequence[str]) -> TokenStream:
    """Tokenise a batch (see the module docstring)."""
    big, links = canonical_block(texts)
    tokens = _TOKEN_RE.findall(big)
    # dictionary encoding in Arrow's C++: twice as fast as a dict in a Python loop
    encoded = pc.dictionary_encode(pa.array(tokens, pa.string()))
    ids = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    names: list[str] = encoded.dictionary.to_pylist()
    kinds = np.empty(len(names), dtype=np.int8)
    words: list[tuple[str, ...]] = []
    values: list[str | None] = []
    word: tuple[str, ...]
    value: str | None
    for i, token in enumerate(names):
        if token == _SEP:
            kinds[i], word, value = KIND_BOUNDARY, (), None
        elif token == _LINK:
            kinds[i], word, value = KIND_LINK, (URL_TOKEN,), None
        elif token.isalpha():
            expansion = TEENCODE.get(token)
            kinds[i], word, value = KIND_WORD, (token,) if expansion is None else tuple(expansion.split()), None
        elif (read := _edge_leet(token)) is not None:
            kinds[i], word, value = KIND_WORD, (read,), None
        else:
            kinds[i], word, value = KIND_NUMBER, (NUMBER_TOKEN,), _number_value(token)
        words.append(word)
        values.append(value)
    return TokenStream(ids, names, kinds, words, values, links, len(texts))


def _hash32(strings: Sequence[str]) -> npt.NDArray[np.uint64]:
    return np.fromiter((zlib.crc32(s.encode()) for s in strings), dtype=np.uint64, count=len(strings))


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX = np.uint64(0xBF58476D1CE4E5B9)
_VALUE_SPACE = np.uint64(1 << 48)  # value shingles live above every 32-bit word hash


@dataclass(frozen=True, slots=True)
class HashedDocuments:
    """Per document: its word hashes (masked tokens, number runs collapsed) followed by its value
    hashes, each repeated ``value_weight`` times with a distinct salt; ``exact`` digests both.
    ``value_sketch`` holds the smallest :data:`VALUE_SKETCH` distinct value hashes of each
    document (``NO_VALUE`` pads), so two documents can be asked whether they share a value."""

    exact: npt.NDArray[np.int64]
    flat: npt.NDArray[np.uint64]
    lengths: npt.NDArray[np.int64]
    word_counts: npt.NDArray[np.int64]
    value_sketch: npt.NDArray[np.uint32]


def hash_documents(stream: TokenStream, value_weight: int) -> HashedDocuments:
    n = stream.documents
    kinds = stream.kinds[stream.ids]
    doc = np.cumsum(kinds == KIND_BOUNDARY)
    is_number = kinds == KIND_NUMBER
    repeated_number = np.zeros(len(kinds), dtype=bool)
    repeated_number[1:] = is_number[1:] & is_number[:-1]  # a list of numbers is one slot
    kept = stream.ids[(kinds != KIND_BOUNDARY) & ~repeated_number]
    # a token is one word or more (teencode expansions): the vocabulary's words as CSR arrays
    per_token = np.fromiter((len(w) for w in stream.words), dtype=np.int64, count=len(stream.words))
    vocabulary_first = np.zeros(len(per_token), dtype=np.int64)
    np.cumsum(per_token[:-1], out=vocabulary_first[1:])
    word_hash = _hash32([w for ws in stream.words for w in ws])
    counts = per_token[kept]
    expanded_first = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=expanded_first[1:])
    position = np.repeat(vocabulary_first[kept] - expanded_first, counts) + np.arange(int(counts.sum()))
    words = word_hash[position]
    word_doc = np.repeat(doc[(kinds != KIND_BOUNDARY) & ~repeated_number], counts)

    # values: numbers with ≥ 3 digits (per distinct token), and link hosts (per link)
    has_value = np.fromiter((v is not None for v in stream.values), dtype=bool, count=len(stream.values))
    value_hash = _hash32([v or "" for v in stream.values])
    number_rows = np.flatnonzero(has_value[stream.ids])
    link_rows = np.flatnonzero(kinds == KIND_LINK)
    host_of: dict[str, int] = {}
    link_host = np.fromiter(
        (host_of.setdefault(_host(u), len(host_of)) for u in stream.links), dtype=np.int64, count=len(stream.links)
    )
    host_hash = _hash32(list(host_of))[link_host] if len(link_host) else np.zeros(0, dtype=np.uint64)
    if len(link_rows) != len(host_hash):
        raise AssertionError(f"{len(link_rows)} link markers but {len(host_hash)} links")
    value_rows = np.concatenate([number_rows, link_rows])
    order = np.argsort(value_rows, kind="stable")
    raw_values = np.concatenate([value_hash[stream.ids[number_rows]], host_hash])[order]
    value_doc = doc[value_rows[order]]
    # amounts (150.000, 2,000,000 — no leading 0, ending in 000) are shingled but do not tell runs
    # apart: two runs of a template may promise the same sum, two OTP notices quote the same price
    is_amount = np.fromiter((_is_amount(v) for v in stream.values), dtype=bool, count=len(stream.values))
    identifying = np.concatenate([~is_amount[stream.ids[number_rows]], np.ones(len(link_rows), dtype=bool)])[order]
    sketch = value_sketch(raw_values[identifying], value_doc[identifying], n)
    salts = np.arange(value_weight, dtype=np.uint64)
    # a list of numbers for sale (or of SIMs) would outweigh the words: values are shingled only
    # in documents with at most MAX_SHINGLED_VALUES of them
    few = np.bincount(value_doc, minlength=n)[value_doc] <= MAX_SHINGLED_VALUES
    raw_values, value_doc = raw_values[few], value_doc[few]
    values = ((np.repeat(raw_values, value_weight) << np.uint64(8)) | np.tile(salts, len(raw_values))) + _VALUE_SPACE
    value_doc = np.repeat(value_doc, value_weight)

    word_counts = np.bincount(word_doc, minlength=n).astype(np.int64)
    value_counts = np.bincount(value_doc, minlength=n).astype(np.int64)
    lengths = word_counts + value_counts
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    flat = np.empty(int(lengths.sum()), dtype=np.uint64)
    word_first = np.zeros(n, dtype=np.int64)
    np.cumsum(word_counts[:-1], out=word_first[1:])
    flat[starts[word_doc] + np.arange(len(words)) - word_first[word_doc]] = words
    value_first = np.zeros(n, dtype=np.int64)
    np.cumsum(value_counts[:-1], out=value_first[1:])
    flat[starts[value_doc] + word_counts[value_doc] + np.arange(len(values)) - value_first[value_doc]] = values

    # exact: an order-dependent digest of the document's hashes
    offset_in_doc = np.arange(len(flat), dtype=np.uint64) - np.repeat(starts, lengths).astype(np.uint64)
    mixed = (flat ^ (offset_in_doc * _GOLDEN)) * _MIX
    mixed ^= mixed >> np.uint64(31)
    exact = np.zeros(n, dtype=np.uint64)
    nonempty = lengths > 0
    if len(flat):
        exact[nonempty] = np.add.reduceat(mixed, starts[nonempty])
    exact = (exact + lengths.astype(np.uint64) * _GOLDEN) * _MIX
    return HashedDocuments(exact.view(np.int64), flat, lengths, word_counts, sketch)


VALUE_SKETCH = 8
NO_VALUE = np.uint32(0xFFFFFFFF)


def value_sketch(hashes: npt.NDArray[np.uint64], doc: npt.NDArray[np.int64], n: int) -> npt.NDArray[np.uint32]:
    """The smallest :data:`VALUE_SKETCH` distinct 32-bit value hashes of each document."""
    out = np.full((n, VALUE_SKETCH), NO_VALUE, dtype=np.uint32)
    if len(hashes) == 0:
        return out
    small = hashes.astype(np.uint32)
    order = np.lexsort((small, doc))
    small, doc = small[order], doc[order]
    fresh = np.ones(len(small), dtype=bool)
    fresh[1:] = (small[1:] != small[:-1]) | (doc[1:] != doc[:-1])
    small, doc = small[fresh], doc[fresh]
    first = np.searchsorted(doc, doc, side="left")
    rank = np.arange(len(doc)) - first
    keep = rank < VALUE_SKETCH
    out[doc[keep], rank[keep]] = small[keep]
    return out
