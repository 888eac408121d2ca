"""Reader for plain-text dumps of articles: title, dateline, byline, chrome, several articles a file.

A dump is what an archive or a copy-paste of a page leaves: the title on the first line, perhaps a
crawl date and a section name above the real dateline, the body in paragraphs, then site chrome
(`Phản hồi`, `Các tin khác` …). Archives often put several such articles one after another in one
file; each dateline or chrome block ends one article and a new title starts the next.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extractors import legacy_vietnamese
from extractors.corpus import special_kind
from extractors.normalize import UPPER, nfc
from extractors.document import Document, InputError

# Lines that are site furniture, never content.
CHROME = {
    "phản hồi", "các tin khác", "các tin đã đưa ngày:", "các tin đã đưa ngày", "mới nhất",
    "xem nhiều nhất", "thư viện ảnh", "liên kết website", "tin liên quan", "bài viết liên quan",
    "chia sẻ", "in bài", "gửi bài viết", "bình luận", "ý kiến bạn đọc", "tin mới", "tin đọc nhiều",
    "video", "tags", "từ khóa", "từ khoá",
}
# After one of these the rest of the block is chrome (lists of other articles' titles).
FOOTER_START = {"phản hồi", "các tin khác", "các tin đã đưa ngày:", "các tin đã đưa ngày",
                "tin liên quan", "bài viết liên quan"}

_WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ\s+[Nn]hật|Thứ\s+[2-7])"
_DMY = r"(\d{1,2})/(\d{1,2})/(\d{4})"
_TIME = r"(\d{1,2})[:h](\d{2})(?:'|′)?(?:\s*\(GMT\+7\))?"
# `Thứ Năm, 2/12/2021 10:24'(GMT+7)`, `10/01/2022`, `2/12/2021 - 10:24`, ` date 2022-01 `.
DATELINE_RE = re.compile(
    rf"^\s*(?:{_WEEKDAY}\s*,?\s*)?(?:ngày\s+)?{_DMY}(?:\s*[-–|,]?\s*{_TIME})?\s*(?:\(GMT\+7\))?\s*$",
    re.IGNORECASE,
)
TIME_FIRST_RE = re.compile(rf"^\s*{_TIME}\s*[-–|,]?\s*(?:{_WEEKDAY}\s*,?\s*)?{_DMY}\s*$", re.IGNORECASE)
DATE_PREFIX_RE = re.compile(r"^\s*date\s+(\d{4})-(\d{2})(?:-(\d{2}))?\s+", re.IGNORECASE)
# A byline: a short run of capitalized names (`Tuấn Anh`, `Thu Hà - Lê Tuấn`, `Quang Nam`).
_NAME = r"" + UPPER + r"[a-zà-ỹđ]*"
BYLINE_RE = re.compile(rf"^(?:{_NAME}(?:\s+{_NAME}){{0,3}})(?:\s*[-–,]\s*{_NAME}(?:\s+{_NAME}){{0,3}})*$")
CAPTION_RE = re.compile(r"\(?\s*Ảnh\s*:\s*[^.)]+\)?\.?\s*$")


@dataclass
class _Date:
    iso: str
    has_time: bool


def parse_dateline(line: str) -> _Date | None:
    """A Vietnamese dateline (`Thứ Năm, 2/12/2021 10:24'(GMT+7)`, `10/01/2022`) as an ISO date, or None."""
    m = DATELINE_RE.match(line)
    if m:
        d, mo, y, hh, mm = m.groups()
        return _make_date(y, mo, d, hh, mm)
    m = TIME_FIRST_RE.match(line)
    if m:
        hh, mm, d, mo, y = m.groups()
        return _make_date(y, mo, d, hh, mm)
    return None


def _make_date(y, mo, d, hh=None, mm=None) -> _Date | None:
    y, mo, d = int(y), int(mo), int(d)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 < y < 2200):
        return None
    iso = f"{y:04d}-{mo:02d}-{d:02d}"
    if hh is not None:
        iso += f"T{int(hh):02d}:{int(mm):02d}"
    return _Date(iso, hh is not None)


def _is_chrome(line: str) -> bool:
    return line.strip().lower() in CHROME


def _is_byline(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 40 and len(s.split()) <= 7 and bool(BYLINE_RE.match(s))


def _is_title_like(line: str) -> bool:
    s = line.strip()
    return 4 <= len(s.split()) <= 35 and not s.endswith((".", "!", "?", "…", ":", ";")) and not s.isupper()


@dataclass
class _Article:
    lines: list[str]
    dates: list[_Date]


def _split_articles(lines: list[str]) -> list[_Article]:
    """Cut the file's lines into articles at datelines (with the title above them) and chrome blocks."""
    articles: list[_Article] = []
    cur: list[str] = []
    dates: list[_Date] = []
    in_footer = False
    body_started = False  # the current article has a paragraph beyond its header

    filled = 0  # non-empty lines in `cur`, counted as they come (not by re-reading `cur` at every line)

    def flush():
        nonlocal cur, dates, body_started, filled
        if any(l.strip() for l in cur):
            articles.append(_Article(cur, dates))
        cur, dates, body_started, filled = [], [], False, 0

    last_nonempty = ""
    for line in lines:
        s = line.strip()
        if s and body_started and _is_byline(last_nonempty) and _is_title_like(s) \
                and not parse_dateline(s) and not DATE_PREFIX_RE.match(line):
            # `… body. / Thu Hà - Lê Tuấn / Next article's title`: a byline closes an article.
            flush()
        if s:
            last_nonempty = s
        prefix = DATE_PREFIX_RE.match(line)
        dl = parse_dateline(s) if s else None
        if in_footer:
            if not s or _is_chrome(s):
                continue
            # First real line after a footer: a new article starts (its title), unless it is a
            # list of other articles' titles, which we cannot tell apart; a dateline-led article
            # is the common case, handled below.
            in_footer = False
            flush()
        if s.lower() in FOOTER_START:
            in_footer = True
            continue
        if prefix:
            if body_started:
                flush()
            y, mo, d = prefix.groups()
            dates.append(_Date(f"{y}-{mo}" + (f"-{d}" if d else ""), False))
            line = line[prefix.end():]
            s = line.strip()
        elif dl:
            if body_started:
                # A dateline after body text starts a new article; its title is the last
                # non-empty line(s) we have put in the current one.
                title_lines = []
                while cur and (not cur[-1].strip() or (not title_lines and parse_dateline(cur[-1].strip()) is None)):
                    l = cur.pop()
                    if l.strip():
                        title_lines.insert(0, l)
                        break
                flush()
                cur.extend(title_lines)
                filled = len(title_lines)
            dates.append(dl)
            continue
        if s:
            cur.append(line)
            filled += 1
            if filled >= 2:
                body_started = True
        else:
            cur.append(line)
    flush()
    return articles


