"""The `/-/check` page (issue 15, "In the browser too"): a real Datasette over the corpus database built by
`chitieu run` answers a pasted claim as `chitieu check` does, in Vietnamese first, each stored figure linked
to its page and cited; `/-/check.json` is the command's JSON; bad claims get a clear message, never a 500."""
import json
import re

import markupsafe
import pytest

from pipeline.db.claims import MAX_CLAIM_CHARS
from pipeline.orchestration.cli import main
from pipeline.web.claim_vi import say
from pipeline.web.serve import make_datasette

TRUE = "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021"
FALSE = "Vĩnh Phúc kết nạp 2.500 đảng viên năm 2021"


@pytest.fixture(scope="module")
def ds(built_db):
    return make_datasette(built_db)


def figure_id(built_db, text):
    import sqlite3

    with sqlite3.connect(built_db) as conn:
        return conn.execute("select id from mentions where text = ?", [text]).fetchone()[0]


def answer_box(page: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r'id="claim-answer">(.*?)</p>', page, re.S).group(1))


async def check(ds, claim, path="/-/check"):
    return await ds.client.get(path, params={"claim": claim})


async def test_a_true_claim_is_supported_with_a_link_to_its_figure(ds, built_db):
    r = await check(ds, TRUE)
    assert r.status_code == 200
    assert "Có nguồn xác nhận" in answer_box(r.text) and "SUPPORTED" in answer_box(r.text)
    mid = figure_id(built_db, "2.101/2.000 chỉ tiêu")
    assert f'<a class="figure-link" href="/-/figure/{mid}">2.101/2.000 chỉ tiêu</a>' in r.text
    # cited: the sentence, the title, the date (Vietnamese), the file it was read from
    assert "đã kết nạp được 2.101/2.000 chỉ tiêu được giao" in r.text
    assert "Ban Thường vụ Tỉnh ủy đánh giá kết quả" in r.text and "đăng 10/1/2022" in r.text
    assert "corpus/001_765aeabb6aa155cd.txt" in r.text
    assert (await ds.client.get(f"/-/figure/{mid}")).status_code == 200  # the link leads somewhere


@pytest.mark.parametrize("claim", [FALSE, "Vinh Phuc ket nap 2.500 dang vien nam 2021"])
async def test_a_false_claim_is_contradicted_with_the_worked_difference(ds, claim):
    r = await check(ds, claim)
    assert r.status_code == 200 and "Nguồn ghi khác" in answer_box(r.text)
    assert "nhận định 2.500 − nguồn 2.101 = +399 (+19 % so với số của nguồn)" in r.text  # Vietnamese first
    assert "claim 2.500 − stored 2.101 = +399" in r.text                               # English second
    assert "không khớp" in r.text


async def test_without_diacritics_the_answer_is_the_same(ds):
    page = (await check(ds, "Vinh Phuc ket nap 2.101 dang vien nam 2021")).text
    assert "Có nguồn xác nhận" in answer_box(page) and ">2.101/2.000 chỉ tiêu</a>" in page


async def test_cannot_tell_says_why_and_not_found_shows_the_nearest(ds):
    page = (await check(ds, "Tỉnh ủy Vĩnh Phúc kết nạp 2.101 ĐV năm 2022")).text
    assert "Chưa đủ căn cứ" in answer_box(page)
    assert "khác kỳ: số liệu nguồn thuộc năm 2021, nhận định thuộc năm 2022" in page
    page = (await check(ds, "Ha Tinh tang truong 7,2% nam 2022")).text
    assert "Không tìm thấy số liệu" in answer_box(page) and "Các số liệu gần nhất" in page
    nearest = re.search(r'<ol class="nearest-figures">(.*?)</ol>', page, re.S).group(1)
    assert "5,02%" in nearest and "số liệu nguồn là mục tiêu, nhận định là kết quả" in nearest


@pytest.mark.parametrize("claim", [TRUE, FALSE, "Ha Tinh tang truong 7,2% nam 2022", "Vĩnh Phúc phát triển mạnh"])
async def test_the_json_twin_is_the_commands_json(ds, built_db, capsys, claim):
    rc = main(["check", claim, "--db", str(built_db), "--format", "json"])
    cli = json.loads(capsys.readouterr().out)
    r = await check(ds, claim, "/-/check.json")
    web = r.json()
    assert r.status_code == 200 and rc == web["exit_status"]
    assert web.pop("db") == "chitieu" and cli.pop("db") == str(built_db)  # the name, not the server's file
    assert web == cli


