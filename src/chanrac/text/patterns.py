"""Regular expressions shared by the normaliser and the indicator extractor: URLs, e-mails,
defanged dots, emoji. They are written for *folded* text (lower case, ASCII letters) unless
their name says otherwise.
"""

from __future__ import annotations

import re


def words(block: str) -> list[str]:
    """The whitespace-separated words of a block of data written in the source."""
    return block.split()


__all__ = [
    "DOT",
    "EMAIL_RE",
    "EMOJI_CLASS",
    "PROTECTED_RE",
    "TLDS",
    "TLD_SET",
    "TRAILING_PUNCTUATION",
    "URL_RE",
    "known_tld",
    "protected_spans",
    "url_pattern",
    "words",
]

#: Top-level domains recognised in a bare domain written without a scheme (``vcb.com.vn``,
#: ``abc.top``). A bare ``name.word`` with any other ending is not taken for a domain, which
#: keeps "tp.hcm" or "v.v" out.
TLDS: tuple[str, ...] = tuple(
    words(
        """
    com net org info biz edu gov int mil vn top vip xyz icu club online site cc me ly gd id at io co
    app link shop store live fun asia pro tk ml ga cf gq us uk ru cn in tv mobi win bet cam buzz sbs
    cfd today work life world website space tech ink cyou bond ws to ai so gl la pw click best mx my
    sg th kr jp hk tw ph gg one social lol rest monster quest autos cloud email digital news host
    press ltd group games casino poker fit ac am be bz ca ch de es eu fr it nl nu pl pt se su ua cx
    pk tr br ar au nz kh lk ir mp gle vin bio lat pics beauty hair skin mom
    """
    )
)

TLD_SET: frozenset[str] = frozenset(TLDS)

#: Punctuation after a link that closes the sentence, not the link ("xem bit.ly/3XyZ.").
TRAILING_PUNCTUATION = ".,;:!?)]}>\"'…"

#: A dot as spammers write it to dodge link filters: ``.``, ``[.]``, ``(.)``, ``[dot]``, ``(dot)``.
DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\)|\{\.\})"


def url_pattern(dot: str) -> str:
    """A URL with a scheme (also ``hxxp``/``hxxps``/``h**p``), a ``www.`` URL, or a bare domain
    with an optional path, the dot written as ``dot`` matches. The last label of a bare domain
    is the group ``tld``: check it against :data:`TLD_SET` (a 150-way alternation inside the
    pattern would make it several times slower)."""
    return rf"""
    (?:
        (?<![\w])(?:h[tx*]{{2}}ps?|fxp|ftp)(?::|\[:\])//[^\s<>"'`]+      # scheme://…
      | (?<![\w.])www{dot}[^\s<>"'`]+                                  # www.…
      | (?<![\w@.\-/])(?:[a-z0-9][a-z0-9-]*{dot})+(?P<tld>[a-z]{{2,24}})(?![\w\-])  # bare domain …
        (?:[/?#][^\s<>"'`]*|:\d{{2,5}}(?:/[^\s<>"'`]*)?)?               # … with a path
    )
    """


#: See :func:`url_pattern`; case-insensitive, so it also runs on original text.
URL_RE = re.compile(url_pattern(DOT), re.IGNORECASE | re.VERBOSE)


def known_tld(match: re.Match[str]) -> bool:
    """Whether a match of a :func:`url_pattern` regex has a scheme, ``www.`` or a known TLD."""
    tld = match.group("tld")
    return tld is None or tld.lower() in TLD_SET


EMAIL_RE = re.compile(r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}", re.IGNORECASE)

#: Spans that de-obfuscation must never touch, on folded text.
PROTECTED_RE = re.compile(f"{URL_RE.pattern}|{EMAIL_RE.pattern}", re.IGNORECASE | re.VERBOSE)

#: Pictographs and symbols used as decoration or as separators between letters.
EMOJI_CLASS = (
    "[\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d"
    "\u3297\u3299\ufe0f\u200d\U0001f000-\U0001faff]"
)

# Where a URL, domain or address can be: a letter or digit, then a dot, @, slash, colon or
# bracket, then a letter. Sentence full stops and numbers such as 1.500.000 do not qualify.
# Case-sensitive twins of the patterns above for lower-case text: IGNORECASE makes every
# character-class test slower, and protected_spans runs on every message.
# Written punctuation first (the letter or digit before it is a look-behind): the regex engine
# then skips ahead to the rare punctuation instead of trying at every letter, 2.5× faster. A
# match starts one character later than "[a-z0-9][.@/:\[\]()]+[a-z]" would, on the punctuation;
# that character is never a space, so the token found around it is the same.
_HINT_RE = re.compile(r"[.@/:\[\]()](?<=[a-z0-9][.@/:\[\]()])[.@/:\[\]()]*[a-z]")
_URL_LOWER_RE = re.compile(url_pattern(DOT), re.VERBOSE)
_EMAIL_LOWER_RE = re.compile(EMAIL_RE.pattern)
# n.h.a.c.a.i ends in a TLD but is a word written letter by letter, not a domain.
_SPLIT_WORD_DOMAIN_RE = re.compile(r"(?:[a-z]\.){2,}[a-z]{2,}$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, domains and e-mail addresses in ``text``, left to right (any case)."""
    if not text.islower():
        text = text.translate(_ASCII_LOWER)  # same length, unlike str.lower()
    hint = _HINT_RE.search(text)
    spans: list[tuple[int, int]] = []
    while hint is not None:
        token_start = max(text.rfind(" ", 0, hint.start()), text.rfind("\n", 0, hint.start())) + 1
        token_end = _token_end(text, hint.end())
        # The e-mail pattern is quadratic on a long token without '@': only try it with one.
        if "@" in text[token_start:token_end]:
            found = sorted(
                [
                    *_EMAIL_LOWER_RE.finditer(text, token_start, token_end),
                    *_URL_LOWER_RE.finditer(text, token_start, token_end),
                ],
                key=lambda m: (m.start(), -m.end()),
            )
        else:
            found = list(_URL_LOWER_RE.finditer(text, token_start, token_end))
        covered = token_start
        for match in found:
            if match.start() < covered:
                continue  # the domain of an e-mail address already protected
            if match.re is _EMAIL_LOWER_RE or (known_tld(match) and not _SPLIT_WORD_DOMAIN_RE.match(match.group())):
                spans.append(match.span())
                covered = match.end()
        hint = _HINT_RE.search(text, token_end)
    return spans


_WHITESPACE_RE = re.compile(r"\s")


def _token_end(text: str, position: int) -> int:
    found = _WHITESPACE_RE.search(text, position)
    return len(text) if found is None else found.start()
