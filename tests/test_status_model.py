"""The trained status model (extractors/status_model.py, `chitieu train-status`): it is what the gold trains,
it reads unseen development parts better than calling everything a result, the extractor uses it, and the
rules decide where it has nothing to say."""
import json
import subprocess
import sys

import pytest

from extractors import status_model
from extractors.document import Document
from extractors.extract import extract_document
from pipeline.evaluation.train_status import cross_validate, examples, part_of, train

from conftest import ROOT


@pytest.fixture(scope="module")
def rows():
    return examples()


def figure(text, span, published=None):
    ex = extract_document(Document(id="t", source="", text=text, published=published))
    return next(m for m in ex.mentions if m.text == span)


def test_the_shipped_model_is_what_the_gold_trains(rows):
    shipped = status_model.load()
    trained = train(rows)
    assert shipped, "extractors/data/status_model.json is missing: run `make train-status`"
    assert set(trained) == set(shipped), "the shipped model was trained on other gold: run `make train-status`"
    assert max(abs(trained[k] - shipped[k]) for k in shipped) < 1e-4


def test_it_reads_unseen_parts_better_than_calling_everything_a_result(rows):
    results = cross_validate(rows)
    right = sum(r for r, _ in results.values())
    n = sum(n for _, n in results.values())
    targets = sum(y for d, _, y in rows if d.startswith("rdev-"))
    assert len(results) >= 8
    assert right / n > (n - targets) / n + 0.03


def test_a_part_of_two_letters_is_a_part_of_its_own():
    assert [part_of(d) for d in ("rdev-a012", "rdev-ab007", "rdev-ab", "rdev-y020")] == ["rdev-a", "rdev-ab", "rdev-ab",
                                                                                         "rdev-y"]


def test_features_are_the_words_around_the_figure():
    text = "Năm 2024, tăng trưởng kinh tế đạt 7,02% (kế hoạch 7-7,5%), xếp thứ 26."
    start = text.index("7-7,5%")
    f = status_model.features(text, 0, len(text), start, start + len("7-7,5%"), "2025-01-05", None)
    assert {"L0:hoạch", "L1:kế", "IN_PAREN", "PW0:kế_hoạch", "R0:xếp", "Y:past"} <= f
    assert not any(x.startswith("P:") for x in f)   # no sentence before


@pytest.mark.parametrize("text, span, published, status", [
    ("Năm 2025, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 8%.", "8%", "2024-12-20", "target"),
    ("Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,5%.", "7,5%", "2024-01-10", "actual"),
    ("Dự kiến năm 2026, thu ngân sách trên địa bàn đạt 20.000 tỷ đồng.", "20.000 tỷ đồng", "2025-12-01", "target"),
])
def test_the_extractor_reads_status_with_the_model(text, span, published, status):
    m = figure(text, span, published)
    assert (m.status, m.extra["status_source"]) == (status, "model")


def test_a_bracket_naming_the_plan_is_read_by_the_rules():
    m = figure("Năm 2024, tốc độ tăng trưởng kinh tế đạt 6,2% (kế hoạch 7,5%).", "7,5%", "2025-01-05")
    assert (m.status, m.extra["status_source"]) == ("target", "rules")


def test_without_a_model_the_rules_decide():
    status_model.use({})
    try:
        m = figure("Năm 2025, tỉnh phấn đấu tốc độ tăng trưởng kinh tế đạt 8%.", "8%", "2024-12-20")
    finally:
        status_model.use(None)
    assert (m.status, m.extra["status_source"]) == ("target", "rules")


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "pipeline.orchestration.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def test_train_status_writes_a_model_from_a_gold_folder(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    passages = [
        ("rdev-a001", "Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh đạt 7,5%. Năm 2024, tỉnh phấn đấu tăng 8%.",
         [("7,5%", "actual"), ("8%", "target")]),
        ("rdev-b001", "Thu ngân sách năm 2023 đạt 9.000 tỷ đồng. Mục tiêu năm 2024 thu 10.000 tỷ đồng.",
         [("9.000 tỷ đồng", "actual"), ("10.000 tỷ đồng", "target")]),
    ]
    with open(gold / "real_dev_x.jsonl", "w", encoding="utf-8") as f:
        for doc, text, ms in passages:
            f.write(json.dumps({"doc": doc, "url": None, "site": None, "title": None, "published": "2024-01-01",
                                "province": None, "text": text,
                                "mentions": [{"text": t, "occurrence": 0, "kind": "percent" if "%" in t else "money",
                                              "status": st} for t, st in ms]}, ensure_ascii=False) + "\n")
    out = tmp_path / "model.json"
    p = _cli("train-status", "--gold", str(gold), "--cv", "--out", str(out))
    assert p.returncode == 0, p.stderr
    assert "4 figures from 2 documents (2 targets)" in p.stdout
    assert "rdev-a:" in p.stdout and "rdev-b:" in p.stdout
    weights = json.loads(out.read_text(encoding="utf-8"))["weights"]
    assert weights["S:phấn"] > 0 and weights["S:mục"] > 0   # words only the targets' sentences hold


def test_train_status_on_a_folder_without_gold_says_so(tmp_path):
    p = _cli("train-status", "--gold", str(tmp_path), "--out", str(tmp_path / "m.json"))
    assert p.returncode == 1 and str(tmp_path) in p.stderr
    assert not (tmp_path / "m.json").exists()
