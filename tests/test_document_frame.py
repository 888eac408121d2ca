"""The document frame: whose a document is (title, lead, dateline, site, most-named province) and
which names are not places. Self-written sentences, one rule each (accuracy is measured on the real
passages of tests/gold/real_*.jsonl by `chitieu eval`)."""
import csv

import pytest

from extractors.document_frame import DATA, dateline_province, document_frame, site_province, url_date
from extractors.gazetteer import find_places


@pytest.mark.parametrize("url, province", [
    ("https://baonghean.vn/toan-tinh-ket-nap-post123.html", "Nghệ An"),
    ("https://vpubnd.quangnam.gov.vn/webcenter/portal/vpubnd", "Quảng Nam"),
    ("https://duclinh.binhthuan.dcs.vn/Trang-chu/post/218383", "Bình Thuận"),
    ("https://www.baohaugiang.com.vn/thoi-su/x.html", "Hậu Giang"),
    ("https://baobariavungtau.com.vn/kinh-te/x", "Bà Rịa - Vũng Tàu"),
    ("https://hanoimoi.vn/x.html", "Hà Nội"),
    ("https://sggp.org.vn/x.html", "Hồ Chí Minh"),
    ("https://baodautu.vn/x.html", None),          # national press
    ("https://thanhnien.vn/x.htm", None),
    ("corpus/000_1c749aa0c2f63065.txt", None),     # a file, not a site
    (None, None),
])
def test_site_province_from_host(url, province):
    assert site_province(url) == province


def _rows(kind):
    with open(DATA / "sites.tsv", encoding="utf-8") as f:
        rows = csv.reader((ln for ln in f if ln.strip() and not ln.startswith("#")), delimiter="\t")
        return [r for r in rows if r[0] == kind]


@pytest.mark.parametrize("kind, key, province, example", _rows("dateline"))
def test_every_dateline_of_the_sites_file(kind, key, province, example):
    assert dateline_province(example) == province


@pytest.mark.parametrize("kind, key, province, example", _rows("host"))
def test_every_host_of_the_sites_file(kind, key, province, example):
    assert site_province(f"https://{example}/tin-tuc/a.html") == province


def test_dateline_with_the_site_name():
    assert dateline_province("(Baonghean.vn) - Năm 2023, toàn tỉnh kết nạp 3.000 đảng viên.") == "Nghệ An"
    assert dateline_province("Năm 2023, toàn tỉnh kết nạp 3.000 đảng viên.") is None


def test_frame_trusts_title_then_lead_then_dateline_then_site_then_text():
    text = "(QBĐT) - Toàn tỉnh kết nạp 120 đảng viên mới.\n\nĐoàn công tác của Hà Tĩnh đến thăm."
    f = document_frame(text, title="Nghệ An: kết nạp 120 đảng viên")
    assert (f.province, f.province_source) == ("Nghệ An", "title")
    f = document_frame("Tỉnh Gia Lai kết nạp 120 đảng viên.", title="Kết nạp đảng viên")
    assert (f.province, f.province_source) == ("Gia Lai", "lead")
    f = document_frame(text, title="Kết nạp đảng viên")
    assert (f.province, f.province_source) == ("Quảng Bình", "dateline")
    f = document_frame("Toàn tỉnh kết nạp 120 đảng viên.", source="https://baonghean.vn/a.html")
    assert (f.province, f.province_source) == ("Nghệ An", "site")
    f = document_frame("Toàn tỉnh kết nạp 120 đảng viên.", site_province_hint="Hà Tĩnh")
    assert (f.province, f.province_source) == ("Hà Tĩnh", "site")
    f = document_frame("Toàn tỉnh kết nạp 120 đảng viên.\n\nĐoàn của Lào Cai và Lào Cai đến thăm.")
    assert (f.province, f.province_source) == ("Lào Cai", "text")
    assert document_frame("Toàn tỉnh kết nạp 120 đảng viên.").province is None


@pytest.mark.parametrize("text, places", [
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Nghệ An", ["Nghệ An"]),
    ("học tập và làm theo tư tưởng Hồ Chí Minh", []),
    ("TP Hồ Chí Minh thu ngân sách", ["Hồ Chí Minh"]),
    ("Trường THPT chuyên Hà Tĩnh có 30 học sinh đoạt giải", []),
    ("Trường Đại học Cần Thơ tuyển 9.000 sinh viên", []),
    ("Nghệ An đứng trên Nam Định, Thái Bình về chỉ số PCI", ["Nghệ An"]),
    ("tăng nhanh hơn so với Hà Nội và Đà Nẵng", []),
    ("Tỉnh Đăk Lăk có 67 ngàn hộ nghèo", ["Đắk Lắk"]),
])
def test_names_that_are_places(text, places):
    assert [p.name for _, _, p in find_places(text)] == places


@pytest.mark.parametrize("url, date", [
    ("https://vietnambiz.vn/tang-truong-grdp-thanh-hoa-20241011165618128.htm", "2024-10-11"),
    ("https://thanhnien.vn/thanh-qua-cua-su-phat-trien-185241214143027124.htm", "2024-12-14"),
    ("https://vietnammoi.vn/nam-dinh-giai-ngan-100-von-dau-tu-cong-202311115335737.htm", "2023-11-11"),
    ("http://baonamdinh.vn/channel/5083/201901/toan-tinh-co-1797-dang-vien-2529043/", "2019-01"),
    ("https://baonghean.vn/toan-tinh-ket-nap-post123456.html", None),
    ("https://x.vn/a-12345678901234.htm", None),     # digits that are no date
    ("corpus/000_1c749aa0c2f63065.txt", None),
])
def test_the_date_an_address_carries(url, date):
    assert url_date(url) == date
