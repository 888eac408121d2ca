"""OCR of scanned PDF pages: pypdfium2 renders a page, tesseract (`-l vie`) reads it.

tesseract is Debian's `tesseract-ocr` with `tesseract-ocr-vie` (`make tesseract` installs both), run
as a program — no shell, nothing downloaded — one process per page, with the page's image (PNG) on
its stdin and the text on its stdout. Without the program or its Vietnamese data nothing is OCR'd and
`unavailable()` says so ("tesseract-ocr-vie not installed: OCR not attempted (…)"); the reader then
records the scan as before.

Limits, so a hostile scan costs bounded memory and time: a page is rendered at `DPI` but never to more
than `MAX_RENDER_PIXELS` (a huge page is rendered smaller); a page holding an image of more than
`MAX_IMAGE_PIXELS` is not rendered at all (PDFium would decode the whole image); each page's tesseract
is killed after `PAGE_SECONDS`, and a file's pages stop being read after `MAX_SECONDS` in all. PDFium
only ever sees a file that pdfminer has read page by page under `scrapers.reports`' inflation caps.

Speed on this 2-core machine: 1-2 s for a page of a few lines, 3.4-6 s for a full A4 page of text (300
dpi: render and PNG 0.3-0.8 s, the rest tesseract; measured while other work shared the machine).
"""
from __future__ import annotations

import io
import math
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field

from extractors.normalize import nfc

TESSERACT = "tesseract"            # the program: a name looked up on PATH, or a path
LANG = "vie"
DPI = 300
PAGE_SECONDS = 60.0                # one page's tesseract run
MAX_SECONDS = 300.0                # all the OCR of one file
MAX_RENDER_PIXELS = 60_000_000     # one rendered page (A4 at 300 dpi is 8.7 million)
MAX_IMAGE_PIXELS = 100_000_000     # one image inside a page, as it declares its size
CHECK_SECONDS = 15.0               # `tesseract --list-langs`

_pdfium_lock = threading.Lock()    # PDFium is not thread-safe
_checked: dict[tuple, str | None] = {}


@dataclass
class OcrResult:
    texts: dict[int, str] = field(default_factory=dict)   # page number (1-based) -> text, pages with text
    read: int = 0                                         # pages tesseract read to the end
    problems: list[str] = field(default_factory=list)     # "page 3: tesseract stopped after 60 s"
    stopped: str = ""                                     # the file's time limit, when reached


def label() -> str:
    return f"tesseract {LANG}"


def unavailable() -> str | None:
    """None when tesseract and its `LANG` data are installed, else the note saying OCR was not attempted
    and why (checked once per PATH and TESSDATA_PREFIX)."""
    key = (TESSERACT, LANG, os.environ.get("PATH"), os.environ.get("TESSDATA_PREFIX"))
    if key not in _checked:
        _checked[key] = _check()
    return _checked[key]


def _check() -> str | None:
    missing = f"tesseract-ocr-{LANG} not installed: OCR not attempted"
    exe = shutil.which(TESSERACT)
    if exe is None:
        return f"{missing} (no {TESSERACT} program)"
    try:
        r = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=CHECK_SECONDS,
                           stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError) as e:
        return f"{missing} ({TESSERACT} does not run: {type(e).__name__})"
    langs = {ln.strip() for ln in (r.stdout + r.stderr).decode("utf-8", "replace").splitlines()}
    if LANG not in langs:
        return f"{missing} ({TESSERACT} has no '{LANG}' data)"
    return None


def _env() -> dict:
    env = dict(os.environ)
    # one thread: on two busy cores tesseract's OpenMP threads spin and make a page several times
    # slower (measured: 3-4 s a page with one, 12-33 s with two)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def read_image(png: bytes, dpi: int, timeout: float) -> str:
    """tesseract's text of one image; raises subprocess.TimeoutExpired, OSError or RuntimeError."""
    exe = shutil.which(TESSERACT) or TESSERACT
    r = subprocess.run([exe, "stdin", "stdout", "-l", LANG, "--dpi", str(dpi)], input=png,
                       capture_output=True, timeout=timeout, env=_env())
    if r.returncode != 0:
        err = " ".join(r.stderr.decode("utf-8", "replace").split())[-200:]
        raise RuntimeError(f"tesseract exited with {r.returncode}" + (f": {err}" if err else ""))
    return clean(r.stdout.decode("utf-8", "replace"))


