"""Pass 2 of the mention finder, by kind: what a number read at a token is, and how far it reaches.

`Finder.mention_at` reads the number and its sign and qualifier into a `Draft`, then runs the steps
below in order; each either settles the figure early (a fraction in words, a duration, a bare number
that is no figure) or fills in its kind, unit and extent for the next:

1. `fraction_in_words` (`hai phần ba`)    6. `rank` (`xếp thứ 32/63 tỉnh`, `đứng thứ 5`)
2. `percent_or_money` (`8,5%`, `1,2 tỷ USD`) 7. `quantity` (a counted noun, `415 trong tổng số 430`)
3. `multiplier` (`tăng 1,13 lần`)          8. `number_words` (a numeral in words is a figure only so)
4. `range` (`8,0 ‑ 9,5%`, `từ 2 đến 2,5 tỷ`) 9. the tail: cents, units per unit, `trở lên`, `so với`
5. `fraction` (`a/b`, `91,5%/80%`)

Words that make a figure in their own right have their own readers: `multiplier_word` (`gấp đôi`,
`gấp 4,45 lần`), `rank_word` (`xếp thứ nhất`, in `ranks` with the `rank` step), `half` (`một nửa`,
`giảm nửa`).
"""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.cues import BREAKDOWN_OPEN
from extractors.mentions.draft import Draft
from extractors.mentions.nonfigures import DURATION_UNITS
from extractors.mentions.ranks import RANK_PHRASE_LAST, RANK_PREVIOUS, rank
from extractors.mentions.reader import Num
from extractors.mentions.tail import cents_after, per_units, qualifier_before, so_voi_after
from extractors.mentions.tokens import DASHES, ends_none
from extractors.numbers import DIGIT_WORDS
from extractors.record import Mention
from extractors.units import is_known_noun

# A lone `một`/`năm` is a figure before these (`một nửa`).
_WORD_UNITS_ONE = {"nửa"}
# Before a number and `lần`, these make it a multiplier (`gấp 3 lần`, `tăng 1,13 lần`).
MULT_BEFORE = {"gấp", "bằng", "tăng", "giảm", "cao gấp", "lớn gấp", "nhiều gấp", "hơn", "tăng gần", "tăng hơn",
               "tăng khoảng", "gần", "khoảng", "xấp xỉ", "trên"}
# Verbs that state a figure: after one, a number with no unit is still a quantity (`PAPI đạt 43,5`).
FIGURE_VERBS = {"đạt", "là", "còn", "tăng", "giảm", "lên", "xuống", "mức", "bằng", "chiếm", "đạt mức",
                "ở mức", "tăng lên", "giảm xuống", "giảm còn", "ước đạt", "đạt được", "tổng cộng", "tổng số",
                "tổng", "lên tới", "lên đến", "tăng thêm", "giảm bớt", "điểm", "chỉ số", ":", "="}
# Before a number in words, these make it vague (`hàng nghìn câu lạc bộ`, `vài trăm người`).
VAGUE_BEFORE = {"hàng", "vài", "mấy", "dăm", "nhiều", "mươi", "bao", "hằng", "hơn mười", "đôi", "một vài"}
WORD_MULT = {"đôi": 2.0, "rưỡi": 1.5}
# Number words that alone are never a figure (`đầu tư`, `không làm`; `words_are_figure`).
NEVER_ALONE = ("không", "tư", "lăm", "mốt", "nhăm")
# Before `nửa`, these make it a multiplier (`giảm nửa`, `hơn nửa số hộ`).
HALF_AFTER_VERB = {"giảm", "tăng", "còn", "chiếm", "bằng", "đạt", "mất", "khoảng", "gần", "hơn", "xấp xỉ",
                   "chừng", "tầm", "trên", "dưới", "gấp", "là", "có", "được", "thu hẹp", "rút ngắn", "cắt"}
# After `nửa`, these make a period or a duration (`nửa đầu năm`, `nửa tháng`), not a multiplier.
_HALF_NOT_BEFORE = DURATION_UNITS | {"đầu", "cuối", "sau", "trước", "kia", "chừng", "vời", "đêm", "đời", "buổi",
                                     "năm nay", "thế kỷ", "chặng", "vòng", "giờ"}
