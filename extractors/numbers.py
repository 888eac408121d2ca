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
_AMBIGUOUS = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")
_DIGIT_FORM = re.compile(r"\d*(?:[.,]\d+)*")
# Vietnamese: dots group thousands (at least one group, or none), a comma marks decimals.
_VI_FULL = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*,\d+")
_EN_FULL = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+")


class NotANumber(ValueError):
    pass


def parse_digits(s: str, style: str = "vi") -> tuple[float, int]:
    """(value, decimals shown) of a printed digit string. `style` is "vi" (`.` groups, `,` decimals)
    or "en" (`,` groups, `.` decimals).

    A form only one style can have is read that way whatever the style: `1.009.589` and `1.234,5`
    are Vietnamese, `1,234,567` and `1,234.5` English, and a mark followed by other than three
    digits cannot group thousands (`1.5`, `456.75`, `9,54`, `,77` are decimals). Only `2.101` and
    `1,234` are ambiguous; they follow `style`.
    """
    s = s.strip()
    if not s or not _DIGIT_FORM.fullmatch(s):
        raise NotANumber(s)
    dots, commas = s.count("."), s.count(",")
    if dots == 0 and commas == 0:
        return float(s), 0
    if _AMBIGUOUS.fullmatch(s):                     # `2.101`, `1,234`: the style decides
        grouping = "." if style != "en" else ","
        if grouping in s:
            return float(s.replace(grouping, "")), 0
        return float(s.replace(",", ".")), 3
    if _VI_FULL.fullmatch(s):                       # 1.234,5  1.009.589  12,5
        if "," in s:
            intpart, frac = s.split(",")
            return float(intpart.replace(".", "") + "." + frac), len(frac)
        return float(s.replace(".", "")), 0
    if _EN_FULL.fullmatch(s):                       # 1,234.5  1,234,567  12.5
        if "." in s:
            intpart, frac = s.split(".")
            return float(intpart.replace(",", "") + "." + frac), len(frac)
        return float(s.replace(",", "")), 0
    if dots + commas == 1:                          # `1.5`, `9,54`, `,77`, `12.3456`
        intpart, frac = re.split(r"[.,]", s)
        return float((intpart or "0") + "." + frac), len(frac)
    raise NotANumber(s)


def read_digits(s: str, style: str = "vi") -> float:
    """The value of a printed digit string (see `parse_digits`): `read_digits("2.101") == 2101`,
    `read_digits("9,54") == 9.54`, `read_digits("1,234.5") == 1234.5`."""
    return parse_digits(s, style)[0]


def decimals_of(s: str, style: str = "vi") -> int:
    """How many decimals a printed number shows: `86,96` -> 2, `87` -> 0 (the rounding tolerance)."""
    try:
        return parse_digits(s, style)[1]
    except NotANumber:
        return 0


_UNIT_AFTER_TENS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "nhăm": 5, "sáu": 6, "bảy": 7,
                    "bẩy": 7, "tám": 8, "chín": 9}
_UNIT_ALONE = {w: v for w, v in DIGIT_WORDS.items() if w not in ("lăm", "nhăm", "mốt")}


def _digit(t) -> float | None:
    """A digit before `trăm`/`mươi`, or standing alone: a word (`hai`, `năm`) or an already-read number."""
    if isinstance(t, (int, float)):
        return float(t)
    return _UNIT_ALONE.get(t)


def _below_thousand(tokens: list) -> float | None:
    """Value of a group under a thousand, by the grammar of Vietnamese numerals, else None.

    group = [hundreds] [tens] [units]: `hai trăm`, `trăm`; `mười`, `hai mươi`/`hai chục`; after tens
    a unit is `mốt`/`một`, `tư`/`bốn`, `lăm`/`nhăm` (never `năm`: `mười năm` is ten years); after
    hundreds without tens, `linh`/`lẻ` + digit (`một trăm linh năm` = 105), a lone digit is the tens
    (`một trăm hai` = 120), `rưỡi` is fifty. Two digits side by side (`hai năm`, `không một`) are
    not a numeral.
    """
    n = len(tokens)
    if n == 0:
        return None
    i = 0
    val = 0.0
    hundreds = False
    if tokens[0] in HUNDRED_WORDS:
        val, i, hundreds = 100.0, 1, True
    elif n >= 2 and tokens[1] in HUNDRED_WORDS and _digit(tokens[0]) is not None:
        val, i, hundreds = _digit(tokens[0]) * 100, 2, True
    if hundreds and i < n:
        t = tokens[i]
        if t in HALF_WORDS:
            return val + 50 if i == n - 1 else None
        if t in FILLER_WORDS:
            if i + 2 == n and isinstance(tokens[i + 1], str) and tokens[i + 1] in _UNIT_ALONE:
                return val + _UNIT_ALONE[tokens[i + 1]]
            return None
        if i + 1 == n and isinstance(t, str) and t in _UNIT_ALONE and t != "không":
            return val + _UNIT_ALONE[t] * 10  # `một trăm hai` = 120
    tens = False
    if i < n and tokens[i] in TEN_WORDS:
        val, i, tens = val + 10, i + 1, True
    elif i + 1 < n and tokens[i + 1] in TENS_WORDS and _digit(tokens[i]) is not None:
        val, i, tens = val + _digit(tokens[i]) * 10, i + 2, True
    if i < n:
        t = tokens[i]
        if tens and isinstance(t, str) and t in _UNIT_AFTER_TENS:
            if not (t == "mốt" and tokens[i - 1] in TEN_WORDS):
                val += _UNIT_AFTER_TENS[t]
                i += 1
        elif not tens and not hundreds and _digit(t) is not None:
            val += _digit(t)
            i += 1
    if i < n and tokens[i] in HALF_WORDS and i == n - 1 and i > 0:
        return val + 0.5  # `hai rưỡi` = 2,5
    if i != n:
        return None
    return val


def words_value(tokens: list) -> float | None:
    """Value of a run of number tokens: words (`hai`, `mươi`, `nghìn`) and already-read floats.

    Scale words split the run: the value left of the largest scale times the scale, plus the
    value right of it, so scales stack (`40 ngàn tỷ` = 4e13) and chain (`12.345 tỷ 250 triệu`).
    """
    if not tokens:
        return None
    if len(tokens) == 1 and type(tokens[0]) is float:
        return 0.0 + tokens[0]   # digits alone: what `_below_thousand` makes of them
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
    if len(right) == 1 and isinstance(right[0], str) and right[0] in DIGIT_WORDS and right[0] != "không":
        # `một triệu hai` = 1,2 triệu, `ba nghìn rưỡi`'s sibling `ba nghìn tư` = 3.400: a lone digit
        # word after a scale is its next-lower tenth (say `một triệu không trăm linh hai` for 1.000.002)
        return lv * top + DIGIT_WORDS[right[0]] * top / 10
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
