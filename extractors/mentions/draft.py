"""A figure being read: the `Draft` the steps of `kinds` fill in, made by `draft` (the number, its sign
and the qualifier before it) and turned into a `Mention` by `mention`.
"""
from __future__ import annotations

from math import isfinite
from dataclasses import dataclass

from extractors.mentions.reader import Num
from extractors.mentions.tail import Tail, qualifier_before
from extractors.record import Mention


@dataclass(slots=True)
class Draft:
    """A figure being read from the number `num` at token i (k after a currency before it)."""
    i: int
    k: int
    num: Num
    pre_unit: str | None     # a currency before the number
    start_tok: int           # the number's first token, its sign included
    sign: float
    value: float | None
    qual_tok: int | None     # the qualifier's first token
    qualifier: str | None
    comparative: bool
    j: int                   # the token after the figure read so far
    tail: Tail               # what follows the number itself
    kind: str | None
    unit: str | None
    end_tok: int             # the figure's last token
    decimals: int
    text_start_tok: int      # the figure's first token, qualifier included
    low: float | None = None
    high: float | None = None
    denominator: float | None = None


def draft(f, i: int, k: int, num: Num, pre_unit: str | None) -> Draft:
    """The number at token k with its sign (`-1,2%`, `âm 3`) and the qualifier before it."""
    toks = f.toks
    start_tok = i
    sign = 1.0
    if i > 0 and toks.text[i - 1] in ("-", "−") and (i < 2 or toks.kind[i - 2] != "num") \
            and (toks.end[i - 1] == toks.start[i] or (f.bare and i == 1 and f.gap(0, 1) == " ")) \
            and (i < 2 or f.gap(i - 2, i - 1) != "" or toks.text[i - 2] in ("(", "[")):
        # `-1,2%`, `(-2943 ha)`; `- 1.200.000` only when reading a lone numeral (in running text `- ` is a bullet)
        sign, start_tok = -1.0, i - 1
    elif i > 0 and toks.kind[i - 1] == "word" and (toks.low[i - 1] == "âm" or
                                                    (f.bare and toks.low[i - 1] == "trừ")):
        sign, start_tok = -1.0, i - 1
    value = sign * num.value
    qual_tok, qualifier, comparative = qualifier_before(f, start_tok)
    j = num.j
    # (by position, in the order of Draft's fields: a call by keywords costs three times as much)
    return Draft(i, k, num, pre_unit, start_tok, sign, value,
                 qual_tok, qualifier, comparative, j, f.after(j),
                 None, pre_unit, j - 1, num.decimals,   # kind, unit, end_tok, decimals
                 qual_tok if qual_tok is not None else start_tok)


def mention(f, d: Draft) -> tuple[Mention | None, int]:
    """The figure `d` as a Mention, and the token after it."""
    toks = f.toks
    # (start, end, text, kind, value, low, high, denominator, unit, qualifier by position: cheaper than by keyword)
    m = Mention(toks.start[d.text_start_tok], toks.end[d.end_tok], "", d.kind,
                d.value, d.low, d.high, d.denominator, d.unit, d.qualifier, decimals=d.decimals)
    if not ((d.value is None or isfinite(d.value)) and (d.low is None or isfinite(d.low))
            and (d.high is None or isfinite(d.high)) and (d.denominator is None or isfinite(d.denominator))):
        return None, d.j  # hundreds of digits times a scale word: not a figure anyone printed
    return m, d.j
