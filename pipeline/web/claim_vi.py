"""The claim checker's worked comparisons and reasons (`pipeline.db.claims`) in Vietnamese, for the `/-/check`
page: `claim 2.500 − stored 2.101 = +399 (+19 % of the stored value)` reads `nhận định 2.500 − nguồn 2.101 =
+399 (+19 % so với số của nguồn)`, `another period: the stored figure is of 2021, the claim of 2022` reads
`khác kỳ: số liệu nguồn thuộc năm 2021, nhận định thuộc năm 2022`.

The checker writes these sentences in English from a fixed set of patterns (pipeline/db/claims/match.py);
each pattern has its Vietnamese here, with the figures, places and periods it carries kept (periods in
Vietnamese). A sentence no pattern knows stays as it is: the page prints the English beside it anyway.
"""
from __future__ import annotations

import re

from pipeline.web import vi

_NONE = {"none": "không có"}


def _period(m: re.Match, name: str) -> str:
    return vi.period(m[name].strip()) or m[name]


def _direction(word: str) -> str:
    return vi.DIRECTIONS.get(word, word)


# (pattern, Vietnamese): applied in order, each everywhere it matches; names and figures are never
# parentheses or semicolons, which join the reasons
_X = r"[^;()]+?"
RULES: list[tuple[re.Pattern, object]] = [(re.compile(p), r) for p, r in [
    (r"the claim names no period; the stored figure is of an unknown period",
     "nhận định không nêu kỳ; không rõ kỳ của số liệu nguồn"),
    (r"the claim names no period; the stored figure is of (?P<p>[^;()]+)",
     lambda m: f"nhận định không nêu kỳ; số liệu nguồn thuộc {_period(m, 'p')}"),
    (r"another period: the stored figure is of (?P<a>[^,;()]+), the claim of (?P<b>[^;()]+)",
     lambda m: f"khác kỳ: số liệu nguồn thuộc {_period(m, 'a')}, nhận định thuộc {_period(m, 'b')}"),
    (r"the stored figure's period is not known", "không rõ kỳ của số liệu nguồn"),
    (r"the stored figure is a target, the claim a result", "số liệu nguồn là mục tiêu, nhận định là kết quả"),
    (r"the stored figure is a result, the claim a target", "số liệu nguồn là kết quả, nhận định là mục tiêu"),
    (rf"the claim is about (?P<a>{_X}), the stored figure about (?P<b>[^;()]+)",
     r"nhận định nói về \g<a>, số liệu nguồn nói về \g<b>"),
    (rf"a figure of (?P<a>{_X}), now part of (?P<b>[^;()]+)", r"số liệu của \g<a>, nay thuộc \g<b>"),
    (rf"a figure of (?P<a>{_X}), not of the whole province", r"số liệu của \g<a>, không phải của cả tỉnh"),
    (r"the claim names no province; the stored figure is of (?P<a>[^;()]+)",
     r"nhận định không nêu tỉnh; số liệu nguồn là của \g<a>"),
    (r"a figure of (?P<a>[^;()]+)", r"số liệu của \g<a>"),
    (r"another base of comparison \((?P<a>[^,()]+), the claim (?P<b>[^()]+)\)",
     lambda m: f"khác gốc so sánh (nguồn: {_NONE.get(m['a'], m['a'])}; nhận định: {_NONE.get(m['b'], m['b'])})"),
    (r"\ba (?P<a>increase|decrease|exceed), the claim a (?P<b>increase|decrease|exceed)",
     lambda m: f"nguồn ghi {_direction(m['a'])}, nhận định ghi {_direction(m['b'])}"),
    (r"the indicator matches only loosely \((?P<a>[^()]*)\)", r"chỉ tiêu chỉ khớp một phần (\g<a>)"),
    (r"the claim's number is the stored figure's denominator \((?P<a>[^()]*)\), not its value",
     r"số của nhận định là mẫu số của số liệu nguồn (\g<a>), không phải giá trị"),
    (r"a part of a total \((?P<a>[^()]*)\)", r"một phần của tổng (\g<a>)"),
    (r" \(the stored figure is a part of a total\)", " (số liệu nguồn là một phần của tổng)"),
    (r": the claim's number is the plan, not the result", ": số của nhận định là kế hoạch, không phải kết quả"),
    (r": the claim's number is the denominator", ": số của nhận định là mẫu số"),
    (r": they agree", ": khớp"),
    (r": the values agree, but ", ": giá trị khớp, nhưng "),
    (r"the values differ", "hai giá trị khác nhau"),
    (r"^claim ", "nhận định "),
    (r" vs stored range ", " so với khoảng của nguồn "),
    (r" vs stored ", " so với nguồn "),
    (r" − stored ", " − nguồn "),
    (r" percentage points\b", " điểm phần trăm"),
    (r" % of the stored value\)", " % so với số của nguồn)"),
]]


def say(text: str | None) -> str:
    """A computation or reason of the claim checker in Vietnamese ('' for nothing)."""
    out = text or ""
    for pattern, repl in RULES:
        out = pattern.sub(repl, out)
    return out
