"""The checks: true and planted-false cases of every check type, figures that are not comparable,
the gold documents judged consistent, the checks table of a database built from the corpus, and the
precision of the `inconsistent` verdict."""
import json
import sqlite3

import pytest

from extractors.checks import (CANNOT_TELL, CONSISTENT, INCONSISTENT, check_across, check_document, half_unit,
                               interval, vn)
from extractors.record import Mention
from extractors.sentences import Sentence


# --- figures built by hand, so these tests do not depend on the extractor ---------------------
def doc(text, *specs, doc_id="d1", province=None):
    """A document's text and its mentions; each spec is (span text, fields) or (span text, occurrence, fields).
    Sentences end at `. `."""
    sents, start = [], 0
    for k, piece in enumerate(text.split(". ")):
        end = start + len(piece) + (1 if k < text.count(". ") else 0)
        sents.append(Sentence(k, start, min(end, len(text)), text[start:min(end, len(text))], 0))
        start = start + len(piece) + 2
    ms = []
    for spec in specs:
        span, occ, fields = (spec[0], 0, spec[1]) if len(spec) == 2 else spec
        k = -1
        for _ in range(occ + 1):
            k = text.find(span, k + 1)
        assert k >= 0, span
        fields = dict(fields)
        fields.setdefault("unit", "%" if fields.get("kind") == "percent" else None)
        m = Mention(start=k, end=k + len(span), text=span, doc=doc_id, **fields)
        if province:
            m.extra["province"] = province
        ms.append(m)
    return text, ms, sents


def run(text, ms, sents):
    return check_document(text, ms, sents)


def of(checks, kind):
    return [c for c in checks if c.check_type == kind]


def pct(v, **kw):
    return {"kind": "percent", "value": v, **kw}


def frac(a, b, unit, **kw):
    return {"kind": "fraction", "value": a, "denominator": b, "unit": unit, **kw}


def qty(v, unit, **kw):
    return {"kind": "quantity", "value": v, "unit": unit, **kw}


def money(v, **kw):
    return {"kind": "money", "value": v, "unit": "VND", **kw}


# --- tolerances from the printed precision ------------------------------------------------------
def test_tolerance_follows_printed_decimals():
    _, (a, b, c), _ = doc("đạt 87%, 9,54% và 66,3%", ("87%", pct(87)), ("9,54%", pct(9.54)), ("66,3%", pct(66.3)))
    assert half_unit(a) == pytest.approx(0.5)
    assert half_unit(b) == pytest.approx(0.005)
    assert half_unit(c) == pytest.approx(0.05)


def test_money_tolerance_is_half_the_last_printed_place():
    _, (m,), _ = doc("thu 16.916 tỷ đồng", ("16.916 tỷ đồng", money(16916e9)))
    assert half_unit(m) == pytest.approx(0.5e9)
    _, (n,), _ = doc("55 dự án", ("55 dự án", qty(55, "dự án")))
    assert half_unit(n) == 0  # a count printed in full is exact


def test_qualifiers_widen_or_open_the_interval():
    _, (a, o), _ = doc("xấp xỉ 87% và trên 90%", ("xấp xỉ 87%", pct(87, qualifier="approx")),
                       ("trên 90%", pct(90, qualifier="over")))
    lo, hi = interval(a)
    assert lo < 86.5 and hi > 87.5
    assert interval(o)[1] == float("inf")


def test_vietnamese_number_format():
    assert vn(86.9565) == "86,96"
    assert vn(16916) == "16.916"
    assert vn(94.0) == "94"


# --- a fraction against its percentage ----------------------------------------------------------
@pytest.mark.parametrize("printed,value,qualifier,verdict", [
    ("xấp xỉ 87%", 87, "approx", CONSISTENT),
    ("87%", 87, None, CONSISTENT),
    ("xấp xỉ 88%", 88, "approx", CONSISTENT),
    ("86%", 86, None, INCONSISTENT),
    ("97%", 97, None, INCONSISTENT),
])
def test_fraction_against_percent(printed, value, qualifier, verdict):
    text = f"Năm 2022, người đứng đầu hoàn thành 20/23 nhiệm vụ, đạt {printed}."
    checks = run(*doc(text, ("20/23 nhiệm vụ", frac(20, 23, "nhiệm vụ")), (printed, pct(value, qualifier=qualifier))))
    (c,) = of(checks, "fraction_percent")
    assert c.verdict == verdict
    assert "86,96 %" in c.computation and c.computation.endswith(verdict)


def test_fraction_in_parentheses_and_one_decimal():
    text = "Đến nay có 171/182 xã (tỷ lệ 94%) đạt chuẩn nông thôn mới."
    (c,) = of(run(*doc(text, ("171/182 xã", frac(171, 182, "xã")), ("94%", pct(94)))), "fraction_percent")
    assert c.verdict == CONSISTENT and "93,96" in c.computation
    text = "Có 1.035 trong tổng số 1.560 khu dân cư đạt danh hiệu văn hóa, chiếm 66,4%."
    (c,) = of(run(*doc(text, ("1.035 trong tổng số 1.560 khu dân cư", frac(1035, 1560, "khu dân cư")),
                       ("66,4%", pct(66.4)))), "fraction_percent")
    assert c.verdict == INCONSISTENT  # 66,35 % is printed 66,3 %, not 66,4 %