# the first words of the durations of two words (`thập kỷ`): a phrase of two words is one only after them
_DURATION_FIRST = {u.split()[0] for u in DURATION_UNITS if " " in u}
OF_TOTAL = ("trong tổng số", "trên tổng số", "trong số", "trên tổng", "trong tổng")
_OF_TOTAL_FIRST = {p.split()[0] for p in OF_TOTAL} | {"trên"}


def fraction_in_words(f, d: Draft):
    """`hai phần ba`, `một phần tư` (not `phần trăm`: a percent): settled here."""
    toks, j = f.toks, d.j
    if d.unit is None and d.num.has_words and not d.tail.pct and d.tail.word(0) == "phần" and j + 1 < len(toks.kind) \
            and toks.kind[j + 1] == "word" and (toks.low[j + 1] in DIGIT_WORDS or toks.low[j + 1] == "mười") \
            and f.gap(j, j + 1) == " ":
        den = f.read_num(j + 1)
        if den is not None and den.value >= 2 and den.value > d.num.value and den.value == int(den.value):
            m = Mention(toks.start[d.start_tok], toks.end[den.j - 1], "", "fraction", value=d.value,
                        denominator=den.value)
            if d.qual_tok is not None:
                m.start, m.qualifier = toks.start[d.qual_tok], d.qualifier
            return m, den.j
    return None


def percent_or_money(f, d: Draft):
    """A percent sign or `phần trăm` after the number, or a currency after or before it."""
    tail = d.tail
    if d.unit is None and tail.pct:
        d.kind, d.unit, d.end_tok = "percent", tail.pct, tail.pct_end
        d.j = tail.pct_end + 1
    elif d.unit is None and tail.currency:
        d.kind, d.unit, d.end_tok = "money", tail.currency, tail.currency_end
        d.j = tail.currency_end + 1
    elif d.unit is not None:
        d.kind = "money"


def multiplier(f, d: Draft):
    """`gấp 4,45 lần`, `tăng 1,13 lần`: `lần` after the number, a verb or qualifier before it."""
    if d.kind is None and d.tail.word(0) == "lần" and not d.tail.word(1) == "thứ":
        before = f.phrase_before(d.start_tok if d.qual_tok is None else d.qual_tok, MULT_BEFORE)
        if before is not None or (d.qual_tok is not None):
            d.kind, d.unit, d.end_tok = "multiplier", "times", d.j
            if before is not None and before[1].startswith("gấp"):
                d.text_start_tok = min(d.text_start_tok, before[0])
            d.j += 1


def range_(f, d: Draft):
    """`8,0 ‑ 9,5%`, `16-17 nghìn lao động`, `từ 2 đến 2,5 tỷ USD` (see `range_from`)."""
    rng = range_from(f, d.i if d.pre_unit is None else d.k, d.num, d.j, d.kind, d.unit)
    if rng is not None:
        r_low, r_high, r_kind, r_unit, r_end, r_next, r_dec, r_start = rng
        if r_low is not None:
            d.low, d.high = d.sign * r_low, r_high
            d.kind, d.unit, d.end_tok, d.j = r_kind, r_unit, r_end, r_next
            d.value = None
            d.decimals = max(d.decimals, r_dec)
            if r_start is not None:
                d.text_start_tok = min(d.text_start_tok, r_start)
                if d.qual_tok is None or d.qual_tok >= r_start:
                    q2, qualifier2, comp2 = qualifier_before(f, r_start)
                    if q2 is not None:
                        d.text_start_tok, d.qualifier = q2, qualifier2


# the plan a percentage after `71,5%/` is (extractors/lexicon/status_words.tsv)
_TARGET_AFTER_SLASH = lexicon.role_words("status_words", "target_after_slash")


def _chained(toks, first: int, after: int) -> bool:
    """Whether the numbers from token `first` to before token `after` (`a/b`) are part of a chain of three or more
    numbers joined by `/` without spaces (`2/2/2/…`, `12/15/20`): no fraction (a date or a code is skipped before;
    SECURITY.md)."""
    def joined(x: int) -> bool:   # token x is a `/` between two numbers, touching both
        return 0 < x < len(toks.kind) - 1 and toks.text[x] == "/" and toks.kind[x - 1] == "num" \
            and toks.kind[x + 1] == "num" and toks.end[x - 1] == toks.start[x] and toks.end[x] == toks.start[x + 1]
    return joined(first - 1) or joined(after)


