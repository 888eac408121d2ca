"""OCR of scanned PDF reports with the real tesseract (Debian's tesseract-ocr + tesseract-ocr-vie, which
`make test` installs): a report drawn into page images and saved as an image-only PDF is read back, its
figures found by the extractor; without tesseract or its Vietnamese data the scan is recorded as before;
huge pages, huge and broken images and slow pages stay bounded."""
import difflib
import io
import json
import re
import subprocess
import sys
import time
import unicodedata
import zlib
from pathlib import Path

import pytest

from fixtures import scanned_report
from scrapers import ocr
from scrapers.reports import read_report
from sitefixtures import pdf_file

ROOT = Path(__file__).resolve().parent.parent
NO_OCR = ocr.unavailable()
needs_tesseract = pytest.mark.skipif(NO_OCR is not None, reason=f"{NO_OCR}: run `make tesseract` (apt-get install "
                                     "tesseract-ocr tesseract-ocr-vie)")
needs_font = pytest.mark.skipif(scanned_report.font_paths() is None,
                                reason="no serif font with Vietnamese glyphs (apt-get install fonts-dejavu-core)")


@pytest.fixture(scope="module")
def scan():
    if scanned_report.font_paths() is None:
        pytest.skip("no serif font with Vietnamese glyphs (apt-get install fonts-dejavu-core)")
    return scanned_report.scanned_pdf()


@pytest.fixture(scope="module")
def page_jpeg():
    """Page 1 of the scanned report as a JPEG (for PDFs built by hand below) and its pixel size."""
    if scanned_report.font_paths() is None:
        pytest.skip("no serif font with Vietnamese glyphs (apt-get install fonts-dejavu-core)")
    img = scanned_report.render_page(scanned_report.PAGES[0])
    out = io.BytesIO()
    img.save(out, "JPEG", quality=75)
    return out.getvalue(), img.size


@pytest.fixture(scope="module")
def read_scan(scan):
    if NO_OCR:
        pytest.skip(f"{NO_OCR}: run `make tesseract`")
    t0 = time.monotonic()
    r = read_report(scan, "http://127.0.0.1:1/bao-cao-scan.pdf")
    return r, time.monotonic() - t0


def words(s: str) -> str:
    return " ".join(s.split())


def pdf_of(pages: list[dict]) -> bytes:
    """A PDF by hand: each page {"box": (w, h), "image": (dict, data) or None, "place": (w, h, x, y),
    "text": ["ASCII line", …]} — the image drawn at `place`, the text in Helvetica at the top left."""
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 "
                         b"/BaseFont /Helvetica >>"]

    def add(b: bytes) -> int:
        objs.append(b)
        return len(objs)

    kids = []
    for p in pages:
        w, h = p["box"]
        ops, xobj = [], ""
        if p.get("image"):
            d, data = p["image"]
            attrs = " ".join(f"/{k} {v}" for k, v in d.items())
            im = add(f"<< /Type /XObject /Subtype /Image {attrs} /Length {len(data)} >>\nstream\n".encode()
                     + data + b"\nendstream")
            iw, ih, x, y = p.get("place") or (w, h, 0, 0)
            ops.append(f"q {iw} 0 0 {ih} {x} {y} cm /Im1 Do Q")
            xobj = f"/XObject << /Im1 {im} 0 R >>"
        for k, line in enumerate(p.get("text", [])):
            ops.append(f"BT /F1 11 Tf 40 {h - 30 - 14 * k} Td ({line}) Tj ET")
        content = "\n".join(ops).encode()
        c = add(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Contents {c} 0 R "
                        f"/Resources << /Font << /F1 3 0 R >> {xobj} >> >>".encode()))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    return bytes(pdf_file(objs, "/Root 1 0 R"))


def jpeg_image(jpeg: tuple[bytes, tuple[int, int]]) -> tuple[dict, bytes]:
    data, (w, h) = jpeg
    return {"Width": w, "Height": h, "ColorSpace": "/DeviceGray", "BitsPerComponent": 8,
            "Filter": "/DCTDecode"}, data


