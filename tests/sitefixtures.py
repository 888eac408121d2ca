"""Fixture web sites for the scraper tests: real HTTP servers on 127.0.0.1, each logging every request.

A `FixtureServer` serves routes: static pages (with ETag and Last-Modified, answering conditional
requests with 304) and handler functions for misbehaviour (loops, 500s, 429s, silence, huge bodies).
`load_site(name)` fills a server from `tests/fixtures/sites/<name>/site.toml`: one `[[page]]` per path,
an optional layout (the CMS's chrome around `{{MAIN}}`), file encodings, placeholders `{{BASE}}` (the
server's own URL) and `{{OTHER}}` (another server's URL, for boundary tests).

Also here: `make_pdf` (a small PDF writer: real text with a ToUnicode map, table rules, an image-only
page for a "scan") and `make_docx`, so report fixtures are generated, not committed as binaries.
"""
from __future__ import annotations

import base64
import hashlib
import io
import threading
import time
import tomllib
import unicodedata
import zlib
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qsl

FIXTURES = Path(__file__).parent / "fixtures" / "sites"
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


@dataclass
class Hit:
    t: float                      # time.monotonic() when the request line arrived
    method: str
    path: str
    headers: dict
    body: bytes = b""
    status: int | None = None
    sent: int = 0                 # body bytes written

    @property
    def conditional(self) -> bool:
        return "if-none-match" in self.headers or "if-modified-since" in self.headers


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict = field(default_factory=dict)
    validators: bool = True

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FixtureCMS/1.0"

    def do_GET(self):
        self.server.fixture._handle(self)

    do_POST = do_HEAD = do_GET

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True


