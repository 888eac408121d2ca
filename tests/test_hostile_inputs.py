"""Hostile inputs through the real pipeline: each class gets a clear error naming the input, recorded in
`run_errors`; the run goes on with the rest; memory stays bounded.

- text dumps (`chitieu run`): empty, blank, binary, truncated UTF-8, not UTF-8, TCVN3 that does not
  convert, 100 MB (refused by size, never read); windows-1258, TCVN3 and VNI (as bytes and as mojibake)
  converted, UTF-16 read, NFD read as NFC; symbolic links, a linked folder and a FIFO in the corpus
  folder refused by name (read, regular files only, with --follow-symlinks);
- web pages (`chitieu crawl` against a fixture site): UTF-8 declared windows-1258 and the reverse, NFD,
  TCVN3/VNI pages, empty and binary bodies, malformed and truncated HTML, 50k nested <div>s, 150k
  tags, a 100 MB body (aborted while streaming); PDFs encrypted, truncated, a 1 GB decompression bomb,
  5,000 pages; DOCX zip bombs (honest and lying sizes, huge XML or huge media); feeds and sitemaps with
  billion-laughs entities, external entities and external DTDs (nothing fetched for them), a gzip bomb;
- the network boundary at the socket: every discovery path (links, <base>, canonical, refresh, feeds,
  sitemaps, robots.txt Sitemap lines, redirects, external entities) to another port of 127.0.0.1 or to
  169.254.169.254 — a log of every connect() the process makes shows only the site's own port.

Links and redirects to another port or to 169.254.169.254 are also asserted from the other server's own
log in tests/test_scrapers_fetch.py (test_redirects_to_another_port_or_the_metadata_address_are_refused,
test_urls_outside_the_configured_sites_are_never_fetched, test_a_name_that_resolves_to_loopback_…) and
tests/test_scrapers_crawl.py (test_misbehaving_site_and_the_network_boundary,
test_loopback_needs_an_explicit_allowance_…); they are not repeated here.

Every fixture is generated here; bombs are built from repeated, byte-aligned deflate blocks, so a 1 GB
stream costs a few milliseconds and a megabyte to make.
"""
from __future__ import annotations

import gc
import io
import random
import resource
import socket
import sqlite3
import struct
import time
import tracemalloc
import unicodedata
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path

import pytest

from extractors.legacy_vietnamese import TCVN3, VNI
from sitefixtures import FixtureServer, PdfPage, huge_body, make_docx, make_pdf, redirect, to_cp1258

from conftest import CORPUS

MB = 1 << 20


# -- generated hostile files -------------------------------------------------------------------------------
def deflate_repeated(prefix: bytes, fill: bytes, mb: int, suffix: bytes, raw: bool = False) -> bytes:
    """prefix + fill * (mb MiB) + suffix, deflated (zlib stream, or raw for zip and gzip): the fill is
    compressed once and its byte-aligned blocks repeated."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    chunk = (fill * (MB // len(fill) + 1))[:MB]
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    tail = c.compress(suffix) + c.flush()
    data = head + block * mb + tail
    if not raw:  # the zlib trailer: adler32 of everything
        a = zlib.adler32(prefix)
        for _ in range(mb):
            a = zlib.adler32(chunk, a)
        data = data[:-4] + zlib.adler32(suffix, a).to_bytes(4, "big")
    return data


def crc_repeated(prefix: bytes, fill: bytes, mb: int, suffix: bytes) -> int:
    chunk = (fill * (MB // len(fill) + 1))[:MB]
    crc = zlib.crc32(prefix)
    for _ in range(mb):
        crc = zlib.crc32(chunk, crc)
    return zlib.crc32(suffix, crc)


def pdf_of(objs: list, trailer: str = "") -> bytes:
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, b in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + (b.encode("latin-1") if isinstance(b, str) else b) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_bomb(mb: int = 1024) -> bytes:
    """One page whose content stream inflates to `mb` MiB of spaces."""
    data = deflate_repeated(b"BT ", b" ", mb, b" ET")
    return pdf_of(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                   f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"])


def pdf_pages(n: int) -> bytes:
    """`n` empty pages sharing one content stream."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "", b"<< /Length 0 >>\nstream\n\nendstream"]
    kids = []
    for _ in range(n):
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>")
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n} >>"
    return pdf_of(objs)


def pdf_encrypted() -> bytes:
    """Standard security handler, RC4 40-bit, with a user password we do not have."""
    return pdf_of(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                   f"<< /Filter /Standard /V 1 /R 2 /O <{'ab' * 32}> /U <{'cd' * 32}> /P -4 >>"],
                  f"/Encrypt 4 0 R /ID [<{'01' * 16}> <{'01' * 16}>] ")


def report_pdf() -> bytes:
    return make_pdf([PdfPage(lines=[(50, 800, "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2021"),
                                    (50, 780, "Năm 2021, tăng trưởng kinh tế (GRDP) đạt 5,02%.")])], title="Báo cáo")


def zip_of(members: list[tuple[str, bytes, int, int, int | None]]) -> bytes:
    """A zip from (name, raw deflate data, crc, real size, declared size or None) — written by hand,
    so a member can declare another size than its data inflates to."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size, declared in members:
        n = name.encode()
        usize = size if declared is None else declared
        off = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), usize, len(n), 0) + n + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), usize, len(n),
                               0, 0, 0, 0, 0, off) + n
    cd = len(out)
    out += central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), cd, 0)
    return bytes(out)


def docx_bomb(part: str = "word/document.xml", mb: int = 512, declare: int | None = None,
              crc_of_declared: bool = False) -> bytes:
    """A real DOCX whose `part` is replaced by (or, for media, added as) `mb` MiB of blanks, deflated to a
    few hundred KB; `declare` makes the zip lie about the part's size."""
    base = make_docx("Kế hoạch phát triển kinh tế - xã hội năm 2022", ["Năm 2022, tăng trưởng đạt 7-7,5%."])
    members = []
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        names = z.namelist() + ([part] if part not in z.namelist() else [])
        for name in names:
            if name == part:
                data = z.read(name) if name in z.namelist() else b""
                cut = data.find(b"<w:body>") + len(b"<w:body>") if b"<w:body>" in data else len(data)
                prefix, suffix = data[:cut], data[cut:]
                crc = crc_repeated(prefix, b" ", mb, suffix)
                if crc_of_declared:  # the lie made consistent: the CRC of the declared first bytes
                    crc = zlib.crc32((prefix + b" " * declare)[:declare])
                members.append((name, deflate_repeated(prefix, b" ", mb, suffix, raw=True), crc,
                                len(prefix) + mb * MB + len(suffix), declare))
            else:
                data = z.read(name)
                c = zlib.compressobj(9, zlib.DEFLATED, -15)
                members.append((name, c.compress(data) + c.flush(), zlib.crc32(data), len(data), None))
    return zip_of(members)


