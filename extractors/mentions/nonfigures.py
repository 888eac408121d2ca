"""Pass 1 of the mention finder: the numbers that are not figures.

Dates, times, years and terms, document codes, phone numbers, addresses, names with numbers,
ordinals and list markers are found by pattern (SKIP_PATTERNS, run only on the stretches around
digits; WORD_SKIP_PATTERNS for `Đại hội XIII`, `Thứ nhất`) and recorded as `Skipped` with a reason.
Given the text's tokens, each pattern is tried only where it may start (`_starts_of`): a pattern that opens
with a word where a token that may open it starts (`openers`), one that opens with a digit, `(` or `+` where
one scan of the digit windows finds its lead (`_SIGN_LEADS`); without them, where its lead is searched for.
DURATION_UNITS are the words that make a number after them a duration (`sau 5 năm`), not a count.
"""
from __future__ import annotations

import bisect
import operator
import re

import numpy as np

from extractors import lexicon
from extractors.mentions.openers import Openers, holds_digit, matches_at, opening_words
from extractors.mentions.tokens import kind_of
from extractors.numbers import NUMBER_WORDS, SCALES
from extractors.record import Skipped
from extractors.units import COUNTED_SET, MEASURES

_DOC_WORDS = (r"Quyết định|Nghị quyết liên tịch|Nghị quyết|Chỉ thị|Kết luận|Quy định|Thông tư|Nghị định|"
              r"Công văn|Luật|Văn bản|Thông báo|Tờ trình|Hướng dẫn|Quy chế|Đề án|Chương trình|Kế hoạch|"
              r"Báo cáo|Pháp lệnh|Hiến pháp|Điều|Khoản|Chương|Mục|Phụ lục|Công điện|Chỉ thị")
