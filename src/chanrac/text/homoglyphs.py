"""Invisible characters and look-alike letters: the translate tables that undo them.

* :data:`INVISIBLE_TABLE` deletes zero-width characters, bidi controls, soft hyphens and C0/C1
  control characters (tab, newline and the other separators become a space).
* :data:`COMPATIBILITY_TABLE` maps fullwidth, mathematical, circled, parenthesised, superscript
  and subscript forms of ASCII letters and digits to ASCII. It is derived from Unicode's NFKC,
  restricted to forms whose NFKC is one ASCII letter or digit, so ``…`` or ``½`` are left alone.
* :data:`CONFUSABLE_TABLE` maps Cyrillic, Greek and a few other letters that look like Latin
  ones (``а`` U+0430 → ``a``). It damages genuine Russian or Greek text, so the normaliser only
  applies it to words that mix scripts or to messages that are mostly Latin.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "COMPATIBILITY_TABLE",
    "CONFUSABLES",
    "CONFUSABLE_TABLE",
    "INVISIBLE_CHARS",
    "INVISIBLE_TABLE",
    "LATIN_LOOKALIKES",
    "LATIN_TO_CONFUSABLE",
    "char_class",
]

#: Format characters spammers slip between letters so that keyword filters miss the word.
INVISIBLE_CHARS = (
    "\u00ad"  # soft hyphen
    "\u034f"  # combining grapheme joiner
    "\u061c"  # Arabic letter mark
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers render as blanks
    "\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f"
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f"
    "\ufeff"  # byte order mark / zero-width no-break space
    "\U0001d173\U0001d174\U0001d175\U0001d176\U0001d177\U0001d178\U0001d179\U0001d17a"
)


def _invisible_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {ord(c): None for c in INVISIBLE_CHARS}
    table.update({code: None for code in range(0xFE00, 0xFE10) if code != 0xFE0F})  # variation selectors
    table.update({code: None for code in range(0xE0000, 0xE0080)})  # tag characters
    for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)):
        char = chr(code)
        table[code] = " " if char.isspace() or code in (0x85,) else None
    return table


# Every table below also maps printable ASCII to itself: str.translate then takes CPython's fast
# path for ASCII instead of a failed dictionary lookup per character.
_ASCII_IDENTITY = {code: chr(code) for code in range(0x20, 0x7F)}

INVISIBLE_TABLE: dict[int, str | None] = {**_ASCII_IDENTITY, **_invisible_table()}

_COMPATIBILITY_RANGES = (
    range(0x00AA, 0x00BB),  # ª ² ³ ¹ º
    range(0x1D2C, 0x1D6B),  # modifier letters
    range(0x2070, 0x20A0),  # superscripts and subscripts
    range(0x2100, 0x2150),  # letterlike symbols: ℂ ℍ ℓ ℕ ℙ ℚ ℝ ℤ ℬ …
    range(0x2460, 0x2500),  # enclosed alphanumerics: ① ⓐ ⒜ …
    range(0xFF00, 0xFF5F),  # fullwidth ASCII
    range(0x1D400, 0x1D800),  # mathematical alphanumerics: 𝐯𝐚𝐲 𝓿𝓪𝔂 …
    range(0x1F100, 0x1F150),  # enclosed alphanumeric supplement: 🄰 …
    range(0x1F130, 0x1F18A),  # squared letters: 🄰 🅰 …
)


def _compatibility_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for block in _COMPATIBILITY_RANGES:
        for code in block:
            mapped = unicodedata.normalize("NFKC", chr(code))
            if mapped != chr(code) and len(mapped) == 1 and mapped.isascii() and mapped.isalnum():
                table[code] = mapped
    # Squared/negative letters have no NFKC mapping but read as capitals.
    for offset in range(26):
        for start in (0x1F130, 0x1F150, 0x1F170):
            table.setdefault(start + offset, chr(ord("A") + offset))
    table[0x3000] = " "  # ideographic space
    return table


COMPATIBILITY_TABLE: dict[int, str] = {**_ASCII_IDENTITY, **_compatibility_table()}

#: Letters of other scripts that render like a Latin letter (after Unicode's confusables.txt,
#: restricted to the ones seen in spam: Cyrillic, Greek, Armenian and IPA look-alikes).
CONFUSABLES: dict[str, str] = {
    # Cyrillic
    "а": "a", "А": "A", "в": "b", "В": "B", "е": "e", "Е": "E", "ё": "ë", "Ё": "Ë", "к": "k", "К": "K",
    "м": "m", "М": "M", "н": "h", "Н": "H", "о": "o", "О": "O", "р": "p", "Р": "P", "с": "c", "С": "C",
    "т": "t", "Т": "T", "у": "y", "У": "Y", "х": "x", "Х": "X", "і": "i", "І": "I", "ї": "ï", "Ї": "Ï",
    "ј": "j", "Ј": "J", "ѕ": "s", "Ѕ": "S", "ԁ": "d", "Ԁ": "D", "ԛ": "q", "Ԛ": "Q", "ԝ": "w", "Ԝ": "W",
    "ь": "b", "Ь": "b", "п": "n", "г": "r", "ɡ": "g", "һ": "h", "Һ": "H", "ӏ": "l", "Ӏ": "I", "ү": "y",
    "Ү": "Y", "ө": "o", "Ө": "O", "ӓ": "ä", "Ӓ": "Ä", "ӧ": "ö", "Ӧ": "Ö", "ӱ": "ü", "Ӱ": "Ü",
    # Greek
    "α": "a", "Α": "A", "β": "b", "Β": "B", "γ": "y", "ε": "e", "Ε": "E", "Ζ": "Z", "η": "n", "Η": "H",
    "ι": "i", "Ι": "I", "κ": "k", "Κ": "K", "Μ": "M", "ν": "v", "Ν": "N", "ο": "o", "Ο": "O", "ρ": "p",
    "Ρ": "P", "τ": "t", "Τ": "T", "υ": "u", "Υ": "Y", "χ": "x", "Χ": "X", "ω": "w", "ϲ": "c", "Ϲ": "C",
    "ά": "á", "έ": "é", "ί": "í", "ό": "ó", "ύ": "ú",
    # Armenian and IPA / Latin extensions
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n", "ɑ": "a", "ɩ": "i", "ʀ": "R", "ʏ": "Y",
    "ᴀ": "A", "ʙ": "B", "ᴄ": "C", "ᴅ": "D", "ᴇ": "E", "ɢ": "G", "ʜ": "H", "ɪ": "I", "ᴊ": "J",
    "ᴋ": "K", "ʟ": "L", "ᴍ": "M", "ɴ": "N", "ᴏ": "O", "ᴘ": "P", "ᴛ": "T", "ᴜ": "U", "ᴠ": "V",
    "ᴡ": "W", "ᴢ": "Z",
}  # fmt: skip
# A capital whose small letter is a look-alike is one too (Ύ for ύ, П for п): folding lower-cases
# the text, so a capital left alone would become a look-alike on a second reading.
CONFUSABLES |= {
    c.upper(): latin.upper()
    for c, latin in CONFUSABLES.items()
    if c.islower() and len(c.upper()) == 1 and c.upper() not in CONFUSABLES and len(latin.upper()) == 1
}

CONFUSABLE_TABLE: dict[int, str] = {**_ASCII_IDENTITY, **{ord(k): v for k, v in CONFUSABLES.items()}}

#: The look-alikes that are Latin letters themselves — small capitals and IPA letters (``ᴠᴀʏ``,
#: the "small caps" of fancy-text generators): mapping them cannot damage Cyrillic or Greek text.
LATIN_LOOKALIKES: frozenset[str] = frozenset(
    c for c in CONFUSABLES if 0x0250 <= ord(c) < 0x02B0 or 0x1D00 <= ord(c) < 0x1D2C
)

#: For the obfuscation generator: ASCII letters and one look-alike each that maps back exactly.
LATIN_TO_CONFUSABLE: dict[str, str] = {
    "a": "а", "c": "с", "e": "е", "i": "і", "j": "ј", "o": "о", "p": "р", "s": "ѕ", "x": "х", "y": "у",
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У", "d": "ԁ", "q": "ԛ", "w": "ԝ", "N": "Ν", "Z": "Ζ",
}  # fmt: skip

CONFUSABLE_CLASS = "[" + re.escape("".join(CONFUSABLES)) + "]"


def char_class(codes: Iterable[int]) -> str:
    """A regex character class for the code points, written as ranges (much faster to match)."""
    ordered = sorted(set(codes))
    parts: list[str] = []
    start = previous = -2
    for code in [*ordered, -1]:
        if code == previous + 1:
            previous = code
            continue
        if start >= 0:
            parts.append(
                re.escape(chr(start)) if start == previous else f"{re.escape(chr(start))}-{re.escape(chr(previous))}"
            )
        start = previous = code
    return "[" + "".join(parts) + "]"
