"""Rules written for real provincial articles (issue 14): owners and periods from the document, status
from real phrasing, the forms the grammar missed, indicators from context. Each case is a self-written
sentence that tests one rule; accuracy is measured on the real passages by `chitieu eval`."""
import pytest

from extractors import status_model
from extractors.document import Document
from extractors.extract import extract_document
from extractors.mentions import find


@pytest.fixture
def rules_only():
    """Statuses read by the rules alone, as when no trained status model is present (the trained model,
    which reads them otherwise, is tested in tests/test_status_model.py)."""
    status_model.use({})
    yield
    status_model.use(None)


def figure(text, span, title=None, published=None, source=""):
    """The figure whose text is `span` in a document made of `text`."""
    ex = extract_document(Document(id="t", source=source, text=text, title=title, published=published))
    hits = [m for m in ex.mentions if m.text == span]
    assert hits, f"{span!r} not found: {[m.text for m in ex.mentions]}"
    return hits[0]


# --- owners ------------------------------------------------------------------------------------
def test_toan_tinh_takes_the_province_of_the_title():
    m = figure("Năm 2023, toàn tỉnh kết nạp 3.120 đảng viên mới.", "3.120 đảng viên mới",
               title="Nghệ An vượt chỉ tiêu kết nạp đảng viên")
    assert (m.entity, m.extra["entity_source"]) == ("Nghệ An", "document")


def test_a_figure_only_the_site_places():
    m = figure("Năm 2023, toàn tỉnh kết nạp 3.120 đảng viên mới.", "3.120 đảng viên mới",
               source="https://baonghean.vn/a-post1.html")
    assert (m.entity, m.extra["entity_source"]) == ("Nghệ An", "site")


def test_a_body_of_the_province_is_completed_with_the_province():
    m = figure("Năm 2023, Đảng bộ tỉnh kết nạp 3.120 đảng viên mới.", "3.120 đảng viên mới",
               source="https://baonghean.vn/a-post1.html")
    assert "Nghệ An" in m.entity and m.extra["entity_source"] == "sentence"


def test_an_organisation_named_after_a_person_is_not_a_place():
    m = figure("Đoàn Thanh niên Cộng sản Hồ Chí Minh đã giới thiệu 450 đoàn viên ưu tú.", "450 đoàn viên",
               title="Hà Tĩnh: kết nạp đảng viên trẻ")
    assert m.entity == "Hà Tĩnh"


def test_a_province_named_as_a_standard_of_comparison_owns_nothing():
    m = figure("Chỉ số PCI đạt 68,5 điểm, đứng trên Nam Định, Thái Bình.", "68,5 điểm", title="Ninh Bình: PCI tăng")
    assert m.entity == "Ninh Bình"


def test_a_province_governs_its_own_short_clause_inside_a_comparison():
    m = figure("Tăng trưởng đạt 12,16%, đứng thứ 2 cả nước (sau tỉnh Bắc Giang tăng trưởng 13,85%).", "13,85%",
               title="Thanh Hóa tăng trưởng cao")
    assert m.entity == "Bắc Giang"


def test_a_ranking_frame_does_not_make_a_figure_national():
    m = figure("Thu ngân sách đạt 54.341 tỉ đồng, đứng thứ 8 cả nước; giải ngân đạt 10.300 tỉ đồng.", "10.300 tỉ đồng",
               title="Thanh Hóa: thu ngân sách cao nhất")
    assert m.entity == "Thanh Hóa"


def test_a_count_of_provinces_is_the_country_s():
    m = figure("Vốn đầu tư nước ngoài đã vào 54 tỉnh, thành phố trong 6 tháng đầu năm 2025.", "54 tỉnh",
               title="Bắc Ninh hút vốn FDI")
    assert m.entity == "Việt Nam"


# --- periods -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, published, period", [
    ("Trong 10 tháng đầu năm 2022, thu ngân sách đạt 9.800 tỷ đồng.", "9.800 tỷ đồng", None, "2022-10M"),
    ("Trong tháng 12/2023, toàn tỉnh đón 320.000 lượt khách.", "320.000 lượt khách", None, "2023-12"),
    ("Trong quý I, giá trị sản xuất công nghiệp tăng 8,2%.", "8,2%", "2023-04-10", "2023-Q1"),
    ("Tính đến ngày 30-6, toàn tỉnh kết nạp 288 đảng viên.", "288 đảng viên", "2022-07-05", "2022"),
    ("Từ năm 2021 đến nay, toàn tỉnh đã kết nạp hơn 7.000 đảng viên mới.", "hơn 7.000 đảng viên mới", "2023-09-13",
     "2021-2023"),
    ("Tốc độ tăng trưởng bình quân ước đạt 9,69% (năm 2021: 9,44%, năm 2022: 12,4%).", "12,4%", "2023-12-27",
     "2022"),
    ("GRDP ước tăng 9,07% (năm 2020 tăng 6,97%, năm 2021 tăng 7,7%).", "9,07%", "2022-12-30", "2022"),
    ("Tỷ lệ nghèo giảm từ 73,26% (2021) xuống còn 61,04%.", "73,26%", "2023-12-01", "2021"),
    ("Toàn tỉnh hiện có 57.180 hộ nghèo.", "57.180 hộ", "2019-01-08", "2019"),
    ("Năm qua, toàn tỉnh kết nạp 2.300 đảng viên mới.", "2.300 đảng viên mới", "2024-01-10", "2023"),  # a review
    ("Nhân dịp 3-2, tỉnh trao Huy hiệu Đảng cho 1.797 đảng viên.", "1.797 đảng viên", "2019-01-30", "2019"),  # news
    ("Tăng 13,48% so với 6 tháng năm 2019.", "13,48%", "2023-06-30", "2023"),
])
def test_periods_of_real_phrasing(text, span, published, period):
    assert figure(text, span, published=published).period == period


def test_where_a_period_came_from():
    text = "Năm 2022, kinh tế tỉnh tăng trưởng 8,6%.\n\nThu ngân sách đạt 9.800 tỷ đồng."
    assert figure(text, "8,6%").extra["period_source"] == "sentence"
    m = figure(text, "9.800 tỷ đồng")
    assert (m.period, m.extra["period_source"]) == ("2022", "document")


def test_an_undated_document_takes_the_date_its_lead_opens_with():
    m = figure("LSO-Ngày 7/12/2015, Hội đồng thẩm định đã thẩm định 4 xã đạt chuẩn nông thôn mới.", "4 xã")
    assert m.period == "2015"


# --- status ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, span, published, status", [
    ("Đến năm 2030, thu nhập bình quân đầu người đạt từ 75-80 triệu đồng.", "từ 75-80 triệu đồng", "2025-09-21",
     "target"),
    ("Từ đầu năm đến nay, Đảng bộ TP Cần Thơ đã kết nạp 352 đảng viên mới.", "352 đảng viên mới", "2017-06-11",
     "actual"),
    ("Tỉnh đã giải ngân 100% kế hoạch vốn đầu tư công được giao năm 2022 là 5.556 tỷ đồng.", "5.556 tỷ đồng",
     "2023-01-10", "target"),
])
def test_status_of_real_phrasing(text, span, published, status):
    assert figure(text, span, published=published).status == status


# --- forms the grammar missed ------------------------------------------------------------------
@pytest.mark.parametrize("text, span, kind, value, denominator, unit, qualifier", [
    ("Chỉ số PCI xếp hạng 17/63 tỉnh, thành phố.", "xếp hạng 17/63 tỉnh", "rank", 17, 63, "tỉnh", None),
    ("PCI năm 2022 đạt thứ hạng 35/63 tỉnh, thành phố.", "thứ hạng 35/63 tỉnh", "rank", 35, 63, "tỉnh", None),
    ("Chỉ số PAPI ở vị trí 9.", "ở vị trí 9", "rank", 9, None, None, None),
    ("Chỉ số PCI xếp vị thứ 20.", "xếp vị thứ 20", "rank", 20, None, None, None),
    ("Chỉ số PAPI xếp 17/63 tỉnh, thành phố.", "xếp 17/63 tỉnh", "rank", 17, 63, "tỉnh", None),
    ("Theo bảng xếp hạng PCI, tỉnh đạt 17/63 tỉnh, thành phố.", "17/63 tỉnh", "rank", 17, 63, "tỉnh", None),
    ("Tỉnh đạt 17/63 tỉnh, thành phố về cải cách hành chính, tăng 5 bậc.", "17/63 tỉnh", "rank", 17, 63, "tỉnh", None),
    ("Có 48/63 tỉnh, thành phố đã hoàn thành kế hoạch.", "48/63 tỉnh", "fraction", 48, 63, "tỉnh", None),
    ("Tỷ lệ hộ nghèo giảm nhanh thứ hai cả nước.", "thứ hai", "rank", 2, None, None, None),
    ("Tỉnh đứng thứ 5 cả nước và thứ 3 trong nhóm 10 tỉnh.", "thứ 3 trong nhóm 10 tỉnh", "rank", 3, 10, "tỉnh", None),
    ("Đà Nẵng đứng thứ 3 trong 5 tỉnh, thành phố của vùng.", "đứng thứ 3 trong 5 tỉnh", "rank", 3, 5, "tỉnh", None),
    ("Chỉ số PAPI vượt 12 thứ hạng.", "12 thứ hạng", "quantity", 12, None, "thứ hạng", None),
    ("Chỉ số PAR INDEX tăng 5 bậc.", "5 bậc", "quantity", 5, None, "bậc", None),
    ("Đảng bộ huyện kết nạp 241 ĐV, thành lập 12 TCCSĐ.", "241 ĐV", "quantity", 241, None, "ĐV", None),
    ("Toàn tỉnh kết nạp 35 ĐV mới.", "35 ĐV mới", "quantity", 35, None, "ĐV mới", None),
    ("Thành lập mới 4 HTX nông nghiệp.", "4 HTX", "quantity", 4, None, "HTX", None),
    ("Tỷ lệ che phủ rừng đạt 71,5%/ chỉ tiêu 65%.", "71,5%/ chỉ tiêu 65%", "fraction", 71.5, 65, "%", None),
    ("Tăng trưởng bình quân đạt 10%/năm trở lên.", "10%/năm trở lên", "percent", 10, None, "%/năm", "at_least"),
    ("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 80% trở lên.", "80% trở lên", "percent", 80, None, "%",
     "at_least"),
    ("Thu ngân sách đạt 7.750 tỷ đồng bằng 117,4% dự toán.", "7.750 tỷ đồng", "money", 7.75e12, None, "VND", None),
])
def test_forms(text, span, kind, value, denominator, unit, qualifier):
    m = figure(text, span)
    assert (m.kind, m.value, m.denominator, m.unit, m.qualifier) == (kind, value, denominator, unit, qualifier)


def test_thu_hai_is_still_a_weekday_and_a_list_marker():
    ex = extract_document(Document(id="t", source="", text="Thứ hai, tăng cường công tác kết nạp đảng viên."))
    assert not [m for m in ex.mentions if m.kind == "rank"]


# --- indicators from context -------------------------------------------------------------------
def test_a_share_after_a_count_is_the_rate_of_that_count():
    m = figure("Toàn tỉnh còn 14.982/80.972 hộ nghèo, chiếm tỷ lệ 18,50%.", "18,50%")
    assert m.indicator == "tỷ lệ hộ nghèo"


def test_a_count_written_short_names_the_indicator_in_full():
    m = figure("Đảng bộ huyện Thới Lai kết nạp 241 ĐV (đạt 160% kế hoạch).", "241 ĐV")
    assert m.indicator == "kết nạp đảng viên"


def test_a_rank_takes_the_index_its_paragraph_names():
    m = figure("Theo bảng xếp hạng PCI năm 2015, tỉnh ta nâng hạng lên vị trí thứ 17.", "vị trí thứ 17")
    assert m.indicator == "PCI"


def test_a_name_with_its_figure_in_brackets_is_not_the_indicator():
    text = "Một số cơ quan có tỷ lệ giải ngân vốn đầu tư công cao gồm: Hội Nhà văn (100%), Thanh tra Chính phủ (99%)."
    assert figure(text, "99%").indicator != "Hội Nhà văn"


@pytest.mark.parametrize("text, span, published, status, period", [
    # a paragraph that goes on with a plan's yearly figures keeps the plan's term
    ("Theo nghị quyết, trong nhiệm kỳ 2025-2030, tỉnh phấn đấu tăng trưởng GRDP bình quân 10%/năm.\n\n"
     "Hằng năm, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 80% trở lên.", "80% trở lên", "2025-09-21",
     "target", "2025-2030"),
    # targets after a sentence that sets a later deadline are for that deadline
    ("Trong năm 2023, tỉnh phấn đấu có thêm 15 xã đạt chuẩn. Tỉnh phấn đấu đến năm 2025, có huyện Chợ Lách "
     "đạt chuẩn huyện nông thôn mới nâng cao. Các huyện còn lại phấn đấu có ít nhất 80% xã đạt chuẩn.",
     "ít nhất 80%", "2022-12-14", "target", "2025"),
])
def test_plans_and_their_periods(text, span, published, status, period):
    m = figure(text, span, published=published)
    assert (m.status, m.period) == (status, period)


def test_an_effort_made_is_not_a_target(rules_only):
    m = figure("Tỉnh ta đã phấn đấu nâng hạng lên vị trí thứ 17.", "vị trí thứ 17", published="2016-03-31")
    assert m.status == "actual"


def test_a_year_before_a_verb_is_not_a_quantity():
    ex = extract_document(Document(id="t", source="", text="Báo cáo PCI 2021 công bố kết quả điều tra 10.000 doanh nghiệp."))
    assert [m.text for m in ex.mentions] == ["10.000 doanh nghiệp"]


def test_a_breakdown_keeps_the_time_of_the_figure_it_breaks_down():
    text = "Toàn tỉnh hiện có 57.180 hộ nghèo. Trong đó, hộ nghèo về thu nhập là 50.868 hộ."
    assert figure(text, "50.868 hộ", published="2019-01-08").period == "2019"


def test_a_month_written_with_a_dash():
    assert figure("Tháng 5-2018, Khánh Hòa đón 520.000 lượt khách.", "520.000 lượt khách").period == "2018-05"


@pytest.mark.parametrize("text, span, status", [
    ("Chỉ tiêu đề ra là 1.500 đảng viên, đến nay đã kết nạp 1.410 đảng viên, đạt 94%.", "1.500 đảng viên", "target"),
    ("Chỉ tiêu đề ra là 1.500 đảng viên, đến nay đã kết nạp 1.410 đảng viên, đạt 94%.", "1.410 đảng viên", "actual"),
    ("Tỉnh phấn đấu thu hút 500 triệu USD vốn FDI, trong đó 6 tháng đầu năm đã thu hút 320 triệu USD.",
     "320 triệu USD", "actual"),
])
def test_a_result_reported_after_the_plan_in_one_clause(text, span, status, rules_only):
    assert figure(text, span, published="2024-07-01").status == status


@pytest.mark.parametrize("text, span, entity", [
    ("Thu ngân sách đạt 5.674,1 tỷ đồng, đạt 70,1% so với dự toán Trung ương giao.", "70,1%", "Lạng Sơn"),
    ("Theo thống kê từ Bảo hiểm xã hội Việt Nam, tỉnh đã giảm tỷ lệ hộ nghèo còn 27,9%.", "27,9%", "Lạng Sơn"),
])
def test_the_country_as_assigner_source_or_name_is_not_the_owner(text, span, entity):
    assert figure(text, span, source="https://cucthongkelangson.gov.vn/a.html").entity == entity


@pytest.mark.parametrize("text, span, status", [
    ("Thu ngân sách đạt 51,2% dự toán Bộ Tài chính giao, 46,1% dự toán HĐND tỉnh giao và 92,6% so với cùng kỳ.",
     "92,6%", "actual"),
    ("Doanh thu du lịch dự kiến giai đoạn 2016 - 2018 tăng bình quân 16,51%; trong đó, năm 2016 tăng 21,4%.",
     "21,4%", "actual"),
    ("Kế hoạch vốn đầu tư công năm 2023 của tỉnh được giao 4.120 tỷ đồng.", "4.120 tỷ đồng", "target"),
])
def test_plan_words_that_do_not_make_a_plan(text, span, status):
    assert figure(text, span, published="2022-07-27").status == status


@pytest.mark.parametrize("text, span, published, status", [
    # read right by the rules, wrong by the status model retrained with development part I (README, known misses)
    ("Chỉ có 3 huyện đạt kế hoạch giảm số hộ nghèo đề ra là huyện Kông Chro (giảm 7,24%).", "7,24%", "2020-12-11",
     "actual"),
    ("Giải ngân kế hoạch vốn đầu tư công tăng 2 điểm %; tỷ lệ tốt nghiệp năm 2022 là 99,08%.", "99,08%", "2022-07-27",
     "actual"),
])
def test_plan_words_the_rules_read_and_the_model_misses(text, span, published, status, rules_only):
    assert figure(text, span, published=published).status == status


def test_visits_received_are_the_visits_as_written():
    # (seventh session: `lượt khách`, as the annotators who keep to the phrase as written write it, not `đón khách`)
    assert figure("Năm 2023, tỉnh đã đón 5,2 triệu lượt khách.", "5,2 triệu lượt khách").indicator == "lượt khách"
    assert figure("Toàn huyện đón 82.646 lượt khách du lịch trong nước.", "82.646 lượt khách").indicator \
        == "lượt khách du lịch trong nước"


def test_places_compared_in_brackets_share_the_indicator_compared():
    text = "Tốc độ tăng trưởng kinh tế đạt 4,5%, khá so với các tỉnh trong khu vực (Sơn La 2,20%; Lai Châu 3,41%)."
    assert figure(text, "3,41%").indicator == "Tốc độ tăng trưởng kinh tế"


def test_a_place_named_after_another_place_owns_its_figure():
    text = "Bình Định tăng 2,91% (Thừa Thiên-Huế tăng 2,06%, Đà Nẵng giảm 9,77%, Quảng Nam giảm 6,98%)."
    assert figure(text, "9,77%").entity == "Đà Nẵng"


@pytest.mark.parametrize("text, span, indicator", [
    ("Khu vực nông, lâm nghiệp và thủy sản đạt trên 13.700 tỷ đồng, tăng trưởng 3,18%.", "3,18%",
     "Khu vực nông, lâm nghiệp và thủy sản"),
    ("Năm 2022, thu ngân sách của tỉnh đạt 51.000 tỷ đồng, mức thu này gấp 3,9 lần năm 2015.", "gấp 3,9 lần",
     "thu ngân sách"),
])
def test_a_bare_change_or_a_back_reference_measures_the_figure_before(text, span, indicator):
    m = figure(text, span)
    assert m.indicator and m.indicator in indicator


def test_a_list_of_bodies_takes_the_rate_its_sentence_names():
    text = "Một số cơ quan có tỷ lệ giải ngân đạt cao gồm: Hội Nhà văn (100%), Thanh tra Chính phủ (99%)."
    assert figure(text, "100%").indicator == "tỷ lệ giải ngân"


def test_nua_dau_nam_is_the_first_half():
    m = figure("Nửa đầu năm 2024, thu ngân sách đạt 5.210 tỷ đồng.", "5.210 tỷ đồng")
    assert m.period == "2024-H1"


def test_the_month_a_programme_began_is_not_the_figures_time():
    m = figure("Kể từ tháng 5/2023, huyện đã hỗ trợ 1.250 hộ nghèo.", "1.250 hộ")
    assert m.period != "2023-05"


@pytest.mark.parametrize("text, span, published", [
    pytest.param("Tỉnh thực hiện tốt Chương trình mục tiêu quốc gia xây dựng nông thôn mới; có 65/97 xã đạt chuẩn, "
                 "đạt tỉ lệ 67%.", "67%", "2025-10-14", id="a programme named for its targets"),
    pytest.param("Sau 2 năm thực hiện Nghị quyết số 01-NQ/TU “Về phát triển công nghiệp giai đoạn 2020-2025, định "
                 "hướng đến năm 2030”, tốc độ tăng trưởng công nghiệp đạt 19%.", "19%", "2022-09-22",
                 id="the quoted title of a resolution"),
    pytest.param("Năm 2022, tỉnh có 18/21 chỉ tiêu chủ yếu đạt và vượt kế hoạch đề ra.\n\nCụ thể, tổng thu ngân "
                 "sách thực hiện hơn 8.000 tỷ đồng.", "hơn 8.000 tỷ đồng", "2023-01-11",
                 id="targets counted as met open no paragraph of plans"),
    pytest.param("Nghị quyết đặt mục tiêu tỷ trọng công nghiệp 12%.\nTỷ trọng công nghiệp năm 2021 là 11,9%, 9 tháng "
                 "của năm 2022 ước 12,3%.", "11,9%", "2022-09-22",
                 id="of a sentence's periods the one before the figure decides"),
])
def test_words_that_make_no_plan(text, span, published):
    assert figure(text, span, published=published).status == "actual"


def test_the_span_of_a_record_is_not_the_figures_time():
    m = figure("Năm 2022, GRDP tăng 7,96%, là mức tăng trưởng cao nhất từ năm 2010 đến nay; thu ngân sách đạt "
               "8.000 tỷ đồng.", "8.000 tỷ đồng", published="2023-01-11")
    assert m.period == "2022"


def test_an_approved_budget_is_a_target(rules_only):
    m = figure("UBND tỉnh phê duyệt tổng kinh phí thực hiện đề án là 3.150 tỷ đồng.", "3.150 tỷ đồng")
    assert m.status == "target"


def test_a_part_that_only_links_takes_what_the_part_before_names():
    m = figure("Trong đó, tăng mạnh nhất là việc thu thuế xuất nhập khẩu, đạt 127 tỷ đồng.", "127 tỷ đồng")
    assert "thu thuế xuất nhập khẩu" in (m.indicator or "")


def test_a_rate_named_right_after_the_figure():
    m = figure("Năm 2024, thành phố đã giảm 0,12% tỷ lệ hộ nghèo, tương đương 414 hộ.", "0,12%")
    assert (m.indicator or "").startswith("tỷ lệ hộ nghèo")


def test_a_rank_whose_clause_gives_one_verb_takes_the_index_named_before():
    m = figure("Năm 2023, chỉ số PCI của tỉnh đạt 66,39 điểm. Tỉnh giữ vị trí số 10 cả nước.", "vị trí số 10")
    assert m.indicator == "PCI"


def test_an_indicator_without_letters_is_no_indicator():
    from extractors.indicator_context import weak
    assert weak("+") and weak(" - ") and not weak("GRDP")


@pytest.mark.parametrize("text, span, part", [
    ("Sản xuất nông nghiệp, thủy sản tăng trưởng 3,9% so với năm 2021.", "3,9%", "sản xuất nông nghiệp, thủy sản"),
    ("Lũy kế 2 tháng đầu năm 2016, tổng lượt khách tham quan, du lịch đến Đà Nẵng đạt 654.194 lượt.", "654.194 lượt",
     "tổng lượt khách tham quan, du lịch"),
])
def test_a_subject_a_comma_cuts_in_two_is_read_whole(text, span, part):
    assert part in (figure(text, span).indicator or "").lower()


def test_an_opening_adverbial_is_not_part_of_the_subject():
    m = figure("Năm 2023, doanh thu du lịch đạt 1.200 tỷ đồng.", "1.200 tỷ đồng")
    assert "2023" not in (m.indicator or "") and "doanh thu du lịch" in (m.indicator or "")


def test_an_undated_text_is_of_the_year_after_its_same_time_base():
    m = figure("6 tháng đầu năm, thu ngân sách được 6.481 tỷ đồng, bằng 92,6% so với cùng kỳ năm 2019. Về chi, "
               "toàn tỉnh chi khoảng 8.183 tỷ đồng.", "khoảng 8.183 tỷ đồng")
    assert m.period == "2020-H1"


def test_a_january_text_comparing_with_two_years_back_reviews_the_year_gone_by():
    m = figure("Tốc độ tăng trưởng GRDP đạt 8,62%. Giá trị sản xuất công nghiệp tăng 7,2% so với năm 2021.", "8,62%",
               published="2023-01-06")
    assert m.period == "2022"


def test_a_measure_of_a_place_named_after_a_preposition_is_an_indicator():
    from extractors.indicator_context import weak
    assert not weak("tổng khách du lịch đến Quảng Ninh")
    assert weak("dự toán HĐND tỉnh giao") and weak("và Trà Vinh tăng nhiều nhất") and weak("tỉnh Quảng Ninh")


def test_a_count_governed_by_cho_takes_the_act_done_for_it():
    m = figure("Ngoài ra, điều chỉnh vốn cho 127 dự án với số vốn điều chỉnh tăng là 471,4 triệu USD.", "127 dự án")
    assert m.indicator == "điều chỉnh vốn dự án"
    m = figure("Ngoài ra, điều chỉnh vốn cho 127 dự án với số vốn điều chỉnh tăng là 471,4 triệu USD.", "471,4 triệu USD")
    assert m.indicator.startswith("số vốn điều chỉnh") and "dự án" not in m.indicator


@pytest.mark.parametrize("text, span, value, denominator", [
    ("Thu ngân sách của tỉnh nằm trong tốp 18 tỉnh có số thu lớn nhất.", "tốp 18 tỉnh", 18, None),
    ("Tỉnh tiếp tục nằm trong TOP 10 tỉnh, thành phố dẫn đầu về PCI.", "TOP 10 tỉnh", 10, None),
    ("PCI năm 2022 của tỉnh đứng thứ 21 trong danh sách 30 tỉnh, thành phố.", "đứng thứ 21 trong danh sách 30 tỉnh",
     21, 30),
])
def test_a_top_group_and_a_place_in_a_list_are_ranks(text, span, value, denominator):
    m = figure(text, span)
    assert (m.kind, m.value, m.denominator) == ("rank", value, denominator)


def test_a_top_list_of_things_is_a_name():
    ex = extract_document(Document(id="t", source="", text="Công ty lọt Top 10 doanh nghiệp tiêu biểu."))
    assert ex.mentions == []


def test_targets_counted_as_met_are_no_target_cue_for_a_figure():
    m = figure("Tình hình kinh tế ổn định, với 17/22 chỉ tiêu chủ yếu đạt và vượt kế hoạch đề ra; tăng trưởng kinh tế "
               "đạt 8,34%.", "8,34%", published="2023-12-20")
    assert m.status == "actual"


@pytest.mark.parametrize("text, span, status", [
    ("Phú Thọ giữ vị trí số 10\n\nChỉ số PCI của Phú Thọ đạt 69,5 điểm.", "vị trí số 10", "actual"),
    ("Bốn nhiệm vụ trọng tâm\n\nTỉnh tập trung thực hiện các nhiệm vụ.", "Bốn nhiệm vụ trọng tâm", None),
])
def test_a_heading_states_a_result_with_its_verb_and_nothing_without(text, span, status):
    assert figure(text, span).status == status


@pytest.mark.parametrize("text, span", [
    ("Ban Thường vụ đã rà soát các kịch bản, quyết tâm tăng trưởng GRDP cả năm 2025 từ 7,3 - 7,6%.", "từ 7,3 - 7,6%"),
    ("Sở Du lịch đặt nhiệm vụ trọng tâm đạt 7,47 triệu lượt khách trong năm 2018.", "7,47 triệu lượt khách"),
    ("Tỉnh có 1 huyện đạt chuẩn nông thôn mới, 2 huyện Bạch Thông và Chợ Đồn phấn đấu đến năm 2025 hoàn thành.",
     "2 huyện"),
])
def test_plans_real_text_words(text, span):
    assert figure(text, span).status == "target"


def test_what_exceeds_a_plan_is_no_plan(rules_only):
    m = figure("Tăng trưởng kinh tế đạt 8,34%, vượt kế hoạch đề ra là 0,34%.", "0,34%", published="2024-01-10")
    assert m.status == "actual"


def test_a_breakdown_list_by_place_reads_each_bare_number():
    text = ("Năm 2019, toàn tỉnh kết nạp được 957 đảng viên mới. Trong đó, Thạnh Phú 121 đảng viên, Mỏ Cày Nam 121, "
            "Giồng Trôm 120, Ba Tri 118.")
    ex = extract_document(Document(id="t", source="", text=text))
    items = {m.text: m for m in ex.mentions}
    assert {"121", "120", "118"} <= set(items)
    assert items["120"].entity == "Giồng Trôm" and items["120"].indicator == "kết nạp đảng viên mới"


def test_a_bare_number_after_a_name_outside_a_breakdown_is_no_figure():
    ex = extract_document(Document(id="t", source="", text="Đoàn công tác đến thăm Mỏ Cày Nam 2, sau đó về huyện."))
    assert [m.text for m in ex.mentions] == []


def test_a_place_named_bang_is_no_plan_met():
    from extractors.cues import TARGET_AS_RESULT
    assert not TARGET_AS_RESULT.search("UBND tỉnh Cao Bằng vừa ban hành Kế hoạch số 823/KH-UBND")
    assert TARGET_AS_RESULT.search("thu ngân sách bằng 107% dự toán")


def test_a_review_of_targets_met_does_not_make_its_paragraph_plans():
    text = ("Kết quả đạt được dự ước, trong 26 chỉ tiêu chủ yếu năm 2022, có 22 chỉ tiêu đạt và vượt kế hoạch đề ra. "
            "GRDP bình quân đầu người đạt 46,3 triệu đồng/người, đạt 101% kế hoạch.")
    assert figure(text, "46,3 triệu đồng/người").status == "actual"


def test_a_plan_met_reads_past_a_long_name_of_the_plan():
    from extractors.cues import TARGET_AS_RESULT
    assert TARGET_AS_RESULT.search("hoàn thành thắng lợi các chỉ tiêu Nghị quyết Đại hội Đảng bộ tỉnh Khóa XIX đặt ra")


@pytest.mark.parametrize("text, span, want, not_in", [
    ("Lũy kế từ đầu năm, thành phố thu hút vốn đầu tư nước ngoài (FDI) được hơn 129 triệu USD.", "hơn 129 triệu USD",
     "thu hút vốn đầu tư nước ngoài", "thành phố"),
    ("Số liệu thống kê cho thấy, tổng sản phẩm (GRDP) 6 tháng đầu năm 2024 ước đạt gần 25.493 tỷ đồng.",
     "gần 25.493 tỷ đồng", "tổng sản phẩm", "cho thấy"),
])
def test_a_subject_without_its_owner_or_its_reporting_clause(text, span, want, not_in):
    ind = figure(text, span).indicator or ""
    assert want in ind and not_in not in ind and not ind.endswith("được")


