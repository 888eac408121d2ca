"""Checks that reach back across sentences: a figure checked against a base the document stated before.

- `share_of_total` (scope `document`): a share whose whole was stated in an earlier sentence.
  `… đã kết nạp 1.410 đảng viên … Trong số đảng viên mới: có 620 đảng viên nữ, chiếm 43,97%` — the
  sentence opens on `Trong số <whole>` or `Trong đó`, names no total of its own, and the whole is the
  nearest earlier result of the same counted unit (`đảng viên mới` counts `đảng viên`).
- `target_share` (scope `document`): `đã kết nạp 1.410 đảng viên, đạt 94%` — a bare `đạt x%` after a
  result, against the plan of the same indicator, unit, place and period stated before (`chỉ tiêu mỗi năm
  kết nạp 1.500 đảng viên mới`). The rule in `targets` reads the `đạt x% kế hoạch` that names its base.
- `parts_total` (scope `document`): a total, then a sentence that breaks it down (`Toàn tỉnh có 182 xã.
  Trong đó, 171 xã …, 19 xã …`; `… 320 tổ chức cơ sở đảng. Bao gồm 150 … và 170 …`).
- `parts_total` of a table (scope `document`): the rows of a table (`label | figure | figure`, one row a
  line, as `scrapers/reports.py` writes DOCX tables) against its total row (`Tổng cộng | …`), column by
  column, when every cell of the column is a figure.

Each check lists the figures it links, so the sentences it ties are those figures' sentences (stored in
`checks.sentences` and per figure in `check_mentions`). Conservative: a pairing the text does not make
sure of (no named whole, several candidate totals, a list that may leave parts out) gives `cannot tell`
when the numbers disagree, never `inconsistent`.
"""
from __future__ import annotations

import bisect
import re

from extractors.checks.arithmetic import _names_other_whole, _share_check
from extractors.checks.links import _SUBSET, DocText, linked
from extractors.checks.record import (CANNOT_TELL, CANONICAL_KEYS, CONSISTENT, INCONSISTENT, Check, _amount, _pct,
                                      _verdict, ikey)
from extractors.checks.targets import _same_place
from extractors.checks.tolerance import _meets, _tol_value, _tol_words, half_unit, interval, show_amount, vn
from extractors.cues import OF_TARGET, TARGET_BASE_AFTER, TARGET_BEFORE
from extractors.normalize import fold, nfc
from extractors.record import Mention

LOOK_BACK = 4   # sentences an earlier base may lie back
# a sentence that speaks of a part of a whole named before: `Trong số đảng viên mới:`, `Trong đó,`
_OPENS_PART = re.compile(r"^\W*(?:trong\s+(?:tong\s+)?so|trong\s+do|trong\s+so\s+do)(?:\s+([^:,;]{1,60}?))?\s*[:,]",
                         re.IGNORECASE)
_OPENS_LIST = re.compile(r"^\W*(?:(trong\s+do|trong\s+so\s+do)|(bao\s+gom|gom\s+co|gom|chia\s+ra))(?!\w)\s*[:,]?",
                         re.IGNORECASE)
_SHARE_LINK = re.compile(r"(?<!\w)(?:chiếm|bằng|tỷ lệ|tỉ lệ)(?!\w)", re.IGNORECASE)
_BARE_ACHIEVED = re.compile(r"^\s*,?\s*(?:đạt|đạt được|bằng)\s*$", re.IGNORECASE)
_PARTIAL = re.compile(r"…|\.\.\.|(?<!\w)(?:v\.v|như|chẳng hạn|nhất là|chủ yếu|khác)(?!\w)", re.IGNORECASE)
_TOTAL_ROW = re.compile(r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+tỉnh|toàn\s+thành\s+phố)(?!\w)", re.IGNORECASE)
_SUM_ROW = re.compile(r"^\s*(?:tổng\s+cộng|tổng\s+số|tổng|cộng)(?!\w)", re.IGNORECASE)  # a sum, not an average
_NESTED_ROW = re.compile(r"^\s*(?:trong\s+đó|[-+*•]|trđ|tr\.đó)", re.IGNORECASE)


