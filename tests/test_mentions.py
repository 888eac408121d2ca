"""The mention finder (extractors/mentions/): every kind, unit, qualifier and dash of ANNOTATION.md,
and every class of non-mention, each skipped with its reason. Offsets are exact throughout."""
from __future__ import annotations

import math

import pytest

from extractors.mentions import find

F = ("text", "kind", "value", "low", "high", "denominator", "unit", "qualifier")


def mentions_of(text: str, **kw):
    ms, skipped = find(text, **kw)
    for m in ms + skipped:
        assert text[m.start:m.end] == m.text, (m.start, m.end, m.text)
    return ms, skipped


def same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)
    return a == b


def check(text, expected):
    """`expected`: one tuple per mention, in order, of (text, kind, value, low, high, den, unit, qualifier)."""
    ms, _ = mentions_of(text)
    got = [tuple(getattr(m, f) for f in F) for m in ms]
    assert len(got) == len(expected), f"{text!r}\n got {got}"
    for g, e in zip(got, expected):
        assert all(same(x, y) for x, y in zip(g, e)), f"{text!r}\n got  {g}\n want {e}"


def q(text, value, unit, qualifier=None):
    return (text, "quantity", value, None, None, None, unit, qualifier)


def pct(text, value, qualifier=None, unit="%"):
    return (text, "percent", value, None, None, None, unit, qualifier)


def money(text, value, unit="VND", qualifier=None):
    return (text, "money", value, None, None, None, unit, qualifier)


def rng(text, low, high, unit, qualifier=None):
    return (text, "range", None, low, high, None, unit, qualifier)


def frac(text, value, den, unit):
    return (text, "fraction", value, None, None, den, unit, None)


def rank(text, value, den=None, unit=None):
    return (text, "rank", value, None, None, den, unit, None)


def mult(text, value, qualifier=None):
    return (text, "multiplier", value, None, None, None, "times", qualifier)


# --- numbers as printed ------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("kết nạp 2.101 đảng viên", [q("2.101 đảng viên", 2101, "đảng viên")]),
    ("dân số 1.009.589 người", [q("1.009.589 người", 1009589, "người")]),
    ("tăng 9,54%", [pct("9,54%", 9.54)]),
    ("có 07 xã đạt chuẩn", [q("07 xã", 7, "xã")]),
    ("tổng 1.009.589 triệu đồng", [money("1.009.589 triệu đồng", 1.009589e12)]),
    ("xấp xỉ 40 ngàn tỷ đồng", [money("xấp xỉ 40 ngàn tỷ đồng", 4e13, qualifier="approx")]),
    ("xấp xỉ đạt 40 ngàn tỷ đồng", [money("xấp xỉ đạt 40 ngàn tỷ đồng", 4e13, qualifier="approx")]),
    ("vốn 12.345 tỷ 250 triệu đồng", [money("12.345 tỷ 250 triệu đồng", 1.234525e13)]),
    ("chi 1 tỷ 420 triệu đồng", [money("1 tỷ 420 triệu đồng", 1.42e9)]),
    ("giá 2 triệu rưỡi đồng", [money("2 triệu rưỡi đồng", 2.5e6)]),
    ("đạt 1,6 tỷ USD", [money("1,6 tỷ USD", 1.6e9, "USD")]),
    ("thu 550 ngàn tấn", [q("550 ngàn tấn", 550000, "tấn")]),
    ("đạt 1.236 tỉ đồng", [money("1.236 tỉ đồng", 1.236e12)]),
    # English-style documents and forms
    ("đạt 21,305.4 triệu USD", [money("21,305.4 triệu USD", 2.13054e10, "USD")]),
    ("đạt 456.75 tỷ đồng", [money("456.75 tỷ đồng", 4.5675e11)]),
    # number words
    ("hai mươi lăm xã", [q("hai mươi lăm xã", 25, "xã")]),
    ("hai mươi mốt nghìn không trăm mười một người", [q("hai mươi mốt nghìn không trăm mười một người", 21011, "người")]),
    ("tặng ba trăm đồng chí", [q("ba trăm đồng chí", 300, "đồng chí")]),
    ("tối thiểu mười chi bộ", [q("tối thiểu mười chi bộ", 10, "chi bộ", "at_least")]),
    ("mười nghìn đoàn viên thanh niên", [q("mười nghìn đoàn viên thanh niên", 10000, "đoàn viên thanh niên")]),
    ("ba khâu đột phá", [q("ba khâu đột phá", 3, "khâu đột phá")]),
    ("Bốn\u00a0nhiệm vụ trọng tâm", [q("Bốn\u00a0nhiệm vụ trọng tâm", 4, "nhiệm vụ trọng tâm")]),
    ("một nghìn tỷ đồng", [money("một nghìn tỷ đồng", 1e12)]),
    # signs
    ("tăng trưởng âm 2,5%", [pct("âm 2,5%", -2.5)]),
    ("chỉ số -1,2% so với năm trước", [pct("-1,2%", -1.2)]),
    ("giảm 5,7%", [pct("giảm 5,7%"[5:], 5.7)]),   # a verb of decrease gives no sign
])
def test_numbers_in_text(text, expected):
    check(text, expected)