def test_the_same_time_of_a_year_is_a_base_whatever_compares_with_it():
    text = ("Tốc độ tăng trưởng GRDP 6 tháng đầu năm của tỉnh ước đạt 9,2%, cao hơn cùng kỳ năm 2024. "
            "Tổng vốn đầu tư phát triển ước đạt 25.172 tỷ đồng.")
    assert figure(text, "9,2%").period == "2025-H1"


@pytest.mark.parametrize("published, text, span, period", [
    ("2024-02-23", "Trong tháng 2, thành lập mới gần 100 doanh nghiệp.", "gần 100 doanh nghiệp", "2024-02"),
    ("2024-01-10", "Trong 6 tháng đầu năm, thành lập mới 500 doanh nghiệp.", "500 doanh nghiệp", "2023-H1"),
])
def test_a_yearless_part_of_a_year_is_the_last_one_before_the_page(published, text, span, period):
    assert figure(text, span, published=published).period == period


@pytest.mark.parametrize("text, span, indicator", [
    # a clause part that is only a linking or hedging word is no indicator: the sentence's subject is
    ("Doanh thu dịch vụ lưu trú năm 2023, ước tính đạt 1.250 tỷ đồng.", "1.250 tỷ đồng", "Doanh thu dịch vụ lưu trú"),
    # a topic opener (`Về …,`, `Đến hết …`) is not part of the indicator
    ("Về thu hút vốn đầu tư nước ngoài, thành phố đạt gần 1,3 tỷ USD.", "gần 1,3 tỷ USD",
     "thu hút vốn đầu tư nước ngoài"),
    # a share of the plan measures the figure before it
    ("Thu nội địa đạt 58.000 tỷ đồng, tăng 37,7% và hoàn thành hơn 78% chỉ tiêu năm.", "hơn 78%", "Thu nội địa"),
])
def test_linking_words_and_plan_shares_take_the_indicator_of_what_they_link(text, span, indicator):
    assert (figure(text, span, published="2024-01-10").indicator or "").lower().startswith(indicator.lower())


def test_a_figure_after_the_label_of_its_line_takes_the_label():
    text = ("Kết quả năm 2024:\n- Số doanh nghiệp thành lập mới: 593 doanh nghiệp\n"
            "- Thu ngân sách trên địa bàn tỉnh: 4.856 tỷ đồng, + 10,70%\n"
            "- Vốn đầu tư toàn xã hội thực hiện: 19.394,07 tỷ đồng")
    ex = extract_document(Document(id="t", source="", text=text, published="2025-01-10"))
    got = {m.text: m.indicator for m in ex.mentions}
    assert got["4.856 tỷ đồng"].startswith("Thu ngân sách")
    assert got["10,70%"].startswith("Thu ngân sách")
    assert got["19.394,07 tỷ đồng"].startswith("Vốn đầu tư toàn xã hội")


def test_what_a_change_is_about_ends_before_the_next_figure():
    m = figure("Thành phố cấp chứng nhận đầu tư cho 10 dự án, tổng vốn 46.042 tỷ đồng, tăng 66,7% về số dự án và "
               "gấp 17,4 lần vốn đăng ký so với cùng kỳ năm trước.", "66,7%", published="2024-09-20")
    assert m.indicator == "số dự án"


def test_counts_listed_before_a_shared_predicate_take_it():
    m = figure("Đến nay, toàn tỉnh có 91 xã, 118 thôn, làng đạt chuẩn nông thôn mới.", "91 xã", published="2024-05-01")
    assert "đạt chuẩn nông thôn mới" in m.indicator


def test_a_period_in_an_aside_times_only_what_the_aside_holds():
    text = ("Tăng trưởng kinh tế của tỉnh trong quý I/2024 đạt 7,82%, cao hơn cùng kỳ năm 2023 (quý I/2023 đạt "
            "4,11%).\n\nTrong đó khu vực công nghiệp - xây dựng tăng 11,66%.")
    ex = extract_document(Document(id="t", source="", text=text, published="2024-04-08"))
    got = {m.text: m.period for m in ex.mentions}
    assert (got["7,82%"], got["4,11%"], got["11,66%"]) == ("2024-Q1", "2023-Q1", "2024-Q1")


def test_a_bracket_holding_only_a_term_labels_it():
    m = figure("Đại hội Đảng bộ tỉnh nhiệm kỳ (2016- 2020) đã đề ra 25 chỉ tiêu chủ yếu.", "25 chỉ tiêu",
               published="2020-08-01")
    assert m.period == "2016-2020"


def test_a_month_set_off_by_commas_times_what_follows():
    text = ("Ngày 1/6, UBND tỉnh cho biết, trong tháng 5/2023, lượng khách du lịch đến tỉnh tăng 1,3% so với tháng "
            "trước. Doanh thu từ du lịch ước đạt 690 tỷ đồng.")
    ex = extract_document(Document(id="t", source="", text=text, title="Du lịch thu gần 3.000 tỷ đồng trong 5 tháng "
                                   "đầu năm 2023"))
    assert {m.text: m.period for m in ex.mentions}["690 tỷ đồng"] == "2023-05"


def test_the_date_of_a_label_that_opens_a_list_times_what_follows():
    text = ("Tiến độ thu hoạch ước tính đến ngày 15/10/2022: lúa mùa đã thu hoạch được khoảng 15.829 ha. "
            "Cây ngô thu hoạch được 1.021 ha, tăng 7,93% so với cùng kỳ năm 2021.")
    ex = extract_document(Document(id="t", source="", text=text,
                                   title="Báo cáo tình hình kinh tế xã hội tháng 10 và 10 tháng năm 2022"))
    assert {m.text: m.period for m in ex.mentions}["1.021 ha"] == "2022"


@pytest.mark.parametrize("text, span, indicator", [
    # an opener set off by a comma is not part of the subject
    ("Cùng với đó, sản lượng hàng hóa qua cảng 6 tháng qua đạt gần 30 triệu tấn.", "gần 30 triệu tấn",
     "sản lượng hàng hóa qua cảng"),
    # a clause part that only compares (`cao hơn cùng kỳ`) names nothing measured: the sentence's indicator
    ("Tăng trưởng kinh tế quý I đạt 7,82%, cao hơn cùng kỳ năm trước (4,11%).", "4,11%", "Tăng trưởng kinh tế"),
])
def test_openers_and_comparisons_are_not_indicators(text, span, indicator):
    assert (figure(text, span, published="2024-04-08").indicator or "").lower().startswith(indicator.lower())


@pytest.mark.parametrize("text, span, period", [
    # up to the end of a month is the months of the year so far
    ("Đến hết tháng 9-2019, toàn tỉnh đã đón hơn 5,6 triệu lượt khách.", "hơn 5,6 triệu lượt khách", "2019-9M"),
    ("Tính đến hết tháng 3/2024, thu ngân sách đạt 4.200 tỷ đồng.", "4.200 tỷ đồng", "2024-Q1"),
    ("Đến hết tháng 12 năm 2023, toàn tỉnh có 120 xã đạt chuẩn.", "120 xã", "2023"),
    # a level held at the end of the month is of the year
    ("Tính đến hết tháng 9/2023, tỉnh còn 1.200 hộ chưa có điện lưới.", "1.200 hộ", "2023"),
    ("Đến hết tháng 6/2024, số người tham gia BHXH là 268.540 người, đạt 41,2% lực lượng lao động.", "41,2%", "2024"),
    # up to a day stays the year (ANNOTATION.md)
    ("Tính đến ngày 20/10/2023, toàn tỉnh thu hút 308 dự án FDI.", "308 dự án", "2023"),
])
def test_up_to_the_end_of_a_month(text, span, period):
    assert figure(text, span).period == period


def test_a_title_that_sets_a_target_does_not_date_the_results():
    m = figure("Tổng lượt khách đến thành phố trong năm 2017 đạt 6.633.981 lượt khách, tăng 19,6%. "
               "Trong đó, khách quốc tế đạt 2.331.887 lượt khách, tăng 39% so với năm 2016.", "39%",
               title="Đà Nẵng: Phấn đấu đạt 7,47 triệu lượt khách trong năm 2018")
    assert m.period == "2017"


def test_a_year_in_brackets_does_not_give_its_year_to_the_figures_outside():
    text = ("Tốc độ tăng trưởng GDP 6 tháng đầu năm của thành phố đạt 7,52%, cao nhất trong 3 năm "
            "(năm 2012 đạt 5,7%, năm 2013 đạt 6,81%).\n\nCộng dồn 6 tháng năm 2014, chỉ số sản xuất tăng 11,81%.")
    assert figure(text, "7,52%").period == "2014-H1"
    assert figure(text, "5,7%").period == "2012-H1"   # (that year's same part: seventh session)


def test_an_untitled_page_takes_the_province_its_address_names():
    text = "Toàn tỉnh đã thu hút được 308 dự án FDI đăng ký cấp mới."
    m = figure(text, "308 dự án", source="https://vov.vn/kinh-te/bac-ninh-thu-hut-hon-300-du-an-fdi-post1057638.vov")
    assert m.entity == "Bắc Ninh"
    # the lead outranks the address, which has no tone marks to tell a place from a neighbour
    m = figure("Trong 7 tháng, tỉnh Bắc Ninh có công nghiệp tăng 17,64%.", "17,64%",
               source="https://cafef.vn/dia-phuong-sat-vach-ha-noi-phat-trien-ra-sao-188250814144955696.chn")
    assert m.entity == "Bắc Ninh"


@pytest.mark.parametrize("host, province", [("baoapbac.vn", "Tiền Giang"), ("baodongkhoi.vn", "Bến Tre"),
                                            ("thvl.vn", "Vĩnh Long"), ("qtv.vn", "Quảng Ninh")])
def test_sites_not_named_after_their_province(host, province):
    from extractors.document_frame import site_province
    assert site_province(f"https://{host}/tin-tuc/a-1.html") == province


def test_a_percentage_that_restates_the_fraction_before_it_measures_the_same():
    text = ("Toàn tỉnh có 97/97 xã đạt chuẩn nông thôn mới, đạt tỉ lệ 100%; trong đó có 65/97 xã đạt chuẩn "
            "nông thôn mới nâng cao, đạt tỉ lệ 67%.")
    assert figure(text, "67%").indicator == "tỉ lệ xã đạt chuẩn nông thôn mới nâng cao"   # spelt as written
    assert figure(text, "100%").indicator == "tỉ lệ xã đạt chuẩn nông thôn mới"


def test_the_months_so_far_are_no_part_of_the_indicator():
    text = "Sản lượng hàng hóa qua Cảng Hải Phòng 6 tháng qua đạt gần 30 triệu tấn, tăng trưởng gần 15%."
    assert figure(text, "gần 30 triệu tấn").indicator == "Sản lượng hàng hóa qua Cảng Hải Phòng"
    assert figure(text, "gần 15%").indicator == "Sản lượng hàng hóa qua Cảng Hải Phòng"


def test_a_percentage_comparing_the_figure_before_with_its_plan_measures_that_figure():
    text = ("Tổng thu ngân sách trên địa bàn là 2.542.357 triệu đồng; so với dự toán Trung ương giao đạt 151%; "
            "so với dự toán HĐND tỉnh giao đạt 126%.")
    assert figure(text, "126%").indicator == figure(text, "2.542.357 triệu đồng").indicator == "Tổng thu ngân sách"
    text = "Thu ngân sách đạt 12.498 tỷ đồng, tăng 3.488 tỷ đồng so với dự toán (tăng 38%)."
    assert figure(text, "38%").indicator == "Thu ngân sách"


@pytest.mark.parametrize("text, span, indicator", [
    ("Thu từ hoạt động xuất nhập khẩu cũng đóng góp đáng kể với trên 41.000 tỷ đồng, tăng 29%.", "29%",
     "Thu từ hoạt động xuất nhập khẩu"),
    ("Khu vực công nghiệp - xây dựng chiếm tỷ trọng lớn nhất với 46,58%.", "46,58%", "Khu vực công nghiệp - xây dựng"),
    # a ranking before `với` is read by the rules for ranks
    ("Năm 2023, tỉnh Quảng Ninh xếp thứ nhất bảng xếp hạng PCI với 73,02 điểm.", "73,02 điểm", "PCI"),
])
def test_the_subject_before_a_verb_that_leads_to_with(text, span, indicator):
    assert figure(text, span).indicator == indicator


def test_what_grew_before_a_part_that_only_links():
    text = "Kinh tế của tỉnh Bình Phước 6 tháng đầu năm tăng trưởng khá, ước đạt 6,91%, đứng thứ 2 vùng Đông Nam Bộ."
    assert figure(text, "6,91%").indicator == "Kinh tế"
    # an object named after `đạt` still wins
    assert "tăng trưởng" in figure("Trong 6 tháng đầu năm, tỉnh Quảng Ninh đạt mức tăng trưởng cao, ước tăng 9,46%.",
                                   "9,46%").indicator


@pytest.mark.parametrize("text, span, indicator", [
    ("Trong đó có 35 dự án cấp mới với tổng vốn đầu tư đăng ký hơn 68 triệu USD.", "35 dự án", "dự án cấp mới"),
    ("Năm 2023 có hơn 23 nghìn hộ thoát nghèo và trên 14 nghìn hộ thoát khỏi diện cận nghèo.", "hơn 23 nghìn hộ",
     "hộ thoát nghèo"),
    # the counted who are only people leave the predicate alone
    ("Có 52 đồng chí được trao Huy hiệu 70 năm tuổi Đảng.", "52 đồng chí", "được trao Huy hiệu 70 năm tuổi Đảng"),
])
def test_a_predicate_after_a_count_stops_at_the_next_figure_or_its_companion(text, span, indicator):
    assert figure(text, span).indicator == indicator


@pytest.mark.parametrize("text, span, published, period", [
    # the year so far, of the page's date even in February: the year, as for any figure "up to" a date within a year
    # (ANNOTATION.md; the seventh session followed the contract here, not the months some annotators wrote)
    ("Trong tháng 2, thành lập mới gần 100 doanh nghiệp. Lũy kế từ đầu năm, thành lập mới 258 doanh nghiệp.",
     "258 doanh nghiệp", "2024-02-28", "2024"),
    ("Lũy kế từ đầu năm, thành lập mới 258 doanh nghiệp.", "258 doanh nghiệp", "2024-02-28", "2024"),
    ("Doanh thu dịch vụ lưu trú, ăn uống 10 tháng qua đạt hơn 22.561 tỷ đồng.", "hơn 22.561 tỷ đồng", "2024-11-02",
     "2024-10M"),
    # a yearly average is of the term the text is about
    ("Nhiệm kỳ 2020-2025, tỉnh đạt nhiều kết quả. Tốc độ tăng trưởng kinh tế bình quân ước đạt 7,5%.", "7,5%",
     "2025-09-01", "2020-2025"),
    # not an average per head
    ("Nhiệm kỳ 2020-2025, tỉnh đạt nhiều kết quả. Năm 2024, thu nhập bình quân đầu người đạt 60 triệu đồng.",
     "60 triệu đồng", "2025-09-01", "2024"),
])
def test_periods_so_far_and_averages(text, span, published, period):
    assert figure(text, span, published=published).period == period


def test_districts_listed_by_name_own_their_figures():
    text = ("UBND tỉnh giao chỉ tiêu giảm tỷ lệ hộ nghèo năm 2017 cho các huyện. Cụ thể, huyện Minh Hóa giảm từ "
            "6,5-7,2% (tương ứng từ 840-930 hộ); Tuyên Hóa 4,5-5,0% (1.070-1.190 hộ); Quảng Ninh 2,2-2,5% (575-655 hộ); "
            "thị xã Ba Đồn 1,5-1,8% (413-500 hộ) và TP. Đồng Hới 0,1-0,15% (32-48 hộ).")
    got = {m.text: m.entity for m in extract_document(Document(id="t", source="", text=text,
                                                              title="Quảng Bình giao chỉ tiêu giảm nghèo")).mentions}
    assert got["4,5-5,0%"] == got["1.070-1.190 hộ"] == "huyện Tuyên Hóa"
    assert got["2,2-2,5%"] == "huyện Quảng Ninh"   # a district of Quảng Bình named like a province
    assert got["0,1-0,15%"] == "thành phố Đồng Hới"


def test_toan_huyen_is_the_district_the_text_named():
    text = ("(QBĐT) - Quảng Trạch có 47 tổ chức cơ sở đảng trực thuộc. Năm 2016, toàn huyện đã kết nạp được "
            "300 đảng viên mới.")
    got = {m.text: m.entity for m in extract_document(Document(id="t", source="https://baoquangbinh.vn/a-1.html",
                                                              text=text)).mentions}
    assert got["47 tổ chức cơ sở đảng"] == got["300 đảng viên mới"] == "huyện Quảng Trạch"
    text = "Huyện Lệ Thủy đạt nhiều kết quả. Năm 2023, toàn huyện có 12 xã đạt chuẩn nông thôn mới."
    m = figure(text, "12 xã", title="Quảng Bình: nông thôn mới")
    assert m.entity == "huyện Lệ Thủy"


def test_a_sentence_that_goes_on_keeps_the_owner_of_the_one_before():
    text = ("GRDP TP Hải Phòng ước tăng 11,04%. GRDP tỉnh Hải Dương ước tăng 11,59% so với cùng kỳ năm trước. "
            "Cụ thể, khu vực nông, lâm nghiệp và thuỷ sản tăng 6,65%.")
    assert figure(text, "6,65%", title="Quy mô kinh tế Hải Phòng mở rộng").entity == "Hải Dương"


def test_a_period_after_another_figure_is_that_figures():
    text = ("Tính riêng trong tháng 11 toàn tỉnh đã đón gần 185 nghìn lượt khách; tổng thu du lịch ước đạt 284 tỷ "
            "đồng, góp phần nâng tổng thu du lịch 11 tháng năm 2022 đạt gần 20 nghìn tỷ đồng.")
    assert figure(text, "284 tỷ đồng", published="2022-12-01").period == "2022-11"
    assert figure(text, "gần 20 nghìn tỷ đồng", published="2022-12-01").period == "2022-11M"


def test_a_result_compared_with_a_year_is_of_the_year_after():
    text = ("Năm 2023, tỉnh đề ra nhiều nhiệm vụ. Trong 10 chỉ số thành phần, tỉnh có 7 chỉ số tăng điểm so với năm 2020, "
            "đạt 66,4 điểm.")
    assert figure(text, "66,4 điểm", published="2022-05-10").period == "2021"


@pytest.mark.parametrize("text, span, indicator", [
    ("Kinh tế tỉnh Nam Định tăng trưởng 7,70%.", "7,70%", "Kinh tế tăng trưởng"),
    ("Quy mô GRDP của tỉnh Nam Định theo giá hiện hành đạt 21.771 tỷ đồng.", "21.771 tỷ đồng", "Quy mô GRDP"),
    # a place after a preposition is what is measured
    ("Tổng lượt khách du lịch đến Quảng Ninh đạt 15 triệu lượt.", "15 triệu lượt", "Tổng lượt khách du lịch đến Quảng Ninh"),
])
def test_the_owner_written_inside_an_indicator_is_left_out(text, span, indicator):
    assert figure(text, span).indicator == indicator


def test_an_estimate_word_is_no_part_of_the_indicator():
    assert figure("Khu vực dịch vụ ước tính tăng 5,2%.", "5,2%").indicator == "Khu vực dịch vụ"


@pytest.mark.parametrize("text, span, indicator", [
    ("Trong đó, công nghiệp chế biến, chế tạo tăng tới 48,1%.", "48,1%", "công nghiệp chế biến, chế tạo"),
    ("Cũng theo dự thảo này, khu vực công nghiệp – xây dựng chiếm 73,5%.", "73,5%", "khu vực công nghiệp – xây dựng"),
])
def test_links_and_openers_around_a_subject(text, span, indicator):
    assert figure(text, span).indicator == indicator


@pytest.mark.parametrize("source, text, entity", [
    ("https://baonghean.vn/a-post1.html", "Đảng ủy Khối cơ quan tỉnh kết nạp 120 đảng viên.", "Đảng ủy Khối cơ quan tỉnh Nghệ An"),
    # (a membership figure: the committee's party)
    ("https://baodanang.vn/a-1.html", "Thành ủy kết nạp 300 đảng viên.", "Đảng bộ thành phố Đà Nẵng"),
    # a Thành ủy in a province is one of its cities', which the text does not name
    ("https://baonghean.vn/a-post1.html", "Thành ủy kết nạp 300 đảng viên.", "Đảng bộ thành phố"),
])
def test_bodies_completed_with_the_province_they_belong_to(source, text, entity):
    m = figure(text, text.split(" kết nạp ")[1].rstrip("."), source=source)
    assert m.entity == entity


@pytest.mark.parametrize("text, span, indicator", [
    ("Trong đó, hộ nghèo dân tộc thiểu số ước thực hiện đến cuối năm 2020 giảm xuống còn 25,59%.", "25,59%",
     "hộ nghèo dân tộc thiểu số"),
    ("Tính chung GRDP cả năm 2023 ước tăng 5,16%.", "5,16%", "GRDP"),
    ("Hộ nghèo chỉ còn 0,33%.", "0,33%", "Hộ nghèo"),
])
def test_openers_and_hedges_are_trimmed_from_a_subject(text, span, indicator):
    assert figure(text, span).indicator == indicator


@pytest.mark.parametrize("text, span, indicator", [
    # a back reference standing alone points at the figure before
    # (the lexicon's phrase, `kim ngạch xuất nhập khẩu`, names the figure before)
    ("Kim ngạch xuất nhập khẩu qua địa bàn đạt 121,65 triệu USD, con số này giảm 40,5%.", "40,5%",
     "Kim ngạch xuất nhập khẩu"),
    ("Doanh thu bán lẻ qua địa bàn đạt 121,65 tỷ đồng, con số này giảm 40,5%.", "40,5%",
     "Doanh thu bán lẻ qua địa bàn"),
    # a verb before the noun it governs is no part of the indicator
    ("Khách quốc tế đạt 1,2 triệu lượt, chiếm tỉ lệ 36,8%.", "36,8%", "tỉ lệ Khách quốc tế"),
])
def test_back_references_and_verbs_before_the_noun(text, span, indicator):
    assert figure(text, span).indicator == indicator


@pytest.mark.parametrize("published, period", [("2023-05-30", "2023-05"), ("2023-06-02", "2023-05"),
                                               ("2024-01-05", "2023-12")])
def test_the_month_gone_by_is_of_the_pages_date(published, period):
    text = "Trong tháng qua, thành phố cấp chứng nhận đầu tư cho 2 dự án ngoài khu công nghiệp."
    assert figure(text, "2 dự án", published=published).period == period


@pytest.mark.parametrize("text, published, periods", [
    ("Từ năm 2015 đến nay, tỷ lệ hộ nghèo trên địa bàn thành phố giảm từ 5,12% xuống 3,21%.", "2017-10-01",
     {"5,12%": "2015", "3,21%": "2017"}),
    ("Đến thời điểm 31/12/2019, tỷ lệ hộ nghèo giảm từ 31,17% xuống còn 26,73%.", None,
     {"31,17%": "2018", "26,73%": "2019"}),
    # a term's ends are not split
    ("Giai đoạn 2016 – 2019, tỷ lệ hộ nghèo giảm từ 43,65% xuống còn 26,73%.", None,
     {"43,65%": "2016-2019", "26,73%": "2016-2019"}),
])
def test_a_change_from_one_level_to_another(text, published, periods):
    ex = extract_document(Document(id="t", source="", text=text, published=published))
    assert {m.text: m.period for m in ex.mentions} == periods


def test_what_a_place_has_now_is_of_the_pages_year():
    text = "Trong 6 tháng đầu năm, thành phố đón 3,7 triệu lượt khách. Theo thống kê, hiện Cần Thơ có 638 cơ sở lưu trú."
    assert figure(text, "638 cơ sở lưu trú", published="2024-07-10").period == "2024"


def test_a_ranks_field_is_not_its_owner():
    text = ("Tăng trưởng kinh tế của tỉnh Hà Tĩnh quý I/2024 đạt 7,82%, cao hơn bình quân chung cả nước "
            "(cả nước đạt 5,66%), đứng thứ 13/63 tỉnh, thành phố.")
    assert figure(text, "đứng thứ 13/63 tỉnh").entity == "Hà Tĩnh"


@pytest.mark.parametrize("text, span, indicator", [
    ("Giao thông được bê tông hóa; 100% hộ dân sử dụng điện; trường học đạt chuẩn.", "100%", "hộ dân sử dụng điện"),
    ("Với hơn 85% dân số là đồng bào dân tộc thiểu số, tỉnh đang đối mặt với nhiều khó khăn.", "hơn 85%",
     "dân số là đồng bào dân tộc thiểu số"),
])
def test_a_share_that_opens_its_clause_measures_the_group_after_it(text, span, indicator):
    assert figure(text, span).indicator == indicator


def test_what_leads_a_ranking_before_a_part_that_only_links():
    text = "Khách Trung Quốc đến Khánh Hòa tiếp tục đứng đầu trong dòng khách quốc tế, đạt gần 1,8 triệu lượt."
    assert figure(text, "gần 1,8 triệu lượt").indicator == "Khách Trung Quốc đến Khánh Hòa"


@pytest.mark.parametrize("text, span, indicator", [
    # a short name in capitals in brackets is kept as written; `thực hiện` (capital disbursed) is part of it
    ("Vốn đầu tư trực tiếp nước ngoài (FDI) thực hiện đạt 23.136 tỷ đồng.", "23.136 tỷ đồng",
     "Vốn đầu tư trực tiếp nước ngoài (FDI) thực hiện"),
    ("Tỉnh đã thu hút 2,7 tỷ USD vốn đầu tư trực tiếp nước ngoài (FDI), tăng 57% so với cùng kỳ.", "2,7 tỷ USD",
     "thu hút vốn đầu tư trực tiếp nước ngoài (FDI)"),
    ("Doanh thu (giá hiện hành) đạt 500 tỷ đồng.", "500 tỷ đồng", "Doanh thu"),
])
def test_short_names_in_brackets_stay_in_the_indicator(text, span, indicator):
    assert figure(text, span).indicator == indicator


@pytest.mark.parametrize("text", [
    "(QBĐT) - Tin từ Ban Tổ chức Tỉnh ủy cho biết, 6 tháng đầu năm, toàn tỉnh kết nạp được 603 đảng viên mới.",
    "Theo Ban Tổ chức Tỉnh uỷ, trong 3 tháng đầu năm, toàn Đảng bộ đã kết nạp 603 đảng viên mới.",
])
def test_the_body_that_reports_a_figure_does_not_own_it(text):
    m = figure(text, "603 đảng viên mới", source="https://www.baoquangbinh.vn/chinh-tri/201907/a-2168748/")
    assert m.entity == "Quảng Bình"


def test_quotes_around_a_resolutions_words_are_no_part_of_the_indicator():
    m = figure("Thực hiện Nghị quyết “Bình quân hằng năm phát triển 2.000 đảng viên”; năm 2019 đạt tốt.", "2.000 đảng viên")
    assert not m.indicator.endswith("”")


def test_the_body_that_set_the_plan_does_not_own_the_result():
    text = ("Kết thúc năm 2020, tổng thu ngân sách toàn tỉnh đạt 17.363 tỷ đồng, đạt 111,6% dự toán HĐND tỉnh điều "
            "chỉnh, tăng 7,3% so với cùng kỳ năm 2019.")
    assert figure(text, "7,3%", source="https://e.baonghean.vn/a-1/").entity == "Nghệ An"


def test_the_country_opening_a_sentence_owns_its_figures():
    text = ("Cả nước cũng có 249 đơn vị cấp huyện được công nhận đạt chuẩn nông thôn mới, tăng 36 đơn vị so cuối "
            "năm 2021.")
    assert figure(text, "249 đơn vị cấp huyện", source="http://baonamdinh.vn/channel/5083/202207/a-2551780/").entity \
        == "Việt Nam"


def test_a_ranking_frame_with_its_field_of_provinces_does_not_make_later_figures_national():
    text = ("Năm 2021, chỉ số SIPAS đạt 86,72%, xếp thứ 38/63 tỉnh, thành phố trong cả nước; chỉ số PAPI là "
            "40,62/80 điểm.")
    m = figure(text, "40,62/80 điểm", source="https://baobariavungtau.com.vn/kinh-te/202207/a-955613/")
    assert m.entity == "Bà Rịa - Vũng Tàu"


@pytest.mark.parametrize("title, entity", [
    ("Nhiệm kỳ 2015-2020, huyện Chư Sê kết nạp được 1.500 đảng viên", "huyện Chư Sê"),
    ("Số đảng viên mới kết nạp ở Chư Sê vượt cả năm ngoái", "huyện Chư Sê"),
    # a title about two districts, or a town named like its province, makes no district the page's
    ("Chư Sê và Chư Prông kết nạp được 1.500 đảng viên", "Gia Lai"),
])
def test_a_page_about_one_district(title, entity):
    text = "Những năm qua, công tác phát triển đảng viên được chú trọng. Có 123/128 chi bộ kết nạp được đảng viên."
    m = figure(text, "123/128 chi bộ", title=title, source="http://gialaitv.vn/tin-tuc/a/")
    assert m.entity == entity


def test_the_country_as_a_standard_does_not_own_the_figures_after_it():
    text = ("Năm 2021 tốc độ tăng trưởng GRDP của tỉnh vẫn đạt 6,01% (cao hơn bình quân chung cả nước); năm 2022 đạt "
            "gần 10,2%.")
    assert figure(text, "gần 10,2%", title="Điện Biên vươn lên").entity == "Điện Biên"
    # the standard's own figure is the country's
    text = "Tăng trưởng kinh tế ước đạt 9,54%, cao hơn bình quân chung cả nước (ước tăng 8%)."
    assert figure(text, "8%", title="Vĩnh Phúc tăng trưởng cao").entity == "Việt Nam"


def test_the_term_of_a_standard_is_not_the_figures_time():
    text = ("Kết quả tổng rà soát hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2022 - 2025: Hộ nghèo có 10.689 hộ, "
            "chiếm 3,20% so với tổng số hộ toàn tỉnh.")
    assert figure(text, "10.689 hộ", published="2022-12-20").period == "2022"


def test_qui_is_an_old_spelling_of_quy():
    m = figure("Trong quí I năm nay, tăng trưởng kinh tế (GRDP) đạt 8,1% so với cùng kỳ năm trước.", "8,1%",
               published="2025-04-05")
    assert m.period == "2025-Q1"


def test_a_move_in_a_ranking_measures_the_index():
    text = "Trong PCI năm nay, Long An tăng 2,49 điểm, nhảy vọt 8 bậc so với năm 2022."
    assert figure(text, "8 bậc").indicator == "PCI"