def gzip_bomb(mb: int = 256) -> bytes:
    prefix = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    data = deflate_repeated(prefix, b" ", mb, b"</urlset>", raw=True)
    crc = crc_repeated(prefix, b" ", mb, b"</urlset>")
    size = len(prefix) + mb * MB + len(b"</urlset>")
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + data + struct.pack("<II", crc, size & 0xFFFFFFFF)


LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))


def billion_laughs(root: str, body: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY lol0 "lol">{LAUGHS}]>\n'
            + body.replace("ENTITY", "&lol9;")).encode()


def external_entity(root: str, body: str, url: str) -> bytes:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{url}"><!ENTITY % pe SYSTEM "{url}.dtd"> %pe;]>\n'
            + body.replace("ENTITY", "&xxe;")).encode()


def external_dtd(root: str, body: str, url: str) -> bytes:
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} SYSTEM "{url}">\n{body.replace("ENTITY", "x")}'.encode()


RSS = ('<rss version="2.0"><channel><title>ENTITY</title><item><title>ENTITY</title>'
       '<link>{base}/tin/bai-tu-nguon-tin-rss-201.html</link></item></channel></rss>')
SITEMAP = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{base}/tin/bai-ENTITY-301.html</loc>'
           '</url></urlset>')


# -- helpers -----------------------------------------------------------------------------------------------
@contextmanager
def peak_memory():
    """Peak bytes Python allocated inside the block (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    box = {}
    try:
        yield box
    finally:
        box["peak"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


PARAS = ["Năm 2021, tổng thu ngân sách nhà nước trên địa bàn đạt 16.916 tỷ đồng, vượt dự toán được giao, tăng 12,5% "
         "so với năm 2020; giải ngân vốn đầu tư công đạt 87,6% kế hoạch vốn giao.",
         "Toàn tỉnh đã có 171/182 xã đạt chuẩn nông thôn mới, 19 xã đạt chuẩn nông thôn mới nâng cao; GRDP bình quân "
         "đầu người đạt 67 triệu đồng, tăng 4,2 triệu đồng so với năm trước.",
         "Kim ngạch xuất khẩu ước đạt 6,1 tỷ USD, tăng 25,3% so với cùng kỳ; nhập khẩu đạt 4,8 tỷ USD, thặng dư "
         "thương mại khoảng 1,3 tỷ USD, cao nhất từ trước đến nay."]
UNIQUE = [
    "Tổng vốn đầu tư toàn xã hội đạt 38.500 tỷ đồng, bằng 34,5% GRDP; thu hút 36 dự án đầu tư mới.",
    "Các khu công nghiệp lấp đầy 72% diện tích, riêng khu Bá Thiện đón thêm bốn nhà máy linh kiện điện tử.",
    "Giá trị sản xuất nông nghiệp tăng 3,8%; sản lượng lương thực đạt 350 nghìn tấn, vượt 2,1% kế hoạch.",
    "Vùng chuyên canh rau an toàn ở Vĩnh Tường mở rộng lên 1.200 ha, bà con thu lãi gấp đôi trồng lúa.",
    "Tỷ lệ tham gia bảo hiểm y tế đạt 94,2%; toàn tỉnh tạo việc làm mới cho 21.500 lao động trong năm.",
    "Các trường nghề tuyển sinh 18 nghìn học viên, hai phần ba theo học điện công nghiệp và cơ khí.",
    "Tỷ lệ hộ nghèo giảm còn 1,05%; thu nhập bình quân đầu người đạt 52 triệu đồng, tăng 8,2%.",
    "Quỹ vì người nghèo hỗ trợ sửa chữa 640 căn nhà dột nát cho đồng bào vùng núi Tam Đảo.",
    "Doanh thu du lịch đạt 2.340 tỷ đồng, tăng 31%; đón 1,2 triệu lượt khách, trong đó 45 nghìn khách quốc tế.",
    "Khu nghỉ dưỡng Đại Lải kín phòng suốt mùa hè, lễ hội Tây Thiên thu hút đông đảo du khách thập phương.",
    "Chỉ số sản xuất công nghiệp tăng 9,1%; tổng mức bán lẻ hàng hóa đạt 41.200 tỷ đồng, tăng 10,4%.",
    "Ngành ô tô xe máy đóng góp phần lớn giá trị xuất khẩu, nhiều doanh nghiệp phụ trợ tăng ca dịp cuối năm.",
    "Cảng cạn Phúc Yên thông quan 58 nghìn container, thời gian làm thủ tục rút ngắn còn nửa ngày.",
    "Tuyến đường vành đai ba hoàn thành giai đoạn một, kết nối thuận lợi với sân bay Nội Bài.",
    "Huyện Lập Thạch trồng mới 420 ha rừng sản xuất, độ che phủ rừng toàn huyện đạt 39,5%.",
    "Bệnh viện đa khoa tỉnh đưa vào dùng hệ thống chụp cộng hưởng từ, giảm hẳn cảnh chuyển tuyến về Hà Nội.",
    "Số doanh nghiệp thành lập mới đạt 1.150 đơn vị với tổng vốn đăng ký 14.600 tỷ đồng.",
    "Nhà văn hóa các thôn được sửa sang, phong trào thể thao quần chúng sôi nổi khắp các xã vùng trũng.",
]


def legacy_bytes(text: str, encoding: str) -> bytes:
    """`text` in TCVN3 or VNI, through chitieu's table read backwards (TCVN3 has no capitals with marks:
    those are written lower case, as a TCVN3 file holds them outside its capital fonts)."""
    from extractors.legacy_vietnamese import tables

    inverse = {letter: code for code, letter in tables()[encoding].items()}
    return b"".join(inverse.get(c) or inverse.get(c.lower()) or c.encode("cp1252") for c in unicodedata.normalize("NFC", text))


def article_html(title: str, i: int, head: str = "") -> str:
    """An article page; pages with different `i` share one paragraph only, so none is a near-duplicate."""
    body = "".join(f"<p>{p}</p>" for p in [PARAS[0], PARAS[1], UNIQUE[2 * i % len(UNIQUE)],
                                            UNIQUE[(2 * i + 1) % len(UNIQUE)]])
    return (f"<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>Thứ Hai, 10/1/2022 08:00</p>{body}</article></body></html>")


def crawl(tmp_path: Path, *urls: str, **options) -> tuple[int, sqlite3.Connection]:
    from pipeline.orchestration.cli import main

    opts = {"contact": '"mailto:test@example.org"', "delay": 0.0, "allow_private": "true", "retries": 0,
            "backoff": 0.05, "read_timeout": 2.0, "concurrency": 1, **options}
    cfg = tmp_path / "crawl.toml"
    cfg.write_text("[crawl]\n" + "".join(f"{k} = {v}\n" for k, v in opts.items()))
    db = tmp_path / "out" / "chitieu.db"
    rc = main(["crawl", *urls, "--db", str(db), "--config", str(cfg), "--quiet", "--max-pages", "200"])
    c = sqlite3.connect(db)
    c.row_factory = sqlite3.Row
    return rc, c


# -- text dumps through `chitieu run` -----------------------------------------------------------------------
TEXT = ("Tiêu đề: Vĩnh Phúc tăng trưởng kinh tế năm 2021\n\nTăng trưởng kinh tế của tỉnh Vĩnh Phúc đạt 9,54%, "
        "thu ngân sách đạt 32.398 tỷ đồng, tăng 12,5% so với năm trước.")
BAD_DUMPS = {  # file name -> (bytes or a size for a sparse file, words the error must hold)
    "rong.txt": (b"", "empty file"),
    "chi-khoang-trang.txt": (b" \n\t\r\n  ", "empty file"),
    "nhi-phan.txt": (bytes(random.Random(1).randrange(256) for _ in range(4096)) + b"\x00", "binary"),
    "cat-cut.txt": (TEXT.encode() + "đ".encode()[:1], "truncated"),
    "hong-mot-byte.txt": (TEXT.encode()[:40] + b"\xff" + TEXT.encode()[40:], "damaged UTF-8"),
    "latin1-tieng-duc.txt": ("Größe und Maßstäbe: Übersicht über die Ökonomie, ähnlich wie früher.".encode("latin-1"),
                             "not UTF-8"),
    "tcvn3-hong.txt": (b"zz\xa8zz \xb5\xb8zz " * 30, "TCVN3"),  # TCVN3's letters, no Vietnamese in them
    "chi-co-khung-trang.txt": ("Phản hồi\nCác tin khác\n\nChia sẻ\n".encode(), "no article text"),
    "qua-lon.txt": (100 * MB, "too large"),
}
TCVN3_TEXT = "T\xa8ng tr\xadëng kinh t\xd5 cña tØnh VÜnh Phóc ®¹t 9,54%, thu ng©n s¸ch ®¹t 32.398 tû ®ång"
VNI_TEXT = "Taêng tröôûng kinh teá cuûa tænh Vónh Phuùc ñaït 9,54%, thu ngaân saùch ñaït 32.398 tyû ñoàng"
LEGACY_DUMPS = {  # file name -> bytes that are read (converted), not refused and not stored as garbage
    "utf16": TEXT.encode("utf-16"), "utf16-be": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    "tcvn3": TCVN3_TEXT.encode("latin-1"), "vni": VNI_TEXT.encode("latin-1"),
    "tcvn3-mojibake": TCVN3_TEXT.encode("utf-8"), "vni-mojibake": VNI_TEXT.encode("utf-8"),
}


def test_bad_dumps_are_named_in_run_errors_and_the_run_goes_on(tmp_path):
    from pipeline.orchestration.run import run_corpus

    corpus_copy = tmp_path / "corpus"
    corpus_copy.mkdir()
    nfc_file = sorted(CORPUS.glob("*.txt"))[0]
    (corpus_copy / nfc_file.name).write_bytes(nfc_file.read_bytes())
    for name, (raw, _) in BAD_DUMPS.items():
        p = corpus_copy / name
        if isinstance(raw, int):
            with p.open("wb") as f:  # sparse: 100 MB on paper, nothing on disk
                f.seek(raw - 1)
                f.write(b"\n")
        else:
            p.write_bytes(raw)
    (corpus_copy / "cp1258.txt").write_bytes(to_cp1258(TEXT))
    for stem, raw in LEGACY_DUMPS.items():
        (corpus_copy / f"{stem}.txt").write_bytes(raw)
    (corpus_copy / "nfd.txt").write_bytes(unicodedata.normalize("NFD", nfc_file.read_text(encoding="utf-8")).encode())
    db = tmp_path / "c.db"
    assert run_corpus(corpus_copy, db, quiet=True, executor="inline") == 0  # the 100 MB file: see the next test
    c = sqlite3.connect(db)
    errors = dict(c.execute("select input, error from run_errors"))
    assert set(errors) == {str(corpus_copy / n) for n in BAD_DUMPS}
    for name, (_, words) in BAD_DUMPS.items():
        msg = errors[str(corpus_copy / name)]
        assert msg.startswith(str(corpus_copy / name)) and words in msg, msg
    run = c.execute("select documents_new, documents_failed, finished from runs").fetchone()
    assert run[0] == 3 + len(LEGACY_DUMPS) and run[1] == len(BAD_DUMPS) and run[2]
    for stem in LEGACY_DUMPS:  # read as Unicode, with the figures of the text and nothing else
        want = TEXT if stem.startswith("utf16") else "Tăng trưởng kinh tế của tỉnh Vĩnh Phúc đạt 9,54%"
        assert c.execute("select text from documents where id = ?", [stem]).fetchone()[0].startswith(want[:60]), stem
        assert {r[0] for r in c.execute("select text from mentions where doc = ?", [stem])} >= {"9,54%"}, stem
        assert c.execute("select count(*) from mentions where doc = ?", [stem]).fetchone()[0] <= 4, stem
    texts = dict(c.execute("select id, text from documents"))
    assert "9,54%" in texts["cp1258"] and unicodedata.is_normalized("NFC", texts["cp1258"])
    assert texts["nfd"] == texts[nfc_file.stem]  # decomposed text is stored as the same text
    assert c.execute("select count(*) from mentions where doc = 'nfd'").fetchone() == \
        c.execute("select count(*) from mentions where doc = ?", [nfc_file.stem]).fetchone()
    assert c.execute("pragma integrity_check").fetchone() == ("ok",)


def test_a_100_mb_dump_is_refused_without_reading_it(tmp_path):
    from extractors.textdump import read_dump
    from extractors.document import InputError

    big = tmp_path / "lưu trữ 1998.txt"
    with big.open("wb") as f:
        f.seek(100 * MB)
        f.write(b"x")
    with peak_memory() as mem, pytest.raises(InputError) as e:
        read_dump(big)
    assert str(big) in str(e.value) and "too large" in str(e.value)
    assert mem["peak"] < 1 * MB


def _hostile_corpus(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus folder with one real dump beside a link to /etc/passwd, a linked folder outside it, a
    link to a file outside it, a broken link, a link to /dev/zero and a FIFO; and that outside folder."""
    import os

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ngoai.txt").write_text(TEXT, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seed = sorted(CORPUS.glob("*.txt"))[0]
    (corpus / seed.name).write_bytes(seed.read_bytes())
    (corpus / "passwd.txt").symlink_to("/etc/passwd")
    (corpus / "thu-muc-ngoai").symlink_to(outside, target_is_directory=True)
    (tmp_path / "mot-tep.txt").write_text(TEXT.replace("9,54%", "9,55%"), encoding="utf-8")
    (corpus / "lien-ket.txt").symlink_to(tmp_path / "mot-tep.txt")
    (corpus / "gay.txt").symlink_to(tmp_path / "khong-co.txt")
    (corpus / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(corpus / "ong.txt")
    return corpus, outside


def test_symlinks_and_special_files_in_the_corpus_are_refused_by_name_and_the_run_goes_on(tmp_path, capsys):
    from pipeline.orchestration.run import run_corpus

    corpus, _ = _hostile_corpus(tmp_path)
    db = tmp_path / "c.db"
    assert run_corpus(corpus, db, quiet=True, executor="inline") == 0  # a FIFO would block a plain read
    c = sqlite3.connect(db)
    errors = dict(c.execute("select input, error from run_errors"))
    refused = {"passwd.txt": "symbolic link", "thu-muc-ngoai": "symbolic link", "lien-ket.txt": "symbolic link",
               "gay.txt": "symbolic link", "zero.txt": "symbolic link", "ong.txt": "FIFO"}
    assert set(errors) == {str(corpus / n) for n in refused}
    err = capsys.readouterr().err
    for name, words in refused.items():
        assert errors[str(corpus / name)].startswith(str(corpus / name)) and words in errors[str(corpus / name)]
        assert f"{corpus / name}: " in err  # said on the terminal too, even with --quiet
    assert "--follow-symlinks" in errors[str(corpus / "passwd.txt")]
    seed = sorted(CORPUS.glob("*.txt"))[0].stem
    assert [r[0] for r in c.execute("select id from documents")] == [seed]
    assert not c.execute("select count(*) from sentences where text like '%root:%'").fetchone()[0]
    assert c.execute("select documents_failed, finished is not null from runs").fetchone() == (len(refused), 1)


def test_follow_symlinks_reads_linked_regular_files_only(tmp_path):
    from pipeline.orchestration.cli import main

    corpus, outside = _hostile_corpus(tmp_path)
    (corpus / "passwd.txt").unlink()
    db = tmp_path / "c.db"
    assert main(["run", "--corpus", str(corpus), "--db", str(db), "--quiet", "--executor", "inline",
                 "--follow-symlinks"]) == 0
    c = sqlite3.connect(db)
    sources = {Path(r[0]).relative_to(corpus).as_posix() for r in c.execute("select source from documents")}
    assert sources == {sorted(CORPUS.glob("*.txt"))[0].name, "lien-ket.txt", "thu-muc-ngoai/ngoai.txt"}
    errors = dict(c.execute("select input, error from run_errors"))
    assert set(errors) == {str(corpus / n) for n in ("gay.txt", "zero.txt", "ong.txt")}
    assert "broken symbolic link" in errors[str(corpus / "gay.txt")]
    assert "character device" in errors[str(corpus / "zero.txt")]
    assert "FIFO" in errors[str(corpus / "ong.txt")]


def test_a_corpus_file_swapped_for_a_link_or_a_fifo_after_listing_is_refused_without_blocking(tmp_path):
    import os

    from extractors.document import InputError
    from extractors.textdump import read_dump

    link, fifo = tmp_path / "lien-ket.txt", tmp_path / "ong.txt"
    link.symlink_to("/etc/passwd")
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="symbolic link"):
        read_dump(link, regular_only=True, follow_symlinks=False)
    with pytest.raises(InputError, match="FIFO"):
        read_dump(fifo, regular_only=True)
    assert read_dump(link)[0].text  # a file named on the command line (`chitieu extract`) is read as given


