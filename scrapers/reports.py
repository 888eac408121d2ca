"""Reports linked from articles: PDF (pdfplumber) and DOCX (python-docx) to text and table figures.

A report's text is its pages' text (PDF) or its paragraphs and tables in order (DOCX). Every table is
also kept cell by cell: row and column (0-based), the page (PDF; None in a DOCX), the row's label (its
first cell) and the column's label (the header row's cell), the cell text, and its value when it is a
number — a table `Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ` becomes one figure per plan, result and ratio.

A page with no text layer but an image (a scan) is OCR'd (`scrapers/ocr.py`: PDFium renders it at
300 dpi, tesseract reads it with its Vietnamese data) and its text takes the page's place; so is a page
with only a few characters of text (a stamped page number) over an image covering half of it. The
Report says so: `ocr` True, `ocr_pages`, and a note "OCR (tesseract vie) of N scanned page(s)". A
PDF with no text layer at all keeps `text_layer` False, OCR'd or not. Without tesseract or its
Vietnamese data the scan is recorded as before — no text, the note saying "tesseract-ocr-vie not
installed: OCR not attempted (…)". OCR finds text, not tables: a scanned table gives lines, no cells.

Limits, so a hostile file costs bounded memory and time: a PDF is read page by page, at most
`MAX_PAGES` pages and `MAX_PDF_SECONDS` (the pages beyond are never even listed); every compressed
stream is inflated under a cap (`MAX_STREAM_BYTES` a stream, `MAX_PDF_INFLATED` a file), so a
decompression bomb is refused instead of filling memory. OCR has limits of its own (`scrapers/ocr.py`:
pixels a page and an image, seconds a page and a file), counted after the file's reading. A DOCX is
refused by its declared unzipped sizes before anything is parsed, and its parts are unzipped a megabyte
at a time, never past what they declare (a zip that lies about its sizes fails its CRC), before
python-docx reads them.
"""
from __future__ import annotations

import io
import math
import re
import threading
import time
import zipfile
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field

from extractors.normalize import nfc
from extractors.numbers import NotANumber, read_digits
from scrapers import ocr

MAX_PAGES = 500
MAX_PDF_SECONDS = 60.0
MAX_STREAM_BYTES = 32_000_000      # one inflated PDF stream
MAX_PDF_INFLATED = 256_000_000     # all the inflated streams of one PDF
MAX_DOCX_UNZIPPED = 100_000_000    # all the parts of a DOCX (images included)
MAX_DOCX_XML = 20_000_000          # its XML parts, which are parsed into memory
OCR_FEW_CHARS = 40                 # a page with fewer characters over a page-sized image is OCR'd too
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
    ocr: bool = False             # some of the text was read by OCR from page images
    ocr_pages: int = 0            # the pages whose text came from OCR


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
    if not math.isfinite(v):
        return None, None  # hundreds of digits: not a figure
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


class InflateLimit(Exception):
    """A compressed PDF stream inflated past a cap (a decompression bomb)."""


_budget = threading.local()


class _Inflater:
    """zlib.decompressobj() that counts what it inflates against the stream and file caps."""

    def __init__(self, *args):
        self._d = zlib.decompressobj(*args)
        self.total = 0

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        out = self._d.decompress(data, MAX_STREAM_BYTES + 1 - self.total)
        self._count(len(out))
        if self._d.unconsumed_tail:
            raise InflateLimit(f"a compressed stream inflates past {MAX_STREAM_BYTES:,} bytes")
        return out

    def flush(self, *args) -> bytes:
        out = self._d.flush(*args)
        self._count(len(out))
        return out

    def _count(self, n: int) -> None:
        self.total += n
        if self.total > MAX_STREAM_BYTES:
            raise InflateLimit(f"a compressed stream inflates past {MAX_STREAM_BYTES:,} bytes")
        left = getattr(_budget, "left", None)
        if left is not None:
            _budget.left = left - n
            if _budget.left < 0:
                raise InflateLimit(f"the compressed streams inflate past {MAX_PDF_INFLATED:,} bytes")

    def __getattr__(self, name):
        return getattr(self._d, name)


