"""`chitieu run --month YYYY-MM` (and `make monthly`): the monthly batch, in the order the work is done —

    sites ([monthly] sites in the config, or --sites) -> crawl each since its last successful monthly run
      -> a local corpus folder (--corpus), through `pipeline.orchestration.run.run_corpus`
      -> stored documents extracted by an older extractor version, re-extracted from their stored text
      -> checks (`pipeline.orchestration.run.post_load`), when anything changed -> the report output/reports/MONTH.html

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

`--swap` and the lock: `pipeline.db.swap` (the run goes into a copy that replaces the database atomically; a
lock file keeps two monthly runs off one database).
"""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from extractors import EXTRACTOR_VERSION
from pipeline.orchestration.monthly.crawl import MonthlyCrawl
from pipeline.orchestration.monthly.refresh import COUNT_KEYS, refresh_stale
from pipeline.orchestration.monthly.settings import MONTH_RE, MonthlySettings, load_settings
from pipeline.orchestration.monthly.tables import last_success, month_run, retag
from pipeline.web.report import write_report
from pipeline.orchestration.run import checks_words, post_load, run_corpus
from pipeline.db.store import finish_run, open_db, start_run
from pipeline.db.swap import DbLock, swap_build
from scrapers.profiles import load_profile, profile_paths, resolve_sites
from scrapers.settings import READER_VERSION, ConfigError

LOCKED = 75                    # exit status when another monthly run holds the database (EX_TEMPFAIL)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


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
    follow_symlinks: bool = False
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
        db = open_db(work, sets=("monthly",))
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
                # a site nobody could reach is a failure of the run, named in run_errors and the report
                errors += [(f"site:{s}", "không truy cập được trang: không máy chủ nào trả lời bằng một trang, "
                            "một chuyển hướng hay 304 (site not reached: refused, timed out, 5xx everywhere or "
                            "robots.txt unreachable); the next run retries it from the same date")
                           for s in ok if not ok[s]]
            # 2. a local corpus
            if self.corpus:
                before = db.execute("select coalesce(max(id), 0) from runs").fetchone()[0]
                t: dict = {}
                self.say(f"corpus {self.corpus}")
                rc = run_corpus(self.corpus, work, quiet=self.quiet, executor=self.executor, workers=self.workers,
                                scheduler=self.scheduler, timings=t, follow_symlinks=self.follow_symlinks)
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
            finish_run(db, run_id, self._counts(db, run_id, stage), [*errors, ("monthly", status)], status=status)
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
                                 quiet=self.quiet, console=self.console, load_run=run_id, site_rows=rows,
                                 # the crawl's extraction goes to the executor only when one is named
                                 executor="inline" if self.executor == "auto" else self.executor,
                                 workers=self.workers, scheduler=self.scheduler,
                                 site_budget=self.settings.site_budget)
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
                         follow_symlinks=bool(getattr(args, "follow_symlinks", False)),
                         report_name=getattr(args, "report", None) or None, console=console)
        return run.run()
    finally:
        lock.release()
