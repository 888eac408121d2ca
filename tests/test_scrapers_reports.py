"""Reports: PDF text and table figures with page, row and column; DOCX; scanned PDFs; broken files."""
import pytest

from scrapers.reports import ReportError, read_report, sniff
from sitefixtures import PdfPage, make_docx, make_pdf

TABLE = [["Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
         ["Tăng trưởng GRDP (%)", "8,5", "9,54", "112,2"],
         ["Thu ngân sách (tỷ đồng)", "32.000", "32.398", "101,2"],
         ["Hộ nghèo (hộ)", "1.500", "1.420", "94,7"]]


def report_pdf():
    return make_pdf([
        PdfPage(lines=[(50, 800, "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2021"),
                       (50, 780, "Năm 2021, tăng trưởng kinh tế của tỉnh đạt 9,54%, vượt kế hoạch.")]),
        PdfPage(lines=[(50, 800, "Phụ lục: Kết quả thực hiện các chỉ tiêu chủ yếu")],
                table=(50, 760, [200, 90, 90, 90], 20, TABLE)),
    ], title="Báo cáo số 25/BC-UBND")


def test_pdf_text_and_table_figures_with_page_row_and_column():
    r = read_report(report_pdf(), "bao-cao.pdf")
    assert (r.format, r.pages, r.tables, r.text_layer, r.title) == ("pdf", 2, 1, True, "Báo cáo số 25/BC-UBND")
    assert "tăng trưởng kinh tế của tỉnh đạt 9,54%" in r.text
    assert len(r.cells) == 9 and all(c.page == 2 and c.table == 0 for c in r.cells)
    cell = next(c for c in r.cells if c.text == "9,54")
    assert (cell.row, cell.column, cell.row_label, cell.column_label) == (1, 2, "Tăng trưởng GRDP (%)", "Thực hiện")
    assert (cell.value, cell.unit) == (9.54, "%")
    revenue = {c.column_label: (c.value, c.unit) for c in r.cells if c.row == 2}
    assert revenue == {"Kế hoạch": (32000.0, "tỷ đồng"), "Thực hiện": (32398.0, "tỷ đồng"), "Tỷ lệ (%)": (101.2, "%")}


def test_pdf_lines_wrapped_by_the_page_are_joined_into_their_sentence():
    pdf = make_pdf([PdfPage(lines=[(50, 800, "KẾT QUẢ NĂM 2023"),
                                   (50, 780, "Năm 2023, thu ngân"),
                                   (50, 768, "sách nhà nước trên địa bàn tỉnh đạt 18.200 tỷ đồng, tăng"),
                                   (50, 756, "12% so với năm 2022."),
                                   (50, 736, "Tỷ lệ hộ nghèo còn 3,1%.")])])
    r = read_report(pdf, "bao-cao.pdf")
    assert "Năm 2023, thu ngân sách nhà nước trên địa bàn tỉnh đạt 18.200 tỷ đồng, tăng 12% so với năm 2022." in r.text
    assert "KẾT QUẢ NĂM 2023\n" in r.text and "\nTỷ lệ hộ nghèo còn 3,1%." in r.text


def test_docx_paragraphs_and_tables():
    data = make_docx("Kế hoạch phát triển kinh tế - xã hội năm 2022",
                     ["Năm 2022, tỉnh phấn đấu tăng trưởng kinh tế đạt 7-7,5%.", "Giao Sở Kế hoạch và Đầu tư theo dõi."],
                     TABLE)
    assert sniff(data) == "docx"
    r = read_report(data, "ke-hoach.docx")
    assert r.format == "docx" and r.pages is None and r.tables == 1
    assert r.text.split("\n\n")[:2] == ["Kế hoạch phát triển kinh tế - xã hội năm 2022",
                                        "Năm 2022, tỉnh phấn đấu tăng trưởng kinh tế đạt 7-7,5%."]
    assert "Tăng trưởng GRDP (%) | 8,5 | 9,54 | 112,2" in r.text
    c = next(c for c in r.cells if c.row == 3 and c.column == 3)
    assert (c.page, c.row_label, c.column_label, c.value) == (None, "Hộ nghèo (hộ)", "Tỷ lệ (%)", 94.7)


def test_a_scanned_pdf_is_recorded_as_having_no_text_layer():
    """Its pages are OCR'd (tests/test_ocr.py reads a real scan); these are a flat grey: no text."""
    from scrapers.ocr import unavailable

    r = read_report(make_pdf([PdfPage(image_only=True), PdfPage(image_only=True)]), "scan.pdf")
    assert r.text_layer is False and r.text == "" and r.cells == [] and r.pages == 2
    assert (r.ocr, r.ocr_pages) == (False, 0)
    assert r.note.startswith("scanned PDF: 2 page(s) with no text layer; ")
    assert r.note.endswith(unavailable() if unavailable()
                           else "OCR (tesseract vie) of 2 scanned page(s), 2 with no text found")


def test_broken_and_foreign_files_give_clear_errors():
    with pytest.raises(ReportError, match="bad.pdf"):
        read_report(b"%PDF-1.4\n1 0 obj <<>> garbage", "bad.pdf")
    with pytest.raises(ReportError, match="not a PDF or DOCX"):
        read_report(b"<html>not a report</html>", "x.pdf", "text/html")
    with pytest.raises(ReportError, match="DOCX"):
        read_report(b"PK\x03\x04broken zip", "k.docx", "application/vnd.openxmlformats-officedocument."
                                                          "wordprocessingml.document")
