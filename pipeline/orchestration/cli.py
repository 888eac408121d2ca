"""The `chitieu` command: extract, run, serve, export, crawl, merge, eval, check."""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

from extractors.budget import DEFAULT_DOC_TIMEOUT
from extractors.document import InputError
from extractors.record import RECORD_FIELDS
from extractors.textdump import read_dump, read_dump_bytes
from pipeline.db.checks_store import update_checks
from pipeline.orchestration.claim import EPILOG as CLAIM_EPILOG, MAX_CLAIM_CHARS, main as check_main
from pipeline.orchestration.crawl import crawl_command
from pipeline.evaluation.evaluate import main as eval_main
from pipeline.evaluation.train_status import main as train_status_main
from pipeline.web.export import export_command
from extractors.extract import extract_document
from pipeline.orchestration.monthly.batch import monthly_command
from pipeline.db.swap import swap_build
from pipeline.orchestration.run import checks_words, run_corpus
from pipeline.web.serve import serve
from pipeline.db.store import StoreError, open_db
from pipeline.db.views import create_views

DEFAULT_DB = "output/chitieu.db"


def _read_inputs(paths: list[str]):
    """Yield (name, documents or InputError) for each input path; `-` is standard input."""
    for p in paths:
        try:
            if p == "-":
                yield p, read_dump_bytes(sys.stdin.buffer.read(), stem="stdin", source="-")
            else:
                yield p, read_dump(p)
        except InputError as e:
            yield p, e


def cmd_extract(args) -> int:
    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(RECORD_FIELDS))
        writer.writeheader()
    failed = 0
    coverage_rows = []
    for name, docs in _read_inputs(args.files):
        if isinstance(docs, InputError):
            print(f"chitieu: {docs}", file=sys.stderr)
            failed += 1
            continue
        for doc in docs:
            ex = extract_document(doc)
            if args.coverage:
                unread = [s for s in ex.skipped if s.reason == "unread"]
                coverage_rows.append({"doc": doc.id, "mentions": len(ex.mentions),
                                      "skipped": len(ex.skipped) - len(unread), "unread": len(unread),
                                      "unread_numbers": [{"text": s.text, "start": s.start} for s in unread]})
                continue
            for m in ex.mentions:
                rec = m.record()
                if writer:
                    writer.writerow(rec)
                else:
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if args.coverage:
        for r in coverage_rows:
            if args.format == "jsonl":
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
            else:
                nums = " ".join(f"{u['text']}@{u['start']}" for u in r["unread_numbers"])
                out.write(f"{r['doc']}: {r['mentions']} mentions, {r['skipped']} skipped, {r['unread']} unread"
                          + (f" ({nums})" if nums else "") + "\n")
    return 1 if failed and failed == len(args.files) else 0


def cmd_run(args) -> int:
    if args.month:
        return monthly_command(args)
    if args.sites or args.config:
        print("chitieu: --sites and --config go with --month (the monthly batch)", file=sys.stderr)
        return 2

    def build(db: Path) -> int:
        return run_corpus(Path(args.corpus or "corpus"), db, quiet=args.quiet, executor=args.executor,
                          workers=args.workers, scheduler=args.scheduler, report=args.report,
                          doc_timeout=args.doc_timeout, follow_symlinks=args.follow_symlinks)

    if args.swap:
        return swap_build(Path(args.db), build, say=lambda m: args.quiet or print(f"chitieu: {m}", file=sys.stderr))
    return build(Path(args.db))


def cmd_serve(args) -> int:
    return serve(Path(args.db), host=args.host, port=args.port, public=args.public)


def cmd_export(args) -> int:
    return export_command(args)


def cmd_crawl(args) -> int:
    return crawl_command(args)


def cmd_merge(args) -> int:
    from pipeline.orchestration.merge import merge_command

    return merge_command(args)