def test_fraction_with_excess():
    text = "Huyện thu ngân sách đạt 1.350/900 tỷ đồng, vượt 50% so với dự toán."
    spec = ("1.350/900 tỷ đồng", frac(1350e9, 900e9, "VND"))
    (c,) = of(run(*doc(text, spec, ("50%", pct(50, direction="exceed", compared_to="dự toán")))),
              "fraction_percent")
    assert c.verdict == CONSISTENT
    text2 = text.replace("50%", "35%")
    (c,) = of(run(*doc(text2, spec, ("35%", pct(35, direction="exceed", compared_to="dự toán")))),
              "fraction_percent")
    assert c.verdict == INCONSISTENT


@pytest.mark.parametrize("text,percent,fields", [
    ("Huyện có 15/17 xã đạt chuẩn y tế, tỷ lệ tham gia bảo hiểm y tế đạt xấp xỉ 93%.", "xấp xỉ 93%",
     {"qualifier": "approx"}),
    ("Tỉnh có 8/9 huyện có tốc độ tăng giá trị sản xuất đạt 95%.", "95%", {}),
    ("Tỉnh có 126/130 tổ chức hoàn thành nhiệm vụ, tăng 15% so với năm 2022.", "15%",
     {"direction": "increase", "compared_to": "2022"}),
    ("Tỉnh có 9/17 chỉ tiêu đạt, 80% chỉ tiêu còn lại đạt khá.", "80%", {}),
])
def test_fraction_and_an_unrelated_percent_give_no_check(text, percent, fields):
    frac_text = text.split(" có ", 1)[1].split(" ")[0]
    a, b = (float(x) for x in frac_text.split("/"))
    unit = text.split(frac_text + " ", 1)[1].split(" ")[0]
    checks = run(*doc(text, (f"{frac_text} {unit}", frac(a, b, unit)), (percent, pct(float(percent.split()[-1][:-1]), **fields))))
    assert not of(checks, "fraction_percent")


# --- a count against its share of a total -------------------------------------------------------
@pytest.mark.parametrize("share,verdict", [("20,7%", CONSISTENT), ("27,0%", INCONSISTENT)])
def test_count_against_share_of_total_in_sentence(share, verdict):
    text = f"Năm 2022 đã luân chuyển 58 cán bộ, trong đó có 12 cán bộ nữ, chiếm {share}."
    checks = run(*doc(text, ("58 cán bộ", qty(58, "cán bộ")), ("12 cán bộ", qty(12, "cán bộ")),
                      (share, pct(float(share[:-1].replace(",", "."))))))
    (c,) = of(checks, "share_of_total")
    assert c.verdict == verdict and "20,69" in c.computation


@pytest.mark.parametrize("share,verdict", [("37,5%", CONSISTENT), ("42,5%", INCONSISTENT)])
def test_count_against_share_of_a_total_stated_earlier(share, verdict):
    text = f"Toàn tỉnh hiện có 120 xã. Năm 2023 có 45 xã đạt chuẩn, chiếm {share} tổng số xã."
    checks = run(*doc(text, ("120 xã", qty(120, "xã")), ("45 xã", qty(45, "xã")),
                      (share, pct(float(share[:-1].replace(",", "."))))))
    (c,) = of(checks, "share_of_total")
    assert c.verdict == verdict and c.scope == "document"


def test_a_share_of_the_target_is_not_a_share_of_the_total():
    """`giao 420 thanh niên …, trong đó có 35 thanh niên …, đạt 100% chỉ tiêu`: the 100% is of the target."""
    text = "Năm 2024, huyện giao 420 thanh niên nhập ngũ, trong đó có 35 thanh niên có trình độ đại học, đạt 100% chỉ tiêu."
    checks = run(*doc(text, ("420 thanh niên", qty(420, "thanh niên")), ("35 thanh niên", qty(35, "thanh niên")),
                      ("100%", pct(100.0))))
    assert not of(checks, "share_of_total")
    assert all(c.verdict != INCONSISTENT for c in checks)


@pytest.mark.parametrize("share,verdict", [("20,7%", CONSISTENT), ("6,0%", CANNOT_TELL)])
def test_a_part_of_a_total_that_is_itself_a_share_may_be_a_share_of_the_larger_whole(share, verdict):
    """`58 cán bộ, chiếm 29% cán bộ toàn huyện, trong đó có 12 cán bộ nữ, chiếm 6,0%`: the 6,0% may be of the
    district's cadres, as the 29% is; a share that agrees with the total still reads consistent."""
    text = f"Năm 2022 có 58 cán bộ, chiếm 29% cán bộ toàn huyện, trong đó có 12 cán bộ nữ, chiếm {share}."
    checks = run(*doc(text, ("58 cán bộ", qty(58, "cán bộ")), ("29%", pct(29.0)), ("12 cán bộ", qty(12, "cán bộ")),
                      (share, pct(float(share[:-1].replace(",", "."))))))
    (c,) = of(checks, "share_of_total")
    assert c.verdict == verdict


