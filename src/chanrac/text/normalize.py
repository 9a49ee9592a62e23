"""Normalisation of one SMS into the forms detection works on, and the tricks it undid.

``normalize(text)`` returns a :class:`NormalizedText` with four views of the message:

``original``  as given;
``clean``     NFC, invisible and control characters removed, fullwidth/mathematical letters and
              Cyrillic/Greek look-alikes mapped to Latin, punctuation injected inside words
              removed (:mod:`chanrac.text.punctuation`), whitespace collapsed, and the tricks
              that need the letters' case undone: syllables run together in capitalised pieces
              split (``GuiTang`` → ``Gui Tang``), a small l for a capital I (``TRAlNGHlEM``) and
              a capital O for a zero (``1OO%``) read — diacritics and case kept (what a human
              would read);
``folded``    ``clean`` lower-cased without diacritics (``đ`` → ``d``);
``canonical`` ``folded`` de-obfuscated: letters split by dots, dashes, spaces or emoji joined
              (``c.a c.u.o.c`` → ``ca cuoc``, ``n h a c a i`` → ``nha cai``), digits and symbols
              inside words read as letters (``v4y t1en`` → ``vay tien``), letter runs squeezed
              (``vaaaay`` → ``vay``), Telex and VNI keystrokes read back (``nhaf caif``,
              ``nha2 ca1i`` → ``nha cai``: :mod:`chanrac.text.telex`, :mod:`chanrac.text.vni`)
              and teencode expanded (``ko`` → ``khong``). URLs and e-mail
              addresses are never rewritten; numbers, amounts and OTP codes are untouched because
              every rewrite needs letters around it.

Everything is precomputed translate tables and compiled regular expressions with cheap guards,
so typical messages cost a few microseconds (see ``bench/text_normalize.py``).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass

from chanrac.text.domains import BRANDS, spaced_links
from chanrac.text.fold import VIETNAMESE_LETTERS, fold, fold_nfc
from chanrac.text.homoglyphs import (
    COMPATIBILITY_TABLE,
    CONFUSABLE_CLASS,
    CONFUSABLE_TABLE,
    CONFUSABLES,
    INVISIBLE_CHARS,
    INVISIBLE_TABLE,
    LATIN_LOOKALIKES,
    char_class,
)
from chanrac.text.patterns import EMOJI_CLASS, protected_spans
from chanrac.text.punctuation import undo_injected_punctuation
from chanrac.text.syllables import LOANWORDS, is_syllable, segment
from chanrac.text.teencode import ENGLISH_AMBIGUOUS, ENGLISH_WORDS, TEENCODE, looks_english
from chanrac.text.telex import read_telex
from chanrac.text.vni import read_vni

__all__ = ["LEET", "LEET_CLASS", "OBFUSCATION_NAMES", "NormalizedText", "canonicalize", "normalize"]

#: Every name that can appear in :attr:`NormalizedText.obfuscation`.
OBFUSCATION_NAMES: tuple[str, ...] = (
    "zero_width",  # invisible characters inside words
    "homoglyph",  # Cyrillic/Greek look-alikes or fullwidth/mathematical letters
    "foreign_diacritics",  # Latin letters with marks Vietnamese does not use: "Bäng Cäp3"
    "split_letters",  # c.a c.u.o.c, n h a c a i
    "emoji_separators",  # 🔥n🔥h🔥a🔥
    "injected_punctuation",  # N'ha'nL,jen:Qu.a
    "leet",  # v4y t1en, g@me
    "repeat_letters",  # vaaaay
    "teencode",  # ko, dc, ck, stk
    "telex",  # nhaf caif: Telex keystrokes left in the text
    "vni",  # nha2 ca1i: VNI keystrokes left in the text
    "spaced_link",  # t . m e / a b c, bit . ly / x: a link written with spaces
    "joined_words",  # GuiTang QuaLiXj: syllables run together, each capitalised
)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The views of one message; see the module docstring."""

    original: str
    clean: str
    folded: str
    canonical: str
    obfuscation: tuple[str, ...]


# --- clean -------------------------------------------------------------------------------------

