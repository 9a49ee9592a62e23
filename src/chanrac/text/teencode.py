"""Teencode and SMS abbreviations: the whole words expanded in the canonical text.

All keys and values are *folded* (lower case, no diacritics), because the expansion runs on the
fold. Only forms that are unambiguous in SMS are here; forms that would damage ordinary text are
left out on purpose:

* ``z``/``v`` (vậy): folded "vậy" is ``vay`` — the loan keyword — so expanding them would invent
  loan spam; ``v`` is also the 5656 call-report keyword.
* ``kh`` (không in chat, but "khách hàng" in every bank SMS), ``dt`` (điện thoại / đào tạo),
  ``bh`` (bao giờ / bảo hiểm / bảo hành), ``bn`` (bạn / bao nhiêu), ``gd`` (giao dịch / gia đình),
  ``hong`` (không / hỏng / hồng), ``t`` and ``m`` (tôi/tao, mày/mét), ``qc`` (kept: the legal
  advertising label is matched on the original).
* ``a`` → ``anh`` only when a word follows: at the end of a sentence "a" is the particle ạ/à.
* ``k`` after a number stays: "5 k" is five thousand.
* Nothing is expanded in a message that reads as English (:func:`looks_english`): "k" is okay,
  "r" is "are", "a" is the article.

``dk`` expands to ``dang ky`` (the operators' "Soạn DK gửi 9xxx"), not to ``được``.
"""

from __future__ import annotations

from chanrac.text.syllables import LOANWORDS, SYLLABLES

__all__ = ["ENGLISH_AMBIGUOUS", "ENGLISH_WORDS", "TEENCODE", "TEENCODE_FORMS", "looks_english"]

TEENCODE: dict[str, str] = {
    # không
    "k": "khong", "ko": "khong", "kg": "khong", "khg": "khong", "hk": "khong", "hok": "khong",
    "khum": "khong", "hem": "khong", "k0": "khong",
    # được, gì, vậy-free question words
    "dc": "duoc", "dk": "dang ky", "j": "gi", "ji": "gi",
    # pronouns and people
    "e": "em", "a": "anh", "ank": "anh", "ng": "nguoi", "mn": "moi nguoi", "mk": "minh", "mik": "minh",
    "cj": "chi", "ae": "anh em", "ny": "nguoi yeu",
    # small words
    "vs": "voi", "r": "roi", "cx": "cung", "cg": "cung", "trc": "truoc", "ns": "noi", "wa": "qua",
    "ntn": "nhu the nao", "bik": "biet", "bit": "biet", "ik": "di", "thik": "thich", "iu": "yeu",
    "nhiu": "nhieu", "hnay": "hom nay", "hqua": "hom qua", "bjo": "bay gio", "bg": "bay gio",
    # money and contact: the vocabulary of loan, scam and phishing SMS
    "ck": "chuyen khoan", "tk": "tai khoan", "stk": "so tai khoan", "sdt": "so dien thoai",
    "nh": "ngan hang", "lh": "lien he", "tr": "trieu", "sp": "san pham", "nt": "nhan tin",
}  # fmt: skip

_ENGLISH_CANDIDATES = (
    "you", "your", "is", "are", "and", "of", "for", "with", "this", "please", "will", "have", "what",
    "that", "just", "from", "when", "was", "been", "would", "get", "got", "dont", "know", "like",
    "love", "good", "going", "come", "now", "how", "all", "our", "out", "see", "time", "sorry",
    "later", "home", "work", "need", "want", "tell", "think", "still", "back", "only", "then",
    "there", "where", "here", "im", "i'm", "it's", "don't", "can't", "lol", "pls", "plz", "dear",
    "hey", "yes", "yeah", "they", "she", "he's", "we", "him", "her", "did", "does", "if", "so",
    "but", "not", "it", "be", "to", "the", "on", "at", "in", "my", "me", "do", "no",
)  # fmt: skip

#: English words that are not also folded Vietnamese syllables: "the", "to", "on", "be", "my",
#: "can" are thế, tô, ơn, bé, mỹ, cần once folded, so they are filtered out.
ENGLISH_WORDS: frozenset[str] = frozenset(w for w in _ENGLISH_CANDIDATES if w not in SYLLABLES)


def looks_english(tokens: list[str]) -> bool:
    """Whether folded tokens (the text split at spaces) read as English: two distinct words of
    :data:`ENGLISH_WORDS`, or fewer than half of the distinct words among the first sixteen
    (punctuation-free, two letters or more) being Vietnamese syllables, teencode or loanwords
    (``ok lar joking wif u oni``). Set operations only: it runs on messages with teencode."""
    if len(ENGLISH_WORDS.intersection(tokens)) >= 2:
        return True
    head = {t for t in tokens[:16] if len(t) > 1 and t.isalpha()}
    if len(head) < 3:
        return False
    return len(_VIETNAMESE_WORDS.intersection(head)) * 2 < len(head)


#: Keys that also occur in English chat ("a", "k", "r", "bit" …); only when one of them is
#: present does the normaliser ask whether the message is English.
ENGLISH_AMBIGUOUS: frozenset[str] = frozenset(
    ("a", "e", "r", "k", "j", "bit", "nt", "ng", "wa", "sp", "ns", "ae", "mn", "ny", "ik", "iu", "cj", "ji", "bg")
)

_VIETNAMESE_WORDS = SYLLABLES | LOANWORDS | frozenset(TEENCODE)

#: For the obfuscation generator: folded word (or phrase) → the teencode forms that expand to it.
TEENCODE_FORMS: dict[str, tuple[str, ...]] = {}
for _short, _long in TEENCODE.items():
    TEENCODE_FORMS[_long] = (*TEENCODE_FORMS.get(_long, ()), _short)