@pytest.mark.parametrize("published, period", [("2018-01-01", "2017"), ("2018-12-20", "2018")])
def test_the_year_gone_by_is_of_the_pages_date(published, period):
    text = "Trong năm qua, Huyện ủy Xuân Lộc kết nạp được 358 đảng viên mới, đạt tỷ lệ 7,61%."
    assert figure(text, "358 đảng viên mới", published=published).period == period


def test_up_to_now_on_an_undated_page_about_a_term_is_the_terms_end():
    text = ("Trong nhiệm kỳ 2015-2020, huyện đã kết nạp được 1.500 đảng viên. Đến nay 100% thôn, làng đã có tổ chức "
            "đảng, xây dựng được 123/128 chi bộ có cấp ủy.")
    assert figure(text, "123/128 chi bộ").period == "2020"


@pytest.mark.parametrize("text, span, published, period", [
    ("Năm nay, Quảng Ngãi thu hút được 4 dự án FDI.", "4 dự án", "2023-08-02", "2023"),
    # an undated page that compares with a year is of the year after it
    ("Năm nay, tổng sản lượng vải thiều tiêu thụ đạt hơn 147.000 tấn, so với năm 2018 thấp hơn khoảng 80.000 tấn.",
     "hơn 147.000 tấn", None, "2019"),
    # a list's term is not the figures' time
    ("Quyết định phê duyệt Danh sách huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang giai đoạn 2021-2025: Tỷ lệ nghèo "
     "đa chiều là 47,94%.", "47,94%", "2023-03-01", "2023"),
])
def test_this_year_and_lists(text, span, published, period):
    assert figure(text, span, published=published).period == period


def test_last_year_is_the_year_before_the_texts():
    text = ("Năm nay, sản lượng vải thiều đạt hơn 147.000 tấn, so với năm 2018 thấp hơn khoảng 80.000 tấn. Cụ thể, "
            "năm ngoái sản lượng đạt 230.000 tấn, gấp 1,5 lần cùng kỳ năm ngoái.")
    m = figure(text, "230.000 tấn")
    assert (m.period, m.indicator) == ("2018", "sản lượng")


def test_a_section_of_the_address_names_the_province():
    m = figure("Tháng 10/2018, tổng mức bán lẻ hàng hóa ước đạt hơn 4.200 tỷ đồng.", "hơn 4.200 tỷ đồng",
               title="Tổng mức bán lẻ hàng hóa tăng gần 13% so cùng kỳ",
               source="http://dangcongsan.vn/vinh-phuc-tiem-nang-va-trien-vong/vinh-phuc-hom-nay/tong-muc-ban-le-503508.html")
    assert m.entity == "Vĩnh Phúc"


def test_a_blocs_party_named_short_is_the_one_named_in_full_before():
    text = ("Đảng bộ Khối các cơ quan tỉnh hiện có 73 chi, đảng bộ trực thuộc. Từ đầu năm đến nay, Đảng ủy Khối đã xét "
            "kết nạp 90 đảng viên mới.")
    m = figure(text, "90 đảng viên mới", source="http://baothainguyen.vn/trang-in-276112.html")
    assert m.entity == "Đảng bộ Khối các cơ quan tỉnh Thái Nguyên"


def test_a_committees_membership_figure_is_its_partys():
    text = "Trong năm qua, Huyện ủy Xuân Lộc kết nạp được 358 đảng viên mới, đạt tỷ lệ 7,61%."
    assert figure(text, "358 đảng viên mới", published="2018-01-01").entity == "Đảng bộ huyện Xuân Lộc"
    # an award the committee gives stays the committee's
    text = "Ban Thường vụ Tỉnh ủy Hà Tĩnh tặng Bằng khen cho 26 cá nhân."
    assert figure(text, "26 cá nhân").entity == "Ban Thường vụ Tỉnh ủy Hà Tĩnh"


# --- indicators: a clause's own subject before its figure (third session of 7 December) ----------------
def test_a_clause_of_its_own_takes_its_subject_before_a_hedge_not_the_clause_befores():
    text = ("Doanh thu dịch vụ 6 tháng đầu năm đạt 5.100 tỉ đồng; nhập khẩu tăng mạnh, ước 6 tháng đầu năm "
            "đạt 812 triệu USD.")
    assert figure(text, "812 triệu USD").indicator == "nhập khẩu"
    assert figure(text, "5.100 tỉ đồng").indicator.startswith("Doanh thu dịch vụ")


def test_a_part_that_is_only_the_change_takes_the_subject_before_its_comma():
    m = figure("Ngành du lịch đã khởi sắc trở lại, tăng 12,4% so với cùng kỳ.", "12,4%")
    assert m.indicator == "Ngành du lịch"
    # a time before the comma is no subject: the change keeps its own reading
    m = figure("Đến thời điểm 31/12/2022, toàn tỉnh giảm được 3,1% hộ nghèo.", "3,1%")
    assert "31/12" not in (m.indicator or "")


def test_the_change_of_the_figure_before_in_brackets_is_that_figures():
    text = ("Kim ngạch xuất khẩu ước đạt 9,1 tỷ USD (tăng 8,2% so với cùng kỳ), kim ngạch nhập khẩu ước đạt "
            "6,4 tỷ USD (tăng 5,5% so với cùng kỳ).")
    assert figure(text, "5,5%").indicator == "kim ngạch nhập khẩu"
    assert figure(text, "8,2%").indicator == "Kim ngạch xuất khẩu"
    # what follows `về` still says what a change is about
    m = figure("Cấp mới 12 dự án, tổng vốn 900 tỷ đồng, tăng 20% về số dự án so với cùng kỳ.", "20%")
    assert m.indicator == "số dự án"


def test_an_average_alone_is_no_subject():
    m = figure("Tỷ lệ hộ nghèo của tỉnh giảm nhanh, bình quân 3,2%/năm.", "3,2%/năm")
    assert m.indicator.lower().startswith("tỷ lệ hộ nghèo")


def test_a_list_by_district_breaks_down_what_the_sentence_before_named():
    text = ("UBND tỉnh giao chỉ tiêu phấn đấu giảm tỷ lệ hộ nghèo năm 2019 cho các huyện, thành phố.\n\n"
            "Cụ thể, huyện Kim Sơn giảm từ 3,5-4%; Nho Quan 2,5-3%; TP. Tam Điệp 0,5-1%.")
    for span in ("từ 3,5-4%", "2,5-3%", "0,5-1%"):
        m = figure(text, span, title="Ninh Bình giao chỉ tiêu giảm nghèo")
        assert m.indicator == "tỷ lệ hộ nghèo", (span, m.indicator, m.entity)
    # the owner's name is never the indicator, even with nothing to put in its place
    m = figure("Nho Quan 2,5-3%; Kim Sơn 3,5-4%.", "2,5-3%", title="Ninh Bình giao chỉ tiêu")
    assert (m.indicator or "").lower() not in ("nho quan", "kim sơn")


def test_a_month_written_in_the_subject_is_its_time_not_its_indicator():
    text = "Cụ thể, doanh thu tháng 10/2022 đạt hơn 1.250 tỷ đồng, tăng 2,1% so với tháng 9 và tăng 30,5% so với cùng kỳ."
    for span in ("hơn 1.250 tỷ đồng", "2,1%", "30,5%"):
        m = figure(text, span)
        assert m.indicator == "doanh thu", (span, m.indicator)
    assert figure(text, "hơn 1.250 tỷ đồng").period == "2022-10"


def test_a_label_may_hold_a_short_name_in_brackets():
    text = ("Một số chỉ tiêu chủ yếu của tỉnh năm 2023 như sau:\n\n"
            "- Chỉ số sản xuất công nghiệp (IIP): + 6,7%\n- Số doanh nghiệp thành lập mới: 612 doanh nghiệp")
    assert figure(text, "6,7%").indicator == "Chỉ số sản xuất công nghiệp (IIP)"


def test_a_sentence_that_names_its_topic_first():
    m = figure("Về dịch vụ lưu trú, 6 tháng đầu năm tăng 17,01%.", "17,01%")
    assert m.indicator == "dịch vụ lưu trú"


def test_a_subject_a_comma_cuts_is_joined_before_a_count_and_visits_stay_visits():
    text = ("Theo báo cáo của Sở Du lịch, tổng lượt khách tham quan, du lịch đến tỉnh trong năm 2019 đạt "
            "1.633.981 lượt khách, tăng 9,6% so với năm 2018.")
    assert figure(text, "1.633.981 lượt khách").indicator.startswith("tổng lượt khách tham quan, du lịch")
    # the visits received are the visits as written (seventh session; `đón khách` before)
    assert figure("Năm 2019, tỉnh đón 520.000 lượt khách.", "520.000 lượt khách").indicator == "lượt khách"


# --- periods (third session of 7 December) -----------------------------------------------------------
def test_a_councils_term_is_part_of_its_name_not_the_figures_time():
    text = ("Ngày 14/7, Hội đồng nhân dân tỉnh khóa 19, nhiệm kỳ 2021-2026 đã thông qua nghị quyết về nhiệm vụ "
            "năm 2025.\n\nTheo đó, tỉnh phấn đấu tốc độ tăng trưởng GRDP đạt 10,5%.")
    assert figure(text, "10,5%", title="Bắc Ninh đặt mục tiêu tăng trưởng").period == "2025"


def test_a_month_compared_with_the_month_before_is_that_month():
    text = "Chỉ số sản xuất công nghiệp ước tính tháng 9 tăng 0,7% so với tháng trước."
    assert figure(text, "0,7%", published="2024-10-02").period == "2024-09"


def test_months_added_up_or_averaged_without_dau_nam():
    text = ("Chỉ số giá tiêu dùng tháng 6 tăng 0,55% so với tháng trước; bình quân 6 tháng tăng 3,68% so với "
            "cùng kỳ.")
    assert figure(text, "3,68%", published="2024-07-03").period == "2024-H1"
    assert figure(text, "0,55%", published="2024-07-03").period == "2024-06"


def test_the_year_of_the_plan_a_share_is_of_is_not_the_shares_time():
    text = ("Tính chung 9 tháng năm 2024, toàn tỉnh đón 3,6 triệu lượt khách quốc tế, tăng 47,9% so với cùng kỳ "
            "(vượt 20% kế hoạch năm 2024).")
    assert figure(text, "20%", published="2024-09-28").period == "2024-9M"
    text = "Năm 2019, toàn tỉnh kết nạp 1.988 đảng viên, đạt 94,7% kế hoạch năm 2019."
    assert figure(text, "94,7%").period == "2019"


def test_a_count_of_people_takes_the_group_named_right_before_it():
    text = ("6 tháng đầu năm, toàn tỉnh kết nạp được 603 đảng viên mới, trong đó: đảng viên nữ là 359 đồng chí, "
            "đảng viên người dân tộc ít người 14 đồng chí, đảng viên khối doanh nghiệp 20 đồng chí.")
    assert figure(text, "14 đồng chí").indicator == "đảng viên người dân tộc ít người"
    assert figure(text, "20 đồng chí").indicator == "đảng viên khối doanh nghiệp"
    # a verb before the count still names what was done
    assert figure("Tỉnh đã bổ nhiệm lại 7 đồng chí.", "7 đồng chí").indicator == "bổ nhiệm lại"


def test_the_same_figure_said_another_way_is_the_figure_befores():
    text = "Tổng diện tích gieo trồng vụ mùa năm 2022 ước đạt 57.421 ha, tăng 0,38% hay tăng 218 ha so với cùng vụ năm trước."
    assert figure(text, "218 ha").indicator == figure(text, "57.421 ha").indicator == "diện tích gieo trồng"
    text = "Cụ thể, huyện Minh Hóa giảm tỷ lệ hộ nghèo từ 6,5-7,2% (tương ứng từ 840-930 hộ)."
    assert figure(text, "từ 840-930 hộ").indicator == "hộ nghèo"


def test_a_look_back_at_an_earlier_year_holds_for_its_paragraph_only():
    text = ("Từ đầu năm đến ngày 5.9, Đảng bộ thị xã đã kết nạp 166 đảng viên.\n\n"
            "Năm 2021, Đảng bộ thị xã kết nạp đảng viên mới vượt 1% kế hoạch đề ra.\n\n"
            "Trong số các đảng viên mới kết nạp có 130 đảng viên nữ.")
    assert figure(text, "1%", published="2022-09-07").period == "2021"
    assert figure(text, "130 đảng viên", published="2022-09-07").period == "2022"
    # a review of the year before, published early in the next, keeps that year
    text2 = "Năm 2021, toàn tỉnh kết nạp 1.200 đảng viên.\n\nTrong đó có 730 đảng viên nữ."
    assert figure(text2, "730 đảng viên", published="2022-01-10").period == "2021"


def test_more_than_last_year_is_a_comparison_not_a_period():
    from extractors.periods import find_periods
    assert find_periods("Số đảng viên mới kết nạp ở Kinh Môn vượt cả năm ngoái") == []


def test_a_subject_written_inside_the_bracket_of_its_figure():
    text = ("Trong tháng 6, nhóm hàng ăn và dịch vụ ăn uống tăng 0,53% (tác động làm tăng CPI chung 0,16%); "
            "giá nhiên liệu tăng 7,99% (trong đó xăng tăng 8,27%; dầu diezen tăng 8,49%).")
    assert figure(text, "0,16%").indicator == "tác động làm tăng CPI chung"
    assert figure(text, "8,27%").indicator == "xăng"
    # a bracket that restates or compares the figure before keeps that figure's indicator
    text = "Kim ngạch nhập khẩu ước đạt 6,4 tỷ USD (tăng 5,5% so với cùng kỳ), thu ngân sách đạt 900 tỷ đồng (kế hoạch 850 tỷ đồng)."
    assert figure(text, "5,5%").indicator == "Kim ngạch nhập khẩu"


def test_an_indexs_criteria_named_before_their_scores_in_brackets():
    text = ("Tỉnh dẫn đầu cả nước ở 3 tiêu chí: Công khai, minh bạch trong việc ra quyết định (6,499 điểm); "
            "Kiểm soát tham nhũng trong khu vực công (8,286 điểm) và Cung ứng dịch vụ công (7,713 điểm).")
    assert figure(text, "6,499 điểm").indicator == "Công khai, minh bạch trong việc ra quyết định"
    assert figure(text, "7,713 điểm").indicator == "Cung ứng dịch vụ công"
    # bodies named before their figures in brackets are owners, not criteria
    text = "Các cơ quan có tỷ lệ giải ngân cao gồm: Hội Nhà văn (100%), Thanh tra Chính phủ (99%)."
    assert figure(text, "99%").indicator != "Thanh tra Chính phủ"


def test_a_comparison_names_no_subject_the_words_before_it_do():
    text = "CPI so với tháng trước (+0,88%); so với cùng kỳ năm trước (+2,90%); so với tháng 12 năm trước (+3,94%)."
    for span in ("0,88%", "2,90%", "3,94%"):
        assert figure(text, span).indicator == "CPI", span
    # `Đây là …` says what something is, it measures nothing
    text = ("PCI năm 2022 chỉ điểm danh 30 địa phương. Đây là điểm khác biệt đầu tiên so với những lần công bố "
            "trước, khi thứ hạng 63 tỉnh thành được công bố.")
    assert not (figure(text, "thứ hạng 63").indicator or "").startswith("Đây là")


def test_a_change_against_the_same_time_last_year_is_of_the_count_named_before():
    text = ("Trong 9 tháng năm 2025, toàn tỉnh xảy ra 112 vụ tai nạn giao thông, làm chết 68 người, bị thương 79 người; "
            "so với cùng kỳ năm 2024 giảm 14 vụ.")
    assert figure(text, "14 vụ").indicator == figure(text, "112 vụ").indicator


def test_a_month_compared_with_december_is_of_the_year_after_and_the_base_month_is_no_period():
    text = ("Chỉ số giá tiêu dùng (CPI) của Hà Nội trong tháng 6 tăng 0,11% so với tháng trước, tăng 0,07% so với "
            "tháng 12/2022 và giảm 0,23% so với cùng kỳ năm trước.")
    for span in ("0,11%", "0,07%", "0,23%"):
        assert figure(text, span).period == "2023-06", span


def test_a_figure_in_brackets_after_the_year_it_is_compared_with_is_that_years():
    text = "10 tháng đầu năm 2022, toàn tỉnh có 20.105 người đi xuất khẩu lao động, tăng gần ba lần so với năm 2021 (trên 6.700 lao động)."
    assert figure(text, "trên 6.700 lao động").period == "2021"
    assert figure(text, "20.105 người").period == "2022-10M"


def test_a_plans_figure_after_a_line_label_is_the_plan_of_that_item():
    text = ("Tình hình giải ngân vốn đầu tư công năm 2017 như sau:\n\n"
            "- Vốn ngân sách địa phương: Kế hoạch năm 2017 là 6.157,9 tỷ đồng, giá trị giải ngân là 4.491 tỷ đồng.")
    assert figure(text, "6.157,9 tỷ đồng").indicator == "kế hoạch vốn ngân sách địa phương"


def test_a_label_inside_a_sentence():
    text = "Trong đó, khách du lịch nội địa 256.800 lượt, khách quốc tế: 8.400 lượt; giảm 53 chức lãnh đạo (cấp trưởng: 50 chức danh)."
    assert figure(text, "8.400 lượt").indicator == "khách quốc tế"
    assert figure(text, "50 chức danh").indicator == "cấp trưởng"


def test_a_verb_before_a_rate_is_no_part_of_it():
    text = "Tính đến ngày 30/9, huyện có 259.145 người có thẻ BHYT, đạt tỷ lệ bao phủ 88,44%."
    assert figure(text, "88,44%").indicator == "tỷ lệ bao phủ"


def test_compared_with_the_year_before_a_term_a_level_is_of_the_terms_end():
    text = ("Theo báo cáo tại Đại hội, GRDP của tỉnh tăng bình quân gần 7%/năm; quy mô nền kinh tế ước đạt hơn 60.000 "
            "tỉ đồng, tăng gấp 1,35 lần so với năm 2015; năng suất lao động giai đoạn 2016 - 2020 tăng bình quân 5,7%/năm.")
    assert figure(text, "hơn 60.000 tỉ đồng").period == "2020"
    assert figure(text, "gần 7%/năm").period == "2016-2020"
    # without a term, the year after the base
    assert figure("Năm qua, GRDP tăng 7,96% so với năm 2021.", "7,96%").period == "2022"


def test_a_share_restated_as_a_fraction_in_brackets_still_reads_what_follows():
    m = figure("Đến ngày 31/7, 100% (152/152) đảng bộ trực thuộc Tỉnh ủy đã hoàn thành Đại hội.", "100%")
    assert m.indicator and "hoàn thành Đại hội" in m.indicator


def test_owners_pointed_back_to_funds_and_moves_in_a_national_ranking():
    text = ("Xếp thứ hai trong PAPI 2020 là Đồng Tháp với số điểm 46,961 điểm. Tỉnh này dẫn đầu cả nước ở tiêu chí "
            "Quản trị môi trường với 5,202 điểm.")
    m = figure(text, "5,202 điểm", title="Quảng Ninh dẫn đầu PAPI 2020")
    assert (m.entity, m.indicator) == ("Đồng Tháp", "Quản trị môi trường")
    text = "- Vốn ngân sách Trung ương (ODA): Kế hoạch năm 2017 là 1.156,4 tỷ đồng, giá trị giải ngân 884,5 tỷ đồng."
    assert figure(text, "884,5 tỷ đồng", title="Bình Dương giải ngân vốn đầu tư công").entity == "Bình Dương"
    text = "Điểm số PAPI năm 2022 của tỉnh tăng khá. Thứ hạng trong cả nước thăng 7 bậc (từ vị trí 53 lên 46)."
    assert figure(text, "7 bậc", title="Sơn La cải thiện chỉ số PAPI").entity == "Sơn La"


@pytest.mark.parametrize("text, span, period", [
    ("Qúy I/2024, tỉnh cấp mới và điều chỉnh vốn đầu tư 13 dự án.", "13 dự án", "2024-Q1"),
    ("10 tháng của năm 2022, toàn tỉnh đã tuyển sinh 35.842 người.", "35.842 người", "2022-10M"),
    ("6 tháng của năm 2022, thu ngân sách đạt 5.200 tỷ đồng.", "5.200 tỷ đồng", "2022-H1"),
    # a level compared with the end of a year is of the year after, and of the year, not the months
    ("Tổng nguồn vốn huy động tính đến hết tháng 8 đạt 98.000 tỷ đồng, tăng 2,06% so với thời điểm cuối năm 2022.",
     "98.000 tỷ đồng", "2023"),
    # a month named as the base of a comparison is no period of the figure
    ("Năm 2023, tỉnh thu hút 1,2 tỷ USD vốn FDI. So với tháng 8/2023, tỉnh vươn lên 2 bậc.", "2 bậc", "2023"),
])
def test_more_ways_of_writing_a_period(text, span, period):
    assert figure(text, span).period == period


def test_a_breakdown_sentence_keeps_the_time_of_the_sentence_it_breaks_down():
    text = ("Ước đến ngày 30/6, tổng dư nợ cho vay trên địa bàn tỉnh đạt 113.000 tỷ đồng. Trong đó, dư nợ cho vay "
            "ngắn hạn đạt 81.000 tỷ đồng; tăng 14,38% so với cuối năm 2021.")
    m = figure(text, "14,38%", title="6 tháng đầu năm 2022, dư nợ cho vay tăng gần 18%")
    assert m.period == figure(text, "113.000 tỷ đồng", title="6 tháng đầu năm 2022, dư nợ cho vay tăng gần 18%").period == "2022"


def test_what_a_change_raises_from_one_level_to_another_and_shares_of_counts():
    text = "Qua đó, nâng tỷ lệ nhựa hóa, cứng hóa đường toàn tỉnh từ 53% lên 65%, bảo đảm vượt chỉ tiêu."
    assert figure(text, "53%").indicator == figure(text, "65%").indicator == "tỷ lệ nhựa hóa, cứng hóa đường toàn tỉnh"
    text = "Kế đến là cấp THCS với 53/63 trường đạt chuẩn quốc gia; cấp tiểu học có 119/156 trường đạt chuẩn chiếm tỷ lệ 76,28%."
    assert figure(text, "53/63 trường").indicator == "trường đạt chuẩn quốc gia"   # (`cấp THCS` is a level, no verb)
    assert figure(text, "76,28%").indicator == "tỷ lệ trường đạt chuẩn"


def test_a_list_of_one_word_parts_is_joined_back_into_its_subject():
    m = figure("Khu vực nông, lâm, ngư nghiệp tăng trưởng 5,12% so với cùng kỳ.", "5,12%")
    assert m.indicator.startswith("Khu vực nông, lâm, ngư nghiệp")
    m = figure("Theo đó, nông, lâm nghiệp và thuỷ sản của tỉnh tăng 3,36%.", "3,36%")
    assert m.indicator.startswith("nông, lâm nghiệp và thuỷ sản")
    text = "Trong đó, đảng viên nữ 510 đồng chí, là người dân tộc khơme là 189 đồng chí."
    assert figure(text, "189 đồng chí").indicator == "người dân tộc khơme"


def test_the_country_as_the_whole_of_a_share_owns_nothing_after_it():
    text = ("Hải Phòng xếp thứ 2 với tổng vốn đầu tư đăng ký gần 2,21 tỷ USD, chiếm 10,9% tổng vốn đầu tư cả nước, "
            "tăng 82,4% so với cùng kỳ.")
    assert figure(text, "82,4%").entity == "Hải Phòng"
    # the whole's own value, in brackets after it, is the country's
    text = "Long An dẫn đầu với gần 3,2 tỉ USD, chiếm gần 32% tổng vốn FDI trong thời gian này của cả nước (10,13 tỉ USD)."
    assert figure(text, "10,13 tỉ USD").entity == "Việt Nam"


@pytest.mark.parametrize("text, span, published, period", [
    ("Chỉ số sản xuất công nghiệp tháng 11 ước tăng hơn 4,9% so với tháng 10.", "hơn 4,9%", "2021-12-05", "2021-11"),
    ("Kinhte&Xahoi Trong 10 tháng, tỉnh đã thu hút vốn FDI đạt trên 3 tỷ USD.", "trên 3 tỷ USD", "2023-11-02", "2023-10M"),
    ("Quý I/2024, 8 dự án FDI cấp mới với tổng vốn gần 1,452 tỷ USD, vượt nhiều lần so với cùng kỳ năm 2023 (35,4 triệu USD).",
     "35,4 triệu USD", None, "2023-Q1"),
])
def test_months_and_same_periods_of_bases(text, span, published, period):
    assert figure(text, span, published=published).period == period


def test_a_breakdown_of_a_plan_keeps_its_deadline_and_auxiliaries_are_no_part_of_an_indicator():
    text = ("Đến cuối năm 2020, toàn tỉnh đã xây dựng mới và nâng cấp được 555 km đường giao thông. "
            "Cụ thể, đầu tư sửa chữa, nâng cấp 55 km quốc lộ; 99 km đường huyện.")
    assert figure(text, "55 km").period == figure(text, "555 km").period == "2020"
    m = figure("Trong 10 tháng, tỉnh đã thu hút vốn đầu tư trực tiếp nước ngoài đạt trên 3 tỷ USD.", "trên 3 tỷ USD")
    assert m.indicator == "thu hút vốn đầu tư trực tiếp nước ngoài"


def test_a_change_of_a_share_of_something_named_after_it():
    m = figure("Riêng trong năm 2016 giảm 1,5% hộ nghèo và phấn đấu giảm tỷ lệ hộ cận nghèo.", "1,5%")
    assert m.indicator == "giảm hộ nghèo"
    m = figure("Tốc độ tăng trưởng GRDP tăng 9,46%, đứng thứ 2 cả nước.", "9,46%")
    assert m.indicator == "Tốc độ tăng trưởng GRDP"


def test_on_an_undated_page_a_congress_meets_in_the_first_year_of_its_term():
    text = ("Sáng 15.10, Đại hội Đại biểu Đảng bộ tỉnh Bạc Liêu lần thứ 16, nhiệm kỳ 2020 - 2025 chính thức khai mạc. "
            "Dự đại hội có 317 đại biểu chính thức. Đến năm 2030, GRDP bình quân đầu người đạt 150 triệu đồng.")
    assert figure(text, "317 đại biểu").period == "2020"


def test_a_base_many_years_back_spans_them():
    text = ("Đến hết tháng 9.2021, tổng nguồn vốn của chi nhánh đạt hơn 3.579 tỉ đồng. Tổng dư nợ đạt hơn 3.569 tỉ "
            "đồng, tăng trên 3.478 tỉ đồng so với năm 2003.")
    assert figure(text, "hơn 3.569 tỉ đồng").period == "2021"
    # the year before the report's: the year after the base
    assert figure("Năm qua, GRDP tăng 7,96% so với năm 2021; tổng thu ngân sách đạt hơn 8.000 tỷ đồng.",
                  "hơn 8.000 tỷ đồng", published="2023-01-12").period == "2022"


def test_a_change_against_a_base_is_of_the_figure_before_or_of_what_it_counts():
    text = ("Năm 2022, số lượt lao động được giải quyết việc làm là 25.500 lượt người, đạt 102% kế hoạch năm, tăng "
            "2.000 người so với cùng kỳ. So với khi mới thành lập huyện năm 2002, tăng 27 tổ chức cơ sở Đảng và "
            "tăng gần 1.700 đảng viên.")
    assert figure(text, "2.000 người").indicator == figure(text, "25.500 lượt người").indicator
    assert figure(text, "27 tổ chức cơ sở Đảng").indicator == "tổ chức cơ sở Đảng"
    assert figure(text, "gần 1.700 đảng viên").indicator == "đảng viên"
    # a change done, with no base, keeps its verb
    assert figure("Toàn Đảng bộ tỉnh đã sắp xếp, giảm 1.132 chi bộ.", "1.132 chi bộ").indicator == "giảm"


def test_a_share_of_a_count_is_not_what_the_counted_did_and_an_open_list_says_where():
    text = ("Đưa lao động đi làm việc có thời hạn ở nước ngoài ở các thị trường như: Hàn Quốc, Nhật Bản, Đài Loan, "
            "Trung Đông... 250 người đạt 125% kế hoạch năm.")
    m = figure(text, "250 người")
    assert m.indicator.startswith("Đưa lao động đi làm việc có thời hạn ở nước ngoài"), m.indicator
    # a predicate with a figure that is no share stays (`48 xã đạt 19 tiêu chí`)
    m = figure("Năm 2022, huyện có 48 xã đạt 19 tiêu chí nông thôn mới.", "48 xã")
    assert m.indicator == "xã đạt 19 tiêu chí nông thôn mới"


def test_a_move_in_a_ranking_and_a_clause_cut_at_its_first_word_take_the_index_named_before():
    text = ("Dù vẫn đứng trong top 5 tỉnh thành có năng lực cạnh tranh cấp tỉnh tốt nhất cả nước, song tỉnh đã tụt "
            "1 bậc từ vị trí thứ 4 năm 2013 xuống vị trí thứ 5 năm 2014.")
    assert figure(text, "1 bậc").indicator == "năng lực cạnh tranh cấp tỉnh"
    text = ("Điểm số PAPI năm 2022 của tỉnh tăng khá. Thứ hạng trong cả nước thăng 7 bậc, và thăng 1 bậc trong vùng.")
    assert figure(text, "1 bậc").indicator == "PAPI"
    text = ("Theo bảng xếp hạng PCI năm 2015, Đà Nẵng dẫn đầu. Tiếp đến là hai tỉnh có nhiều sáng kiến cải cách, gồm "
            "Đồng Tháp (66,39 điểm); Quảng Ninh (65,75 điểm).")
    assert figure(text, "66,39 điểm").indicator == "PCI"
    # both names of the index in the paragraph: its short name
    text = ("Trong PCI năm nay, tỉnh là cái tên gây chú ý trong bảng xếp hạng về chỉ số năng lực cạnh tranh cấp tỉnh. "
            "Theo đó, tỉnh đã có bước tiến lớn về điểm số, tăng 2,49 điểm, nhảy vọt 8 bậc so với năm 2022.")
    assert figure(text, "8 bậc").indicator == "PCI"


def test_a_list_by_place_a_sentence_each_and_a_rank_by_the_amount_after_it():
    text = ("Bắc Giang thu hút được hơn 1,763 tỷ USD, đứng thứ 4/63 tỉnh, thành. Bình Dương với hơn 1,382 tỷ USD đứng "
            "thứ 5 cả nước.")
    assert figure(text, "hơn 1,382 tỷ USD").indicator == figure(text, "hơn 1,763 tỷ USD").indicator == "thu hút"
    text = "Hải Phòng xếp thứ 2 với tổng vốn đầu tư đăng ký gần 2,21 tỷ USD, chiếm 10,9% tổng vốn đầu tư cả nước."
    assert figure(text, "xếp thứ 2").indicator == "tổng vốn đầu tư đăng ký"
    # a hedge is no amount: `đứng thứ hai với gần 3,15 tỷ USD`
    assert figure("Bắc Ninh đứng thứ hai với gần 3,15 tỷ USD.", "đứng thứ hai").indicator != "gần"