_ASCII_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_INVISIBLE_CLASS = char_class(
    [
        *map(ord, INVISIBLE_CHARS),
        *range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0),
        *range(0xFE00, 0xFE0F), *range(0xE0000, 0xE0080),
    ]
)  # fmt: skip
_INVISIBLE_RE = re.compile(_INVISIBLE_CLASS)
# Invisible characters are only a trick when they sit inside a word; ZWJ inside emoji sequences
# (👨‍👩‍👧) is ordinary.
_INVISIBLE_IN_WORD_RE = re.compile(rf"\w{_INVISIBLE_CLASS}+\w")

_COMPAT_LETTER_CODES = [code for code, mapped in COMPATIBILITY_TABLE.items() if code >= 0x80 and mapped.isalpha()]
# Coarse blocks: a hit only means "translate", the letter class below decides the flag.
_COMPAT_RE = re.compile(
    "[\u00aa\u00b2\u00b3\u00b9\u00ba\u1d2c-\u1d6a\u2070-\u209f\u2100-\u214f\u2460-\u24ff\u3000"
    "\uff00-\uff5e\U0001d400-\U0001d7ff\U0001f100-\U0001f189]"
)
_COMPAT_LETTER_RE = re.compile(char_class(c for c in _COMPAT_LETTER_CODES if c not in (0xAA, 0xBA)))

_CONFUSABLE_RE = re.compile(CONFUSABLE_CLASS)
_LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Small capitals and IPA letters are Latin: a word holding one is mapped like a mixed-script word.
_LATIN_LOOKALIKE_RE = re.compile(char_class(map(ord, LATIN_LOOKALIKES)))
# Greek, Cyrillic and Armenian letters that do not pass for Latin ones.
_GENUINE_OTHER_SCRIPT_RE = re.compile(
    char_class(
        code
        for code in (*range(0x0370, 0x0400), *range(0x0400, 0x0530), *range(0x0530, 0x0590))
        if chr(code).isalpha() and chr(code) not in CONFUSABLES
    )
)
# For look-alike mapping a "word" also spans combining marks ("t\u0301а"), leet symbols
# ("v@у") and the separators of split letters ("n.h.а.n.h").
_W = r"[\w\u0300-\u036f@$.\-*·•~+]"
_LATIN = r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]"
_WORD_SPLIT_RE = re.compile(rf"({_W}+)")
# "t r о n g": one word written letter by letter, one of them a look-alike.
_SPACED_LETTERS_RE = re.compile(
    rf"(?<![^\W_])(?:{_LATIN}|{CONFUSABLE_CLASS})(?: (?:{_LATIN}|{CONFUSABLE_CLASS})(?![^\W_])){{2,}}"
)

_FOREIGN_MARKED_RE = re.compile(
    char_class(
        code
        for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00))
        if chr(code).isalpha()
        and chr(code) not in VIETNAMESE_LETTERS
        and (len(unicodedata.normalize("NFD", chr(code))) > 1 or chr(code) in "øØ")
        and unicodedata.normalize("NFD", chr(code))[0].isascii()
    )
)


# Everything ordinary Vietnamese or English SMS is made of; anything else sends the message
# through the invisible/compatibility/look-alike checks.
_UNUSUAL_RE = re.compile(
    "[^\t\n\r\x20-\x7e"
    + "".join(sorted(VIETNAMESE_LETTERS))
    + "\u00a0-\u00a9\u00ab\u00ac\u00ae-\u00b1\u00b4-\u00b8\u00bb-\u00bf\u2010-\u2027\u2030-\u205e\u20ab\u20ac]"
)


def _collapse_whitespace(text: str) -> str:
    """Whitespace runs as one space, no space at the ends, for text whose only whitespace
    characters are ASCII ones and NBSP (a few substring tests are cheaper than split + join)."""
    if (
        "  " in text
        or "\n" in text
        or "\t" in text
        or "\r" in text
        or "\xa0" in text
        or "\x0b" in text
        or "\x0c" in text
        or text.startswith(" ")
        or text.endswith(" ")
    ):
        return " ".join(text.split())
    return text