# The same words in lower case name a document only with `số` (`theo quyết định số 12`): bare,
# they are ordinary words (`kỷ luật 09 đảng viên`, `kế hoạch 8%`, `điều 5`).
_DOC_WORDS_LOWER = "|".join(w[0].lower() + w[1:] for w in _DOC_WORDS.split("|"))
_ROMAN = r"(?:[IVXLC]+)"
_SCALE_ALT = "nghìn|ngàn|triệu|tỷ|tỉ|đồng|USD|VNĐ|VND|đô"
# Any counted noun or measure of the lexicon, for lookaheads (`từ 1/7 tỉnh` is a fraction of provinces).
_NOUN_ALT = "|".join(re.escape(w) for w in sorted(COUNTED_SET | {m.lower() for m in MEASURES}, key=len, reverse=True))
# A number that is not followed by a percent sign or more digits (`Kế hoạch 8%` is a figure).
_NOT_FIGURE_TAIL = r"(?![\d.,]*\d)(?!\s*%)(?!\s*(?:phần trăm|điểm phần trăm)\b)"
# `thứ N` is a standing, not an ordinal, after an extent (`giảm nhanh thứ hai cả nước`) or before the field
# it is ranked in (`thứ 3 trong nhóm 10 tỉnh`, `thứ 5 cả nước`); the rank step reads the same words.
# (extractors/lexicon/ordinal_words.tsv)
EXTENT_BEFORE_THU = lexicon.role_words("ordinal_words", "extent_before_thu")
FIELD_AFTER_THU = lexicon.role_words("ordinal_words", "field_after_thu")
_NOT_EXTENT = "".join(f"(?<!{w} )" for w in EXTENT_BEFORE_THU)
_NOT_FIELD = r"(?!\s+(?:" + "|".join(FIELD_AFTER_THU) + r")(?!\w))"
SKIP_PATTERNS: list[tuple[str, re.Pattern]] = [
    # document codes: 371-QĐ/TU, 115/2020/QH14, 02/NQ-CP, 07-NQ/TU, 1532/QĐ-UBND
    # (at most 8 numeric parts before the letters, taken whole: on a long run `123/123/…` every start would
    # read the rest of the run again)
    ("code", re.compile(r"\b\d+(?:/\d{2,4}){0,8}+[/-][A-ZĐ][A-ZĐa-zđ0-9]*(?:[/.-][A-ZĐ0-9][A-ZĐa-zđ0-9]*)*")),
    # Quyết định số 1532, Nghị quyết số 07, Kết luận 42, Điều 5 (capitalized), quyết định số 12 (with số)
    ("code", re.compile(rf"\b(?:{_DOC_WORDS})\s+(?:số\s+)?\d+(?:[/-]\d+)*{_NOT_FIGURE_TAIL}")),
    ("code", re.compile(rf"\b(?:{_DOC_WORDS_LOWER})\s+số\s+\d+(?:[/-]\d+)*{_NOT_FIGURE_TAIL}")),
    ("address", re.compile(r"\b(?:số|Số)\s+\d+[A-Za-z]?(?:/\d+)*\s*(?:,\s*)?(?:đường|phố|ngõ|ngách|hẻm|Đường|Phố|Ngõ)\b")),
    ("code", re.compile(r"\bsố\s+hiệu\s+\d+|\b[Ss]ố\s+\d+/\d+(?:/\d+)?")),
    # phone numbers: 0211.3862.345, 0239 3855 123, +84 912 345 678, 0912345678
    ("phone", re.compile(r"\b(?:1900|1800)[ .]?\d{3,4}(?:[ .]?\d{2,3})?\b")),
    ("phone", re.compile(r"(?:\+84[ .]?|(?<![\d.,])\b0)\d{1,3}(?:[ .]?\d{3,4}){2,3}\b(?![.,]\d)")),
    # times: 10:24, 10:24'(GMT+7), 8h30, 8 giờ 30, 14 giờ
    ("time", re.compile(r"\b\d{1,2}[:h]\d{2}(?:'|′)?(?:\s*\(GMT\+7\))?|\b\d{1,2}\s*(?:giờ|h)(?:\s*\d{1,2}(?:\s*phút)?)?(?![^\W\d_])")),
    # a span of days in a month: `1-3/9`, `từ 28-30/12/2023`
    ("date", re.compile(r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\s?[-–]\s?(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])"
                        r"(?:/(?:19|20)\d{2})?\b(?![.,]\d)"
                        rf"(?!\s*(?:%|(?:{_NOUN_ALT}|{_SCALE_ALT})(?![^\W\d_])))")),
    # a list of days of one month ending in a full date: `vào thời điểm 01/6; 13/6 và 21/6/2022`
    ("date", re.compile(r"\b(?:(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])\s*(?:[;,]|và)\s*)+"
                        r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)\d{2}\b")),
    # full dates and month/year: 22/9/2021, 31-12-2022, 10.01.2022, 12/2022 after tháng
    ("date", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b")),
    ("date", re.compile(r"\b(?:tháng|Tháng|THÁNG)\s+\d{1,2}(?:\s*[/-]\s*(?:19|20)\d{2}|\s+năm\s+(?:19|20)\d{2})?\b")),
    ("date", re.compile(rf"\b(?:quý|Quý|QUÝ|quí|Quí)\s+(?:{_ROMAN}|\d)(?:\s*[/-]\s*(?:19|20)\d{{2}}|\s+năm\s+(?:19|20)\d{{2}})?\b")),
    # a day of the lunar new year or month: `ngày mùng 9 Tết`, `mồng 4 tháng Giêng`
    ("date", re.compile(r"\b(?:mùng|Mùng|mồng|Mồng)\s+\d{1,2}\b(?![.,]\d)(?!\s*%)")),
    ("date", re.compile(r"\b(?:ngày|Ngày|hôm|Hôm|sáng|Sáng|chiều|Chiều|tối|Tối|trưa|Trưa|đêm|Đêm|rạng sáng|Rạng sáng)"
                        r"(?:\s+(?:nay|qua|mai|hôm nay|ngày))?\s*\(?\s*\d{1,2}(?:\s*[/-]\s*\d{1,2})?(?:\s*[/-]\s*(?:19|20)\d{2})?\b")),
    # day/month without a year after a time word: `Tính đến 31-12`, `từ 1/7`, `trước 15/10`
    ("date", re.compile(r"\b(?:từ|đến|tới|trước|sau|hết|Từ|Đến|Trước|Sau|Hết)\s+(?:ngày\s+)?"
                        r"(?:0?[1-9]|[12]\d|3[01])[/-](?:0?[1-9]|1[0-2])(?![\d.,]*\d)"
                        rf"(?!\s*(?:%|(?:{_NOUN_ALT}|{_SCALE_ALT})(?![^\W\d_])))")),
    # terms and years: 2020-2025, (2016- 2020), năm 2022, giai đoạn 2021 – 2025
    ("term", re.compile(r"\b(?:19|20)\d{2}\s*[-–—‑]\s*(?:19|20)\d{2}\b")),
    ("year", re.compile(r"\b(?:năm|Năm|NĂM|niên độ|niên khóa|mùa vụ|vụ)"
                        r"(?:\s+(?:mùa|chiêm|xuân|đông xuân|Đông Xuân|hè thu|Hè Thu|thu đông|Thu Đông|Mùa))?\s+(?:19|20)\d{2}\b")),
    # ordinals and names with numbers: kỳ họp thứ 7, lần thứ 12, khóa XV, Đại hội 13, COVID-19
    ("ordinal", re.compile(r"\b(?:kỳ họp|Kỳ họp|lần|Lần|đợt|Đợt|khóa|khoá|Khóa|Khoá|phiên|Phiên|tập|Tập|số báo|kỳ|Kỳ)"
                           r"\s+(?:thứ\s+)?\d+\b")),
    ("ordinal", re.compile(r"\b[Gg]iai đoạn\s+(?:\d{1,2}|[IVX]+)\b(?![.,]\d)(?!\s*%)")),
    # (`(?=[Tt]hứ)` first: a position that cannot start the match is left at once, not after every look back)
    ("ordinal", re.compile(r"(?=[Tt]hứ)(?<!xếp )(?<!đứng )(?<!hạng )(?<!Xếp )(?<!Đứng )(?<!Hạng )(?<!trí )(?<!vị )(?<!lên )(?<!xuống )(?<!và )(?<!, )" + _NOT_EXTENT +
                           r"\b(?:[Tt]hứ)\s+\d+\b(?!\s*/\s*\d)" + _NOT_FIELD)),
    # Names: capitalized proper names take any number after them (`Ban Chỉ đạo 35`, `Quốc lộ 1A`,
    # `Hội nghị Trung ương 3, 4`, `Nghị quyết Trung ương 4`, `cột mốc 345/2`).
    ("name", re.compile(r"\b(?:Covid|COVID|covid)\s+[-–]\s*\d+\b")),   # `dịch Covid -19`
    ("name", re.compile(r"\b[A-Za-z]+-\d+\b|\b(?:Covid|COVID|covid|SARS-CoV|Seagame|SEA Games|SEAGames|Seagames|"
                        r"Ban Chỉ đạo|Ban chỉ đạo|Đại hội|Hội nghị Trung ương|Trung ương|Hội nghị lần|Tổ|Đội|Lô|"
                        r"Khu phố|Tiểu khu|Quốc lộ|QL|Tỉnh lộ|ĐT|ĐH|Đường|Tuyến|cột mốc|Cột mốc|Phòng|Tầng|"
                        r"Trung đoàn|Sư đoàn|Quân khu|Quân đoàn|Lữ đoàn|Tiểu đoàn|Đại đội|Binh đoàn|Bệnh viện|"
                        r"Trường|Nhà máy|Công ty|Giải|Vùng|vùng)\s*(?:số\s+)?\d+[A-Z]?(?:[/,]\s*\d+)*\b"
                        + _NOT_FIGURE_TAIL)),
    # `Top 10 doanh nghiệp` names a list; `TOP 10 tỉnh, thành phố` is a standing (the rank step reads it)
    ("name", re.compile(r"\b(?:Top|TOP)\s*\d+[A-Z]?\b(?!\s+(?:tỉnh|thành phố|địa phương|huyện|quốc gia)(?!\w))"
                        + _NOT_FIGURE_TAIL)),
    # ... lower-case ones only where no word follows the number (`đường 5 km` is a figure).
    ("name", re.compile(r"\b(?:đường tỉnh|đường huyện|đường xã|đường|tuyến|phòng|tầng|tổ|đội)\s+(?:số\s+)?\d+[A-Z]?\b"
                        r"(?![.,]\d)(?!\s*[^\W\d_%])")),
    # a place or body numbered with `số` after its kind (`cụm công nghiệp số 3`, `Trường THPT số 2 Bảo Thắng`, `lô đất số
    # 15`): names, no counts (a generation of networks, `5G`, is read in finder._names_and_dates)
    ("name", re.compile(r"\b(?:(?:khu|cụm) công nghiệp|Khu công nghiệp|Cụm công nghiệp|THPT|THCS|[Tt]iểu học|[Mm]ầm non|"
                        r"[Tt]rường|[Ll]ô(?: đất)?|tờ bản đồ|thửa(?: đất)?|[Cc]ảng|[Bb]ến|[Cc]ầu|[Kk]hoa|[Tt]rạm|[Kk]ho|"
                        r"[Nn]hà máy|[Xx]í nghiệp|[Cc]hi nhánh|[Pp]hân xưởng|[Hh]ồ chứa|[Đđ]ập|[Kk]ênh)"
                        r"\s+số\s+\d+[A-Z]?\b(?![.,]\d)(?!\s*%)")),
    # a clause of a law or decree by number: `khoản 2 Luật Đầu tư`, `Mục 3, Chương II`
    ("code", re.compile(r"\b(?:khoản|Khoản|mục|Mục|tiết|Tiết)\s+\d+[a-z]?\b"
                        r"(?=\s*(?:[,;.]|Điều|điều|Luật|luật|Nghị|Thông|Quyết|Chương|chương|của)(?!\d))")),
    # villages and quarters named by number: `thôn 3`, `xóm 12`, `ấp 5`, `tổ dân phố 7`, `khu phố 2`
    # kilometre posts: `km 15+200`, `Km15+200`
    ("address", re.compile(r"\b[Kk]m\s?\d+\s?\+\s?\d+\b")),
    ("name", re.compile(r"\b(?:thôn|Thôn|xóm|Xóm|ấp|Ấp|khóm|Khóm|tổ dân phố|Tổ dân phố|khu phố|tiểu khu|buôn|Buôn|"
                        r"lớp|Lớp|khối lớp|Khối lớp)"
                        r"\s+(?:số\s+)?\d+[A-Z]?\b(?![.,]\d)(?!\s*%)")),
    # list markers: (1), 1), a), 1. at the start of a line or after a semicolon
    ("list_marker", re.compile(r"\(\d{1,2}\)|(?:(?<=^)|(?<=\n)|(?<=;\s)|(?<=:\s))\d{1,2}[.)](?=\s)|\b[a-zđ]\)")),
    ("other", re.compile(r"\b\d\s+con\s+số\b")),   # `mức tăng trưởng 2 con số`: double digits, no count
]

DURATION_UNITS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "thập kỷ", "thế kỷ", "quý", "buổi", "đêm"}
DURATION_BEFORE = {"sau", "trong", "mất", "suốt", "hơn", "gần", "qua", "được", "kéo dài", "thời gian", "vòng",
                   "trước", "tới", "đầu", "cuối", "từ", "kế hoạch", "những"}


