"""Reading a journalist's claim (`chitieu check`, `/-/check`): its figures, province, period, status and words.

A claim is read like a one-sentence document (`extract_document`), then made robust to how people type:
- without diacritics (`Vinh Phuc ket nap 2.101 dang vien nam 2021`) the province is found on folded text
  (the gazetteer's names and aliases, folded), the indicator key on the folded words (the lexicon's keys
  are matched folded), and the unit on the words after the number;
- the claim's words (folded, without the place, the period, numbers and filler words) are what a stored
  indicator is compared with, so `kết nạp … đảng viên` meets the stored indicator `kết nạp`;
- units that count the same thing fall in one class (`đảng viên`, `ĐV`, `đảng viên mới`, and `chỉ tiêu` of
  party admissions).

Everything here is linear in the claim's length; the claim itself is capped by `check.MAX_CLAIM_CHARS`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.attribution import find_periods
from extractors.checks import CANONICAL_KEYS
from extractors.document import Document
from extractors.extract import extract_document
from extractors.gazetteer import Province, find_provinces, provinces
from extractors.indicators import indicator_key
from extractors.normalize import fold, nfc
from extractors.record import Mention

# words that say nothing about what is measured (folded)
STOP = frozenset("cac cua tren dia ban tinh thanh pho nam dat la va o tai toan so voi muc ty le ti le trong "
                 "nhung duoc co da con xuong len den nay khoang gan hon tren duoi chi tieu moi ca the".split())
# units that count the same thing (folded): (class, spellings)
_UNIT_CLASSES = {"dang vien": ("dang vien", "dv", "dang vien moi")}
# `kết nạp 2.101/2.000 chỉ tiêu`, `kết nạp 1.950 đồng chí`, `kết nạp 1.870 quần chúng ưu tú`
_ADMISSIONS_UNITS = ("chi tieu", "dong chi", "quan chung", "quan chung uu tu")
_TARGET_WORDS = re.compile(r"(?<!\w)(?:ke hoach|muc tieu|phan dau|du kien|de ra)(?!\w)")
# What a journalist writes for a lexicon indicator, said alone with a percentage: the claim's words (folded)
# -> the canonical key (`Vĩnh Phúc tăng trưởng 9,54%` is the growth of the province's economy)
SHORTHANDS = {frozenset({"tang", "truong"}): "grdp_growth", frozenset({"ho", "ngheo"}): "poverty_rate",
              frozenset({"ho", "can", "ngheo"}): "near_poverty_rate"}
_DISTRICT = re.compile(r"(?<!\w)(?:huyen|thi xa|quan|xa|phuong|thi tran)\s*$")


@dataclass
class ClaimFigure:
    """One figure of the claim, with what the stored figures are compared by."""
    mention: Mention
    province: Province | None          # the province the claim names (its bodies included)
    district: str | None               # `huyện Quảng Ninh`: the claim is about a district, folded
    period: str | None                 # only a period the claim names
    status: str                        # actual | target
    words: frozenset[str]              # the claim's indicator words, folded
    key: str | None                    # the canonical indicator key, when the claim names one
    units: frozenset[str]              # the unit classes the claim's figure may have
    phrase: str = ""                   # the claim's indicator words in order, folded
    notes: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        m = self.mention
        return {"text": m.text, "kind": m.kind, "value": m.value, "low": m.low, "high": m.high,
                "denominator": m.denominator, "unit": m.unit, "qualifier": m.qualifier,
                "indicator": m.indicator, "indicator_key": self.key, "words": sorted(self.words),
                "entity": m.entity, "province": self.province.name if self.province else None,
                "district": self.district, "period": self.period, "status": self.status,
                "compared_to": m.compared_to}


def words(text: str | None) -> list[str]:
    """The folded words of `text`, numbers and filler words left out."""
    return [w for w in re.findall(r"[a-z]+", fold(nfc(text or ""))) if w not in STOP]


def unit_class(unit: str | None, key: str | None = None) -> str | None:
    """The class of a unit (folded): `ĐV`, `đảng viên mới` -> `dang vien`; `chỉ tiêu` of admissions too."""
    u = fold(nfc(unit or "")).strip()
    u = re.sub(r"/nam$", "", u).strip()
    if not u:
        return None
    if u == "%":
        return "%"
    for cls, spellings in _UNIT_CLASSES.items():
        if u in spellings:
            return cls
    if key == "party_admissions" and u in _ADMISSIONS_UNITS:
        return "dang vien"
    base = u.split("/")[0].strip()
    if base in ("vnd", "usd"):
        return base
    return re.sub(r"\s+moi$", "", u)


@lru_cache(maxsize=1)
def _folded_names() -> tuple[re.Pattern, dict[str, Province]]:
    names: dict[str, Province] = {}
    for p in provinces():
        for n in (p.name, *p.aliases):
            names.setdefault(fold(n), p)
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(a) for a in alts) + r")(?![a-z0-9])"), names


def claim_place(text: str) -> tuple[Province | None, str | None]:
    """The province the claim names, and the district when it names one (`huyện Quảng Ninh`, folded)."""
    folded = fold(text)
    hits = [(s, e, p) for s, e, p in find_provinces(text)]
    if not hits:  # without diacritics (or in lower case): the folded names
        pat, names = _folded_names()
        hits = [(m.start(1), m.end(1), names[m.group(1)]) for m in pat.finditer(folded)]
    for s, e, p in hits:
        if _DISTRICT.search(folded[max(0, s - 12):s]):
            return None, folded[max(0, s - 12):e].split(",")[-1].strip()
        return p, None
    return None, None


def key_of_rate(wl: list[str]) -> str | None:
    """The canonical key a percentage's words (in order) name once read as a rate (`hộ cận nghèo 5,09%`)."""
    key = indicator_key("ty le " + " ".join(wl)) if wl else None
    return key if key in CANONICAL_KEYS else None


