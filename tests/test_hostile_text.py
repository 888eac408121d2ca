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


@pytest.mark.parametrize("raw,name", [
    ("T\xa8ng tr\xadëng kinh t\xd5 cña tØnh VÜnh Phóc ®¹t 9,54%, thu ng©n s¸ch ®¹t".encode("latin-1"), "TCVN3"),
    ("Taêng tröôûng kinh teá cuûa tænh Vónh Phuùc ñaït 9,54%, thu ngaân saùch".encode("latin-1"), "VNI"),
])
def test_legacy_vietnamese_encodings_refused_with_their_name(raw, name):
    with pytest.raises(InputError) as e:
        decode_text(raw, "archive/1998.txt")
    assert "archive/1998.txt" in str(e.value) and name in str(e.value) and "UTF-8" in str(e.value)


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
    assert f"files larger than\n  {MAX_DUMP_MB} MB" in (root / "SECURITY.md").read_text(encoding="utf-8")


def test_run_records_every_bad_input_and_keeps_what_was_stored(corpus_copy, tmp_path):
    db = tmp_path / "c.db"
    run_corpus(corpus_copy, db, quiet=True, executor="inline")
    before = sqlite3.connect(db).execute("select count(*) from mentions").fetchone()[0]
    (corpus_copy / "tcvn3.txt").write_bytes("T\xa8ng tr\xadëng kinh t\xd5 cña tØnh VÜnh Phóc ®¹t".encode("latin-1") * 3)
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