def find_skips(text: str, toks=None, words: list | None = None) -> list[Skipped]:
    """Every non-mention by SKIP_PATTERNS, earlier patterns first; a later match that overlaps an
    earlier one is dropped. Given the text's tokens (`tokens.tokenize(text)`), each pattern is tried only
    where it may start (`_starts_of`): the same skips. `words`: `token_starts(toks)`, when the caller has them."""
    skips: list[Skipped] = []
    taken: list[tuple[int, int]] = []   # spans taken by earlier patterns, sorted and disjoint
    windows = _digit_windows(text) if toks is None else windows_of_runs(toks, len(text))
    starts = _starts_of(toks, text, windows, words) if toks is not None else None
    # (a pattern `_starts_of` gives no place to start at is not asked at all: in most texts most of them)
    for k, ((reason, pat), lead) in enumerate(zip(SKIP_PATTERNS, _LEADS)):
        if starts is None or starts[k] is None or starts[k] and windows:
            _take(_found(k, pat, lead, text, windows, starts), reason, taken, skips, with_digit=not _HOLDS_DIGIT[k])
    # ordinals and names written without digits: `Đại hội XIII`, `khóa XVI`, `Thứ nhất`, `lần thứ tư`
    whole = [(0, len(text))]
    for k, ((reason, pat), lead) in enumerate(zip(WORD_SKIP_PATTERNS, _WORD_LEADS), len(SKIP_PATTERNS)):
        if starts is None or starts[k] is None or starts[k]:
            _take(_found(k, pat, lead, text, whole, starts), reason, taken, skips)
    skips.sort(key=lambda k: k.start)
    return skips


