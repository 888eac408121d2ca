"""`chitieu export`: the tidy figures table (the `figures` view) as CSV or Parquet for pandas and R,
with a data dictionary written beside it.

    chitieu export --format parquet --db output/chitieu.db --out output/export
    -> output/export/figures.parquet, figures_dictionary.csv, figures_dictionary.md

Rows are streamed in batches, so a database of millions of figures exports in constant memory.
"""
from __future__ import annotations

import csv
import sqlite3
import sys
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
import yaml

from pipeline.web.serve import METADATA
from pipeline.db.views import create_views

TABLE = "figures"
FLOAT_COLUMNS = {"value", "low", "high", "denominator"}
INT_COLUMNS = {"decimals", "year", "start", "end"}
BATCH = 50_000
FORMATS = ("csv", "parquet")


def column_type(name: str) -> str:
    return "float64" if name in FLOAT_COLUMNS else "int64" if name in INT_COLUMNS else "string"


def descriptions() -> dict[str, str]:
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return meta["databases"]["chitieu"]["tables"][TABLE].get("columns", {})


def table_description() -> str:
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return meta["databases"]["chitieu"]["tables"][TABLE]["description"]


def output_path(out: Path, fmt: str) -> Path:
    """`out` as given when it names a .csv/.parquet file, else `out/figures.<fmt>`."""
    if out.suffix.lower() in (".csv", ".parquet"):
        return out
    return out / f"{TABLE}.{fmt}"


def _connect(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(db_path))
    has = conn.execute("select 1 from sqlite_master where type = 'view' and name = ?", [TABLE]).fetchone()
    if not has:  # a database built before the view existed: add the views
        create_views(sqlite_utils.Database(conn))
    return conn


def _rows(conn: sqlite3.Connection, columns: list[str]):
    cols = ", ".join(f"[{c}]" for c in columns)
    cur = conn.execute(f"select {cols} from [{TABLE}] order by doc, start")
    while True:
        batch = cur.fetchmany(BATCH)
        if not batch:
            return
        yield batch


def write_csv(conn, columns: list[str], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for batch in _rows(conn, columns):
            w.writerows(batch)
            n += len(batch)
    return n


def write_parquet(conn, columns: list[str], path: Path) -> int:
    import pyarrow as pa  # heavy: loaded only for --format parquet
    import pyarrow.parquet as pq

    types = {"float64": pa.float64(), "int64": pa.int64(), "string": pa.string()}
    desc = descriptions()
    schema = pa.schema([pa.field(c, types[column_type(c)], metadata={"description": desc.get(c, "")})
                        for c in columns], metadata={"description": table_description()})
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as w:
        for batch in _rows(conn, columns):
            cols = list(zip(*batch))
            arrays = [pa.array(list(v), type=schema.field(c).type) for c, v in zip(columns, cols)]
            w.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(batch)
        if n == 0:
            w.write_table(schema.empty_table())
    return n


def write_dictionary(columns: list[str], data_path: Path, fmt: str, rows: int, db_path: Path) -> list[Path]:
    desc = descriptions()
    stem = data_path.with_name(data_path.stem + "_dictionary")
    csv_path, md_path = stem.with_suffix(".csv"), stem.with_suffix(".md")
    with csv_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["column", "type", "description"])
        for c in columns:
            w.writerow([c, column_type(c), desc.get(c, "")])
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    lines = [
        f"# {data_path.name}: data dictionary", "",
        table_description(), "",
        f"- Rows: {rows:,}", f"- Format: {fmt}", f"- From: `{db_path}` (the `{TABLE}` view), exported {now}",
        "- Money is in base units (VND, USD); percentages are as printed (87 means 87 %); "
        "ranges have `low`/`high` and no `value`.",
        "- Read it: `pandas.read_csv(path)` / `pandas.read_parquet(path)`; "
        "R: `readr::read_csv(path)` / `arrow::read_parquet(path)`.", "",
        "| column | type | description |", "| --- | --- | --- |",
    ]
    for c in columns:
        lines.append(f"| {c} | {column_type(c)} | {desc.get(c, '').replace('|', '/')} |")
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [csv_path, md_path]


def export(db_path: Path, fmt: str = "csv", out: Path = Path("output/export")) -> tuple[Path, list[Path], int]:
    """Write the figures table and its dictionary; returns (data file, dictionary files, rows)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (csv or parquet)")
    path = output_path(out, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = _connect(db_path)
    try:
        columns = [r[1] for r in conn.execute(f"select * from pragma_table_info('{TABLE}')")]
        tmp = path.with_name(path.name + ".part")
        rows = (write_csv if fmt == "csv" else write_parquet)(conn, columns, tmp)
        tmp.replace(path)
    finally:
        conn.close()
    return path, write_dictionary(columns, path, fmt, rows, db_path), rows


def export_command(args) -> int:
    db = Path(args.db)
    if not db.exists():
        print(f"chitieu: database not found: {db} (build it with `chitieu run`)", file=sys.stderr)
        return 2
    path, dicts, rows = export(db, args.format, Path(args.out))
    print(f"chitieu: {rows:,} figures -> {path} (dictionary: {', '.join(str(d) for d in dicts)})",
          file=sys.stderr)
    return 0
