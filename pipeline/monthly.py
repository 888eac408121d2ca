"""`chitieu run --month YYYY-MM` (and `make monthly`): the monthly batch, in the order the work is done —

    sites ([monthly] sites in the config, or --sites) -> crawl each since its last successful monthly run
      -> a local corpus folder (--corpus), through `pipeline.run.run_corpus`
      -> stored documents extracted by an older extractor version, re-extracted from their stored text
      -> checks (`pipeline.run.post_load`), when anything changed -> the report output/reports/MONTH.html

Incremental at every stage: pages are revalidated with conditional requests (a 304 costs no download),
a page whose bytes and reader version are unchanged is not read again, a document whose sha256 and
extractor version are stored is not extracted again, and loads are upserts keyed by content. A
document already stored is read again when its page changed whatever its date, so an edit to an old
article still reaches `mention_history`; `--since` only limits which new articles are taken.

Bookkeeping: the month has one row of `runs` (command `monthly YYYY-MM`) that every document and every
replaced figure of the month is tagged with, so the report shows the whole month; each attempt is a row
of `monthly_runs`, each site crawled by an attempt a row of `monthly_sites` (with the `since` used and
whether the site was reached). A site's `since` is the date the last attempt that crawled it
successfully started. A killed attempt is finished by the next run for the same month.

`--swap`: the run goes into a copy next to the database (`chitieu.db-swap`, made with SQLite's backup
API); after `PRAGMA integrity_check` the copy replaces the database with one `os.replace`, so a reader
of the old file never sees a half-built one. Without it the run writes the database in place, in WAL
mode, and Datasette can serve the file meanwhile. A lock file (`chitieu.db-monthly.lock`) keeps two
monthly runs off one database.
"""
from __future__ import annotations

import gc
import os
import re
import sqlite3
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import EXTRACTOR_VERSION
from extractors.document import Document
from pipeline import extract
from pipeline.crawl import SINCE_RE, Crawl
from pipeline.executors import get_executor
from pipeline.report import write_report
from pipeline.run import AUTO_POOL_THRESHOLD, checks_words, post_load, run_corpus
from pipeline.store import finish_run, load, open_db, start_run
from scrapers.profiles import load_profile, profile_paths, resolve_sites
from scrapers.settings import READER_VERSION, ConfigError, CrawlConfig, load_config, read_toml

MONTH_RE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
DEFAULT_MAX_PAGES = 500        # pages fetched per crawl (304s included); [monthly] max_pages
MONTHLY_KEYS = {"sites": list, "max_pages": int, "first_since": str}
LOCKED = 75                    # exit status when another monthly run holds the database (EX_TEMPFAIL)
COUNT_KEYS = ("documents_read", "documents_new", "documents_changed", "documents_unchanged",
              "documents_failed", "mentions_added")


