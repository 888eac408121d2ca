"""The arithmetic inside a sentence or paragraph: a fraction against its percentage
(`fraction_percent`), a count against its share of a total (`share_of_total`), parts against their total
and a fraction with its complement (`parts_total`), the shares of a structure against 100 %
(`shares_sum`), a rank against the number ranked (`rank`) and a range's bounds in order (`range`)."""
from __future__ import annotations

import bisect
import re

from extractors.checks.links import _NEGATION, _REV_TAIL, _SUBSET, _YEARISH, DocText, _digits_between, linked
from extractors.checks.record import (CANNOT_TELL, CONSISTENT, INCONSISTENT, Check, _amount, _pct, unit_key,
                                      _same_unit, _unit_class, _verdict)
from extractors.checks.tolerance import INF, _meets, _tol_value, _tol_words, half_unit, interval, show_amount, vn
from extractors.cues import OF_TARGET, TARGET_BASES
from extractors.normalize import fold
from extractors.record import Mention

def _fraction_percent(dt: DocText, ms: list[Mention]) -> list[Check]:
    out = []
    for i, f in enumerate(ms):
        if f.kind != "fraction" or not f.denominator or f.value is None or (f.unit or "") == "%":
            continue
        # the percentage right after the fraction (or right before it, `đạt 94% (171/182 xã)`)
        cands = []
        if i + 1 < len(ms) and _pct(ms[i + 1]):
            tail = linked(dt.gap(f, ms[i + 1]))
            if tail is not None:
                cands.append((ms[i + 1], tail))
        if i > 0 and _pct(ms[i - 1]) and not cands:
            tail = linked(dt.gap(ms[i - 1], f), _REV_TAIL, max_len=25)
            if tail is not None and "(" in dt.gap(ms[i - 1], f) + tail:
                cands.append((ms[i - 1], ""))
        for p, tail in cands:
            if p.direction in ("increase", "decrease"):
                continue
            if p.compared_to and p.compared_to not in TARGET_BASES:
                continue
            exceed = p.direction == "exceed" or tail.lower().startswith("vượt")
            a, b = f.value, f.denominator
            ha, hb = half_unit(f, 0), half_unit(f, 1)
            share = 100.0 * a / b
            e = share * (ha / abs(a) + hb / abs(b)) if a else 0.0
            computed = share - 100.0 if exceed else share
            iv = interval(p)
            h = half_unit(p)
            ok = _meets(computed, e, iv)
            # `9/10 huyện, đạt 112% kế hoạch`: the plan need not be the denominator of a count; a percentage
            # of another named whole (`5% tổng số xã cả nước`) is not the fraction's share either
            money = (f.unit or "").split("/")[0] in ("VND", "USD")
            unsure = (p.compared_to in TARGET_BASES and not money) or _names_other_whole(dt, p, f.unit)
            what = f.text if _unit_class(f) and (f.unit or "").split("/")[0] in ("VND", "USD") else f"{vn(a)}/{vn(b)}"
            if exceed:
                calc = f"{what} = {vn(share)} %, an excess of {vn(computed)} %"
            else:
                calc = f"{what} = {vn(share)} %"
            verdict = _verdict(ok) if ok or not unsure else CANNOT_TELL
            note = "" if verdict != CANNOT_TELL else " (the percentage may be of another whole than the fraction's)"
            out.append(Check("fraction_percent", verdict,
                             f"{calc}; stated {'vượt ' if exceed and 'vượt' not in p.text else ''}{p.text} "
                             f"({_tol_words(p, h, e)}): {verdict}{note}",
                             [(f, "fraction"), (p, "percent")], tolerance=_tol_value(p, h, e), stated=p.value,
                             computed=computed, difference=computed - p.value, unit="%"))
    return out


def _names_other_whole(dt: DocText, p: Mention, unit: str | None) -> bool:
    """The percentage names its whole (`chiếm 5% tổng số xã cả nước`), and not as just the unit (`tổng số xã`)."""
    after = fold(dt.after(p, 50)).lstrip()
    u = re.escape(fold(unit or "").strip())
    if u and re.match(rf"{u}\s+(?!toan tinh|cua tinh|tren dia ban|ca tinh|trong tong|[0-9])\w", after):
        return True   # `28.173 hộ, chiếm 17,05% hộ đồng bào DTTS`: a whole of its own kind, not the total before
    if not re.match(r"(?:so voi\s+)?(?:tong|cua|trong|tren)(?!\w)", after):
        return False
    return not (u and re.match(rf"(?:so voi\s+)?(?:tong so|tong)\s+(?:cac\s+|so\s+)?{u}\s*(?:$|[,.;)(]|toan tinh|cua tinh|tren dia ban)",
                               after))


