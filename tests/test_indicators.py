"""What a figure measures: the indicator rules of extractors/indicators.py, one sentence each.

The sentences are written for these tests (not taken from the gold sets), so a rule that only fits
the gold would fail here."""
import pytest

from extractors.indicators import indicator_key
from extractors.document import Document
from extractors.extract import extract_document


def field_of(text: str, name: str, province: str | None = "Nghệ An",
             published: str | None = None) -> dict[str, str | None]:
    """Each figure of `text` (as written) with its field `name`."""
    ex = extract_document(Document(id="t", source="test", text=text, province=province, published=published))
    return {m.text: getattr(m, name) for m in ex.mentions}


def indicators(text: str, province: str | None = "Nghệ An") -> dict[str, str | None]:
    return field_of(text, "indicator", province, published="2024-01-15")


def test_lexicon_indicator_leads_to_the_figure():
    got = indicators("Năm 2023, tỷ lệ hộ nghèo của tỉnh còn 3,1%, thu ngân sách đạt 18.200 tỷ đồng.")
    assert got["3,1%"] == "tỷ lệ hộ nghèo"
    assert got["18.200 tỷ đồng"] == "thu ngân sách"


def test_people_counted_take_the_activity_right_before_them():
    got = indicators("Ban Thường vụ Tỉnh ủy điều động 9 đồng chí, bổ nhiệm lại 5 đồng chí, "
                     "khen thưởng 14 cá nhân.")
    assert got["9 đồng chí"] == "điều động"
    assert got["5 đồng chí"] == "bổ nhiệm lại"
    assert got["14 cá nhân"] == "khen thưởng"


def test_a_list_after_a_preposition_shares_the_governing_activity():
    got = indicators("Năm 2023, Tỉnh ủy tổ chức tập huấn nghiệp vụ công tác đảng cho 3 nhóm đối tượng, "
                     "gồm 40 bí thư chi bộ; 25 cán bộ văn phòng cấp ủy và 18 cán bộ ban tổ chức cấp huyện.")
    assert "tập huấn nghiệp vụ công tác đảng" in got["3 nhóm đối tượng"]
    for item in ("40 bí thư", "25 cán bộ", "18 cán bộ"):
        key = next(k for k in got if k.startswith(item))
        assert got[key] == got["3 nhóm đối tượng"], key


def test_a_predicate_of_its_own_ends_the_list():
    got = indicators("Toàn tỉnh có 8/12 huyện đạt chuẩn nông thôn mới; 4/12 huyện hoàn thành chỉ tiêu "
                     "giảm nghèo.")
    assert got["8/12 huyện"].startswith("huyện đạt chuẩn nông thôn mới")
    assert got["4/12 huyện"].startswith("huyện hoàn thành chỉ tiêu giảm nghèo")


def test_a_group_named_again_keeps_its_activity():
    text = ("Ủy ban Kiểm tra Tỉnh ủy kiểm tra việc kê khai tài sản đối với 27 đảng viên. "
            "Qua kiểm tra, 27 đảng viên đều thực hiện đúng quy định.")
    got = extract_document(Document(id="t", source="test", text=text, province="Nghệ An"))
    first, second = [m for m in got.mentions if m.text == "27 đảng viên"]
    assert "kiểm tra việc kê khai tài sản" in first.indicator
    assert second.indicator == first.indicator


def test_things_counted_take_the_verb_and_the_thing():
    got = indicators("Năm 2023, huyện đã xây dựng 120 nhà văn hóa thôn và sửa chữa 35 trường học.")
    assert got["120 nhà văn hóa"].startswith("xây dựng nhà văn hóa")
    assert got["35 trường học"].startswith("sửa chữa trường học")


def test_a_count_of_targets_takes_the_verb_not_the_word_target():
    got = indicators("Đảng bộ tỉnh đã kết nạp được 2.350/2.200 chỉ tiêu được giao.")
    assert got["2.350/2.200 chỉ tiêu"] == "kết nạp"


def test_percentage_followed_by_its_noun():
    got = indicators("Các cơ quan đã giải quyết trên 95% đơn thư khiếu nại; các xã đều đạt từ 90% trở lên "
                     "các chỉ tiêu được giao.")
    assert got["trên 95%"] == "giải quyết đơn thư khiếu nại"
    assert got["từ 90% trở lên"] == "các chỉ tiêu được giao"


def test_percentage_of_a_group_with_what_it_does():
    got = indicators("Năm 2023, tỉnh có 97,2% dân số thành thị được dùng nước sạch; 88% trẻ em "
                     "đã được tiêm đủ mũi.")
    assert got["97,2%"] == "dân số thành thị được dùng nước sạch"
    assert got["88%"].endswith("được tiêm đủ mũi")


def test_money_with_its_capital_and_verb():
    got = indicators("Năm 2023, tỉnh thu hút 250 triệu USD vốn FDI và 7.000 tỷ đồng vốn đầu tư trong nước.")
    assert got["250 triệu USD"] == "thu hút vốn FDI"
    assert got["7.000 tỷ đồng"] == "vốn đầu tư trong nước"
    assert indicator_key(got["250 triệu USD"]) == "fdi"


def test_money_with_a_total_takes_what_the_figure_before_counts():
    got = indicators("Tỉnh đã bàn giao 210 căn nhà tình nghĩa với tổng kinh phí 12.600 triệu đồng.")
    assert got["12.600 triệu đồng"].startswith("tổng kinh phí")
    assert "nhà tình nghĩa" in got["12.600 triệu đồng"]


