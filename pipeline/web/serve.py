"""`chitieu serve`: Datasette over the database, with the metadata, canned queries, dashboards, the
figure and search pages (plugins) and their templates beside it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from pipeline.db.store import open_db

HERE = Path(__file__).parent
METADATA = HERE / "metadata.yml"
PLUGINS_DIR = HERE / "plugins"
TEMPLATE_DIR = HERE / "templates"
# Facet suggestions run a count(distinct) per column on every table page: seconds at a million rows.
# Facets themselves stay one click away (a column's cog menu, or ?_facet=).
# At most 1,000 rows a query and 2,000 characters a cell on HTML pages; no value longer than 64 MB and no
# query's rows over 64 MB in all (plugins/limits.py).
SETTINGS = {"sql_time_limit_ms": 3000, "facet_time_limit_ms": 1000, "default_page_size": 50,
            "suggest_facets": "off", "max_returned_rows": 1000, "truncate_cells_html": 2000}


def datasette_args(db: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False,
                   inspect_file: Path | None = None) -> list[str]:
    args = [str(db) if not public else "-i", *([str(db)] if public else []),
            "--metadata", str(METADATA), "--plugins-dir", str(PLUGINS_DIR), "--template-dir", str(TEMPLATE_DIR),
            "--host", host, "--port", str(port)]
    for k, v in SETTINGS.items():
        args += ["--setting", k, str(v)]
    if public:
        args += ["--setting", "allow_download", "off", "--setting", "default_allow_sql", "on"]
    if inspect_file:
        args += ["--inspect-file", str(inspect_file)]
    return args


def make_datasette(db: Path, immutable: bool = False, inspect_data: dict | None = None, **settings):
    """The same Datasette `chitieu serve` runs, in-process (for tests and benchmarks)."""
    from datasette.app import Datasette  # heavy: loaded only when a Datasette is made in-process

    return Datasette([] if immutable else [str(db)], immutables=[str(db)] if immutable else [],
                     metadata=yaml.safe_load(METADATA.read_text(encoding="utf-8")),
                     plugins_dir=str(PLUGINS_DIR), template_dir=str(TEMPLATE_DIR),
                     inspect_data=inspect_data, settings={**_typed(SETTINGS), **settings})


def _typed(settings: dict) -> dict:
    """The settings as Python values (the command line says on/off, the constructor wants booleans)."""
    return {k: {"on": True, "off": False}.get(v, v) if isinstance(v, str) else v for k, v in settings.items()}


def refresh_views(db: Path) -> None:
    """Recreate the views, so they follow the code and tables added since the last run (e.g. checks)."""
    try:
        conn = open_db(db)
        conn.conn.close()
    except Exception as e:  # a read-only or locked file is still worth serving as it is
        print(f"chitieu: views not refreshed ({type(e).__name__}: {e})", file=sys.stderr)


def fold_wal(db: Path) -> str | None:
    """Fold the write-ahead log into the database file, as an immutable (`--public`) server reads the file
    alone; None when done, else why not (another process is writing it)."""
    import sqlite3

    try:
        conn = sqlite3.connect(str(db), timeout=5)
        try:
            busy, frames, done = conn.execute("pragma wal_checkpoint(truncate)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as e:
        return str(e)
    return "another process holds it" if busy or (frames > 0 and done < frames) else None


def serve(db: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> int:
    if not db.exists():
        print(f"chitieu: database not found: {db} (build it with `chitieu run`)", file=sys.stderr)
        return 2
    refresh_views(db)
    problem = fold_wal(db) if public else None
    if problem:
        print(f"chitieu: {db}: its write-ahead log cannot be folded into the file ({problem}); a public server "
              f"reads the file alone and would serve it half-written: stop the run or crawl writing it, then "
              f"serve again", file=sys.stderr)
        return 1
    inspect_file = db.with_name(db.name + ".inspect.json")
    exe = shutil.which("datasette", path=str(Path(sys.executable).parent)) or shutil.which("datasette")
    base = [exe or sys.executable, *([] if exe else ["-m", "datasette"])]
    if public and not (inspect_file.exists() and inspect_file.stat().st_mtime >= db.stat().st_mtime):
        # row counts computed once for the immutable file, so table pages need not count 1M rows
        subprocess.run([*base, "inspect", str(db), "--inspect-file", str(inspect_file)], check=False)
    cmd = [*base, "serve", *datasette_args(db, host, port, public,
                                           inspect_file if public and inspect_file.exists() else None)]
    print(f"chitieu: serving {db} at http://{host}:{port}/", flush=True)
    os.execv(cmd[0], cmd)
    return 0