def _clean(text: str, tricks: list[str]) -> str:
    if text.isascii():
        if _ASCII_CONTROL_RE.search(text) is None:
            return _collapse_whitespace(text)
        if _INVISIBLE_IN_WORD_RE.search(text):
            tricks.append("zero_width")
        return " ".join(text.translate(INVISIBLE_TABLE).split())
    text = unicodedata.normalize("NFC", text)
    if _UNUSUAL_RE.search(text) is None:
        return _collapse_whitespace(text)
    if _INVISIBLE_RE.search(text):
        if _INVISIBLE_IN_WORD_RE.search(text):
            tricks.append("zero_width")
        text = text.translate(INVISIBLE_TABLE)
    homoglyph = False
    if _COMPAT_RE.search(text):
        homoglyph = _COMPAT_LETTER_RE.search(text) is not None
        text = text.translate(COMPATIBILITY_TABLE)
    if _CONFUSABLE_RE.search(text):
        mapped = _map_confusables(text)
        if mapped != text:
            homoglyph = True
            text = unicodedata.normalize("NFC", mapped)
    if homoglyph:
        tricks.append("homoglyph")
    if _FOREIGN_MARKED_RE.search(text):
        tricks.append("foreign_diacritics")
    return " ".join(text.split())


def _map_confusables(text: str) -> str:
    """Map look-alikes inside mixed-script words (``vаy`` with a Cyrillic а), and words of two
    letters or more made only of look-alikes (``тіеп``) when every non-Latin letter of the
    message is a look-alike. Genuine Cyrillic or Greek text (which has letters such as ``д``,
    ``л`` or ``λ``) and single letters such as ``α`` are left alone."""
    whole_words = _LATIN_LETTER_RE.search(text) is not None and not _GENUINE_OTHER_SCRIPT_RE.search(text)
    parts = _WORD_SPLIT_RE.split(text)  # words at odd indexes
    for i in range(1, len(parts), 2):
        word = parts[i]
        if _CONFUSABLE_RE.search(word) and (
            _LATIN_LETTER_RE.search(word) or _LATIN_LOOKALIKE_RE.search(word) or (whole_words and len(word) >= 2)
        ):
            parts[i] = word.translate(CONFUSABLE_TABLE)
    return _SPACED_LETTERS_RE.sub(_map_spaced_letters, "".join(parts))


def _map_spaced_letters(match: re.Match[str]) -> str:
    run = match.group()
    latin = _LATIN_LETTER_RE.search(run) or _LATIN_LOOKALIKE_RE.search(run)
    return run.translate(CONFUSABLE_TABLE) if latin else run


# --- letter case ---------------------------------------------------------------------------------

_UPPER_CLASS = char_class(ord(c) for c in VIETNAMESE_LETTERS if c.isupper())
_LOWER_CLASS = char_class(ord(c) for c in VIETNAMESE_LETTERS if c.islower())
# "GuiTang QuaLiXj DacBjet": syllables run together, each capitalised, so that no keyword has its
# space. A word wholly made of two or more capitalised pieces, not part of a link, an address or
# a handle.
_CAMEL_HINT_RE = re.compile(f"{_LOWER_CLASS}{_UPPER_CLASS}{_LOWER_CLASS}")
_CAMEL_WORD_RE = re.compile(rf"(?<![\w@#./\\-])(?:{_UPPER_CLASS}{_LOWER_CLASS}+){{2,}}(?![\w@/\\-]|\.\w)")
_CAMEL_PIECE_RE = re.compile(f"{_UPPER_CLASS}{_LOWER_CLASS}+")
_ASCII_WORD_RE = re.compile(r"[a-z']+")
# Brand names written so (MoMo, VinaPhone) stay one word: notices and rules know them so.
_BRAND_WORDS = frozenset(t for b in BRANDS for t in (*b.tokens, b.compact_name))
# "TRAlNGHlEM", "KVVlN": a lower-case l for a capital I in a word otherwise in capitals.
# Hints start on their rare literal, so that the regex engine skips ahead to it (5-8x faster).
_CAPS_L_HINT_RE = re.compile(f"l(?:(?<={_UPPER_CLASS}l)|(?={_UPPER_CLASS}))")
_CAPS_L_WORD_RE = re.compile(rf"(?<!\w)(?=(?:l*{_UPPER_CLASS}){{2}})(?:{_UPPER_CLASS}|l)*l(?:{_UPPER_CLASS}|l)*(?!\w)")
# "1OO%", "5OOk", "O943.772.993": capital O for a zero in a number or an amount.
_O_FOR_ZERO_RE = re.compile(r"(?<![\w.,])(?:\d[\d.,]*O|O(?=\d{3}))[\dO.,]*(?=(?:k|K|tr|TR|d|đ|%)?(?!\w))")
_O_FOR_ZERO_HINT_RE = re.compile(r"O(?:(?<=\dO)|(?=\d))")