# --- kinds ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    # fractions
    ("kết nạp được 2.101/2.000 chỉ tiêu", [frac("2.101/2.000 chỉ tiêu", 2101, 2000, "chỉ tiêu")]),
    ("hoàn thành 20/23 nhiệm vụ, đạt xấp xỉ 87%",
     [frac("20/23 nhiệm vụ", 20, 23, "nhiệm vụ"), pct("xấp xỉ 87%", 87, "approx")]),
    ("171/182 xã (tỷ lệ 94%)", [frac("171/182 xã", 171, 182, "xã"), pct("94%", 94)]),
    ("giải ngân 3.708/4.120 tỷ đồng", [frac("3.708/4.120 tỷ đồng", 3.708e12, 4.12e12, "VND")]),
    ("thu 1.350/900 tỷ đồng", [frac("1.350/900 tỷ đồng", 1.35e12, 9e11, "VND")]),
    ("đạt 91,5%/80% kế hoạch", [frac("91,5%/80%", 91.5, 80, "%")]),
    ("có 415 trong tổng số 430 đảng viên", [frac("415 trong tổng số 430 đảng viên", 415, 430, "đảng viên")]),
    ("có 1.035 trong tổng số 1.560 khu dân cư", [frac("1.035 trong tổng số 1.560 khu dân cư", 1035, 1560, "khu dân cư")]),
    ("12 xã trong số 15 xã", [frac("12 xã trong số 15 xã", 12, 15, "xã")]),
    ("3 trên 5 chỉ tiêu", [frac("3 trên 5 chỉ tiêu", 3, 5, "chỉ tiêu")]),
    ("hai phần ba số xã", [frac("hai phần ba", 2, 3, None)]),
    ("năm mươi phần trăm số hộ", [pct("năm mươi phần trăm", 50)]),
    # ranks
    ("xếp thứ 32/63 tỉnh", [rank("xếp thứ 32/63 tỉnh", 32, 63, "tỉnh")]),
    ("chỉ số PCI xếp thứ 5", [rank("xếp thứ 5", 5)]),
    ("đứng thứ 02/11 tỉnh", [rank("đứng thứ 02/11 tỉnh", 2, 11, "tỉnh")]),
    ("đứng thứ 9 cả nước", [rank("đứng thứ 9", 9)]),
    ("đứng thứ hai cả nước", [rank("đứng thứ hai", 2)]),
    ("xếp thứ nhất toàn quốc", [rank("xếp thứ nhất", 1)]),
    ("xếp hạng nhì", [rank("xếp hạng nhì", 2)]),
    # multipliers
    ("gấp 4,45 lần so với năm 2021", [mult("gấp 4,45 lần", 4.45)]),
    ("tăng 1,13 lần so với năm 2022", [mult("1,13 lần", 1.13)]),
    ("tăng gấp đôi", [mult("gấp đôi", 2)]),
    ("gấp ba so với năm 2015", [mult("gấp ba", 3)]),
    ("gấp ba lần", [mult("gấp ba lần", 3)]),
    ("gấp rưỡi năm trước", [mult("gấp rưỡi", 1.5)]),
    ("gấp gần 4 lần năm 2019", [mult("gấp gần 4 lần", 4, "approx")]),
    ("giảm còn một nửa so với năm 2021", [mult("một nửa", 0.5)]),
    ("giảm gần một nửa", [mult("gần một nửa", 0.5, "approx")]),
    ("chiếm khoảng một nửa tổng số", [mult("khoảng một nửa", 0.5, "approx")]),
    ("giảm nửa", [mult("nửa", 0.5)]),
    ("gấp 1,5-2 lần", [rng("gấp 1,5-2 lần", 1.5, 2, "times")]),
    ("gấp 2 đến 3 lần", [rng("gấp 2 đến 3 lần", 2, 3, "times")]),
    # percents and percentage points
    ("cao hơn 0,5 điểm phần trăm so với năm 2022", [pct("0,5 điểm phần trăm", 0.5, unit="điểm phần trăm")]),
    ("tăng 2 điểm %", [pct("2 điểm %", 2, unit="điểm phần trăm")]),
    ("đạt 95 phần trăm", [pct("95 phần trăm", 95)]),
    # quantities: counted nouns, measures, lists, compounds
    ("215 tấn gạo", [q("215 tấn", 215, "tấn")]),
    ("kết nạp 1.870 quần chúng ưu tú", [q("1.870 quần chúng ưu tú", 1870, "quần chúng ưu tú")]),
    ("9 huyện, thành phố", [q("9 huyện, thành phố", 9, "huyện, thành phố")]),
    ("12 sở, ngành", [q("12 sở, ngành", 12, "sở, ngành")]),
    ("50 đảng bộ, chi bộ cơ sở", [q("50 đảng bộ, chi bộ cơ sở", 50, "đảng bộ, chi bộ cơ sở")]),
    ("9 huyện, 5 xã", [q("9 huyện", 9, "huyện"), q("5 xã", 5, "xã")]),
    ("312 km đường giao thông", [q("312 km", 312, "km")]),
    ("trên 12 ngàn trường hợp", [q("trên 12 ngàn trường hợp", 12000, "trường hợp", "over")]),
    ("137 em được hỗ trợ", [q("137 em", 137, "em")]),
    ("72,95 điểm", [q("72,95 điểm", 72.95, "điểm")]),
])
def test_kinds(text, expected):
    check(text, expected)


