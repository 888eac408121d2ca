"""The stored figures a claim's figure is judged against, and the verdict of each (`chitieu check`, `/-/check`).

Value first: the stored figures of the claim's province (its bodies included: a figure of `Tỉnh ủy Vĩnh
Phúc` is stored with the province `Vĩnh Phúc`; the former provinces inside a post-2025 one through
`province_new`) whose value, numerator or denominator equals the claim's within the printed precision of
both, then the figures of the same indicator with another value (those may contradict), ranked by how well
indicator, period and unit agree.

The indicator agrees by `key` (the same canonical key of the lexicon), by `words` (every word of the
stored indicator is in the claim: `kết nạp` in `kết nạp … đảng viên`), or `loosely` (most words shared:
shown only when nothing agrees better, and never a contradiction). A stored figure whose canonical key
differs from the claim's is another indicator (`tỷ lệ hộ nghèo` / `tỷ lệ hộ cận nghèo`) and is left out;
a stored figure listed as a part (`trong đó`, `trong số`) is not the total a claim speaks of.

A verdict per stored figure:
- `consistent`: the values agree, same indicator, province, period and status;
- `inconsistent`: same indicator, province, period, status and base, comparable units, and the values
  differ (the worked difference is given);
- `cannot tell`: the values agree but something else does not (another period, a target rather than a
  result, another base, a district or a former province, an indicator matched only loosely), or the values
  differ where a difference would not be a contradiction.
"""
from __future__ import annotations

import re
import sqlite3

from extractors.checks import CANNOT_TELL, CANONICAL_KEYS, CONSISTENT, INCONSISTENT, half_unit, interval, vn
from extractors.checks.tolerance import show_amount
from extractors.normalize import fold, nfc
from extractors.record import Mention
from pipeline.db.checks_store import _mention
from pipeline.db.claims.read import ClaimFigure, key_of_rate, unit_class, words

MATCH_RANK = {"key": 0, "words": 1, "broader": 2, "loose": 3}
_PART = re.compile(r"(?<!\w)(?:trong do|trong so|bao gom|gom|rieng)(?!\w)")
_FIELDS = ("id", "doc", "sentence_id", "start", "end", "text", "kind", "value", "low", "high", "denominator",
           "unit", "qualifier", "indicator", "indicator_key", "entity", "province", "province_new", "period",
           "status", "compared_to", "direction", "decimals", "sentence")
# words that make a stored indicator more explicit, not another one (`tốc độ tăng trưởng kinh tế` is the
# `tăng trưởng` of a claim; `hộ cận nghèo` is not `hộ nghèo`)
GENERIC = frozenset("toc do kinh te tong gia tri chung luong cong tac thuc hien ket qua hien".split())
# words that make another indicator of the same key: the advanced and model levels of new rural communes, the
# near-poor, the women among party members (folded)
QUALIFIERS = ("nang cao", "kieu mau", "can ngheo", "vien nu", "dan toc thieu so")
ROW_CAP = 20000  # stored figures read per claim figure and query: a bound, whatever the database holds


def indicator_match(cf: ClaimFigure, row: dict) -> str | None:
    """How the stored figure's indicator agrees with the claim's: `key`, `words`, `loose` or None (another
    indicator)."""
    skey = row.get("indicator_key")
    place = set(words(row.get("province"))) | set(words(row.get("entity")))
    wl = [w for w in words(row.get("indicator")) if w not in place]
    if skey not in CANONICAL_KEYS and row.get("kind") in ("percent", "fraction"):
        skey = key_of_rate(wl) or skey  # `hộ cận nghèo 5,09%` is the near-poverty rate
    said = " ".join(wl)
    if any(_has(said, q) != _has(cf.phrase, q) for q in QUALIFIERS):
        return None  # `đạt chuẩn NTM nâng cao` is not `đạt chuẩn NTM`, whatever key the extractor gave it
    if cf.key and skey in CANONICAL_KEYS:
        return "key" if skey == cf.key else None
    stored = set(wl)
    if len(stored) >= 2 and stored <= cf.words:
        return "words"  # one word (`hộ`, `xã`) says too little to tie two figures
    if len(cf.words) >= 2 and cf.words <= stored and stored - cf.words <= GENERIC:
        return "broader"  # the claim says less than the stored indicator: it may support, not contradict
    if cf.key and not stored:
        return None
    overlap = stored & cf.words
    if len(overlap) >= 2 and len(overlap) >= 0.6 * min(len(stored), len(cf.words) or 1):
        return "loose"
    return None


def _has(words_said: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z]){phrase}(?![a-z])", words_said) is not None


def units_agree(cf: ClaimFigure, sm: Mention, key: str | None) -> bool:
    cm = cf.mention
    if cm.kind in ("percent", "fraction") and sm.kind in ("percent", "fraction") and \
            "%" in ({cm.unit, sm.unit} | cf.units):
        return True  # a share and a fraction: compared as percentages
    if cm.kind in ("rank", "multiplier") or sm.kind in ("rank", "multiplier"):
        return cm.kind == sm.kind
    su = unit_class(sm.unit, key or cf.key)
    return su is not None and (su in cf.units or any(unit_class(u, key or cf.key) == su for u in cf.units))