class FixtureServer:
    def __init__(self, name: str = "site"):
        self.name = name
        self.routes: dict[str, Page | Callable] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fixture = self
        self.port = self._httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True, name=f"fixture-{name}")

    def start(self) -> "FixtureServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- routes ------------------------------------------------------------------------------------
    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
             status: int = 200, headers: dict | None = None, validators: bool = True) -> None:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Page(body, content_type, status, headers or {}, validators)

    def route(self, path: str, fn: Callable[["FixtureServer", BaseHTTPRequestHandler, Hit], None]) -> None:
        self.routes[path] = fn

    # -- log ---------------------------------------------------------------------------------------
    def paths(self, method: str | None = None) -> list[str]:
        with self._lock:
            return [h.path for h in self.hits if method is None or h.method == method]

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path]

    def clear(self) -> None:
        with self._lock:
            self.hits.clear()

    # -- serving -----------------------------------------------------------------------------------
    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        hit = Hit(time.monotonic(), h.command, h.path, {k.lower(): v for k, v in h.headers.items()})
        n = int(h.headers.get("Content-Length") or 0)
        if n:
            hit.body = h.rfile.read(n)
        with self._lock:
            self.hits.append(hit)
        route = self.routes.get(h.path) or self.routes.get(h.path.split("?", 1)[0])
        if route is None:
            self.respond(h, hit, 404, b"<html><body><h1>404 Not Found</h1></body></html>")
        elif isinstance(route, Page):
            self.serve_page(h, hit, route)
        else:
            route(self, h, hit)

    def serve_page(self, h, hit: Hit, page: Page) -> None:
        headers = {"Content-Type": page.content_type, **page.headers}
        if page.validators and page.status == 200:
            headers.update({"ETag": page.etag, "Last-Modified": LAST_MODIFIED, "Cache-Control": "no-cache"})
            if hit.headers.get("if-none-match") == page.etag or (
                    "if-none-match" not in hit.headers and hit.headers.get("if-modified-since") == LAST_MODIFIED):
                return self.respond(h, hit, 304, b"", {k: v for k, v in headers.items() if k != "Content-Type"})
        self.respond(h, hit, page.status, page.body, headers)

    def respond(self, h, hit: Hit, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        hit.status = status
        try:
            h.send_response(status)
            headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(body)) if status != 304 else "0")
            h.end_headers()
            if h.command != "HEAD" and status != 304:
                h.wfile.write(body)
                hit.sent = len(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


# -- misbehaviour ----------------------------------------------------------------------------------

def redirect(to: str, status: int = 302):
    def fn(server, h, hit):
        server.respond(h, hit, status, b"", {"Location": to})
    return fn


def fail_then(page: str | bytes, failures: int = 1, status: int = 500, headers: dict | None = None):
    """Answer `status` (with `headers`, e.g. Retry-After) `failures` times, then the page."""
    count = {"n": 0}
    body = page.encode() if isinstance(page, str) else page

    def fn(server, h, hit):
        count["n"] += 1
        if count["n"] <= failures:
            server.respond(h, hit, status, b"<html><body>busy</body></html>", headers or {})
        else:
            server.serve_page(h, hit, Page(body))
    return fn


def silent(server, h, hit):
    """Accept the request, never answer (until the server stops)."""
    server.stopping.wait(30)


def huge_body(total: int = 50 * 1024 * 1024, declare_length: bool = False, chunk: int = 64 * 1024):
    """Stream `total` bytes in chunks generated on the fly: never held in memory. `hit.sent` counts
    what actually left before the client hung up."""
    block = (b"<p>" + b"x" * (chunk - 8) + b"</p>\n")[:chunk]

    def fn(server, h, hit):
        hit.status = 200
        try:
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            if declare_length:
                h.send_header("Content-Length", str(total))
            else:
                h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            while hit.sent < total and not server.stopping.is_set():
                piece = block[: min(chunk, total - hit.sent)]
                if declare_length:
                    h.wfile.write(piece)
                else:
                    h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                hit.sent += len(piece)
            if not declare_length:
                h.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        h.close_connection = True
    return fn


def drip(interval: float = 0.2, in_headers: bool = False):
    """Answer one byte every `interval` seconds, forever (until the client hangs up or the server stops):
    the body after proper headers, or (`in_headers`) the status line and headers themselves. `hit.sent`
    counts the bytes that left."""
    def fn(server, h, hit):
        hit.status = 200
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        try:
            if in_headers:
                stream = head + b"X-Slow: " + b"a" * 10_000_000
            else:
                h.wfile.write(head + b"Transfer-Encoding: identity\r\nConnection: close\r\n\r\n")
                h.wfile.flush()
                stream = b"<html><body><p>" + b"x" * 10_000_000
            for i in range(len(stream)):
                if server.stopping.wait(interval):
                    break
                h.wfile.write(stream[i:i + 1])
                h.wfile.flush()
                hit.sent += 1
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        h.close_connection = True
    return fn


# -- fixture sites from files ----------------------------------------------------------------------

def load_site(name: str, server: FixtureServer | None = None, subs: dict[str, str] | None = None) -> FixtureServer:
    """A server with the pages of `tests/fixtures/sites/<name>/site.toml` (not started).

    `[[page]]`: path, file, title, encoding (bytes on the wire; windows-1258 supported), charset (the
    label declared in the Content-Type header and a meta tag; default: the encoding), declare (false:
    no charset anywhere), type, status, headers, validators. `[[redirect]]`: path, to, status.
    `[[postback]]`: a WebForms listing — GET gives page 1, posting the form back with `target` as
    __EVENTTARGET gives the next page (the page number rides in __VIEWSTATE).
    """
    server = server or FixtureServer(name)
    root = FIXTURES / name
    spec = tomllib.loads((root / "site.toml").read_text(encoding="utf-8"))
    layout = (root / spec["layout"]).read_text(encoding="utf-8") if spec.get("layout") else None
    subs = {"{{BASE}}": server.url, **(subs or {})}

    def render(p: dict, file: str, viewstate: str = "") -> tuple[bytes, str]:
        text = (root / file).read_text(encoding="utf-8")
        encoding = p.get("encoding", "utf-8")
        charset = p.get("charset", encoding)
        declare = p.get("declare", True)
        if layout and p.get("layout", file.endswith(".html")):
            meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />' if declare else ""
            text = (layout.replace("{{MAIN}}", text).replace("{{TITLE}}", p.get("title", spec.get("name", "")))
                    .replace("{{META}}", meta).replace("{{VIEWSTATE}}", viewstate or "/wEPDwUKMTY1NDU2MTA1MmRk"))
        for k, v in subs.items():
            text = text.replace(k, v)
        body = to_cp1258(text) if encoding.lower() in ("windows-1258", "cp1258") else text.encode(encoding)
        ctype = p.get("type") or _type_of(file, charset, declare)
        return body, ctype

    for p in spec.get("page", []):
        body, ctype = render(p, p["file"])
        server.page(p["path"], body, ctype, p.get("status", 200), p.get("headers"), p.get("validators", True))
    for r in spec.get("redirect", []):
        server.route(r["path"], redirect(r["to"], r.get("status", 302)))
    for pb in spec.get("postback", []):
        pages = [render(pb, f, base64.b64encode(f"page={i}".encode()).decode()) for i, f in enumerate(pb["pages"], 1)]
        server.route(pb["path"], _postback(pages, pb["target"]))
    return server


def _postback(pages: list[tuple[bytes, str]], target: str):
    def fn(server, h, hit):
        n = 1
        if hit.method == "POST":
            form = dict(parse_qsl(hit.body.decode("utf-8", "replace"), keep_blank_values=True))
            try:
                n = int(base64.b64decode(form.get("__VIEWSTATE", "")).decode().split("=", 1)[1])
            except (ValueError, IndexError, UnicodeDecodeError):
                return server.respond(h, hit, 500, b"<h1>Invalid viewstate</h1>")
            if form.get("__EVENTTARGET") == target:
                n += 1
            elif form.get("__EVENTTARGET", "").endswith("lnkPrev"):
                n -= 1
        n = max(1, min(n, len(pages)))
        body, ctype = pages[n - 1]
        server.respond(h, hit, 200, body, {"Content-Type": ctype, "Cache-Control": "private"})
    return fn


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode as windows-1258 does: letters with their vowel marks precomposed where the code page has
    them, tone marks as combining characters after them."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
        tones = "".join(c for c in d if c in _TONES)
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def _type_of(file: str, charset: str, declare: bool) -> str:
    if file.endswith((".rss", ".xml", ".atom")):
        base = "application/rss+xml" if file.endswith(".rss") else \
            "application/atom+xml" if file.endswith(".atom") else "application/xml"
    elif file.endswith(".txt"):
        base = "text/plain"
    else:
        base = "text/html"
    return f"{base}; charset={charset}" if declare else base


# -- report fixtures -------------------------------------------------------------------------------

def make_docx(title: str, paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    d.add_heading(title, level=1)
    for p in paragraphs[:1]:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    for p in paragraphs[1:]:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@dataclass
class PdfPage:
    lines: list[tuple[float, float, str]] = field(default_factory=list)   # (x, y, text), y from the bottom
    table: tuple[float, float, list[float], float, list[list[str]]] | None = None  # x0, y_top, col widths, row h, rows
    image_only: bool = False


def make_pdf(pages: list[PdfPage], title: str = "", font_size: float = 9.0) -> bytes:
    """A small valid PDF whose text pdfplumber reads back: a Type0 font with Identity-H codes and a
    ToUnicode map (so Vietnamese letters survive), tables drawn as ruled cells, image-only pages."""
    chars: dict[str, int] = {}

    def enc(s: str) -> str:
        out = []
        for ch in s:
            if ch not in chars:
                chars[ch] = len(chars) + 1
            out.append(f"{chars[ch]:04X}")
        return "<" + "".join(out) + ">"

    def text_op(x, y, s):
        return f"BT /F1 {font_size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm {enc(s)} Tj ET"

    contents = []
    for pg in pages:
        ops = []
        if pg.image_only:
            ops.append("q 500 0 0 700 50 70 cm /Im1 Do Q")
        for x, y, s in pg.lines:
            ops.append(text_op(x, y, s))
        if pg.table:
            x0, top, widths, rh, rows = pg.table
            ops.append("0.5 w")
            for i, row in enumerate(rows):
                y = top - (i + 1) * rh
                x = x0
                for w, cell in zip(widths, row):
                    ops.append(f"{x:.2f} {y:.2f} {w:.2f} {rh:.2f} re S")
                    ops.append(text_op(x + 3, y + rh / 2 - font_size / 3, cell))
                    x += w
        contents.append("\n".join(ops).encode("latin-1"))

    objs: list[bytes] = []

    def add(b: bytes | str) -> int:
        objs.append(b.encode("latin-1") if isinstance(b, str) else b)
        return len(objs)

    def stream(data: bytes, extra: str = "") -> bytes:
        data = zlib.compress(data)
        return f"<< /Length {len(data)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + data + b"\nendstream"

    catalog = add("<< /Type /Catalog /Pages 2 0 R >>")
    pages_obj = add("")  # filled below
    cmap_lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    items = sorted(chars.items(), key=lambda kv: kv[1])  # filled while the contents were built
    for i in range(0, len(items), 100):
        block = items[i:i + 100]
        cmap_lines.append(f"{len(block)} beginbfchar")
        for ch, code in block:
            u = ch.encode("utf-16-be").hex().upper()
            cmap_lines.append(f"<{code:04X}> <{u}>")
        cmap_lines.append("endbfchar")
    cmap_lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    tounicode = add(stream("\n".join(cmap_lines).encode("latin-1")))
    descriptor = add("<< /Type /FontDescriptor /FontName /ArialMT /Flags 32 /FontBBox [-665 -325 2000 1006] "
                     "/ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>")
    cid = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ArialMT /CIDSystemInfo << /Registry (Adobe) "
              f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 520 >>")
    font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /ArialMT /Encoding /Identity-H "
               f"/DescendantFonts [{cid} 0 R] /ToUnicode {tounicode} 0 R >>")
    image = add(stream(b"\x80" * 16,
                       "/Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 "))
    kids = []
    for data in contents:
        c = add(stream(data))
        kids.append(add(f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 595 842] "
                        f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
                        f"/Contents {c} 0 R >>"))
    objs[pages_obj - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                           f"/Count {len(kids)} >>").encode()
    info = add(f"<< /Title <FEFF{title.encode('utf-16-be').hex().upper()}> /Producer (chitieu tests) >>")
    out = pdf_file(objs, f"/Root {catalog} 0 R /Info {info} 0 R")
    return bytes(out)


def pdf_file(objs: list[bytes], trailer: str) -> bytearray:
    """A PDF file of numbered objects (object i is objs[i-1]), its cross-reference table and a trailer
    holding `trailer` (`/Root 1 0 R …`)."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, b in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + b + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