def test_a_share_that_opens_its_clause_after_con():
    m = figure("Hiện còn 11,56% dân số huyện (khoảng 33.888 người) chưa tham gia BHYT.", "11,56%")
    assert m.indicator == "dân số huyện"


def test_on_an_undated_page_the_end_of_a_year_in_a_sentence_that_sets_no_target_is_a_past_date():
    text = ("Đến hết năm 2018, tỷ lệ xã, phường, thị trấn trên địa bàn tỉnh đạt Bộ tiêu chí quốc gia về Y tế xã chiếm "
            "hơn 71%.\n\n100% trạm y tế xã có bác sĩ. Trong năm, 35 trạm y tế cấp xã đã được xây dựng, sửa chữa.")
    assert figure(text, "35 trạm y tế").period == figure(text, "100%").period == "2018"
    # a target by the end of a year stays a deadline of its own clause
    text = "Phấn đấu đến hết năm 2025, tỷ lệ hộ nghèo giảm còn 2%.\n\nNăm 2023, toàn tỉnh có 120 xã đạt chuẩn."
    assert figure(text, "120 xã").period == "2023"


def test_a_list_of_kinds_of_administrative_unit_is_one_noun():
    m = figure("Đến hết năm 2018, tỷ lệ xã, phường, thị trấn trên địa bàn tỉnh đạt Bộ tiêu chí quốc gia về Y tế xã "
               "chiếm hơn 71%.", "hơn 71%")
    assert m.indicator.startswith("tỷ lệ xã, phường, thị trấn"), m.indicator


def test_a_road_accident_report_each_count_with_its_own_verb_or_predicate():
    text = ("Toàn tỉnh đã xảy ra 56 vụ TNGT, làm chết 35 người và 59 người bị thương; so với cùng kỳ năm 2019 tăng "
            "7,69% số vụ, 2,94% số người chết và 31,11% số người bị thương.")
    assert figure(text, "35 người").indicator == "làm chết"
    assert figure(text, "59 người").indicator == "bị thương"
    assert figure(text, "7,69%").indicator == "tăng số vụ"
    assert figure(text, "2,94%").indicator == "số người chết"


def test_a_hectare_written_hec_ta_is_one_measure():
    m = figure("Quý I-2015, diện tích nuôi thủy sản trên địa bàn tỉnh gần 545 héc-ta (tăng 2,3% so cùng kỳ).",
               "gần 545 héc-ta")
    assert (m.unit, m.indicator) == ("héc-ta", "diện tích nuôi thủy sản")


def test_targets_on_a_page_of_a_congress_year_that_names_no_term_are_of_the_term_it_opens():
    text = ("Về kinh tế: Tổng sản phẩm trong tỉnh (GRDP) tăng bình quân trên 9%/năm. Tổng kim ngạch xuất khẩu tăng "
            "bình quân 15%/năm.")
    m = figure(text, "trên 9%/năm", published="2015-10-24")
    assert (m.status, m.period) == ("target", "2015-2020")
    # in a year without congresses, no term is made up
    assert figure(text, "trên 9%/năm", published="2017-10-24").period != "2017-2022"
    text = ("Đại hội cũng thống nhất mức tăng trưởng kinh tế bình quân 7,5%/năm. Thu nhập bình quân của người dân nông "
            "thôn đến năm 2020 là 44,5 triệu đồng/người/năm. Giá trị dịch vụ tăng 7,5%.")
    assert figure(text, "7,5%", published="2015-10-20").period == "2015-2020"


def test_a_period_right_after_a_figure_with_cua_is_that_figures_only():
    text = ("Cụ thể, GRDP 6 tháng đầu năm 2022 ước đạt 8.941 tỷ đồng, tăng trưởng đạt 6,33%, cao hơn mức tăng 3,59% "
            "của 6 tháng đầu năm 2021. Khu vực dịch vụ đạt 3.958 tỷ đồng, tăng 6,41%.")
    assert figure(text, "3,59%").period == "2021-H1"
    assert figure(text, "6,33%").period == figure(text, "3.958 tỷ đồng").period == "2022-H1"


def test_a_breakdown_by_time_in_brackets_is_of_the_figure_before_and_a_name_or_a_list_is_no_group():
    text = ("Tốc độ tăng trưởng GRDP trên địa bàn tỉnh tăng 9,14% so với cùng kỳ năm 2023, tiếp tục có xu hướng tăng "
            "trưởng tích cực (quý I tăng 9,42%, quý II tăng 10,18%).")
    assert figure(text, "9,42%").indicator == figure(text, "9,14%").indicator
    text = "Kế đến huyện Giồng Trôm 1.437 người, thành phố Bến Tre 356 người và Chợ Lách 279 người."
    assert figure(text, "279 người").indicator != "Chợ Lách"
    text = ("Tư vấn về học nghề, việc làm trong nước, chính sách bảo hiểm thất nghiệp… cho 30.500 lượt người lao động.")
    assert "chính sách" not in (figure(text, "30.500 lượt người").indicator or "")


def test_months_written_with_a_leading_zero():
    text = ("Trong 06 tháng đầu năm 2023, nhiều chỉ tiêu của huyện đạt và vượt kế hoạch.\n\nTổng giá trị sản xuất trên "
            "địa bàn gần 2.070 tỷ đồng, đạt 53% kế hoạch.")
    assert figure(text, "gần 2.070 tỷ đồng").period == "2023-H1"


def test_now_on_a_page_of_the_first_quarter_that_reviews_the_year_before():
    text = ("Ngày 5-1-2022, UBND tỉnh ban hành Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2021.\n\n"
            "Theo đó, toàn tỉnh hiện có 8.112 hộ nghèo, tỷ lệ 1,60%.")
    assert figure(text, "1,60%", published="2022-01-06").period == "2021"
    # a page of its own year's news keeps its date
    text = "Năm 2022, toàn tỉnh có 120 xã đạt chuẩn. Hiện có 8.112 hộ nghèo, tỷ lệ 1,60%."
    assert figure(text, "1,60%", published="2022-01-06").period == "2022"


def test_a_yearly_average_written_trung_binh_is_of_the_term_named_before():
    text = ("Giai đoạn 2005-2010, cơ cấu kinh tế có bước chuyển mạnh sang dịch vụ. Thu ngân sách tăng trung bình hằng "
            "năm 21%.")
    assert figure(text, "21%").period == "2005-2010"


def test_a_cumulative_figure_after_a_month_is_of_the_months_so_far():
    text = ("Ước tổng thu ngân sách nhà nước tháng 3 năm 2017 được 595.381 triệu đồng, lũy kế được 2.898.654 triệu "
            "đồng, đạt 55,16% dự toán.")
    assert figure(text, "595.381 triệu đồng").period == "2017-03"
    assert figure(text, "2.898.654 triệu đồng").period == "2017-Q1"
    text = ("Chỉ số sản xuất công nghiệp tháng 7/2018 tăng 9,0% so với cùng kỳ năm trước. Đa số sản phẩm lũy kế tăng "
            "khá so với cùng kỳ: Nước sạch tăng 22,4%; giày dép tăng 11,7%.")
    assert figure(text, "11,7%").period == "2018-7M"


def test_same_time_last_year_is_of_the_part_of_the_year_the_page_names():
    text = ("Tốc độ tăng trưởng GRDP trên địa bàn tỉnh tăng 9,14% so với cùng kỳ năm 2023.\n\nVề quy mô, 9 tháng đầu "
            "năm 2024 tổng sản phẩm ước đạt 35.083 tỷ đồng.")
    assert figure(text, "9,14%").period == "2024-9M"
    # with no part of the year named, the year
    assert figure("Tổng thu ngân sách tăng 9,14% so với cùng kỳ năm 2023.", "9,14%").period == "2024"


def test_a_cumulative_figure_measures_what_the_month_before_it_measures():
    text = ("Tổng chi ngân sách địa phương tháng 3 năm 2017 được 411.564 triệu đồng, luỹ kế được 931.352 triệu đồng, "
            "đạt 19,25% dự toán.")
    assert figure(text, "931.352 triệu đồng").indicator == figure(text, "411.564 triệu đồng").indicator


def test_districts_listed_with_their_figures_in_brackets_or_after_va():
    text = ("Diện tích hồ tiêu toàn tỉnh Đắk Nông đạt 33.789 ha. Diện tích hồ tiêu tập trung nhiều nhất là ở các "
            "huyện: Ðắk Song (13.984 ha), Đắk R’lấp (5.410 ha), Đắk Mil (4.163 ha).")
    from extractors.normalize import nfc
    text = nfc(text)   # (an eth typed for `Đ` is read as `Đ`)
    assert (figure(text, "13.984 ha").entity, figure(text, "13.984 ha").indicator) == ("huyện Đắk Song",
                                                                                        "Diện tích hồ tiêu")
    assert figure(text, "5.410 ha").entity == "huyện Đắk R’lấp"
    text = "Tỉnh Bến Tre có nhiều lao động. Kế đến huyện Giồng Trôm 1.437 người, thành phố Bến Tre 356 người và Chợ Lách 279 người."
    assert figure(text, "279 người").entity == "huyện Chợ Lách"
    # two names joined by `và` before one figure are not a list of figures
    text = "Tỉnh Phú Yên có 41/88 xã đạt chuẩn, huyện Phú Hòa và Tây Hòa là 2 địa phương có 100% số xã đạt chuẩn."
    assert figure(text, "2 địa phương").entity != "huyện Tây Hòa"


def test_a_page_titled_with_a_district_its_parent_and_double_digits():
    text = ("Ngày 6-11-2003, Chính phủ ban hành Nghị định thành lập quận Long Biên thuộc thành phố Hà Nội với diện tích "
            "6.038,24ha, gồm 14 đơn vị hành chính. Thu ngân sách tăng trên 20%/năm, mức tăng trưởng 2 con số.")
    title = "Quận Long Biên: 20 năm, phát triển mọi mặt"
    assert figure(text, "6.038,24ha", title=title).entity == "quận Long Biên"
    assert figure(text, "trên 20%/năm", title=title).entity == "quận Long Biên"
    ex = extract_document(Document(id="t", source="", text=text, title=title))
    assert not [m for m in ex.mentions if m.text.startswith("2 con")]


def test_results_timed_by_the_term_the_page_names():
    text = ("Sáng 25/9, Đại hội đại biểu Đảng bộ tỉnh Bắc Ninh lần thứ XX, nhiệm kỳ 2020-2025 chính thức khai mạc. "
            "Trong nhiệm kỳ vừa qua, Đảng bộ tỉnh đã hoàn thành và hoàn thành vượt mức 19/26 chỉ tiêu Nghị quyết.\n\n"
            "Trong nhiệm kỳ, đã kết nạp 8.245 đảng viên mới, đạt 110% chỉ tiêu Nghị quyết đề ra.")
    assert figure(text, "19/26 chỉ tiêu").period == figure(text, "8.245 đảng viên mới").period == "2015-2020"
    text = ("Từ đầu nhiệm kỳ đến nay, toàn Đảng bộ tỉnh đã kết nạp được 3.899 đảng viên, vượt 8,3% so với mục tiêu "
            "Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2020 - 2025 đề ra.")
    assert figure(text, "3.899 đảng viên", published="2023-08-20").period == "2020-2023"


def test_a_connective_without_its_comma_a_place_phrase_and_a_unit_in_capitals():
    m = figure("Bên cạnh đó trên địa bàn tỉnh vẫn còn gần 13 ngàn hộ cận nghèo, tập trung ở khu vực nông thôn.",
               "gần 13 ngàn hộ")
    assert m.indicator == "hộ cận nghèo"
    m = figure("Hệ thống giao thông nông thôn đã hoàn thành một khối lượng lớn với tổng cộng 2.204,22Km đường được "
               "đầu tư.", "2.204,22Km")
    assert (m.unit, m.indicator) == ("Km", "đường được đầu tư")


def test_thousands_scores_and_a_count_over_a_count():
    from extractors.mentions.finder import find

    # one `101.86%` does not make a page English: `25.500 lượt người` is twenty-five thousand
    ms, _ = find("Số lao động được giải quyết việc làm là 25.500 lượt người, đạt 101.86% kế hoạch.")
    assert [m.value for m in ms][:1] == [25500]
    # an index's scores with three decimals, down the paragraph; a stock index's points are thousands
    ms, _ = find("Chỉ số PAPI của tỉnh đạt 42.394 điểm. " + "Trục nội dung A đạt 4.969 điểm; " * 6 + "B đạt 2.859 điểm.")
    assert [m.value for m in ms if m.unit == "điểm"] == [42.394] + [4.969] * 6 + [2.859]
    ms, _ = find("Chỉ số VN-Index tăng lên 1.050 điểm.")
    assert ms[0].value == 1050
    ms, _ = find("Toàn tỉnh hiện có 8.112 hộ nghèo/506.184 hộ, tỷ lệ 1,60%.")
    assert (ms[0].kind, ms[0].value, ms[0].denominator, ms[0].unit) == ("fraction", 8112, 506184, "hộ nghèo")


def test_a_sentence_that_opens_with_rieng_and_a_district_is_that_districts():
    text = ("Trong tháng 8 năm 2018, tổng lượt khách đến Kiên Giang ước đạt 776.507 lượt. Doanh thu 565,3 tỷ đồng. "
            "Riêng Phú Quốc có 454.960 lượt khách, tăng 29,3% so cùng kỳ; trong đó, khách quốc tế 43.730 lượt. "
            "Doanh thu 516,8 tỷ đồng.")
    assert figure(text, "454.960 lượt khách").entity == figure(text, "43.730 lượt").entity == "huyện Phú Quốc"   # (a city from 2021)
    assert figure(text, "565,3 tỷ đồng").entity == "Kiên Giang"
    # (the sentence after it, naming no owner, goes on about Phú Quốc: the ninth session's rule, as rdev-m029's gold)
    assert figure(text, "516,8 tỷ đồng").entity == "huyện Phú Quốc"


def test_now_on_a_first_quarter_page_is_the_year_before_only_where_the_page_reviews_it():
    text = ("Năm 2021, toàn tỉnh kết nạp 1.200 đảng viên. Hiện nay, Đảng bộ tỉnh có 52.000 đảng viên.")
    assert figure(text, "52.000 đảng viên", published="2022-02-10").period == "2022"


# --- fifth session: from development part O ------------------------------------------------------
def test_a_district_named_with_its_province_after_it_keeps_its_figures():
    m = figure("Năm 2022, huyện Đức Hòa, tỉnh Long An có 18/18 xã đạt chuẩn nông thôn mới.", "18/18 xã")
    assert m.entity == "huyện Đức Hòa"
    # the province alone still owns its figures
    m = figure("Năm 2022, tỉnh Long An có 150/188 xã đạt chuẩn nông thôn mới.", "150/188 xã")
    assert m.entity == "Long An"


def test_a_national_page_titled_by_a_district_nobody_else_is_called():
    text = "Năm 2022, toàn huyện trồng được 2.500 ha rừng, đạt 102% kế hoạch."
    m = figure(text, "2.500 ha", title="Trạm Tấu vượt khó", source="https://dangcongsan.vn/kinh-te/a-1.html")
    assert m.entity == "huyện Trạm Tấu"
    # a name several districts share names none of them
    m = figure(text, "2.500 ha", title="Tân Phú vượt khó", source="https://dangcongsan.vn/kinh-te/a-2.html")
    assert m.entity is None


@pytest.mark.parametrize("text, span, group", [
    ("Đại hội công bố Ban Chấp hành Đảng bộ thành phố khóa XXII gồm 41 đồng chí.", "41 đồng chí",
     "Ban Chấp hành Đảng bộ thành phố khóa XXII"),
    ("Sau đó, hội nghị bầu 10 đồng chí vào Ban Thường vụ Thành ủy.", "10 đồng chí", "Ban Thường vụ Thành ủy"),
    ("Hội đồng nghiệm thu gồm có 9 thành viên.", "9 thành viên", "Hội đồng nghiệm thu"),
])
def test_a_count_of_members_is_of_the_group_they_make_up(text, span, group):
    m = figure(text, span)
    assert (m.indicator, m.extra["indicator_source"]) == (group, "group")


def test_a_count_of_people_without_a_group_keeps_its_reading():
    m = figure("Năm 2023, Sở đã tuyển dụng 35 người vào làm việc tại các trường.", "35 người")
    assert m.extra["indicator_source"] != "group"


@pytest.mark.parametrize("text, span, indicator", [
    ("Quý III ước tính doanh thu dịch vụ cảng biển đạt 1.250 tỷ đồng.", "1.250 tỷ đồng", "doanh thu dịch vụ cảng biển"),
    ("Ngành chế biến gỗ giữ được đà tăng với tốc độ tăng trưởng dự ước đạt 9,1%.", "9,1%", "tốc độ tăng trưởng"),
    ("Tháng qua, hoạt động dịch vụ lưu trú trên địa bàn tỉnh ước đạt 320 tỷ đồng.", "320 tỷ đồng",
     "hoạt động dịch vụ lưu trú"),
])
def test_an_estimates_word_or_a_reports_time_is_no_part_of_the_indicator(text, span, indicator):
    assert figure(text, span).indicator == indicator


def test_attendance_keeps_its_verb():
    m = figure("Đại hội khai mạc với sự tham dự của 300 đại biểu.", "300 đại biểu")
    assert m.indicator is None or not m.indicator.endswith(" tham")


# --- fifth session: from development part P ------------------------------------------------------
def test_an_unnamed_district_body_is_the_district_the_page_is_about():
    m = figure("Năm 2024, Đảng bộ huyện đã lãnh đạo hoàn thành 17/19 chỉ tiêu chủ yếu.", "17/19 chỉ tiêu",
               title="Huyện Đông Anh vượt nhiều chỉ tiêu", source="https://hanoimoi.vn/a-1.html")
    assert (m.entity, m.extra["entity_source"]) == ("Đảng bộ huyện Đông Anh", "document")


def test_a_paragraph_that_opens_on_a_district_is_about_it():
    text = ("Kinh tế tỉnh năm 2019 tăng 7,1%.\n\nRiêng huyện Sơn Tịnh, sản xuất nông nghiệp ổn định. Giá trị sản xuất "
            "năm 2019 đạt 2.150 tỷ đồng. Toàn tỉnh có 12 xã đạt chuẩn nông thôn mới.")
    m = figure(text, "2.150 tỷ đồng", source="https://baoquangngai.vn/a-1.html")
    assert (m.entity, m.extra["entity_source"]) == ("huyện Sơn Tịnh", "paragraph")
    assert figure(text, "12 xã", source="https://baoquangngai.vn/a-1.html").entity == "Quảng Ngãi"
    assert figure(text, "7,1%", source="https://baoquangngai.vn/a-1.html").entity == "Quảng Ngãi"


def test_an_island_district_and_districts_listed_after_nhu_or_la():
    src = "https://baoquangnam.vn/a-1.html"
    m = figure("Năm 2023, nhiều huyện giảm nghèo nhanh, như Tiên Phước còn 420 hộ nghèo.", "420 hộ", source=src)
    assert m.entity == "huyện Tiên Phước"
    m = figure("Có 2 huyện về đích sớm là Phú Ninh (102,5%), Thăng Bình (101,2%).", "102,5%", source=src)
    assert m.entity == "huyện Phú Ninh"


def test_money_from_the_central_budget_is_the_provinces():
    m = figure("Năm 2022, tỉnh nhận thu bổ sung có mục tiêu từ ngân sách trung ương 820 tỷ đồng.", "820 tỷ đồng",
               source="https://baohoabinh.com.vn/a-1.htm")
    assert m.entity == "Hòa Bình"


def test_a_title_in_capitals_names_its_district():
    m = figure("Năm 2022, toàn huyện kết nạp 120 đảng viên mới.", "120 đảng viên mới",
               title="HUYỆN NA RÌ KẾT NẠP 120 ĐẢNG VIÊN MỚI", source="https://baobackan.vn/a-1.html")
    assert m.entity == "huyện Na Rì"


def test_a_subject_that_is_only_a_place_is_who_not_what():
    m = figure("Năm 2023, xã Tân Lập đã đạt 16/19 tiêu chí, phấn đấu đạt thêm 3 tiêu chí.", "16/19 tiêu chí",
               source="https://baophutho.vn/a-1.htm")
    assert m.indicator == "tiêu chí"


def test_a_list_items_mark_is_no_part_of_the_indicator():
    m = figure("Đến cuối tháng 9/2023:\n+ Dư nợ cho vay hộ sản xuất là 4.120 tỷ đồng.", "4.120 tỷ đồng")
    assert m.indicator.startswith("Dư nợ")   # not `+ Dư nợ`


def test_upper_is_the_upper_case_letters_only():
    """`[A-ZĐÀ-Ỹ]` holds most lower-case Vietnamese letters too (`à`, `đ`, `ơ`, `ạ` lie between À and Ỹ);
    `normalize.UPPER` is the class of capitals the name rules mean."""
    import re
    from extractors.normalize import UPPER
    capitals = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYÀÁẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
    assert all(re.fullmatch(UPPER, c) for c in capitals)
    assert not any(re.fullmatch(UPPER, c) for c in capitals.lower())


def test_a_figure_restated_exactly_in_brackets_keeps_the_indicator():
    text = "Lũy kế đến nay, trên địa bàn có gần 15.000 doanh nghiệp (14.872 doanh nghiệp) đăng ký hoạt động."
    m, again = figure(text, "gần 15.000 doanh nghiệp"), figure(text, "14.872 doanh nghiệp")
    assert "đăng ký hoạt động" in m.indicator
    assert (again.indicator, again.extra["indicator_source"]) == (m.indicator, "inherited")


def test_a_clause_cut_at_the_bracket_its_figure_opens_is_no_indicator():
    m = figure("Năm 2022, huyện kết nạp 166 đảng viên, đạt 87,4% chỉ tiêu tỉnh giao cả năm (190 đảng viên).", "190 đảng viên")
    assert m.indicator and not m.indicator.rstrip().endswith("(")


def test_a_base_written_before_its_change_is_that_changes():
    text = ("Năm 2020, tổng diện tích chè toàn tỉnh là 21.400 ha, so với năm 2015 diện tích tăng 12,5% và so với "
            "năm 2019 tăng 1,2%.")
    level, first, second = figure(text, "21.400 ha"), figure(text, "12,5%"), figure(text, "1,2%")
    assert (level.compared_to, first.compared_to, second.compared_to) == (None, "2015", "2019")


def test_a_result_compared_with_several_years_is_of_the_year_after_the_latest():
    text = ("Sản lượng cà phê toàn tỉnh năm 2022 đạt 31.000 tấn.\n\nTrong đó: sản lượng cà phê chè là 12.400 tấn, so "
            "với năm 2019 tăng 40%, so với năm 2021 tăng 3%.")
    assert figure(text, "12.400 tấn", source="https://baosonla.vn/a-1.html").period == "2022"


def test_an_act_done_for_people_is_their_figures_indicator():
    m = figure("Năm 2022, Đảng ủy xã đã phát thẻ đảng viên cho 64 đồng chí.", "64 đồng chí")
    assert m.indicator == "phát thẻ đảng viên"
    m = figure("Đại hội có 300 đại biểu chính thức, đại diện cho hơn 9.000 đảng viên.", "hơn 9.000 đảng viên")
    assert "đại diện" not in (m.indicator or "")


def test_a_change_given_in_units_in_brackets_after_its_base_is_of_the_changes_time():
    text = "Năm 2023, diện tích cây ăn quả toàn tỉnh là 42.000 ha, tăng 5% so với năm 2022 (2.000 ha)."
    assert figure(text, "2.000 ha").period == "2023"
    # the base year's own level in brackets keeps the base year
    text = "Năm 2023, diện tích cây ăn quả toàn tỉnh là 42.000 ha, tăng 5% so với năm 2022 (40.000 ha)."
    assert figure(text, "40.000 ha").period == "2022"


def test_a_commune_named_before_its_figure_owns_it():
    src = "https://baoninhthuan.com.vn/a-1.html"
    m = figure("Cụ thể, xã Phước Hà đã đạt 14/19 tiêu chí, phấn đấu đạt thêm 5 tiêu chí.", "14/19 tiêu chí", source=src)
    assert m.entity == "xã Phước Hà"
    m = figure("Năm 2023, thị trấn Tân Sơn có 1.200 hộ dân.", "1.200 hộ", source=src)
    assert m.entity == "thị trấn Tân Sơn"
    # an abbreviation, a cooperative of the country, a district are no communes
    assert figure("Năm 2023, các xã NTM nâng cao có 12 mô hình.", "12 mô hình", source=src).entity == "Ninh Thuận"
    m = figure("Liên minh các Hợp tác xã Việt Nam giải ngân được 95% kế hoạch vốn.", "95%", source=src)
    assert m.entity != "xã Việt Nam"


def test_a_delegation_to_the_national_congress_is_the_provinces():
    m = figure("Đại hội bầu Đoàn đại biểu dự Đại hội đại biểu toàn quốc lần thứ XIII của Đảng gồm 15 đồng chí.",
               "15 đồng chí", source="https://baogialai.com.vn/a-1.html")
    assert m.entity != "Việt Nam" and "Gia Lai" in m.entity


def test_a_topic_named_first_and_a_level_brought_to_are_the_indicator():
    m = figure("Về doanh thu, trong quý I toàn ngành thực hiện khoảng 450 tỷ đồng.", "khoảng 450 tỷ đồng")
    assert m.indicator == "doanh thu"
    m = figure("Năm 2023, tỉnh công nhận thêm 8 xã, nâng tổng số xã đạt chuẩn lên 96 xã.", "96 xã")
    assert m.indicator.startswith("tổng số xã")


def test_a_label_at_a_sentences_start_or_after_a_colon():
    text = ("Năm 2020, diện tích lúa: 21.300 ha, giảm 2% so với năm 2019. Diện tích trồng cây lâu năm: 9.800 ha, tăng 5%. "
            "Một số cây trồng chính như sau: Cây ăn quả các loại: 4.100 ha.")
    assert figure(text, "9.800 ha").indicator == "Diện tích trồng cây lâu năm"
    assert figure(text, "4.100 ha").indicator == "Cây ăn quả các loại"


def test_a_sentence_that_names_nothing_goes_on_with_the_measure_before():
    text = ("Doanh thu dịch vụ lưu trú tháng 9 ước đạt 120 tỷ đồng, tăng 3% so với tháng trước. Đầu năm đến nay, ước "
            "tính đạt 1.050 tỷ đồng, tăng 9% so với cùng kỳ.")
    m = figure(text, "1.050 tỷ đồng")
    assert m.indicator == figure(text, "120 tỷ đồng").indicator and "doanh thu" in m.indicator.lower()


def test_the_people_of_households_counted_before():
    m = figure("Tính đến tháng 10/2023, toàn tỉnh có 5.120 hộ nghèo, với 17.300 người, chiếm 1,2% dân số.", "17.300 người")
    assert m.indicator == "nhân khẩu hộ nghèo"


def test_a_bare_rate_is_weak_and_a_contribution_is_one():
    m = figure("Ngành chế biến gỗ với tốc độ tăng 12,5%, đóng góp 1,2 điểm phần trăm vào tăng trưởng.", "1,2 điểm phần trăm")
    assert m.indicator != "tốc độ"


def test_an_undated_pages_year_for_results_is_that_of_its_results_not_its_plans():
    text = ("Lượng khách đạt 900.000 lượt.\n\nNăm 2022, doanh thu du lịch đạt 1.200 tỷ đồng.\n\n"
            "Năm 2023, tỉnh phấn đấu đón 1 triệu lượt khách, mục tiêu doanh thu năm 2023 đạt 1.500 tỷ đồng.")
    assert figure(text, "900.000 lượt").period == "2022"


def test_a_move_between_places_of_one_ranking_keeps_what_it_ranks():
    text = ("Từ vị trí thứ 21 về thu hút vốn đầu tư nước ngoài năm 2021, tỉnh đã bứt phá ngoạn mục vươn lên vị trí "
            "thứ 7 toàn quốc.")
    assert figure(text, "vị trí thứ 7").indicator == figure(text, "vị trí thứ 21").indicator


@pytest.mark.parametrize("text, span", [
    ("Số người tham gia bảo hiểm y tế là 850.000 người (đạt 97,45 kế hoạch giao).", "97,45"),
    ("Sản lượng chè so với năm 2018 tăng 12,36(1.204 tấn).", "12,36"),
])
def test_a_decimal_share_of_a_plan_or_change_with_its_sign_left_out_is_a_percentage(text, span):
    m = figure(text, span)
    assert (m.kind, m.unit) == ("percent", "%")


def test_a_whole_count_of_plans_is_no_percentage():
    assert figure("Năm 2023, huyện hoàn thành đạt 12 kế hoạch đề ra.", "12 kế hoạch").kind == "quantity"


def test_per_mille_is_read_as_written_and_left_out_of_the_percentage_checks():
    m = figure("Năm 2023, tỷ lệ tăng dân số tự nhiên của tỉnh là 9,8‰.", "9,8‰")
    assert (m.kind, m.value, m.unit) == ("percent", 9.8, "‰")
    from extractors.checks.record import _pct
    assert not _pct(m)


# --- ranks: the forms of a standing real articles use (sixth session) ------------------------------
def all_figures(text):
    return [(m.text, m.kind, m.value, m.denominator) for m in
            extract_document(Document(id="t", source="", text=text, title=None, published="2023-05-01")).mentions]


@pytest.mark.parametrize("text, span, value, denominator", [
    ("Năm 2022, tỉnh xếp thứ nhất trong 5 địa phương của vùng.", "xếp thứ nhất trong 5 địa phương", 1, 5),
    ("Tăng trưởng của tỉnh xếp vị trí thứ 6 trên tổng số 34 tỉnh, thành phố.",
     "vị trí thứ 6 trên tổng số 34 tỉnh", 6, 34),
    ("Tỉnh đứng đầu trong 5 địa phương của vùng về thu ngân sách.", "đứng đầu trong 5 địa phương", 1, 5),
    ("Tăng trưởng đạt 10,04%, đứng đầu khu vực và nằm trong top 10 của cả nước.", "top 10", 10, None),
    ("Vùng lần đầu tiên có 1 đại diện lọt vào tốp 10, đứng thứ nhì là tỉnh Bắc Giang.", "tốp 10", 10, None),
    ("Tăng trưởng ước đạt 6,91%, đứng thứ 2 vùng Đông Nam Bộ và thứ 35 so với cả nước.", "thứ 35", 35, None),
    ("Vị trí thứ 4 và thứ 5 lần lượt thuộc về hai tỉnh có chất lượng điều hành tốt.", "thứ 5", 5, None),
])
def test_a_standing_in_every_form_is_a_rank(text, span, value, denominator):
    got = {t: (k, v, d) for t, k, v, d in all_figures(text)}
    assert got.get(span) == ("rank", value, denominator), got