def _share(m: Mention) -> float | None:
    return 100.0 * m.value / m.denominator if m.kind == "fraction" and m.denominator and m.value is not None else None


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] >= b[0] and b[1] >= a[0]


def compare_values(cf: ClaimFigure, sm: Mention) -> tuple[str | None, str]:
    """Which printed number of the stored figure equals the claim's (`value`, `denominator`, `share`, or
    None), and the worked comparison."""
    cm = cf.mention
    if cm.kind == "fraction" and sm.kind == "fraction":
        same = (_overlaps(interval(cm), interval(sm)) and
                _overlaps(interval(cm, 1), interval(sm, 1)))
        return ("value" if same else None), f"claim {cm.text} vs stored {sm.text}"
    ci = interval(cm)
    if cm.kind == "percent" and sm.kind == "fraction" and _share(sm) is not None:
        s = _share(sm)
        e = s * (half_unit(sm, 0) / abs(sm.value) + half_unit(sm, 1) / abs(sm.denominator)) if sm.value else 0.0
        same = _overlaps(ci, (s - e, s + e))
        return ("share" if same else None), f"claim {cm.text} vs stored {sm.text} = {vn(s)} %"
    if cm.kind == "fraction" and sm.kind == "percent" and _share(cm) is not None:
        s = _share(cm)
        same = _overlaps(interval(sm), (s - 1e-9, s + 1e-9))
        return ("share" if same else None), f"claim {cm.text} = {vn(s)} % vs stored {sm.text}"
    if sm.kind == "range":
        return ("value" if _overlaps(ci, interval(sm)) else None), f"claim {cm.text} vs stored range {sm.text}"
    if sm.value is not None and _overlaps(ci, interval(sm)):
        return "value", f"claim {cm.text} vs stored {sm.text}"
    if sm.kind == "fraction" and sm.denominator is not None and _overlaps(ci, interval(sm, 1)):
        return "denominator", f"claim {cm.text} vs stored {sm.text}: the claim's number is the denominator"
    return None, f"claim {cm.text} vs stored {sm.text}"


def difference_words(cf: ClaimFigure, sm: Mention) -> str:
    """The worked difference of a claim and a stored figure that disagree: `2.500 − 2.101 = 399 (+19 %)`."""
    cm = cf.mention
    cv, sv = cm.value, sm.value
    if cm.kind == "percent" and sm.kind == "fraction":
        sv = _share(sm)
    elif cm.kind == "fraction" and sm.kind == "percent":
        cv = _share(cm)
    elif cm.kind == "fraction" and sm.kind == "fraction" and abs((cm.value or 0) - (sm.value or 0)) < 1e-9:
        cv, sv = cm.denominator, sm.denominator
    if cv is None or sv is None:
        return "the values differ"
    d = cv - sv
    pct = cm.kind == "percent" or (cm.kind == "fraction" and sm.kind == "percent")
    money = (sm.unit or "").split("/")[0] in ("VND", "USD")

    def show(x: float) -> str:
        return show_amount(x, sm.unit) if money else f"{vn(x)}{' %' if pct else ''}"

    sign = "+" if d > 0 else ""
    if pct:
        return f"claim {show(cv)} − stored {show(sv)} = {sign}{vn(d)} percentage points"
    rel = f" ({sign}{vn(100.0 * d / sv, 1)} % of the stored value)" if sv else ""
    return f"claim {show(cv)} − stored {show(sv)} = {sign}{show(d)}{rel}"


def _is_part(row: dict) -> bool:
    """The stored figure is listed as part of a total (`trong đó có 620 đảng viên nữ`)."""
    sent, text = row.get("sentence") or "", row.get("text") or ""
    k = sent.find(text) if text else -1
    if k < 0:
        return False
    return bool(_PART.search(fold(sent[:k])))  # `Trong đó, có 85 xã …; có 17 xã …`: both parts


def _period_note(cf: ClaimFigure, sm: Mention) -> tuple[str, str | None]:
    """(`same` | `none` | `other`, why) of the claim's period and the stored figure's."""
    if not cf.period:
        return "none", f"the claim names no period; the stored figure is of {sm.period or 'an unknown period'}"
    if not sm.period:
        return "other", "the stored figure's period is not known"
    if sm.period == cf.period:
        return "same", None
    return "other", f"another period: the stored figure is of {sm.period}, the claim of {cf.period}"


