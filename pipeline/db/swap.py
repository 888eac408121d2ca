"""The database swapped whole, and a lock beside it: what `chitieu run --swap` and the monthly batch share.

`--swap`: the run goes into a copy next to the database (`chitieu.db-swap`, made with SQLite's backup
API); after `PRAGMA integrity_check` the copy replaces the database with one `os.replace`, so a reader
of the old file never sees a half-built one. Without it the run writes the database in place, in WAL
mode, and Datasette can serve the file meanwhile. A lock file (`chitieu.db-monthly.lock`) keeps two
monthly runs off one database.
"""
from __future__ import annotations

import gc
import os
import sqlite3
import sys
from pathlib import Path


class SwapError(RuntimeError):
    """The new database could not be swapped in; the old one is untouched."""


def swap_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-swap")


def discard(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def prepare_swap(db_path: Path) -> Path:
    """A copy of the database next to it (a stale one from a killed run is thrown away first), made with
    SQLite's backup API: a consistent snapshot, with what is still in the WAL, read without writing."""
    new = swap_path(db_path)
    discard(new)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    dst = sqlite3.connect(new)
    try:
        if db_path.exists():
            src = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
            try:
                src.backup(dst)
            finally:
                src.close()
    finally:
        dst.close()
    return new


def commit_swap(new: Path, db_path: Path) -> None:
    """Check the new database and put it in place of the old one atomically. On any problem the old
    file stays as it was (and the new one stays at `new` for a look)."""
    gc.collect()  # connections a stage left to the garbage collector
    c = sqlite3.connect(new, timeout=30)
    try:
        result = [r[0] for r in c.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            raise SwapError(f"PRAGMA integrity_check failed on {new}: {'; '.join(result[:5])}; "
                            f"{db_path} is unchanged")
        busy = c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        c.execute("PRAGMA journal_mode=DELETE")  # everything in the one file that is renamed
    finally:
        c.close()
    if busy:
        raise SwapError(f"{new} is still open elsewhere; {db_path} is unchanged")
    if db_path.exists():
        # The old file's WAL must hold nothing when the new file takes its name: SQLite would read the
        # old frames into the new file. Readers (Datasette) only delay this checkpoint.
        o = sqlite3.connect(db_path, timeout=60)
        try:
            busy = o.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            o.close()
        if busy:
            raise SwapError(f"{db_path} is busy (a writer or a long read held its WAL): it is unchanged; the new "
                            f"database is {new} (move it over {db_path} when nothing uses it)")
    os.replace(new, db_path)
    try:
        fd = os.open(db_path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        pass
    discard(new)  # sidecars only: the file itself has moved


def swap_build(db_path: Path, build, say=print) -> int:
    """Run `build(path)` into a copy of the database and swap the copy in when it returns 0 or 1."""
    new = prepare_swap(db_path)
    say(f"building into {new} (swapped in when done)")
    try:
        rc = build(new)
    except BaseException:
        gc.collect()
        discard(new)
        raise
    if rc not in (0, 1):
        gc.collect()
        discard(new)
        say(f"nothing swapped: {db_path} is unchanged")
        return rc
    try:
        commit_swap(new, db_path)
    except SwapError as e:
        print(f"chitieu: {e}", file=sys.stderr)
        return 1
    say(f"integrity_check ok; {db_path} replaced")
    return rc


# -- lock -------------------------------------------------------------------------------------------

class DbLock:
    """An advisory lock beside the database (released by the kernel when the process dies)."""

    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + "-monthly.lock")
        self.f = None

    def acquire(self) -> bool:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): no lock
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.f = open(self.path, "a+")
        try:
            fcntl.flock(self.f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.f.close()
            self.f = None
            return False
        self.f.seek(0)
        self.f.truncate()
        self.f.write(f"{os.getpid()}\n")
        self.f.flush()
        return True

    def holder(self) -> str:
        try:
            return self.path.read_text().strip() or "?"
        except OSError:
            return "?"

    def release(self) -> None:
        if self.f is not None:
            self.f.close()
            self.f = None