def clean(text: str) -> str:
    """NFC, no form feed, no trailing spaces, paragraphs separated by one blank line, and a line that
    goes on mid-sentence joined to the next (`unwrap`)."""
    lines = [" ".join(ln.split()) for ln in nfc(text).replace("\f", "\n").splitlines()]
    out, blank = [], False
    for ln in lines:
        if not ln:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        elif out and unwrap(out[-1], ln):
            out[-1] += " " + ln
            continue
        out.append(ln)
    return "\n".join(out)


def unwrap(line: str, following: str) -> bool:
    """True when `following` goes on the sentence `line` breaks off: the page's width wrapped it, as in
    "thu ngân" / "sách đạt 18.200 tỷ đồng" (a sentence cut there loses its indicator). A line ending in a
    comma goes on; one ending in a lowercase letter, a digit or % goes on when the next starts lowercase
    or with a digit. A heading (capitals) or a line ending in . ; : ! ? keeps its break."""
    last, first = line[-1], following[0]
    if last == ",":
        return True
    return (last.islower() or last.isdigit() or last in "%)") and (first.islower() or first.isdigit())


def render_scale(width: float, height: float) -> float:
    """Pixels per PDF unit: `DPI`, less for a page that would pass `MAX_RENDER_PIXELS`."""
    scale = DPI / 72
    if width > 0 and height > 0 and width * height * scale * scale > MAX_RENDER_PIXELS:
        scale = math.sqrt(MAX_RENDER_PIXELS / (width * height))
    return scale


def render_png(doc, index: int) -> tuple[bytes, int]:
    """Page `index` (0-based) of a pypdfium2 document as a grayscale PNG, and the dpi it was drawn at."""
    page = doc[index]
    try:
        width, height = page.get_size()
        if not (width > 0 and height > 0 and math.isfinite(width * height)):
            raise ValueError(f"page size {width} x {height}")
        scale = render_scale(width, height)
        bitmap = page.render(scale=scale, grayscale=True)
        try:
            img = bitmap.to_pil()
            out = io.BytesIO()
            img.save(out, "PNG", compress_level=1)
        finally:
            bitmap.close()
    finally:
        page.close()
    return out.getvalue(), max(1, round(scale * 72))


def ocr_pdf_pages(content: bytes, pages: list[int], max_seconds: float | None = None) -> OcrResult:
    """OCR of the given pages (1-based) of a PDF, in order, within `MAX_SECONDS` (or `max_seconds`).
    Call `unavailable()` first: this assumes tesseract is there."""
    import pypdfium2 as pdfium

    res = OcrResult()
    if not pages:
        return res
    budget = MAX_SECONDS if max_seconds is None else max_seconds
    deadline = time.monotonic() + budget
    with _pdfium_lock:
        try:
            doc = pdfium.PdfDocument(content)
        except Exception as e:  # noqa: BLE001 - PdfiumError and whatever a broken file raises
            res.problems.append(f"PDFium cannot open the file ({type(e).__name__}: {e})")
            return res
    try:
        count = len(doc)
        for i, pno in enumerate(pages):
            left = deadline - time.monotonic()
            if left <= 0:
                res.stopped = (f"OCR time limit of {budget:.0f} s reached: {len(pages) - i} of {len(pages)} "
                               f"scanned page(s) not read")
                break
            if pno > count:
                res.problems.append(f"page {pno}: not among PDFium's {count} pages")
                continue
            try:
                with _pdfium_lock:
                    png, dpi = render_png(doc, pno - 1)
            except Exception as e:  # noqa: BLE001 - a page PDFium cannot draw
                res.problems.append(f"page {pno}: not rendered ({type(e).__name__}: {e})")
                continue
            timeout = min(PAGE_SECONDS, left)
            try:
                text = read_image(png, dpi, timeout)
            except subprocess.TimeoutExpired:
                res.problems.append(f"page {pno}: tesseract stopped after {timeout:.3g} s")
                continue
            except (OSError, RuntimeError) as e:
                res.problems.append(f"page {pno}: {e}")
                continue
            res.read += 1
            if text.strip():
                res.texts[pno] = text
    finally:
        with _pdfium_lock:
            doc.close()
    return res
