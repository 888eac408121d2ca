"""`chitieu serve`: Datasette over the database, with the metadata and canned queries beside it."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).parent
METADATA = HERE / "metadata.yml"


def datasette_args(db: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> list[str]:
    args = [str(db) if not public else "-i", *([str(db)] if public else []),
            "--metadata", str(METADATA), "--host", host, "--port", str(port),
            "--setting", "sql_time_limit_ms", "3000", "--setting", "facet_time_limit_ms", "1000",
            "--setting", "default_page_size", "50"]
    if public:
        args += ["--setting", "allow_download", "off", "--setting", "default_allow_sql", "on"]
    return args


def serve(db: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> int:
    if not db.exists():
        print(f"chitieu: database not found: {db} (build it with `chitieu run`)", file=sys.stderr)
        return 2
    exe = shutil.which("datasette", path=str(Path(sys.executable).parent)) or shutil.which("datasette")
    cmd = [exe or sys.executable, *([] if exe else ["-m", "datasette"]), "serve",
           *datasette_args(db, host, port, public)]
    print(f"chitieu: serving {db} at http://{host}:{port}/", flush=True)
    os.execv(cmd[0], cmd)
    return 0
