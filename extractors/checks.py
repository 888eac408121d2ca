"""Checks a journalist can cite: the arithmetic of the figures printed side by side, the same figure
across sources, and results against their targets.

Every check recomputes something from the printed figures and says how:
`20/23 = 86,96 %; stated xấp xỉ 87 % (±0,5 rounding, ±1,74 for "xấp xỉ"): consistent`.
The tolerance comes from the printed precision: a figure printed with d decimals may be off by
0,5·10^-d of its last printed place (a percentage with d decimals by 0,5·10^-d percentage points),
widened for `xấp xỉ / khoảng / gần` (approx) and opened on one side by `trên / dưới / từ … trở lên`.

Verdicts are `consistent`, `inconsistent` and `cannot tell`. A wrong `inconsistent` costs a
journalist's trust, so a check says `inconsistent` only when the figures are tied together by the
sentence itself (`20/23 nhiệm vụ, đạt 87%`, `28 chỉ tiêu (4 …; 9 …)`) or by a canonical indicator
key; a pairing the checks had to guess gives `cannot tell` when the numbers disagree. Figures that
are not comparable (different units, entities, periods, bases) give no check at all.

Check types:
- `fraction_percent`: a fraction against the percentage printed beside it (or the excess `vượt x%`).
- `share_of_total`: a count against its share of a total stated in the same sentence (`58 cán bộ,
  trong đó có 12 cán bộ nữ, chiếm 20,7%`) or named by `tổng số <noun>` and stated once earlier.
- `target_share`: an amount against `đạt x% kế hoạch` and the target stated in the document.
- `parts_total`: parts against their stated total (`28 chỉ tiêu (4 …; 9 …; 10 …; 5 …)`, `55 dự án,
  trong đó 54 … và 1 …`), and a fraction with its complement (`126/130 …, 04 … không hoàn thành`).
- `shares_sum`: the shares of a structure (`cơ cấu … chiếm`) against 100 %.
- `change`: a change against both values when both are printed (percentage points, percent change,
  `gấp k lần`), the base taken from the same sentence or from the same document.
- `rank`: a rank against the number ranked (`thứ 32/63`); `range`: a range's bounds in order.
- `figure_versions`: the same indicator, entity, period and status reported with different values by
  different documents (across the corpus).
- `result_target`: a result and the target for the same indicator, entity and period (or the term
  the period lies in), with the share achieved and what the sentence claims (`vượt kế hoạch`).
"""
from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from extractors.indicators import INDICATORS
from extractors.indicators import indicator_key as _indicator_key
from extractors.normalize import fold, nfc
from extractors.numbers import DIGITS_RE, NotANumber, parse_digits
from extractors.record import Mention

CONSISTENT, INCONSISTENT, CANNOT_TELL = "consistent", "inconsistent", "cannot tell"
VERDICTS = (CONSISTENT, INCONSISTENT, CANNOT_TELL)
CHECK_TYPES = ("fraction_percent", "share_of_total", "target_share", "parts_total", "shares_sum", "change",
               "rank", "range", "figure_versions", "result_target")
CANONICAL_KEYS = frozenset(k for _, k in INDICATORS)
TARGET_BASES = frozenset({"kế hoạch", "dự toán", "chỉ tiêu", "mục tiêu"})
GROWTH_KEYS = frozenset({"grdp_growth"})  # `tăng 7,2%` and `đạt 7,2%` say the same of a growth rate
APPROX_REL = 0.02       # `xấp xỉ 87%` may be 2 % of its value away, on top of rounding
RATIO_GUARD = 3.0       # versions more than 3× apart are taken for different figures, not a discrepancy
INF = math.inf