def _read_camel_word(match: re.Match[str]) -> str:
    word = match.group()
    if fold(word) in _BRAND_WORDS:
        return word
    pieces = _CAMEL_PIECE_RE.findall(word)
    for piece in pieces:
        folded = fold(piece)
        if not (is_syllable(folded) or ("j" in folded and is_syllable(folded.replace("j", "i")))):
            return word
    return " ".join(pieces)


def _zero_for_o(match: re.Match[str]) -> str:
    return match.group().replace("O", "0")


def _undo_letter_case(clean: str, tricks: list[str]) -> str:
    """Undo the tricks that need the letters' case, so before folding: syllables run together in
    capitalised pieces (``GuiTang`` → ``Gui Tang``), a small l for a capital I
    (``TRAlNGHlEM`` → ``TRAINGHIEM``) and a capital O for a zero (``1OO%`` → ``100%``)."""
    if _CAMEL_HINT_RE.search(clean):
        split = _CAMEL_WORD_RE.sub(_read_camel_word, clean)
        # English has its own capitalised pairs (XoXo, TaKe CaRE) whose halves pass for syllables;
        # two English words tell it (looks_english's syllable share would also count the other
        # tricks' leftovers in a heavily obfuscated message).
        if split != clean and len(ENGLISH_WORDS.intersection(_ASCII_WORD_RE.findall(fold(split)))) < 2:
            tricks.append("joined_words")
            clean = split
    if _CAPS_L_HINT_RE.search(clean):
        read = _CAPS_L_WORD_RE.sub(lambda m: m.group().replace("l", "I"), clean)
        if read != clean:
            tricks.append("homoglyph")
            clean = read
    if _O_FOR_ZERO_HINT_RE.search(clean) and (read := _O_FOR_ZERO_RE.sub(_zero_for_o, clean)) != clean:
        tricks.append("leet")
        clean = read
    return clean


# --- canonical ---------------------------------------------------------------------------------

_SEPARATOR = r"[.\-_*·•~+]"
_EMOJI_RE = re.compile(EMOJI_CLASS)
# A run of single letters separated by punctuation, emoji or single spaces: c.a c.u.o.c,
# n h a c a i, n🔥h🔥a. Letters glued to a word on either side are not a split word.
# "_" is a word character for the regex engine but a separator here, hence [^\W_].
_SPLIT_RE = re.compile(
    rf"(?<![^\W_])(?<![@$/])[a-z](?:(?:(?:{_SEPARATOR}|{EMOJI_CLASS})+| )[a-z](?![^\W_]|\$))+(?![^\W_]|[@$])"
)
# Cheap pre-checks run on " " + chunk: a separator, one letter, a separator, one letter.
_SPLIT_HINT_RE = re.compile(r"[ .\-_*·•~+][a-z][ .\-_*·•~+][a-z](?![a-z0-9])")
_EMOJI_SPLIT_HINT_RE = re.compile(rf"[a-z]{EMOJI_CLASS}+[a-z]")
_NON_LETTERS_RE = re.compile(r"[^a-z]+")
_EMOJI_BETWEEN_LETTERS_RE = re.compile(rf"(?<=[a-z]){EMOJI_CLASS}+(?=[a-z])")
_EMOJI_TOUCHING_LETTER_RE = re.compile(rf"(?<=[a-z]){EMOJI_CLASS}+|{EMOJI_CLASS}+(?=[a-z])")