class SwapError(RuntimeError):
    """The new database could not be swapped in; the old one is untouched."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


# -- configuration ----------------------------------------------------------------------------------

@dataclass
class MonthlySettings:
    crawl: CrawlConfig
    sites: list[str] | None = None      # None: not configured (every site profile, unless --corpus is given)
    max_pages: int = DEFAULT_MAX_PAGES
    first_since: str | None = None      # `since` for a site no successful monthly run has crawled yet


def load_settings(path: str | Path | None) -> MonthlySettings:
    """The crawler's `[crawl]` table and the batch's own `[monthly]` table of one config file:

        [monthly]
        sites = ["baohatinh", "baovinhphuc"]   # site profiles crawled every month
        max_pages = 500                         # per crawl
        first_since = "2025-01-01"              # how far back a site's first monthly crawl goes
    """
    if not path:
        return MonthlySettings(load_config(None))
    p = Path(path)
    data = read_toml(p)
    monthly = data.pop("monthly", None)
    if monthly is None:
        return MonthlySettings(load_config(p))
    unknown_tables = set(data) - {"crawl"}
    if unknown_tables:
        raise ConfigError(f"{p}: unknown table(s) {sorted(unknown_tables)}; the options go under [crawl] "
                          "and [monthly]")
    try:
        crawl = load_config(None, **data.get("crawl", {}))
    except ConfigError as e:
        raise ConfigError(re.sub(r"^config:", f"{p}:", str(e))) from e
    if not isinstance(monthly, dict):
        raise ConfigError(f"{p}: [monthly] must be a table")
    unknown = set(monthly) - set(MONTHLY_KEYS)
    if unknown:
        raise ConfigError(f"{p}: unknown [monthly] option(s) {sorted(unknown)} (known: {', '.join(MONTHLY_KEYS)})")
    for k, typ in MONTHLY_KEYS.items():
        if k in monthly and not isinstance(monthly[k], typ):
            raise ConfigError(f"{p}: [monthly] {k} must be a {typ.__name__}")
    sites = monthly.get("sites")
    if sites is not None and not all(isinstance(s, str) for s in sites):
        raise ConfigError(f"{p}: [monthly] sites must be a list of site profile names")
    first = monthly.get("first_since")
    if first is not None and not SINCE_RE.match(first):
        raise ConfigError(f"{p}: [monthly] first_since {first!r}: expected a date as YYYY-MM-DD")
    max_pages = monthly.get("max_pages", DEFAULT_MAX_PAGES)
    if max_pages < 1:
        raise ConfigError(f"{p}: [monthly] max_pages must be positive")
    return MonthlySettings(crawl, sites, max_pages, first)


# -- the monthly tables -----------------------------------------------------------------------------

def ensure_tables(db) -> None:
    names = set(db.table_names())
    if "monthly_runs" not in names:
        db["monthly_runs"].create({
            "id": int, "month": str, "run": int, "status": str, "started": str, "finished": str, "swap": int,
            "corpus": str, "corpus_run": int, "report": str, "error": str,
        }, pk="id", foreign_keys=[("run", "runs", "id"), ("corpus_run", "runs", "id")])
        db["monthly_runs"].create_index(["month"])
    if "monthly_sites" not in names:
        db["monthly_sites"].create({
            "id": int, "monthly_run": int, "site": str, "since": str, "crawl_run": int, "status": str,
        }, pk="id", foreign_keys=[("monthly_run", "monthly_runs", "id"), ("crawl_run", "runs", "id")])
        db["monthly_sites"].create_index(["site", "status"])
    # the month's questions of `documents` (which are stale, which did this run store) without reading
    # every row: the columns sit after `text`, so a scan would read every article
    for col in ("extractor_version", "changed_run", "first_seen_run"):
        db["documents"].create_index([col], if_not_exists=True)


def last_success(db, site: str) -> str | None:
    """The date (UTC, YYYY-MM-DD) the last monthly attempt that crawled `site` successfully started."""
    row = db.execute("select max(m.started) from monthly_sites s join monthly_runs m on m.id = s.monthly_run "
                     "where s.site = ? and s.status = 'ok'", [site]).fetchone()
    return row[0][:10] if row and row[0] else None


def month_run(db, month: str) -> int | None:
    """The `runs` row of this month when an attempt made one (a later attempt carries it on)."""
    row = db.execute("select run from monthly_runs where month = ? and run is not null order by id desc limit 1",
                     [month]).fetchone()
    return row[0] if row else None


def retag(db, child: int, run_id: int) -> None:
    """Documents and replaced figures a stage's own run stored become the month's."""
    with db.atomic():
        db.execute("update documents set first_seen_run = ? where first_seen_run = ?", [run_id, child])
        db.execute("update documents set changed_run = ? where changed_run = ?", [run_id, child])
        db.execute("update mention_history set superseded_by_run = ? where superseded_by_run = ?", [run_id, child])


# -- the crawl stage --------------------------------------------------------------------------------

class MonthlyCrawl(Crawl):
    """`chitieu crawl` with the month's run on every load, its own run noted in `monthly_sites` as soon as
    it exists, and `since` not applied to pages already stored (their edits are read, whatever their date)."""

    def __init__(self, *args, load_run: int, site_rows: list[int], **kw):
        super().__init__(*args, **kw)
        self.load_run = load_run
        self.site_rows = site_rows
        self.run_id: int | None = None

    def _progress(self):
        # called by Crawl.run right after it started its run: note the run before any page is stored
        rid = self.db.execute("select last_insert_rowid()").fetchone()[0]
        row = self.db.execute("select command, finished from runs where id = ?", [rid]).fetchone()
        if not row or row[0] != "crawl" or row[1]:
            rid = self.db.execute("select max(id) from runs where command = 'crawl'").fetchone()[0]
        self.run_id = rid
        with self.db.conn:
            marks = ",".join("?" * len(self.site_rows))
            self.db.execute(f"update monthly_sites set crawl_run = ? where id in ({marks})", [rid, *self.site_rows])
        return super()._progress()

    def _known(self, page) -> bool:
        urls = {page.url, page.request.url}
        return self.db.execute(f"select 1 from document_urls where url in ({','.join('?' * len(urls))}) limit 1",
                               list(urls)).fetchone() is not None

    def _process(self, page, prepared=None) -> None:
        if self.since and self._known(page):
            since, self.since = self.since, None
            try:
                super()._process(page, prepared)
            finally:
                self.since = since
        else:
            super()._process(page, prepared)

    def _load(self, doc) -> None:
        ex = extract.extract_document(doc)
        status = load(self.db, ex, run_id=self.load_run)
        self.counts[f"documents_{status}"] += 1
        if status != "unchanged":
            self.counts["mentions_added"] += len(ex.mentions)


# -- re-extraction of stale documents ---------------------------------------------------------------

def refresh_stale(db, run_id: int, executor: str = "auto", workers: int | None = None,
                  scheduler: str | None = None, quiet: bool = False, say=print) -> tuple[dict, list]:
    """Documents stored by an older extractor version, extracted again from their stored text (the pages
    need not be fetched again) on the executor; this process stays the writer."""
    counts = Counter({k: 0 for k in COUNT_KEYS})
    errors: list[tuple[str, str]] = []
    old_of = dict(db.execute("select id, extractor_version from documents where extractor_version is not ?",
                             [EXTRACTOR_VERSION]).fetchall())
    if not old_of:
        return dict(counts), errors
    for old, n in sorted(Counter(old_of.values()).items(), key=lambda x: str(x[0])):
        say(f"extractor version {old} -> {EXTRACTOR_VERSION}: re-extracting {n} stored document(s) from their text")
    ids = sorted(old_of)
    has_urls = "document_urls" in db.table_names()

    def documents():
        for k in range(0, len(ids), 200):
            chunk = ids[k:k + 200]
            rows = db.execute("select id, source, url, title, published, author, province, text from documents "
                              f"where id in ({','.join('?' * len(chunk))})", chunk).fetchall()
            for i, source, url, title, published, author, province, text in rows:
                yield Document(id=i, source=source, text=text or "", title=title, published=published,
                               author=author, province=province, urls=[url] if url else [])

    kind = executor if executor != "auto" else ("process" if len(ids) >= AUTO_POOL_THRESHOLD else "inline")
    ex = get_executor(kind, workers, scheduler)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        disable=quiet)
    try:
        with progress:
            task = progress.add_task(f"re-extracting ({kind}, {getattr(ex, 'workers', 1)} worker(s))",
                                     total=len(ids))
            results = ex.map(documents())
            for _, extraction in results:
                if isinstance(extraction, Exception):  # this document's failure; the others go on
                    e = extraction
                    errors.append(("re-extraction", f"{type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                    progress.advance(task)
                    continue
                doc = extraction.document
                counts["documents_read"] += 1
                try:
                    status = load(db, extraction, run_id=run_id)
                    if has_urls:  # same reader, same bytes: the page need not be read again either
                        with db.atomic():
                            db.execute("update document_urls set version = ? where document = ? and version = ?",
                                       [f"{READER_VERSION}+{EXTRACTOR_VERSION}", doc.id,
                                        f"{READER_VERSION}+{old_of.get(doc.id)}"])
                except Exception as e:
                    errors.append((doc.source or doc.id, f"{type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                else:
                    counts[f"documents_{status}"] += 1
                    if status != "unchanged":
                        counts["mentions_added"] += len(extraction.mentions)
                progress.advance(task)
    finally:
        ex.close()
    return dict(counts), errors


# -- swap -------------------------------------------------------------------------------------------

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


# -- the run ----------------------------------------------------------------------------------------

@dataclass
class MonthlyRun:
    month: str
    db_path: Path                      # the database the user named (reports go beside it)
    settings: MonthlySettings
    site_names: list[str]
    corpus: Path | None = None
    executor: str = "auto"
    workers: int | None = None
    scheduler: str | None = None
    swap: bool = False
    quiet: bool = False
    report_name: str | None = None
    console: object = None
    summary: dict = field(default_factory=dict)

    def say(self, msg: str) -> None:
        if not self.quiet:
            self.console.print(f"chitieu: {msg}", highlight=False, markup=False)

    def run(self) -> int:
        rc = swap_build(self.db_path, self.run_into, self.say) if self.swap else self.run_into(self.db_path)
        if not self.quiet and self.summary:
            self._print_summary()
        return rc

    # one attempt, into `work` (the database itself, or the swap copy)
    def run_into(self, work: Path) -> int:
        started = time.monotonic()
        db = open_db(work)
        ensure_tables(db)
        run_id = month_run(db, self.month)
        inputs = [*(f"site:{n}" for n in self.site_names), *([str(self.corpus)] if self.corpus else [])]
        if run_id is None:
            run_id = start_run(db, f"monthly {self.month}", inputs)
        else:
            with db.atomic():
                db.execute("update runs set finished = null where id = ?", [run_id])
            # a killed corpus stage of an earlier attempt: what it stored belongs to the month
            for (child,) in db.execute("select id from runs where command = 'run' and finished is null and id > ?",
                                       [run_id]).fetchall():
                retag(db, child, run_id)
        with db.atomic():
            attempt = db["monthly_runs"].insert({
                "month": self.month, "run": run_id, "status": "running", "started": _now(), "swap": int(self.swap),
                "corpus": str(self.corpus) if self.corpus else None}).last_pk
        self.say(f"month {self.month}: run {run_id}, attempt {attempt}, database {work}")
        stage = Counter({k: 0 for k in COUNT_KEYS})
        errors: list[tuple[str, str]] = []
        fetch = Counter()
        failed_stages: list[str] = []
        try:
            # 1. crawl
            if self.site_names:
                c, e, f, ok, _ = self._crawl(db, work, run_id, attempt)
                stage.update(c)
                errors += e
                fetch.update(f)
                failed_stages += [f"site {s}" for s in ok if not ok[s]]
            # 2. a local corpus
            if self.corpus:
                before = db.execute("select coalesce(max(id), 0) from runs").fetchone()[0]
                t: dict = {}
                self.say(f"corpus {self.corpus}")
                rc = run_corpus(self.corpus, work, quiet=self.quiet, executor=self.executor, workers=self.workers,
                                scheduler=self.scheduler, timings=t)
                child = db.execute("select max(id) from runs where command = 'run' and id > ?", [before]).fetchone()[0]
                if child is not None:
                    retag(db, child, run_id)
                    with db.atomic():
                        db["monthly_runs"].update(attempt, {"corpus_run": child})
                    errors += db.execute("select input, error from run_errors where run = ?", [child]).fetchall()
                stage.update(t.get("counts", {}))
                if rc != 0:
                    failed_stages.append("corpus")
            # 3. documents of an older extractor version
            c, e = refresh_stale(db, run_id, self.executor, self.workers, self.scheduler, self.quiet, self.say)
            stage.update(c)
            errors += e
            # 4. checks: of the documents stored since the last checks (by this run's stages, or by an attempt
            # killed before its checks), and of the groups across documents they touch; nothing when none

            checked = post_load(db)
            if checked["documents"] or checked["mode"] == "full":
                self.say(checks_words(checked))
        except BaseException as e:
            status = "interrupted" if isinstance(e, KeyboardInterrupt) else "failed"
            with db.atomic():
                db["monthly_runs"].update(attempt, {"status": status, "finished": _now(),
                                                    "error": f"{type(e).__name__}: {e}"})
                db.execute("update monthly_sites set status = ? where monthly_run = ? and status = 'running'",
                           [status, attempt])
            finish_run(db, run_id, self._counts(db, run_id, stage), [*errors, ("monthly", status)])
            db.conn.close()
            raise
        # 5. the month's counts, the report, the summary
        counts = self._counts(db, run_id, stage)
        with db.atomic():
            db.execute("delete from run_errors where run = ?", [run_id])
        finish_run(db, run_id, counts, errors)

        name = self.report_name or self.month
        report = write_report(db, run_id, self.db_path.parent / "reports", name)
        status = "failed" if failed_stages else "ok"
        with db.atomic():
            db["monthly_runs"].update(attempt, {"status": status, "finished": _now(), "report": str(report),
                                                "error": "; ".join(failed_stages) or None})
        self.summary = self._summary(db, run_id, counts, fetch, report, time.monotonic() - started)
        self.summary["failed"] = failed_stages
        db.conn.close()
        return 1 if failed_stages else 0

    def _crawl(self, db, work: Path, run_id: int, attempt: int):
        cfg = self.settings.crawl
        version = f"{READER_VERSION}+{EXTRACTOR_VERSION}"
        if "document_urls" in db.table_names():
            for old, n in db.execute("select version, count(*) from document_urls where role = 'canonical' and "
                                     "version is not ? group by version", [version]).fetchall():
                self.say(f"reader+extractor version {old} -> {version}: {n} stored page(s) are read again "
                         "as the crawl reaches them")
        groups: dict[str | None, list] = {}
        for name in self.site_names:
            since = last_success(db, name) or self.settings.first_since
            for site in resolve_sites([], name, cfg.profiles, cfg.allow_private):
                groups.setdefault(since, []).append(site)
        counts, errors, fetch, ok, changed = Counter(), [], Counter(), {}, False
        for since, sites in groups.items():
            rows = []
            with db.atomic():
                for s in sites:
                    rows.append(db["monthly_sites"].insert({"monthly_run": attempt, "site": s.name, "since": since,
                                                            "status": "running"}).last_pk)
            self.say(f"crawling {', '.join(s.name for s in sites)} "
                     + (f"since {since}" if since else "(first crawl: every date)"))
            crawl = MonthlyCrawl(cfg, sites, work, max_pages=self.settings.max_pages, since=since,
                                 quiet=self.quiet, console=self.console, load_run=run_id, site_rows=rows)
            try:
                crawl.run()
            finally:
                if getattr(crawl, "db", None) is not None:
                    crawl.db.conn.close()
            counts.update(crawl.counts)
            changed |= bool(crawl.counts["documents_new"] or crawl.counts["documents_changed"])
            for k in ("fetched", "from_cache", "not_modified", "failed"):
                fetch[k] += getattr(crawl, "summary", {}).get(k, 0)
            if crawl.run_id:
                errors += db.execute("select input, error from run_errors where run = ?", [crawl.run_id]).fetchall()
            # a site was reached when one of its hosts answered a request with a page, a redirect or a 304
            # (refused connections, 5xx everywhere or an unreachable robots.txt are not)
            fetcher = getattr(getattr(crawl, "spider", None), "fetcher", None)
            wire = list(fetcher.stats.wire) if fetcher is not None else []
            with db.atomic():
                for s, row in zip(sites, rows):
                    reached = any(e.status is not None and e.status < 400 and s.owns(e.url) for e in wire)
                    ok[s.name] = ok.get(s.name, True) and reached
                    db["monthly_sites"].update(row, {"status": "ok" if reached else "failed"})
        return counts, errors, fetch, ok, changed

    def _counts(self, db, run_id: int, stage: Counter) -> dict:
        """New and changed documents and mentions added over the whole month (every attempt); read,
        unchanged and failed as this attempt saw them."""
        new = db.execute("select count(*) from documents where first_seen_run = ?", [run_id]).fetchone()[0]
        changed = db.execute("select count(*) from documents where changed_run = ? and "
                             "(first_seen_run is null or first_seen_run != ?)", [run_id, run_id]).fetchone()[0]
        mentions = db.execute("select coalesce(sum(mentions), 0) from documents where changed_run = ?",
                              [run_id]).fetchone()[0]
        earlier = max(0, new + changed - stage["documents_new"] - stage["documents_changed"])
        return {"documents_read": stage["documents_read"], "documents_new": new, "documents_changed": changed,
                "documents_unchanged": max(0, stage["documents_unchanged"] - earlier),
                "documents_failed": stage["documents_failed"], "mentions_added": mentions}

    def _summary(self, db, run_id: int, counts: dict, fetch: Counter, report: Path, seconds: float) -> dict:
        figures = db.execute("select count(*) from mention_history where superseded_by_run = ?",
                             [run_id]).fetchone()[0]
        inconsistent = 0
        if "checks" in db.table_names():
            inconsistent = db.execute(
                "select count(*) from checks where verdict = 'inconsistent' and doc in "
                "(select id from documents where changed_run = ?)", [run_id]).fetchone()[0]
        sites = db.execute("select s.site, s.since, s.status from monthly_sites s join monthly_runs m on "
                           "m.id = s.monthly_run where m.run = ? and m.id = (select max(id) from monthly_runs "
                           "where run = ?) order by s.id", [run_id, run_id]).fetchall()
        return {"month": self.month, "run": run_id, "seconds": round(seconds, 1), **counts,
                "pages_fetched": fetch["fetched"], "not_modified": fetch["not_modified"],
                "from_cache": fetch["from_cache"], "fetch_failed": fetch["failed"],
                "figures_changed": figures, "new_inconsistencies": inconsistent, "report": str(report),
                "sites": [{"site": s, "since": since, "status": st} for s, since, st in sites],
                "db": str(self.db_path)}

    def _print_summary(self) -> None:
        s = self.summary
        lines = [f"[bold]chitieu monthly {s['month']}[/bold] (run {s['run']}, {s['seconds']} s)"]
        for site in s["sites"]:
            color = "green" if site["status"] == "ok" else "red"
            lines.append(f"  site {escape(site['site'])}: [{color}]{site['status']}[/{color}], "
                         f"since {site['since'] or 'the beginning'}")
        lines += [
            f"  pages: {s['pages_fetched']} fetched, {s['not_modified']} not modified (304), "
            f"{s['from_cache']} from cache, {s['fetch_failed']} failed",
            f"  documents this month: {s['documents_new']} new, {s['documents_changed']} changed; this run: "
            f"{s['documents_unchanged']} unchanged, {s['documents_failed']} failed",
            f"  mentions added: {s['mentions_added']}; figures changed: {s['figures_changed']} (mention_history); "
            f"new inconsistencies: {s['new_inconsistencies']}",
            f"  report: {escape(s['report'])}",
        ]
        if s.get("failed"):
            lines.append(f"  [red]failed[/red]: {escape(', '.join(s['failed']))} (see run_errors; the next run "
                         "retries them)")
        lines.append(f"chitieu: -> {escape(s['db'])}")
        for line in lines:
            self.console.print(line, highlight=False, soft_wrap=True)


def monthly_command(args) -> int:
    """`chitieu run --month YYYY-MM [--config FILE] [--sites NAME ...] [--corpus DIR] [--db PATH] [--swap]`."""
    quiet = bool(getattr(args, "quiet", False))
    console = Console(stderr=True)

    def fail(msg: str, code: int = 2) -> int:
        console.print(f"chitieu: {msg}", style="red", highlight=False, markup=False)
        return code

    month = args.month
    if not MONTH_RE.match(month or ""):
        return fail(f"--month {month!r}: expected a month as YYYY-MM")
    try:
        settings = load_settings(getattr(args, "config", None))
        available = profile_paths(settings.crawl.profiles)
        corpus = Path(args.corpus) if getattr(args, "corpus", None) else None
        names = getattr(args, "sites", None) or settings.sites
        if names is None:
            names = [] if corpus is not None else [n for n in available if n != "generic"]
        names = list(dict.fromkeys(names))
        unknown = [n for n in names if n not in available]
        if unknown:
            raise ConfigError(f"no site profile named {', '.join(map(repr, unknown))} "
                              f"(have: {', '.join(sorted(available))})")

        for n in names:
            if not load_profile(n, settings.crawl.profiles).start_urls:
                raise ConfigError(f"site profile {n!r} has no start_urls")
    except ConfigError as e:
        return fail(str(e))
    if corpus is not None and not corpus.is_dir():
        return fail(f"corpus folder not found: {corpus}")
    if not names and corpus is None:
        return fail("nothing to run: name sites with --sites or [monthly] sites in a --config file, or give --corpus")
    if names and not settings.crawl.contact and not quiet:
        console.print("chitieu: no contact address configured: set `contact` under [crawl] in the --config file "
                      "so site owners can reach you", style="yellow", highlight=False, markup=False)
    db_path = Path(args.db)
    lock = DbLock(db_path)
    if not lock.acquire():
        return fail(f"another monthly run (pid {lock.holder()}) is using {db_path}; try later", LOCKED)
    try:
        run = MonthlyRun(month, db_path, settings, names, corpus=corpus, executor=getattr(args, "executor", "auto"),
                         workers=getattr(args, "workers", None), scheduler=getattr(args, "scheduler", None),
                         swap=bool(getattr(args, "swap", False)), quiet=quiet,
                         report_name=getattr(args, "report", None) or None, console=console)
        return run.run()
    finally:
        lock.release()
