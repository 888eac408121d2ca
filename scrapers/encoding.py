"""Bytes of a page to NFC text: the declared encoding when it decodes, else UTF-8, else a Vietnamese
legacy code page detected from the bytes (windows-1258 first), NFC-normalized either way.
Bytes that are valid UTF-8 are read as UTF-8 whatever 8-bit encoding the page declares (a page declared
windows-1258 but written in UTF-8 is common, and legacy text is almost never valid UTF-8 by chance).

windows-1258 writes most toned letters as a base letter plus a combining tone mark (0xEC is U+0301,
…), so decoding it gives decomposed text; NFC composes it into the same characters a UTF-8 page
has. A page declared as Latin-1/windows-1252 whose bytes read as Vietnamese in windows-1258 is read
as windows-1258: old Vietnamese sites often declare the wrong one.
"""
from __future__ import annotations

import codecs
import re

from extractors.normalize import nfc
from extractors.legacy_vietnamese import legacy_encoding
from extractors.textdump import mostly_utf8, windows_1258

_META_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_XML_RE = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
_CT_RE = re.compile(r"""charset\s*=\s*["']?([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)

# Combining tone marks as windows-1258 writes them, and letters only Vietnamese uses (ă â ê ô ơ ư đ).
_TONES = set("\u0300\u0301\u0303\u0309\u0323")
_VI_LETTERS = set("ăâêôơưđĂÂÊÔƠƯĐ")
_LATIN_LABELS = {"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso8859-1"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in ("x-user-defined", "unicode"):
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def declared_encoding(raw: bytes, content_type: str | None = None) -> tuple[str | None, str | None]:
    """(from the HTTP header, from the document) — codec names, None when absent or unknown."""
    http = None
    if content_type:
        m = _CT_RE.search(content_type)
        http = _codec(m.group(1)) if m else None
    head = raw[:4096]
    m = _XML_RE.search(head) or _META_RE.search(head)
    return http, _codec(m.group(1).decode("ascii", "replace")) if m else None


def vietnamese_score(text: str) -> float:
    """Share of letters that are Vietnamese-only letters or follow a combining tone mark."""
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return 0.0
    marks = sum(1 for c in text if c in _TONES or c in _VI_LETTERS)
    return marks / letters


def decode(raw: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(NFC text, codec used)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return nfc(raw.decode(codec, errors="replace")), codec.replace("-sig", "")
    http, doc = declared_encoding(raw, content_type)
    for codec in (http, doc):
        if not codec:
            continue
        if not codec.startswith("utf") and any(b >= 0x80 for b in raw):
            # an 8-bit label (windows-1258, Latin-1 …) on bytes that are valid UTF-8 is a wrong label: legacy
            # 8-bit text almost never forms valid UTF-8 sequences by chance
            try:
                return nfc(raw.decode("utf-8")), "utf-8"
            except UnicodeDecodeError:
                if mostly_utf8(raw):
                    return nfc(raw.decode("utf-8", errors="replace")), "utf-8"
        if codec in ("cp1252", "latin_1", "iso8859-1", "ascii"):
            # a Latin label on a Vietnamese page is usually wrong: windows-1258 is tried first
            legacy = _try_1258(raw)
            if legacy is not None:
                return legacy, "cp1258"
        try:
            return nfc(raw.decode(codec)), codec
        except (UnicodeDecodeError, LookupError):
            continue  # a wrong declaration: detect instead
    try:
        return nfc(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if mostly_utf8(raw):  # UTF-8 with a few damaged bytes (a page cut mid-character): not another encoding
        return nfc(raw.decode("utf-8", errors="replace")), "utf-8"
    legacy = _try_1258(raw, threshold=0.02)
    if legacy is not None:
        return legacy, "cp1258"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:200_000]).best()
        if best is not None and best.encoding:
            return nfc(raw.decode(best.encoding, errors="replace")), best.encoding
    except Exception:  # noqa: BLE001 - detection is a best effort; fall through to replacement
        pass
    return nfc(raw.decode("cp1258", errors="replace")), "cp1258"


def legacy_vietnamese(raw: bytes) -> str | None:
    """`TCVN3 (ABC)` or `VNI-Windows` when the bytes are in one of the legacy 8-bit Vietnamese encodings
    (font encodings that need a conversion table: read in any code page they give garbage), else None.
    UTF-8 and windows-1258 bytes are never legacy."""
    if raw.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    try:
        raw.decode("utf-8")
        return None
    except UnicodeDecodeError:
        if mostly_utf8(raw):
            return None
    sample = raw[:1_000_000]
    if windows_1258(sample) is not None:
        return None
    return legacy_encoding(sample)


def _try_1258(raw: bytes, threshold: float = 0.05) -> str | None:
    """The text if the bytes read as Vietnamese in windows-1258 (tone marks, ă ơ ư đ …)."""
    if not any(b >= 0x80 for b in raw):
        return None
    try:
        text = raw.decode("cp1258")
    except UnicodeDecodeError:
        return None
    if vietnamese_score(text) < threshold:
        return None
    return nfc(text)
