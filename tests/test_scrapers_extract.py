"""Article extraction (title, date, author, clean text), encodings, datelines and the raw archive."""
import unicodedata

import pytest

from scrapers.archive import Archive
from scrapers.article import extract_article
from scrapers.dates import parse_date_text
from scrapers.encoding import decode
from scrapers.profiles import load_profile
from sitefixtures import load_site, to_cp1258

GENERIC = load_profile("generic")
CHROME = ["Trang chủ", "Liên hệ", "Tìm kiếm", "Tin đọc nhiều", "Bản quyền", "Quảng cáo", "Thời tiết", "Chia sẻ",
          "Facebook", "Tin liên quan", "Các tin khác", "Thứ Bảy, 22/6/2024"]


def page(site, path):
    p = site.routes[path]
    text, _ = decode(p.body, p.content_type)
    return text, site.url + path


@pytest.fixture(scope="module")
def generic_site():
    return load_site("generic")


def test_generic_article_title_date_author_and_clean_text(generic_site):
    html, url = page(generic_site, "/kinh-te/vinh-phuc-tang-truong-kinh-te-nam-2021-dat-9-54-1021.html")
    a = extract_article(html, url, GENERIC)
    assert a.title == "Vĩnh Phúc: Tăng trưởng kinh tế năm 2021 đạt 9,54%"
    assert a.published == "2021-12-02T10:24"  # the dateline under the title, not the header's today
    assert a.author == "Tuấn Anh"
    assert a.text.startswith(a.title + "\n\n")
    assert "tăng trưởng kinh tế đạt 9,54%" in a.text
    assert "vẫn đạt 9,54%, vượt kế hoạch đề ra." in a.text  # the lead paragraph is kept
    for chrome in CHROME:
        assert chrome not in a.text, chrome
    # the related and most-read lists: other articles' titles are not this article's text
    assert "Kim ngạch xuất khẩu tăng 25,3%" not in a.text
    assert "Tuấn Anh" not in a.body
    assert all(p.strip() == p and p for p in a.body.split("\n\n"))


def test_dates_from_metadata_and_bylines_with_two_names(generic_site):
    html, url = page(generic_site, "/kinh-te/thu-ngan-sach-nha-nuoc-nam-2021-vuot-du-toan-1022.html")
    a = extract_article(html, url, GENERIC)
    assert a.published == "2022-01-10" and a.author == "Minh Hương"
    html, url = page(generic_site, "/kinh-te/giai-ngan-von-dau-tu-cong-dat-87-6-phan-tram-1023.html")
    assert extract_article(html, url, GENERIC).author == "Thu Hà - Lê Tuấn"


def test_a_listing_page_is_not_an_article(generic_site):
    html, url = page(generic_site, "/kinh-te/")
    assert extract_article(html, url, GENERIC) is None


def test_site_profile_selectors():
    site = load_site("newspaper")
    html, url = page(site, "/kinh-te/ha-tinh-tang-truong-kinh-te-dat-5-02-xep-thu-32-63-post226001.html")
    a = extract_article(html, url, load_profile("baohatinh"))
    assert a.method == "selectors"
    assert a.title == "Hà Tĩnh: Tăng trưởng kinh tế đạt 5,02%, xếp thứ 32/63 tỉnh"
    assert (a.published, a.author) == ("2022-01-19T11:30", "Thu Hà")
    assert "xếp thứ 32/63 tỉnh; GRDP bình quân đầu người đạt 67 triệu đồng" in a.text
    assert "chủ trì hội nghị" not in a.text  # the photo caption, removed by the profile
    assert "Cùng chuyên mục" not in a.text and "Từ khóa" not in a.text and "Đọc nhiều" not in a.text
    # the same page read generically keeps the body, and takes the date under the title
    g = extract_article(html, url, GENERIC)
    assert g.method == "trafilatura" and g.published == "2022-01-19T11:30"
    assert "GRDP bình quân đầu người đạt 67 triệu đồng" in g.text and "Đọc nhiều" not in g.text


def test_liferay_article_title_below_the_sites_h1():
    site = load_site("liferay")
    html, url = page(site, "/web/guest/tin-tuc/-/asset_publisher/tintuc/content/"
                           "nhung-ket-qua-quan-trong-ve-cong-tac-xay-dung-dang")
    a = extract_article(html, url, load_profile("tinhuyvinhphuc"))
    assert a.title == "Những kết quả quan trọng về công tác xây dựng Đảng"
    assert a.published == "2021-12-02T10:24"
    assert "Liên kết website" not in a.text and "Thống kê truy cập" not in a.text and "Các tin khác" not in a.text


def test_layout_tables_read_as_paragraphs():
    site = load_site("webforms")
    html, url = page(site, "/TinTuc/ChiTiet.aspx?id=501")
    a = extract_article(html, url, GENERIC)
    assert "|" not in a.text and "ỦY BAN NHÂN DÂN HUYỆN TAM DƯƠNG" not in a.text
    assert a.body.split("\n\n")[0].startswith("Năm 2021, tổng thu ngân sách nhà nước")
    assert a.published == "2022-01-20T08:30" and a.author == "Minh Khoa"
    assert "Số lượt truy cập" not in a.text and "Trang chủ" not in a.text