def test_a_number_among_which_a_province_leads_is_no_count_of_its_own():
    assert not [f for f in all_figures("Tỉnh đứng đầu trong 5 địa phương của vùng.") if f[1] == "quantity"]


@pytest.mark.parametrize("text", [
    "Chủ tịch nước ký quyết định tặng Huân chương Lao động hạng nhất cho Đảng bộ và nhân dân tỉnh.",
    "Đại hội lần thứ 2 và thứ 3 của Hội đã thành công.",
])
def test_the_class_of_an_award_and_an_ordinal_in_a_list_are_no_ranks(text):
    assert not [f for f in all_figures(text) if f[1] == "rank"]


@pytest.mark.parametrize("text, span, indicator", [
    ("Phú Thọ lọt TOP 10 tỉnh, thành phố có chất lượng điều hành tốt nhất năm 2023.", "TOP 10 tỉnh",
     "chất lượng điều hành"),
    ("Tỉnh vẫn trong TOP 10 tỉnh, thành phố dẫn đầu toàn quốc về chỉ số năng lực cạnh tranh cấp tỉnh PCI.",
     "TOP 10 tỉnh", "chỉ số năng lực cạnh tranh cấp tỉnh PCI"),
    ("Tăng trưởng kinh tế của tỉnh đạt 10,04%, đứng đầu khu vực và nằm trong top 10 của cả nước.", "top 10",
     "tăng trưởng kinh tế"),
])
def test_a_top_group_is_of_what_it_leads_in(text, span, indicator):
    assert indicator.lower() in (figure(text, span).indicator or "").lower()


# --- the year so far: the year (sixth session; the contract's "up to a date" since the seventh) ---------------------------------------------------------------
@pytest.mark.parametrize("text, title, published, span, period", [
    ("Tổng mức bán lẻ tháng qua ước đạt hơn 8.000 tỷ đồng. Đầu năm đến nay, ước tính đạt 78.591 tỷ đồng.",
     "Tổng mức bán lẻ tháng 10 ước đạt hơn 8.000 tỷ đồng", "2019-11-11", "78.591 tỷ đồng", "2019"),
    ("Trong 7 tháng của năm 2017, toàn tỉnh cấp mới 79 dự án. Khu vực trong nước, từ đầu năm đến nay đã có "
     "985 doanh nghiệp được thành lập mới.", None, "2017-07-31", "985 doanh nghiệp", "2017"),
    ("Từ đầu năm đến nay, toàn tỉnh đã có 985 doanh nghiệp được thành lập mới.", None, "2017-07-31",
     "985 doanh nghiệp", "2017"),
])
def test_a_figure_since_new_year_is_of_its_year(text, title, published, span, period):
    assert figure(text, span, title=title, published=published).period == period


def test_a_subject_that_points_back_at_the_figure_before_takes_its_indicator():
    text = ("Kim ngạch xuất nhập khẩu qua địa bàn tỉnh từ ngày 1 đến hết 15-12 chỉ đạt 121,65 triệu USD. "
            "Con số này giảm 40,5% so với cùng kỳ tháng 11 và giảm 32,7% so với cùng kỳ năm 2020.")
    assert figure(text, "40,5%").indicator == figure(text, "32,7%").indicator == "Kim ngạch xuất nhập khẩu"


@pytest.mark.parametrize("text, span, value", [
    ("Đứng thứ 3 là tỉnh Thái Nguyên với 46,471 điểm.", "Đứng thứ 3", 3),
    ("Xếp thứ 3 là tỉnh Thái Nguyên.", "Xếp thứ 3", 3),
])
def test_a_standing_that_opens_a_sentence_is_a_rank(text, span, value):
    assert (span, "rank", value, None) in all_figures(text)


@pytest.mark.parametrize("text, span, holder", [
    ("Năm 2022, PCI của Sơn La tụt 3 bậc. Trong vùng, đứng thứ nhì là tỉnh Bắc Giang.", "đứng thứ nhì", "Bắc Giang"),
    ("PCI của Sơn La tụt 3 bậc. Xếp thứ hai trong PAPI 2020 là Đồng Tháp với 46,961 điểm.", "Xếp thứ hai", "Đồng Tháp"),
])
def test_a_standing_is_held_by_the_province_named_after_it(text, span, holder):
    m = figure(text, span, source="https://baosonla.vn/a.html")
    assert (m.entity, m.extra["entity_source"]) == (holder, "sentence")


@pytest.mark.parametrize("text, span", [
    ("Các khu công nghiệp đã cấp mới 10 dự án, với tổng vốn đầu tư đăng ký 11.780 tỷ đồng.", "11.780 tỷ đồng"),
    ("Trong đó có 35 dự án cấp mới với tổng vốn đầu tư đăng ký hơn 68 triệu USD.", "hơn 68 triệu USD"),
])
def test_the_kind_of_a_capital_is_no_act(text, span):
    assert "tổng vốn đầu tư đăng ký" in figure(text, span).indicator


@pytest.mark.parametrize("text, span, indicator", [
    # a place's part of the total before it, in a breakdown
    ("Năm 2021, giải quyết việc làm cho 6.000 lao động. Trong đó, thành phố Bắc Kạn 600 lao động; huyện Bạch Thông "
     "500 lao động.", "500 lao động", "giải quyết việc làm"),
    ("Năm 2021, giải quyết việc làm cho 6.000 lao động. Trong đó, thành phố Bắc Kạn 600 lao động; huyện Bạch Thông "
     "500 lao động.", "600 lao động", "giải quyết việc làm"),
    # what a measure is of, named before it, with its object after it
    ("Sản lượng đạt trên 204.000 tấn quả tươi.", "trên 204.000 tấn", "sản lượng quả tươi"),
    # a count that goes with the count before it is of what it counts, not of the act
    ("Tỉnh đã thành lập 46 chi bộ, đảng bộ với 1.558 đảng viên.", "1.558 đảng viên", "đảng viên"),
    # a verb's result after the counted noun (`tìm được`), and acts the verb list now holds
    ("Các ngành giới thiệu việc làm cho 9.057 người, trong đó có 1.025 người tìm được việc làm.", "1.025 người",
     "tìm được việc làm"),
    ("Năm 2024 phát triển mới 520 doanh nghiệp.", "520 doanh nghiệp", "phát triển mới doanh nghiệp"),
    ("Tỉnh điều chỉnh tăng vốn 14 dự án.", "14 dự án", "điều chỉnh tăng vốn dự án"),
])
def test_indicators_of_counts_and_measures_from_the_as_written_part(text, span, indicator):
    assert (figure(text, span).indicator or "").lower() == indicator


def test_a_total_said_again_and_its_parts_keep_the_time_the_total_was_given():
    text = ("Trong giai đoạn từ năm 2016 đến nay, toàn tỉnh đã tuyển mới và đào tạo 37.267 người.\n\n"
            "Trong tổng số 37.267 người đã được đào tạo nghề, có 455 người đào tạo hệ cao đẳng; 2.766 người đào tạo "
            "hệ trung cấp.")
    assert figure(text, "455 người", published="2022-06-29").period == "2016-2022"
    assert figure(text, "2.766 người", published="2022-06-29").period == "2016-2022"


@pytest.mark.parametrize("text, span, owner", [
    ("Từ đầu năm 2019 đến nay có 63 hộ của xã Krông Pa đã thoát nghèo.", "63 hộ", "xã Krông Pa"),
    ("Tỉnh có 120 hộ của huyện Tuy Đức được hỗ trợ.", "120 hộ", "huyện Tuy Đức"),
])
def test_a_count_of_a_place_named_right_after_it_is_that_places(text, span, owner):
    assert figure(text, span, source="https://baophuyen.vn/a.html").entity == owner


def test_a_term_that_names_a_programme_gives_way_to_now():
    text = ("Thực hiện Chương trình MTQG xây dựng NTM giai đoạn 2010 - 2020, đến nay tỉnh Kon Tum đã có 13/86 xã đạt "
            "chuẩn xã NTM.")
    assert figure(text, "13/86 xã", published="2018-05-01").period == "2018"
    assert figure("Giai đoạn 2010 - 2020, tỉnh có 13/86 xã đạt chuẩn.", "13/86 xã",
                  published="2018-05-01").period == "2010-2020"


@pytest.mark.parametrize("text, span, owner", [
    ("Sản lượng điện của Nhà máy Nhiệt điện Vũng Áng I trong 3 tháng đầu năm tăng 68%, đóng góp 3,83 điểm % tăng "
     "trưởng.", "68%", "Nhà máy Nhiệt điện Vũng Áng I"),
    ("Sản phẩm pack pin của Nhà máy sản xuất Pin VinES chưa đảm bảo theo kế hoạch (sản lượng mới đạt 13% kế hoạch "
     "năm).", "13%", "Nhà máy sản xuất Pin VinES"),
])
def test_a_plants_or_companys_figure_is_its_own(text, span, owner):
    assert figure(text, span, source="https://baohatinh.vn/a.html").entity == owner


def test_a_company_followed_by_a_place_owns_nothing():
    text = "Doanh thu của Công ty Điện lực tại tỉnh Quảng Nam đạt 5.000 tỷ đồng."
    assert figure(text, "5.000 tỷ đồng").entity != "Công ty Điện lực"


def test_groups_of_communes_by_the_criteria_they_reached():
    text = ("Đến nay tỉnh có 13/86 xã đạt chuẩn xã NTM, 2 xã đạt từ 15 đến 18 tiêu chí, 26 xã đạt từ 10 - 14 tiêu chí "
            "và 4 xã đạt dưới 5 tiêu chí.")
    assert figure(text, "2 xã").indicator == "xã đạt từ 15 đến 18 tiêu chí"
    assert figure(text, "4 xã").indicator == "xã đạt dưới 5 tiêu chí"
    assert figure(text, "từ 15 đến 18 tiêu chí").indicator == "tiêu chí"


@pytest.mark.parametrize("text, span, indicator", [
    ("Đắk Nông hiện có 40 dân tộc cùng chung sống, trong đó hơn 212.000 người là đồng bào dân tộc thiểu số, chiếm 31% "
     "dân số toàn tỉnh.", "hơn 212.000 người", "người là đồng bào dân tộc thiểu số"),
    ("Đắk Nông hiện có 40 dân tộc cùng chung sống, trong đó hơn 212.000 người là đồng bào dân tộc thiểu số, chiếm 31% "
     "dân số toàn tỉnh.", "31%", "người là đồng bào dân tộc thiểu số"),
    ("Theo thống kê, hiện nay, dân số toàn tỉnh có 319.000 người.", "319.000 người", "dân số"),
])
def test_people_counted_as_a_group_or_a_population(text, span, indicator):
    assert figure(text, span).indicator == indicator


def test_the_field_a_province_is_ranked_in_is_no_indicator_of_its_changes():
    text = ("Theo bảng xếp hạng Chỉ số PCI năm 2022, Gia Lai đạt 64,00 điểm, xếp thứ 45/63 tỉnh thành (giảm 0,9 điểm "
            "so với năm 2021 và giảm 19 bậc trên xếp hạng chung cuộc), xếp thứ 4 của khu vực Tây Nguyên (giảm 2 bậc so "
            "với năm 2021).")
    for span in ("0,9 điểm", "19 bậc", "2 bậc"):
        assert "PCI" in (figure(text, span).indicator or ""), span


@pytest.mark.parametrize("text, number, reason", [
    ("Tỉnh triển khai nền tảng học và thi trực tuyến K12 online, LMS tại những khu vực khó khăn.", "12", "name"),
    ("Các giống mới gồm Xoài GL4, GL3, Xoài Thái Lan có năng suất cao.", "3", "name"),
    ("Tỉnh thực hiện 5 nhiệm vụ, mà tỉnh gọi là “5 sẵn sàng”: Quy hoạch, mặt bằng.", "5 sẵn sàng", "name"),
    ("Hà Nội (TTXVN 1/12) Đại hội Đại biểu Đảng bộ tỉnh Tuyên Quang khai mạc.", "1/12", "date"),
    ("Trong 2 ngày 3 và 4/1, Ban Chấp hành Đảng bộ tỉnh họp.", "4/1", "date"),
])
def test_numbers_that_name_or_date_are_no_figures(text, number, reason):
    ex = extract_document(Document(id="t", source="", text=text, title=None, published="2023-05-01"))
    assert not [m for m in ex.mentions if m.text.startswith(number)], [m.text for m in ex.mentions]
    assert any(s.text.startswith(number) and s.reason == reason for s in ex.skipped), ex.skipped


@pytest.mark.parametrize("text, span", [
    ("Giá USD1,23 mỗi đơn vị.", "USD1,23"),
    ("Doanh nghiệp đạt “1.000 tỷ đồng” doanh thu.", "1.000 tỷ đồng"),
    ("Tỷ lệ đạt “100%” kế hoạch.", "100%"),
])
def test_a_currency_code_or_an_amount_in_quotes_stays_a_figure(text, span):
    assert figure(text, span)


def test_an_undated_page_compared_with_the_end_of_a_year_is_of_the_year_after():
    text = "Nợ xấu là gần 1.250 tỷ đồng.\n\nDư nợ cho vay đạt trên 86.000 tỷ đồng, tăng 3,9% so với thời điểm cuối năm 2022."
    assert (figure(text, "gần 1.250 tỷ đồng").period or "").startswith("2023")


def test_an_undated_pages_results_are_of_the_year_after_their_base_not_of_its_plans():
    text = ("Tổng lượt khách du lịch đến tỉnh hơn 1,1 triệu lượt, trong đó khách quốc tế khoảng 40.500 lượt, giảm 10% so "
            "năm 2015. Tổng doanh thu du lịch khoảng 997,5 tỉ đồng, đạt 105% kế hoạch năm.\n\n"
            "Năm 2017, mục tiêu phấn đấu về tổng lượt khách du lịch đạt trên 1,2 triệu lượt.")
    assert figure(text, "khoảng 997,5 tỉ đồng").period == "2016"


def test_new_members_admitted_is_one_indicator_whatever_the_order():
    assert figure("Năm 2020, Đảng bộ TP Vĩnh Long kết nạp mới 111 đảng viên.", "111 đảng viên").indicator \
        == "kết nạp đảng viên mới"


@pytest.mark.parametrize("text, span, indicator", [
    ("Theo đó, Đại hội đã thông qua 33 chỉ tiêu chủ yếu.", "33 chỉ tiêu", "thông qua chỉ tiêu chủ yếu"),
    ("Tỉnh kết nạp được 2.101/2.000 chỉ tiêu được giao.", "2.101/2.000 chỉ tiêu", "kết nạp"),
])
def test_targets_named_are_the_indicator_a_plan_counted_against_is_not(text, span, indicator):
    assert figure(text, span).indicator == indicator


def test_what_people_counted_did_after_them():
    text = "Năm 2022, tỉnh giải quyết việc làm cho khoảng 41.250 người và 1.472 người đã xuất cảnh đi làm việc ở nước ngoài."
    assert "xuất cảnh đi làm việc ở nước ngoài" in figure(text, "1.472 người").indicator


@pytest.mark.parametrize("text, span, indicator", [
    # a subgroup's share of the same rate, after `riêng`
    ("Năm 2023, toàn tỉnh giảm tỷ lệ hộ nghèo 4,2%, riêng đối với các huyện và các xã nghèo giảm trên 6%.", "trên 6%",
     "tỷ lệ hộ nghèo"),
    # not a sector's own growth after the group it belongs to
    ("Trong đó, công nghiệp - xây dựng ước tăng khoảng 17,24%, riêng công nghiệp ước tăng khoảng 17,97%.",
     "khoảng 17,97%", "công nghiệp"),
    # a score with no index named: the index named before
    ("Chỉ số PAPI năm 2017 của tỉnh xếp thứ 32/63 tỉnh, thành phố với số điểm 36,72 điểm.", "36,72 điểm", "PAPI"),
    # `con số này` after `thì`
    ("Năm 2022 tỉnh thu hút 308 triệu USD vốn đầu tư nước ngoài, thì năm 2023 con số này cán mốc 2,79 tỷ USD.",
     "2,79 tỷ USD", "thu hút vốn đầu tư nước ngoài"),
])
def test_subgroups_scores_and_figures_named_again(text, span, indicator):
    assert indicator.lower() in (figure(text, span).indicator or "").lower()


def test_a_target_by_a_deadline_keeps_what_the_result_before_measured():
    text = "Sơn La hiện đã có 70.000ha cây ăn quả, mục tiêu đến hết năm 2020 là 100.000 ha."
    assert figure(text, "100.000 ha").indicator == figure(text, "70.000ha").indicator


def test_the_months_added_up_in_the_same_sentence_are_of_the_figure_before():
    text = ("Chỉ số phát triển sản xuất công nghiệp tháng 6 ước tăng 8,33% so với tháng 5, cộng dồn 6 tháng năm 2014 tăng "
            "11,81% so với cùng kỳ.")
    assert figure(text, "11,81%", published="2014-07-01").indicator.lower() == "chỉ số phát triển sản xuất công nghiệp"


def test_a_star_rating_is_a_class_and_the_products_rated_are_counted_by_it():
    text = ("Từ đầu năm đến nay, toàn tỉnh có 68 sản phẩm được cấp giấy chứng nhận OCOP, trong đó, có 4 sản phẩm đạt "
            "OCOP 4 sao, 64 sản phẩm đạt OCOP 3 sao.")
    ex = extract_document(Document(id="t", source="", text=text, title=None, published="2023-05-01"))
    assert [m.text for m in ex.mentions] == ["68 sản phẩm", "4 sản phẩm", "64 sản phẩm"]
    assert [s.reason for s in ex.skipped if s.text.endswith("sao")] == ["rating", "rating"]
    assert figure(text, "64 sản phẩm").indicator == "sản phẩm đạt OCOP 3 sao"


# --- periods from development part R (was blind part M) --------------------------------------------
@pytest.mark.parametrize("text, span, published, title, period", [
    ("Về sản lượng tính đến giữa tháng 11/2018, lúa thu hoạch được 26.274 tấn.", "26.274 tấn", None, None, "2018"),
    ("Tổng thu ngân sách nhà nước 6 tháng là 12.221 tỷ đồng, tăng 2,5% so với cùng kỳ năm 2023.", "12.221 tỷ đồng",
     "2024-07-10", None, "2024-H1"),
    ("Trẻ em dưới 6 tháng tuổi là 1.200 trẻ.", "1.200 trẻ", "2024-07-10", None, "2024"),
    ("Đến nay, toàn tỉnh có 100% xã đạt chuẩn nông thôn mới. Năm 2020 tăng trưởng 7%.", "100%", None,
     "Năm 2019, Vĩnh Phúc có 13/13 chỉ tiêu kinh tế - xã hội đạt và vượt mục tiêu đề ra", "2019"),
])
def test_periods_of_the_part_r(text, span, published, title, period):
    assert figure(text, span, published=published, title=title).period == period


def test_the_plans_amount_in_brackets_is_a_target_and_no_total_of_the_parts_shares():
    text = ("Tổng thu ngân sách nhà nước 6 tháng là 12.221 tỷ đồng, đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng) "
            "và tăng 2,5% so với cùng kỳ năm 2023; trong đó, thu nội địa 10.152 tỷ đồng, đạt 50,51%.")
    assert figure(text, "23.600 tỷ đồng", published="2024-07-10").status == "target"
    assert figure(text, "10.152 tỷ đồng", published="2024-07-10").status == "actual"


def test_a_span_named_again_is_the_one_named_before():
    text = ("Ngày 22.7, UBND tỉnh Quảng Ngãi cho biết từ năm 2021 - 2023, tổng thu ngân sách của tỉnh này đã có kết quả "
            "tốt. Cụ thể, giai đoạn này tỉnh Quảng Ngãi thu ngân sách đạt 85.300 tỉ đồng, đạt 75% kế hoạch của cả nhiệm "
            "kỳ 2021 - 2025.\n\nDự kiến nhiệm kỳ này tỉnh Quảng Ngãi sẽ thu ngân sách hơn 134.700 tỉ đồng.")
    assert figure(text, "85.300 tỉ đồng", published="2023-07-22").period == "2021-2023"
    assert figure(text, "hơn 134.700 tỉ đồng", published="2023-07-22").period == "2021-2025"


# --- a district's own site (seventh session) -----------------------------------------------------
@pytest.mark.parametrize("source, text, span, owner, where", [
    # a figure that names no owner, on a district's site, is the district's
    ("https://duclinh.binhthuan.dcs.vn/tin-tuc/ket-nap-dang-vien.html",
     "Năm 2023, Đảng bộ đã kết nạp 85 đảng viên mới, đạt 106% kế hoạch.", "85 đảng viên mới", "huyện Đức Linh",
     "site"),
    ("https://pgdtanuyen.laichau.edu.vn/tin-tuc/tong-ket.html",
     "Năm học 2022-2023, có 12 trường đạt chuẩn quốc gia.", "12 trường", "huyện Tân Uyên", "site"),
    # `toàn huyện` on it too
    ("https://duclinh.binhthuan.dcs.vn/tin-tuc/a.html",
     "Năm 2023, toàn huyện có 1.200 hộ nghèo.", "1.200 hộ", "huyện Đức Linh", "document"),
    # the province's figures stay the province's
    ("https://duclinh.binhthuan.dcs.vn/tin-tuc/b.html",
     "Năm 2023, toàn tỉnh có 9.800 hộ nghèo.", "9.800 hộ", "Bình Thuận", "site"),
    # a province's own site names no district (nor does a district named like its province)
    ("https://laichau.gov.vn/tin-tuc/c.html",
     "Năm học 2022-2023, có 12 trường đạt chuẩn quốc gia.", "12 trường", "Lai Châu", "site"),
])
def test_a_figure_on_a_district_site_is_the_districts(source, text, span, owner, where):
    m = figure(text, span, source=source)
    assert (m.entity, m.extra["entity_source"]) == (owner, where)


# --- an undated page of the 2025 merger (seventh session) ----------------------------------------
@pytest.mark.parametrize("text, span, period", [
    ("Theo báo cáo, 6 tháng đầu năm nay, tốc độ tăng trưởng GRDP của TP Hải Phòng mới ước tăng 11,2% so với cùng kỳ "
     "năm trước.", "11,2%", "2025-H1"),
    ("Kinh tế tiếp tục tăng trưởng ngay sau sáp nhập. GRDP 6 tháng đầu năm tăng 7,33%.", "7,33%", "2025-H1"),
    ("Trồng sâm dưới tán rừng tại huyện Tuần Giáo (cũ) đã có 120 hộ tham gia.", "120 hộ", "2025"),
    # no merger named: no year to read
    ("Theo báo cáo, 6 tháng đầu năm, GRDP của tỉnh tăng 7,33%.", "7,33%", None),
    # a year named wins
    ("Năm 2020, sau sáp nhập huyện, toàn huyện có 120 hộ nghèo.", "120 hộ", "2020"),
])
def test_an_undated_page_of_the_2025_merger_is_of_2025(text, span, period):
    assert figure(text, span).period == period


# --- spans of years (seventh session) ----------------------------------------------------------------
@pytest.mark.parametrize("text, span, published, period", [
    ("Từ năm 2010 đến tháng 6.2016, các cấp công đoàn đã giới thiệu 11.250 đoàn viên ưu tú cho Đảng.",
     "11.250 đoàn viên", "2016-07-20", "2010-2016"),
    ("Từ năm 2016 đến hết năm 2020, toàn tỉnh đã kết nạp 6.811 đảng viên.", "6.811 đảng viên", "2021-01-20",
     "2016-2020"),
    # the years a count of years names in brackets are its span, not an aside
    ("Qua 2 năm (2018-2019) triển khai thực hiện Nghị quyết, tỉnh thu hút được 21 dự án.", "21 dự án", "2020-01-10",
     "2018-2019"),
    ("Theo báo cáo, trong 02 năm (2021 và 2022), toàn tỉnh đã trồng khoảng 9.516 ha rừng tập trung.",
     "khoảng 9.516 ha", "2022-12-10", "2021-2022"),
    # a year in brackets after a figure stays an aside
    ("Năm 2023, tỉnh trồng 9.516 ha rừng (năm 2022 là 8.000 ha).", "9.516 ha", "2023-12-10", "2023"),
])
def test_a_span_of_years_is_the_figures_time(text, span, published, period):
    assert figure(text, span, published=published).period == period


# --- a measure of the thing named before `với` (seventh session) ------------------------------------
@pytest.mark.parametrize("text, span, indicator", [
    ("Phát triển cà phê đặc sản với diện tích là 1.120 ha.", "1.120 ha", "diện tích cà phê đặc sản"),
    ("Toàn tỉnh có 02 vùng ứng dụng công nghệ cao cho cà phê với diện tích 1.039,5 ha.", "1.039,5 ha",
     "diện tích vùng ứng dụng công nghệ cao cho cà phê"),
    ("Tỉnh duy trì và phát triển chuỗi cung ứng cà phê an toàn với tổng diện tích 16 ha.", "16 ha",
     "tổng diện tích chuỗi cung ứng cà phê an toàn"),
    ("Toàn tỉnh có 6 dự án điện gió với tổng công suất 252 MW.", "252 MW", "tổng công suất dự án điện gió"),
    # a place named before `với` is no thing measured
    ("Thuận Châu với diện tích 5.600 ha cà phê.", "5.600 ha", "diện tích cà phê"),
])
def test_a_measure_after_voi_is_of_the_thing_named_before(text, span, indicator):
    assert figure(text, span, published="2023-06-01").indicator == indicator


# --- the population a rate is per (seventh session) ------------------------------------------------
@pytest.mark.parametrize("text, figures, skipped", [
    ("Số bác sĩ trên 1 vạn dân đạt 10,5 bác sĩ.", ["10,5 bác sĩ"], ["trên 1 vạn dân"]),
    ("Năm 2023, tỉnh đạt 14,3 bác sỹ/1 vạn dân và 48,5 giường bệnh/1 vạn dân.",
     ["14,3 bác sỹ/1 vạn dân", "48,5 giường bệnh/1 vạn dân"], []),
    ("Bình quân mỗi 1.000 dân có 5 cơ sở.", ["5 cơ sở"], ["1.000 dân"]),
    # a count of people over a round number stays a figure
    ("Huyện có 10.000 dân, xã có trên 1.000 người tham gia.", ["10.000 dân", "trên 1.000 người"], []),
])
def test_the_population_a_rate_is_per_is_no_figure(text, figures, skipped):
    ms, sk = find(text)
    assert [m.text for m in ms] == figures
    assert [s.text for s in sk if s.reason == "per"] == skipped


# --- forms from development part S (seventh session) ---------------------------------------------------
@pytest.mark.parametrize("text, span, kind, value", [
    ("Lúa Hè Thu 19330 ha, giảm 13,2% (-2943 ha) so với vụ Hè Thu năm 2014.", "-2943 ha", "quantity", -2943),
    ("Sau tỉnh Quảng Ninh (đứng nhất năm thứ 4 liên tiếp), Đồng Tháp giữ vị trí thứ 2.", "đứng nhất", "rank", 1),
    ("Tỉnh Bình Dương đứng nhì.", "đứng nhì", "rank", 2),
    ("Từ năm 1960 đến nay, Đảng bộ tỉnh trải qua 12 kỳ đại hội.", "12 kỳ đại hội", "quantity", 12),
    ("Nhóm trung bình thấp: Chỉ số quản trị điện tử (44/63), Chỉ số cung ứng dịch vụ công (46/63).", "46/63", "rank",
     46),
    ("Tăng trưởng GRDP lần đầu lọt top 10 cả nước.", "top 10", "rank", 10),
])
def test_forms_from_part_s(text, span, kind, value):
    m = next(m for m in find(text)[0] if m.text == span)
    assert (m.kind, m.value) == (kind, value)


@pytest.mark.parametrize("text, span, indicator", [
    # the predicate after the counted noun's own modifiers, and the share of that count
    ("Toàn tỉnh có 109/196 trường tiểu học đạt chuẩn quốc gia, chiếm tỉ lệ 56,1%.", "109/196 trường",
     "trường tiểu học đạt chuẩn quốc gia"),
    ("Toàn tỉnh có 109/196 trường tiểu học đạt chuẩn quốc gia, chiếm tỉ lệ 56,1%.", "56,1%",
     "tỉ lệ trường tiểu học đạt chuẩn quốc gia"),
    # not what they hold
    ("Các dự án gồm 270 dự án đầu tư thứ cấp có tổng vốn đầu tư đăng ký gần 4,9 tỷ USD.", "270 dự án",
     "dự án đầu tư thứ cấp"),
    # the share of a total named `Tổng số …` is the share of what it counts
    ("- Tổng số hộ nghèo: 13.867 hộ; chiếm tỷ lệ 17,02%.", "17,02%", "tỷ lệ hộ nghèo"),
])
def test_counts_and_their_shares_from_part_s(text, span, indicator):
    assert figure(text, span, published="2018-01-05").indicator == indicator


@pytest.mark.parametrize("text, span, indicator", [
    # a part of the topic named after it is the figure's
    ("Về cơ cấu kinh tế, khu vực công nghiệp và xây dựng chiếm tỉ lệ cao với 40,08%.", "40,08%",
     "khu vực công nghiệp và xây dựng"),
    # the part that holds the largest share, its figure after a comma
    ("Giá trị sản xuất công nghiệp ước đạt 109.301 tỉ đồng. Trong đó, ngành công nghiệp chế tạo chiếm tỷ trọng cao "
     "nhất, đạt 108.022 tỉ đồng.", "108.022 tỉ đồng", "ngành công nghiệp chế tạo"),
    # a rank only held names no index: the index named before
    ("Theo bảng xếp hạng PCI năm 2020, Đồng Tháp tiếp tục giữ vị trí thứ 2 với 72,81 điểm.", "vị trí thứ 2", "PCI"),
    # the next part's subject after a comparison that ends on its base
    ("Lúa Hè Thu 19330 ha, giảm 13,2% so với vụ Hè Thu năm 2014 và lúa Mùa 1050 ha, giảm 3,4%.", "1050 ha",
     "lúa Mùa"),
])
def test_subjects_from_part_s(text, span, indicator):
    assert figure(text, span, published="2021-05-01").indicator == indicator