def fraction(f, d: Draft):
    """`a/b` (`300/350 tỷ đồng`, `91,5%/80%`, `45/50%`, `12/15 xã`), which a rank may take over; a
    result over its target written `71,5%/ chỉ tiêu 65%`."""
    toks, j = f.toks, d.j
    if d.kind == "percent" and d.low is None and j + 1 < len(toks.kind) and toks.text[j] == "/" \
            and toks.start[j] == toks.end[j - 1]:
        k = j + 1
        for w in _TARGET_AFTER_SLASH:
            n = len(w.split())
            if f.words_at(k, n) == w:
                k += n
                break
        if k > j + 1 or toks.start[k] > toks.end[j]:   # `71,5%/ chỉ tiêu 65%`, `71,5%/ 65%`
            den = f.read_num(k) if k < len(toks.kind) and toks.kind[k] == "num" else None
            dtail = f.after(den.j) if den is not None else None
            if dtail is not None and dtail.pct and dtail.pct == "%":
                d.kind, d.unit, d.denominator = "fraction", "%", den.value
                d.end_tok, d.j = dtail.pct_end, dtail.pct_end + 1
                return
    if d.low is None and j < len(toks.kind) and toks.text[j] == "/" and toks.start[j] == toks.end[j - 1] \
            and j + 1 < len(toks.kind) and toks.kind[j + 1] == "num" and toks.start[j + 1] == toks.end[j]:
        den = f.read_num(j + 1)
        if den is not None and not _chained(toks, d.k, den.j):
            dtail = f.after(den.j)
            den_value = den.value
            f_unit = d.unit
            f_end = den.j - 1
            nj = den.j
            if d.kind == "percent" and dtail.pct:          # 91,5%/80%
                f_end, nj = dtail.pct_end, dtail.pct_end + 1
            elif d.kind is None and dtail.currency:        # 300/350 tỷ đồng
                f_unit, f_end, nj = dtail.currency, dtail.currency_end, dtail.currency_end + 1
                d.value *= den.scale
            elif d.kind is None and dtail.pct:             # 45/50%: both percentages
                f_unit, f_end, nj = "%", dtail.pct_end, dtail.pct_end + 1
            if d.kind in (None, "percent", "money") or (d.kind == "money" and d.pre_unit):
                d.kind = "fraction"
                d.unit = f_unit
                d.denominator = den_value
                d.end_tok, d.j = f_end, nj
                if d.unit is None:
                    noun, nend = f.counted_noun(d.j)
                    if noun:
                        d.unit, d.end_tok, d.j = noun, nend, nend + 1


def quantity(f, d: Draft):
    """A number with a counted noun, `415 trong tổng số 430 đảng viên` (a fraction), or after a verb
    that states a figure; durations and bare numbers are settled here as no figure."""
    if d.kind is not None:
        return None
    tail, j = d.tail, d.j
    w0 = tail.word(0)
    if w0 in DURATION_UNITS or (w0 in _DURATION_FIRST and tail.phrase(2) in DURATION_UNITS):
        return None, j  # `sau 1 năm`, `5 năm xây dựng`, `6 tháng đầu năm`: durations
    noun, nend = f.counted_noun(j)
    if d.num.decimals and not d.num.has_words and _signless_percent(f, d, noun):
        d.kind, d.unit = "percent", "%"   # `đạt 98,31 kế hoạch`, `tăng 205,08(207.723 tấn)`: the sign left out
        return None
    total = of_total(f, j if noun is None else nend + 1, allow_tren=noun is None)
    over = _over_same_unit(f, noun, nend) if noun is not None and total is None else None
    if over is not None:
        # `trồng 13.051,6 ha/20.000 ha`, `461.940 m3/830.000 m3`: a result over its plan, each with the unit
        den, den_end = over
        d.kind, d.unit, d.denominator = "fraction", noun, den.value
        d.end_tok, d.j = den_end, den_end + 1
        return None
    if total is not None:
        # `415 trong tổng số 430 đảng viên`, `9 xã trong tổng số 12 xã`: a fraction
        den, dend, dnext = total
        den_noun, den_end = f.counted_noun(dnext)
        d.kind, d.unit, d.denominator = "fraction", den_noun or noun, den.value
        d.end_tok, d.j = (den_end, den_end + 1) if den_noun else (dend, dnext)
    elif noun is None:
        if not f.bare and (d.num.has_words or f.is_year_like(d.num, d.start_tok)):
            return None, j
        if not f.bare and d.qual_tok is None and d.sign == 1.0 \
                and f.phrase_before(d.start_tok, FIGURE_VERBS) is None and not _named_list_item(f, d) \
                and not _changes_from(f, d):
            # a number with no unit, no qualifier and no verb that states a figure before
            # it (`lễ 30-4`, `tỷ số 3-1`, `đường dây nóng 113`) is left unread
            return None, j
        d.kind, d.unit = "quantity", None
        if _BILLIONS.search(d.num.raw) and not d.num.has_words:
            d.kind, d.unit = "money", "VND"   # `thu nội địa đạt hơn 6,8 nghìn tỷ`: billions with no unit are đồng
    elif not f.bare and f.is_year_like(d.num, d.start_tok) and not is_known_noun(noun):
        return None, j  # `Báo cáo PCI 2021 công bố …`: a year before a word the lexicon does not count
    else:
        d.kind, d.unit, d.end_tok, d.j = "quantity", noun, nend, nend + 1
    num = d.num
    if num.has_words and len(num.raw.split()) == 1 and num.raw.lower() in ("một", "năm", "tư", "mười") \
            and d.unit is None and not f.bare:
        return None, d.j
    return None