def cmd_eval(args) -> int:
    return eval_main(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chitieu", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    e = sub.add_parser("extract", help="print every mention of the given text files (`-` for stdin)")
    e.add_argument("files", nargs="+")
    e.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    e.add_argument("--coverage", action="store_true",
                   help="per document: numbers read as mentions, skipped as non-mentions, and unread")
    e.set_defaults(func=cmd_extract)

    r = sub.add_parser("run", help="read a corpus folder, extract and load into the database; with --month, "
                                   "the monthly batch (crawl the configured sites, extract, check, load, report)")
    r.add_argument("--corpus", default=None, help="corpus folder (default: corpus; with --month: none unless given)")
    r.add_argument("--db", default=DEFAULT_DB)
    r.add_argument("--quiet", action="store_true")
    r.add_argument("--executor", choices=["auto", "inline", "process", "dask"], default="auto",
                   help="where extraction runs (auto: in-process for a few documents, else a process pool)")
    r.add_argument("--workers", type=int, default=None, help="worker processes (default: every core)")
    r.add_argument("--doc-timeout", type=float, default=DEFAULT_DOC_TIMEOUT, metavar="SECONDS",
                   help=f"time budget of one document's extraction; a document that exceeds it is recorded in "
                        f"run_errors and the run goes on (default {DEFAULT_DOC_TIMEOUT:g}; 0: none)")
    r.add_argument("--scheduler", default=None,
                   help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a local Dask cluster)")
    r.add_argument("--report", nargs="?", const="", default=None, metavar="NAME",
                   help="write an HTML report of the run to output/reports/NAME.html (default name: run-ID)")
    r.add_argument("--month", metavar="YYYY-MM",
                   help="the monthly batch: crawl the configured sites since their last monthly run, then the "
                        "--corpus if given; report output/reports/YYYY-MM.html")
    r.add_argument("--sites", nargs="+", metavar="NAME",
                   help="site profiles to crawl with --month (default: [monthly] sites in --config)")
    r.add_argument("--config", help="config file with [crawl] and [monthly] tables (with --month)")
    r.add_argument("--swap", action="store_true",
                   help="build into a copy next to the database, check it, then swap it in atomically")
    r.add_argument("--follow-symlinks", action="store_true",
                   help="read the regular files that symbolic links in the corpus folder point to (by default "
                        "links and special files are refused by name)")
    r.set_defaults(func=cmd_run)

    s = sub.add_parser("serve", help="serve the database with Datasette")
    s.add_argument("--db", default=DEFAULT_DB)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8001)
    s.add_argument("--public", action="store_true", help="immutable, read-only settings for a public server")
    s.set_defaults(func=cmd_serve)

    x = sub.add_parser("export", help="write the tidy figures table as CSV or Parquet, with a data dictionary")
    x.add_argument("--format", choices=["csv", "parquet"], default="csv")
    x.add_argument("--db", default=DEFAULT_DB)
    x.add_argument("--out", default="output/export", help="a folder (figures.<format> inside) or a file path")
    x.set_defaults(func=cmd_export)

    c = sub.add_parser("crawl", help="discover, fetch, extract and store documents from web sites")
    c.add_argument("urls", nargs="*", help="start URLs (the site profiles' start URLs when none)")
    c.add_argument("--site", help="site profile name (scrapers/profiles/NAME.toml); generic when unknown")
    c.add_argument("--max-pages", type=int, default=200)
    c.add_argument("--since", help="only documents published on or after this date (YYYY-MM-DD)")
    c.add_argument("--db", default=DEFAULT_DB)
    c.add_argument("--config", help="crawler config file (user agent contact, delays, cache folder)")
    c.add_argument("--quiet", action="store_true")
    c.add_argument("--executor", choices=["auto", "inline", "process", "pool", "dask"], default="inline",
                   help="where the figures of crawled articles are extracted: inline (the default), a process "
                        "pool (pool = process) or Dask; auto: in-process for a crawl of at most 50 pages, else "
                        "a pool. This process stays the one writer, storing pages in the order they were read")
    c.add_argument("--workers", type=int, default=None, help="worker processes (default: every core)")
    c.add_argument("--scheduler", default=None,
                   help="Dask scheduler address, e.g. tcp://HOST:8786 (default: a local Dask cluster)")
    c.add_argument("--write-profile", metavar="FILE",
                   help="write the site profile the crawl proposes from the pages it judged (their URL "
                        "shapes), for review; a folder: one profile per site")
    c.set_defaults(func=cmd_crawl)

    g = sub.add_parser("merge", help="merge databases built on several machines (e.g. a crawl split by site) "
                                     "into one; idempotent")
    g.add_argument("sources", nargs="+", metavar="DB", help="databases to merge")
    g.add_argument("--into", required=True, metavar="OUT", help="the database merged into (created when missing)")
    g.add_argument("--quiet", action="store_true")
    g.set_defaults(func=cmd_merge)

    v = sub.add_parser("eval", help="score the extractor against the gold set in tests/gold/")
    v.add_argument("--gold", default=None, help="gold folder (default: tests/gold)")
    v.add_argument("--misses", type=int, default=200, help="how many misses and wrong values to list")
    v.add_argument("--fields", action="store_true", help="also list every attribution field that disagrees")
    v.add_argument("--skip-heldout", action="store_true",
                   help="do not score the real held-out set at all (while rules are being written)")
    v.add_argument("--show-heldout", action="store_true",
                   help="list the real held-out set's misses too (by default only its scores are printed, so "
                        "that whoever writes rules never reads its sentences)")
    v.set_defaults(func=cmd_eval)

    t = sub.add_parser("train-status", help="train the status model (result or target) on the gold set's "
                                            "development passages; --cv first reports how it reads unseen parts")
    t.add_argument("--gold", default=None, help="gold folder (default: tests/gold)")
    t.add_argument("--cv", action="store_true", help="cross-validate by development part before training")
    t.add_argument("--out", default=None, help="where to write the model (default: extractors/data/status_model.json)")
    t.set_defaults(func=train_status_main)

    k = sub.add_parser("check", help="find the stored figures that support or contradict a claim; without a "
                                     "claim, recompute the checks table (--full, the default, or --changed)",
                       epilog=CLAIM_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    k.add_argument("claim", nargs="?", default=None,
                   help='a sentence with a figure, e.g. "Vĩnh Phúc tăng trưởng 9,54%% năm 2022" (at most '
                        f'{MAX_CLAIM_CHARS} characters)')
    k.add_argument("--db", default=DEFAULT_DB)
    k.add_argument("--format", choices=["text", "json"], default="text")
    k.add_argument("--limit", type=int, default=20, help="at most this many stored figures per claim figure")
    how = k.add_mutually_exclusive_group()
    how.add_argument("--full", dest="recompute", action="store_const", const="full",
                     help="without a claim: recompute every check of the database (the default)")
    how.add_argument("--changed", dest="recompute", action="store_const", const="changed",
                     help="without a claim: recompute only the checks the documents added, changed or removed since "
                          "the last checks can affect (what `chitieu run` does after loading)")
    k.set_defaults(func=cmd_check)
    return p


def cmd_check(args) -> int:
    if args.claim is None:
        return recompute_checks(Path(args.db), full=args.recompute != "changed", as_json=args.format == "json")
    if args.recompute:
        print("chitieu check: --full and --changed recompute the checks table and take no claim", file=sys.stderr)
        return 2
    return check_main(args)


def recompute_checks(db_path: Path, full: bool = True, as_json: bool = False) -> int:
    """`chitieu check [--full|--changed]`: recompute the checks table (one transaction) and say how many."""
    if not db_path.exists():
        print(f"chitieu check: database not found: {db_path} (build it with `chitieu run`)", file=sys.stderr)
        return 2
    db = open_db(db_path)
    t = time.perf_counter()
    checked = update_checks(db, full=full)
    if checked["documents"] or checked["mode"] == "full":
        create_views(db)
    seconds = time.perf_counter() - t
    if as_json:
        sys.stdout.write(json.dumps({**checked, "seconds": round(seconds, 3)}, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(checks_words(checked, seconds) + "\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except StoreError as e:  # read-only, full, or not a database: the message names the file
        print(f"chitieu: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("chitieu: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
