"""Reader for plain-text dumps of articles: title, dateline, byline, chrome, several articles a file.

A dump is what an archive or a copy-paste of a page leaves: the title on the first line, perhaps a
crawl date and a section name above the real dateline, the body in paragraphs, then site chrome
(`Phản hồi`, `Các tin khác` …). Archives often put several such articles one after another in one
file; each dateline or chrome block ends one article and a new title starts the next.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from extractors.normalize import nfc
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
_NAME = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ]*"
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


def corpus_files(corpus: Path) -> list[Path]:
    """The dump files of a corpus folder, sorted: `.txt`, `.text`, `.md`, and files without a suffix."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".text", ".md")
                  or (p.is_file() and p.suffix == "" and not p.name.startswith(".")))


MAX_DUMP_BYTES = 32 * 1024 * 1024  # a text dump larger than this is refused, not read into memory


def read_dump(path: str | Path, max_bytes: int = MAX_DUMP_BYTES) -> list[Document]:
    """Read a dump file. Raises InputError naming the file when it is empty, binary, too large, in a
    legacy Vietnamese encoding, or not UTF-8."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: too large ({size / 1e6:.0f} MB > {max_bytes / 1e6:.0f} MB); "
                             f"split it into smaller files")
        with path.open("rb") as f:
            raw = f.read(max_bytes + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    if len(raw) > max_bytes:  # grew while we read it
        raise InputError(f"{path}: too large (> {max_bytes / 1e6:.0f} MB)")
    return read_dump_bytes(raw, stem=path.stem, source=str(path))


# Legacy 8-bit Vietnamese encodings that old archives hold. TCVN3 (ABC) puts the lower-case letters
# with diacritics in 0xA8-0xFE (đ = 0xAE, ư = 0xAD, ơ = 0xAC, ô = 0xAB, ê = 0xAA, â = 0xA9, ă = 0xA8);
# VNI-Windows writes a base letter followed by a mark byte (đ = 0xF1 `ñ`, ê = e + 0xE2 …).
_TCVN3_BYTES = set(range(0xA8, 0xAF)) | set(range(0xB5, 0xBA)) | set(range(0xBB, 0xFF))
_TCVN3_CORE = set(range(0xA8, 0xAF)) | set(range(0xB5, 0xBA))


def legacy_encoding(raw: bytes) -> str | None:
    """`TCVN3 (ABC)` or `VNI-Windows` when the bytes look like one of them, else None."""
    high = [b for b in raw if b >= 0x80]
    if len(high) < 5:
        return None
    # VNI's mark bytes follow the vowel they mark; TCVN3's letters stand in for the vowel itself
    after_vowel = sum(1 for i, b in enumerate(raw) if b >= 0x80 and i and
                      (raw[i - 1] in b"aeiouyAEIOUY" or raw[i - 1] >= 0x80))
    if after_vowel >= 0.45 * len(high):
        return "VNI-Windows"
    core = sum(1 for b in high if b in _TCVN3_CORE)  # ă â ê ô ơ ư đ and the a-row tones
    if sum(1 for b in high if b in _TCVN3_BYTES) >= 0.8 * len(high) and core >= 0.2 * len(high):
        return "TCVN3 (ABC)"
    return None


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


def decode_text(raw: bytes, name: str) -> str:
    """Decode bytes that should be text, with a clear error naming the input otherwise.

    UTF-8 (with or without BOM) is read as it is; windows-1258 is recognized and converted; TCVN3 and
    VNI-Windows, which need a conversion table, are refused with a message that says so."""
    if not raw.strip():
        raise InputError(f"{name}: empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.end == len(raw) and e.reason == "unexpected end of data":
            raise InputError(f"{name}: truncated: the file ends in the middle of a UTF-8 character") from e
        if mostly_utf8(raw):
            raise InputError(f"{name}: damaged UTF-8 text (invalid byte at offset {e.start})") from e
        text = windows_1258(raw)
        if text is not None:
            return text
        legacy = legacy_encoding(raw)
        if legacy:
            raise InputError(f"{name}: legacy Vietnamese encoding ({legacy}), not Unicode; convert it to "
                             f"UTF-8 first (for example with UniKey's converter)") from e
        raise InputError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from e


def read_dump_bytes(raw: bytes, stem: str, source: str) -> list[Document]:
    text = decode_text(raw, source)
    docs = read_dump_text(text, stem=stem, source=source)
    if not docs:
        raise InputError(f"{source}: no article text found")
    return docs