def _found(k: int, pat: re.Pattern, lead, text: str, windows: list, starts: list | None):
    """The matches of skip pattern k (SKIP_PATTERNS, then WORD_SKIP_PATTERNS) in each window: tried where
    `_starts_of` says it may start, else where its lead matches."""
    if starts is None or starts[k] is None:
        return (m for ws, we in windows for m in _matches(pat, lead, text, ws, we))
    return matches_at(pat, starts[k], text, windows)


def token_starts(toks) -> list[list[int]]:
    """For each skip pattern, the offsets of the word tokens of `toks` that may open it (`openers`); then the indices
    of the tokens that may start a number (`starts_a_number`), read in the same pass over the tokens."""
    return _OPENERS.word_starts(toks)


def _starts_of(toks, text: str, windows: list, words: list | None = None) -> list:
    """For each skip pattern, the positions (in order) where it may match in the digit windows (the whole text
    for WORD_SKIP_PATTERNS), or None for a pattern searched by its lead: where a token that may open it
    starts (`openers`), where one scan over the windows finds its leads (`_SIGN_LEADS`), where a function
    finds some of its alternatives (`_MIXED`), or all of those it has."""
    words = words if words is not None else token_starts(toks)
    signs: dict[int, list[int]] = {k: [] for k in _SIGN_OWNERS}
    owners_of = _OWNERS_BY_GROUPS
    # `_SIGN_SCAN.finditer` over each window: its matches are one character each, all among `_sign_candidates`
    for m in matches_at(_SIGN_SCAN, _sign_candidates(text, toks), text, windows):
        groups = m.groups()
        owners = owners_of.get(groups)
        if owners is None:
            owners = owners_of[groups] = _owners(groups)
        c = m.start()
        for k in owners:
            signs[k].append(c)
    out: list = []
    for k, (opening, sign, other) in enumerate(_PLANS):
        if opening is None and not sign and other is None:
            out.append(None)
            continue
        at = words[k] if opening is not None else []
        if sign:
            at = signs[k] if not at else sorted(set(at + signs[k]))
        if other is not None:
            ranges = windows if k < len(SKIP_PATTERNS) else [(0, len(text))]
            at = sorted(set(at + [c for ws, we in ranges for c in other(text, ws, we)]))
        out.append(at)
    return out


