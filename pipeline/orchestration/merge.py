"""`chitieu merge A.db B.db … --into OUT.db`: databases built on several machines — a crawl split by site,
a corpus split in parts — into one, as if one process had built it. Idempotent: merging the same
database twice adds nothing.

Every key is derived from content or a URL (a web document's id from its canonical URL, a mention's from
its document, span and value, a sentence's from its document and index), so the same page crawled on two
machines is the same row. Per document of each source, in one transaction (a merge killed at any moment
leaves whole documents):

- not in OUT: copied with its sentences, mentions, skipped numbers, figure history, URLs, report and
  report cells — unless it is a syndicated copy of a document OUT has (the crawl's test: simhash, then
  shingle overlap; or the same archived report): then only its URLs are added, as `duplicate`s of it, as
  one crawl of both sites would have stored it;
- in OUT with the same text and extractor version: nothing (its URLs are added);
- in OUT, different: the one loaded last wins, whole.

`runs` (with `run_errors`, `crawl_runs`) are copied once each — a run is known by its start time, command
and inputs — with new ids, and the documents' and history's run columns follow them. `crawl_pages`
keeps each URL's latest verdict. The raw pages archived beside a source (`archive/` next to it) are copied
next to OUT. The checks (`checks`, …) are not copied: they are recomputed from the merged figures by
`chitieu check --changed` or the next `chitieu run`; the monthly batch's bookkeeping stays with each source.
"""
from __future__ import annotations

import shutil
import sqlite3
import sys
from collections import Counter
from pathlib import Path

from pipeline.db.store import StoreError, open_db, store_problem
from pipeline.db.views import create_views
from scrapers.webstore import WebStore

DOC_TABLES = (("sentences", "document"), ("mentions", "doc"), ("skipped", "doc"))


def merge_command(args) -> int:
    out = Path(args.into)
    sources = [Path(s) for s in args.sources]
    for s in sources:
        if not s.is_file():
            print(f"chitieu merge: {s}: no such database", file=sys.stderr)
            return 2
        if out.exists() and s.resolve() == out.resolve():
            print(f"chitieu merge: {s} is the database merged into; name it only with --into", file=sys.stderr)
            return 2
    try:
        db = open_db(out, sets=("crawl",))
    except StoreError as e:
        print(f"chitieu merge: {e}", file=sys.stderr)
        return 1
    total: Counter[str] = Counter()
    failed = 0
    try:
        for s in sources:
            try:
                counts = merge_database(db, s, out)
            except MergeError as e:
                print(f"chitieu merge: {e}", file=sys.stderr)
                failed += 1
                continue
            total.update(counts)
            if not args.quiet:
                print(f"chitieu merge: {s}: {_words(counts)}", file=sys.stderr)
        create_views(db)
    except sqlite3.OperationalError as e:  # OUT cannot be written: what was merged so far is whole
        print(f"chitieu merge: {store_problem(out, e)}", file=sys.stderr)
        return 1
    finally:
        db.conn.close()
    if not args.quiet:
        print(f"chitieu merge: -> {out}: {_words(total)}; run `chitieu check --changed --db {out}` to check the "
              "merged figures", file=sys.stderr)
    return 1 if failed else 0


class MergeError(Exception):
    """A source that cannot be merged (not a chitieu database): the message names it."""


def _words(c: Counter) -> str:
    return (f"{c['documents_added']} document(s) added, {c['documents_replaced']} replaced by a newer version, "
            f"{c['documents_same']} already there, {c['duplicates']} syndicated copies kept as URLs, "
            f"{c['runs_added']} run(s) added")


def _columns(db, schema: str, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"pragma {schema}.table_info([{table}])").fetchall()]


def _common(db, table: str) -> list[str]:
    """The columns of `table` both databases have (a source from an older schema lacks the newer ones)."""
    src = set(_columns(db, "src", table))
    return [c for c in _columns(db, "main", table) if c in src]