def counted(m: Mention) -> str:
    """What a figure counts, folded, `mới` (new) left off: `đảng viên mới` counts `đảng viên`."""
    u = fold(nfc(m.unit or "")).strip()
    return re.sub(r"\s+moi$", "", u)


def _same_count(a: Mention, b: Mention) -> bool:
    return bool(counted(a)) and counted(a) == counted(b)


def _sentence_start(dt: DocText, m: Mention) -> int:
    s = dt.sentence_of(m)
    return s.start if s else 0


def _earlier(dt: DocText, m: Mention, ok) -> list[Mention]:
    """Figures of the `LOOK_BACK` sentences before `m`'s for which `ok` holds, nearest last."""
    si = m.extra.get("sentence_index")
    if si is None:
        return []
    return [x for k in range(max(0, si - LOOK_BACK), si) for x in dt.by_sentence.get(k, ()) if ok(x)]


def _is_listed_part(dt: DocText, x: Mention) -> bool:
    s = dt.sentence_of(x)
    return bool(s and _SUBSET.search(dt.text[s.start:x.start]))


def share_of_earlier_total(dt: DocText) -> list[Check]:
    out = []
    ms = dt.mentions
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction or p.compared_to or OF_TARGET.match(dt.after(p, 20)):
            continue
        c = ms[i - 1]
        if not _amount(c) or c.extra.get("sentence_index") != p.extra.get("sentence_index") or not c.value \
                or c.direction or c.compared_to:
            continue
        gap = dt.gap(c, p)
        if linked(gap) is None or not _SHARE_LINK.search(gap) or _names_other_whole(dt, p, c.unit):
            continue
        s = dt.sentence_of(c)
        if s is None:
            continue
        opening = _OPENS_PART.match(fold(s.text))
        if not opening:
            continue
        own = [t for t in dt.by_sentence[c.extra.get("sentence_index")] if t.start < c.start and _amount(t)
               and _same_count(t, c) and _SUBSET.search(dt.text[t.end:c.start])]
        if own:
            continue  # the sentence states its own total: the rule inside a sentence reads it
        totals = _earlier(dt, c, lambda t: _amount(t) and _same_count(t, c) and t.value and t.value > c.value
                          and t.status != "target" and not t.direction and not t.compared_to
                          and not _is_listed_part(dt, t))
        if not totals:
            continue
        whole = (opening.group(1) or "").strip()
        named = bool(whole) and counted(c) in whole and not re.search(r"\d", whole)
        nearest = totals[-1]
        si = c.extra.get("sentence_index")
        prev = [x for x in dt.by_sentence.get(si - 1, ()) if _amount(x) and _same_count(x, c)]
        right_before = bool(prev) and prev[-1] is nearest  # `… có 109 xã. Trong đó, có 85 xã …`
        first_clause = ";" not in s.text[opening.end():c.start - s.start]
        agreeing = [t for t in reversed(totals) if _share_check(c, t, p, "document", full=True).verdict == CONSISTENT]
        if agreeing:
            out.append(_share_check(c, agreeing[0], p, "document", full=True))
            continue
        sure = (named or right_before) and first_clause and len({t.value for t in totals}) == 1 \
            and same_period(nearest, c)
        out.append(_share_check(c, nearest, p, "document", full=sure))
    return out


def same_period(a: Mention, b: Mention) -> bool:
    return not a.period or not b.period or a.period == b.period