def _sign_candidates(text: str, toks) -> list[int]:
    """Where `_SIGN_SCAN` may match, in order: a `(` or `+` right before a run of digits, and the start of each
    run that some lead of `_SIGN_LEADS` may open, by its length, its first digit and the characters after it: a
    run followed by `/` or `-`; `1800…`, `1900…`, `0…`, a four-digit `1…` and a four-digit `20…` followed by a dash,
    or by white space and then a dash or more white space (a term's `2021 - 2025`); a run of one or two digits
    followed by one of `:hg-–/.)`, or by white space and then one of `:hg-–c` or more white space. More places
    than the scan matches at, never fewer: its pattern decides at each (`tests/test_finder_fast_paths.py`)."""
    if not toks.run_start:
        return []
    dtype = np.dtype(f"i{toks.run_start.itemsize}")
    starts, ends = np.frombuffer(toks.run_start, dtype), np.frombuffer(toks.run_end, dtype)
    # each character's code, two bytes each (a text with a character above U+FFFF: four, capped, none is asked for)
    data = text.encode("utf-16-le", "surrogatepass")
    if len(data) == 2 * len(text):
        codes = np.frombuffer(data, np.uint16)
    else:
        codes = np.minimum(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32), 0xFFFF)
    n = len(codes)

    def at(ix):   # the code at each of ix, 0 past the end
        return np.where(ix < n, codes[np.minimum(ix, n - 1)], 0)

    length, first, nxt, nxt2 = ends - starts, codes[starts], at(ends), at(ends + 1)
    keep = _AFTER_ANY_RUN[nxt] | (first == _ZERO) & (length >= 2) | (first == _ONE) & (length >= 4) \
        | (length == 4) & (first == _TWO) & (at(starts + 1) == _ZERO) \
        & (_TERM_DASH[nxt] | _SPACE[nxt] & (_TERM_DASH[nxt2] | _SPACE[nxt2])) \
        | (length <= 2) & (_AFTER_SHORT_RUN[nxt] | _SPACE[nxt] & (_AFTER_SPACE[nxt2] | _SPACE[nxt2]))
    opens = _OPENS_RUN[codes[starts - 1]] & (starts > 0)
    got = starts[keep].tolist()
    return sorted(got + (starts[opens] - 1).tolist()) if opens.any() else got


def _table(chars: str) -> np.ndarray:
    """A table of the code points below U+10000: True at those of `chars`."""
    t = np.zeros(0x10000, bool)
    t[[ord(c) for c in chars]] = True
    return t


_AFTER_ANY_RUN, _AFTER_SHORT_RUN, _AFTER_SPACE, _OPENS_RUN, _TERM_DASH = (
    _table(c) for c in ("/-", ":hg-–/.)", ":hg-–c", "(+", "-–—‑"))
_SPACE = _table("".join(c for c in map(chr, range(0x10000)) if re.match(r"\s", c)))
_ZERO, _ONE, _TWO = ord("0"), ord("1"), ord("2")


def _owners(groups: tuple) -> tuple[int, ...]:
    """The patterns whose leads matched, by the groups `_SIGN_SCAN` set (each once, in order)."""
    return tuple(dict.fromkeys(k for k, g in zip(_SIGN_OWNERS, groups) if g is not None))


# which patterns a match of `_SIGN_SCAN` is a lead of, by its groups (a few combinations in all)
_OWNERS_BY_GROUPS: dict[tuple, tuple[int, ...]] = {}


def _lead_starts(lead: re.Pattern, text: str, ws: int, we: int):
    """Every position in ws..we where `lead` matches (overlapping matches too)."""
    search = lead.search
    p = ws
    while (c := search(text, p, we)) is not None:
        yield c.start()
        p = c.start() + 1


def _take(matches, reason: str, taken: list, skips: list, with_digit: bool = False) -> None:
    """The matches of one pattern (those that hold a digit, `with_digit`) that overlap no span taken before, as
    skips; their spans join `taken`. (A pattern's own matches never overlap, so only the earlier patterns' spans
    are looked at, and they are merged in once: inserting each span into the sorted list would move the rest of
    it, time growing with the square of the skips.)"""
    ends = None   # the ends of `taken` (made at the first match: most patterns match nothing in a text)
    new = []
    for m in matches:
        got = m.group()
        if with_digit and not _HAS_DIGIT(got):
            continue
        s, e = m.span()
        k = bisect.bisect_left(taken, (e,))          # spans starting before e
        if k > 0:
            if ends is None:
                ends = [b for _, b in taken]
            if ends[k - 1] > s:
                continue
        new.append((s, e))
        skips.append(Skipped(s, e, got, reason))
    if new:
        taken[:] = sorted(taken + new)