def _unit_candidates(text: str, m: Mention, key: str | None) -> frozenset[str]:
    """The unit classes of the claim's figure: its unit as read, and the first words after the number
    (without diacritics the reader may stop at `dang`)."""
    out = {unit_class(m.unit, key)}
    after = re.findall(r"[a-z%]+", fold(text[m.start:m.end + 40]).split(",")[0])
    for n in (1, 2, 3):
        out.add(unit_class(" ".join(after[:n]), key))
    if m.kind == "percent":
        out.add("%")
    out.discard(None)
    return frozenset(out)


def read_claim(claim: str) -> list[ClaimFigure]:
    """The figures of the claim, each with the place, period, status, words and units it is checked by."""
    text = nfc(claim).strip()
    if text and text[-1] not in ".!?;…":
        text += "."  # a sentence, not a heading: headings carry no status
    ex = extract_document(Document(id="claim", source="claim", text=text))
    periods = find_periods(text)
    province, district = claim_place(text)
    folded = fold(text)
    place_words = set(words(province.name)) if province else set()
    place_words |= set(words(district))
    period_words = {"nam", "quy", "thang", "dau", "cuoi", "giai", "doan", "nhiem", "ky"}
    out = []
    for m in ex.mentions:
        if m.compared_to and "so voi" not in folded and m.compared_to != "cùng kỳ":
            m.compared_to = None  # a year the claim names is its period, not a base of comparison
        rest = folded[:m.start] + " " + folded[m.end:]
        if len(ex.mentions) > 1:  # several figures: each is read with the words of its own clause
            lo = max(folded.rfind(", ", 0, m.start), folded.rfind(";", 0, m.start)) + 1
            his = [k for k in (folded.find(", ", m.end), folded.find(";", m.end)) if k >= 0]
            clause = folded[lo:m.start] + " " + folded[m.end:min(his) if his else len(folded)]
            rest = clause if words(clause) else rest
        wl = [w for w in words(rest) if w not in place_words and w not in period_words]
        ws = frozenset(wl)
        own = indicator_key(m.indicator)   # the extractor's reading, which may take a word of another clause
        key = indicator_key(re.sub(r"[\d.,/%]+", " ", rest))
        key = key if key in CANONICAL_KEYS else None
        if key is None and m.kind == "percent":
            key = SHORTHANDS.get(ws) or key_of_rate(wl)
        if key is None and own in CANONICAL_KEYS:
            key = own
        status = m.status or "actual"
        if status == "actual" and _TARGET_WORDS.search(folded[max(0, m.start - 40):m.start]):
            status = "target"
        # only a period the claim names for this figure, not one the extractor infers for an undated text
        named = m.period if periods and m.extra.get("period_source") in ("sentence", "paragraph") else None
        out.append(ClaimFigure(m, province, district, named, status, ws, key,
                               _unit_candidates(text, m, key), " ".join(wl)))
    return out