# A decimal share of a plan with its `%` left out (`đạt 98,31 kế hoạch`), and a decimal change with no unit whose
# amount follows in brackets (`so với năm 2015 tăng 205,08(207.723 tấn)`): percentages
_PLAN_NOUNS = {"kế hoạch", "dự toán", "kh"}
_REACHES = {"đạt", "bằng", "vượt", "hoàn thành", "đạt được", "ước đạt"}
_CHANGES = {"tăng", "giảm"}


def _signless_percent(f, d: Draft, noun: str | None) -> bool:
    if noun is not None:
        return noun in _PLAN_NOUNS and f.phrase_before(d.start_tok, _REACHES) is not None
    toks, j = f.toks, d.j
    return j < len(toks.kind) and toks.low[j] == "(" and f.phrase_before(d.start_tok, _CHANGES) is not None


# a number in billions (`6,8 nghìn tỷ`, `1.200 tỷ`): with no unit after it, an amount of đồng
_BILLIONS = re.compile(r"(?<!\w)(?:tỷ|tỉ)$", re.IGNORECASE)


def _changes_from(f, d: Draft) -> bool:
    """`từ 40,14 lên 40,87`: the level a change starts from, a figure like the one it goes to."""
    toks, k, j = f.toks, d.start_tok, d.j
    return k > 0 and toks.low[k - 1] == "từ" and j + 1 < len(toks.kind) and toks.low[j] in ("lên", "xuống") \
        and (toks.kind[j + 1] == "num" or toks.low[j + 1] == "mức")


def _over_same_unit(f, noun: str, nend: int):
    """(the denominator, where it ends) when `noun` is followed by `/` and a number with the same noun:
    `13.051,6 ha/20.000 ha`; else None."""
    toks = f.toks
    k = nend + 1
    if k + 1 >= len(toks.kind) or toks.text[k] != "/" or toks.kind[k + 1] != "num" or toks.start[k] - toks.end[k - 1] > 1:
        return None
    den = f.read_num(k + 1)
    if den is None or den.value is None:
        return None
    den_noun, den_end = f.counted_noun(den.j)
    return (den, den_end) if den_noun == noun else None


def _named_list_item(f, d: Draft) -> bool:
    """A bare number after a name in a list that breaks a figure down: `Trong đó, Thạnh Phú 121 đảng viên,
    Mỏ Cày Nam 121, Giồng Trôm 120, …`, `gồm: Mỏ Cày Nam 9, Châu Thành 8` (a count of that place or body)."""
    toks, k = f.toks, d.start_tok - 1
    names = 0
    while k >= 0 and names < 8 and (toks.text[k][:1].isupper() or toks.text[k] in ("-", "–", ".")
                                    or toks.low[k] in ("tỉnh", "huyện", "thành", "phố", "các", "cơ", "quan")):
        names += toks.text[k][:1].isupper()
        k -= 1
    if not names or k < 0 or toks.text[k] not in (",", ";", ":"):
        return False
    after = f.text[toks.end[d.end_tok]:toks.end[d.end_tok] + 2]
    if after[:1] not in (",", ";", ".", ""):
        return False
    # the list opens with a breakdown word within the sentence before
    return BREAKDOWN_OPEN.search(f.text[max(0, toks.start[k] - 400):toks.end[k]]) is not None