def test_share_of_another_unit_gives_no_check():
    text = "Năm 2022 đã luân chuyển 58 cán bộ, trong đó có 12 đảng viên nữ, chiếm 20,7%."
    checks = run(*doc(text, ("58 cán bộ", qty(58, "cán bộ")), ("12 đảng viên", qty(12, "đảng viên")),
                      ("20,7%", pct(20.7))))
    assert not of(checks, "share_of_total")


# --- a count against a target stated earlier ---------------------------------------------------
@pytest.mark.parametrize("share,verdict", [("105%", CONSISTENT), ("115%", INCONSISTENT)])
def test_count_against_target_of_an_earlier_sentence(share, verdict):
    text = f"Tỉnh ủy giao chỉ tiêu kết nạp 2.400 đảng viên. Năm 2023 đã kết nạp 2.520 đảng viên, đạt {share} kế hoạch."
    common = {"indicator": "kết nạp đảng viên", "entity": "Bắc Giang", "period": "2023"}
    checks = run(*doc(text, ("2.400 đảng viên", qty(2400, "đảng viên", status="target", **common)),
                      ("2.520 đảng viên", qty(2520, "đảng viên", status="actual", **common)),
                      (share, pct(float(share[:-1]), compared_to="kế hoạch", status="actual", **common))))
    (c,) = of(checks, "target_share")
    assert c.verdict == verdict and "105 %" in c.computation


def test_target_of_another_period_gives_no_check():
    text = "Năm 2022 giao chỉ tiêu kết nạp 2.400 đảng viên. Năm 2023 đã kết nạp 2.520 đảng viên, đạt 115% kế hoạch."
    common = {"indicator": "kết nạp đảng viên", "entity": "Bắc Giang"}
    checks = run(*doc(text, ("2.400 đảng viên", qty(2400, "đảng viên", status="target", period="2022", **common)),
                      ("2.520 đảng viên", qty(2520, "đảng viên", status="actual", period="2023", **common)),
                      ("115%", pct(115, compared_to="kế hoạch", period="2023", **common))))
    assert not of(checks, "target_share")


# --- parts against their total ------------------------------------------------------------------
PARTS = ("Tỉnh xác định 28 chỉ tiêu chủ yếu (4 chỉ tiêu về xây dựng Đảng; 9 chỉ tiêu về kinh tế; "
         "10 chỉ tiêu về văn hóa - xã hội; {last} chỉ tiêu về môi trường).")


@pytest.mark.parametrize("last,verdict", [(5, CONSISTENT), (6, INCONSISTENT), (4, CANNOT_TELL)])
def test_parts_against_total(last, verdict):
    """More than the total is wrong; less may be a list in parentheses that leaves parts out."""
    text = PARTS.format(last=last)
    specs = [("28 chỉ tiêu", qty(28, "chỉ tiêu")), ("4 chỉ tiêu", 0, qty(4, "chỉ tiêu")),
             ("9 chỉ tiêu", qty(9, "chỉ tiêu")), ("10 chỉ tiêu", qty(10, "chỉ tiêu")),
             (f"{last} chỉ tiêu", 1 if last == 4 else 0, qty(last, "chỉ tiêu"))]
    (c,) = of(run(*doc(text, *specs)), "parts_total")
    assert c.verdict == verdict
    assert f"= {4 + 9 + 10 + last}" in c.computation


@pytest.mark.parametrize("last,verdict", [(5, CONSISTENT), (4, INCONSISTENT)])
def test_parts_after_gom_are_all_the_parts(last, verdict):
    text = f"Tỉnh xác định 28 chỉ tiêu, gồm: 4 chỉ tiêu về Đảng; 9 chỉ tiêu về kinh tế; 10 chỉ tiêu về xã hội; {last} chỉ tiêu về môi trường."
    specs = [("28 chỉ tiêu", qty(28, "chỉ tiêu")), ("4 chỉ tiêu", 0, qty(4, "chỉ tiêu")),
             ("9 chỉ tiêu", qty(9, "chỉ tiêu")), ("10 chỉ tiêu", qty(10, "chỉ tiêu")),
             (f"{last} chỉ tiêu", 1 if last == 4 else 0, qty(last, "chỉ tiêu"))]
    (c,) = of(run(*doc(text, *specs)), "parts_total")
    assert c.verdict == verdict