# an ordinal in words (extractors/lexicon/ordinal_words.tsv): `nhất`, `năm`, `mười`, `mười một`
_ORDINAL_WORDS = "(?:" + lexicon.alternation(
    "ordinal_words", "ordinal", code={"mười": rf"mười(?:\s+(?:{lexicon.alternation('ordinal_words', 'after_ten')}))?"}) + ")"
_NOT_RANK = (r"(?<!xếp )(?<!đứng )(?<!hạng )(?<!trí )(?<!vị )(?<!lên )(?<!xuống )(?<!Xếp )(?<!Đứng )" + _NOT_EXTENT)
WORD_SKIP_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(r"\b(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|Chủ\s+[Nn]hật)"
                        r"(?=\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2})")),
    ("name", re.compile(r"\b(?:Đại hội|Hội nghị Trung ương|Hội nghị lần thứ|Đại hội lần thứ)(?:\s+[^\W\d_]+){0,4}?"
                        r"\s+(?:lần thứ\s+)?[IVXL]+\b(?![^\W\d_])")),
    ("ordinal", re.compile(r"\b(?:khóa|khoá|Khóa|Khoá|kỳ họp thứ|Kỳ họp thứ|nhiệm kỳ|lần thứ|Lần thứ)\s+"
                           r"(?:[IVXL]+\b(?![^\W\d_])|" + _ORDINAL_WORDS + r"\b)")),
    ("ordinal", re.compile(r"(?=[Tt]hứ|đầu tiên)" + _NOT_RANK + r"\b(?:[Tt]hứ\s+" + _ORDINAL_WORDS + r"|đầu tiên)\b(?!\s*/)"
                           + _NOT_FIELD)),
    # `tăng trưởng hai con số`: double-digit, how a figure is written, not a count of anything
    ("other", re.compile(r"\b(?:một|hai|ba|Một|Hai|Ba)\s+con\s+số\b")),
]


def _lead(pat: re.Pattern) -> re.Pattern | None:
    """A weaker form of a skip pattern that Python's regex engine searches fast: the pattern without the `\\b`
    that opens it or one of its top-level alternatives (a pattern that opens with an assertion is tried at
    every position; one that opens with letters skips to where they stand). Without an assertion a pattern
    matches wherever it matched before, so the first position the lead finds is the first the pattern may
    match at."""
    src = pat.pattern
    return re.compile(src[2:].replace(r"|\b", "|")) if src.startswith(r"\b") else None


# Leads written by hand, by how the pattern opens: for the patterns that open with a look-behind or with `\b\d`,
# a weaker form (each of the pattern's matches starts where the lead matches; `\d(?<!\w\d)` is a digit that
# starts a word, which Python's engine finds faster than `\b\d`), or one per alternative where no single lead is
# fast (the match starts where the first of them does). None runs the pattern itself. `tests/test_mentions.py`
# checks that leads lose nothing.
_HAND_LEADS = {r"\b\d+(?:/": r"\d(?<!\w\d)\d*+[/-]",
               r"(?:\+84[ .]?|(?<![\d.,])\b0)": r"\+84|0\d",
               r"\b\d{1,2}[:h]": r"\d(?<!\w\d)\d?\s*[:hg]",
               r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\s?[-–]": r"\d\d?\s?[-–]",
               r"\b\d{1,2}[/.-]\d{1,2}[/.-]": r"\d(?<!\w\d)\d?[/.-]\d",
               r"\(\d{1,2}\)|": (r"\(\d", r"\d(?<!\S\d)\d?[.)]", r"[a-zđ]\)"),
               r"\b[A-Za-z]+-\d+\b|\b(?:": (r"[A-Za-z](?<![A-Za-z]{2})[A-Za-z]*+-\d", None),
               r"(?=[Tt]hứ)": r"[Tt]hứ\s",
               r"(?=[Tt]hứ|đầu tiên)": r"[Tt]hứ\s|đầu tiên"}


def _lead_of(pat: re.Pattern):
    """The lead of a skip pattern (`_lead`, or `_HAND_LEADS`); a tuple of leads, one per alternative (None: the
    alternatives after the first, without their `\\b`)."""
    for opening, lead in _HAND_LEADS.items():
        if pat.pattern.startswith(opening):
            if isinstance(lead, tuple):
                rest = pat.pattern.split("|", 1)[1]
                return tuple(re.compile(x) if x is not None else _lead(re.compile(rest)) for x in lead)
            return lead and re.compile(lead)
    return _lead(pat)


_LEADS = [_lead_of(p) for _, p in SKIP_PATTERNS]
_WORD_LEADS = [_lead_of(p) for _, p in WORD_SKIP_PATTERNS]