# -- reports, feeds, sitemaps, pages: the readers alone, with memory measured ----------------------------------
def test_pdf_decompression_bomb_is_refused_in_bounded_memory():
    from scrapers.reports import MAX_STREAM_BYTES, ReportError, read_report

    bomb = pdf_bomb(1024)
    assert len(bomb) < 2 * MB  # 1 GiB of content in a small file
    t0 = time.monotonic()
    with peak_memory() as mem, pytest.raises(ReportError) as e:
        read_report(bomb, "http://127.0.0.1:1/bom.pdf")
    assert "http://127.0.0.1:1/bom.pdf" in str(e.value) and "decompression bomb" in str(e.value)
    assert mem["peak"] < 3 * MAX_STREAM_BYTES + 16 * MB, f"{mem['peak'] / MB:.0f} MB"
    assert time.monotonic() - t0 < 10


def test_pdf_inflation_budget_covers_many_streams(monkeypatch):
    """Many streams each under the stream cap still stop at the file's budget."""
    import scrapers.reports as reports

    monkeypatch.setattr(reports, "MAX_STREAM_BYTES", 4 * MB)
    monkeypatch.setattr(reports, "MAX_PDF_INFLATED", 16 * MB)
    data = deflate_repeated(b"BT ", b" ", 3, b" ET")
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    kids = []
    for _ in range(12):
        objs.append(f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objs)} 0 R >>")
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count 12 >>"
    with pytest.raises(reports.ReportError, match="inflate past 16,777,216 bytes"):
        reports.read_report(pdf_of(objs), "many-streams.pdf")