class _BoundedZlib:
    """What pdfminer sees as `zlib`: the same, with inflation capped (pdfminer inflates whole streams)."""
    error = zlib.error

    def __getattr__(self, name):
        return getattr(zlib, name)

    @staticmethod
    def decompressobj(*args):
        return _Inflater(*args)

    @staticmethod
    def decompress(data: bytes, *args) -> bytes:
        d = _Inflater(*args[:1])
        out = d.decompress(data) + d.flush()
        if not d.eof:
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out


def _bound_pdfminer() -> None:
    import pdfminer.pdftypes

    if not isinstance(pdfminer.pdftypes.zlib, _BoundedZlib):
        pdfminer.pdftypes.zlib = _BoundedZlib()


@contextmanager
def _inflate_budget(limit: int):
    old = getattr(_budget, "left", None)
    _budget.left = limit
    try:
        yield
    finally:
        _budget.left = old


def _causes(e: BaseException):
    seen = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)


def _declared_pages(pdf) -> int | None:
    try:
        from pdfminer.pdftypes import resolve1

        n = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
        return n if isinstance(n, int) and n >= 0 else None
    except Exception:  # noqa: BLE001 - a missing or broken /Count: unknown
        return None


def _ocr_clean(text: str) -> str:
    return ocr.clean(text)


def read_pdf(content: bytes, name: str) -> Report:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    _bound_pdfminer()
    texts, cells, tables = {}, [], 0
    scans, refused = [], []         # pages to OCR; pages not OCR'd for an image too large
    stopped, n, chars = "", 0, 0
    deadline = time.monotonic() + MAX_PDF_SECONDS
    try:
        # not `with pdfplumber.open(…)`: its close() builds every page of the file to close them
        with _inflate_budget(MAX_PDF_INFLATED):
            pdf = pdfplumber.open(io.BytesIO(content))
            meta = pdf.metadata or {}
            declared = _declared_pages(pdf)
            doctop = 0
            # page by page from the page tree, never pdfplumber's `pages` (which builds every page first)
            for pno, page_obj in enumerate(PDFPage.create_pages(pdf.doc), 1):
                if pno > MAX_PAGES:
                    stopped = f"first {MAX_PAGES} of {max(declared or 0, pno)}{'' if declared else '+'} pages read"
                    break
                if time.monotonic() > deadline:
                    stopped = f"time limit of {MAX_PDF_SECONDS:.0f} s reached: first {pno - 1} pages read"
                    break
                page = Page(pdf, page_obj, page_number=pno, initial_doctop=doctop)
                doctop += page.height
                n = pno
                chars += len(page.chars)
                t = page.extract_text() or ""
                if t.strip():
                    # lines the page's width wrapped are joined again: a sentence cut at `thu ngân` /
                    # `sách đạt …` would lose its indicator (the same cleaning as OCR text)
                    texts[pno] = _ocr_clean(t.strip())
                _ocr_candidate(page, pno, scans, refused)
                for tb in page.extract_tables():
                    cells.extend(table_cells(tb, pno, tables))
                    tables += 1
                page.flush_cache()
                page.close()
            if stopped and declared and declared > n:
                n = declared
    except Exception as e:  # noqa: BLE001 - pdfminer raises many kinds on broken files
        causes = list(_causes(e))
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            raise ReportError(f"{name}: encrypted PDF, cannot be read without its password") from e
        bomb = next((c for c in causes if isinstance(c, InflateLimit)), None)
        if bomb is not None:
            raise ReportError(f"{name}: refused: {bomb} (a decompression bomb, or a PDF too large to read)") from e
        if any(isinstance(c, RecursionError) for c in causes):
            raise ReportError(f"{name}: unreadable PDF (its objects nest or refer to each other too deeply)") from e
        raise ReportError(f"{name}: unreadable PDF ({type(e).__name__}: {e})") from e
    title = _pdf_title(meta)
    read, ocr_note = _ocr(content, scans, refused)
    texts.update(read)
    text = "\n\n".join(texts[p] for p in sorted(texts))
    if chars == 0:
        return Report("pdf", title, text, n, 0, [], text_layer=False,
                      note=f"scanned PDF: {n} page(s) with no text layer; {ocr_note or 'no page image to OCR'}"
                           + (f" ({stopped})" if stopped else ""),
                      ocr=bool(read), ocr_pages=len(read))
    return Report("pdf", title, text, n, tables, cells, note="; ".join(x for x in (ocr_note, stopped) if x),
                  ocr=bool(read), ocr_pages=len(read))