@pytest.mark.parametrize("text, span, published, period", [
    # the lead's part of a year is what the page reports on
    ("Tình hình KT-XH 6 tháng đầu năm 2020 trên địa bàn Hà Tĩnh giữ mức ổn định. Chỉ số giá tiêu dùng (CPI) tăng 4,25% "
     "so với cùng kỳ năm trước.", "4,25%", None, "2020-H1"),
    # a school year times the figures that follow, its own time
    ("Bước vào học kỳ II năm học 2017-2018, toàn tỉnh đã huy động được 23.921 trẻ đến nhà trẻ.\n\nCó 110.176 trẻ mẫu "
     "giáo, đạt tỷ lệ 97%.", "110.176 trẻ", "2018-01-23", "2017-2018"),
])
def test_the_time_a_page_reports_on_from_part_s(text, span, published, period):
    assert figure(text, span, published=published).period == period


@pytest.mark.parametrize("text, span, indicator", [
    # a component index ranked in brackets right after its name
    ("Trong đó: (1) Chỉ số quản trị môi trường (17/63), (2) Chỉ số kiểm soát tham nhũng trong khu vực công (22/63).",
     "22/63", "Chỉ số kiểm soát tham nhũng trong khu vực công"),
    ("Nhóm trung vị: (1) Chỉ số trách nhiệm giải trình với người dân (hạng 32/63).", "hạng 32/63",
     "Chỉ số trách nhiệm giải trình với người dân"),
    # what the counted things are, said right after them, short and figure-free
    ("Năm 2018 sẽ công nhận thêm 09 trường đạt chuẩn quốc gia, nâng tỉ lệ lên 60,2%.", "09 trường",
     "công nhận thêm trường đạt chuẩn quốc gia"),
])
def test_more_indicators_from_part_s(text, span, indicator):
    assert figure(text, span, published="2018-01-05").indicator == indicator


@pytest.mark.parametrize("text, span, indicator", [
    # a weight in the whole is the weight of the part named before its verb, else of the sentence's subject
    ("Thu nhập từ du lịch tăng 3,9%/năm, ngành du lịch đạt tỷ trọng 8% GRDP toàn tỉnh.", "8%", "tỷ trọng ngành du lịch"),
    ("Ngành dịch vụ tiếp tục phục hồi mạnh mẽ, là động lực tăng trưởng chính, chiếm tỷ trọng 30,6% trong GRDP.",
     "30,6%", "tỷ trọng Ngành dịch vụ"),
])
def test_a_weight_in_the_whole(text, span, indicator):
    assert figure(text, span, published="2023-04-01").indicator == indicator


@pytest.mark.parametrize("text, span, indicator", [
    # what a rank in brackets ranks, in a list of aspects
    ("Doanh nghiệp đánh giá cao tỉnh về những khía cạnh như cắt giảm chi phí không chính thức cho doanh nghiệp (xếp "
     "thứ 2/62); chất lượng, hiệu quả cải cách thủ tục hành chính (xếp thứ 4/63).", "xếp thứ 4/63",
     "chất lượng, hiệu quả cải cách thủ tục hành chính"),
    # a bracket that goes on from the sentence before ranks its last figure
    ("Tốc độ tăng trưởng GRDP đạt 10,55%, cao so với các tỉnh cùng khu vực. (xếp thứ 3/14 tỉnh vùng trung du và miền "
     "núi phía Bắc).", "xếp thứ 3/14 tỉnh", "Tốc độ tăng trưởng GRDP"),
])
def test_ranks_in_brackets(text, span, indicator):
    assert figure(text, span, published="2023-04-01").indicator == indicator


def test_a_rank_held_by_a_place_is_by_what_follows_its_holder():
    text = ("Bắc Giang dẫn đầu cả nước với tăng trưởng GRDP đạt 14,14%. Đứng ở vị trí thứ hai là Khánh Hòa với GRDP "
            "tăng 12,73%.")
    assert figure(text, "vị trí thứ hai", published="2024-07-01").indicator == "GRDP"


@pytest.mark.parametrize("text, span, period", [
    # an earlier year's figure in brackets after a part of a year's is that year's same part
    ("Tốc độ tăng trưởng GDP 6 tháng đầu năm của Hải Phòng đạt 7,52% (năm 2012 đạt 5,7%, năm 2013 đạt 6,81%).",
     "6,81%", "2013-H1"),
    # a year's figure after a year's stays the year
    ("Năm 2023, GRDP tăng 7,5% (năm 2022 đạt 6,1%).", "6,1%", "2022"),
])
def test_an_earlier_years_figure_in_brackets(text, span, period):
    assert figure(text, span, published="2014-07-01").period == period


@pytest.mark.parametrize("source, text, title, span, owner, where", [
    # a district's site whose host names no province: the one district of the country so named
    ("https://ttthlak.gov.vn/tin-tuc/tong-ket-nam-2022", "Năm 2022, có 18/19 chỉ tiêu đạt và vượt kế hoạch đề ra.",
     "UBND huyện tổ chức hội nghị tổng kết năm 2022", "18/19 chỉ tiêu", "huyện Lắk", "site"),
    # the Central Highlands' Đắk spelt Đak
    ("https://baogialai.com.vn/dak-po-vuot-kho.html", "Năm 2023, huyện đạt 19/21 chỉ tiêu.\n\nThu ngân sách nhà nước "
     "được 36,528 tỷ đồng.", "Đak Pơ vượt khó để hội nhập", "36,528 tỷ đồng", "huyện Đak Pơ", "document"),
])
def test_districts_from_hosts_and_spellings(source, text, title, span, owner, where):
    m = figure(text, span, title=title, source=source, published="2023-01-05")
    assert (m.entity, m.extra["entity_source"]) == (owner, where)


@pytest.mark.parametrize("text, span, period", [
    # the part of a flow up to a month's end is of the same months (`trong đó có` is no stock)
    ("Đến hết tháng 11-2018, toàn tỉnh đón hơn 5,8 triệu lượt khách, tăng 14,75%; trong đó có gần 2,6 triệu lượt khách "
     "quốc tế, tăng hơn 39%.", "gần 2,6 triệu lượt khách", "2018-11M"),
    # `…, đến hết tháng 10, …` sets the time of what follows
    ("Theo Sở Du lịch, đến hết tháng 11-2018, toàn tỉnh đón hơn 5,8 triệu lượt khách.\n\nThống kê cho thấy, đến hết "
     "tháng 10, tỉnh đón gần 1,6 triệu lượt khách Trung Quốc. Thị trường khách Nga xếp thứ hai với gần 365.000 lượt "
     "khách.", "gần 365.000 lượt khách", "2018-10M"),
    # `Lũy kế 2 tháng đầu năm 2016, …` sets it too
    ("Trong tháng 2, tổng lượt khách đạt 325.295 lượt.\n\nLũy kế 2 tháng đầu năm 2016, tổng lượt khách đạt 654.194 "
     "lượt. Tổng thu du lịch đạt 1.897,2 tỷ đồng.", "1.897,2 tỷ đồng", "2016-2M"),
])
def test_months_that_set_the_time_of_what_follows(text, span, period):
    assert figure(text, span, published="2018-12-05" if "2018" in text else "2016-03-01").period == period


def test_a_district_body_named_in_the_sentence_before_is_the_pages_district():
    text = ("Chiều 30/12, UBND huyện tổ chức hội nghị tổng kết 19 chỉ tiêu năm 2022. Cụ thể, tổng giá trị sản xuất ước đạt "
            "2709 tỷ đồng.")
    m = figure(text, "2709 tỷ đồng", title="UBND huyện tổ chức hội nghị tổng kết năm 2022",
               source="https://ttthlak.gov.vn/tin-tuc/tong-ket")
    assert m.entity.endswith("huyện Lắk")


@pytest.mark.parametrize("text, span, indicator", [
    # `ước thực hiện` is the estimate's verb: the subject before it, or the label before the colon
    ("Tổng kim ngạch xuất nhập khẩu tăng mạnh so với năm 2022, ước thực hiện 4.780 triệu USD.", "4.780 triệu USD",
     "Tổng kim ngạch xuất nhập khẩu"),
    ("Các chỉ tiêu không đạt gồm doanh thu bán lẻ; Tỷ lệ dân số tham gia BHYT: ước thực hiện 83%, đạt 91%NQ.", "83%",
     "Tỷ lệ dân số tham gia BHYT"),
    # an index's component scored in brackets after its name, in a list
    ("Các chỉ số như: tham gia của người dân ở cấp cơ sở (5,3435 điểm); trách nhiệm giải trình với người dân (4,3688 "
     "điểm).", "4,3688 điểm", "trách nhiệm giải trình với người dân"),
])
def test_estimates_and_scored_components(text, span, indicator):
    got = figure(text, span, published="2024-01-05").indicator
    assert got and (got.lower() in indicator.lower() or indicator.lower() in got.lower()), got


def test_a_list_of_years_after_a_part_of_a_year_and_its_label():
    text = "Tốc độ tăng IIP 6 tháng đầu năm: Năm 2020 (+6,1%); năm 2021 (+13,8%); năm 2022 (+11,1%)."
    m = figure(text, "13,8%", published="2024-07-01")
    assert (m.indicator, m.period) == ("Tốc độ tăng IIP", "2021-H1")


def test_an_income_per_head_per_year_is_a_level_of_the_year():
    text = ("Đây là năm có ý nghĩa quan trọng, tạo nền tảng thực hiện các mục tiêu của nhiệm kỳ 2020-2025.\n\nCó 18/19 chỉ "
            "tiêu đạt và vượt kế hoạch; tổng giá trị sản xuất đạt 2709 tỷ đồng; thu nhập bình quân đầu người ước đạt "
            "32,3 triệu đồng/người/năm.")
    assert figure(text, "32,3 triệu đồng/người/năm", published="2022-12-30").period == "2022"


@pytest.mark.parametrize("text, skipped, figures", [
    # a place or body numbered with `số` after its kind, and a generation of networks, are names
    ("Khu công nghiệp VSIP II và cụm công nghiệp số 3 thu hút nhiều dự án.", ["cụm công nghiệp số 3"], []),
    ("Trường THPT số 2 Bảo Thắng đạt chuẩn quốc gia.", ["THPT số 2"], []),
    ("Mạng 4G phủ sóng 100% xã.", ["4G"], ["100%"]),
    # a count of them stays a figure
    ("Tỉnh có 5 cụm công nghiệp và 12 trường THPT đạt chuẩn.", [], ["5 cụm công nghiệp", "12 trường"]),
])
def test_numbered_names_are_no_figures(text, skipped, figures):
    ms, sk = find(text)
    assert [m.text for m in ms] == figures
    assert [s.text for s in sk if s.reason == "name"] == skipped


@pytest.mark.parametrize("text, skipped, figures", [
    # a holiday or a day named by its date, written as a fraction
    ("Dịp nghỉ lễ 30/4, tỉnh đón 50.000 lượt khách.", ["30/4"], ["50.000 lượt khách"]),
    ("Nhân dịp Quốc khánh 2/9, tỉnh tổ chức nhiều hoạt động.", ["2/9"], []),
    # a share of a count stays a fraction
    ("Từ đầu năm đến nay, tỉnh đạt 9/12 chỉ tiêu.", [], ["9/12 chỉ tiêu"]),
    # a clause of a law by number
    ("Theo Điều 5, khoản 2 Luật Đầu tư, tỉnh thu hồi 3 dự án.", ["Điều 5", "khoản 2"], ["3 dự án"]),
])
def test_dates_and_clauses_are_no_figures(text, skipped, figures):
    ms, sk = find(text)
    assert [m.text for m in ms] == figures
    assert [s.text for s in sk if s.reason in ("date", "code")] == skipped


def test_revenue_collected_from_a_company_is_the_provinces():
    m = figure("Số thu từ hoạt động của Công ty cổ phần ô tô Trường Hải trong 9 tháng là 6.801 tỉ đồng.", "6.801 tỉ đồng",
               title="Vì sao thu nội địa của Quảng Nam giảm", published="2019-10-01")
    assert m.entity == "Quảng Nam"


@pytest.mark.parametrize("text, span, period", [
    # a month's figure whose change against the month before has a decimal point in between
    ("Giá trị sản xuất công nghiệp tháng 5 ước đạt 4.439 tỷ đồng, tăng 4,5% so với tháng trước.", "4.439 tỷ đồng",
     "2018-05"),
    # up to a date is for its own paragraph; the next is of the report's month again
    ("Đến ngày 15/5/2018 đã cấp được 7.089 tấn xi măng.\n\nSản xuất công nghiệp tăng khá. Tôm đông lạnh tăng 25% so "
     "với 5 tháng đầu năm 2017.", "25%", "2018-05"),
    # a crop season's area in a month's report is of its year
    ("Lúa đông xuân: toàn tỉnh xuống giống được 77.917 ha, bằng 100,28% so với kế hoạch.", "77.917 ha", "2018"),
])
def test_a_months_report(text, span, period):
    assert figure(text, span, title="Tình hình kinh tế - xã hội tháng 5/2018", published="2018-05-31").period == period


def test_figures_compared_with_the_first_months_of_a_year_are_of_the_same_months_after():
    text = "Nhiều sản phẩm tăng cao so với 5 tháng đầu năm 2017 như: tôm đông lạnh tăng hơn 2 lần; tàu các loại tăng 24%."
    assert figure(text, "24%", title="Tình hình kinh tế - xã hội tháng 5/2018", published="2018-05-31").period \
        == "2018-5M"


@pytest.mark.parametrize("source", ["", "http://cucthongkekg.gov.vn/news.php?id=1756"])
def test_a_page_that_names_only_districts_is_of_their_province(source):
    text = ("* Vụ Đông xuân: Diện tích gieo trồng 289.970 ha, tập trung ở các huyện như: Vĩnh Thuận 6.492 ha, U Minh Thượng "
            "7.565 ha và Kiên Lương 23.000 ha.")
    total, part = figure(text, "289.970 ha", source=source), figure(text, "6.492 ha", source=source)
    assert total.entity == "Kiên Giang" and part.entity == "huyện Vĩnh Thuận"
    assert part.indicator == "Diện tích gieo trồng"


def test_an_up_to_date_that_opens_a_clause_is_no_part_of_its_subject():
    text = "Tính đến ngày 15/5/2018 tiến độ gieo trồng vụ Mùa toàn tỉnh ước thực hiện được 3.288 ha."
    assert figure(text, "3.288 ha", published="2018-05-31").indicator.startswith("tiến độ gieo trồng vụ Mùa")


def test_a_bare_act_takes_the_thing_its_lines_label_names():
    m = figure("- Lúa đông xuân: Toàn tỉnh xuống giống được 77.917 ha, bằng 100,28% so với kế hoạch.", "77.917 ha",
               published="2018-05-31")
    assert m.indicator == "xuống giống lúa đông xuân"


def test_a_crop_seasons_yield_named_after_its_season_in_a_months_report_is_of_its_year():
    text = "Đến nay, lúa đông xuân trên địa bàn tỉnh đã thu hoạch xong. Năng suất được 73,16 tạ/ha, tăng 7,17% so với cùng kỳ."
    assert figure(text, "73,16 tạ/ha", title="Tình hình kinh tế - xã hội tháng 5/2018",
                  published="2018-05-31").period == "2018"


@pytest.mark.parametrize("span, indicator", [
    # the plan's figure in brackets is for the figure before, not a label of its own
    ("85%", "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ"),
    # a share of the bodies that did something is an indicator, not a body
    ("98,33%", "tỷ lệ Đảng bộ xã biên giới hoàn thành tốt"),
])
def test_a_plans_figure_in_brackets_and_a_share_of_bodies(span, indicator):
    text = ("Cụ thể: tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, đạt 96,9% (Nghị quyết: 85%); tỷ lệ Đảng bộ xã biên "
            "giới hoàn thành tốt nhiệm vụ đạt 98,33% (Nghị quyết là 90%).")
    assert figure(text, span, published="2023-10-01").indicator.startswith(indicator)


@pytest.mark.parametrize("span, period", [("7 dự án", "2022"), ("9 dự án", "2023")])
def test_a_clause_that_opens_on_the_same_time_of_an_earlier_year_is_of_that_year(span, period):
    text = ("Năm 2023, tỉnh đã thu hút 9 dự án đầu tư với tổng số vốn đăng ký 456,74 tỷ đồng; cùng kỳ năm 2022 thu hút "
            "được 7 dự án đầu tư với số vốn trên 1.020 tỷ đồng.")
    assert figure(text, span, published="2023-12-20").period == period


def test_a_decrease_of_poor_households_from_one_level_to_another():
    text = ("Qua đó, giảm hộ nghèo trên địa bàn tỉnh từ 75.639 hộ, tỉ lệ 24,31% (năm 2010) xuống còn 28.200 hộ, tỉ lệ 8,88% "
            "(năm 2015), giảm được 47.439 hộ.")
    start, end = figure(text, "75.639 hộ", published="2016-07-19"), figure(text, "28.200 hộ", published="2016-07-19")
    assert (start.indicator, start.period) == ("hộ nghèo", "2010")
    assert (end.indicator, end.period) == ("hộ nghèo", "2015")
    assert figure(text, "8,88%", published="2016-07-19").indicator == "tỉ lệ hộ nghèo"


@pytest.mark.parametrize("title, text, span, indicator, owner", [
    # a breakdown by place after a colon: the place owns, the measure named before the colon is the indicator
    ("Ninh Bình thu hoạch lúa", "Diện tích lúa đã thu hoạch tập trung chủ yếu ở các huyện: Yên Khánh 7,7 nghìn ha; Yên "
     "Mô gần 6,6 nghìn ha.", "gần 6,6 nghìn ha", "Diện tích lúa đã thu hoạch", "huyện Yên Mô"),
    ("Quảng Bình: sản xuất vụ Hè Thu", "Diện tích gieo trồng vụ Hè Thu thực hiện 31.094,2 ha. Diện tích gieo trồng của "
     "các địa phương: Đồng Hới thực hiện 1.003,3 ha, bằng 99,8%; Ba Đồn thực hiện 2.555,3 ha.", "2.555,3 ha",
     "Diện tích gieo trồng", "thị xã Ba Đồn"),
    # a sentence that names nothing but `Lũy kế` goes on with the measure of the sentence before
    ("Bà Rịa - Vũng Tàu: thu ngân sách", "Thu về dầu thô 9 tháng ước đạt 2.000 tỷ đồng. Lũy kế ước thực hiện 9 tháng "
     "đạt 25.005,8 tỷ đồng.", "25.005,8 tỷ đồng", "Thu về dầu thô", None),
])
def test_lists_by_place_and_running_totals(title, text, span, indicator, owner):
    m = figure(text, span, title=title, published="2020-06-01")
    assert m.indicator == indicator
    if owner:
        assert m.entity == owner


@pytest.mark.parametrize("text, span, indicator", [
    # the subject after a comparison that ends on its base, `trên cơ sở`
    ("Thu về dầu thô tháng 9 năm 2018 là 2.500 tỷ đồng, tăng 20,7% so với tháng cùng kỳ năm 2017 trên cơ sở sản lượng "
     "ước đạt 439,4 ngàn tấn.", "439,4 ngàn tấn", "sản lượng"),
    # a clause cut at `khi` names nothing: a move of the index named before
    ("Riêng về Chỉ số Xanh cấp tỉnh PGI 2023, Long An cũng có sự đột phá khi tăng đến 16 bậc so với năm 2022.",
     "16 bậc", "PGI"),
])
def test_more_subjects_from_part_y(text, span, indicator):
    assert figure(text, span, published="2024-05-01").indicator == indicator


def test_a_district_written_with_old_tone_marks_is_named_as_the_list_names_it():
    text = ("Diện tích gieo trồng của các địa phương: Đồng Hới thực hiện 1.003,3 ha, bằng 99,8%; Lệ Thuỷ thực hiện "
            "10.685,5 ha, bằng 99,5% so cùng kỳ.")
    assert figure(text, "10.685,5 ha", title="Quảng Bình: sản xuất vụ Hè Thu", published="2016-08-01").entity \
        == "huyện Lệ Thủy"


@pytest.mark.parametrize("span, n, indicator", [("54 đảng viên", 0, "chuyển Đảng chính thức"), ("6 đảng viên", 0, "xóa tên"),
                                              ("6 đảng viên", 1, "cho ra khỏi Đảng")])
def test_party_acts_on_members(span, n, indicator):
    text = ("Toàn Đảng bộ đã kết nạp 45 đảng viên mới; chuyển Đảng chính thức cho 54 đảng viên hết thời gian dự bị. Các "
            "chi bộ đã quyết định xóa tên 6 đảng viên và cho ra khỏi Đảng 6 đảng viên không còn đủ tư cách.")
    ex = extract_document(Document(id="t", source="", text=text, published="2021-10-01"))
    assert [m for m in ex.mentions if m.text == span][n].indicator == indicator


# --- eighth session: from development part AB ------------------------------------------------------
@pytest.mark.parametrize("text, span, period", [
    # an undated page whose results are compared with a year names a later one, whatever older year it recalls
    ("Chín tháng, thu ngân sách của tỉnh ước đạt 17.100 tỷ đồng, giảm 5,7% so với cùng kỳ năm 2022. Đặc biệt, năm "
     "2021, tỉnh thu hút được 8 dự án FDI.", "17.100 tỷ đồng", "2023-9M"),
    # a month compared with the same month of a year before: the year after it
    ("Tổng mức bán lẻ hàng hóa tháng 9 ước đạt 88.565 tỷ đồng, tăng 12,7% so với tháng 9/2017.", "88.565 tỷ đồng",
     "2018"),
    # counted from a month of a year, and no other year: that year at the earliest
    ("Toàn tỉnh kết nạp 848 đảng viên. Từ tháng 4-2023, tỉnh đã chuyển giao 21 tổ chức cơ sở đảng.", "848 đảng viên",
     "2023"),
])
def test_an_undated_page_is_not_older_than_what_it_compares_with(text, span, period):
    assert figure(text, span).period[:len(period)] == period


def test_a_plan_sentence_does_not_date_an_undated_page():
    text = ("Năm 2019, tỉnh kết nạp 848 đảng viên. Tỉnh phấn đấu đến năm 2025 số đảng viên tăng gấp đôi so với năm "
            "2020.")
    assert figure(text, "848 đảng viên").period == "2019"


@pytest.mark.parametrize("text, period", [
    # a paragraph opening on now goes on with now, not with the year an earlier paragraph looked back to
    ("Khi mới bước vào xây dựng nông thôn mới năm 2010, xã chỉ có 5/19 tiêu chí.\n\nĐến nay xã đã có nhiều đổi thay. "
     "Thu nhập bình quân đầu người của xã đạt 41,45 triệu đồng/người/năm.", "2018"),
    ("Khi mới bước vào xây dựng nông thôn mới năm 2010, xã chỉ có 5/19 tiêu chí.\n\nThu nhập bình quân đầu người của "
     "xã hiện đã đạt 41,45 triệu đồng/người/năm.", "2018"),
    # `thực hiện đã` is no `hiện đã`
    ("Khi mới bước vào xây dựng nông thôn mới năm 2010, xã chỉ có 5/19 tiêu chí.\n\nSau khi thực hiện đã đạt "
     "41,45 triệu đồng/người/năm.", "2010"),
])
def test_now_after_a_look_back(text, period):
    assert figure(text, "41,45 triệu đồng/người/năm", published="2018-11-12").period == period


def test_a_district_leads_its_clause_after_trong_do():
    text = ("Năm 2018, du lịch tỉnh đặt mục tiêu đón 7.100.000 lượt khách. Trong đó, Phú Quốc đón 3.400.000 lượt khách "
            "đến tham quan du lịch.")
    assert figure(text, "3.400.000 lượt khách", title="Khách du lịch đến Kiên Giang", published="2018-01-02").entity \
        == "huyện Phú Quốc"   # (a city from 2021)


@pytest.mark.parametrize("span, owner", [("5/19 tiêu chí", "xã Tham Đôn"), ("8,4 triệu đồng/người/năm", "xã Tham Đôn"),
                                         ("1.200 hộ", "Sóc Trăng")])
def test_a_commune_named_in_full_then_bare_or_as_the_commune(span, owner):
    text = ("Xã Tham Đôn, huyện Mỹ Xuyên, tỉnh Sóc Trăng vừa được công nhận đạt chuẩn nông thôn mới.\n\nNăm 2010, Tham Đôn "
            "chỉ có 5/19 tiêu chí đạt. Thời điểm đó, thu nhập bình quân đầu người của xã chỉ đạt 8,4 triệu "
            "đồng/người/năm. Toàn tỉnh còn 1.200 hộ nghèo.")
    assert figure(text, span, published="2018-11-12").entity == owner


@pytest.mark.parametrize("span", ["xếp thứ 7/63 tỉnh", "đứng thứ 4/11"])
def test_a_rank_a_result_led_to_ranks_that_result(span):
    text = ("Năm 2023, tổng sản phẩm trên địa bàn (GRDP) tỉnh ước tăng 10,05%, vượt kế hoạch đề ra và đưa Hưng Yên vươn "
            "lên xếp thứ 7/63 tỉnh, thành phố trong cả nước và đứng thứ 4/11 trong các tỉnh Vùng Đồng bằng sông Hồng.")
    assert figure(text, span, published="2024-07-24").indicator.startswith("tổng sản phẩm trên địa bàn")


# --- eighth session, second piece: from development part AD -------------------------------------------
@pytest.mark.parametrize("text, span, period", [
    # the first two months written in words
    ("Chỉ số sản xuất toàn ngành công nghiệp của Phú Thọ trong hai tháng đầu năm 2025 tăng 47,3% so với cùng kỳ năm "
     "trước.", "47,3%", "2025-2M"),
    # a month named after its measure, right before its result, beside the months added up
    ("Tổng mức bán lẻ hàng hóa tháng 9 ước đạt 10.925,83 tỷ đồng; luỹ kế 9 tháng năm 2023 ước đạt 87.180,67 tỷ đồng.",
     "10.925,83 tỷ đồng", "2023-09"),
    ("Tổng mức bán lẻ hàng hóa tháng 9 ước đạt 10.925,83 tỷ đồng; luỹ kế 9 tháng năm 2023 ước đạt 87.180,67 tỷ đồng.",
     "87.180,67 tỷ đồng", "2023-9M"),
    # results before an undated page names any time: of the part of the year it reports
    ("Cụ thể, khu vực công nghiệp – xây dựng tăng 19,9%.\n\nTrong 9 tháng, tổng thu ngân sách ước trên 67 nghìn tỷ "
     "đồng, bằng 120% so với cùng kỳ năm 2020.", "19,9%", "2021-9M"),
])
def test_parts_of_a_year_from_part_ad(text, span, period):
    assert figure(text, span).period == period


@pytest.mark.parametrize("word, n", [("hai", 2), ("ba", 3), ("sáu", 6), ("chín", 9), ("Mười", 10), ("11", 11), ("tháng", 0)])
def test_one_reading_of_a_number_of_months(word, n):
    from extractors.periods import month_count
    assert month_count(word) == n


def test_a_day_date_is_no_month_of_a_figure():
    from extractors.periods import find_periods
    assert find_periods("Ngày 5 tháng 10 đạt 5 tỷ đồng.") == []
    assert [p.value for p in find_periods("Bình quân chín tháng tăng 3,1%.")] == ["9M"]


@pytest.mark.parametrize("text, span, owner", [
    # a place listed after `như` owns the figure in the bracket right after it
    ("Ngoài Phú Thọ, nhiều địa phương khác cũng có chỉ số IIP tăng cao như Trà Vinh (40,5%), Bắc Kạn (28,1%).", "40,5%",
     "Trà Vinh"),
    # the provinces a place overtook own nothing, `để` after them included
    ("Nghệ An đã vượt Bắc Ninh, Đồng Nai để đứng thứ 6 cả nước về thu hút FDI.", "đứng thứ 6", "Nghệ An"),
])
def test_places_compared_from_part_ad(text, span, owner):
    assert figure(text, span, published="2023-10-01").entity == owner


def test_a_running_total_measures_what_its_sentence_measured():
    text = ("Thu ngân sách nhà nước trên địa bàn tháng 9 ước thực hiện 963 tỷ đồng, lũy kế 9 tháng ước thực hiện 11.671 tỷ "
            "đồng, đạt 73,6% dự toán.")
    assert figure(text, "11.671 tỷ đồng", published="2023-10-01").indicator.startswith("Thu ngân sách nhà nước")


@pytest.mark.parametrize("text, span, indicator", [
    ("Trong đó, tỉnh cấp mới 150 dự án đầu tư trong nước (DDI) với tổng vốn đăng ký đạt hơn 245,3 nghìn tỷ đồng.",
     "hơn 245,3 nghìn tỷ đồng", "tổng vốn đăng ký"),
    ("Tính đến nay, toàn tỉnh có 87 dự án FDI với tổng vốn đăng ký trên 1,13 tỷ USD.", "trên 1,13 tỷ USD",
     "tổng vốn đăng ký"),
])
def test_capital_with_a_count_is_named_as_written(text, span, indicator):
    # (the projects it is of are in the sentence; a phrase made of the count's words is not written there)
    assert figure(text, span, published="2023-10-01").indicator == indicator


# --- eighth session, third piece: from development part AF ----------------------------------------------
def test_a_page_titled_as_a_plan_sets_out_targets():
    text = ("1.Các chỉ tiêu kinh tế\n\n-Giá trị sản xuất nông, lâm và thủy sản tăng 2,5%; dịch vụ tăng 7,1% trở lên so với "
            "năm 2018.\n\n-Tổng thu ngân sách nhà nước đạt 13.223,1 tỷ đồng.")
    for span in ("2,5%", "13.223,1 tỷ đồng"):
        m = figure(text, span, title="Mục tiêu phát triển kinh tế - xã hội của năm 2019")
        assert (m.status, m.extra["status_source"]) == ("target", "rules")
    # a title that reports results is no plan: the rule leaves the figure to the model
    m = figure(text, "13.223,1 tỷ đồng", title="Chỉ tiêu phát triển kinh tế năm 2019 nhiều ấn tượng")
    assert m.extra["status_source"] == "model"


def test_a_congress_that_adopts_its_plan_opens_a_page_of_targets():
    text = ("Đại hội Đại biểu Đảng bộ tỉnh Vĩnh Long lần thứ I, nhiệm kỳ 2025-2030 đã thông qua Nghị quyết Đại hội, nhất trí "
            "mục tiêu, định hướng chiến lược phát triển.\n\nTốc độ tăng trưởng tổng sản phẩm trong tỉnh (GRDP) bình quân "
            "đạt 10%. Ngân sách trên địa bàn tăng bình quân 7%.\n\nNhiệm kỳ qua, tăng trưởng bình quân đạt 6,5%.")
    assert figure(text, "10%", published="2025-11-07").status == "target"
    assert figure(text, "7%", published="2025-11-07").status == "target"
    assert figure(text, "6,5%", published="2025-11-07").status == "actual"


