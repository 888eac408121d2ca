"""The number reader: Vietnamese digits, number words, scale words that stack, signs.

`read_digits("2.101") == 2101`, `read_digits("9,54") == 9.54`, `read_digits("1,234.5", "en") == 1234.5`;
`words_value(["hai", "mươi", "mốt", "nghìn", "không", "trăm", "mười", "một"]) == 21011`;
`words_value([40, "ngàn", "tỷ"]) == 4e13`.
"""
from __future__ import annotations

import re

DIGIT_WORDS = {
    "không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "nhăm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}
TEN_WORDS = {"mười"}
TENS_WORDS = {"mươi", "chục"}
HUNDRED_WORDS = {"trăm"}
FILLER_WORDS = {"linh", "lẻ"}
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "ngìn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
SUFFIX_SCALES = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "G": 1e9, "B": 1e9}
HALF_WORDS = {"rưỡi": 0.5, "rưởi": 0.5}
NUMBER_WORDS = set(DIGIT_WORDS) | TEN_WORDS | TENS_WORDS | HUNDRED_WORDS | FILLER_WORDS | set(SCALES) \
    | set(HALF_WORDS)

# A digit string as printed: `2.101`, `9,54`, `1.009.589`, `07`, `,77`, `1,234.5`.
DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*|[.,]\d+")
_VI_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_EN_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


class NotANumber(ValueError):
    pass


def read_digits(s: str, style: str = "vi") -> float:
    """Read a printed digit string. `style` is "vi" (`.` groups, `,` decimals) or "en".

    A form that only one style can have is read that way whatever the style: `1.009.589` is
    Vietnamese, `1,234.5` English. Ambiguous forms (`1,234`, `2.101`) follow `style`.
    """
    s = s.strip()
    if not s or not re.fullmatch(r"[\d.,]+", s) or not re.search(r"\d", s):
        raise NotANumber(s)
    if _VI_GROUPED.match(s) and not _EN_GROUPED.match(s):
        return float(s.replace(".", "").replace(",", "."))
    if _EN_GROUPED.match(s) and not _VI_GROUPED.match(s):
        if style == "en" or "." in s:
            return float(s.replace(",", ""))
    if s.count(".") + s.count(",") == 0:
        return float(s)
    if style == "en":
        if s.count(",") and s.count(".") <= 1 and re.fullmatch(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?", s):
            return float(s.replace(",", ""))
        if s.count(".") <= 1 and "," not in s:
            return float(s)
    # Vietnamese: a dot followed by exactly three digits groups thousands; a comma is the decimal mark.
    if "," in s:
        intpart, _, frac = s.rpartition(",")
        if "," in intpart:
            raise NotANumber(s)
        intpart = intpart or "0"
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})*|\d+", intpart):
            raise NotANumber(s)
        return float(intpart.replace(".", "") + "." + frac)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return float(s.replace(".", ""))
    if s.count(".") == 1:
        return float(s if not s.startswith(".") else "0" + s)  # `1.5`: a decimal point
    raise NotANumber(s)


def decimals_of(s: str, style: str = "vi") -> int:
    """How many decimals a printed number shows: `86,96` -> 2, `87` -> 0 (the rounding tolerance)."""
    mark = "," if style == "vi" else "."
    if mark in s:
        tail = s.rsplit(mark, 1)[1]
        if style == "vi" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
            return 0
        return len(tail) if tail.isdigit() else 0
    if style == "vi" and re.fullmatch(r"\d+\.\d{1,2}", s):
        return len(s.split(".")[1])
    return 0


def _below_thousand(tokens: list) -> float | None:
    """Value of a group under a thousand: `hai mươi mốt`, `không trăm mười một`, `trăm`, 250."""
    val = 0.0
    tmp: float | None = None
    last_unit = None  # the size of the last word's unit, for `rưỡi`
    for t in tokens:
        if isinstance(t, (int, float)):
            tmp = (tmp or 0) + t
            last_unit = 1
        elif t in DIGIT_WORDS:
            tmp = (tmp or 0) + DIGIT_WORDS[t]
            last_unit = 1
        elif t in TEN_WORDS:
            tmp = (tmp or 0) + 10
            last_unit = 10
        elif t in TENS_WORDS:
            tmp = (tmp if tmp is not None else 1) * 10
            last_unit = 10
        elif t in HUNDRED_WORDS:
            val += (tmp if tmp is not None else 1) * 100
            tmp = None
            last_unit = 100
        elif t in FILLER_WORDS:
            continue
        elif t in HALF_WORDS:
            if last_unit is None:
                return None
            val += last_unit * HALF_WORDS[t] if last_unit >= 100 else HALF_WORDS[t]
        else:
            return None
    if tmp is None and val == 0 and not any(t in HUNDRED_WORDS for t in tokens):
        if not tokens:
            return None
    return val + (tmp or 0)