def _share_of_total(dt: DocText, ms: list[Mention]) -> list[Check]:
    """`58 cán bộ, trong đó có 12 cán bộ nữ, chiếm 20,7%` and `12 cán bộ nữ trong tổng số 58 cán bộ, chiếm …`."""
    out = []
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction or p.compared_to:
            continue
        if OF_TARGET.match(dt.after(p, 20)):
            continue  # `…, đạt 100% chỉ tiêu`: a share of the target, not of a total named before
        prev = ms[i - 1]
        if not _amount(prev) or linked(dt.gap(prev, p)) is None:
            continue
        pair = None
        # total before the count: `T …, trong đó (có) C …, chiếm P`
        for j in range(i - 2, -1, -1):
            t = ms[j]
            if _amount(t) and _same_unit(t, prev) and _SUBSET.search(dt.text[t.end:prev.start]):
                between = [x for x in ms[j + 1:i - 1] if _same_unit(x, prev)]
                if not between:
                    pair = (prev, t)
                break
        # count then total: `C trong tổng số T, chiếm P`
        if pair is None and i >= 2:
            c, t = ms[i - 2], prev
            g = dt.text[c.end:t.start]
            if _amount(c) and _same_unit(c, t) and len(g) < 60 and not _digits_between(g) \
                    and re.search(r"(?:trong|trên)\s+(?:tổng\s+)?số", g, re.IGNORECASE):
                pair = (c, t)
        if pair is None:
            continue
        c, t = pair
        if not t.value or not c.value:
            continue
        if t.status == "target" and c.status != "target":
            # `…, đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng); trong đó, thu nội địa 10.152 tỷ đồng, đạt 50,51%`:
            # a result's share of its own plan, not of the plan's total
            continue
        # `2.393 hộ, chiếm 27,22% hộ nghèo của tỉnh, trong đó … 2.339 hộ, chiếm 26,61%`: the total is itself a share
        # of a larger whole, and the part's percentage is more likely of that whole than of the total
        of_larger = any(_pct(x) and not x.direction for x in ms[ms.index(t) + 1:i - 1])
        out.append(_share_check(c, t, p, "sentence", full=not of_larger and not _names_other_whole(dt, p, t.unit)))
    return out


def _share_check(c: Mention, t: Mention, p: Mention, scope: str, full: bool) -> Check:
    hc, ht = half_unit(c), half_unit(t)
    share = 100.0 * c.value / t.value
    e = share * (hc / abs(c.value) + ht / abs(t.value)) if c.value else 0.0
    if c.qualifier or t.qualifier:  # an approximate or bounded count or total widens the share
        ivc, ivt = interval(c), interval(t)
        lo = 100.0 * max(ivc[0], 0.0) / ivt[1] if 0 < ivt[1] < INF else 0.0
        hi = 100.0 * ivc[1] / ivt[0] if ivt[0] > 0 and ivc[1] < INF else INF
        e = max(e, share - lo, hi - share)
    iv = interval(p)
    h = half_unit(p)
    ok = _meets(share, e, iv)
    verdict = _verdict(ok) if (ok or full) else CANNOT_TELL
    note = "" if full or ok else " (the percentage may be of another whole than the stated total)"
    return Check("share_of_total", verdict,
                 f"{c.text} of {t.text} = {vn(share)} %; stated {p.text} ({_tol_words(p, h, e)}): {verdict}{note}",
                 [(c, "part"), (t, "total"), (p, "percent")], tolerance=_tol_value(p, h, e), stated=p.value,
                 computed=share, difference=share - p.value, unit="%", scope=scope)


_NAMES_TOTAL = re.compile(r"(?:tổng số|toàn tỉnh|toàn huyện|toàn thành phố|có tổng|hiện có|gồm|có)\s*(?:\S+\s+){0,3}$",
                          re.IGNORECASE)


