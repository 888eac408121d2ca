"""Results against targets: an amount against `đạt x% kế hoạch` and the plan stated in the document
(`target_share`), a result followed by its plan in the same breath (`result_target_in_sentence`), and the
comparison of one result with one target that the checks across documents use too (`_result_target`:
the share achieved, the outcome, and what the sentence claims, `vượt kế hoạch`)."""
from __future__ import annotations

import re

from extractors.checks.links import _SUBSET, DocText, linked
from extractors.checks.record import (CANNOT_TELL, CANONICAL_KEYS, CONSISTENT, INCONSISTENT, Check,
                                      _amount, _doc_words, _pct, _same_entity, _same_unit, _unit_class, _verdict, ikey,
                                      unit_key)
from extractors.checks.tolerance import _meets, _tol_value, _tol_words, half_unit, interval, slack, vn
from extractors.cues import (CLAIM_ABOVE, CLAIM_BELOW, CLAIM_MET, CLAIM_NOT_MET, LOWER_BETTER, PLAN_BEFORE, PLAN_BETWEEN,
                            TARGET_BASE_AFTER, TARGET_BASES, TARGET_BEFORE)
from extractors.gazetteer import find_province
from extractors.normalize import fold, nfc
from extractors.record import Mention


def _same_place(a: Mention, b: Mention) -> bool:
    """The same entity, or two bodies of the same province (`Tỉnh ủy Bắc Giang`, `Đảng bộ tỉnh Bắc Giang`)."""
    if _same_entity(a, b):
        return True
    pa = find_province(a.entity or "") if a.entity else None
    pb = find_province(b.entity or "") if b.entity else None
    pa = pa.name if pa else a.extra.get("province")
    pb = pb.name if pb else b.extra.get("province")
    return bool(pa) and pa == pb and not re.search(r"(?<!\w)(?:huyện|thành phố|thị xã|quận|xã|phường)(?!\w)",
                                                   (a.entity or "") + " " + (b.entity or ""), re.IGNORECASE)


def _before(ms: list[Mention], a: Mention) -> list[Mention]:
    """The figures of `ms` (in order) before `a`."""
    for k, t in enumerate(ms):
        if t is a:
            return ms[:k]
    return ms


def _indicator_unit_kind(m: Mention) -> tuple | None:
    key, unit = ikey(m), unit_key(m)
    return (key, unit, m.kind) if key and unit else None


def _target_share(dt: DocText) -> list[Check]:
    """`kết nạp 2.101 đảng viên, đạt 105% kế hoạch` against the plan (2.000) stated in the document."""
    out = []
    ms = dt.mentions
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction == "decrease":
            continue
        after = dt.after(p, 25).lower()
        base_named = p.compared_to in TARGET_BASES or TARGET_BASE_AFTER.match(after)
        if not base_named:
            continue
        a = ms[i - 1]
        if not _amount(a) or a.status == "target" or a.extra.get("sentence_index") != p.extra.get("sentence_index"):
            continue
        tail = linked(dt.gap(a, p))
        if tail is None:
            continue
        exceed = p.direction == "exceed" or tail.lower().startswith("vượt")
        si = a.extra.get("sentence_index")
        # the figures before `a` in its sentence, and the document's of a's indicator, unit and kind (its group,
        # not every figure of the document again for every figure)
        same_sentence = [t for t in (ms[:i - 1] if si is None else _before(dt.by_sentence[si], a))
                         if t.extra.get("sentence_index") == si and _same_unit(t, a) and t.kind == a.kind and t.value
                         # `giao 1.850 thanh niên, trong đó có … 389 thanh niên …, đạt 100% chỉ tiêu`: a part
                         # of the plan's figure is not its result
                         and not _part_of(dt, t, a) and
                         (t.status == "target" or PLAN_BEFORE.search(dt.before(t, 40)))]
        key = ikey(a)
        group = dt.groups("indicator, unit, kind", _indicator_unit_kind).get((key, unit_key(a), a.kind), [])
        earlier = [t for k, t in group if k < i - 1 and t.extra.get("sentence_index") != si
                   and (t.status == "target" or TARGET_BEFORE.search(dt.text[dt.clause(t)[0]:t.start]))
                   and _same_unit(t, a) and t.kind == a.kind and t.value
                   and key and ikey(t) == key and (not t.period or not a.period or t.period == a.period)
                   and _same_place(a, t)]
        if same_sentence:
            cands, full, scope = same_sentence[::-1], len({t.value for t in same_sentence}) == 1, "sentence"
        elif len({t.value for t in earlier}) == 1:
            cands, full, scope = [earlier[-1]], key in CANONICAL_KEYS, "document"
        else:
            continue
        iv = interval(p)
        h = half_unit(p)
        ha = half_unit(a)
        for t in cands:  # the first plan the figures agree with; else the nearest
            ht = half_unit(t)
            share = 100.0 * a.value / t.value
            e = share * (ha / a.value + ht / t.value)
            computed = share - 100.0 if exceed else share
            ok = _meets(computed, e, iv)
            if ok:
                break
        if not ok:
            t = cands[0]
            ht = half_unit(t)
            share = 100.0 * a.value / t.value
            e = share * (ha / a.value + ht / t.value)
            computed = share - 100.0 if exceed else share
        verdict = _verdict(ok) if (ok or full) else CANNOT_TELL
        calc = f"{a.text} ÷ {t.text} = {vn(share)} %" + (f", an excess of {vn(computed)} %" if exceed else "")
        out.append(Check("target_share", verdict,
                         f"{calc}; stated {p.text} ({_tol_words(p, h, e)}): {verdict}",
                         [(a, "result"), (t, "target"), (p, "percent")], tolerance=_tol_value(p, h, e),
                         stated=p.value, computed=computed, difference=computed - p.value, unit="%", scope=scope))
    return out