def judge(cf: ClaimFigure, row: dict) -> dict | None:
    """The verdict of one stored figure for the claim's figure, or None when it is not comparable."""
    how = indicator_match(cf, row)
    if how is None:
        return None
    sm = _mention(row)
    if (sm.value is None and sm.kind != "range") or not units_agree(cf, sm, row.get("indicator_key")):
        return None
    which, calc = compare_values(cf, sm)
    agree = which in ("value", "share")
    reasons = []   # why a figure cannot settle the claim
    province = cf.province.name if cf.province else None
    sp, snew, sent = row.get("province"), row.get("province_new"), fold(nfc(row.get("entity") or ""))
    if cf.district:
        if cf.district not in sent:
            reasons.append(f"the claim is about {cf.district}, the stored figure about {row.get('entity')}")
    elif province:
        if sp != province and snew == province:
            reasons.append(f"a figure of {sp}, now part of {snew}")
        elif sp != province:
            reasons.append(f"a figure of {row.get('entity') or sp}")
        elif re.match(r"(?:huyen|thi xa|quan|xa|phuong|thi tran)\s", sent) or \
                (sent.startswith("thanh pho ") and cf.province.kind != "thành phố"):
            reasons.append(f"a figure of {row.get('entity')}, not of the whole province")
    else:
        reasons.append(f"the claim names no province; the stored figure is of {row.get('entity') or sp}")
    period, why = _period_note(cf, sm)
    if period == "other":
        reasons.append(why)
    if cf.status != (sm.status or "actual"):
        reasons.append("the stored figure is a target, the claim a result" if sm.status == "target"
                       else "the stored figure is a result, the claim a target")
    if (cf.mention.compared_to or sm.compared_to) and cf.mention.compared_to != sm.compared_to \
            and not (sm.compared_to or "").isdigit():
        reasons.append(f"another base of comparison ({sm.compared_to or 'none'}, the claim {cf.mention.compared_to or 'none'})")
    if cf.mention.direction and sm.direction and cf.mention.direction != sm.direction:
        reasons.append(f"a {sm.direction}, the claim a {cf.mention.direction}")
    if how == "loose":
        reasons.append(f"the indicator matches only loosely ({row.get('indicator')})")
    if which == "denominator":
        reasons.append(f"the claim's number is the stored figure's denominator ({sm.text}), not its value")
    part = _is_part(row)
    notes = [why] if period == "none" else []
    if agree and not reasons:
        verdict = CONSISTENT
        calc += ": they agree"
    elif agree:
        verdict = CANNOT_TELL
        calc += ": the values agree, but " + "; ".join(reasons)
    elif not reasons and period == "same" and not part and which is None and how in ("key", "words"):
        verdict = INCONSISTENT
        calc = difference_words(cf, sm)
    elif which == "denominator" and not [r for r in reasons if "denominator" not in r] and not part \
            and period == "same" and sm.kind == "fraction" and how in ("key", "words"):
        verdict = INCONSISTENT  # `kết nạp 2.000` when 2.101/2.000 was stored: 2.000 was the plan
        calc = difference_words(cf, sm) + f"; {sm.text}: the claim's number is the plan, not the result"
    else:
        return {"verdict": None, "match": how, "why": reasons or ([f"a part of a total ({sm.text})"] if part else notes),
                "row": row, "mention": sm, "computation": calc}
    if part and verdict == INCONSISTENT:
        verdict, calc = CANNOT_TELL, calc + " (the stored figure is a part of a total)"
    return {"verdict": verdict, "match": how, "why": reasons + notes, "row": row, "mention": sm,
            "computation": calc + (f" ({'; '.join(notes)})" if notes else "")}


def _select(conn: sqlite3.Connection) -> str:
    cols = {r[1] for r in conn.execute("pragma table_info(mentions)")}
    return ", ".join(f"m.[{c}]" if c in cols else f"null as [{c}]" for c in _FIELDS)


def candidates(conn: sqlite3.Connection, cf: ClaimFigure) -> list[dict]:
    """The stored figures that may bear on the claim's figure: of its province (or district), else those
    whose value or indicator key agrees; each once, at most `ROW_CAP` per query."""
    cm = cf.mention
    sel = _select(conn)
    base = (f"select {sel}, d.title as doc_title, d.url as doc_url, d.source as doc_source, "
            f"d.published as doc_published from mentions m join documents d on d.id = m.doc")
    queries: list[tuple[str, list]] = []
    if cf.province:
        p = cf.province.name
        queries.append((f"{base} where m.province = ? or m.province_new = ? limit {ROW_CAP}", [p, p]))
    else:
        lo, hi = interval(cm) if cm.kind != "fraction" else (cm.value, cm.value)
        lo, hi = (lo - 1e-9, hi + 1e-9) if lo > -1e300 else (lo, hi)
        queries.append((f"{base} where (m.value between ? and ?) or (m.denominator between ? and ?) "
                        f"or (m.kind = 'fraction' and m.denominator > 0 and 100.0 * m.value / m.denominator "
                        f"between ? and ?) limit {ROW_CAP}", [lo, hi, lo, hi, lo - 1, hi + 1]))
        if cf.key:
            queries.append((f"{base} where m.indicator_key = ? limit {ROW_CAP}", [cf.key]))
    conn.row_factory = sqlite3.Row
    seen, out = set(), []
    for sql, params in queries:
        for r in conn.execute(sql, params):
            if r["id"] not in seen:
                seen.add(r["id"])
                out.append(dict(r))
    return out