# Leads of the patterns that open with a digit or a sign, found by one scan (`_SIGN_SCAN`): by how the pattern
# opens, its leads, each a first character and what must follow it (read after it, so a look-behind there sees
# that character). Every one of these patterns opens where a run of digits starts, or with `(` or `+`: the scan
# stops only there. Each lead matches wherever the pattern (or one of its alternatives) does.
_SIGN_LEADS = {
    r"\b\d+(?:/": [(r"\d", r"(?<!\w\d)\d*+[/-]")],
    r"\b(?:1900|1800)": [(r"1", r"[89]00")],
    r"(?:\+84[ .]?|(?<![\d.,])\b0)": [(r"\+", r"84"), (r"0", r"(?<![\d.,]0)(?<!\w0)\d")],
    r"\b\d{1,2}[:h]": [(r"\d", r"(?<!\w\d)\d?\s*[:hg]")],
    r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\s?[-–]": [(r"\d", r"(?<![\d.,]\d)\d?\s?[-–]")],
    r"\b(?:(?:0?[1-9]|[12]\d|3[01])/": [(r"\d", r"(?<!\w\d)\d?/\d")],
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]": [(r"\d", r"(?<!\w\d)\d?[/.-]\d")],
    r"\b(?:19|20)\d{2}\s*[-–—‑]": [(r"[12]", r"(?<!\w[12])(?:(?<=1)9|(?<=2)0)\d{2}\s*[-–—‑]")],
    r"\(\d{1,2}\)|": [(r"\(", r"\d"), (r"\d", r"(?<!\S\d)\d?[.)]")],   # and `\b[a-zđ]\)`: _MIXED
    r"\b\d\s+con": [(r"\d", r"(?<!\w\d)\s+con\s")],
}


def _hyphenated(text: str, ws: int, we: int):
    """Where `\\b[A-Za-z]+-\\d+` may match in ws..we: the start of the ASCII letters before each `-` and digit
    (a `-` is rare, letters are not: searching for the letters would try every word)."""
    for c in _lead_starts(_HYPHEN_DIGIT, text, ws, we):
        k = c
        while k > ws and text[k - 1] in _ASCII_LETTERS:
            k -= 1
        if k < c:
            yield k


def _lettered(text: str, ws: int, we: int):
    """Where `\\b[a-zđ]\\)` may match in ws..we: before each `)` after such a letter."""
    for c in _lead_starts(_PAREN, text, max(ws, 1), we):
        if text[c - 1] in _LIST_LETTERS:
            yield c - 1


_HYPHEN_DIGIT = re.compile(r"-\d")
_PAREN = re.compile(r"\)")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LIST_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzđ")
# Patterns whose alternatives open differently: by how the pattern opens, a function giving where some of its
# alternatives may match, and what finds the others (the words they open with, or the sign scan)
_MIXED = {
    r"\b[A-Za-z]+-\d+\b|": (_hyphenated, "words"),   # `ABC-1` by the function; `Covid 19`, `Tổ 5` by their words
    r"\(\d{1,2}\)|": (_lettered, "signs"),            # `(1)`, `1.` by the sign scan; `a)` by the function
}


def _plan(pat: re.Pattern):
    """How a skip pattern's starts are found (`_starts_of`): (the words it opens with (`openers`), whether the
    sign scan finds its leads (`_SIGN_LEADS`), a function for some of its alternatives (`_MIXED`)); (None,
    False, None): the pattern is searched by its lead."""
    words = opening_words(pat)
    if words is not None:
        return words, False, None
    for opening, (function, others) in _MIXED.items():
        if pat.pattern.startswith(opening):
            if others == "signs":
                return None, True, function
            words = opening_words(re.compile(pat.pattern[len(opening):]))
            return (words, False, function) if words is not None else (None, False, None)
    return None, _sign_leads(pat) is not None, None


def _sign_leads(pat: re.Pattern):
    return next((leads for opening, leads in _SIGN_LEADS.items() if pat.pattern.startswith(opening)), None)


_PLANS = [_plan(p) for _, p in SKIP_PATTERNS] + [(opening_words(p), False, None) for _, p in WORD_SKIP_PATTERNS]
# Words that may start a mention: number words (not scale words), `gấp`, `nửa`; currency codes before a number.
_START_WORDS = (set(NUMBER_WORDS) - set(SCALES)) | {"gấp", "nửa", "nhất", "nhì"}
_START_CODES = {"USD", "VND", "VNĐ", "EUR", "GBP", "INR", "Rs", "VN"}
_START_SIGNS = {"$", "€", "£"}


def starts_a_number(w: str) -> bool:
    """Whether a token whose text is `w` may start a number: digits, a start word or currency code, `$`, `€`, `£`."""
    return kind_of(w) == "num" or w.lower() in _START_WORDS or w in _START_CODES or w in _START_SIGNS


