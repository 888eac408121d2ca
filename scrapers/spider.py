"""Discovery: from start URLs, feeds and sitemaps to the article and report pages of each site.

The frontier keeps one queue per host. The scheduler hands a worker thread the next request of a host
that has none in flight (so hosts are fetched in parallel, each politely), preferring feeds and
sitemaps, then start pages, then pages likely to be articles and reports, then other pages. Feeds and
sitemaps are read here; every HTML page and report is handed on (`Page`) to be judged by its content
(`scrapers.judge`: an article, a listing, too short, refused), and the caller hands the verdict back
(`follow`): only then are the page's links queued — none from a refused page; from an article, only its
reports unless the profile follows article links; pagination (numbered, "next", WebForms postbacks) from
the others. A link's URL is only a hint of what it leads to: the profile's `article` patterns, or the
shape of the articles this crawl found by content (`scrapers.shape`), put it first and let it past the
listing depth. Links to hosts outside the site are counted, never queued.

A site may have a time budget (`site_budget` seconds from its first request): once it is spent, its
queue is dropped (counted, and an error names the site); requests in flight end within their deadline.
"""
from __future__ import annotations

import hashlib
import heapq
import itertools
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Callable, Iterator
from urllib.parse import urljoin

from scrapers.encoding import decode, legacy_vietnamese
from scrapers.feeds import FeedError, looks_like_feed, parse_feed
from scrapers.fetch import FetchResult, Fetcher
from scrapers.links import feed_links, next_pages, page_links, parse_html
from scrapers.profiles import Site
from scrapers.reports import sniff
from scrapers.shape import SiteShape
from scrapers.sitemaps import SitemapError, parse_sitemap
from scrapers.urls import host_key, normalize_url

PRIORITY = {"feed": 0, "sitemap": 0, "start": 1, "article": 2, "report": 2, "listing": 3}
MAX_SITEMAPS = 50


@dataclass(order=True)
class Request:
    priority: int
    seq: int
    url: str = field(compare=False)
    kind: str = field(compare=False)                 # start, listing, article, report, feed, sitemap
    site: Site = field(compare=False, repr=False)
    depth: int = field(compare=False, default=0)
    page_no: int = field(compare=False, default=1)
    method: str = field(compare=False, default="GET")
    data: dict | None = field(compare=False, default=None, repr=False)
    optional: bool = field(compare=False, default=False)   # a guess (/sitemap.xml): missing is no error
    meta: dict = field(compare=False, default_factory=dict)


@dataclass
class Page:
    """A fetched HTML page or report, for the caller to judge and extract."""
    request: Request
    result: FetchResult
    kind: str                    # html, report
    html: str | None = None      # decoded, NFC (html)
    encoding: str | None = None
    legacy: str | None = None    # a legacy Vietnamese encoding (TCVN3, VNI) the page is in: not readable

    @property
    def url(self) -> str:
        return self.result.final_url

    @property
    def site(self) -> Site:
        return self.request.site