def test_a_change_takes_its_subject():
    got = indicators("Năm 2023, số vụ cháy nổ trên địa bàn tỉnh giảm 6 vụ, số người bị thương giảm 4 người.")
    assert got["6 vụ"] == "số vụ cháy nổ"
    assert got["4 người"] == "số người bị thương"


def test_the_base_of_a_comparison_is_the_same_indicator():
    got = indicators("Năm 2023, toàn tỉnh còn 1.200 hộ thiếu nhà ở, giảm mạnh so với 4.800 hộ của năm 2020.")
    assert got["4.800 hộ"] == got["1.200 hộ"]


def test_a_target_restated_in_brackets_inherits():
    got = indicators("Năm 2023, tăng trưởng GRDP của tỉnh đạt 7,4% (kế hoạch 8%).")
    assert got["8%"] == got["7,4%"] == "tăng trưởng GRDP"


def test_a_figure_after_a_target_phrase_only_inherits():
    got = indicators("Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh đạt 6,1%, thấp hơn mục tiêu Nghị quyết "
                     "đề ra là 7-7,5%.")
    assert got["7-7,5%"] == "tốc độ tăng trưởng kinh tế"


def test_a_continuing_sentence_of_budget_takes_the_topic_before():
    text = ("Công tác chăm lo người có công được quan tâm, chi trợ cấp ưu đãi người có công của tỉnh được bảo đảm. "
            "Theo đó, năm 2024 giao dự toán 820.000 triệu đồng.")
    got = indicators(text)
    assert got["820.000 triệu đồng"] == "chi trợ cấp ưu đãi người có công"


def test_place_names_are_not_cut_inside_a_word():
    got = indicators("Năm 2023, tỉnh Bình Phước có 91% hộ dân dùng điện lưới, trong khi bình quân cả nước "
                     "đạt 99%.")
    assert "Bình Ph" not in (got["99%"] or "") and "cả n" != (got["99%"] or "")[-4:]


def test_owner_place_and_crop_year_are_not_part_of_the_indicator():
    got = indicators("Năm 2023, lượng khách quốc tế đến tỉnh Khánh Hòa đạt 2,1 triệu lượt; sản lượng cà phê "
                     "niên vụ 2022-2023 đạt 560.000 tấn.", province="Khánh Hòa")
    assert got["2,1 triệu lượt"] == "lượng khách quốc tế"
    assert got["560.000 tấn"] == "sản lượng cà phê"


def test_a_predicate_after_a_count_stops_at_the_next_count():
    got = indicators("Năm 2023, toàn tỉnh có 30 xã đạt chuẩn nông thôn mới nâng cao và 5 xã đạt chuẩn nông "
                     "thôn mới kiểu mẫu.")
    assert got["30 xã"] == "xã đạt chuẩn nông thôn mới nâng cao"
    assert got["5 xã"] == "xã đạt chuẩn nông thôn mới kiểu mẫu"


def test_no_break_space_becomes_a_plain_space():
    got = indicators("Tỉnh xác định 12 chỉ tiêu về phát triển văn hóa\u00a0- xã hội.")
    assert "\u00a0" not in got["12 chỉ tiêu"]


@pytest.mark.parametrize("phrase,key", [
    ("tốc độ tăng trưởng kinh tế", "grdp_growth"), ("Tổng thu ngân sách nhà nước", "budget_revenue"),
    ("tỷ lệ hộ nghèo", "poverty_rate"), ("kết nạp đảng viên", "party_admissions"),
    ("kết nạp quần chúng ưu tú", "party_admissions"), ("thu hút vốn đầu tư trực tiếp nước ngoài", "fdi"),
    ("hộ nghèo", "ho_ngheo"),  # a count of poor households is not the poverty rate
])
def test_indicator_key_groups_spellings(phrase, key):
    assert indicator_key(phrase) == key


def test_a_figure_up_to_a_date_gets_that_year():
    text = "Tính đến ngày 30/9/2023, dư nợ tín dụng trên địa bàn tỉnh đạt 95.000 tỷ đồng."
    assert field_of(text, "period", published="2024-02-01")["95.000 tỷ đồng"] == "2023"


def test_a_label_that_opens_a_list_has_no_status():
    text = "Ba nhiệm vụ trọng tâm: (1) phát triển hạ tầng; (2) cải cách hành chính; (3) phát triển nhân lực."
    assert field_of(text, "status")["Ba nhiệm vụ trọng tâm"] is None


def test_the_level_a_target_sets_is_a_target():
    text = "Năm 2023, 10/12 huyện hoàn thành chỉ tiêu giải quyết trên 85% đơn thư khiếu nại."
    got = field_of(text, "status")
    assert got["10/12 huyện"] == "actual" and got["trên 85%"] == "target"


def test_a_predicate_goes_on_past_a_comma_with_a_short_coordinated_noun():
    got = indicators("Năm 2023, 100% các huyện ủy hoàn thành chỉ tiêu phát triển tổ chức đảng, đảng viên.")
    assert got["100%"] == "hoàn thành chỉ tiêu phát triển tổ chức đảng, đảng viên"


def test_the_body_candidates_stand_for_is_not_the_owner():
    text = ("Ban Thường vụ Tỉnh ủy thẩm định tiêu chuẩn đối với 512 người ứng cử đại biểu Quốc hội và HĐND tỉnh; "
            "31 đồng chí cán bộ diện Ban Thường vụ quản lý.")
    got = field_of(text, "entity")
    assert got["31 đồng chí"] not in ("Việt Nam", "HĐND tỉnh Nghệ An")