# --- units per unit, currencies ------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("17,8 tiêu chí/xã", [q("17,8 tiêu chí/xã", 17.8, "tiêu chí/xã")]),
    ("67,5 tạ/ha", [q("67,5 tạ/ha", 67.5, "tạ/ha")]),
    ("mật độ 450 người/km2", [q("450 người/km2", 450, "người/km2")]),
    ("diện tích 1.200 m2 sàn", [q("1.200 m2", 1200, "m2")]),
    ("12,8 bác sĩ/vạn dân", [q("12,8 bác sĩ/vạn dân", 12.8, "bác sĩ/vạn dân")]),
    ("75,2 triệu đồng/người/năm", [money("75,2 triệu đồng/người/năm", 7.52e7, "VND/người/năm")]),
    ("4.680.000 đồng/tháng", [money("4.680.000 đồng/tháng", 4.68e6, "VND/tháng")]),
    ("trên 39 triệu đồng/năm", [money("trên 39 triệu đồng/năm", 3.9e7, "VND/năm", "over")]),
    ("250 – 300 triệu đồng/ha/năm", [rng("250 – 300 triệu đồng/ha/năm", 2.5e8, 3e8, "VND/ha/năm")]),
    ("tăng 8,5-9,0%/năm", [rng("8,5-9,0%/năm", 8.5, 9.0, "%/năm")]),
    ("giá 40.000 đ/kg", [money("40.000 đ/kg", 40000, "VND/kg")]),
    ("40.000 VNĐ", [money("40.000 VNĐ", 40000)]),
    ("40.000 vnđ", [money("40.000 vnđ", 40000)]),
    ("2 đô la Mỹ", [money("2 đô la Mỹ", 2, "USD")]),
    ("20 euro", [money("20 euro", 20, "EUR")]),
    ("đồng chí 5 đồng chí", [q("5 đồng chí", 5, "đồng chí")]),   # `đồng chí` is not the currency
])
def test_units(text, expected):
    check(text, expected)


