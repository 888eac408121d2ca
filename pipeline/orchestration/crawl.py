"""`chitieu crawl`: web pages and reports into the database, in the order the data travels —

    sites (profiles.py) -> fetch (fetch.py: boundary, robots, retries, cache, throttle, size cap, deadline)
      -> discover (spider.py: feeds, sitemaps, listings, links)
      -> on the executor (inline, a process pool, Dask): judge each page by its content (judge.py: article,
      listing, too short, refused) and, for an article, read it (article.py) and extract its mentions
      -> back here: follow the page's links (none from a refused page), find near-duplicates (dedup.py),
      load in the order the pages were taken (pipeline.db.store), archive the raw bytes (archive.py),
      URLs, verdicts, report cells (webstore.py); reports are read here (reports.py)

Sites are fetched in parallel (one connection per host, politeness unchanged); this process is the single
SQLite writer, while the executor reads the pages and extracts the figures of the articles ahead of it. Each run is a row of `runs` (and `crawl_runs` for the fetch counts and the pages judged articles,
listings, too short and refused; `crawl_pages` holds each page's verdict and why); every failure is a
row of `run_errors` naming the URL and the reason. Progress and a summary go to stderr; a crawl that
stored nothing says why. `--write-profile FILE` proposes a site profile from what the crawl learned of
the site's shape (scrapers/shape.py).

Each page is one transaction: its document, mentions, URLs and report cells are committed together or
not at all, so a crawl killed or failing at any moment leaves whole pages, and the next crawl reads
again exactly the pages that were not stored (their raw bytes may already be archived: filed by hash,
that costs nothing). The database or the archive that cannot be written (a
full disk, read-only) stops the crawl with a StoreError naming it: every later page would fail the same
way. (The HTTP cache is only a cache: requests-cache drops a write it cannot make, and the crawl goes on.)
"""
from __future__ import annotations

import errno
import hashlib
import re
import sqlite3
import time
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from extractors import EXTRACTOR_VERSION, extract
from extractors.document import Document
from extractors.legacy_vietnamese import repair_mojibake
from pipeline.db.store import StoreError, finish_run, load, open_db, start_run, store_problem
from pipeline.orchestration.executors import default_workers, get_executor
# `judge` and `reports` through their modules: tests wrap read_page and read_report
from scrapers import judge, reports
from scrapers.archive import Archive
from scrapers.boundary import Boundary
from scrapers.dedup import simhash
from scrapers.fetch import Fetcher
from scrapers.profiles import resolve_sites
from scrapers.settings import READER_VERSION, ConfigError, load_config
from scrapers.shape import SiteShape
from scrapers.spider import Spider
from scrapers.urls import url_id
from scrapers.webstore import WebStore

SINCE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
AUTO_POOL_PAGES = 50   # `--executor auto`: a crawl of at most this many pages extracts in-process


class ExecutorError(RuntimeError):
    """The executor asked for cannot start (Dask not installed, a scheduler that does not answer)."""
# a file write failing with one of these fails every later write too: the crawl stops
UNWRITABLE = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def crawl_command(args) -> int:
    console = Console(stderr=True, quiet=False)

    def warn(msg: str) -> None:
        console.print(f"chitieu: {msg}", style="yellow", highlight=False, markup=False)

    try:
        config = load_config(args.config)
        since = getattr(args, "since", None)
        if since and not SINCE_RE.match(since):
            raise ConfigError(f"--since {since!r}: expected a date as YYYY-MM-DD")
        sites = resolve_sites(list(args.urls or []), getattr(args, "site", None), config.profiles,
                              config.allow_private, warn)
    except ConfigError as e:
        console.print(f"chitieu: {e}", style="red", highlight=False, markup=False)
        return 2
    if not any(s.start_urls for s in sites):
        console.print("chitieu: nothing to crawl: give start URLs or a --site whose profile has start_urls",
                      style="red", highlight=False, markup=False)
        return 2
    if not config.contact and not args.quiet:
        warn("no contact address configured: set `contact` under [crawl] in a --config file so site "
             "owners can reach you (it goes into the User-Agent)")

    write_to = getattr(args, "write_profile", None)
    if write_to and len(sites) > 1 and not Path(write_to).is_dir():
        console.print(f"chitieu: --write-profile {write_to}: the crawl has {len(sites)} sites; give a folder to "
                      "write one profile per site", style="red", highlight=False, markup=False)
        return 2
    crawl = Crawl(config, sites, Path(args.db), max_pages=args.max_pages, since=since, quiet=args.quiet,
                  console=console, executor=getattr(args, "executor", None) or "inline",
                  workers=getattr(args, "workers", None), scheduler=getattr(args, "scheduler", None))
    try:
        rc = crawl.run()
    except (StoreError, ExecutorError) as e:  # full disk, read-only (stored pages are whole); no executor
        console.print(f"chitieu: {e}", style="red", highlight=False, markup=False, soft_wrap=True)
        return 1
    if write_to:
        for path in write_profiles(Path(write_to), crawl):
            console.print(f"chitieu: proposed site profile -> {path} (review it, then keep it in a profiles "
                          "folder: [crawl] profiles)", highlight=False, markup=False)
    return rc


