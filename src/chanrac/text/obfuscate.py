"""The obfuscation generator: rewrite a message the way spammers dodge keyword filters.

Used to measure robustness (issue 3: on the test split rewritten by this generator, spam recall
may drop by at most 2 points) and to test that :func:`chanrac.text.normalize` undoes each trick.
Every trick below is one that :func:`normalize` is meant to reverse, so for a single trick
``normalize(obfuscate(x)).canonical == normalize(x).canonical`` on ordinary Vietnamese text.

Tricks (``ALL_TRICKS``), each applied to a word with probability ``rate`` unless noted:

``strip_diacritics``  the whole message loses its diacritics (telecom-style ASCII; ``rate``
                      does not apply: spammers strip everything or nothing);
``telex``             the whole message typed in Telex with the input method off (``nhà cái``
                      → ``nhaf caif``; ``rate`` does not apply; nothing left to do after
                      ``strip_diacritics``);
``teencode``          SMS abbreviations (``không`` → ``ko``, ``chuyển khoản`` → ``ck``,
                      ``lại`` → ``laj``);
``split_letters``     letters separated by dots, dashes or spaces (``c.a c.u.o.c``, ``v a y``);
``leet``              digits and symbols for letters inside the word (``v4y``, ``g@me``);
``homoglyph``         Cyrillic look-alikes or fullwidth forms (``vаy`` with U+0430, ``ｖａｙ``);
``zero_width``        invisible characters between letters;
``emoji_separators``  an emoji between every letter (``🔥n🔥h🔥a🔥``);
``repeat_letters``    the last letter repeated (``vayyyy``);
``fancy_text``        the letters of a word in the styles of fancy-text generators: mathematical
                      bold or sans-serif bold (``𝐯𝐚𝐲``, ``𝘃𝗮𝘆``) or small capitals (``ᴠᴀʏ``),
                      diacritics kept as combining marks;
``joined_words``      two syllables run together, each capitalised, the space gone
                      (``gửi tặng`` → ``GửiTặng``, ``DacBiet``).

URLs, e-mail addresses and anything touching a digit (amounts, codes, phone numbers) are left
alone, as spammers must keep them working.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Sequence

from chanrac.text.fold import fold, strip_diacritics
from chanrac.text.homoglyphs import CONFUSABLES, LATIN_LOOKALIKES, LATIN_TO_CONFUSABLE
from chanrac.text.patterns import protected_spans
from chanrac.text.syllables import LOANWORDS, is_syllable, segment
from chanrac.text.teencode import TEENCODE_FORMS, looks_english

__all__ = ["ALL_TRICKS", "obfuscate"]

ALL_TRICKS: tuple[str, ...] = (
    "strip_diacritics",
    "telex",
    "teencode",
    "split_letters",
    "leet",
    "homoglyph",
    "zero_width",
    "emoji_separators",
    "repeat_letters",
    "fancy_text",
    "joined_words",
)

_WORD_RE = re.compile(r"[^\W\d_]+")
# Characters that glue a word to its neighbour (a path, a handle, anh.nhung, qua'n); a full
# stop after a word usually ends a sentence and is handled separately.
_GLUE = frozenset("/@$_-\\")
_LEET_CHOICES = {"a": "4@", "e": "3", "i": "1", "o": "0", "s": "5$", "t": "7", "A": "4@", "E": "3", "O": "0"}
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_EMOJI = ("🔥", "💰", "🎁", "⭐", "✅", "👉", "💥", "🌟", "❤️", "💎")
_SPLIT_SEPARATORS = (".", ".", "-", "_", "*", " ")
# Forms whose expansion depends on context ("5 k", the particle "a") cannot be generated blindly.
_CONTEXT_FORMS = frozenset({"k", "a"})


class _Word:
    """One word of the message and what has been done to it."""

    __slots__ = ("applied", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.applied: set[str] = set()


def _words(text: str) -> list[_Word]:
    """Words that may be rewritten: not in a URL or e-mail, not glued to a digit."""
    protected = protected_spans(text)
    out: list[_Word] = []
    for match in _WORD_RE.finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in protected):
            continue
        before = text[start - 1] if start > 0 else " "
        if before in ".'" and start > 1 and text[start - 2].isalnum():
            continue
        after = text[end] if end < len(text) else " "
        after2 = text[end + 1] if end + 1 < len(text) else " "
        if before.isdigit() or after.isdigit() or before in _GLUE or after in _GLUE:
            continue  # part of an amount, a code, a path or a handle
        if after in ".'" and after2.isalnum():
            continue  # glued to the next word: anh.nhung, qua'n
        out.append(_Word(match.group(), start, end))
    return out


def _teencode(words: list[_Word], text: str, rng: random.Random, rate: float) -> None:
    if looks_english(fold(text).split(" ")):
        return  # normalize leaves English alone, so must the generator
    i = 0
    while i < len(words):
        word = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        pair = None
        if nxt is not None and text[word.end : nxt.start] == " ":
            pair = f"{fold(word.text)} {fold(nxt.text)}"
        forms: tuple[str, ...] = ()
        if pair is not None and pair in TEENCODE_FORMS:
            forms = TEENCODE_FORMS[pair]
        if forms and rng.random() < rate:
            word.text, word.applied = _shaped(rng.choice(forms), word.text), {"teencode"}
            nxt.text, nxt.applied = "", {"teencode"}  # type: ignore[union-attr]
            i += 2
            continue
        single = tuple(f for f in TEENCODE_FORMS.get(fold(word.text), ()) if f not in _CONTEXT_FORMS)
        if rng.random() < rate:
            if single:
                word.text, word.applied = _shaped(rng.choice(single), word.text), {"teencode"}
            elif _ends_in_vowel_i(word.text):
                word.text, word.applied = word.text[:-1] + ("J" if word.text[-1] == "I" else "j"), {"teencode"}
        i += 1


def _ends_in_vowel_i(word: str) -> bool:
    folded = fold(word)
    return len(word) >= 2 and word[-1] in "iI" and folded[-2] in "aeouy"


def _shaped(form: str, like: str) -> str:
    return form.upper() if like.isupper() and len(like) > 1 else form


def _leet(word: _Word, rng: random.Random) -> None:
    chars = list(word.text)
    letters = sum(c.isalpha() for c in chars)
    candidates = [i for i in range(1, len(chars) - 1) if chars[i] in _LEET_CHOICES]
    rng.shuffle(candidates)
    changed: list[int] = []
    for i in candidates:
        if (len(changed) + 1) * 2 > letters - len(changed) - 1 or len(changed) == 2:
            break
        if any(abs(i - j) <= 1 for j in changed):
            continue  # two leet characters side by side no longer read as a word
        chars[i] = rng.choice(_LEET_CHOICES[chars[i]])
        changed.append(i)
    if changed:
        word.text = "".join(chars)
        word.applied.add("leet")


def _homoglyph(word: _Word, rng: random.Random) -> None:
    if word.text.isascii() and rng.random() < 0.3:
        word.text = "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in word.text)
        word.applied.add("homoglyph")
        return
    positions = [i for i, c in enumerate(word.text) if c in LATIN_TO_CONFUSABLE]
    if not positions or len(word.text) < 2:
        return
    # Keep one Latin letter so the word is visibly mixed-script whatever the rest of the message.
    chosen = rng.sample(positions, k=max(1, min(len(positions), len(word.text) - 1) // 2 or 1))
    chars = list(word.text)
    for i in chosen:
        chars[i] = LATIN_TO_CONFUSABLE[chars[i]]
    word.text = "".join(chars)
    word.applied.add("homoglyph")


def _between_letters(word: str, separator: object, rng: random.Random) -> str:
    pick = separator if isinstance(separator, str) else None
    out = [word[0]]
    for char in word[1:]:
        out.append(pick if pick is not None else rng.choice(_EMOJI))
        out.append(char)
    return "".join(out)


def _splittable(word: _Word) -> bool:
    letters = fold(word.text)
    return (
        len(word.text) >= 2
        and word.text.isalpha()
        and not word.applied & {"leet", "repeat_letters"}
        and (letters in LOANWORDS or is_syllable(letters))
    )


def _split(words: list[_Word], rng: random.Random, rate: float, tricks: Sequence[str]) -> None:
    kinds = [t for t in ("split_letters", "emoji_separators") if t in tricks]
    previous_spaced = False
    for i, word in enumerate(words):
        if not kinds or not _splittable(word) or rng.random() >= rate:
            previous_spaced = False
            continue
        kind = rng.choice(kinds)
        if kind == "emoji_separators":
            word.text = _between_letters(word.text, None, rng)
            if rng.random() < 0.5:
                word.text = rng.choice(_EMOJI) + word.text + rng.choice(_EMOJI)
            word.applied.add(kind)
            previous_spaced = False
            continue
        separator = rng.choice(_SPLIT_SEPARATORS)
        neighbours = [w for w in (words[i - 1] if i else None, words[i + 1] if i + 1 < len(words) else None) if w]
        spaced_ok = (
            len(word.text) >= 3
            and not previous_spaced
            and all(len(fold(n.text)) >= 2 for n in neighbours)
            and segment(fold(word.text)) == [fold(word.text)]
        )
        if separator == " " and not spaced_ok:
            separator = "."
        word.text = _between_letters(word.text, separator, rng)
        word.applied.add(kind)
        previous_spaced = separator == " "


def _zero_width(word: _Word, rng: random.Random) -> None:
    if len(word.text) < 2:
        return
    chars = list(word.text)
    for _ in range(rng.randint(1, 2)):
        position = rng.randint(1, len(chars) - 1)
        chars.insert(position, rng.choice(_INVISIBLE))
    word.text = "".join(chars)
    word.applied.add("zero_width")


def _styled(first: int) -> dict[str, str]:
    """ASCII letters → a mathematical alphabet starting at ``first`` (its capital A; a at +26)."""
    return {letter: chr(first + i) for i, letter in enumerate(string.ascii_uppercase + string.ascii_lowercase)}


# Mathematical bold and sans-serif bold have every letter; small capitals lack f, q, s and x,
# which stay as they are (as the generators leave them).
_FANCY_STYLES: tuple[dict[str, str], ...] = (
    _styled(0x1D400),
    _styled(0x1D5D4),
    {latin.lower(): small for small, latin in CONFUSABLES.items() if small in LATIN_LOOKALIKES and latin.isupper()},
)
# Small capitals have no lower case, so a joined word's capitals would no longer show its pieces.
_NOT_FANCY = frozenset({"homoglyph", "leet", "split_letters", "emoji_separators", "zero_width", "joined_words"})


def _fancy(word: _Word, rng: random.Random) -> None:
    style = rng.choice(_FANCY_STYLES)
    # Decomposed, so that a styled base letter keeps its diacritics as combining marks.
    decomposed = unicodedata.normalize("NFD", word.text)
    styled = "".join(style.get(char, char) for char in decomposed)
    if styled != decomposed:
        word.text = styled
        word.applied.add("fancy_text")


def _joinable(word: _Word) -> bool:
    return len(word.text) >= 2 and word.text.isalpha() and not word.applied and is_syllable(fold(word.text))


def _join(words: list[_Word], text: str, rng: random.Random, rate: float) -> None:
    """Pairs of neighbouring syllables run together, each capitalised (the second word's text
    moves into the first, and the space between them goes with the emptied word)."""
    i = 0
    while i + 1 < len(words):
        first, second = words[i], words[i + 1]
        if (
            text[first.end : second.start] == " "
            and _joinable(first)
            and _joinable(second)
            and not looks_english([fold(first.text), fold(second.text)])
            and rng.random() < rate
        ):
            first.text = first.text.capitalize() + second.text.capitalize()
            second.text = ""
            first.applied.add("joined_words")
            second.applied.add("joined_words")
            i += 2
        else:
            i += 1


def _repeat(word: _Word, rng: random.Random) -> None:
    last = word.text[-1:]
    if not last.isalpha() or (len(word.text) >= 2 and fold(word.text[-2]) == fold(last)):
        return
    word.text += last * rng.randint(2, 4)
    word.applied.add("repeat_letters")


def obfuscate(text: str, rng: random.Random, tricks: Sequence[str] = ALL_TRICKS, rate: float = 0.3) -> str:
    """``text`` rewritten with the given tricks, each applied to a word with probability ``rate``.

    Deterministic for a given ``rng`` state. Raises ValueError for an unknown trick or a rate
    outside [0, 1].
    """
    unknown = [t for t in tricks if t not in ALL_TRICKS]
    if unknown:
        raise ValueError(f"unknown obfuscation trick(s) {unknown}; known: {', '.join(ALL_TRICKS)}")
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"rate must be between 0 and 1, got {rate}")
    text = unicodedata.normalize("NFC", text)
    if "strip_diacritics" in tricks:
        text = strip_diacritics(text)
    elif "telex" in tricks:
        text = _telex(text)
    words = _words(text)
    if "teencode" in tricks:
        _teencode(words, text, rng, rate)
    for word in words:
        if not word.text:
            continue
        if "leet" in tricks and "teencode" not in word.applied and rng.random() < rate:
            _leet(word, rng)
        if "repeat_letters" in tricks and not word.applied and rng.random() < rate:
            _repeat(word, rng)
    _split(words, rng, rate, tricks)
    if "joined_words" in tricks:
        _join(words, text, rng, rate)
    for word in words:
        if not word.text:
            continue
        if "homoglyph" in tricks and "emoji_separators" not in word.applied and rng.random() < rate:
            _homoglyph(word, rng)
        if "zero_width" in tricks and rng.random() < rate:
            _zero_width(word, rng)
        if "fancy_text" in tricks and not word.applied & _NOT_FANCY and rng.random() < rate:
            _fancy(word, rng)
    return _reassemble(text, words)


# Telex keys: a mark doubles its vowel or adds "w", a tone is a key at the end of the word.
_TELEX_MARKS = {"\u0302": "{0}", "\u0306": "w", "\u031b": "w"}  # circumflex, breve, horn
_TELEX_TONES = {"\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j"}


def _telex_word(word: str) -> str:
    out: list[str] = []
    tone = ""
    for char in word:
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if base in "đĐ":
            out.append("dd" if base == "đ" else "DD")
            continue
        out.append(base)
        for mark in marks:
            if mark in _TELEX_TONES:
                tone = _TELEX_TONES[mark]
            elif mark in _TELEX_MARKS:
                key = _TELEX_MARKS[mark].format(base)
                out.append(key.upper() if base.isupper() else key)
    return "".join(out) + (tone.upper() if tone and word.isupper() else tone)


def _telex(text: str) -> str:
    """``text`` as typed in Telex with the input method off (the words the other tricks may
    rewrite: URLs, e-mail addresses and words glued to digits are kept)."""
    words = _words(text)
    for word in words:
        word.text = _telex_word(word.text)
    return _reassemble(text, words)


def _reassemble(text: str, words: list[_Word]) -> str:
    out: list[str] = []
    position = 0
    for word in words:
        between = text[position : word.start]
        if not word.text and between == " ":
            between = ""  # the second word of an abbreviated pair disappears with its space
        out.append(between)
        out.append(word.text)
        position = word.end
    out.append(text[position:])
    return "".join(out)