def test_data_tables_inside_an_article_are_kept():
    html = """<html><head><title>Kết quả thực hiện các chỉ tiêu năm 2021</title></head><body>
    <nav><a href="/">Trang chủ</a></nav><article><h1>Kết quả thực hiện các chỉ tiêu năm 2021</h1>
    <p>Năm 2021, tỉnh hoàn thành 15/17 chỉ tiêu kinh tế - xã hội chủ yếu; tăng trưởng kinh tế đạt 5,02%, thấp hơn kế
    hoạch đề ra do ảnh hưởng của dịch bệnh. Dưới đây là kết quả một số chỉ tiêu chủ yếu của tỉnh trong năm.</p>
    <table><tr><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Thực hiện</th></tr>
    <tr><td>Tăng trưởng GRDP (%)</td><td>6,5-7</td><td>5,02</td></tr>
    <tr><td>Thu ngân sách (tỷ đồng)</td><td>13.000</td><td>16.916</td></tr></table>
    <p>Năm 2022, tỉnh phấn đấu tăng trưởng kinh tế đạt 7-7,5% và thu ngân sách đạt 13.500 tỷ đồng.</p>
    </article></body></html>"""
    a = extract_article(html, "http://127.0.0.1:1/ket-qua-thuc-hien-cac-chi-tieu-nam-2021.html", GENERIC)
    assert "16.916" in a.text and "Thu ngân sách (tỷ đồng)" in a.text


def test_windows_1258_pages_read_like_their_utf8_twins():
    site = load_site("webforms")
    texts = {}
    for i in (502, 503, 504):
        p = site.routes[f"/TinTuc/ChiTiet.aspx?id={i}"]
        assert "ế".encode("utf-8") not in p.body  # really windows-1258 on the wire
        text, enc = decode(p.body, p.content_type)
        assert enc == "cp1258", (i, p.content_type)
        texts[i] = extract_article(text, site.url, GENERIC)
    assert texts[503].title == "Giá trị sản xuất nông nghiệp tăng 3,8%"
    assert "Tổng sản lượng lương thực có hạt đạt 41.500 tấn." in texts[503].text
    assert texts[504].title == "Tỷ lệ tham gia bảo hiểm y tế đạt 94,2%"  # declared nowhere: detected
    assert "nông thôn mới nâng cao" in texts[502].text  # declared iso-8859-1, really windows-1258
    for a in texts.values():
        assert unicodedata.is_normalized("NFC", a.text)


def test_decomposed_and_composed_diacritics_give_the_same_text():
    composed = "<html><body><p>Tăng trưởng kinh tế đạt 9,54%; thu ngân sách vượt dự toán.</p></body></html>"
    nfd = unicodedata.normalize("NFD", composed)
    assert nfd != composed
    assert decode(nfd.encode("utf-8"), "text/html; charset=utf-8")[0] == composed
    assert decode(to_cp1258(composed), "text/html; charset=windows-1258")[0] == composed
    assert decode(to_cp1258(composed), "text/html")[0] == composed
    assert decode(composed.encode("utf-8"), "text/html; charset=windows-1252")[0] == composed  # wrong label
    assert decode(b"\xef\xbb\xbf" + composed.encode("utf-8"))[0] == composed


@pytest.mark.parametrize("text,iso", [
    ("Thứ Năm, 2/12/2021 10:24'(GMT+7)", "2021-12-02T10:24"),
    ("10/01/2022", "2022-01-10"),
    ("11:30 19/01/2022", "2022-01-19T11:30"),
    ("Cập nhật: 20/01/2022 08:30", "2022-01-20T08:30"),
    ("Ngày đăng: 25/01/2022 09:15", "2022-01-25T09:15"),
    ("2022-01-10T08:00:00+07:00", "2022-01-10T08:00"),
    ("31/02/2022x", None),
    ("Hội nghị lần thứ 4", None),
])
def test_vietnamese_datelines(text, iso):
    assert parse_date_text(text) == iso


def test_archive_keeps_the_raw_bytes_by_hash(tmp_path):
    arc = Archive(tmp_path / "archive")
    raw = "<html>Trang gốc</html>".encode("cp1258", errors="replace")
    rel = arc.save(raw, "html")
    assert rel.endswith(".html.gz") and rel[:2] == rel.split("/")[1][:2]
    assert (tmp_path / "archive" / rel).is_file() and arc.read(rel) == raw
    mtime = (tmp_path / "archive" / rel).stat().st_mtime_ns
    assert arc.save(raw, "html") == rel and (tmp_path / "archive" / rel).stat().st_mtime_ns == mtime
    assert not list((tmp_path / "archive").rglob(".tmp-*"))