def number_words(f, d: Draft):
    """A number in words that is no figure (`một số`, `năm gần đây`) is settled here as none; a lone `một` before a
    noun counted one at a time (lexicon/counted_after_one.tsv: `ít nhất một huyện`) is a figure."""
    if d.num.has_words and not f.bare and not words_are_figure(d.num, d.kind, d.unit, d.end_tok) \
            and not _one_counted(f, d):
        return None, d.j
    return None


# nouns after which a lone `một` counts (lexicon/counted_after_one.tsv), and the words before it that make it an
# article instead (`từ một xã nghèo`, `là một xã vùng cao`, `mỗi xã một sản phẩm`)
ONE_COUNTED = frozenset(lexicon.column("counted_after_one", "noun"))
_ARTICLE_BEFORE = {"từ", "là", "mỗi", ",", "của", "như"}


def _one_counted(f, d: Draft) -> bool:
    return d.kind == "quantity" and d.num.raw.lower() == "một" and (d.unit or "").lower() in ONE_COUNTED \
        and not (d.start_tok > 0 and f.toks.low[d.start_tok - 1] in _ARTICLE_BEFORE)


def cents(f, d: Draft):
    """Duckling-style cents after a currency: `2 đô la và 23 xen`, `hai đô 23`."""
    if d.kind == "money" and d.unit in ("USD", "EUR", "INR", "GBP") and d.value is not None:
        c = cents_after(f, d.j)
        if c is not None:
            d.value += c[0] / 100.0
            d.end_tok, d.j = c[1], c[1] + 1


def per_unit(f, d: Draft):
    """Units per unit: `19 tiêu chí/xã`, `67 triệu đồng/người/năm`, `8,5%/năm`, `12,8 bác sĩ/vạn dân`."""
    d.unit, d.end_tok, d.j = per_units(f, d.unit, d.end_tok, d.j)


def bound_after(f, d: Draft):
    """`từ … trở lên / trở xuống`, and `80% trở lên`, `10%/năm trở lên` without `từ`: at_least, at_most."""
    toks, j = f.toks, d.j
    if j + 1 < len(toks.kind) and toks.low[j] == "trở" and toks.low[j + 1] in ("lên", "xuống"):
        if d.start_tok > 0 and toks.low[d.text_start_tok - 1] == "từ":
            d.text_start_tok -= 1
        elif d.qualifier is not None or d.kind == "range":
            return
        d.qualifier = "at_least" if toks.low[j + 1] == "lên" else "at_most"
        d.end_tok, d.j = j + 1, j + 2


def difference(f, d: Draft):
    """A comparative before the figure with `so với` after it is a difference, not a bound."""
    if d.comparative and so_voi_after(f, d.j):
        d.qualifier = None
        d.text_start_tok = d.start_tok


# The steps of `Finder.mention_at`, in order: each returns (mention or None, next token) to settle
# the figure, or None to go on.
STEPS = (fraction_in_words, percent_or_money, multiplier, range_, fraction, rank, quantity, number_words,
         cents, per_unit, bound_after, difference)