def test_subset_after_trong_do():
    text = "Tỉnh thu hút 55 dự án, trong đó: 54 dự án trong nước và 1 dự án FDI."
    specs = [("55 dự án", qty(55, "dự án")), ("54 dự án", qty(54, "dự án")), ("1 dự án", qty(1, "dự án"))]
    (c,) = of(run(*doc(text, *specs)), "parts_total")
    assert c.verdict == CONSISTENT
    text = "Tỉnh thu hút 55 dự án, trong đó: 64 dự án trong nước và 1 dự án FDI."
    specs[1] = ("64 dự án", qty(64, "dự án"))
    (c,) = of(run(*doc(text, *specs)), "parts_total")
    assert c.verdict == INCONSISTENT


def test_overlapping_subsets_are_not_flagged():
    # nested categories after `trong đó` may add up to more than the total
    text = "Tỉnh có 50 xã đạt chuẩn, trong đó 30 xã đạt chuẩn nâng cao và 25 xã đạt chuẩn kiểu mẫu."
    specs = [("50 xã", qty(50, "xã")), ("30 xã", qty(30, "xã")), ("25 xã", qty(25, "xã"))]
    (c,) = of(run(*doc(text, *specs)), "parts_total")
    assert c.verdict == CANNOT_TELL


def test_parts_of_another_unit_give_no_check():
    text = "Giao nhiệm vụ cho 3 nhóm đối tượng, gồm 11 người đứng đầu; 12 giám đốc sở; 9 bí thư."
    specs = [("3 nhóm đối tượng", qty(3, "nhóm đối tượng")), ("11 người đứng đầu", qty(11, "người đứng đầu")),
             ("12 giám đốc sở", qty(12, "giám đốc sở")), ("9 bí thư", qty(9, "bí thư"))]
    assert not of(run(*doc(text, *specs)), "parts_total")


@pytest.mark.parametrize("rest,verdict", [(4, CONSISTENT), (6, INCONSISTENT), (2, CANNOT_TELL)])
def test_fraction_and_its_complement(rest, verdict):
    text = f"Tỉnh thực hiện 14/18 chỉ tiêu đạt kế hoạch, {rest} chỉ tiêu không đạt."
    checks = run(*doc(text, ("14/18 chỉ tiêu", frac(14, 18, "chỉ tiêu")), (f"{rest} chỉ tiêu", qty(rest, "chỉ tiêu"))))
    (c,) = of(checks, "parts_total")
    assert c.verdict == verdict


# --- shares that should sum to 100 % -----------------------------------------------------------
@pytest.mark.parametrize("service,verdict", [(30.6, CONSISTENT), (36.0, INCONSISTENT), (20.6, CANNOT_TELL)])
def test_shares_of_a_structure(service, verdict):
    s = vn(service, 1)
    text = (f"Cơ cấu kinh tế: nông nghiệp chiếm 22,3%; công nghiệp chiếm 41,5%; dịch vụ chiếm {s}%; "
            f"thuế sản phẩm chiếm 5,6%.")
    specs = [("22,3%", pct(22.3)), ("41,5%", pct(41.5)), (f"{s}%", pct(service)), ("5,6%", pct(5.6))]
    (c,) = of(run(*doc(text, *specs)), "shares_sum")
    assert c.verdict == verdict


def test_shares_without_a_structure_give_no_check():
    text = "Lao động nữ chiếm 60%; lao động trẻ chiếm 70%; lao động qua đào tạo chiếm 45%."
    assert not of(run(*doc(text, ("60%", pct(60)), ("70%", pct(70)), ("45%", pct(45)))), "shares_sum")


# --- a change against both values ---------------------------------------------------------------
@pytest.mark.parametrize("pp,verdict", [("0,6", CONSISTENT), ("1,6", INCONSISTENT)])
def test_percentage_points_against_both_rates(pp, verdict):
    text = f"GRDP tăng 9,1%, cao hơn {pp} điểm phần trăm so với cùng kỳ (cùng kỳ tăng 8,5%)."
    specs = [("9,1%", pct(9.1, direction="increase")),
             (f"{pp} điểm phần trăm", pct(float(pp.replace(",", ".")), unit="điểm phần trăm", direction="increase",
                                          compared_to="cùng kỳ")),
             ("8,5%", pct(8.5, direction="increase"))]
    (c,) = of(run(*doc(text, *specs)), "change")
    assert c.verdict == verdict


@pytest.mark.parametrize("times,verdict", [("1,25", CONSISTENT), ("1,52", INCONSISTENT)])
def test_multiplier_against_both_values(times, verdict):
    text = f"Năm 2023 thu ngân sách đạt 35.000 tỷ đồng, gấp {times} lần so với năm 2022 (28.000 tỷ đồng)."
    specs = [("35.000 tỷ đồng", money(35000e9)),
             (f"gấp {times} lần", {"kind": "multiplier", "value": float(times.replace(",", ".")), "unit": "times",
                                    "compared_to": "2022"}),
             ("28.000 tỷ đồng", money(28000e9))]
    (c,) = of(run(*doc(text, *specs)), "change")
    assert c.verdict == verdict


