"""Message templates: spintax wording plus named slots, compiled once into ``str.format`` strings.

Syntax, the one spammers' own tools use: ``{a|b|c}`` picks one alternative (alternatives may be
empty and may nest), ``{slot}`` (lower-case identifier) is filled by a faker from
:mod:`chanrac.synth.fakers`. Everything else is literal text.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import product

from chanrac.model import Category
from chanrac.synth.mutate import fold

_SLOT = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_MAX_REALISATIONS = 128

# A parsed template is a sequence of parts; a part is literal text, or a tuple of alternatives,
# each alternative again a sequence of parts.
Part = str | tuple["Sequence_", ...]
Sequence_ = tuple[Part, ...]


class TemplateSyntaxError(ValueError):
    pass


def _parse(text: str, where: str) -> Sequence_:
    def sequence(pos: int, depth: int) -> tuple[list[Part], int]:
        parts: list[Part] = []
        literal: list[str] = []
        while pos < len(text):
            char = text[pos]
            if char == "{":
                slot = _SLOT.match(text, pos)
                if slot:
                    literal.append(slot.group(0))
                    pos = slot.end()
                    continue
                if literal:
                    parts.append("".join(literal))
                    literal = []
                alternatives, pos = choice(pos + 1, depth + 1)
                parts.append(alternatives)
                continue
            if char in "|}":
                if depth == 0:
                    raise TemplateSyntaxError(f"{where}: unexpected {char!r} at {pos}")
                break
            literal.append(char)
            pos += 1
        if literal:
            parts.append("".join(literal))
        return parts, pos

    def choice(pos: int, depth: int) -> tuple[tuple[Sequence_, ...], int]:
        alternatives: list[Sequence_] = []
        while True:
            parts, pos = sequence(pos, depth)
            alternatives.append(tuple(parts))
            if pos >= len(text):
                raise TemplateSyntaxError(f"{where}: unclosed '{{'")
            if text[pos] == "}":
                return tuple(alternatives), pos + 1
            pos += 1  # "|"

    parts, _ = sequence(0, 0)
    return tuple(parts)


def _count(seq: Sequence_) -> int:
    total = 1
    for part in seq:
        if isinstance(part, tuple):
            total *= sum(_count(alt) for alt in part)
    return total


def _expand_all(seq: Sequence_) -> list[str]:
    options: list[list[str]] = []
    for part in seq:
        if isinstance(part, str):
            options.append([part])
        else:
            options.append([s for alt in part for s in _expand_all(alt)])
    return ["".join(p) for p in product(*options)]


def _expand_one(seq: Sequence_, rng: random.Random) -> str:
    out: list[str] = []
    for part in seq:
        if isinstance(part, str):
            out.append(part)
        else:
            out.append(_expand_one(rng.choice(part), rng))
    return "".join(out)


def _literal(seq: Sequence_) -> str | None:
    return "".join(p for p in seq if isinstance(p, str)) if all(isinstance(p, str) for p in seq) else None


def _prefer_accented(seq: Sequence_) -> Sequence_:
    """Drop the unaccented twins of accented alternatives ("{nạp|nap}" → "{nạp}"), so that a message
    written with diacritics does not switch to ASCII mid-sentence."""
    out: list[Part] = []
    for part in seq:
        if isinstance(part, str):
            out.append(part)
            continue
        alternatives = [_prefer_accented(alt) for alt in part]
        literals = [_literal(alt) for alt in alternatives]
        accented = [t for t in literals if t is not None and fold(t) != t]
        accented_folds = {fold(t).lower() for t in accented}
        kept = [
            alt
            for alt, text in zip(alternatives, literals, strict=True)
            # an unaccented phrase next to accented ones is that phrase typed without accents
            if text is None
            or fold(text) != text
            or (text.lower() not in accented_folds and not (accented and " " in text.strip()))
        ]
        out.append(tuple(kept))
    return tuple(out)


def _tidy(text: str) -> str:
    """Empty alternatives leave doubled or stray spaces; real SMS rarely has them."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" ([,.!?;:])", r"\1", text)
    return text.strip()


@dataclass(frozen=True, slots=True)
class Compiled:
    """One realisation of a template's wording, ready for ``fmt.format(*values)``."""

    fmt: str
    slots: tuple[str, ...]


def compile_realisation(text: str) -> Compiled:
    slots: list[str] = []

    def number(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in slots:
            slots.append(name)
        return "{" + str(slots.index(name)) + "}"

    escaped = text.replace("{", "\x00").replace("}", "\x01")
    escaped = re.sub(r"\x00([a-z_][a-z0-9_]*)\x01", lambda m: "{" + m.group(1) + "}", escaped)
    escaped = escaped.replace("\x00", "{{").replace("\x01", "}}")
    return Compiled(_SLOT.sub(number, escaped), tuple(slots))


@dataclass(frozen=True)
class Template:
    """A message pattern of one category.

    ``senders`` names where such messages come from, the first being the most common: ``mobile``,
    ``shortcode``, or a brandname group whose entity the text names — ``bank`` (spoofed when the
    message is spam, as SMS blasters do), ``operator``, ``carrier``, ``service``, ``shop``,
    ``utility``, ``tax``, ``evn``, ``police``, ``csgt``, ``bhxh``.
    ``ascii_rate`` is how often the text is sent without diacritics (telecom-style ASCII).
    """

    id: str
    category: Category
    text: str
    senders: tuple[str, ...] = ("mobile",)
    ascii_rate: float = 0.5
    _parsed: Sequence_ = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_parsed", _parse(self.text, self.id))
        if not 0.0 <= self.ascii_rate <= 1.0:
            raise ValueError(f"{self.id}: ascii_rate must be within [0, 1]")

    @property
    def variant_count(self) -> int:
        """How many distinct wordings the spintax allows."""
        return _count(self._parsed)

    def realise(self, rng: random.Random, *, ascii: bool = False) -> str:
        """One random wording with its slots still as ``{slot}``."""
        if ascii:
            return fold(_tidy(_expand_one(self._parsed, rng)))
        return _tidy(_expand_one(_prefer_accented(self._parsed), rng))

    def _wordings(self, seq: Sequence_, salt: str) -> list[str]:
        if _count(seq) <= _MAX_REALISATIONS:
            return sorted({_tidy(t) for t in _expand_all(seq)})
        rng = random.Random(self.id + salt)
        seen: set[str] = set()
        for _ in range(_MAX_REALISATIONS * 4):
            seen.add(_tidy(_expand_one(seq, rng)))
            if len(seen) >= _MAX_REALISATIONS:
                break
        return sorted(seen)

    @cached_property
    def realisations(self) -> tuple[Compiled, ...]:
        """Up to a few hundred distinct wordings with diacritics, compiled; the same on every run."""
        return tuple(compile_realisation(t) for t in self._wordings(_prefer_accented(self._parsed), ":vi"))

    @cached_property
    def ascii_realisations(self) -> tuple[Compiled, ...]:
        """The same without diacritics (slot values are folded when the message is rendered)."""
        return tuple(compile_realisation(t) for t in sorted({fold(w) for w in self._wordings(self._parsed, ":ascii")}))

    @property
    def slot_names(self) -> frozenset[str]:
        return frozenset(s for c in self.realisations for s in c.slots)