# --- the check record --------------------------------------------------------------------------
@dataclass
class Check:
    check_type: str
    verdict: str
    computation: str
    mentions: list[tuple[Mention, str]]          # (mention, role)
    tolerance: float | None = None
    stated: float | None = None
    computed: float | None = None
    difference: float | None = None
    ratio: float | None = None                   # results vs targets: result / target
    outcome: str | None = None
    unit: str | None = None
    scope: str = "sentence"                      # sentence | document | corpus

    @property
    def id(self) -> str:
        parts = sorted(f"{mention_key(m)}={role}" for m, role in self.mentions)
        return hashlib.sha256(f"{self.check_type}|{'|'.join(parts)}".encode()).hexdigest()[:16]

    @property
    def docs(self) -> list[str]:
        return list(dict.fromkeys(m.doc for m, _ in self.mentions))  # in order, once each

    def row(self) -> dict:
        first = self.mentions[0][0]
        docs = self.docs
        return {
            "id": self.id, "check_type": self.check_type, "verdict": self.verdict, "computation": self.computation,
            "tolerance": self.tolerance, "stated": self.stated, "computed": self.computed,
            "difference": self.difference, "ratio": self.ratio, "outcome": self.outcome, "unit": self.unit,
            "scope": self.scope, "doc": docs[0] if len(docs) == 1 else None, "documents": len(docs),
            "sentence_id": sentence_key(first) if self.scope == "sentence" else None,
            "sentence": first.sentence if self.scope == "sentence" else None,
            "indicator_key": ikey(first), "entity": first.entity or first.extra.get("province"),
            "period": first.period, "mentions": [mention_key(m) for m, _ in self.mentions],
        }


def mention_key(m: Mention) -> str:
    return m.extra.get("id") or f"{m.doc}:{m.start}:{m.end}:{m.kind}"


def sentence_key(m: Mention) -> str | None:
    si = m.extra.get("sentence_index")
    return f"{m.doc}:{si}" if si is not None else None


def ikey(m: Mention) -> str | None:
    if "indicator_key" in m.extra:
        return m.extra["indicator_key"]
    return _indicator_key(m.indicator)


# --- numbers as printed ------------------------------------------------------------------------
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


# --- text around the figures -------------------------------------------------------------------
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_DIGIT = re.compile(r"\d")
_LINK_WORDS = (r"đạt|chiếm|bằng|tương đương|tương ứng|tức là|tức|là|đạt tỷ lệ|đạt tỉ lệ|tỷ lệ|tỉ lệ|hay|ước đạt|"
               r"ước|với|=|vượt|đạt được|chiếm tỷ lệ|chiếm tỉ lệ|có tỷ lệ|đạt mức|ở mức")
_LINK_TAIL = re.compile(rf"^(?:(?:{_LINK_WORDS})\s*)+$", re.IGNORECASE)
_REV_TAIL = re.compile(r"^(?:(?:tương đương|tương ứng|tức là|tức|với|gồm|bằng|=)\s*)*$", re.IGNORECASE)
_CHANGE_TAIL = re.compile(r"^(?:(?:tăng|giảm|tăng thêm|giảm đi|gấp|bằng|cao hơn|thấp hơn|vượt|hơn|tăng gấp|"
                          r"tương đương|đạt|là|bình quân)\s*)*$", re.IGNORECASE)
_NEGATION = re.compile(r"(?<!\w)(?:không|chưa|còn lại)(?!\w)", re.IGNORECASE)


@dataclass
class Sent:
    index: int
    start: int
    end: int
    text: str


class DocText:
    """A document's text, its sentences and its mentions in order: what the checks read around a figure."""

    def __init__(self, text: str, mentions: list[Mention], sentences: list | None = None):
        self.text = text
        if sentences is None:
            from extractors.sentences import split_sentences
            sentences = split_sentences(text)
        self.sents = [Sent(s.index, s.start, s.end, s.text) for s in sentences]
        self._starts = [s.start for s in self.sents]
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        for m in self.mentions:
            if m.extra.get("sentence_index") is None:
                s = self.sentence_of(m)
                if s is not None:
                    m.extra["sentence_index"] = s.index
            if not m.sentence:
                s = self.sentence_of(m)
                m.sentence = s.text if s else None
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in self.mentions:
            self.by_sentence[m.extra.get("sentence_index", -1)].append(m)

    def sentence_of(self, m: Mention) -> Sent | None:
        si = m.extra.get("sentence_index")
        if si is not None and 0 <= si < len(self.sents) and self.sents[si].start <= m.start < self.sents[si].end + 1:
            return self.sents[si]
        k = bisect.bisect_right(self._starts, m.start) - 1
        return self.sents[k] if k >= 0 else None

    def gap(self, a: Mention, b: Mention) -> str:
        return self.text[a.end:b.start] if a.end <= b.start else ""

    def after(self, m: Mention, n: int = 60) -> str:
        s = self.sentence_of(m)
        end = s.end if s else len(self.text)
        return self.text[m.end:min(end, m.end + n)]

    def before(self, m: Mention, n: int = 60) -> str:
        s = self.sentence_of(m)
        start = s.start if s else 0
        return self.text[max(start, m.start - n):m.start]

    def clause(self, m: Mention) -> tuple[int, int]:
        s = self.sentence_of(m)
        if s is None:
            return m.start, m.end
        lo = max([s.start] + [s.start + x.end() for x in re.finditer(r";\s*", s.text) if s.start + x.end() <= m.start])
        hi = min([s.end] + [s.start + x.start() for x in re.finditer(r";", s.text) if s.start + x.start() >= m.end])
        return lo, hi


