"""Changes: a change against both values when both are printed (percentage points `change_pp`, percent
change or `gấp k lần` `change_rel`), the base taken from the same sentence or, by indicator key, entity
and period, from another sentence of the same document (`change_base_in_document`)."""
from __future__ import annotations

import re

from extractors.checks.links import _CHANGE_TAIL, DocText, _digits_between, linked
from extractors.checks.record import (CANNOT_TELL, CANONICAL_KEYS, Check, _pct, _same_entity, _same_unit,
                                      _verdict, ikey, mention_key, unit_key)
from extractors.checks.tolerance import _meets, _tol_value, _tol_words, half_unit, interval, slack, vn
from extractors.cues import TARGET_BASES
from extractors.normalize import fold
from extractors.record import Mention

def _sign(direction: str | None, text_before: str) -> int | None:
    t = text_before.lower()
    if re.search(r"(?:thấp hơn|giảm|kém)\s*$", t) or direction == "decrease":
        return -1
    if re.search(r"(?:cao hơn|tăng|vượt|hơn)\s*$", t) or direction in ("increase", "exceed"):
        return 1
    return None


def _is_pp(m: Mention) -> bool:
    return m.kind == "percent" and m.value is not None and fold(m.unit or "") in ("diem phan tram", "diem %")


def _change_pp(dt: DocText, ms: list[Mention]) -> list[Check]:
    """`tăng 9,1%, cao hơn 0,6 điểm phần trăm so với cùng kỳ (cùng kỳ tăng 8,5%)`: 9,1 − 8,5 = 0,6."""
    out = []
    for i, d in enumerate(ms):
        if not _is_pp(d) or i == 0 or i + 1 >= len(ms):
            continue
        a, b = ms[i - 1], ms[i + 1]
        if not (_pct(a) and _pct(b)):
            continue
        if linked(dt.gap(a, d), _CHANGE_TAIL, max_len=40, allow_bare=True) is None:
            continue
        gap_b = dt.gap(d, b)
        if len(gap_b) > 70 or _digits_between(gap_b) or ";" in gap_b or not _BASE_AFTER.search(gap_b):
            continue
        sign = _sign(d.direction, dt.before(d, 15))
        diff = a.value - b.value
        ha, hb, hd = half_unit(a), half_unit(b), half_unit(d)
        tol = ha + hb + hd + slack(a, a.value, ha) + slack(b, b.value, hb) + slack(d, d.value, hd)
        stated = d.value * sign if sign else d.value
        got = diff if sign else abs(diff)
        ok = abs(got - stated) <= tol
        verdict = _verdict(ok)
        out.append(Check("change", verdict,
                         f"{a.text} − {b.text} = {vn(diff)} percentage points; stated "
                         f"{'+' if sign == 1 else '−' if sign == -1 else ''}{d.text} (±{vn(tol, 3)} rounding): {verdict}",
                         [(a, "current"), (d, "change"), (b, "base")], tolerance=tol, stated=stated, computed=got,
                         difference=got - stated, unit="điểm phần trăm"))
    return out


_BASE_WORDS = r"(?:cùng kỳ(?:\s+năm\s+(?:trước|(?:19|20)\d{2}))?|(?:năm\s+)?(?:19|20)\d{2}|năm trước|năm ngoái|đầu năm)"
_BASE_AFTER = re.compile(rf"\(\s*(?:{_BASE_WORDS}\s*(?:là|đạt|tăng|giảm|:|ở mức|chỉ)?\s*)?$|"
                         rf"so với\s+(?:mức\s+)?{_BASE_WORDS}\s*(?:là|:|ở mức|đạt|\()\s*$", re.IGNORECASE)


