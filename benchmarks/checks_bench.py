"""Benchmark of the checks in a monthly-style run: a large database checked once, then a run that
changes ~1% of its documents (their figures redrawn), timing the incremental checks of that run and,
on a copy in the same state, a full recompute (and that both give the same tables).

    python -m benchmarks.checks_bench --db output/bench/big/chitieu.db [--changed 0.01] [--out DIR] [--no-full]

The database is one built by `benchmarks.run_bench` from `benchmarks.corpus` (document ids
`bench_NNNNNN`); it is copied, never written. The changed documents are `benchmarks.corpus` documents
with the digits of their figures redrawn once more, so the same documents come back with other figures.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import time
from pathlib import Path

from benchmarks.corpus import _perturb, document_text

ROOT = Path(__file__).resolve().parent.parent


def copy_db(src: Path, dst: Path) -> None:
    for p in dst.parent.glob(dst.name + "*"):
        p.unlink()
    if Path(str(src) + "-wal").exists():
        with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
            a.backup(b)
    else:
        shutil.copyfile(src, dst)




def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True, help="a database built by benchmarks.run_bench (copied, not written)")
    ap.add_argument("--changed", type=float, default=0.01, help="share of the documents changed by the second run")
    ap.add_argument("--out", default=str(ROOT / "output" / "bench" / "checks"))
    ap.add_argument("--executor", default="process")
    ap.add_argument("--no-full", action="store_true", help="skip the full recompute of the same state")
    ap.add_argument("--no-sentence-index", dest="sentence_index", action="store_false",
                    help="leave mentions.sentence_id without an index (changed documents load slowly)")
    args = ap.parse_args(argv)
    from pipeline.db.checks_store import check_tables, update_checks
    from pipeline.orchestration.run import run_corpus
    from pipeline.db.store import open_db

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = out / "work.db"
    report: dict = {"source": str(args.db)}
    t = time.perf_counter()
    copy_db(Path(args.db), work)
    report["copy_s"] = round(time.perf_counter() - t, 1)
    db = open_db(work)
    # `pipeline.db.store.load` replaces a changed document's sentences; with foreign keys on, SQLite looks for
    # mentions still pointing at each deleted sentence, and `mentions.sentence_id` has no index: at a
    # million mentions each changed document would cost a scan per sentence. The copy gets the index.
    if args.sentence_index:
        db.execute("create index if not exists [idx_mentions_sentence_id] on [mentions] ([sentence_id])")
    report["documents"], = db.execute("select count(*) from documents").fetchone()
    report["mentions"], = db.execute("select count(*) from mentions").fetchone()
    # 1. the large database, checked (a full pass: it has no incremental state yet)
    t = time.perf_counter()
    first = update_checks(db)
    report["first_pass"] = {"seconds": round(time.perf_counter() - t, 1),
                            **{k: v for k, v in first.items() if k != "by_type"}}
    print(json.dumps(report["first_pass"]), flush=True)
    # 2. a run over ~1% of the documents, changed
    ids = [r[0] for r in db.execute("select id from documents where id like 'bench_%' order by id")]
    db.conn.close()
    step = max(1, round(1 / args.changed))
    corpus = out / "changed"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir()
    for d in ids[::step]:
        i = int(d.split("_")[1].split("-")[0])
        (corpus / f"bench_{i:06d}.txt").write_text(_perturb(document_text(i), random.Random(-i - 1)), encoding="utf-8")
    timings: dict = {}
    t = time.perf_counter()
    rc = run_corpus(corpus, work, quiet=True, executor=args.executor, timings=timings)
    report["second_run"] = {"rc": rc, "total_s": round(time.perf_counter() - t, 1),
                            **{k: (round(v, 1) if isinstance(v, float) else v) for k, v in timings.items()}}
    c = sqlite3.connect(work)
    report["second_run"]["pass"] = dict(zip(
        ("mode", "documents", "groups", "checks_recomputed", "checks_removed", "checks", "seconds"),
        c.execute("select mode, documents, groups, checks_recomputed, checks_removed, checks, seconds "
                  "from check_passes order by id desc limit 1").fetchone()))
    c.close()
    print(json.dumps(report["second_run"]), flush=True)
    # 3. a full recompute of the same state, on a copy, and the same tables
    if not args.no_full:
        full = out / "full.db"
        copy_db(work, full)
        fdb = open_db(full)
        t = time.perf_counter()
        update_checks(fdb, full=True)
        report["full_same_state_s"] = round(time.perf_counter() - t, 1)
        fdb.conn.close()
        report["same_tables"] = check_tables(work) == check_tables(full)
        print(json.dumps({k: report[k] for k in ("full_same_state_s", "same_tables")}), flush=True)
    (out / "report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
