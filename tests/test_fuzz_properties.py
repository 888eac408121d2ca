"""Property tests (hypothesis) for the readers that take untrusted bytes: the text-dump reader, the number
reader, the page decoder and the HTML reader. They add what tests/test_properties.py (the finder's round
trips and no-crash tests) does not cover: any bytes into the dump reader, long digit runs before scale
words, the number reader on its own, and offsets of whole extracted documents.

CHITIEU_HYPOTHESIS_SCALE=20 runs twenty times as many examples. The atheris harness
(tests/fuzz_harness.py, `make fuzz`) drives the same readers with coverage guidance for a set time.
"""
from __future__ import annotations

import math
import os
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.mentions import find
from extractors.numbers import NotANumber, parse_digits, read_number_text, read_ordinal, read_roman
from extractors.textdump import decode_text, read_dump, read_dump_bytes
from extractors.document import InputError
from extractors.extract import extract_document

SCALE = int(os.environ.get("CHITIEU_HYPOTHESIS_SCALE", "1"))
FAST = settings(max_examples=150 * SCALE, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
NAME = "archive/bài-viết 01.txt"  # a name with spaces and diacritics: errors must still carry it whole
ISO = re.compile(r"^\d{4}-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?$")

# Lines a dump is made of: titles, datelines, body sentences with figures, chrome, bylines, captions.
LINES = [
    "Vĩnh Phúc: Tăng trưởng kinh tế năm 2021 đạt 9,54%", "Thứ Năm, 2/12/2021 10:24'(GMT+7)", "10/01/2022",
    "2/12/2021 - 10:24", "date 2022-01 ", "date 2022-01-15 Tin mới", "Kinh tế", "Phản hồi", "Các tin khác",
    "Tin liên quan", "Chia sẻ", "Tuấn Anh", "Thu Hà - Lê Tuấn", "(Ảnh: Quang Nam)",
    "Năm 2021, tổng thu ngân sách nhà nước trên địa bàn đạt 16.916 tỷ đồng, vượt dự toán, tăng 12,5%.",
    "Toàn tỉnh có 171/182 xã đạt chuẩn nông thôn mới; tỷ lệ hộ nghèo giảm còn 1,05%.",
    "Giải ngân vốn đầu tư công đạt 87,6% kế hoạch, từ 6,5 đến 7 nghìn tỷ đồng.", "", "   ", "\t",
    "HÀ NỘI", "Ngày 32/13/2021", "99/99/9999 99:99", "31/12/2199",
]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1258", "utf-16", "latin-1", "nfd", "crlf", "cut"]


def _encode(text: str, how: str) -> bytes:
    if how == "nfd":
        return unicodedata.normalize("NFD", text).encode()
    if how == "crlf":
        return text.replace("\n", "\r\n").encode()
    if how == "cut":
        raw = text.encode()
        return raw[: max(0, len(raw) - 1)]
    return text.encode(how, errors="replace")


def _check_docs(docs, source: str) -> None:
    """What every document the dump reader returns must satisfy."""
    assert docs, "read_dump_bytes returns documents or raises InputError"
    ids = [d.id for d in docs]
    assert len(set(ids)) == len(ids)
    for d in docs:
        assert d.source == source
        assert d.text.strip() and unicodedata.is_normalized("NFC", d.text)
        assert "\r" not in d.text and "\ufeff" not in d.text
        if d.title:
            assert d.text.startswith(d.title)
        assert d.published is None or ISO.match(d.published), d.published


def _read_or_error(raw: bytes):
    try:
        return read_dump_bytes(raw, stem="bai-viet", source=NAME)
    except InputError as e:
        assert NAME in str(e), str(e)
        return None


@FAST
@given(st.binary(max_size=3000))
@example(b"")
@example(b"\x00" * 10)
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe" + "Tiêu đề".encode("utf-16-le"))
@example("T\xa8ng tr\xadëng kinh t\xd5 cña tØnh VÜnh Phóc ®¹t".encode("latin-1"))
@example("Taêng tröôûng kinh teá cuûa tænh Vónh Phuùc ñaït".encode("latin-1"))
@example("Tiêu đề".encode()[:-1])
def test_dump_reader_on_any_bytes(raw):
    """Any bytes: documents that hold together, or an InputError naming the input — never another exception."""
    docs = _read_or_error(raw)
    if docs is not None:
        _check_docs(docs, NAME)


@FAST
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=60), max_size=30), st.sampled_from(ENCODINGS))
def test_dump_reader_on_dump_shaped_text(lines, how):
    """Text shaped like real dumps (titles, datelines, chrome, bylines) in the encodings archives hold."""
    docs = _read_or_error(_encode("\n".join(lines), how))
    if docs is not None:
        _check_docs(docs, NAME)