def words_value(tokens: list) -> float | None:
    """Value of a run of number tokens: words (`hai`, `mươi`, `nghìn`) and already-read floats.

    Scale words split the run: the value left of the largest scale times the scale, plus the
    value right of it, so scales stack (`40 ngàn tỷ` = 4e13) and chain (`12.345 tỷ 250 triệu`).
    """
    if not tokens:
        return None
    scale_pos = [(SCALES[t], i) for i, t in enumerate(tokens) if isinstance(t, str) and t in SCALES]
    if not scale_pos:
        return _below_thousand(tokens)
    top = max(s for s, _ in scale_pos)
    i = next(i for s, i in scale_pos if s == top)
    left, right = tokens[:i], tokens[i + 1:]
    lv = words_value(left) if left else 1.0
    if lv is None:
        return None
    if right and all(isinstance(t, str) and t in HALF_WORDS for t in right):
        return (lv + 0.5) * top  # `hai nghìn rưỡi` = 2500
    if right and isinstance(right[0], str) and right[0] in SCALES:
        # `nghìn tỷ` after a number: the smaller scale stacks on the left part (`40 ngàn tỷ`)
        pass
    rv = words_value(right) if right else 0.0
    if rv is None:
        return None
    if rv >= top:
        return None
    return lv * top + rv


def read_number_text(text: str, style: str = "vi") -> float | None:
    """Read a whole string as one number: `1.200.000`, `âm 1.200.000`, `-1,2M`, `hai chục`, `100K`."""
    s = text.strip()
    sign = 1.0
    m = re.match(r"^(?:âm|trừ)\s+|^-\s*", s)
    if m:
        sign, s = -1.0, s[m.end():]
    tokens: list = []
    for part in s.split():
        m = re.fullmatch(r"([\d.,]*\d)([kKmMGB]?)", part)
        if m:
            try:
                v = read_digits(m.group(1), style)
            except NotANumber:
                return None
            tokens.append(v * SUFFIX_SCALES.get(m.group(2), 1.0))
        elif part.lower() in NUMBER_WORDS:
            tokens.append(part.lower())
        else:
            return None
    v = words_value(tokens)
    return None if v is None else sign * v


# ---------------------------------------------------------------------------------------------
# Ordinals: `thứ nhất`, `đầu tiên`, `thứ 1`, `thứ tư`, `hạng nhì`, `khóa XIII`
# ---------------------------------------------------------------------------------------------
ORDINAL_SPECIAL = {"nhất": 1, "nhì": 2, "tư": 4}
ORDINAL_PREFIXES = ("thứ", "hạng", "lần thứ", "vị trí thứ", "vị trí số", "số")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def read_roman(s: str) -> int | None:
    """`XIII` -> 13, `IV` -> 4; None when `s` is not a well-formed Roman numeral."""
    if not s or not re.fullmatch(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total


def read_ordinal(text: str) -> int | None:
    """The position an ordinal names, or None.

    `đầu tiên` -> 1; `thứ nhất` -> 1; `thứ nhì` -> 2; `thứ tư` -> 4; `thứ 1` / `thứ 02` -> 1 / 2;
    `thứ hai mươi mốt` -> 21; `hạng nhất`, `lần thứ 12`, `vị trí số 3`; a Roman numeral after `thứ`
    or alone (`thứ XIII`, `XIII`) -> 13. The finder records ordinals as skipped numbers (reason
    `ordinal`), not as mentions; ranks (`xếp thứ 5`) are mentions of kind `rank`.
    """
    s = " ".join(text.strip().split())
    low = s.lower()
    if low == "đầu tiên":
        return 1
    rest = None
    for p in sorted(ORDINAL_PREFIXES, key=len, reverse=True):
        if low.startswith(p + " "):
            rest, low_rest = s[len(p) + 1:], low[len(p) + 1:]
            break
    if rest is None:
        return read_roman(s)
    if low_rest in ORDINAL_SPECIAL:
        return ORDINAL_SPECIAL[low_rest]
    if re.fullmatch(r"\d+", rest):
        return int(rest)
    r = read_roman(rest)
    if r is not None:
        return r
    v = read_number_text(low_rest)
    if v is None or v != int(v) or v < 0:
        return None
    return int(v)
