"""Keyword rules per category, matched all at once by one Aho-Corasick automaton.

Every rule is a phrase of the canonical text (folded, de-obfuscated: see :mod:`chanrac.text`)
with a weight and a category. A message is turned into a *token text* — letters and digits
kept, everything else a space, padded with spaces — so that phrases match on word boundaries
only (`` cuoc `` does not fire inside ``khuyen cuoc``). A whole batch is one token text, so the
automaton walks it once; matches are mapped back to messages with ``searchsorted``.

Phrases come from the domain notes (../shared/domain.md, "What spam looks like"), from the operators'
public warnings and from reading the training sets — never from the held-out test splits. A
single ordinary word never fires on its own: ``vay`` (to borrow) or ``sim`` occur in ham, so the
rules hold phrases (``vay tien nhanh``, ``sim so dep``) and the category total is capped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick
import numpy as np

from chanrac.model import Category
from chanrac.text.domains import BETTING_SITES

__all__ = ["CATEGORY_CAP", "RULES", "WEAK_CAP", "Rule", "RuleMatcher", "token_text"]

CATEGORY_CAP = 4.0  # the most one category's keywords can add to a verdict
# Weak phrases (weight < 2) only support: a genuine OTP message holds "ma otp", "xac thuc",
# "dang nhap" and "het han" together, so without a cap their sum alone would flag it.
WEAK_CAP = 2.0
STRONG_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class Rule:
    phrase: str
    category: Category
    weight: float


def _rules(category: Category, weight: float, phrases: str) -> list[Rule]:
    return [Rule(p.strip(), category, weight) for p in phrases.split(";") if p.strip()]


G, L, F, P, S, M, A, D = (
    Category.GAMBLING,
    Category.LOAN,
    Category.FAKE_DOCS,
    Category.PHISHING,
    Category.SCAM,
    Category.SIM_SALE,
    Category.ADULT,
    Category.ADVERTISING,
)

RULES: tuple[Rule, ...] = tuple(
    [
        *_rules(
            G,
            2.0,
            "nha cai; ca cuoc; dat cuoc; no hu; tai xiu; game bai; xoc dia; ban ca doi thuong; "
            "lo de; danh de; casino; baccarat; da ga; soi keo; keo nha cai; vong cuoc; "
            "tan thu; hoan tra cuoc; cuoc thua; doi thuong; quay hu; the thao ao; "
            "slot game; bai doi thuong; keo bong da; ty le cuoc; rut tien sieu toc; "
            "soi cau; bach thu lo; song thu lo; lo xien; cap so dac biet; chuyen gia xo so; du doan xo so; "
            "du doan kqxs; du doan ket qua xo so; du doan xsmn; du doan xsmb; du doan xsmt; "
            "nap dau tang; hoan tra khong gioi han",
        ),
        # Betting sites named in public warnings (chanrac.text.domains); a name is one token here,
        # so "sun win" does not fire. A domain named after a site (hitclub.win) fires too, beside
        # the indicator.betting_site that its mirrors (fb88vn.me) fire alone.
        *_rules(G, 2.0, "; ".join(BETTING_SITES)),
        *_rules(
            G,
            1.0,
            "ban ca; nap dau; nap lan dau; thang lon; jackpot; x2 nap; choi thu; dai ly nha cai; "
            "thang rut; rut cuc nhanh",
        ),
        *_rules(
            L,
            2.0,
            "vay tien nhanh; vay nhanh; giai ngan trong ngay; giai ngan nhanh; khong tham dinh; "
            "khong the chap; vay tin chap; vay online; vay bang cccd; vay theo sim; no xau van vay; "
            "ho tro no xau; tin dung den; vay nong; app vay; khoan vay da duoc; "
            "lien he nguoi than; toan bo danh ba; du danh ba; het danh ba; thu hoi no; khong thanh toan khoan no; "
            "cam so; cam xe; rut tien mat tu the; dao han the",
        ),
        *_rules(
            L,
            1.0,
            "giai ngan; noi lam viec; khoan vay; vay von; lai suat thap; qua han thanh toan; khoan no; "
            "nhu cau vay; ho tro tai chinh",
        ),
        *_rules(
            F,
            2.0,
            "lam bang; bang dai hoc; bang cao dang; bang trung cap; bang lai xe; bang c3; "
            "bang cap 3; lam bang lai; lam giay to; giay to xe; phoi bang; hoa don do; "
            "ban hoa don; mua ban hoa don; hoa don vat dau vao; lam so do; lam cccd; lam cmnd; lam ho chieu; "
            "ho so goc; khong can thi; bao cong chung; lam chung chi; lam giay kham suc khoe; "
            "giay nghi om; sao ke ngan hang; lam bang tot nghiep; "
            "fake passport; novelty passport; fake id; fake diploma; buy diploma; "
            "university diplomas; ielts certificate; ielts certificates; toefl certificates; registered certificates; "
            "database entry; buy passport; buy passports",
        ),
        *_rules(
            F,
            1.0,
            "bang dh; bang cap; chung chi; giay kham suc khoe; xuat hoa don; giay to; ho chieu; cung cap cccd; "
            "diplomas; passports; driving licence; driver license; transcripts",
        ),
        *_rules(
            P,
            2.0,
            "bi khoa; tam khoa; bi vo hieu hoa; dang nhap tai; cap nhat tai; "
            "phat nguoi; nop phat; canh sat giao thong; vi pham giao thong; no tien dien; tien dien qua han; "
            "chua thanh toan tien dien; "
            "tro cap that nghiep; nhan tro cap; quy bhtn; bhtn; "
            "hoan thue; khoa hai chieu; "
            "khoa 2 chieu; giay trieu tap; lenh truy na; rua tien; vien kiem sat; can bo cong an; "
            "phoi hop dieu tra; lien quan vu an; "
            "khong the giao; cap nhat dia chi; phi luu kho; diem thuong sap het han; "
            "nang han muc; huy giao dich tai; dang nhap bat thuong; "
            "unpaid fine; verify your account; account suspended; copyright violation",
        ),
        *_rules(
            P,
            1.0,
            "xac thuc; dang nhap; mat khau; ma otp; vneid; dinh danh dien tu; sinh trac hoc; doi diem; "
            "kich hoat lai; thiet bi moi; chuan hoa thong tin; cong an; co quan thue; buu pham; cat dien; "
            "tai khoan cua quy khach; tai khoan cua ban; het han; thu hoi; kiem tra ngay; "
            "dang nhap facebook; dang nhap zalo; binh chon giup",
        ),
        *_rules(
            S,
            2.0,
            "tuyen ctv; tuyen cong tac vien; cong tac vien; lam viec tai nha; viec nhe luong cao; "
            "nhan luong cuoi ngay; tra luong hang ngay; luong hang ngay; ban thoi gian; "
            "tha tim; like video; nhan nhiem vu; nhiem vu tren; nhan hoa hong; tra hoa hong; muc hoa hong; "
            "trung thuong; trung giai; giai dac biet; "
            "nhan giai; qua tri an; loi nhuan cam ket; cam ket loi nhuan; lai moi ngay; "
            "tien ao; forex; san ngoai hoi; nhom tin hieu; chia se tin hieu; san giao dich; "
            "nhan dien thoai mien phi; nop phi van chuyen; "
            "kiem tien online; kiem tien tai nha; thu nhap 1; won a; claim your prize; "
            "you have been selected; remote job; tuyen nguoi; danh may tai nha; "
            "lay lai tien bi lua; thu hoi tien bi lua; hoan tien cho nan nhan; so tien da mat; "
            "hacked your; recorded you; daily income; earn money online; "
            "tam ung vien phi; customs fee; clearance fee; guaranteed profit; guaranteed returns; trading signals",
        ),
        *_rules(
            S,
            1.0,
            "kiem tien; thu nhap; dau tu; nhiem vu; hoa hong; tuyen dung; viec lam; lucky draw; congratulations; "
            # "dong phi" is also an insurance premium falling due (3 ham, 5 spam across the data)
            "part time job; work from home; bitcoin; usdt; phi thong quan; gop von; per week; dang cap cuu; dong phi",
        ),
        *_rules(
            M,
            2.0,
            "sim so dep; sim tu quy; sim ngu quy; sim tam hoa; sim phong thuy; sim nam sinh; "
            "sim loc phat; sim than tai; kich hoat san; sim da dang ky; sim rac; sim ao; "
            "sim data khong gioi han; kho sim; sim gia goc; sim de nho; sim lap kep; "
            "sim ganh dao; sim taxi; thu mua sim",
        ),
        *_rules(M, 1.0, "tu quy; ngu quy; tam hoa; so dep"),
        *_rules(
            A,
            2.0,
            "gai xinh; em gai xinh; hen ho; tinh mot dem; chat sex; phim sex; 18+; sex; "
            "nguoi yeu ao; gai goi; bao nuoi; chat nong; live show 18; khoa than; "
            "tam su cung em; goi video rieng tu; hot girl; hotgirl; clip nong; do choi nguoi lon; "
            "chat sexy; phim nguoi lon; sugar baby; sugar daddy; thuoc kich duc; hot girls; sexy girls; hookup; "
            "full dich vu",
        ),
        # "di kem" is an escort and also "comes with" (qua tang di kem, tin nhan di kem link)
        *_rules(A, 1.0, "massage; em o gan; body chuan; rieng tu; ket ban zalo; tiep vien karaoke; di kem"),
        *_rules(
            D,
            1.0,
            "giam gia; khuyen mai; uu dai; chiet khau; sale; thanh ly; khai truong; "
            "dat lich; tu van mien phi; tra gop; can ho; dat nen; so hong; bat dong san; "
            "lh; lien he; hotline; dang ky ngay; mien phi; gia truyen; dut diem; lieu trinh",
        ),
    ]
)
# "18+" has no letters left once punctuation becomes spaces; keep it readable as a phrase.
_TOKEN_RE = re.compile(r"[^a-z0-9+]+")


# The same for ASCII text (nearly every message): other characters become spaces with one
# str.translate and split/join collapses the runs — twice as fast as the regex substitution.
_TOKEN_ASCII = str.maketrans(
    {code: chr(code) if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789+" else " " for code in range(128)}
)


def token_text(canonical: str) -> str:
    """Letters, digits and ``+`` of the canonical text, single-spaced and padded with spaces."""
    if canonical.isascii():
        return f" {' '.join(canonical.translate(_TOKEN_ASCII).split())} "
    return f" {_TOKEN_RE.sub(' ', canonical).strip()} "


class RuleMatcher:
    """All phrases in one automaton; :meth:`match` gives per message and category the capped total
    weight and the phrases that fired."""

    def __init__(self, rules: Sequence[Rule] = RULES, cap: float = CATEGORY_CAP, weak_cap: float = WEAK_CAP) -> None:
        self.categories: tuple[Category, ...] = tuple(dict.fromkeys(r.category for r in rules))
        self._category_index = {c: i for i, c in enumerate(self.categories)}
        self.cap = cap
        self.weak_cap = weak_cap
        self._automaton = ahocorasick.Automaton()
        merged: dict[str, Rule] = {}
        for rule in rules:
            key = token_text(rule.phrase)
            if key.strip() != rule.phrase.strip():
                raise ValueError(f"rule phrase {rule.phrase!r} is not in canonical token form")
            previous = merged.get(key)
            if previous is None or previous.weight < rule.weight:
                merged[key] = rule
        for key, rule in merged.items():
            self._automaton.add_word(key, (self._category_index[rule.category], rule.weight, rule.phrase))
        self._automaton.make_automaton()

    def match(self, canonical_texts: Sequence[str]) -> tuple[np.ndarray, list[dict[int, list[str]]]]:
        """``(scores, phrases)``: ``scores[i, c]`` is message ``i``'s weight for
        ``self.categories[c]`` (weak phrases capped at ``weak_cap``, the total at ``cap``);
        ``phrases[i][c]`` lists the phrases that fired."""
        n = len(canonical_texts)
        scores = np.zeros((n, len(self.categories)), dtype=np.float64)
        weak = np.zeros_like(scores)
        phrases: list[dict[int, list[str]]] = [{} for _ in range(n)]
        if n == 0:
            return scores, phrases
        tokens = [token_text(t) for t in canonical_texts]
        # Messages are joined with "|" (never in a token text) so that no phrase spans two of them.
        joined = "|".join(tokens)
        starts = np.cumsum([0] + [len(t) + 1 for t in tokens[:-1]])
        hits = list(self._automaton.iter(joined))
        if not hits:
            return scores, phrases
        ends = np.fromiter((end for end, _ in hits), dtype=np.int64, count=len(hits))
        docs = np.searchsorted(starts, ends, side="right") - 1
        for doc, (_, (category, weight, phrase)) in zip(docs.tolist(), hits, strict=True):
            fired = phrases[doc].setdefault(category, [])
            if phrase in fired:
                continue
            fired.append(phrase)
            (scores if weight >= STRONG_WEIGHT else weak)[doc, category] += weight
        scores += np.minimum(weak, self.weak_cap)
        np.minimum(scores, self.cap, out=scores)
        return scores, phrases