#: Digits and symbols spammers write for letters, and the letter each stands for.
LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
LEET_CLASS = "[" + re.escape("".join(LEET)) + "]"
_CONSONANT_LEET = frozenset(k for k, v in LEET.items() if v not in "aeiou")
_VOWELS = frozenset("aeiouy")
# "[a-z]{LEET_CLASS}[a-z]", starting at the rarer leet character (the letter before it is a
# look-behind) so that the regex engine skips ahead to it: twice as fast, same answer.
_LEET_HINT_RE = re.compile(rf"{LEET_CLASS}(?<=[a-z]{LEET_CLASS})[a-z]")
_LEET_WORD_RE = re.compile(rf"(?<![\w@$])[a-z](?:[a-z0-9@$]*[a-z])?{LEET_CLASS}[a-z][a-z0-9@$]*")

_REPEAT_RE = re.compile(r"([a-z])\1{2,}")
_FIRST_GROUP = operator.itemgetter(1)  # a C-level replacement, faster than the template r"\1"
_REPEAT_HINT_RE = re.compile(r"([a-z])\1\1")  # twice as fast to search as the pattern above
_FINAL_J_RE = re.compile(r"(?<=[aeouy])j\b")
# Teencode writes i as j inside a syllable too (tjen, mjnh, nhjeu; lj xj, mj); Vietnamese has no j, so a
# word whose j read as i is a syllable, and was not one before, is read so.
_INNER_J_RE = re.compile(r"\b[a-z]*[bcdghklmnpqrstvx]j[a-z]*\b")

# Teencode is expanded token by token (a dict lookup per word beats a 40-way regex
# alternation); a key may carry the punctuation that ends a clause or wraps a word.
_TRAILING = ("", ",", ".", "!", "?", ";", ":", ")", "...", '"', "'")
_LEADING = ("", "(", '"', "'")
_TEENCODE_TOKENS: dict[str, tuple[str, str]] = {
    f"{lead}{key}{trail}": (key, f"{lead}{TEENCODE[key]}{trail}")
    for key in TEENCODE
    for lead in _LEADING
    for trail in _TRAILING
}
_TEENCODE_TOKEN_SET = frozenset(_TEENCODE_TOKENS)
# Tokens whose reading depends on the neighbours: "5 k" is five thousand; "a" closing a sentence
# is the particle ạ/à, only "a" followed by a word is anh; a one-letter key inside a run of
# single letters ("mr j d o e") is spelling, not teencode.
_CONTEXT_TOKENS = frozenset(t for t, (key, _) in _TEENCODE_TOKENS.items() if len(key) == 1)
_AMBIGUOUS_TOKENS = frozenset(t for t, (key, _) in _TEENCODE_TOKENS.items() if key in ENGLISH_AMBIGUOUS)
_NUMBER_RE = re.compile(r"\d[\d.,]*")
_PUNCTUATION = ".,!?;:()\"'"


def _single_letter(token: str) -> bool:
    stripped = token.strip(_PUNCTUATION)
    return len(stripped) == 1 and stripped.isalpha()


def _in_spelled_run(tokens: list[str], i: int) -> bool:
    """Whether the one-letter token ``i`` is in a run of three or more single letters."""

    def single(j: int) -> bool:
        return 0 <= j < len(tokens) and _single_letter(tokens[j])

    return (single(i - 1) and (single(i - 2) or single(i + 1))) or (single(i + 1) and single(i + 2))


