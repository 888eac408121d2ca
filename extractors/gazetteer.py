"""Places and bodies: the 63 provinces before 1 July 2025, the 34 after, with their GSO codes."""
from __future__ import annotations

import bisect
import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extractors import lexicon
from extractors.cues import first_letters, word_tree
from extractors.endings import EndsWith, case_odd
from extractors.normalize import new_style_tones, nfc, old_tone_spans

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Province:
    name: str            # canonical, new-style tone marks
    gso_code: str
    kind: str            # tỉnh | thành phố
    new_province: str    # the province it belongs to after the 2025 merger
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    with open(DATA / "provinces.csv", encoding="utf-8") as f:
        return tuple(
            Province(r["name"], r["gso_code"], r["kind"], r["new_province"],
                     tuple(a for a in r["aliases"].split("|") if a))
            for r in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def _province_re() -> tuple[re.Pattern, dict[str, Province]]:
    names: dict[str, Province] = {}
    for p in provinces():
        for n in (p.name, *p.aliases):
            names[n.lower()] = p
    # After the merger `Huế` is a city of its own; keep it pointing at the old province row.
    alts = sorted(names, key=len, reverse=True)
    pat = re.compile(first_letters(alts) + r"(?<![\w])(" + word_tree(alts) + r")(?![\w])", re.IGNORECASE)
    return pat, names


LOWER_CASED_NAMES = True   # tests/test_fast_paths_seventh.py turns it off to compare with the plain reading


@lru_cache(maxsize=1)
def _province_re_lower() -> tuple[re.Pattern, re.Pattern]:
    """`_province_re()`'s names as a pattern for a lower-cased text, read as written (not ignoring case), and the
    characters where that reading could differ: those that match a letter of the names ignoring case but do not
    lower-case to it (`ı`, `İ`, `ſ`: `endings.case_odd`)."""
    _, names = _province_re()
    alts = sorted(names, key=len, reverse=True)
    firsts = "".join(sorted({re.escape(n[0]) for n in alts}))
    return re.compile(rf"(?=[{firsts}])(?<![\w])(" + word_tree(alts) + r")(?![\w])"), case_odd(alts)


def _province_hits(norm: str) -> list[tuple[int, int, str]]:
    r"""`[(m.start(1), m.end(1), m.group(1)) for m in _province_re()[0].finditer(norm)]`. Where lower-casing keeps every
    character one character and `norm` holds none of the odd ones, the names are found in the lower-cased text read
    as written (a letter lower-cased once, not at every comparison): the same places (a letter and its lower case
    match the same letters ignoring case, and are `\w` alike), the names as `norm` writes them."""
    low = norm.lower()
    lower_pat, odd = _province_re_lower()
    if len(low) == len(norm) and odd.search(norm) is None and LOWER_CASED_NAMES:
        return [(a, b, norm[a:b]) for a, b in (m.span(1) for m in lower_pat.finditer(low))]
    return [(m.start(1), m.end(1), m.group(1)) for m in _province_re()[0].finditer(norm)]


def find_provinces(text: str) -> list[tuple[int, int, Province]]:
    """Every province name in `text`, old-style tone marks included (`Thanh Hoá`, `Hoà Bình`)."""
    return list(_find_provinces(text))


@lru_cache(maxsize=8192)
def _find_provinces(text: str) -> tuple[tuple[int, int, Province], ...]:
    # the same clause and phrase are asked about once per figure: the last 8,192 texts are kept
    norm = new_style_tones(nfc(text))
    _, names = _province_re()
    out = []
    for a, b, s in _province_hits(norm):
        if not s[0].isupper():
            continue  # `hà nội` lower-cased is not a name in running text
        out.append((a, b, names[s.lower()]))
    return tuple(out)


# A name that is not the place: an organisation named after a person or a place
# (`Đoàn Thanh niên Cộng sản Hồ Chí Minh`, `Trường THPT Nguyễn Du`, `Đại học Cần Thơ`), the person
# (`Chủ tịch Hồ Chí Minh`, `tư tưởng Hồ Chí Minh`).
# (The words: extractors/lexicon/owner_words.tsv.)
_NOT_PLACE_BEFORE = re.compile(
    rf"(?:{lexicon.alternation('owner_words', 'not_place_before')})"
    r"\s+(?:(?:[A-ZĐ]|THPT|THCS|chuyên)[^\s,.;:()]*\s+){0,4}$")
_CITY_MARK = EndsWith(re.compile(r"(?:TP\.?|Tp\.?|[Tt]hành phố)\s*$"), ("TP", "TP.", "Tp", "Tp.", "thành phố", "Thành phố"))
# A province named as a standard of comparison does not own the figures around it:
# `đứng trên Nam Định, Thái Bình`, `so với Hà Nội`, `sau Quảng Ninh, Hải Phòng`.
_STANDING = {"đứng": f"đứng (?:{lexicon.alternation('owner_words', 'after_standing')})",
             "xếp": f"xếp (?:{lexicon.alternation('owner_words', 'after_ranked')})"}
# (its words' first letters looked ahead for before its look behind, `first_letters`: tried at each place otherwise)
_COMPARISON_BEFORE = re.compile(
    first_letters(lexicon.role_words("owner_words", "comparison_before")) +
    rf"(?<!\w)(?:{lexicon.alternation('owner_words', 'comparison_before', code=_STANDING)})"
    r"\s+(?:(?:các\s+)?(?:tỉnh|thành phố|TP\.?)\s+)?"
    r"(?:[^\s,;.()]+(?:\s+[^\s,;.()]+){0,3}\s*(?:,|và)\s*){0,8}$")


def is_place_use(text: str, start: int, end: int) -> bool:
    """Whether the province name at text[start:end] names the place, not a person or an
    organisation named after it."""
    before = text[max(0, start - 60):start]
    if _CITY_MARK.search(before):
        return True
    name = text[start:end]
    if name == "Hồ Chí Minh":
        return False  # the city is written `TP Hồ Chí Minh`, `Thành phố Hồ Chí Minh`; bare, it is the man
    return not _NOT_PLACE_BEFORE.search(before)


_CLAUSE_BREAK = re.compile(r"[;:()]|\.\s")


def in_comparison(text: str, start: int) -> bool:
    """Whether a province named at `start` is a standard of comparison or one of a list of others."""
    clause = _CLAUSE_BREAK.split(text[max(0, start - 120):start])[-1]
    return bool(_COMPARISON_BEFORE.search(clause))


def find_places(text: str, comparisons: bool = False) -> list[tuple[int, int, Province]]:
    """The provinces `text` names as places (see `is_place_use`), without those it names only as a
    standard of comparison unless `comparisons`."""
    norm = new_style_tones(nfc(text))
    return [(s, e, p) for s, e, p in find_provinces(text)
            if is_place_use(norm, s, e) and (comparisons or not in_comparison(norm, s))]


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"   # what `\w` matches


TONES_BY_STRETCH = True   # tests/test_fast_paths_whole.py turns it off to compare with the plain reading


class PlacesIn:
    """The province names of one text (a sentence) found once, for the places named in any stretch of it:
    `PlacesIn(text).find(lo, hi)` is `find_places(text[lo:hi], comparisons=True)` without reading the stretch
    with the names' pattern again for every figure. A stretch that could read differently on its own than
    inside the text (a word cut at one of its edges, a name across an edge, a tone mark moved) is read the
    plain way."""

    def __init__(self, text: str):
        self.text = text
        composed = nfc(text)
        tones = old_tone_spans(composed)   # (one scan for the pairs, read by each of the three steps below)
        self.norm = new_style_tones(composed, tones)
        if composed != text:
            tones = old_tone_spans(text)
        self.hits = _province_hits(self.norm) if len(self.norm) == len(text) else None
        self.starts = [h[0] for h in self.hits] if self.hits is not None else None
        # a text that normalizing leaves as it is, with no pair of letters `new_style_tones` rewrites: a stretch
        # of it in NFC is its own normal form
        self.plain = self.norm == text and not tones   # (`may_have_old_tones(text)`)
        # a text that normalizing leaves as it is, but that holds such pairs (`quý`, `hoàng`: each kept, by the letter
        # before or after it): where each pair starts and ends, for the stretches that keep them (`_keeps_tones`)
        self.kept = None
        if TONES_BY_STRETCH and not self.plain and self.norm == text:
            self.kept = (dict(tones), {b: a for a, b in tones})

    def find(self, lo: int, hi: int) -> list[tuple[int, int, Province]]:
        seg = self.text[lo:hi]
        if self.hits is None or not 0 <= lo <= hi <= len(self.text):
            return find_places(seg, comparisons=True)
        norm = nfc(seg)
        if not (norm == seg and (self.plain or self.kept is not None and self._keeps_tones(lo, hi))):
            norm = new_style_tones(norm)
        if norm != self.norm[lo:hi] or (lo > 0 and _is_word(self.norm[lo - 1])) or (hi > lo and _is_word(norm[-1])):
            return find_places(seg, comparisons=True)
        k = bisect.bisect_left(self.starts, lo)
        if k > 0 and self.hits[k - 1][1] > lo:
            return find_places(seg, comparisons=True)   # a name across the stretch's start
        _, names = _province_re()
        out = []
        for a, b, name in self.hits[k:]:
            if a >= hi:
                break
            if b > hi:
                return find_places(seg, comparisons=True)   # a name across its end
            if name[0].isupper() and is_place_use(norm, a - lo, b - lo):
                out.append((a - lo, b - lo, names[name.lower()]))
        return out

    def _keeps_tones(self, lo: int, hi: int) -> bool:
        """Whether `new_style_tones` leaves the stretch text[lo:hi] as it is, for a text it leaves as it is: each pair
        it may rewrite that lies inside the stretch is kept there for the reason it is kept in the whole text (the
        letter after it, the `q` before it), unless the pair starts at the stretch's start or ends at its end (that
        letter cut off: then the stretch is normalized the plain way)."""
        ends_of, starts_of = self.kept
        end, start = ends_of.get(lo), starts_of.get(hi)
        return (end is None or end > hi) and (start is None or start < lo)


def find_province(text: str) -> Province | None:
    hits = find_provinces(text)
    return hits[0][2] if hits else None


def document_province(text: str, title: str | None = None) -> str | None:
    """The province a document is about: the most named one, the title's counting thrice."""
    counts: Counter[str] = Counter()
    for _, _, p in find_provinces(text):
        counts[p.name] += 1
    if title:
        for _, _, p in find_provinces(title):
            counts[p.name] += 2
    if not counts:
        return None
    return counts.most_common(1)[0][0]