@pytest.mark.parametrize("rate,verdict", [("10%", CONSISTENT), ("18%", INCONSISTENT)])
def test_percent_change_with_the_base_in_an_earlier_sentence(rate, verdict):
    text = (f"Năm 2022 tỉnh thu ngân sách 32.000 tỷ đồng. Năm 2023 thu ngân sách đạt 35.200 tỷ đồng, "
            f"tăng {rate} so với năm 2022.")
    common = {"indicator": "thu ngân sách", "entity": "Vĩnh Phúc", "status": "actual"}
    specs = [("32.000 tỷ đồng", money(32000e9, period="2022", **common)),
             ("35.200 tỷ đồng", money(35200e9, period="2023", **common)),
             (rate, pct(float(rate[:-1]), direction="increase", compared_to="2022", period="2023", **common))]
    (c,) = of(run(*doc(text, *specs)), "change")
    assert c.verdict == verdict and c.scope == "document"


def test_change_against_a_base_of_another_unit_gives_no_check():
    text = "Doanh thu đạt 1.200 tỷ đồng, tăng 20% so với năm 2022 (1.000 lượt khách)."
    specs = [("1.200 tỷ đồng", money(1200e9)), ("20%", pct(20, direction="increase", compared_to="2022")),
             ("1.000 lượt khách", qty(1000, "lượt khách"))]
    assert not of(run(*doc(text, *specs)), "change")


# --- rank and range -----------------------------------------------------------------------------
@pytest.mark.parametrize("r,n,verdict", [(32, 63, CONSISTENT), (1, 63, CONSISTENT), (65, 63, INCONSISTENT)])
def test_rank_within_number_ranked(r, n, verdict):
    text = f"GRDP xếp thứ {r}/{n} tỉnh."
    (c,) = of(run(*doc(text, (f"xếp thứ {r}/{n} tỉnh", {"kind": "rank", "value": r, "denominator": n,
                                                       "unit": "tỉnh"}))), "rank")
    assert c.verdict == verdict


def test_rank_without_a_count_gives_no_check():
    assert not of(run(*doc("Chỉ số PCI xếp thứ 5.", ("xếp thứ 5", {"kind": "rank", "value": 5}))), "rank")


def test_range_bounds():
    (c,) = of(run(*doc("tăng 8,0 - 9,5%", ("8,0 - 9,5%", {"kind": "range", "low": 8.0, "high": 9.5, "unit": "%"}))),
              "range")
    assert c.verdict == CONSISTENT
    (c,) = of(run(*doc("tăng 9,5 - 8,0%", ("9,5 - 8,0%", {"kind": "range", "low": 9.5, "high": 8.0, "unit": "%"}))),
              "range")
    assert c.verdict == INCONSISTENT


# --- results against targets --------------------------------------------------------------------
@pytest.mark.parametrize("result,claim,verdict,outcome", [
    (8.2, "vượt kế hoạch đề ra", CONSISTENT, "exceeded"),
    (6.2, "vượt kế hoạch đề ra", INCONSISTENT, "not met"),
    (6.2, "thấp hơn kế hoạch đề ra", CONSISTENT, "not met"),
    (8.2, "thấp hơn kế hoạch đề ra", INCONSISTENT, "exceeded"),
    (6.2, "trong bối cảnh khó khăn", CANNOT_TELL, "not met"),
])
def test_result_against_target_in_the_sentence(result, claim, verdict, outcome):
    r = vn(result, 1)
    text = f"Năm 2023, tốc độ tăng trưởng kinh tế đạt {r}% (kế hoạch 7,5%), {claim}."
    common = {"indicator": "tốc độ tăng trưởng kinh tế", "entity": "Hà Tĩnh", "period": "2023"}
    specs = [(f"{r}%", pct(result, status="actual", **common)), ("7,5%", pct(7.5, status="target", **common))]
    text_, ms, sents = doc(text, *specs)
    for m in ms:
        m.sentence = text_
    (c,) = of(run(text_, ms, sents), "result_target")
    assert c.verdict == verdict and c.outcome == outcome
    assert c.ratio == pytest.approx(result / 7.5)


def test_term_target_against_a_yearly_result_across_documents():
    a = doc("Năm 2022, tốc độ tăng trưởng kinh tế đạt 9,54%.", ("9,54%", pct(9.54, status="actual", period="2022",
            indicator="tốc độ tăng trưởng kinh tế", entity="Vĩnh Phúc")), doc_id="a")
    b = doc("Nhiệm kỳ 2020-2025, tốc độ tăng trưởng kinh tế bình quân tăng 8,5-9,0%/năm.",
            ("8,5-9,0%/năm", {"kind": "range", "low": 8.5, "high": 9.0, "unit": "%/năm", "status": "target",
                              "period": "2020-2025", "indicator": "tốc độ tăng trưởng kinh tế",
                              "entity": "Vĩnh Phúc"}), doc_id="b")
    for text, ms, _ in (a, b):
        for m in ms:
            m.sentence = text
    (c,) = of(check_across(a[1] + b[1]), "result_target")
    assert c.outcome == "exceeded" and c.verdict == CANNOT_TELL and c.scope == "corpus"
    assert "2020-2025" in c.computation