def _expand_teencode(chunk: str) -> str | None:
    """The chunk with teencode expanded, or None when it has none. English is left alone ("k" is
    okay, "r" is are); it is judged on the chunk already de-obfuscated, so that normalising the
    canonical text again decides the same."""
    tokens = chunk.split(" ")
    hits = _TEENCODE_TOKEN_SET.intersection(tokens)
    if not hits or (not hits.isdisjoint(_AMBIGUOUS_TOKENS) and looks_english(tokens)):
        return None
    plain = {t: _TEENCODE_TOKENS[t][1] for t in hits - _CONTEXT_TOKENS}
    out = [plain.get(t, t) for t in tokens] if plain else tokens[:]
    changed = bool(plain)
    if not hits.isdisjoint(_CONTEXT_TOKENS):
        last = len(tokens) - 1
        for i, token in enumerate(tokens):
            if token not in hits or token not in _CONTEXT_TOKENS or _in_spelled_run(tokens, i):
                continue
            key = _TEENCODE_TOKENS[token][0]
            if key == "k" and i > 0 and _NUMBER_RE.fullmatch(tokens[i - 1]):
                continue
            if key == "a" and (token != "a" or i == last or not tokens[i + 1][:1].isalpha()):
                continue
            out[i] = _TEENCODE_TOKENS[token][1]
            changed = True
    return " ".join(out) if changed else None


def _join_spaced(letters: list[str]) -> list[str] | None:
    """Single letters separated by spaces: one keyword written letter by letter, re-segmented
    into syllables (``n h a c a i`` → ``nha cai``). None when they are not such a keyword."""
    if len(letters) < 3:
        return None
    pieces = segment("".join(letters))
    # One-letter pieces would make "a b y" into "a by": a keyword has no one-letter syllable.
    if pieces is None or len(pieces) >= len(letters) or min(map(len, pieces)) < 2:
        return None
    return pieces


def _split_letters(match: re.Match[str], used: list[str]) -> str:
    out: list[str] = []
    spaced: list[str] = []
    found: set[str] = set()

    def flush() -> None:
        pieces = _join_spaced(spaced)
        if pieces is not None:
            found.add("split_letters")
        out.extend(spaced if pieces is None else pieces)
        spaced.clear()

    for word in match.group().split(" "):
        if len(word) == 1:
            spaced.append(word)
            continue
        flush()
        letters = _NON_LETTERS_RE.sub("", word)
        if letters in LOANWORDS or is_syllable(letters):
            out.append(letters)
        else:
            pieces = segment(letters)
            if pieces is None or min(map(len, pieces)) < 2:
                out.append(word)
                continue
            out.extend(pieces)
        found.add("emoji_separators" if _EMOJI_RE.search(word) else "split_letters")
    flush()
    if not found:
        return match.group()
    used.extend(sorted(found))
    return " ".join(out)


def _read_leet(match: re.Match[str]) -> str:
    word = match.group()
    digits = sum(map(str.isdigit, word))
    letters = sum(map(str.isalpha, word))
    if digits * 2 > letters:  # a code such as a7b9c2, not a word
        return word
    chars = list(word)
    for i in range(1, len(chars) - 1):
        before, char, after = word[i - 1], chars[i], word[i + 1]
        if char in LEET and before.isalpha() and after.isalpha():
            # A digit read as a consonant needs a vowel beside it: in package and booking codes
            # (ST5K, P8LUAU) it sits between consonants.
            if char in _CONSONANT_LEET and before not in _VOWELS and after not in _VOWELS:
                continue
            chars[i] = LEET[char]
    read = "".join(chars)
    # A digit left unread (2, 6, 9, a digit at the edge or between consonants) marks a code:
    # order and tracking numbers such as GHN8K2P4QX mix digits into letters, leet replaces them all.
    return word if any(map(str.isdigit, read)) else read


