"""Tolerance: the values a printed figure allows. A figure printed with d decimals may be off by half its
last printed place (`half_unit`), a whole count printed in full is exact (`is_count`), `xấp xỉ / khoảng /
gần` widens that by `APPROX_REL` (`slack`), and `trên / dưới / từ … trở lên` open it on one side
(`interval`). Also the numbers as a report prints them (`vn`, `show_amount`) and the words that explain a
tolerance in a check's computation (`_tol_words`)."""
from __future__ import annotations

import math

from extractors.numbers import DIGITS_RE, NotANumber, parse_digits
from extractors.record import Mention

APPROX_REL = 0.02       # `xấp xỉ 87%` may be 2 % of its value away, on top of rounding
INF = math.inf


def vn(x: float | None, nd: int = 2) -> str:
    """A number the Vietnamese way: `86,96`, `16.916`, `0,005`."""
    if x is None:
        return "?"
    if x in (INF, -INF):
        return "∞" if x > 0 else "-∞"
    s = f"{x:,.{nd}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


def show_amount(v: float | None, unit: str | None) -> str:
    """An amount in base units in the words a report would use: `16.916 tỷ đồng`, `2,5 tỷ USD`."""
    if v is None:
        return "?"
    u = unit or ""
    base = u.split("/")[0]
    if base in ("VND", "USD") or (len(base) == 3 and base.isupper()):
        cur = "đồng" if base == "VND" else base
        rest = u[len(base):]
        for scale, word in ((1e12, "nghìn tỷ"), (1e9, "tỷ"), (1e6, "triệu")):
            if abs(v) >= scale:
                if scale == 1e12 and base == "VND":
                    return f"{vn(v / 1e9, 2)} tỷ {cur}{rest}"
                return f"{vn(v / scale, 3)} {word} {cur}{rest}"
        return f"{vn(v, 2)} {cur}{rest}"
    if u in ("%",):
        return f"{vn(v, 2)} %"
    return f"{vn(v, 2)} {u}".strip()


def _printed(m: Mention, which: int) -> tuple[float, int] | None:
    """Scale (base units per printed unit) and decimals of the `which`-th number printed in the span."""
    nums = DIGITS_RE.findall(m.text or "")
    if m.kind == "range":
        target = m.low if which == 0 else m.high
    elif which == 0:
        target = m.value
    else:
        target = m.denominator
    if target is None:
        return None
    if which >= len(nums):
        if nums:
            return None
        return 1.0, m.decimals or 0  # number words: whole numbers
    best = None
    for style in ("vi", "en"):
        try:
            val, dec = parse_digits(nums[which], style)
        except NotANumber:
            continue
        if val == 0:
            return 1.0, dec
        ratio = abs(target) / val
        if ratio <= 0:
            continue
        exp = round(math.log10(ratio))
        off = abs(math.log10(ratio) - exp)
        if best is None or off < best[0]:
            best = (off, 10.0 ** exp, dec)
    if best is None:
        return None
    return best[1], best[2]


_MEASURES = ("tấn", "tạ", "kg", "ha", "km", "m", "m2", "m²", "m3", "m³", "kwh", "mw", "kw", "lít", "héc-ta", "hecta")


def is_count(m: Mention, which: int = 0) -> bool:
    """A whole count printed in full (`55 dự án`, `28/60 nhiệm vụ`): exact, no rounding."""
    if m.kind not in ("quantity", "fraction", "rank", "range") or m.qualifier == "approx":
        return False
    u = (m.unit or "").strip().lower()
    if not u or u in ("%", "điểm phần trăm", "times", "điểm") or "/" in u or u.split()[0] in _MEASURES:
        return False
    if u.split()[0] in ("vnd", "usd") or (len(u) == 3 and (m.unit or "").isupper()):
        return False
    p = _printed(m, which)
    return p is not None and p[0] == 1.0 and p[1] == 0


def half_unit(m: Mention, which: int = 0) -> float:
    """Half of the last printed place, in base units: `9,54%` -> 0,005; `16.916 tỷ đồng` -> 0,5 tỷ;
    0 for a whole count printed in full (`55 dự án`)."""
    if is_count(m, which):
        return 0.0
    p = _printed(m, which)
    if p is None:
        scale, dec = 1.0, m.decimals or 0
    else:
        scale, dec = p
    return 0.5 * 10.0 ** (-dec) * scale


def slack(m: Mention, v: float, h: float) -> float:
    return max(h, APPROX_REL * abs(v)) if m.qualifier == "approx" else 0.0


def interval(m: Mention, which: int = 0) -> tuple[float, float]:
    """The values a printed figure allows, from its rounding and its qualifier."""
    if m.kind == "range" and m.low is not None and m.high is not None:
        hl, hh = half_unit(m, 0), half_unit(m, 1)
        s = slack(m, m.high, max(hl, hh))
        return m.low - hl - s, m.high + hh + s
    v = m.value if which == 0 else m.denominator
    if v is None:
        return -INF, INF
    h = half_unit(m, which)
    q = m.qualifier if which == 0 else None
    if q in ("over", "at_least"):
        return v - h, INF
    if q in ("under", "at_most"):
        return -INF, v + h
    s = slack(m, v, h) if which == 0 else 0.0
    return v - h - s, v + h + s


def _meets(x: float, e: float, iv: tuple[float, float]) -> bool:
    return x + e >= iv[0] and x - e <= iv[1]


def _tol_words(m: Mention, h: float, e: float, unit_word: str = "") -> str:
    money = m.kind in ("money", "range") and (m.unit or "").split("/")[0] in ("VND", "USD")
    show = (lambda x, nd: show_amount(x, m.unit)) if money else (lambda x, nd: f"{vn(x, nd)}{unit_word}")
    parts = [f"±{show(h, 4)} rounding"]
    if m.qualifier == "approx":
        v = m.value if m.value is not None else (m.high or 0)
        parts.append(f"±{show(slack(m, v, h), 2)} for “{_qual_word(m)}”")
    if e:
        parts.append(f"±{vn(e, 3)}{unit_word} from the other figures' rounding")
    if m.qualifier in ("over", "at_least", "under", "at_most"):
        parts.append(f"“{_qual_word(m)}” is a bound")
    return ", ".join(parts)


def _qual_word(m: Mention) -> str:
    t = (m.text or "").lower()
    for w in ("xấp xỉ", "khoảng", "gần", "chừng", "tầm", "trên", "hơn", "dưới", "chưa đến", "không tới", "từ",
              "ít nhất", "tối thiểu", "tối đa", "không quá", "vượt mốc"):
        if w in t:
            return w
    return m.qualifier or ""


def _tol_value(m: Mention, h: float, e: float) -> float:
    v = m.value if m.value is not None else (m.high or 0)
    return h + slack(m, v, h) + e