def _part_of(dt: DocText, t: Mention, a: Mention) -> bool:
    """`a` is listed as part of `t` (`T …, trong đó có … A`), in the same clause."""
    between = dt.text[t.end:a.start]
    m = _SUBSET.search(between)
    return m is not None and ";" not in between[m.end():]


def _result_target_in_sentence(dt: DocText, ms: list[Mention]) -> list[Check]:
    """A result followed by its plan in the same breath: `đạt 6,2% (kế hoạch 7,5%)`."""
    out = []
    for i, r in enumerate(ms[:-1]):
        t = ms[i + 1]
        if r.value is None or r.kind in ("rank", "multiplier", "range") or r.direction or r.compared_to:
            continue
        if _unit_class(r) is None or _unit_class(r) != _unit_class(t) or t.kind in ("rank", "multiplier"):
            continue
        if not PLAN_BETWEEN.match(dt.gap(r, t)):
            continue
        t_as_target = t if t.status == "target" else None
        if t_as_target is None:
            continue
        c = _result_target(r, t, ikey(r) or "", {}, tied=True)
        if c:
            out.append(c)
    return out


def _polarity(t: Mention) -> int | None:
    """+1 when more is better, −1 when less is (`tỷ lệ hộ nghèo`, `không quá`), None when unknown."""
    if t.qualifier in ("at_most", "under"):
        return -1
    if t.qualifier in ("at_least", "over"):
        return 1
    ind = fold(nfc(t.indicator or ""))
    if ikey(t) in ("poverty_rate", "near_poverty_rate") or any(w in ind for w in LOWER_BETTER) \
            or t.direction == "decrease":
        return -1
    return 1


def _year_span(period: str | None) -> tuple[int, int] | None:
    if not period:
        return None
    mm = re.fullmatch(r"((?:19|20)\d{2})(?:-((?:19|20)\d{2}))?(?:-(?:Q[1-4]|H[12]|1?\dM|\d{2}))?", period)
    if not mm:
        return None
    a = int(mm.group(1))
    return a, int(mm.group(2)) if mm.group(2) else a


def _claim(m: Mention, text: str | None) -> str | None:
    """What the result's clause says of its target: `met`, `not met`, `above`, `below`."""
    if not text:
        return None
    sent = m.sentence or ""
    k = sent.find(m.text) if m.text else -1
    clause = sent
    if k >= 0:
        lo = sent.rfind(";", 0, k) + 1
        hi = sent.find(";", k)
        clause = sent[lo: hi if hi >= 0 else len(sent)]
    if CLAIM_NOT_MET.search(clause):
        return "not met"
    if CLAIM_BELOW.search(clause):
        return "below"
    if CLAIM_ABOVE.search(clause) \
            and not re.search(r"vượt\s+\S*\s*\d", clause):
        return "above"
    if CLAIM_MET.search(clause):
        return "met"
    return None


_PLAN_CODE = re.compile(r"(?<!\w)(?:Nghị quyết|Quyết định|Kế hoạch|Chỉ thị|Chương trình)\s+(?:số\s+)?(\d+[\w/-]*)")


def _cites_another_plan(r: Mention, t: Mention) -> bool:
    """The result's sentence names the plan (by its number) its claim is about, and the target's sentence does not."""
    codes = {c.group(1) for c in _PLAN_CODE.finditer(r.sentence or "")}
    return bool(codes) and not any(c in (t.sentence or "") for c in codes)


