"""Property tests (hypothesis): numbers printed the Vietnamese way read back to themselves, and no
input crashes the finder. Example counts are kept small enough for the whole file to run in seconds."""
from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.mentions import find
from extractors.numbers import parse_digits

# CHITIEU_HYPOTHESIS_SCALE=20 runs twenty times as many examples, for a deeper search by hand.
SCALE = int(os.environ.get("CHITIEU_HYPOTHESIS_SCALE", "1"))
FAST = settings(max_examples=150 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SCALES = {"": 1.0, "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9, "nghìn tỷ": 1e12,
          "ngàn tỷ": 1e12}
DASHES = ["-", "–", "—", "\u2011", "\u2010", "\u2212"]
PREFIXES = ["", "Tỉnh đạt ", "Năm nay, thu ngân sách đạt ", "tăng ", "kim ngạch ước đạt ", "Giá trị sản xuất là "]


def vi_print(intpart: int, frac: str) -> str:
    """`1234567`, `05` -> `1.234.567,05`: dots group thousands, a comma marks decimals."""
    s = f"{intpart:,}".replace(",", ".")
    return f"{s},{frac}" if frac else s


def en_print(intpart: int, frac: str) -> str:
    s = f"{intpart:,}"
    return f"{s}.{frac}" if frac else s


numbers = st.tuples(st.integers(min_value=0, max_value=999_999_999),
                    st.text(alphabet="0123456789", min_size=0, max_size=3))


def value_of(intpart: int, frac: str) -> float:
    return float(f"{intpart}.{frac}") if frac else float(intpart)


def close(a, b) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def only_mention(text: str):
    ms, _ = find(text)
    for m in ms:
        assert text[m.start:m.end] == m.text
    assert len(ms) == 1, (text, [(m.text, m.kind) for m in ms])
    return ms[0]


@FAST
@given(numbers)
def test_digits_round_trip(n):
    intpart, frac = n
    v, d = parse_digits(vi_print(intpart, frac))
    assert close(v, value_of(intpart, frac)) and d == len(frac)
    if intpart >= 1000 or frac and len(frac) != 3 or not frac:
        # English print reads back too where the form is unambiguous
        v, _ = parse_digits(en_print(intpart, frac), "en")
        assert close(v, value_of(intpart, frac))


@FAST
@given(numbers, st.sampled_from(PREFIXES))
def test_percent_reads_back(n, prefix):
    intpart, frac = n
    s = vi_print(intpart, frac) + "%"
    m = only_mention(f"{prefix}{s} so với cùng kỳ.")
    assert m.kind == "percent" and m.unit == "%" and m.text == s
    assert close(m.value, value_of(intpart, frac))


@FAST
@given(numbers, st.sampled_from(sorted(SCALES)), st.sampled_from(["đồng", "USD", "VNĐ"]), st.sampled_from(PREFIXES))
def test_money_reads_back(n, scale, cur, prefix):
    intpart, frac = n
    s = " ".join(x for x in (vi_print(intpart, frac), scale, cur) if x)
    m = only_mention(f"{prefix}{s}.")
    assert m.kind == "money" and m.text == s
    assert m.unit == {"đồng": "VND", "VNĐ": "VND", "USD": "USD"}[cur]
    assert close(m.value, value_of(intpart, frac) * SCALES[scale])


@FAST
@given(numbers, numbers, st.sampled_from(sorted(SCALES)), st.sampled_from(DASHES),
       st.sampled_from([("", ""), (" ", " "), (" ", ""), ("", " ")]), st.sampled_from(["%", " tỷ đồng", " xã", " đồng"]))
def test_range_reads_back(a, b, scale, dash, spaces, unit):
    lo, hi = sorted([value_of(*a), value_of(*b)])
    if lo == hi:
        return
    pa, pb = (vi_print(*a), vi_print(*b)) if value_of(*a) <= value_of(*b) else (vi_print(*b), vi_print(*a))
    sc = f" {scale}" if scale and unit in (" xã", " đồng") else ""
    s = f"{pa}{spaces[0]}{dash}{spaces[1]}{pb}{sc}{unit}"
    m = only_mention(f"Phấn đấu đạt {s} trong năm.")
    assert m.kind == "range" and m.value is None and m.text == s
    k = SCALES[scale] if sc else (1e9 if unit == " tỷ đồng" else 1.0)
    assert close(m.low, lo * k) and close(m.high, hi * k), (m.low, m.high)
    assert m.unit == {"%": "%", " tỷ đồng": "VND", " xã": "xã", " đồng": "VND"}[unit]


@FAST
@given(numbers, numbers, st.sampled_from(["đến", "tới"]), st.sampled_from(sorted(SCALES)))
def test_tu_den_range_reads_back(a, b, word, scale):
    lo, hi = sorted([value_of(*a), value_of(*b)])
    if lo == hi:
        return
    pa, pb = (vi_print(*a), vi_print(*b)) if value_of(*a) <= value_of(*b) else (vi_print(*b), vi_print(*a))
    s = " ".join(x for x in ("từ", pa, word, pb, scale, "USD") if x)
    m = only_mention(f"Mục tiêu {s}.")
    assert m.kind == "range" and m.text == s and m.unit == "USD"
    assert close(m.low, lo * SCALES[scale]) and close(m.high, hi * SCALES[scale])


@FAST
@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=999))
def test_stacked_scales_read_back(ty, trieu):
    s = f"{vi_print(ty, '')} tỷ {trieu} triệu đồng"
    m = only_mention(f"Tổng vốn {s}.")
    assert m.kind == "money" and m.text == s and close(m.value, ty * 1e9 + trieu * 1e6)