def target_share_bare(dt: DocText) -> list[Check]:
    """`đã kết nạp 1.410 đảng viên, đạt 94%` against the plan stated before (`kết nạp 1.500 đảng viên mới`)."""
    out = []
    ms = dt.mentions
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction or p.compared_to:
            continue
        after = dt.after(p, 30)
        if not re.match(r"\s*(?:[.;,)]|$)", after) or TARGET_BASE_AFTER.match(after.lower()):
            continue  # a base named after the percentage: the rule of `targets` (or another whole)
        a = ms[i - 1]
        if not _amount(a) or a.status == "target" or not a.value \
                or a.extra.get("sentence_index") != p.extra.get("sentence_index"):
            continue
        if not _BARE_ACHIEVED.match(dt.gap(a, p)):
            continue
        key = ikey(a)
        if not key:
            continue
        plans = _earlier(dt, a, lambda t: _amount(t) and _same_count(t, a) and t.value and ikey(t) == key
                         and (t.status == "target" or TARGET_BEFORE.search(dt.text[dt.clause(t)[0]:t.start]))
                         and same_period(t, a) and _same_place(a, t))
        if not plans:
            continue
        t = plans[-1]
        share = 100.0 * a.value / t.value
        e = share * (half_unit(a) / a.value + half_unit(t) / t.value)
        iv, h = interval(p), half_unit(p)
        ok = _meets(share, e, iv)
        sure = key in CANONICAL_KEYS and len({x.value for x in plans}) == 1 and bool(a.period) and a.period == t.period
        verdict = _verdict(ok) if (ok or sure) else CANNOT_TELL
        note = "" if verdict != CANNOT_TELL else " (the plan of another sentence may not be this percentage's base)"
        out.append(Check("target_share", verdict,
                         f"{a.text} ÷ {t.text} (the plan stated before) = {vn(share)} %; stated {p.text} "
                         f"({_tol_words(p, h, e)}): {verdict}{note}",
                         [(a, "result"), (t, "target"), (p, "percent")], tolerance=_tol_value(p, h, e),
                         stated=p.value, computed=share, difference=share - p.value, unit="%", scope="document"))
    return out


def parts_after_total(dt: DocText) -> list[Check]:
    """A total at the end of a sentence, broken down by the next: `… có 182 xã. Trong đó, 171 xã …, 19 xã …`."""
    out = []
    for si in sorted(dt.by_sentence):
        nxt = dt.by_sentence.get(si + 1)
        here = dt.by_sentence[si]
        if si < 0 or not nxt or not here or si + 1 >= len(dt.sents):
            continue
        s2 = dt.sents[si + 1]
        opening = _OPENS_LIST.match(fold(s2.text))
        if not opening:
            continue
        t = here[-1]
        if not _amount(t) or t.qualifier in ("over", "under", "at_least", "at_most") or t.direction or not t.value:
            continue
        if re.search(r"\d", dt.text[t.end:dt.sents[si].end]):
            continue
        parts = [x for x in nxt if _amount(x) and _same_count(x, t) and x.value is not None and not x.direction
                 and not x.compared_to and not _SUBSET.search(dt.text[s2.start + opening.end():x.start])]
        if not parts:
            continue
        exhaustive = bool(opening.group(2)) and len(parts) >= 2 and not _PARTIAL.search(s2.text)
        lo = sum(interval(x)[0] for x in parts)
        hi = sum(interval(x)[1] for x in parts)
        total = sum(x.value for x in parts)
        tiv = interval(t)
        listed = " + ".join(x.text for x in parts)
        shown = show_amount(total, t.unit) if t.kind == "money" else vn(total)
        too_big = [x for x in parts if interval(x)[0] > tiv[1]]
        if exhaustive:
            ok = hi >= tiv[0] and lo <= tiv[1]
            verdict = _verdict(ok)
            calc = f"{listed} = {shown}; the total stated before {t.text}: {verdict}"
        elif too_big:
            verdict = INCONSISTENT
            calc = f"{too_big[0].text} is more than the total stated before, {t.text}: {verdict}"
        elif lo <= tiv[1]:
            verdict = CONSISTENT
            calc = f"{listed} = {shown}, within the total stated before, {t.text} (a part of it may be listed): {verdict}"
        else:
            verdict = CANNOT_TELL
            calc = (f"{listed} = {shown}, more than the total stated before, {t.text}, but the parts may overlap: "
                    f"{verdict}")
        out.append(Check("parts_total", verdict, calc, [(t, "total")] + [(x, "part") for x in parts],
                         tolerance=sum(half_unit(x) for x in parts) + half_unit(t), stated=t.value, computed=total,
                         difference=total - t.value, unit=t.unit, scope="document"))
    return out