def _result_target(r: Mention, t: Mention, key: str, docs: dict[str, dict], tied: bool = False) -> Check | None:
    rs, ts = _year_span(r.period), _year_span(t.period)
    if rs is None or ts is None:
        return None
    same_period = r.period == t.period
    if same_period:
        relation = "same"
    elif ts[0] < ts[1] and ts[0] <= rs[0] and rs[1] <= ts[1]:
        relation = "term"           # a yearly (or 2-year) result within the term of the target
    elif ts[0] == ts[1] and rs == ts:
        relation = "part of year"   # `2023-Q1` or `2023-9M` against the year's target
    elif ts[0] == ts[1] and rs[1] < ts[0] and rs[0] >= ts[0] - 5 and not (t.period or "")[4:] and \
            re.search(rf"(?:đến|tới|vào|đến hết|đến cuối)\s+năm\s+{ts[0]}", t.sentence or "", re.IGNORECASE):
        relation = "before"         # `đến năm 2025` against a 2023 result
    else:
        return None
    rate = _unit_class(t) == "%" or (t.unit or "").endswith("/năm") or \
        re.search(r"bình quân|hằng năm|hàng năm|mỗi năm", (t.sentence or "").lower()) is not None
    tgt_lo = t.low if t.kind == "range" else t.value
    tgt_hi = t.high if t.kind == "range" else t.value
    if tgt_lo is None or tgt_hi is None or r.value is None:
        return None
    v = r.value
    hr = half_unit(r)
    ht = max(half_unit(t, 0), half_unit(t, 1) if t.kind == "range" else 0)
    tol = hr + ht + slack(r, v, hr) + slack(t, tgt_hi, ht)
    if v > tgt_hi + tol:
        rel = "above"
    elif v < tgt_lo - tol:
        rel = "below"
    else:
        rel = "at"
    if t.qualifier in ("at_least", "over") and rel == "above":
        rel = "at"
    if t.qualifier in ("at_most", "under") and rel == "below":
        rel = "at"
    pol = _polarity(t)
    if pol == 1:
        outcome = {"above": "exceeded", "at": "met", "below": "not met"}[rel]
    elif pol == -1:
        outcome = {"below": "exceeded", "at": "met", "above": "not met"}[rel]
    else:
        outcome = {"above": "above target", "at": "at target", "below": "below target"}[rel]
    if t.qualifier in ("at_least", "over") and rel == "at" and v >= tgt_lo - tol:
        outcome = "met"
    ratio = v / tgt_lo if tgt_lo else None
    span_words = ""
    if relation != "same":
        if rate and rs[0] == rs[1] and relation != "before":
            span_words = f" (a {'yearly' if relation == 'term' else 'part-year'} figure against the {t.period} target)"
        else:
            outcome = "in progress" if rs[1] < ts[1] or relation == "part of year" else outcome
            span_words = f" ({r.period} so far, against the {t.period} target)"
    claim = _claim(r, r.sentence) if same_period else None
    verdict = CANNOT_TELL
    strict_rel = rel
    if claim:
        if claim == "above":
            verdict = CONSISTENT if strict_rel == "above" else INCONSISTENT if strict_rel == "below" else CANNOT_TELL
        elif claim == "below":
            verdict = CONSISTENT if strict_rel == "below" else INCONSISTENT if strict_rel == "above" else CANNOT_TELL
        elif claim == "met" and pol:
            bad = "below" if pol == 1 else "above"
            verdict = INCONSISTENT if strict_rel == bad else CONSISTENT
        elif claim == "not met" and pol:
            good = "above" if pol == 1 else "below"
            verdict = INCONSISTENT if strict_rel == good else CONSISTENT if strict_rel != "at" else CANNOT_TELL
        if verdict == INCONSISTENT and (not tied or _cites_another_plan(r, t)):
            # (`…, vượt mục tiêu đề ra tại Nghị quyết số 04-NQ/TU`: a claim about the target of a document the target
            # found does not come from)
            verdict = CANNOT_TELL
    tshow = t.text
    share = f"{vn(100 * ratio)} % of the target" if ratio is not None and tgt_lo == tgt_hi else \
        (f"{vn(100 * v / tgt_hi)}–{vn(100 * v / tgt_lo)} % of the target range" if tgt_lo and tgt_hi else "")
    where = "same sentence" if (r.doc == t.doc and r.extra.get("sentence_index") == t.extra.get("sentence_index")) \
        else ("same document" if r.doc == t.doc else f"target from {_doc_words(t, docs)}")
    claim_words = f"; the sentence says {claim}" if claim else ""
    scope = "sentence" if where == "same sentence" else "document" if r.doc == t.doc else "corpus"
    return Check("result_target", verdict,
                 f"result {r.text} ({r.period}) against target {tshow} ({t.period}, {where}){span_words}: "
                 f"{share}, {outcome}{claim_words}: {verdict}",
                 [(r, "result"), (t, "target")], tolerance=tol, stated=tgt_lo, computed=v,
                 difference=v - tgt_lo, ratio=ratio, outcome=outcome,
                 unit="%" if _unit_class(r) == "%" else r.unit, scope=scope)