def settle(f, d: Draft):
    """The STEPS in order, as `for step in STEPS` runs them, each called only where what it tests first holds
    (most steps ask for one word or sign after the number, and do nothing for nine figures in ten): the same
    figure, without some ten calls a number (`tests/test_finder_fast_paths.py` runs both)."""
    toks = f.toks
    n = len(toks.kind)
    has_words = d.num.has_words
    if has_words and (got := fraction_in_words(f, d)) is not None:
        return got
    percent_or_money(f, d)
    if d.kind is None and d.tail.word(0) == "lần":
        multiplier(f, d)
    j = d.j
    if j < n and (toks.text[j] in DASHES or toks.low[j] in _RANGE_WORDS):    # (`range_from`'s connectives)
        range_(f, d)
    j = d.j
    if j < n and toks.text[j] == "/":
        fraction(f, d)
    s = d.start_tok
    if d.kind == "fraction" or s > 0 and (toks.low[s - 1] in RANK_PREVIOUS or not ends_none(toks, s, RANK_PHRASE_LAST)
                                          or s > 1 and toks.low[s - 1] == "trong" and toks.low[s - 2] == "đầu"):
        rank(f, d)
    got = quantity(f, d)
    if got is not None:
        return got
    if has_words and (got := number_words(f, d)) is not None:
        return got
    if d.kind == "money":
        cents(f, d)
    j = d.j
    if d.unit and j == d.end_tok + 1 and j + 1 < n and toks.text[j] == "/":   # (`units.per_unit` reads a `/`)
        per_unit(f, d)
    j = d.j
    if j + 1 < n and toks.low[j] == "trở":
        bound_after(f, d)
    if d.comparative:
        difference(f, d)
    return None


_RANGE_WORDS = ("đến", "tới", "và")


def multiplier_word(f, k: int):
    """`gấp đôi`, `gấp rưỡi`, `gấp 4,45 lần`, `gấp ba lần`."""
    toks = f.toks
    if k + 1 >= len(toks.kind):
        return None, k + 1
    if toks.kind[k + 1] == "word" and toks.low[k + 1] in WORD_MULT:
        return Mention(toks.start[k], toks.end[k + 1], "", "multiplier", value=WORD_MULT[toks.low[k + 1]],
                       unit="times"), k + 2
    num = f.read_num(k + 1)
    if num is None:
        return None, k + 1
    end = num.j - 1
    j = num.j
    if j + 1 < len(toks.kind) and (toks.text[j] in DASHES or toks.low[j] in ("đến", "tới")) \
            and "\n" not in f.text[toks.end[j - 1]:toks.start[j + 1]]:
        # `gấp 1,5-2 lần`, `gấp 2 đến 3 lần`: a range of multipliers
        num2 = f.read_num(j + 1)
        if num2 is not None and num2.value >= num.value and num2.j < len(toks.kind) and toks.low[num2.j] == "lần":
            return Mention(toks.start[k], toks.end[num2.j], "", "range", low=num.value, high=num2.value,
                           unit="times", decimals=max(num.decimals, num2.decimals)), num2.j + 1
    if j < len(toks.kind) and toks.low[j] == "lần":
        end = j
    return Mention(toks.start[k], toks.end[end], "", "multiplier", value=num.value, unit="times",
                   decimals=num.decimals), end + 1


def half(f, k: int):
    """`một nửa`, `gần một nửa`, `giảm nửa`: a multiplier of 0.5 (unit `times`).

    A bare `nửa` is one only after a verb or qualifier (`giảm nửa`, `hơn nửa số hộ`); `nửa đầu
    năm`, `nửa tháng`, `một nửa năm` are periods and durations, not figures.
    """
    toks = f.toks
    i = k
    if toks.low[k] == "một":
        if k + 1 >= len(toks.kind) or toks.low[k + 1] != "nửa" or f.gap(k, k + 1) not in (" ", "\u00a0"):
            return None
        k += 1
    elif f.phrase_before(k, HALF_AFTER_VERB) is None:
        return None
    nxt = f.words_at(k + 1, 1)
    nxt2 = f.words_at(k + 1, 2)
    if nxt in _HALF_NOT_BEFORE or nxt2 in _HALF_NOT_BEFORE:
        return None
    q_tok, qualifier, comparative = qualifier_before(f, i)
    start = q_tok if q_tok is not None else i
    if comparative and so_voi_after(f, k + 1):
        start, qualifier = i, None
    m = Mention(toks.start[start], toks.end[k], "", "multiplier", value=0.5, unit="times", qualifier=qualifier,
                decimals=1)
    return m, k + 1