@FAST
@given(st.lists(st.sampled_from(LINES[:17]), min_size=2, max_size=12))
def test_nfd_and_nfc_dumps_read_the_same(lines):
    text = "\n".join(lines)
    a = _read_or_error(unicodedata.normalize("NFD", text).encode())
    b = _read_or_error(text.encode())
    assert (a is None) == (b is None)
    if a:
        assert [(d.id, d.text, d.title, d.published, d.sha256) for d in a] == \
            [(d.id, d.text, d.title, d.published, d.sha256) for d in b]


@settings(max_examples=40 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=20), st.sampled_from(["utf-8", "nfd", "cp1258"]))
def test_offsets_of_extracted_dumps_point_into_the_text(lines, how):
    """Through extraction: every sentence, mention and skipped number points at its own text."""
    docs = _read_or_error(_encode("\n".join(lines), how))
    for d in docs or []:
        ex = extract_document(d)
        for s in ex.sentences:
            assert 0 <= s.start <= s.end <= len(d.text) and d.text[s.start:s.end] == s.text
        for m in ex.mentions:
            assert 0 <= m.start < m.end <= len(d.text) and d.text[m.start:m.end] == m.text
            for v in (m.value, m.low, m.high, m.denominator):
                assert v is None or math.isfinite(v)
        for k in ex.skipped:
            assert 0 <= k.start < k.end <= len(d.text) and d.text[k.start:k.end] == k.text


@FAST
@given(st.binary(max_size=2000))
def test_decode_text_names_the_input_or_returns_text(raw):
    try:
        text = decode_text(raw, NAME)
    except InputError as e:
        assert NAME in str(e)
        return
    assert isinstance(text, str) and text and "\x00" not in text[:8192]


def test_dump_file_errors_name_the_path(tmp_path):
    for name, raw in [("rỗng.txt", b""), ("nhị phân.bin", b"\x00\x01\x02"), ("cut.txt", "Tiêu đề".encode()[:-1])]:
        p = tmp_path / name
        p.write_bytes(raw)
        with pytest.raises(InputError) as e:
            read_dump(p)
        assert str(p) in str(e.value)
    with pytest.raises(InputError) as e:
        read_dump(tmp_path / "không có.txt")
    assert "không có.txt" in str(e.value) and "cannot read" in str(e.value)
    with pytest.raises(InputError) as e:
        read_dump(tmp_path)  # a folder
    assert str(tmp_path) in str(e.value)


# --- the number reader on its own ------------------------------------------------------------------
NUMBER_PARTS = ["0", "1", "07", "9,54", "1.009.589", "1,234.5", ",77", ".", ",", "-", "âm", "trừ", "một", "hai",
                "mươi", "mốt", "lăm", "trăm", "linh", "nghìn", "triệu", "tỷ", "tỉ", "rưỡi", "chục", "vạn", "k", "M",
                "100K", "thứ", "nhất", "hạng", "XIII", "IV", "MMMM", "đầu tiên", " ", "  "]


@FAST
@given(st.text(alphabet="0123456789.,", max_size=300))
@example("0" * 300)
@example("9" * 300)
def test_parse_digits_is_finite_or_refuses(s):
    try:
        v, d = parse_digits(s)
    except NotANumber:
        return
    assert math.isfinite(v) and v >= 0 and d >= 0


@FAST
@given(st.lists(st.sampled_from(NUMBER_PARTS) | st.text(max_size=8), max_size=12).map(" ".join))
def test_number_words_and_ordinals_do_not_crash(s):
    v = read_number_text(s)
    assert v is None or math.isfinite(v)
    r = read_ordinal(s)
    assert r is None or (isinstance(r, int) and r >= 0)
    assert read_roman(s) is None or isinstance(read_roman(s), int)