def write_profiles(where: Path, crawl: "Crawl") -> list[Path]:
    """The site profile each crawled site proposes (scrapers/shape.py): `where` itself for one site, else
    one `<host>.toml` per site in the folder `where`."""
    out = []
    for site in crawl.sites:
        shape: SiteShape = crawl.spider.shape(site)
        if where.is_dir():
            stem = re.sub(r"[^A-Za-z0-9_-]+", "_", sorted(shape.hosts_of(site.start_urls))[0]).strip("_")
            path = where / f"{stem}.toml"
        else:
            path = where if where.suffix == ".toml" else where.with_suffix(".toml")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(shape.profile_toml(path.stem, site.profile.min_chars), encoding="utf-8")
        out.append(path)
    return out


@dataclass
class Job:
    """A page read and waiting to be stored, in the order pages were read: an article (its extraction
    maybe still running on the executor), a report, an unchanged page, or a page that is no article."""
    page: object
    kind: str                          # reading (on the executor), article, report, unchanged, verdict, skip
    verdict: object = None             # judge.Verdict
    doc: Document | None = None
    future: object = None              # the extraction: Extraction, or the exception it raised
    prepared: object = None            # a report read ahead (Report, or the exception reading it raised)
    canonical: str | None = None
    fingerprint: int | None = None
    sha256: str | None = None
    extraction: object = None          # the article's Extraction, or the exception extracting it raised
    body: str | None = None            # the article's paragraphs, for the duplicate test

    def ready(self) -> bool:
        return self.future is None or self.future.done()


@dataclass
class Reading:
    """What reading one page gave (`read_and_extract`, on the executor): its verdict and, for an article, its
    document and extraction."""
    verdict: object                    # judge.Verdict, its article dropped (the document carries it)
    doc: Document | None = None
    extraction: object = None          # Extraction, or the exception extracting it raised
    canonical: str | None = None
    fingerprint: int | None = None
    older: bool = False                # an article older than `since`: neither extracted nor stored
    error: BaseException | None = None
    body: str | None = None            # the article's paragraphs, for the duplicate test


def read_and_extract(html: str, url: str, site, meta: dict, since: str | None, archive: str,
              encoding: str | None) -> Reading:
    """Judge a page (scrapers.judge) and, when it is an article, make its document and extract its
    figures: a pure function of the page, run where the executor runs it."""
    verdict = judge.read_page(html, url, site.profile)
    art = verdict.article
    if art is None:
        return Reading(verdict)
    verdict = judge.Verdict(verdict.kind, verdict.reason, None, verdict.stats)
    repaired = repair_mojibake(art.text)
    if repaired:  # TCVN3 or VNI text a site saved as UTF-8 mojibake (`T¨ng tr­ëng`): read as Unicode
        text, legacy = repaired
        if art.title is None:
            art.body = text
        else:
            art.title, _, art.body = text.partition("\n\n")
        art.text, encoding = text, f"{encoding} ({legacy} mojibake, converted)"
    published = art.published or meta.get("published")  # the feed's date when the page shows none
    if since and published and published[:10] < since:
        return Reading(verdict, older=True)
    canonical = art.canonical if art.canonical and site.owns(art.canonical) else url
    doc = Document(id=url_id(canonical), source=url, text=art.text, title=art.title or meta.get("title"),
                   published=published, author=art.author,
                   urls=[canonical] + ([url] if url != canonical else []),
                   meta={"site": site.name, "archive": archive, "encoding": encoding, "method": art.method})
    doc.meta["site_province"] = site.profile.province or None  # the frame's hint when the text names none
    try:
        ex = extract.extract_document(doc)
    except Exception as e:  # noqa: BLE001 - reported by the writer, naming the page
        ex = e
    return Reading(verdict, doc, ex, canonical, simhash(art.body), body=art.body)