# -- the scanned report ---------------------------------------------------------------------------------------
@needs_tesseract
def test_a_scanned_report_is_read_by_ocr(read_scan):
    r, _ = read_scan
    assert (r.format, r.pages, r.text_layer, r.ocr, r.ocr_pages, r.tables, r.cells) == ("pdf", 2, False, True, 2, 0, [])
    assert r.note == "scanned PDF: 2 page(s) with no text layer; OCR (tesseract vie) of 2 scanned page(s)"
    assert unicodedata.is_normalized("NFC", r.text)
    text = words(r.text)
    assert "Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,52%; thu ngân sách đạt 18.200 tỷ đồng." in text
    assert "kết nạp 1.245 đảng viên mới" in text
    # pages in order, page 2 after page 1
    assert text.index("TỈNH ỦY VĨNH PHÚC") < text.index("I. KẾT QUẢ THỰC HIỆN") < text.index("92,6%")


@needs_tesseract
def test_ocr_accuracy_on_the_fixture_is_near_perfect(read_scan):
    r, _ = read_scan
    truth = words(" ".join(scanned_report.page_text(i) for i in range(len(scanned_report.PAGES))))
    got = words(r.text)
    ratio = difflib.SequenceMatcher(None, truth, got, autojunk=False).ratio()
    assert ratio >= 0.98, f"character similarity {ratio:.4f}"
    # every figure of the ground truth is read exactly
    figures = re.findall(r"\d[\d.,]*\d%?|\d%?", truth)
    missing = [f for f in figures if f not in got]
    assert not missing, missing


@needs_tesseract
def test_the_extractor_finds_the_figures_of_a_scanned_report(read_scan):
    from extractors.document import Document
    from extractors.extract import extract_document

    r, _ = read_scan
    ex = extract_document(Document(id="scan", source="http://127.0.0.1:1/bao-cao-scan.pdf", text=r.text,
                                   title=r.title))
    by_text = {}
    for m in ex.mentions:
        by_text.setdefault(m.text, m)
    growth, revenue = by_text["7,52%"], by_text["18.200 tỷ đồng"]
    assert (growth.value, growth.unit, growth.period) == (7.52, "%", "2023")
    assert "tăng trưởng kinh tế" in growth.indicator
    assert (revenue.value, revenue.unit, revenue.period) == (18_200e9, "VND", "2023")
    assert "thu ngân sách" in revenue.indicator
    assert by_text["1.245 đảng viên mới"].value == 1245


@needs_tesseract
def test_ocr_speed_is_bounded(read_scan):
    """The README's seconds a page: two A4 pages at 300 dpi, one a full page of text."""
    r, seconds = read_scan
    assert seconds < 2 * ocr.PAGE_SECONDS, f"{seconds:.1f} s for 2 pages"


# -- mixed and nearly empty text layers -----------------------------------------------------------------------
@needs_tesseract
def test_a_scanned_page_among_text_pages_is_read_in_its_place(page_jpeg):
    pdf = pdf_of([{"box": (595, 842), "text": ["Bao cao so 25-BC/TU", "Trang dau co lop van ban."]},
                  {"box": (595, 842), "image": jpeg_image(page_jpeg)},
                  {"box": (595, 842), "text": ["Noi nhan: Ban Thuong vu Tinh uy."]}])
    r = read_report(pdf, "hon-hop.pdf")
    assert (r.text_layer, r.ocr, r.ocr_pages, r.pages) == (True, True, 1, 3)
    assert r.note == "OCR (tesseract vie) of 1 scanned page(s)"
    text = words(r.text)
    assert text.index("Bao cao so 25-BC/TU") < text.index("đạt 7,52%") < text.index("Noi nhan")


