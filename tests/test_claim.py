"""`chitieu check "CLAIM"`: the seeds' figures found, supported or contradicted, with their sources."""
import json
import subprocess
import sys

import pytest

from pipeline.orchestration.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def run_check(capsys, db, *args):
    rc = main(["check", *args, "--db", str(db)])
    out = capsys.readouterr()
    return rc, out.out, out.err


def as_json(capsys, db, claim):
    rc, out, _ = run_check(capsys, db, claim, "--format", "json")
    assert rc == 0
    return json.loads(out)


def matches(result, verdict=None):
    ms = [m for f in result["figures"] for m in f["matches"]]
    return [m for m in ms if verdict is None or m["verdict"] == verdict]


def test_claim_finds_the_seed_figure(capsys, built_db):
    rc, out, _ = run_check(capsys, built_db, "Vĩnh Phúc tăng trưởng 9,54% năm 2022")
    assert rc == 0
    assert "SUPPORTS" in out and "9,54%" in out
    assert "tốc độ tăng trưởng kinh tế đạt 9,54%" in out       # the source sentence
    assert "000_1c749aa0c2f63065" in out                      # the document


def test_claim_json(capsys, built_db):
    result = as_json(capsys, built_db, "Vĩnh Phúc tăng trưởng 9,54% năm 2022")
    (fig,) = result["figures"]
    assert fig["figure"]["value"] == pytest.approx(9.54) and fig["figure"]["period"] == "2022"
    (m,) = [m for m in fig["matches"] if m["document"] == "000_1c749aa0c2f63065"]
    assert m["verdict"] == "consistent"
    assert "9,54%" in m["sentence"] and m["period"] == "2022" and m["entity"] == "Vĩnh Phúc"
    for key in ("url", "published", "title", "source", "computation", "mention_id"):
        assert key in m
    assert "±0,005" in m["computation"]


def test_claim_with_another_value_is_contradicted(capsys, built_db):
    result = as_json(capsys, built_db, "Vĩnh Phúc tăng trưởng 7,2% năm 2022")
    (m,) = matches(result, "inconsistent")
    assert m["value"] == pytest.approx(9.54) and "they differ" in m["computation"]


@pytest.mark.parametrize("claim,verdict", [
    ("Hà Tĩnh có 171/182 xã đạt chuẩn nông thôn mới năm 2022", "consistent"),
    ("Hà Tĩnh có 94% số xã đạt chuẩn nông thôn mới năm 2022", "consistent"),
    ("Hà Tĩnh có 90% số xã đạt chuẩn nông thôn mới năm 2022", "inconsistent"),
    ("Thu ngân sách Hà Tĩnh năm 2021 đạt 16.916 tỷ đồng", "consistent"),
    ("Thu ngân sách Hà Tĩnh năm 2021 đạt 17.500 tỷ đồng", "inconsistent"),
])
def test_seed_claims(capsys, built_db, claim, verdict):
    result = as_json(capsys, built_db, claim)
    assert matches(result, verdict), matches(result)


@pytest.mark.parametrize("claim", [
    "Hà Tĩnh tăng trưởng 7,2% năm 2022",         # another province
    "Vĩnh Phúc tăng trưởng 7,2% năm 2019",        # another period
    "Vĩnh Phúc thu hút 7,2 tỷ USD vốn FDI năm 2022",  # another indicator and unit
])
def test_figures_that_are_not_comparable_are_not_listed(capsys, built_db, claim):
    result = as_json(capsys, built_db, claim)
    assert not [m for m in matches(result) if m["value"] == pytest.approx(9.54)]


def test_new_province_name_is_not_taken_for_the_old_one(capsys, built_db):
    # Vĩnh Phúc became part of Phú Thọ in 2025: its figure is shown, but cannot confirm a Phú Thọ claim
    result = as_json(capsys, built_db, "Phú Thọ tăng trưởng 9,54% năm 2022")
    ms = [m for m in matches(result) if m["document"] == "000_1c749aa0c2f63065"]
    assert ms and all(m["verdict"] == "cannot tell" for m in ms)
    assert "now part of Phú Thọ" in ms[0]["computation"]


def test_claim_without_a_figure(capsys, built_db):
    rc, out, _ = run_check(capsys, built_db, "Vĩnh Phúc phát triển mạnh")
    assert rc == 1 and "No figure" in out


def test_missing_database(capsys, tmp_path):
    rc, out, err = run_check(capsys, tmp_path / "none.db", "Vĩnh Phúc tăng trưởng 9,54% năm 2022")
    assert rc == 2 and "not found" in err


def test_check_command_in_a_subprocess(built_db):
    p = subprocess.run([sys.executable, "-m", "pipeline.orchestration.cli", "check", "Vĩnh Phúc tăng trưởng 9,54% năm 2022",
                        "--db", str(built_db), "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    assert matches(json.loads(p.stdout), "consistent")
