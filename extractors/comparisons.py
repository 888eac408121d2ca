"""What a figure is compared with (`compared_to`: `cùng kỳ`, a year, `kế hoạch` …) and which way a change
goes (`direction`: `increase`, `decrease`, `exceed`), read from the figure's clause.
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.cues import words
from extractors.record import Mention
from extractors.wordless import LETTER, wordless

# The bases of a comparison, tried in order: (pattern, label), the label None for a year (the year is the base).
# The plan bases are words of extractors/lexicon/status_words.tsv (role compared_plan); the others keep their
# variants in the pattern (`cùng kỳ|cùng kì`, `năm trước|năm ngoái`, `mức bình quân chung của cả nước`).
COMPARED = [
    (re.compile(r"so với\s+(?:cùng kỳ|cùng kì)|(?<!\w)YoY(?!\w)"), "cùng kỳ"),   # (`tăng 35,94% YoY`: year on year)
    (re.compile(r"so với\s+(?:năm\s+|cuối năm\s+|đầu năm\s+)?((?:19|20)\d{2})"), None),
    *[(re.compile(rf"so với\s+(?:\S+\s+){{0,2}}?{w}"), w) for w in words("compared_plan")],  # `so với dự toán`
    (re.compile(r"so với\s+đầu năm"), "đầu năm"),
    (re.compile(r"so với\s+(?:mức\s+)?(?:bình quân|trung bình)\s+(?:chung\s+)?(?:của\s+)?cả nước"), "bình quân cả nước"),
    (re.compile(r"so với\s+(?:năm trước|năm ngoái)"), "năm trước"),
    (re.compile(r"so với\s+(?:kết quả\s+(?:thực hiện\s+)?(?:của\s+)?)?(?:cả\s+)?nhiệm kỳ trước"), "nhiệm kỳ trước"),
]
# a share of a total is not a comparison: `6,2% so với tổng số đảng viên`
_SHARE_OF = re.compile(r"so với\s+tổng")
# (word, direction), tried in order (extractors/lexicon/change_words.tsv)
CHANGE_WORDS = list(zip(lexicon.column("change_words", "word"), lexicon.column("change_words", "direction")))


_BASE_RIGHT_AFTER = re.compile(
    r"^\s*(?:(?:so với|của|bằng)\s+)?(?:(?:mức\s+)?(?:bình quân|trung bình)\s+(?:chung\s+)?(?:của\s+)?cả nước|"
    r"dự toán|kế hoạch|chỉ tiêu|mục tiêu|cùng kỳ|năm trước|(?:năm\s+)?(?:19|20)\d{2})")


# (the patterns `comparison_base` asks about a percentage or multiplier's base, compiled once)
_ONLY_A_YEAR = re.compile(r"\s*(?:năm\s+)?(?:19|20)\d{2}")
_BASE_OPENER = re.compile(r"^(?:so với|của|bằng)\s+")
_A_YEAR = re.compile(r"(?:19|20)\d{2}")


def comparison_base(m: Mention, clause_after: str, next_start: int | None, clause_before: str = "") -> str | None:
    """The base the figure is compared with, stated after it in its clause and before any other
    figure (`đạt 21,6 tỷ USD, tăng 15% so với năm 2022`: the base belongs to the 15%), or, for a change, right
    before the change word (`…, so với năm 2015 tăng 205,08%`); a base followed by a change word before the next
    figure is that change's (`là 62.700 ha, so với cuối năm 2015 diện tích tăng 165,81%`: not the 62.700 ha's)."""
    seg = clause_after[:90]
    if next_start is not None:
        seg = seg[:max(0, next_start - m.end)]
    if "so" in clause_before[-80:]:
        before = _BASE_BEFORE_CHANGE.search(clause_before[-80:])
        if before:
            return _base_of(before.group(1))
    if m.kind != "multiplier" and _BASES_IN_WORDS and wordless(seg):
        return None   # no word after the figure (`1% 1% …`): every base is written in words (a year right after a
        # percentage, the one base without, is its period)
    if _SHARE_OF.search(seg[:20]):
        return None
    if m.kind in ("percent", "multiplier"):
        # `đạt 108% dự toán`, `gấp 3 lần bình quân cả nước`
        mm = _BASE_RIGHT_AFTER.match(seg)
        if mm and m.kind == "percent" and _ONLY_A_YEAR.fullmatch(mm.group(0)):
            mm = None  # `tăng trưởng 9,54% năm 2022`: the year is the period; `gấp 2 lần năm 2020` a base
        if mm:
            base = mm.group(0).strip()
            base = _BASE_OPENER.sub("", base)
            year = _A_YEAR.search(base)
            if year:
                return year.group(0)
            for pat, label in COMPARED:
                if label and label.split()[0] in base:
                    return label
            return "bình quân cả nước" if "cả nước" in base else base
    for pat, label in COMPARED:
        mm = pat.search(seg)
        if mm:
            if _CHANGE_AFTER_BASE.search(seg, mm.end()):
                return None   # the base of the change that follows
            return label or mm.group(1)
    return None


def _base_of(written: str) -> str | None:
    for pat, label in COMPARED:
        mm = pat.match(written)
        if mm:
            return label or mm.group(1)
    return None


# `so với năm 2015 tăng 205,08%`, `so với cuối năm 2015 diện tích tăng 165,81%`: a base before its change, nothing
# but a noun or two between them
_TO_THE_CHANGE = r"\s*,?\s*(?:[^\W\d]+\s+){0,4}?(?:tăng|giảm)(?:\s+(?:thêm|khoảng|gần|hơn|trên))?\s*$"
_BASE_BEFORE_CHANGE = re.compile(r"(?<!\w)(so với\s+(?:cùng kỳ|cùng kì|(?:năm\s+|cuối năm\s+|đầu năm\s+)?(?:19|20)\d{2}|"
                                 r"năm trước|năm ngoái)(?:\s+năm\s+(?:19|20)\d{2})?)" + _TO_THE_CHANGE)
_CHANGE_AFTER_BASE = re.compile(_TO_THE_CHANGE)


_BASES_IN_WORDS = all(p.pattern.startswith("so với") for p, _ in COMPARED)


def change_direction(clause_before: str) -> str | None:
    tail = clause_before[-30:]
    patterns = _change_patterns()
    if _changes[2] and wordless(tail):
        return None   # every change word is a word
    # (lowering the tail is lowering the clause, but for the letters that lower to two or by their context)
    tail = tail.lower() if "İ" not in tail and "Σ" not in tail else clause_before.lower()[-30:]
    for w, d, plain, pattern in patterns:
        if (not plain or w in tail) and pattern.search(tail):   # a plain word not in the tail: no match
            return d
    return None


_changes: list = [None, [], False]   # the words, their patterns, whether every one is plain text with a letter


def _change_patterns() -> list[tuple[str, str, bool, re.Pattern]]:
    """(word, direction, whether the word is plain text, its pattern) of CHANGE_WORDS, compiled once (again
    if the list changes)."""
    if _changes[0] != CHANGE_WORDS:
        _changes[:] = [list(CHANGE_WORDS), [
            (w, d, re.escape(w).replace("\\ ", " ") == w,
             re.compile(rf"(?<!\w){w}(?:\s+(?:thêm|bình quân|hơn|khoảng|gần|trên))?\s*$"))
            for w, d in CHANGE_WORDS], False]
        _changes[2] = all(plain and LETTER.search(w) for w, _, plain, _ in _changes[1])
    return _changes[1]
