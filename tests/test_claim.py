"""`chitieu check "CLAIM"`: claims about the corpus and about real passages, answered with the stored figure
that settles them, a distinct exit status for each answer, and the sources cited.

The databases are built by `chitieu run`: the seeds (`built_db`), and the seeds plus real development
passages (tests/gold/real_dev_*.jsonl) written out as text dumps (`real_db`)."""
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.orchestration.claim import EXIT, MAX_CLAIM_CHARS
from pipeline.orchestration.cli import main

ROOT = Path(__file__).resolve().parent.parent
REAL = ("rdev-b006", "rdev-e008", "rdev-h007")   # Bắc Kạn poverty, Ninh Bình new rural communes, Bình Định


def cli(db, *args, timeout=120):
    """The real command in a subprocess: (exit status, stdout, stderr)."""
    p = subprocess.run([sys.executable, "-m", "pipeline.orchestration.cli", "check", *args, "--db", str(db)],
                       capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def run_check(capsys, db, *args):
    rc = main(["check", *args, "--db", str(db)])
    out = capsys.readouterr()
    return rc, out.out, out.err


def as_json(capsys, db, claim):
    rc, out, _ = run_check(capsys, db, claim, "--format", "json")
    result = json.loads(out)
    assert rc == result["exit_status"] == EXIT[result["answer"]]
    return result


def matches(result, verdict=None):
    ms = [m for f in result["figures"] for m in f["matches"]]
    return [m for m in ms if verdict is None or m["verdict"] == verdict]


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    """The seeds and three real development passages, run into a database by `chitieu run`."""
    corpus = tmp_path_factory.mktemp("realcorpus")
    urls = {}
    for f in (ROOT / "corpus").glob("*.txt"):
        (corpus / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    for path in sorted((ROOT / "tests" / "gold").glob("real_dev_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            if r["doc"] in REAL:
                urls[r["doc"]] = r["url"]
                y, m, d = (r["published"] or "2023-06-01").split("-")
                (corpus / f"{r['doc']}.txt").write_text(f"{r['title']}\n\n{int(d)}/{int(m)}/{y}\n\n{r['text']}\n",
                                                        encoding="utf-8")
    db = tmp_path_factory.mktemp("realdb") / "chitieu.db"
    p = subprocess.run([sys.executable, "-m", "pipeline.orchestration.cli", "run", "--corpus", str(corpus), "--db",
                        str(db), "--quiet"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert p.returncode == 0, p.stderr
    with sqlite3.connect(db) as conn:  # a text dump has no address; a crawl stores the page's URL like this
        conn.executemany("update documents set url = ? where id = ?", [(u, d) for d, u in urls.items()])
    return db


# --- the claims of the issue, through the real command -------------------------------------------
@pytest.mark.parametrize("claim,status,shown", [
    ("Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021", 0, "SUPPORTS     2.101/2.000 chỉ tiêu"),
    ("Vinh Phuc ket nap 2.101 dang vien nam 2021", 0, "SUPPORTS     2.101/2.000 chỉ tiêu"),
    ("Vĩnh Phúc kết nạp 2.500 đảng viên năm 2021", 3, "claim 2.500 − stored 2.101 = +399"),
    ("vinh phuc ket nap 2.500 dang vien nam 2021", 3, "claim 2.500 − stored 2.101 = +399"),
    ("Tỉnh ủy Vĩnh Phúc kết nạp 2.101 ĐV năm 2022", 4, "another period: the stored figure is of 2021"),
    ("Vĩnh Phúc kết nạp 3.333 đảng viên năm 2019", 5, "NOT FOUND"),
])
def test_party_admissions_claims(built_db, claim, status, shown):
    rc, out, err = cli(built_db, claim)
    assert rc == status, out + err
    assert shown in out
    if status != 5:
        # the source is cited: sentence, title, date, file
        assert "đã kết nạp được 2.101/2.000 chỉ tiêu được giao" in out
        assert "đánh giá cán bộ bằng sản phẩm năm 2021 · 2022-01-10" in out and "001_765aeabb6aa155cd" in out


def test_a_false_and_a_true_claim_answer_differently(capsys, built_db):
    true = as_json(capsys, built_db, "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021")
    false = as_json(capsys, built_db, "Vĩnh Phúc kết nạp 2.500 đảng viên năm 2021")
    assert (true["answer"], false["answer"]) == ("supported", "contradicted")
    (m,) = matches(false, "inconsistent")
    assert m["text"] == "2.101/2.000 chỉ tiêu" and m["entity"] == "Đảng bộ tỉnh Vĩnh Phúc" and m["period"] == "2021"


def test_the_plan_of_a_fraction_is_not_the_result(capsys, built_db):
    result = as_json(capsys, built_db, "Vĩnh Phúc kết nạp 2.000 đảng viên năm 2021")
    (m,) = matches(result, "inconsistent")
    assert "the plan, not the result" in m["computation"]


def test_poverty_is_not_near_poverty(capsys, built_db):
    result = as_json(capsys, built_db, "Hà Tĩnh tỷ lệ hộ nghèo 4,68% năm 2021")
    assert result["answer"] == "supported"
    assert [m["text"] for m in matches(result)] == ["4,68%"]          # not the 5,09% of hộ cận nghèo
    unaccented = as_json(capsys, built_db, "Ha Tinh ty le ho ngheo 4,68% nam 2021")
    assert [m["text"] for m in matches(unaccented)] == ["4,68%"]
    near = as_json(capsys, built_db, "Hà Tĩnh tỷ lệ hộ cận nghèo 5,09% năm 2021")
    assert near["answer"] == "supported" and [m["text"] for m in matches(near)] == ["5,09%"]


@pytest.mark.parametrize("claim,verdict", [
    ("Vĩnh Phúc tăng trưởng 9,54% năm 2022", "consistent"),
    ("Vĩnh Phúc tăng trưởng 7,2% năm 2022", "inconsistent"),
    ("Hà Tĩnh có 171/182 xã đạt chuẩn nông thôn mới năm 2022", "consistent"),
    ("Hà Tĩnh có 94% số xã đạt chuẩn nông thôn mới năm 2022", "consistent"),
    ("Hà Tĩnh có 90% số xã đạt chuẩn nông thôn mới năm 2022", "inconsistent"),
    ("Thu ngân sách Hà Tĩnh năm 2021 đạt 16.916 tỷ đồng", "consistent"),
    ("Thu ngân sách Hà Tĩnh năm 2021 đạt 17.500 tỷ đồng", "inconsistent"),
])
def test_seed_claims(capsys, built_db, claim, verdict):
    result = as_json(capsys, built_db, claim)
    assert matches(result, verdict), result
    assert result["answer"] == ("supported" if verdict == "consistent" else "contradicted")


def test_contradiction_shows_the_worked_difference(capsys, built_db):
    result = as_json(capsys, built_db, "Thu ngân sách Hà Tĩnh năm 2021 đạt 17.500 tỷ đồng")
    (m,) = matches(result, "inconsistent")
    assert m["computation"] == ("claim 17.500 tỷ đồng − stored 16.916 tỷ đồng = +584 tỷ đồng "
                                "(+3,5 % of the stored value)")


@pytest.mark.parametrize("claim", [
    "Hà Tĩnh tăng trưởng 7,2% năm 2022",         # another province
    "Vĩnh Phúc tăng trưởng 7,2% năm 2019",        # another period
    "Vĩnh Phúc thu hút 7,2 tỷ USD vốn FDI năm 2022",  # another indicator and unit
])
def test_figures_that_are_not_comparable_settle_nothing(capsys, built_db, claim):
    result = as_json(capsys, built_db, claim)
    assert not [m for m in matches(result) if m["value"] == pytest.approx(9.54)]
    assert result["answer"] == "not found"


def test_new_province_name_is_not_taken_for_the_old_one(capsys, built_db):
    # Vĩnh Phúc became part of Phú Thọ in 2025: its figure is shown, but cannot confirm a Phú Thọ claim
    result = as_json(capsys, built_db, "Phú Thọ tăng trưởng 9,54% năm 2022")
    ms = [m for m in matches(result) if m["document"] == "000_1c749aa0c2f63065"]
    assert ms and all(m["verdict"] == "cannot tell" for m in ms)
    assert "now part of Phú Thọ" in ms[0]["computation"] and result["answer"] == "cannot tell"


# --- claims about real passages ----------------------------------------------------------------
@pytest.mark.parametrize("claim,answer,figure", [
    ("Ninh Bình có 65/97 xã đạt chuẩn nông thôn mới nâng cao năm 2025", "supported", "65/97 xã"),
    ("Ninh Binh co 67% so xa dat chuan nong thon moi nang cao nam 2025", "supported", "65/97 xã"),
    ("Ninh Bình có 70/97 xã đạt chuẩn nông thôn mới nâng cao năm 2025", "contradicted", "65/97 xã"),
    ("Tỷ lệ hộ nghèo Bắc Kạn năm 2019 là 19,93%", "supported", "16.003/80.276 hộ"),
])
def test_claims_about_real_passages(capsys, real_db, claim, answer, figure):
    result = as_json(capsys, real_db, claim)
    assert result["answer"] == answer, result
    assert figure in [m["text"] for m in matches(result)]
    m = matches(result)[0]
    assert m["url"].startswith("http") and m["title"] and m["published"]


def test_a_district_figure_does_not_contradict_the_province(capsys, real_db):
    # thành phố Bắc Kạn's poverty rate (1,93%) is a district's, not the province's: the province's own rate (19,93%;
    # 10,80% is its near-poor households' rate) is what contradicts the claim
    result = as_json(capsys, real_db, "Tỷ lệ hộ nghèo Bắc Kạn năm 2019 là 10,80%")
    assert result["answer"] == "contradicted", result
    against = [m["text"] for m in matches(result) if m["verdict"] != "supported"]
    assert "19,93%" in against and "1,93%" not in against


def test_a_part_does_not_contradict_a_total(capsys, real_db):
    # `Trong đó, có 85 xã …; có 17 xã …`: 17 is a part, and cannot contradict 85
    result = as_json(capsys, real_db, "Bình Định có 85 xã đạt chuẩn nông thôn mới năm 2023")
    assert not matches(result, "inconsistent")


# --- input, help, exit statuses ------------------------------------------------------------------
def test_help_does_not_crash_and_documents_the_exit_statuses(built_db):
    rc, out, err = cli(built_db, "--help")
    assert rc == 0, err
    assert "9,54% năm 2022" in out and "3  CONTRADICTED" in out and "5  NOT FOUND" in out


def test_a_long_claim_is_refused_quickly(built_db):
    rc, out, err = cli(built_db, "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021. " * 1850, timeout=60)  # ~100 KB
    assert rc == 2 and out == ""
    assert f"at most {MAX_CLAIM_CHARS:,} are read" in err and "characters long" in err


def test_claim_without_a_figure(capsys, built_db):
    rc, out, _ = run_check(capsys, built_db, "Vĩnh Phúc phát triển mạnh")
    assert rc == 1 and "No figure" in out


def test_empty_claim(capsys, built_db):
    rc, _, err = run_check(capsys, built_db, "   ")
    assert rc == 2 and "the claim is empty" in err


def test_missing_database(capsys, tmp_path):
    rc, out, err = run_check(capsys, tmp_path / "none.db", "Vĩnh Phúc tăng trưởng 9,54% năm 2022")
    assert rc == 2 and "not found" in err


def test_json_names_the_claim_reading(capsys, built_db):
    result = as_json(capsys, built_db, "Vinh Phuc ket nap 2.101 dang vien nam 2021")
    fig = result["figures"][0]["figure"]
    assert fig["province"] == "Vĩnh Phúc" and fig["period"] == "2021" and fig["indicator_key"] == "party_admissions"
    m = matches(result, "consistent")[0]
    for key in ("url", "published", "title", "source", "computation", "mention_id", "sentence_id", "archive"):
        assert key in m


def test_each_figure_of_a_claim_is_read_with_its_own_clause(capsys, built_db):
    result = as_json(capsys, built_db, "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021, tăng trưởng 9,54%")
    keys = [f["figure"]["indicator_key"] for f in result["figures"]]
    assert keys == ["party_admissions", "grdp_growth"] and result["answer"] == "supported"


def test_the_advanced_level_is_another_indicator(capsys, built_db):
    # `19 xã đạt chuẩn NTM nâng cao` does not contradict 171 communes meeting the standard
    result = as_json(capsys, built_db, "Hà Tĩnh có 171/182 xã (tỷ lệ 94%) đạt chuẩn nông thôn mới năm 2022")
    assert result["answer"] == "supported" and not matches(result, "inconsistent")
