"""`chitieu export`: the figures table as CSV and Parquet, readable with pyarrow, with its dictionary."""
import csv
import sqlite3

import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from pipeline.orchestration.cli import main


def _figures(db):
    c = sqlite3.connect(db)
    try:
        cols = [r[1] for r in c.execute("select * from pragma_table_info('figures')")]
        n = c.execute("select count(*) from mentions").fetchone()[0]
    finally:
        c.close()
    return cols, n


def _dictionary_ok(path, cols):
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["column"] for r in rows] == cols
    assert all(r["description"].strip() and r["type"] in ("string", "float64", "int64") for r in rows)
    md = path.with_suffix(".md").read_text(encoding="utf-8")
    assert all(f"| {c} |" in md for c in cols) and "Rows:" in md


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_readable_with_pyarrow(built_db, tmp_path, fmt):
    cols, n = _figures(built_db)
    assert main(["export", "--format", fmt, "--db", str(built_db), "--out", str(tmp_path / "out")]) == 0
    path = tmp_path / "out" / f"figures.{fmt}"
    table = pq.read_table(path) if fmt == "parquet" else pacsv.read_csv(path)
    assert table.num_rows == n and table.column_names == cols
    rows = table.to_pylist()
    r = next(x for x in rows if x["text"] == "16.916 tỷ đồng")
    assert r["value"] == 16916e9 and r["unit"] == "VND" and r["province"] == "Hà Tĩnh"
    assert str(table.schema.field("value").type) == "double"
    if fmt == "parquet":
        assert str(table.schema.field("decimals").type) == "int64"
        assert table.schema.field("value").metadata[b"description"].startswith(b"The headline quantity")
    _dictionary_ok(tmp_path / "out" / "figures_dictionary.csv", cols)
    assert not list((tmp_path / "out").glob("*.part"))


def test_export_to_a_named_file_and_errors(built_db, tmp_path, capsys):
    out = tmp_path / "mine.csv"
    assert main(["export", "--db", str(built_db), "--out", str(out)]) == 0
    assert out.exists() and (tmp_path / "mine_dictionary.csv").exists() and (tmp_path / "mine_dictionary.md").exists()
    assert "figures ->" in capsys.readouterr().err
    assert main(["export", "--db", str(tmp_path / "missing.db"), "--out", str(tmp_path)]) == 2
    assert "database not found" in capsys.readouterr().err


def test_export_of_an_empty_database(tmp_path):
    from pipeline.db.store import open_db

    open_db(tmp_path / "chitieu.db").conn.close()
    assert main(["export", "--format", "parquet", "--db", str(tmp_path / "chitieu.db"),
                 "--out", str(tmp_path / "e")]) == 0
    t = pq.read_table(tmp_path / "e" / "figures.parquet")
    assert t.num_rows == 0 and "indicator_key" in t.column_names