class _Totals:
    """The totals stated so far in the sentences before the current one, per unit: their distinct values,
    sorted, and the last figure of each value; filled sentence by sentence as the figures are read in order."""

    def __init__(self, dt: DocText):
        self.dt, self.ms, self.next = dt, dt.mentions, 0
        self.values: dict[str, list[float]] = {}
        self.last: dict[tuple[str, float], Mention] = {}

    def through(self, sentence: int) -> None:
        """Take in every figure of the sentences before `sentence`."""
        while self.next < len(self.ms) and self.ms[self.next].extra["sentence_index"] < sentence:
            t = self.ms[self.next]
            self.next += 1
            unit = unit_key(t)
            if unit and _amount(t) and t.value and t.value == t.value and _NAMES_TOTAL.search(self.dt.before(t, 40)):
                vals = self.values.setdefault(unit, [])
                k = bisect.bisect_left(vals, t.value)
                if k == len(vals) or vals[k] != t.value:
                    vals.insert(k, t.value)
                self.last[(unit, t.value)] = t

    def only_larger(self, c: Mention) -> Mention | None:
        """The last total of c's unit larger than c when all of them state one value, else None."""
        unit = unit_key(c)
        vals = self.values.get(unit, [])
        k = bisect.bisect_right(vals, c.value)
        return self.last[(unit, vals[-1])] if len(vals) - k == 1 else None


def _share_of_named_total(dt: DocText) -> list[Check]:
    """`45 xã đạt chuẩn, chiếm 37,5% tổng số xã` with `Toàn tỉnh có 120 xã` stated once earlier."""
    out = []
    ms = dt.mentions
    # the totals of earlier sentences, read once in order (not the whole document again for every figure); a
    # document whose figures are not all placed in sentences is read the plain way
    order = [m.extra.get("sentence_index") for m in ms]
    totals = _Totals(dt) if None not in order and order == sorted(order) else None
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction or p.compared_to:
            continue
        c = ms[i - 1]
        if not _amount(c) or c.extra.get("sentence_index") != p.extra.get("sentence_index"):
            continue
        if linked(dt.gap(c, p)) is None:
            continue
        after = fold(dt.after(p, 40))
        unit = fold(c.unit or "")
        if not unit or not re.match(rf"\s*(?:so voi\s+)?(?:tong so|tong)\s+(?:cac\s+|so\s+)?{re.escape(unit)}(?!\w)", after):
            continue
        si = p.extra.get("sentence_index")
        if any(_amount(x) and _same_unit(x, c) and x is not c and x.start < c.start for x in dt.by_sentence[si]):
            continue  # the sentence has its own total: `_share_of_total` reads it
        if totals is not None:
            if c.value != c.value:
                continue
            totals.through(si)
            total = totals.only_larger(c)
        else:
            cands = [t for t in ms if t.start < c.start and t.extra.get("sentence_index") != si and _amount(t)
                     and _same_unit(t, c) and t.value and t.value > c.value and _NAMES_TOTAL.search(dt.before(t, 40))]
            total = cands[-1] if len({t.value for t in cands}) == 1 else None
        if total is None:
            continue
        out.append(_share_check(c, total, p, "document", full=True))
    return out


_EXHAUSTIVE = re.compile(r"(?<!\w)(?:bao gồm|gồm có|gồm|chia ra|chia thành)(?!\w)", re.IGNORECASE)
_PARTIAL = re.compile(r"…|\.\.\.|(?<!\w)(?:v\.v|như|chẳng hạn|nhất là|riêng|chủ yếu)(?!\w)", re.IGNORECASE)


# a new total after the parts, not one of them: `…, nâng tổng số sản phẩm đạt OCOP lên 144 sản phẩm`
_NEW_TOTAL = re.compile(r"(?<!\w)(?:nâng|đưa)\s+tổng(?:\s+số)?[^,;:.()\d]{0,60}(?:lên|là|đạt)\s*$", re.IGNORECASE)