def test_a_label_then_the_whole_province_has():
    text = "Hộ nghèo: toàn tỉnh có 36.951 hộ, chiếm tỷ lệ 11,36% trong tổng số hộ dân trên địa bàn tỉnh."
    assert figure(text, "36.951 hộ", published="2016-01-01").indicator == "Hộ nghèo"
    assert figure(text, "11,36%", published="2016-01-01").indicator.endswith("Hộ nghèo")


def test_capital_new_and_added_is_named_whole():
    text = ("Các dự án tập trung vào hình thức 100% vốn nước ngoài với 7 dự án mới, 10 lượt tăng vốn, tổng vốn đăng ký cấp "
            "mới và tăng thêm đạt 702,58 triệu USD.")
    assert figure(text, "702,58 triệu USD", published="2015-11-01").indicator == "tổng vốn đăng ký cấp mới và tăng thêm"
    # (a result joined by `và` keeps its own verb cut: `… đạt 105% dự toán và tăng 6,27%`)
    assert figure("Thu ngân sách Nhà nước đạt 105% dự toán và tăng 6,27%.", "6,27%", published="2015-11-01").indicator \
        == "Thu ngân sách Nhà nước"


def test_values_joined_by_dashes_are_a_list_not_a_range():
    ex = extract_document(Document(id="t", source="", text="Cơ cấu kinh tế khu vực I - II - III tương ứng là "
                                   "40,21%-16,06%-43,73%.", published="2018-01-01"))
    assert [(m.text, m.kind) for m in ex.mentions] == [("40,21%", "percent"), ("16,06%", "percent"), ("43,73%", "percent")]
    assert [m.kind for m in extract_document(Document(id="t", source="", text="Tăng trưởng đạt 7-7,5%.")).mentions] \
        == ["range"]


@pytest.mark.parametrize("text, span, owner", [
    ("Thu từ khu vực doanh nghiệp Nhà nước do Trung ương quản lý là 1.749 tỷ đồng (đạt 100,52% dự toán).", "1.749 tỷ đồng",
     "Cà Mau"),
    ("Đến nay, Hưng Yên là một trong 8 tỉnh, thành phố trong cả nước có 100% số xã đạt chuẩn nông thôn mới.", "100%",
     "Hưng Yên"),
])
def test_the_centre_that_manages_and_the_country_as_a_frame_own_nothing(text, span, owner):
    assert figure(text, span, title="Cà Mau: thu ngân sách năm 2021" if "Thu" in text else None,
                  published="2022-01-10").entity == owner


# --- ninth session ------------------------------------------------------------------------------
def test_a_district_written_joined_is_the_district_the_list_writes_apart():
    # the gazetteer writes `Đa Krông`; the district's own papers write `Đakrông`: `toàn huyện` is that district's
    text = ("(QT) - Sáng nay 12.11.2019, UBND huyện Đakrông cho biết vừa rà soát tỉ lệ hộ nghèo của năm 2019. "
            "Kết quả toàn huyện có 3.594 hộ nghèo, tỉ lệ hộ nghèo giảm 5,15%.")
    m = figure(text, "5,15%", published="2019-11-12", source="https://tinhuyquangtri.vn/x")
    assert m.entity == "huyện Đakrông"
    # a name that only looks alike stays unknown
    other = figure(text.replace("Đakrông", "Đakrôngx"), "5,15%", published="2019-11-12",
                   source="https://tinhuyquangtri.vn/x")
    assert other.entity != "huyện Đakrôngx" or other.extra["entity_source"] != "document"


def test_what_a_cause_led_to_is_the_subject_after_the_connective():
    text = ("Năm 2019, nhờ sự chỉ đạo quyết liệt, cộng với sự vào cuộc tích cực của các ngành liên quan nên tỷ lệ "
            "bao phủ BHYT toàn tỉnh đạt 90,5% dân số.")
    assert figure(text, "90,5%").indicator == "tỷ lệ bao phủ BHYT"
    # `trở nên` is a verb, no connective
    m = figure("Năm 2019, tỷ lệ bao phủ BHYT trở nên cao hơn, đạt 90,5% dân số.", "90,5%")
    assert m.indicator.startswith("tỷ lệ bao phủ BHYT")   # (not cut after `nên`)


def test_the_last_syllable_of_a_compound_is_no_verb_of_its_own():
    m = figure("Theo đó, 100% thành viên đồng ý công nhận 4 xã đạt chuẩn NTM gồm: Phúc Đồng, Hòa Hải.", "100%")
    assert m.indicator != "nhận"
    assert figure("Năm 2022, có 120 người nhận hỗ trợ.", "120 người").indicator is not None


def test_a_level_in_a_report_of_part_of_a_year_is_of_the_year():
    text = ("Trong 6 tháng đầu năm 2018, các KCN đã thu hút được 35 dự án, nâng tổng số các dự án trong các KCN của "
            "tỉnh lên thành 328 dự án đầu tư còn hiệu lực. Như vậy, lũy kế đến hết 6 tháng năm 2018, vốn đầu tư đã "
            "thực hiện của các doanh nghiệp ước đạt là 11.131 tỷ đồng.")
    assert figure(text, "35 dự án").period == "2018-H1"       # what the six months brought
    assert figure(text, "328 dự án").period == "2018"         # the total it raised
    assert figure(text, "11.131 tỷ đồng").period == "2018"    # the running total up to their end
    text = ("Trong 6 tháng đầu năm 2018, công nhận 9 xã đạt chuẩn NTM; như vậy, toàn tỉnh đã có 67 xã được công nhận đạt "
            "chuẩn NTM.")
    assert (figure(text, "9 xã").period, figure(text, "67 xã").period) == ("2018-H1", "2018")
    # a change up to a month's end is of the months
    flow = figure("Lũy kế đến hết tháng 7/2018 chỉ số sản xuất công nghiệp toàn tỉnh tăng 10,2%.", "10,2%")
    assert flow.period == "2018-7M"


def test_a_yearly_average_up_to_a_terms_end_is_of_the_term():
    text = ("Nhiệm kỳ 2015-2020, tỉnh làm tốt công tác an sinh xã hội. Đến năm 2020, hộ nghèo của tỉnh giảm 5.160 hộ, "
            "bình quân giảm 1,02%, vượt chỉ tiêu.")
    assert figure(text, "1,02%").period == "2015-2020"
    assert figure(text, "5.160 hộ").period == "2020"       # a count up to then is the year's
    # a year that ends no term the text names stays the year
    other = figure(text.replace("Đến năm 2020", "Đến năm 2018"), "1,02%")
    assert other.period == "2018"


def test_a_province_the_title_compares_with_is_not_the_pages():
    text = ("Theo Tổng cục Thống kê, tăng trưởng GRDP năm 2023 của tỉnh Hậu Giang đạt 12,27%. Quy mô nền kinh tế "
            "đạt 58.505 tỷ đồng.")
    m = figure(text, "58.505 tỷ đồng", title="Tỉnh non trẻ 20 tuổi đạt tăng trưởng cao nhất 2023, gấp đôi TP.HCM")
    assert m.entity == "Hậu Giang"
    m = figure(text, "58.505 tỷ đồng", title="TP.HCM tăng trưởng cao nhất 2023")
    assert m.entity == "Hồ Chí Minh"   # (the title's own province still leads)


def test_a_share_of_the_country_is_the_parts_not_the_countrys():
    text = ("Kinh tế TP Hồ Chí Minh trong nhiệm kỳ 2015 - 2020 tăng trưởng khá. Tỷ trọng kinh tế TP trong kinh tế cả "
            "nước tiếp tục tăng, đến năm 2020 chiếm gần 23% GDP cả nước.")
    assert figure(text, "gần 23%").entity == "Hồ Chí Minh"
    assert figure("Năm 2020, GDP cả nước tăng 2,91%.", "2,91%").entity == "Việt Nam"


def test_the_sectors_of_an_economy_named_together_are_one_subject():
    text = ("Về kinh tế, tốc độ tăng trưởng GRDP bình quân đạt khoảng 11,5%/năm; trong đó ngành nông nghiệp, lâm nghiệp "
            "và thủy sản tăng bình quân 3,32%/năm, ngành công nghiệp – xây dựng tăng bình quân 15,49%/năm. Tỷ trọng "
            "trong GRDP nông, lâm nghiệp và thủy sản chiếm khoảng 17,98%.")
    assert figure(text, "3,32%/năm").indicator == "ngành nông nghiệp, lâm nghiệp và thủy sản"
    assert figure(text, "khoảng 17,98%").indicator == "Tỷ trọng trong GRDP nông, lâm nghiệp và thủy sản"
    m = figure("Năm 2023, khu vực nông, lâm nghiệp và thủy sản tăng 3,12%.", "3,12%")
    assert m.indicator == "khu vực nông, lâm nghiệp và thủy sản"
    # two places listed are still two clauses
    m = figure("Năm 2023, huyện A tăng 2%, thủy sản tăng 3,12%.", "3,12%")
    assert m.indicator == "thủy sản"


def test_where_a_measure_moved_from_and_to_in_brackets_is_that_measure():
    text = ("Cơ cấu kinh tế chuyển dịch tích cực theo hướng tăng tỷ trọng khu vực dịch vụ (từ 39,8% năm 2015 lên "
            "41,2% năm 2016).")
    assert figure(text, "39,8%").indicator == "tỷ trọng khu vực dịch vụ"
    assert figure(text, "41,2%").indicator == "tỷ trọng khu vực dịch vụ"


def test_how_far_a_figure_went_past_its_plan_is_of_that_figure():
    text = "Tổng thu NSNN ước đạt trên 12.000 tỉ đồng, vượt dự toán 10,4%, tăng 6,5% so với cùng kỳ."
    assert figure(text, "10,4%").indicator == "Tổng thu NSNN"
    assert figure(text, "6,5%").indicator == "Tổng thu NSNN"
    # a percentage of its own after the plan is not (`vượt dự toán` then a rate named)
    m = figure("Tổng thu NSNN đạt 12.000 tỉ đồng, vượt dự toán; tỷ lệ giải ngân đạt 95%.", "95%")
    assert m.indicator == "tỷ lệ giải ngân"


def test_who_sets_an_aim_is_no_part_of_what_it_is_of():
    m = figure("Giai đoạn 2025-2030, TP đặt mục tiêu phấn đấu tốc độ GRDP bình quân hằng năm khoảng 8,5%.", "khoảng 8,5%")
    assert m.indicator == "tốc độ GRDP bình quân hằng năm"
    m = figure("Tỉnh đề ra mục tiêu giá trị SXCN đạt 12.000 tỷ đồng vào năm 2025.", "12.000 tỷ đồng")
    assert m.indicator == "giá trị SXCN"


def test_counts_share_the_predicate_after_an_aside_or_their_names():
    text = ("Dự kiến đến cuối năm 2020 toàn tỉnh sẽ có 57 xã (chiếm 65%) và 3/9 đơn vị cấp huyện được công nhận đạt "
            "chuẩn nông thôn mới.")
    assert figure(text, "57 xã").indicator == "xã được công nhận đạt chuẩn nông thôn mới"
    text = "Đến nay, tỉnh đã có 2 huyện là Tây Hòa và Phú Hòa, cùng với 55/88 xã được công nhận đạt chuẩn nông thôn mới."
    assert figure(text, "2 huyện").indicator == "huyện được công nhận đạt chuẩn nông thôn mới"


def _numbers(text):
    return [m.text for m in extract_document(Document(id="t", source="", text=text)).mentions]


def test_dates_codes_and_years_written_in_more_ways_are_no_figures():
    assert _numbers("Từ ngày 28 tháng Chạp đến hết ngày mùng 9 Tết, khu di tích đón 1 triệu khách.") == ["1 triệu khách"]
    assert _numbers("Riêng ngày mùng 4 tết ghi nhận 120.000 lượt khách.") == ["120.000 lượt khách"]
    assert _numbers("Tổng diện tích gieo trồng vụ mùa 2019 tỉnh Kon Tum là 61.635 ha.") == ["61.635 ha"]
    assert "17/10" not in _numbers("(Baohatinh.vn) - Hôm nay (17/10), Thủ tướng ban hành quyết định công nhận 12 xã.")
    # figures after capitals stay figures: a rate, a count with its noun
    assert _numbers("GRDP 7,5%, CPI tăng 3%.") == ["7,5%", "3%"]
    assert _numbers("Năm 2023, tỉnh có 12 HTX mới.") == ["12 HTX mới"]


def test_an_estimate_after_a_measure_is_no_noun_of_it():
    text = "Bên cạnh đó, diện tích giảm lượng giống lúa gieo sạ dưới 100 kg/ha ước đạt 50% tăng 44,4% so năm 2016."
    assert figure(text, "50%").indicator == "diện tích giảm lượng giống lúa gieo sạ"
    assert figure("Năm 2020, tỉnh xuất bán 215 tấn gạo hữu cơ.", "215 tấn").indicator == "xuất bán gạo hữu cơ"


def test_who_attended_is_named_by_who_they_are():
    text = "Đại hội đã chính thức khai mạc với sự tham dự của 399 đại biểu chính thức, cùng 151 khách mời."
    assert figure(text, "399 đại biểu").indicator == "đại biểu chính thức"
    assert figure("Hội nghị diễn ra với sự tham dự của gần 8.000 đại biểu.", "gần 8.000 đại biểu").indicator == "tham dự"


def test_each_name_on_a_list_of_communes_owns_its_figure():
    text = ("(QT) - Sáng nay, UBND huyện Đakrông cho biết vừa rà soát tỉ lệ hộ nghèo. Kết quả toàn huyện có 3.594 hộ "
            "nghèo.\n\nHướng Hiệp là xã có hộ nghèo giảm nhiều nhất trên địa bàn của huyện, giảm 87 hộ, chiếm tỉ lệ 9,1%; "
            "kế đến là các xã A Vao giảm 7,7%, A Bung giảm 7,01% và Húc Nghì giảm 6,54%.")
    owners = {sp: figure(text, sp, published="2019-11-12").entity for sp in ("87 hộ", "7,7%", "7,01%", "6,54%")}
    assert owners == {"87 hộ": "xã Hướng Hiệp", "7,7%": "xã A Vao", "7,01%": "xã A Bung", "6,54%": "xã Húc Nghì"}
    assert figure(text, "3.594 hộ", published="2019-11-12").entity == "huyện Đakrông"


def test_the_countrys_survey_and_the_provinces_mean_are_the_countrys():
    text = ("Báo cáo PCI năm 2022 được xây dựng trên thông tin phản hồi từ 11.872 doanh nghiệp, trong đó có 10.590 "
            "doanh nghiệp tư nhân.")
    assert figure(text, "11.872 doanh nghiệp", title="Quảng Ngãi tăng 12 bậc PCI").entity == "Việt Nam"
    text = ("Chỉ số CCHC năm 2023 của các tỉnh, thành phố đã trở lại quỹ đạo tăng trưởng tích cực với giá trị trung "
            "bình đạt 86,98%. Chỉ số CCHC năm 2023 của tỉnh Ninh Bình đạt 88,72%, cao hơn mức trung bình của cả nước "
            "1,74%, xếp thứ 11/63 tỉnh, thành phố.")
    assert figure(text, "86,98%", title="Ninh Bình tăng 6 bậc").entity == "Việt Nam"
    assert figure(text, "1,74%", title="Ninh Bình tăng 6 bậc").entity == "Ninh Bình"   # how far above the mean
    # the province's own respondents are the province's
    m = figure("Năm 2022, tỉnh Quảng Ngãi có 120 doanh nghiệp tham gia khảo sát PCI.", "120 doanh nghiệp")
    assert m.entity == "Quảng Ngãi"


def test_money_from_the_central_budget_is_the_province_that_spends_it():
    text = ("Tổng kinh phí đầu tư cho giáo dục nghề nghiệp của tỉnh Bắc Kạn giai đoạn 2016 - 2022 là 33.133,54 triệu "
            "đồng; trong đó, ngân sách trung ương 32.069,54 triệu đồng, ngân sách địa phương 1.064 triệu đồng.")
    assert figure(text, "32.069,54 triệu đồng").entity == "Bắc Kạn"


def test_a_sentence_that_names_no_owner_goes_on_about_the_district_before_it():
    text = ("Năm 2019, tỉnh Hà Tĩnh có thêm 20 xã đạt chuẩn NTM.\n\nNhư vậy, đến nay huyện Hương Khê có thêm 4 xã đạt "
            "chuẩn NTM, nâng tổng số xã đạt chuẩn NTM toàn huyện lên 16/20 xã. Có 3 xã đạt NTM nâng cao.")
    assert figure(text, "3 xã").entity == "huyện Hương Khê"
    # a list of districts is no one district; a sentence that names the province again is the province's
    text = ("Năm 2021, giao chỉ tiêu cho huyện Bạch Thông 500 lao động, huyện Chợ Mới 600 lao động. Toàn tỉnh giải "
            "quyết việc làm cho 6.000 lao động.")
    assert figure(text, "6.000 lao động").entity != "huyện Chợ Mới"


def test_a_year_named_before_the_figures_of_a_bracket_is_theirs():
    t = "Năm 2019, tỷ lệ hộ nghèo còn 3,69% (so năm 2017 là 6,47%)."
    assert (figure(t, "6,47%").period, figure(t, "3,69%").period) == ("2017", "2019")
    t = "Năm 2024, dịch vụ chiếm 29,03% (Cơ cấu tương ứng của năm 2023 là 28,34%; 35,92%)."
    assert (figure(t, "28,34%").period, figure(t, "35,92%").period, figure(t, "29,03%").period) == ("2023", "2023", "2024")
    t = "Năm 2020 GRDP bình quân đầu người ước đạt 6.799 USD, gấp 1,3 lần năm 2015 (5.104 USD)."
    assert figure(t, "5.104 USD").period == "2015"
    # a part of that year stays a part
    t = "Quý I/2023, dịch vụ chiếm 36,79% (Cơ cấu tương ứng quý I năm 2022: 37,16%)."
    assert figure(t, "37,16%").period == "2022-Q1"


def test_the_targets_a_congress_counts_are_its_terms():
    text = ("Sau nửa nhiệm kỳ 2020-2025, Đảng bộ tỉnh Thanh Hóa đã đạt được nhiều kết quả quan trọng. Trong đó có 7/27 "
            "chỉ tiêu dự báo vượt mục tiêu Đại hội và 15 chỉ tiêu hoàn thành.")
    assert figure(text, "15 chỉ tiêu", published="2022-10-01").period == "2020-2025"
    # a year's own targets stay the year's
    m = figure("Năm 2022, tỉnh hoàn thành 15/18 chỉ tiêu kinh tế - xã hội.", "15/18 chỉ tiêu", published="2022-12-20")
    assert m.period == "2022"


def test_a_sector_grew_with_a_rate_that_names_nothing_of_its_own():
    t = ("Trong đó khu vực nông, lâm nghiệp và thuỷ sản tăng 3,12%; khu vực công nghiệp, xây dựng tăng khá cao với mức "
         "tăng 28,32%; khu vực dịch vụ tăng 8,84%.")
    assert figure(t, "28,32%").indicator == "khu vực công nghiệp, xây dựng"
    t = "Ngành sản xuất điện là động lực tăng trưởng chính với tốc độ tăng 30,85%."
    assert figure(t, "30,85%").indicator == "Ngành sản xuất điện"


# --- tenth session (rules read from development part AM) ------------------------------------------
def test_a_copula_with_a_colon_names_its_subject():
    t = "Theo đó, tổng số hộ nghèo toàn tỉnh là: 36.537 hộ, chiếm tỷ lệ 19,07%."
    assert figure(t, "36.537 hộ").indicator == "tổng số hộ nghèo"
    assert figure(t, "19,07%").indicator == "tỷ lệ hộ nghèo"
    # a colon that opens a list still opens a clause
    t = "Có 3 chỉ tiêu không đạt: thu ngân sách 5.000 tỷ đồng; xuất khẩu 200 triệu USD."
    assert figure(t, "5.000 tỷ đồng").indicator == "thu ngân sách"


def test_a_body_that_hangs_under_another_is_not_cut_at_thuoc():
    t = "Các đảng bộ trực thuộc đều được giao chỉ tiêu kết nạp từ 3 - 4% đảng viên mới trở lên."
    assert figure(t, "từ 3 - 4%").indicator == "chỉ tiêu kết nạp"
    assert figure("Có 20 đảng bộ trực thuộc tổ chức đại hội.", "20 đảng bộ").indicator != "đảng bộ trực"


def test_what_equals_the_figure_names_it():
    t = "Ngành sản xuất điện tăng 7,4%, ngành khai khoáng bằng 91,2%."
    assert figure(t, "91,2%").indicator == "ngành khai khoáng"
    # `bằng` after a verb is still the verb's
    t = "Thu ngân sách 6 tháng đạt 4.000 tỷ đồng, bằng 52% dự toán."
    assert figure(t, "52%").indicator != "Thu ngân sách 6 tháng đạt 4.000 tỷ đồng"


def test_time_words_and_aims_are_no_part_of_a_subject():
    t = "Phấn đấu hộ cận nghèo mỗi năm giảm 3% trở lên; tỷ lệ cứng hóa đường trục thôn, bản đạt trên 70%."
    assert figure(t, "3% trở lên").indicator == "hộ cận nghèo"
    assert figure(t, "trên 70%").indicator == "tỷ lệ cứng hóa đường trục thôn, bản"
    t = "Bắc Kạn phấn đấu trong giai đoạn 2021 - 2025 tỷ lệ hộ nghèo giảm bình quân từ 3,5-4%/năm."
    assert figure(t, "từ 3,5-4%/năm").indicator.startswith("tỷ lệ hộ nghèo")


def test_a_total_of_the_months_named_is_of_those_months():
    t = ("Trong tháng 9/2023 toàn tỉnh đã đón hơn 1,3 triệu lượt khách, nâng tổng số khách đến tỉnh trong 9 tháng là "
         "11.367.238 lượt.")
    assert figure(t, "11.367.238 lượt", published="2023-10-02").period == "2023-9M"
    # a level the months led to stays the year's
    t = "Trong 6 tháng đầu năm, công nhận 9 xã đạt chuẩn NTM; như vậy, toàn tỉnh đã có 67 xã đạt chuẩn NTM."
    assert figure(t, "67 xã", published="2018-06-11").period == "2018"


def test_a_year_in_a_contrast_does_not_date_the_next_sentence():
    t = ("Theo báo cáo, tốc độ tăng GRDP năm 2024 ước tính tăng 7,1%, trong khi năm 2023 âm 8,37%. Sản xuất công "
         "nghiệp cũng phục hồi ấn tượng (tăng 13,5%).")
    assert figure(t, "âm 8,37%", published="2025-01-11").period == "2023"
    assert figure(t, "13,5%", published="2025-01-11").period == "2024"


def test_a_level_per_head_reached_in_a_term_is_of_its_last_year():
    t = ("Báo cáo chính trị khẳng định kết quả giai đoạn 2020-2025 với mức tăng trưởng kinh tế bình quân 6,4%/năm, GRDP "
         "bình quân đầu người đạt 94 triệu đồng, kim ngạch xuất khẩu 11 tỷ USD.")
    assert figure(t, "94 triệu đồng", published="2025-10-01").period == "2025"
    assert figure(t, "6,4%/năm", published="2025-10-01").period == "2020-2025"
    assert figure(t, "11 tỷ USD", published="2025-10-01").period == "2020-2025"


def test_a_congress_sets_targets_for_the_term_it_opens():
    t = ("Đại hội đại biểu Đảng bộ tỉnh Hà Tĩnh lần thứ XX, nhiệm kỳ 2025-2030 chính thức khai mạc. Báo cáo khẳng định "
         "kết quả giai đoạn 2020-2025 với mức tăng trưởng kinh tế bình quân 6,4%/năm.\n\n"
         "Đại hội đặt ra mục tiêu mới: GRDP tăng từ 10% trở lên mỗi năm.")
    m = figure(t, "từ 10% trở lên", published="2025-10-01")
    assert (m.status, m.period) == ("target", "2025-2030")


def test_a_standard_the_centre_sets_owns_nothing():
    t = ("Đề án giảm nghèo huyện Văn Quan: phấn đấu có 20% số xã thoát khỏi tình trạng khó khăn theo tiêu chí Trung "
         "ương quy định (tương đương 04 xã); tỷ lệ lao động qua đào tạo của huyện đạt 51%.")
    assert figure(t, "51%").entity != "Việt Nam"


def test_a_share_of_a_whole_the_count_before_is_part_of():
    t = ("Hiện nay, huyện Đam Rông có 15/36 trường học đạt chuẩn Quốc gia mức độ 1, chiếm 41,6% tổng số trường học "
         "trên địa bàn huyện. Trong đó, bậc học mầm non có 6/9 trường đạt chuẩn, chiếm 66,6%; bậc THCS có 3/10 trường "
         "đạt chuẩn, chiếm 30%.")
    assert figure(t, "41,6%").indicator == "trường học đạt chuẩn Quốc gia mức độ 1"
    assert figure(t, "6/9 trường").indicator == "trường đạt chuẩn bậc học mầm non"
    assert figure(t, "30%").indicator == "trường đạt chuẩn bậc THCS"


def test_each_count_of_a_list_says_what_it_did():
    t = ("Toàn tỉnh có 2 xã đạt chuẩn nông thôn mới kiểu mẫu, có 3 thành phố, thị xã hoàn thành nhiệm vụ xây dựng nông "
         "thôn mới và 3/8 huyện đạt chuẩn huyện nông thôn mới.")
    assert figure(t, "3 thành phố, thị xã").indicator == "thành phố, thị xã hoàn thành nhiệm vụ xây dựng nông thôn mới"
    assert figure(t, "3/8 huyện").indicator == "huyện đạt chuẩn huyện nông thôn mới"


def test_those_the_delegates_stand_for():
    t = "Đại hội có sự tham gia của 349 đại biểu chính thức đại diện cho hơn 33 nghìn đảng viên trong toàn Đảng bộ."
    assert figure(t, "hơn 33 nghìn đảng viên").indicator == "đảng viên"


def test_a_heading_that_says_a_figure_again():
    t = "Năm nay, tăng trưởng kinh tế tỉnh Hải Dương đứng thứ 6 cả nước, tăng 7 bậc so với năm 2023.\n\nVọt tăng 7 bậc\n\nNgày 9/12, …"
    ex = extract_document(Document(id="t", source="", text=t, title="Kinh tế Hải Dương vọt tăng 7 bậc"))
    assert [m.indicator for m in ex.mentions if m.text == "7 bậc"] == ["tăng trưởng kinh tế"] * 2


def test_the_level_reached_with_a_change():
    t = "Khách du lịch đến Hà Giang đã tăng 81,6% so với cùng kỳ năm ngoái với 156.200 lượt người."
    assert figure(t, "81,6%").indicator == "Khách du lịch đến Hà Giang"
    assert figure(t, "156.200 lượt người").indicator == "Khách du lịch đến Hà Giang"


def test_a_claim_of_beating_the_plan_makes_a_result(rules_only):
    t = "Tỷ lệ hộ nghèo giảm từ 19,26% năm 2015 xuống 6,98% năm 2020, bình quân mỗi năm giảm trên 2,4%, vượt mục tiêu đề ra."
    assert figure(t, "trên 2,4%").status == "actual"


def test_an_ellipsis_before_a_capital_ends_a_sentence():
    t = ("Trên địa bàn tỉnh Bến Tre tổ chức nhiều sự kiện như: Tuần lễ văn hóa - du lịch huyện Châu Thành lần 2-2024; "
         "Chợ quê xứ Dừa lần thứ 3-2024… Theo đó, tổng thu từ các hoạt động du lịch trong tháng 6-2024 đạt 289 tỷ đồng.")
    m = figure(t, "289 tỷ đồng")
    assert m.sentence.startswith("Theo đó") and m.entity != "huyện Châu Thành"


def test_a_same_time_labelled_in_a_bracket_is_that_years():
    t = ("Tốc độ tăng trưởng kinh tế 6 tháng đầu năm 2015 ước đạt 6,88%, cao hơn cùng kỳ những năm gần đây (cùng kỳ 2012: "
         "5,02%, 2013: 5,42%, 2014: 6,37%).")
    assert figure(t, "5,02%").period.startswith("2012")


def test_members_named_with_their_party_organisation_after_them():
    t = "Đại hội có 299 đại biểu ưu tú, đại diện cho trên 29 nghìn đảng viên trong toàn Đảng bộ tỉnh Lai Châu về dự."
    assert figure(t, "trên 29 nghìn đảng viên", title="Đại hội Đảng bộ tỉnh Lào Cai").entity == "Đảng bộ tỉnh Lai Châu"


def test_districts_are_counted_across_the_province():
    t = ("Tỉnh Đồng Tháp hoàn chỉnh hồ sơ xét công nhận huyện Cao Lãnh đạt chuẩn nông thôn mới năm 2020, phấn đấu 2 "
         "huyện: Châu Thành, Lấp Vò đạt chuẩn nông thôn mới.")
    assert figure(t, "2 huyện").entity == "Đồng Tháp"


def test_a_locality_that_reached_a_figure_is_its_owner_not_its_indicator():
    t = "Trong năm 2022, địa phương đạt 2,57 triệu lượt khách lưu trú, tăng 113,83% so với kế hoạch."
    assert figure(t, "2,57 triệu lượt khách").indicator == "khách lưu trú"
    # the local budget beside the centre's stays
    t = "Tổng vốn là 177 tỷ đồng, trong đó ngân sách Trung ương hơn 147 tỷ đồng, địa phương 29 tỷ đồng."
    assert figure(t, "29 tỷ đồng").indicator != "khách lưu trú"


def test_a_rate_named_right_after_its_change():
    t = "Phấn đấu thu nhập bình quân đầu người khu vực nông thôn hơn 51 triệu đồng, giảm 1% tỷ lệ hộ nghèo theo chuẩn mới."
    assert figure(t, "1%").indicator == "tỷ lệ hộ nghèo"


def test_what_grew_with_a_rate_said_by_how():
    t = ("Đóng góp vào sự tăng trưởng cao là lĩnh vực dịch vụ với mức tăng trưởng mạnh trở lại, tăng 8,35%, cao so với "
         "mức 7,89% của cùng kỳ năm 2022.")
    assert figure(t, "8,35%").indicator == "lĩnh vực dịch vụ"


def test_a_month_named_before_its_owner_and_result():
    t = "Năm 2019, kim ngạch xuất khẩu tháng 8 của tỉnh ước đạt hơn 106 triệu USD."
    assert figure(t, "hơn 106 triệu USD").period == "2019-08"


