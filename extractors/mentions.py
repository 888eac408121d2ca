"""The mention finder: every figure in a Vietnamese text, with its kind, value, unit and qualifier.

Two passes over the text:
1. non-mentions (dates, times, years and terms, document codes, phone numbers, addresses, names
   with numbers, ordinals, list markers) are found by pattern (SKIP_PATTERNS, run only on the
   stretches around digits; WORD_SKIP_PATTERNS for `Đại hội XIII`, `Thứ nhất`) and recorded as
   `Skipped` with a reason;
2. every other number is read with what surrounds it (qualifier words before; `%`, a dash and a
   second number, `/` and a denominator, `trong tổng số` and a total, a currency, a counted noun
   after) into a `Mention`. A number that comes out as nothing (no unit, no qualifier, no verb that
   states a figure before it: `lễ 30-4`, `đường dây nóng 113`) is recorded as skipped too, reason
   `date`, `duration`, `year` or `unread`, so coverage can list what fell through.

Number words are read only where they are a figure (`ba khâu đột phá`, `hai mươi lăm xã`, `một nửa`,
`gấp đôi`), never `một số`, `linh hoạt`, `tư nhân`, `năm gần đây`, `hàng trăm`; `find(text,
bare_numbers=True)` and `read_numeral(text)` read a numeral that stands alone.

`find(text)` returns `(mentions, skipped)`; offsets index `text`, so `text[m.start:m.end] == m.text`.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from extractors.numbers import (DIGIT_WORDS, HALF_WORDS, NUMBER_WORDS, SCALES, SUFFIX_SCALES,
                                NotANumber, decimals_of, read_digits, words_value)
from extractors.record import Mention, Skipped
from extractors.units import COUNTED_SET, MEASURES, counted_noun, is_known_noun, per_unit

_WORD_UNITS_ONE = {"nửa"}
# `đồng` followed by one of these is a word (`đồng chí`, `đồng thời`), not the currency.
DONG_COMPOUNDS = {"chí", "bào", "thời", "bộ", "ý", "hành", "lòng", "đều", "loạt", "tâm", "nghiệp", "minh",
                  "thuận", "chủ", "bằng", "ruộng", "tình", "cảm", "dạng", "phục", "phạm", "hương", "ca",
                  "điệu", "cỏ", "hồ", "lúa", "sở", "đẳng", "nhất", "tiền", "khởi", "hưởng", "nát", "xu", "môn",
                  "đội", "thanh", "nai", "tháp", "hới", "văn", "xoài", "phát", "quê", "trợ", "sức", "lứa"}

# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------
TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)*(?:[kKMG](?![^\W\d_]))?|[.,]\d+(?:[kKMG](?![^\W\d_]))?)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)
DASHES = {"-", "–", "—", "‑", "‐", "−"}


class Tok:
    """A token: kind `num` | `word` | `sym`, its text, lower-cased text and offsets."""
    __slots__ = ("kind", "text", "start", "end", "low")

    def __init__(self, kind: str, text: str, start: int, end: int):
        self.kind, self.text, self.start, self.end = kind, text, start, end
        self.low = text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.kind!r}, {self.text!r}, {self.start}, {self.end})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Tok) and (self.kind, self.text, self.start, self.end) == \
            (other.kind, other.text, other.start, other.end)


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.lastgroup, m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


# ---------------------------------------------------------------------------------------------
# Pass 1: things that are not mentions
# ---------------------------------------------------------------------------------------------
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
SKIP_PATTERNS: list[tuple[str, re.Pattern]] = [
    # document codes: 371-QĐ/TU, 115/2020/QH14, 02/NQ-CP, 07-NQ/TU, 1532/QĐ-UBND
    ("code", re.compile(r"\b\d+(?:/\d{2,4})*[/-][A-ZĐ][A-ZĐa-zđ0-9]*(?:[/.-][A-ZĐ0-9][A-ZĐa-zđ0-9]*)*")),
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
    # full dates and month/year: 22/9/2021, 31-12-2022, 10.01.2022, 12/2022 after tháng
    ("date", re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b")),
    ("date", re.compile(r"\b(?:tháng|Tháng|THÁNG)\s+\d{1,2}(?:\s*[/-]\s*(?:19|20)\d{2}|\s+năm\s+(?:19|20)\d{2})?\b")),
    ("date", re.compile(rf"\b(?:quý|Quý|QUÝ)\s+(?:{_ROMAN}|\d)(?:\s*[/-]\s*(?:19|20)\d{{2}}|\s+năm\s+(?:19|20)\d{{2}})?\b")),
    ("date", re.compile(r"\b(?:ngày|Ngày|hôm|sáng|Sáng|chiều|Chiều|tối|Tối|trưa|Trưa|đêm|Đêm|rạng sáng|Rạng sáng)"
                        r"(?:\s+(?:nay|qua|mai|hôm nay|ngày))?\s*\(?\s*\d{1,2}(?:\s*[/-]\s*\d{1,2})?(?:\s*[/-]\s*(?:19|20)\d{2})?\b")),
    # day/month without a year after a time word: `Tính đến 31-12`, `từ 1/7`, `trước 15/10`
    ("date", re.compile(r"\b(?:từ|đến|tới|trước|sau|hết|Từ|Đến|Trước|Sau|Hết)\s+(?:ngày\s+)?"
                        r"(?:0?[1-9]|[12]\d|3[01])[/-](?:0?[1-9]|1[0-2])(?![\d.,]*\d)"
                        rf"(?!\s*(?:%|(?:{_NOUN_ALT}|{_SCALE_ALT})(?![^\W\d_])))")),
    # terms and years: 2020-2025, (2016- 2020), năm 2022, giai đoạn 2021 – 2025
    ("term", re.compile(r"\b(?:19|20)\d{2}\s*[-–—‑]\s*(?:19|20)\d{2}\b")),
    ("year", re.compile(r"\b(?:năm|Năm|NĂM|niên độ|niên khóa|mùa vụ|vụ)\s+(?:19|20)\d{2}\b")),
    # ordinals and names with numbers: kỳ họp thứ 7, lần thứ 12, khóa XV, Đại hội 13, COVID-19
    ("ordinal", re.compile(r"\b(?:kỳ họp|Kỳ họp|lần|Lần|đợt|Đợt|khóa|khoá|Khóa|Khoá|phiên|Phiên|tập|Tập|số báo|kỳ|Kỳ)"
                           r"\s+(?:thứ\s+)?\d+\b")),
    ("ordinal", re.compile(r"\b[Gg]iai đoạn\s+(?:\d{1,2}|[IVX]+)\b(?![.,]\d)(?!\s*%)")),
    ("ordinal", re.compile(r"(?<!xếp )(?<!đứng )(?<!hạng )(?<!trí )(?<!lên )(?<!xuống )\b(?:[Tt]hứ)\s+\d+\b(?!\s*/\s*\d)")),
    # Names: capitalized proper names take any number after them (`Ban Chỉ đạo 35`, `Quốc lộ 1A`,
    # `Hội nghị Trung ương 3, 4`, `Nghị quyết Trung ương 4`, `cột mốc 345/2`).
    ("name", re.compile(r"\b[A-Za-z]+-\d+\b|\b(?:Covid|COVID|covid|SARS-CoV|Seagame|SEA Games|SEAGames|Seagames|"
                        r"Ban Chỉ đạo|Ban chỉ đạo|Đại hội|Hội nghị Trung ương|Trung ương|Hội nghị lần|Tổ|Đội|Lô|"
                        r"Khu phố|Tiểu khu|Quốc lộ|QL|Tỉnh lộ|ĐT|ĐH|Đường|Tuyến|cột mốc|Cột mốc|Phòng|Tầng|"
                        r"Trung đoàn|Sư đoàn|Quân khu|Quân đoàn|Lữ đoàn|Tiểu đoàn|Đại đội|Binh đoàn|Bệnh viện|"
                        r"Trường|Nhà máy|Công ty|Top|TOP|Giải|Vùng|vùng)\s*(?:số\s+)?\d+[A-Z]?(?:[/,]\s*\d+)*\b"
                        + _NOT_FIGURE_TAIL)),
    # ... lower-case ones only where no word follows the number (`đường 5 km` is a figure).
    ("name", re.compile(r"\b(?:đường tỉnh|đường huyện|đường xã|đường|tuyến|phòng|tầng|tổ|đội)\s+(?:số\s+)?\d+[A-Z]?\b"
                        r"(?![.,]\d)(?!\s*[^\W\d_%])")),
    # villages and quarters named by number: `thôn 3`, `xóm 12`, `ấp 5`, `tổ dân phố 7`, `khu phố 2`
    # kilometre posts: `km 15+200`, `Km15+200`
    ("address", re.compile(r"\b[Kk]m\s?\d+\s?\+\s?\d+\b")),
    ("name", re.compile(r"\b(?:thôn|Thôn|xóm|Xóm|ấp|Ấp|khóm|Khóm|tổ dân phố|Tổ dân phố|khu phố|tiểu khu|buôn|Buôn|"
                        r"lớp|Lớp|khối lớp|Khối lớp)"
                        r"\s+(?:số\s+)?\d+[A-Z]?\b(?![.,]\d)(?!\s*%)")),
    # list markers: (1), 1), a), 1. at the start of a line or after a semicolon
    ("list_marker", re.compile(r"\(\d{1,2}\)|(?:(?<=^)|(?<=\n)|(?<=;\s)|(?<=:\s))\d{1,2}[.)](?=\s)|\b[a-zđ]\)")),
]

DURATION_UNITS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "thập kỷ", "thế kỷ", "quý", "buổi", "đêm"}
# After `nửa`, these make a period or a duration (`nửa đầu năm`, `nửa tháng`), not a multiplier.
_HALF_NOT_BEFORE = DURATION_UNITS | {"đầu", "cuối", "sau", "trước", "kia", "chừng", "vời", "đêm", "đời", "buổi",
                                     "năm nay", "thế kỷ", "chặng", "vòng", "giờ"}
DURATION_BEFORE = {"sau", "trong", "mất", "suốt", "hơn", "gần", "qua", "được", "kéo dài", "thời gian", "vòng",
                   "trước", "tới", "đầu", "cuối", "từ", "kế hoạch", "những"}


def find_skips(text: str) -> list[Skipped]:
    """Every non-mention by SKIP_PATTERNS, earlier patterns first; a later match that overlaps an
    earlier one is dropped."""
    skips: list[Skipped] = []
    starts: list[int] = []   # taken spans, sorted and disjoint
    ends: list[int] = []
    windows = _digit_windows(text)
    for reason, pat in SKIP_PATTERNS:
        for m in (m for ws, we in windows for m in pat.finditer(text, ws, we)):
            s, e = m.start(), m.end()
            if not _HAS_DIGIT(m.group()):
                continue
            k = bisect.bisect_left(starts, e)          # spans starting before e
            if k > 0 and ends[k - 1] > s:
                continue
            starts.insert(k, s)
            ends.insert(k, e)
            skips.append(Skipped(s, e, m.group(), reason))
    # ordinals and names written without digits: `Đại hội XIII`, `khóa XVI`, `Thứ nhất`, `lần thứ tư`
    for reason, pat in WORD_SKIP_PATTERNS:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            k = bisect.bisect_left(starts, e)
            if k > 0 and ends[k - 1] > s:
                continue
            starts.insert(k, s)
            ends.insert(k, e)
            skips.append(Skipped(s, e, m.group(), reason))
    skips.sort(key=lambda k: k.start)
    return skips


_ORDINAL_WORDS = r"(?:nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|bẩy|tám|chín|mười(?:\s+(?:một|hai|ba|bốn|tư|lăm|sáu|bảy|tám|chín))?)"
_NOT_RANK = r"(?<!xếp )(?<!đứng )(?<!hạng )(?<!trí )(?<!lên )(?<!xuống )(?<!Xếp )(?<!Đứng )"
WORD_SKIP_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("date", re.compile(r"\b(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|hai|ba|tư|năm|sáu|bảy)|Chủ\s+[Nn]hật)"
                        r"(?=\s*,?\s*(?:ngày\s+)?\d{1,2}/\d{1,2})")),
    ("name", re.compile(r"\b(?:Đại hội|Hội nghị Trung ương|Hội nghị lần thứ|Đại hội lần thứ)(?:\s+[^\W\d_]+){0,4}?"
                        r"\s+(?:lần thứ\s+)?[IVXL]+\b(?![^\W\d_])")),
    ("ordinal", re.compile(r"\b(?:khóa|khoá|Khóa|Khoá|kỳ họp thứ|Kỳ họp thứ|nhiệm kỳ|lần thứ|Lần thứ)\s+"
                           r"(?:[IVXL]+\b(?![^\W\d_])|" + _ORDINAL_WORDS + r"\b)")),
    ("ordinal", re.compile(_NOT_RANK + r"\b(?:[Tt]hứ\s+" + _ORDINAL_WORDS + r"|đầu tiên)\b(?!\s*/)")),
]


_HAS_DIGIT = re.compile(r"\d").search
_DIGIT_RUN = re.compile(r"\d+")
# Every skip pattern's match holds a digit, starts less than this many characters before it and
# ends (lookaheads included) less than this many after it; so the patterns need only run on the
# stretches of text around digits, which is what makes pass 1 cheap on long documents.
_WINDOW = 120


def _digit_windows(text: str) -> list[tuple[int, int]]:
    """Disjoint (start, end) stretches of `text` holding every digit with _WINDOW characters each side."""
    out: list[list[int]] = []
    n = len(text)
    for m in _DIGIT_RUN.finditer(text):
        s, e = max(0, m.start() - _WINDOW), min(n, m.end() + _WINDOW)
        if out and s <= out[-1][1] + _WINDOW:
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


# ---------------------------------------------------------------------------------------------
# Pass 2: mentions
# ---------------------------------------------------------------------------------------------
QUALIFIERS = [  # longest first; (words, qualifier, comparative?)
    ("khoảng chừng từ", "approx", False), ("tầm khoảng", "approx", False), ("khoảng chừng", "approx", False),
    ("không ít hơn", "at_least", False), ("không cao hơn", "at_most", False), ("không nhiều hơn", "at_most", False),
    ("không hơn", "at_most", False), ("không quá", "at_most", False), ("không vượt quá", "at_most", False),
    ("không tới", "under", False), ("không đến", "under", False), ("chưa đến", "under", False),
    ("chưa tới", "under", False), ("chưa tới", "under", False), ("ít nhất là", "at_least", False),
    ("ít nhất", "at_least", False), ("tối thiểu", "at_least", False), ("tối đa", "at_most", False),
    ("vượt mốc", "over", False), ("xấp xỉ", "approx", False), ("ước khoảng", "approx", False),
    ("nhiều hơn", "over", True), ("cao hơn", "over", True), ("lớn hơn", "over", True),
    ("ít hơn", "under", True), ("kém hơn", "under", True), ("thấp hơn", "under", True), ("nhỏ hơn", "under", True),
    ("khoảng", "approx", False), ("gần", "approx", False), ("chừng", "approx", False), ("tầm", "approx", False),
    ("độ", "approx", False), ("trên", "over", False), ("hơn", "over", False), ("dưới", "under", False),
    ("trên dưới", "approx", False), ("vào khoảng", "approx", False), ("ngót", "approx", False),
    ("ngót nghét", "approx", False), ("xấp xỉ khoảng", "approx", False), ("chưa đầy", "under", False),
    ("không đầy", "under", False), ("tối thiểu là", "at_least", False), ("tối đa là", "at_most", False),
    ("nhiều nhất", "at_most", False), ("nhiều nhất là", "at_most", False), ("vượt ngưỡng", "over", False),
    ("ước tính khoảng", "approx", False), ("khoảng hơn", "over", False), ("khoảng trên", "over", False),
]
_QUALIFIER_MAP = {p: (q, c) for p, q, c in QUALIFIERS}
# Verbs that may stand between a bound word and the number: `xấp xỉ đạt`, `gần bằng`, `khoảng là`.
_QUAL_VERBS = {"đạt", "là", "bằng", "ở mức", "đạt mức", "lên tới", "lên đến"}
CURRENCY_AFTER = [  # longest first: words after the number -> unit
    ("đô la Mỹ", "USD"), ("đô la mỹ", "USD"), ("đô-la", "USD"), ("đô la", "USD"), ("đô mỹ", "USD"),
    ("đô", "USD"), ("USD", "USD"), ("usd", "USD"), ("US$", "USD"), ("$", "USD"),
    ("đồng", "VND"), ("VNĐ", "VND"), ("VND", "VND"), ("vnđ", "VND"), ("vnd", "VND"), ("Vnđ", "VND"), ("đ", "VND"),
    ("euros", "EUR"), ("Euros", "EUR"), ("euro", "EUR"), ("Euro", "EUR"), ("EUR", "EUR"), ("€", "EUR"),
    ("Rupees", "INR"), ("rupees", "INR"), ("Rs", "INR"), ("INR", "INR"),
    ("pounds", "GBP"), ("Pounds", "GBP"), ("bảng Anh", "GBP"), ("GBP", "GBP"), ("£", "GBP"),
    ("AED", "AED"), ("dirham", "AED"), ("yên Nhật", "JPY"), ("JPY", "JPY"), ("nhân dân tệ", "CNY"),
    ("CNY", "CNY"), ("won", "KRW"), ("KRW", "KRW"), ("SGD", "SGD"), ("AUD", "AUD"),
    ("xen", "cent"), ("xu", "cent"), ("cent", "cent"), ("cents", "cent"),
]
# by first token: [(words, unit, token texts)], longest first
_CURRENCY_AFTER_TOKS: dict[str, list] = {}
for _w, _u in CURRENCY_AFTER:
    _t = tuple(m.group() for m in re.finditer(r"[^\W\d_]+|\d+|\S", _w))
    _CURRENCY_AFTER_TOKS.setdefault(_t[0], []).append((_w, _u, _t))
CURRENCY_BEFORE = [("VN$", "VND"), ("US$", "USD"), ("$", "USD"), ("USD", "USD"), ("VND", "VND"), ("VNĐ", "VND"),
                   ("EUR", "EUR"), ("€", "EUR"), ("GBP", "GBP"), ("£", "GBP"), ("INR", "INR"), ("Rs.", "INR"),
                   ("Rs", "INR")]
_CURRENCY_BEFORE_N = [(sym, unit, len(re.findall(r"[^\W\d_]+|\d+|\S", sym))) for sym, unit in CURRENCY_BEFORE]
RANK_BEFORE = {"xếp", "xếp hạng", "đứng", "hạng", "vị trí", "vươn lên", "tụt", "lên", "xuống", "giữ", "đứng thứ"}
MULT_BEFORE = {"gấp", "bằng", "tăng", "giảm", "cao gấp", "lớn gấp", "nhiều gấp", "hơn", "tăng gần", "tăng hơn",
               "tăng khoảng", "gần", "khoảng", "xấp xỉ", "trên"}
# Verbs that state a figure: after one, a number with no unit is still a quantity (`PAPI đạt 43,5`).
FIGURE_VERBS = {"đạt", "là", "còn", "tăng", "giảm", "lên", "xuống", "mức", "bằng", "chiếm", "đạt mức",
                "ở mức", "tăng lên", "giảm xuống", "giảm còn", "ước đạt", "đạt được", "tổng cộng", "tổng số",
                "tổng", "lên tới", "lên đến", "tăng thêm", "giảm bớt", "điểm", "chỉ số", ":", "="}
# Before a number in words, these make it vague (`hàng nghìn câu lạc bộ`, `vài trăm người`).
VAGUE_BEFORE = {"hàng", "vài", "mấy", "dăm", "nhiều", "mươi", "bao", "hằng", "hơn mười", "đôi", "một vài"}
WORD_MULT = {"đôi": 2.0, "rưỡi": 1.5}


@dataclass
class Num:
    """A number read from tokens i..j-1 (inclusive start, exclusive end)."""
    i: int
    j: int
    value: float
    scale: float      # the scale words' product (for carrying to the other end of a range)
    decimals: int
    has_words: bool   # written in words (`hai mươi`)
    raw: str


# The longest numeral read (`bảy trăm hai mươi mốt nghìn không trăm mười hai tỷ …`); a longer run of
# number words (`một một một …`) is no numeral, and the cap keeps reading it linear.
MAX_NUMBER_TOKENS = 24
# Words that may start a mention: number words (not scale words), `gấp`, `nửa`; currency codes before a number.
_START_WORDS = (set(NUMBER_WORDS) - set(SCALES)) | {"gấp", "nửa", "nhất", "nhì"}
_START_CODES = {"USD", "VND", "VNĐ", "EUR", "GBP", "INR", "Rs", "VN"}


class Finder:
    def __init__(self, text: str, style: str | None = None, bare_numbers: bool = False):
        self.text = text
        self.bare = bare_numbers
        self.toks = tokenize(text)
        self.style = style or number_style(text)
        toks = self.toks
        # linked[k]: token k is no number and is followed on the same line, at most two spaces on,
        # by a token that is no number either (so words_at can test a phrase without slicing text)
        self._linked = [a.kind != "num" and b.kind != "num" and b.start - a.end <= 2
                        and "\n" not in text[a.end:b.start] for a, b in zip(toks, toks[1:])]
        self._phrases: dict = {}

    # --- token helpers -------------------------------------------------------------------------
    def words_at(self, i: int, n: int) -> str | None:
        """The n tokens from i as a lower-cased phrase, if they are adjacent words on one line."""
        key = (i, n)
        hit = self._phrases.get(key, 0)
        if hit != 0:
            return hit
        toks = self.toks
        out = None
        if i >= 0 and i + n <= len(toks) and toks[i].kind != "num" and all(self._linked[i:i + n - 1]):
            out = self.text[toks[i].start:toks[i + n - 1].end].lower()
        self._phrases[key] = out
        return out

    def gap(self, a: int, b: int) -> str:
        """Text between the end of token a and the start of token b."""
        return self.text[self.toks[a].end:self.toks[b].start]

    # --- numbers ---------------------------------------------------------------------------------
    def read_num(self, i: int) -> Num | None:
        """Read a number starting at token i: digits or words, with scale words and `phẩy` decimals."""
        toks = self.toks
        parts: list = []
        j = i
        decimals = 0
        has_words = False
        scale = 1.0
        while j < len(toks) and j - i < MAX_NUMBER_TOKENS:
            t = toks[j]
            if j > i and ("\n" in self.gap(j - 1, j) or self.gap(j - 1, j).strip()):
                break
            if t.kind == "num":
                if parts and not (isinstance(parts[-1], str) and parts[-1] in SCALES):
                    # digits follow only a scale word (`12.345 tỷ 250 triệu`); after digits or a
                    # number word (`đầu tư 1.200 tỷ`: `tư` is a word here) a new number starts
                    break
                m = re.fullmatch(r"([\d.,]*\d)([kKMG]?)", t.text)
                if not m:
                    break
                try:
                    v = read_digits(m.group(1), self.style)
                except NotANumber:
                    if j == i:
                        return None
                    break
                if m.group(2):
                    v *= SUFFIX_SCALES[m.group(2)]
                    scale *= SUFFIX_SCALES[m.group(2)]
                decimals = decimals_of(m.group(1), self.style)
                parts.append(v)
                j += 1
                continue
            if t.kind == "word":
                w = t.low
                if w in SCALES:
                    if not parts:
                        return None
                    parts.append(w)
                    scale *= SCALES[w]
                    j += 1
                    continue
                if w in ("phẩy", "chấm") and parts and j + 1 < len(toks):
                    frac = self._decimal_part(j + 1)
                    if frac is not None:
                        fv, fdec, nj = frac
                        base = parts[-1] if isinstance(parts[-1], float) else words_value(parts)
                        if base is None:
                            break
                        parts = [float(base) + fv]
                        decimals = fdec
                        j = nj
                        continue
                    break
                if w in NUMBER_WORDS and w not in SCALES:
                    if parts and isinstance(parts[-1], float) and w not in HALF_WORDS:
                        break
                    if parts and w in DIGIT_WORDS and isinstance(parts[-1], str) and parts[-1] in DIGIT_WORDS:
                        break  # two digit words side by side (`hai năm`, `một một`) never make one numeral
                    parts.append(w)
                    has_words = True
                    j += 1
                    continue
            break
        # Trailing words that do not make a number (`năm` after a number: `5 năm`) are dropped.
        while parts:
            v = words_value(parts)
            if v is not None:
                break
            parts.pop()
            j -= 1
        if not parts:
            return None
        # A lone digit word is only a number where a counted noun or unit follows; let callers judge.
        v = words_value(parts)
        if v is None:
            return None
        return Num(i, j, float(v), scale, decimals, has_words, self.text[toks[i].start:toks[j - 1].end])

    def _decimal_part(self, j: int):
        t = self.toks[j]
        if t.kind == "num" and t.text.isdigit():
            return float("0." + t.text), len(t.text), j + 1
        if t.kind == "word" and t.low in DIGIT_WORDS:
            digits = ""
            k = j
            while k < len(self.toks) and self.toks[k].kind == "word" and self.toks[k].low in DIGIT_WORDS:
                digits += str(DIGIT_WORDS[self.toks[k].low])
                k += 1
            return float("0." + digits), len(digits), k
        return None

    # --- the scan --------------------------------------------------------------------------------
    def find(self) -> tuple[list[Mention], list[Skipped]]:
        skips = find_skips(self.text)
        skip_at = _SpanIndex([(s.start, s.end) for s in skips])
        mentions: list[Mention] = []
        i = 0
        toks = self.toks
        while i < len(toks):
            t = toks[i]
            starts_number = t.kind == "num" or (t.kind == "word" and (t.low in _START_WORDS or t.text in _START_CODES)) \
                or (t.kind == "sym" and t.text in "$€£")
            if not starts_number or skip_at.covers(t.start):
                i += 1
                continue
            m, nxt = self.mention_at(i, skip_at)
            if m is None:
                i += 1
                continue
            m.text = self.text[m.start:m.end]
            mentions.append(m)
            i = max(nxt, i + 1)
        # numbers inside neither a mention nor a skip: recorded as skipped `unread`, for coverage
        taken = _SpanIndex([(m.start, m.end) for m in mentions] + [(s.start, s.end) for s in skips])
        for k, t in enumerate(toks):
            if t.kind == "num" and not taken.covers(t.start):
                skips.append(Skipped(t.start, t.end, t.text, self._why_not(k)))
        skips.sort(key=lambda s: s.start)
        return mentions, skips

    def _why_not(self, k: int) -> str:
        t = self.toks[k]
        toks = self.toks
        # `lễ 30-4`, `Quốc khánh 2-9`: a day-month written with a dash
        for a, b in ((k - 2, k), (k, k + 2)):
            if 0 <= a and b < len(toks) and toks[a].kind == toks[b].kind == "num" and toks[a + 1].text in DASHES \
                    and toks[a].end == toks[a + 1].start and toks[a + 1].end == toks[b].start \
                    and toks[a].text.isdigit() and toks[b].text.isdigit() \
                    and 1 <= int(toks[a].text) <= 31 and 1 <= int(toks[b].text) <= 12:
                return "date"
        nxt = self.words_at(k + 1, 1) if k + 1 < len(self.toks) else None
        if nxt in DURATION_UNITS:
            return "duration"
        if re.fullmatch(r"(?:19|20)\d{2}", t.text):
            return "year"
        return "unread"

    def mention_at(self, i: int, skip_at) -> tuple[Mention | None, int]:
        toks = self.toks
        # currency before the number: $10, USD1,23, VN$1000, Rs. 20
        pre_unit = None
        k = i
        for sym, unit, n in _CURRENCY_BEFORE_N:
            seg = toks[k:k + n]
            if len(seg) == n and "".join(x.text for x in seg) == sym and k + n < len(toks) \
                    and toks[k + n].kind == "num" and self.text[seg[-1].end:toks[k + n].start].strip() in ("", "."):
                pre_unit = unit
                k = k + n
                break
        if toks[k].kind == "word" and toks[k].low == "gấp":
            return self._multiplier_word(k)
        if toks[k].low in ("nhất", "nhì") and k > 0:
            # `xếp thứ nhất`, `đứng thứ nhì`, `xếp hạng nhì`
            if toks[k - 1].low == "thứ":
                rb = self._phrase_before(k - 1, RANK_BEFORE)
            else:
                rb = self._phrase_before(k, {"xếp hạng", "hạng"})
            if rb is None:
                return None, i + 1
            return Mention(toks[rb[0]].start, toks[k].end, "", "rank", value=1.0 if toks[k].low == "nhất" else 2.0), k + 1
        if pre_unit is None and toks[k].kind == "word" and toks[k].low in ("một", "nửa"):
            half = self._half(k)
            if half is not None:
                return half
        if toks[k].kind not in ("num", "word"):
            return None, i + 1
        num = self.read_num(k)
        if num is None:
            return None, i + 1
        if skip_at.covers(toks[num.i].start):
            return None, num.j
        if num.has_words and not self.bare and k > 0 and toks[k - 1].low in VAGUE_BEFORE \
                and toks[k].kind == "word":
            return None, num.j  # `hàng trăm hộ`, `vài nghìn người`: vague, not a figure
        # a lone number word (`một`, `năm`, `ba`) is a figure only before a counted noun or unit
        start_tok = i
        sign = 1.0
        if i > 0 and toks[i - 1].text in ("-", "−") and (i < 2 or toks[i - 2].kind != "num") \
                and (toks[i - 1].end == toks[i].start or (self.bare and i == 1 and self.gap(0, 1) == " ")) \
                and (i < 2 or self.gap(i - 2, i - 1) != ""):
            # `-1,2%`; `- 1.200.000` only when reading a lone numeral (in running text `- ` is a bullet)
            sign, start_tok = -1.0, i - 1
        elif i > 0 and toks[i - 1].kind == "word" and (toks[i - 1].low == "âm" or
                                                        (self.bare and toks[i - 1].low == "trừ")):
            sign, start_tok = -1.0, i - 1
        value = sign * num.value
        qual_tok, qualifier, comparative = self._qualifier_before(start_tok)
        j = num.j
        tail = self._after(j)

        kind = None
        unit = pre_unit
        low = high = denominator = None
        end_tok = j - 1
        decimals = num.decimals
        text_start_tok = qual_tok if qual_tok is not None else start_tok

        # ---- a fraction in words: `hai phần ba`, `một phần tư` (not `phần trăm`: a percent) ----
        if unit is None and num.has_words and not tail.pct and tail.word(0) == "phần" and j + 1 < len(toks) \
                and toks[j + 1].kind == "word" and (toks[j + 1].low in DIGIT_WORDS or toks[j + 1].low == "mười") \
                and self.gap(j, j + 1) == " ":
            den = self.read_num(j + 1)
            if den is not None and den.value >= 2 and den.value > num.value and den.value == int(den.value):
                m = Mention(toks[start_tok].start, toks[den.j - 1].end, "", "fraction", value=value,
                            denominator=den.value)
                if qual_tok is not None:
                    m.start, m.qualifier = toks[qual_tok].start, qualifier
                return m, den.j
        # ---- percent ----
        if unit is None and tail.pct:
            kind, unit, end_tok = "percent", tail.pct, tail.pct_end
            j = tail.pct_end + 1
        elif unit is None and tail.currency:
            kind, unit, end_tok = "money", tail.currency, tail.currency_end
            j = tail.currency_end + 1
        elif unit is not None:
            kind = "money"
        # ---- multiplier: `gấp 4,45 lần`, `tăng 1,13 lần` ----
        if kind is None and tail.word(0) == "lần" and not tail.word(1) == "thứ":
            before = self._phrase_before(start_tok if qual_tok is None else qual_tok, MULT_BEFORE)
            if before is not None or (qual_tok is not None):
                kind, unit, end_tok = "multiplier", "times", j
                if before is not None and before[1].startswith("gấp"):
                    text_start_tok = min(text_start_tok, before[0])
                j += 1
        # ---- range: `8,0 ‑ 9,5%`, `16-17 nghìn lao động`, `từ 2 đến 2,5 tỷ USD` ----
        rng = self._range_from(i if pre_unit is None else k, num, j, kind, unit, tail)
        if rng is not None:
            r_low, r_high, r_kind, r_unit, r_end, r_next, r_dec, r_start = rng
            if r_low is not None:
                low, high = sign * r_low, r_high
                kind, unit, end_tok, j = r_kind, r_unit, r_end, r_next
                value = None
                decimals = max(decimals, r_dec)
                if r_start is not None:
                    text_start_tok = min(text_start_tok, r_start)
                    if qual_tok is None or qual_tok >= r_start:
                        q2, qualifier2, comp2 = self._qualifier_before(r_start)
                        if q2 is not None:
                            text_start_tok, qualifier = q2, qualifier2
        # ---- fraction `a/b`, rank `thứ 32/63` ----
        if low is None and j < len(toks) and toks[j].text == "/" and toks[j].start == toks[j - 1].end \
                and j + 1 < len(toks) and toks[j + 1].kind == "num" and toks[j + 1].start == toks[j].end:
            den = self.read_num(j + 1)
            if den is not None:
                dtail = self._after(den.j)
                den_value = den.value
                f_unit = unit
                f_end = den.j - 1
                nj = den.j
                if kind == "percent" and dtail.pct:          # 91,5%/80%
                    f_end, nj = dtail.pct_end, dtail.pct_end + 1
                elif kind is None and dtail.currency:        # 300/350 tỷ đồng
                    f_unit, f_end, nj = dtail.currency, dtail.currency_end, dtail.currency_end + 1
                    value *= den.scale
                elif kind is None and dtail.pct:             # 45/50%: both percentages
                    f_unit, f_end, nj = "%", dtail.pct_end, dtail.pct_end + 1
                if kind in (None, "percent", "money") or (kind == "money" and pre_unit):
                    kind = "fraction"
                    unit = f_unit
                    denominator = den_value
                    end_tok, j = f_end, nj
                    if unit is None:
                        noun, nend = self._counted_noun(j)
                        if noun:
                            unit, end_tok, j = noun, nend, nend + 1
        # ---- rank: `xếp thứ 32/63 tỉnh`, `đứng thứ 5` ----
        if start_tok > 0 and toks[start_tok - 1].low == "thứ" and kind in (None, "fraction", "quantity"):
            rb = self._phrase_before(start_tok - 1, RANK_BEFORE)
            if kind == "fraction" or rb is not None:
                kind = "rank"
                text_start_tok = rb[0] if rb else start_tok - 1
                qualifier = None
        elif start_tok > 0 and kind is None and self._phrase_before(start_tok, {"xếp hạng", "hạng", "vị trí số"}):
            rb = self._phrase_before(start_tok, {"xếp hạng", "hạng", "vị trí số"})
            kind, text_start_tok = "rank", rb[0]
        if kind == "rank" and unit is None and j < len(toks):
            noun, nend = self._counted_noun(j)
            if noun and denominator is not None:
                unit, end_tok, j = noun, nend, nend + 1
        # ---- quantity with a counted noun ----
        if kind is None:
            if tail.word(0) in DURATION_UNITS or tail.phrase(2) in DURATION_UNITS:
                return None, j  # `sau 1 năm`, `5 năm xây dựng`, `6 tháng đầu năm`: durations
            noun, nend = self._counted_noun(j)
            total = self._of_total(j if noun is None else nend + 1, allow_tren=noun is None)
            if total is not None:
                # `415 trong tổng số 430 đảng viên`, `9 xã trong tổng số 12 xã`: a fraction
                den, dend, dnext = total
                den_noun, den_end = self._counted_noun(dnext)
                kind, unit, denominator = "fraction", den_noun or noun, den.value
                end_tok, j = (den_end, den_end + 1) if den_noun else (dend, dnext)
            elif noun is None:
                if not self.bare and (num.has_words or self._is_year_like(num, start_tok)):
                    return None, j
                if not self.bare and qual_tok is None and sign == 1.0 \
                        and self._phrase_before(start_tok, FIGURE_VERBS) is None:
                    # a number with no unit, no qualifier and no verb that states a figure before
                    # it (`lễ 30-4`, `tỷ số 3-1`, `đường dây nóng 113`) is left unread
                    return None, j
                kind, unit = "quantity", None
            else:
                kind, unit, end_tok, j = "quantity", noun, nend, nend + 1
            if num.has_words and len(num.raw.split()) == 1 and num.raw.lower() in ("một", "năm", "tư", "mười") \
                    and unit is None and not self.bare:
                return None, j
        if num.has_words and not self.bare and not self._words_are_figure(num, kind, unit, end_tok):
            return None, j
        # Duckling-style cents after a currency: `2 đô la và 23 xen`, `hai đô 23`
        if kind == "money" and unit in ("USD", "EUR", "INR", "GBP") and value is not None:
            cents = self._cents_after(j)
            if cents is not None:
                value += cents[0] / 100.0
                end_tok, j = cents[1], cents[1] + 1
        # units per unit: `19 tiêu chí/xã`, `67 triệu đồng/người/năm`, `8,5%/năm`, `12,8 bác sĩ/vạn dân`
        while unit and j == end_tok + 1:
            per = per_unit(toks, j, self.text)
            if per is None:
                break
            unit = f"{unit}/{per[0]}"
            end_tok, j = per[1], per[1] + 1
        # `từ … trở lên / trở xuống`
        if j + 1 < len(toks) and toks[j].low == "trở" and toks[j + 1].low in ("lên", "xuống") and \
                start_tok > 0 and toks[text_start_tok - 1].low == "từ":
            qualifier = "at_least" if toks[j + 1].low == "lên" else "at_most"
            text_start_tok -= 1
            end_tok, j = j + 1, j + 2
        # a comparative before the figure with `so với` after it is a difference, not a bound
        if comparative and self._so_voi_after(j):
            qualifier = None
            text_start_tok = start_tok
        # scale for quantities written with scale words: `1 nghìn lao động` = 1000
        m = Mention(start=toks[text_start_tok].start, end=toks[end_tok].end, text="", kind=kind,
                    value=value, low=low, high=high, denominator=denominator, unit=unit,
                    qualifier=qualifier, decimals=decimals)
        if any(v is not None and not math.isfinite(v) for v in (m.value, m.low, m.high, m.denominator)):
            return None, j  # hundreds of digits times a scale word: not a figure anyone printed
        return m, j

    HALF_AFTER_VERB = {"giảm", "tăng", "còn", "chiếm", "bằng", "đạt", "mất", "khoảng", "gần", "hơn", "xấp xỉ",
                       "chừng", "tầm", "trên", "dưới", "gấp", "là", "có", "được", "thu hẹp", "rút ngắn", "cắt"}

    def _half(self, k: int):
        """`một nửa`, `gần một nửa`, `giảm nửa`: a multiplier of 0.5 (unit `times`).

        A bare `nửa` is one only after a verb or qualifier (`giảm nửa`, `hơn nửa số hộ`); `nửa đầu
        năm`, `nửa tháng`, `một nửa năm` are periods and durations, not figures.
        """
        toks = self.toks
        i = k
        if toks[k].low == "một":
            if k + 1 >= len(toks) or toks[k + 1].low != "nửa" or self.gap(k, k + 1) not in (" ", "\u00a0"):
                return None
            k += 1
        elif self._phrase_before(k, self.HALF_AFTER_VERB) is None:
            return None
        nxt = self.words_at(k + 1, 1)
        nxt2 = self.words_at(k + 1, 2)
        if nxt in _HALF_NOT_BEFORE or nxt2 in _HALF_NOT_BEFORE:
            return None
        q_tok, qualifier, comparative = self._qualifier_before(i)
        start = q_tok if q_tok is not None else i
        if comparative and self._so_voi_after(k + 1):
            start, qualifier = i, None
        m = Mention(toks[start].start, toks[k].end, "", "multiplier", value=0.5, unit="times", qualifier=qualifier,
                    decimals=1)
        return m, k + 1

    OF_TOTAL = ("trong tổng số", "trên tổng số", "trong số", "trên tổng", "trong tổng")

    def _of_total(self, j: int, allow_tren: bool = False):
        """`trong tổng số 430` after a count: (the total as a Num, its last token, next token).

        `3 trên 5 chỉ tiêu` too, where the count has no noun of its own (`trên` before a number is
        otherwise the qualifier `over`)."""
        for phrase in self.OF_TOTAL + (("trên",) if allow_tren else ()):
            n = len(phrase.split())
            if self.words_at(j, n) == phrase and j + n < len(self.toks) and self.toks[j + n].kind == "num" \
                    and "\n" not in self.text[self.toks[j - 1].end:self.toks[j + n].start]:
                den = self.read_num(j + n)
                if den is None or self._is_year_like(den, j + n):
                    return None
                if self._after(den.j).pct or self._after(den.j).currency:
                    return None
                return den, den.j - 1, den.j
        return None

    def _multiplier_word(self, k: int):
        """`gấp đôi`, `gấp rưỡi`, `gấp 4,45 lần`, `gấp ba lần`."""
        toks = self.toks
        if k + 1 >= len(toks):
            return None, k + 1
        nt = toks[k + 1]
        if nt.kind == "word" and nt.low in WORD_MULT:
            return Mention(toks[k].start, nt.end, "", "multiplier", value=WORD_MULT[nt.low], unit="times"), k + 2
        num = self.read_num(k + 1)
        if num is None:
            return None, k + 1
        end = num.j - 1
        j = num.j
        if j + 1 < len(toks) and (toks[j].text in DASHES or toks[j].low in ("đến", "tới")) \
                and "\n" not in self.text[toks[j - 1].end:toks[j + 1].start]:
            # `gấp 1,5-2 lần`, `gấp 2 đến 3 lần`: a range of multipliers
            num2 = self.read_num(j + 1)
            if num2 is not None and num2.value >= num.value and num2.j < len(toks) and toks[num2.j].low == "lần":
                return Mention(toks[k].start, toks[num2.j].end, "", "range", low=num.value, high=num2.value,
                               unit="times", decimals=max(num.decimals, num2.decimals)), num2.j + 1
        if j < len(toks) and toks[j].low == "lần":
            end = j
        return Mention(toks[k].start, toks[end].end, "", "multiplier", value=num.value, unit="times",
                       decimals=num.decimals), end + 1

    def _cents_after(self, j: int):
        toks = self.toks
        k = j
        if k < len(toks) and toks[k].low == "và":
            k += 1
        if k < len(toks) and toks[k].kind in ("num", "word"):
            n = self.read_num(k)
            if n is not None and n.value < 100 and not n.value % 1:
                end = n.j - 1
                if n.j < len(toks) and toks[n.j].low in ("xen", "xu", "cent", "cents"):
                    end = n.j
                elif toks[j].low == "và" and toks[k].kind != "num":
                    pass
                return n.value, end
        return None

    def _qualifier_before(self, i: int):
        phrases = _QUALIFIER_MAP
        hit = self._phrase_before(i, phrases)
        if hit is None:
            # `xấp xỉ đạt 40 ngàn tỷ đồng`, `khoảng trên 20%`: a bound word before the verb `đạt`/`là`
            verb = self._phrase_before(i, _QUAL_VERBS)
            if verb is None:
                return None, None, False
            hit = self._phrase_before(verb[0], phrases)
            if hit is None or phrases[hit[1]][1] or hit[1] in ("trên", "hơn", "dưới", "độ"):
                return None, None, False
        start, p = hit
        q, comp = phrases[p]
        if p == "khoảng chừng từ":
            return start, q, comp
        if p in ("hơn", "gần", "trên") and start > 0 and self.toks[start - 1].low in ("cao", "thấp", "nhiều", "ít",
                                                                                       "lớn", "nhỏ", "kém"):
            return None, None, False
        if p == "độ" and not (start > 0 and self.toks[start - 1].low in ("vào", "khoảng", "chừng")):
            return None, None, False
        return start, q, comp

    def _phrase_before(self, i: int, phrases):
        """Longest phrase ending at the token before i (same line, only spaces between)."""
        for n in (4, 3, 2, 1):
            if i - n < 0:
                continue
            p = self.words_at(i - n, n)
            if p is None or p not in phrases:
                continue
            between = self.text[self.toks[i - 1].end:self.toks[i].start]
            if between.strip() not in ("",):
                continue
            return i - n, p
        return None

    def _so_voi_after(self, j: int) -> bool:
        for t in self.toks[j:j + 12]:
            if t.text in (";", ".", "\n") or "\n" in t.text:
                return False
            if t.low == "so":
                return True
        return False

    def _words_are_figure(self, num: Num, kind, unit, end_tok) -> bool:
        """A number in words is a figure when it is a real numeral before a known unit or noun.

        `hai mươi lăm xã`, `ba khâu đột phá`, `mười nghìn đồng` are; `linh hoạt`, `tư nhân`,
        `không làm`, `năm gần đây`, `một số` are words, not figures.
        """
        words = num.raw.lower().split()
        if words[0][0].isdigit():
            return True  # `2 triệu rưỡi đồng`: digits lead, the words are scale and half
        if words[0] not in DIGIT_WORDS and words[0] not in ("mười", "trăm"):
            return False
        if words[0] in ("không", "tư", "lăm", "mốt", "nhăm") and len(words) == 1:
            return False
        if len(words) == 1 and words[0] in ("một", "năm"):
            return kind in ("money", "percent", "range") or (unit is not None and unit.lower() in _WORD_UNITS_ONE)
        if kind in ("money", "percent", "range", "multiplier", "rank", "fraction"):
            return True
        return unit is not None and (is_known_noun(unit) or len(words) > 1)

    def _is_year_like(self, num: Num, i: int) -> bool:
        return bool(re.fullmatch(r"(?:19|20)\d{2}", num.raw))

    def _counted_noun(self, j: int):
        """The counted noun or unit after token j-1: (`nhiệm vụ`, last token index) or (None, j-1)."""
        return counted_noun(self.toks, j, self.text)

    def _after(self, j: int) -> "_Tail":
        return _Tail(self, j)

    def _range_from(self, i, num: Num, j: int, kind, unit, tail):
        """A range starting with `num` (tokens i..j-1): returns bounds, kind, unit, end token, next."""
        toks = self.toks
        r_start = None
        if i > 0 and toks[i - 1].low in ("từ", "giữa") and toks[i - 1].kind == "word":
            r_start = i - 1
        k = j
        if k >= len(toks):
            return None
        t = toks[k]
        connective = None
        if t.text in DASHES:
            connective = "dash"
        elif t.low in ("đến", "tới") and r_start is not None and toks[r_start].low == "từ":
            connective = "den"
        elif t.low in ("và",) and r_start is not None and toks[r_start].low == "giữa":
            connective = "va"
        elif t.low in ("đến", "tới") and kind is None:
            connective = "den"
        if connective is None:
            return None
        if "\n" in self.text[toks[k - 1].end:t.end]:
            return None
        k2 = k + 1
        # VND1000-VND2000: the currency may stand before the second end too
        if k2 < len(toks) and toks[k2].text in ("VND", "USD", "$", "VNĐ"):
            k2 += 1
        if k2 >= len(toks) or toks[k2].kind not in ("num", "word"):
            return None
        num2 = self.read_num(k2)
        if num2 is None:
            return None
        # years and terms are not ranges: 2020-2025
        if re.fullmatch(r"(?:19|20)\d{2}", num.raw) and re.fullmatch(r"(?:19|20)\d{2}", num2.raw):
            return None
        tail2 = self._after(num2.j)
        low, high = num.value, num2.value
        r_kind, r_unit, end, nxt = None, unit, num2.j - 1, num2.j
        if tail2.pct:
            r_kind, r_unit, end, nxt = "percent", tail2.pct, tail2.pct_end, tail2.pct_end + 1
        elif tail2.currency:
            r_kind, r_unit, end, nxt = "money", tail2.currency, tail2.currency_end, tail2.currency_end + 1
        elif kind in ("percent", "money"):
            r_kind = kind
        elif connective == "den" and r_start is None and kind is None:
            return None  # `đến 2022`, `đến 500 ha`: not a range without `từ`
        # carry the scale of the second end to the first: 16-17 nghìn, 130-135 triệu
        if num.scale == 1.0 and num2.scale != 1.0 and num.value * num2.scale <= num2.value * 1.0001 + 1e-9:
            low = num.value * num2.scale
        elif num.scale == 1.0 and num2.scale != 1.0:
            low = num.value * num2.scale
        if r_kind is None:
            noun, nend = self._counted_noun(nxt)
            if noun is not None:
                r_unit, end, nxt = noun, nend, nend + 1
            elif unit is None and kind is None and (connective == "dash"):
                # bare `5-10` with nothing after: likely a date or score; leave it
                if re.fullmatch(r"\d{1,2}", num.raw) and re.fullmatch(r"\d{1,2}", num2.raw):
                    return None
            r_kind = "range"
        if low > high:
            return None
        dec = num2.decimals
        # the record's kind is `range` whatever the unit; the unit says % or VND
        return low, high, "range", r_unit, end, nxt, dec, r_start


class _Tail:
    """What follows token j-1: a percent sign, a currency."""

    def __init__(self, f: Finder, j: int):
        self.f, self.j = f, j
        toks = f.toks
        self.pct = None
        self.pct_end = None
        self.currency = None
        self.currency_end = None
        if j < len(toks):
            t = toks[j]
            same_line = "\n" not in f.text[toks[j - 1].end:t.start] and len(f.text[toks[j - 1].end:t.start]) <= 1
            if same_line and t.text == "%":
                self.pct, self.pct_end = "%", j
            elif same_line and f.words_at(j, 3) == "điểm phần trăm":
                self.pct, self.pct_end = "điểm phần trăm", j + 2
            elif same_line and f.words_at(j, 1) == "điểm" and j + 1 < len(toks) and toks[j + 1].text == "%":
                self.pct, self.pct_end = "điểm phần trăm", j + 1
            elif same_line and f.words_at(j, 2) == "phần trăm":
                self.pct, self.pct_end = "%", j + 1
            if same_line and self.pct is None:
                for words, unit, wtoks in _CURRENCY_AFTER_TOKS.get(t.text, ()):
                    n = len(wtoks)
                    seg = toks[j:j + n]
                    if len(seg) == n and all(x.text == w for x, w in zip(seg, wtoks)):
                        if words == "đ" and j + 1 < len(toks) and toks[j + 1].start == seg[-1].end \
                                and toks[j + 1].kind == "word":
                            continue
                        if words in ("đô",) and j + 1 < len(toks) and toks[j + 1].low == "thị":
                            continue
                        if words == "đồng" and j + 1 < len(toks) and toks[j + 1].kind == "word" \
                                and toks[j + 1].low in DONG_COMPOUNDS and f.text[t.end:toks[j + 1].start] == " ":
                            continue
                        if words in ("won", "xu", "xen") and f.text[toks[j - 1].end:t.start] != " ":
                            continue
                        self.currency, self.currency_end = unit, j + n - 1
                        break

    def word(self, n: int) -> str | None:
        k = self.j + n
        toks = self.f.toks
        if k < len(toks) and toks[k].kind == "word":
            return toks[k].low
        return None

    def phrase(self, n: int) -> str | None:
        return self.f.words_at(self.j, n)


class _SpanIndex:
    def __init__(self, spans):
        self.spans = sorted(spans)

    def covers(self, pos: int) -> bool:
        import bisect
        k = bisect.bisect_right(self.spans, (pos, float("inf")))
        for s, e in self.spans[max(0, k - 8):k]:
            if s <= pos < e:
                return True
        return False


def number_style(text: str) -> str:
    """`en` when the text writes numbers the English way consistently (`1,234.5`, `9.54%`), else `vi`."""
    en = len(re.findall(r"\b\d{1,3}(?:,\d{3})+\.\d+\b|\b\d+\.\d{1,2}\s?%", text))
    vi = len(re.findall(r"\b\d{1,3}(?:\.\d{3})+,\d+\b|\b\d+,\d{1,2}\s?%|\b\d{1,3}(?:\.\d{3}){2,}\b", text))
    return "en" if en > vi else "vi"


def find(text: str, style: str | None = None, bare_numbers: bool = False) -> tuple[list[Mention], list[Skipped]]:
    """Every mention and every skipped number in `text`.

    `style` forces `vi` or `en` number reading (default: guessed from the text, see `number_style`).
    `bare_numbers=True` reads a numeral that stands alone (`hai mươi`, `trăm`, `- 1.200.000`) as a
    quantity with no unit; running text keeps it False, where a lone number word is rarely a figure
    (`một cách`, `năm gần đây`, `tư nhân`) and `- ` at a line start is a bullet.
    """
    return Finder(text, style, bare_numbers).find()


def read_numeral(text: str, style: str | None = None) -> float | None:
    """The value of `text` read as one numeral (`hai mươi mốt nghìn không trăm mười một`, `-1,2M`),
    or None when the finder does not read the whole of it as one number."""
    mentions, _ = find(text, style, bare_numbers=True)
    stripped = text.strip().rstrip(".")
    if len(mentions) == 1 and mentions[0].text == stripped and mentions[0].kind == "quantity" \
            and mentions[0].unit is None:
        return mentions[0].value
    return None