class Crawl:
    def __init__(self, config, sites, db_path: Path, max_pages: int = 200, since: str | None = None,
                 quiet: bool = False, console=None, executor: str = "inline", workers: int | None = None,
                 scheduler: str | None = None, site_budget: float | None = None):
        self.config = config
        self.sites = sites
        self.db_path = db_path
        self.max_pages = max_pages
        self.since = since
        self.quiet = quiet
        self.console = console
        self.executor_kind = executor
        self.workers = workers
        self.scheduler = scheduler
        self.site_budget = site_budget if site_budget is not None else config.site_budget
        self.counts = {"documents_read": 0, "documents_new": 0, "documents_changed": 0,
                       "documents_unchanged": 0, "documents_failed": 0, "mentions_added": 0}
        self.extra: Counter[str] = Counter()
        self.verdicts: Counter[str] = Counter()          # pages judged article, listing, too_short, refused
        self.examples: dict[str, list[tuple[str, str]]] = {}
        self.errors: list[tuple[str, str]] = []
        self.version = f"{READER_VERSION}+{EXTRACTOR_VERSION}"
        self.judge_version = f"{READER_VERSION}+j{judge.JUDGE_VERSION}"
        self.load_run_id: int | None = None              # the run stored documents are tagged with

    def _executor(self):
        kind = {"pool": "process"}.get(self.executor_kind, self.executor_kind)
        if kind == "auto":
            kind = "inline" if self.max_pages <= AUTO_POOL_PAGES or (self.workers or default_workers()) == 1 \
                else "process"
        try:
            return get_executor(kind, self.workers, self.scheduler)
        except Exception as e:  # noqa: BLE001 - dask missing, a scheduler not answering: said, nothing done
            raise ExecutorError(f"--executor {self.executor_kind}: cannot start: {type(e).__name__}: {e}") from e

    # -- the run ---------------------------------------------------------------------------------------
    def run(self) -> int:
        self.executor = self._executor()  # before anything is written: an executor that cannot start stops here
        try:
            return self._run()
        finally:
            self.executor.close()

    def _run(self) -> int:
        db = open_db(self.db_path, sets=("crawl",))  # the tables WebStore writes
        self.db = db
        try:
            self.store = WebStore(db, self.config.duplicate_distance, self.config.duplicate_jaccard)
            inputs = [u for s in self.sites for u in s.start_urls]
            run_id = start_run(db, "crawl", inputs)
        except sqlite3.OperationalError as e:  # a full disk or read-only file: nothing was written
            raise StoreError(store_problem(self.db_path, e)) from e
        self.archive = Archive(self.config.archive_path(self.db_path))
        boundary = Boundary()
        for site in self.sites:
            boundary.allow(site.hosts, site.allow_private)
        cache = self.config.cache_path(self.db_path)
        try:
            fetcher = Fetcher(self.config, boundary, cache)
        except (sqlite3.OperationalError, OSError) as e:  # the cache's folder or file cannot be written
            raise StoreError(store_problem(cache, e)) from e
        for site in self.sites:
            if site.profile.delay:
                for h in site.hosts:
                    fetcher.throttle.set_delay(h, float(site.profile.delay))
        self.run_id = run_id
        if self.load_run_id is None:
            self.load_run_id = run_id
        started = time.monotonic()
        progress, task = self._progress()
        spider = Spider(fetcher, self.sites, self.max_pages, self.since, self.config.max_depth,
                        self.config.concurrency, on_event=lambda kind, url: self._event(progress, task, fetcher,
                                                                                         kind, url),
                        site_budget=self.site_budget)
        self.spider = spider
        self.jobs: deque[Job] = deque()
        self.reading: list[Job] = []       # pages whose verdict has not come back from the executor
        window = max(1, self.executor.workers * 4)
        fatal: tuple[Path, str] | None = None  # the file that cannot be written, and why
        try:
            with progress:
                pages = spider.run(outstanding=lambda: len(self.reading))
                try:
                    for page in pages:
                        if page is None:  # nothing to fetch until a page being read gives its links
                            self._settle(wait=True)
                            continue
                        self._take(page)
                        # store what is ready, waiting only when too many extractions are ahead of the writer
                        fatal = self._store(wait=len(self.jobs) > window, drain=False, progress=(progress, task,
                                                                                                 fetcher))
                        if fatal:
                            break
                    else:
                        fatal = self._store(wait=True, drain=True, progress=(progress, task, fetcher))
                finally:
                    pages.close()  # in-flight fetches end; their pages are fetched again next time
        except KeyboardInterrupt:
            # what was stored stays stored (one transaction a page); the run says it was cut short
            finish_run(db, run_id, self.counts, [*fetcher.stats.failures, *self.errors, ("crawl", "interrupted")],
                       status="interrupted")
            raise
        finally:
            fetcher.close()
        self.counts["documents_failed"] += spider.counts["failed_documents"]
        errors = self._errors(fetcher, spider)
        if fatal:
            self._stop(fatal, errors)
        finish_run(db, run_id, self.counts, errors)
        fc = fetcher.stats.counts
        v = self.verdicts
        summary = {
            "sites": ", ".join(s.name for s in self.sites), "requests": fc["requests"], "fetched": fc["fetched"],
            "from_cache": fc["from_cache"], "not_modified": fc["not_modified"],
            "skipped_robots": fc["skipped_robots"], "skipped_boundary": fc["skipped_boundary"],
            "failed": fc["failed"], "retries": fc["retries"], "duplicates": self.extra["duplicates"],
            "reports": self.extra["reports"], "scanned": self.extra["scanned"],
            "ocr_pages": self.extra["ocr_pages"], "not_articles": v["listing"] + v["too_short"],
            "older_than_since": self.extra["older_than_since"] + spider.counts["older_than_since"],
            "judged_articles": v["article"], "judged_listings": v["listing"], "judged_too_short": v["too_short"],
            "judged_refused": v["refused"], "timed_out": fc["timed_out"],
            "left_by_budget": spider.counts["left_by_budget"],
        }
        self.store.record_run(run_id, summary)
        self.summary = summary
        if not self.quiet:
            self._print_summary(summary, errors, spider, time.monotonic() - started)
        got = fc["fetched"] + fc["from_cache"] + fc["not_modified"]
        return 1 if got == 0 and (fc["failed"] or fc["skipped_robots"] or fc["skipped_boundary"]) else 0

    def _unwritable(self, e: Exception) -> tuple[Path, str] | None:
        """(the file, a message naming it) when `e` says the database or the archive cannot be written."""
        if isinstance(e, sqlite3.OperationalError):  # the database's problem, not the page's (as in `run`)
            return self.db_path, store_problem(self.db_path, e)
        if isinstance(e, OSError) and e.errno in UNWRITABLE:  # the archive, the only other file a page writes
            return self.archive.root, store_problem(self.archive.root, e)
        return None

    def _errors(self, fetcher, spider) -> list[tuple[str, str]]:
        # refused URLs are errors too (a start URL, feed or sitemap at a refused address); robots.txt
        # skips are the site's wish and only counted
        fetch_errors = list(fetcher.stats.failures) + [(u, f"refused: {why}") for u, kind, why in
                                                       fetcher.stats.skipped if kind == "boundary"]
        return fetch_errors + spider.errors + self.errors

    def _stop(self, fatal: tuple[Path, str], errors: list[tuple[str, str]]) -> None:
        """End the run on a file that cannot be written: the run's record (when the disk takes it), then a
        StoreError naming the file. The pages stored are whole; a later crawl goes on from there."""
        path, problem = fatal
        stored = self.counts["documents_new"] + self.counts["documents_changed"]
        try:
            finish_run(self.db, self.run_id, self.counts, [*errors, (str(path), problem)], status="failed")
        except sqlite3.Error:
            pass  # a full disk cannot take the run's record either: it stays unfinished in `runs`
        where = "" if path == self.db_path else f" in {self.db_path}"
        raise StoreError(f"{problem}; the crawl stopped with {stored} document(s) stored{where}")

    # -- reading a page (this process), in the order the spider hands them over ---------------------------
    def _take(self, page) -> None:
        """Queue a fetched page: its reading — judged by its content and, when it is an article, its figures
        extracted — runs on the executor (at once, inline); the spider follows its links when the verdict
        comes back (`_settle`), and the page is stored in the order pages were taken."""
        if page.kind == "report":
            # a report is read (and a scan OCR'd, up to minutes) before the page's transaction takes the
            # write lock, so other writers do not wait on it
            self.jobs.append(Job(page, "report", prepared=self._read_report(page)))
            return
        content = page.result.content or b""
        sha = hashlib.sha256(content).hexdigest()
        if self._read_before(page, "html"):  # a stored article, these very bytes: not read again
            self._judged(page, judge.Verdict("article", "unchanged since it was stored"))
            self.jobs.append(Job(page, "unchanged"))
            return
        if page.legacy:  # read in any code page it is garbage with figures in it: refused, not stored
            verdict = judge.Verdict("refused", f"legacy Vietnamese encoding ({page.legacy}), not Unicode: not read")
            self.jobs.append(Job(page, "verdict", verdict, sha256=sha))
            self._settled(self.jobs[-1], Reading(verdict))
            return
        known = self.store.page_verdict(page.url, sha, self.judge_version)
        if known and known[0] in ("listing", "too_short"):  # judged from these very bytes before
            self._judged(page, judge.Verdict(known[0], known[1]))
            return
        future = self.executor.submit(read_and_extract, page.html or "", page.url, page.site, page.request.meta,
                                      self._since_for(page), self.archive.name_for(content, "html"), page.encoding)
        job = Job(page, "reading", future=future, sha256=sha)
        self.jobs.append(job)
        self.reading.append(job)
        self._settle(wait=False)

    def _settle(self, wait: bool) -> None:
        """Follow the pages whose reading came back (any order); with `wait`, the first one at least."""
        for job in list(self.reading):
            if not (wait or job.future.done()):
                continue
            wait = False
            self.reading.remove(job)
            try:
                reading = job.future.result()
            except Exception as e:  # noqa: BLE001 - the reader crashed on this page: its failure only
                reading = Reading(judge.Verdict("too_short", f"not read: {type(e).__name__}: {e}"), error=e)
            self._settled(job, reading)

    def _settled(self, job: Job, reading: "Reading") -> None:
        page, verdict = job.page, reading.verdict
        self._judged(page, verdict)
        job.verdict, job.kind = verdict, "verdict"
        if reading.error is not None:
            self.errors.append((page.url, f"{type(reading.error).__name__}: {reading.error}"))
            self.counts["documents_failed"] += 1
            job.kind = "skip"
        elif verdict.kind == "refused":
            self.errors.append((page.url, verdict.reason))
            self.counts["documents_failed"] += 1
        elif verdict.kind == "article" and reading.older:
            self.extra["older_than_since"] += 1
            job.kind = "skip"
        elif verdict.kind == "article":
            job.kind, job.doc, job.canonical, job.fingerprint = "article", reading.doc, reading.canonical, \
                reading.fingerprint
            job.extraction, job.body = reading.extraction, reading.body

    def _since_for(self, page) -> str | None:
        """The `--since` that applies to the page (the monthly crawl lifts it for pages already stored)."""
        return self.since

    def _judged(self, page, verdict) -> None:
        self.verdicts[verdict.kind] += 1
        examples = self.examples.setdefault(verdict.kind, [])
        if len(examples) < 3:
            examples.append((page.url, verdict.reason))
        self.spider.follow(page, verdict.kind)

    # -- storing (this process, the single writer), in the order the pages were read -----------------------
    def _store(self, wait: bool, drain: bool, progress) -> tuple[Path, str] | None:
        """Store the queued pages whose extraction is done, in order: all of them (`drain`), the first even
        if it has to be waited for (`wait`), else only those ready. Returns the file that cannot be written
        when one stops the crawl."""
        self._settle(wait=False)
        while self.jobs:
            if not (drain or wait or self.jobs[0].ready()):
                return None
            wait = False
            job = self.jobs.popleft()
            if job.kind == "reading":  # its verdict is not followed yet: wait for it
                while job in self.reading:
                    self._settle(wait=True)
            fatal = self._write(job)
            if fatal:
                return fatal
            self._event(*progress, "stored", job.page.url)
        return None

    def _write(self, job: Job) -> tuple[Path, str] | None:
        page = job.page
        counted = dict(self.counts), dict(self.extra)
        try:
            with page_transaction(self.db):  # the page's document and crawl state together
                self._process(page, job)
        except Exception as e:  # noqa: BLE001 - one bad page must not stop the crawl …
            # nothing of the page was stored: neither is it counted (new, duplicate …). (A simhash it added
            # to the duplicate index stays, harmless: its document's text is not found, so it is never
            # taken for a near-duplicate.)
            for now, then in zip((self.counts, self.extra), counted):
                now.clear()
                now.update(then)
            self.counts["documents_failed"] += 1
            fatal = self._unwritable(e)
            if fatal:  # … but a file that cannot be written must: every page would fail
                return fatal
            self.errors.append((page.url, f"{type(e).__name__}: {e}"))
        return None

    def _process(self, page, job: Job) -> None:
        """One page's writes, inside its transaction."""
        if job.kind == "skip":
            return
        if job.kind == "report":
            self._process_report(page, job.prepared)
        elif job.kind == "unchanged":
            self.store.touch(page.url)
            self.counts["documents_read"] += 1
            self.counts["documents_unchanged"] += 1
        elif job.kind == "verdict":
            self._record_verdict(page, job)
        else:
            self._process_article(page, job)

    def _record_verdict(self, page, job: Job) -> None:
        v = job.verdict
        self.store.record_verdict(page.url, page.site.name, v.kind, v.reason, job.sha256, self.judge_version,
                                  self.run_id)

    def _read_report(self, page):
        """The page's Report, or the error reading it raised; None when these bytes were read before
        (the page's transaction then counts it as unchanged)."""
        content = page.result.content or b""
        if self._read_before(page, _report_kind(content)):
            return None
        try:
            return reports.read_report(content, page.url, page.result.content_type)
        except Exception as e:  # noqa: BLE001 - handled in the page's transaction, as before
            return e

    def _read_before(self, page, kind: str) -> bool:
        """These very bytes were read into a document by this reader before."""
        rel = self.archive.name_for(page.result.content or b"", kind)
        return self.store.unchanged(page.url, rel, self.version) is not None

    def _already_read(self, page, kind: str) -> bool:
        """True (and counted) when these very bytes were read into a document by this reader before —
        a re-crawl's 304s and unchanged pages cost no extraction."""
        if not self._read_before(page, kind):
            return False
        self.store.touch(page.url)
        self.counts["documents_read"] += 1
        self.counts["documents_unchanged"] += 1
        return True

    def _process_article(self, page, job: Job) -> None:
        site, doc = page.site, job.doc
        canonical, fp, body = job.canonical, job.fingerprint, job.body
        rel = self.archive.save(page.result.content or b"", "html")
        self.counts["documents_read"] += 1
        self._record_verdict(page, job)
        dup = self.store.find_duplicate(doc.id, body, fp)
        if dup:
            self.extra["duplicates"] += 1
            self.counts["documents_unchanged"] += 1
            for u in {canonical, page.url}:
                self.store.record_url(dup, u, site.name, "duplicate", rel, fp, self.version)
            return
        if isinstance(job.extraction, BaseException):
            raise job.extraction
        self._loaded(job.extraction)
        self.store.record_url(doc.id, canonical, site.name, "canonical", rel, fp, self.version)
        if page.url != canonical:
            self.store.record_url(doc.id, page.url, site.name, "alias", rel, None, self.version)

    def _process_report(self, page, prepared=None) -> None:
        site, req = page.site, page.request
        kind = _report_kind(page.result.content or b"")
        if self._already_read(page, kind):
            return
        rel = self.archive.save(page.result.content or b"", kind)
        doc_id = url_id(page.url)
        self.counts["documents_read"] += 1
        same = self.store.document_for_archive(rel)
        if same and same != doc_id:
            self.extra["duplicates"] += 1
            self.counts["documents_unchanged"] += 1
            self.store.record_url(same, page.url, site.name, "duplicate", rel, None, self.version)
            return
        try:
            if isinstance(prepared, BaseException):
                raise prepared
            rep = prepared or reports.read_report(page.result.content or b"", page.url, page.result.content_type)
        except reports.ReportError as e:
            self.counts["documents_failed"] += 1
            self.errors.append((page.url, str(e)))
            return
        self.extra["reports"] += 1
        if not rep.text_layer:
            self.extra["scanned"] += 1
        if getattr(rep, "ocr", False):
            self.extra["ocr_pages"] += rep.ocr_pages
        published = req.meta.get("published") or (self.store.published_of_url(req.meta["referer"])
                                                  if req.meta.get("referer") else None)
        since = self._since_for(page)
        if since and published and published[:10] < since:
            self.extra["older_than_since"] += 1
            return
        title = rep.title or req.meta.get("link_text") or unquote(urlsplit(page.url).path.rsplit("/", 1)[-1])
        doc = Document(id=doc_id, source=page.url, text=rep.text, title=title, published=published,
                       urls=[page.url], meta={"site": site.name, "archive": rel, "format": rep.format,
                                              "ocr": bool(getattr(rep, "ocr", False))})
        doc.meta["site_province"] = site.profile.province or None
        self._loaded(extract.extract_document(doc))
        self.store.record_url(doc_id, page.url, site.name, "canonical", rel, None, self.version)
        self.store.record_report(doc_id, page.url, rep)

    def _loaded(self, ex) -> None:
        """Load one extraction (tagged with `load_run_id`) and count it."""
        status = load(self.db, ex, run_id=self.load_run_id)
        self.counts[f"documents_{status}"] += 1
        if status != "unchanged":
            self.counts["mentions_added"] += len(ex.mentions)

    # -- terminal ----------------------------------------------------------------------------------------
    def _progress(self):
        progress = Progress(SpinnerColumn(), TextColumn("{task.fields[stats]}"), TextColumn("[dim]{task.description}"),
                            TimeElapsedColumn(), console=self.console, disable=self.quiet, transient=True)
        task = progress.add_task("starting", total=None, stats="")
        return progress, task

    def _event(self, progress, task, fetcher, kind: str, url: str) -> None:
        if self.quiet:
            return
        c = fetcher.stats.counts
        stats = (f"fetched {c['fetched']} · cached {c['from_cache'] + c['not_modified']} · failed {c['failed']} · "
                 f"queued {self.spider.pending() if hasattr(self, 'spider') else 0} · "
                 f"stored {self.counts['documents_new'] + self.counts['documents_changed']}")

        short = url if len(url) < 70 else url[:67] + "…"
        progress.update(task, description=escape(f"{kind} {short}"), stats=stats)

    def _print_summary(self, s: dict, errors: list, spider, seconds: float) -> None:
        c = self.counts
        t = Table(title=escape(f"chitieu crawl: {s['sites']} ({seconds:.1f} s)"), show_header=False, box=None,
                  title_justify="left")
        t.add_column(style="bold")
        t.add_column(justify="right")
        rows = [
            ("pages fetched", s["fetched"]), ("from cache", s["from_cache"]),
            ("not modified (304)", s["not_modified"]), ("skipped by robots.txt", s["skipped_robots"]),
            ("refused (outside the sites)", s["skipped_boundary"]),
            ("links to other hosts, not followed", spider.counts["links_offsite"]),
            ("failed", s["failed"]), ("retries", s["retries"]),
            ("pages judged articles / listings / too short / refused",
             f"{s['judged_articles']} / {s['judged_listings']} / {s['judged_too_short']} / {s['judged_refused']}"),
            ("documents new / changed / unchanged", f"{c['documents_new']} / {c['documents_changed']} / "
                                                    f"{c['documents_unchanged']}"),
            ("duplicates stored once", s["duplicates"]), ("reports (scanned, pages OCR'd)", f"{s['reports']} ({s['scanned']}, {s['ocr_pages']})"),
            ("pages without an article", s["not_articles"]), ("older than --since", s["older_than_since"]),
            ("mentions added", c["mentions_added"]),
        ]
        if s["timed_out"]:
            rows.append(("timed out (the whole-response deadline, total_timeout)", s["timed_out"]))
        if s["left_by_budget"]:
            rows.append(("left unfetched (a site's time budget ran out)", s["left_by_budget"]))
        if spider.counts["left_in_frontier"]:
            rows.append(("left unfetched (--max-pages reached)", spider.counts["left_in_frontier"]))
        for k, v in rows:
            t.add_row(k, str(v))
        self.console.print(t)
        if not (c["documents_new"] + c["documents_changed"] + c["documents_unchanged"] + s["reports"]):
            for line in self._why_empty(s, spider):
                self.console.print(f"  {escape(line)}", highlight=False, soft_wrap=True)
        for url, reason in errors[:30]:
            self.console.print(f"  [red]failed[/red] {escape(url)}: {escape(reason)}", highlight=False)
        if len(errors) > 30:
            self.console.print(f"  … and {len(errors) - 30} more (see run_errors)")
        self.console.print(f"chitieu: -> {self.db_path}", highlight=False, markup=False)

    def _why_empty(self, s: dict, spider) -> list[str]:
        """Why a crawl stored no document, in the words of its counts, with a few pages of each verdict."""
        lines = ["nothing was stored:"]
        got = s["fetched"] + s["from_cache"] + s["not_modified"]
        if not got:
            lines.append(f"  no page could be fetched ({s['failed']} failed, {s['skipped_robots']} disallowed by "
                         f"robots.txt, {s['skipped_boundary']} refused); see the errors below")
        words = {"article": "judged articles, but older than --since or copies of stored ones",
                 "listing": "judged listings (mostly links to other pages)",
                 "too_short": "too short to be an article", "refused": "refused (over the reader's limits)"}
        for kind, what in words.items():
            n = self.verdicts[kind]
            if n:
                lines.append(f"  {n} page(s) {what}, e.g.")
                lines += [f"    {url}: {reason}" for url, reason in self.examples.get(kind, [])]
        if s["older_than_since"]:
            lines.append(f"  {s['older_than_since']} article(s) older than --since")
        if got and not self.verdicts["article"]:
            lines.append("  no page had an article's prose; if the site's articles are there, a site profile can "
                         "name them (scrapers/README.md: [urls] force_article, [selectors] body, [extract] min_chars)")
        lines.append("  every page's verdict and reason: the crawl_pages table")
        return lines


