"""A second look before a sentence's check says `inconsistent`: real reports list several figures of one unit
in a sentence, and the figure a rule pairs by position is not always the one the words mean.

`Trong đó, khách nội địa 256.800 lượt, khách quốc tế: 8.400 lượt (khách đi trong ngày là 64.200 lượt, khách lưu
trú qua đêm là 201.000 lượt), tăng 4% so với cùng kỳ năm 2023 (255.013 lượt)`: the bracket breaks down the
sentence's total (265.200, in the sentence before), not the 8.400 before it, and the 4% is that total's change. When
another figure of the same unit, in the sentence or the one before, makes the check hold, the verdict is `cannot
tell` (the pairing is ambiguous) and says which figure fits; a flag stays only where no reading of the sentence
makes the figures agree.
"""
from __future__ import annotations

from dataclasses import replace

from extractors.checks.links import DocText
from extractors.checks.record import CANNOT_TELL, INCONSISTENT, Check, _same_unit
from extractors.checks.tolerance import interval
from extractors.record import Mention


def second_look(dt: DocText, checks: list[Check], rel_change) -> list[Check]:
    """`checks` with each sentence-scope `parts_total` or `change` flag that another pairing of the same figures
    explains turned into `cannot tell`; `rel_change(a, r, b, scope, full, before)` is the change rule's check."""
    out = []
    for c in checks:
        if c.verdict == INCONSISTENT and c.scope == "sentence" and c.check_type in ("parts_total", "change"):
            fits = _other_total(dt, c) if c.check_type == "parts_total" else _other_current(dt, c, rel_change)
            if fits is not None:
                c = replace(c, verdict=CANNOT_TELL,
                            computation=c.computation.rsplit(": ", 1)[0]
                            + f"; but {fits.text} in the same passage fits: {CANNOT_TELL}")
        out.append(c)
    return out


def _compatible(a: Mention, b: Mention) -> bool:
    """The same unit, or counts of one measure word (`265.200 lượt người`, `8.400 lượt`)."""
    if _same_unit(a, b):
        return True
    ua, ub = (a.unit or "").split(), (b.unit or "").split()
    return bool(ua and ub) and ua[0].lower() == ub[0].lower() and a.kind == b.kind


def _near(dt: DocText, m: Mention) -> list[Mention]:
    """The figures of `m`'s sentence and of the sentence before it."""
    si = m.extra.get("sentence_index")
    if si is None:
        return []
    return dt.by_sentence.get(si - 1, []) + dt.by_sentence.get(si, [])


def _other_total(dt: DocText, c: Check) -> Mention | None:
    """A figure of the same unit, near the stated total, that the parts add up to."""
    total = next((m for m, role in c.mentions if role == "total"), None)
    parts = [m for m, role in c.mentions if role == "part"]
    if total is None or not parts:
        return None   # (a fraction and its complement: no list to pair otherwise)
    lo = sum(interval(x)[0] for x in parts)
    hi = sum(interval(x)[1] for x in parts)
    for other in _near(dt, total):
        if other is total or other in parts or other.value is None or not _compatible(other, total):
            continue
        olo, ohi = interval(other)
        if hi >= olo and lo <= ohi:
            return other
    return None


def _other_current(dt: DocText, c: Check, rel_change) -> Mention | None:
    """A figure of the same unit and kind, near the one the change was read against, whose change it fits."""
    roles = {role: m for m, role in c.mentions}
    a, r, b = roles.get("current"), roles.get("change"), roles.get("base")
    if a is None or r is None or b is None:
        return None
    for other in _near(dt, a):
        if other in (a, r, b) or other.kind != a.kind or other.value is None or not _compatible(other, a) \
                or other.start > r.start:
            continue
        alt = rel_change(other, r, b, "sentence", True, "")
        if alt is not None and alt.verdict != INCONSISTENT:
            return other
    return None
