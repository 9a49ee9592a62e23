"""Text perturbations that spammers apply, and campaign variants apply, to a rendered message.

* :func:`fold` — Vietnamese without diacritics, the telecom-style ASCII most spam is written in
  (only Vietnamese letters are folded: look-alikes such as "ä" or "ø" survive).
* :class:`Obfuscator` — evasion, through :func:`chanrac.text.obfuscate` (teencode, split letters,
  leet, homoglyphs, zero-width characters…) plus Latin look-alikes ("Bäng Cäp3, Däi H0c").
* :func:`reword` — what changes between messages of one campaign: a word dropped or replaced by a
  synonym, two clauses swapped, a random tag appended to defeat exact-duplicate filters.

They never touch ``{0}``-style fields, so they also apply to a campaign's compiled wording once, and
its sends then only pick a variant: the per-message cost stays a few microseconds.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata

from chanrac.text import ALL_TRICKS, obfuscate

# --- diacritic folding --------------------------------------------------------------------------

_VIETNAMESE_BASES = {"a": "a", "ă": "a", "â": "a", "e": "e", "ê": "e", "i": "i", "o": "o", "ô": "o",
                     "ơ": "o", "u": "u", "ư": "u", "y": "y"}  # fmt: skip
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord("đ"): "d", ord("Đ"): "D"}
    for letter, base in _VIETNAMESE_BASES.items():
        for tone in _TONES:
            for char, target in ((letter, base), (letter.upper(), base.upper())):
                composed = unicodedata.normalize("NFC", char + tone)
                if len(composed) == 1 and composed != target:
                    table[ord(composed)] = target
    return table


FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """The text without Vietnamese diacritics ("Đăng ký" → "Dang ky"); other characters untouched."""
    return text.translate(FOLD_TABLE)


def has_diacritics(text: str) -> bool:
    return text != fold(text)


# --- obfuscation --------------------------------------------------------------------------------

# Latin letters with foreign diacritics, digits and symbols for letters: "Bäng Cäp3, CaøDang, Däi H0c".
_LOOKALIKES: dict[str, tuple[str, ...]] = {
    "a": ("ä", "@", "4", "å"),
    "o": ("0", "ø", "ö"),
    "e": ("3", "ë"),
    "i": ("!", "1", "ï"),
    "u": ("ü",),
    "c": ("ç",),
    "s": ("$", "5"),
    "g": ("9",),
    "t": ("7",),
    "A": ("Ä", "4", "@"),
    "O": ("0", "Ø"),
    "I": ("l", "1"),
    "E": ("3", "Ë"),
    "B": ("8", "ß"),
}
# The text package's per-word tricks; losing diacritics is each template's own ASCII mode, not
# obfuscation, and Telex, fancy text and joined words (tricks added later) are left out so that the
# stream, and the benchmarks measured on it, stay what they were.
_TEXT_TRICKS = tuple(t for t in ALL_TRICKS if t not in ("strip_diacritics", "telex", "fancy_text", "joined_words"))
_TRICK_WEIGHTS = {"teencode": 3, "split_letters": 3, "leet": 2, "homoglyph": 2, "zero_width": 2, "emoji_separators": 1,
                  "repeat_letters": 1}  # fmt: skip


def _lookalike_tables(rng: random.Random, count: int = 12) -> list[dict[int, str]]:
    tables = []
    letters = list(_LOOKALIKES)
    for _ in range(count):
        chosen = rng.sample(letters, rng.randint(2, 5))
        tables.append({ord(c): rng.choice(_LOOKALIKES[c]) for c in chosen})
    return tables


class Obfuscator:
    """Applies one or two evasion tricks to a message; deterministic for a given ``rng``.

    The tricks are :func:`chanrac.text.obfuscate`'s (one implementation for the project, and the
    one ``chanrac.text.normalize`` is tested to undo), plus two seen in Vietnamese spam that it
    does not generate: Latin look-alikes over a stretch of text, and words in capitals.
    """

    def __init__(self, seed: int = 0) -> None:
        self._tables = _lookalike_tables(random.Random(f"chanrac.synth.obfuscate:{seed}"))
        self._tricks = list(_TEXT_TRICKS)
        self._weights = [_TRICK_WEIGHTS.get(t, 1) for t in self._tricks]

    def __call__(self, text: str, rng: random.Random) -> str:
        if rng.random() < 0.2:
            text = self.lookalikes(text, rng)
        else:
            tricks = set(rng.choices(self._tricks, weights=self._weights, k=rng.choice((1, 1, 2))))
            text = obfuscate(text, rng, tricks=tuple(sorted(tricks)), rate=rng.choice((0.15, 0.3, 0.5)))
        if rng.random() < 0.1:
            text = self.shout(text, rng)
        return text

    def lookalikes(self, text: str, rng: random.Random) -> str:
        """Replace a few letters by look-alikes in part of the message, as "Bäng Cäp3, Däi H0c"."""
        cut = rng.randrange(len(text)) if text else 0
        start, end = (0, cut) if rng.random() < 0.5 else (cut, len(text))
        return text[:start] + text[start:end].translate(rng.choice(self._tables)) + text[end:]

    def shout(self, text: str, rng: random.Random) -> str:
        words = text.split(" ")
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(words))
            if "/" not in words[i] and "." not in words[i]:  # never touch links: they are case-sensitive
                words[i] = words[i].upper()
        return " ".join(words)


# --- campaign variants --------------------------------------------------------------------------

# Words a spammer swaps for one another between sends of the same run.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("nhanh", "gấp", "liền", "ngay"), ("nhanh", "gap", "lien", "ngay"),
    ("tặng", "thưởng", "cho"), ("tang", "thuong"),
    ("hôm nay", "trong ngày", "ngay hôm nay"), ("hom nay", "trong ngay"),
    ("liên hệ", "LH", "gọi", "alo"), ("lien he", "LH", "goi"), ("LH", "Lh", "L/h", "Liên hệ"),
    ("nhận", "lấy", "lĩnh"), ("nhan", "lay"), ("ngay", "liền", "luôn"),
    ("quý khách", "anh/chị", "QK"), ("quy khach", "a/c", "QK"),  # never "bạn": "kết bạn" is a verb
    ("miễn phí", "free", "0đ"), ("mien phi", "free", "0d"),
    ("tài khoản", "TK", "tk"), ("tai khoan", "TK"),
    ("vui lòng", "hãy", "xin mời"), ("vui long", "hay", "moi"),
    ("uy tín", "chất lượng", "an toàn"), ("uy tin", "chat luong"),
)  # fmt: skip
_SYNONYM_OF: dict[str, tuple[str, ...]] = {}
for _group in _SYNONYMS:
    for _word in _group:
        _SYNONYM_OF.setdefault(_word.lower(), tuple(w for w in _group if w.lower() != _word.lower()))
_SYNONYM_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, _SYNONYM_OF), key=len, reverse=True)) + r")(?!\w)", re.I
)
_CLAUSE_RE = re.compile(r"(?<=[,.!;])\s+")
_FILLERS = ("!!!", "!!", "❤️", "🎁", "🔥", "👉", "💰", "⚡", "✅", ".", "...", "!", "☎️")


def reword(text: str, rng: random.Random, strength: float = 1.0) -> str:
    """A variant of ``text`` as another send of the same campaign: small edits only.

    ``strength`` scales how often each edit happens (1.0: on average about one edit a message).
    """
    if rng.random() < 0.35 * strength:
        matches = list(_SYNONYM_RE.finditer(text))
        if matches:
            match = rng.choice(matches)
            replacement = rng.choice(_SYNONYM_OF[match.group(0).lower()])
            text = text[: match.start()] + replacement + text[match.end() :]
    if rng.random() < 0.15 * strength:
        clauses = _CLAUSE_RE.split(text)
        if len(clauses) >= 3:
            i = rng.randrange(len(clauses) - 2)  # never move the last clause: the call to action
            clauses[i], clauses[i + 1] = clauses[i + 1], clauses[i]
            text = " ".join(clauses)
    if rng.random() < 0.15 * strength:
        words = text.split(" ")
        if len(words) > 8:
            i = rng.randrange(len(words))
            if not any(c.isdigit() for c in words[i]) and "." not in words[i]:
                del words[i]
                text = " ".join(words)
    if rng.random() < 0.2 * strength:
        text = add_filler(text, rng)
    if rng.random() < 0.25 * strength:
        text = f"{text} {random_tag(rng)}"
    return text


def add_filler(text: str, rng: random.Random) -> str:
    filler = rng.choice(_FILLERS)
    return f"{filler} {text}" if rng.random() < 0.4 else f"{text} {filler}"


def random_tag(rng: random.Random) -> str:
    """The 4–5 random letters some senders append so that no two messages are identical."""
    return "".join(rng.choices(string.ascii_letters, k=rng.randint(4, 5)))
