"""The number reader (extractors/numbers.py): digits as Vietnamese (and English) print them, number
words, scale words that stack, signs, ordinals."""
from __future__ import annotations

import math

import pytest

from extractors.numbers import (NotANumber, decimals_of, parse_digits, read_digits, read_number_text,
                                read_ordinal, read_roman, words_value)


def close(a, b):
    return a is not None and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)


# --- digits -------------------------------------------------------------------------------------
@pytest.mark.parametrize("s,value,decimals", [
    # Vietnamese grouping and decimals
    ("2.101", 2101, 0), ("1.009.589", 1009589, 0), ("9,54", 9.54, 2), ("86,96", 86.96, 2),
    ("1.234.567,89", 1234567.89, 2), ("1.000.000,5", 1000000.5, 1), ("0,77", 0.77, 2), (",77", 0.77, 2),
    ("100.000", 100000, 0), ("12,5", 12.5, 1), ("8,0", 8.0, 1),
    # leading zeros
    ("07", 7, 0), ("02", 2, 0), ("01,10", 1.1, 2), ("0", 0, 0), ("000", 0, 0),
    # English-style forms that only English can write
    ("1,234.5", 1234.5, 1), ("21,305.4", 21305.4, 1), ("1,234,567", 1234567, 0),
    ("1,234,567.89", 1234567.89, 2),
    # a mark followed by other than three digits is a decimal mark, whatever the style
    ("456.75", 456.75, 2), ("1.5", 1.5, 1), ("12.3456", 12.3456, 4), ("1234,567", 1234.567, 3),
    ("0,001", 0.001, 3), ("0.001", 0.001, 3),
    # plain
    ("2022", 2022, 0), ("415", 415, 0),
])
def test_parse_digits_vietnamese(s, value, decimals):
    v, d = parse_digits(s)
    assert close(v, value)
    assert d == decimals
    assert close(read_digits(s), value)
    assert decimals_of(s) == decimals


@pytest.mark.parametrize("s,vi,en", [
    ("2.101", 2101, 2.101),      # ambiguous: the document's style decides
    ("1,234", 1.234, 1234),
    ("100.000", 100000, 100.0),
    ("1.009.589", 1009589, 1009589),   # unambiguous forms read the same in either style
    ("1,234.5", 1234.5, 1234.5),
    ("9,54", 9.54, 9.54),
    ("456.75", 456.75, 456.75),
])
def test_parse_digits_style(s, vi, en):
    assert close(read_digits(s, "vi"), vi)
    assert close(read_digits(s, "en"), en)


@pytest.mark.parametrize("s", ["", "abc", "1.2.3", "1,,2", ".5.5", "1.23.456", "1,2,3", "12-3", "1 000"])
def test_not_a_number(s):
    with pytest.raises(NotANumber):
        read_digits(s)
    assert decimals_of(s) == 0


# --- words and scales ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("không", 0), ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("năm", 5), ("sáu", 6), ("bảy", 7),
    ("bẩy", 7), ("tám", 8), ("chín", 9), ("mười", 10), ("mười một", 11), ("mười bốn", 14), ("mười lăm", 15),
    ("mười lăm", 15), ("hai mươi", 20), ("hai chục", 20), ("hai mươi mốt", 21), ("hai mươi tư", 24),
    ("ba mươi ba", 33), ("năm mươi nhăm", 55), ("trăm", 100), ("một trăm", 100), ("một trăm linh năm", 105),
    ("một trăm lẻ một", 101), ("hai trăm năm mươi", 250), ("hai trăm rưỡi", 250),
    ("một trăm hai", 120),                              # colloquial: the lone digit is the tens
    ("năm nghìn", 5000), ("năm ngàn", 5000), ("hai trăm nghìn", 200000), ("hai nghìn rưỡi", 2500),
    ("ba nghìn tư", 3400), ("một triệu hai", 1200000), ("một tỷ", 1e9), ("một tỉ", 1e9), ("hai vạn", 20000),
    ("hai mươi mốt nghìn không trăm mười một", 21011),
    ("bảy trăm hai mươi mốt nghìn không trăm mười hai", 721012),
    ("một tỷ hai trăm triệu", 1.2e9), ("mười nghìn", 10000),
])
def test_number_words(text, value):
    assert close(read_number_text(text), value)


@pytest.mark.parametrize("text,value", [
    ("5 nghìn", 5000), ("40 ngàn tỷ", 4e13), ("1.009.589 triệu", 1.009589e12), ("12.345 tỷ 250 triệu", 1.234525e13),
    ("12.562 tỷ 800 triệu", 1.25628e13), ("1 tỷ 420 triệu", 1.42e9), ("2 triệu rưỡi", 2.5e6), ("1,6 tỷ", 1.6e9),
    ("16,5 nghìn tỷ", 1.65e13), ("3 nghìn tỉ", 3e12), ("100K", 1e5), ("100k", 1e5), ("3M", 3e6), ("1,2M", 1.2e6),
    ("3000K", 3e6), (",0012G", 1.2e6),
])
def test_scales_stack(text, value):
    assert close(read_number_text(text), value)


@pytest.mark.parametrize("text,value", [
    ("âm 1.200.000", -1.2e6), ("-1200000", -1.2e6), ("- 1.200.000", -1.2e6), ("-1,2M", -1.2e6),
    ("-,0012G", -1.2e6), ("âm 2,5", -2.5), ("trừ 5", -5.0),
])
def test_signs(text, value):
    assert close(read_number_text(text), value)


def test_words_value_tokens():
    assert words_value(["hai", "mươi", "mốt", "nghìn", "không", "trăm", "mười", "một"]) == 21011
    assert words_value([40.0, "ngàn", "tỷ"]) == 4e13
    assert words_value([12345.0, "tỷ", 250.0, "triệu"]) == 1.234525e13
    assert words_value([]) is None
    assert words_value(["linh", "hoạt"]) is None


@pytest.mark.parametrize("text", ["linh hoạt", "tư nhân", "một số", "năm gần đây", "hai con", "", "tỷ lệ",
                                  "1.2.3 triệu", "ba trăm triệu nghìn tỷ x"])
def test_not_number_text(text):
    assert read_number_text(text) is None


# --- ordinals -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("đầu tiên", 1), ("thứ nhất", 1), ("Thứ nhất", 1), ("thứ 1", 1), ("thứ nhì", 2), ("thứ hai", 2),
    ("thứ ba", 3), ("thứ tư", 4), ("thứ năm", 5), ("thứ mười", 10), ("thứ hai mươi mốt", 21), ("thứ 02", 2),
    ("hạng nhất", 1), ("hạng nhì", 2), ("lần thứ 12", 12), ("lần thứ tư", 4), ("vị trí số 3", 3),
    ("thứ XIII", 13), ("XIII", 13), ("IV", 4), ("XV", 15),
])
def test_read_ordinal(text, value):
    assert read_ordinal(text) == value


@pytest.mark.parametrize("text", ["thứ", "thứ abc", "IIII", "thứ 1,5", "hai", "", "năm 2022"])
def test_not_ordinal(text):
    assert read_ordinal(text) is None


def test_read_roman():
    assert [read_roman(r) for r in ("I", "II", "IX", "XIII", "XVII", "XL", "MCMXC")] == [1, 2, 9, 13, 17, 40, 1990]
    assert read_roman("IC") is None and read_roman("") is None and read_roman("ABC") is None