def test_pdf_with_thousands_of_pages_reads_a_bounded_number_quickly():
    from scrapers.reports import MAX_PAGES, read_report

    t0 = time.monotonic()
    r = read_report(pdf_pages(20_000), "dai.pdf")
    assert time.monotonic() - t0 < 15
    assert r.pages == 20_000 and f"first {MAX_PAGES} of 20000 pages read" in r.note and not r.text_layer


def test_pdf_time_limit_stops_between_pages(monkeypatch):
    import scrapers.reports as reports

    monkeypatch.setattr(reports, "MAX_PDF_SECONDS", 0.0)
    r = reports.read_report(report_pdf(), "cham.pdf")
    assert "time limit" in r.note and r.text == ""


@pytest.mark.parametrize("make,words", [
    (pdf_encrypted, "encrypted PDF, cannot be read without its password"),
    (lambda: report_pdf()[: len(report_pdf()) // 2], "unreadable PDF"),
    (lambda: report_pdf()[:40], "unreadable PDF"),
    (lambda: b"%PDF-1.7\n" + bytes(random.Random(2).randrange(256) for _ in range(5000)), "unreadable PDF"),
], ids=["encrypted", "truncated-half", "truncated-header", "garbage"])
def test_broken_and_encrypted_pdfs_are_named(make, words):
    from scrapers.reports import ReportError, read_report

    with pytest.raises(ReportError) as e:
        read_report(make(), "http://127.0.0.1:1/bao-cao.pdf")
    assert str(e.value).startswith("http://127.0.0.1:1/bao-cao.pdf: ") and words in str(e.value)


@pytest.mark.parametrize("part,mb,declare,crc_lie,words", [
    ("word/document.xml", 512, None, False, "DOCX unzips to"),
    ("word/document.xml", 60, None, False, "DOCX's XML unzips to"),
    ("word/media/image1.png", 150, None, False, "DOCX unzips to"),
    ("word/document.xml", 512, 2000, False, "unreadable DOCX (BadZipFile: Bad CRC-32"),
    ("word/document.xml", 512, 2000, True, "unreadable DOCX"),
], ids=["512MB-document.xml", "60MB-document.xml", "150MB-media", "lying-sizes", "lying-sizes-and-crc"])
def test_docx_zip_bombs_are_refused_before_parsing(part, mb, declare, crc_lie, words):
    from scrapers.reports import ReportError, read_report

    bomb = docx_bomb(part, mb, declare, crc_lie)
    assert len(bomb) < 2 * MB
    with peak_memory() as mem, pytest.raises(ReportError) as e:
        read_report(bomb, "http://127.0.0.1:1/ke-hoach.docx")
    assert str(e.value).startswith("http://127.0.0.1:1/ke-hoach.docx: ") and words in str(e.value), str(e.value)
    assert mem["peak"] < 16 * MB, f"{mem['peak'] / MB:.0f} MB"


def test_the_docx_bomb_builder_makes_real_docx():
    """The bombs above are real DOCX files: a small one reads."""
    from scrapers.reports import read_report

    r = read_report(docx_bomb("word/document.xml", 1), "nho.docx")
    assert r.format == "docx" and "Kế hoạch phát triển" in r.text


@pytest.mark.parametrize("kind", ["feed", "sitemap"])
def test_entity_bombs_and_external_entities_are_refused_by_the_xml_readers(kind):
    from scrapers.feeds import FeedError, parse_feed
    from scrapers.sitemaps import SitemapError, parse_sitemap

    base = "http://127.0.0.1:1"
    body, root, parse, error = ((RSS, "rss", parse_feed, FeedError) if kind == "feed" else
                                (SITEMAP, "urlset", parse_sitemap, SitemapError))
    body = body.format(base=base)
    with peak_memory() as mem:
        for raw in (billion_laughs(root, body), external_entity(root, body, "file:///etc/passwd"),
                    external_entity(root, body, "http://127.0.0.1:9/secret")):
            with pytest.raises(error, match="refused: (EntitiesForbidden|ExternalReferenceForbidden)"):
                parse(raw, base)
    assert mem["peak"] < 4 * MB
    out = parse(external_dtd(root, body, "http://127.0.0.1:9/x.dtd"), base)  # declared, never loaded
    urls = [e.url for e in out] if kind == "feed" else [e.url for e in out[1]]
    assert urls and all(u.startswith(base) for u in urls)


def test_gzip_sitemap_bomb_is_refused_at_the_cap():
    from scrapers.sitemaps import MAX_INFLATED, SitemapError, parse_sitemap

    bomb = gzip_bomb(256)
    assert len(bomb) < MB
    with peak_memory() as mem, pytest.raises(SitemapError, match="inflates past"):
        parse_sitemap(bomb, "http://127.0.0.1:1")
    assert mem["peak"] < 2 * MAX_INFLATED + 16 * MB


@pytest.mark.parametrize("html,words", [
    ("<html><body>" + "<div>" * 100_000 + "<p>sâu</p>" + "</div>" * 100_000 + "</body></html>", "more than 100,000 tags"),
    ("<html><body>" + "<div>" * 20_000 + "<p>sâu</p>" + "</div>" * 20_000 + "</body></html>", "nested more than 512"),
    ("<html><body>" + "<b><i>" * 5_000 + "<p>không đóng</p>", "nested more than 512"),
    ("<p>x</p>" * 150_000, "more than 100,000 tags"),
], ids=["100k-nested-div", "20k-nested-div", "10k-unclosed-inline", "150k-tags"])
def test_deep_or_huge_markup_is_refused_fast_with_the_url(html, words):
    from scrapers.article import PageError, extract_article
    from scrapers.profiles import load_profile

    url = "http://127.0.0.1:1/tin/bai-long-sau-qua-muc-101.html"
    t0 = time.monotonic()
    with peak_memory() as mem, pytest.raises(PageError) as e:
        extract_article(html, url, load_profile("generic"))
    assert str(e.value).startswith(url) and words in str(e.value)
    assert time.monotonic() - t0 < 20 and mem["peak"] < 400 * MB


def test_a_body_selector_on_deep_markup_does_not_overflow_the_stack():
    """Just under the depth limit, the selector path (a recursive walk) still reads the page."""
    import copy

    from scrapers.article import MAX_DEPTH, extract_article
    from scrapers.profiles import load_profile

    profile = copy.deepcopy(load_profile("generic"))
    profile.selectors.body = "article"
    n = MAX_DEPTH - 10
    html = ("<html><head><title>Bài viết lồng sâu về ngân sách năm 2021</title></head><body><article>" + "<div>" * n
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>" * n + "</article></body></html>")
    art = extract_article(html, "http://127.0.0.1:1/tin/bai-viet-long-sau-102.html", profile)
    assert art is not None and art.method == "selectors" and "16.916 tỷ đồng" in art.body


def test_a_100_mb_body_is_aborted_while_streaming_in_bounded_memory(tmp_path):
    from scrapers.boundary import Boundary
    from scrapers.fetch import Fetcher
    from scrapers.profiles import host_keys
    from scrapers.settings import load_config

    with FixtureServer("huge") as s:
        s.route("/bai-viet-rat-lon.html", huge_body(100 * MB))
        b = Boundary()
        b.allow(host_keys(f"127.0.0.1:{s.port}"), allow_private=True)
        f = Fetcher(load_config(None, delay=0.0, retries=0, max_bytes=2_000_000), b, None)
        with peak_memory() as mem:
            r = f.fetch(s.url + "/bai-viet-rat-lon.html", check_robots=False)
        time.sleep(0.2)
        (hit,) = s.hits_for("/bai-viet-rat-lon.html")
    assert not r.ok and r.content is None and "too large" in r.error and "2,000,000" in r.error
    assert hit.sent < 20 * MB
    assert mem["peak"] < 12 * MB, f"{mem['peak'] / MB:.0f} MB"


# -- everything hostile at once, through `chitieu crawl` --------------------------------------------------------
def test_a_hostile_site_through_the_crawl(tmp_path):
    other = FixtureServer("other").start()
    other.page("/secret", "root:x:0:0:root:/root:/bin/bash")
    site = FixtureServer("hostile")
    o = other.url
    good = {  # path -> (title, bytes, content type)
        "/tin/utf8-khai-la-windows-1258-101.html": ("UTF-8 khai là windows-1258", "utf8-as-1258"),
        "/tin/windows-1258-khai-la-utf8-102.html": ("Windows-1258 khai là UTF-8", "1258-as-utf8"),
        "/tin/van-ban-dang-nfd-tach-dau-103.html": ("Văn bản dạng NFD tách dấu", "nfd"),
        "/tin/html-hong-the-khong-dong-104.html": ("HTML hỏng, thẻ không đóng", "malformed"),
        "/tin/html-bi-cat-cuoi-trang-105.html": ("HTML bị cắt cuối trang", "truncated"),
        "/tin/trang-tcvn3-luu-thanh-utf8-106.html": ("Trang chữ tcvn3 lưu thành UTF-8", "tcvn3-mojibake"),
        "/tin/trang-vni-luu-thanh-utf8-107.html": ("Trang chữ VNI lưu thành UTF-8", "vni-mojibake"),
    }
    for i, (path, (title, how)) in enumerate(good.items()):
        html = article_html(title, i if i < 5 else i + 2)  # 5 and 6 are the RSS and sitemap articles below
        if how == "utf8-as-1258":
            site.page(path, html.replace("<head>", '<head><meta charset="windows-1258">').encode(),
                      "text/html; charset=windows-1258")
        elif how == "1258-as-utf8":
            site.page(path, to_cp1258(html.replace("<head>", '<head><meta charset="utf-8">')), "text/html; charset=utf-8")
        elif how == "nfd":
            site.page(path, unicodedata.normalize("NFD", html).encode())
        elif how.endswith("-mojibake"):  # the page in TCVN3 or VNI, read as windows-1252, saved as UTF-8
            site.page(path, legacy_bytes(html, TCVN3 if how.startswith("tcvn3") else VNI).decode("cp1252").encode())
        elif how == "malformed":
            bad = (html.replace("</p>", "", 3).replace("<article>", "<article><div class=a id=b><b><i>")
                   .replace("<h1>", "<h1 class=tieu-de data-x=1 =sai \"\">").replace("</h1>", "</i></b></h1></span>")
                   .replace("</body>", "</div></td></table></body></html></html>") + "<p><b>rác cuối trang<!-- không đóng")
            site.page(path, bad.encode())
        else:
            cut = html.encode()
            site.page(path, cut[: cut.rfind(UNIQUE[(2 * i + 1) % len(UNIQUE)][:20].encode()) + 40])  # cut mid-paragraph
    tcvn3 = ("T\xa8ng tr\xadëng kinh t\xd5 cña tØnh VÜnh Phóc ®¹t 9,54%, thu ng©n s¸ch ®¹t 32.398 tû ®ång. "
             ).encode("latin-1") * 20
    vni = ("Taêng tröôûng kinh teá cuûa tænh Vónh Phuùc ñaït 9,54%, thu ngaân saùch ñaït 32.398 tyû ñoàng. "
           ).encode("latin-1") * 20
    failing = {  # path -> (body or route, words in the run_errors row)
        "/tin/trang-ma-tcvn3-cu-201.html": (b"<html><body><h1>Tin c\xf8</h1><p>" + tcvn3 + b"</p></body></html>", "TCVN3"),
        "/tin/trang-ma-vni-windows-202.html": (b"<html><head><meta charset='iso-8859-1'></head><body><p>" + vni
                                               + b"</p></body></html>", "VNI-Windows"),
        "/tin/long-nhau-nam-muoi-nghin-203.html": ("<html><body>" + "<div>" * 50_000 + "</div>" * 50_000 + "</body></html>",
                                                   "nested more than 512"),
        "/tin/mot-tram-nam-muoi-nghin-the-204.html": ("<p>x</p>" * 150_000, "more than 100,000 tags"),
        "/tin/than-trang-mot-tram-megabyte-205.html": (huge_body(100 * MB), "too large"),
        "/files/bao-cao-ma-hoa.pdf": (pdf_encrypted(), "encrypted PDF"),
        "/files/bao-cao-bi-cat.pdf": (report_pdf()[:700], "unreadable PDF"),
        "/files/bao-cao-bom-giai-nen.pdf": (pdf_bomb(1024), "decompression bomb"),
        "/files/ke-hoach-bom-zip.docx": (docx_bomb("word/document.xml", 512), "DOCX unzips to"),
        "/files/ke-hoach-xml-qua-lon.docx": (docx_bomb("word/document.xml", 60), "DOCX's XML unzips to"),
        "/files/ke-hoach-kich-thuoc-gia.docx": (docx_bomb("word/document.xml", 512, declare=2000), "unreadable DOCX"),
        "/rss/bom.rss": (billion_laughs("rss", RSS.format(base=site.url)), "feed refused: EntitiesForbidden"),
        "/rss/xxe.rss": (external_entity("rss", RSS.format(base=site.url), o + "/secret"), "feed refused"),
        "/sitemap-bom.xml": (billion_laughs("urlset", SITEMAP.format(base=site.url)), "sitemap refused"),
        "/sitemap-xxe.xml": (external_entity("urlset", SITEMAP.format(base=site.url), "file:///etc/passwd"),
                             "sitemap refused"),
        "/sitemap-bom.xml.gz": (gzip_bomb(256), "inflates past"),
    }
    quiet = {  # fetched, no error, not stored: nothing there to read
        "/tin/trang-rong-khong-co-gi-301.html": b"",
        "/tin/trang-nhi-phan-ngau-nhien-302.html": bytes(random.Random(3).randrange(256) for _ in range(30_000)),
    }
    for path, (body, _) in failing.items():
        if callable(body):
            site.route(path, body)
        else:
            ctype = ("application/pdf" if path.endswith(".pdf") else "application/rss+xml" if path.endswith(".rss")
                     else "application/xml" if path.endswith(".xml") else "application/gzip" if path.endswith(".gz")
                     else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                     if path.endswith(".docx") else "text/html")
            site.page(path, body, ctype)
    for path, body in quiet.items():
        site.page(path, body)
    site.page("/rss/dtd.rss", external_dtd("rss", RSS.format(base=site.url), o + "/rss.dtd"), "application/rss+xml")
    site.page("/tin/bai-tu-nguon-tin-rss-201.html", article_html("Bài từ nguồn tin RSS", 5))
    site.page("/sitemap.xml", SITEMAP.format(base=site.url).replace("ENTITY", "tu-so-do-trang-web"), "application/xml")
    site.page("/tin/bai-tu-so-do-trang-web-301.html", article_html("Bài từ sơ đồ trang web", 6))
    site.page("/robots.txt", "User-agent: *\nAllow: /\n" + "".join(
        f"Sitemap: {site.url}{p}\n" for p in ("/sitemap-bom.xml", "/sitemap-xxe.xml", "/sitemap-bom.xml.gz")), "text/plain")
    links = [*good, *[p for p in failing if p.startswith(("/tin/", "/files/"))], *quiet]
    site.page("/", "<html><head>" + "".join(f'<link rel="alternate" type="application/rss+xml" href="{f}">'
                                             for f in ("/rss/bom.rss", "/rss/xxe.rss", "/rss/dtd.rss"))
              + "</head><body><h1>Trang chủ</h1>" + "".join(f'<a href="{p}">{p}</a>' for p in links) + "</body></html>")
    rss_before = maxrss_mb()
    site.start()
    try:
        rc, c = crawl(tmp_path, site.url + "/", max_bytes=5_000_000)
    finally:
        site.stop()
        other.stop()
    assert rc == 0
    # the readable pages are stored, read right
    docs = {r["title"]: r["text"] for r in c.execute("select title, text from documents")}
    assert set(docs) == {t for t, _ in good.values()} | {"Bài từ nguồn tin RSS", "Bài từ sơ đồ trang web"}
    for title, text in docs.items():
        assert unicodedata.is_normalized("NFC", text) and "16.916 tỷ đồng" in text and "Ã" not in text, title
    for how in ("utf8-as-1258", "1258-as-utf8", "nfd", "tcvn3-mojibake", "vni-mojibake"):
        title = next(t for t, h in good.values() if h == how)
        assert c.execute("select count(*) from mentions m join documents d on d.id = m.doc where d.title = ? "
                         "and m.text = '87,6%'", [title]).fetchone()[0] == 1, how
    # every hostile input is a row of run_errors naming it, with the reason
    errors = {r["input"]: r["error"] for r in c.execute("select input, error from run_errors")}
    for path, (_, words) in failing.items():
        assert words in errors.get(site.url + path, ""), (path, errors.get(site.url + path))
    assert not any(p in k for k in errors for p in quiet)
    assert c.execute("select not_articles from crawl_runs").fetchone()[0] >= 2
    # nothing was fetched for an external entity or DTD, and nothing of it was stored
    assert other.hits == []
    assert c.execute("select count(*) from documents where text like '%root:x:0%'").fetchone()[0] == 0
    (hit,) = site.hits_for("/tin/than-trang-mot-tram-megabyte-205.html")
    assert hit.sent < 20 * MB
    assert maxrss_mb() - rss_before < 600, "memory grew by more than 600 MB"
    assert c.execute("pragma integrity_check").fetchone()[0] == "ok"


# -- the network boundary, at the socket ------------------------------------------------------------------------
def test_no_discovery_path_leads_to_another_port_or_the_metadata_address(tmp_path, monkeypatch):
    connects: list = []
    real = socket.socket.connect

    def logged(self, address):
        connects.append(address)
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", logged)
    other = FixtureServer("other").start()
    for p in ("/", "/secret", "/tin/bai-tren-cong-khac-401.html", "/sitemap.xml", "/rss.dtd", "/x.dtd"):
        other.page(p, "<html>not for the crawler</html>")
    meta = "http://169.254.169.254/latest/meta-data"
    o = other.url
    site = FixtureServer("boundary")
    offsite = [o + "/tin/bai-tren-cong-khac-401.html", meta + "/bai-viet-sieu-du-lieu-402.html",
               "http://[::1]:%d/tin/bai-ipv6-loopback-403.html" % other.port,
               "http://127.1:%d/tin/bai-dia-chi-ngan-404.html" % other.port,
               "http://2130706433:%d/tin/bai-dia-chi-so-405.html" % other.port,
               "http://localhost:%d/tin/bai-localhost-406.html" % other.port]
    site.page("/", "<html><head><meta http-equiv='refresh' content='0; url=" + o + "/'>"
              f"<link rel='canonical' href='{o}/'><link rel='alternate' type='application/rss+xml' href='/rss/tin.rss'>"
              f"<link rel='alternate' type='application/rss+xml' href='{o}/rss.xml'></head><body>"
              + "".join(f"<a href='{u}'>x</a>" for u in offsite)
              + f"<iframe src='{o}/secret'></iframe><img src='{meta}/anh.png'>"
              "<a href='/tin/chuyen-huong-sang-cong-khac-501.html'>r1</a>"
              "<a href='/tin/chuyen-huong-sang-sieu-du-lieu-502.html'>r2</a>"
              "<a href='/tin/chuyen-huong-hai-buoc-503.html'>r3</a>"
              "<a href='/tin/trang-co-the-base-504.html'>b</a></body></html>")
    site.page("/tin/trang-co-the-base-504.html", f"<html><head><base href='{o}/'></head><body>"
              "<a href='tin/bai-tuong-doi-theo-base-601.html'>x</a></body></html>")
    site.route("/tin/chuyen-huong-sang-cong-khac-501.html", redirect(o + "/secret", 301))
    site.route("/tin/chuyen-huong-sang-sieu-du-lieu-502.html", redirect(meta + "/", 307))
    site.route("/tin/chuyen-huong-hai-buoc-503.html", redirect("/tin/buoc-hai-chuyen-tiep-nua-504.html"))
    site.route("/tin/buoc-hai-chuyen-tiep-nua-504.html", redirect("http://localhost:%d/secret" % other.port, 308))
    items = "".join(f"<item><title>x</title><link>{u}</link></item>" for u in offsite)
    site.page("/rss/tin.rss", f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{o}/rss.dtd">'
              f"<rss version='2.0'><channel>{items}</channel></rss>", "application/rss+xml")
    site.page("/sitemap.xml", '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              + "".join(f"<url><loc>{u}</loc></url>" for u in offsite) + "</urlset>", "application/xml")
    site.page("/sitemap-index.xml", '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              f"<sitemap><loc>{o}/sitemap.xml</loc></sitemap><sitemap><loc>{meta}/sitemap.xml</loc></sitemap>"
              "</sitemapindex>", "application/xml")
    site.page("/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {o}/sitemap.xml\nSitemap: {meta}/sitemap.xml\n"
              f"Sitemap: {site.url}/sitemap-index.xml\n", "text/plain")
    with site:
        try:
            rc, c = crawl(tmp_path, site.url + "/")
        finally:
            other.stop()
    assert rc == 0
    assert other.hits == []
    assert connects and set(connects) == {("127.0.0.1", site.port)}, set(connects)
    paths = set(site.paths())
    assert {"/robots.txt", "/", "/rss/tin.rss", "/sitemap.xml", "/sitemap-index.xml"} <= paths
    errors = " ".join(r[0] for r in c.execute("select error from run_errors"))
    assert f"127.0.0.1:{other.port}" in errors and "169.254.169.254" in errors and f"localhost:{other.port}" in errors
