"""Vietnamese syllables on folded text: is a letter string a syllable, and how does a run of
letters split into syllables (``nhacai`` → ``nha cai``).

Spammers write keywords letter by letter (``n h a c a i``); once the letters are joined, the word
boundaries are lost. Vietnamese is written one syllable per word, and the set of syllables is
small and regular (onset + rhyme), so a run is re-segmented by dynamic programming over valid
syllables, preferring fewer pieces, consonant-initial pieces and pairs from a small lexicon of
the words spam is made of. A run that does not segment is not a split word and is left alone.
"""

from __future__ import annotations

from functools import lru_cache

from chanrac.text.patterns import words

__all__ = ["LEXICON", "LOANWORDS", "SYLLABLES", "is_syllable", "segment"]

ONSETS: tuple[str, ...] = (
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "th", "tr", "qu",
    "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "",
)  # fmt: skip

# Rhymes of standard Vietnamese with diacritics removed (ă/â → a, ê → e, ô/ơ → o, ư → u).
RHYMES: frozenset[str] = frozenset(
    words(
        """
    a ac ach ai am an ang anh ao ap at au ay
    e ec ech em en eng enh eo ep et eu
    i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu
    o oa oac oach oai oam oan oang oanh oao oap oat oay oc oe oen oeo oet oi om on ong ooc oong op ot
    u ua uac uan uang uanh uat uay uc ue uech uenh ui um un ung uo uoc uoi uom uon uong uop uot uou
    up ut uu uy uya uych uyen uyet uynh uyt uyu
    y yem yen yet yeu
    """
    )
)

#: Loanwords that appear whole in Vietnamese spam and are not Vietnamese syllables.
LOANWORDS: frozenset[str] = frozenset(
    words(
        """
    game bank online link click app apk casino slot bet vip free sim web website zalo tele telegram
    facebook fanpage inbox code otp sms sale shop iphone visa momo viettel vinaphone mobifone data
    bonus jackpot poker baccarat live club ok email gmail wifi voucher card
    """
    )
)

#: Two-syllable words of spam and of everyday SMS, used to choose between segmentations.
LEXICON: frozenset[tuple[str, str]] = frozenset(
    (first, second)
    for first, _, second in (
        pair.partition("_")
        for pair in words(
            """
    nha_cai ca_cuoc tai_xiu no_hu game_bai lo_de xo_so danh_bai vay_tien vay_von giai_ngan tin_dung
    the_chap lai_suat ho_tro dang_ky lien_he tai_khoan ngan_hang chuyen_khoan mat_khau xac_thuc
    khuyen_mai trung_thuong qua_tang phan_thuong mien_phi uu_dai bang_cap dai_hoc cao_dang bang_lai
    so_do hoa_don lam_bang cong_an phat_nguoi giao_thong dien_luc viec_lam cong_tac tac_vien thu_nhap
    hoa_hong dau_tu loi_nhuan chung_khoan tien_ao so_dep kiem_tien nap_tien rut_tien hen_ho gai_xinh
    dien_thoai tin_nhan cam_on xin_chao khach_hang dich_vu thong_bao nhan_tien nhan_ngay lua_dao
    thanh_toan giao_dich the_cao nha_dat bat_dong dong_san bao_hiem tu_van hoc_bong
    """
        )
    )
)


#: Every folded Vietnamese syllable (onset + rhyme): a set lookup is the fastest test.
SYLLABLES: frozenset[str] = frozenset(
    onset + rhyme for onset in ONSETS for rhyme in RHYMES if onset != "q" or rhyme.startswith("u")
)


def is_syllable(word: str) -> bool:
    """Whether a folded letter string is a Vietnamese syllable (``nguyen`` yes, ``str`` no)."""
    return word in SYLLABLES


_VOWELS = frozenset("aeiouy")
#: Longer runs are not one split keyword (and would cost quadratic time to try).
MAX_SEGMENT_LETTERS = 40
_MAX_PIECE = 7


def segment(letters: str) -> list[str] | None:
    """Split a folded letter run into syllables or loanwords, or None when it cannot be split.

    ``segment("nhacai") == ["nha", "cai"]``, ``segment("game") == ["game"]``,
    ``segment("bcd") is None``.
    """
    if not letters or len(letters) > MAX_SEGMENT_LETTERS:
        return None
    return _segment(letters)


@lru_cache(maxsize=4096)
def _segment(letters: str) -> list[str] | None:
    if letters in LOANWORDS:
        return [letters]
    n = len(letters)
    # best[i][prev] is unwieldy; pieces are few, so keep for each end position the best
    # (cost, pieces) per last piece.
    best: list[dict[str, tuple[float, tuple[str, ...]]]] = [{} for _ in range(n + 1)]
    best[0][""] = (0.0, ())
    for start in range(n):
        if not best[start]:
            continue
        for end in range(start + 1, min(n, start + _MAX_PIECE + 4) + 1):
            piece = letters[start:end]
            if not (piece in LOANWORDS or piece in SYLLABLES):
                continue
            piece_cost = 1.0 + (0.2 if piece[0] in _VOWELS else 0.0)
            for prev, (cost, pieces) in best[start].items():
                total = cost + piece_cost - (0.6 if (prev, piece) in LEXICON else 0.0)
                current = best[end].get(piece)
                if current is None or total < current[0]:
                    best[end][piece] = (total, (*pieces, piece))
    if not best[n]:
        return None
    return list(min(best[n].values())[1])