def _rel_change_check(a: Mention, r: Mention, b: Mention, scope: str, full: bool, before: str = "") -> Check | None:
    """A percent change or a multiplier `r` of `a` over the base `b`."""
    if not a.value or not b.value or a.value <= 0 or b.value <= 0:
        return None
    ha, hb = half_unit(a), half_unit(b)
    ratio = a.value / b.value
    rel_err = (ha + slack(a, a.value, ha)) / a.value + (hb + slack(b, b.value, hb)) / b.value
    interps: list[tuple[str, float, float]] = []  # (worked sum, computed, its rounding)
    if r.kind == "multiplier":
        unit = "times"
        if r.direction == "decrease":
            inv = b.value / a.value
            interps.append((f"{b.text} ÷ {a.text} = {vn(inv, 3)} times", inv, inv * rel_err))
        else:
            interps.append((f"{a.text} ÷ {b.text} = {vn(ratio, 3)} times", ratio, ratio * rel_err))
            if re.search(r"tăng\s*$", before.lower()) and "gấp" not in (r.text or "").lower():
                interps.append((f"{a.text} ÷ {b.text} − 1 = {vn(ratio - 1, 3)} times more", ratio - 1, ratio * rel_err))
    else:
        unit = "%"
        e = 100.0 * ratio * rel_err
        if r.direction == "decrease":
            interps.append((f"({b.text} − {a.text}) ÷ {b.text} = {vn(100 * (1 - ratio))} % less", 100 * (1 - ratio), e))
        elif r.direction in ("increase", "exceed"):
            interps.append((f"({a.text} − {b.text}) ÷ {b.text} = {vn(100 * (ratio - 1))} % more", 100 * (ratio - 1), e))
        else:  # `bằng 60% so với năm 2019`, or a growth `tăng trưởng 9% so với …`: either reading
            interps.append((f"{a.text} ÷ {b.text} = {vn(100 * ratio)} %", 100 * ratio, e))
            interps.append((f"({a.text} − {b.text}) ÷ {b.text} = {vn(100 * (ratio - 1))} % change",
                            100 * (ratio - 1), e))
        if (a.unit or "") == "%" and (b.unit or "") == "%":  # `%` written for percentage points
            pp = b.value - a.value if r.direction == "decrease" else a.value - b.value
            interps.append((f"{a.text} − {b.text} = {vn(pp)} percentage points", pp,
                            ha + hb + slack(a, a.value, ha) + slack(b, b.value, hb)))
    iv = interval(r)
    h = half_unit(r)
    matches = sorted((x for x in interps if _meets(x[1], x[2], iv)), key=lambda x: abs(x[1] - r.value))
    ok = bool(matches)
    verdict = _verdict(ok) if (ok or full) else CANNOT_TELL
    label, computed, e = (matches or interps)[0]
    others = " or ".join(x[0] for x in interps[1:]) if len(interps) > 1 and not ok else ""
    note = "" if full or ok else " (the base figure was found in another sentence: it may be another figure)"
    return Check("change", verdict,
                 f"{label}{' (nor ' + others + ')' if others else ''}; stated {r.text} ({_tol_words(r, h, e)})"
                 f": {verdict}{note}",
                 [(a, "current"), (r, "change"), (b, "base")], tolerance=_tol_value(r, h, e), stated=r.value,
                 computed=computed, difference=computed - r.value, unit=unit, scope=scope)


def _change_rel(dt: DocText, ms: list[Mention]) -> list[Check]:
    """`… đạt 1.745 tỷ đồng, tăng 32,2% so với năm 2021 (1.320 tỷ đồng)` and `từ B lên A, tăng r%`."""
    out = []
    for i, r in enumerate(ms):
        is_rel = (_pct(r) or (r.kind == "multiplier" and r.value)) and r.compared_to \
            and r.compared_to not in TARGET_BASES
        if not is_rel or i == 0:
            continue
        a = ms[i - 1]
        if a.kind not in ("quantity", "money", "percent") or a.value is None or _is_pp(a) or a.direction:
            continue
        gap = dt.gap(a, r)
        if linked(gap, _CHANGE_TAIL, max_len=40, allow_semicolon=True, allow_bare=True) is None:
            continue
        b = None
        if i + 1 < len(ms):
            cand = ms[i + 1]
            g = dt.gap(r, cand)
            if _same_unit(cand, a) and cand.kind == a.kind and not _digits_between(g) and ";" not in g \
                    and _BASE_AFTER.search(g) and "so với" in dt.text[r.start:cand.start]:
                b = cand
        if b is None and i >= 2:
            cand = ms[i - 2]  # `từ B năm 2021 lên A năm 2022, tăng r%`
            g = dt.gap(cand, a)
            if _same_unit(cand, a) and cand.kind == a.kind and re.search(r"(?<!\w)từ\s*$", dt.before(cand, 8), re.I) \
                    and re.search(r"(?<!\w)lên(?!\w)", g) and not _digits_between(g) and len(g) < 40:
                b = cand
        if b is None:
            continue
        c = _rel_change_check(a, r, b, "sentence", True, gap)
        if c:
            out.append(c)
    return out