def _ocr_candidate(page, pno: int, scans: list[int], refused: list[str]) -> None:
    """Adds the page to `scans` when it is a scan: an image and no text, or a few characters of text
    over an image covering half the page; to `refused` when such a page's image is too large to draw."""
    images = page.images
    if not images or len(page.chars) >= OCR_FEW_CHARS:
        return
    if page.chars:
        area = max(float(page.width) * float(page.height), 1.0)
        covered = sum(max(0.0, min(float(i["x1"]), float(page.width)) - max(float(i["x0"]), 0.0))
                      * max(0.0, min(float(i["bottom"]), float(page.height)) - max(float(i["top"]), 0.0))
                      for i in images)
        if covered < area / 2:
            return
    from pdfminer.pdftypes import resolve1

    biggest = 0
    for i in images:
        try:
            w, h = (int(resolve1(v)) for v in i.get("srcsize") or (0, 0))
        except (TypeError, ValueError):  # no usable size: PDFium will not draw it either
            continue
        biggest = max(biggest, abs(w * h))
    if biggest > ocr.MAX_IMAGE_PIXELS:
        refused.append(f"page {pno}: an image of {biggest:,} pixels, past {ocr.MAX_IMAGE_PIXELS:,}")
        return
    scans.append(pno)


def _ocr(content: bytes, scans: list[int], refused: list[str]) -> tuple[dict[int, str], str]:
    """The OCR'd text of the scanned pages, by page, and what the note says of it."""
    if not scans and not refused:
        return {}, ""
    if not scans:
        return {}, _problems("not OCR'd", refused)
    why = ocr.unavailable()
    if why:
        return {}, why
    res = ocr.ocr_pdf_pages(content, scans)
    note = f"OCR ({ocr.label()}) of {res.read} scanned page(s)"
    if res.read > len(res.texts):
        note += f", {res.read - len(res.texts)} with no text found"
    parts = [note, _problems("not OCR'd", refused + res.problems), res.stopped]
    return res.texts, "; ".join(p for p in parts if p)


def _problems(what: str, problems: list[str], shown: int = 3) -> str:
    if not problems:
        return ""
    more = f" and {len(problems) - shown} more" if len(problems) > shown else ""
    return f"{what}: " + ", ".join(problems[:shown]) + more


def _pdf_title(meta: dict) -> str | None:
    t = meta.get("Title")
    if isinstance(t, bytes):
        try:
            t = t.decode("utf-16") if t[:2] in (b"\xfe\xff", b"\xff\xfe") else t.decode("utf-8")
        except UnicodeDecodeError:
            t = None
    t = _cell_text(t) if t else None
    return t or None


def _repacked_docx(content: bytes, name: str) -> bytes:
    """The DOCX's parts unzipped under the limits and packed again uncompressed, for python-docx.

    The declared sizes are checked first; then each part is inflated a megabyte at a time, which
    zipfile stops at the part's declared size (a part whose data inflates further — a zip bomb that lies
    about its size — then fails its CRC). python-docx itself would inflate a part in one call, whatever
    it declares, so it only ever sees the repacked, stored copy."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        infos = z.infolist()
        total = sum(i.file_size for i in infos)
        xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
        if total > MAX_DOCX_UNZIPPED:
            raise ReportError(f"{name}: DOCX unzips to {total:,} bytes, past {MAX_DOCX_UNZIPPED:,}: refused "
                              f"(a zip bomb, or a document too large to read)")
        if xml > MAX_DOCX_XML:
            raise ReportError(f"{name}: DOCX's XML unzips to {xml:,} bytes, past {MAX_DOCX_XML:,}: refused "
                              f"(a zip bomb, or a document too large to read)")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as w:
            for info in infos:
                if info.is_dir():
                    continue
                buf = bytearray()
                with z.open(info) as f:
                    while chunk := f.read(1 << 20):
                        buf += chunk
                w.writestr(info.filename, bytes(buf))
    return out.getvalue()


def read_docx(content: bytes, name: str) -> Report:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        content = _repacked_docx(content, name)
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