@FAST
@given(st.integers(min_value=0, max_value=99_999), st.integers(min_value=1, max_value=99_999))
def test_fraction_reads_back(a, b):
    s = f"{vi_print(a, '')}/{vi_print(b, '')} chỉ tiêu"
    m = only_mention(f"Hoàn thành {s}.")
    assert m.kind == "fraction" and m.text == s and close(m.value, a) and close(m.denominator, b)


# --- nothing crashes ------------------------------------------------------------------------------
WORDS = ["năm", "2022", "tỷ", "đồng", "%", "-", "–", "\u2011", "/", ",", ".", "từ", "đến", "khoảng", "trên", "gấp",
         "lần", "một", "nửa", "hai", "mươi", "trăm", "nghìn", "triệu", "xã", "huyện", "thứ", "xếp", "ngày", "tháng",
         "quý", "II", "Quyết định", "số", "QĐ/TU", "(1)", "trở", "lên", "trong tổng số", "đô", "la", "$", "USD",
         "VN$", "rưỡi", "phẩy", "chấm", "âm", "phần", "ba", "lần", "tổng số", "trăm", "thứ", "-", "tư", "mốt", "lăm", "k", "M", "G", "0", "07", "1.009.589",
         "9,54", "1,234.5", ",77", "\n", "\u00a0", "  ", "cột mốc", "COVID-19", "xấp xỉ", "đạt", "(", ")", ":"]


def _check_all(text: str, **kw):
    ms, skipped = find(text, **kw)
    for m in ms:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        for v in (m.value, m.low, m.high, m.denominator):
            assert v is None or math.isfinite(v)
        assert m.kind in ("fraction", "percent", "range", "money", "quantity", "rank", "multiplier")
    for s in skipped:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text


@settings(max_examples=300 * SCALE, deadline=None)
@given(st.text(max_size=80))
def test_random_unicode_does_not_crash(text):
    _check_all(text)


@settings(max_examples=300 * SCALE, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.integers(min_value=0, max_value=10**15).map(str),
                          st.text(alphabet="0123456789.,-/% ", max_size=10)), max_size=25),
       st.sampled_from([" ", "", " - "]), st.booleans())
def test_random_mixtures_do_not_crash(parts, sep, bare):
    _check_all(sep.join(parts), bare_numbers=bare)


@settings(max_examples=100 * SCALE, deadline=None)
@given(st.text(alphabet="0123456789.,", min_size=1, max_size=400))
def test_long_digit_runs_stay_finite(text):
    _check_all(text)