# --- qualifiers ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("khoảng 50 xã", [q("khoảng 50 xã", 50, "xã", "approx")]),
    ("xấp xỉ 87%", [pct("xấp xỉ 87%", 87, "approx")]),
    ("gần 100 hộ", [q("gần 100 hộ", 100, "hộ", "approx")]),
    ("chừng 300 ha", [q("chừng 300 ha", 300, "ha", "approx")]),
    ("tầm 45.000 người", [q("tầm 45.000 người", 45000, "người", "approx")]),
    ("hơn 200 người", [q("hơn 200 người", 200, "người", "over")]),
    ("trên 300 tấn", [q("trên 300 tấn", 300, "tấn", "over")]),
    ("vượt mốc 300 triệu USD", [money("vượt mốc 300 triệu USD", 3e8, "USD", "over")]),
    ("dưới 5%", [pct("dưới 5%", 5, "under")]),
    ("chưa đến 3 tiêu chí", [q("chưa đến 3 tiêu chí", 3, "tiêu chí", "under")]),
    ("không tới 200 hộ", [q("không tới 200 hộ", 200, "hộ", "under")]),
    ("từ 80% trở lên", [pct("từ 80% trở lên", 80, "at_least")]),
    ("từ 1.500 đảng viên trở lên", [q("từ 1.500 đảng viên trở lên", 1500, "đảng viên", "at_least")]),
    ("ít nhất 3 huyện", [q("ít nhất 3 huyện", 3, "huyện", "at_least")]),
    ("tối thiểu 10 xã", [q("tối thiểu 10 xã", 10, "xã", "at_least")]),
    ("không quá 5 tỷ đồng", [money("không quá 5 tỷ đồng", 5e9, qualifier="at_most")]),
    ("tối đa 20%", [pct("tối đa 20%", 20, "at_most")]),
    ("từ 7000 đồng trở xuống", [money("từ 7000 đồng trở xuống", 7000, qualifier="at_most")]),
    ("trên dưới 100 người", [q("trên dưới 100 người", 100, "người", "approx")]),
    ("ngót 2 tỷ đồng", [money("ngót 2 tỷ đồng", 2e9, qualifier="approx")]),
    ("chưa đầy 5%", [pct("chưa đầy 5%", 5, "under")]),
    # a comparative that gives a difference is no bound: `cao hơn … so với`
    ("cao hơn 1,02 điểm phần trăm so với bình quân cả nước",
     [pct("1,02 điểm phần trăm", 1.02, unit="điểm phần trăm")]),
    ("vượt 12% so với dự toán", [pct("12%", 12)]),
])
def test_qualifiers(text, expected):
    check(text, expected)


# --- ranges: every dash, with and without spaces; từ … đến/tới; scale and unit to both ends -----
DASHES = ["-", "–", "—", "\u2011", "\u2010", "\u2212"]


@pytest.mark.parametrize("dash", DASHES)
@pytest.mark.parametrize("left,right", [("", ""), (" ", " "), (" ", ""), ("", " ")])
def test_range_every_dash(dash, left, right):
    span = f"8,0{left}{dash}{right}9,5%"
    check(f"tăng {span} so với năm trước", [rng(span, 8.0, 9.5, "%")])


@pytest.mark.parametrize("text,expected", [
    ("tạo 16-17 nghìn lao động", [rng("16-17 nghìn lao động", 16000, 17000, "lao động")]),
    ("từ 16.000-17.000 việc làm mới", [rng("từ 16.000-17.000 việc làm", 16000, 17000, "việc làm")]),
    ("từ 2 đến 2,5 tỷ USD", [rng("từ 2 đến 2,5 tỷ USD", 2e9, 2.5e9, "USD")]),
    ("từ 2 tới 2,5 tỷ USD", [rng("từ 2 tới 2,5 tỷ USD", 2e9, 2.5e9, "USD")]),
    ("từ 2 tỷ USD đến 2,5 tỷ USD", [rng("từ 2 tỷ USD đến 2,5 tỷ USD", 2e9, 2.5e9, "USD")]),
    ("130 - 135 triệu đồng", [rng("130 - 135 triệu đồng", 1.3e8, 1.35e8, "VND")]),
    ("từ 8,5-9%", [rng("từ 8,5-9%", 8.5, 9, "%")]),
    ("khoảng 16-17 nghìn lao động", [rng("khoảng 16-17 nghìn lao động", 16000, 17000, "lao động", "approx")]),
    ("từ 25 đến 30 xã", [rng("từ 25 đến 30 xã", 25, 30, "xã")]),
    ("từ 60.000 tới 65.000 con", [rng("từ 60.000 tới 65.000 con", 60000, 65000, "con")]),
    ("chừng 2,5–3 tỷ đồng/km", [rng("chừng 2,5–3 tỷ đồng/km", 2.5e9, 3e9, "VND/km", "approx")]),
    ("giữa 5 và 7%", [rng("giữa 5 và 7%", 5, 7, "%")]),
    ("khoảng 8,5‑9 triệu lượt", [rng("khoảng 8,5‑9 triệu lượt", 8.5e6, 9e6, "lượt", "approx")]),
])
def test_ranges(text, expected):
    check(text, expected)