def _digits_between(gap: str) -> bool:
    return bool(_DIGIT.search(_YEARISH.sub("", gap)))


def linked(gap: str, tail_re=_LINK_TAIL, max_len: int = 90, allow_semicolon: bool = False,
           allow_bare: bool = False) -> str | None:
    """The linking words when `gap` ties two figures together (`, đạt `, ` (tỷ lệ `, `, chiếm `), else None.

    The gap may carry on the first figure's noun phrase (`18/20 chỉ tiêu chủ yếu năm 2023, đạt 90%`), but
    after its last comma or parenthesis only linking words may stand; a comma needs a linking word (a bare
    comma starts the next item of a list)."""
    if len(gap) > max_len or "\n" in gap or _digits_between(gap):
        return None
    if ";" in gap and not allow_semicolon:
        return None
    seps = [mm for mm in re.finditer(r"[,(:;]|\s[-–]\s", gap)]
    if len(seps) > 2:
        return None
    if seps:
        last = seps[-1]
        tail = gap[last.end():].strip()
        if last.group() != "(" and not tail and not allow_bare:
            return None
        if not tail_re.match(tail):
            return None
        return tail or last.group()
    tail = gap.strip()
    if tail and tail_re.match(tail):
        return tail
    return None


# --- the checks of one document ----------------------------------------------------------------
def _pct(m: Mention) -> bool:
    return m.kind == "percent" and (m.unit or "%") == "%" and m.value is not None


def _same_unit(a: Mention, b: Mention) -> bool:
    ua, ub = fold(nfc(a.unit or "")).strip(), fold(nfc(b.unit or "")).strip()
    return bool(ua) and ua == ub


def _amount(m: Mention) -> bool:
    return m.kind in ("quantity", "money") and m.value is not None and m.unit not in ("%", "điểm phần trăm", "times")


def check_document(text: str, mentions: list[Mention], sentences: list | None = None) -> list[Check]:
    """Every check within one document: the figures of a sentence, and figures tied across its sentences."""
    dt = DocText(text, mentions, sentences)
    out: list[Check] = []
    for si, ms in sorted(dt.by_sentence.items()):
        out += _fraction_percent(dt, ms)
        out += _share_of_total(dt, ms)
        out += _parts_total(dt, ms)
        out += _complement(dt, ms)
        out += _shares_sum(dt, ms)
        out += _change_pp(dt, ms)
        out += _change_rel(dt, ms)
        out += _rank_and_range(ms)
        out += _result_target_in_sentence(dt, ms)
    out += _share_of_named_total(dt)
    out += _target_share(dt)
    out += _change_base_in_document(dt, out)
    return unique_checks(out)


def unique_checks(checks: list[Check]) -> list[Check]:
    """The checks in order, each id once (two rules may find the same figures)."""
    first: dict[str, Check] = {}
    for c in checks:
        first.setdefault(c.id, c)
    return list(first.values())


def _verdict(ok: bool) -> str:
    return CONSISTENT if ok else INCONSISTENT


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
    if not re.match(r"(?:so voi\s+)?(?:tong|cua|trong|tren)(?!\w)", after):
        return False
    u = re.escape(fold(unit or "").strip())
    return not (u and re.match(rf"(?:so voi\s+)?(?:tong so|tong)\s+(?:cac\s+|so\s+)?{u}\s*(?:$|[,.;)(]|toan tinh|cua tinh|tren dia ban)",
                               after))


_OF_TARGET = re.compile(r"\s*(?:chỉ tiêu|kế hoạch|dự toán|mục tiêu|KH)(?!\w)", re.IGNORECASE)
_SUBSET = re.compile(r"(?<!\w)(?:trong đó|trong số|trong tổng số|trên tổng số)(?!\w)", re.IGNORECASE)