def of_total(f, j: int, allow_tren: bool = False):
    """`trong tổng số 430` after a count: (the total as a Num, its last token, next token).

    `3 trên 5 chỉ tiêu` too, where the count has no noun of its own (`trên` before a number is
    otherwise the qualifier `over`)."""
    if not 0 <= j < len(f.toks.kind) or f.toks.low[j] not in _OF_TOTAL_FIRST:
        return None   # every phrase starts with `trong` or `trên`
    for phrase in OF_TOTAL + (("trên",) if allow_tren else ()):
        n = len(phrase.split())
        if f.words_at(j, n) == phrase and j + n < len(f.toks.kind) and f.toks.kind[j + n] == "num" \
                and "\n" not in f.text[f.toks.end[j - 1]:f.toks.start[j + n]]:
            den = f.read_num(j + n)
            if den is None or f.is_year_like(den, j + n):
                return None
            if f.after(den.j).pct or f.after(den.j).currency:
                return None
            return den, den.j - 1, den.j
    return None


def range_from(f, i, num: Num, j: int, kind, unit):
    """A range starting with `num` (tokens i..j-1): returns bounds, kind, unit, end token, next."""
    toks = f.toks
    r_start = None
    if i > 0 and toks.low[i - 1] in ("từ", "giữa") and toks.kind[i - 1] == "word":
        r_start = i - 1
    k = j
    if k >= len(toks.kind):
        return None
    word = toks.low[k]
    connective = None
    if toks.text[k] in DASHES:
        connective = "dash"
    elif word in ("đến", "tới") and r_start is not None and toks.low[r_start] == "từ":
        connective = "den"
    elif word in ("và",) and r_start is not None and toks.low[r_start] == "giữa":
        connective = "va"
    elif word in ("đến", "tới") and kind is None:
        connective = "den"
    if connective is None:
        return None
    if "\n" in f.text[toks.end[k - 1]:toks.end[k]]:
        return None
    if connective == "dash" and i >= 2 and toks.text[i - 1] in DASHES and toks.kind[i - 2] != "word":
        return None   # `40,21%-16,06%-43,73%`: one of a list of values joined by dashes, not a range
    k2 = k + 1
    # VND1000-VND2000: the currency may stand before the second end too
    if k2 < len(toks.kind) and toks.text[k2] in ("VND", "USD", "$", "VNĐ"):
        k2 += 1
    if k2 >= len(toks.kind) or toks.kind[k2] not in ("num", "word"):
        return None
    num2 = f.read_num(k2)
    if num2 is None:
        return None
    # years and terms are not ranges: 2020-2025
    if re.fullmatch(r"(?:19|20)\d{2}", num.raw) and re.fullmatch(r"(?:19|20)\d{2}", num2.raw):
        return None
    tail2 = f.after(num2.j)
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
        noun, nend = f.counted_noun(nxt)
        if noun is not None:
            r_unit, end, nxt = noun, nend, nend + 1
        elif unit is None and kind is None and (connective == "dash"):
            # bare `5-10` with nothing after: likely a date or score; leave it
            if re.fullmatch(r"\d{1,2}", num.raw) and re.fullmatch(r"\d{1,2}", num2.raw):
                return None
        r_kind = "range"
    if low > high:
        return None
    if connective == "dash" and nxt < len(toks.kind) - 1 and toks.text[nxt] in DASHES and toks.kind[nxt + 1] == "num":
        return None   # (its first two: `40,21%-16,06%-43,73%`)
    dec = num2.decimals
    # the record's kind is `range` whatever the unit; the unit says % or VND
    return low, high, "range", r_unit, end, nxt, dec, r_start


def words_are_figure(num: Num, kind, unit, end_tok) -> bool:
    """A number in words is a figure when it is a real numeral before a known unit or noun.

    `hai mươi lăm xã`, `ba khâu đột phá`, `mười nghìn đồng` are; `linh hoạt`, `tư nhân`,
    `không làm`, `năm gần đây`, `một số` are words, not figures.
    """
    words = num.raw.lower().split()
    if words[0][0].isdigit():
        return True  # `2 triệu rưỡi đồng`: digits lead, the words are scale and half
    if words[0] not in DIGIT_WORDS and words[0] not in ("mười", "trăm"):
        return False
    if words[0] in NEVER_ALONE and len(words) == 1:
        return False
    if len(words) == 1 and words[0] in ("một", "năm"):
        return kind in ("money", "percent", "range") or (unit is not None and unit.lower() in _WORD_UNITS_ONE)
    if kind in ("money", "percent", "range", "multiplier", "rank", "fraction"):
        return True
    return unit is not None and (is_known_noun(unit) or len(words) > 1)
