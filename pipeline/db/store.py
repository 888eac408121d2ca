"""The SQLite database: opening it, content-derived keys, idempotent loads, full-text search.

Every document is loaded in one transaction: its old sentences, mentions and skipped numbers are
replaced together, so a failed load leaves what was stored before untouched.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from extractors.document import Extraction
from extractors.gazetteer import provinces
from extractors.indicators import indicator_key
from extractors.normalize import fold
from pipeline.db.schema import migrate
from pipeline.db.views import create_views

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 30.0  # how long a write waits for another process's lock before it fails


class StoreError(sqlite3.OperationalError):
    """The database cannot be opened or written (disk full, read-only, not a database …): the message
    names the file and says what to do."""


def _no_space(path: Path) -> bool:
    """Whether the file system of `path` is (all but) full: SQLite reports a full disk met while opening
    a database (its -shm file cannot be allocated) as a disk I/O error."""
    for p in (path, *path.parents):
        if p.exists():
            try:
                return shutil.disk_usage(p).free < 1 << 20
            except OSError:
                return False
    return False


def store_problem(path: str | Path, e: BaseException) -> str:
    """`e`, a database or file error, as a message naming the database file and the likely cause."""
    path = Path(path)
    msg = str(e) or type(e).__name__
    low = msg.lower()
    no = getattr(e, "errno", None)
    read_only = [p for p in (path, path.parent) if p.exists() and not os.access(p, os.W_OK)]
    if "full" in low or no == errno.ENOSPC or ("disk i/o error" in low and _no_space(path)):
        hint = "the disk is full: free some space and run again; the documents stored so far are whole"
    elif read_only or "readonly" in low or "read-only" in low or no in (errno.EROFS, errno.EACCES, errno.EPERM):
        hint = (f"{read_only[0] if read_only else 'the file or its folder'} is read-only: chitieu writes the "
                f"database and its -wal/-shm files beside it; use a writable copy")
    elif "unable to open" in low:
        hint = "the file cannot be opened: check that its folder exists and can be written"
    elif "not a database" in low or "malformed" in low:
        hint = "the file is not a SQLite database, or it is damaged"
    elif is_locked(e):
        hint = "another process holds the database: wait for it or stop it"
    else:
        hint = ""
    return f"{path}: {msg}" + (f" ({hint})" if hint else "")


def is_locked(e: BaseException) -> bool:
    """Whether a database error is another connection's lock (SQLITE_BUSY / SQLITE_LOCKED)."""
    low = str(e).lower()
    return "locked" in low or "busy" in low


def open_db(path: str | Path, sets: tuple[str, ...] = ()) -> sqlite_utils.Database:
    """The database at `path`, created when missing, its schema brought up to date (`pipeline.db.schema`:
    the tables every database has, those of `sets` — crawl, checks, monthly — and of the sets it already
    holds) and its views recreated. Raises StoreError naming the file when it cannot be opened or
    written."""
    path = Path(path)
    conn = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL: a killed process never corrupts the file or half-writes a
        # document (each is one transaction); only a power cut may lose the last commits.
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db, *sets)
        create_views(db)
    except (sqlite3.Error, OSError) as e:
        if conn is not None:
            conn.close()
        raise StoreError(store_problem(path, e)) from e
    return db


def _add_entities(db: sqlite_utils.Database, mentions, province: str | None) -> None:
    """Bodies named as owners of figures join the entities table (type from their first word)."""
    names = {m.entity for m in mentions if m.entity} - {p.name for p in provinces()}
    rows = []
    for n in sorted(names):
        if n == "Việt Nam":
            kind = "country"
        elif n.split()[0] in ("huyện", "thị", "thành", "quận"):
            kind = "district"
        elif n.startswith("Sở "):
            kind = "department"
        elif any(w in n for w in ("HĐND", "UBND", "MTTQ", "Công an", "Thanh tra")):
            kind = "government"
        else:
            kind = "party"
        rows.append({"name": n, "type": kind, "gso_code": None, "province": province,
                     "new_province": _province_new(province), "aliases": None})
    if rows:
        db["entities"].insert_all(rows, pk="name", ignore=True)


def _province_new(name: str | None) -> str | None:
    if not name:
        return None
    for p in provinces():
        if p.name == name:
            return p.new_province
    return None


def mention_id(doc: str, m) -> str:
    key = f"{doc}|{m.start}|{m.end}|{m.kind}|{m.value}|{m.low}|{m.high}|{m.denominator}|{m.unit}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def document_state(db: sqlite_utils.Database, doc_id: str) -> tuple[str, str] | None:
    row = db.execute("select sha256, extractor_version from documents where id = ?", [doc_id]).fetchone()
    return (row[0], row[1]) if row else None


def document_states(db: sqlite_utils.Database, ids: list[str]) -> dict[str, tuple[str, str]]:
    """(sha256, extractor_version) of the stored documents among `ids`."""
    out = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        q = f"select id, sha256, extractor_version from documents where id in ({','.join('?' * len(chunk))})"
        for i, sha, ver in db.execute(q, chunk).fetchall():
            out[i] = (sha, ver)
    return out


