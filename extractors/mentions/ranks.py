"""Ranks: a standing among provinces or units (`xếp thứ 32/63 tỉnh`, `đứng thứ 5`, `xếp hạng 5`, `xếp thứ
nhất`). `rank` is the step of `kinds` that makes a number after `thứ` (or `xếp hạng`) a rank; `rank_word`
reads an ordinal in words (`đứng thứ nhì`); `ranked_after` says when `thứ N` is a standing with no `xếp`/`đứng`
before it.
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.mentions.draft import Draft
from extractors.mentions.tokens import last_words
from extractors.mentions.nonfigures import EXTENT_BEFORE_THU, FIELD_AFTER_THU
from extractors.record import Mention

# Before `thứ` and a number, these make it a rank (`xếp thứ 5`, `vươn lên thứ 12`).
RANK_BEFORE = {"xếp", "xếp hạng", "đứng", "hạng", "vị trí", "vị", "xếp vị", "đứng vị", "vươn lên", "tụt", "lên", "xuống", "giữ", "đứng thứ"}
# Before a number with no `thứ`, these make it a rank (`xếp hạng 5`, `vị trí số 3`).
# a fraction of all the provinces, in a sentence about standing, is a place in a ranking (ANNOTATION.md)
_PROVINCE_COUNTS = (63.0, 34.0)
_STANDING = re.compile(r"(?<!\w)(?:xếp|hạng|vị trí|vị thứ|đứng|bậc|PCI|PAPI|PAR ?INDEX|SIPAS|DDCI|DTI|PGI|chỉ số)(?!\w)",
                       re.IGNORECASE)
# what a top group is counted in: `tốp 18 tỉnh`, `TOP 10 tỉnh, thành phố`, `tốp 5 địa phương`
_PLACES = {"tỉnh", "thành phố", "tỉnh thành", "tỉnh, thành", "địa phương", "huyện", "quốc gia", "nước"}
# the second word of the two-word fields a standing is counted in: `trong tổng số 30`, `trong danh sách 30`
_SECOND_WORD = {"tổng": "số", "danh": "sách"}
_PLACED = {"xếp", "đứng", "đứng ở", "xếp ở"}
_RANK_WITHOUT_THU = {"xếp hạng", "hạng", "vị trí số", "thứ hạng", "vị trí", "ở vị trí", "xếp hạng thứ"}
_RANK_OR_THU = _RANK_WITHOUT_THU | {"thứ"}
_NHAT_RANKED = {"xếp hạng", "hạng", "đứng", "xếp"}   # (`đứng nhất`, `xếp nhì`)
# `hạng nhất` of an award is its class: `Huân chương Lao động hạng nhất`, `Huy chương Vàng`, `giải`
_DECORATION = re.compile(r"(?:[Hh]uân|[Hh]uy)\s+chương|[Cc]hiến công|[Bb]ằng khen|[Gg]iải(?!\s+ngân)(?!\s+quyết)")
# before `trong N tỉnh`, these make the province the first of N: `đứng đầu trong 5 địa phương`
_AT_THE_HEAD = {"đứng đầu", "dẫn đầu", "xếp đầu"}
# what `rank` asks of the token before a number that is no fraction: one of these words, or the end of a phrase of
# _RANK_WITHOUT_THU (`kinds.settle` calls it only then)
RANK_PREVIOUS = frozenset({"thứ", "lên", "xuống", "top", "tốp"})
RANK_PHRASE_LAST = last_words(_RANK_WITHOUT_THU)
# an ordinal in words and the rank it reads as (`xếp thứ nhì`; extractors/lexicon/ordinal_words.tsv)
ORDINAL_WORDS = {r["word"]: float(r["value"]) for r in lexicon.rows("ordinal_words") if r["role"] == "ordinal" and r["value"]}


def rank(f, d: Draft):
    """`xếp thứ 32/63 tỉnh`, `đứng thứ 5`, `xếp hạng 5`."""
    toks, start_tok = f.toks, d.start_tok
    if start_tok > 0 and toks.low[start_tok - 1] == "thứ" and d.kind in (None, "fraction", "quantity"):
        rb = f.phrase_before(start_tok - 1, RANK_BEFORE)
        if d.kind == "fraction" or rb is not None or ranked_after(f, start_tok - 1, d.j):
            d.kind = "rank"
            d.text_start_tok = rb[0] if rb else start_tok - 1
            d.qualifier = None
    elif start_tok > 0 and d.kind in (None, "fraction") and (rb := f.phrase_before(start_tok, _RANK_WITHOUT_THU)) \
            and not (d.j < len(toks.kind) and toks.low[d.j] == "bậc"):   # (`thăng hạng 2 bậc`: a move, not a place)
        d.kind, d.text_start_tok = "rank", rb[0]
    elif start_tok > 2 and d.kind is None and toks.low[start_tok - 1] in ("lên", "xuống") \
            and toks.kind[start_tok - 2] == "num" and f.phrase_before(start_tok - 2, _RANK_OR_THU):
        d.kind = "rank"                                     # `từ vị trí 53 lên 46`: the place it moved to
    elif start_tok > 0 and d.kind == "fraction" and (rb := f.phrase_before(start_tok, _PLACED)):
        d.kind, d.text_start_tok = "rank", rb[0]          # `xếp 17/63 tỉnh, thành phố`
    elif start_tok > 0 and toks.low[start_tok - 1] in ("top", "tốp") and d.kind is None:
        noun, nend = f.counted_noun(d.j)
        if noun and noun.split(",")[0].strip().lower() in _PLACES:   # `trong tốp 18 tỉnh`, `TOP 10 tỉnh, thành phố`
            d.kind, d.text_start_tok, d.qualifier = "rank", start_tok - 1, None
            d.unit, d.end_tok, d.j = noun, nend, nend + 1
            return
        if noun is None and d.unit is None and d.tail.pct is None and d.tail.currency is None:    # `lọt vào tốp 10,`, `nằm trong top 10 của cả nước`
            d.kind, d.text_start_tok, d.qualifier = "rank", start_tok - 1, None
            return
    elif start_tok > 1 and d.kind in (None, "quantity") and toks.low[start_tok - 1] == "trong" and d.value \
            and (rb := f.phrase_before(start_tok - 1, _AT_THE_HEAD)):
        noun, nend = f.counted_noun(d.j)
        if noun and noun.split(",")[0].strip().lower() in _PLACES:   # `đứng đầu trong 5 địa phương`: first of 5
            d.kind, d.text_start_tok, d.qualifier = "rank", rb[0], None
            d.denominator, d.value, d.decimals = d.value, 1.0, 0
            d.unit, d.end_tok, d.j = noun, nend, nend + 1
            return
    elif d.kind == "fraction" and d.denominator in _PROVINCE_COUNTS and \
            _STANDING.search(f.text[max(0, toks.start[start_tok] - 150):toks.start[start_tok] + 150]):
        d.kind = "rank"                                     # `…; bảng xếp hạng PCI: 17/63 tỉnh, thành phố`
    if d.kind == "rank" and d.unit is None and d.j < len(toks.kind):
        noun, nend = f.counted_noun(d.j)
        if noun and d.denominator is not None:
            d.unit, d.end_tok, d.j = noun, nend, nend + 1
        elif d.denominator is None:
            _out_of(f, d)


def _out_of(f, d: Draft) -> None:
    """`đứng thứ 3 trong 5 tỉnh, thành phố`, `thứ 3 trong nhóm 10 tỉnh`: the number ranked among."""
    got = among(f, d.j, d.value)
    if got is not None:
        d.denominator, d.unit, d.end_tok = got
        d.j = d.end_tok + 1


def among(f, j: int, value: float | None):
    """What a standing of `value` is ranked among, right after it at token j: `trong 5 tỉnh, thành phố`, `trong
    nhóm 10 tỉnh`, `trên tổng số 34 tỉnh, thành phố`: (the number, its counted noun, its last token) or None."""
    toks = f.toks
    if j >= len(toks.kind) or toks.low[j] not in ("trong", "trên"):
        return None
    k = j + 1
    if k < len(toks.kind) and toks.low[k] in ("nhóm", "số", "tổng", "danh"):
        # `tổng số`, `danh sách` are two words
        k += 2 if k + 1 < len(toks.kind) and _SECOND_WORD.get(toks.low[k]) == toks.low[k + 1] else 1
    if k >= len(toks.kind) or toks.kind[k] != "num":
        return None
    num = f.read_num(k)
    if num is None or num.has_words:
        return None
    noun, nend = f.counted_noun(num.j)
    if noun and num.value and value is not None and num.value > value:
        return num.value, noun, nend
    return None


# Words that make `thứ N` a standing without `xếp`/`đứng`: an extent before it (`giảm nhanh thứ hai cả
# nước`), a field after it (`thứ 3 trong nhóm 10 tỉnh`, `thứ 5 cả nước`).


def ranked_after(f, thu: int, after: int) -> bool:
    """Whether `thứ N` (`thu` the index of `thứ`, `after` the token after N) is a standing though no
    `xếp`/`đứng` stands right before it."""
    toks = f.toks
    if thu > 0 and toks.low[thu - 1] in EXTENT_BEFORE_THU:
        return True
    if any(f.words_at(after, len(w.split())) == w for w in FIELD_AFTER_THU):
        return True
    # `đứng thứ 5 cả nước và thứ 3 trong …`, `Vị trí thứ 4 và thứ 5`: a second standing in a list
    if thu > 0 and toks.low[thu - 1] in ("và", ",", "lên", "xuống"):
        for k in range(thu - 2, max(-1, thu - 12), -1):
            if toks.low[k] == "thứ" and (f.phrase_before(k, RANK_BEFORE | {"vị trí"}) is not None):
                return True
            if toks.text[k] in (".", ";"):
                break
    return False


def rank_word(f, i: int, k: int):
    """`xếp thứ nhất`, `đứng thứ nhì`, `xếp hạng nhì`, `giảm nhanh thứ hai cả nước`."""
    toks = f.toks
    if toks.low[k - 1] == "thứ":
        rb = f.phrase_before(k - 1, RANK_BEFORE)
        if rb is None and ranked_after(f, k - 1, k + 1):
            rb = (k - 1, "thứ")
    elif toks.low[k] in ("nhất", "nhì"):
        rb = f.phrase_before(k, _NHAT_RANKED)
    else:
        rb = None
    if rb is None:
        return None, i + 1
    if rb[1] in _NHAT_RANKED and _DECORATION.search(f.text, max(0, toks.start[rb[0]] - 40), toks.start[rb[0]]):
        return None, k + 1       # `Huân chương Lao động hạng nhất`: a class of an award, no standing
    value = ORDINAL_WORDS[toks.low[k]]
    got = among(f, k + 1, value)   # `xếp thứ nhất trong 5 địa phương`
    if got is not None:
        den, noun, nend = got
        return Mention(toks.start[rb[0]], toks.end[nend], "", "rank", value=value, denominator=den, unit=noun), nend + 1
    return Mention(toks.start[rb[0]], toks.end[k], "", "rank", value=value), k + 1