def _parts_total(dt: DocText, ms: list[Mention]) -> list[Check]:
    out = []
    for i, t in enumerate(ms[:-1]):
        if not _amount(t) or t.qualifier in ("over", "under", "at_least", "at_most") or (t.value or 0) < 0:
            continue   # (a signed amount, `(-116 ha)`, is a change, no total)
        first = ms[i + 1]
        gap = dt.gap(t, first)
        if len(gap) > 70 or _digits_between(gap) or ";" in gap:
            continue
        paren = gap.rfind("(")
        subset = bool(_SUBSET.search(gap))
        exhaustive = bool(_EXHAUSTIVE.search(gap)) or (paren >= 0 and not subset and ")" not in gap[paren:])
        if not (subset or exhaustive):
            continue
        s = dt.sentence_of(t)
        if s is None:
            continue
        # the region of the list: to the closing parenthesis, or the clause (the sentence after `gồm:`)
        if paren >= 0:
            close = dt.text.find(")", first.start, s.end)
            region_end = close if close >= 0 else s.end
        elif re.search(r"gồm\s*:|trong đó\s*:", gap, re.IGNORECASE):
            region_end = s.end
        else:
            semi = dt.text.find(";", first.start, s.end)
            region_end = semi if semi >= 0 else s.end
        marker_end = max([mm.end() for mm in re.finditer(r"\(|trong đó|trong số|gồm|chia ra|chia thành", gap,
                                                             re.IGNORECASE)] or [0])
        region = gap[marker_end:] + dt.text[first.start:region_end]
        parts = [x for x in ms[i + 1:] if x.start < region_end and x.kind in ("quantity", "money")
                 and _same_unit(x, t) and x.value is not None and x.direction is None and x.compared_to is None
                 and not _NEW_TOTAL.search(dt.before(x, 80))]
        if not parts:
            continue
        if _PARTIAL.search(region):
            subset, exhaustive = True, False
        if subset:
            exhaustive = False
        if exhaustive and len(parts) < 2:
            continue
        lo = sum(interval(x)[0] for x in parts)
        hi = sum(interval(x)[1] for x in parts)
        total_sum = sum(x.value for x in parts)
        tiv = interval(t)
        listed = " + ".join(x.text for x in parts)
        if exhaustive:
            ok = hi >= tiv[0] and lo <= tiv[1]
            verdict = _verdict(ok)
            note = ""
            if not ok and hi < tiv[0] and paren >= 0 and not _EXHAUSTIVE.search(gap):
                verdict = CANNOT_TELL  # a list in parentheses may leave some parts out
                note = ", short of the stated total; the list in parentheses may leave parts out"
            calc = (f"{listed} = {show_amount(total_sum, t.unit) if t.kind == 'money' else vn(total_sum)}; "
                    f"stated total {t.text}{note}: {verdict}")
        else:
            too_big = [x for x in parts if interval(x)[0] > tiv[1]]
            if too_big:
                verdict = INCONSISTENT
                calc = f"{too_big[0].text} is more than the stated total {t.text}: {verdict}"
            elif lo <= tiv[1]:
                verdict = CONSISTENT
                calc = (f"{listed} = {show_amount(total_sum, t.unit) if t.kind == 'money' else vn(total_sum)}, "
                        f"within the stated total {t.text} (the parts after “trong đó” may be a subset): {verdict}")
            else:
                verdict = CANNOT_TELL
                calc = (f"{listed} = {show_amount(total_sum, t.unit) if t.kind == 'money' else vn(total_sum)}, "
                        f"more than the stated total {t.text}, but the parts after “trong đó” may overlap: "
                        f"{verdict}")
        tol = (sum(half_unit(x) for x in parts) + half_unit(t))
        out.append(Check("parts_total", verdict, calc, [(t, "total")] + [(x, "part") for x in parts],
                         tolerance=tol, stated=t.value, computed=total_sum, difference=total_sum - t.value,
                         unit=t.unit))
    return out


