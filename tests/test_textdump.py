"""The plain-text dump reader on every seed: titles, dates, bylines, chrome, splits, bad input."""
import pytest

from extractors.textdump import read_dump, read_dump_bytes, read_dump_text
from extractors.document import InputError

from conftest import CORPUS

EXPECTED = {
    "000_1c749aa0c2f63065": ("Công tác phân giao nhiệm vụ cán bộ đạt nhiều chuyển biến tích cực", None, None),
    "001_765aeabb6aa155cd": ("Ban Thường vụ Tỉnh ủy đánh giá kết quả thực hiện việc giao nhiệm vụ, đánh giá cán bộ "
                             "bằng sản phẩm năm 2021", "2022-01-10", "Quang Nam"),
    "002_d6342a6c935f5a38": ("Bốn nhiệm vụ trọng tâm và ba khâu đột phá nhiệm kỳ 2020-2025 của tỉnh Vĩnh Phúc", None,
                             None),
    "003_ee8cb3bb1927d143": ("Vĩnh Phúc: Những kết quả quan trọng về công tác xây dựng Đảng, xây dựng hệ thống chính "
                             "trị", "2021-12-02T10:24", "Tuấn Anh"),
    "004_6f0c2117b7fe85f6": ("Đổi mới phương thức lãnh đạo của Đảng, điều hành của chính quyền để thực hiện tốt nhiệm "
                             "vụ năm 2022", "2022-01", "Thu Hà - Lê Tuấn"),
}
CHROME = ["Phản hồi", "Các tin khác", "Các tin đã đưa ngày", "Mới nhất", "Xem nhiều nhất", "Thư viện ảnh",
          "Liên kết website"]


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_seed_title_date_author(stem):
    docs = read_dump(CORPUS / f"{stem}.txt")
    assert len(docs) == 1
    d = docs[0]
    title, published, author = EXPECTED[stem]
    assert d.id == stem
    assert d.title == title
    assert d.published == published
    assert d.author == author
    assert d.text.startswith(title)


@pytest.mark.parametrize("stem", sorted(EXPECTED))
def test_seed_chrome_dropped(stem):
    d = read_dump(CORPUS / f"{stem}.txt")[0]
    lines = d.text.split("\n\n")
    for chrome in CHROME:
        assert not any(line.strip().rstrip(":") == chrome for line in lines), chrome
    if d.author:
        assert d.author not in lines  # the byline is the author, not a paragraph


def test_crawl_date_is_not_publication_date():
    d = read_dump(CORPUS / "003_ee8cb3bb1927d143.txt")[0]
    assert not d.published.startswith("2024-06-22")
    assert "Thứ Bảy, 22/6/2024" not in d.text


def test_repeated_caption_kept_once():
    d = read_dump(CORPUS / "003_ee8cb3bb1927d143.txt")[0]
    caption = "Đồng chí Phạm Hoàng Anh, Phó Bí thư Thường trực Tỉnh ủy Vĩnh Phúc trao Cờ thi đua"
    assert d.text.count(caption) == 1


def _joined(*stems):
    return "\n\n".join((CORPUS / f"{s}.txt").read_text(encoding="utf-8") for s in stems)


@pytest.mark.parametrize("order", [
    ["000_1c749aa0c2f63065", "001_765aeabb6aa155cd"],
    ["001_765aeabb6aa155cd", "002_d6342a6c935f5a38"],
    ["002_d6342a6c935f5a38", "003_ee8cb3bb1927d143"],
    ["004_6f0c2117b7fe85f6", "000_1c749aa0c2f63065"],
    ["003_ee8cb3bb1927d143", "004_6f0c2117b7fe85f6", "001_765aeabb6aa155cd"],
    sorted(EXPECTED),
])
def test_split_archive_of_joined_seeds(order):
    docs = read_dump_text(_joined(*order), stem="archive", source="archive.txt")
    assert [d.title for d in docs] == [EXPECTED[s][0] for s in order]
    assert [d.published for d in docs] == [EXPECTED[s][1] for s in order]
    assert [d.id for d in docs] == ["archive"] + [f"archive-{i}" for i in range(2, len(order) + 1)]
    for d, s in zip(docs, order):
        single = read_dump(CORPUS / f"{s}.txt")[0]
        assert d.text == single.text


def test_document_province_from_text():
    from extractors.extract import extract_document

    provinces = {}
    for stem in EXPECTED:
        d = read_dump(CORPUS / f"{stem}.txt")[0]
        extract_document(d)
        provinces[stem] = d.province
    assert provinces["004_6f0c2117b7fe85f6"] == "Hà Tĩnh"
    assert {provinces[s] for s in EXPECTED if not s.startswith("004")} == {"Vĩnh Phúc"}


@pytest.mark.parametrize("raw,message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Tăng trưởng đạt 9,54%".encode("cp1258", errors="replace") + b"\xff\xfe", "not UTF-8"),
])
def test_bad_input_named_in_error(raw, message):
    with pytest.raises(InputError) as e:
        read_dump_bytes(raw, stem="bad", source="inbox/bad.txt")
    assert "inbox/bad.txt" in str(e.value)
    assert message in str(e.value)


def test_nfd_input_is_normalized():
    import unicodedata

    text = "Tiêu đề bài viết về kinh tế\n\nTăng trưởng kinh tế đạt 9,54%."
    docs = read_dump_text(unicodedata.normalize("NFD", text), stem="x", source="x")
    assert docs[0].text == unicodedata.normalize("NFC", text)