@pytest.mark.parametrize("claim, vi_message, en_message", [
    ("   ", "Chưa có nhận định", "the claim is empty"),
    ("Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021. " * 40, "chỉ đọc tối đa 1.000 ký tự", "characters long"),
])
async def test_an_empty_or_oversize_claim_gets_a_clear_message(ds, claim, vi_message, en_message):
    r = await check(ds, claim)
    assert r.status_code == 400
    error = re.search(r'id="claim-error">(.*?)</p>', r.text, re.S).group(1)
    assert vi_message in error and en_message in error
    if claim.strip():
        assert f"Nhận định dài {len(claim.strip()):,} ký tự".replace(",", ".") in error
    j = await check(ds, claim, "/-/check.json")
    assert j.status_code == 400 and en_message in j.json()["error"] and j.json()["exit_status"] == 2
    assert j.json()["error_vi"] in error  # the same words as the page


async def test_the_page_without_a_claim_is_the_form(ds):
    r = await ds.client.get("/-/check")
    assert r.status_code == 200 and '<textarea id="claim" name="claim"' in r.text
    assert 'id="claim-error"' not in r.text and 'id="claim-answer"' not in r.text


async def test_a_claim_is_shown_escaped(ds):
    claim = "Vĩnh Phúc <script>alert('x')</script> kết nạp 2.101 đảng viên năm 2021 <img src=x onerror=alert(1)>"
    r = await check(ds, claim)
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    shown = str(markupsafe.escape(claim))
    assert f'name="claim" rows="3" placeholder="{markupsafe.escape(TRUE)}">{shown}</textarea>' in r.text  # as text
    assert 'id="claim-answer"' in r.text  # and checked like any other claim


async def test_the_start_page_has_the_claim_box(ds):
    page = (await ds.client.get("/")).text
    form = re.search(r'<form class="claimbox start-check" action="([^"]+)" method="get" data-max="(\d+)"[^>]*>(.*?)</form>',
                     page, re.S)
    assert form and form.group(1) == "/-/check" and 'name="claim"' in form.group(3)
    assert int(form.group(2)) == MAX_CLAIM_CHARS  # the box refuses what the page would refuse


@pytest.mark.parametrize("english, vietnamese", [
    ("claim 90% − stored 94% = -4 percentage points", "nhận định 90% − nguồn 94% = -4 điểm phần trăm"),
    ("claim 9,54% vs stored 9,54%: the values agree, but a figure of Vĩnh Phúc, now part of Phú Thọ",
     "nhận định 9,54% so với nguồn 9,54%: giá trị khớp, nhưng số liệu của Vĩnh Phúc, nay thuộc Phú Thọ"),
    ("a figure of thành phố Bắc Kạn, not of the whole province",
     "số liệu của thành phố Bắc Kạn, không phải của cả tỉnh"),
    ("the claim names no period; the stored figure is of 2023-Q4", "nhận định không nêu kỳ; số liệu nguồn thuộc quý IV/2023"),
    ("claim 2.000 − stored 2.101 = -101 (-4,8 % of the stored value); 2.101/2.000 chỉ tiêu: the claim's number "
     "is the plan, not the result", "nhận định 2.000 − nguồn 2.101 = -101 (-4,8 % so với số của nguồn); "
     "2.101/2.000 chỉ tiêu: số của nhận định là kế hoạch, không phải kết quả"),
    ("another base of comparison (cùng kỳ, the claim none)", "khác gốc so sánh (nguồn: cùng kỳ; nhận định: không có)"),
    ("a part of a total (17 xã)", "một phần của tổng (17 xã)"),
])
def test_the_checkers_sentences_in_vietnamese(english, vietnamese):
    assert say(english) == vietnamese


async def test_a_database_served_immutable_answers_too(built_db, tmp_path):
    # `chitieu serve --public` serves the file immutable: the claim is read the same way, never written
    import sqlite3

    copy = tmp_path / "public.db"
    src, dst = sqlite3.connect(built_db), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.execute("pragma journal_mode = delete")
    dst.close()
    before = copy.read_bytes()
    ds = make_datasette(copy, immutable=True)
    r = await check(ds, FALSE, "/-/check.json")
    assert r.status_code == 200 and r.json()["answer"] == "contradicted" and r.json()["db"] == "public"
    assert copy.read_bytes() == before and not (tmp_path / "public.db-wal").exists()