def _deobfuscate(chunk: str, tricks: list[str]) -> str:
    # Leet, repeats, split letters and Telex can each reveal another ("a0❤a❤t" → "a0at" →
    # "aoat"; "x.os.c" → "x.o.c" → "xoc"), so they run to a fixed point (one round for ordinary
    # text), then teencode on the words. Telex comes before teencode's j: in "napj" the j is a
    # tone key, not an i.
    if (vni := read_vni(chunk, LEET)) is not None:  # before leetspeak, which reads digits too
        tricks.append("vni")
        chunk = vni
    telex_read = False
    for _ in range(_MAX_ROUNDS):
        before = chunk
        chunk = _letters_round(chunk, tricks)
        if not telex_read and (telex := read_telex(chunk)) is not None:
            tricks.append("telex")
            chunk, telex_read = telex, True
        # Teen spelling can reveal split letters too ("a.o0" -> "a.o"), so it is in the rounds.
        if _TEEN_SPELLING_HINT_RE.search(chunk) and (spelled := _read_teen_spelling(chunk)) is not None:
            tricks.append("teencode")
            chunk = spelled
        if chunk == before:
            break
    if "j" in chunk:
        chunk = _INNER_J_RE.sub(_read_inner_j, _FINAL_J_RE.sub("i", chunk))
    expanded = _expand_teencode(chunk)
    if expanded is not None:
        tricks.append("teencode")
        chunk = expanded
    return chunk


# Teen spelling of a syllable (ck0 cho, tkoai thoại, nka nhà, jiup giúp, c0 có, the0 theo,
# goii gọi, xongg xong, mmuon muốn): k for h after c, t, n at the start of a word (no English
# word starts so), j for gi at the start, a final 0 for o, a letter doubled at the end of a word
# of four letters or more or at its start. Other doubles and f for ph are left alone: English
# has meet, soon, fan and fun, which read as syllables too. Doubled letters are everywhere
# (English, codes: a third of messages have one), so the reading runs only where one of the other
# spellings is (one message in sixteen), found by searches that start on their rare letter.
_TEEN_SPELLING_HINT_RE = re.compile(r"k(?<=[ctn]k)(?<![a-z0-9][ctn]k)|j(?<![a-z0-9]j)|0(?<=[a-z]0)(?![a-z0-9])")
_TEEN_WORD_RE = re.compile(r"\b(?:[ctn]k[a-z0]+|j[a-z]+|([a-z])\1[a-z]+|[a-z]+0|[a-z]{2,}([a-z])\2)\b")
_DOUBLED_AT_END_RE = re.compile(r"(?<=[a-z]{2})([a-z])\1+$")
_DOUBLED_AT_START_RE = re.compile(r"^([a-z])\1+")
# Words that stay as written: loanwords (link, check-in), teencode keys (its own step), English.
_KNOWN_WORDS = LOANWORDS | frozenset(TEENCODE) | ENGLISH_WORDS


def _read_teen_word(word: str) -> tuple[str, bool]:
    """The syllable (or loanword) a teen-spelled word spells, or the word itself; and whether
    the spelling is one no other writing has (a k for h at the start, a final 0)."""
    if word in _KNOWN_WORDS or is_syllable(word):
        return word, False
    strong = word[-1] == "0" or (word[1:2] == "k" and word[0] in "ctn")
    read = word[:-1] + "o" if word[-1] == "0" else word
    read = _DOUBLED_AT_START_RE.sub(_FIRST_GROUP, _DOUBLED_AT_END_RE.sub(_FIRST_GROUP, read))
    if read[1:2] == "k" and read[0] in "ctn":
        read = read[0] + "h" + read[2:]
    elif read[0] == "j":
        read = ("g" if read[1:2] == "i" else "gi") + read[1:]
    if read != word and (is_syllable(read) or read in LOANWORDS):
        return read, strong
    return word, False


def _read_teen_spelling(chunk: str) -> str | None:
    """The chunk with its teen-spelled words read as the syllables they spell, or None when it
    has none, reads as English, or has only one word read by a rule English could also explain
    (j for gi, a doubled letter: "Jan", "tree")."""
    readings: dict[str, str] = {}
    strong = 0
    for match in _TEEN_WORD_RE.finditer(chunk):
        word = match.group()
        read, certain = _read_teen_word(word)
        if read != word:
            readings[word] = read
            strong += certain
    if not readings or (not strong and len(readings) < 2):
        return None
    read_chunk = _TEEN_WORD_RE.sub(lambda m: readings.get(m.group(), m.group()), chunk)
    return None if looks_english(read_chunk.split(" ")) else read_chunk


def _read_inner_j(match: re.Match[str]) -> str:
    word = match.group()
    if word in TEENCODE:  # cj is chị, not ci: teencode's own step reads it
        return word
    read = word.replace("j", "i")
    return read if is_syllable(read) and not is_syllable(word) else word