def test_result_and_target_of_other_provinces_give_no_check():
    a = doc("x 9,54%", ("9,54%", pct(9.54, status="actual", period="2022", indicator="tốc độ tăng trưởng kinh tế",
                                     entity="Vĩnh Phúc")), doc_id="a")
    b = doc("y 8%", ("8%", pct(8, status="target", period="2022", indicator="tốc độ tăng trưởng kinh tế",
                               entity="Hà Tĩnh")), doc_id="b")
    assert not of(check_across(a[1] + b[1]), "result_target")


# --- the same figure across documents ----------------------------------------------------------
def _version(doc_id, printed, value, **kw):
    fields = {"status": "actual", "period": "2023", "indicator": "tốc độ tăng trưởng kinh tế", "entity": "Hà Tĩnh"}
    fields.update(kw)
    text, ms, _ = doc(f"Năm {fields['period']} tăng trưởng đạt {printed}.", (printed, pct(value, **fields)),
                      doc_id=doc_id)
    ms[0].sentence = text
    return ms


def test_versions_with_an_inferred_period_are_not_flagged():
    a, b = _version("a", "6,2%", 6.2), _version("b", "6,8%", 6.8)
    b[0].sentence = "Tăng trưởng đạt 6,8%."  # the year came from the context, not the sentence
    (c,) = of(check_across(a + b), "figure_versions")
    assert c.verdict == CANNOT_TELL


def test_figure_versions():
    meta = {"a": {"published": "2024-01-05", "url": "https://a.example/1"}, "b": {"published": "2024-02-10"}}
    (c,) = of(check_across(_version("a", "6,2%", 6.2) + _version("b", "6,20%", 6.2), meta), "figure_versions")
    assert c.verdict == CONSISTENT
    (c,) = of(check_across(_version("a", "6,2%", 6.2) + _version("b", "6,8%", 6.8), meta), "figure_versions")
    assert c.verdict == INCONSISTENT and c.difference == pytest.approx(0.6)
    assert "https://a.example/1" in c.computation and "2024-02-10" in c.computation


def test_targets_that_differ_across_sources_are_not_flagged():
    # a plan of 8% and a forecast (`dự kiến … đạt 7,25%`) for one year are both targets, not one figure misprinted
    a, b = _version("a", "8%", 8.0, status="target"), _version("b", "7,25%", 7.25, status="target")
    (c,) = of(check_across(a + b), "figure_versions")
    assert c.verdict == CANNOT_TELL and "forecast" in c.computation


@pytest.mark.parametrize("change", [{"period": "2022"}, {"entity": "Nghệ An"}, {"status": "target"},
                                    {"compared_to": "2022"}])
def test_versions_that_are_not_comparable_give_no_check(change):
    assert not of(check_across(_version("a", "6,2%", 6.2) + _version("b", "6,8%", 6.8, **change)), "figure_versions")


def test_versions_of_a_loose_indicator_are_not_flagged():
    a = doc("x 12 đồng chí", ("12 đồng chí", qty(12, "đồng chí", status="actual", period="2021",
                                                   indicator="bổ nhiệm lại cán bộ diện quản lý", entity="Vĩnh Phúc")),
            doc_id="a")[1]
    b = doc("y 17 đồng chí", ("17 đồng chí", qty(17, "đồng chí", status="actual", period="2021",
                                                   indicator="bổ nhiệm lại cán bộ diện quản lý", entity="Vĩnh Phúc")),
            doc_id="b")[1]
    (c,) = of(check_across(a + b), "figure_versions")
    assert c.verdict == CANNOT_TELL
    generic = [Mention(0, 5, "12 xã", "quantity", 12, unit="xã", indicator="xã", entity="X", period="2021",
                       status="actual", doc=d) for d in ("a", "b")]
    generic[1].value = 13
    assert not of(check_across(generic), "figure_versions")


# --- the gold documents -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gold_checks():
    from pipeline.evaluation.evaluate_checks import gold_mentions, run_all

    texts, meta, per_doc = gold_mentions()
    return run_all(texts, per_doc, meta)


def test_every_gold_figure_checked_within_a_document_is_consistent(gold_checks):
    flagged = [c.computation for c in gold_checks if c.scope != "corpus" and c.verdict == INCONSISTENT]
    assert not flagged


@pytest.mark.parametrize("doc_id,check_type,needle", [
    ("000_1c749aa0c2f63065", "fraction_percent", "20/23 = 86,96 %"),
    ("004_6f0c2117b7fe85f6", "fraction_percent", "171/182 = 93,96 %"),
    ("002_d6342a6c935f5a38", "parts_total", "= 28"),
    ("004_6f0c2117b7fe85f6", "parts_total", "= 55"),
    ("004_6f0c2117b7fe85f6", "rank", "rank 32 of 63"),
    ("syn-051", "share_of_total", "20,69 %"),
    ("syn-016", "shares_sum", "= 100 %"),
    ("syn-053", "parts_total", "126 + 4 = 130"),
    ("syn-106", "fraction_percent", "an excess of 50 %"),
    ("syn-052", "result_target", "not met"),
])
def test_seed_and_synthetic_figures_judged_consistent(gold_checks, doc_id, check_type, needle):
    hits = [c for c in gold_checks if c.check_type == check_type and doc_id in c.docs and needle in c.computation]
    assert hits, (doc_id, check_type, needle)
    assert all(c.verdict == CONSISTENT for c in hits), [c.computation for c in hits]