# --- non-mentions, each skipped with its reason ----------------------------------------------------
@pytest.mark.parametrize("text,skips", [
    # dates
    ("Chiều 7/1, UBND tỉnh họp.", [("Chiều 7/1", "date")]),
    ("Ngày 22/9/2021, tỉnh tổ chức hội nghị.", [("22/9/2021", "date")]),
    ("Tính đến 31-12, toàn tỉnh hoàn thành.", [("đến 31-12", "date")]),
    ("Đến hết tháng 12/2022 hoàn thành.", [("tháng 12/2022", "date")]),
    ("Trong quý II/2024 hoàn thành.", [("quý II/2024", "date")]),
    ("Trong 3 ngày 1-3/9 hoàn thành.", [("3", "duration"), ("1-3/9", "date")]),
    ("Từ 1/7, áp dụng mức mới.", [("Từ 1/7", "date")]),
    # times
    ("Cập nhật 10:24'(GMT+7).", [("10:24'(GMT+7)", "time")]),
    ("Lúc 8h30 và 14 giờ.", [("8h30", "time"), ("14 giờ", "time")]),
    # years and terms
    ("Nhiệm kỳ 2020-2025.", [("2020-2025", "term")]),
    ("Giai đoạn (2016- 2020).", [("2016- 2020", "term")]),
    ("giai đoạn 2021 – 2025", [("2021 – 2025", "term")]),
    ("Năm 2022 là năm bản lề.", [("Năm 2022", "year")]),
    # document codes
    ("Thực hiện Quy định số 371-QĐ/TU của Tỉnh ủy.", [("371-QĐ/TU", "code")]),
    ("Luật số 115/2020/QH14.", [("115/2020/QH14", "code")]),
    ("Nghị quyết 02/NQ-CP của Chính phủ.", [("02/NQ-CP", "code")]),
    ("Theo Quyết định số 1532 của UBND tỉnh.", [("Quyết định số 1532", "code")]),
    ("Kết luận 42 của Bộ Chính trị.", [("Kết luận 42", "code")]),
    ("theo quyết định số 12 của tỉnh", [("quyết định số 12", "code")]),
    # ordinal names
    ("Đại hội lần thứ 13 của Đảng.", [("lần thứ 13", "ordinal")]),
    ("Nghị quyết Đại hội 13 của Đảng.", [("Đại hội 13", "name")]),
    ("Quốc hội khóa 15 họp.", [("khóa 15", "ordinal")]),
    ("kỳ họp thứ 7 HĐND tỉnh", [("kỳ họp thứ 7", "ordinal")]),
    ("đợt dịch thứ 4", [("thứ 4", "ordinal")]),
    ("cao tốc giai đoạn 1", [("giai đoạn 1", "ordinal")]),
    # names with numbers
    ("Đại dịch COVID-19.", [("COVID-19", "name")]),
    ("Ban Chỉ đạo 35 và Seagame 31.", [("Ban Chỉ đạo 35", "name"), ("Seagame 31", "name")]),
    ("Nghị quyết Trung ương 4 khóa XII.", [("Trung ương 4", "name"), ("khóa XII", "ordinal")]),
    ("Hội nghị Trung ương 3, 4 khóa XIII.", [("Hội nghị Trung ương 3, 4", "name"), ("khóa XIII", "ordinal")]),
    # ordinals and names without digits are recorded too
    ("Đại hội XIII của Đảng, Quốc hội khóa XV.", [("Đại hội XIII", "name"), ("khóa XV", "ordinal")]),
    ("Thứ nhất, tăng cường; lần thứ tư; kỳ họp thứ mười.",
     [("Thứ nhất", "ordinal"), ("lần thứ tư", "ordinal"), ("kỳ họp thứ mười", "ordinal")]),
    ("Thứ Năm, 2/12/2021 hoàn thành.", [("Thứ Năm", "date"), ("2/12/2021", "date")]),
    ("trú tại thôn 3, xã B.", [("thôn 3", "name")]),
    ("học sinh lớp 12 dự thi", [("lớp 12", "name")]),
    ("tai nạn tại km 15+200 Quốc lộ 1A", [("km 15+200", "address"), ("Quốc lộ 1A", "name")]),
    ("Quốc lộ 1A và đường tỉnh 8B.", [("Quốc lộ 1A", "name"), ("đường tỉnh 8B", "name")]),
    # list markers
    ("(1) Tăng trưởng; (2) Phát triển.", [("(1)", "list_marker"), ("(2)", "list_marker")]),
    ("1. Tăng trưởng kinh tế", [("1.", "list_marker")]),
    # durations
    ("Sau 1 năm thực hiện.", [("1", "duration")]),
    ("5 năm xây dựng.", [("5", "duration")]),
    ("6 tháng đầu năm 2024", [("6", "duration"), ("năm 2024", "year")]),
    # phones and addresses
    ("Liên hệ 0211.3862.345 hoặc 0912345678.", [("0211.3862.345", "phone"), ("0912345678", "phone")]),
    ("Gọi +84 912 345 678.", [("+84 912 345 678", "phone")]),
    ("Đường dây nóng 1900 1234.", [("1900 1234", "phone")]),
    ("Trụ sở tại số 12 đường Lê Lợi.", [("số 12 đường", "address")]),
    # border markers
    ("Cắm cột mốc 345/2 trên biên giới.", [("cột mốc 345/2", "name")]),
])
def test_non_mentions(text, skips):
    ms, skipped = mentions_of(text)
    assert ms == [], [(m.text, m.kind) for m in ms]
    assert [(s.text, s.reason) for s in skipped] == skips