def _rows(dt: DocText) -> list[list[tuple[int, int, str]]]:
    """The tables of the text: runs of lines with ` | ` between cells, each row its cells (start, end, text)."""
    tables, run = [], []
    pos = 0
    for line in dt.text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        if " | " not in line:
            if len(run) >= 3:
                tables.append(run)
            run = []
            continue
        cells, k = [], start
        for cell in line.split(" | "):
            cells.append((k, k + len(cell), cell))
            k += len(cell) + 3
        run.append(cells)
    if len(run) >= 3:
        tables.append(run)
    return tables


def table_totals(dt: DocText) -> list[Check]:
    """Each column of a table's rows against its total row, when every cell of the column is a figure."""
    out = []
    dt.starts = [m.start for m in dt.mentions]
    for rows in _rows(dt):
        width = len(rows[0])
        total_rows = [r for r in rows if len(r) == width and _TOTAL_ROW.match(r[0][2])]
        if len(total_rows) != 1:
            continue
        total_row = total_rows[0]
        body = [r for r in rows if r is not total_row and len(r) == width]
        for j in range(1, width):
            tm = _cell_figure(dt, total_row[j])
            cells = [_cell_figure(dt, r[j]) for r in body]
            figures = [x for x in cells if x is not None]
            if tm is None or len(figures) < 2 or not all(_same_count(x, tm) for x in figures) or "/" in (tm.unit or ""):
                continue  # a rate per head or per year does not add up
            header_rows = len(cells) - len(figures)
            if header_rows > 1:
                continue  # more than a header row without a figure: not a plain column of parts
            nested = any(_NESTED_ROW.match(r[0][2]) for r in body)
            lo = sum(interval(x)[0] for x in figures)
            hi = sum(interval(x)[1] for x in figures)
            total = sum(x.value for x in figures)
            tiv = interval(tm)
            ok = hi >= tiv[0] and lo <= tiv[1]
            sure = not nested and _SUM_ROW.match(total_row[0][2])
            verdict = _verdict(ok) if ok or sure else CANNOT_TELL
            shown = show_amount(total, tm.unit) if tm.kind == "money" else vn(total)
            out.append(Check("parts_total", verdict,
                             f"{' + '.join(x.text for x in figures)} = {shown}; total row {tm.text}: {verdict}"
                             + (" (some rows may be parts of others, or the row may not be a sum)"
                                if verdict == CANNOT_TELL else ""),
                             [(tm, "total")] + [(x, "part") for x in figures],
                             tolerance=sum(half_unit(x) for x in figures) + half_unit(tm), stated=tm.value,
                             computed=total, difference=total - tm.value, unit=tm.unit, scope="document"))
    return out


def _cell_figure(dt: DocText, cell: tuple[int, int, str]) -> Mention | None:
    start, end, _ = cell
    k = bisect.bisect_left(dt.starts, start)
    inside = []
    while k < len(dt.mentions) and dt.mentions[k].start < end and len(inside) < 2:
        if dt.mentions[k].end <= end:
            inside.append(dt.mentions[k])
        k += 1
    return inside[0] if len(inside) == 1 and _amount(inside[0]) else None


def checks_across_sentences(dt: DocText) -> list[Check]:
    return share_of_earlier_total(dt) + target_share_bare(dt) + parts_after_total(dt) + table_totals(dt)
