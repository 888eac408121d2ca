"""Hostile and odd text inputs to the dump reader and the pipeline: each gets a clear error naming it,
or is read right; the run goes on and nothing stored is lost."""
import sqlite3
import unicodedata

import pytest

from extractors.textdump import MAX_DUMP_BYTES, MAX_DUMP_MB, decode_text, read_dump, read_dump_bytes
from extractors.document import InputError
from pipeline.orchestration.run import run_corpus

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
TEXT = "Tiêu đề bài viết\n\nTăng trưởng kinh tế của tỉnh Vĩnh Phúc đạt 9,54%, thu ngân sách đạt 32.398 tỷ đồng."


def cp1258_bytes(text: str) -> bytes:
    """windows-1258 as Vietnamese Windows writes it: base letters precomposed, tone marks combining."""
    out = []
    for c in text:
        d = unicodedata.normalize("NFD", c)
        rest = unicodedata.normalize("NFC", "".join(m for m in d if m not in TONES))
        out.append(rest + "".join(m for m in d if m in TONES))
    return "".join(out).encode("cp1258")


def test_windows_1258_read_right_and_normalized():
    assert decode_text(cp1258_bytes(TEXT), "old.txt") == TEXT
    (doc,) = read_dump_bytes(cp1258_bytes(TEXT), stem="old", source="old.txt")
    assert "9,54%" in doc.text and unicodedata.is_normalized("NFC", doc.text)


TCVN3_BYTES = "T\xa8ng tr\xadëng kinh t\xd5 cña tØnh VÜnh Phóc ®¹t 9,54%, thu ng©n s¸ch ®¹t 32.398 tû ®ång"
VNI_BYTES = "Taêng tröôûng kinh teá cuûa tænh Vónh Phuùc ñaït 9,54%, thu ngaân saùch ñaït 32.398 tyû ñoàng"
LEGACY_UNICODE = "Tăng trưởng kinh tế của tỉnh Vĩnh Phúc đạt 9,54%, thu ngân sách đạt 32.398 tỷ đồng"


@pytest.mark.parametrize("raw,form", [
    (TCVN3_BYTES.encode("latin-1"), "TCVN3 bytes"),
    (VNI_BYTES.encode("latin-1"), "VNI bytes"),
    (TCVN3_BYTES.encode("utf-8"), "TCVN3 read as windows-1252, saved as UTF-8"),
    (VNI_BYTES.encode("utf-8"), "VNI read as windows-1252, saved as UTF-8"),
    (("\ufeff" + TCVN3_BYTES).encode("utf-8"), "TCVN3 mojibake with a UTF-8 BOM"),
])
def test_legacy_vietnamese_in_every_form_is_converted_to_unicode(raw, form):
    assert decode_text(raw, "archive/1998.txt").lstrip("\ufeff") == LEGACY_UNICODE, form


@pytest.mark.parametrize("legacy,unicode_text", [
    # pairs written by other converters' documentation and by hand, not made with chitieu's table
    ("B¶o Th¾ng, M\xadêng Kh\xad¬ng, B¸t X¸t", "Bảo Thắng, Mường Khương, Bát Xát"),
    ("ViÖt Nam, Hµ Néi, Thµnh phè Hå ChÝ Minh", "Việt Nam, Hà Nội, Thành phố Hồ Chí Minh"),
    ("T¡NG TR¦ëNG KINH TÕ, THµNH PHè Hå CHÝ MINH", "TĂNG TRƯỞNG KINH TẾ, THÀNH PHỐ HỒ CHÍ MINH"),  # .VnTimeH
    ("Xin chaøo caùc baïn, Vieät Nam, Haø Noäi, Thaønh phoá Hoà Chí Minh",
     "Xin chào các bạn, Việt Nam, Hà Nội, Thành phố Hồ Chí Minh"),
    ("Ñaø Naüng, Bình Döông, Kieân Giang, Ñoàng Thaùp, nguoàn löïc, ngaân saùch",
     "Đà Nẵng, Bình Dương, Kiên Giang, Đồng Tháp, nguồn lực, ngân sách"),
])
def test_known_legacy_words_convert(legacy, unicode_text):
    from extractors.legacy_vietnamese import repair_mojibake

    assert decode_text(legacy.encode("cp1252"), "x.txt") == unicode_text  # the bytes
    assert repair_mojibake(legacy)[0] == unicode_text  # the mojibake