def _share_of_total(dt: DocText, ms: list[Mention]) -> list[Check]:
    """`58 cán bộ, trong đó có 12 cán bộ nữ, chiếm 20,7%` and `12 cán bộ nữ trong tổng số 58 cán bộ, chiếm …`."""
    out = []
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction or p.compared_to:
            continue
        if _OF_TARGET.match(dt.after(p, 20)):
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
        out.append(_share_check(c, t, p, "sentence", full=not _names_other_whole(dt, p, t.unit)))
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


def _share_of_named_total(dt: DocText) -> list[Check]:
    """`45 xã đạt chuẩn, chiếm 37,5% tổng số xã` with `Toàn tỉnh có 120 xã` stated once earlier."""
    out = []
    ms = dt.mentions
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
        cands = [t for t in ms if t.start < c.start and t.extra.get("sentence_index") != si and _amount(t)
                 and _same_unit(t, c) and t.value and t.value > c.value
                 and re.search(r"(?:tổng số|toàn tỉnh|toàn huyện|toàn thành phố|có tổng|hiện có|gồm|có)\s*(?:\S+\s+){0,3}$",
                               dt.before(t, 40), re.IGNORECASE)]
        if len({t.value for t in cands}) != 1:
            continue
        out.append(_share_check(c, cands[-1], p, "document", full=True))
    return out


_EXHAUSTIVE = re.compile(r"(?<!\w)(?:bao gồm|gồm có|gồm|chia ra|chia thành)(?!\w)", re.IGNORECASE)
_PARTIAL = re.compile(r"…|\.\.\.|(?<!\w)(?:v\.v|như|chẳng hạn|nhất là|riêng|chủ yếu)(?!\w)", re.IGNORECASE)