@pytest.mark.parametrize("text", [
    "Kinh tế tư nhân phát triển linh hoạt trong những năm gần đây.",
    "Một số xã còn khó khăn; một trong những địa phương dẫn đầu.",
    "Tỉnh đã có một bước tiến dài, một cách vững chắc.",
    "Hai năm liền tỉnh dẫn đầu; mười năm qua; đầu tư công.",
    "Hàng trăm hộ dân, hàng nghìn người, vài trăm người.",
    "không một ai bị bỏ lại phía sau",
    "nửa đầu năm nay, nửa tháng qua",
    "Đại hội XIII, Quốc hội khóa XV, Thứ nhất, lần thứ tư.",
])
def test_words_that_are_not_figures(text):
    ms, _ = mentions_of(text)
    assert ms == [], [(m.text, m.kind) for m in ms]


# --- mixed sentences: the figure is read, the non-figure beside it skipped -----------------------------
@pytest.mark.parametrize("text,expected,skips", [
    ("thi hành kỷ luật 09 đảng viên", [q("09 đảng viên", 9, "đảng viên")], []),
    ("tăng 7,2% (kế hoạch 8%)", [pct("7,2%", 7.2), pct("8%", 8)], []),
    ("Nghị quyết Trung ương 4 khóa XII, 5 xã", [q("5 xã", 5, "xã")], [("Trung ương 4", "name"), ("khóa XII", "ordinal")]),
    ("Dự án có tổng mức đầu tư 1.200 tỷ đồng.", [money("1.200 tỷ đồng", 1.2e12)], []),
    ("Năm 2023, tỉnh có 3/4 chỉ tiêu không đạt.", [frac("3/4 chỉ tiêu", 3, 4, "chỉ tiêu")], [("Năm 2023", "year")]),
    ("Theo Nghị định 100/2019/NĐ-CP, mức phạt từ 4 - 6 triệu đồng.",
     [rng("từ 4 - 6 triệu đồng", 4e6, 6e6, "VND")], [("100/2019/NĐ-CP", "code")]),
    ("Đến ngày 30/6/2024, toàn tỉnh có 2.500 doanh nghiệp.", [q("2.500 doanh nghiệp", 2500, "doanh nghiệp")],
     [("30/6/2024", "date")]),
    ("Sau 2 năm đạt 1,6 tỷ USD.", [money("1,6 tỷ USD", 1.6e9, "USD")], [("2", "duration")]),
])
def test_mixed(text, expected, skips):
    check(text, expected)
    _, skipped = mentions_of(text)
    assert [(s.text, s.reason) for s in skipped] == skips


@pytest.mark.parametrize("text,skips", [
    ("Dịp nghỉ lễ 30-4 và 1-5.", [("30", "date"), ("4", "date"), ("1", "date"), ("5", "date")]),
    ("Đường dây nóng 113.", [("113", "unread")]),
])
def test_bare_numbers_are_not_figures(text, skips):
    ms, skipped = mentions_of(text)
    assert ms == []
    assert [(s.text, s.reason) for s in skipped] == skips


def test_bare_number_after_a_figure_verb():
    check("Chỉ số PAPI đạt 43,5; chỉ số PCI là 65,2.", [q("43,5", 43.5, None), q("65,2", 65.2, None)])


def test_unread_numbers_are_recorded():
    # a number that is neither a mention nor a known non-mention is recorded `unread`, for coverage
    _, skipped = mentions_of("mã 12a3 xyz")
    assert all(s.reason in ("unread", "code", "name") for s in skipped)


def test_bare_numbers_mode():
    assert mentions_of("hai mươi")[0] == []
    ms, _ = mentions_of("hai mươi", bare_numbers=True)
    assert [(m.text, m.kind, m.value, m.unit) for m in ms] == [("hai mươi", "quantity", 20, None)]
    ms, _ = mentions_of("- 1.200.000", bare_numbers=True)
    assert [(m.text, m.value) for m in ms] == [("- 1.200.000", -1.2e6)]
    # in running text `- ` at a line start is a bullet, not a sign
    ms, _ = mentions_of("- 50 xã đạt chuẩn")
    assert [(m.text, m.value) for m in ms] == [("50 xã", 50)]


