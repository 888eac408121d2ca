"""Reports linked from articles: PDF (pdfplumber) and DOCX (python-docx) to text and table figures.

A report's text is its pages' text (PDF) or its paragraphs and tables in order (DOCX). Every table is
also kept cell by cell: row and column (0-based), the page (PDF; None in a DOCX), the row's label (its
first cell) and the column's label (the header row's cell), the cell text, and its value when it is a
number — a table `Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ` becomes one figure per plan, result and ratio.

A PDF whose pages carry no text layer (a scan) is recorded as such: `text_layer` False, no text;
OCR is not attempted (tesseract is not installed here).
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from extractors.normalize import nfc
from extractors.numbers import NotANumber, read_digits

MAX_PAGES = 500
MAX_DOCX_UNZIPPED = 100_000_000
HEADER_WORDS = ("chỉ tiêu", "kế hoạch", "thực hiện", "tỷ lệ", "ước", "so sánh", "đơn vị", "stt", "nội dung",
                "năm", "kết quả", "mục tiêu")
_NUM_RE = re.compile(r"^\s*([<>≥≤~]?)\s*([+-]?\d[\d.,]*)\s*(%|‰)?\s*$")


class ReportError(ValueError):
    pass


@dataclass
class Cell:
    page: int | None
    table: int
    row: int
    column: int
    row_label: str | None
    column_label: str | None
    text: str
    value: float | None
    unit: str | None


@dataclass
class Report:
    format: str                   # pdf, docx
    title: str | None
    text: str
    pages: int | None
    tables: int
    cells: list[Cell] = field(default_factory=list)
    text_layer: bool = True
    note: str = ""


def sniff(content: bytes, content_type: str = "", url: str = "") -> str | None:
    """`pdf`, `docx` or None from the bytes first, then the declared type and the URL."""
    if content[:5] == b"%PDF-" or content[:1024].find(b"%PDF-") >= 0:
        return "pdf"
    if content[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return None
        return None
    ct = content_type.lower()
    if "pdf" in ct:
        return "pdf"
    if "wordprocessingml" in ct:
        return "docx"
    return None


def _value(text: str) -> tuple[float | None, str | None]:
    m = _NUM_RE.match(text.replace("\u00a0", " "))
    if not m:
        return None, None
    try:
        v = read_digits(m.group(2).lstrip("+-"))
    except NotANumber:
        return None, None
    if m.group(2).startswith("-"):
        v = -v
    return v, m.group(3)


def _is_header(row: list[str]) -> bool:
    low = " ".join(c.lower() for c in row if c)
    hits = sum(1 for w in HEADER_WORDS if w in low)
    numeric = sum(1 for c in row if c and _value(c)[0] is not None)
    return hits >= 1 and numeric <= 1


def table_cells(rows: list[list[str | None]], page: int | None, table_index: int) -> list[Cell]:
    rows = [[_cell_text(c) for c in r] for r in rows if r and any(_cell_text(c) for c in r)]
    if not rows:
        return []
    header = rows[0] if _is_header(rows[0]) else None
    cells = []
    for i, row in enumerate(rows):
        if header is not None and i == 0:
            continue
        label = row[0] or None
        for j, text in enumerate(row):
            if j == 0 or not text:
                continue
            value, unit = _value(text)
            col_label = header[j] if header is not None and j < len(header) else None
            if unit is None and value is not None:
                unit = _unit_from_labels(col_label, label)
            cells.append(Cell(page, table_index, i, j, label, col_label or None, text, value, unit))
    return cells


def _unit_from_labels(col_label: str | None, row_label: str | None) -> str | None:
    for lab in (col_label, row_label):
        if lab:
            m = re.search(r"\(([^()]{1,20})\)\s*$", lab)
            if m:
                return m.group(1).strip()
    return None


def _cell_text(c) -> str:
    return " ".join(nfc(str(c)).split()) if c is not None else ""


def read_pdf(content: bytes, name: str) -> Report:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    texts, cells, tables = [], [], 0
    try:
        with pdfplumber.open(io.BytesIO(content)) as pdf:
            meta = pdf.metadata or {}
            n = len(pdf.pages)
            chars = 0
            for pno, page in enumerate(pdf.pages[:MAX_PAGES], 1):
                chars += len(page.chars)
                t = page.extract_text() or ""
                if t.strip():
                    texts.append(nfc(t.strip()))
                for tb in page.extract_tables():
                    cells.extend(table_cells(tb, pno, tables))
                    tables += 1
                page.flush_cache()
    except PDFPasswordIncorrect as e:
        raise ReportError(f"{name}: encrypted PDF, cannot be read without its password") from e
    except Exception as e:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        raise ReportError(f"{name}: unreadable PDF ({type(e).__name__}: {e})") from e
    title = _pdf_title(meta)
    if chars == 0:
        return Report("pdf", title, "", n, 0, [], text_layer=False,
                      note=f"scanned PDF: {n} page(s) with no text layer; OCR not attempted")
    note = f"first {MAX_PAGES} of {n} pages read" if n > MAX_PAGES else ""
    return Report("pdf", title, "\n\n".join(texts), n, tables, cells, note=note)


def _pdf_title(meta: dict) -> str | None:
    t = meta.get("Title")
    if isinstance(t, bytes):
        try:
            t = t.decode("utf-16") if t[:2] in (b"\xfe\xff", b"\xff\xfe") else t.decode("utf-8")
        except UnicodeDecodeError:
            t = None
    t = _cell_text(t) if t else None
    return t or None


def read_docx(content: bytes, name: str) -> Report:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_DOCX_UNZIPPED:
                raise ReportError(f"{name}: DOCX unzips past {MAX_DOCX_UNZIPPED:,} bytes: refused")
        d = docx.Document(io.BytesIO(content))
    except ReportError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises KeyError, BadZipFile, lxml errors …
        raise ReportError(f"{name}: unreadable DOCX ({type(e).__name__}: {e})") from e
    parts, cells, tables = [], [], 0
    for block in d.iter_inner_content():
        if isinstance(block, Paragraph):
            t = _cell_text(block.text)
            if t:
                parts.append(t)
        elif isinstance(block, Table):
            rows = [[c.text for c in r.cells] for r in block.rows]
            cells.extend(table_cells(rows, None, tables))
            tables += 1
            for r in rows:
                line = " | ".join(_cell_text(c) for c in r if _cell_text(c))
                if line:
                    parts.append(line)
    title = _cell_text(d.core_properties.title) or (parts[0] if parts else None)
    return Report("docx", title, "\n\n".join(parts), None, tables, cells)


def read_report(content: bytes, name: str, content_type: str = "") -> Report:
    kind = sniff(content, content_type, name)
    if kind == "pdf":
        return read_pdf(content, name)
    if kind == "docx":
        return read_docx(content, name)
    raise ReportError(f"{name}: not a PDF or DOCX ({content_type or 'no type'}); "
                      "legacy .doc files are not read")