def _prev_period(period: str | None) -> str | None:
    if not period:
        return None
    mm = re.fullmatch(r"((?:19|20)\d{2})(-(?:Q[1-4]|H[12]|1?\dM|\d{2}))?", period)
    if not mm:
        return None
    return f"{int(mm.group(1)) - 1}{mm.group(2) or ''}"


def _base_period(m: Mention, a: Mention) -> str | None:
    cmp = m.compared_to
    if cmp == "cùng kỳ":
        return _prev_period(a.period)
    if cmp and re.fullmatch(r"(?:19|20)\d{2}", cmp):
        if a.period and re.fullmatch(r"(?:19|20)\d{2}", a.period):
            return cmp
    return None


def _indicator_period_unit_kind(m: Mention) -> tuple | None:
    key, unit = ikey(m), unit_key(m)
    return (key, m.period, unit, m.kind) if key and unit else None


def _change_base_in_document(dt: DocText, already: list[Check]) -> list[Check]:
    """A change whose base figure is printed in another sentence of the document: same indicator key,
    entity, unit and the base period (`so với năm 2022` -> the 2022 figure)."""
    done = {mention_key(m) for c in already if c.check_type == "change" for m, role in c.mentions if role == "change"}
    out = []
    ms = dt.mentions
    for i, r in enumerate(ms):
        if mention_key(r) in done or i == 0:
            continue
        is_rel = (_pct(r) or r.kind == "multiplier" or _is_pp(r)) and r.value and r.compared_to \
            and r.compared_to not in TARGET_BASES
        if not is_rel:
            continue
        a = ms[i - 1]
        if a.kind not in ("quantity", "money", "percent") or a.value is None or _is_pp(a) or a.direction \
                or a.extra.get("sentence_index") != r.extra.get("sentence_index"):
            continue
        if linked(dt.gap(a, r), _CHANGE_TAIL, max_len=40, allow_semicolon=True, allow_bare=True) is None:
            continue
        if _is_pp(r) and not _pct(a):
            continue
        key = ikey(a)
        period = _base_period(r, a)
        if not key or not period:
            continue
        # the figures of a's indicator, base period, unit and kind (their group, not the whole document again)
        group = dt.groups("indicator, period, unit, kind", _indicator_period_unit_kind)
        bases = [b for _, b in group.get((key, period, unit_key(a), a.kind), [])
                 if b is not a and b.extra.get("sentence_index") != a.extra.get("sentence_index")
                 and ikey(b) == key and b.period == period and _same_unit(b, a) and b.kind == a.kind
                 and _same_entity(a, b) and b.status == a.status and not b.direction and not b.compared_to
                 and b.value]
        if len({b.value for b in bases}) != 1:
            continue
        b = bases[0]
        full = key in CANONICAL_KEYS
        if _is_pp(r):
            sign = _sign(r.direction, dt.before(r, 15)) or 1
            diff = a.value - b.value
            ha, hb, hd = half_unit(a), half_unit(b), half_unit(r)
            tol = ha + hb + hd
            ok = abs(diff - sign * r.value) <= tol
            verdict = _verdict(ok) if (ok or full) else CANNOT_TELL
            out.append(Check("change", verdict,
                             f"{a.text} ({a.period}) − {b.text} ({b.period}) = {vn(diff)} percentage points; stated "
                             f"{'−' if sign < 0 else '+'}{r.text} (±{vn(tol, 3)} rounding): {verdict}",
                             [(a, "current"), (r, "change"), (b, "base")], tolerance=tol, stated=sign * r.value,
                             computed=diff, difference=diff - sign * r.value, unit="điểm phần trăm", scope="document"))
            continue
        c = _rel_change_check(a, r, b, "document", full, dt.gap(a, r))
        if c:
            out.append(c)
    return out