def test_offsets_in_a_document():
    text = ("Năm 2022, tỉnh Vĩnh Phúc đạt 20/23 nhiệm vụ, xấp xỉ 87%; thu ngân sách xấp xỉ đạt 40 ngàn tỷ đồng,\n"
            "tăng 8,0 ‑ 9,5%; xếp thứ 32/63 tỉnh; ngày 22/9/2021 ký Quy định số 371-QĐ/TU.")
    ms, skipped = mentions_of(text)
    assert [m.kind for m in ms] == ["fraction", "percent", "money", "range", "rank"]
    assert {s.reason for s in skipped} == {"year", "date", "code"}
    spans = sorted((x.start, x.end) for x in ms + skipped)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "mentions and skips do not overlap"


def test_skip_pattern_leads_find_every_match():
    """A skip pattern is searched by its lead (a weaker pattern Python's engine finds fast) and matched where the
    lead stops: the matches are exactly those of the pattern run on its own, on real text and on runs of the
    marks the patterns read."""
    import json
    import random
    from pathlib import Path

    from extractors.mentions.nonfigures import (_LEADS, _WORD_LEADS, SKIP_PATTERNS, WORD_SKIP_PATTERNS,
                                                _matches)

    root = Path(__file__).resolve().parent
    texts = [json.loads(line)["context"] for line in (root / "gold/synthetic.jsonl").open(encoding="utf-8")
             if line.strip()]
    pieces = ["0", "1", "12", "2020", "+84", " ", "\n", "/", "-", "–", ".", ",", ":", ";", "(", ")", "%", "h", "a",
              "Số", "số", "năm", "ngày", "từ", "Quyết định", "thứ", "khóa", "IV", "giờ", "Km", "Top", "thôn", "COVID",
              "Tổ", "QĐ", "x", "Thứ", "đầu tiên", "nhất", "hai", "xếp ", "Đại hội", "XIII"]
    rng = random.Random(18)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    patterns = list(zip(SKIP_PATTERNS, _LEADS)) + list(zip(WORD_SKIP_PATTERNS, _WORD_LEADS))
    assert sum(lead is not None for _, lead in patterns) >= 20
    for (reason, pat), lead in patterns:
        for text in texts:
            for ws, we in ((0, len(text)), (len(text) // 3, len(text) - 1)):
                assert [m.span() for m in _matches(pat, lead, text, ws, we)] == \
                    [m.span() for m in pat.finditer(text, ws, we)], (reason, pat.pattern[:40], text)


def test_number_style_counts_what_findall_counts():
    """`number_style` counts the English and Vietnamese ways of writing numbers where a grouped or decimal number
    starts (one scan for both): the same counts as `re.findall` over the whole text."""
    import random
    import re

    from extractors.mentions import reader
    from extractors.mentions.openers import matches_at

    pieces = ["1", "12", "123", "1234", ".", ",", " ", "%", " %", "a", "x1", "-", "\n"]
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        for pat in (reader._EN_NUMBER, reader._VI_NUMBER):
            at = [m.start() for m in reader._GROUPED_NUMBER_AT.finditer(text)]
            assert sum(1 for _ in matches_at(pat, at, text, [(0, len(text))])) == len(re.findall(pat, text)), text
    assert reader.number_style("GDP 1,234.5 tỷ, tăng 9.54%") == "en"
    assert reader.number_style("GDP 1.234,5 tỷ, tăng 9,54%") == "vi"


def test_digit_windows_are_the_merged_windows_of_each_run():
    """Pass 1 runs on windows around digits: one regex match per cluster of runs gives the windows that merging
    each run's window with the one before (when they meet or come within a window of each other) gives."""
    import random
    import re

    from extractors.mentions.nonfigures import _WINDOW, _digit_windows

    def merged(text):
        out = []
        for m in re.finditer(r"\d+", text):
            s, e = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
            if out and s <= out[-1][1] + _WINDOW:
                out[-1][1] = e
            else:
                out.append([s, e])
        return [tuple(w) for w in out]

    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice(["1", "23", " ", "x" * rng.choice((1, 100, 119, 120, 121, 239, 240, 241, 359,
                                                                     360, 361, 500))])
                       for _ in range(rng.randrange(0, 12)))
        assert _digit_windows(text) == merged(text), text


def test_tokens_read_in_pieces_are_the_tokens_of_the_whole_text(monkeypatch):
    """`tokenize` reads a long text in pieces that end with a token: the tokens, their kinds and offsets are
    those of `TOKEN_RE.finditer` over the whole text, wherever the pieces end."""
    import random

    from extractors.mentions import tokens

    monkeypatch.setattr(tokens, "_PIECE", 7)
    chars = list(" \n\t\u00a0.,12kKMG%/-aĐđ_x²") + ["ab", "   ", "\r\n"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 40)))
        assert [(t.kind, t.text, t.start, t.end, t.low) for t in tokens.tokenize(text)] == \
            [(m.lastgroup, m.group(), m.start(), m.end(), m.group().lower()) for m in tokens.TOKEN_RE.finditer(text)]


