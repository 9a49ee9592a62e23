"""Punctuation injected inside words, the trick of the 2024–25 betting campaigns:
``N'ha'nL,jen:Qu.a;HangN,gayy`` for *Nhận liền quà hằng ngày*.

Marks (``, ; : ' " _ ~ ^ * ` | .``) are sprinkled between the letters of words and between words
glued together, whose boundaries stay visible only as a change to upper case. Ordinary text puts
such a mark between two letters rarely (``TP.HCM``, ``don't``, ``a,b``) and almost never with
several kinds of mark, so a message counts as injected when at least :data:`MIN_INJECTIONS`
marks sit between letters, of at least two kinds (or many of one kind); a dot or a comma typed
without its space, an English contraction or letters spelled out one by one do not count.
URLs, domains and e-mail addresses are left alone. Undoing the trick deletes the marks between
letters and puts a space where a glued word starts with a capital.
"""

from __future__ import annotations

import re

from chanrac.text.fold import VIETNAMESE_LETTERS
from chanrac.text.patterns import protected_spans

__all__ = ["MIN_INJECTIONS", "undo_injected_punctuation"]

MIN_INJECTIONS = 3  # with two kinds of mark
MIN_INJECTIONS_ONE_KIND = 6

_MARKS = ",;:'\"_~^*`|."
_TELLING_MARK_RE = re.compile("[" + re.escape(_MARKS.replace(",", "").replace(".", "")) + "]")
_LETTERS = "".join(sorted(set(VIETNAMESE_LETTERS) | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")))
_LOWER = "".join(c for c in _LETTERS if c.islower())
_UPPER = "".join(c for c in _LETTERS if c.isupper())
_LETTER_SET = frozenset(_LETTERS)
_MARK_CLASS = "[" + re.escape(_MARKS) + "]"
# One guard search decides for almost every message that there is nothing to do; it accepts what
# the decision below accepts, capitals included, so that an all-caps message is not let through.
_GUARD_RE = re.compile(f"[{_LETTERS}]{_MARK_CLASS}[{_LETTERS}]")
_INJECTION_RE = re.compile(f"(?<=[{_LETTERS}])({_MARK_CLASS}+)(?=([{_LETTERS}]))")
_CONTRACTION_RE = re.compile(r"'(?:s|t|m|d|ll|re|ve)\b", re.IGNORECASE)
_GLUED_RE = re.compile(f"(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}])")


def undo_injected_punctuation(text: str) -> str | None:
    """``text`` with the injected marks removed, or None when the message does not show the trick."""
    # Counting the telling marks (a one-class scan) rules out almost every message cheaply.
    if len(_TELLING_MARK_RE.findall(text)) < MIN_INJECTIONS or _GUARD_RE.search(text) is None:
        return None
    spans = protected_spans(text)
    injections = [m for m in _INJECTION_RE.finditer(text) if not _inside(m.start(), spans)]
    # A dot or a comma before a word is a sentence typed without its space, and "'s" or "'ll"
    # English: neither counts as evidence (both are removed once the trick is shown).
    # Letters spelled out one by one (c.a.c.u.o.c) are split_letters, which canonicalisation reads.
    telling = [
        m
        for m in injections
        if m.group(1) not in ".,"
        and not _CONTRACTION_RE.match(text, m.start())
        and (_is_letter(text, m.start() - 2) or _is_letter(text, m.end(1) + 1))
    ]
    kinds = {mark for m in telling for mark in m.group(1)} - {".", ","}
    if not (
        (len(telling) >= MIN_INJECTIONS and len(kinds) >= 2) or (len(telling) >= MIN_INJECTIONS_ONE_KIND and kinds)
    ):
        return None
    pieces: list[str] = []
    position = 0
    for m in injections:
        pieces.append(text[position : m.start()])
        position = m.end(1)
    pieces.append(text[position:])
    undone = "".join(pieces)
    # Glued words start with a capital; split them, but not inside the protected spans.
    spans = protected_spans(undone)
    return _GLUED_RE.sub(lambda m: m.group() if _inside(m.start(), spans) else " ", undone)


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index] in _LETTER_SET


def _inside(index: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= index < end for start, end in spans)