def test_legacy_bytes_that_do_not_convert_cleanly_are_refused_with_their_encoding():
    junk = b"zz\xa8zz \xb5\xb8zz " * 30  # TCVN3's letters, but no Vietnamese syllable
    with pytest.raises(InputError) as e:
        decode_text(junk, "archive/1998.txt")
    assert "archive/1998.txt" in str(e.value) and "TCVN3" in str(e.value) and "UTF-8" in str(e.value)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_read_not_called_binary(codec):
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(codec, "")
    raw = (bom + TEXT).encode(codec)
    assert decode_text(raw, "u16.txt") == TEXT
    (doc,) = read_dump_bytes(raw, stem="u16", source="u16.txt")
    assert doc.title == "Tiêu đề bài viết" and "9,54%" in doc.text


def test_utf16_without_a_bom_is_read_and_damaged_utf16_is_named():
    assert decode_text(TEXT.encode("utf-16-le"), "le.txt") == TEXT
    assert decode_text(TEXT.encode("utf-16-be"), "be.txt") == TEXT
    with pytest.raises(InputError, match="anh.png: binary file"):  # binary bytes that start like a BOM
        decode_text(b"\xff\xfe\x00\x01binary", "anh.png")
    with pytest.raises(InputError, match="hong.txt: damaged UTF-16"):
        decode_text(b"\xff\xfe" + TEXT.encode("utf-16-le")[:20] + b"\x00\xd8\x41\x00", "hong.txt")


def test_mixed_nfc_nfd_text_reads_the_same():
    mixed = unicodedata.normalize("NFD", TEXT[:40]) + TEXT[40:]
    a = read_dump_bytes(mixed.encode(), stem="a", source="a")[0]
    b = read_dump_bytes(TEXT.encode(), stem="b", source="b")[0]
    assert a.text == b.text and a.sha256 == b.sha256


def test_bom_and_crlf():
    (doc,) = read_dump_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode(), stem="w", source="w")
    assert doc.title == "Tiêu đề bài viết" and "\r" not in doc.text


def test_truncated_utf8_named():
    raw = TEXT.encode()[:-3] + "đ".encode()[:1]
    with pytest.raises(InputError) as e:
        decode_text(raw, "cut.txt")
    assert "cut.txt" in str(e.value)


def test_too_large_file_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.seek(100 * 1024 * 1024)
        f.write(b"x")
    with pytest.raises(InputError) as e:
        read_dump(big)
    assert "huge.txt" in str(e.value) and "too large" in str(e.value)
    assert f"100 MB > {MAX_DUMP_MB} MB" in str(e.value)


def test_the_size_cap_message_and_the_docs_state_the_same_limit():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    assert MAX_DUMP_BYTES == MAX_DUMP_MB * 1024 * 1024
    assert f"too large (over {MAX_DUMP_MB} MB)" in (root / "README.md").read_text(encoding="utf-8")
    assert f"files larger than\n  {MAX_DUMP_MB} MB are refused" in (root / "SECURITY.md").read_text(encoding="utf-8")


def test_run_records_every_bad_input_and_keeps_what_was_stored(corpus_copy, tmp_path):
    db = tmp_path / "c.db"
    run_corpus(corpus_copy, db, quiet=True, executor="inline")
    before = sqlite3.connect(db).execute("select count(*) from mentions").fetchone()[0]
    (corpus_copy / "tcvn3.txt").write_bytes(b"zz\xa8zz \xb5\xb8zz " * 30)  # TCVN3 that does not convert
    (corpus_copy / "nul.txt").write_bytes(b"abc\x00def")
    (corpus_copy / "old1258.txt").write_bytes(cp1258_bytes(TEXT))
    assert run_corpus(corpus_copy, db, quiet=True, executor="inline") == 0
    c = sqlite3.connect(db)
    assert c.execute("select count(*) from mentions where doc != 'old1258'").fetchone()[0] == before
    assert c.execute("select count(*) from mentions where doc = 'old1258'").fetchone()[0] == 2
    errs = dict(c.execute("select input, error from run_errors where run = 2").fetchall())
    assert any(k.endswith("tcvn3.txt") and "TCVN3" in v for k, v in errs.items())
    assert any(k.endswith("nul.txt") and "binary" in v for k, v in errs.items())
    assert c.execute("pragma integrity_check").fetchone() == ("ok",)


