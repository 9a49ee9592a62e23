"""Telex keystrokes left in the text: ``Nhaf caif uy tins, napj ddaauf`` for *Nhà cái uy tín,
nạp đầu*.

Vietnamese is typed on a Latin keyboard with Telex: a vowel doubled or followed by ``w`` takes a
mark (``aa`` â, ``aw`` ă, ``ee`` ê, ``oo`` ô, ``ow`` ơ, ``uw`` ư, ``dd`` đ) and a final ``s f r x
j`` sets the tone. With the input method switched off the keystrokes stay in the message, and
spammers leave them on purpose: no keyword list knows ``caif``. Folded text has no diacritics, so
reading a word back is dropping the keys: ``ddaauf`` → ``dau``, ``nguwowif`` → ``nguoi``.

No Vietnamese syllable ends in ``s f r x j`` or holds ``w`` or ``dd``, so a word is a candidate
only when it is not a syllable already, and it is read back only when its reading is one. English
is the usual source of such words (``is this the bus that goes`` reads back as four syllables),
but its words end in ``s`` and ``r`` far more than in ``f j x``, and it never types ``dd``, ``aa``
or ``uw``. A message counts as typed in Telex when at least :data:`MIN_STRONG` words read back
through one of those keys (not a ``j`` after a vowel: teencode writes ``laj`` for *lái*), the
words read back are most of its non-syllable words, and it holds no common English word.
"""

from __future__ import annotations

import re

from chanrac.text.syllables import LOANWORDS, is_syllable
from chanrac.text.teencode import ENGLISH_WORDS, TEENCODE

__all__ = ["MIN_STRONG", "read_telex"]

MIN_STRONG = 2
MIN_SHARE = 0.6  # of the words that are neither syllables, loanwords nor teencode

_WORD_RE = re.compile(r"\b[a-z]{2,}\b")
# Cheap guard: the keys of _STRONG_RE (a j after a vowel included) at least MIN_STRONG times;
# ordinary text has almost none. Substring counts and a one-class pattern, not one alternation:
# the regex engine would try every branch at every character.
_FINAL_KEY_RE = re.compile(r"[fxj]\b")
_MARKS = (("dd", "d"), ("aa", "a"), ("ee", "e"), ("oo", "o"), ("aw", "a"), ("ow", "o"), ("uw", "u"), ("w", "u"))
_TEENCODE_WORDS = frozenset(key.lower() for key in TEENCODE)
# Keys English does not type: a final f or x (on a word of four letters or more: hix, max, box
# and tax are chat and English), a j after a consonant (after a vowel it is also teencode's i,
# "laj" for "lai"), dd, aa, uw. English has keep, soon, two, down and saw.
_STRONG_RE = re.compile(r"(?:(?<=[a-z]{3})[fx]|[^aeiouy]j)$|dd|aa|uw")


def _without_marks(word: str) -> str:
    for keys, letter in _MARKS:
        if keys in word:
            word = word.replace(keys, letter)
    return word


def _reading(word: str) -> str | None:
    """The syllable ``word`` reads as once its Telex keys are dropped, or None. An abbreviation
    with đ ("ddc" for "đc") reads as the teencode the teencode step expands; no other does, as
    chat writes j for i ("nhj", "ckj" are nhỉ, chị, not "nh", "ck")."""
    read = _without_marks(word[:-1] if word[-1] in "sfrxj" else word)
    if read == word:
        return None
    return read if is_syllable(read) or (word.startswith("dd") and read in _TEENCODE_WORDS) else None


def read_telex(folded: str) -> str | None:
    """``folded`` with its Telex keystrokes read back, or None when it is not typed in Telex."""
    keys = len(_FINAL_KEY_RE.findall(folded))
    if keys < MIN_STRONG:
        if "dd" not in folded and "aa" not in folded and "uw" not in folded:
            return None
        if keys + folded.count("dd") + folded.count("aa") + folded.count("uw") < MIN_STRONG:
            return None
    words = set(_WORD_RE.findall(folded))
    if not ENGLISH_WORDS.isdisjoint(words):
        return None
    readings: dict[str, str] = {}
    unknown: list[str] = []
    doubled_o: list[str] = []  # "khoong" is a syllable (the rhyme of "xoong") and Telex for "không"
    for word in words:
        if word in LOANWORDS or word in _TEENCODE_WORDS:
            continue
        if is_syllable(word):
            if "oo" in word:
                doubled_o.append(word)
            continue
        read = _reading(word)
        if read is not None:
            readings[word] = read
        # Teencode's j for i (tjen, mjnh, aj) is read by the normaliser after this step: such a
        # word does not count against Telex (read as Telex when the message is typed so).
        if not ("j" in word and is_syllable(word.replace("j", "i"))):
            unknown.append(word)
    strong = sum(1 for word in readings if _STRONG_RE.search(word))
    if strong < MIN_STRONG or sum(word in readings for word in unknown) < MIN_SHARE * len(unknown):
        return None
    for word in doubled_o:
        if is_syllable(read := word.replace("oo", "o")):
            readings[word] = read
    # In a message typed in Telex, abbreviations lose their đ key ("ddt" is "đt"); other keys
    # stay, as brand names hold them too (google, shopee, add).
    for word in unknown:
        if word not in readings and word.startswith("dd"):
            readings[word] = word[1:]
    return _WORD_RE.sub(lambda m: readings.get(m.group(), m.group()), folded)