def _parts_total(dt: DocText, ms: list[Mention]) -> list[Check]:
    out = []
    for i, t in enumerate(ms[:-1]):
        if not _amount(t) or t.qualifier in ("over", "under", "at_least", "at_most"):
            continue
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
                 and _same_unit(x, t) and x.value is not None and x.direction is None and x.compared_to is None]
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
    mm = re.fullmatch(r"((?:19|20)\d{2})(-(?:Q[1-4]|H[12]|9M))?", period)
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
        bases = [b for b in ms if b is not a and b.extra.get("sentence_index") != a.extra.get("sentence_index")
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


_TARGET_BEFORE = re.compile(r"(?<!\w)(?:giao chỉ tiêu|chỉ tiêu giao|được giao|kế hoạch|dự toán|mục tiêu|phấn đấu|"
                            r"chỉ tiêu)(?!\w)[^,;]{0,40}$", re.IGNORECASE)


def _same_place(a: Mention, b: Mention) -> bool:
    """The same entity, or two bodies of the same province (`Tỉnh ủy Bắc Giang`, `Đảng bộ tỉnh Bắc Giang`)."""
    if _same_entity(a, b):
        return True
    from extractors.gazetteer import find_province
    pa = find_province(a.entity or "") if a.entity else None
    pb = find_province(b.entity or "") if b.entity else None
    pa = pa.name if pa else a.extra.get("province")
    pb = pb.name if pb else b.extra.get("province")
    return bool(pa) and pa == pb and not re.search(r"(?<!\w)(?:huyện|thành phố|thị xã|quận|xã|phường)(?!\w)",
                                                   (a.entity or "") + " " + (b.entity or ""), re.IGNORECASE)


def _target_share(dt: DocText) -> list[Check]:
    """`kết nạp 2.101 đảng viên, đạt 105% kế hoạch` against the plan (2.000) stated in the document."""
    out = []
    ms = dt.mentions
    for i, p in enumerate(ms):
        if i == 0 or not _pct(p) or p.direction == "decrease":
            continue
        after = dt.after(p, 25).lower()
        base_named = p.compared_to in TARGET_BASES or re.match(r"\s*(?:so với\s+)?(?:kế hoạch|dự toán|chỉ tiêu|mục tiêu)",
                                                                after)
        if not base_named:
            continue
        a = ms[i - 1]
        if not _amount(a) or a.status == "target" or a.extra.get("sentence_index") != p.extra.get("sentence_index"):
            continue
        tail = linked(dt.gap(a, p))
        if tail is None:
            continue
        exceed = p.direction == "exceed" or tail.lower().startswith("vượt")
        same_sentence = [t for t in ms[:i - 1] if t.extra.get("sentence_index") == a.extra.get("sentence_index")
                         and _same_unit(t, a) and t.kind == a.kind and t.value
                         # `giao 1.850 thanh niên, trong đó có … 389 thanh niên …, đạt 100% chỉ tiêu`: a part
                         # of the plan's figure is not its result
                         and not _part_of(dt, t, a) and
                         (t.status == "target" or re.search(r"(?:kế hoạch|dự toán|chỉ tiêu|giao)\S*\s*(?:\S+\s+){0,4}$",
                                                            dt.before(t, 40), re.IGNORECASE))]
        key = ikey(a)
        earlier = [t for t in ms[:i - 1] if t.extra.get("sentence_index") != a.extra.get("sentence_index")
                   and (t.status == "target" or _TARGET_BEFORE.search(dt.text[dt.clause(t)[0]:t.start]))
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


_PLAN_BETWEEN = re.compile(r"^\s*[,;]?\s*(?:\(|trong khi\s+|so với\s+)?\s*(?:kế hoạch|KH|mục tiêu|chỉ tiêu|dự toán|kịch bản)"
                           r"(?:\s+(?:năm|đề ra|đặt ra|giao|được giao|là|của tỉnh))*\s*(?:là|:)?\s*$", re.IGNORECASE)


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
        if not _PLAN_BETWEEN.match(dt.gap(r, t)):
            continue
        t_as_target = t if t.status == "target" else None
        if t_as_target is None:
            continue
        c = _result_target(r, t, ikey(r) or "", {}, tied=True)
        if c:
            out.append(c)
    return out


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


# --- across documents --------------------------------------------------------------------------
def _norm(s: str | None) -> str:
    return nfc(s or "").strip().casefold()


def entity_of(m: Mention) -> str:
    return _norm(m.entity or m.extra.get("province"))


def _same_entity(a: Mention, b: Mention) -> bool:
    return entity_of(a) == entity_of(b) and bool(entity_of(a))


def specific(m: Mention) -> tuple[str, bool] | None:
    """(indicator key, canonical?) when the key names one indicator, not just a counted noun."""
    k = ikey(m)
    if not k:
        return None
    if k in CANONICAL_KEYS:
        return k, True
    ind, unit = fold(nfc(m.indicator or "")).strip(), fold(nfc(m.unit or "")).strip()
    if not ind or ind == unit or len(ind.split()) < 4 or (unit and ind.endswith(unit) and len(ind.split()) - len(unit.split()) < 2):
        return None
    return k, False


def _unit_class(m: Mention) -> str | None:
    u = (m.unit or "").strip()
    if m.kind in ("percent", "range") and u.startswith("%"):
        return "%"
    if m.kind in ("money", "quantity", "range") and u:
        return fold(re.sub(r"/năm$", "", u))
    if m.kind == "fraction" and u and u != "%":
        return fold(u)
    return None


def check_across(mentions: list[Mention], docs: dict[str, dict] | None = None) -> list[Check]:
    """Checks over the whole corpus: figure versions and results against targets."""
    docs = docs or {}
    out = _figure_versions(mentions, docs)
    out += _results_targets(mentions, docs)
    return out


# The groups the checks across documents compare within: a check of either kind involves the figures of
# one group only, so a stored check stays right until a figure of its group is added, changed or removed
# (what `pipeline.checks_store` recomputes incrementally). A results group holds every versions group of
# its indicator, entity, unit and comparison.
def _comparable(m: Mention) -> tuple[str, str, str] | None:
    """(indicator key, entity, unit class) of a figure the checks across documents compare, else None."""
    if m.status not in ("actual", "target") or m.kind in ("rank", "multiplier") or not m.period:
        return None
    sp = specific(m)
    uc = _unit_class(m)
    ent = entity_of(m)
    if sp is None or uc is None or not ent:
        return None
    return sp[0], ent, uc


def versions_group(m: Mention, c: tuple | None | bool = False) -> tuple | None:
    """The `figure_versions` group of a figure: indicator, entity, period, status, kind, unit, comparison,
    direction (`c`: its `_comparable`, when known)."""
    c = _comparable(m) if c is False else c
    if c is None:
        return None
    key, ent, uc = c
    if m.kind == "fraction":
        kc = "fraction"
    elif m.kind in ("percent", "range") and uc == "%":
        kc = "pct"
    else:
        kc = "amount"
    dirn = "" if key in GROWTH_KEYS and m.direction == "increase" else (m.direction or "")
    return key, ent, m.period, m.status, kc, uc, m.compared_to or "", dirn


def targets_group(m: Mention, c: tuple | None | bool = False) -> tuple | None:
    """The `result_target` group of a figure (across documents): indicator, entity, unit, comparison."""
    c = _comparable(m) if c is False else c
    if c is None:
        return None
    key, ent, uc = c
    return key, ent, uc, m.compared_to or ""


def groups_of(m: Mention) -> tuple[tuple | None, tuple | None]:
    """(`versions_group`, `targets_group`) of a figure."""
    c = _comparable(m)
    return versions_group(m, c), targets_group(m, c)


def figure_versions(mentions: list[Mention], docs: dict[str, dict] | None = None,
                    groups: list[tuple | None] | None = None) -> list[Check]:
    """The `figure_versions` checks of `check_across` alone (`groups`: each figure's `versions_group`, if known)."""
    return _figure_versions(mentions, docs or {}, groups)


def results_targets(mentions: list[Mention], docs: dict[str, dict] | None = None,
                    groups: list[tuple | None] | None = None) -> list[Check]:
    """The `result_target` checks of `check_across` alone (results against targets of any document;
    `groups`: each figure's `targets_group`, if known)."""
    return _results_targets(mentions, docs or {}, groups)


def _doc_words(m: Mention, docs: dict[str, dict]) -> str:
    d = docs.get(m.doc) or {}
    src = d.get("url") or d.get("source") or m.doc
    date = d.get("published") or "undated"
    return f"{src}, {date}"


def _figure_versions(mentions: list[Mention], docs: dict[str, dict], known: list | None = None) -> list[Check]:
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m, g in zip(mentions, known if known is not None else map(versions_group, mentions)):
        if g is not None:
            groups[g].append(m)
    out = []
    for (key, ent, period, status, kc, uc, cmp, dirn), ms in sorted(groups.items()):
        docset = {m.doc for m in ms}
        if len(docset) < 2:
            continue
        ms = sorted(ms, key=lambda m: ((docs.get(m.doc) or {}).get("published") or "", m.doc, m.start))
        canonical = key in CANONICAL_KEYS
        ivs = [_version_interval(m) for m in ms]
        points = [_point(m) for m in ms]
        # the versions in a disagreement with a version of another document (a version of a figure
        # reported by thousands of documents is compared with the others' extremes, not pair by pair)
        disagree = _disagreeing(ivs, [m.doc for m in ms], [m.denominator for m in ms] if kc == "fraction" else None)
        finite = [p for p in points if p is not None and p > 0]
        spread = max(finite) / min(finite) if finite else 1.0
        if not disagree:
            verdict, note = CONSISTENT, "all versions agree within their printed precision"
        elif not canonical:
            verdict, note = CANNOT_TELL, "the versions differ, but the indicator is not a known one: they may be different figures"
        elif spread > RATIO_GUARD:
            verdict, note = CANNOT_TELL, f"the versions differ {vn(spread, 1)}-fold: probably different figures"
        elif not all(_period_explicit(ms[x]) for x in disagree):
            verdict, note = CANNOT_TELL, ("the versions differ, but the period of one was inferred from its "
                                          "context, not named in its sentence")
        else:
            verdict, note = INCONSISTENT, "the sources report different values"
        unit = "%" if kc == "pct" else (ms[0].unit or "")
        listed = "; ".join(f"{m.text} ({_doc_words(m, docs)})" for m in ms[:8])
        if len(ms) > 8:
            listed += f"; and {len(ms) - 8} more versions (see check_mentions)"
        fin = [p for p in points if p is not None]
        diff = (max(fin) - min(fin)) if fin else None
        diff_words = ""
        if diff is not None and disagree:
            diff_words = f"; largest difference {vn(diff) + ' percentage points' if kc == 'pct' else show_amount(diff, unit)}"
        label = ms[0].indicator or key
        out.append(Check("figure_versions", verdict,
                         f"{label}, {ms[0].entity or ent}, {period} ({status}): {listed}{diff_words}: {note}: {verdict}",
                         [(m, "version") for m in ms], tolerance=None, stated=fin[0] if fin else None,
                         computed=fin[-1] if fin else None, difference=diff, unit=unit, scope="corpus"))
    return out


def _disagreeing_pairwise(ivs: list[tuple[float, float]], docs: list, dens: list | None) -> list[int]:
    """Indices of the versions whose interval is apart from that of a version of another document (or,
    for fractions, whose denominator differs), comparing every pair."""
    out = set()
    for x in range(len(ivs)):
        for y in range(x + 1, len(ivs)):
            if docs[x] == docs[y]:
                continue
            a, b = ivs[x], ivs[y]
            if a[1] < b[0] or b[1] < a[0] or (dens is not None and dens[x] != dens[y]):
                out.update((x, y))
    return sorted(out)


def _disagreeing(ivs: list[tuple[float, float]], docs: list, dens: list | None = None) -> list[int]:
    """What `_disagreeing_pairwise` finds, in linear time: a version is apart from some version of another
    document when the lowest upper bound (or highest lower bound) among the other documents is beyond it,
    and a denominator differs when not every version of the other documents has the same one."""
    if any(v != v for iv in ivs for v in iv) or (dens is not None and any(d != d for d in dens)):
        return _disagreeing_pairwise(ivs, docs, dens)  # NaN compares unlike anything: the literal rule
    lo_max: dict = {}
    hi_min: dict = {}
    for (lo, hi), d in zip(ivs, docs):
        if d not in lo_max or lo > lo_max[d]:
            lo_max[d] = lo
        if d not in hi_min or hi < hi_min[d]:
            hi_min[d] = hi

    def two(best: dict, sign: int) -> list[tuple[float, object]]:
        return sorted(((v, d) for d, v in best.items()), key=lambda x: sign * x[0])[:2]
    highest_lo, lowest_hi = two(lo_max, -1), two(hi_min, 1)

    def other(best: list[tuple[float, object]], d) -> float | None:
        for v, dd in best:
            if dd != d:
                return v
        return None
    if dens is not None:
        per_doc = Counter(docs)
        per_den = Counter(dens)
        per_doc_den = Counter(zip(docs, dens))
    out = []
    for i, ((lo, hi), d) in enumerate(zip(ivs, docs)):
        a, b = other(highest_lo, d), other(lowest_hi, d)
        if (a is not None and hi < a) or (b is not None and b < lo):
            out.append(i)
        elif dens is not None and (len(docs) - per_doc[d]) - (per_den[dens[i]] - per_doc_den[(d, dens[i])]) > 0:
            out.append(i)
    return out


def _period_explicit(m: Mention) -> bool:
    """The sentence names the figure's period (its years), so the version is not about another time."""
    years = re.findall(r"(?:19|20)\d{2}", m.period or "")
    return bool(years) and all(y in (m.sentence or "") for y in years)


def _point(m: Mention) -> float | None:
    if m.kind == "range" and m.low is not None and m.high is not None:
        return (m.low + m.high) / 2
    return m.value


def _version_interval(m: Mention) -> tuple[float, float]:
    return interval(m)


_LOWER_BETTER = ("ho ngheo", "ho can ngheo", "that nghiep", "no xau", "suy dinh duong", "tai nan", "chi so gia",
                 "lam phat", "ty le sinh", "o nhiem", "thieu viec lam", "toi pham", "vi pham", "tu vong", "ty suat chet",
                 "chi phi", "thoi gian giai quyet")
# `đạt kế hoạch` claims the plan met; `đạt 17,5% kế hoạch` only states a share of it (no number between)
_CLAIM_MET = re.compile(r"(?<!không )(?<!chưa )(?:đạt và vượt|hoàn thành vượt|vượt|đạt|hoàn thành)\s+(?:[^\s\d]+\s+){0,2}?"
                        r"(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán|kịch bản)", re.IGNORECASE)
_CLAIM_NOT_MET = re.compile(r"(?:chưa|không)\s+(?:đạt|hoàn thành)\s+(?:\S+\s+){0,2}?(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán)",
                            re.IGNORECASE)
_CLAIM_BELOW = re.compile(r"(?:thấp hơn|dưới mức|dưới)\s+(?:\S+\s+){0,2}?(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán|kịch bản)",
                          re.IGNORECASE)
_CLAIM_ABOVE = re.compile(r"(?:cao hơn|vượt|trên mức)\s+(?:\S+\s+){0,2}?(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán|kịch bản)",
                          re.IGNORECASE)


def _polarity(t: Mention) -> int | None:
    """+1 when more is better, −1 when less is (`tỷ lệ hộ nghèo`, `không quá`), None when unknown."""
    if t.qualifier in ("at_most", "under"):
        return -1
    if t.qualifier in ("at_least", "over"):
        return 1
    ind = fold(nfc(t.indicator or ""))
    if ikey(t) in ("poverty_rate", "near_poverty_rate") or any(w in ind for w in _LOWER_BETTER) \
            or t.direction == "decrease":
        return -1
    return 1


def _year_span(period: str | None) -> tuple[int, int] | None:
    if not period:
        return None
    mm = re.fullmatch(r"((?:19|20)\d{2})(?:-((?:19|20)\d{2}))?(?:-(?:Q[1-4]|H[12]|9M))?", period)
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
    if _CLAIM_NOT_MET.search(clause):
        return "not met"
    if _CLAIM_BELOW.search(clause):
        return "below"
    if re.search(r"(?:vượt|cao hơn|trên mức)\s+(?:\S+\s+){0,2}?(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán)", clause, re.I) \
            and not re.search(r"vượt\s+\S*\s*\d", clause):
        return "above"
    if _CLAIM_MET.search(clause):
        return "met"
    return None


def _results_targets(mentions: list[Mention], docs: dict[str, dict], known: list | None = None) -> list[Check]:
    by_key: dict[tuple, list[Mention]] = defaultdict(list)
    for m, g in zip(mentions, known if known is not None else map(targets_group, mentions)):
        if g is not None:
            by_key[g].append(m)
    out = []
    for (key, ent, uc, cmp), ms in sorted(by_key.items()):
        results = [m for m in ms if m.status == "actual" and m.kind != "range" and m.value is not None]
        targets = [m for m in ms if m.status == "target"]
        # a corpus repeats the same indicator in many documents: compare each result with the targets of
        # its own document and, per target period, the few published closest to it (the nearest one that
        # fits is kept below), so the work grows with the corpus, not with its square
        same_doc: dict[str, list[Mention]] = defaultdict(list)
        by_period: dict[str, list[tuple[float, Mention]]] = defaultdict(list)
        for t in targets:
            same_doc[t.doc].append(t)
            by_period[t.period].append((_month_number(docs.get(t.doc, {}).get("published")), t))
        for lst in by_period.values():
            lst.sort(key=lambda x: (x[0], x[1].doc or "", x[1].start))
        for r in results:
            best: dict[str, tuple[float, Check]] = {}
            r_month = _month_number(docs.get(r.doc, {}).get("published"))
            candidates = list(same_doc.get(r.doc, []))
            for lst in by_period.values():
                k = bisect.bisect_left(lst, r_month, key=lambda x: x[0])
                candidates += [t for _, t in lst[max(0, k - _NEAREST_TARGETS):k + _NEAREST_TARGETS] if t.doc != r.doc]
            for t in candidates:
                c = _result_target(r, t, key, docs, tied=r.doc == t.doc and (
                    r.extra.get("sentence_index") == t.extra.get("sentence_index") or key in CANONICAL_KEYS))
                if c is None:
                    continue
                if t.doc == r.doc:
                    out.append(c)
                    continue
                # from other documents, one target per period: the one published closest to the result
                gap = _months_apart(docs.get(r.doc, {}).get("published"), docs.get(t.doc, {}).get("published"))
                if t.period not in best or gap < best[t.period][0]:
                    best[t.period] = (gap, c)
            out += [c for _, c in best.values()]
    return out


_NEAREST_TARGETS = 4


def _month_number(s: str | None) -> float:
    mm = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?", s or "")
    return int(mm.group(1)) * 12 + int(mm.group(2) or 6) if mm else 1e6


def _months_apart(a: str | None, b: str | None) -> float:
    def months(s):
        mm = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?", s or "")
        return int(mm.group(1)) * 12 + int(mm.group(2) or 6) if mm else None
    x, y = months(a), months(b)
    return abs(x - y) if x is not None and y is not None else 1e6


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
        if verdict == INCONSISTENT and not tied:
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