def test_decimal_commas_before_a_scale_word_make_a_text_vietnamese():
    """A date written `31.12` and one `36.8%` do not make a text English when it writes `3,2 triệu`, `1,2 triệu`:
    `6.606 tỉ đồng` there is six thousand six hundred and six billion."""
    from extractors.mentions.reader import number_style
    text = ("Ngày 31.12, ngành Du lịch đã đón 3,2 triệu lượt khách; khách quốc tế đạt 1,2 triệu lượt, chiếm tỉ lệ 36.8%. "
            "Doanh thu từ du lịch ước đạt 6.606 tỉ đồng.")
    assert number_style(text) == "vi"
    ms, _ = find(text)
    assert {m.text: m.value for m in ms}["6.606 tỉ đồng"] == 6606e9


def test_double_digits_is_not_a_count():
    ms, skipped = find("Tỉnh phấn đấu tăng trưởng hai con số trong năm 2024; trại nuôi có hai con bò giống.")
    assert [m.text for m in ms] == ["hai con"] and any(s.text == "hai con số" for s in skipped)


def test_a_result_over_its_plan_each_with_its_unit_is_a_fraction():
    ms, _ = find("Toàn tỉnh đã trồng 13.051,6 ha/20.000 ha rừng; khai thác 461.940 m3/830.000 m3 gỗ.")
    assert [(m.kind, m.value, m.denominator, m.unit) for m in ms] == [
        ("fraction", 13051.6, 20000.0, "ha"), ("fraction", 461940.0, 830000.0, "m3")]


# --- forms from real development part K (third session of 7 December) --------------------------------
def test_the_level_a_change_starts_from_is_a_figure():
    check("Điểm số tăng khá, từ 40,14 lên 40,87.",
          [("40,14", "quantity", 40.14, None, None, None, None, None),
           ("40,87", "quantity", 40.87, None, None, None, None, None)])


def test_the_place_a_ranking_moved_to_is_a_rank_and_a_move_in_places_is_no_place():
    ms, _ = mentions_of("Thứ hạng thăng 7 bậc (từ vị trí 53 lên 46).")
    assert [(m.text, m.kind) for m in ms] == [("7 bậc", "quantity"), ("vị trí 53", "rank"), ("46", "rank")]
    ms, _ = mentions_of("Quảng Ninh thăng hạng 2 bậc, dẫn đầu bảng xếp hạng.")
    assert [(m.text, m.kind) for m in ms] == [("2 bậc", "quantity")]


def test_a_list_of_days_ending_in_a_full_date_and_covid_with_a_space_are_no_figures():
    ms, skipped = mentions_of("Các đợt điều chỉnh giá vào thời điểm 01/6; 13/6 và 21/6/2022 làm giá tăng 7,99%.")
    assert [m.text for m in ms] == ["7,99%"]
    assert ("01/6; 13/6 và 21/6/2022", "date") in [(s.text, s.reason) for s in skipped]
    ms, skipped = mentions_of("Dịch Covid -19 đã được kiểm soát.")
    assert ms == [] and [s.reason for s in skipped] == ["name"]


def test_billions_with_no_unit_are_dong_and_the_dollar_capitalised():
    check("Thu nội địa đạt hơn 6,8 nghìn tỷ, tăng 12%.",
          [("hơn 6,8 nghìn tỷ", "money", 6.8e12, None, None, None, "VND", "over"),
           ("12%", "percent", 12.0, None, None, None, "%", None)])
    ms, _ = mentions_of("Kim ngạch xuất khẩu đạt 1,6 tỷ Đô la Mỹ.")
    assert [(m.text, m.kind, m.unit) for m in ms] == [("1,6 tỷ Đô la Mỹ", "money", "USD")]
    ms, _ = mentions_of("Dân số toàn tỉnh khoảng 1,2 triệu.")
    assert all(m.kind != "money" for m in ms)