def _complement(dt: DocText, ms: list[Mention]) -> list[Check]:
    """`126/130 tổ chức … hoàn thành nhiệm vụ, 04 tổ chức … không hoàn thành nhiệm vụ`: 126 + 4 = 130."""
    out = []
    for i, f in enumerate(ms):
        if f.kind != "fraction" or not f.denominator or f.value is None or (f.unit or "") == "%":
            continue
        fc = dt.clause(f)
        if _NEGATION.search(dt.text[fc[0]:f.start]) or _NEGATION.search(dt.after(f, 40).split(",")[0]):
            continue
        for c in ms[i + 1:]:
            if c.kind != "quantity" or not _same_unit(c, f) or c.value is None:
                continue
            nxt = dt.after(c, 50)
            own = re.split(r"[,;.]", nxt)[0]
            pred = dt.after(f, 50).lower()
            neg = re.search(r"(?<!\w)(?:không|chưa)\s+(\w+)", own.lower())
            rest = re.search(r"(?<!\w)còn lại(?!\w)", own.lower() + " " + dt.before(c, 12).lower())
            if not ((neg and re.search(rf"(?<!\w){re.escape(neg.group(1))}(?!\w)", pred)) or rest):
                continue
            a, b, k = f.value, f.denominator, c.value
            s = a + k
            if abs(s - b) < 1e-9:
                verdict, calc = CONSISTENT, f"{vn(a)} + {vn(k)} = {vn(s)} = {vn(b)}, all of the {f.unit}: consistent"
            elif s > b:
                verdict = INCONSISTENT
                calc = f"{vn(a)} + {vn(k)} = {vn(s)}, more than the {vn(b)} {f.unit} there are: inconsistent"
            else:
                verdict = CANNOT_TELL
                calc = (f"{vn(a)} + {vn(k)} = {vn(s)} of {vn(b)} {f.unit}; the other {vn(b - s)} may be in a third "
                        f"group: cannot tell")
            out.append(Check("parts_total", verdict, calc, [(f, "fraction"), (c, "complement")], tolerance=0.0,
                             stated=b, computed=s, difference=s - b, unit=f.unit))
            break
    return out


def _shares_sum(dt: DocText, ms: list[Mention]) -> list[Check]:
    s = dt.sentence_of(ms[0]) if ms else None
    if s is None or "co cau" not in fold(s.text):
        return []
    shares = [m for m in ms if _pct(m) and not m.direction and not m.compared_to
              and re.search(r"chiếm\s*(?:\S+\s*)?$", dt.before(m, 20), re.IGNORECASE)]
    if not 3 <= len(shares) <= 6:
        return []
    between = dt.text[shares[0].end:shares[-1].start]
    if _YEARISH.search(between) or re.search(r"(?<!\w)(?:trong đó|bao gồm|gồm|riêng)(?!\w)", between, re.IGNORECASE):
        return []  # shares of two years, or nested shares
    total = sum(m.value for m in shares)
    tol = sum(_tol_value(m, half_unit(m), 0.0) for m in shares)
    listed = " + ".join(m.text for m in shares)
    if abs(total - 100.0) <= tol:
        verdict, note = CONSISTENT, ""
    elif total > 100.0:
        verdict, note = INCONSISTENT, ", more than the whole"
    else:
        verdict, note = CANNOT_TELL, "; the shares listed may not be all of the whole"
    return [Check("shares_sum", verdict,
                  f"{listed} = {vn(total)} %{note}; expected 100 % (±{vn(tol, 3)} rounding): {verdict}",
                  [(m, "share") for m in shares], tolerance=tol, stated=100.0, computed=total,
                  difference=total - 100.0, unit="%")]


def _rank_and_range(ms: list[Mention]) -> list[Check]:
    out = []
    for m in ms:
        if m.kind == "rank" and m.denominator and m.value is not None and m.denominator >= 2:
            ok = 1 <= m.value <= m.denominator
            verdict = _verdict(ok)
            if not ok and m.denominator <= 12 and m.value <= 31:
                verdict = CANNOT_TELL  # `thứ 7/1` may be a day and month
            out.append(Check("rank", verdict,
                             f"rank {vn(m.value)} of {vn(m.denominator)}: 1 ≤ {vn(m.value)} ≤ {vn(m.denominator)} "
                             f"{'holds' if ok else 'does not hold'}: {verdict}",
                             [(m, "rank")], tolerance=0.0, stated=m.value, computed=m.denominator,
                             difference=m.value - m.denominator if m.value > m.denominator else 0.0, unit=m.unit))
        if m.kind == "range" and m.low is not None and m.high is not None:
            ok = m.low <= m.high or (m.low < 0 and m.high < 0 and abs(m.low) <= abs(m.high))
            verdict = _verdict(ok)
            shown = (vn(m.low), vn(m.high)) if m.unit == "%" or not m.unit else \
                (show_amount(m.low, m.unit), show_amount(m.high, m.unit))
            out.append(Check("range", verdict,
                             f"{m.text}: lower bound {shown[0]} {'≤' if ok else '>'} upper bound {shown[1]}: {verdict}",
                             [(m, "range")], tolerance=0.0, stated=m.low, computed=m.high,
                             difference=m.high - m.low, unit=m.unit))
    return out