def _collapse_repeat(match: re.Match[str]) -> str:
    """One letter for a run of it ("vaaaay"), except x's that mask digits ("77102xxx", "0071xxxx123")."""
    letter = match.group(1)
    if letter == "x":
        text, start, end = match.string, match.start(), match.end()
        if (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit()):
            return match.group()
    return letter


def _letters_round(chunk: str, tricks: list[str]) -> str:
    if _LEET_HINT_RE.search(chunk):
        read = _LEET_WORD_RE.sub(_read_leet, chunk)
        if read != chunk:
            tricks.append("leet")
            chunk = read
    if _REPEAT_HINT_RE.search(chunk):
        collapsed = _REPEAT_RE.sub(_collapse_repeat, chunk)
        if collapsed != chunk:
            tricks.append("repeat_letters")
            chunk = collapsed
    if _SPLIT_HINT_RE.search(" " + chunk) or (not chunk.isascii() and _EMOJI_SPLIT_HINT_RE.search(chunk)):
        used: list[str] = []
        chunk = _SPLIT_RE.sub(lambda m: _split_letters(m, used), chunk)
        if "emoji_separators" in used:
            # Leftover emoji decorating the split words go: a space between two words, nothing
            # at the edge of one.
            chunk = _EMOJI_TOUCHING_LETTER_RE.sub("", _EMOJI_BETWEEN_LETTERS_RE.sub(" ", chunk))
        tricks.extend(used)
    return chunk


_MAX_ROUNDS = 4
_PLACEHOLDER = "\ue000"  # a private-use character: not a letter, digit or separator to any rule


def canonicalize(folded: str, tricks: list[str] | None = None) -> str:
    """The canonical form of already folded text; names of the tricks undone go to ``tricks``."""
    found: list[str] = [] if tricks is None else tricks
    links = spaced_links(folded)
    if links:
        # Written without its spaces, the link is a link again: protected, read by the detectors.
        found.append("spaced_link")
        joined: list[str] = []
        position = 0
        for start, end, link in links:
            joined += (folded[position:start], link)
            position = end
        folded = "".join(joined) + folded[position:]
    spans = protected_spans(folded)
    if not spans:
        out = _deobfuscate(folded, found)
    else:
        # URLs and e-mail addresses are swapped for a placeholder, the rest is de-obfuscated in
        # one go, and they are put back.
        kept = [folded[start:end] for start, end in spans]
        pieces: list[str] | None = None
        if _PLACEHOLDER not in folded:
            bounds = [0, *(i for span in spans for i in span), len(folded)]
            masked = _PLACEHOLDER.join(folded[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2))
            pieces = _deobfuscate(masked, found).split(_PLACEHOLDER)
        if pieces is None or len(pieces) != len(kept) + 1:
            pieces = [_deobfuscate(folded[0 : spans[0][0]], found)]
            pieces += [_deobfuscate(folded[spans[k][1] : spans[k + 1][0]], found) for k in range(len(spans) - 1)]
            pieces.append(_deobfuscate(folded[spans[-1][1] :], found))
        out = "".join(piece + url for piece, url in zip(pieces, [*kept, ""], strict=True))
    # Rewrites keep single spaces, except emoji turned into spaces at the edges of words.
    return " ".join(out.split()) if "  " in out or out[:1] == " " or out[-1:] == " " else out


def normalize(text: str) -> NormalizedText:
    """All views of ``text`` and the obfuscation tricks found in it (see the module docstring)."""
    tricks: list[str] = []
    clean = _clean(text, tricks)
    if (undone := undo_injected_punctuation(clean)) is not None:
        tricks.append("injected_punctuation")
        clean = undone
    clean = _undo_letter_case(clean, tricks)
    folded = fold_nfc(clean)
    canonical = canonicalize(folded, tricks)
    return NormalizedText(
        original=text,
        clean=clean,
        folded=folded,
        canonical=canonical,
        obfuscation=tuple(dict.fromkeys(tricks)),
    )
