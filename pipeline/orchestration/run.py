"""`chitieu run`: every document of a corpus folder through extraction into the database.

Incremental: a document whose text (sha256) and extractor version are already stored is not
extracted again. Resumable: each document is loaded in its own transaction, so a run killed at any
moment leaves whole documents only, and the next run does the rest. Extraction runs on an executor
(in-process, a process pool, or Dask); this process stays the single SQLite writer.
"""
from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import EXTRACTOR_VERSION
from extractors.budget import DEFAULT_DOC_TIMEOUT
from extractors.document import InputError
from extractors.corpus import list_corpus
from extractors.textdump import read_dump
from pipeline.db import store
from pipeline.db.checks_store import update_checks
from pipeline.orchestration.executors import get_executor
from pipeline.web.report import write_report
from pipeline.db.store import StoreError, document_states, finish_run, open_db, start_run, store_problem
from pipeline.db.views import create_views

AUTO_POOL_THRESHOLD = 20  # fewer documents than this are extracted in-process (no pool start-up)


def run_corpus(corpus: Path, db_path: Path, quiet: bool = False, executor: str = "auto",
               workers: int | None = None, scheduler: str | None = None, timings: dict | None = None,
               report: str | None = None, follow_symlinks: bool = False,
               doc_timeout: float | None = DEFAULT_DOC_TIMEOUT) -> int:
    """Run the corpus into the database; `timings`, if given, receives seconds per stage. Only regular
    files inside the corpus folder are read: symbolic links and special files are refused by name
    (recorded in `run_errors`), unless `follow_symlinks`, which reads the regular files links point to. A
    document whose extraction takes longer than `doc_timeout` seconds is recorded in `run_errors` and the run
    goes on."""
    clock = time.perf_counter
    t = timings if timings is not None else {}
    t0 = clock()
    if not corpus.is_dir():
        print(f"chitieu: corpus folder not found: {corpus}", file=sys.stderr)
        return 2
    listing = list_corpus(corpus, follow_symlinks=follow_symlinks)
    files = listing.files
    try:
        db = open_db(db_path)
        run_id = start_run(db, "run", [str(f) for f in files])
    except sqlite3.Error as e:  # read-only, disk full, not a database: nothing was written
        print(f"chitieu: {e if isinstance(e, StoreError) else store_problem(db_path, e)}", file=sys.stderr)
        return 1
    counts = {"documents_read": 0, "documents_new": 0, "documents_changed": 0, "documents_unchanged": 0,
              "documents_failed": 0, "mentions_added": 0}
    errors: list[tuple[str, str]] = []

    def say(msg: str) -> None:
        if not quiet:
            print(f"chitieu: {msg}", file=sys.stderr)

    docs, sources = [], []
    for f, message in listing.refused:
        errors.append((str(f), message))
        counts["documents_failed"] += 1
        print(f"chitieu: {message}", file=sys.stderr)
    for f in files:
        try:
            for d in read_dump(f, regular_only=True, follow_symlinks=follow_symlinks):
                docs.append(d)
                sources.append(f)
        except InputError as e:
            errors.append((str(f), str(e)))
            counts["documents_failed"] += 1
            print(f"chitieu: {e}", file=sys.stderr)
    counts["documents_read"] = len(docs)
    t["read"] = clock() - t0
    t0 = clock()
    try:
        states = document_states(db, [d.id for d in docs])
    except sqlite3.OperationalError as e:
        problem = store_problem(db_path, e)
        print(f"chitieu: {problem}; nothing was stored", file=sys.stderr)
        counts["documents_failed"] += len(docs)
        return _stopped(db, db_path, run_id, counts, errors, problem)
    todo = []
    stale_versions: dict[str, int] = {}
    for d, f in zip(docs, sources):
        state = states.get(d.id)
        if state == (d.sha256, EXTRACTOR_VERSION):
            counts["documents_unchanged"] += 1
            continue
        if state and state[0] == d.sha256:
            stale_versions[state[1]] = stale_versions.get(state[1], 0) + 1
        todo.append((d, f))
    for old, n in stale_versions.items():
        say(f"extractor version {old} -> {EXTRACTOR_VERSION}: re-extracting {n} unchanged document(s)")

    t["compare"] = clock() - t0
    kind = executor
    if kind == "auto":
        kind = "process" if len(todo) >= AUTO_POOL_THRESHOLD else "inline"
    ex = get_executor(kind, workers, scheduler) if todo else None
    t["extract+load"] = 0.0
    t["load"] = 0.0
    t0 = clock()
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        disable=quiet, transient=False)
    fatal = None  # the database cannot be written (disk full, read-only): every later document would fail too
    before = dict(counts)
    try:
        with progress:
            task = progress.add_task(f"extracting ({kind}, {getattr(ex, 'workers', 1)} worker(s))", total=len(todo))
            results = ex.map((d for d, _ in todo), time_limit=doc_timeout) if ex else iter(())
            for i, extraction in results:
                d, f = todo[i]
                if isinstance(extraction, Exception):  # this document's failure; the others go on
                    e = extraction
                    errors.append((f"{f}#{d.id}", f"extraction failed: {type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                    print(f"chitieu: {f} ({d.id}): extraction failed: {type(e).__name__}: {e}", file=sys.stderr)
                    progress.advance(task)
                    continue
                tl = clock()
                try:
                    status = store.load(db, extraction, run_id=run_id)  # through the module: tests wrap it
                except sqlite3.OperationalError as e:  # the database's problem, not the document's
                    fatal = store_problem(db_path, e)
                    break
                except Exception as e:
                    errors.append((f"{f}#{d.id}", f"{type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                    print(f"chitieu: {f} ({d.id}): {type(e).__name__}: {e}", file=sys.stderr)
                    continue
                t["load"] += clock() - tl
                counts[f"documents_{status}"] += 1
                if status != "unchanged":
                    counts["mentions_added"] += len(extraction.mentions)
                progress.advance(task)
    finally:
        if ex is not None:
            ex.close()
    t["extract+load"] = clock() - t0
    t["executor"], t["workers"] = kind, getattr(ex, "workers", 1)
    if fatal:
        # the failed document's transaction was rolled back: what is stored is whole documents only
        stored = counts["documents_new"] + counts["documents_changed"]
        handled = sum(counts[k] - before[k] for k in ("documents_new", "documents_changed", "documents_unchanged",
                                                       "documents_failed"))
        counts["documents_failed"] += len(todo) - handled  # the one that failed and those never loaded
        print(f"chitieu: {fatal}; the run stopped with {stored} of {len(todo)} documents stored", file=sys.stderr)
        return _stopped(db, db_path, run_id, counts, errors, fatal)
    t0 = clock()
    try:
        # the checks of what changed since the last checks (this run's documents, and any that an interrupted
        # run or a crawl stored unchecked); nothing changed, nothing re-checked: an unchanged corpus costs
        # almost nothing
        checked = post_load(db)
        t["checks"] = clock() - t0
        t["checks_recomputed"] = checked["checks_recomputed"]
        if checked["documents"] or checked["mode"] == "full":
            say(checks_words(checked, t["checks"]))
        finish_run(db, run_id, counts, errors)
    except sqlite3.OperationalError as e:
        problem = store_problem(db_path, e)
        print(f"chitieu: {problem}; the documents stored are whole", file=sys.stderr)
        return _stopped(db, db_path, run_id, counts, errors, problem)
    t["counts"] = dict(counts)
    if report is not None:
        path = write_report(db, run_id, db_path.parent / "reports", report or f"run-{run_id}")
        say(f"report: {path}")
    say(f"{counts['documents_read']} documents read ({counts['documents_new']} new, "
        f"{counts['documents_changed']} changed, {counts['documents_unchanged']} unchanged, "
        f"{counts['documents_failed']} failed), {counts['mentions_added']} mentions added -> {db_path}")
    return 0


FINISH_ATTEMPTS = 3  # tries to record a failed run, each waiting the busy timeout for another process's lock


def _stopped(db, db_path: Path, run_id: int, counts: dict, errors: list, problem: str) -> int:
    """A run stopped by its database: its `runs` row finished as `failed`, the reason in `run_errors`; when
    the database cannot take even that, the terminal says so. Exit status 1 either way."""
    try:
        finish_run(db, run_id, counts, [*errors, (str(db_path), problem)], status="failed", attempts=FINISH_ATTEMPTS)
    except sqlite3.Error as e:
        print(f"chitieu: the run's record (run {run_id} in {db_path}) could not be finished either: "
              f"{store_problem(db_path, e)}", file=sys.stderr)
    return 1


def post_load(db) -> dict:
    """Work over the database after a load: the checks (only those the documents added, changed or removed
    since the last checks can affect), then the views (some read the checks). Returns the checks' counts
    (`checks_recomputed`, `documents`, `groups`, `mode` … of `pipeline.db.checks_store.update_checks`)."""
    checked = update_checks(db)
    if checked["documents"] or checked["mode"] == "full":
        create_views(db)
    return checked


def checks_words(checked: dict, seconds: float | None = None) -> str:
    """`checks: 1,204 recomputed (incremental: 3 documents, 41 groups), 86,420 in all, 2.1 s`."""
    how = (f"full: {checked['reason']}" if checked["mode"] == "full"
           else f"incremental: {checked['documents']:,} document(s), {checked['groups']:,} group(s)")
    took = f", {seconds:.1f} s" if seconds is not None else ""
    return (f"checks: {checked['checks_recomputed']:,} recomputed ({how}), {checked['checks']:,} in all, "
            f"{checked['inconsistent']:,} inconsistent{took}")