def _finder_values_finite(text: str, **kw) -> None:
    ms, skipped = find(text, **kw)
    for m in ms:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text
        for v in (m.value, m.low, m.high, m.denominator):
            assert v is None or math.isfinite(v), (m.kind, m.text[:40], v)
    for k in skipped:
        assert 0 <= k.start < k.end <= len(text) and text[k.start:k.end] == k.text


@FAST
@given(st.integers(min_value=290, max_value=330), st.sampled_from(["tỷ đồng", "nghìn tỷ đồng", "triệu USD", "%"]),
       st.sampled_from(["từ 1 đến {n} {u}", "đạt {n} {u}", "khoảng {n}-{n} {u}", "tăng {n} lần"]))
@example(305, "tỷ đồng", "từ 1 đến {n} {u}")
def test_long_digit_runs_before_scale_words_stay_finite(digits, unit, pattern):
    _finder_values_finite("Năm 2021, " + pattern.format(n="9" * digits, u=unit) + ".")


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Z", "M", "S"]), max_size=200))
def test_finder_on_any_text_with_bare_numbers(text):
    """test_properties.py runs random unicode without bare numbers; the second pass gets it here, and
    decomposed (NFD) text, which the readers never hand over but a caller might."""
    _finder_values_finite(text, bare_numbers=True)
    _finder_values_finite(unicodedata.normalize("NFD", text), bare_numbers=True)


# --- the page decoder and the HTML reader ----------------------------------------------------------
@FAST
@given(st.binary(max_size=2000), st.sampled_from([None, "text/html", "text/html; charset=utf-8",
                                                 "text/html; charset=windows-1258", "text/html; charset=x-bogus",
                                                 "text/html; charset=utf-16", "text/html; charset=iso-8859-1"]))
def test_page_decoder_on_any_bytes(raw, content_type):
    from scrapers.encoding import decode

    text, codec = decode(raw, content_type)
    assert isinstance(text, str) and codec and unicodedata.is_normalized("NFC", text)


@given(st.sampled_from(["utf-8", "windows-1258"]), st.sampled_from(["utf-8", "windows-1258", None]),
       st.lists(st.sampled_from(LINES[14:17] + LINES[:1]), min_size=1, max_size=4))
@settings(max_examples=60 * SCALE, deadline=None)
def test_wrongly_declared_pages_read_right(actual, declared, lines):
    """A page in UTF-8 declared windows-1258 and the other way round both read as the same text."""
    from scrapers.encoding import decode
    from sitefixtures import to_cp1258

    text = "<html><body>" + "".join(f"<p>{l}</p>" for l in lines) + "</body></html>"
    raw = text.encode() if actual == "utf-8" else to_cp1258(text)
    got, _ = decode(raw, f"text/html; charset={declared}" if declared else "text/html")
    assert got == unicodedata.normalize("NFC", text)


TAGS = ["<div>", "</div>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "</table>", "<h1>", "</h1>", "<br>",
        "<script>", "</script>", "<style>", "</style>", "<!--", "-->", "<![CDATA[", "]]>", "<a href='/x'>", "</a>",
        "<meta charset='utf-8'>", "<title>", "</title>", "<article>", "</article>", "<", ">", "&amp;", "&#0;",
        "&#x110000;", "&bogus;", "\x00", "<svg><foreignObject>", "<math>", "<template>", "<noscript>", "<form>",
        "<body onload=x>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<html>", "</html>"]


@settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TAGS) | st.sampled_from(LINES[14:17]) | st.text(max_size=20), max_size=60))
def test_html_reader_on_malformed_markup(parts):
    """Malformed markup: an Article, None, or PageError naming the URL — nothing else escapes."""
    from scrapers.article import PageError, extract_article
    from scrapers.profiles import load_profile

    url = "http://127.0.0.1:1/tin/bai-viet.html"
    try:
        art = extract_article("".join(parts), url, load_profile("generic"))
    except PageError as e:
        assert url in str(e)
        return
    if art is not None:
        assert unicodedata.is_normalized("NFC", art.text) and art.body in art.text