# -- legacy encodings: round trips over real text, and no false positives -----------------------------------
ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def _unicode_texts() -> list[tuple[str, str]]:
    """(name, text) of every real Unicode Vietnamese text at hand: the corpus, the shared seeds, and the
    development gold sets (the held-out real passages are not read)."""
    import json

    out = [(str(p), p.read_text(encoding="utf-8")) for folder in (ROOT / "corpus", SHARED_SEEDS) if folder.is_dir()
           for p in sorted(folder.glob("*.txt"))]
    for p in sorted((ROOT / "tests" / "gold").glob("*.jsonl")):
        if p.name.startswith("real_heldout"):
            continue
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("text") or r.get("context"):
                out.append((f"{p.name}#{r.get('doc')}", r.get("text") or r.get("context")))
    return out


def _legacy_bytes(text: str, encoding: str) -> bytes:
    """`text` written in a legacy encoding by inverting chitieu's table (characters neither the table nor
    ASCII holds become spaces; TCVN3, which has no capitals with tones, gets lower case)."""
    from extractors.legacy_vietnamese import TCVN3, tables

    inverse = {letter: code for code, letter in tables()[encoding].items()}
    if encoding == TCVN3:
        text = text.lower()
    return b"".join(inverse.get(c) or (c.encode() if c.isascii() else b" ") for c in unicodedata.normalize("NFC", text))


def test_real_vietnamese_round_trips_through_tcvn3_and_vni_as_bytes_and_as_mojibake():
    from extractors.legacy_vietnamese import TCVN3, VNI, tables

    assert len(tables()[TCVN3]) == 67 + 7  # every lower-case letter, and Ă Â Đ Ê Ô Ơ Ư
    assert len(set(tables()[VNI].values())) == 2 * 67  # every letter, both cases
    texts = [t for _, t in _unicode_texts() if len(t) > 2000][:8]
    assert len(texts) >= 5
    for text in texts:
        for encoding in (TCVN3, VNI):
            raw = _legacy_bytes(text, encoding)
            expected = "".join(c if c.isascii() or c in set(tables()[encoding].values()) else " "
                               for c in unicodedata.normalize("NFC", text.lower() if encoding == TCVN3 else text))
            assert decode_text(raw, "x.txt") == expected, encoding
            assert decode_text(raw.decode("cp1252", errors="strict").encode("utf-8"), "x.txt") == expected


def test_unicode_vietnamese_is_never_converted():
    from extractors.legacy_vietnamese import repair_mojibake

    texts = _unicode_texts()
    assert len(texts) > 100
    for name, text in texts:
        assert decode_text(text.encode("utf-8"), name) == text, name
        for para in text.split("\n"):
            assert repair_mojibake(para) is None, (name, para)


def test_a_chain_of_numbers_joined_by_slashes_is_no_fraction():
    # `2/2/2/…` (issue 18's hostile run: 25,600 "fractions" in 100 KB, each with `/` for indicator) and `12/15/20`
    # are no fraction: no figure reads two of their numbers as one; a pair (`20/23`), a list of pairs and a date stay
    from extractors.document import Document
    from extractors.extract import extract_document
    from extractors.mentions import find

    def fractions(text):
        return [m.text for m in find(text)[0] if m.kind == "fraction"]

    assert fractions("Có 2/2/2/2/2/2 xã.") == [] and fractions("đạt 12/15/20 chỉ tiêu") == []
    assert fractions("2,5/3,5/4 tỷ đồng") == [] and fractions("tỷ lệ 1/2/3") == []
    assert fractions("đạt 20/23, 5/6 và 7/8 xã; 1/2 / 3") == ["20/23", "5/6", "7/8 xã", "1/2"]
    assert fractions("đạt 91,5%/80%, giải ngân 300/350 tỷ đồng") == ["91,5%/80%", "300/350 tỷ đồng"]
    assert [s.reason for s in find("ngày 1/2/2023 đạt 5%")[1]] == ["date"]
    ex = extract_document(Document(id="chain", source="", text="2/" * 5000))
    assert ex.mentions == [] and len(ex.skipped) > 4000
