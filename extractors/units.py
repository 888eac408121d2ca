"""Units and counted nouns: what a number counts (`xã`, `nhiệm vụ`, `quần chúng ưu tú`, `tấn`).

ANNOTATION.md keeps the counted noun as written. Measurement units are one token (`tấn`, `ha`);
counted nouns are the longest entry of the lexicon (`nhiệm vụ trọng tâm`, `quần chúng ưu tú`),
a coordinated list of lexicon nouns as written (`huyện, thành phố`, `sở, ngành`), else the first
word of underthesea's segmentation of what follows (cached: one call per distinct phrase).

`counted_noun(toks, j, text)` works on the mention finder's tokens (objects with `kind`, `text`,
`start`, `end`); `per_unit(toks, j, text)` reads the `/xã`, `/người/năm` tail of a unit.

Both word lists are data: `extractors/lexicon/measures.tsv` and `extractors/lexicon/counted_nouns.tsv`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import lexicon
from extractors.gazetteer import find_province

MEASURES = set(lexicon.column("measures", "unit"))
MEASURES_LOWER = {m.lower() for m in MEASURES}   # (a unit written in capitals: `2.204,22Km`)
# Counted nouns, as they appear in provincial reports. Compounds that are themselves the counted
# noun stay whole (`quần chúng ưu tú`, `nhiệm vụ trọng tâm`, `khâu đột phá`, `Giám đốc sở`).
COUNTED = list(lexicon.column("counted_nouns", "noun"))
COUNTED_ABBREVIATIONS = frozenset(r["abbreviation"] for r in lexicon.rows("abbreviations") if r["counted"] == "yes")
_LEX_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")


def _lex(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _LEX_TOKEN.findall(phrase))


_COUNTED_TOKENS = sorted({_lex(c) for c in COUNTED}, key=len, reverse=True)
COUNTED_SET = {" ".join(c) for c in _COUNTED_TOKENS} | {c.lower() for c in COUNTED}
_MAX_LEX = max(len(c) for c in _COUNTED_TOKENS)
# Nouns that are listed together as one counted group (`9 huyện, thành phố`, `12 sở, ngành`).
COORDINABLE = {
    "huyện", "thành phố", "thị xã", "xã", "phường", "thị trấn", "thành ủy", "thị ủy", "huyện ủy", "sở", "ngành",
    "ban", "cơ quan", "đơn vị", "chỉ tiêu", "nhiệm vụ", "cơ chế", "chính sách", "đảng bộ", "chi bộ",
    "chi bộ cơ sở", "đảng bộ cơ sở", "tập thể", "cá nhân", "địa phương", "doanh nghiệp", "hợp tác xã", "thôn",
    "xóm", "tổ dân phố", "khu dân cư", "bản", "trường học", "chương trình", "đề án", "dự án", "tổ chức",
    "hội", "đoàn thể", "giải pháp", "mặt trận",
}
# Words that never start a counted noun: verbs, prepositions, conjunctions.
NOT_NOUN = {
    "so", "với", "và", "trong", "đến", "tới", "của", "là", "được", "đạt", "tăng", "giảm", "trên", "dưới", "hơn",
    "theo", "từ", "cho", "tại", "ở", "thì", "mà", "nhưng", "hoặc", "hay", "nên", "vì", "do", "để", "bằng", "về",
    "còn", "có", "đã", "sẽ", "đang", "vượt", "chiếm", "gồm", "như", "khi", "này", "đó", "nay", "lần", "trở",
    "năm", "tháng", "ngày", "quý", "tuần", "giờ", "phút", "thứ", "the", "of", "cùng", "kỳ", "nữa", "thêm",
    "trước", "sau", "lên", "xuống", "ra", "vào", "ước", "dự", "kiến", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "trăm",
    "mươi", "chục", "lẻ", "linh", "phần", "đơn", "bình", "quân", "trung", "mỗi", "các", "những", "mọi",
    "không", "chưa", "cũng", "đều", "vẫn", "rất", "nhất", "thì", "mới", "lại", "tiếp", "qua", "bị", "phải",
    "cần", "nhằm", "gấp", "trở", "tại", "bao", "gần", "khoảng", "xấp", "xỉ", "tầm", "chừng", "ít", "nhiều",
    "đây", "kia", "ấy", "nào", "gì", "hết", "hầu", "luôn", "vừa", "đầu", "cuối", "giữa", "ngoài", "sang",
    "thuộc", "trực", "tổng", "số", "và", "hoàn", "thực", "đi", "lúc", "nếu", "tuy", "dù", "nhờ", "bởi",
    "tức", "gồm", "kể", "riêng", "chỉ", "thấp", "cao", "lớn", "nhỏ", "tốt", "xấu", "vượt", "cả",
}
# What may follow a `/` in a unit: time units, `vạn dân`, and any counted noun or measure.
PER_TIME = ("năm", "tháng", "ngày", "quý", "tuần", "giờ", "vụ", "ca", "lượt", "người", "hộ", "ha", "km", "xã")
PER_POP = ("vạn dân", "nghìn dân", "ngàn dân", "1.000 dân", "100.000 dân", "10.000 dân", "1.000 người", "1 vạn dân",
           "10 nghìn dân", "1 nghìn dân", "100 nghìn dân", "1 triệu dân")
_NBSP_GAPS = (" ", "\u00a0")
_JOINING_GAPS = _NBSP_GAPS + ("",)


def _gap(text: str, toks, a: int, b: int) -> str:
    return text[toks.end[a]:toks.start[b]]


def _collect(toks, j: int, text: str, limit: int):
    """Up to `limit` tokens from j that may make a noun phrase: words, and `,`/`-` inside it."""
    kind, low, starts, ends = toks.kind, toks.low, toks.start, toks.end
    stop = min(len(kind), j + limit)
    k = j
    while k < stop:
        if kind[k] != "word" and not (k > j and toks.text[k] in (",", "-")):
            break
        if k > j and text[ends[k - 1]:starts[k]] not in _JOINING_GAPS:   # (so no newline either)
            break
        k += 1
    return low[j:k]


_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _c in _COUNTED_TOKENS:            # longest first within each first token
    _BY_FIRST.setdefault(_c[0], []).append(_c)


def _lexicon_match(low: list[str]) -> int:
    """Length in tokens of the longest lexicon noun at the start of `low` (0 if none)."""
    if not low:
        return 0
    for cand in _BY_FIRST.get(low[0], ()):
        n = len(cand)
        if tuple(low[:n]) == cand:
            return n
    return 0


def counted_noun(toks, j: int, text: str):
    """(noun as written, index of its last token) for the noun after token j-1, else (None, j-1)."""
    if j >= len(toks.kind) or toks.kind[j] != "word":
        return None, j - 1
    gap = _gap(text, toks, j - 1, j) if j > 0 else ""
    if gap not in _NBSP_GAPS and not (gap == "" and (toks.text[j] in MEASURES or toks.low[j] in MEASURES_LOWER)):
        return None, j - 1
    if starts_none(toks, j):
        return None, j - 1   # what the reading below comes to, known from the first word
    low = _collect(toks, j, text, max(_MAX_LEX, 5))
    if not low:
        return None, j - 1
    first = toks.text[j]
    n = _lexicon_match(low)
    if low[0] == "héc" and len(low) >= 3 and low[1] == "-" and low[2] == "ta" \
            and toks.end[j] == toks.start[j + 1] and toks.end[j + 1] == toks.start[j + 2]:
        return text[toks.start[j]:toks.end[j + 2]], j + 2   # `545 héc-ta`: the tokenizer splits it
    if low[0] in MEASURES_LOWER and n <= 1:
        # a measure unit (`tấn`, `ha`, `km`) is one token, `km2`/`m3` two; `lượt khách` is a noun
        last = _power_suffix(toks, j)
        return text[toks.start[j]:toks.end[last]], last
    if n:
        last = j + n - 1
        head = " ".join(low[:n])
        # coordinated lists: `huyện, thành phố`, `sở, ngành`, `đảng bộ, chi bộ cơ sở`
        while last + 2 < len(toks.kind):
            k = last + 1
            if toks.text[k] != "," or _gap(text, toks, last, k) != "" \
                    or _gap(text, toks, k, k + 1) not in _NBSP_GAPS:
                break
            rest = _collect(toks, k + 1, text, _MAX_LEX)
            m = _lexicon_match(rest)
            nxt = " ".join(rest[:m])
            if not m or head not in COORDINABLE or nxt not in COORDINABLE or nxt == head:
                break
            last, head = k + m, nxt
        return text[toks.start[j]:toks.end[last]], last
    if first in COUNTED_ABBREVIATIONS:
        # `241 ĐV`, `35 ĐV mới`, `12 TCCSĐ`: a counted noun written short
        last = j + 1 if j + 1 < len(toks.kind) and toks.low[j + 1] == "mới" and \
            _gap(text, toks, j, j + 1) in _NBSP_GAPS else j
        return text[toks.start[j]:toks.end[last]], last
    if low[0] in NOT_NOUN or first.isupper() or len(first) == 1:
        return None, j - 1
    # Not in the lexicon: the first word of underthesea's segmentation of the phrase.
    words = [t for t in low[:5] if t not in (",", "-")]
    n = _first_word_syllables(" ".join(words))
    if n == 0:
        return None, j - 1
    last = j + n - 1
    noun = text[toks.start[j]:toks.end[last]]
    if first[0].isupper() and _is_place(noun):
        return None, j - 1
    return noun, last


def starts_none(toks, j: int) -> bool:
    """Whether the word token j starts no counted noun or unit, as `counted_noun` reads it: no lexicon noun or
    measure starts with it, it is no abbreviation, and it is a word that never starts one, upper-case or one
    letter (what it would find at the end, read from the first word alone)."""
    first, w0 = toks.text[j], toks.low[j]
    return w0 not in _BY_FIRST and w0 not in MEASURES_LOWER and first not in COUNTED_ABBREVIATIONS \
        and (w0 in NOT_NOUN or first.isupper() or len(first) == 1)


def per_unit(toks, j: int, text: str):
    """The `/xã`, `/vạn dân`, `/năm` after a unit ending at token j-1: (`/xã` text, last token) or None."""
    if j + 1 >= len(toks.kind) or toks.text[j] != "/" or toks.start[j] != toks.end[j - 1] \
            or toks.start[j + 1] != toks.end[j]:
        return None
    nxt_start, nxt_text = toks.start[j + 1], toks.text[j + 1]
    if toks.kind[j + 1] == "num":
        # `/1.000 dân`, `/vạn dân`
        if j + 2 < len(toks.kind) and text[nxt_start:toks.end[j + 2]] in PER_POP:
            return text[nxt_start:toks.end[j + 2]], j + 2
        if j + 3 < len(toks.kind) and text[nxt_start:toks.end[j + 3]] in PER_POP:
            return text[nxt_start:toks.end[j + 3]], j + 3   # `/1 vạn dân`
        return None
    if toks.kind[j + 1] != "word":
        return None
    two = text[nxt_start:toks.end[j + 2]] if j + 2 < len(toks.kind) else ""
    if two.lower() in PER_POP:
        return two, j + 2
    if nxt_text.lower() in PER_TIME or nxt_text in MEASURES:
        last = _power_suffix(toks, j + 1) if nxt_text in MEASURES else j + 1
        return text[nxt_start:toks.end[last]], last
    low = _collect(toks, j + 1, text, _MAX_LEX)
    n = _lexicon_match(low)
    if n:
        return text[nxt_start:toks.end[j + n]], j + n
    return None


def _power_suffix(toks, j: int) -> int:
    """`km2`, `m3` are tokenized `km` + `2`: the last token of the unit starting at token j."""
    if toks.text[j] in ("m", "km", "cm", "mm", "dm") and j + 1 < len(toks.kind) and toks.start[j + 1] == toks.end[j] \
            and toks.text[j + 1] in ("2", "3") and (j + 2 >= len(toks.kind) or toks.start[j + 2] > toks.end[j + 1]
                                                    or toks.kind[j + 2] == "sym"):
        return j + 1
    return j


def is_known_noun(unit: str | None) -> bool:
    """A unit from the lexicon, the measures, or a list of lexicon nouns (`huyện, thành phố`)."""
    if not unit:
        return False
    u = unit.lower().replace("\u00a0", " ")
    if u in COUNTED_SET or unit in MEASURES or u in MEASURES_LOWER:
        return True
    base = u.split("/")[0]
    parts = [p.strip() for p in base.split(",")]
    return all(p in COUNTED_SET or p in MEASURES_LOWER for p in parts)


@lru_cache(maxsize=65536)
def _first_word_syllables(phrase: str) -> int:
    from underthesea import word_tokenize
    toks = word_tokenize(phrase)
    return len(toks[0].split()) if toks else 0


def _is_place(noun: str) -> bool:
    return find_province(noun) is not None