class Spider:
    def __init__(self, fetcher: Fetcher, sites: list[Site], max_pages: int = 200, since: str | None = None,
                 max_depth: int = 3, concurrency: int = 4, on_event: Callable[[str, str], None] | None = None,
                 site_budget: float | None = None):
        self.fetcher = fetcher
        self.site_budget = site_budget or None
        self.shapes = {id(s): SiteShape(s.name, list(s.start_urls), set(s.hosts),
                                        known_article=lambda u, p=s.profile: p.classify(u) == "article")
                       for s in sites}
        self._site_started: dict[int, float] = {}
        self._over: dict[int, int] = {}   # sites whose budget is spent -> requests dropped
        self.sites = sites
        self.max_pages = max_pages
        self.since = since
        self.max_depth = max_depth
        self.concurrency = concurrency
        self.on_event = on_event or (lambda kind, url: None)
        self.counts: Counter[str] = Counter()
        self.errors: list[tuple[str, str]] = []     # discovery problems: unreadable feeds and sitemaps
        self._queues: dict[str, list[Request]] = {}
        self._seen: set[str] = set()
        self._seq = itertools.count()
        self._robots_done: set[str] = set()
        self.submitted = 0
        for site in sites:
            self._seed(site)

    # -- the frontier --------------------------------------------------------------------------------
    def _key(self, url: str, method: str, data: dict | None) -> str:
        if method == "GET":
            return url
        digest = hashlib.sha1(repr(sorted((data or {}).items())).encode()).hexdigest()[:16]
        return f"{method} {url} {digest}"

    def add(self, url: str, kind: str, site: Site, depth: int = 0, **kw) -> bool:
        url = normalize_url(url)
        if not url:
            return False
        if not site.owns(url):
            self.counts["links_offsite"] += 1
            return False
        key = self._key(url, kw.get("method", "GET"), kw.get("data"))
        if key in self._seen:
            return False
        self._seen.add(key)
        if id(site) in self._over:
            self._over[id(site)] += 1
            self.counts["left_by_budget"] += 1
            return False
        req = Request(PRIORITY[kind], next(self._seq), url, kind, site, depth, **kw)
        heapq.heappush(self._queues.setdefault(host_key(url), []), req)
        self.counts[f"queued_{kind}"] += 1
        return True

    def _seed(self, site: Site) -> None:
        p = site.profile
        for u in site.start_urls:
            cls = p.classify(u)
            self.add(u, cls if cls in ("article", "report") else "start", site)
        origins = sorted({urljoin(u, "/") for u in site.start_urls})
        for origin in origins:
            for f in p.feeds:
                self.add(urljoin(origin, f), "feed", site, depth=1, optional=p.name == "generic")
            for s in p.sitemaps:
                self.add(urljoin(origin, s), "sitemap", site, depth=1, optional=True)

    def pending(self) -> int:
        return sum(len(q) for q in self._queues.values())

    def shape(self, site: Site) -> SiteShape:
        return self.shapes[id(site)]

    def _spent(self, site: Site) -> bool:
        """Whether the site's time budget is used up: its requests are then dropped as they come up."""
        if id(site) in self._over:
            return True
        t0 = self._site_started.get(id(site))
        if not self.site_budget or t0 is None or time.monotonic() - t0 <= self.site_budget:
            return False
        self._over[id(site)] = 0
        return True

    def _drop(self, req: Request) -> None:
        self._over[id(req.site)] += 1
        self.counts["left_by_budget"] += 1

    def _pop(self, busy: set[str]) -> Request | None:
        best = None
        for host, q in self._queues.items():
            while q and self._spent(q[0].site):
                self._drop(heapq.heappop(q))
            if not q or host in busy:
                continue
            rank = (q[0].priority, self.fetcher.throttle.ready_at(host), q[0].seq)
            if best is None or rank < best[0]:
                best = (rank, host)
        return heapq.heappop(self._queues[best[1]]) if best else None

    # -- the loop ------------------------------------------------------------------------------------
    def run(self, outstanding: Callable[[], int] | None = None) -> Iterator[Page | None]:
        """The fetched pages, as they come. `outstanding()`: how many pages the caller is still judging
        (their links are not followed yet); while there are some and nothing is left to fetch, the run
        yields None, for the caller to wait for one and `follow` it, instead of ending."""
        inflight: dict[Future, Request] = {}
        busy: set[str] = set()
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="fetch") as pool:
            while True:
                while len(inflight) < self.concurrency and self.submitted < self.max_pages:
                    req = self._pop(busy)
                    if req is None:
                        break
                    busy.add(host_key(req.url))
                    self._site_started.setdefault(id(req.site), time.monotonic())
                    self.submitted += 1
                    self.on_event("fetching", req.url)
                    fut = pool.submit(self.fetcher.fetch, req.url, req.method, req.data, True, None, not req.optional)
                    inflight[fut] = req
                if not inflight:
                    if outstanding is not None and outstanding() and self.submitted < self.max_pages:
                        yield None
                        continue
                    break
                done, _ = wait(list(inflight), return_when=FIRST_COMPLETED)
                for fut in done:
                    req = inflight.pop(fut)
                    busy.discard(host_key(req.url))
                    try:
                        result = fut.result()
                    except Exception as e:  # noqa: BLE001 - a bug in one fetch must not end the crawl
                        self.errors.append((req.url, f"fetch crashed: {type(e).__name__}: {e}"))
                        self.counts["crashed"] += 1
                        continue
                    yield from self._handle(req, result)
        self.counts["left_in_frontier"] = self.pending()
        for site in self.sites:
            if id(site) in self._over:
                self.errors.append((site.start_urls[0] if site.start_urls else site.name,
                                    f"site {site.name}: time budget of {self.site_budget:g} s (site_budget) used "
                                    f"up; {self._over[id(site)]} URL(s) left unfetched"))

    # -- reading what came back ------------------------------------------------------------------------
    def _handle(self, req: Request, result: FetchResult) -> Iterator[Page]:
        self._robots_sitemaps(req)
        if result.skipped:
            self.on_event(f"skipped_{result.skipped}", req.url)
            return
        if not result.ok:
            if req.optional:
                self.counts["optional_missing"] += 1
            elif req.kind in ("article", "report"):
                self.counts["failed_documents"] += 1
            self.on_event("failed", req.url)
            return
        self.on_event("fetched", req.url)
        final = result.final_url
        if final != req.url:
            self._seen.add(self._key(final, "GET", None))
        content = result.content or b""
        if req.kind == "feed" or (req.kind == "sitemap" and looks_like_feed(content)):
            self._read_feed(req, result)
            return
        if req.kind == "sitemap":
            self._read_sitemap(req, result)
            return
        fmt = sniff(content, result.content_type, final)
        if req.kind == "report" or fmt:
            if fmt:
                yield Page(req, result, "report")
            else:
                self.counts["not_a_report"] += 1
            return
        ctype = result.content_type.lower()
        if ctype and "html" not in ctype and "xml" not in ctype and "text/plain" not in ctype:
            self.counts["not_html"] += 1
            return
        html, enc = decode(content, result.content_type)
        legacy = legacy_vietnamese(content) if enc != "utf-8" else None
        yield Page(req, result, "html", html, enc, legacy)

    def _robots_sitemaps(self, req: Request) -> None:
        host = host_key(req.url)
        if host in self._robots_done or not self.fetcher.robots.known(req.url):
            return
        self._robots_done.add(host)
        for sm in self.fetcher.robots.sitemaps(req.url):
            self.add(sm, "sitemap", req.site, depth=1)

    def classify(self, site: Site, url: str) -> str | None:
        """The profile's hint for an in-site URL, or `article` when it is shaped like the articles this
        crawl found on the site by their content."""
        cls = site.profile.classify(url)
        if cls == "listing" and self.shape(site).article_hint(url):
            return "article"
        return cls

    def follow(self, page: Page, verdict: str) -> None:
        """Queue what a judged page leads to (`verdict`: article, listing, too_short or refused)."""
        req = page.request
        self.shape(req.site).record(page.url, verdict, req.meta.get("referer"))
        if verdict == "refused":
            self.counts["refused_not_followed"] += 1
            return
        self._follow(req, parse_html(page.html or ""), page.url, verdict)

    def _follow(self, req: Request, root, url: str, verdict: str) -> None:
        site, profile = req.site, req.site.profile
        links = page_links(root, url)
        if req.kind == "start" or verdict == "listing":
            for f in feed_links(root, url):
                if self.add(f, "feed", site, depth=1):
                    self.shape(site).feeds.add(f)
        if req.kind in ("start", "listing") and verdict != "article":
            for np in next_pages(root, url, links, profile, req.page_no):
                if self.add(np.url, "listing", site, req.depth, page_no=np.page_no, method=np.method, data=np.data,
                            meta={"referer": url}):
                    self.counts["pagination"] += 1
        if verdict == "article" and not profile.follow_article_links:
            links = [l for l in links if profile.classify(l.url) == "report"]
        for link in links:
            if not site.owns(link.url):
                self.counts["links_offsite"] += 1
                continue
            cls = self.classify(site, link.url)
            if cls is None:
                self.counts["links_excluded"] += 1
            elif cls == "article":
                self.add(link.url, "article", site, req.depth + 1, meta={"referer": url})
            elif cls == "report":
                self.add(link.url, "report", site, req.depth + 1, meta={"link_text": link.text, "referer": url})
            elif req.depth + 1 <= self.max_depth:
                self.add(link.url, "listing", site, req.depth + 1, meta={"referer": url})

    def _older(self, date: str | None) -> bool:
        return bool(self.since and date and date[:10] < self.since)

    def _read_feed(self, req: Request, result: FetchResult) -> None:
        try:
            entries = parse_feed(result.content or b"", result.final_url)
        except FeedError as e:
            self.errors.append((req.url, str(e)))
            return
        for e in entries:
            if self._older(e.published):
                self.counts["older_than_since"] += 1
                continue
            kind = "report" if req.site.profile.classify(e.url) == "report" else "article"
            self.shape(req.site).feeds.add(req.url)
            self.add(e.url, kind, req.site, 1, meta={"published": e.published, "title": e.title})

    def _read_sitemap(self, req: Request, result: FetchResult) -> None:
        try:
            children, entries = parse_sitemap(result.content or b"", result.final_url)
        except SitemapError as e:
            if not req.optional:
                self.errors.append((req.url, str(e)))
            self.counts["bad_sitemap"] += 1
            return
        for c in children:
            if self.counts["queued_sitemap"] < MAX_SITEMAPS:
                self.add(c, "sitemap", req.site, 1)
        for e in entries:
            cls = self.classify(req.site, e.url)
            if cls is None:
                self.counts["sitemap_excluded"] += 1
                continue
            if self._older(e.lastmod):
                self.counts["older_than_since"] += 1
                continue
            # a page of no known shape is fetched and judged by its content; what it links to, only
            # when it is shaped like an article (it sits at the listing depth)
            self.add(e.url, cls, req.site, 1 if cls in ("article", "report") else self.max_depth,
                     meta={"lastmod": e.lastmod})
