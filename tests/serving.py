"""`chitieu serve` as a real process on 127.0.0.1, for the tests that talk to it over HTTP."""
from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chitieu() -> list[str]:
    exe = Path(sys.executable).parent / "chitieu"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "pipeline.orchestration.cli"]


def copy_db(src: Path, dst: Path) -> Path:
    """A copy of `src` through the backup API, so what is still in its WAL comes along (serve refreshes
    the views: the session's database is never served itself)."""
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    b.close()
    return dst


@contextmanager
def chitieu_serve(db: Path, log_path: Path, *args: str):
    """Yield (base URL, process) of `chitieu serve --db DB ARGS` on a free port; stopped afterwards."""
    port = free_port()
    log = log_path.open("w")
    proc = subprocess.Popen([*chitieu(), "serve", "--db", str(db), "--port", str(port), "--host", "127.0.0.1",
                             *args], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("chitieu serve did not start: " + log_path.read_text()[-2000:])
        time.sleep(0.3)
    try:
        yield base, proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()
