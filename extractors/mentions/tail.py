"""What stands around a number and makes it a figure's unit and qualifier.

After the number: a percent sign or `phần trăm`, a currency (`Tail`), cents after a currency
(`2 đô la và 23 xen`), units per unit (`/xã`, `/người/năm`), `trở lên`/`trở xuống`. Before it: a
currency (`$10`, `USD1,23`) and a qualifier word (`khoảng`, `hơn`, `không quá`), which a comparative
loses when `so với` follows (a difference, not a bound).

The word lists are data: `extractors/lexicon/qualifiers.tsv`, `qualifier_verbs.tsv`, `currencies.tsv`.
Functions take the finder (`f`: its `toks`, `text`, `words_at`, `phrase_before`, `read_num`).
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.mentions.tokens import ends_none, last_words
from extractors.numbers import SCALES
from extractors.units import per_unit

# `đồng` followed by one of these is a word (`đồng chí`, `đồng thời`), not the currency.
DONG_COMPOUNDS = {"chí", "bào", "thời", "bộ", "ý", "hành", "lòng", "đều", "loạt", "tâm", "nghiệp", "minh",
                  "thuận", "chủ", "bằng", "ruộng", "tình", "cảm", "dạng", "phục", "phạm", "hương", "ca",
                  "điệu", "cỏ", "hồ", "lúa", "sở", "đẳng", "nhất", "tiền", "khởi", "hưởng", "nát", "xu", "môn",
                  "đội", "thanh", "nai", "tháp", "hới", "văn", "xoài", "phát", "quê", "trợ", "sức", "lứa"}

# (words, qualifier, comparative?); the longest phrase before the number wins.
QUALIFIERS = [(r["word"], r["qualifier"], r["comparative"] == "yes") for r in lexicon.rows("qualifiers")]
_QUALIFIER_MAP = {p: (q, c) for p, q, c in QUALIFIERS}
# Verbs that may stand between a bound word and the number: `xấp xỉ đạt`, `gần bằng`, `khoảng là`.
_QUAL_VERBS = set(lexicon.column("qualifier_verbs", "word"))
# the last words of the qualifiers and of those verbs (`reader.ends_none`)
_QUAL_LAST = last_words(list(_QUALIFIER_MAP) + list(_QUAL_VERBS))
# Words after the number -> unit, and symbols or codes before it -> unit; each longest first.
CURRENCY_AFTER = [(r["word"], r["unit"]) for r in lexicon.rows("currencies") if r["side"] == "after"]
CURRENCY_BEFORE = [(r["word"], r["unit"]) for r in lexicon.rows("currencies") if r["side"] == "before"]
# by first token: [(words, unit, token texts)], longest first
_CURRENCY_AFTER_TOKS: dict[str, list] = {}
for _w, _u in CURRENCY_AFTER:
    _t = tuple(m.group() for m in re.finditer(r"[^\W\d_]+|\d+|\S", _w))
    _CURRENCY_AFTER_TOKS.setdefault(_t[0], []).append((_w, _u, _t))
_CURRENCY_BEFORE_N = [(sym, unit, len(re.findall(r"[^\W\d_]+|\d+|\S", sym))) for sym, unit in CURRENCY_BEFORE]
# by how a symbol or code may start (a token it begins with): those it may be, in the same order
_CURRENCY_BEFORE_BY_START: dict[str, list] = {}
for _c in _CURRENCY_BEFORE_N:
    for _n in range(1, len(_c[0]) + 1):
        _CURRENCY_BEFORE_BY_START.setdefault(_c[0][:_n], []).append(_c)
CURRENCY_STARTS = frozenset(_CURRENCY_BEFORE_BY_START)   # the token texts `currency_before` looks further at


class Tail:
    """What follows token j-1: a percent sign, a currency."""
    __slots__ = ("f", "j", "pct", "pct_end", "currency", "currency_end")

    def __init__(self, f, j: int):
        self.f, self.j = f, j
        toks = f.toks
        self.pct = None
        self.pct_end = None
        self.currency = None
        self.currency_end = None
        if j < len(toks.kind):
            tw = toks.text[j]
            if tw != "%" and tw != "‰" and tw not in _CURRENCY_AFTER_TOKS and toks.low[j] not in ("điểm", "phần"):
                return   # (most numbers: no percent, no currency, whatever the gap)
            gap = f.text[toks.end[j - 1]:toks.start[j]]
            same_line = "\n" not in gap and len(gap) <= 1
            if same_line and tw in ("%", "‰"):
                self.pct, self.pct_end = tw, j   # (per mille as written: `tỷ suất sinh 15,2‰`)
            elif not same_line or toks.low[j] not in ("điểm", "phần"):
                pass   # none of the words below starts here
            elif f.words_at(j, 3) == "điểm phần trăm":
                self.pct, self.pct_end = "điểm phần trăm", j + 2
            elif same_line and f.words_at(j, 1) == "điểm" and j + 1 < len(toks.kind) and toks.text[j + 1] == "%":
                self.pct, self.pct_end = "điểm phần trăm", j + 1
            elif same_line and f.words_at(j, 2) == "phần trăm":
                self.pct, self.pct_end = "%", j + 1
            if same_line and self.pct is None:
                for words, unit, wtoks in _CURRENCY_AFTER_TOKS.get(tw, ()):
                    n = len(wtoks)
                    seg = toks.text[j:j + n]
                    if len(seg) == n and all(x == w for x, w in zip(seg, wtoks)):
                        if words == "đ" and j + 1 < len(toks.kind) and toks.start[j + 1] == toks.end[j + n - 1] \
                                and toks.kind[j + 1] == "word":
                            continue
                        if words in ("đô",) and j + 1 < len(toks.kind) and toks.low[j + 1] == "thị":
                            continue
                        if words == "đồng" and j + 1 < len(toks.kind) and toks.kind[j + 1] == "word" \
                                and toks.low[j + 1] in DONG_COMPOUNDS and f.text[toks.end[j]:toks.start[j + 1]] == " " \
                                and not (j > 0 and toks.low[j - 1] in SCALES):
                            continue  # `đồng bằng` is a delta, but `7.750 tỷ đồng bằng 102%` is money
                        if words in ("won", "xu", "xen") and f.text[toks.end[j - 1]:toks.start[j]] != " ":
                            continue
                        self.currency, self.currency_end = unit, j + n - 1
                        break

    def word(self, n: int) -> str | None:
        k = self.j + n
        toks = self.f.toks
        if k < len(toks.kind) and toks.kind[k] == "word":
            return toks.low[k]
        return None

    def phrase(self, n: int) -> str | None:
        return self.f.words_at(self.j, n)


def currency_before(f, i: int) -> tuple[str | None, int]:
    """A currency before the number at token i (`$10`, `USD1,23`, `VN$1000`, `Rs. 20`): (its unit, the
    number's token), else (None, i)."""
    toks = f.toks
    k = i
    for sym, unit, n in _CURRENCY_BEFORE_BY_START.get(toks.text[k], ()):
        seg = toks.text[k:k + n]
        if len(seg) == n and "".join(seg) == sym and k + n < len(toks.kind) \
                and toks.kind[k + n] == "num" and f.text[toks.end[k + n - 1]:toks.start[k + n]].strip() in ("", "."):
            return unit, k + n
    return None, i


def qualifier_before(f, i: int):
    """The qualifier word before token i: (its first token, qualifier, comparative?), else (None, None, False)."""
    if i < 1 or ends_none(f.toks, i, _QUAL_LAST):
        return None, None, False   # (what the reading below comes to when no qualifier or verb ends at i - 1)
    phrases = _QUALIFIER_MAP
    # `f.phrase_before(i, phrases)`, else `f.phrase_before(i, _QUAL_VERBS)`: one look at the phrases before i
    if f.gap(i - 1, i).strip():
        return None, None, False
    befores = f.befores(i)
    hit = verb = None
    for start, p in befores:
        if p in phrases:
            hit = start, p
            break
    if hit is None:
        # `xấp xỉ đạt 40 ngàn tỷ đồng`, `khoảng trên 20%`: a bound word before the verb `đạt`/`là`
        for start, p in befores:
            if p in _QUAL_VERBS:
                verb = start, p
                break
        if verb is None:
            return None, None, False
        hit = f.phrase_before(verb[0], phrases)
        if hit is None or phrases[hit[1]][1] or hit[1] in ("trên", "hơn", "dưới", "độ"):
            return None, None, False
    return qualifier_at(f, *hit)


def qualifier_at(f, start: int, p: str):
    """The qualifier phrase `p` (of `QUALIFIERS`) that starts at token `start`, as `qualifier_before` gives it, or
    none where what stands before it makes it no qualifier (`cao hơn`, a `độ` after no `vào`/`khoảng`/`chừng`)."""
    q, comp = _QUALIFIER_MAP[p]
    if p == "khoảng chừng từ":
        return start, q, comp
    if p in ("hơn", "gần", "trên") and start > 0 and f.toks.low[start - 1] in ("cao", "thấp", "nhiều", "ít",
                                                                                 "lớn", "nhỏ", "kém"):
        return None, None, False
    if p == "độ" and not (start > 0 and f.toks.low[start - 1] in ("vào", "khoảng", "chừng")):
        return None, None, False
    return start, q, comp


def so_voi_after(f, j: int) -> bool:
    """`so với` follows token j-1 in the same clause."""
    for w, low in zip(f.toks.text[j:j + 12], f.toks.low[j:j + 12]):
        if w in (";", ".", "\n") or "\n" in w:
            return False
        if low == "so":
            return True
    return False


def cents_after(f, j: int):
    """Cents after a currency ending at token j-1 (`và 23 xen`, `23`): (cents, last token), else None."""
    toks = f.toks
    k = j
    if k < len(toks.kind) and toks.low[k] == "và":
        k += 1
    if k < len(toks.kind) and toks.kind[k] in ("num", "word"):
        n = f.read_num(k)
        if n is not None and n.value < 100 and not n.value % 1:
            end = n.j - 1
            if n.j < len(toks.kind) and toks.low[n.j] in ("xen", "xu", "cent", "cents"):
                end = n.j
            elif toks.low[j] == "và" and toks.kind[k] != "num":
                pass
            return n.value, end
    return None


def per_units(f, unit: str, end_tok: int, j: int) -> tuple[str, int, int]:
    """Units per unit after a unit ending at token end_tok: `19 tiêu chí/xã`, `67 triệu đồng/người/năm`,
    `8,5%/năm`, `12,8 bác sĩ/vạn dân`. Returns (unit, end token, next token)."""
    while unit and j == end_tok + 1:
        per = per_unit(f.toks, j, f.text)
        if per is None:
            break
        unit = f"{unit}/{per[0]}"
        end_tok, j = per[1], per[1] + 1
    return unit, end_tok, j