@needs_tesseract
def test_a_scan_with_a_stamped_page_number_is_read_by_ocr(page_jpeg):
    """A few characters of text over a page-sized image: the image is the page, OCR reads it."""
    pdf = pdf_of([{"box": (595, 842), "image": jpeg_image(page_jpeg), "text": ["Trang 1"]}])
    r = read_report(pdf, "dong-dau.pdf")
    assert (r.text_layer, r.ocr, r.ocr_pages) == (True, True, 1)
    assert "tốc độ tăng trưởng kinh tế của tỉnh đạt 7,52%" in words(r.text)


@needs_tesseract
def test_a_text_page_with_a_small_picture_is_not_ocrd(page_jpeg):
    pdf = pdf_of([{"box": (595, 842), "image": jpeg_image(page_jpeg), "place": (100, 140, 400, 600),
                   "text": ["Anh minh hoa"]}])
    r = read_report(pdf, "anh-nho.pdf")
    assert (r.ocr, r.text, r.note) == (False, "Anh minh hoa", "")


# -- without tesseract ----------------------------------------------------------------------------------------
@needs_font
def test_without_tesseract_the_scan_is_recorded_as_before(scan, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on it
    r = read_report(scan, "scan.pdf")
    assert (r.text, r.text_layer, r.ocr, r.ocr_pages, r.pages) == ("", False, False, 0, 2)
    assert r.note == ("scanned PDF: 2 page(s) with no text layer; tesseract-ocr-vie not installed: "
                      "OCR not attempted (no tesseract program)")


@needs_tesseract
@needs_font
def test_without_the_vietnamese_data_the_scan_is_recorded_as_before(scan, tmp_path, monkeypatch):
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # a tessdata folder with no language in it
    r = read_report(scan, "scan.pdf")
    assert (r.text, r.ocr) == ("", False)
    assert r.note.endswith("; tesseract-ocr-vie not installed: OCR not attempted (tesseract has no 'vie' data)")


# -- bounded ----------------------------------------------------------------------------------------------------
@needs_tesseract
def test_a_slow_page_is_stopped_by_the_page_time_limit(scan, monkeypatch):
    monkeypatch.setattr(ocr, "PAGE_SECONDS", 0.05)
    t0 = time.monotonic()
    r = read_report(scan, "cham.pdf")
    assert time.monotonic() - t0 < 10
    assert (r.text, r.ocr) == ("", False)
    assert ("OCR (tesseract vie) of 0 scanned page(s); not OCR'd: page 1: tesseract stopped after 0.05 s, "
            "page 2: tesseract stopped after 0.05 s") in r.note


@needs_tesseract
def test_the_file_time_limit_stops_ocr_between_pages(scan, monkeypatch):
    monkeypatch.setattr(ocr, "MAX_SECONDS", 0.0)
    r = read_report(scan, "cham.pdf")
    assert r.text == "" and "OCR time limit of 0 s reached: 2 of 2 scanned page(s) not read" in r.note


@needs_tesseract
def test_an_image_declaring_billions_of_pixels_is_not_drawn():
    """A 200,000 × 200,000 image in a 40-byte stream: refused from its declared size, never decoded."""
    bomb = zlib.compress(b"\0" * 100_000)
    pdf = pdf_of([{"box": (595, 842), "image": ({"Width": 200_000, "Height": 200_000, "ColorSpace": "/DeviceGray",
                                                 "BitsPerComponent": 8, "Filter": "/FlateDecode"}, bomb)}])
    t0 = time.monotonic()
    r = read_report(pdf, "bom.pdf")
    assert time.monotonic() - t0 < 5
    assert (r.text, r.ocr) == ("", False)
    assert r.note == ("scanned PDF: 1 page(s) with no text layer; not OCR'd: page 1: an image of "
                      "40,000,000,000 pixels, past 100,000,000")


@needs_tesseract
def test_a_corrupt_page_image_gives_no_text_and_no_error():
    junk = bytes(range(256)) * 40
    pdf = pdf_of([{"box": (595, 842), "image": ({"Width": 2480, "Height": 3508, "ColorSpace": "/DeviceGray",
                                                 "BitsPerComponent": 8, "Filter": "/DCTDecode"}, junk)},
                  {"box": (595, 842), "image": ({"Width": 2480, "Height": 3508, "ColorSpace": "/DeviceGray",
                                                 "BitsPerComponent": 8, "Filter": "/FlateDecode"}, junk)}])
    t0 = time.monotonic()
    r = read_report(pdf, "hong.pdf")
    assert time.monotonic() - t0 < 30
    assert (r.text, r.ocr, r.text_layer) == ("", False, False)
    assert "OCR (tesseract vie) of 2 scanned page(s), 2 with no text found" in r.note


@needs_tesseract
def test_a_huge_page_is_drawn_at_a_bounded_size_in_bounded_memory(page_jpeg, tmp_path):
    """A 20,000-point square page (280 inches) would be 83,000 pixels square at 300 dpi — 7 GB; it is
    drawn at most MAX_RENDER_PIXELS. Read in a child process so its peak memory is its own (VmHWM: a
    child's ru_maxrss can carry its parent's from before the exec)."""
    pdf = pdf_of([{"box": (20_000, 20_000), "image": jpeg_image(page_jpeg), "place": (14_000, 20_000, 3_000, 0)}])
    path = tmp_path / "huge.pdf"
    path.write_bytes(pdf)
    code = ("import json, re, resource, sys, time; sys.path.insert(0, sys.argv[2])\n"
            "from scrapers.reports import read_report\n"
            "t = time.monotonic(); r = read_report(open(sys.argv[1], 'rb').read(), 'huge.pdf')\n"
            "print(json.dumps({'note': r.note, 'text': r.text, 'seconds': time.monotonic() - t,\n"
            "                  'rss_mb': int(re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1]) / 1024,\n"
            "                  'tesseract_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
    out = subprocess.run([sys.executable, "-c", code, str(path), str(ROOT)], capture_output=True, text=True,
                         timeout=300, check=True)
    res = json.loads(out.stdout)
    # measured: 170 MB here and 245 MB in tesseract (580 MB and 37 s for 400 million pixels); the
    # tesseract figure is an upper bound (ru_maxrss of children, which may count this child's own)
    assert res["rss_mb"] < 512 and res["tesseract_mb"] < 1024, res
    assert res["seconds"] < ocr.PAGE_SECONDS + 30, res
    assert res["note"].startswith("scanned PDF: 1 page(s) with no text layer; OCR (tesseract vie) of 1 scanned page(s)")
    assert "7,52%" in res["text"]  # text 24 times its printed size, still read
    scale = ocr.render_scale(20_000, 20_000)
    assert (20_000 * scale) ** 2 <= ocr.MAX_RENDER_PIXELS * 1.0001


def test_ocr_text_joins_lines_broken_mid_sentence_and_keeps_headings():
    raw = ("TỈNH ỦY VĨNH PHÚC\nBÁO CÁO\nNăm 2023, tốc độ tăng trưởng đạt 7,52%; thu ngân\nsách đạt 18.200 tỷ "
           "đồng.\nTỷ lệ hộ nghèo giảm, toàn tỉnh kết nạp\n1.245 đảng viên,\nĐạt kế hoạch.\n\n\n"
           "I. KẾT QUẢ\n1. Kinh tế  \n\f")
    assert ocr.clean(unicodedata.normalize("NFD", raw)) == (
        "TỈNH ỦY VĨNH PHÚC\nBÁO CÁO\nNăm 2023, tốc độ tăng trưởng đạt 7,52%; thu ngân sách đạt 18.200 tỷ đồng.\n"
        "Tỷ lệ hộ nghèo giảm, toàn tỉnh kết nạp 1.245 đảng viên, Đạt kế hoạch.\n\nI. KẾT QUẢ\n1. Kinh tế")