# --- the planted errors (read by the extractor) -------------------------------------------------
def _planted():
    from pipeline.evaluation.evaluate_checks import load_planted
    return load_planted()


@pytest.mark.parametrize("row", _planted(), ids=lambda r: r["id"])
def test_planted(row):
    from pipeline.evaluation.evaluate_checks import planted_checks, planted_outcome

    checks = planted_checks(row)
    got = [(c.verdict, c.computation) for c in checks if c.check_type == row["check"]]
    assert planted_outcome(row, checks), (row["expected"], got)


def test_every_check_type_has_a_planted_error_and_a_correct_twin():
    rows = _planted()
    for t in ("fraction_percent", "share_of_total", "target_share", "parts_total", "shares_sum", "change", "rank",
              "figure_versions", "result_target"):
        expected = {r["expected"] for r in rows if r["check"] == t}
        assert {INCONSISTENT, CONSISTENT} <= expected, t


def test_precision_of_inconsistent_is_at_least_095():
    from pipeline.evaluation.evaluate_checks import evaluate_gold, evaluate_planted, evaluate_predicted

    within, across, _ = evaluate_gold()
    pred = evaluate_predicted(which="seeds")
    planted, _ = evaluate_planted()
    flags = within.flags + pred.flags + planted.flags
    right = len(within.right) + len(pred.right) + len(planted.right)
    assert flags and right / flags >= 0.95
    assert not planted.missed