def _copy(db, table: str, where: str, args: list, how: str = "insert") -> int:
    cols = _common(db, table)
    if not cols:
        return 0
    names = ", ".join(f"[{c}]" for c in cols)
    cur = db.execute(f"{how} into main.[{table}] ({names}) select {names} from src.[{table}] where {where}", args)
    return cur.rowcount


def _has(db, schema: str, table: str) -> bool:
    return db.execute(f"select 1 from {schema}.sqlite_master where type = 'table' and name = ?",
                      [table]).fetchone() is not None


def merge_database(db, src: Path, out: Path) -> Counter:
    """Merge the database at `src` into `db` (opened at `out`); returns what it added."""
    counts: Counter[str] = Counter()
    try:
        probe = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            names = {r[0] for r in probe.execute("select name from sqlite_master where type = 'table'")}
        finally:
            probe.close()
    except sqlite3.DatabaseError as e:
        raise MergeError(f"{src}: not a SQLite database ({e})") from e
    if "documents" not in names or "runs" not in names:
        raise MergeError(f"{src}: not a chitieu database (no documents or runs table)")
    if db.conn.in_transaction:
        db.conn.commit()
    db.execute("attach database ? as src", [str(src)])
    try:
        runs = _merge_runs(db, counts)
        store = WebStore(db)
        crawled = _has(db, "src", "document_urls")
        ids = [r[0] for r in db.execute("select id from src.documents order by loaded_at, id").fetchall()]
        for doc_id in ids:
            with db.atomic():
                _merge_document(db, store, doc_id, runs, crawled, counts)
        if _has(db, "src", "crawl_pages"):
            with db.atomic():
                db.execute(f"delete from main.crawl_pages where url in (select s.url from src.crawl_pages s join "
                           f"main.crawl_pages m on m.url = s.url where s.last_seen > m.last_seen)")
                _copy(db, "crawl_pages", "1", [], "insert or ignore")
        with db.atomic():
            _copy(db, "entities", "1", [], "insert or ignore")
        if crawled:
            counts["archived"] = _copy_archive(db, src.parent / "archive", out.parent / "archive")
    finally:
        if db.conn.in_transaction:
            db.conn.commit()
        db.execute("detach database src")
    return counts


def _merge_runs(db, counts: Counter) -> dict[int, int]:
    """Source run id -> OUT run id; a run OUT has (same start, command and inputs) is not copied again."""
    mapping = {}
    cols = [c for c in _common(db, "runs") if c != "id"]
    names = ", ".join(f"[{c}]" for c in cols)
    for row in db.execute(f"select id, started, command, inputs from src.runs order by id").fetchall():
        rid, started, command, inputs = row
        have = db.execute("select id from main.runs where started is ? and command is ? and inputs is ?",
                          [started, command, inputs]).fetchone()
        if have:
            mapping[rid] = have[0]
            continue
        with db.atomic():
            cur = db.execute(f"insert into main.runs ({names}) select {names} from src.runs where id = ?", [rid])
            new = cur.lastrowid
            mapping[rid] = new
            ecols = [c for c in _common(db, "run_errors") if c not in ("id", "run")]
            enames = ", ".join(f"[{c}]" for c in ecols)
            db.execute(f"insert into main.run_errors (run, {enames}) select ?, {enames} from src.run_errors "
                       f"where run = ?", [new, rid])
            if _has(db, "src", "crawl_runs"):
                ccols = [c for c in _common(db, "crawl_runs") if c != "run"]
                cnames = ", ".join(f"[{c}]" for c in ccols)
                db.execute(f"insert or ignore into main.crawl_runs (run, {cnames}) select ?, {cnames} from "
                           f"src.crawl_runs where run = ?", [new, rid])
        counts["runs_added"] += 1
    return mapping


def _urls(db, doc_id: str) -> list[tuple]:
    return db.execute("select url, role, archive, simhash from src.document_urls where document = ? "
                      "order by role = 'canonical' desc, url", [doc_id]).fetchall()