class _PageConnection:
    """`db.conn` while a page is written: the sqlite3 connection, except that `with conn:` — which
    pipeline.db.store.load and WebStore use for their own transactions, and which would commit the page's
    transaction half-way — becomes a savepoint inside it."""

    def __init__(self, conn: sqlite3.Connection):
        object.__setattr__(self, "_conn", conn)
        object.__setattr__(self, "_depth", 0)

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __setattr__(self, name, value):
        setattr(self._conn, name, value)

    def __enter__(self):
        object.__setattr__(self, "_depth", self._depth + 1)
        self._conn.execute(f"SAVEPOINT chitieu_page_{self._depth}")
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        name = f"chitieu_page_{self._depth}"
        object.__setattr__(self, "_depth", self._depth - 1)
        if exc_type is None:
            self._conn.execute(f"RELEASE {name}")
        elif self._conn.in_transaction:  # SQLite may have rolled everything back already (disk full)
            try:
                self._conn.execute(f"ROLLBACK TO {name}")
                self._conn.execute(f"RELEASE {name}")
            except sqlite3.Error:
                pass  # the page's transaction is rolled back by page_transaction; `exc` goes on
        return False


@contextmanager
def page_transaction(db):
    """One transaction for everything written inside the block (one page): committed at its end, rolled
    back when it raises. Takes the write lock at once (BEGIN IMMEDIATE), so another writer makes it wait
    (the busy timeout) instead of failing it half-way."""
    conn = db.conn
    if isinstance(conn, _PageConnection):  # already inside one
        yield
        return
    if conn.in_transaction:  # nothing should be pending between pages; never fold it into a page
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    db.conn = _PageConnection(conn)
    try:
        try:
            yield
        finally:
            db.conn = conn
        conn.commit()
    except BaseException:
        if conn.in_transaction:
            try:
                conn.rollback()
            except sqlite3.Error:
                pass  # the error being raised says more
        raise


def _report_kind(content: bytes) -> str:
    return reports.sniff(content) or "bin"