# --- the checks table ---------------------------------------------------------------------------
def copy_db(src, dst):
    """A consistent copy of a database in WAL mode (the main file alone may miss committed pages)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@pytest.fixture(scope="module")
def checked_db(built_db, tmp_path_factory):
    from pipeline.db.checks_store import run_checks

    path = copy_db(built_db, tmp_path_factory.mktemp("checks") / "chitieu.db")
    counts = run_checks(path)
    return path, counts


def test_checks_table_schema_and_links(checked_db):
    path, counts = checked_db
    c = sqlite3.connect(path)
    cols = {r[1] for r in c.execute("pragma table_info(checks)")}
    assert {"id", "check_type", "verdict", "computation", "tolerance", "mentions", "doc", "sentence",
            "stated", "computed", "difference", "ratio", "outcome", "scope"} <= cols
    assert counts["checks"] == c.execute("select count(*) from checks").fetchone()[0] > 0
    assert {r[0] for r in c.execute("select distinct verdict from checks")} <= {CONSISTENT, INCONSISTENT, CANNOT_TELL}
    # every link names a stored mention, and the mentions column lists the same keys
    assert c.execute("""select count(*) from check_mentions l left join mentions m on m.id = l.mention_id
                        where m.id is null""").fetchone()[0] == 0
    for cid, ms in c.execute("select id, mentions from checks"):
        linked = [r[0] for r in c.execute("select mention_id from check_mentions where check_id = ? order by position",
                                          [cid])]
        assert json.loads(ms) == linked


def test_checks_of_the_seeds_in_the_database(checked_db):
    path, counts = checked_db
    c = sqlite3.connect(path)
    rows = c.execute("select verdict, computation, sentence from checks where check_type = 'fraction_percent'").fetchall()
    assert any("86,96" in r[1] and r[0] == CONSISTENT and "20/23" in r[2] for r in rows)
    assert any("93,96" in r[1] and r[0] == CONSISTENT for r in rows)
    assert counts["inconsistent"] == 0  # the seeds are consistent


def test_run_checks_is_idempotent(checked_db):
    from pipeline.db.checks_store import run_checks

    path, counts = checked_db
    c = sqlite3.connect(path)
    before = c.execute("select id, verdict, computation from checks order by id").fetchall()
    again = run_checks(path)
    after = c.execute("select id, verdict, computation from checks order by id").fetchall()
    assert again == counts and before == after


def test_reloading_a_document_drops_its_links(checked_db, tmp_path):
    """A re-extracted document deletes its mentions; the links cascade instead of failing."""
    path, _ = checked_db
    p = copy_db(path, tmp_path / "c.db")
    c = sqlite3.connect(p)
    c.execute("pragma foreign_keys=on")
    doc_id = c.execute("select doc from check_mentions limit 1").fetchone()[0]
    c.execute("delete from mentions where doc = ?", [doc_id])
    c.commit()
    assert c.execute("select count(*) from check_mentions where doc = ?", [doc_id]).fetchone()[0] == 0


def test_canned_queries_run(checked_db, tmp_path):
    from pipeline.db.checks_store import CANNED_QUERIES

    path, _ = checked_db
    c = sqlite3.connect(path)
    rows = c.execute(CANNED_QUERIES["inconsistent_figures"], {"check_type": ""}).fetchall()
    assert rows == []  # the seeds add up
    c.execute(CANNED_QUERIES["figure_versions"], {"indicator_key": "", "verdict": ""}).fetchall()
    # a planted disagreement between two documents shows every version with its source and date
    from extractors.textdump import read_dump_text
    from pipeline.db.checks_store import run_checks
    from extractors.extract import extract_document
    from pipeline.db.store import load, open_db

    p = copy_db(path, tmp_path / "v.db")
    db = open_db(p)
    for i, (date, value) in enumerate((("2024-01-05", "6,2"), ("2024-02-10", "6,8"))):
        text = f"Tăng trưởng Hà Tĩnh {i}\n\n{date}\n\nNăm 2023, tốc độ tăng trưởng kinh tế của tỉnh Hà Tĩnh đạt {value}%."
        for d in read_dump_text(text, stem=f"v{i}", source=f"v{i}.txt"):
            d.published = date
            load(db, extract_document(d))
    run_checks(db)
    rows = sqlite3.connect(p).execute(CANNED_QUERIES["figure_versions"],
                                      {"indicator_key": "grdp_growth", "verdict": "inconsistent"}).fetchall()
    assert {r[6] for r in rows} == {"6,2%", "6,8%"} and {r[13] for r in rows} == {"2024-01-05", "2024-02-10"}
    rows = sqlite3.connect(p).execute(CANNED_QUERIES["inconsistent_figures"], {"check_type": "figure_versions"}).fetchall()
    assert len(rows) == 2


def test_checks_in_datasette(checked_db):
    import asyncio

    from datasette.app import Datasette

    path, counts = checked_db

    async def go():
        ds = Datasette(files=[str(path)])
        r = await ds.client.get(f"/{path.stem}/checks.json?_facet=verdict&_facet=check_type&_shape=objects")
        assert r.status_code == 200
        data = r.json()
        assert any("86,96" in row["computation"] for row in data["rows"])
        assert {f["value"] for f in data["facet_results"]["verdict"]["results"]} <= {"consistent", "inconsistent",
                                                                                      "cannot tell"}
    asyncio.run(go())


# --- a second look before a flag: another figure of the passage the words may mean -------------------------
@pytest.mark.parametrize("total,verdict", [("900", CANNOT_TELL), ("1.200", INCONSISTENT)])
def test_a_change_another_figure_of_the_sentence_fits_is_not_flagged(total, verdict):
    """`tăng 1% so với cùng kỳ (892)` read against the 848 before it is off, against the 900 total it holds."""
    text = (f"Tổng thu từ khách du lịch đạt {total} tỷ đồng, trong đó tổng thu từ khách nội địa đạt 848 tỷ đồng, "
            "tăng 1% so với cùng kỳ năm 2023 (892 tỷ đồng).")
    specs = [(f"{total} tỷ đồng", money(float(total.replace(".", "")) * 1e9)), ("848 tỷ đồng", money(848e9)),
             ("1%", pct(1, direction="increase", compared_to="2023")), ("892 tỷ đồng", money(892e9))]
    (c,) = of(run(*doc(text, *specs)), "change")
    assert c.verdict == verdict


def test_parts_that_add_up_to_another_total_of_the_passage_are_not_flagged():
    text = ("Lượng khách đạt 265.200 lượt. Trong đó, khách quốc tế: 8.400 lượt (khách đi trong ngày là 64.200 lượt, "
            "khách lưu trú qua đêm là 201.000 lượt).")
    specs = [("265.200 lượt", qty(265200, "lượt")), ("8.400 lượt", qty(8400, "lượt")),
             ("64.200 lượt", qty(64200, "lượt")), ("201.000 lượt", qty(201000, "lượt"))]
    checks = of(run(*doc(text, *specs)), "parts_total")
    assert checks and all(c.verdict == CANNOT_TELL for c in checks) and "265.200 lượt" in checks[0].computation
    # with no figure they add up to, the flag stays
    specs[0] = ("265.200 lượt", qty(300000, "lượt"))
    assert any(c.verdict == INCONSISTENT for c in of(run(*doc(text.replace("265.200", "300.000"),
                                                              ("300.000 lượt", qty(300000, "lượt")), *specs[1:])),
                                                     "parts_total"))


def test_a_signed_change_in_brackets_is_no_total_of_the_parts_after_it():
    text = "Diện tích lúa là 16.491 ha, giảm 0,7% (-116 ha), trong đó: cây lúa ruộng: 12.470 ha; cây lúa rẫy: 4.021 ha."
    specs = [("16.491 ha", qty(16491, "ha")), ("-116 ha", qty(-116, "ha")), ("12.470 ha", qty(12470, "ha")),
             ("4.021 ha", qty(4021, "ha"))]
    assert not [c for c in of(run(*doc(text, *specs)), "parts_total") if "-116" in c.computation]
