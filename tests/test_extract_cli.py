"""`chitieu extract`: exactly the record of ANNOTATION.md, exact offsets, jsonl and csv, stdin."""
import csv
import io
import json
import subprocess
import sys

from extractors.record import RECORD_FIELDS
from extractors.textdump import read_dump
from pipeline.orchestration.cli import main

from conftest import CORPUS, ROOT


def run_cli(args, stdin=None):
    p = subprocess.run([sys.executable, "-m", "pipeline.orchestration.cli", *args], cwd=ROOT, input=stdin,
                       capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def test_jsonl_records_fields_and_offsets(seed_files, capsys):
    assert main(["extract", *map(str, seed_files), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 100
    texts = {f.stem: read_dump(f)[0].text for f in seed_files}
    for line in lines:
        rec = json.loads(line)
        assert list(rec) == list(RECORD_FIELDS)
        assert rec["text"] == texts[rec["doc"]][rec["start"]:rec["end"]]
        assert rec["kind"] in ("fraction", "percent", "range", "money", "quantity", "rank", "multiplier")
        assert rec["text"] in rec["sentence"]


def test_csv_format(seed_files, capsys):
    assert main(["extract", str(seed_files[4]), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and list(rows[0]) == list(RECORD_FIELDS)
    rank = next(r for r in rows if r["kind"] == "rank")
    assert rank["text"] == "xếp thứ 32/63 tỉnh" and float(rank["value"]) == 32 and float(rank["denominator"]) == 63


def test_stdin_and_split_ids(tmp_path):
    joined = "\n\n".join((CORPUS / f"{s}.txt").read_text() for s in ("003_ee8cb3bb1927d143", "004_6f0c2117b7fe85f6"))
    code, out, err = run_cli(["extract", "-"], stdin=joined)
    assert code == 0, err
    docs = {json.loads(l)["doc"] for l in out.splitlines()}
    assert docs == {"stdin", "stdin-2"}
    f = tmp_path / "dump.txt"
    f.write_text(joined)
    code, out, _ = run_cli(["extract", str(f)])
    assert {json.loads(l)["doc"] for l in out.splitlines()} == {"dump", "dump-2"}


def test_bad_file_named_and_others_go_on(tmp_path, seed_files):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01binary")
    code, out, err = run_cli(["extract", str(bad), str(seed_files[1])])
    assert code == 0
    assert "broken.txt" in err and "binary" in err
    assert any(json.loads(l)["text"] == "2.101/2.000 chỉ tiêu" for l in out.splitlines())


def test_dates_and_codes_are_not_mentions(seed_files, capsys):
    main(["extract", str(CORPUS / "003_ee8cb3bb1927d143.txt")])
    texts = [json.loads(l)["text"] for l in capsys.readouterr().out.splitlines()]
    for not_figure in ("22/9/2021", "371-QĐ/TU", "2020-2025", "COVID-19", "01-KL/TW"):
        assert not any(not_figure in t for t in texts), not_figure


def test_coverage(seed_files, capsys):
    assert main(["extract", "--coverage", "--format", "jsonl", *map(str, seed_files)]) == 0
    rows = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [r["doc"] for r in rows] == [f.stem for f in seed_files]
    for r in rows:
        assert r["mentions"] > 0 and r["skipped"] > 0
        assert r["unread"] == len(r["unread_numbers"])