def _clean(article: _Article) -> tuple[str | None, str | None, list[str]]:
    """Title, author, and content paragraphs of one article, chrome and repeated captions dropped."""
    paras = [nfc(l.strip()) for l in article.lines if l.strip() and not _is_chrome(l)]
    # A short section name left above the real dateline (`Vĩnh Phúc`) is not the title.
    while len(paras) > 1 and len(paras[0].split()) <= 3 and not paras[0].endswith((".", ":")) and \
            len(paras[1].split()) > 3:
        paras.pop(0)
    deduped: list[str] = []
    for p in paras:
        if deduped and p == deduped[-1]:
            continue  # a photo caption repeated by the page's lightbox
        deduped.append(p)
    author = None
    if len(deduped) > 2 and _is_byline(deduped[-1]):
        author = deduped.pop()
    title = deduped.pop(0) if deduped else None
    return title, author, deduped


def read_dump_text(text: str, stem: str, source: str) -> list[Document]:
    """Parse the text of a dump into one Document per article (ids `stem`, `stem-2`, …)."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    docs = []
    for article in _split_articles(text.split("\n")):
        title, author, paras = _clean(article)
        if not title and not paras:
            continue
        body = "\n\n".join(([title] if title else []) + paras)
        pick = next((d for d in article.dates if d.has_time), None) or \
            (article.dates[-1] if article.dates else None)
        n = len(docs) + 1
        docs.append(Document(
            id=stem if n == 1 else f"{stem}-{n}", source=source, text=body, title=title,
            published=pick.iso if pick else None, author=author,
        ))
    return docs


MAX_DUMP_MB = 32  # a text dump larger than this many MiB is refused, not read into memory (the docs say the same)
MAX_DUMP_BYTES = MAX_DUMP_MB * 1024 * 1024


def _size_words(n: int) -> str:
    """Bytes in MB as the docs count them (MiB): `32 MB`, `100.5 MB`."""
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def read_dump(path: str | Path, max_bytes: int = MAX_DUMP_BYTES, regular_only: bool = False,
              follow_symlinks: bool = True) -> list[Document]:
    """Read a dump file. Raises InputError naming the file when it is empty, binary, too large, in a
    legacy Vietnamese encoding that cannot be converted, or not text. With `regular_only` (a corpus
    file) anything but a regular file is refused without blocking on it (a FIFO, a device), and with
    `follow_symlinks` False so is a symbolic link, even one put there after the folder was listed."""
    path = Path(path)
    flags = os.O_RDONLY | (os.O_NONBLOCK if regular_only else 0) | (0 if follow_symlinks else os.O_NOFOLLOW)
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP and not follow_symlinks:
            raise InputError(f"{path}: a symbolic link, not a regular file: not read") from e
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    try:
        st = os.fstat(fd)
        if regular_only and not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: {special_kind(st.st_mode)}, not a regular file: not read")
        if st.st_size > max_bytes:
            raise InputError(f"{path}: too large ({_size_words(st.st_size)} > {_size_words(max_bytes)}); "
                             f"split it into smaller files")
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # grew while we read it, or a device with no size
        raise InputError(f"{path}: too large (> {_size_words(max_bytes)}); split it into smaller files")
    return read_dump_bytes(raw, stem=path.stem, source=str(path))


def _viet_letters() -> frozenset[str]:
    out = set("đĐ")
    for base in "aăâeêioôơuưy":
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            c = unicodedata.normalize("NFC", base + tone)
            out.update((c, c.upper()))
    return frozenset(out)


VIET_LETTERS = _viet_letters()


def windows_1258(raw: bytes) -> str | None:
    """windows-1258 text (Vietnamese with combining tone marks), NFC-normalized, or None when the
    decoded text has letters Vietnamese does not use (`ö`, `ñ`, `Ø`: another encoding)."""
    try:
        text = nfc(raw.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 0x7F and not c.isspace()]
    if not non_ascii:
        return text
    # only letters count: a `©` or `®` in a footer is no sign of another encoding
    foreign = sum(1 for c in non_ascii if c.isalpha() and c not in VIET_LETTERS)
    return text if foreign <= 0.01 * len(non_ascii) else None


def mostly_utf8(raw: bytes) -> bool:
    """True when bytes that are not valid UTF-8 are still UTF-8 text with a few damaged bytes (a file cut
    off mid-character, a corrupted byte) rather than text in another encoding: nearly all of their
    non-ASCII characters decode. Legacy 8-bit text almost never forms valid UTF-8 sequences."""
    text = raw[:1_000_000].decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if c > "\x7f") - bad
    return good >= 3 and bad <= max(1, good // 20)


_UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
                 (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"))
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _reads_as_text(text: str) -> bool:
    """Whether text decoded from UTF-16 or UTF-32 is text of a Latin script, as Vietnamese is, rather than
    binary bytes that happen to start with a byte-order mark: no control characters, and most letters
    Latin (ASCII, Latin-1, Latin Extended, Vietnamese's Latin Extended Additional)."""
    if _CONTROLS.search(text):
        return False
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c <= "\u024f" or "\u1e00" <= c <= "\u1eff")
    return bool(letters) and latin >= 0.5 * len(letters)


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text written without a byte-order mark, or None: its ASCII characters leave a NUL byte in
    every other position (the odd ones little-endian, the even ones big-endian) and never in the others."""
    if len(raw) % 2:
        return None
    for codec, zeros, other in (("utf-16-le", raw[1::2], raw[0::2]), ("utf-16-be", raw[0::2], raw[1::2])):
        if b"\x00" not in other and zeros.count(0) >= 0.3 * len(zeros):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _reads_as_text(text) else None
    return None


def decode_text(raw: bytes, name: str) -> str:
    """Decode bytes that should be text, with a clear error naming the input otherwise.

    UTF-8 (with or without BOM) is read as it is, and UTF-16 and UTF-32 with a BOM (UTF-16 without one when
    its NUL bytes say so); windows-1258 is recognized and converted; TCVN3 and VNI-Windows are converted
    with their tables (`extractors.legacy_vietnamese`), as bytes or as the mojibake they become once read
    as windows-1252 and saved as UTF-8 (`T¨ng tr­ëng`), or refused by name when they do not convert
    cleanly."""
    for bom, codec, label in _UNICODE_BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: damaged {label} text (invalid bytes at offset {e.start + len(bom)})") from e
            if not text.strip():
                raise InputError(f"{name}: empty file")
            if not _reads_as_text(text):
                raise InputError(f"{name}: binary file: it starts with a {label} byte-order mark but does not "
                                 f"read as text")
            return text
    if not raw.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in raw[:8192]:
        text = _utf16_without_bom(raw)
        if text is not None and text.strip():
            return text
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        if e.end == len(raw) and e.reason == "unexpected end of data":
            raise InputError(f"{name}: truncated: the file ends in the middle of a UTF-8 character") from e
        if mostly_utf8(raw):
            raise InputError(f"{name}: damaged UTF-8 text (invalid byte at offset {e.start})") from e
        text = windows_1258(raw)
        converted = legacy_vietnamese.convert(raw)
        if converted and (text is None or legacy_vietnamese.syllable_share(converted[0][:200_000]) >
                          legacy_vietnamese.syllable_share(text[:200_000])):
            return converted[0]  # `B¶o Th¾ng` has no letter foreign to windows-1258, but reads right as TCVN3
        if text is not None:
            return text
        legacy = legacy_vietnamese.legacy_encoding(raw[:1_000_000])
        if legacy:
            raise InputError(f"{name}: legacy Vietnamese encoding ({legacy}), not Unicode, and it does not "
                             f"convert cleanly; convert it to UTF-8 first (for example with UniKey's "
                             f"converter)") from e
        raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from e
    repaired = legacy_vietnamese.repair_mojibake(text)
    return repaired[0] if repaired else text


def read_dump_bytes(raw: bytes, stem: str, source: str) -> list[Document]:
    text = decode_text(raw, source)
    docs = read_dump_text(text, stem=stem, source=source)
    if not docs:
        raise InputError(f"{source}: no article text found")
    return docs