def _merge_document(db, store: WebStore, doc_id: str, runs: dict[int, int], crawled: bool, counts: Counter) -> None:
    src = db.execute("select sha256, extractor_version, loaded_at, text from src.documents where id = ?",
                     [doc_id]).fetchone()
    have = db.execute("select sha256, extractor_version, loaded_at from main.documents where id = ?",
                      [doc_id]).fetchone()
    urls = _urls(db, doc_id) if crawled else []
    if have is None:
        dup = _duplicate_of(db, store, doc_id, src[3], urls)
        if dup:
            counts["duplicates"] += 1
            for url, role, archive, fp in urls:
                if role != "alias":
                    db.execute("insert or ignore into main.document_urls (url, document, site, role, first_seen, "
                               "last_seen, archive, simhash, version) select url, ?, site, 'duplicate', first_seen, "
                               "last_seen, archive, simhash, version from src.document_urls where url = ?", [dup, url])
            return
        _copy_document(db, doc_id, runs)
        counts["documents_added"] += 1
    elif (have[0], have[1]) == (src[0], src[1]) or (have[2] or "") >= (src[2] or ""):
        counts["documents_same" if (have[0], have[1]) == (src[0], src[1]) else "documents_older"] += 1
    else:
        for table, col in (*DOC_TABLES[::-1], ("report_cells", "document"), ("reports", "document")):
            if _has(db, "main", table):
                db.execute(f"delete from main.[{table}] where [{col}] = ?", [doc_id])
        _copy_document(db, doc_id, runs, replace=True)
        counts["documents_replaced"] += 1
    if crawled:
        _copy(db, "document_urls", "document = ?", [doc_id], "insert or ignore")
        for url, role, archive, fp in urls:
            if role == "canonical" and fp:
                store.index.add(doc_id, int(fp, 16))


def _duplicate_of(db, store: WebStore, doc_id: str, text: str, urls: list[tuple]) -> str | None:
    """The document OUT holds that this one is a copy of: the same archived bytes, or near-duplicate text."""
    for url, role, archive, fp in urls:
        if role != "canonical":
            continue
        if archive:
            same = store.document_for_archive(archive)
            if same and same != doc_id:
                return same
        if fp:
            return store.find_duplicate(doc_id, text, int(fp, 16))
    return None


def _copy_document(db, doc_id: str, runs: dict[int, int], replace: bool = False) -> None:
    if replace:  # an update, not a delete: the document's URLs point at it, and the search index follows updates
        names = ", ".join(f"[{c}]" for c in _common(db, "documents") if c != "id")
        db.execute(f"update main.documents set ({names}) = (select {names} from src.documents where id = ?) "
                   f"where id = ?", [doc_id, doc_id])
    else:
        _copy(db, "documents", "id = ?", [doc_id])
    for col in ("first_seen_run", "changed_run"):
        if col in _common(db, "documents"):
            old = db.execute(f"select [{col}] from src.documents where id = ?", [doc_id]).fetchone()[0]
            db.execute(f"update main.documents set [{col}] = ? where id = ?", [runs.get(old), doc_id])
    for table, col in DOC_TABLES:
        _copy(db, table, f"[{col}] = ?", [doc_id])
    if _has(db, "src", "mention_history"):
        before = {r[0] for r in db.execute("select id from main.mention_history where doc = ?", [doc_id])}
        _copy(db, "mention_history", "doc = ?", [doc_id], "insert or ignore")
        for hid, run in db.execute("select id, superseded_by_run from src.mention_history where doc = ?", [doc_id]):
            if hid not in before:
                db.execute("update main.mention_history set superseded_by_run = ? where id = ?", [runs.get(run), hid])
    for table in ("reports", "report_cells"):
        if _has(db, "src", table):
            _copy(db, table, "document = ?", [doc_id], "insert or replace")


def _copy_archive(db, src_dir: Path, out_dir: Path) -> int:
    """The raw pages (archive/ab/abcdef….gz) of the merged documents, copied when OUT's archive lacks them."""
    if not src_dir.is_dir() or src_dir.resolve() == out_dir.resolve():
        return 0
    n = 0
    for (rel,) in db.execute("select distinct archive from src.document_urls where archive is not null"):
        source, target = src_dir / rel, out_dir / rel
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            n += 1
    return n