def _keep_history(db: sqlite_utils.Database, doc_id: str, run_id: int | None, new_ids: set[str]) -> None:
    """Figures a changed document no longer has (the page was edited) move to `mention_history`,
    with the run that saw them replaced, so a journalist can see what changed and when."""
    rows = [dict(zip([c[0] for c in cur.description], r)) for cur in
            [db.execute("select * from mentions where doc = ?", [doc_id])] for r in cur.fetchall()]
    gone = [r for r in rows if r["id"] not in new_ids]
    if not gone:
        return
    sha = db.execute("select sha256 from documents where id = ?", [doc_id]).fetchone()
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for r in gone:
        r["mention_id"] = r.pop("id")
        r.update({"id": f"{r['mention_id']}:{sha[0][:12] if sha else ''}", "superseded_by_run": run_id,
                  "superseded_at": now, "document_sha256": sha[0] if sha else None})
    db["mention_history"].insert_all(gone, pk="id", replace=True, alter=True)


def load(db: sqlite_utils.Database, ex: Extraction, run_id: int | None = None) -> str:
    """Store one extraction. Returns `new`, `changed` or `unchanged`."""
    doc = ex.document
    state = document_state(db, doc.id)
    if state == (doc.sha256, ex.version):
        return "unchanged"
    status = "new" if state is None else "changed"
    prov_new = _province_new(doc.province)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with db.atomic():  # one transaction: all of this document or none of it (not `with db.conn`,
        # which under sqlite-utils 4 lets each write commit on its own)
        if state is not None:
            _keep_history(db, doc.id, run_id, {mention_id(doc.id, m) for m in ex.mentions})
        for table, col in (("mentions", "doc"), ("skipped", "doc"), ("sentences", "document")):
            db.execute(f"delete from [{table}] where [{col}] = ?", [doc.id])
        db["documents"].upsert({
            "id": doc.id, "source": doc.source, "url": doc.urls[0] if doc.urls else None, "title": doc.title,
            "published": doc.published, "author": doc.author, "province": doc.province, "province_new": prov_new,
            "province_source": doc.meta.get("province_source"),
            "text": doc.text, "sha256": doc.sha256, "extractor_version": ex.version,
            "mentions": len(ex.mentions), "loaded_at": now, "view": f"/-/displacy/{doc.id}",
            "changed_run": run_id, **({"first_seen_run": run_id} if state is None else {}),
        }, pk="id", alter=True)
        db["sentences"].insert_all(({
            "id": f"{doc.id}:{s.index}", "document": doc.id, "idx": s.index, "start": s.start, "end": s.end,
            "text": s.text, "text_folded": fold(s.text),
        } for s in ex.sentences), pk="id")
        rows = []
        for m in ex.mentions:
            r = m.record()
            r.update({
                "id": mention_id(doc.id, m), "doc": doc.id,
                "sentence_id": f"{doc.id}:{m.extra['sentence_index']}" if "sentence_index" in m.extra else None,
                "indicator_key": indicator_key(m.indicator), "province": doc.province, "province_new": prov_new,
                "direction": m.direction, "decimals": m.decimals,
                "indicator_rule": m.extra.get("indicator_source"),
                "entity_source": m.extra.get("entity_source"), "period_source": m.extra.get("period_source"),
                "status_source": m.extra.get("status_source"),
            })
            rows.append(r)
        db["mentions"].insert_all(rows, pk="id", replace=True)
        _add_entities(db, ex.mentions, doc.province)
        db["skipped"].insert_all(({
            "id": f"{doc.id}:{s.start}:{s.end}", "doc": doc.id, "start": s.start, "end": s.end, "text": s.text,
            "reason": s.reason,
        } for s in ex.skipped), pk="id", replace=True)
    return status


def start_run(db: sqlite_utils.Database, command: str, inputs: list[str]) -> int:
    runs = db["runs"]
    with db.atomic():
        runs.insert({"started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                     "command": command, "inputs": json.dumps(inputs, ensure_ascii=False)})
    return runs.last_pk


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict, errors: list[tuple[str, str]],
               status: str = "finished", attempts: int = 1) -> None:
    """Close the run's row of `runs` (finished time, status, counts) and list its errors in `run_errors`.
    A run that failed on a database another process holds makes `attempts` tries, each waiting the busy
    timeout, so that the lock's end still lets the run say why it stopped; the last failure is raised."""
    for attempt in range(attempts):
        try:
            with db.atomic():
                db["runs"].update(run_id, {
                    "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"), "status": status,
                    "errors": json.dumps([{"input": i, "error": e} for i, e in errors], ensure_ascii=False),
                    **counts,
                })
                db["run_errors"].insert_all(({"run": run_id, "input": i, "error": e} for i, e in errors), pk="id")
            return
        except sqlite3.OperationalError as e:
            if attempt + 1 == attempts or not is_locked(e):
                raise