_OPENERS = Openers([opening for opening, _, _ in _PLANS], also=starts_a_number)
_SIGN_PAIRS = [(k, lead) for k, (_, sign, _) in enumerate(_PLANS) if sign for lead in _sign_leads(SKIP_PATTERNS[k][1])]
_SIGN_OWNERS = [k for k, _ in _SIGN_PAIRS]
# a character that opens a lead, at the start of a run of digits (or `(`, `+`), where some lead matches; an
# empty group for each lead, set where that lead matches
_SIGN_SCAN = re.compile(r"[\d(+](?<!\d\d)(?=" + "|".join(f"(?<={a}){b}" for _, (a, b) in _SIGN_PAIRS) + ")"
                        + "".join(f"(?:(?<={a})(?={b})())?" for _, (a, b) in _SIGN_PAIRS))


def _matches(pat: re.Pattern, lead, text: str, ws: int, we: int):
    """`pat.finditer(text, ws, we)`, the positions where no match can start skipped by a search of `lead`
    (or of each of a tuple of leads)."""
    if lead is None:
        yield from pat.finditer(text, ws, we)
        return
    match = pat.match
    if isinstance(lead, tuple):
        yield from _matches_of_leads(match, lead, text, ws, we)
        return
    search = lead.search
    p = ws
    while True:
        c = search(text, p, we)
        if c is None:
            return
        m = match(text, c.start(), we)
        if m is None:
            p = c.start() + 1
        else:
            yield m
            p = max(m.end(), m.start() + 1)


def _matches_of_leads(match, leads: tuple, text: str, ws: int, we: int):
    hits = [-2] * len(leads)   # each lead's next match at or after p (-2: to search, -1: none left)
    p = ws
    while True:
        c = -1
        for k, lead in enumerate(leads):
            h = hits[k]
            if h == -2 or 0 <= h < p:
                m = lead.search(text, p, we)
                h = hits[k] = m.start() if m else -1
            if h >= 0 and (c < 0 or h < c):
                c = h
        if c < 0:
            return
        m = match(text, c, we)
        if m is None:
            p = c + 1
        else:
            yield m
            p = max(m.end(), c + 1)


_HAS_DIGIT = re.compile(r"\d").search
# which SKIP_PATTERNS read a digit in every match (`holds_digit`): their matches need not be searched for one
_HOLDS_DIGIT = [holds_digit(p) for _, p in SKIP_PATTERNS]
# Every skip pattern's match holds a digit, starts less than this many characters before it and
# ends (lookaheads included) less than this many after it; so the patterns need only run on the
# stretches of text around digits, which is what makes pass 1 cheap on long documents.
_WINDOW = 120
# runs of digits at most 3 * _WINDOW characters apart: their windows meet or come within _WINDOW of each other
_DIGIT_CLUSTER = re.compile(r"\d+(?:\D{1,%d}+\d+)*+" % (3 * _WINDOW))


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint (start, end) stretches of `text` holding every digit with _WINDOW characters each side."""
    # runs of digits less than three windows apart share one: a cluster of runs is read in one match
    n = len(text)
    return [(max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)) for m in _DIGIT_CLUSTER.finditer(text)]


def windows_of_runs(toks, n: int) -> list[tuple[int, int]]:
    """`_digit_windows` of a text of length n, from its runs of digits as its tokens list them (`toks.run_start`,
    `toks.run_end`): runs at most 3 * _WINDOW characters apart share a window, as `_DIGIT_CLUSTER` reads them."""
    if not toks.run_start:
        return []
    dtype = np.dtype(f"i{toks.run_start.itemsize}")
    starts, ends = np.frombuffer(toks.run_start, dtype), np.frombuffer(toks.run_end, dtype)
    cut = np.flatnonzero(starts[1:] - ends[:-1] > 3 * _WINDOW)   # the runs after which a cluster ends
    first = starts[np.concatenate(([0], cut + 1))]
    last = ends[np.append(cut, len(ends) - 1)]
    return list(zip(np.maximum(first - _WINDOW, 0).tolist(), np.minimum(last + _WINDOW, n).tolist()))


class SpanIndex:
    """Sorted (start, end) spans: which of them covers a position."""

    def __init__(self, spans):
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._ends = [e for _, e in self.spans]
        # ends in order too (the skips never overlap): the last span's end is the largest of any before it
        self._ends_sorted = all(map(operator.le, self._ends, self._ends[1:]))

    def covers(self, pos: int) -> bool:
        k = bisect.bisect_right(self._starts, pos)   # the spans starting at or before pos
        if self._ends_sorted:
            return k > 0 and self._ends[k - 1] > pos
        return k > 0 and max(self._ends[max(0, k - 8):k]) > pos
