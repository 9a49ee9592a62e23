"""VNI keystrokes left in the text: ``Nha2 ca1i uy ti1n, na5p d9a6u2`` for *Nhà cái uy tín, nạp
đầu*.

VNI, the other Vietnamese input method, types a mark or a tone as a digit after the vowel (or at
the end of the word): ``1`` sắc, ``2`` huyền, ``3`` hỏi, ``4`` ngã, ``5`` nặng, ``6`` the
circumflex (â ê ô), ``7`` the horn (ơ ư), ``8`` the breve (ă), ``9`` after ``d`` for đ. With the
input method switched off the digits stay in the message. Folded text has no diacritics, so
reading a word back is dropping its keys: ``d9a6u2`` → ``dau``, ``ca1i`` → ``cai``.

Digits also stand for letters (leetspeak: ``v4y``, ``t1en``, where the digit replaces a letter
after a consonant) and sit in codes (``A1``, ``B2``, ``Q7``, ``T7``), so a word is read only when
every digit follows a vowel (or ``d`` for ``9``) and the word without them is a syllable it was
not; and a message counts as typed in VNI only when at least :data:`MIN_WORDS` of its words of
three letters or more (or with the digit inside) read back so — one word alone, or a short one
(``no2``, ``A5``), is a code as likely as a tone. Then its short words are read too (``tu7``).
This runs before leetspeak is read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from chanrac.text.syllables import is_syllable

__all__ = ["MIN_WORDS", "read_vni"]

MIN_WORDS = 2

# A digit of VNI after the letter it marks; the search starts on the (rare) digit.
_HINT_RE = re.compile(r"[1-9](?<=[aeiouyd][1-9])")
_WORD_RE = re.compile(r"\b[a-z]*[aeiouyd][1-9][a-z1-9]*\b")
_KEY_RE = re.compile(r"(?<=[aeiouy])[1-8]{1,2}|(?<=d)9")  # a mark and a tone: a65 (ậ)


def _reading(word: str, strict: bool, leet: Mapping[str, str]) -> str | None:
    read = _KEY_RE.sub("", word)
    if not read.isalpha() or read == word:
        return None  # a digit that marks nothing (after a consonant): leetspeak or a code
    if strict and is_syllable("".join(leet.get(char, char) for char in word)):
        return None  # nhi3u is nhieu with a 3 for an e before it is nhiu with a tone
    if len(read) < (3 if strict else 2) and word[-1].isdigit():
        return None  # A1, B2, no2, ghế A5: a class, a seat, a model, not a tone
    return read if is_syllable(read) else None


def read_vni(folded: str, leet: Mapping[str, str]) -> str | None:
    """``folded`` with its VNI keystrokes read back, or None when it is not typed in VNI. Two
    words of three letters or more decide that it is (tu7, so61 alone could be codes); then the
    short ones are read too. A word that reads as a syllable with its digits taken as the letters
    ``leet`` maps them to is leetspeak, and does not count towards the two."""
    if _HINT_RE.search(folded) is None:
        return None
    words = set(_WORD_RE.findall(folded))
    if sum(_reading(word, True, leet) is not None for word in words) < MIN_WORDS:
        return None
    readings = {word: read for word in words if (read := _reading(word, False, leet)) is not None}
    return _WORD_RE.sub(lambda m: readings.get(m.group(), m.group()), folded)