def test_the_same_time_a_year_before_a_figure_is_compared_with():
    t = ("Trong 6 tháng đầu năm 2023, lĩnh vực dịch vụ tăng 8,35%, cao so với mức 7,89% của cùng kỳ năm 2022; nông nghiệp "
         "tăng trưởng 9,48% (tăng mạnh so với mức tăng cùng kỳ âm 7,5%).")
    assert [figure(t, x).period for x in ("8,35%", "7,89%", "9,48%", "âm 7,5%")] == ["2023-H1", "2022-H1", "2023-H1", "2022-H1"]


def test_each_item_listed_with_its_figure_in_brackets():
    t = "Một số mặt hàng tăng đột biến như giày da (160%), điện gió (103%), xi măng (300%)..."
    assert [figure(t, x).indicator for x in ("160%", "103%", "300%")] == ["giày da", "điện gió", "xi măng"]
    # places listed so stay the rule for places
    t = "Tỷ lệ giải ngân vốn đầu tư công cao gồm Ninh Bình (96,7%), Hà Nam (94,3%)."
    assert figure(t, "94,3%").indicator != "Hà Nam"


def test_subjects_that_go_to_a_place_or_rise_with_a_rate():
    t = "Năm 2021, tổng số khách du lịch đến với Quảng Bình đạt khoảng 569.826 lượt, giảm 69% so với cùng kỳ năm 2020."
    assert figure(t, "khoảng 569.826 lượt").indicator == "tổng số khách du lịch"
    t = "Chỉ số sản xuất ngành linh kiện điện tử với mức tăng gần 22% so với cùng kỳ."
    assert figure(t, "gần 22%").indicator == "Chỉ số sản xuất ngành linh kiện điện tử"
    t = "Lượng sản phẩm tiêu thụ đạt khá, đưa chỉ số sản xuất trong tháng 10 tăng trên 28% so với cùng kỳ."
    assert figure(t, "trên 28%").indicator == "chỉ số sản xuất"


def test_a_count_that_fell_keeps_its_noun():
    t = "Tổng số hộ nghèo toàn tỉnh là trên 15.300 hộ, chiếm tỷ lệ 7,04%, giảm trên 9.700 hộ nghèo."
    assert "hộ nghèo" in figure(t, "trên 9.700 hộ").indicator


def test_a_clause_after_a_semicolon_keeps_to_its_own_words():
    t = ("Tốc độ tăng trưởng GRDP của tỉnh ước tăng 2,24%; sản xuất nông, lâm nghiệp và thủy sản tăng trưởng nhẹ (0,71%); "
         "uớc đến hết năm 2023, có thêm 5 xã đạt từ 17 - 18 tiêu chí nông thôn mới.")
    assert figure(t, "0,71%").indicator == "sản xuất nông, lâm nghiệp và thủy sản"
    assert figure(t, "5 xã").indicator.startswith("xã đạt")


def test_who_attends_a_congress_is_counted_when_it_meets():
    t = ("Đại hội Đảng bộ huyện Bắc Hà nhiệm kỳ 2020 - 2025 khai mạc với 235 đại biểu ưu tú, tiêu biểu cho trí tuệ của "
         "trên 4.000 đảng viên đến từ 55 chi, đảng bộ cơ sở.")
    assert [figure(t, x, published="2020-07-20").period for x in ("235 đại biểu", "trên 4.000 đảng viên")] == ["2020", "2020"]


def test_a_year_compared_with_owns_only_its_own_figure():
    t = ("Năm 2021, chỉ số sản xuất công nghiệp (IIP) tăng trên 18% so với năm 2020, cao hơn năm 2019 là 15%, gấp 4 lần "
         "bình quân chung cả nước là 3,6%.")
    assert [figure(t, x).period for x in ("trên 18%", "15%", "gấp 4 lần", "3,6%")] == ["2021", "2019", "2021", "2021"]


def test_a_count_that_goes_on_from_now():
    t = ("Riêng trong tháng 2/2019, lượng khách đến tham quan du lịch ước đạt 846.441 lượt. Đến nay, toàn tỉnh có 726 cơ "
         "sở lưu trú với 22.654 phòng. Có 13 doanh nghiệp kinh doanh dịch vụ lữ hành quốc tế.")
    assert [figure(t, x).period for x in ("846.441 lượt", "726 cơ sở lưu trú", "13 doanh nghiệp")] == ["2019-02", "2019", "2019"]


def test_guests_places_do_not_own_the_delegates_they_join():
    t = ("Đại hội Đảng bộ huyện Bắc Hà nhiệm kỳ 2020 - 2025 khai mạc. Lãnh đạo các huyện Si Ma Cai và huyện Xín Mần tỉnh "
         "Hà Giang cùng 235 đại biểu ưu tú dự Đại hội.")
    m = figure(t, "235 đại biểu", title="Đại hội Đại biểu Đảng bộ huyện Bắc Hà lần thứ XXIV thành công tốt đẹp")
    assert m.entity != "Hà Giang"


def test_a_page_of_january_that_compares_with_the_end_of_the_year_two_before():
    t = ("Sau 5 năm thực hiện Chương trình, tỉnh Tiền Giang đã có 12 xã đạt chuẩn NTM. Bình quân số tiêu chí đạt được là "
         "11,23 tiêu chí/xã, tăng 2,63 tiêu chí so với cuối năm 2014.")
    assert figure(t, "12 xã", published="2016-01-13").period == "2015"


def test_the_criteria_reached_past_a_share_in_brackets():
    t = "Có 6 xã (4,32%) đạt từ 15 - 18 tiêu chí, 79 xã (56,83%) đạt từ 10 - 14 tiêu chí."
    assert figure(t, "79 xã").indicator == "xã đạt từ 10 - 14 tiêu chí"


def test_a_congress_reports_the_results_of_the_term_that_ends():
    t = ("Trong ba ngày, 21-23/10/2020, Đại hội Đảng bộ tỉnh Lai Châu lần thứ XIV nhiệm kỳ 2020 – 2025 đã diễn ra tại Trung "
         "tâm Hội nghị tỉnh.\n\nNhiệm kỳ qua Đảng bộ, chính quyền và nhân dân các dân tộc tỉnh Lai Châu đã đạt được những "
         "thành tựu nổi bật như: 11/11 chỉ tiêu chủ yếu đều đạt và vượt; tốc độ tăng trưởng kinh tế bình quân hàng năm đạt "
         "11,55%; thu nhập bình quân đầu người đến nay đạt 40 triệu đồng tăng gấp đôi so với đầu nhiệm kỳ.")
    title = "Đại hội Đảng bộ tỉnh Lai Châu lần thứ XIV nhiệm kỳ 2020 – 2025 thành công tốt đẹp"
    assert [figure(t, x, title=title).period for x in ("11/11 chỉ tiêu", "40 triệu đồng")] == ["2015-2020", "2020"]


def test_a_district_made_a_city_is_named_with_the_kind_it_had_then():
    t = "Năm 2017, tổng lượt khách đến Kiên Giang là 6.079.179 lượt. Riêng Phú Quốc có 2.963.395 lượt khách."
    assert figure(t, "2.963.395 lượt khách").entity == "huyện Phú Quốc"
    t = "Năm 2023, tổng lượt khách đến Kiên Giang là 9.079.179 lượt. Riêng Phú Quốc có 5.963.395 lượt khách."
    assert figure(t, "5.963.395 lượt khách").entity == "thành phố Phú Quốc"


def test_the_directions_of_the_centre_own_nothing():
    t = ("Năm 2024, các cấp, các ngành tỉnh Lai Châu đã bám sát các chỉ đạo điều hành của Trung ương, của tỉnh triển khai "
         "thực hiện hiệu quả nhiệm vụ được giao: Tốc độ tăng tổng sản phẩm ước đạt 5,54%; giá trị sản xuất công nghiệp "
         "tăng 17%.")
    assert figure(t, "17%").entity == "Lai Châu"


def test_a_count_at_a_party_organisation_is_its():
    t = ("Ngày 7/11, Phó Bí thư Thành ủy Hà Nội đến dự và trao quyết định kết nạp Đảng cho 20 quần chúng ưu tú tại Đảng "
         "bộ quận Hoàng Mai.")
    assert figure(t, "20 quần chúng ưu tú").entity == "Đảng bộ quận Hoàng Mai"
    t = "Năm 2020, toàn huyện Krông Pa có 63 hộ tại xã Ia Rsai thoát nghèo."
    assert figure(t, "63 hộ").entity == "xã Ia Rsai"


def test_the_years_an_average_runs_over_are_no_part_of_its_subject():
    t = "Giai đoạn 2016-2020, phấn đấu tổng sản phẩm địa phương (GRDP) bình quân 5 năm tăng khoảng 7,5 - 8%/năm."
    assert figure(t, "khoảng 7,5 - 8%/năm").indicator == "tổng sản phẩm địa phương (GRDP)"


def test_a_poverty_review_counts_the_year_it_names():
    t = ("Ủy ban nhân dân tỉnh Bắc Kạn đã phê duyệt kết quả Tổng rà soát hộ nghèo, hộ cận nghèo năm 2021.\n\n"
         "- Tổng số hộ nghèo: 13.867 hộ; chiếm tỷ lệ 17,02%.")
    assert figure(t, "13.867 hộ", published="2022-03-02").period == "2021"


# --- eleventh session (rules read from development part AR) -----------------------------------
def test_a_count_of_targets_keeps_what_was_done_with_them():
    t = "Năm 2020, Đảng bộ huyện đã thực hiện đạt và vượt 27/31 chỉ tiêu, nhiệm vụ được đề ra tại Nghị quyết Đại hội."
    assert figure(t, "27/31 chỉ tiêu, nhiệm vụ").indicator == \
        "thực hiện đạt và vượt chỉ tiêu, nhiệm vụ được đề ra tại Nghị quyết Đại hội"
    # (`vượt` is no copula here: it stays with `đạt và`)
    assert figure("Tỉnh đã tổ chức thực hiện đạt và vượt 26/27 chỉ tiêu nghị quyết.", "26/27 chỉ tiêu").indicator == \
        "thực hiện đạt và vượt chỉ tiêu nghị quyết"
    assert figure("Năm 2022, tỉnh đã hoàn thành 19/20 chỉ tiêu đã đề ra.", "19/20 chỉ tiêu").indicator == \
        "hoàn thành chỉ tiêu đã đề ra"
    # a verb that only hands the targets out is not what was achieved
    assert figure("Năm 2022, tỉnh giao 17 chỉ tiêu cho các huyện.", "17 chỉ tiêu").indicator.startswith("giao")


def test_a_structure_heading_names_the_whole_of_its_parts():
    t = "Cơ cấu kinh tế 2025: công nghiệp - xây dựng 49-50%, dịch vụ 46-47%, nông lâm nghiệp 3-5%."
    assert [figure(t, x).indicator for x in ("49-50%", "3-5%")] == \
        ["Cơ cấu kinh tế: công nghiệp - xây dựng", "Cơ cấu kinh tế: nông lâm nghiệp"]
    # parts listed with their own verb are named as the sentence names them
    t = "Về cơ cấu kinh tế: khu vực dịch vụ chiếm 36,79%; thuế sản phẩm 2,87%."
    assert "cơ cấu" not in figure(t, "36,79%").indicator.lower()


def test_owners_listed_with_their_figures_in_brackets_take_the_measure_of_the_list():
    t = ("Qua theo dõi, các Đảng bộ kết nạp đảng năm 2017 vượt chỉ tiêu gồm có: Công an tỉnh (158,18%); huyện Phú Quý "
         "(120,83%) và Đảng bộ Khối các cơ quan tỉnh (104,61%); Đảng bộ Bộ đội Biên phòng Tỉnh và huyện Hàm Tân đạt "
         "100%. Các đảng bộ còn lại đạt trên 80% chỉ tiêu kế hoạch.")
    title = "Bình Thuận: phát triển đảng viên mới năm 2017"
    for x in ("158,18%", "120,83%", "104,61%", "100%", "trên 80%"):
        assert figure(t, x, title=title).indicator == "kết nạp đảng vượt chỉ tiêu", x
    assert figure(t, "120,83%", title=title).entity == "huyện Phú Quý"
    # owners named together share the figure: their province's
    assert figure(t, "100%", title=title).entity == "Bình Thuận"
    # a place after another, in a comparison, is named alone
    t = "Sau Lai Châu, Hà Tĩnh là tỉnh có tỷ lệ hộ nghèo giảm nhanh thứ hai cả nước."
    assert figure(t, "thứ hai", title="Lai Châu giảm nghèo nhanh nhất").entity == "Hà Tĩnh"


def test_a_district_is_named_with_the_kind_it_had_then_and_a_merged_one_by_its_own_name():
    t = "Năm 2021, các địa phương có số trường đạt chuẩn cao như huyện Lạng Giang 67/68 trường, Yên Dũng 59/60 trường."
    assert figure(t, "59/60 trường", title="Bắc Giang có 790 trường đạt chuẩn").entity == "huyện Yên Dũng"
    t = "Năm 2021, Việt Yên có 60/62 trường đạt chuẩn quốc gia."
    assert figure(t, "60/62 trường", title="Bắc Giang có 790 trường đạt chuẩn").entity == "huyện Việt Yên"
    t = "Năm 2024, Việt Yên có 61/62 trường đạt chuẩn quốc gia."
    assert figure(t, "61/62 trường", title="Bắc Giang có 790 trường đạt chuẩn").entity == "thị xã Việt Yên"


def test_an_abbreviation_after_huyen_is_no_district():
    t = ("Tỉnh Hà Nam phấn đấu đến năm 2025 có ít nhất một huyện đạt chuẩn huyện NTM nâng cao kiểu mẫu; 35 xã đạt chuẩn "
         "xã NTM nâng cao.")
    assert figure(t, "35 xã").entity == "Hà Nam"
    assert figure(t, "ít nhất một huyện").value == 1


def test_enterprises_of_the_centre_are_a_source_of_revenue_not_the_country():
    t = ("Thu ngân sách 7 tháng của tỉnh Kiên Giang tăng 23%; thu từ doanh nghiệp nhà nước Trung ương giảm 33,45%; thu "
         "lệ phí trước bạ giảm 24,96%.")
    assert [figure(t, x).entity for x in ("33,45%", "24,96%")] == ["Kiên Giang", "Kiên Giang"]


def test_an_undated_page_is_of_the_end_of_the_span_it_reports():
    t = ("Sau 30 năm tái lập tỉnh, tốc độ tăng trưởng GRDP tỉnh Quảng Bình thời kỳ 1989-2019 đạt 8,2%. So với năm 1989, "
         "quy mô kinh tế tăng 119 lần. Năm 1989, tỉ lệ hộ nghèo gần 50% nhưng đến nay giảm còn 6,14%.")
    # (now, set against the year before it in the sentence, is the page's year)
    assert [figure(t, x).period for x in ("119 lần", "gần 50%", "6,14%")] == ["2019", "1989", "2019"]
    # (a five-year plan's span is often reported half-way: it sets no floor)
    t = "GRDP giai đoạn 2021-2025 tăng bình quân 7%. Năm 2023, GRDP tăng 6%.\n\nThu ngân sách đạt 5.000 tỷ đồng."
    assert figure(t, "5.000 tỷ đồng").period == "2023"


def test_targets_go_on_for_the_deadline_set_in_the_paragraph_before():
    t = ("Tỉnh Hà Nam đặt mục tiêu phấn đấu đến năm 2025 có 35 xã đạt chuẩn xã NTM nâng cao.\n\n"
         "Thu nhập bình quân đầu người khu vực nông thôn đạt 68 triệu đồng/người/năm trở lên. Tỷ lệ hộ nghèo còn dưới 0,5%.")
    m = figure(t, "68 triệu đồng/người/năm trở lên")
    assert (m.status, m.period) == ("target", "2025")
    # a result after a paragraph of targets is not dated by their deadline
    t = ("Tỉnh Hà Nam đặt mục tiêu phấn đấu đến năm 2025 có 35 xã đạt chuẩn xã NTM nâng cao.\n\n"
         "Năm 2021, toàn tỉnh đã có 20 xã đạt chuẩn xã NTM nâng cao.")
    assert figure(t, "20 xã").period == "2021"


def test_a_level_per_head_in_a_term_gone_by_is_of_its_last_year():
    t = ("Sáng nay, Đảng bộ huyện Chư Păh khai mạc Đại hội đại biểu Đảng bộ huyện lần thứ VI, nhiệm kỳ 2020 – 2025.\n\n"
         "Báo cáo chính trị tại Đại hội cho thấy, trong nhiệm kỳ 2015 – 2020, Đảng bộ huyện đã thực hiện đạt và vượt "
         "27/31 chỉ tiêu. Ấn tượng nhất là thu nhập bình quân đầu người của huyện đã đạt mức 40 triệu đồng/năm, gấp 1,47 lần so "
         "với năm 2015. Thu ngân sách đạt 165,51 tỷ đồng.")
    title = "Khai mạc Đại hội đại biểu Đảng bộ huyện Chư Păh lần thứ VI, nhiệm kỳ 2020-2025"
    assert figure(t, "40 triệu đồng/năm", title=title).period == "2020"
    # (the term a report looks back on is not the congress's: nothing here is of 2015 alone)
    assert figure(t, "165,51 tỷ đồng", title=title).period != "2015"


def test_the_delegates_beside_the_centres_guests_are_the_congress_s_and_of_its_year():
    t = ("Ngày 15/10, Đại hội đại biểu Đảng bộ tỉnh Điện Biên lần thứ 15 nhiệm kỳ 2025-2030 khai mạc phiên chính thức.\n\n"
         "Tham dự đại hội còn có đại diện lãnh đạo các ban, bộ, ngành Trung ương; các đoàn đại biểu đảng bộ các địa "
         "phương cùng 358 đại biểu chính thức.")
    m = figure(t, "358 đại biểu")
    assert (m.entity, m.period) == ("Điện Biên", "2025")


def test_a_rank_held_unchanged_names_the_index_before():
    t = ("Về chỉ số PCI năm 2020, tỉnh Kon Tum đạt 60,02 điểm và xếp thứ 56/63 tỉnh, thành phố. So với chỉ số PCI năm "
         "2019, tỉnh Kon Tum vẫn giữ nguyên vị trí thứ 56/63 tỉnh, thành phố.")
    assert "PCI" in figure(t, "vị trí thứ 56/63 tỉnh").indicator


def test_since_the_start_of_the_term_runs_from_the_year_the_party_s_terms_opened():
    t = ("Từ đầu nhiệm kỳ đến nay, toàn Đảng bộ tỉnh đã kết nạp được 7.898 đảng viên, nâng tổng số đảng viên trên toàn "
         "tỉnh lên hơn 41.900.")
    assert [figure(t, x, published="2019-08-20").period for x in ("7.898 đảng viên", "hơn 41.900")] == ["2015-2019", "2019"]
    assert figure(t, "7.898 đảng viên", published="2020-06-20").period == "2015-2020"
    assert figure(t, "7.898 đảng viên", published="2023-03-02").period == "2020-2023"


def test_a_count_after_another_s_predicate_takes_its_own():
    t = "Năm 2021, có 99 trường đạt chuẩn quốc gia mức độ 2 và hiện chỉ còn 59 trường chưa được công nhận đạt chuẩn quốc gia."
    assert [figure(t, x).indicator for x in ("99 trường", "59 trường")] == \
        ["trường đạt chuẩn quốc gia mức độ 2", "trường chưa được công nhận đạt chuẩn quốc gia"]


def test_a_share_right_after_a_count_is_of_what_follows_it():
    t = "Năm 2021, huyện Lạng Giang có 2 cấp học 100% trường đạt chuẩn."
    assert (figure(t, "2 cấp học").unit, figure(t, "100%").indicator) == ("cấp học", "trường đạt chuẩn")
    # (a year is no count: `đến năm 2020 chiếm gần 23% GDP cả nước`)
    t = "Tỷ trọng kinh tế thành phố trong kinh tế cả nước tiếp tục tăng, đến năm 2020 chiếm gần 23% GDP cả nước."
    assert figure(t, "gần 23%").indicator != "GDP cả nước"


def test_what_a_change_is_about_stops_at_its_comparison():
    t = "Năm 2018, tổng vốn đăng ký đạt 4,57 nghìn tỷ đồng, tăng 97% về vốn so với năm 2017."
    assert figure(t, "97%").indicator == "vốn"


def test_a_time_word_cut_from_its_years_is_no_part_of_a_counted_noun():
    t = "Bình quân 30 xã chỉ đạo xây dựng NTM giai đoạn 2011 - 2015 đạt 15,5 tiêu chí/xã."
    assert not figure(t, "30 xã").indicator.endswith("giai đoạn")


def test_a_count_under_an_out_of_label_is_the_part_its_noun_names():
    t = "Trong số đảng viên mới kết nạp: có 930 đảng viên nữ, chiếm 48,14%; 112 đảng viên là người dân tộc thiểu số."
    assert [figure(t, x).indicator for x in ("930 đảng viên", "48,14%")] == ["đảng viên nữ", "đảng viên nữ"]


def test_a_share_of_administrative_units_names_them_and_stops_at_another_owner():
    t = ("Đến hết năm 2023, Quảng Ninh phấn đấu có 100% số xã đạt chuẩn nông thôn mới, 100% đơn vị cấp huyện hoàn thành "
         "nhiệm vụ xây dựng nông thôn mới và tỉnh hoàn thành nhiệm vụ xây dựng nông thôn mới.")
    ex = extract_document(Document(id="t", source="", text=t, title=None, published=None))
    assert [m.indicator for m in ex.mentions] == ["số xã đạt chuẩn nông thôn mới",
                                                  "đơn vị cấp huyện hoàn thành nhiệm vụ xây dựng nông thôn mới"]


def test_acts_listed_before_a_count_are_all_its_indicator():
    t = "Năm 2024, BHXH tỉnh cấp mới, gia hạn 1.924 thẻ BHYT; thanh toán chi phí khám, chữa bệnh BHYT trên 114 tỷ đồng."
    assert figure(t, "1.924 thẻ").indicator == "cấp mới, gia hạn thẻ BHYT"


def test_results_under_a_title_s_year_are_of_the_part_of_it_the_text_names():
    t = ("Theo Sở Công Thương, kết quả xuất khẩu hàng hóa 8 tháng đầu năm 2024 của tỉnh ước đạt 3,98 tỷ USD.\n\n"
         "So với cùng kỳ năm trước, kim ngạch xuất khẩu hàng hóa của tỉnh tăng 12,59%.")
    title = "Xuất khẩu của Tiền Giang năm 2024 dự báo đạt 5,7 tỷ USD"
    assert figure(t, "12,59%", title=title).period == "2024-8M"


def test_past_the_bracket_of_the_figure_before_a_clause_has_its_own_subject():
    t = ("Tổng lượt khách du lịch quý 1 đạt hơn 900.000 lượt (tăng 2,86% so với cùng kỳ năm 2021) và doanh thu ước đạt "
         "300 tỷ đồng (tăng 11,36% so với cùng kỳ năm 2021).")
    assert [figure(t, x).indicator for x in ("300 tỷ đồng", "11,36%")] == ["doanh thu", "doanh thu"]


def test_a_school_level_or_field_named_bare_is_the_part_a_count_is_of():
    t = "Năm 2018, toàn tỉnh có 190 trường đạt chuẩn quốc gia. Trong đó, mầm non có 43 trường, THCS có 38 trường."
    assert [figure(t, x).indicator for x in ("43 trường", "38 trường")] == ["trường mầm non", "trường THCS"]
    t = "Năm 2025, riêng lĩnh vực đô thị và nhà ở xã hội có 11 dự án với vốn 51.600 tỷ đồng."
    assert "lĩnh vực đô thị và nhà ở xã hội" in figure(t, "11 dự án").indicator


def test_shares_given_in_turn_are_the_parts_named_in_turn():
    t = ("Năm 2017, tỷ trọng các ngành nông lâm thuỷ sản - công nghiệp xây dựng - thương mại dịch vụ tương ứng là: 64,1% "
         "- 29,4% - 6,5%.")
    assert [figure(t, x).indicator for x in ("64,1%", "29,4%", "6,5%")] == [
        "tỷ trọng các ngành: nông lâm thuỷ sản", "tỷ trọng các ngành: công nghiệp xây dựng",
        "tỷ trọng các ngành: thương mại dịch vụ"]
    # the plan's list in brackets after it gives the same parts
    t = ("Cơ cấu kinh tế công nghiệp – dịch vụ - nông nghiệp với tỉ trọng tương ứng là 63,99% - 23,68% - 3,74% (kế hoạch "
         "là 63,4% - 23,7% - 4,0%).")
    assert figure(t, "23,7%").indicator == "Cơ cấu kinh tế: dịch vụ"
    # parts with no name of their own are named by the whole
    t = "Cơ cấu kinh tế khu vực I - II - III tương ứng là 40,21%-16,06%-43,73%."
    assert figure(t, "16,06%").indicator.startswith("Cơ cấu kinh tế khu vực I - II - III")


def test_year_on_year_is_a_comparison_not_a_noun():
    t = "Mặt hàng sắt thép ước đạt 382,85 triệu USD trong 8 tháng đầu năm 2024, tăng 41,7% YoY."
    m = figure(t, "41,7%")
    assert (m.indicator, m.compared_to) == ("Mặt hàng sắt thép", "cùng kỳ")


def test_a_measure_the_sentence_opens_on_names_a_bare_act():
    t = "Tính lượng khách, cả năm 2023 toàn tỉnh Ninh Bình đón trên 6,5 triệu lượt đến tham quan."
    assert figure(t, "trên 6,5 triệu lượt").indicator == "lượng khách"


def test_a_cause_names_what_changed():
    t = ("Nguyên nhân khu vực công nghiệp và xây dựng giảm so cùng kỳ chủ yếu là do ngành sản xuất điện giảm 19,39% so "
         "cùng kỳ, ngành khai khoáng giảm 5,89%.")
    assert [figure(t, x).indicator for x in ("19,39%", "5,89%")] == ["ngành sản xuất điện", "ngành khai khoáng"]


def test_a_series_by_year_is_of_the_measure_named_before():
    t = ("Theo đó, đến năm 2020, tỷ lệ bao phủ bảo hiểm y tế đạt trên 90%. Trong đó, Lạng Sơn được giao chỉ tiêu cụ thể: "
         "năm 2016: 89,0%; năm 2017: 90,0%.")
    assert [figure(t, x).indicator for x in ("89,0%", "90,0%")] == ["tỷ lệ bao phủ bảo hiểm y tế"] * 2


def test_a_count_of_targets_keeps_the_act_that_adopted_them():
    assert figure("Nghị quyết Đại hội đã đề ra 22 chỉ tiêu chủ yếu.", "22 chỉ tiêu").indicator == "đề ra chỉ tiêu chủ yếu"
    assert figure("Đại hội biểu quyết 12 chỉ tiêu quan trọng.", "12 chỉ tiêu").indicator == "biểu quyết chỉ tiêu quan trọng"


def test_a_share_contributed_to_the_country_s_whole_is_the_province_s():
    t = ("Quy mô nền kinh tế thành phố Cần Thơ tiếp tục được mở rộng, hàng năm đóng góp khoảng 1,2% GDP cả nước và "
         "khoảng 9,5% GRDP của vùng ĐBSCL.")
    assert [figure(t, x).entity for x in ("khoảng 1,2%", "khoảng 9,5%")] == ["thành phố Cần Thơ"] * 2


def test_an_example_after_nhu_is_the_subject_of_its_figure_but_a_place_owns_it():
    t = ("Năm 2019, một số lĩnh vực kinh tế có bước tăng trưởng khá như đầu tư trực tiếp nước ngoài đạt 1,45 tỷ USD, đạt "
         "145% so kế hoạch năm.")
    assert figure(t, "1,45 tỷ USD").indicator == "đầu tư trực tiếp nước ngoài"
    t = "Tháng 2/2025, nhiều địa phương khác cũng có chỉ số IIP tăng cao như Trà Vinh (40,5%), Bắc Kạn (28,1%)."
    assert "IIP" in (figure(t, "40,5%").indicator or "")


def test_a_modal_is_no_copula():
    t = "Dự báo năm 2019, GRDP trừ dầu khí trên địa bàn tỉnh sẽ tăng trưởng chậm lại, có thể đạt từ 6,5% - 7,2%."
    assert "GRDP trừ dầu khí" in figure(t, "từ 6,5% - 7,2%").indicator


def test_a_rank_of_how_high_a_change_was_is_the_change_s_measure():
    t = "GRDP 6 tháng đầu năm 2021 ước tăng 14,57% so với cùng kỳ năm trước, mức tăng cao thứ hai của cả nước."
    assert figure(t, "thứ hai").indicator == "GRDP"


def test_a_bracket_of_the_end_or_start_of_a_year_dates_the_figure_before_it():
    t = "Tỷ lệ hộ nghèo của tỉnh giảm từ 12,48% (đầu năm 2017) xuống còn 9,89% (cuối năm 2017)."
    assert [figure(t, x, published="2018-03-02").period for x in ("12,48%", "9,89%")] == ["2017", "2017"]


def test_a_plan_of_a_year_in_brackets_is_the_whole_year_s():
    t = ("Tăng trưởng kinh tế (GRDP) 6 tháng đầu năm 2019 của tỉnh chỉ đạt 4,4% so với cùng kỳ năm 2018 (kế hoạch năm 2019 "
         "tăng 6,5% - 7%).")
    assert [figure(t, x, published="2019-07-02").period for x in ("4,4%", "6,5% - 7%")] == ["2019-H1", "2019"]


def test_a_district_s_party_named_with_its_province_owns_the_counts_after_it():
    t = ("Đảng bộ huyện Hoàng Su Phì, tỉnh Hà Giang hiện có 73 tổ chức cơ sở đảng, trong đó có 25 Đảng bộ xã, thị trấn, "
         "3 Đảng bộ khối cơ quan và 45 chi bộ cơ sở.")
    assert [figure(t, x).entity for x in ("73 tổ chức cơ sở đảng", "45 chi bộ cơ sở")] == ["Đảng bộ huyện Hoàng Su Phì"] * 2


def test_a_share_of_the_plan_measures_nothing_of_its_own():
    t = "Năm 2024, thủy hải sản xuất khẩu đạt 107% kế hoạch năm (kế hoạch 36 ngàn tấn, thực hiện 38,6 ngàn tấn)."
    assert [figure(t, x).indicator for x in ("107%", "36 ngàn tấn")] == ["thủy hải sản xuất khẩu"] * 2
    # completing the plan is an act: `hoàn thành 100% kế hoạch`
    t = "Tỉnh đang chỉ đạo, phấn đấu đến cuối năm 2022 hoàn thành 100% kế hoạch."
    assert "hoàn thành" in figure(t, "100%").indicator
